// SPDX-License-Identifier: GPL-2.0
/* linked_call_args: a value handed down static functions, kept in each
 * caller, and bounded by a test in the innermost one: the bound reaches the
 * program's own copy through the callers' copies. The argument registers a
 * caller filled are no copies once the call is made (the call scratches
 * them), so they do not take places among the six a test links. */
#include "corpus.h"

#define keep(x) asm volatile("%0 = %0" : "+r"(x))

static __attribute__((noinline)) int small(__u64 x)
{
	if (x > 10)
		return 1;
	return 0;
}

static __attribute__((noinline)) int down1(__u64 x)
{
	int r = small(x);

	keep(x);
	return r;
}

static __attribute__((noinline)) int down2(__u64 x)
{
	int r = down1(x);

	keep(x);
	return r;
}

/* ACCEPT: the stack index is bounded by the test three calls down. */
SEC("kprobe/do_nanosleep")
int bounded_three_calls_down(struct pt_regs *ctx)
{
	char buf[16] = {};
	__u64 x = PT_REGS_PARM3(ctx);

	if (down2(x) == 0)
		buf[x] = 1;
	return buf[3];
}

/* REJECT: the same index without the test's answer. */
SEC("kprobe/do_nanosleep")
int unbounded_without_the_answer(struct pt_regs *ctx)
{
	char buf[16] = {};
	__u64 x = PT_REGS_PARM3(ctx);

	down2(x);
	buf[x] = 1;
	return buf[3];
}

char _license[] SEC("license") = "GPL";
