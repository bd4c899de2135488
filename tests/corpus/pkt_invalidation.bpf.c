// SPDX-License-Identifier: GPL-2.0
/* pkt_invalidation: which helpers may move packet data (bpf_helper_changes_pkt_data), seen by reading a packet pointer checked before the call. */
#include "corpus.h"

/* REJECT: bpf_clone_redirect moves packet data: the pointer checked before it is gone. */
SEC("tc")
int p_clone_redirect(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_clone_redirect(skb, 1, 0);
	return *(__u8 *)data;
}

/* REJECT: bpf_l4_csum_replace moves packet data: the pointer checked before it is gone. */
SEC("tc")
int p_l4_csum_replace(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_l4_csum_replace(skb, 40, 0, 0, 2);
	return *(__u8 *)data;
}

/* REJECT: bpf_skb_change_head moves packet data: the pointer checked before it is gone. */
SEC("tc")
int p_skb_change_head(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_skb_change_head(skb, 4, 0);
	return *(__u8 *)data;
}

/* REJECT: bpf_skb_change_proto moves packet data: the pointer checked before it is gone. */
SEC("tc")
int p_skb_change_proto(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_skb_change_proto(skb, 0x86dd, 0);
	return *(__u8 *)data;
}

/* REJECT: bpf_skb_vlan_pop moves packet data: the pointer checked before it is gone. */
SEC("tc")
int p_skb_vlan_pop(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_skb_vlan_pop(skb);
	return *(__u8 *)data;
}

/* REJECT: bpf_skb_vlan_push moves packet data: the pointer checked before it is gone. */
SEC("tc")
int p_skb_vlan_push(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_skb_vlan_push(skb, 0x8100, 1);
	return *(__u8 *)data;
}

/* ACCEPT: bpf_skb_change_type leaves packet data in place: the pointer checked before it still reads. */
SEC("tc")
int p_skb_change_type(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_skb_change_type(skb, 0);
	return *(__u8 *)data;
}

/* ACCEPT: bpf_set_hash leaves packet data in place: the pointer checked before it still reads. */
SEC("tc")
int p_set_hash(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_set_hash(skb, 1);
	return *(__u8 *)data;
}

/* ACCEPT: bpf_skb_ecn_set_ce leaves packet data in place: the pointer checked before it still reads. */
SEC("tc")
int p_skb_ecn_set_ce(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_skb_ecn_set_ce(skb);
	return *(__u8 *)data;
}

/* ACCEPT: bpf_csum_update leaves packet data in place: the pointer checked before it still reads. */
SEC("tc")
int p_csum_update(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_csum_update(skb, 1);
	return *(__u8 *)data;
}

/* ACCEPT: bpf_csum_level leaves packet data in place: the pointer checked before it still reads. */
SEC("tc")
int p_csum_level(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_csum_level(skb, 0);
	return *(__u8 *)data;
}

/* ACCEPT: bpf_skb_set_tstamp leaves packet data in place: the pointer checked before it still reads. */
SEC("tc")
int p_skb_set_tstamp(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_skb_set_tstamp(skb, 0, 0);
	return *(__u8 *)data;
}

/* ACCEPT: bpf_redirect leaves packet data in place: the pointer checked before it still reads. */
SEC("tc")
int p_redirect(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_redirect(1, 0);
	return *(__u8 *)data;
}

/* ACCEPT: bpf_skb_get_tunnel_key leaves packet data in place: the pointer checked before it still reads. */
SEC("tc")
int p_skb_get_tunnel_key(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	({struct bpf_tunnel_key k; bpf_skb_get_tunnel_key(skb, &k, sizeof(k), 0);});
	return *(__u8 *)data;
}

/* ACCEPT: bpf_get_hash_recalc leaves packet data in place: the pointer checked before it still reads. */
SEC("tc")
int p_get_hash_recalc(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_get_hash_recalc(skb);
	return *(__u8 *)data;
}

/* ACCEPT: bpf_skb_cgroup_id leaves packet data in place: the pointer checked before it still reads. */
SEC("tc")
int p_skb_cgroup_id(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	bpf_skb_cgroup_id(skb);
	return *(__u8 *)data;
}

/* ACCEPT: bpf_fib_lookup leaves packet data in place: the pointer checked before it still reads. */
SEC("tc")
int p_fib_lookup(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	({struct bpf_fib_lookup f = {}; bpf_fib_lookup(skb, &f, sizeof(f), 0);});
	return *(__u8 *)data;
}

/* ACCEPT: bpf_check_mtu leaves packet data in place: the pointer checked before it still reads. */
SEC("tc")
int p_check_mtu(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	if (data + 1 > end) return 0;
	({__u32 m = 0; bpf_check_mtu(skb, 0, &m, 0, 0);});
	return *(__u8 *)data;
}

/* REJECT: bpf_lwt_push_encap moves packet data: the pointer checked before it is gone. */
SEC("lwt_xmit")
int p_lwt_push_encap(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	char hdr[20] = {};
	if (data + 1 > end) return 0;
	bpf_lwt_push_encap(skb, BPF_LWT_ENCAP_IP, hdr, sizeof(hdr));
	return *(__u8 *)data;
}

/* REJECT: bpf_store_hdr_opt moves packet data: the pointer checked before it is gone. */
SEC("sockops")
int p_store_hdr_opt(struct bpf_sock_ops *ops)
{
	void *data = ops->skb_data, *end = ops->skb_data_end;
	char opt[4] = {};
	if (data + 1 > end) return 1;
	bpf_store_hdr_opt(ops, opt, sizeof(opt), 0);
	return *(__u8 *)data;
}
