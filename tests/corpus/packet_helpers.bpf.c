// SPDX-License-Identifier: GPL-2.0
/* packet_helpers: helpers that read, write or move packet data: which invalidate packet pointers, which take packet memory, and direct writes per program type. */
#include "corpus.h"

#define ETH_LEN 14

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, char[32]);
} buf SEC(".maps");

/* ACCEPT: a header read through bpf_skb_load_bytes into the stack. */
SEC("tc")
int ph_load_bytes(struct __sk_buff *skb)
{
	char eth[ETH_LEN];

	if (bpf_skb_load_bytes(skb, 0, eth, sizeof(eth)))
		return 0;
	return eth[12];
}

/* ACCEPT: bpf_skb_load_bytes into a map value. */
SEC("tc")
int ph_load_bytes_map(struct __sk_buff *skb)
{
	int key = 0;
	char *v = bpf_map_lookup_elem(&buf, &key);

	if (!v)
		return 0;
	return bpf_skb_load_bytes(skb, 0, v, 32) & 1;
}

/* REJECT: bpf_skb_load_bytes past the map value. */
SEC("tc")
int ph_load_bytes_map_oob(struct __sk_buff *skb)
{
	int key = 0;
	char *v = bpf_map_lookup_elem(&buf, &key);

	if (!v)
		return 0;
	return bpf_skb_load_bytes(skb, 0, v + 8, 32) & 1;
}

/* REJECT: a packet pointer used after bpf_skb_pull_data. */
SEC("tc")
int ph_pull_invalidates(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	__u8 *p = data;

	if (data + 1 > end)
		return 0;
	bpf_skb_pull_data(skb, 64);
	return *p;
}

/* ACCEPT: packet pointers read again after bpf_skb_pull_data. */
SEC("tc")
int ph_pull_reload(struct __sk_buff *skb)
{
	void *data, *end;

	bpf_skb_pull_data(skb, 64);
	data = (void *)(long)skb->data;
	end = (void *)(long)skb->data_end;
	if (data + 1 > end)
		return 0;
	return *(__u8 *)data;
}

/* REJECT: a packet pointer used after bpf_skb_change_tail. */
SEC("tc")
int ph_change_tail(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 1 > end)
		return 0;
	bpf_skb_change_tail(skb, 100, 0);
	return *(__u8 *)data;
}

/* REJECT: a packet pointer used after bpf_skb_store_bytes. */
SEC("tc")
int ph_store_bytes(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	char x = 1;

	if (data + 1 > end)
		return 0;
	bpf_skb_store_bytes(skb, 0, &x, 1, 0);
	return *(__u8 *)data;
}

/* ACCEPT: a packet pointer used after bpf_skb_load_bytes (which moves nothing). */
SEC("tc")
int ph_load_keeps(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	char x;

	if (data + 1 > end)
		return 0;
	bpf_skb_load_bytes(skb, 0, &x, 1);
	return *(__u8 *)data + x;
}

/* REJECT: a packet pointer used after bpf_l3_csum_replace. */
SEC("tc")
int ph_csum_replace(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 1 > end)
		return 0;
	bpf_l3_csum_replace(skb, 24, 0, 0, 2);
	return *(__u8 *)data;
}

/* ACCEPT: bpf_csum_diff over packet memory. */
SEC("tc")
int ph_csum_diff_pkt(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 20 > end)
		return 0;
	return bpf_csum_diff(0, 0, data, 20, 0) & 1;
}

/* REJECT: bpf_csum_diff over packet memory not checked to be long enough. */
SEC("tc")
int ph_csum_diff_short(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 16 > end)
		return 0;
	return bpf_csum_diff(0, 0, data, 20, 0) & 1;
}

/* REJECT: a packet pointer passed to a helper without packet access. */
SEC("tc")
int ph_pkt_to_helper(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 16 > end)
		return 0;
	return bpf_get_current_comm(data, 16) & 1;
}

/* ACCEPT: a map lookup keyed by packet bytes. */
SEC("tc")
int ph_pkt_key(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 4 > end)
		return 0;
	return bpf_map_lookup_elem(&buf, data) != 0;
}

/* ACCEPT: an XDP packet pointer used after bpf_xdp_adjust_head is read again. */
SEC("xdp")
int ph_xdp_adjust_reload(struct xdp_md *ctx)
{
	void *data, *end;

	if (bpf_xdp_adjust_head(ctx, 4))
		return XDP_DROP;
	data = (void *)(long)ctx->data;
	end = (void *)(long)ctx->data_end;
	if (data + 1 > end)
		return XDP_DROP;
	return *(__u8 *)data ? XDP_PASS : XDP_DROP;
}

/* REJECT: an XDP packet pointer used after bpf_xdp_adjust_tail. */
SEC("xdp")
int ph_xdp_adjust_tail(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;

	if (data + 1 > end)
		return XDP_DROP;
	bpf_xdp_adjust_tail(ctx, -4);
	return *(__u8 *)data ? XDP_PASS : XDP_DROP;
}

/* ACCEPT: bpf_xdp_load_bytes into the stack. */
SEC("xdp")
int ph_xdp_load_bytes(struct xdp_md *ctx)
{
	char b[8];

	if (bpf_xdp_load_bytes(ctx, 0, b, sizeof(b)))
		return XDP_DROP;
	return b[0] ? XDP_PASS : XDP_DROP;
}

/* ACCEPT: a direct packet write in tc. */
SEC("tc")
int ph_write_tc(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 1 > end)
		return 0;
	*(__u8 *)data = 1;
	return 0;
}

/* REJECT: a direct packet write in cgroup_skb. */
SEC("cgroup_skb/egress")
int ph_write_cgroup(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 1 > end)
		return 1;
	*(__u8 *)data = 1;
	return 1;
}

/* REJECT: a direct packet write in lwt_in. */
SEC("lwt_in")
int ph_write_lwt_in(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 1 > end)
		return BPF_OK;
	*(__u8 *)data = 1;
	return BPF_OK;
}

/* ACCEPT: a direct packet write in lwt_xmit. */
SEC("lwt_xmit")
int ph_write_lwt_xmit(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 1 > end)
		return BPF_OK;
	*(__u8 *)data = 1;
	return BPF_OK;
}

/* ACCEPT: a direct packet write in sk_skb. */
SEC("sk_skb/stream_verdict")
int ph_write_sk_skb(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 1 > end)
		return SK_PASS;
	*(__u8 *)data = 1;
	return SK_PASS;
}

/* REJECT: a cgroup_skb program reads past the checked packet range. */
SEC("cgroup_skb/ingress")
int ph_read_cgroup_oob(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 4 > end)
		return 1;
	return *(__u32 *)(data + 2) & 1;
}

/* ACCEPT: data_meta read in XDP behind its check. */
SEC("xdp")
int ph_xdp_meta(struct xdp_md *ctx)
{
	void *meta = (void *)(long)ctx->data_meta, *data = (void *)(long)ctx->data;

	if (meta + 4 > data)
		return XDP_PASS;
	return *(__u32 *)meta ? XDP_PASS : XDP_DROP;
}

/* REJECT: data_meta read past data. */
SEC("xdp")
int ph_xdp_meta_oob(struct xdp_md *ctx)
{
	void *meta = (void *)(long)ctx->data_meta, *data = (void *)(long)ctx->data;

	if (meta + 4 > data)
		return XDP_PASS;
	return *(__u64 *)meta ? XDP_PASS : XDP_DROP;
}

/* REJECT: bpf_skb_adjust_room invalidates packet pointers. */
SEC("tc")
int ph_adjust_room(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 1 > end)
		return 0;
	bpf_skb_adjust_room(skb, 4, BPF_ADJ_ROOM_NET, 0);
	return *(__u8 *)data;
}

/* ACCEPT: a packet pointer compared with data_end after being moved by a variable amount. */
SEC("tc")
int ph_var_offset(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	__u32 off = skb->len & 15;
	__u8 *p = data + off;

	if ((void *)(p + 1) > end)
		return 0;
	return *p;
}

/* REJECT: a packet pointer moved by an unbounded amount. */
SEC("tc")
int ph_unbounded_offset(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	__u8 *p = data + skb->len;

	if ((void *)(p + 1) > end)
		return 0;
	return *p;
}
