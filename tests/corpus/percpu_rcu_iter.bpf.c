// SPDX-License-Identifier: GPL-2.0
/* percpu_rcu_iter: what bpf_percpu_obj_new may allocate (size, plain data,
 * no special fields, nesting), and RCU-protected iterators across the ends
 * of RCU read sections. */
#include "corpus.h"

struct pc_small {
	long a;
	int b;
};

struct pc_big {
	long v[75];
};

struct pc_max {
	long v[64];
};

struct pc_ptr {
	long a;
	long *p;
};

struct pc_lock {
	long a;
	struct bpf_spin_lock l;
};

enum pc_kind { PC_A, PC_B };

struct pc_enum {
	enum pc_kind k;
	unsigned char bytes[6];
};

struct pc_l3 { int x; };
struct pc_l2 { struct pc_l3 c; };
struct pc_l1 { struct pc_l2 b; };
struct pc_nest3 { struct pc_l1 a; };

struct pc_l4 { struct pc_l3 d; };
struct pc_l3b { struct pc_l4 c; };
struct pc_l2b { struct pc_l3b b; };
struct pc_nest4 { struct pc_l2b a; };

struct pc_char_ptr {
	char *name;
};

struct pc_float_free {
	unsigned long long bits;
	short s[3];
};

#define PC_NEW_DROP(type)                                                   \
	struct type __percpu_kptr *p = bpf_percpu_obj_new(struct type);    \
	if (!p)                                                             \
		return 0;                                                   \
	bpf_percpu_obj_drop(p);                                             \
	return 0

/* ACCEPT: a small struct of integers. */
SEC("tc")
int pc_small_ok(struct __sk_buff *skb)
{
	PC_NEW_DROP(pc_small);
}

/* ACCEPT: exactly 512 bytes. */
SEC("tc")
int pc_max_ok(struct __sk_buff *skb)
{
	PC_NEW_DROP(pc_max);
}

/* REJECT: 600 bytes, more than the per-CPU allocator's 512. */
SEC("tc")
int pc_big(struct __sk_buff *skb)
{
	PC_NEW_DROP(pc_big);
}

/* REJECT: a pointer member. */
SEC("tc")
int pc_ptr(struct __sk_buff *skb)
{
	PC_NEW_DROP(pc_ptr);
}

/* REJECT: a char pointer member. */
SEC("tc")
int pc_char_ptr(struct __sk_buff *skb)
{
	PC_NEW_DROP(pc_char_ptr);
}

/* REJECT: a spin lock is plain data, but a special field. */
SEC("tc")
int pc_lock(struct __sk_buff *skb)
{
	PC_NEW_DROP(pc_lock);
}

/* ACCEPT: an enum and a byte array. */
SEC("tc")
int pc_enum_ok(struct __sk_buff *skb)
{
	PC_NEW_DROP(pc_enum);
}

/* ACCEPT: structs nested three deep. */
SEC("tc")
int pc_nest3_ok(struct __sk_buff *skb)
{
	PC_NEW_DROP(pc_nest3);
}

/* REJECT: structs nested four deep. */
SEC("tc")
int pc_nest4(struct __sk_buff *skb)
{
	PC_NEW_DROP(pc_nest4);
}

/* ACCEPT: integers of every width and a short array. */
SEC("syscall")
int pc_widths_ok(void *ctx)
{
	PC_NEW_DROP(pc_float_free);
}

/* REJECT: the RCU section a task iterator was made in ends inside the loop; locking again does not make the iterator usable. */
SEC("syscall")
int iter_task_relock(void *ctx)
{
	struct bpf_iter_task it;
	struct task_struct *t;
	int n = 0;

	bpf_rcu_read_lock();
	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	while ((t = bpf_iter_task_next(&it))) {
		bpf_rcu_read_unlock();
		n++;
		bpf_rcu_read_lock();
	}
	bpf_iter_task_destroy(&it);
	bpf_rcu_read_unlock();
	return n;
}

/* REJECT: the section ends before the iterator is destroyed. */
SEC("syscall")
int iter_task_unlock_before_destroy(void *ctx)
{
	struct bpf_iter_task it;
	struct task_struct *t;
	int n = 0;

	bpf_rcu_read_lock();
	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	t = bpf_iter_task_next(&it);
	if (t)
		n = t->pid;
	bpf_rcu_read_unlock();
	bpf_iter_task_destroy(&it);
	return n;
}

/* REJECT: a non-sleepable program: the explicit section ends, and with it the iterator made inside it. */
SEC("tc")
int iter_task_tc_relock(struct __sk_buff *skb)
{
	struct bpf_iter_task it;
	struct task_struct *t;
	int n = 0;

	bpf_rcu_read_lock();
	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	bpf_rcu_read_unlock();
	while ((t = bpf_iter_task_next(&it)))
		n++;
	bpf_iter_task_destroy(&it);
	return n;
}

/* REJECT: a non-sleepable program makes the iterator outside any explicit section (its implicit one counts) and ends a section inside the loop. */
SEC("tc")
int iter_task_tc_inner_section(struct __sk_buff *skb)
{
	struct bpf_iter_task it;
	struct task_struct *t;
	int n = 0;

	bpf_iter_task_new(&it, NULL, BPF_TASK_ITER_ALL_PROCS);
	while ((t = bpf_iter_task_next(&it))) {
		bpf_rcu_read_lock();
		n++;
		bpf_rcu_read_unlock();
	}
	bpf_iter_task_destroy(&it);
	return n;
}

/* ACCEPT: a numbers iterator does not depend on RCU. */
SEC("syscall")
int iter_num_across_sections_ok(void *ctx)
{
	struct bpf_iter_num it;
	int *v, n = 0;

	bpf_rcu_read_lock();
	bpf_iter_num_new(&it, 0, 4);
	bpf_rcu_read_unlock();
	while ((v = bpf_iter_num_next(&it)))
		n += *v;
	bpf_iter_num_destroy(&it);
	return n;
}

/* REJECT: a css iterator whose section ends inside the loop. */
SEC("syscall")
int iter_css_relock(void *ctx)
{
	struct cgroup *cg = bpf_cgroup_from_id(1);
	struct cgroup_subsys_state *pos;
	struct bpf_iter_css it;
	int n = 0;

	if (!cg)
		return 0;
	bpf_rcu_read_lock();
	bpf_iter_css_new(&it, &cg->self, BPF_CGROUP_ITER_DESCENDANTS_PRE);
	while ((pos = bpf_iter_css_next(&it))) {
		bpf_rcu_read_unlock();
		n++;
		bpf_rcu_read_lock();
	}
	bpf_iter_css_destroy(&it);
	bpf_rcu_read_unlock();
	bpf_cgroup_release(cg);
	return n;
}
