// SPDX-License-Identifier: GPL-2.0
/* sockets: socket lookups and their references, socket casts, sock/tcp_sock field reads, bpf_sk_assign, listener and full-socket conversions. */
#include "corpus.h"

static __always_inline struct bpf_sock_tuple *tuple(struct bpf_sock_tuple *t)
{
	__builtin_memset(t, 0, sizeof(*t));
	return t;
}

/* ACCEPT: a TCP lookup released after use. */
SEC("tc")
int sk_lookup_release(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	bpf_sk_release(sk);
	return 1;
}

/* REJECT: a looked-up socket leaks. */
SEC("tc")
int sk_lookup_leak(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_udp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	return sk != 0;
}

/* REJECT: a looked-up socket released twice. */
SEC("tc")
int sk_double_release(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	bpf_sk_release(sk);
	bpf_sk_release(sk);
	return 0;
}

/* REJECT: the lookup's result released without a NULL check. */
SEC("tc")
int sk_release_null(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	bpf_sk_release(sk);
	return 0;
}

/* REJECT: the socket read after release. */
SEC("tc")
int sk_use_after_release(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	bpf_sk_release(sk);
	return sk->family;
}

/* ACCEPT: fields of a looked-up socket read. */
SEC("tc")
int sk_read_fields(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;
	int r;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	r = sk->family + sk->type + sk->protocol + sk->src_port + sk->dst_port + sk->state;
	bpf_sk_release(sk);
	return r;
}

/* REJECT: a socket field written. */
SEC("tc")
int sk_write_field(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	sk->mark = 1;
	bpf_sk_release(sk);
	return 0;
}

/* REJECT: a socket read past its struct. */
SEC("tc")
int sk_read_oob(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;
	int r;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	r = *((__u32 *)sk + 40);
	bpf_sk_release(sk);
	return r;
}

/* ACCEPT: a tcp_sock from a looked-up socket, its fields read. */
SEC("tc")
int sk_tcp_sock(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;
	struct bpf_tcp_sock *tp;
	int r = 0;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	tp = bpf_tcp_sock(sk);
	if (tp)
		r = tp->snd_cwnd + tp->srtt_us;
	bpf_sk_release(sk);
	return r;
}

/* REJECT: the tcp_sock read after its socket was released. */
SEC("tc")
int sk_tcp_sock_after_release(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;
	struct bpf_tcp_sock *tp;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	tp = bpf_tcp_sock(sk);
	bpf_sk_release(sk);
	if (!tp)
		return 0;
	return tp->snd_cwnd;
}

/* ACCEPT: the tcp_sock released instead of its socket (it carries the socket's reference). */
SEC("tc")
int sk_release_tcp_sock(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;
	struct bpf_tcp_sock *tp;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	tp = bpf_tcp_sock(sk);
	if (!tp) {
		bpf_sk_release(sk);
		return 0;
	}
	bpf_sk_release((struct bpf_sock *)tp);
	return 0;
}

/* ACCEPT: the skb's socket through bpf_sk_fullsock, not released. */
SEC("tc")
int sk_fullsock(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (!sk)
		return 0;
	sk = bpf_sk_fullsock(sk);
	if (!sk)
		return 0;
	return sk->mark + sk->priority;
}

/* REJECT: the skb's socket released. */
SEC("tc")
int sk_release_skb_sk(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (!sk)
		return 0;
	bpf_sk_release(sk);
	return 0;
}

/* REJECT: a sock_common read past its fields. */
SEC("tc")
int sk_common_full_field(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (!sk)
		return 0;
	return sk->mark;
}

/* ACCEPT: a listener socket of a looked-up socket. */
SEC("tc")
int sk_listener(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk, *l;
	int r = 0;

	sk = bpf_skc_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	l = bpf_get_listener_sock(sk);
	if (l)
		r = l->src_port;
	bpf_sk_release(sk);
	return r;
}

/* ACCEPT: bpf_sk_assign of a looked-up socket, then released. */
SEC("tc")
int sk_assign(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;
	long r;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	r = bpf_sk_assign(skb, sk, 0);
	bpf_sk_release(sk);
	return r == 0;
}

/* REJECT: bpf_sk_assign with a NULL-able socket. */
SEC("tc")
int sk_assign_null(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	bpf_sk_assign(skb, sk, 0);
	if (sk)
		bpf_sk_release(sk);
	return 0;
}

/* ACCEPT: bpf_skc_to_tcp_sock of the skb's socket (a BTF pointer). */
SEC("tc")
int sk_skc_to_tcp(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	struct tcp_sock *tp;

	if (!sk)
		return 0;
	tp = bpf_skc_to_tcp_sock(sk);
	if (!tp)
		return 0;
	return tp->snd_cwnd;
}

/* REJECT: a BTF tcp_sock from a cast, written. */
SEC("tc")
int sk_skc_to_tcp_write(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	struct tcp_sock *tp;

	if (!sk)
		return 0;
	tp = bpf_skc_to_tcp_sock(sk);
	if (!tp)
		return 0;
	tp->snd_cwnd = 1;
	return 0;
}

/* REJECT: a socket cast of a scalar. */
SEC("tc")
int sk_skc_cast_scalar(struct __sk_buff *skb)
{
	return bpf_skc_to_tcp_sock((void *)(long)skb->len) != 0;
}

/* ACCEPT: a UDP socket cast from a lookup, then the lookup released. */
SEC("tc")
int sk_skc_to_udp(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;
	struct udp_sock *up;
	int r = 0;

	sk = bpf_sk_lookup_udp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	up = bpf_skc_to_udp6_sock(sk);
	if (up)
		r = up->pending;
	bpf_sk_release(sk);
	return r;
}

/* ACCEPT: the lookup tuple size varies within the tuple written. */
SEC("tc")
int sk_lookup_var_size(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), skb->len & 12, BPF_F_CURRENT_NETNS, 0);
	if (sk)
		bpf_sk_release(sk);
	return 0;
}

/* ACCEPT: an XDP lookup. */
SEC("xdp")
int sk_xdp_lookup(struct xdp_md *ctx)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_tcp(ctx, tuple(&t), sizeof(t.ipv6), BPF_F_CURRENT_NETNS, 0);
	if (sk)
		bpf_sk_release(sk);
	return XDP_PASS;
}

/* REJECT: a socket lookup from a socket filter. */
SEC("socket")
int sk_socket_filter_lookup(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (sk)
		bpf_sk_release(sk);
	return 0;
}

/* ACCEPT: a socket lookup from a cgroup_skb program. */
SEC("cgroup_skb/egress")
int sk_cgroup_lookup(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (sk)
		bpf_sk_release(sk);
	return 1;
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, int);
} progs SEC(".maps");

/* REJECT: a tail call while a socket reference is held. */
SEC("tc")
int sk_tail_call_ref(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t;
	struct bpf_sock *sk;

	sk = bpf_sk_lookup_tcp(skb, tuple(&t), sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	if (!sk)
		return 0;
	bpf_tail_call(skb, &progs, 0);
	bpf_sk_release(sk);
	return 0;
}

/* ACCEPT: a socket's bound device and rx queue read through sock fields. */
SEC("cgroup_skb/ingress")
int sk_cgroup_fields(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (!sk)
		return 1;
	sk = bpf_sk_fullsock(sk);
	if (!sk)
		return 1;
	return (sk->bound_dev_if + sk->rx_queue_mapping) & 1;
}

/* ACCEPT: bpf_sk_cgroup_id of a full socket. */
SEC("cgroup_skb/egress")
int sk_cgroup_id(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (!sk)
		return 0;
	sk = bpf_sk_fullsock(sk);
	if (!sk)
		return 0;
	return bpf_sk_cgroup_id(sk) & 1;
}

/* ACCEPT: bpf_sk_cgroup_id of a sock_common (its argument is any socket). */
SEC("cgroup_skb/egress")
int sk_cgroup_id_common(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (!sk)
		return 0;
	return bpf_sk_cgroup_id(sk) & 1;
}
