// SPDX-License-Identifier: GPL-2.0
/* tp_args: arguments of tp_btf programs: trusted objects, the tracepoints that may pass NULL (the kernel's raw_tp_null_args), argument slots, sizes and offsets. */
#include "corpus.h"

#define LOAD(ctx, off, T) (*(volatile T *)((char *)(ctx) + (off)))

/* REJECT: kfree_skb's receiving socket may be NULL. */
SEC("tp_btf/kfree_skb")
int BPF_PROG(tp_kfree_skb_rx_sk, struct sk_buff *skb, void *loc, int reason, struct sock *rx_sk)
{
	return rx_sk->__sk_common.skc_family;
}

/* ACCEPT: kfree_skb's skb, and its receiving socket after a NULL check. */
SEC("tp_btf/kfree_skb")
int BPF_PROG(tp_kfree_skb_checked, struct sk_buff *skb, void *loc, int reason, struct sock *rx_sk)
{
	return skb->len + (rx_sk ? rx_sk->__sk_common.skc_family : 0);
}

/* REJECT: sched_pi_setprio's PI task may be NULL. */
SEC("tp_btf/sched_pi_setprio")
int BPF_PROG(tp_pi_task, struct task_struct *tsk, struct task_struct *pi)
{
	return pi->pid + tsk->pid;
}

/* ACCEPT: sched_pi_setprio's task is never NULL. */
SEC("tp_btf/sched_pi_setprio")
int BPF_PROG(tp_pi_tsk, struct task_struct *tsk, struct task_struct *pi)
{
	return tsk->pid;
}

/* REJECT: a possibly NULL tracepoint argument passed to a kfunc taking a trusted task. */
SEC("tp_btf/sched_pi_setprio")
int BPF_PROG(tp_pi_task_kfunc, struct task_struct *tsk, struct task_struct *pi)
{
	struct task_struct *t = bpf_task_acquire(pi);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* ACCEPT: the NULL-checked PI task passed to a kfunc. */
SEC("tp_btf/sched_pi_setprio")
int BPF_PROG(tp_pi_task_kfunc_checked, struct task_struct *tsk, struct task_struct *pi)
{
	struct task_struct *t;

	if (!pi)
		return 0;
	t = bpf_task_acquire(pi);
	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: tcp_send_reset's socket may be NULL. */
SEC("tp_btf/tcp_send_reset")
int BPF_PROG(tp_tcp_rst_sk, const struct sock *sk, const struct sk_buff *skb)
{
	return sk->__sk_common.skc_family;
}

/* REJECT: tcp_send_reset's skb may be NULL. */
SEC("tp_btf/tcp_send_reset")
int BPF_PROG(tp_tcp_rst_skb, const struct sock *sk, const struct sk_buff *skb)
{
	return skb->len;
}

/* REJECT: qdisc_dequeue's skb may be NULL. */
SEC("tp_btf/qdisc_dequeue")
int BPF_PROG(tp_qdisc_skb, struct Qdisc *q, const struct netdev_queue *txq, int packets, struct sk_buff *skb)
{
	return skb->len;
}

/* ACCEPT: qdisc_dequeue's qdisc is never NULL. */
SEC("tp_btf/qdisc_dequeue")
int BPF_PROG(tp_qdisc_q, struct Qdisc *q, const struct netdev_queue *txq, int packets, struct sk_buff *skb)
{
	return q->limit + packets;
}

/* REJECT: sched_stick_numa's destination task may be NULL. */
SEC("tp_btf/sched_stick_numa")
int BPF_PROG(tp_stick_dst, struct task_struct *src, int scpu, struct task_struct *dst)
{
	return dst->pid;
}

/* REJECT: writeback_dirty_folio's mapping may be NULL. */
SEC("tp_btf/writeback_dirty_folio")
int BPF_PROG(tp_wb_mapping, struct folio *folio, struct address_space *mapping)
{
	return mapping->nrpages;
}

/* REJECT: mm_page_alloc's page may be NULL. */
SEC("tp_btf/mm_page_alloc")
int BPF_PROG(tp_page_alloc, struct page *page)
{
	return page->flags.f & 1;
}

/* REJECT: fib_table_lookup's next hop may be NULL. */
SEC("tp_btf/fib_table_lookup")
int BPF_PROG(tp_fib_nhc, u32 tb_id, const struct flowi4 *flp, const struct fib_nh_common *nhc)
{
	return nhc->nhc_flags;
}

/* ACCEPT: fib_table_lookup's flow is never NULL. */
SEC("tp_btf/fib_table_lookup")
int BPF_PROG(tp_fib_flp, u32 tb_id, const struct flowi4 *flp, const struct fib_nh_common *nhc)
{
	return flp->daddr & 1;
}

/* ACCEPT: a scalar argument read with 4 bytes. */
SEC("tp_btf/fib_table_lookup")
int tp_fib_tb_id_narrow(void *ctx)
{
	return LOAD(ctx, 0, __u32) & 1;
}

/* REJECT: a pointer argument read with 4 bytes. */
SEC("tp_btf/fib_table_lookup")
int tp_ptr_narrow(void *ctx)
{
	return LOAD(ctx, 8, __u32) & 1;
}

/* REJECT: an argument read at an offset that is not a multiple of 8. */
SEC("tp_btf/fib_table_lookup")
int tp_odd_offset(void *ctx)
{
	return LOAD(ctx, 4, __u32) & 1;
}

/* REJECT: an argument past the prototype's. */
SEC("tp_btf/fib_table_lookup")
int tp_past_args(void *ctx)
{
	return LOAD(ctx, 40, __u64) & 1;
}

/* REJECT: a tracepoint argument written. */
SEC("tp_btf/fib_table_lookup")
int tp_write_arg(void *ctx)
{
	*(volatile __u64 *)ctx = 0;
	return 0;
}
