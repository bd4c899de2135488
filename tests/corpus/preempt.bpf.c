// SPDX-License-Identifier: GPL-2.0
/* preempt: bpf_preempt_disable/enable counting, and what may not happen while preemption is off. */
#include "corpus.h"

char ubuf[16];

/* ACCEPT: disable then enable. */
SEC("tc")
int preempt_ok(struct __sk_buff *skb)
{
	bpf_preempt_disable();
	bpf_preempt_enable();
	return 0;
}

/* ACCEPT: nested disable/disable/enable/enable (the kernel counts them). */
SEC("tc")
int preempt_nested_ok(struct __sk_buff *skb)
{
	bpf_preempt_disable();
	bpf_preempt_disable();
	bpf_preempt_enable();
	bpf_preempt_enable();
	return 0;
}

/* REJECT: bpf_preempt_enable without a matching disable. */
SEC("tc")
int preempt_unmatched_enable(struct __sk_buff *skb)
{
	bpf_preempt_enable();
	return 0;
}

/* REJECT: two disables, one enable: exit with preemption disabled. */
SEC("tc")
int preempt_missing_enable(struct __sk_buff *skb)
{
	bpf_preempt_disable();
	bpf_preempt_disable();
	bpf_preempt_enable();
	return 0;
}

/* REJECT: sleepable kfunc (bpf_copy_from_user_str) while preemption is disabled. */
SEC("syscall")
int preempt_sleepable_kfunc(void *ctx)
{
	char buf[16];

	bpf_preempt_disable();
	bpf_copy_from_user_str(buf, sizeof(buf), (void *)ubuf, 0);
	bpf_preempt_enable();
	return buf[0];
}

/* REJECT: sleepable helper (bpf_copy_from_user) while preemption is disabled. */
SEC("syscall")
int preempt_sleepable_helper(void *ctx)
{
	char buf[8];

	bpf_preempt_disable();
	bpf_copy_from_user(buf, sizeof(buf), (void *)ubuf);
	bpf_preempt_enable();
	return buf[0];
}

/* ACCEPT: a non-sleeping helper (bpf_get_smp_processor_id) while preemption is disabled. */
SEC("tc")
int preempt_helper_ok(struct __sk_buff *skb)
{
	int cpu;

	bpf_preempt_disable();
	cpu = bpf_get_smp_processor_id();
	bpf_preempt_enable();
	return cpu;
}

/* ACCEPT: enable on both paths of a branch. */
SEC("tc")
int preempt_branches_ok(struct __sk_buff *skb)
{
	bpf_preempt_disable();
	if (skb->len > 10) {
		bpf_preempt_enable();
		return 1;
	}
	bpf_preempt_enable();
	return 0;
}

/* ACCEPT: preempt disable/enable inside an RCU read section (syscall program). */
SEC("syscall")
int preempt_in_rcu_ok(void *ctx)
{
	bpf_rcu_read_lock();
	bpf_preempt_disable();
	bpf_preempt_enable();
	bpf_rcu_read_unlock();
	return 0;
}

/* ACCEPT: preempt disable/enable in a tp_btf program around a per-CPU read. */
SEC("tp_btf/sched_switch")
int BPF_PROG(preempt_tp_btf_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	int cpu;

	bpf_preempt_disable();
	cpu = bpf_get_smp_processor_id();
	bpf_preempt_enable();
	return cpu;
}

/* REJECT: bpf_rcu_read_lock taken inside a preempt-disabled region but never released. */
SEC("tc")
int preempt_rcu_leak(struct __sk_buff *skb)
{
	bpf_preempt_disable();
	bpf_rcu_read_lock();
	bpf_preempt_enable();
	return 0;
}
