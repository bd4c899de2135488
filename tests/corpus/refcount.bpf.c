// SPDX-License-Identifier: GPL-2.0
/* refcount: bpf_refcount_acquire on objects with a struct bpf_refcount, shared by a tree and a list. */
#include "corpus.h"

struct ref_item {
	long key;
	struct bpf_rb_node node;
	struct bpf_list_node lnode;
	struct bpf_refcount ref;
};

struct plain_item {
	long key;
	struct bpf_rb_node node;
};

private(R) struct bpf_spin_lock rlock;
private(R) struct bpf_rb_root rroot __contains(ref_item, node);
private(R) struct bpf_list_head rhead __contains(ref_item, lnode);

struct stash_val {
	struct ref_item __kptr *p;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct stash_val);
} stash SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} plain SEC(".maps");

static bool ref_less(struct bpf_rb_node *a, const struct bpf_rb_node *b)
{
	return container_of(a, struct ref_item, node)->key <
	       container_of(b, struct ref_item, node)->key;
}

/* ACCEPT: acquire a second ref on a new object (cannot fail); one ref goes to the tree, one to the list. */
SEC("tc")
int ref_tree_and_list_ok(struct __sk_buff *skb)
{
	struct ref_item *n = bpf_obj_new(struct ref_item), *m;

	if (!n)
		return 0;
	m = bpf_refcount_acquire(n);
	bpf_spin_lock(&rlock);
	bpf_rbtree_add(&rroot, &n->node, ref_less);
	bpf_list_push_back(&rhead, &m->lnode);
	bpf_spin_unlock(&rlock);
	return 0;
}

/* REJECT: bpf_refcount_acquire on a type without a bpf_refcount field. */
SEC("tc")
int ref_acquire_no_refcount_field(struct __sk_buff *skb)
{
	struct plain_item *n = bpf_obj_new(struct plain_item), *m;

	if (!n)
		return 0;
	m = bpf_refcount_acquire(n);
	bpf_obj_drop(m);
	bpf_obj_drop(n);
	return 0;
}

/* REJECT: the second reference from bpf_refcount_acquire is leaked. */
SEC("tc")
int ref_acquire_leak(struct __sk_buff *skb)
{
	struct ref_item *n = bpf_obj_new(struct ref_item), *m;

	if (!n)
		return 0;
	m = bpf_refcount_acquire(n);
	m->key = 1;
	bpf_obj_drop(n);
	return 0;
}

/* ACCEPT: refcount_acquire on a non-owning ref (after add) under the lock; result NULL-checked and dropped. */
SEC("tc")
int ref_acquire_nonowning_ok(struct __sk_buff *skb)
{
	struct ref_item *n = bpf_obj_new(struct ref_item), *m;

	if (!n)
		return 0;
	bpf_spin_lock(&rlock);
	bpf_rbtree_add(&rroot, &n->node, ref_less);
	m = bpf_refcount_acquire(n);
	bpf_spin_unlock(&rlock);
	if (!m)
		return 0;
	m->key += 1;
	bpf_obj_drop(m);
	return 0;
}

/* REJECT: refcount_acquire on a non-owning ref may return NULL; dereferenced unchecked. */
SEC("tc")
int ref_acquire_nonowning_no_null_check(struct __sk_buff *skb)
{
	struct ref_item *n = bpf_obj_new(struct ref_item), *m;

	if (!n)
		return 0;
	bpf_spin_lock(&rlock);
	bpf_rbtree_add(&rroot, &n->node, ref_less);
	m = bpf_refcount_acquire(n);
	bpf_spin_unlock(&rlock);
	m->key += 1;
	bpf_obj_drop(m);
	return 0;
}

/* REJECT: bpf_refcount_acquire of a map value (neither owning nor non-owning ref). */
SEC("tc")
int ref_acquire_map_value(struct __sk_buff *skb)
{
	int key = 0;
	long *v = bpf_map_lookup_elem(&plain, &key);
	long *m;

	if (!v)
		return 0;
	m = bpf_refcount_acquire_impl(v, NULL);
	if (m)
		bpf_obj_drop(m);
	return 0;
}

/* ACCEPT: a refcounted node removed from the tree by bpf_rbtree_remove via its list non-owning ref. */
SEC("tc")
int ref_remove_via_list_front_ok(struct __sk_buff *skb)
{
	struct bpf_list_node *l;
	struct bpf_rb_node *r;
	struct ref_item *n;

	bpf_spin_lock(&rlock);
	l = bpf_list_front(&rhead);
	if (!l) {
		bpf_spin_unlock(&rlock);
		return 0;
	}
	n = container_of(l, struct ref_item, lnode);
	r = bpf_rbtree_remove(&rroot, &n->node);
	bpf_spin_unlock(&rlock);
	if (r)
		bpf_obj_drop(container_of(r, struct ref_item, node));
	return 0;
}

/* ACCEPT: stash a refcounted object's second ref in a map kptr. */
SEC("tc")
int ref_stash_kptr_ok(struct __sk_buff *skb)
{
	int key = 0;
	struct stash_val *v = bpf_map_lookup_elem(&stash, &key);
	struct ref_item *n, *m, *old;

	if (!v)
		return 0;
	n = bpf_obj_new(struct ref_item);
	if (!n)
		return 0;
	m = bpf_refcount_acquire(n);
	old = bpf_kptr_xchg(&v->p, m);
	if (old)
		bpf_obj_drop(old);
	bpf_spin_lock(&rlock);
	bpf_rbtree_add(&rroot, &n->node, ref_less);
	bpf_spin_unlock(&rlock);
	return 0;
}

/* REJECT: a refcounted node's non-owning ref used after unlock. */
SEC("tc")
int ref_nonowning_after_unlock(struct __sk_buff *skb)
{
	struct ref_item *n = bpf_obj_new(struct ref_item);

	if (!n)
		return 0;
	bpf_spin_lock(&rlock);
	bpf_rbtree_add(&rroot, &n->node, ref_less);
	bpf_spin_unlock(&rlock);
	return n->key;
}

/* REJECT: an owning ref dropped and then passed to bpf_refcount_acquire. */
SEC("tc")
int ref_acquire_after_drop(struct __sk_buff *skb)
{
	struct ref_item *n = bpf_obj_new(struct ref_item), *m;

	if (!n)
		return 0;
	bpf_obj_drop(n);
	m = bpf_refcount_acquire(n);
	if (m)
		bpf_obj_drop(m);
	return 0;
}

/* ACCEPT: both refs released with bpf_obj_drop without ever entering a collection. */
SEC("tc")
int ref_acquire_drop_both_ok(struct __sk_buff *skb)
{
	struct ref_item *n = bpf_obj_new(struct ref_item), *m;

	if (!n)
		return 0;
	m = bpf_refcount_acquire(n);
	bpf_obj_drop(m);
	bpf_obj_drop(n);
	return 0;
}

/* ACCEPT: node at the list front also inserted into the tree via a new (maybe-NULL) owning ref. */
SEC("tc")
int ref_list_front_to_tree_ok(struct __sk_buff *skb)
{
	struct bpf_list_node *l;
	struct ref_item *n, *m;

	bpf_spin_lock(&rlock);
	l = bpf_list_front(&rhead);
	if (!l) {
		bpf_spin_unlock(&rlock);
		return 0;
	}
	n = container_of(l, struct ref_item, lnode);
	m = bpf_refcount_acquire(n);
	if (m)
		bpf_rbtree_add(&rroot, &m->node, ref_less);
	bpf_spin_unlock(&rlock);
	return 0;
}

/* ACCEPT: take the stashed refcounted object out of the map and drop it. */
SEC("tc")
int ref_unstash_ok(struct __sk_buff *skb)
{
	int key = 0;
	struct stash_val *v = bpf_map_lookup_elem(&stash, &key);
	struct ref_item *n;

	if (!v)
		return 0;
	n = bpf_kptr_xchg(&v->p, NULL);
	if (n)
		bpf_obj_drop(n);
	return 0;
}
