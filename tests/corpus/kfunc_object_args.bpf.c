// SPDX-License-Identifier: GPL-2.0
/* kfunc_object_args: a kernel object passed to a kfunc is the struct the
 * kfunc declares, at the pointer's start or nested at its fixed offset
 * (never before it, never at a variable one); an object of the program's
 * own types, or a per-CPU one, is no kernel object at all. */
#include "corpus.h"

struct thing {
	long a;
	long b;
};

struct counters {
	long n;
};

__u64 sink;

/* ACCEPT: the task itself. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_at_its_start, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_task_acquire(task);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: 8 bytes into the task is no task. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_eight_bytes_in, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_task_acquire((struct task_struct *)((char *)task + 8));

	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: 8 bytes before the task. */
SEC("tp_btf/task_newtask")
int BPF_PROG(task_eight_bytes_before, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_task_acquire((struct task_struct *)((char *)task - 8));

	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: a cpumask at a variable offset. */
SEC("syscall")
int cpumask_at_a_variable_offset(void *ctx)
{
	struct bpf_cpumask *m = bpf_cpumask_create();
	__u64 off;

	if (!m)
		return 0;
	off = bpf_get_prandom_u32() & 8;
	sink += bpf_cpumask_weight((const struct cpumask *)((char *)m + off));
	bpf_cpumask_release(m);
	return 0;
}

/* REJECT: the program's own object passed as a task. */
SEC("tc")
int own_object_as_a_task(struct __sk_buff *skb)
{
	struct thing *p = bpf_obj_new(struct thing);
	struct task_struct *t;

	if (!p)
		return 0;
	t = bpf_task_acquire((struct task_struct *)p);
	if (t)
		bpf_task_release(t);
	bpf_obj_drop(p);
	return 0;
}

/* REJECT: a per-CPU object passed as a cgroup. */
SEC("tc")
int percpu_object_as_a_cgroup(struct __sk_buff *skb)
{
	struct counters *p = bpf_percpu_obj_new(struct counters);
	struct cgroup *c;

	if (!p)
		return 0;
	c = bpf_cgroup_acquire((struct cgroup *)p);
	if (c)
		bpf_cgroup_release(c);
	bpf_percpu_obj_drop(p);
	return 0;
}
