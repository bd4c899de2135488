// SPDX-License-Identifier: GPL-2.0
/* dynptr: skb / xdp / local-memory / ringbuf dynptrs, slices and their invalidation. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb SEC(".maps");

char gbuf[64];

/* ACCEPT: skb dynptr + read-only slice of the Ethernet header, NULL-checked. */
SEC("tc")
int dynptr_skb_slice_ok(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	struct ethhdr buf, *eth;

	if (bpf_dynptr_from_skb(skb, 0, &ptr))
		return 0;
	eth = bpf_dynptr_slice(&ptr, 0, &buf, sizeof(buf));
	if (!eth)
		return 0;
	return eth->h_proto;
}

/* REJECT: slice dereferenced without a NULL check. */
SEC("tc")
int dynptr_slice_no_null_check(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	struct ethhdr buf, *eth;

	bpf_dynptr_from_skb(skb, 0, &ptr);
	eth = bpf_dynptr_slice(&ptr, 0, &buf, sizeof(buf));
	return eth->h_proto;
}

/* REJECT: read past the end of a 14-byte slice. */
SEC("tc")
int dynptr_slice_oob(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	struct ethhdr buf, *eth;

	bpf_dynptr_from_skb(skb, 0, &ptr);
	eth = bpf_dynptr_slice(&ptr, 0, &buf, sizeof(buf));
	if (!eth)
		return 0;
	return *((__u8 *)eth + sizeof(*eth));
}

/* REJECT: slice size not a known constant (buffer__szk). */
SEC("tc")
int dynptr_slice_var_size(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u8 buf[16], *p;
	__u32 sz = skb->len & 15;

	bpf_dynptr_from_skb(skb, 0, &ptr);
	p = bpf_dynptr_slice(&ptr, 0, buf, sz);
	if (!p)
		return 0;
	return p[0];
}

/* REJECT: xdp dynptr + writable slice (build 6.18.44-fc-v1252 refuses bpf_dynptr_slice_rdwr). */
SEC("xdp")
int dynptr_xdp_rdwr_ok(struct xdp_md *ctx)
{
	struct bpf_dynptr ptr;
	struct ethhdr buf, *eth;

	if (bpf_dynptr_from_xdp(ctx, 0, &ptr))
		return XDP_PASS;
	eth = bpf_dynptr_slice_rdwr(&ptr, 0, &buf, sizeof(buf));
	if (!eth)
		return XDP_DROP;
	eth->h_proto = 0;
	return XDP_PASS;
}

/* REJECT: writing through a read-only bpf_dynptr_slice. */
SEC("xdp")
int dynptr_write_rdonly_slice(struct xdp_md *ctx)
{
	struct bpf_dynptr ptr;
	struct ethhdr buf, *eth;

	bpf_dynptr_from_xdp(ctx, 0, &ptr);
	eth = bpf_dynptr_slice(&ptr, 0, &buf, sizeof(buf));
	if (!eth)
		return XDP_DROP;
	eth->h_proto = 0;
	return XDP_PASS;
}

/* ACCEPT: local dynptr over a global buffer (bpf_dynptr_from_mem helper) read with bpf_dynptr_read. */
SEC("tc")
int dynptr_local_ok(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	char out[8];

	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, &ptr);
	if (bpf_dynptr_read(out, sizeof(out), &ptr, 0, 0))
		return 0;
	return out[0];
}

/* REJECT: bpf_dynptr_slice on an uninitialised dynptr. */
SEC("tc")
int dynptr_uninit(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u8 buf[4], *p;

	p = bpf_dynptr_slice(&ptr, 0, buf, sizeof(buf));
	return p ? p[0] : 0;
}

/* ACCEPT: ringbuf dynptr reserved and submitted. */
SEC("tc")
int dynptr_ringbuf_ok(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u32 v = skb->len;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &ptr);
	bpf_dynptr_write(&ptr, 0, &v, sizeof(v), 0);
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return 0;
}

/* REJECT: ringbuf dynptr reserved but neither submitted nor discarded. */
SEC("tc")
int dynptr_ringbuf_leak(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u32 v = skb->len;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &ptr);
	bpf_dynptr_write(&ptr, 0, &v, sizeof(v), 0);
	return 0;
}

/* ACCEPT: bpf_dynptr_from_skb into an initialised (unreferenced) skb dynptr simply overwrites it. */
SEC("tc")
int dynptr_reinit(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;

	bpf_dynptr_from_skb(skb, 0, &ptr);
	bpf_dynptr_from_skb(skb, 0, &ptr);
	return 0;
}

/* ACCEPT: clone + adjust on an skb dynptr, size read from the clone. */
SEC("tc")
int dynptr_clone_adjust_ok(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr, clone;

	if (bpf_dynptr_from_skb(skb, 0, &ptr))
		return 0;
	bpf_dynptr_clone(&ptr, &clone);
	bpf_dynptr_adjust(&clone, 2, 4);
	return bpf_dynptr_size(&clone);
}

/* REJECT: skb slice used after bpf_skb_pull_data (packet-changing helper invalidates slices). */
SEC("tc")
int dynptr_slice_after_pull(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	struct ethhdr buf, *eth;

	bpf_dynptr_from_skb(skb, 0, &ptr);
	eth = bpf_dynptr_slice(&ptr, 0, &buf, sizeof(buf));
	if (!eth)
		return 0;
	bpf_skb_pull_data(skb, 0);
	return eth->h_proto;
}

/* REJECT: bpf_dynptr_from_skb in an xdp program (kfunc not registered for XDP). */
SEC("xdp")
int dynptr_from_skb_in_xdp(struct xdp_md *ctx)
{
	struct bpf_dynptr ptr;

	bpf_dynptr_from_skb((struct __sk_buff *)ctx, 0, &ptr);
	return XDP_PASS;
}

/* REJECT: bpf_dynptr_from_xdp in a tc program (kfunc not registered for SCHED_CLS). */
SEC("tc")
int dynptr_from_xdp_in_tc(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;

	bpf_dynptr_from_xdp((struct xdp_md *)skb, 0, &ptr);
	return 0;
}

/* ACCEPT: bpf_dynptr_memset on a ringbuf dynptr, then discard. */
SEC("tc")
int dynptr_memset_discard_ok(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &ptr);
	bpf_dynptr_memset(&ptr, 0, 16, 0xab);
	bpf_ringbuf_discard_dynptr(&ptr, 0);
	return 0;
}

/* REJECT: the dynptr's stack slots are overwritten, then it is used. */
SEC("tc")
int dynptr_clobbered(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u8 buf[4], *p;

	bpf_dynptr_from_skb(skb, 0, &ptr);
	*(volatile __u64 *)&ptr = 0;
	p = bpf_dynptr_slice(&ptr, 0, buf, sizeof(buf));
	return p ? p[0] : 0;
}

/* REJECT: a live ringbuf dynptr (holds a reference) passed as the uninit arg of bpf_dynptr_from_mem. */
SEC("tc")
int dynptr_reinit_ringbuf(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &ptr);
	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, &ptr);
	bpf_ringbuf_discard_dynptr(&ptr, 0);
	return 0;
}

/* ACCEPT: bpf_dynptr_write into an skb dynptr from a tc program. */
SEC("tc")
int dynptr_skb_write_ok(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u16 proto = 0x0800;

	if (bpf_dynptr_from_skb(skb, 0, &ptr))
		return 0;
	bpf_dynptr_write(&ptr, 12, &proto, sizeof(proto), 0);
	return 0;
}

/* ACCEPT: bpf_dynptr_read from an xdp dynptr into a stack buffer. */
SEC("xdp")
int dynptr_xdp_read_ok(struct xdp_md *ctx)
{
	struct bpf_dynptr ptr;
	__u8 mac[6];

	if (bpf_dynptr_from_xdp(ctx, 0, &ptr))
		return XDP_PASS;
	if (bpf_dynptr_read(mac, sizeof(mac), &ptr, 0, 0))
		return XDP_DROP;
	return mac[0] & 1 ? XDP_DROP : XDP_PASS;
}

/* ACCEPT: bpf_dynptr_copy from a local dynptr into a ringbuf dynptr, then submit. */
SEC("tc")
int dynptr_copy_ok(struct __sk_buff *skb)
{
	struct bpf_dynptr src, dst;

	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, &src);
	bpf_ringbuf_reserve_dynptr(&rb, 16, 0, &dst);
	bpf_dynptr_copy(&dst, 0, &src, 0, 16);
	bpf_ringbuf_submit_dynptr(&dst, 0);
	return 0;
}

/* REJECT: ringbuf dynptr submitted twice (second submit on a released dynptr). */
SEC("tc")
int dynptr_double_submit(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &ptr);
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	bpf_ringbuf_submit_dynptr(&ptr, 0);
	return 0;
}
