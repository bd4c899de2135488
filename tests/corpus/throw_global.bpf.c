// SPDX-License-Identifier: GPL-2.0
/* throw_global: a call of a global function that may throw is an exception
 * exit of its caller as well, so the caller's held resources are checked at
 * the call; "may throw" reaches through the calls the function makes. */
#include "corpus.h"

struct item {
	long v;
};

__noinline int tg_may_throw(struct __sk_buff *skb)
{
	if (skb->mark == 7)
		bpf_throw(1);
	return 0;
}

static __noinline int tg_static_thrower(struct __sk_buff *skb)
{
	if (skb->priority > 3)
		bpf_throw(2);
	return 1;
}

__noinline int tg_via_static(struct __sk_buff *skb)
{
	return tg_static_thrower(skb) + 1;
}

__noinline int tg_via_global(struct __sk_buff *skb)
{
	return tg_may_throw(skb) + 2;
}

__noinline int tg_never_throws(struct __sk_buff *skb)
{
	return skb->len & 3;
}

/* REJECT: a global function that may throw, called with preemption disabled. */
SEC("tc")
int tg_preempt(struct __sk_buff *skb)
{
	int r;

	bpf_preempt_disable();
	r = tg_may_throw(skb);
	bpf_preempt_enable();
	return r;
}

/* REJECT: a global function whose static callee may throw, called in an RCU read section. */
SEC("tc")
int tg_rcu_static(struct __sk_buff *skb)
{
	int r;

	bpf_rcu_read_lock();
	r = tg_via_static(skb);
	bpf_rcu_read_unlock();
	return r;
}

/* REJECT: a global function calling a global thrower, called with IRQs disabled. */
SEC("tc")
int tg_irq_global(struct __sk_buff *skb)
{
	unsigned long flags;
	int r;

	bpf_local_irq_save(&flags);
	r = tg_via_global(skb);
	bpf_local_irq_restore(&flags);
	return r;
}

/* REJECT: a global function that may throw, called while an allocated object is held. */
SEC("tc")
int tg_ref(struct __sk_buff *skb)
{
	struct item *it = bpf_obj_new(struct item);
	int r;

	if (!it)
		return 0;
	r = tg_may_throw(skb);
	bpf_obj_drop(it);
	return r;
}

/* ACCEPT: a global function that cannot throw, called with preemption disabled. */
SEC("tc")
int tg_never_preempt_ok(struct __sk_buff *skb)
{
	int r;

	bpf_preempt_disable();
	r = tg_never_throws(skb);
	bpf_preempt_enable();
	return r;
}

/* ACCEPT: a global function that may throw, called with nothing held. */
SEC("tc")
int tg_nothing_held_ok(struct __sk_buff *skb)
{
	return tg_via_global(skb) + tg_via_static(skb) > 5;
}
