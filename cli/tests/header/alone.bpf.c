// SPDX-License-Identifier: GPL-2.0
/* A list program with an open-coded loop, written against `kfreg header`
 * alone: no vmlinux.h, no <linux/bpf.h>. */
#include "kfuncs.h"

struct elem {
	int v;
	struct bpf_list_node node;
};

private(L) struct bpf_spin_lock lock;
private(L) struct bpf_list_head head __contains(elem, node);

SEC("tc")
int alone(void *ctx)
{
	struct bpf_list_node *n;
	int i;

	bpf_for(i, 0, 4) {
		struct elem *e = bpf_obj_new(struct elem);

		if (!e)
			return 0;
		e->v = i;
		bpf_spin_lock(&lock);
		bpf_list_push_front(&head, &e->node);
		bpf_spin_unlock(&lock);
	}
	bpf_spin_lock(&lock);
	n = bpf_list_pop_back(&head);
	bpf_spin_unlock(&lock);
	if (n)
		bpf_obj_drop(container_of(n, struct elem, node));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
