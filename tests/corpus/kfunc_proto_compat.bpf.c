// SPDX-License-Identifier: GPL-2.0
/* kfunc_proto_compat: which declarations of a kfunc libbpf resolves
 * (bpf_core_types_are_compat against the kernel's prototype): integers of
 * any size match integers, an integer is no enum; an unresolved weak kfunc
 * is refused by the kernel when called. */
#include "corpus.h"

extern int bpf_send_signal_task___wide(struct task_struct *task, __u64 sig, enum pid_type type,
				       __u64 value) __ksym __weak;
extern int bpf_send_signal_task___int_enum(struct task_struct *task, int sig, __u32 type,
					   __u64 value) __ksym __weak;

/* ACCEPT: a 64-bit integer declared for the kernel's int. */
SEC("tp_btf/task_newtask")
int BPF_PROG(wider_integer, struct task_struct *task, u64 clone_flags)
{
	return bpf_send_signal_task___wide(task, 0, PIDTYPE_PID, 0) ? 0 : 0;
}

/* REJECT: an integer declared for the kernel's enum leaves the kfunc unresolved. */
SEC("tp_btf/task_newtask")
int BPF_PROG(integer_for_enum, struct task_struct *task, u64 clone_flags)
{
	return bpf_send_signal_task___int_enum(task, 0, 0, 0) ? 0 : 0;
}
