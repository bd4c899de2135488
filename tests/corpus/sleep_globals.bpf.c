// SPDX-License-Identifier: GPL-2.0
/* sleep_globals: a global function that may sleep (it, a function it calls or
 * a callback it passes calls a sleepable helper or kfunc) only where sleeping
 * is allowed; sleepable helpers with IRQs off; the ids of saved IRQ flags
 * next to resilient locks (a lock takes no id of its own). */
#include "corpus.h"

char ubuf[16];

private(SA) struct bpf_res_spin_lock lock_a;
private(SB) struct bpf_res_spin_lock lock_b;

__weak int copy_in(int n)
{
	if (n)
		bpf_copy_from_user(&n, sizeof(n), ubuf);
	return n;
}

__weak int copy_str_in(int n)
{
	char buf[8];

	if (n)
		bpf_copy_from_user_str(buf, sizeof(buf), ubuf, 0);
	return n;
}

__weak int calls_copy_in(int n)
{
	if (!n)
		copy_str_in(n);
	return n;
}

__weak int no_sleep(int n)
{
	if (n)
		bpf_printk("%d", n);
	return n;
}

static int copy_cb(__u32 i, void *ctx)
{
	int v;

	bpf_copy_from_user(&v, sizeof(v), ubuf);
	return 0;
}

__weak int loops_copying(int n)
{
	bpf_loop(n & 7, copy_cb, NULL, 0);
	return n;
}

/* REJECT: a global function calling a sleepable helper, from a kprobe (never sleepable). */
SEC("kprobe/do_nanosleep")
int sleep_global_in_kprobe(void *ctx)
{
	return copy_in(0);
}

/* ACCEPT: a global function that does not sleep, from a kprobe. */
SEC("kprobe/do_nanosleep")
int no_sleep_global_in_kprobe(void *ctx)
{
	return no_sleep(0);
}

/* REJECT: the sleepable kfunc is two calls down. */
SEC("kprobe/do_nanosleep")
int sleep_global_indirect_in_kprobe(void *ctx)
{
	return calls_copy_in(1);
}

/* REJECT: the sleepable helper is in a callback the global function passes to bpf_loop. */
SEC("kprobe/do_nanosleep")
int sleep_global_callback_in_kprobe(void *ctx)
{
	return loops_copying(1);
}

/* ACCEPT: the same functions from a sleepable syscall program. */
SEC("syscall")
int sleep_globals_in_syscall(void *ctx)
{
	return copy_in(0) + calls_copy_in(1) + loops_copying(1);
}

/* REJECT: from a sleepable program, inside an RCU read section. */
SEC("syscall")
int sleep_global_under_rcu(void *ctx)
{
	int r;

	bpf_rcu_read_lock();
	r = copy_in(0);
	bpf_rcu_read_unlock();
	return r;
}

/* REJECT: from a sleepable program, with preemption disabled. */
SEC("syscall")
int sleep_global_preempt_off(void *ctx)
{
	int r;

	bpf_preempt_disable();
	r = copy_in(0);
	bpf_preempt_enable();
	return r;
}

/* REJECT: from a sleepable program, with IRQs off. */
SEC("syscall")
int sleep_global_irq_off(void *ctx)
{
	unsigned long flags;
	int r;

	bpf_local_irq_save(&flags);
	r = copy_in(0);
	bpf_local_irq_restore(&flags);
	return r;
}

/* ACCEPT: a global function that does not sleep, with IRQs off. */
SEC("syscall")
int no_sleep_global_irq_off(void *ctx)
{
	unsigned long flags;
	int r;

	bpf_local_irq_save(&flags);
	r = no_sleep(0);
	bpf_local_irq_restore(&flags);
	return r;
}

/* REJECT: a sleepable helper itself with IRQs off. */
SEC("syscall")
int sleep_helper_irq_off(void *ctx)
{
	unsigned long flags;
	int v = 0;

	bpf_local_irq_save(&flags);
	bpf_copy_from_user(&v, sizeof(v), ubuf);
	bpf_local_irq_restore(&flags);
	return v;
}

/* REJECT: IRQ flags of two resilient locks restored out of order; the message names the second save's id, 2: the locks took none. */
SEC("tc")
int res_irq_out_of_order_ids(struct __sk_buff *skb)
{
	unsigned long fa, fb;

	if (bpf_res_spin_lock_irqsave(&lock_a, &fa))
		return 0;
	if (bpf_res_spin_lock_irqsave(&lock_b, &fb)) {
		bpf_res_spin_unlock_irqrestore(&lock_a, &fa);
		return 0;
	}
	bpf_res_spin_unlock_irqrestore(&lock_b, &fa);
	bpf_res_spin_unlock_irqrestore(&lock_a, &fb);
	return 0;
}

/* REJECT: a reference leaked after a resilient lock was taken and released: the reference's id in the message does not count the lock. */
SEC("tc")
int leak_after_lock_ids(struct __sk_buff *skb)
{
	struct bpf_sock_tuple t = {};
	struct bpf_sock *sk;

	if (bpf_res_spin_lock(&lock_a))
		return 0;
	bpf_res_spin_unlock(&lock_a);
	sk = bpf_sk_lookup_tcp(skb, &t, sizeof(t.ipv4), -1, 0);
	return sk ? 1 : 0;
}

char _license[] SEC("license") = "GPL";
