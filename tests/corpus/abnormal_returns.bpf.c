// SPDX-License-Identifier: GPL-2.0
/* abnormal_returns: a subprogram that may leave through a tail call or a legacy packet load must return a number, as its BTF says, for the kernel to check that return. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, u32);
	__type(value, u32);
} jumps SEC(".maps");

unsigned long long load_byte(void *skb, unsigned long long off) asm("llvm.bpf.load.byte");

static __noinline int tail_int(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jumps, skb->mark & 3);
	return skb->len;
}

/* ACCEPT: a tail call from a subprogram returning int. */
SEC("tc")
int tail_call_in_int_subprog(struct __sk_buff *skb)
{
	return tail_int(skb) ? 1 : 0;
}

static __noinline void tail_void(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jumps, skb->mark & 3);
}

/* REJECT: a tail call from a subprogram returning nothing. */
SEC("tc")
int tail_call_in_void_subprog(struct __sk_buff *skb)
{
	tail_void(skb);
	return 1;
}

static __noinline struct __sk_buff *tail_ptr(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jumps, 1);
	return skb;
}

/* REJECT: a tail call from a subprogram returning a pointer. */
SEC("tc")
int tail_call_in_ptr_subprog(struct __sk_buff *skb)
{
	return tail_ptr(skb) ? 1 : 0;
}

static __noinline int proto_int(struct __sk_buff *skb)
{
	return load_byte(skb, 23);
}

/* ACCEPT: a legacy packet load in a subprogram returning int. */
SEC("socket")
int ld_abs_in_int_subprog(struct __sk_buff *skb)
{
	return proto_int(skb) == 6 ? -1 : 0;
}

static __noinline void proto_void(struct __sk_buff *skb, u32 *out)
{
	*out = load_byte(skb, 23);
}

/* REJECT: a legacy packet load in a subprogram returning nothing. */
SEC("socket")
int ld_abs_in_void_subprog(struct __sk_buff *skb)
{
	u32 proto = 0;

	proto_void(skb, &proto);
	return proto == 6 ? -1 : 0;
}

char _license[] SEC("license") = "GPL";
