// SPDX-License-Identifier: GPL-2.0
/* non_gpl: a program whose license is not GPL-compatible may not read kernel memory through a BTF pointer (the kernel's check_ptr_to_btf_access), whatever the pointer's source; its context and its own memory stay open to it. */
/* Not corpus.h: it declares a GPL license. */
#define BPF_NO_KFUNC_PROTOTYPES
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "Proprietary";

extern void bpf_rcu_read_lock(void) __ksym;
extern void bpf_rcu_read_unlock(void) __ksym;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym;
extern void bpf_task_release(struct task_struct *p) __ksym;

/* REJECT: a tp_btf argument is a trusted kernel object, closed to a non-GPL program. */
SEC("tp_btf/sched_switch")
int BPF_PROG(non_gpl_reads_task, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	return prev->pid;
}

/* ACCEPT: the arguments themselves are the program's context: reading them is allowed, only following them is not. */
SEC("tp_btf/sched_switch")
int BPF_PROG(non_gpl_reads_args, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	return preempt + (prev != next);
}

/* REJECT: an iterator's task is a kernel object too. */
SEC("iter/task")
int non_gpl_iter_task(struct bpf_iter__task *ctx)
{
	struct task_struct *task = ctx->task;

	return task ? task->tgid : 0;
}

/* REJECT: the same through a pointer read from another object: the first read already fails. */
SEC("tp_btf/sched_process_fork")
int BPF_PROG(non_gpl_reads_parent_mm, struct task_struct *parent, struct task_struct *child)
{
	struct mm_struct *mm = parent->mm;

	return mm ? mm->map_count : 0;
}

/* ACCEPT: a classic tracepoint's context is the program's, not kernel BTF memory. */
SEC("tracepoint/sched/sched_switch")
int non_gpl_tracepoint_ctx(struct trace_event_raw_sched_switch *ctx)
{
	return ctx->prev_pid;
}

/* REJECT: no kfunc may be called: the kernel refuses the first kfunc call it finds, before verifying anything (0 instructions processed). */
SEC("tc")
int non_gpl_kfunc_call(struct __sk_buff *skb)
{
	bpf_rcu_read_lock();
	bpf_rcu_read_unlock();
	return 0;
}

static __noinline int acquire_and_release(struct task_struct *task)
{
	struct task_struct *t = bpf_task_acquire(task);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: the same for a kfunc called only from a subprogram. */
SEC("tp_btf/sched_switch")
int BPF_PROG(non_gpl_kfunc_in_subprog, bool preempt, struct task_struct *prev)
{
	return acquire_and_release(prev);
}
