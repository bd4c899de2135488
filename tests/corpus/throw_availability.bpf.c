// SPDX-License-Identifier: GPL-2.0
/* throw_availability: a global function calling bpf_throw may throw only
 * where the program's type may call bpf_throw at all (the kernel marks a
 * subprogram as throwing when it finds the kfunc for the type). Where it
 * may not, the caller's references and RCU section are no concern at the
 * call, and a reachable throw is refused in the function itself. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} records SEC(".maps");

const volatile int never = 0;

__noinline int maybe_throw(long x)
{
	if (never)
		bpf_throw(0);
	return x;
}

__noinline int throws(long x)
{
	if (x)
		bpf_throw(0);
	return x;
}

/* ACCEPT: a kprobe may not throw, and the throw is dead code. */
SEC("kprobe/do_nanosleep")
int holding_a_record_kprobe(void *ctx)
{
	long *p = bpf_ringbuf_reserve(&records, 8, 0);

	if (!p)
		return 0;
	maybe_throw(bpf_get_prandom_u32());
	bpf_ringbuf_discard(p, 0);
	return 0;
}

/* REJECT: tc may throw: the record would leak at the call. */
SEC("tc")
int holding_a_record_tc(struct __sk_buff *skb)
{
	long *p = bpf_ringbuf_reserve(&records, 8, 0);

	if (!p)
		return 0;
	maybe_throw(bpf_get_prandom_u32());
	bpf_ringbuf_discard(p, 0);
	return 0;
}

/* ACCEPT: a socket filter in an RCU section, calling the same function. */
SEC("socket")
int in_rcu_section_socket(void *ctx)
{
	bpf_rcu_read_lock();
	maybe_throw(bpf_get_prandom_u32());
	bpf_rcu_read_unlock();
	return 0;
}

/* REJECT: a reachable throw is refused in the function, the kprobe's call passing. */
SEC("kprobe/do_nanosleep")
int reachable_throw_kprobe(void *ctx)
{
	long *p = bpf_ringbuf_reserve(&records, 8, 0);

	if (!p)
		return 0;
	throws(bpf_get_prandom_u32());
	bpf_ringbuf_discard(p, 0);
	return 0;
}
