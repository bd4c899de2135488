// SPDX-License-Identifier: GPL-2.0
/* corpus-cflags: -O0 */
/* unoptimised: built with -O0, clang gives the BTF prototypes of global functions unnamed parameters. The kernel refuses such BTF (btf_func_check: "Invalid arg#1"); libbpf then loads the programs without it, and with no function info the kernel verifies every global function as a static subprogram, in its caller's frame. */
#include "corpus.h"

__noinline int first_of(int *p)
{
	return *p;
}

/* ACCEPT: a global function dereferences its pointer argument unchecked; verified with the caller's stack address, not as a possibly-NULL pointer. */
SEC("socket")
int global_deref_unchecked(void *ctx)
{
	int v = 1;

	return first_of(&v);
}

__noinline int second_of(int *p)
{
	return p[1];
}

/* REJECT: the global function reads past the caller's 4-byte variable, which only a verification in the caller's frame sees (at -O0 the argument goes through the stack, so the kernel's message is about that fill). */
SEC("socket")
int global_reads_past_callers_variable(void *ctx)
{
	int v = 1;

	return second_of(&v);
}

__noinline void *same(void *p)
{
	return p;
}

/* REJECT: verified as a static subprogram in the caller's frame, the function returns the caller's stack pointer, which the kernel refuses (as a global function it would have been refused for returning no number). */
SEC("socket")
int global_returns_pointer(void *ctx)
{
	int v = 1;
	int *p = same(&v);

	return *p;
}
