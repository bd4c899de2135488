// SPDX-License-Identifier: GPL-2.0
/* throw: bpf_throw exceptions: allowed where no resource is held, rejected otherwise. */
#include "corpus.h"

struct tv {
	struct bpf_spin_lock lock;
	long cnt;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct tv);
} tmap SEC(".maps");

struct thing {
	long x;
};

static __noinline int check_len(struct __sk_buff *skb)
{
	if (skb->len > 1000)
		bpf_throw(1);
	return skb->len;
}

/* ACCEPT: conditional bpf_throw in the main program. */
SEC("tc")
int throw_ok(struct __sk_buff *skb)
{
	if (skb->len < 14)
		bpf_throw(0);
	return 0;
}

/* ACCEPT: bpf_throw from inside a static subprogram. */
SEC("tc")
int throw_in_subprog_ok(struct __sk_buff *skb)
{
	return check_len(skb) & 1;
}

/* REJECT: bpf_throw while an allocated object is held (its reference would leak). */
SEC("tc")
int throw_with_ref(struct __sk_buff *skb)
{
	struct thing *t = bpf_obj_new(struct thing);

	if (!t)
		return 0;
	if (skb->len < 14)
		bpf_throw(0);
	bpf_obj_drop(t);
	return 0;
}

/* REJECT: bpf_throw while a bpf_spin_lock is held. */
SEC("tc")
int throw_with_lock(struct __sk_buff *skb)
{
	int key = 0;
	struct tv *v = bpf_map_lookup_elem(&tmap, &key);

	if (!v)
		return 0;
	bpf_spin_lock(&v->lock);
	if (v->cnt > 10)
		bpf_throw(0);
	v->cnt++;
	bpf_spin_unlock(&v->lock);
	return 0;
}

/* REJECT: bpf_throw inside an explicit RCU read section. */
SEC("tp_btf/task_newtask")
int BPF_PROG(throw_in_rcu, struct task_struct *task, u64 clone_flags)
{
	bpf_rcu_read_lock();
	if (task->pid == 1)
		bpf_throw(0);
	bpf_rcu_read_unlock();
	return 0;
}

/* REJECT: bpf_throw with preemption disabled. */
SEC("tc")
int throw_preempt_disabled(struct __sk_buff *skb)
{
	bpf_preempt_disable();
	if (skb->len < 14)
		bpf_throw(0);
	bpf_preempt_enable();
	return 0;
}

/* REJECT: bpf_throw with IRQs disabled. */
SEC("tc")
int throw_irq_disabled(struct __sk_buff *skb)
{
	unsigned long flags;

	bpf_local_irq_save(&flags);
	if (skb->len < 14)
		bpf_throw(0);
	bpf_local_irq_restore(&flags);
	return 0;
}

/* ACCEPT: unconditional bpf_throw (the exit after it is never reached). */
SEC("tc")
int throw_always_ok(struct __sk_buff *skb)
{
	bpf_throw(7);
	return 0;
}

/* REJECT: bpf_throw while an iterator is live (iterators hold references). */
SEC("tc")
int throw_with_iter(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v;

	bpf_iter_num_new(&it, 0, 10);
	while ((v = bpf_iter_num_next(&it)))
		if (*v == 5)
			bpf_throw(0);
	bpf_iter_num_destroy(&it);
	return 0;
}

static __noinline int deep2(int x)
{
	if (x > 100)
		bpf_throw(2);
	return x + 1;
}

static __noinline int deep1(int x)
{
	return deep2(x) * 2;
}

/* ACCEPT: bpf_throw two static frames deep. */
SEC("tc")
int throw_deep_ok(struct __sk_buff *skb)
{
	return deep1(skb->len) & 1;
}

/* ACCEPT: bpf_throw in a tp_btf program after releasing an acquired task. */
SEC("tp_btf/task_newtask")
int BPF_PROG(throw_after_release_ok, struct task_struct *task, u64 clone_flags)
{
	struct task_struct *t = bpf_task_acquire(task);
	int pid;

	if (!t)
		return 0;
	pid = t->pid;
	bpf_task_release(t);
	if (pid == 1)
		bpf_throw(0);
	return 0;
}
