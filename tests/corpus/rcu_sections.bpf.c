// SPDX-License-Identifier: GPL-2.0
/* rcu_sections: what counts as an RCU read section for a sleepable
 * program, and what leaving it does. bpf_rcu_read_lock() and any held
 * lock make one; disabled preemption or IRQs do not. A referenced kptr or
 * a walked pointer taken outside one is untrusted; the last lock's unlock
 * outside bpf_rcu_read_lock() leaves the section, and what it protected
 * is untrusted from then on. */
#include "corpus.h"

struct slot {
	struct bpf_spin_lock lock;
	struct task_struct __kptr *task;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct slot);
} slots SEC(".maps");

struct res_slot {
	struct bpf_res_spin_lock lock;
	struct task_struct __kptr *task;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct res_slot);
} res_slots SEC(".maps");

static void use(struct task_struct *p)
{
	struct task_struct *t = bpf_task_acquire(p);

	if (t)
		bpf_task_release(t);
}

/* REJECT: a sleepable program's kptr loaded outside an RCU section is untrusted. */
SEC("syscall")
int kptr_outside_rcu(void *ctx)
{
	int k = 0;
	struct slot *v = bpf_map_lookup_elem(&slots, &k);
	struct task_struct *p;

	if (!v)
		return 0;
	p = v->task;
	if (p)
		use(p);
	return 0;
}

/* ACCEPT: the same kptr loaded and used inside bpf_rcu_read_lock(). */
SEC("syscall")
int kptr_inside_rcu(void *ctx)
{
	int k = 0;
	struct slot *v = bpf_map_lookup_elem(&slots, &k);
	struct task_struct *p;

	if (!v)
		return 0;
	bpf_rcu_read_lock();
	p = v->task;
	if (p)
		use(p);
	bpf_rcu_read_unlock();
	return 0;
}

/* REJECT: disabled preemption is no RCU read section for the kptr load. */
SEC("syscall")
int kptr_with_preemption_disabled(void *ctx)
{
	int k = 0;
	struct slot *v = bpf_map_lookup_elem(&slots, &k);
	struct task_struct *p;

	if (!v)
		return 0;
	bpf_preempt_disable();
	p = v->task;
	if (p)
		use(p);
	bpf_preempt_enable();
	return 0;
}

/* REJECT: nor are disabled IRQs. */
SEC("syscall")
int kptr_with_irqs_disabled(void *ctx)
{
	int k = 0;
	unsigned long flags;
	struct slot *v = bpf_map_lookup_elem(&slots, &k);
	struct task_struct *p;

	if (!v)
		return 0;
	bpf_local_irq_save(&flags);
	p = v->task;
	if (p)
		use(p);
	bpf_local_irq_restore(&flags);
	return 0;
}

/* REJECT: a kptr loaded under a spin lock is RCU-protected until the unlock. */
SEC("syscall")
int kptr_used_after_spin_unlock(void *ctx)
{
	int k = 0;
	struct slot *v = bpf_map_lookup_elem(&slots, &k);
	struct task_struct *p;

	if (!v)
		return 0;
	bpf_spin_lock(&v->lock);
	p = v->task;
	bpf_spin_unlock(&v->lock);
	if (p)
		use(p);
	return 0;
}

/* REJECT: the same for a res lock. */
SEC("syscall")
int kptr_used_after_res_spin_unlock(void *ctx)
{
	int k = 0;
	struct res_slot *v = bpf_map_lookup_elem(&res_slots, &k);
	struct task_struct *p;

	if (!v)
		return 0;
	if (bpf_res_spin_lock(&v->lock))
		return 0;
	p = v->task;
	bpf_res_spin_unlock(&v->lock);
	if (p)
		use(p);
	return 0;
}

/* ACCEPT: an unlock inside bpf_rcu_read_lock() leaves no section. */
SEC("syscall")
int kptr_used_after_unlock_inside_rcu(void *ctx)
{
	int k = 0;
	struct slot *v = bpf_map_lookup_elem(&slots, &k);
	struct task_struct *p;

	if (!v)
		return 0;
	bpf_rcu_read_lock();
	bpf_spin_lock(&v->lock);
	p = v->task;
	bpf_spin_unlock(&v->lock);
	if (p)
		use(p);
	bpf_rcu_read_unlock();
	return 0;
}

/* ACCEPT: nor does one in a program that is not sleepable. */
SEC("tc")
int kptr_used_after_unlock_not_sleepable(struct __sk_buff *skb)
{
	int k = 0;
	struct slot *v = bpf_map_lookup_elem(&slots, &k);
	struct task_struct *p;

	if (!v)
		return 0;
	bpf_spin_lock(&v->lock);
	p = v->task;
	bpf_spin_unlock(&v->lock);
	if (p)
		use(p);
	return 0;
}

/* REJECT: a pointer walked with preemption disabled is not RCU-protected. */
SEC("syscall")
int walk_with_preemption_disabled(void *ctx)
{
	struct task_struct *t = bpf_get_current_task_btf();

	bpf_preempt_disable();
	use(t->real_parent);
	bpf_preempt_enable();
	return 0;
}

/* ACCEPT: one walked inside bpf_rcu_read_lock() is. */
SEC("syscall")
int walk_inside_rcu(void *ctx)
{
	struct task_struct *t = bpf_get_current_task_btf();

	bpf_rcu_read_lock();
	use(t->real_parent);
	bpf_rcu_read_unlock();
	return 0;
}

/* REJECT: an RCU-protected iterator needs bpf_rcu_read_lock(), not disabled preemption. */
SEC("syscall")
int task_iterator_with_preemption_disabled(void *ctx)
{
	struct bpf_iter_task it;

	bpf_preempt_disable();
	bpf_iter_task_new(&it, 0, 0);
	bpf_iter_task_next(&it);
	bpf_iter_task_destroy(&it);
	bpf_preempt_enable();
	return 0;
}
