// SPDX-License-Identifier: GPL-2.0
/* global_dynptr: a global function's `struct bpf_dynptr *` argument. The
 * kernel gives it the skb type whatever the caller passed: a slice of it
 * dies when the packet may move. A global function that writes through a
 * dynptr may move the packet, so its callers lose their packet pointers;
 * one that only reads does not, nor does a static function's write to a
 * local dynptr. */
#include "corpus.h"

char gbuf[16];

__noinline __weak int slice_then_pull(struct bpf_dynptr *d, struct __sk_buff *skb)
{
	long buf = 0, *p = bpf_dynptr_slice(d, 0, &buf, sizeof(buf));

	if (!p)
		return 0;
	bpf_skb_pull_data(skb, 0);
	return *p;
}

/* REJECT: a slice of a global function's dynptr dies with bpf_skb_pull_data. */
SEC("tc")
int global_dynptr_slice_after_pull(struct __sk_buff *skb)
{
	struct bpf_dynptr d;

	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, &d);
	return slice_then_pull(&d, skb);
}

__noinline __weak int slice_only(struct bpf_dynptr *d)
{
	long buf = 0, *p = bpf_dynptr_slice(d, 0, &buf, sizeof(buf));

	if (!p)
		return 0;
	return *p;
}

/* ACCEPT: a slice of it read in a syscall program. */
SEC("syscall")
int global_dynptr_slice_syscall(void *ctx)
{
	struct bpf_dynptr d;

	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, &d);
	return slice_only(&d);
}

__noinline __weak int write_through(struct bpf_dynptr *d)
{
	long v = 1;

	return bpf_dynptr_write(d, 0, &v, sizeof(v), 0);
}

__noinline __weak int read_through(struct bpf_dynptr *d)
{
	long v = 1;

	return bpf_dynptr_read(&v, sizeof(v), d, 0, 0);
}

static __noinline int static_write_through(struct bpf_dynptr *d)
{
	long v = 1;

	return bpf_dynptr_write(d, 0, &v, sizeof(v), 0);
}

/* REJECT: a global function writing through a dynptr moves the tc caller's packet. */
SEC("tc")
int global_dynptr_write_tc(struct __sk_buff *skb)
{
	struct bpf_dynptr d;
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 8 > end)
		return 0;
	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, &d);
	write_through(&d);
	return *(char *)data;
}

/* REJECT: the same in XDP. */
SEC("xdp")
int global_dynptr_write_xdp(struct xdp_md *x)
{
	struct bpf_dynptr d;
	void *data = (void *)(long)x->data, *end = (void *)(long)x->data_end;

	if (data + 8 > end)
		return 0;
	bpf_dynptr_from_xdp(x, 0, &d);
	write_through(&d);
	return *(char *)data;
}

/* ACCEPT: a global function reading through a dynptr leaves the packet. */
SEC("tc")
int global_dynptr_read_tc(struct __sk_buff *skb)
{
	struct bpf_dynptr d;
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 8 > end)
		return 0;
	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, &d);
	read_through(&d);
	return *(char *)data;
}

/* ACCEPT: a static function writing to a local dynptr leaves the packet. */
SEC("tc")
int static_dynptr_write_tc(struct __sk_buff *skb)
{
	struct bpf_dynptr d;
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 8 > end)
		return 0;
	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, &d);
	static_write_through(&d);
	return *(char *)data;
}
