// SPDX-License-Identifier: GPL-2.0
/* cast: bpf_cast_to_kern_ctx and bpf_rdonly_cast: what the resulting pointers may do. */
#include "corpus.h"

/* ACCEPT: tc ctx cast to struct sk_buff, read a field. */
SEC("tc")
int cast_kern_ctx_ok(struct __sk_buff *skb)
{
	struct sk_buff *kskb = bpf_cast_to_kern_ctx(skb);

	return kskb->len;
}

/* REJECT: write through the trusted struct sk_buff pointer. */
SEC("tc")
int cast_kern_ctx_write(struct __sk_buff *skb)
{
	struct sk_buff *kskb = bpf_cast_to_kern_ctx(skb);

	kskb->mark = 1;
	return 0;
}

/* ACCEPT: xdp ctx cast to struct xdp_buff, read a field. */
SEC("xdp")
int cast_kern_ctx_xdp_ok(struct xdp_md *ctx)
{
	struct xdp_buff *xdp = bpf_cast_to_kern_ctx(ctx);

	return xdp->frame_sz ? XDP_PASS : XDP_DROP;
}

/* REJECT: bpf_cast_to_kern_ctx of a non-context pointer (stack). */
SEC("tc")
int cast_kern_ctx_not_ctx(struct __sk_buff *skb)
{
	long x = 0;
	struct sk_buff *kskb = bpf_cast_to_kern_ctx(&x);

	return kskb->len;
}

/* ACCEPT: bpf_rdonly_cast of a scalar address to struct task_struct, read a field (untrusted, probe-read). */
SEC("tc")
int rdonly_cast_ok(struct __sk_buff *skb)
{
	struct task_struct *t = bpf_rdonly_cast((void *)(unsigned long)skb->len,
						bpf_core_type_id_kernel(struct task_struct));

	return t->pid;
}

/* ACCEPT: read-only untrusted memory keeps no offset: a pointer moved every round of an open-ended iterator loop converges. */
SEC("tc")
int rdonly_mem_moved_in_loop(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	char *p = bpf_rdonly_cast((void *)(unsigned long)skb->len, 0);
	int sum = 0;

	bpf_iter_num_new(&it, 0, 1000000);
	while (bpf_iter_num_next(&it)) {
		p += 3;
		sum += *p;
	}
	bpf_iter_num_destroy(&it);
	return sum;
}

/* ACCEPT: a number plus read-only untrusted memory is that memory. */
SEC("tc")
int rdonly_mem_number_plus_pointer(struct __sk_buff *skb)
{
	char *p = bpf_rdonly_cast((void *)(unsigned long)skb->len, 0);
	char *q;

	asm volatile("%[q] = 16; %[q] += %[p];" : [q] "=&r"(q) : [p] "r"(p));
	return *q;
}

/* REJECT: write through a bpf_rdonly_cast pointer. */
SEC("tc")
int rdonly_cast_write(struct __sk_buff *skb)
{
	struct task_struct *t = bpf_rdonly_cast((void *)(unsigned long)skb->len,
						bpf_core_type_id_kernel(struct task_struct));

	t->pid = 1;
	return 0;
}

/* REJECT: bpf_rdonly_cast's type id is not a known constant. */
SEC("tc")
int rdonly_cast_var_id(struct __sk_buff *skb)
{
	__u32 id = bpf_core_type_id_kernel(struct task_struct) + (skb->len & 1);
	struct task_struct *t = bpf_rdonly_cast((void *)(unsigned long)skb->len, id);

	return t->pid;
}

/* ACCEPT: sk_buff obtained via bpf_cast_to_kern_ctx, walked to its socket via bpf_rdonly_cast. */
SEC("tc")
int cast_chain_ok(struct __sk_buff *skb)
{
	struct sk_buff *kskb = bpf_cast_to_kern_ctx(skb);
	struct sock *sk = bpf_rdonly_cast(kskb->sk, bpf_core_type_id_kernel(struct sock));

	if (!sk)
		return 0;
	return sk->__sk_common.skc_family;
}

/* ACCEPT: bpf_rdonly_cast to void: a read-only 0-sized memory pointer, not dereferenced. */
SEC("tc")
int rdonly_cast_void_ok(struct __sk_buff *skb)
{
	void *p = bpf_rdonly_cast(skb, 0);

	return p != 0;
}

/* ACCEPT: reading through the 0-sized untrusted pointer of bpf_rdonly_cast(..., void) is allowed (probe read). */
SEC("tc")
int rdonly_cast_void_deref(struct __sk_buff *skb)
{
	char *p = bpf_rdonly_cast(skb, 0);

	return p[0];
}

/* REJECT: writing through the untrusted pointer of bpf_rdonly_cast(..., void). */
SEC("tc")
int rdonly_cast_void_write(struct __sk_buff *skb)
{
	char *p = bpf_rdonly_cast(skb, 0);

	p[0] = 1;
	return 0;
}

/* ACCEPT: bpf_rdonly_cast of a field walked from a trusted tp_btf argument, read through it. */
SEC("tp_btf/task_newtask")
int BPF_PROG(rdonly_cast_trusted_ok, struct task_struct *task, u64 clone_flags)
{
	struct mm_struct *mm = bpf_rdonly_cast(task->mm, bpf_core_type_id_kernel(struct mm_struct));

	return mm ? mm->map_count : 0;
}
