// SPDX-License-Identifier: GPL-2.0
/* global_trusted: what a global function's arg:trusted parameter accepts
 * and how Linux 6.18 refuses the rest: a number, the context, memory, an
 * untrusted, walked or RCU pointer is not "referenced or trusted"; a
 * referenced pointer that may be NULL, a socket or a map is trusted but of
 * the wrong type. */
#include "corpus.h"

#define __trusted_arg __attribute__((btf_decl_tag("arg:trusted")))
#define __nullable_arg __attribute__((btf_decl_tag("arg:nullable")))

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} vals SEC(".maps");

__weak int task_pid(struct task_struct *t __trusted_arg)
{
	return t->pid;
}

__weak int task_pid_or_0(struct task_struct *t __trusted_arg __nullable_arg)
{
	return t ? t->pid : 0;
}

/* ACCEPT: the current task, trusted. */
SEC("tp_btf/task_newtask")
int trusted_current(void *ctx)
{
	return task_pid(bpf_get_current_task_btf());
}

/* REJECT: a number that is not zero. */
SEC("tp_btf/task_newtask")
int trusted_from_number(void *ctx)
{
	struct task_struct *t = (void *)42;

	asm volatile("" : "+r"(t));
	return task_pid(t);
}

/* REJECT: NULL, to a parameter that may not be NULL. */
SEC("tp_btf/task_newtask")
int trusted_from_null(void *ctx)
{
	struct task_struct *t = 0;

	asm volatile("" : "+r"(t));
	return task_pid(t);
}

/* REJECT: a number that is not zero, to a parameter that may be NULL. */
SEC("tp_btf/task_newtask")
int nullable_from_number(void *ctx)
{
	struct task_struct *t = (void *)42;

	asm volatile("" : "+r"(t));
	return task_pid_or_0(t);
}

/* ACCEPT: NULL, to a parameter that may be NULL. */
SEC("tp_btf/task_newtask")
int nullable_from_null(void *ctx)
{
	struct task_struct *t = 0;

	asm volatile("" : "+r"(t));
	return task_pid_or_0(t);
}

/* REJECT: an untrusted pointer of the right type. */
SEC("tp_btf/task_newtask")
int trusted_from_untrusted(void *ctx)
{
	struct task_struct *t = bpf_rdonly_cast(bpf_get_current_task_btf(),
					       bpf_core_type_id_kernel(struct task_struct));

	return task_pid(t);
}

/* REJECT: a task the program acquired and has not checked for NULL. */
SEC("tp_btf/task_newtask")
int trusted_from_maybe_null(void *ctx)
{
	struct task_struct *t = bpf_task_acquire(bpf_get_current_task_btf());
	int pid = task_pid(t);

	if (t)
		bpf_task_release(t);
	return pid;
}

/* ACCEPT: an acquired task, checked. */
SEC("tp_btf/task_newtask")
int trusted_from_acquired(void *ctx)
{
	struct task_struct *t = bpf_task_acquire(bpf_get_current_task_btf());
	int pid;

	if (!t)
		return 0;
	pid = task_pid(t);
	bpf_task_release(t);
	return pid;
}

/* REJECT: a map value. */
SEC("tp_btf/task_newtask")
int trusted_from_map_value(void *ctx)
{
	int k = 0;
	long *v = bpf_map_lookup_elem(&vals, &k);

	if (!v)
		return 0;
	return task_pid((void *)v);
}

/* REJECT: a stack pointer. */
SEC("tp_btf/task_newtask")
int trusted_from_stack(void *ctx)
{
	long buf[4] = {};

	return task_pid((void *)buf);
}

/* REJECT: the program's context. */
SEC("tp_btf/task_newtask")
int trusted_from_ctx(void *ctx)
{
	return task_pid(ctx);
}

/* REJECT: a pointer walked from a trusted one outside an RCU section. */
SEC("tp_btf/task_newtask")
int trusted_from_walked(void *ctx)
{
	struct task_struct *t = bpf_get_current_task_btf();

	return task_pid(t->group_leader);
}

/* REJECT: a trusted pointer to another type. */
SEC("tp_btf/task_newtask")
int trusted_from_other_type(void *ctx)
{
	struct task_struct *t = bpf_get_current_task_btf();

	return task_pid((void *)t->mm);
}

/* REJECT: a number, from a kprobe program. */
SEC("kprobe")
int trusted_from_number_kprobe(void *ctx)
{
	struct task_struct *t = (void *)42;

	asm volatile("" : "+r"(t));
	return task_pid(t);
}

__weak int sock_family(struct sock *sk __trusted_arg)
{
	return sk->__sk_common.skc_family;
}

__weak int map_entries(struct bpf_map *m __trusted_arg)
{
	return m->max_entries;
}

__weak int task_pid_or_0_again(struct task_struct *t __trusted_arg __nullable_arg)
{
	return task_pid_or_0(t) + (t ? task_pid(t) : 0);
}

/* ACCEPT: a parameter that may be NULL, passed on as is and, checked, to one that may not. */
SEC("tp_btf/task_newtask")
int nullable_passed_on(void *ctx)
{
	return task_pid_or_0_again(bpf_get_current_task_btf());
}

/* REJECT: an RCU pointer, checked for NULL, in an RCU section. */
SEC("tp_btf/task_newtask")
int trusted_from_rcu(void *ctx)
{
	struct task_struct *t = bpf_get_current_task_btf(), *p;
	int pid = 0;

	bpf_rcu_read_lock();
	p = t->real_parent;
	if (p)
		pid = task_pid(p);
	bpf_rcu_read_unlock();
	return pid;
}

/* REJECT: an RCU pointer, not checked for NULL, to a parameter that may be NULL. */
SEC("tp_btf/task_newtask")
int nullable_from_rcu(void *ctx)
{
	struct task_struct *t = bpf_get_current_task_btf();
	int pid;

	bpf_rcu_read_lock();
	pid = task_pid_or_0(t->real_parent);
	bpf_rcu_read_unlock();
	return pid;
}

/* REJECT: a referenced socket: trusted, but not a kernel object pointer. */
SEC("tc")
int trusted_from_socket(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tuple = {};
	struct bpf_sock *sk;
	int f;

	sk = bpf_sk_lookup_tcp(skb, &tuple, sizeof(tuple.ipv4), -1, 0);
	if (!sk)
		return 0;
	f = sock_family((void *)sk);
	bpf_sk_release(sk);
	return f;
}

/* REJECT: a map: trusted, but not a kernel object pointer. */
SEC("tc")
int trusted_from_map(struct __sk_buff *skb)
{
	return map_entries((void *)&vals);
}

char _license[] SEC("license") = "GPL";
