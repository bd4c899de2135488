// SPDX-License-Identifier: GPL-2.0
/* A list program written against `kfreg header` and vmlinux.h only. */
#include "vmlinux.h"
#include "kfuncs.h"

struct elem {
	int v;
	struct bpf_list_node node;
};

private(L) struct bpf_spin_lock lock;
private(L) struct bpf_list_head head __contains(elem, node);

SEC("tc")
int list_push_pop(struct __sk_buff *skb)
{
	struct elem *e = bpf_obj_new(struct elem);
	struct bpf_list_node *n;

	if (!e)
		return 0;
	e->v = skb->len;
	bpf_spin_lock(&lock);
	bpf_list_push_back(&head, &e->node);
	n = bpf_list_pop_front(&head);
	bpf_spin_unlock(&lock);
	if (n)
		bpf_obj_drop(container_of(n, struct elem, node));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
