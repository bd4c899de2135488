// SPDX-License-Identifier: GPL-2.0
/* exceptions: bpf_throw with exception callbacks (their signature and return range), throws from global functions and callbacks, throw cookies, code after a throw. */
#include "corpus.h"

#define __exception_cb(name) __attribute__((btf_decl_tag("exception_callback:" #name)))

__noinline int exc_cb_ok(__u64 cookie)
{
	return cookie & 1;
}

__noinline int exc_cb_ret2(__u64 cookie)
{
	return 2;
}

__noinline int exc_cb_two_args(__u64 cookie, __u64 other)
{
	return 0;
}

__noinline int global_thrower(struct __sk_buff *skb)
{
	if (skb && skb->len > 100)
		bpf_throw(7);
	return 0;
}

static long loop_throw(__u64 i, void *ctx)
{
	if (i == 3)
		bpf_throw(3);
	return 0;
}

/* ACCEPT: a throw handled by an exception callback returning 0 or 1. */
SEC("tc")
__exception_cb(exc_cb_ok)
int ex_cb_ok(struct __sk_buff *skb)
{
	if (skb->len < 14)
		bpf_throw(1);
	return 0;
}

/* ACCEPT: tc's exception callback returns 2 (tc programs' results are not range-checked). */
SEC("tc")
__exception_cb(exc_cb_ret2)
int ex_cb_ret2(struct __sk_buff *skb)
{
	if (skb->len < 14)
		bpf_throw(1);
	return 0;
}

/* REJECT: an exception callback with two arguments. */
SEC("tc")
__exception_cb(exc_cb_two_args)
int ex_cb_two_args(struct __sk_buff *skb)
{
	if (skb->len < 14)
		bpf_throw(1);
	return 0;
}

/* ACCEPT: a throw from a global function. */
SEC("tc")
int ex_global(struct __sk_buff *skb)
{
	return global_thrower(skb);
}

/* REJECT: a throw inside a bpf_loop callback. */
SEC("tc")
int ex_in_callback(struct __sk_buff *skb)
{
	bpf_loop(8, loop_throw, 0, 0);
	return 0;
}

/* ACCEPT: code after an unconditional throw is never verified. */
SEC("tc")
int ex_after_throw(struct __sk_buff *skb)
{
	bpf_throw(0);
	return *(volatile int *)0;
}

/* ACCEPT: an XDP program throws with a variable cookie. */
SEC("xdp")
int ex_xdp_cookie(struct xdp_md *ctx)
{
	if (ctx->rx_queue_index > 4)
		bpf_throw(ctx->rx_queue_index);
	return XDP_PASS;
}

static __noinline int check_arg(int x)
{
	if (x > 10)
		bpf_throw(x);
	return x;
}

/* ACCEPT: a syscall program throws from a static function. */
SEC("syscall")
int ex_syscall(void *ctx)
{
	return check_arg(bpf_get_prandom_u32() & 15);
}

/* ACCEPT: a cgroup_skb program's exception callback returns 2 (the callback, a global function, is verified on its own; its result is not range-checked). */
SEC("cgroup_skb/egress")
__exception_cb(exc_cb_ret2)
int ex_cgroup_cb_ret2(struct __sk_buff *skb)
{
	if (skb->len < 14)
		bpf_throw(1);
	return 1;
}

/* ACCEPT: a cgroup_skb program's exception callback returns 0 or 1. */
SEC("cgroup_skb/egress")
__exception_cb(exc_cb_ok)
int ex_cgroup_cb_ok(struct __sk_buff *skb)
{
	if (skb->len < 14)
		bpf_throw(1);
	return 1;
}
