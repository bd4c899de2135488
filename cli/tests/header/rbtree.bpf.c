// SPDX-License-Identifier: GPL-2.0
/* An rbtree program written against `kfreg header` and vmlinux.h only. */
#include "vmlinux.h"
#include "kfuncs.h"

struct item {
	long key;
	struct bpf_rb_node node;
};

private(T) struct bpf_spin_lock lock;
private(T) struct bpf_rb_root root __contains(item, node);

static bool less(struct bpf_rb_node *a, const struct bpf_rb_node *b)
{
	return container_of(a, struct item, node)->key < container_of(b, struct item, node)->key;
}

SEC("tc")
int rbtree_add_remove(struct __sk_buff *skb)
{
	struct item *it = bpf_obj_new(struct item);
	struct bpf_rb_node *first;

	if (!it)
		return 0;
	it->key = skb->len;
	bpf_spin_lock(&lock);
	bpf_rbtree_add(&root, &it->node, less);
	first = bpf_rbtree_first(&root);
	if (first)
		first = bpf_rbtree_remove(&root, first);
	bpf_spin_unlock(&lock);
	if (first)
		bpf_obj_drop(container_of(first, struct item, node));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
