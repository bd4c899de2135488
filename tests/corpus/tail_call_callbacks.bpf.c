// SPDX-License-Identifier: GPL-2.0
/* tail_call_callbacks: a subprogram making a tail call may not be reached
 * through a callback (the helper calling the callback would never get it
 * back); the same subprogram called from the program, or a callback called
 * from it, is fine. Refused after verification, by the call-graph walk. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, int);
} progs SEC(".maps");

static __noinline int tail(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &progs, 0);
	return skb->len & 1;
}

static __noinline int triple(int x)
{
	return x * 3 + 1;
}

static __noinline int via_one(struct __sk_buff *skb)
{
	return tail(skb) + 1;
}

static long round_empty(__u32 i, void *data)
{
	return 0;
}

static long round_plain(__u32 i, void *data)
{
	return triple(i) & 1;
}

static long round_two_deep(__u32 i, void **data)
{
	return via_one(*data) ? 1 : 0;
}

static long round_plain_then_tail(__u32 i, void **data)
{
	int r = triple(i);

	return (tail(*data) + r) ? 1 : 0;
}

static __noinline int tail_after_loop(struct __sk_buff *skb)
{
	bpf_loop(1, round_plain, NULL, 0);
	bpf_tail_call(skb, &progs, 0);
	return skb->len & 1;
}

/* ACCEPT: the tail-calling function from the program, then a callback. */
SEC("tc")
int tail_then_callback(struct __sk_buff *skb)
{
	int r = tail(skb);

	bpf_loop(1, round_empty, NULL, 0);
	return r;
}

/* ACCEPT: a callback calling a plain function, after the tail call. */
SEC("tc")
int tail_then_callback_calling(struct __sk_buff *skb)
{
	int r = tail(skb);

	bpf_loop(1, round_plain, NULL, 0);
	return r;
}

/* ACCEPT: the callback first, then the tail-calling function. */
SEC("tc")
int callback_then_tail(struct __sk_buff *skb)
{
	bpf_loop(1, round_plain, NULL, 0);
	return tail(skb);
}

/* ACCEPT: the tail-calling function runs a callback of its own. */
SEC("tc")
int tail_function_runs_callback(struct __sk_buff *skb)
{
	return tail_after_loop(skb);
}

/* REJECT: a callback reaches the tail call two functions down. */
SEC("tc")
int callback_reaches_tail_two_deep(struct __sk_buff *skb)
{
	bpf_loop(1, round_two_deep, &skb, 0);
	return 0;
}

/* REJECT: a callback calls a plain function, then the tail-calling one. */
SEC("tc")
int callback_plain_then_tail(struct __sk_buff *skb)
{
	bpf_loop(1, round_plain_then_tail, &skb, 0);
	return 0;
}
