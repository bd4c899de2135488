// SPDX-License-Identifier: GPL-2.0
/* sleepable: sleepable kfuncs and helpers only in sleepable programs (syscall, iter.s). */
#include "corpus.h"

char ubuf[32];

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} srb SEC(".maps");

/* REJECT: sleepable kfunc bpf_copy_from_user_str in a non-sleepable tp_btf program. */
SEC("tp_btf/task_newtask")
int BPF_PROG(sleep_kfunc_in_tp_btf, struct task_struct *task, u64 clone_flags)
{
	char buf[16];

	bpf_copy_from_user_str(buf, sizeof(buf), (void *)ubuf, 0);
	return buf[0];
}

/* ACCEPT: bpf_copy_from_user_str in a (sleepable) syscall program. */
SEC("syscall")
int sleep_kfunc_syscall_ok(void *ctx)
{
	char buf[16];

	bpf_copy_from_user_str(buf, sizeof(buf), (void *)ubuf, 0);
	return buf[0];
}

/* ACCEPT: bpf_copy_from_user_task_str in a sleepable task iterator (iter.s/task). */
SEC("iter.s/task")
int sleep_kfunc_iter_s_ok(struct bpf_iter__task *ctx)
{
	struct task_struct *task = ctx->task;
	char buf[16];

	if (!task)
		return 0;
	bpf_copy_from_user_task_str(buf, sizeof(buf), (void *)ubuf, task, 0);
	return 0;
}

/* REJECT: the same kfunc in a non-sleepable task iterator (iter/task). */
SEC("iter/task")
int sleep_kfunc_iter_nonsleepable(struct bpf_iter__task *ctx)
{
	struct task_struct *task = ctx->task;
	char buf[16];

	if (!task)
		return 0;
	bpf_copy_from_user_task_str(buf, sizeof(buf), (void *)ubuf, task, 0);
	return 0;
}

/* REJECT: sleepable helper bpf_copy_from_user in a non-sleepable tp_btf program. */
SEC("tp_btf/task_newtask")
int BPF_PROG(sleep_helper_in_tp_btf, struct task_struct *task, u64 clone_flags)
{
	char buf[8];

	bpf_copy_from_user(buf, sizeof(buf), (void *)ubuf);
	return buf[0];
}

/* ACCEPT: bpf_copy_from_user helper in a syscall program. */
SEC("syscall")
int sleep_helper_syscall_ok(void *ctx)
{
	char buf[8];

	bpf_copy_from_user(buf, sizeof(buf), (void *)ubuf);
	return buf[0];
}

/* REJECT: sleepable bpf_copy_from_user_dynptr in a non-sleepable tp_btf program. */
SEC("tp_btf/task_newtask")
int BPF_PROG(sleep_dynptr_copy_tp_btf, struct task_struct *task, u64 clone_flags)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&srb, 16, 0, &ptr);
	bpf_copy_from_user_dynptr(&ptr, 0, 16, (void *)ubuf);
	bpf_ringbuf_discard_dynptr(&ptr, 0);
	return 0;
}

/* ACCEPT: the non-sleepable counterpart bpf_probe_read_user_dynptr in the same program type. */
SEC("tp_btf/task_newtask")
int BPF_PROG(sleep_probe_read_dynptr_ok, struct task_struct *task, u64 clone_flags)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&srb, 16, 0, &ptr);
	bpf_probe_read_user_dynptr(&ptr, 0, 16, (void *)ubuf);
	bpf_ringbuf_discard_dynptr(&ptr, 0);
	return 0;
}

/* ACCEPT: bpf_copy_from_user_dynptr in a syscall program. */
SEC("syscall")
int sleep_dynptr_copy_syscall_ok(void *ctx)
{
	struct bpf_dynptr ptr;

	bpf_ringbuf_reserve_dynptr(&srb, 16, 0, &ptr);
	bpf_copy_from_user_dynptr(&ptr, 0, 16, (void *)ubuf);
	bpf_ringbuf_discard_dynptr(&ptr, 0);
	return 0;
}

/* REJECT: sleepable kfunc in a tc program (never sleepable). */
SEC("tc")
int sleep_kfunc_in_tc(struct __sk_buff *skb)
{
	char buf[16];

	bpf_copy_from_user_str(buf, sizeof(buf), (void *)ubuf, 0);
	return buf[0];
}

/* ACCEPT: bpf_lookup_user_key / bpf_key_put in a syscall program. */
SEC("syscall")
int sleep_lookup_key_syscall_ok(void *ctx)
{
	struct bpf_key *k = bpf_lookup_user_key(0, 0);

	if (k)
		bpf_key_put(k);
	return 0;
}
