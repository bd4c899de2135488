// SPDX-License-Identifier: GPL-2.0
/* rbtree: bpf_rb_root / bpf_rb_node, add with a less() callback, first/remove/root/left/right. */
#include "corpus.h"

struct rb_item {
	long key;
	struct bpf_rb_node node;
	long val;
};

struct rb_other {
	struct bpf_rb_node node;
	long key;
};

private(T) struct bpf_spin_lock tlock;
private(T) struct bpf_rb_root troot __contains(rb_item, node);

struct tmap_val {
	struct bpf_spin_lock lock;
	struct bpf_rb_root root __contains(rb_item, node);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct tmap_val);
} tmap SEC(".maps");

static bool less(struct bpf_rb_node *a, const struct bpf_rb_node *b)
{
	struct rb_item *na = container_of(a, struct rb_item, node);
	const struct rb_item *nb = container_of(b, struct rb_item, node);

	return na->key < nb->key;
}

/* A less() callback that (illegally) removes a node from the tree. */
static bool less_remove(struct bpf_rb_node *a, const struct bpf_rb_node *b)
{
	struct bpf_rb_node *r = bpf_rbtree_remove(&troot, a);

	if (r)
		bpf_obj_drop(container_of(r, struct rb_item, node));
	return false;
}

/* A less() callback that takes the tree lock (it is already held). */
static bool less_lock(struct bpf_rb_node *a, const struct bpf_rb_node *b)
{
	bpf_spin_lock(&tlock);
	bpf_spin_unlock(&tlock);
	return false;
}

/* ACCEPT: new node added to a global tree under its lock. */
SEC("tc")
int rb_add_ok(struct __sk_buff *skb)
{
	struct rb_item *n = bpf_obj_new(struct rb_item);

	if (!n)
		return 0;
	n->key = skb->len;
	bpf_spin_lock(&tlock);
	bpf_rbtree_add(&troot, &n->node, less);
	bpf_spin_unlock(&tlock);
	return 0;
}

/* ACCEPT: first + remove under the lock; the removed node (owning) is dropped after unlock. */
SEC("tc")
int rb_first_remove_ok(struct __sk_buff *skb)
{
	struct bpf_rb_node *r;

	bpf_spin_lock(&tlock);
	r = bpf_rbtree_first(&troot);
	if (!r) {
		bpf_spin_unlock(&tlock);
		return 0;
	}
	r = bpf_rbtree_remove(&troot, r);
	bpf_spin_unlock(&tlock);
	if (!r)
		return 0;
	bpf_obj_drop(container_of(r, struct rb_item, node));
	return 0;
}

/* REJECT: bpf_rbtree_add without holding the lock. */
SEC("tc")
int rb_add_no_lock(struct __sk_buff *skb)
{
	struct rb_item *n = bpf_obj_new(struct rb_item);

	if (!n)
		return 0;
	bpf_rbtree_add(&troot, &n->node, less);
	return 0;
}

/* REJECT: bpf_rbtree_first without holding the lock. */
SEC("tc")
int rb_first_no_lock(struct __sk_buff *skb)
{
	struct bpf_rb_node *r = bpf_rbtree_first(&troot);

	return r ? 1 : 0;
}

/* REJECT: the node returned by bpf_rbtree_remove is never dropped. */
SEC("tc")
int rb_remove_leak(struct __sk_buff *skb)
{
	struct bpf_rb_node *r;

	bpf_spin_lock(&tlock);
	r = bpf_rbtree_first(&troot);
	if (!r) {
		bpf_spin_unlock(&tlock);
		return 0;
	}
	r = bpf_rbtree_remove(&troot, r);
	bpf_spin_unlock(&tlock);
	return r ? 1 : 0;
}

/* ACCEPT: bpf_rbtree_remove of an owning never-added node is allowed (returns NULL at run time). */
SEC("tc")
int rb_remove_owning(struct __sk_buff *skb)
{
	struct rb_item *n = bpf_obj_new(struct rb_item);
	struct bpf_rb_node *r;

	if (!n)
		return 0;
	bpf_spin_lock(&tlock);
	r = bpf_rbtree_remove(&troot, &n->node);
	bpf_spin_unlock(&tlock);
	bpf_obj_drop(n);
	if (r)
		bpf_obj_drop(container_of(r, struct rb_item, node));
	return 0;
}

/* REJECT: the non-owning ref from bpf_rbtree_first read after the unlock. */
SEC("tc")
int rb_first_after_unlock(struct __sk_buff *skb)
{
	struct bpf_rb_node *r;

	bpf_spin_lock(&tlock);
	r = bpf_rbtree_first(&troot);
	bpf_spin_unlock(&tlock);
	if (!r)
		return 0;
	return container_of(r, struct rb_item, node)->val;
}

/* ACCEPT: read and write the first node's payload while the lock is held. */
SEC("tc")
int rb_first_update_ok(struct __sk_buff *skb)
{
	struct bpf_rb_node *r;

	bpf_spin_lock(&tlock);
	r = bpf_rbtree_first(&troot);
	if (r)
		container_of(r, struct rb_item, node)->val += 1;
	bpf_spin_unlock(&tlock);
	return 0;
}

/* REJECT: the result of bpf_rbtree_remove dereferenced without a NULL check. */
SEC("tc")
int rb_remove_no_null_check(struct __sk_buff *skb)
{
	struct bpf_rb_node *r;
	struct rb_item *n;

	bpf_spin_lock(&tlock);
	r = bpf_rbtree_first(&troot);
	if (!r) {
		bpf_spin_unlock(&tlock);
		return 0;
	}
	r = bpf_rbtree_remove(&troot, r);
	bpf_spin_unlock(&tlock);
	n = container_of(r, struct rb_item, node);
	n->val = 1;
	bpf_obj_drop(n);
	return 0;
}

/* ACCEPT: walk from bpf_rbtree_root to its left and right children under the lock. */
SEC("tc")
int rb_root_left_right_ok(struct __sk_buff *skb)
{
	struct bpf_rb_node *r, *l, *rt;
	long sum = 0;

	bpf_spin_lock(&tlock);
	r = bpf_rbtree_root(&troot);
	if (r) {
		l = bpf_rbtree_left(&troot, r);
		rt = bpf_rbtree_right(&troot, r);
		if (l)
			sum += container_of(l, struct rb_item, node)->key;
		if (rt)
			sum += container_of(rt, struct rb_item, node)->key;
	}
	bpf_spin_unlock(&tlock);
	return sum;
}

/* REJECT: adding a struct rb_other to a root declared __contains(rb_item, node). */
SEC("tc")
int rb_add_wrong_type(struct __sk_buff *skb)
{
	struct rb_other *n = bpf_obj_new(struct rb_other);

	if (!n)
		return 0;
	bpf_spin_lock(&tlock);
	bpf_rbtree_add(&troot, &n->node, less);
	bpf_spin_unlock(&tlock);
	return 0;
}

/* REJECT: the same node added twice (second add gets a non-owning ref). */
SEC("tc")
int rb_add_twice(struct __sk_buff *skb)
{
	struct rb_item *n = bpf_obj_new(struct rb_item);

	if (!n)
		return 0;
	bpf_spin_lock(&tlock);
	bpf_rbtree_add(&troot, &n->node, less);
	bpf_rbtree_add(&troot, &n->node, less);
	bpf_spin_unlock(&tlock);
	return 0;
}

/* REJECT: bpf_rbtree_remove called inside the less() callback. */
SEC("tc")
int rb_cb_calls_remove(struct __sk_buff *skb)
{
	struct rb_item *n = bpf_obj_new(struct rb_item);

	if (!n)
		return 0;
	bpf_spin_lock(&tlock);
	bpf_rbtree_add(&troot, &n->node, less_remove);
	bpf_spin_unlock(&tlock);
	return 0;
}

/* REJECT: the less() callback takes a spin lock. */
SEC("tc")
int rb_cb_takes_lock(struct __sk_buff *skb)
{
	struct rb_item *n = bpf_obj_new(struct rb_item);

	if (!n)
		return 0;
	bpf_spin_lock(&tlock);
	bpf_rbtree_add(&troot, &n->node, less_lock);
	bpf_spin_unlock(&tlock);
	return 0;
}

/* ACCEPT: rbtree root and lock inside an array map value. */
SEC("tc")
int rb_map_value_ok(struct __sk_buff *skb)
{
	int key = 0;
	struct tmap_val *v = bpf_map_lookup_elem(&tmap, &key);
	struct rb_item *n;

	if (!v)
		return 0;
	n = bpf_obj_new(struct rb_item);
	if (!n)
		return 0;
	bpf_spin_lock(&v->lock);
	bpf_rbtree_add(&v->root, &n->node, less);
	bpf_spin_unlock(&v->lock);
	return 0;
}

/* REJECT: the added node written after unlock (non-owning ref invalidated). */
SEC("tc")
int rb_write_after_unlock(struct __sk_buff *skb)
{
	struct rb_item *n = bpf_obj_new(struct rb_item);

	if (!n)
		return 0;
	bpf_spin_lock(&tlock);
	bpf_rbtree_add(&troot, &n->node, less);
	bpf_spin_unlock(&tlock);
	n->val = 3;
	return 0;
}

/* ACCEPT: drain loop with an open-coded num iterator: remove first up to 4 times. */
SEC("tc")
int rb_drain_loop_ok(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *i;

	bpf_iter_num_new(&it, 0, 4);
	while ((i = bpf_iter_num_next(&it))) {
		struct bpf_rb_node *r;

		bpf_spin_lock(&tlock);
		r = bpf_rbtree_first(&troot);
		if (!r) {
			bpf_spin_unlock(&tlock);
			break;
		}
		r = bpf_rbtree_remove(&troot, r);
		bpf_spin_unlock(&tlock);
		if (r)
			bpf_obj_drop(container_of(r, struct rb_item, node));
	}
	bpf_iter_num_destroy(&it);
	return 0;
}

/* REJECT: node added, lock dropped and retaken, then removed through the stale (invalidated) pointer. */
SEC("tc")
int rb_remove_stale_after_relock(struct __sk_buff *skb)
{
	struct rb_item *n = bpf_obj_new(struct rb_item);
	struct bpf_rb_node *r;

	if (!n)
		return 0;
	bpf_spin_lock(&tlock);
	bpf_rbtree_add(&troot, &n->node, less);
	bpf_spin_unlock(&tlock);
	bpf_spin_lock(&tlock);
	r = bpf_rbtree_remove(&troot, &n->node);
	bpf_spin_unlock(&tlock);
	if (r)
		bpf_obj_drop(container_of(r, struct rb_item, node));
	return 0;
}

/* ACCEPT: two nodes added in one critical section. */
SEC("tc")
int rb_add_two_ok(struct __sk_buff *skb)
{
	struct rb_item *a = bpf_obj_new(struct rb_item), *b;

	if (!a)
		return 0;
	b = bpf_obj_new(struct rb_item);
	if (!b) {
		bpf_obj_drop(a);
		return 0;
	}
	a->key = 1;
	b->key = 2;
	bpf_spin_lock(&tlock);
	bpf_rbtree_add(&troot, &a->node, less);
	bpf_rbtree_add(&troot, &b->node, less);
	bpf_spin_unlock(&tlock);
	return 0;
}

/* ACCEPT: copy the first node's key out under the lock and return it after unlock. */
SEC("tc")
int rb_first_key_copy_ok(struct __sk_buff *skb)
{
	struct bpf_rb_node *r;
	long key = -1;

	bpf_spin_lock(&tlock);
	r = bpf_rbtree_first(&troot);
	if (r)
		key = container_of(r, struct rb_item, node)->key;
	bpf_spin_unlock(&tlock);
	return key;
}

/* ACCEPT: map-value rbtree used from a syscall program. */
SEC("syscall")
int rb_syscall_ok(void *ctx)
{
	int key = 0;
	struct tmap_val *v = bpf_map_lookup_elem(&tmap, &key);
	struct rb_item *n;

	if (!v)
		return 0;
	n = bpf_obj_new(struct rb_item);
	if (!n)
		return 0;
	bpf_spin_lock(&v->lock);
	bpf_rbtree_add(&v->root, &n->node, less);
	bpf_spin_unlock(&v->lock);
	return 0;
}

/* REJECT: bpf_rbtree_first of the map-value root while holding the global tree's lock. */
SEC("tc")
int rb_map_root_global_lock(struct __sk_buff *skb)
{
	int key = 0;
	struct tmap_val *v = bpf_map_lookup_elem(&tmap, &key);
	struct bpf_rb_node *r;

	if (!v)
		return 0;
	bpf_spin_lock(&tlock);
	r = bpf_rbtree_first(&v->root);
	bpf_spin_unlock(&tlock);
	return r ? 1 : 0;
}
