// SPDX-License-Identifier: GPL-2.0
/* iter_progs: BPF iterator programs (SEC("iter/...")): their context arguments (possibly NULL objects), seq_file output, return values, sleepable iterators. */
#include "corpus.h"

/* ACCEPT: each task's pid written to the seq_file, NULL-checked. */
SEC("iter/task")
int ip_task(struct bpf_iter__task *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *t = ctx->task;

	if (!t)
		return 0;
	BPF_SEQ_PRINTF(seq, "%d\n", t->pid);
	return 0;
}

/* REJECT: the task read without a NULL check. */
SEC("iter/task")
int ip_task_null(struct bpf_iter__task *ctx)
{
	return ctx->task->pid == 1;
}

/* REJECT: an iterator returns 2. */
SEC("iter/task")
int ip_task_ret(struct bpf_iter__task *ctx)
{
	return 2;
}

/* ACCEPT: an iterator returns 1 (stop). */
SEC("iter/task")
int ip_task_ret1(struct bpf_iter__task *ctx)
{
	return 1;
}

/* ACCEPT: each map's id written with bpf_seq_write. */
SEC("iter/bpf_map")
int ip_map(struct bpf_iter__bpf_map *ctx)
{
	struct bpf_map *map = ctx->map;
	__u32 id;

	if (!map)
		return 0;
	id = map->id;
	bpf_seq_write(ctx->meta->seq, &id, sizeof(id));
	return 0;
}

/* REJECT: the seq_file pointer moved before bpf_seq_write. */
SEC("iter/bpf_map")
int ip_map_seq_moved(struct bpf_iter__bpf_map *ctx)
{
	__u32 id = 0;

	bpf_seq_write((void *)ctx->meta->seq + 8, &id, sizeof(id));
	return 0;
}

/* ACCEPT: TCP sockets' states read through the common socket. */
SEC("iter/tcp")
int ip_tcp(struct bpf_iter__tcp *ctx)
{
	struct sock_common *skc = ctx->sk_common;

	if (!skc)
		return 0;
	BPF_SEQ_PRINTF(ctx->meta->seq, "%d\n", skc->skc_state);
	return 0;
}

/* REJECT: a TCP iterator's socket, possibly NULL, cast to tcp_sock unchecked. */
SEC("iter/tcp")
int ip_tcp_cast(struct bpf_iter__tcp *ctx)
{
	struct tcp_sock *tp = bpf_skc_to_tcp_sock(ctx->sk_common);

	return tp ? tp->snd_cwnd & 0 : 0;
}

/* ACCEPT: a sleepable task iterator copies from user memory. */
SEC("iter.s/task")
int ip_task_sleepable(struct bpf_iter__task *ctx)
{
	struct task_struct *t = ctx->task;
	char buf[8];

	if (!t)
		return 0;
	bpf_copy_from_user_task(buf, sizeof(buf), 0, t, 0);
	return 0;
}

/* REJECT: a non-sleepable task iterator copies from user memory. */
SEC("iter/task")
int ip_task_copy_user(struct bpf_iter__task *ctx)
{
	struct task_struct *t = ctx->task;
	char buf[8];

	if (!t)
		return 0;
	bpf_copy_from_user_task(buf, sizeof(buf), 0, t, 0);
	return 0;
}

/* REJECT: a task iterator's task read after only the file was checked (both may be NULL; the check of ctx->task is not kept). */
SEC("iter/task_file")
int ip_task_file(struct bpf_iter__task_file *ctx)
{
	struct file *f = ctx->file;

	if (!f || !ctx->task)
		return 0;
	BPF_SEQ_PRINTF(ctx->meta->seq, "%d %d\n", ctx->task->pid, ctx->fd);
	return 0;
}

/* REJECT: bpf_seq_printf outside an iterator. */
SEC("tc")
int ip_seq_in_tc(struct __sk_buff *skb)
{
	static const char fmt[] = "x";

	return bpf_seq_printf(0, fmt, sizeof(fmt), 0, 0) & 1;
}

/* ACCEPT: each kernel symbol's value. */
SEC("iter/ksym")
int ip_ksym(struct bpf_iter__ksym *ctx)
{
	struct kallsym_iter *it = ctx->ksym;

	if (!it)
		return 0;
	return it->value ? 0 : 0;
}
