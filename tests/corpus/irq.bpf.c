// SPDX-License-Identifier: GPL-2.0
/* irq: bpf_local_irq_save/restore with a stack flag: pairing, order, what may not happen with IRQs off. */
#include "corpus.h"

char ubuf[16];

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, unsigned long);
} flagmap SEC(".maps");

/* ACCEPT: save then restore with the same stack flag. */
SEC("tc")
int irq_ok(struct __sk_buff *skb)
{
	unsigned long flags;

	bpf_local_irq_save(&flags);
	bpf_local_irq_restore(&flags);
	return 0;
}

/* ACCEPT: two nested saves restored in reverse order. */
SEC("tc")
int irq_nested_ok(struct __sk_buff *skb)
{
	unsigned long f1, f2;

	bpf_local_irq_save(&f1);
	bpf_local_irq_save(&f2);
	bpf_local_irq_restore(&f2);
	bpf_local_irq_restore(&f1);
	return 0;
}

/* REJECT: restore with a flag that was never saved. */
SEC("tc")
int irq_restore_uninit(struct __sk_buff *skb)
{
	unsigned long flags = 0;

	bpf_local_irq_restore(&flags);
	return 0;
}

/* REJECT: save twice into the same (already initialised) flag slot. */
SEC("tc")
int irq_double_save(struct __sk_buff *skb)
{
	unsigned long flags;

	bpf_local_irq_save(&flags);
	bpf_local_irq_save(&flags);
	bpf_local_irq_restore(&flags);
	return 0;
}

/* REJECT: exit with IRQs disabled. */
SEC("tc")
int irq_missing_restore(struct __sk_buff *skb)
{
	unsigned long flags;

	bpf_local_irq_save(&flags);
	return 0;
}

/* REJECT: the irq flag lives in a map value, not on the stack. */
SEC("tc")
int irq_flag_in_map(struct __sk_buff *skb)
{
	int key = 0;
	unsigned long *f = bpf_map_lookup_elem(&flagmap, &key);

	if (!f)
		return 0;
	bpf_local_irq_save(f);
	bpf_local_irq_restore(f);
	return 0;
}

/* REJECT: nested saves restored in the wrong (FIFO) order. */
SEC("tc")
int irq_out_of_order(struct __sk_buff *skb)
{
	unsigned long f1, f2;

	bpf_local_irq_save(&f1);
	bpf_local_irq_save(&f2);
	bpf_local_irq_restore(&f1);
	bpf_local_irq_restore(&f2);
	return 0;
}

/* REJECT: sleepable kfunc with IRQs disabled (syscall program). */
SEC("syscall")
int irq_sleepable_kfunc(void *ctx)
{
	unsigned long flags;
	char buf[16];

	bpf_local_irq_save(&flags);
	bpf_copy_from_user_str(buf, sizeof(buf), (void *)ubuf, 0);
	bpf_local_irq_restore(&flags);
	return buf[0];
}

/* REJECT: the saved flag is overwritten on the stack before restore. */
SEC("tc")
int irq_flag_overwritten(struct __sk_buff *skb)
{
	unsigned long flags;

	bpf_local_irq_save(&flags);
	*(volatile unsigned long *)&flags = 0;
	bpf_local_irq_restore(&flags);
	return 0;
}

/* ACCEPT: a non-sleeping helper while IRQs are disabled. */
SEC("tc")
int irq_helper_ok(struct __sk_buff *skb)
{
	unsigned long flags;
	__u64 t;

	bpf_local_irq_save(&flags);
	t = bpf_ktime_get_ns();
	bpf_local_irq_restore(&flags);
	return t & 1;
}

struct rl {
	struct bpf_res_spin_lock lock;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct rl);
} rlmap SEC(".maps");

/* REJECT: bpf_res_spin_unlock_irqrestore used to restore a bpf_local_irq_save flag. */
SEC("tc")
int irq_flag_kind_mismatch(struct __sk_buff *skb)
{
	int key = 0;
	struct rl *v = bpf_map_lookup_elem(&rlmap, &key);
	unsigned long flags;

	if (!v)
		return 0;
	bpf_local_irq_save(&flags);
	if (bpf_res_spin_lock(&v->lock)) {
		bpf_local_irq_restore(&flags);
		return 0;
	}
	bpf_res_spin_unlock_irqrestore(&v->lock, &flags);
	return 0;
}

struct irq_cnt {
	struct bpf_spin_lock lock;
	long n;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct irq_cnt);
} icnt SEC(".maps");

/* ACCEPT: bpf_spin_lock critical section inside an IRQ-disabled region. */
SEC("tc")
int irq_with_spin_lock_ok(struct __sk_buff *skb)
{
	int key = 0;
	struct irq_cnt *c = bpf_map_lookup_elem(&icnt, &key);
	unsigned long flags;

	if (!c)
		return 0;
	bpf_local_irq_save(&flags);
	bpf_spin_lock(&c->lock);
	c->n++;
	bpf_spin_unlock(&c->lock);
	bpf_local_irq_restore(&flags);
	return 0;
}

/* ACCEPT: IRQ save/restore nested with preempt disable/enable. */
SEC("tc")
int irq_with_preempt_ok(struct __sk_buff *skb)
{
	unsigned long flags;

	bpf_preempt_disable();
	bpf_local_irq_save(&flags);
	bpf_local_irq_restore(&flags);
	bpf_preempt_enable();
	return 0;
}

/* ACCEPT: IRQ save/restore in a sleepable syscall program (nothing sleeps in between). */
SEC("syscall")
int irq_syscall_ok(void *ctx)
{
	unsigned long flags;

	bpf_local_irq_save(&flags);
	bpf_local_irq_restore(&flags);
	return 0;
}
