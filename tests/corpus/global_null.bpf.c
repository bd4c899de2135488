// SPDX-License-Identifier: GPL-2.0
/* global_null: NULL for a global function's memory parameter (allowed
 * unless tagged arg:nonnull, and then precise, so that a path passing
 * another number is not covered by one that passed NULL), and the
 * registers a global function without parameters starts with (none).
 * Found by the differential fuzzer. */
#include "corpus.h"

#define __nonnull_arg __attribute__((btf_decl_tag("arg:nonnull")))

struct pair {
	long a;
	long b;
};

__weak int sum_maybe(struct __sk_buff *skb, struct pair *p)
{
	if (!p)
		return 0;
	return p->a + p->b;
}

__weak int sum_sure(struct __sk_buff *skb, struct pair *p __nonnull_arg)
{
	return p->a + p->b;
}

__weak int no_params(void)
{
	return 1;
}

/* Reads R1, which a function without parameters does not get. */
__attribute__((naked)) __weak int reads_r1(void)
{
	asm volatile("r0 = r1; exit;");
}

/* ACCEPT: NULL where the parameter may be NULL. */
SEC("tc")
int null_for_nullable(struct __sk_buff *skb)
{
	struct pair *p = 0;

	asm volatile("" : "+r"(p));
	return sum_maybe(skb, p);
}

/* REJECT: NULL where the parameter is tagged arg:nonnull. */
SEC("tc")
int null_for_nonnull(struct __sk_buff *skb)
{
	struct pair *p = 0;

	asm volatile("" : "+r"(p));
	return sum_sure(skb, p);
}

/* ACCEPT: stack memory where the parameter is tagged arg:nonnull. */
SEC("tc")
int stack_for_nonnull(struct __sk_buff *skb)
{
	struct pair p = { skb->len, skb->mark };

	return sum_sure(skb, &p);
}

/* ACCEPT: a function without parameters. */
SEC("tc")
int calls_no_params(struct __sk_buff *skb)
{
	return no_params();
}

/* REJECT: a function without parameters reads R1. */
SEC("tc")
int calls_reads_r1(struct __sk_buff *skb)
{
	return reads_r1();
}

/* REJECT: the path passing NULL made it precise, so the path passing 1 is not covered before the call. */
SEC("tc")
__attribute__((naked)) int null_is_precise_for_the_next_path(void)
{
	asm volatile (
	"r6 = r1;"
	"call %[rnd];"
	"r7 = 1;"
	"if r0 != 0 goto 1f;"
	"r7 = 0;"
	"1:"
	"call %[rnd];"
	"r1 = 0; r1 = 0; r1 = 0; r1 = 0; r1 = 0; r1 = 0; r1 = 0; r1 = 0;"
	"if r0 == 0 goto 2f;"
	"2:"
	"r1 = r6;"
	"r2 = r7;"
	"call sum_maybe;"
	"r0 = 0;"
	"exit;"
	:: [rnd] "i"(BPF_FUNC_get_prandom_u32)
	: "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");
}

char _license[] SEC("license") = "GPL";
