// SPDX-License-Identifier: GPL-2.0
/* rbtree_refcounted: non-owning references to nodes of a refcounted type are RCU pointers (the node may be freed elsewhere once dropped), neither trusted nor known not NULL, so a test of one for NULL has two sides. */
#include "corpus.h"

struct rc_node {
	long key;
	struct bpf_rb_node node;
	struct bpf_refcount ref;
};

private(Q) struct bpf_spin_lock rclock;
private(Q) struct bpf_rb_root rcroot __contains(rc_node, node);

static bool rc_less(struct bpf_rb_node *a, const struct bpf_rb_node *b)
{
	return container_of(a, struct rc_node, node)->key <
	       container_of(b, struct rc_node, node)->key;
}

/* ACCEPT: a refcounted node added to the tree. */
SEC("tc")
int rc_add_ok(struct __sk_buff *skb)
{
	struct rc_node *n = bpf_obj_new(struct rc_node);

	if (!n)
		return 0;
	n->key = skb->len;
	bpf_spin_lock(&rclock);
	bpf_rbtree_add(&rcroot, &n->node, rc_less);
	bpf_spin_unlock(&rclock);
	return 1;
}

/* ACCEPT: a refcounted node's non-owning reference tested again for NULL: both sides explored, both unlock once. */
SEC("tc")
int rc_first_retest_ok(struct __sk_buff *skb)
{
	struct bpf_rb_node *rb;
	long key = 0;

	bpf_spin_lock(&rclock);
	rb = bpf_rbtree_first(&rcroot);
	if (!rb) {
		bpf_spin_unlock(&rclock);
		return 0;
	}
	asm volatile("" : "+r"(rb));
	if (rb)
		key = container_of(rb, struct rc_node, node)->key;
	bpf_spin_unlock(&rclock);
	return key == 1;
}

/* REJECT: on the side where the retested reference is NULL the lock is released twice. */
SEC("tc")
int rc_first_retest_double_unlock(struct __sk_buff *skb)
{
	struct bpf_rb_node *rb;

	bpf_spin_lock(&rclock);
	rb = bpf_rbtree_first(&rcroot);
	if (!rb) {
		bpf_spin_unlock(&rclock);
		return 0;
	}
	asm volatile("" : "+r"(rb));
	if (!rb)
		bpf_spin_unlock(&rclock);
	bpf_spin_unlock(&rclock);
	return 1;
}

char _license[] SEC("license") = "GPL";
