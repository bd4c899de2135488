// SPDX-License-Identifier: GPL-2.0
/* cgroup_hooks: sockopt buffers (optval, optval_end), sysctl helpers and their buffers, device and socket hooks' return values and helpers. */
#include "corpus.h"

/* ACCEPT: getsockopt reads its option buffer behind a bounds check. */
SEC("cgroup/getsockopt")
int ch_getsockopt_optval(struct bpf_sockopt *ctx)
{
	__u8 *optval = ctx->optval, *end = ctx->optval_end;

	if (optval + 1 > end)
		return 1;
	return optval[0] ? 1 : 1;
}

/* REJECT: getsockopt reads its option buffer without a bounds check. */
SEC("cgroup/getsockopt")
int ch_getsockopt_unchecked(struct bpf_sockopt *ctx)
{
	__u8 *optval = ctx->optval;

	return optval[0] == 1;
}

/* ACCEPT: setsockopt writes its option buffer behind a bounds check. */
SEC("cgroup/setsockopt")
int ch_setsockopt_write(struct bpf_sockopt *ctx)
{
	__u8 *optval = ctx->optval, *end = ctx->optval_end;

	if (optval + 4 > end)
		return 1;
	optval[3] = 0;
	return 1;
}

/* REJECT: setsockopt writes past its checked buffer. */
SEC("cgroup/setsockopt")
int ch_setsockopt_oob(struct bpf_sockopt *ctx)
{
	__u8 *optval = ctx->optval, *end = ctx->optval_end;

	if (optval + 4 > end)
		return 1;
	optval[4] = 0;
	return 1;
}

/* REJECT: a sockopt hook returns 2. */
SEC("cgroup/getsockopt")
int ch_getsockopt_ret(struct bpf_sockopt *ctx)
{
	return 2;
}

/* ACCEPT: a sockopt hook reads the socket. */
SEC("cgroup/setsockopt")
int ch_setsockopt_sk(struct bpf_sockopt *ctx)
{
	struct bpf_sock *sk = ctx->sk;

	return sk && sk->family == 2 ? 1 : 1;
}

/* ACCEPT: sysctl reads its name and new value into stack buffers. */
SEC("cgroup/sysctl")
int ch_sysctl_name(struct bpf_sysctl *ctx)
{
	char name[32], val[16];

	if (bpf_sysctl_get_name(ctx, name, sizeof(name), 0) < 0)
		return 1;
	if (bpf_sysctl_get_new_value(ctx, val, sizeof(val)) < 0)
		return 1;
	return name[0] == 'n' ? 1 : 0;
}

/* REJECT: a sysctl name buffer reported larger than the stack holds. */
SEC("cgroup/sysctl")
int ch_sysctl_name_oob(struct bpf_sysctl *ctx)
{
	char name[8];

	return bpf_sysctl_get_name(ctx, name, 16, 0) & 1;
}

/* ACCEPT: sysctl sets a new value from a stack buffer. */
SEC("cgroup/sysctl")
int ch_sysctl_set(struct bpf_sysctl *ctx)
{
	char val[2] = "1";

	bpf_sysctl_set_new_value(ctx, val, 1);
	return 1;
}

/* REJECT: a sysctl helper from a socket hook. */
SEC("cgroup/sock_create")
int ch_sock_sysctl(struct bpf_sock *sk)
{
	char name[8];

	return bpf_sysctl_get_name((void *)sk, name, sizeof(name), 0) & 1;
}

/* ACCEPT: strtol on a stack string, result to the stack. */
SEC("cgroup/sysctl")
int ch_sysctl_strtol(struct bpf_sysctl *ctx)
{
	char s[4] = "12";
	long res = 0;

	if (bpf_strtol(s, sizeof(s), 0, &res) < 0)
		return 1;
	return res == 12;
}

/* REJECT: strtol's result pointer is not the stack. */
SEC("cgroup/sysctl")
int ch_sysctl_strtol_ctx(struct bpf_sysctl *ctx)
{
	char s[4] = "12";

	return bpf_strtol(s, sizeof(s), 0, (long *)ctx) & 1;
}

/* ACCEPT: a device hook allows reads of character devices. */
SEC("cgroup/dev")
int ch_dev(struct bpf_cgroup_dev_ctx *ctx)
{
	short type = ctx->access_type & 0xffff;

	return type == 2 ? 1 : 0;
}

/* REJECT: a device hook returns 2. */
SEC("cgroup/dev")
int ch_dev_ret(struct bpf_cgroup_dev_ctx *ctx)
{
	return 2;
}

/* ACCEPT: a socket-release hook reads the socket's cookie. */
SEC("cgroup/sock_release")
int ch_sock_release(struct bpf_sock *sk)
{
	return bpf_get_socket_cookie(sk) ? 1 : 1;
}

/* ACCEPT: a connect hook returns 1 and reads the socket's cookie and netns cookie. */
SEC("cgroup/connect4")
int ch_connect_cookies(struct bpf_sock_addr *ctx)
{
	return (bpf_get_socket_cookie(ctx) + bpf_get_netns_cookie(ctx)) ? 1 : 1;
}

/* REJECT: a bind hook returns 4 (bind hooks return 0 to 3). */
SEC("cgroup/bind4")
int ch_bind_ret(struct bpf_sock_addr *ctx)
{
	return 4;
}

/* ACCEPT: a bind hook returns 3. */
SEC("cgroup/bind4")
int ch_bind_ret3(struct bpf_sock_addr *ctx)
{
	return 3;
}
