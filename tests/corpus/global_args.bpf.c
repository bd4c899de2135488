// SPDX-License-Identifier: GPL-2.0
/* global_args: what a global function's parameters accept and assume
 * (arg:untrusted pointers, memory a packet-changing function or a kernel
 * object would have to provide), and tail calls made from functions. */
#include "corpus.h"

#define __untrusted __attribute__((btf_decl_tag("arg:untrusted")))
#define __nullable_arg __attribute__((btf_decl_tag("arg:nullable")))

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} vals SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} progs SEC(".maps");

struct not_in_the_kernel {
	int a;
};

struct two_words {
	long a;
	long b;
};

__weak int read_task(struct task_struct *t __untrusted)
{
	return t->pid;
}

__weak int read_bytes(void *p __untrusted)
{
	return *(int *)p;
}

__weak int takes_void(void *p)
{
	return p != 0;
}

__weak int untrusted_nullable(struct task_struct *t __untrusted __nullable_arg)
{
	return 0;
}

__weak int untrusted_local(struct not_in_the_kernel *p __untrusted)
{
	return 0;
}

__weak int set_word(int *p)
{
	if (!p)
		return 0;
	*p = 1;
	return 0;
}

__weak int sum_then_pull(struct __sk_buff *skb, struct two_words *w)
{
	if (!w)
		return 0;
	bpf_skb_pull_data(skb, 0);
	return w->a;
}

__weak int sum_only(struct __sk_buff *skb, struct two_words *w)
{
	if (!w)
		return 0;
	return w->a + skb->len;
}

/* ACCEPT: an untrusted struct parameter takes a trusted task, a map value and 0 alike. */
SEC("tp_btf/task_newtask")
int untrusted_takes_anything(void *ctx)
{
	int k = 0;
	long *v = bpf_map_lookup_elem(&vals, &k);

	read_task(bpf_get_current_task_btf());
	if (v)
		read_task((void *)v);
	return read_task(0);
}

/* ACCEPT: an untrusted void parameter is read-only memory of no size, readable. */
SEC("tp_btf/task_newtask")
int untrusted_bytes(void *ctx)
{
	return read_bytes(bpf_get_current_task_btf());
}

/* REJECT: arg:untrusted combined with another tag. */
SEC("tp_btf/task_newtask")
int untrusted_with_other_tag(void *ctx)
{
	return untrusted_nullable(0);
}

/* REJECT: arg:untrusted on a struct the kernel does not have. */
SEC("tp_btf/task_newtask")
int untrusted_local_struct(void *ctx)
{
	return untrusted_local(0);
}

/* REJECT: a kernel object's field given as memory the function may write. */
SEC("tp_btf/task_newtask")
int kernel_field_as_writable_mem(void *ctx)
{
	struct task_struct *t = bpf_get_current_task_btf();

	return set_word(&t->prio);
}

/* REJECT: packet memory given to a function that may move the packet. */
SEC("tc")
int packet_to_pulling_function(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	struct two_words *w = data;

	if ((void *)(w + 1) > end)
		return 0;
	return sum_then_pull(skb, w);
}

/* ACCEPT: packet memory given to a function that leaves the packet alone. */
SEC("tc")
int packet_to_reading_function(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *end = (void *)(long)skb->data_end;
	struct two_words *w = data;

	if ((void *)(w + 1) > end)
		return 0;
	return sum_only(skb, w);
}

static __noinline int jump_or_store(struct __sk_buff *skb, long *slot)
{
	bpf_tail_call(skb, &progs, 0);
	*slot = -1;
	return 0;
}

/* REJECT: a tail call from a function may return from it before its store: the slot keeps -1024. */
SEC("tc")
int tail_call_skips_store(struct __sk_buff *skb)
{
	long slot = -1024;
	char buf[16] = {};

	jump_or_store(skb, &slot);
	asm volatile("r1 = %[slot]; r2 = r10; r2 += r1; r0 = *(u8 *)(r2 + 0);"
		     :: [slot] "r"(slot) : "r0", "r1", "r2");
	return buf[0];
}

/* REJECT: a global function's untagged void pointer parameter has no size to check memory against. */
SEC("tc")
int void_pointer_to_global_function(struct __sk_buff *skb)
{
	int x = 0;

	return takes_void(&x);
}
