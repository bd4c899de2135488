// SPDX-License-Identifier: GPL-2.0
/* sock_progs: helpers of the socket-level program types: sk_msg (redirects, pull/push data and packet pointers), sk_skb, sk_lookup (bpf_sk_assign), sk_reuseport, cgroup socket hooks (bind, retval) and their map types. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_SOCKMAP);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, int);
} smap SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, int);
} shash SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_REUSEPORT_SOCKARRAY);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, int);
} rsa SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, int);
} plain SEC(".maps");

/* ACCEPT: sk_msg redirected through a sockmap and a sockhash. */
SEC("sk_msg")
int sp_msg_redirect(struct sk_msg_md *msg)
{
	int key = 0;

	if (msg->size > 100)
		return bpf_msg_redirect_map(msg, &smap, 0, 0);
	return bpf_msg_redirect_hash(msg, &shash, &key, 0);
}

/* REJECT: sk_msg redirected through a plain hash map. */
SEC("sk_msg")
int sp_msg_redirect_hash_map(struct sk_msg_md *msg)
{
	return bpf_msg_redirect_map(msg, &plain, 0, 0);
}

/* REJECT: an sk_msg data pointer used after bpf_msg_pull_data. */
SEC("sk_msg")
int sp_msg_pull(struct sk_msg_md *msg)
{
	void *data = msg->data, *end = msg->data_end;

	if (data + 1 > end)
		return SK_PASS;
	bpf_msg_pull_data(msg, 0, 8, 0);
	return *(__u8 *)data ? SK_PASS : SK_DROP;
}

/* ACCEPT: sk_msg data read after bpf_msg_pull_data and a new check. */
SEC("sk_msg")
int sp_msg_pull_reload(struct sk_msg_md *msg)
{
	void *data, *end;

	bpf_msg_pull_data(msg, 0, 8, 0);
	data = msg->data;
	end = msg->data_end;
	if (data + 1 > end)
		return SK_PASS;
	return *(__u8 *)data ? SK_PASS : SK_DROP;
}

/* ACCEPT: sk_msg data written. */
SEC("sk_msg")
int sp_msg_write(struct sk_msg_md *msg)
{
	void *data = msg->data, *end = msg->data_end;

	if (data + 1 > end)
		return SK_PASS;
	*(__u8 *)data = 0;
	return SK_PASS;
}

/* ACCEPT: sk_msg applies, corks and pushes bytes. */
SEC("sk_msg")
int sp_msg_bytes(struct sk_msg_md *msg)
{
	bpf_msg_apply_bytes(msg, 16);
	bpf_msg_cork_bytes(msg, 16);
	bpf_msg_push_data(msg, 0, 4, 0);
	bpf_msg_pop_data(msg, 0, 4, 0);
	return SK_PASS;
}

/* ACCEPT: sk_skb redirected through a sockmap. */
SEC("sk_skb/stream_verdict")
int sp_skb_redirect(struct __sk_buff *skb)
{
	return bpf_sk_redirect_map(skb, &smap, 0, 0);
}

/* REJECT: tc redirecting through a sockmap (an sk_skb helper). */
SEC("tc")
int sp_tc_sk_redirect(struct __sk_buff *skb)
{
	return bpf_sk_redirect_map(skb, &smap, 0, 0);
}

/* REJECT: sk_skb's parser returns either a packet word or the length, one load instruction reading the packet or the context ('same insn cannot be used with different pointers'). */
SEC("sk_skb/stream_parser")
int sp_skb_parser(struct __sk_buff *skb)
{
	void *data, *end;

	bpf_skb_pull_data(skb, 4);
	data = (void *)(long)skb->data;
	end = (void *)(long)skb->data_end;
	if (data + 4 > end)
		return skb->len;
	return *(__u32 *)data;
}

/* ACCEPT: sk_lookup assigns a socket looked up in a sockmap and releases it. */
SEC("sk_lookup")
int sp_lookup_assign(struct bpf_sk_lookup *ctx)
{
	int key = 0;
	struct bpf_sock *sk = bpf_map_lookup_elem(&smap, &key);
	long err;

	if (!sk)
		return SK_PASS;
	err = bpf_sk_assign(ctx, sk, 0);
	bpf_sk_release(sk);
	return err ? SK_DROP : SK_PASS;
}

/* REJECT: sk_lookup leaks the socket it looked up. */
SEC("sk_lookup")
int sp_lookup_leak(struct bpf_sk_lookup *ctx)
{
	int key = 0;
	struct bpf_sock *sk = bpf_map_lookup_elem(&smap, &key);

	if (!sk)
		return SK_PASS;
	bpf_sk_assign(ctx, sk, 0);
	return SK_PASS;
}

/* ACCEPT: sk_lookup reads its current socket, which may be NULL. */
SEC("sk_lookup")
int sp_lookup_ctx_sk(struct bpf_sk_lookup *ctx)
{
	struct bpf_sock *sk = ctx->sk;

	return sk && sk->family == 2 ? SK_PASS : SK_DROP;
}

/* REJECT: sk_lookup reads its current socket without a NULL check. */
SEC("sk_lookup")
int sp_lookup_ctx_sk_null(struct bpf_sk_lookup *ctx)
{
	return ctx->sk->family == 2 ? SK_PASS : SK_DROP;
}

/* ACCEPT: sk_reuseport selects from a reuseport array. */
SEC("sk_reuseport")
int sp_reuseport(struct sk_reuseport_md *md)
{
	int key = md->hash & 3;

	return bpf_sk_select_reuseport(md, &rsa, &key, 0) ? SK_DROP : SK_PASS;
}

/* REJECT: sk_reuseport selects from a plain hash. */
SEC("sk_reuseport")
int sp_reuseport_hash(struct sk_reuseport_md *md)
{
	int key = 0;

	return bpf_sk_select_reuseport(md, &plain, &key, 0) ? SK_DROP : SK_PASS;
}

/* ACCEPT: a connect hook binds the socket. */
SEC("cgroup/connect4")
int sp_connect_bind(struct bpf_sock_addr *ctx)
{
	struct sockaddr_in sa = {};

	sa.sin_family = 2;
	bpf_bind(ctx, (struct sockaddr *)&sa, sizeof(sa));
	return 1;
}

/* REJECT: a sendmsg hook binds the socket (bind only from connect hooks). */
SEC("cgroup/sendmsg4")
int sp_sendmsg_bind(struct bpf_sock_addr *ctx)
{
	struct sockaddr_in sa = {};

	sa.sin_family = 2;
	bpf_bind(ctx, (struct sockaddr *)&sa, sizeof(sa));
	return 1;
}

/* ACCEPT: a getsockopt hook reads and sets the return value. */
SEC("cgroup/getsockopt")
int sp_getsockopt_retval(struct bpf_sockopt *ctx)
{
	if (bpf_get_retval() < 0)
		bpf_set_retval(0);
	return 1;
}

/* REJECT: a sockops program redirects an skb. */
SEC("sockops")
int sp_sockops_redirect(struct bpf_sock_ops *ops)
{
	return bpf_sk_redirect_map((void *)ops, &smap, 0, 0) & 1;
}

/* ACCEPT: a sockops program adds its socket to a sockhash. */
SEC("sockops")
int sp_sockops_update(struct bpf_sock_ops *ops)
{
	int key = 0;

	bpf_sock_hash_update(ops, &shash, &key, BPF_ANY);
	return 1;
}
