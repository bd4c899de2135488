// SPDX-License-Identifier: GPL-2.0
/* map_sockets: sockets looked up in maps. An XSKMAP lookup gives a read-only struct bpf_xdp_sock with one field; a sockmap lookup gives a referenced socket that still names its map, so it never prunes against a socket a lookup helper returned. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_XSKMAP);
	__uint(max_entries, 4);
	__type(key, u32);
	__type(value, u32);
} xsks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 4);
	__type(key, u32);
	__type(value, u64);
} socks SEC(".maps");

/* ACCEPT: an AF_XDP socket's queue_id compared with the packet's queue. */
SEC("xdp")
int xsk_queue_id(struct xdp_md *ctx)
{
	u32 k = 0;
	u32 *q = bpf_map_lookup_elem(&xsks, &k);

	if (!q)
		return XDP_PASS;
	return *q == ctx->rx_queue_index ? XDP_DROP : XDP_PASS;
}

/* REJECT: an AF_XDP socket is not writable memory. */
SEC("xdp")
int xsk_write(struct xdp_md *ctx)
{
	u32 k = 0;
	u32 *q = bpf_map_lookup_elem(&xsks, &k);

	if (!q)
		return XDP_PASS;
	*q = 1;
	return XDP_PASS;
}

/* REJECT: struct bpf_xdp_sock ends after its queue_id. */
SEC("xdp")
int xsk_past_queue_id(struct xdp_md *ctx)
{
	u32 k = 0;
	u32 *q = bpf_map_lookup_elem(&xsks, &k);

	if (!q)
		return XDP_PASS;
	return q[1] == 2 ? XDP_DROP : XDP_PASS;
}

/* REJECT: queue_id is read whole, not a byte of it. */
SEC("xdp")
int xsk_byte_load(struct xdp_md *ctx)
{
	u32 k = 0;
	u8 *q = bpf_map_lookup_elem(&xsks, &k);

	if (!q)
		return XDP_PASS;
	return *q == 2 ? XDP_DROP : XDP_PASS;
}

/* REJECT: the lookup may fail. */
SEC("xdp")
int xsk_unchecked(struct xdp_md *ctx)
{
	u32 k = 0;
	u32 *q = bpf_map_lookup_elem(&xsks, &k);

	return *q == 2 ? XDP_DROP : XDP_PASS;
}

/* REJECT: no arithmetic on a socket pointer. */
SEC("xdp")
int xsk_arith(struct xdp_md *ctx)
{
	u32 k = 0;
	u8 *q = bpf_map_lookup_elem(&xsks, &k);

	if (!q)
		return XDP_PASS;
	q += ctx->rx_queue_index & 3;
	return *(u32 *)q == 2 ? XDP_DROP : XDP_PASS;
}

/* REJECT: an AF_XDP socket is no map value to store. */
SEC("xdp")
int xsk_as_value(struct xdp_md *ctx)
{
	u32 k = 0;
	u32 *q = bpf_map_lookup_elem(&xsks, &k);

	if (!q)
		return XDP_PASS;
	return bpf_map_update_elem(&xsks, &k, q, 0) ? XDP_DROP : XDP_PASS;
}

static __always_inline struct bpf_sock_tuple *tuple(struct bpf_sock_tuple *t)
{
	__builtin_memset(t, 0, sizeof(*t));
	return t;
}

/* ACCEPT: a socket from the sockmap or from a lookup, assigned and released on one path; the two are explored apart. */
SEC("tc")
int sockmap_or_lookup(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;
	u32 k = 0;
	long ret;

	if (skb->mark & 1)
		sk = bpf_map_lookup_elem(&socks, &k);
	else
		sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	ret = bpf_sk_assign(skb, sk, 0);
	bpf_sk_release(sk);
	return ret ? 2 : 1;
}

/* REJECT: a socket from the sockmap leaks on one path. */
SEC("tc")
int sockmap_leak(struct __sk_buff *skb)
{
	struct bpf_sock *sk;
	u32 k = 0;

	sk = bpf_map_lookup_elem(&socks, &k);
	if (!sk)
		return 0;
	if (skb->mark & 1)
		return 1;
	bpf_sk_release(sk);
	return 2;
}

char _license[] SEC("license") = "GPL";
