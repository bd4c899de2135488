// SPDX-License-Identifier: GPL-2.0
/* list: bpf_list_head / bpf_list_node with bpf_spin_lock, in globals and in map values. */
#include "corpus.h"

struct elem {
	int v;
	struct bpf_list_node node;
};

struct other {
	struct bpf_list_node node;
	int w;
};

private(L) struct bpf_spin_lock glock;
private(L) struct bpf_list_head ghead __contains(elem, node);
private(M) struct bpf_spin_lock glock2;

struct lmap_val {
	struct bpf_spin_lock lock;
	struct bpf_list_head head __contains(elem, node);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct lmap_val);
} lmap SEC(".maps");

/* ACCEPT: new element pushed to the front of a global list under its lock. */
SEC("tc")
int list_push_front_ok(struct __sk_buff *skb)
{
	struct elem *e = bpf_obj_new(struct elem);

	if (!e)
		return 0;
	e->v = 1;
	bpf_spin_lock(&glock);
	bpf_list_push_front(&ghead, &e->node);
	bpf_spin_unlock(&glock);
	return 0;
}

/* ACCEPT: push_back, then pop_front under the lock; the popped element is dropped. */
SEC("tc")
int list_push_pop_ok(struct __sk_buff *skb)
{
	struct elem *e = bpf_obj_new(struct elem);
	struct bpf_list_node *n;

	if (!e)
		return 0;
	bpf_spin_lock(&glock);
	bpf_list_push_back(&ghead, &e->node);
	n = bpf_list_pop_front(&ghead);
	bpf_spin_unlock(&glock);
	if (!n)
		return 0;
	e = container_of(n, struct elem, node);
	bpf_obj_drop(e);
	return 0;
}

/* ACCEPT: pop_back; the popped element (owning) is read after unlock, then dropped. */
SEC("tc")
int list_pop_back_ok(struct __sk_buff *skb)
{
	struct bpf_list_node *n;
	struct elem *e;
	int v;

	bpf_spin_lock(&glock);
	n = bpf_list_pop_back(&ghead);
	bpf_spin_unlock(&glock);
	if (!n)
		return 0;
	e = container_of(n, struct elem, node);
	v = e->v;
	bpf_obj_drop(e);
	return v;
}

/* REJECT: bpf_list_push_front without holding the lock. */
SEC("tc")
int list_push_no_lock(struct __sk_buff *skb)
{
	struct elem *e = bpf_obj_new(struct elem);

	if (!e)
		return 0;
	bpf_list_push_front(&ghead, &e->node);
	return 0;
}

/* REJECT: bpf_list_pop_front without holding the lock. */
SEC("tc")
int list_pop_no_lock(struct __sk_buff *skb)
{
	struct bpf_list_node *n = bpf_list_pop_front(&ghead);

	if (n)
		bpf_obj_drop(container_of(n, struct elem, node));
	return 0;
}

/* REJECT: the lock taken is not the one in the head's allocation (.data.M vs .data.L). */
SEC("tc")
int list_wrong_lock(struct __sk_buff *skb)
{
	struct elem *e = bpf_obj_new(struct elem);

	if (!e)
		return 0;
	bpf_spin_lock(&glock2);
	bpf_list_push_front(&ghead, &e->node);
	bpf_spin_unlock(&glock2);
	return 0;
}

/* REJECT: program exits with the list's lock still held. */
SEC("tc")
int list_exit_locked(struct __sk_buff *skb)
{
	struct elem *e = bpf_obj_new(struct elem);

	if (!e)
		return 0;
	bpf_spin_lock(&glock);
	bpf_list_push_front(&ghead, &e->node);
	return 0;
}

/* REJECT: the same node pushed twice (after the first push the ref is non-owning). */
SEC("tc")
int list_double_push(struct __sk_buff *skb)
{
	struct elem *e = bpf_obj_new(struct elem);

	if (!e)
		return 0;
	bpf_spin_lock(&glock);
	bpf_list_push_front(&ghead, &e->node);
	bpf_list_push_back(&ghead, &e->node);
	bpf_spin_unlock(&glock);
	return 0;
}

/* REJECT: pushing a struct other into a head declared __contains(elem, node). */
SEC("tc")
int list_wrong_node_type(struct __sk_buff *skb)
{
	struct other *o = bpf_obj_new(struct other);

	if (!o)
		return 0;
	bpf_spin_lock(&glock);
	bpf_list_push_front(&ghead, &o->node);
	bpf_spin_unlock(&glock);
	return 0;
}

/* REJECT: node pointer with a wrong offset (&e->v, not &e->node). */
SEC("tc")
int list_wrong_node_offset(struct __sk_buff *skb)
{
	struct elem *e = bpf_obj_new(struct elem);

	if (!e)
		return 0;
	bpf_spin_lock(&glock);
	bpf_list_push_front(&ghead, (struct bpf_list_node *)&e->v);
	bpf_spin_unlock(&glock);
	return 0;
}

/* REJECT: popped element never dropped (Unreleased reference). */
SEC("tc")
int list_pop_leak(struct __sk_buff *skb)
{
	struct bpf_list_node *n;

	bpf_spin_lock(&glock);
	n = bpf_list_pop_front(&ghead);
	bpf_spin_unlock(&glock);
	if (!n)
		return 0;
	return container_of(n, struct elem, node)->v;
}

/* REJECT: popped node dereferenced without a NULL check. */
SEC("tc")
int list_pop_no_null_check(struct __sk_buff *skb)
{
	struct bpf_list_node *n;
	struct elem *e;

	bpf_spin_lock(&glock);
	n = bpf_list_pop_front(&ghead);
	bpf_spin_unlock(&glock);
	e = container_of(n, struct elem, node);
	e->v = 3;
	bpf_obj_drop(e);
	return 0;
}

/* ACCEPT: bpf_list_front under the lock; read through the non-owning ref before unlock. */
SEC("tc")
int list_front_peek_ok(struct __sk_buff *skb)
{
	struct bpf_list_node *n;
	int v = 0;

	bpf_spin_lock(&glock);
	n = bpf_list_front(&ghead);
	if (n)
		v = container_of(n, struct elem, node)->v;
	bpf_spin_unlock(&glock);
	return v;
}

/* REJECT: non-owning ref from bpf_list_front used after bpf_spin_unlock. */
SEC("tc")
int list_front_after_unlock(struct __sk_buff *skb)
{
	struct bpf_list_node *n;

	bpf_spin_lock(&glock);
	n = bpf_list_back(&ghead);
	bpf_spin_unlock(&glock);
	if (!n)
		return 0;
	return container_of(n, struct elem, node)->v;
}

/* ACCEPT: after push the node is a non-owning ref, still writable while the lock is held. */
SEC("tc")
int list_nonowning_write_under_lock(struct __sk_buff *skb)
{
	struct elem *e = bpf_obj_new(struct elem);

	if (!e)
		return 0;
	bpf_spin_lock(&glock);
	bpf_list_push_back(&ghead, &e->node);
	e->v = 7;
	bpf_spin_unlock(&glock);
	return 0;
}

/* REJECT: pushed node written after unlock (its non-owning ref was invalidated). */
SEC("tc")
int list_write_after_unlock(struct __sk_buff *skb)
{
	struct elem *e = bpf_obj_new(struct elem);

	if (!e)
		return 0;
	bpf_spin_lock(&glock);
	bpf_list_push_back(&ghead, &e->node);
	bpf_spin_unlock(&glock);
	e->v = 7;
	return 0;
}

/* REJECT: a helper (bpf_ktime_get_ns) called while the list lock is held. */
SEC("tc")
int list_helper_under_lock(struct __sk_buff *skb)
{
	struct elem *e = bpf_obj_new(struct elem);

	if (!e)
		return 0;
	bpf_spin_lock(&glock);
	e->v = bpf_ktime_get_ns();
	bpf_list_push_back(&ghead, &e->node);
	bpf_spin_unlock(&glock);
	return 0;
}

/* REJECT: bpf_obj_new (not a graph kfunc) called while the lock is held. */
SEC("tc")
int list_obj_new_under_lock(struct __sk_buff *skb)
{
	struct elem *e;

	bpf_spin_lock(&glock);
	e = bpf_obj_new(struct elem);
	if (e)
		bpf_list_push_back(&ghead, &e->node);
	bpf_spin_unlock(&glock);
	return 0;
}

/* ACCEPT: list head and lock inside an array map value. */
SEC("tc")
int list_map_value_ok(struct __sk_buff *skb)
{
	int key = 0;
	struct lmap_val *v = bpf_map_lookup_elem(&lmap, &key);
	struct elem *e;

	if (!v)
		return 0;
	e = bpf_obj_new(struct elem);
	if (!e)
		return 0;
	bpf_spin_lock(&v->lock);
	bpf_list_push_front(&v->head, &e->node);
	bpf_spin_unlock(&v->lock);
	return 0;
}

/* REJECT: map-value list pushed while holding the global lock instead of the value's lock. */
SEC("tc")
int list_map_value_global_lock(struct __sk_buff *skb)
{
	int key = 0;
	struct lmap_val *v = bpf_map_lookup_elem(&lmap, &key);
	struct elem *e;

	if (!v)
		return 0;
	e = bpf_obj_new(struct elem);
	if (!e)
		return 0;
	bpf_spin_lock(&glock);
	bpf_list_push_front(&v->head, &e->node);
	bpf_spin_unlock(&glock);
	return 0;
}

/* REJECT: a raw tracepoint program using a map that holds a bpf_list_head. */
SEC("raw_tp/sys_enter")
int list_in_raw_tp(void *ctx)
{
	struct elem *e = bpf_obj_new(struct elem);

	if (!e)
		return 0;
	bpf_spin_lock(&glock);
	bpf_list_push_front(&ghead, &e->node);
	bpf_spin_unlock(&glock);
	return 0;
}

/* ACCEPT: tp_btf (BPF_PROG_TYPE_TRACING) may use a global list. */
SEC("tp_btf/sys_enter")
int list_in_tp_btf(u64 *ctx)
{
	struct elem *e = bpf_obj_new(struct elem);

	if (!e)
		return 0;
	bpf_spin_lock(&glock);
	bpf_list_push_front(&ghead, &e->node);
	bpf_spin_unlock(&glock);
	return 0;
}

/* ACCEPT: pop from both ends in one critical section, both results dropped. */
SEC("tc")
int list_pop_both_ends_ok(struct __sk_buff *skb)
{
	struct bpf_list_node *a, *b;

	bpf_spin_lock(&glock);
	a = bpf_list_pop_front(&ghead);
	b = bpf_list_pop_back(&ghead);
	bpf_spin_unlock(&glock);
	if (a)
		bpf_obj_drop(container_of(a, struct elem, node));
	if (b)
		bpf_obj_drop(container_of(b, struct elem, node));
	return 0;
}

/* ACCEPT: map-value list used from a syscall program. */
SEC("syscall")
int list_syscall_ok(void *ctx)
{
	int key = 0;
	struct lmap_val *v = bpf_map_lookup_elem(&lmap, &key);
	struct elem *e;

	if (!v)
		return 0;
	e = bpf_obj_new(struct elem);
	if (!e)
		return 0;
	bpf_spin_lock(&v->lock);
	bpf_list_push_back(&v->head, &e->node);
	bpf_spin_unlock(&v->lock);
	return 0;
}

static __noinline int push_locked(struct elem *e)
{
	if (!e)
		return 0;
	bpf_spin_lock(&glock);
	bpf_list_push_front(&ghead, &e->node);
	bpf_spin_unlock(&glock);
	return 0;
}

/* ACCEPT: owning reference handed to a static subprogram that locks and pushes it (verified in the caller's state). */
SEC("tc")
int list_push_in_subprog_ok(struct __sk_buff *skb)
{
	struct elem *e = bpf_obj_new(struct elem);

	if (!e)
		return 0;
	return push_locked(e);
}

/* ACCEPT: two elements pushed in one critical section. */
SEC("tc")
int list_push_two_ok(struct __sk_buff *skb)
{
	struct elem *a = bpf_obj_new(struct elem), *b;

	if (!a)
		return 0;
	b = bpf_obj_new(struct elem);
	if (!b) {
		bpf_obj_drop(a);
		return 0;
	}
	bpf_spin_lock(&glock);
	bpf_list_push_front(&ghead, &a->node);
	bpf_list_push_back(&ghead, &b->node);
	bpf_spin_unlock(&glock);
	return 0;
}
