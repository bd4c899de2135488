// SPDX-License-Identifier: GPL-2.0
/* iter_task: task / task_vma / css / css_task / kmem_cache open-coded iterators and their context rules. */
#include "corpus.h"

/* ACCEPT: iterate all processes in a non-sleepable tp_btf program (implicit RCU). */
SEC("tp_btf/sched_switch")
int BPF_PROG(task_iter_tp_btf_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct bpf_iter_task it;
	struct task_struct *t;
	int n = 0;

	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	while ((t = bpf_iter_task_next(&it)))
		n++;
	bpf_iter_task_destroy(&it);
	return n;
}

/* ACCEPT: sleepable syscall program: task iterator inside an explicit RCU section. */
SEC("syscall")
int task_iter_syscall_rcu_ok(void *ctx)
{
	struct bpf_iter_task it;
	struct task_struct *t;
	int n = 0;

	bpf_rcu_read_lock();
	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	while ((t = bpf_iter_task_next(&it)))
		n += t->pid & 1;
	bpf_iter_task_destroy(&it);
	bpf_rcu_read_unlock();
	return n;
}

/* REJECT: sleepable syscall program: task iterator created outside an RCU section. */
SEC("syscall")
int task_iter_syscall_no_rcu(void *ctx)
{
	struct bpf_iter_task it;
	struct task_struct *t;
	int n = 0;

	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	while ((t = bpf_iter_task_next(&it)))
		n++;
	bpf_iter_task_destroy(&it);
	return n;
}

/* REJECT: task iterator created inside RCU, advanced after bpf_rcu_read_unlock. */
SEC("syscall")
int task_iter_next_after_rcu_unlock(void *ctx)
{
	struct bpf_iter_task it;
	struct task_struct *t;

	bpf_rcu_read_lock();
	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	bpf_rcu_read_unlock();
	t = bpf_iter_task_next(&it);
	bpf_iter_task_destroy(&it);
	return t ? 1 : 0;
}

/* REJECT: task iterator leaked. */
SEC("tp_btf/sched_switch")
int BPF_PROG(task_iter_leak, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct bpf_iter_task it;
	struct task_struct *t;

	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	t = bpf_iter_task_next(&it);
	return t ? 1 : 0;
}

/* ACCEPT: task returned by the iterator passed to bpf_task_acquire (trusted/RCU) and released. */
SEC("tp_btf/sched_switch")
int BPF_PROG(task_iter_acquire_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct bpf_iter_task it;
	struct task_struct *t, *acq = NULL;

	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	t = bpf_iter_task_next(&it);
	if (t)
		acq = bpf_task_acquire(t);
	bpf_iter_task_destroy(&it);
	if (acq)
		bpf_task_release(acq);
	return 0;
}

/* ACCEPT: iterate the VMAs of the current task. */
SEC("tp_btf/sched_switch")
int BPF_PROG(task_vma_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct task_struct *cur = bpf_get_current_task_btf();
	struct bpf_iter_task_vma it;
	struct vm_area_struct *vma;
	long n = 0;

	bpf_iter_task_vma_new(&it, cur, 0);
	while ((vma = bpf_iter_task_vma_next(&it)))
		n += vma->vm_end - vma->vm_start;
	bpf_iter_task_vma_destroy(&it);
	return n > 0;
}

/* REJECT: a task_vma iterator destroyed twice. */
SEC("tp_btf/sched_switch")
int BPF_PROG(task_vma_double_destroy, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct task_struct *cur = bpf_get_current_task_btf();
	struct bpf_iter_task_vma it;

	bpf_iter_task_vma_new(&it, cur, 0);
	bpf_iter_task_vma_destroy(&it);
	bpf_iter_task_vma_destroy(&it);
	return 0;
}

/* ACCEPT: walk descendant css of the root cgroup (cgroup from id 1, acquired and released). */
SEC("tp_btf/sched_switch")
int BPF_PROG(css_iter_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct cgroup *root = bpf_cgroup_from_id(1);
	struct cgroup_subsys_state *pos;
	struct bpf_iter_css it;
	int n = 0;

	if (!root)
		return 0;
	bpf_iter_css_new(&it, &root->self, BPF_CGROUP_ITER_DESCENDANTS_PRE);
	while ((pos = bpf_iter_css_next(&it)))
		n++;
	bpf_iter_css_destroy(&it);
	bpf_cgroup_release(root);
	return n;
}

/* REJECT: css_task iterator in a non-sleepable tp_btf program (only LSM, iter and sleepable progs). */
SEC("tp_btf/sched_switch")
int BPF_PROG(css_task_in_tp_btf, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct cgroup *root = bpf_cgroup_from_id(1);
	struct bpf_iter_css_task it;
	struct task_struct *t;
	int n = 0;

	if (!root)
		return 0;
	bpf_iter_css_task_new(&it, &root->self, CSS_TASK_ITER_PROCS);
	while ((t = bpf_iter_css_task_next(&it)))
		n++;
	bpf_iter_css_task_destroy(&it);
	bpf_cgroup_release(root);
	return n;
}

/* ACCEPT: css_task iterator in a sleepable syscall program. */
SEC("syscall")
int css_task_syscall_ok(void *ctx)
{
	struct cgroup *root = bpf_cgroup_from_id(1);
	struct bpf_iter_css_task it;
	struct task_struct *t;
	int n = 0;

	if (!root)
		return 0;
	bpf_iter_css_task_new(&it, &root->self, CSS_TASK_ITER_PROCS);
	while ((t = bpf_iter_css_task_next(&it)))
		n++;
	bpf_iter_css_task_destroy(&it);
	bpf_cgroup_release(root);
	return n;
}

/* ACCEPT: css_task iterator in a bpf_iter program (iter/cgroup). */
SEC("iter/cgroup")
int css_task_in_iter_ok(struct bpf_iter__cgroup *ctx)
{
	struct cgroup *cgrp = ctx->cgroup;
	struct bpf_iter_css_task it;
	struct task_struct *t;
	int n = 0;

	if (!cgrp)
		return 0;
	bpf_iter_css_task_new(&it, &cgrp->self, CSS_TASK_ITER_PROCS);
	while ((t = bpf_iter_css_task_next(&it)))
		n++;
	bpf_iter_css_task_destroy(&it);
	return 0;
}

/* ACCEPT: kmem_cache iterator (sleepable syscall program), loop body reads a field. */
SEC("syscall")
int kmem_cache_iter_ok(void *ctx)
{
	struct bpf_iter_kmem_cache it;
	struct kmem_cache *s;
	unsigned int size = 0;

	bpf_iter_kmem_cache_new(&it);
	while ((s = bpf_iter_kmem_cache_next(&it)))
		size = s->size;
	bpf_iter_kmem_cache_destroy(&it);
	return 0;
}

/* REJECT: the iteration count is made precise by `n > 0`: states never converge, 1M-insn limit (E2BIG). */
SEC("syscall")
int kmem_cache_iter_too_complex(void *ctx)
{
	struct bpf_iter_kmem_cache it;
	struct kmem_cache *s;
	long n = 0;

	bpf_iter_kmem_cache_new(&it);
	while ((s = bpf_iter_kmem_cache_next(&it)))
		n++;
	bpf_iter_kmem_cache_destroy(&it);
	return n > 0;
}

/* REJECT: css iterator started from a NULL css (trusted argument). */
SEC("tp_btf/sched_switch")
int BPF_PROG(css_iter_null_start, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct cgroup_subsys_state *pos;
	struct bpf_iter_css it;
	int n = 0;

	bpf_iter_css_new(&it, NULL, BPF_CGROUP_ITER_DESCENDANTS_PRE);
	while ((pos = bpf_iter_css_next(&it)))
		n++;
	bpf_iter_css_destroy(&it);
	return n;
}

/* ACCEPT: iterate the threads of the tp_btf's prev task. */
SEC("tp_btf/sched_switch")
int BPF_PROG(task_iter_threads_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct bpf_iter_task it;
	struct task_struct *t;
	int n = 0;

	bpf_iter_task_new(&it, prev, BPF_TASK_ITER_PROC_THREADS);
	while ((t = bpf_iter_task_next(&it)))
		n++;
	bpf_iter_task_destroy(&it);
	return 0;
}

/* ACCEPT: css iterator, descendants of the root cgroup in post-order. */
SEC("tp_btf/sched_switch")
int BPF_PROG(css_iter_post_order_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct cgroup *root = bpf_cgroup_from_id(1);
	struct cgroup_subsys_state *pos;
	struct bpf_iter_css it;
	u64 ids = 0;

	if (!root)
		return 0;
	bpf_iter_css_new(&it, &root->self, BPF_CGROUP_ITER_DESCENDANTS_POST);
	while ((pos = bpf_iter_css_next(&it)))
		ids ^= pos->id;
	bpf_iter_css_destroy(&it);
	bpf_cgroup_release(root);
	return 0;
}

/* REJECT: a task from a task iterator is an RCU pointer, not a trusted one: a trusted-arguments kfunc refuses it. */
SEC("tp_btf/sched_switch")
int BPF_PROG(task_iter_elem_to_trusted_arg, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct bpf_iter_task it;
	struct task_struct *t;

	bpf_iter_task_new(&it, prev, BPF_TASK_ITER_PROC_THREADS);
	t = bpf_iter_task_next(&it);
	if (t)
		bpf_send_signal_task(t, 0, 0, 0);
	bpf_iter_task_destroy(&it);
	return 0;
}

/* ACCEPT: a task from a task iterator may be acquired (bpf_task_acquire takes RCU pointers). */
SEC("tp_btf/sched_switch")
int BPF_PROG(task_iter_elem_acquire_ok, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct bpf_iter_task it;
	struct task_struct *t, *held;

	bpf_iter_task_new(&it, prev, BPF_TASK_ITER_PROC_THREADS);
	t = bpf_iter_task_next(&it);
	if (t) {
		held = bpf_task_acquire(t);
		if (held)
			bpf_task_release(held);
	}
	bpf_iter_task_destroy(&it);
	return 0;
}

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, long);
} task_counts SEC(".maps");

/* ACCEPT: a task from an iterator made inside an RCU section is an RCU pointer, which helpers taking a task accept. */
SEC("tp_btf/sys_enter")
int task_iter_rcu_task_to_storage(void *ctx)
{
	struct bpf_iter_task it;
	struct task_struct *t;

	bpf_rcu_read_lock();
	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	while ((t = bpf_iter_task_next(&it)))
		bpf_task_storage_get(&task_counts, t, 0, 0);
	bpf_iter_task_destroy(&it);
	bpf_rcu_read_unlock();
	return 0;
}

/* ACCEPT: the same task's stack read by bpf_get_task_stack. */
SEC("tp_btf/sys_enter")
int task_iter_rcu_task_stack(void *ctx)
{
	struct bpf_iter_task it;
	struct task_struct *t;
	char buf[64];

	bpf_rcu_read_lock();
	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	t = bpf_iter_task_next(&it);
	if (t)
		bpf_get_task_stack(t, buf, sizeof(buf), 0);
	bpf_iter_task_destroy(&it);
	bpf_rcu_read_unlock();
	return 0;
}
