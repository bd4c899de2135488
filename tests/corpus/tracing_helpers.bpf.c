// SPDX-License-Identifier: GPL-2.0
/* tracing_helpers: helpers a tracing program gets by how it attaches. A trampoline (fentry, fexit, fmod_ret) gives the traced function's arguments and return value, an iterator its seq_file, a raw tracepoint (tp_btf) neither; the attach cookie is for raw tracepoints and trampolines. */
#include "corpus.h"

/* ACCEPT: a tp_btf program's attach cookie. */
SEC("tp_btf/sys_enter")
int tp_attach_cookie_ok(u64 *ctx)
{
	return bpf_get_attach_cookie(ctx) == 1;
}

/* ACCEPT: a tp_btf program's net_cls class id (6.18's base helpers). */
SEC("tp_btf/sys_enter")
int tp_cgroup_classid_ok(u64 *ctx)
{
	return bpf_get_cgroup_classid(0) == 1;
}

/* REJECT: a raw tracepoint has no traced function whose arguments it could count. */
SEC("tp_btf/sys_enter")
int tp_func_arg_cnt(u64 *ctx)
{
	return bpf_get_func_arg_cnt(ctx) == 2;
}

/* REJECT: nor a return value. */
SEC("tp_btf/sys_enter")
int tp_func_ret(u64 *ctx)
{
	u64 ret = 0;

	bpf_get_func_ret(ctx, &ret);
	return ret == 2;
}

/* REJECT: seq_file output is an iterator's. */
SEC("tp_btf/sys_enter")
int tp_seq_write(u64 *ctx)
{
	return bpf_seq_write((void *)ctx, ctx, 8);
}

/* REJECT: this kernel gives bpf_probe_write_user to no program. */
SEC("tp_btf/sys_enter")
int tp_probe_write_user(u64 *ctx)
{
	char buf[8] = {};

	return bpf_probe_write_user((void *)ctx[1], buf, sizeof(buf));
}

/* ACCEPT: an iterator writes to its seq_file. */
SEC("iter/task")
int iter_seq_write_ok(struct bpf_iter__task *ctx)
{
	struct task_struct *task = ctx->task;

	if (!task)
		return 0;
	bpf_seq_write(ctx->meta->seq, &task->pid, sizeof(task->pid));
	return 0;
}

/* REJECT: an iterator has no attach cookie. */
SEC("iter/task")
int iter_attach_cookie(struct bpf_iter__task *ctx)
{
	return bpf_get_attach_cookie(ctx) == 1;
}

/* REJECT: nor traced-function arguments. */
SEC("iter/task")
int iter_func_arg(struct bpf_iter__task *ctx)
{
	u64 arg = 0;

	bpf_get_func_arg(ctx, 0, &arg);
	return arg == 1;
}

/* ACCEPT: an iterator's net_cls class id. */
SEC("iter/task")
int iter_cgroup_classid_ok(struct bpf_iter__task *ctx)
{
	return bpf_get_cgroup_classid(0) == 1;
}

char _license[] SEC("license") = "GPL";
