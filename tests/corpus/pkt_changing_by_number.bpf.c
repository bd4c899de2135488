// SPDX-License-Identifier: GPL-2.0
/* pkt_changing_by_number: a global function that calls a helper moving
 * packet data makes its callers' packet pointers stale. The kernel knows
 * such helpers by number while it checks control flow, before any path is
 * explored: a call the verifier would find dead counts, and so does one the
 * program's type may not make at all (cgroup_skb may not pull data). */
#include "corpus.h"

__noinline int pull_never(struct __sk_buff *skb)
{
	__u32 off;

	asm volatile("%0 = 0" : "=r"(off));
	if (off)
		bpf_skb_pull_data(skb, 0);
	return 0;
}

__noinline int pull_always(struct __sk_buff *skb)
{
	bpf_skb_pull_data(skb, 0);
	return 0;
}

/* REJECT: tc may pull: the packet pointer read after the call is stale. */
SEC("tc")
int tc_dead_pull_stales_packet(struct __sk_buff *skb)
{
	char *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 16 > end)
		return 1;
	pull_never(skb);
	return data[3] & 1;
}

/* REJECT: cgroup_skb may not pull, but the call still stales the pointer. */
SEC("cgroup_skb/egress")
int cgroup_dead_pull_stales_packet(struct __sk_buff *skb)
{
	char *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 16 > end)
		return 1;
	pull_never(skb);
	return data[3] & 1;
}

/* REJECT: a live call: the stale pointer is found in the program first. */
SEC("cgroup_skb/egress")
int cgroup_live_pull_stales_packet(struct __sk_buff *skb)
{
	char *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 16 > end)
		return 1;
	pull_always(skb);
	return data[3] & 1;
}

/* ACCEPT: the packet is read before the call only. */
SEC("cgroup_skb/egress")
int cgroup_reads_before_dead_pull(struct __sk_buff *skb)
{
	char *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	int v;

	if (data + 16 > end)
		return 1;
	v = data[3] & 1;
	pull_never(skb);
	return v;
}
