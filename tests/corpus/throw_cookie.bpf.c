// SPDX-License-Identifier: GPL-2.0
/* throw_cookie: with no exception callback, the cookie bpf_throw gets is
 * what the program returns, checked as the kernel checks a return value
 * at the bottom frame of the path: the program's range wherever in the
 * program the throw is (a static function, a bpf_loop callback), an async
 * callback's range ([0, 0]) in a timer callback, and only scalar-ness in a
 * global function verified on its own. */
#include "corpus.h"

struct tval {
	struct bpf_timer t;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct tval);
} timers SEC(".maps");

static __noinline int throw_odd(int x)
{
	if (x & 1)
		bpf_throw(x);
	return x + 1;
}

/* REJECT: a static function throws an unknown cookie; cgroup_skb returns [0, 3]. */
SEC("cgroup_skb/egress")
int static_throw_unknown_cookie(struct __sk_buff *skb)
{
	throw_odd(bpf_get_prandom_u32());
	return 1;
}

/* ACCEPT: the same function given a cookie within the range. */
SEC("cgroup_skb/egress")
int static_throw_cookie_in_range(struct __sk_buff *skb)
{
	throw_odd(bpf_get_prandom_u32() & 3);
	return 1;
}

__noinline int global_throw_odd(int x)
{
	if (x & 1)
		bpf_throw(x);
	return x + 1;
}

/* ACCEPT: a global function is verified on its own: any scalar cookie. */
SEC("cgroup_skb/egress")
int global_throw_unknown_cookie(struct __sk_buff *skb)
{
	global_throw_odd(bpf_get_prandom_u32());
	return 1;
}

static long throw_in_round(__u32 i, void *data)
{
	bpf_throw(i + 7);
	return 0;
}

/* REJECT: a bpf_loop callback throws 7, out of range (before its throw is refused). */
SEC("cgroup_skb/egress")
int loop_callback_throws_out_of_range(struct __sk_buff *skb)
{
	bpf_loop(2, throw_in_round, NULL, 0);
	return 1;
}

static int timer_throws(void *map, int *key, struct tval *v)
{
	bpf_throw(1);
	return 0;
}

/* REJECT: a timer callback throws 1: an async callback returns [0, 0]. */
SEC("tc")
int timer_callback_throws_one(struct __sk_buff *skb)
{
	int k = 0;
	struct tval *v = bpf_map_lookup_elem(&timers, &k);

	if (!v)
		return 0;
	bpf_timer_init(&v->t, &timers, 1);
	bpf_timer_set_callback(&v->t, timer_throws);
	return 0;
}
