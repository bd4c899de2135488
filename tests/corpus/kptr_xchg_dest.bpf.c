// SPDX-License-Identifier: GPL-2.0
/* kptr_xchg_dest: bpf_kptr_xchg swaps into a kptr field of a map value
 * the program has checked, or of an object it owns: exactly those types
 * (kptr_xchg_dest_types). A value that may be NULL is refused. */
#include "corpus.h"

struct holder {
	struct task_struct __kptr *task;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct holder);
} holders SEC(".maps");

struct inner {
	long key;
	struct task_struct __kptr *task;
};

struct outer {
	struct inner __kptr *in;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct outer);
} outers SEC(".maps");

/* ACCEPT: a checked map value. */
SEC("tc")
int swap_into_checked_value(struct __sk_buff *skb)
{
	int k = 0;
	struct holder *v = bpf_map_lookup_elem(&holders, &k);
	struct task_struct *t;

	if (!v)
		return 0;
	t = bpf_task_from_pid(1);
	if (!t)
		return 0;
	t = bpf_kptr_xchg(&v->task, t);
	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: a map value that may be NULL. */
SEC("tc")
int swap_into_unchecked_value(struct __sk_buff *skb)
{
	int k = bpf_get_prandom_u32();
	struct holder *v = bpf_map_lookup_elem(&holders, &k);
	struct task_struct *t = bpf_task_from_pid(1);

	if (!t)
		return 0;
	t = bpf_kptr_xchg(&v->task, t);
	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: a kptr of the program's own type loaded under RCU (a scalar to this kernel). */
SEC("tc")
int swap_into_rcu_object(struct __sk_buff *skb)
{
	int k = 0;
	struct outer *v = bpf_map_lookup_elem(&outers, &k);
	struct inner *n;

	if (!v)
		return 0;
	bpf_rcu_read_lock();
	n = v->in;
	if (n) {
		struct task_struct *t = bpf_kptr_xchg(&n->task, NULL);

		if (t)
			bpf_task_release(t);
	}
	bpf_rcu_read_unlock();
	return 0;
}
