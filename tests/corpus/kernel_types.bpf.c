// SPDX-License-Identifier: GPL-2.0
/*
 * kernel_types: loads from kernel structs (the kernel's BTF struct walk and
 * the trust of the pointers it yields), kptr exchange typing, global
 * function arguments, return ranges and narrow stack spills.
 */
#include "corpus.h"

struct item {
	int a;
	long b;
};

struct other {
	long x;
};

struct stash {
	struct item __kptr *p;
	long plain;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct stash);
} stash_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, long);
} arr SEC(".maps");

/* ACCEPT: group_leader is listed by the kernel as RCU-safe: an RCU pointer, acquirable. */
SEC("tp_btf/sched_switch")
int BPF_PROG(kt_group_leader_acquire_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct task_struct *t = bpf_task_acquire(prev->group_leader);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: task->parent is not in the kernel's safe lists: a plain pointer, not an RCU one. */
SEC("tp_btf/sched_switch")
int BPF_PROG(kt_parent_not_rcu, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct task_struct *t = bpf_task_acquire(prev->parent);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* ACCEPT: real_parent of real_parent: RCU-safe fields keep the RCU mark through two loads. */
SEC("tp_btf/sched_switch")
int BPF_PROG(kt_rcu_chain_acquire_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct task_struct *t = bpf_task_acquire(prev->real_parent->real_parent);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* ACCEPT: reading scalars through two levels of kernel pointers (tp_btf is an RCU section). */
SEC("tp_btf/sched_switch")
int BPF_PROG(kt_two_level_read_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	return prev->real_parent->pid + prev->comm[3];
}

/* REJECT: stores into kernel structs are refused. */
SEC("tp_btf/sched_switch")
int BPF_PROG(kt_write_task_field, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	prev->pid = 1;
	return 0;
}

/* REJECT: a 4-byte read of a pointer member. */
SEC("tp_btf/sched_switch")
__attribute__((naked)) int kt_partial_ptr_member(void)
{
	asm volatile(
		"r1 = *(u64 *)(r1 + 8);"
		"r0 = *(u32 *)(r1 + %[off]);"
		"exit;"
		:
		: [off] "i"(__builtin_offsetof(struct task_struct, mm))
		: "memory");
}

/* REJECT: reading before a kernel struct. */
SEC("tp_btf/sched_switch")
__attribute__((naked)) int kt_negative_offset(void)
{
	asm volatile(
		"r1 = *(u64 *)(r1 + 8);"
		"r0 = *(u64 *)(r1 - 8);"
		"exit;"
		::: "memory");
}

/* REJECT: a pointer loaded in a sleepable program outside an RCU section is untrusted. */
SEC("syscall")
int kt_sleepable_walk_untrusted(void *ctx)
{
	struct task_struct *cur = bpf_get_current_task_btf();
	struct task_struct *t = bpf_task_acquire(cur->group_leader);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* ACCEPT: exchange an object into a kptr field and drop what was there. */
SEC("tc")
int kt_kptr_xchg_ok(struct __sk_buff *skb)
{
	int key = 0;
	struct stash *v = bpf_map_lookup_elem(&stash_map, &key);
	struct item *n, *old;

	if (!v)
		return 0;
	n = bpf_obj_new(struct item);
	if (!n)
		return 0;
	old = bpf_kptr_xchg(&v->p, n);
	if (old)
		bpf_obj_drop(old);
	return 0;
}

/* REJECT: an object of another type exchanged into the kptr field. */
SEC("tc")
int kt_kptr_xchg_wrong_type(struct __sk_buff *skb)
{
	int key = 0;
	struct stash *v = bpf_map_lookup_elem(&stash_map, &key);
	struct other *n, *old;

	if (!v)
		return 0;
	n = bpf_obj_new(struct other);
	if (!n)
		return 0;
	old = bpf_kptr_xchg(&v->p, n);
	if (old)
		bpf_obj_drop(old);
	return 0;
}

/* REJECT: the exchange destination is not a kptr field. */
SEC("tc")
int kt_kptr_xchg_not_kptr(struct __sk_buff *skb)
{
	int key = 0;
	struct stash *v = bpf_map_lookup_elem(&stash_map, &key);
	struct item *n, *old;

	if (!v)
		return 0;
	n = bpf_obj_new(struct item);
	if (!n)
		return 0;
	old = bpf_kptr_xchg((struct item **)&v->plain, n);
	if (old)
		bpf_obj_drop(old);
	return 0;
}

/* REJECT: bpf_rdonly_cast to a type id that is not a struct (an int). */
SEC("tc")
int kt_rdonly_cast_int(struct __sk_buff *skb)
{
	int *p = bpf_rdonly_cast(skb, bpf_core_type_id_kernel(int));

	return p ? 1 : 0;
}

__noinline int kt_sum(long *v, long d)
{
	if (!v)
		return 0;
	return *v + d;
}

__noinline int kt_deref_unchecked(long *v)
{
	return *v;
}

__noinline int kt_len(struct __sk_buff *skb)
{
	return skb->len;
}

/* ACCEPT: a global function with a nullable memory argument, given a map value or NULL. */
SEC("tc")
int kt_global_nullable_ok(struct __sk_buff *skb)
{
	int key = 0;
	long *v = bpf_map_lookup_elem(&arr, &key);

	return kt_sum(v, 1) + kt_sum(NULL, 2) + kt_len(skb);
}

/* REJECT: the global function dereferences its pointer argument without a NULL check. */
SEC("tc")
int kt_global_deref_unchecked(struct __sk_buff *skb)
{
	long x = 0;

	return kt_deref_unchecked(&x);
}

/* REJECT: a global function's memory argument must be memory, not a number. */
SEC("tc")
__attribute__((naked)) int kt_global_scalar_for_ptr(void)
{
	asm volatile(
		"r1 = 42;"
		"r2 = 1;"
		"call kt_sum;"
		"exit;"
		::: "memory");
}

/* ACCEPT: cgroup_skb egress may return 0..3. */
SEC("cgroup_skb/egress")
int kt_egress_returns_3_ok(struct __sk_buff *skb)
{
	return 3;
}

/* REJECT: cgroup_skb ingress must return 0 or 1. */
SEC("cgroup_skb/ingress")
int kt_ingress_returns_2(struct __sk_buff *skb)
{
	return 2;
}

static long each_returns_2(struct bpf_map *map, int *key, long *val, void *ctx)
{
	return 2;
}

/* REJECT: a bpf_for_each_map_elem callback must return 0 or 1. */
SEC("tc")
int kt_for_each_bad_return(struct __sk_buff *skb)
{
	bpf_for_each_map_elem(&arr, each_returns_2, NULL, 0);
	return 0;
}

/* ACCEPT: a 4-byte key spilled at the start of its stack slot is a known constant: the array lookup cannot fail. */
SEC("tc")
__attribute__((naked)) int kt_narrow_spill_const_key_ok(void)
{
	asm volatile(
		"r1 = 1;"
		"*(u32 *)(r10 - 8) = r1;"
		"r2 = r10;"
		"r2 += -8;"
		"r1 = %[arr] ll;"
		"call %[lookup];"
		"r0 = *(u64 *)(r0 + 0);"
		"r0 = 0;"
		"exit;"
		:
		: [arr] "i"(&arr), [lookup] "i"(bpf_map_lookup_elem)
		: "memory");
}

/* REJECT: the same key stored as 8 bytes is not a 4-byte constant: the lookup may fail. */
SEC("tc")
__attribute__((naked)) int kt_wide_spill_key_may_fail(void)
{
	asm volatile(
		"r1 = 1;"
		"*(u64 *)(r10 - 8) = r1;"
		"r2 = r10;"
		"r2 += -8;"
		"r1 = %[arr] ll;"
		"call %[lookup];"
		"r0 = *(u64 *)(r0 + 0);"
		"r0 = 0;"
		"exit;"
		:
		: [arr] "i"(&arr), [lookup] "i"(bpf_map_lookup_elem)
		: "memory");
}

/* REJECT: a pointer walked from a trusted task to a field no list vouches for is untrusted (in an RCU section too): no helper takes it. */
SEC("tp_btf/task_newtask")
int BPF_PROG(kt_walked_unlisted_to_helper, struct task_struct *task, u64 clone_flags)
{
	__u64 buf[8];

	return bpf_get_task_stack(task->last_wakee, buf, sizeof(buf), 0);
}

/* ACCEPT: the task itself (trusted) passed to the same helper. */
SEC("tp_btf/task_newtask")
int BPF_PROG(kt_trusted_task_to_helper, struct task_struct *task, u64 clone_flags)
{
	__u64 buf[8];

	return bpf_get_task_stack(task, buf, sizeof(buf), 0);
}
