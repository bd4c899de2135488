// SPDX-License-Identifier: GPL-2.0
/* map_values: values of maps the program may read but not write (device maps: the kernel creates them read-only for programs); to the verifier they are plain map values, refused writes by the map's flags. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 4);
	__type(key, u32);
	__type(value, u32);
} devs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP_HASH);
	__uint(max_entries, 4);
	__type(key, u32);
	__type(value, u32);
} devs_hash SEC(".maps");

/* ACCEPT: a device map's value read. */
SEC("xdp")
int devmap_read_ok(struct xdp_md *ctx)
{
	u32 k = 0;
	u32 *ifindex = bpf_map_lookup_elem(&devs, &k);

	if (!ifindex)
		return XDP_PASS;
	return *ifindex == ctx->ingress_ifindex ? XDP_DROP : XDP_PASS;
}

/* REJECT: a device map's value written. */
SEC("xdp")
int devmap_write(struct xdp_md *ctx)
{
	u32 k = 0;
	u32 *ifindex = bpf_map_lookup_elem(&devs_hash, &k);

	if (!ifindex)
		return XDP_PASS;
	*ifindex = ctx->ingress_ifindex;
	return XDP_PASS;
}

/* REJECT: a device map's value read before its NULL check. */
SEC("tc")
int devmap_unchecked(struct __sk_buff *skb)
{
	u32 k = 0;
	u32 *ifindex = bpf_map_lookup_elem(&devs, &k);

	return *ifindex == skb->ifindex;
}

/* REJECT: a device map's value is no socket. */
SEC("tc")
int devmap_value_as_socket(struct __sk_buff *skb)
{
	u32 k = 0;
	void *v = bpf_map_lookup_elem(&devs_hash, &k);

	if (!v)
		return 0;
	bpf_sk_release(v);
	return 1;
}

/* REJECT: a device map updated from a program. */
SEC("xdp")
int devmap_update(struct xdp_md *ctx)
{
	u32 k = 0, ifindex = ctx->ingress_ifindex;

	return bpf_map_update_elem(&devs, &k, &ifindex, 0) ? XDP_DROP : XDP_PASS;
}

char _license[] SEC("license") = "GPL";
