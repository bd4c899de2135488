// SPDX-License-Identifier: GPL-2.0
/* globals: global data (.data, .bss, .rodata, custom sections), read-only data written, variable offsets into global arrays, global data passed to helpers, atomics on it. */
#include "corpus.h"

int counter;
long table[16];
const volatile int limit = 8;
const char greeting[8] = "hello";
int in_section SEC(".data.custom");


/* ACCEPT: .bss and .data read and written, .rodata read. */
SEC("tc")
int gl_rw(struct __sk_buff *skb)
{
	counter++;
	table[3] = skb->len;
	in_section = 1;
	return greeting[0] + limit;
}

/* REJECT: .rodata written. */
SEC("tc")
int gl_rodata_write(struct __sk_buff *skb)
{
	*(volatile char *)&greeting[1] = 'a';
	return 0;
}

/* ACCEPT: a global array indexed by a bounded variable. */
SEC("tc")
int gl_var_index(struct __sk_buff *skb)
{
	return table[skb->len & 15] & 1;
}

/* REJECT: a global array indexed past its end. */
SEC("tc")
int gl_var_index_oob(struct __sk_buff *skb)
{
	__u32 i = skb->len & 31;

	return *(volatile long *)((char *)table + i * 8) & 1;
}

/* ACCEPT: a .rodata constant decides a branch the verifier then knows. */
SEC("tc")
int gl_rodata_branch(struct __sk_buff *skb)
{
	if (limit > 100)
		return *(volatile long *)0;
	return 0;
}

/* ACCEPT: a global variable's address passed to a helper as memory. */
SEC("tc")
int gl_helper_mem(struct __sk_buff *skb)
{
	return bpf_skb_load_bytes(skb, 0, table, sizeof(table)) & 1;
}

/* REJECT: a helper reads past a global variable. */
SEC("tc")
int gl_helper_mem_oob(struct __sk_buff *skb)
{
	return bpf_skb_load_bytes(skb, 0, &table[8], 72) & 1;
}

/* ACCEPT: an atomic add on a global counter. */
SEC("tc")
int gl_atomic(struct __sk_buff *skb)
{
	__sync_fetch_and_add(&counter, 1);
	return 0;
}

/* REJECT: an atomic add on read-only data. */
SEC("tc")
int gl_atomic_rodata(struct __sk_buff *skb)
{
	__sync_fetch_and_add((int *)&limit, 1);
	return 0;
}
