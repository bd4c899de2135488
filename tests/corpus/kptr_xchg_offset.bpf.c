// SPDX-License-Identifier: GPL-2.0
/* kptr_xchg_offset: what bpf_kptr_xchg stores in a referenced kptr field
 * is the object itself: a pointer into it, at any fixed offset, is no
 * match for the field's type (a strict btf_struct_ids_match). */
#include "corpus.h"

struct pair {
	long key;
	long value;
};

struct task_holder {
	struct task_struct __kptr *task;
};

struct node_holder {
	struct pair __kptr *node;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct task_holder);
} task_holders SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct node_holder);
} node_holders SEC(".maps");

/* REJECT: a task pointer moved 8 bytes in. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_moved_in, struct task_struct *task, u64 clone_flags)
{
	int k = 0;
	struct task_holder *v = bpf_map_lookup_elem(&task_holders, &k);
	struct task_struct *t, *old;

	if (!v)
		return 0;
	t = bpf_task_acquire(task);
	if (!t)
		return 0;
	old = bpf_kptr_xchg(&v->task, (struct task_struct *)((char *)t + 8));
	if (old)
		bpf_task_release(old);
	return 0;
}

/* REJECT: the program's own object, 8 bytes in. */
SEC("tc")
int node_moved_in(struct __sk_buff *skb)
{
	int k = 0;
	struct node_holder *v = bpf_map_lookup_elem(&node_holders, &k);
	struct pair *n, *old;

	if (!v)
		return 0;
	n = bpf_obj_new(typeof(*n));
	if (!n)
		return 0;
	old = bpf_kptr_xchg(&v->node, (struct pair *)&n->value);
	if (old)
		bpf_obj_drop(old);
	return 0;
}

/* ACCEPT: the object itself. */
SEC("tc")
int node_itself(struct __sk_buff *skb)
{
	int k = 0;
	struct node_holder *v = bpf_map_lookup_elem(&node_holders, &k);
	struct pair *n, *old;

	if (!v)
		return 0;
	n = bpf_obj_new(typeof(*n));
	if (!n)
		return 0;
	old = bpf_kptr_xchg(&v->node, n);
	if (old)
		bpf_obj_drop(old);
	return 0;
}
