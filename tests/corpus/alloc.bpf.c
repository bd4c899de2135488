// SPDX-License-Identifier: GPL-2.0
/* alloc: bpf_obj_new / bpf_obj_drop / bpf_percpu_obj_* and local kptrs in maps. */
#include "corpus.h"

struct obj {
	int a;
	long b;
};

struct pcpu_obj {
	long cnt;
};

struct kptr_val {
	struct obj __kptr *p;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct kptr_val);
} kptr_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} plain_map SEC(".maps");

int type_sel;

/* ACCEPT: new, NULL check, write a field, drop. */
SEC("tc")
int alloc_new_drop(struct __sk_buff *skb)
{
	struct obj *o = bpf_obj_new(struct obj);

	if (!o)
		return 0;
	o->a = 1;
	o->b = 2;
	bpf_obj_drop(o);
	return 0;
}

/* REJECT: dereference of bpf_obj_new's result without a NULL check (ptr_or_null). */
SEC("tc")
int alloc_no_null_check(struct __sk_buff *skb)
{
	struct obj *o = bpf_obj_new(struct obj);

	o->a = 1;
	bpf_obj_drop(o);
	return 0;
}

/* REJECT: the new object is never dropped (Unreleased reference). */
SEC("tc")
int alloc_leak(struct __sk_buff *skb)
{
	struct obj *o = bpf_obj_new(struct obj);

	if (!o)
		return 0;
	o->a = 1;
	return 1;
}

/* REJECT: leak on one branch only (dropped when skb->len > 10, leaked otherwise). */
SEC("tc")
int alloc_leak_one_branch(struct __sk_buff *skb)
{
	struct obj *o = bpf_obj_new(struct obj);

	if (!o)
		return 0;
	if (skb->len > 10)
		bpf_obj_drop(o);
	return 0;
}

/* ACCEPT: dropped on both branches of a data-dependent condition. */
SEC("tc")
int alloc_drop_both_branches(struct __sk_buff *skb)
{
	struct obj *o = bpf_obj_new(struct obj);

	if (!o)
		return 0;
	if (skb->len > 10) {
		o->a = 5;
		bpf_obj_drop(o);
		return 1;
	}
	bpf_obj_drop(o);
	return 0;
}

/* REJECT: read a field after bpf_obj_drop (the pointer became a scalar). */
SEC("tc")
int alloc_use_after_drop(struct __sk_buff *skb)
{
	struct obj *o = bpf_obj_new(struct obj);
	int v;

	if (!o)
		return 0;
	bpf_obj_drop(o);
	v = o->a;
	return v;
}

/* REJECT: the same object dropped twice. */
SEC("tc")
int alloc_double_drop(struct __sk_buff *skb)
{
	struct obj *o = bpf_obj_new(struct obj);

	if (!o)
		return 0;
	bpf_obj_drop(o);
	bpf_obj_drop(o);
	return 0;
}

/* REJECT: bpf_obj_drop of a map value, not an allocated object. */
SEC("tc")
int alloc_drop_map_value(struct __sk_buff *skb)
{
	int key = 0;
	long *v = bpf_map_lookup_elem(&plain_map, &key);

	if (!v)
		return 0;
	bpf_obj_drop(v);
	return 0;
}

/* REJECT: bpf_obj_drop of a pointer into the middle of the object (non-zero offset). */
SEC("tc")
int alloc_drop_nonzero_off(struct __sk_buff *skb)
{
	struct obj *o = bpf_obj_new(struct obj);

	if (!o)
		return 0;
	bpf_obj_drop(&o->b);
	return 0;
}

/* REJECT: bpf_obj_new of a non-struct type (int). */
SEC("tc")
int alloc_new_int(struct __sk_buff *skb)
{
	int *p = bpf_obj_new_impl(bpf_core_type_id_local(int), NULL);

	if (!p)
		return 0;
	bpf_obj_drop(p);
	return 0;
}

/* REJECT: bpf_obj_new_impl with a type id that is not a known constant. */
SEC("tc")
int alloc_new_nonconst_id(struct __sk_buff *skb)
{
	__u64 id = bpf_core_type_id_local(struct obj) + (skb->len & 1);
	struct obj *o;

	o = bpf_obj_new_impl(id, NULL);
	if (!o)
		return 0;
	bpf_obj_drop(o);
	return 0;
}

/* ACCEPT: stash a new object in a map kptr with bpf_kptr_xchg, drop whatever was there. */
SEC("tc")
int alloc_kptr_stash(struct __sk_buff *skb)
{
	int key = 0;
	struct kptr_val *v = bpf_map_lookup_elem(&kptr_map, &key);
	struct obj *o, *old;

	if (!v)
		return 0;
	o = bpf_obj_new(struct obj);
	if (!o)
		return 0;
	old = bpf_kptr_xchg(&v->p, o);
	if (old)
		bpf_obj_drop(old);
	return 0;
}

/* REJECT: bpf_kptr_xchg's old value (possibly an object) is never dropped. */
SEC("tc")
int alloc_kptr_xchg_leak_old(struct __sk_buff *skb)
{
	int key = 0;
	struct kptr_val *v = bpf_map_lookup_elem(&kptr_map, &key);
	struct obj *o, *old;

	if (!v)
		return 0;
	o = bpf_obj_new(struct obj);
	if (!o)
		return 0;
	old = bpf_kptr_xchg(&v->p, o);
	if (old)
		old->a = 1;
	return 0;
}

/* ACCEPT: take the stashed object out of the map (xchg with NULL) and drop it. */
SEC("tc")
int alloc_kptr_unstash(struct __sk_buff *skb)
{
	int key = 0;
	struct kptr_val *v = bpf_map_lookup_elem(&kptr_map, &key);
	struct obj *o;

	if (!v)
		return 0;
	o = bpf_kptr_xchg(&v->p, NULL);
	if (!o)
		return 0;
	o->b += 1;
	bpf_obj_drop(o);
	return 0;
}

/* ACCEPT: percpu object: bpf_percpu_obj_new and bpf_percpu_obj_drop. */
SEC("tc")
int alloc_percpu_new_drop(struct __sk_buff *skb)
{
	struct pcpu_obj __percpu_kptr *p = bpf_percpu_obj_new(struct pcpu_obj);

	if (!p)
		return 0;
	bpf_percpu_obj_drop(p);
	return 0;
}

/* REJECT: a plain object released with bpf_percpu_obj_drop. */
SEC("tc")
int alloc_percpu_drop_plain(struct __sk_buff *skb)
{
	struct obj *o = bpf_obj_new(struct obj);

	if (!o)
		return 0;
	bpf_percpu_obj_drop_impl(o, NULL);
	return 0;
}

/* ACCEPT: bpf_obj_new / bpf_obj_drop from a syscall program. */
SEC("syscall")
int alloc_syscall(void *ctx)
{
	struct obj *o = bpf_obj_new(struct obj);

	if (!o)
		return 0;
	o->a = 42;
	bpf_obj_drop(o);
	return 0;
}

struct big_obj {
	long arr[8];
	struct obj inner;
};

/* ACCEPT: bpf_obj_new / bpf_obj_drop in an xdp program. */
SEC("xdp")
int alloc_xdp_ok(struct xdp_md *ctx)
{
	struct obj *o = bpf_obj_new(struct obj);

	if (!o)
		return XDP_PASS;
	o->a = ctx->ingress_ifindex;
	bpf_obj_drop(o);
	return XDP_PASS;
}

/* ACCEPT: object with an array and a nested struct; constant-index writes. */
SEC("tc")
int alloc_big_obj_ok(struct __sk_buff *skb)
{
	struct big_obj *o = bpf_obj_new(struct big_obj);

	if (!o)
		return 0;
	o->arr[7] = skb->len;
	o->inner.b = 3;
	bpf_obj_drop(o);
	return 0;
}

/* REJECT: variable (even bounded) offset into an allocated object. */
SEC("tc")
int alloc_big_obj_var_index(struct __sk_buff *skb)
{
	struct big_obj *o = bpf_obj_new(struct big_obj);

	if (!o)
		return 0;
	o->arr[skb->len & 7] = 1;
	bpf_obj_drop(o);
	return 0;
}

/* ACCEPT: allocate and drop inside a num-iterator loop. */
SEC("tc")
int alloc_in_loop_ok(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *i;

	bpf_iter_num_new(&it, 0, 4);
	while ((i = bpf_iter_num_next(&it))) {
		struct obj *o = bpf_obj_new(struct obj);

		if (!o)
			break;
		o->a = *i;
		bpf_obj_drop(o);
	}
	bpf_iter_num_destroy(&it);
	return 0;
}

/* ACCEPT: bpf_obj_new in a tp_btf program, stashed in a map kptr. */
SEC("tp_btf/task_newtask")
int BPF_PROG(alloc_tp_btf_stash_ok, struct task_struct *task, u64 clone_flags)
{
	int key = 0;
	struct kptr_val *v = bpf_map_lookup_elem(&kptr_map, &key);
	struct obj *o, *old;

	if (!v)
		return 0;
	o = bpf_obj_new(struct obj);
	if (!o)
		return 0;
	o->a = task->pid;
	old = bpf_kptr_xchg(&v->p, o);
	if (old)
		bpf_obj_drop(old);
	return 0;
}
