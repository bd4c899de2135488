// SPDX-License-Identifier: GPL-2.0
/* kfunc_arg_modifiers: what a pointer's type modifiers do to kfunc and
 * helper arguments. A `__nullable` parameter takes a pointer that may be
 * NULL past the NULL check, to fail as no trusted kernel object; graph
 * kfuncs take exactly an allocated object (a per-CPU one is none); a
 * helper's kernel object argument is a plain, trusted or RCU kernel
 * pointer, never the program's own object. */
#include "corpus.h"

struct pcval {
	long a;
	long b;
};

struct gelem {
	long v;
	struct bpf_list_node node;
};

struct gholder {
	struct gelem __kptr *e;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, int);
	__type(value, struct gholder);
} holders SEC(".maps");

private(G) struct bpf_spin_lock glock;
private(G) struct bpf_list_head ghead __contains(gelem, node);

__u64 sink;

/* REJECT: a referenced task that may be NULL to task__nullable. */
SEC("syscall")
int nullable_given_maybe_null_ref(void *ctx)
{
	struct task_struct *t = bpf_task_from_pid(1);
	struct bpf_iter_task it;

	bpf_iter_task_new(&it, t, 0);
	bpf_iter_task_destroy(&it);
	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: an iterator's trusted task that may be NULL to task__nullable. */
SEC("iter/task")
int nullable_given_trusted_or_null(struct bpf_iter__task *ctx)
{
	struct bpf_iter_task it;

	bpf_iter_task_new(&it, ctx->task, 0);
	bpf_iter_task_destroy(&it);
	return 0;
}

/* ACCEPT: NULL itself to task__nullable. */
SEC("syscall")
int nullable_given_null(void *ctx)
{
	struct bpf_iter_task it;

	bpf_rcu_read_lock();
	bpf_iter_task_new(&it, NULL, 0);
	bpf_iter_task_destroy(&it);
	bpf_rcu_read_unlock();
	return 0;
}

/* REJECT: a per-CPU object is no list head's holder. */
SEC("tc")
int percpu_object_as_list_head(struct __sk_buff *skb)
{
	struct pcval __percpu_kptr *p = bpf_percpu_obj_new(struct pcval);
	struct bpf_list_node *n;

	if (!p)
		return 0;
	n = bpf_list_pop_front((void *)p);
	sink += (__u64)n;
	bpf_percpu_obj_drop(p);
	return 0;
}

/* REJECT: a per-CPU object is no tree root's holder. */
SEC("tc")
int percpu_object_as_rb_root(struct __sk_buff *skb)
{
	struct pcval __percpu_kptr *p = bpf_percpu_obj_new(struct pcval);
	struct bpf_rb_node *n;

	if (!p)
		return 0;
	n = bpf_rbtree_first((void *)p);
	sink += (__u64)n;
	bpf_percpu_obj_drop(p);
	return 0;
}

/* REJECT: a per-CPU object is no list node. */
SEC("tc")
int percpu_object_as_list_node(struct __sk_buff *skb)
{
	struct pcval __percpu_kptr *p = bpf_percpu_obj_new(struct pcval);

	if (!p)
		return 0;
	bpf_spin_lock(&glock);
	bpf_list_push_front(&ghead, (void *)p);
	bpf_spin_unlock(&glock);
	return 0;
}

/* REJECT: a per-CPU object's type has no record for refcounting. */
SEC("tc")
int percpu_object_refcount_acquire(struct __sk_buff *skb)
{
	struct pcval __percpu_kptr *p = bpf_percpu_obj_new(struct pcval);
	struct gelem *e;

	if (!p)
		return 0;
	e = bpf_refcount_acquire((struct gelem *)p);
	if (e)
		bpf_obj_drop(e);
	bpf_percpu_obj_drop(p);
	return 0;
}

/* REJECT: the program's own object to a helper wanting a task. */
SEC("tp_btf/task_newtask")
int BPF_PROG(own_object_to_helper, struct task_struct *task, u64 clone_flags)
{
	struct gelem *e = bpf_obj_new(struct gelem);

	if (!e)
		return 0;
	sink += bpf_get_task_stack((void *)e, &sink, 8, 0);
	bpf_obj_drop(e);
	return 0;
}

/* REJECT: a local kptr loaded under RCU is non-owning: no kptr_xchg source. */
SEC("tp_btf/task_newtask")
int BPF_PROG(rcu_local_kptr_exchanged, struct task_struct *task, u64 clone_flags)
{
	int k0 = 0, k1 = 1;
	struct gholder *a = bpf_map_lookup_elem(&holders, &k0);
	struct gholder *b = bpf_map_lookup_elem(&holders, &k1);
	struct gelem *e, *old;

	if (!a || !b)
		return 0;
	e = a->e;
	if (!e)
		return 0;
	old = bpf_kptr_xchg(&b->e, e);
	if (old)
		bpf_obj_drop(old);
	return 0;
}

char _license[] SEC("license") = "GPL";
