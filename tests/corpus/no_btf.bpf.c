// SPDX-License-Identifier: GPL-2.0
/* corpus-cflags: -g0 */
/* no_btf: built without debug information, the object has no BTF: libbpf passes no function info, so the kernel knows no global function and verifies every subprogram in its caller's frame. */
#include "corpus.h"

__noinline int value_at(int *p)
{
	return *p;
}

/* ACCEPT: a global function dereferences its pointer argument unchecked; verified in the caller's frame with the caller's stack address (the call's state is stored there, as for any static subprogram). */
SEC("socket")
int global_without_btf(void *ctx)
{
	int v = 1;

	return value_at(&v);
}

__noinline int value_after(int *p)
{
	return p[1];
}

/* REJECT: the global function reads past the caller's 4-byte variable, seen only in the caller's frame. */
SEC("socket")
int global_without_btf_reads_past(void *ctx)
{
	int v = 1;

	return value_after(&v);
}
