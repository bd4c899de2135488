// SPDX-License-Identifier: GPL-2.0
/* rcu: bpf_rcu_read_lock/unlock balance, RCU pointers, sleepable calls inside an RCU section. */
#include "corpus.h"

char ubuf[16];

/* ACCEPT: balanced rcu lock/unlock in a tp_btf program, reading an RCU field. */
SEC("tp_btf/sched_switch")
int BPF_PROG(rcu_balanced_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct task_struct *p;
	int pid = 0;

	bpf_rcu_read_lock();
	p = prev->real_parent;
	if (p)
		pid = p->pid;
	bpf_rcu_read_unlock();
	return pid;
}

/* REJECT: nested bpf_rcu_read_lock (6.18 has no RCU nesting counter). */
SEC("tp_btf/sched_switch")
int BPF_PROG(rcu_nested, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	bpf_rcu_read_lock();
	bpf_rcu_read_lock();
	bpf_rcu_read_unlock();
	bpf_rcu_read_unlock();
	return 0;
}

/* REJECT: bpf_rcu_read_unlock without a matching lock. */
SEC("tp_btf/sched_switch")
int BPF_PROG(rcu_unmatched_unlock, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	bpf_rcu_read_unlock();
	return 0;
}

/* REJECT: program exits inside an RCU read section. */
SEC("tp_btf/sched_switch")
int BPF_PROG(rcu_missing_unlock, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	bpf_rcu_read_lock();
	return prev->pid;
}

/* REJECT: unlock on one path only. */
SEC("tp_btf/sched_switch")
int BPF_PROG(rcu_unlock_one_path, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	bpf_rcu_read_lock();
	if (prev->pid > 100)
		bpf_rcu_read_unlock();
	return 0;
}

/* ACCEPT: sleepable syscall program: RCU section around an RCU pointer load + bpf_task_acquire. */
SEC("syscall")
int rcu_syscall_acquire_ok(void *ctx)
{
	struct task_struct *cur = bpf_get_current_task_btf(), *p, *acq = NULL;

	bpf_rcu_read_lock();
	p = cur->real_parent;
	if (p)
		acq = bpf_task_acquire(p);
	bpf_rcu_read_unlock();
	if (acq)
		bpf_task_release(acq);
	return 0;
}

/* REJECT: RCU pointer loaded inside the section, passed to bpf_task_acquire after unlock (now untrusted). */
SEC("syscall")
int rcu_ptr_after_unlock(void *ctx)
{
	struct task_struct *cur = bpf_get_current_task_btf(), *p, *acq;

	bpf_rcu_read_lock();
	p = cur->real_parent;
	bpf_rcu_read_unlock();
	if (!p)
		return 0;
	acq = bpf_task_acquire(p);
	if (acq)
		bpf_task_release(acq);
	return 0;
}

/* REJECT: RCU-protected field loaded in a sleepable program without an RCU section, passed to a KF_RCU kfunc. */
SEC("syscall")
int rcu_ptr_no_section(void *ctx)
{
	struct task_struct *cur = bpf_get_current_task_btf(), *p, *acq;

	p = cur->real_parent;
	if (!p)
		return 0;
	acq = bpf_task_acquire(p);
	if (acq)
		bpf_task_release(acq);
	return 0;
}

/* REJECT: sleepable kfunc (bpf_copy_from_user_str) inside an RCU read section. */
SEC("syscall")
int rcu_sleepable_inside(void *ctx)
{
	char buf[16];

	bpf_rcu_read_lock();
	bpf_copy_from_user_str(buf, sizeof(buf), (void *)ubuf, 0);
	bpf_rcu_read_unlock();
	return buf[0];
}

/* ACCEPT: the same sleepable kfunc outside the RCU read section. */
SEC("syscall")
int rcu_sleepable_outside_ok(void *ctx)
{
	char buf[16];

	bpf_rcu_read_lock();
	bpf_rcu_read_unlock();
	bpf_copy_from_user_str(buf, sizeof(buf), (void *)ubuf, 0);
	return buf[0];
}

/* REJECT: sleepable helper (bpf_copy_from_user) inside an RCU read section. */
SEC("syscall")
int rcu_sleepable_helper_inside(void *ctx)
{
	char buf[8];

	bpf_rcu_read_lock();
	bpf_copy_from_user(buf, sizeof(buf), (void *)ubuf);
	bpf_rcu_read_unlock();
	return buf[0];
}

/* ACCEPT: non-sleepable tp_btf: RCU field passed to bpf_task_acquire without an explicit section. */
SEC("tp_btf/sched_switch")
int BPF_PROG(rcu_implicit_tp_btf_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct task_struct *p = bpf_task_acquire(prev->real_parent);

	if (p)
		bpf_task_release(p);
	return 0;
}

/* ACCEPT: bpf_rcu_read_lock is a common kfunc, available to socket filters too. */
SEC("socket")
int rcu_socket_filter_ok(struct __sk_buff *skb)
{
	bpf_rcu_read_lock();
	bpf_rcu_read_unlock();
	return 0;
}

/* ACCEPT: two consecutive (non-nested) RCU sections. */
SEC("tp_btf/sched_switch")
int BPF_PROG(rcu_sequential_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	int a = 0, b = 0;

	bpf_rcu_read_lock();
	if (prev->real_parent)
		a = prev->real_parent->pid;
	bpf_rcu_read_unlock();
	bpf_rcu_read_lock();
	if (next->real_parent)
		b = next->real_parent->pid;
	bpf_rcu_read_unlock();
	return a + b;
}

/* ACCEPT: RCU section in a tc program around bpf_task_from_pid. */
SEC("tc")
int rcu_tc_ok(struct __sk_buff *skb)
{
	struct task_struct *t;

	bpf_rcu_read_lock();
	t = bpf_task_from_pid(1);
	bpf_rcu_read_unlock();
	if (t)
		bpf_task_release(t);
	return 0;
}

/* ACCEPT: unlock on both branches. */
SEC("tp_btf/sched_switch")
int BPF_PROG(rcu_branches_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	bpf_rcu_read_lock();
	if (prev->pid > 100) {
		bpf_rcu_read_unlock();
		return 1;
	}
	bpf_rcu_read_unlock();
	return 0;
}
