// SPDX-License-Identifier: GPL-2.0
/* local_storage: socket, task, cgroup and inode storage maps: their get/delete helpers, owners, values, and which maps and programs they go with. */
#include "corpus.h"

struct sval {
	long a;
	long b;
};

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct sval);
} sks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct sval);
} tks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CGRP_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct sval);
} cgs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_INODE_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct sval);
} ins SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, struct sval);
} hmap SEC(".maps");

/* ACCEPT: socket storage of a tc program's socket, created and updated. */
SEC("tc")
int ls_sk_tc(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	struct sval *v;

	if (!sk)
		return 0;
	sk = bpf_sk_fullsock(sk);
	if (!sk)
		return 0;
	v = bpf_sk_storage_get(&sks, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);
	if (!v)
		return 0;
	v->a++;
	return 0;
}

/* REJECT: the socket may be NULL. */
SEC("tc")
int ls_sk_null_sock(struct __sk_buff *skb)
{
	struct sval *v = bpf_sk_storage_get(&sks, skb->sk, 0, 0);

	return v != 0;
}

/* REJECT: the storage value may be NULL. */
SEC("cgroup_skb/egress")
int ls_sk_value_null(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	struct sval *v;

	if (!sk)
		return 1;
	v = bpf_sk_storage_get(&sks, sk, 0, 0);
	return v->a & 1;
}

/* ACCEPT: socket storage in a sockops program, deleted after use. */
SEC("sockops")
int ls_sk_sockops(struct bpf_sock_ops *ops)
{
	struct bpf_sock *sk = ops->sk;
	struct sval *v;

	if (!sk)
		return 1;
	v = bpf_sk_storage_get(&sks, sk, 0, BPF_SK_STORAGE_GET_F_CREATE);
	if (v)
		v->b = ops->op;
	bpf_sk_storage_delete(&sks, sk);
	return 1;
}

/* REJECT: a socket storage map looked up with bpf_map_lookup_elem. */
SEC("tc")
int ls_sk_lookup_elem(struct __sk_buff *skb)
{
	int key = 0;

	return bpf_map_lookup_elem(&sks, &key) != 0;
}

/* REJECT: a hash map passed as socket storage. */
SEC("tc")
int ls_sk_wrong_map(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (!sk)
		return 0;
	return bpf_sk_storage_get(&hmap, sk, 0, 0) != 0;
}

/* ACCEPT: an initial value from the stack. */
SEC("cgroup_skb/ingress")
int ls_sk_init_value(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	struct sval init = { 1, 2 };
	struct sval *v;

	if (!sk)
		return 1;
	sk = bpf_sk_fullsock(sk);
	if (!sk)
		return 1;
	v = bpf_sk_storage_get(&sks, sk, &init, BPF_SK_STORAGE_GET_F_CREATE);
	return v ? 1 : 0;
}

/* REJECT: the initial value is smaller than the map's value. */
SEC("cgroup_skb/ingress")
int ls_sk_short_value(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	long init = 1;

	if (!sk)
		return 1;
	sk = bpf_sk_fullsock(sk);
	if (!sk)
		return 1;
	return bpf_sk_storage_get(&sks, sk, &init, BPF_SK_STORAGE_GET_F_CREATE) != 0;
}

/* REJECT: the storage value is read past its end. */
SEC("cgroup_skb/ingress")
int ls_sk_value_oob(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;
	struct sval *v;

	if (!sk)
		return 1;
	v = bpf_sk_storage_get(&sks, sk, 0, 0);
	if (!v)
		return 1;
	return ((long *)v)[2] & 1;
}

/* ACCEPT: task storage of the current task in a kprobe. */
SEC("kprobe/do_nanosleep")
int ls_task_kprobe(struct pt_regs *ctx)
{
	struct sval *v;

	v = bpf_task_storage_get(&tks, bpf_get_current_task_btf(), 0,
				 BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (v)
		v->a++;
	bpf_task_storage_delete(&tks, bpf_get_current_task_btf());
	return 0;
}

/* ACCEPT: task storage with a NULL task. */
SEC("kprobe/do_nanosleep")
int ls_task_null_owner(struct pt_regs *ctx)
{
	return bpf_task_storage_get(&tks, 0, 0, 0) != 0;
}

/* REJECT: task storage of an untyped task pointer. */
SEC("kprobe/do_nanosleep")
int ls_task_untyped(struct pt_regs *ctx)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();

	return bpf_task_storage_get(&tks, t, 0, 0) != 0;
}

/* REJECT: task storage given a socket storage map. */
SEC("kprobe/do_nanosleep")
int ls_task_wrong_map(struct pt_regs *ctx)
{
	return bpf_task_storage_get(&sks, bpf_get_current_task_btf(), 0, 0) != 0;
}

/* ACCEPT: task storage from a tc program (a base helper since 6.x). */
SEC("tc")
int ls_task_tc(struct __sk_buff *skb)
{
	return bpf_task_storage_get(&tks, bpf_get_current_task_btf(), 0, 0) != 0;
}

/* ACCEPT: cgroup storage of the current task's cgroup, from a kprobe. */
SEC("kprobe/do_nanosleep")
int ls_cgrp_kprobe(struct pt_regs *ctx)
{
	struct task_struct *t = bpf_get_current_task_btf();
	struct sval *v;

	v = bpf_cgrp_storage_get(&cgs, t->cgroups->dfl_cgrp, 0,
				 BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (v)
		v->b = 1;
	return 0;
}

/* REJECT: cgroup storage of a task. */
SEC("kprobe/do_nanosleep")
int ls_cgrp_task(struct pt_regs *ctx)
{
	return bpf_cgrp_storage_get(&cgs, (void *)bpf_get_current_task_btf(), 0, 0) != 0;
}

/* REJECT: cgroup storage given a task storage map. */
SEC("kprobe/do_nanosleep")
int ls_cgrp_wrong_map(struct pt_regs *ctx)
{
	struct task_struct *t = bpf_get_current_task_btf();

	return bpf_cgrp_storage_get(&tks, t->cgroups->dfl_cgrp, 0, 0) != 0;
}

/* REJECT: inode storage outside LSM programs. */
SEC("kprobe/do_nanosleep")
int ls_inode_kprobe(struct pt_regs *ctx)
{
	return bpf_inode_storage_get(&ins, 0, 0, 0) != 0;
}

/* REJECT: socket storage is not for kprobes. */
SEC("kprobe/do_nanosleep")
int ls_sk_kprobe_scalar(struct pt_regs *ctx)
{
	return bpf_sk_storage_get(&sks, (void *)PT_REGS_PARM1(ctx), 0, 0) != 0;
}

/* REJECT: socket storage is not for kprobes, even with a NULL socket. */
SEC("kprobe/do_nanosleep")
int ls_sk_kprobe_null(struct pt_regs *ctx)
{
	return bpf_sk_storage_get(&sks, 0, 0, 0) != 0;
}
