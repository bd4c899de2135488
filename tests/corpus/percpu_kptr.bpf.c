// SPDX-License-Identifier: GPL-2.0
/* percpu_kptr: per-CPU objects (bpf_percpu_obj_new) stashed in __percpu_kptr
 * fields of map values, outside fentry programs: exchange, RCU loads,
 * bpf_this_cpu_ptr / bpf_per_cpu_ptr on them, and what may not go in. */
#include "corpus.h"

struct pcval {
	long a;
	long b;
};

struct pcelem {
	struct pcval __percpu_kptr *pc;
};

struct plainelem {
	struct pcval __kptr *obj;
};

struct kelem {
	struct task_struct __percpu_kptr *task;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct pcelem);
} pcmap SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct kelem);
} kmap SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct plainelem);
} plainmap SEC(".maps");

static struct pcelem *pc_elem(void)
{
	int key = 0;

	return bpf_map_lookup_elem(&pcmap, &key);
}

/* ACCEPT: a new per-CPU object exchanged into the map; the old one dropped. */
SEC("syscall")
int pc_stash_ok(void *ctx)
{
	struct pcelem *e = pc_elem();
	struct pcval *p;

	if (!e)
		return 0;
	p = bpf_percpu_obj_new(struct pcval);
	if (!p)
		return 0;
	p = bpf_kptr_xchg(&e->pc, p);
	if (p)
		bpf_percpu_obj_drop(p);
	return 0;
}

/* REJECT: the new per-CPU object is leaked. */
SEC("syscall")
int pc_new_leak(void *ctx)
{
	struct pcval *p = bpf_percpu_obj_new(struct pcval);

	return p ? 1 : 0;
}

/* ACCEPT: the stashed object loaded in a tc program (an RCU section), this CPU's copy written. */
SEC("tc")
int pc_this_cpu_write_ok(struct __sk_buff *skb)
{
	struct pcelem *e = pc_elem();
	struct pcval *p, *v;

	if (!e)
		return 0;
	p = e->pc;
	if (!p)
		return 0;
	v = bpf_this_cpu_ptr(p);
	v->a += 1;
	return 0;
}

/* ACCEPT: CPU 0's copy read through bpf_per_cpu_ptr, NULL checked. */
SEC("tc")
int pc_per_cpu_read_ok(struct __sk_buff *skb)
{
	struct pcelem *e = pc_elem();
	struct pcval *p, *v;

	if (!e)
		return 0;
	p = e->pc;
	if (!p)
		return 0;
	v = bpf_per_cpu_ptr(p, 0);
	if (!v)
		return 0;
	return v->b;
}

/* ACCEPT: bpf_per_cpu_ptr on a per-CPU object never gives NULL (the kernel types the copy as an RCU pointer to the object): no check needed. */
SEC("tc")
int pc_per_cpu_unchecked(struct __sk_buff *skb)
{
	struct pcelem *e = pc_elem();
	struct pcval *p, *v;

	if (!e)
		return 0;
	p = e->pc;
	if (!p)
		return 0;
	v = bpf_per_cpu_ptr(p, 0);
	return v->b;
}

/* REJECT: the per-CPU pointer itself is written, not a CPU's copy. */
SEC("tc")
int pc_direct_write(struct __sk_buff *skb)
{
	struct pcelem *e = pc_elem();
	struct pcval *p;

	if (!e)
		return 0;
	p = e->pc;
	if (!p)
		return 0;
	p->a = 1;
	return 0;
}

/* ACCEPT: a sleepable program loads the field inside an RCU section. */
SEC("syscall")
int pc_sleepable_rcu_ok(void *ctx)
{
	struct pcelem *e = pc_elem();
	struct pcval *p, *v;
	long r = 0;

	if (!e)
		return 0;
	bpf_rcu_read_lock();
	p = e->pc;
	if (p) {
		v = bpf_this_cpu_ptr(p);
		r = v->a;
	}
	bpf_rcu_read_unlock();
	return r;
}

/* REJECT: a sleepable program loads the field outside an RCU section (untrusted). */
SEC("syscall")
int pc_sleepable_no_rcu(void *ctx)
{
	struct pcelem *e = pc_elem();
	struct pcval *p, *v;

	if (!e)
		return 0;
	p = e->pc;
	if (!p)
		return 0;
	v = bpf_this_cpu_ptr(p);
	return v->a;
}

/* REJECT: a plain (not per-CPU) object exchanged into the per-CPU field. */
SEC("syscall")
int pc_stash_plain_obj(void *ctx)
{
	struct pcelem *e = pc_elem();
	struct pcval *p;

	if (!e)
		return 0;
	p = bpf_obj_new(struct pcval);
	if (!p)
		return 0;
	p = bpf_kptr_xchg(&e->pc, p);
	if (p)
		bpf_obj_drop(p);
	return 0;
}

/* REJECT: a per-CPU object dropped with bpf_obj_drop. */
SEC("syscall")
int pc_wrong_drop(void *ctx)
{
	struct pcval *p = bpf_percpu_obj_new(struct pcval);

	if (!p)
		return 0;
	bpf_obj_drop(p);
	return 0;
}

/* REJECT: a task pointer exchanged into a per-CPU field of kernel type. */
SEC("syscall")
int pc_stash_kernel_ptr(void *ctx)
{
	struct task_struct *t, *old;
	struct kelem *e;
	int key = 0;

	e = bpf_map_lookup_elem(&kmap, &key);
	if (!e)
		return 0;
	t = bpf_task_from_pid(1);
	if (!t)
		return 0;
	old = bpf_kptr_xchg(&e->task, t);
	if (old)
		bpf_task_release(old);
	return 0;
}

/* REJECT: the per-CPU field read as a plain number. */
SEC("tc")
int pc_field_narrow_read(struct __sk_buff *skb)
{
	struct pcelem *e = pc_elem();

	if (!e)
		return 0;
	return *(int *)&e->pc;
}

/* REJECT: a new per-CPU object written directly, not through a CPU's copy. */
SEC("syscall")
int pc_new_direct_write(void *ctx)
{
	struct pcval *p = bpf_percpu_obj_new(struct pcval);

	if (!p)
		return 0;
	p->b = 2;
	bpf_percpu_obj_drop(p);
	return 0;
}

/* REJECT: bpf_this_cpu_ptr on a new per-CPU object (allocated, not an RCU pointer). */
SEC("syscall")
int pc_this_cpu_on_new(void *ctx)
{
	struct pcval *p = bpf_percpu_obj_new(struct pcval), *v;

	if (!p)
		return 0;
	v = bpf_this_cpu_ptr(p);
	v->a = 1;
	bpf_percpu_obj_drop(p);
	return 0;
}

/* REJECT: a per-CPU object exchanged into a plain kptr field. */
SEC("syscall")
int pc_stash_in_plain_field(void *ctx)
{
	struct plainelem *e;
	struct pcval *p;
	int key = 0;

	e = bpf_map_lookup_elem(&plainmap, &key);
	if (!e)
		return 0;
	p = bpf_percpu_obj_new(struct pcval);
	if (!p)
		return 0;
	p = bpf_kptr_xchg(&e->obj, p);
	if (p)
		bpf_percpu_obj_drop(p);
	return 0;
}

/* REJECT: NULL stored straight into the per-CPU field. */
SEC("tc")
int pc_store_null(struct __sk_buff *skb)
{
	struct pcelem *e = pc_elem();

	if (!e)
		return 0;
	e->pc = NULL;
	return 0;
}

/* REJECT: the map value with the per-CPU field handed to a helper as memory. */
SEC("tc")
int pc_value_to_helper(struct __sk_buff *skb)
{
	struct pcelem *e = pc_elem();
	int key = 0;

	if (!e)
		return 0;
	return bpf_map_update_elem(&pcmap, &key, e, 0);
}

char _license[] SEC("license") = "GPL";
