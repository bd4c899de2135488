// SPDX-License-Identifier: GPL-2.0
/* untrusted_memory: what untrusted read-only memory (bpf_rdonly_cast(p, 0))
 * may be given to. */
#include "corpus.h"

/* REJECT: untrusted memory is no memory for a helper (only MEM_RDONLY and PTR_MAYBE_NULL are taken off its type). */
SEC("socket")
int untrusted_memory_to_helper(void *ctx)
{
	long x = 0;
	char *p = bpf_rdonly_cast(&x, 0);

	return bpf_strncmp(p, 4, "abc");
}
