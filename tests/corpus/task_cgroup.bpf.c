// SPDX-License-Identifier: GPL-2.0
/* task_cgroup: bpf_task_acquire/release, bpf_task_from_pid, cgroup acquire/ancestor/from_id, task kptrs. */
#include "corpus.h"

struct task_stash {
	struct task_struct __kptr *task;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct task_stash);
} tasks SEC(".maps");

/* ACCEPT: acquire the new task (trusted tp_btf arg), release it. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_acquire_release_ok, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_task_acquire(task);

	if (!t)
		return 0;
	bpf_task_release(t);
	return 0;
}

/* REJECT: bpf_task_release of a task pointer that was never acquired. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_release_unacquired, struct task_struct *task, u64 clone_flags)
{
	bpf_task_release(task);
	return 0;
}

/* REJECT: acquired task never released. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_acquire_leak, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_task_acquire(task);

	if (!t)
		return 0;
	return t->pid;
}

/* REJECT: acquired task released twice. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_double_release, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_task_acquire(task);

	if (!t)
		return 0;
	bpf_task_release(t);
	bpf_task_release(t);
	return 0;
}

/* REJECT: bpf_task_from_pid's result (may be NULL) released without a NULL check. */
SEC("tc")
int task_from_pid_no_null_check(struct __sk_buff *skb)
{
	struct task_struct *t = bpf_task_from_pid(1);

	bpf_task_release(t);
	return 0;
}

/* ACCEPT: bpf_task_from_pid in a tc program, NULL-checked, released. */
SEC("tc")
int task_from_pid_ok(struct __sk_buff *skb)
{
	struct task_struct *t = bpf_task_from_pid(1);
	int pid;

	if (!t)
		return 0;
	pid = t->pid;
	bpf_task_release(t);
	return pid;
}

/* ACCEPT: cgroup from id, its ancestor at level 0, both released. */
SEC("tc")
int cgroup_ancestor_ok(struct __sk_buff *skb)
{
	struct cgroup *c = bpf_cgroup_from_id(1), *a;
	int level;

	if (!c)
		return 0;
	a = bpf_cgroup_ancestor(c, 0);
	level = c->level;
	if (a)
		bpf_cgroup_release(a);
	bpf_cgroup_release(c);
	return level;
}

/* REJECT: a task_struct passed to bpf_cgroup_release (type mismatch). */
SEC("tc")
int cgroup_release_task(struct __sk_buff *skb)
{
	struct task_struct *t = bpf_task_from_pid(1);

	if (!t)
		return 0;
	bpf_cgroup_release((struct cgroup *)t);
	return 0;
}

/* ACCEPT: stash an acquired task in a map kptr; release the old one. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_kptr_stash_ok, struct task_struct *task, u64 clone_flags)
{
	int key = 0;
	struct task_stash *v = bpf_map_lookup_elem(&tasks, &key);
	struct task_struct *t, *old;

	if (!v)
		return 0;
	t = bpf_task_acquire(task);
	if (!t)
		return 0;
	old = bpf_kptr_xchg(&v->task, t);
	if (old)
		bpf_task_release(old);
	return 0;
}

/* REJECT: stashing a non-acquired (unreferenced) task pointer with bpf_kptr_xchg. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_kptr_stash_unref, struct task_struct *task, u64 clone_flags)
{
	int key = 0;
	struct task_stash *v = bpf_map_lookup_elem(&tasks, &key);
	struct task_struct *old;

	if (!v)
		return 0;
	old = bpf_kptr_xchg(&v->task, task);
	if (old)
		bpf_task_release(old);
	return 0;
}

/* ACCEPT: read a stashed task kptr under RCU (non-sleepable: implicit), acquire and release it. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_kptr_rcu_read_ok, struct task_struct *task, u64 clone_flags)
{
	int key = 0;
	struct task_stash *v = bpf_map_lookup_elem(&tasks, &key);
	struct task_struct *t;

	if (!v)
		return 0;
	bpf_rcu_read_lock();
	t = v->task;
	if (t)
		t = bpf_task_acquire(t);
	bpf_rcu_read_unlock();
	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: bpf_task_acquire on an untrusted pointer produced by bpf_rdonly_cast. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_acquire_untrusted, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *u = bpf_rdonly_cast(task, bpf_core_type_id_kernel(struct task_struct));
	struct task_struct *t = bpf_task_acquire(u);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* ACCEPT: bpf_task_under_cgroup with the current task and an acquired cgroup. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_under_cgroup_ok, struct task_struct *task, u64 clone_flags)
{
	struct cgroup *c = bpf_cgroup_from_id(1);
	long r;

	if (!c)
		return 0;
	r = bpf_task_under_cgroup(task, c);
	bpf_cgroup_release(c);
	return r;
}

/* REJECT: cgroup from bpf_cgroup_from_id leaked on the early-return path. */
SEC("tc")
int cgroup_leak_on_branch(struct __sk_buff *skb)
{
	struct cgroup *c = bpf_cgroup_from_id(1);

	if (!c)
		return 0;
	if (skb->len > 100)
		return 1;
	bpf_cgroup_release(c);
	return 0;
}

/* REJECT: a pointer into the task (non-zero offset) passed to bpf_task_release. */
SEC("tc")
int task_release_offset(struct __sk_buff *skb)
{
	struct task_struct *t = bpf_task_from_pid(1);

	if (!t)
		return 0;
	bpf_task_release((struct task_struct *)&t->pid);
	return 0;
}

/* ACCEPT: bpf_task_from_vpid in a syscall program. */
SEC("syscall")
int task_from_vpid_ok(void *ctx)
{
	struct task_struct *t = bpf_task_from_vpid(1);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* ACCEPT: acquire the task's default cgroup (RCU pointer walk in a tp_btf program) and release it. */
SEC("tp_btf/task_newtask")
int BPF_PROG(cgroup_acquire_dfl_ok, struct task_struct *task, u64 clone_flags)
{
	struct cgroup *c;

	bpf_rcu_read_lock();
	c = task->cgroups->dfl_cgrp;
	if (c)
		c = bpf_cgroup_acquire(c);
	bpf_rcu_read_unlock();
	if (c)
		bpf_cgroup_release(c);
	return 0;
}

/* ACCEPT: acquire the same task twice, release both. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_acquire_twice_ok, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *a = bpf_task_acquire(task), *b;

	if (!a)
		return 0;
	b = bpf_task_acquire(a);
	if (b)
		bpf_task_release(b);
	bpf_task_release(a);
	return 0;
}
