// SPDX-License-Identifier: GPL-2.0
/* xdp_progs: XDP contexts by attach point (devmap and cpumap programs), redirects through device, CPU and socket maps, fragment-aware helpers, return values. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, int);
} devs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CPUMAP);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, struct bpf_cpumap_val);
} cpus SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_XSKMAP);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, int);
} xsks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, int);
} plain SEC(".maps");

/* ACCEPT: redirects through device, CPU and socket maps. */
SEC("xdp")
int xp_redirects(struct xdp_md *ctx)
{
	switch (ctx->rx_queue_index & 3) {
	case 0:
		return bpf_redirect_map(&devs, 0, XDP_PASS);
	case 1:
		return bpf_redirect_map(&cpus, 0, XDP_PASS);
	case 2:
		return bpf_redirect_map(&xsks, ctx->rx_queue_index, XDP_PASS);
	default:
		return bpf_redirect(1, 0);
	}
}

/* REJECT: a redirect through a hash map. */
SEC("xdp")
int xp_redirect_hash(struct xdp_md *ctx)
{
	return bpf_redirect_map(&plain, 0, XDP_PASS);
}

/* REJECT: a plain XDP program reads egress_ifindex. */
SEC("xdp")
int xp_egress_plain(struct xdp_md *ctx)
{
	return ctx->egress_ifindex ? XDP_PASS : XDP_DROP;
}

/* ACCEPT: a devmap program reads egress_ifindex. */
SEC("xdp/devmap")
int xp_egress_devmap(struct xdp_md *ctx)
{
	return ctx->egress_ifindex ? XDP_PASS : XDP_DROP;
}

/* ACCEPT: a cpumap program reads ingress_ifindex and its data. */
SEC("xdp/cpumap")
int xp_cpumap(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;

	if (data + 1 > end)
		return XDP_DROP;
	return ctx->ingress_ifindex && *(__u8 *)data ? XDP_PASS : XDP_DROP;
}

/* ACCEPT: a fragment-aware program reads the whole buffer's length and bytes. */
SEC("xdp.frags")
int xp_frags(struct xdp_md *ctx)
{
	char b[4];
	__u64 len = bpf_xdp_get_buff_len(ctx);

	if (len < 4 || bpf_xdp_load_bytes(ctx, len - 4, b, 4))
		return XDP_DROP;
	return b[0] ? XDP_PASS : XDP_DROP;
}

/* ACCEPT: bpf_xdp_store_bytes from the stack. */
SEC("xdp")
int xp_store_bytes(struct xdp_md *ctx)
{
	char b[2] = { 1, 2 };

	return bpf_xdp_store_bytes(ctx, 0, b, sizeof(b)) ? XDP_DROP : XDP_PASS;
}

/* REJECT: XDP writes its data pointer. */
SEC("xdp")
int xp_write_ctx(struct xdp_md *ctx)
{
	ctx->data = 0;
	return XDP_PASS;
}

/* ACCEPT: XDP returns any number (unchecked exit range). */
SEC("xdp")
int xp_ret_any(struct xdp_md *ctx)
{
	return 1234;
}

/* ACCEPT: a devmap program redirects through a CPU map with an unusual default action (checked when it runs). */
SEC("xdp/devmap")
int xp_devmap_redirect(struct xdp_md *ctx)
{
	return bpf_redirect_map(&cpus, 0, 8);
}

/* ACCEPT: an xdp program looks up a device map's entry. */
SEC("xdp")
int xp_devmap_lookup(struct xdp_md *ctx)
{
	int key = 0;
	struct bpf_devmap_val *v = bpf_map_lookup_elem(&devs, &key);

	return v ? XDP_PASS : XDP_DROP;
}

/* ACCEPT: bpf_xdp_adjust_tail then fresh packet pointers. */
SEC("xdp")
int xp_adjust_tail(struct xdp_md *ctx)
{
	void *data, *end;

	if (bpf_xdp_adjust_tail(ctx, -4))
		return XDP_DROP;
	data = (void *)(long)ctx->data;
	end = (void *)(long)ctx->data_end;
	return data + 1 <= end ? XDP_PASS : XDP_DROP;
}

/* ACCEPT: XDP's FIB lookup with a stack parameter block. */
SEC("xdp")
int xp_fib_lookup(struct xdp_md *ctx)
{
	struct bpf_fib_lookup p = {};

	p.family = 2;
	p.ifindex = ctx->ingress_ifindex;
	return bpf_fib_lookup(ctx, &p, sizeof(p), 0) == 0 ? XDP_PASS : XDP_DROP;
}

/* REJECT: XDP's FIB lookup with a parameter block smaller than the struct. */
SEC("xdp")
int xp_fib_lookup_short(struct xdp_md *ctx)
{
	char p[16] = {};

	return bpf_fib_lookup(ctx, (void *)p, sizeof(p) * 4, 0) == 0 ? XDP_PASS : XDP_DROP;
}
