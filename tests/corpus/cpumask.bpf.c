// SPDX-License-Identifier: GPL-2.0
/* cpumask: bpf_cpumask_create/acquire/release and the read/write cpumask kfuncs. */
#include "corpus.h"

struct mask_stash {
	struct bpf_cpumask __kptr *mask;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct mask_stash);
} masks SEC(".maps");

/* ACCEPT: create, set a CPU, test it, release. */
SEC("tp_btf/task_newtask")
int BPF_PROG(cpumask_create_ok, struct task_struct *task, u64 clone_flags)
{
	struct bpf_cpumask *m = bpf_cpumask_create();
	bool set;

	if (!m)
		return 0;
	bpf_cpumask_set_cpu(0, m);
	set = bpf_cpumask_test_cpu(0, (const struct cpumask *)m);
	bpf_cpumask_release(m);
	return set;
}

/* REJECT: bpf_cpumask_create's result used without a NULL check. */
SEC("tp_btf/task_newtask")
int BPF_PROG(cpumask_no_null_check, struct task_struct *task, u64 clone_flags)
{
	struct bpf_cpumask *m = bpf_cpumask_create();

	bpf_cpumask_set_cpu(0, m);
	bpf_cpumask_release(m);
	return 0;
}

/* REJECT: created cpumask never released. */
SEC("tp_btf/task_newtask")
int BPF_PROG(cpumask_leak, struct task_struct *task, u64 clone_flags)
{
	struct bpf_cpumask *m = bpf_cpumask_create();

	if (!m)
		return 0;
	bpf_cpumask_setall(m);
	return 0;
}

/* ACCEPT: AND of the task's allowed CPUs with a new mask; both operands trusted. */
SEC("tp_btf/task_newtask")
int BPF_PROG(cpumask_and_task_ok, struct task_struct *task, u64 clone_flags)
{
	struct bpf_cpumask *a = bpf_cpumask_create(), *b;
	u32 w = 0;

	if (!a)
		return 0;
	b = bpf_cpumask_create();
	if (!b) {
		bpf_cpumask_release(a);
		return 0;
	}
	bpf_cpumask_setall(b);
	bpf_cpumask_and(a, task->cpus_ptr, (const struct cpumask *)b);
	w = bpf_cpumask_weight((const struct cpumask *)a);
	bpf_cpumask_release(b);
	bpf_cpumask_release(a);
	return w;
}

/* REJECT: releasing the task's cpus_ptr (a struct cpumask, not an acquired bpf_cpumask). */
SEC("tp_btf/task_newtask")
int BPF_PROG(cpumask_release_task_mask, struct task_struct *task, u64 clone_flags)
{
	bpf_cpumask_release((struct bpf_cpumask *)task->cpus_ptr);
	return 0;
}

/* ACCEPT: read-only query of a trusted task cpumask. */
SEC("tp_btf/task_newtask")
int BPF_PROG(cpumask_first_ok, struct task_struct *task, u64 clone_flags)
{
	return bpf_cpumask_first(task->cpus_ptr);
}

/* REJECT: bpf_cpumask_create in a tc program (cpumask kfuncs not registered for SCHED_CLS). */
SEC("tc")
int cpumask_in_tc(struct __sk_buff *skb)
{
	struct bpf_cpumask *m = bpf_cpumask_create();

	if (m)
		bpf_cpumask_release(m);
	return 0;
}

/* ACCEPT: stash a cpumask in a map kptr; release the previous one. */
SEC("tp_btf/task_newtask")
int BPF_PROG(cpumask_stash_ok, struct task_struct *task, u64 clone_flags)
{
	int key = 0;
	struct mask_stash *v = bpf_map_lookup_elem(&masks, &key);
	struct bpf_cpumask *m, *old;

	if (!v)
		return 0;
	m = bpf_cpumask_create();
	if (!m)
		return 0;
	old = bpf_kptr_xchg(&v->mask, m);
	if (old)
		bpf_cpumask_release(old);
	return 0;
}

/* REJECT: a writer kfunc (bpf_cpumask_set_cpu) on the task's read-only struct cpumask. */
SEC("tp_btf/task_newtask")
int BPF_PROG(cpumask_write_task_mask, struct task_struct *task, u64 clone_flags)
{
	bpf_cpumask_set_cpu(0, (struct bpf_cpumask *)task->cpus_ptr);
	return 0;
}

/* ACCEPT: copy, or, xor, equal between two created masks. */
SEC("tp_btf/task_newtask")
int BPF_PROG(cpumask_ops_ok, struct task_struct *task, u64 clone_flags)
{
	struct bpf_cpumask *a = bpf_cpumask_create(), *b;
	bool eq;

	if (!a)
		return 0;
	b = bpf_cpumask_create();
	if (!b) {
		bpf_cpumask_release(a);
		return 0;
	}
	bpf_cpumask_copy(a, task->cpus_ptr);
	bpf_cpumask_or(b, (const struct cpumask *)a, task->cpus_ptr);
	bpf_cpumask_xor(a, (const struct cpumask *)a, (const struct cpumask *)b);
	eq = bpf_cpumask_equal((const struct cpumask *)a, (const struct cpumask *)b);
	bpf_cpumask_release(b);
	bpf_cpumask_release(a);
	return eq;
}

/* ACCEPT: bpf_cpumask_acquire on a created mask; both references released. */
SEC("tp_btf/task_newtask")
int BPF_PROG(cpumask_acquire_ok, struct task_struct *task, u64 clone_flags)
{
	struct bpf_cpumask *a = bpf_cpumask_create(), *b;

	if (!a)
		return 0;
	b = bpf_cpumask_acquire(a);
	bpf_cpumask_release(b);
	bpf_cpumask_release(a);
	return 0;
}

/* ACCEPT: bpf_cpumask_any_distribute on the task's mask. */
SEC("tp_btf/task_newtask")
int BPF_PROG(cpumask_any_ok, struct task_struct *task, u64 clone_flags)
{
	return bpf_cpumask_any_distribute(task->cpus_ptr);
}
