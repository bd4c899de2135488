// SPDX-License-Identifier: GPL-2.0
/* cgroup_storage: cgroup storage maps (shared and per-CPU) through bpf_get_local_storage: one map of each kind per program, flags, value bounds, program types, map helpers. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_STORAGE);
	__type(key, struct bpf_cgroup_storage_key);
	__type(value, long);
} cg1 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_STORAGE);
	__type(key, struct bpf_cgroup_storage_key);
	__type(value, long);
} cg2 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE);
	__type(key, struct bpf_cgroup_storage_key);
	__type(value, long);
} pcg SEC(".maps");

/* ACCEPT: one shared and one per-CPU cgroup storage, read and written. */
SEC("cgroup_skb/egress")
int cs_one_each(struct __sk_buff *skb)
{
	long *a = bpf_get_local_storage(&cg1, 0);
	long *b = bpf_get_local_storage(&pcg, 0);

	*a += 1;
	__sync_fetch_and_add(b, 1);
	return 1;
}

/* REJECT: two shared cgroup storage maps in one program. */
SEC("cgroup_skb/egress")
int cs_two_shared(struct __sk_buff *skb)
{
	long *a = bpf_get_local_storage(&cg1, 0);
	long *b = bpf_get_local_storage(&cg2, 0);

	return (*a + *b) & 1;
}

/* ACCEPT: one shared cgroup storage used twice. */
SEC("cgroup_skb/ingress")
int cs_same_twice(struct __sk_buff *skb)
{
	long *a = bpf_get_local_storage(&cg1, 0);
	long *b = bpf_get_local_storage(&cg1, 0);

	return (*a + *b) & 1;
}

/* REJECT: bpf_get_local_storage with non-zero flags. */
SEC("cgroup_skb/egress")
int cs_flags(struct __sk_buff *skb)
{
	long *a = bpf_get_local_storage(&cg1, 1);

	return *a & 1;
}

/* REJECT: the storage read past its value. */
SEC("cgroup_skb/egress")
int cs_oob(struct __sk_buff *skb)
{
	long *a = bpf_get_local_storage(&cg1, 0);

	return a[1] & 1;
}

/* REJECT: cgroup storage from a tc program. */
SEC("tc")
int cs_tc(struct __sk_buff *skb)
{
	long *a = bpf_get_local_storage(&cg1, 0);

	return *a & 1;
}

/* REJECT: a cgroup storage map looked up with bpf_map_lookup_elem. */
SEC("cgroup_skb/egress")
int cs_lookup(struct __sk_buff *skb)
{
	struct bpf_cgroup_storage_key k = {};

	return bpf_map_lookup_elem(&cg1, &k) != 0;
}

/* ACCEPT: cgroup storage in a socket-creation hook. */
SEC("cgroup/sock_create")
int cs_sock_create(struct bpf_sock *sk)
{
	long *a = bpf_get_local_storage(&cg1, 0);

	*a = sk->protocol;
	return 1;
}

/* ACCEPT: per-CPU cgroup storage in a sockops program. */
SEC("sockops")
int cs_sockops(struct bpf_sock_ops *ops)
{
	long *b = bpf_get_local_storage(&pcg, 0);

	*b = ops->op;
	return 1;
}

/* REJECT: the second shared cgroup storage only on a path never taken. */
SEC("cgroup_skb/egress")
int cs_two_dead(struct __sk_buff *skb)
{
	volatile int never = 0;
	long *a = bpf_get_local_storage(&cg1, 0);

	if (never)
		a = bpf_get_local_storage(&cg2, 0);
	return *a & 1;
}
