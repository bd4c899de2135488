// SPDX-License-Identifier: GPL-2.0
/* global_packet_args: a packet pointer passed as a global function's
 * memory argument. The function may write what it is given, so a program
 * type that may only read its packet (cgroup_skb, lwt_in, flow_dissector,
 * ...) passes none of it, whatever the range checked before the call;
 * tc may. */
#include "corpus.h"

__attribute__((noinline)) int put_one(int *p)
{
	if (!p)
		return 0;
	*p = 1;
	return 0;
}

/* REJECT: cgroup_skb may only read the packet: no packet memory for a function. */
SEC("cgroup_skb/ingress")
int read_only_packet_to_function(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;

	if (data + 4 > end)
		return 1;
	put_one(data);
	return 1;
}

/* REJECT: the same with too short a range: the packet is refused first. */
SEC("cgroup_skb/ingress")
int read_only_short_packet_to_function(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;

	if (data + 3 > end)
		return 1;
	put_one(data);
	return 1;
}

/* ACCEPT: tc may write its packet, and four bytes were checked. */
SEC("tc")
int writable_packet_to_function(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;

	if (data + 4 > end)
		return 0;
	put_one(data);
	return 0;
}

char _license[] SEC("license") = "GPL";
