// SPDX-License-Identifier: GPL-2.0
/* tail_calls: bpf_tail_call with subprograms (stack limits), locks, RCU and preemption sections, references, callbacks, sleepable programs and program types. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, int);
} jmp SEC(".maps");

struct lval {
	struct bpf_spin_lock lock;
	long n;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct lval);
} locked SEC(".maps");

static __noinline int tail_from_static(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jmp, 0);
	return 1;
}

static __noinline int big_frame_tail(struct __sk_buff *skb)
{
	volatile char buf[200];

	buf[0] = 1;
	buf[199] = 1;
	bpf_tail_call(skb, &jmp, 1);
	return buf[0] + buf[199];
}

static __noinline int big_caller_frame(struct __sk_buff *skb)
{
	volatile char buf[120];

	buf[0] = 2;
	buf[119] = 2;
	return big_frame_tail(skb) + buf[0] + buf[119];
}

/* ACCEPT: a tail call with a constant index. */
SEC("tc")
int tc_const_index(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jmp, 2);
	return 0;
}

/* ACCEPT: a tail call with a variable index. */
SEC("tc")
int tc_var_index(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jmp, skb->len & 7);
	return 0;
}

/* ACCEPT: a tail call from a static subprogram. */
SEC("tc")
int tc_from_subprog(struct __sk_buff *skb)
{
	return tail_from_static(skb);
}

/* ACCEPT: a tail call from a subprogram with a large frame (only the frames before it count). */
SEC("tc")
int tc_subprog_stack(struct __sk_buff *skb)
{
	return big_caller_frame(skb);
}

/* REJECT: a tail call holding a spin lock. */
SEC("tc")
int tc_under_lock(struct __sk_buff *skb)
{
	int key = 0;
	struct lval *v = bpf_map_lookup_elem(&locked, &key);

	if (!v)
		return 0;
	bpf_spin_lock(&v->lock);
	bpf_tail_call(skb, &jmp, 0);
	bpf_spin_unlock(&v->lock);
	return 0;
}

/* REJECT: a tail call inside an RCU read section. */
SEC("tc")
int tc_under_rcu(struct __sk_buff *skb)
{
	bpf_rcu_read_lock();
	bpf_tail_call(skb, &jmp, 0);
	bpf_rcu_read_unlock();
	return 0;
}

/* REJECT: a tail call with preemption disabled. */
SEC("tc")
int tc_no_preempt(struct __sk_buff *skb)
{
	bpf_preempt_disable();
	bpf_tail_call(skb, &jmp, 0);
	bpf_preempt_enable();
	return 0;
}

/* REJECT: a tail call holding a task reference. */
SEC("tc")
int tc_with_task_ref(struct __sk_buff *skb)
{
	struct task_struct *t = bpf_task_from_pid(1);

	if (!t)
		return 0;
	bpf_tail_call(skb, &jmp, 0);
	bpf_task_release(t);
	return 0;
}

static long loop_tail(__u64 i, struct __sk_buff **skb)
{
	return 0;
}

/* ACCEPT: a tail call after a bpf_loop. */
SEC("tc")
int tc_after_loop(struct __sk_buff *skb)
{
	bpf_loop(2, loop_tail, 0, 0);
	bpf_tail_call(skb, &jmp, 0);
	return 0;
}

/* REJECT: a tail call with a map that is not a program array. */
SEC("tc")
int tc_wrong_map(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &locked, 0);
	return 0;
}

/* REJECT: a tail call whose context is not the program's. */
SEC("tc")
int tc_not_ctx(struct __sk_buff *skb)
{
	long x = 0;

	bpf_tail_call(&x, &jmp, 0);
	return 0;
}

/* ACCEPT: a tail call from a kprobe. */
SEC("kprobe/do_nanosleep")
int tc_kprobe(struct pt_regs *ctx)
{
	bpf_tail_call(ctx, &jmp, 0);
	return 0;
}

/* ACCEPT: a tail call from XDP (the program array is shared by type at attach time). */
SEC("xdp")
int tc_xdp(struct xdp_md *ctx)
{
	bpf_tail_call(ctx, &jmp, 0);
	return XDP_PASS;
}

/* REJECT: a tail call with IRQs disabled. */
SEC("tc")
int tc_irq_off(struct __sk_buff *skb)
{
	unsigned long flags;

	bpf_local_irq_save(&flags);
	bpf_tail_call(skb, &jmp, 0);
	bpf_local_irq_restore(&flags);
	return 0;
}

/* ACCEPT: a tail call from a subprogram whose callers' frames take over 256 bytes (no limit on them in 6.18). */
SEC("tc")
int tc_callers_stack(struct __sk_buff *skb)
{
	volatile char buf[300];

	buf[0] = 1;
	buf[299] = 2;
	return tail_from_static(skb) + buf[0] + buf[299];
}
