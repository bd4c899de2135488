// SPDX-License-Identifier: GPL-2.0
/* ksym_address: a kfunc's address taken as a value (what bpf_ksym_exists()
 * tests) is read-only memory of no size: no helper may write it, no store
 * may go through it, a helper reading memory of size 0 may take it. */
#include "corpus.h"

/* REJECT: a kfunc's address as memory a helper writes. */
SEC("tp_btf/sys_enter")
int ksym_address_to_written_memory(void *ctx)
{
	void *p = (void *)bpf_task_acquire;

	if (!p)
		return 0;
	bpf_probe_read_kernel(p, 0, ctx);
	return 0;
}

/* REJECT: a store through a kfunc's address. */
SEC("tp_btf/sys_enter")
int ksym_address_written(void *ctx)
{
	volatile char *p = (void *)bpf_task_acquire;

	if (!p)
		return 0;
	*p = 1;
	return 0;
}

/* ACCEPT: a kfunc's address as memory of size 0 a helper reads. */
SEC("tp_btf/sys_enter")
int ksym_address_read(void *ctx)
{
	void *p = (void *)bpf_task_acquire;

	if (!p)
		return 0;
	bpf_snprintf(0, 0, "", p, 0);
	return 0;
}
