// SPDX-License-Identifier: GPL-2.0
/* ctx_fields: context reads and writes of the less common program types: which fields, sizes and offsets each allows. */
#include "corpus.h"

#define LOAD(ctx, off, T) (*(volatile T *)((char *)(ctx) + (off)))
#define STORE(ctx, off, T, v) (*(volatile T *)((char *)(ctx) + (off)) = (v))

/* ACCEPT: sk_msg reads its data pointers and socket fields. */
SEC("sk_msg")
int cf_msg_read(struct sk_msg_md *msg)
{
	void *data = msg->data, *end = msg->data_end;

	if (data + 4 > end)
		return SK_PASS;
	return msg->family + msg->remote_port + msg->size + *(__u8 *)data;
}

/* REJECT: sk_msg may not write its family. */
SEC("sk_msg")
int cf_msg_write(struct sk_msg_md *msg)
{
	msg->family = 2;
	return SK_PASS;
}

/* ACCEPT: sk_msg reads the socket pointer. */
SEC("sk_msg")
int cf_msg_sk(struct sk_msg_md *msg)
{
	struct bpf_sock *sk = msg->sk;

	if (!sk)
		return SK_PASS;
	return sk->family == 2 ? SK_PASS : SK_DROP;
}

/* ACCEPT: sk_skb reads and writes tc_index-style fields. */
SEC("sk_skb/stream_verdict")
int cf_skskb_rw(struct __sk_buff *skb)
{
	skb->tc_index = 1;
	skb->priority = 2;
	return skb->len + skb->remote_port;
}

/* REJECT: sk_skb may not write its mark. */
SEC("sk_skb/stream_verdict")
int cf_skskb_mark(struct __sk_buff *skb)
{
	skb->mark = 1;
	return SK_PASS;
}

/* REJECT: sk_skb may not read tc_classid. */
SEC("sk_skb/stream_verdict")
int cf_skskb_classid(struct __sk_buff *skb)
{
	return skb->tc_classid;
}

/* ACCEPT: flow dissector reads its keys and data. */
SEC("flow_dissector")
int cf_flow_keys(struct __sk_buff *skb)
{
	struct bpf_flow_keys *keys = skb->flow_keys;
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 1 > end)
		return BPF_DROP;
	keys->nhoff = 14;
	return keys->thoff == 0 ? BPF_OK : BPF_DROP;
}

/* REJECT: flow dissector may not read the mark. */
SEC("flow_dissector")
int cf_flow_mark(struct __sk_buff *skb)
{
	return skb->mark ? BPF_OK : BPF_DROP;
}

/* ACCEPT: sk_reuseport reads hash and protocol. */
SEC("sk_reuseport")
int cf_reuseport(struct sk_reuseport_md *md)
{
	return md->hash + md->ip_protocol + md->eth_protocol + md->bind_inany > 0 ? SK_PASS : SK_DROP;
}

/* REJECT: sk_reuseport may not write its hash. */
SEC("sk_reuseport")
int cf_reuseport_write(struct sk_reuseport_md *md)
{
	md->hash = 1;
	return SK_PASS;
}

/* ACCEPT: sk_lookup reads addresses and ports. */
SEC("sk_lookup")
int cf_sk_lookup(struct bpf_sk_lookup *ctx)
{
	return ctx->local_port + ctx->remote_port + ctx->local_ip4 + ctx->family > 0 ? SK_PASS : SK_DROP;
}

/* ACCEPT: sk_lookup reads the high half of remote_port's word as zero-width padding. */
SEC("sk_lookup")
int cf_sk_lookup_port_narrow(struct bpf_sk_lookup *ctx)
{
	return LOAD(ctx, offsetof(struct bpf_sk_lookup, remote_port), __u16) ? SK_PASS : SK_DROP;
}

/* REJECT: sk_lookup may not write local_port. */
SEC("sk_lookup")
int cf_sk_lookup_write(struct bpf_sk_lookup *ctx)
{
	ctx->local_port = 1;
	return SK_PASS;
}

/* ACCEPT: connect4 rewrites the user address and port. */
SEC("cgroup/connect4")
int cf_connect4(struct bpf_sock_addr *ctx)
{
	ctx->user_ip4 = 0x0100007f;
	ctx->user_port = 0x5000;
	return 1;
}

/* REJECT: connect4 may not write user_ip6. */
SEC("cgroup/connect4")
int cf_connect4_ip6(struct bpf_sock_addr *ctx)
{
	ctx->user_ip6[0] = 1;
	return 1;
}

/* ACCEPT: connect6 reads a word of user_ip6. */
SEC("cgroup/connect6")
int cf_connect6_narrow(struct bpf_sock_addr *ctx)
{
	return ctx->user_ip6[1] >> 16 == 1;
}

/* REJECT: sendmsg4's msg_src_ip4 is not for connect4. */
SEC("cgroup/connect4")
int cf_connect4_msg_src(struct bpf_sock_addr *ctx)
{
	return ctx->msg_src_ip4 == 1;
}

/* ACCEPT: sendmsg4 writes msg_src_ip4. */
SEC("cgroup/sendmsg4")
int cf_sendmsg4(struct bpf_sock_addr *ctx)
{
	ctx->msg_src_ip4 = 0x0100007f;
	return 1;
}

/* ACCEPT: cgroup/sysctl reads write and file_pos, writes file_pos. */
SEC("cgroup/sysctl")
int cf_sysctl(struct bpf_sysctl *ctx)
{
	if (ctx->write)
		return 0;
	ctx->file_pos = 0;
	return 1;
}

/* REJECT: cgroup/sysctl may not write write. */
SEC("cgroup/sysctl")
int cf_sysctl_write(struct bpf_sysctl *ctx)
{
	ctx->write = 1;
	return 1;
}

/* ACCEPT: getsockopt reads level/optname and writes retval. */
SEC("cgroup/getsockopt")
int cf_getsockopt(struct bpf_sockopt *ctx)
{
	if (ctx->level == 1 && ctx->optname == 2)
		ctx->retval = 0;
	return 1;
}

/* REJECT: setsockopt may not write retval. */
SEC("cgroup/setsockopt")
int cf_setsockopt_retval(struct bpf_sockopt *ctx)
{
	ctx->retval = 0;
	return 1;
}

/* ACCEPT: setsockopt rewrites level and optlen. */
SEC("cgroup/setsockopt")
int cf_setsockopt(struct bpf_sockopt *ctx)
{
	ctx->level = 1;
	ctx->optlen = 0;
	return 1;
}

/* ACCEPT: sock_create reads and writes the bound device and mark. */
SEC("cgroup/sock_create")
int cf_sock_create(struct bpf_sock *sk)
{
	sk->bound_dev_if = 0;
	sk->mark = sk->protocol;
	return 1;
}

/* REJECT: sock_create may not write the family. */
SEC("cgroup/sock_create")
int cf_sock_create_family(struct bpf_sock *sk)
{
	sk->family = 2;
	return 1;
}

/* ACCEPT: post_bind4 reads the source address. */
SEC("cgroup/post_bind4")
int cf_post_bind4(struct bpf_sock *sk)
{
	return sk->src_ip4 && sk->src_port;
}

/* ACCEPT: cgroup/dev reads its access type and major/minor. */
SEC("cgroup/dev")
int cf_dev(struct bpf_cgroup_dev_ctx *ctx)
{
	return ctx->major == 1 && ctx->minor == 3 && (ctx->access_type & 0xffff) ? 1 : 0;
}

/* REJECT: cgroup/dev may not write its major number. */
SEC("cgroup/dev")
int cf_dev_write(struct bpf_cgroup_dev_ctx *ctx)
{
	ctx->major = 0;
	return 1;
}

/* ACCEPT: a socket filter reads len and protocol. */
SEC("socket")
int cf_socket(struct __sk_buff *skb)
{
	return skb->len + skb->protocol;
}

/* REJECT: a socket filter may not read its data pointer. */
SEC("socket")
int cf_socket_data(struct __sk_buff *skb)
{
	return skb->data;
}

/* ACCEPT: a socket filter writes a cb word. */
SEC("socket")
int cf_socket_cb(struct __sk_buff *skb)
{
	skb->cb[1] = 7;
	return 0;
}

/* ACCEPT: lwt_in reads its data. */
SEC("lwt_in")
int cf_lwt_in(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;

	if (data + 1 > end)
		return BPF_OK;
	return *(__u8 *)data ? BPF_OK : BPF_DROP;
}

/* ACCEPT: lwt_in writes the mark. */
SEC("lwt_in")
int cf_lwt_in_mark(struct __sk_buff *skb)
{
	skb->mark = 1;
	return BPF_OK;
}

/* ACCEPT: lwt_xmit writes priority. */
SEC("lwt_xmit")
int cf_lwt_xmit(struct __sk_buff *skb)
{
	skb->priority = 1;
	return BPF_OK;
}

/* ACCEPT: a perf event program reads its sample period and address. */
SEC("perf_event")
int cf_perf_event(struct bpf_perf_event_data *ctx)
{
	return ctx->sample_period + ctx->addr > 0;
}

/* REJECT: a perf event program reads sample_period at an odd offset (through a moved context pointer). */
SEC("perf_event")
int cf_perf_event_narrow(struct bpf_perf_event_data *ctx)
{
	return LOAD(ctx, offsetof(struct bpf_perf_event_data, sample_period) + 2, __u32);
}

/* REJECT: a perf event program writes its context. */
SEC("perf_event")
int cf_perf_event_write(struct bpf_perf_event_data *ctx)
{
	ctx->addr = 0;
	return 0;
}

/* ACCEPT: raw tracepoint reads args. */
SEC("raw_tp/sys_enter")
int cf_raw_tp(struct bpf_raw_tracepoint_args *ctx)
{
	return ctx->args[1] > 0;
}

/* ACCEPT: raw tracepoint reads a 4-byte half of an arg. */
SEC("raw_tp/sys_enter")
int cf_raw_tp_narrow(struct bpf_raw_tracepoint_args *ctx)
{
	return LOAD(ctx, 4, __u32);
}

/* REJECT: raw tracepoint reads past its arguments. */
SEC("raw_tp/sys_enter")
int cf_raw_tp_oob(struct bpf_raw_tracepoint_args *ctx)
{
	return LOAD(ctx, 512, __u64);
}

/* ACCEPT: a kprobe reads a register. */
SEC("kprobe/do_nanosleep")
int cf_kprobe(struct pt_regs *ctx)
{
	return PT_REGS_PARM1(ctx) > 0;
}

/* REJECT: a kprobe writes a register. */
SEC("kprobe/do_nanosleep")
int cf_kprobe_write(struct pt_regs *ctx)
{
	STORE(ctx, 0, __u64, 1);
	return 0;
}

/* REJECT: a kprobe reads past pt_regs. */
SEC("kprobe/do_nanosleep")
int cf_kprobe_oob(struct pt_regs *ctx)
{
	return LOAD(ctx, sizeof(struct pt_regs), __u64);
}

/* ACCEPT: a kprobe reads a narrow part of a register. */
SEC("kprobe/do_nanosleep")
int cf_kprobe_narrow(struct pt_regs *ctx)
{
	return LOAD(ctx, 3, __u8);
}

/* ACCEPT: a tracepoint reads its fields. */
SEC("tracepoint/syscalls/sys_enter_nanosleep")
int cf_tracepoint(void *ctx)
{
	return LOAD(ctx, 8, __u64) > 0;
}

/* REJECT: a tracepoint writes its context. */
SEC("tracepoint/syscalls/sys_enter_nanosleep")
int cf_tracepoint_write(void *ctx)
{
	STORE(ctx, 8, __u64, 0);
	return 0;
}

/* ACCEPT: netfilter reads its state and skb pointers. */
SEC("netfilter")
int cf_netfilter(struct bpf_nf_ctx *ctx)
{
	return ctx->state && ctx->skb ? 1 : 0;
}

/* REJECT: netfilter writes its context. */
SEC("netfilter")
int cf_netfilter_write(struct bpf_nf_ctx *ctx)
{
	ctx->skb = 0;
	return 1;
}

/* REJECT: netfilter reads a pointer half. */
SEC("netfilter")
int cf_netfilter_narrow(struct bpf_nf_ctx *ctx)
{
	return LOAD(ctx, 0, __u32) ? 1 : 0;
}
