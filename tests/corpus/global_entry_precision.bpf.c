// SPDX-License-Identifier: GPL-2.0
/* global_entry_precision: precision traced back to the start of a global
 * function, which is verified on its own after the program with the
 * program's counters. When those counters make the kernel store a state at
 * the function's first instruction, the arguments are marked precise there;
 * when they do not, tracing runs off the first state and the kernel marks
 * every scalar of the path precise instead, which prunes less. The two
 * programs differ by one jump before the call, which decides that. */
#include "corpus.h"

struct vals {
	long v[8];
};

#define keep(x) asm volatile("%0 = %0" : "+r"(x))

static __attribute__((noinline)) long pick(struct vals *a, long x, long y)
{
	if (x == 1)
		y = x;
	if (x & 8)
		y = x;
	keep(y);
	keep(y);
	return x;
}

__attribute__((noinline)) long fill(struct vals *a, long x, long y)
{
	long r = 0;

	if (!a)
		return 0;
	r = pick(a, x, y);
	for (int i = 0; i < 3; i++) {
		if (i >= x)
			break;
		a->v[i & 7] += y;
	}
	a->v[x & 7] = r;
	a->v[r & 7] = r;
	return 0;
}

/* ACCEPT: no jump before the call: the global function's entry gets a state. */
SEC("kprobe/do_nanosleep")
int entry_state_stored(struct pt_regs *ctx)
{
	struct vals v;

	__builtin_memset(&v, 0, sizeof(v));
	asm volatile("r0 = 0;" ::: "r0");
	return fill(&v, 1, 2);
}

/* ACCEPT: one jump more before the call: no state at the entry, every scalar made precise. */
SEC("kprobe/do_nanosleep")
int entry_state_not_stored(struct pt_regs *ctx)
{
	struct vals v;

	__builtin_memset(&v, 0, sizeof(v));
	asm volatile("r0 = 0; goto +0;" ::: "r0");
	return fill(&v, 1, 2);
}

char _license[] SEC("license") = "GPL";
