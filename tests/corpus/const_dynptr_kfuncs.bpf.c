// SPDX-License-Identifier: GPL-2.0
/* const_dynptr_kfuncs: the read-only dynptr a user ring buffer's callback
 * gets may be passed to any kfunc taking a dynptr (check_kfunc_args takes
 * it as read-only whatever the parameter says), and bpf_dynptr_write
 * takes it too. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_USER_RINGBUF);
	__uint(max_entries, 4096);
} urb SEC(".maps");

static long to_memset(struct bpf_dynptr *d, void *ctx)
{
	bpf_dynptr_memset(d, 0, 0, 0);
	return 0;
}

static long to_write(struct bpf_dynptr *d, void *ctx)
{
	char c = 0;

	bpf_dynptr_write(d, 0, &c, 1, 0);
	return 0;
}

/* ACCEPT: a kfunc whose dynptr parameter is not const takes the callback's read-only dynptr. */
SEC("syscall")
int const_dynptr_to_kfunc(void *ctx)
{
	bpf_user_ringbuf_drain(&urb, to_memset, NULL, 0);
	return 0;
}

/* ACCEPT: bpf_dynptr_write takes a read-only dynptr too (its argument is declared read-only; the write fails at run time). */
SEC("syscall")
int const_dynptr_to_writing_helper(void *ctx)
{
	bpf_user_ringbuf_drain(&urb, to_write, NULL, 0);
	return 0;
}
