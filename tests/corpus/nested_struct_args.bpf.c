// SPDX-License-Identifier: GPL-2.0
/* nested_struct_args: a kernel object argument at a fixed offset into
 * another object is found by walking the struct as the kernel does: a
 * struct starting at the offset is compared, one the offset lies inside
 * is walked on, and a pointer member there is refused a one-byte read
 * (its message comes before the type mismatch). */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, long);
} task_values SEC(".maps");

/* REJECT: a pointer member inside a nested list_head is no task. */
SEC("tp_btf/sched_switch")
int BPF_PROG(storage_of_a_nested_pointer, bool preempt, struct task_struct *prev)
{
	return !!bpf_task_storage_get(&task_values, (struct task_struct *)&prev->tasks.prev, 0, 0);
}

/* REJECT: the same through a kfunc. */
SEC("tp_btf/sched_switch")
int BPF_PROG(acquire_a_nested_pointer, bool preempt, struct task_struct *prev)
{
	struct task_struct *t = bpf_task_acquire((struct task_struct *)&prev->tasks.prev);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: a pointer member of the task itself. */
SEC("tp_btf/sched_switch")
int BPF_PROG(storage_of_a_pointer_member, bool preempt, struct task_struct *prev)
{
	return !!bpf_task_storage_get(&task_values, (struct task_struct *)&prev->real_parent, 0, 0);
}

/* ACCEPT: the task itself. */
SEC("tp_btf/sched_switch")
int BPF_PROG(storage_of_the_task, bool preempt, struct task_struct *prev)
{
	return !!bpf_task_storage_get(&task_values, prev, 0, 0);
}
