// SPDX-License-Identifier: GPL-2.0
/* two_locks: a map value with two resilient locks gets no special fields at
 * all: the kernel's btf_parse_fields() refuses the second lock and
 * map_check_btf() creates the map without a record, so the value is plain
 * memory and no lock in it is valid. (A plain lock beside a resilient one
 * makes the kernel refuse the program's BTF instead: loader_struct_metas.) */
#include "corpus.h"

struct two_res {
	struct bpf_res_spin_lock a;
	struct bpf_res_spin_lock b;
	long cnt;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct two_res);
} tl_res SEC(".maps");

/* ACCEPT: a socket filter may look up a value with two resilient locks: the map holds no lock. */
SEC("socket")
int tl_res_lookup_socket(struct __sk_buff *skb)
{
	int k = 0;
	struct two_res *v = bpf_map_lookup_elem(&tl_res, &k);

	return v ? v->cnt & 1 : 0;
}

/* ACCEPT: so may a raw tracepoint. */
SEC("raw_tp")
int tl_res_lookup_raw_tp(void *ctx)
{
	int k = 0;
	struct two_res *v = bpf_map_lookup_elem(&tl_res, &k);

	return v ? v->cnt & 1 : 0;
}

/* REJECT: the second resilient lock is no lock of the map. */
SEC("tc")
int tl_res_lock_second(struct __sk_buff *skb)
{
	int k = 0;
	struct two_res *v = bpf_map_lookup_elem(&tl_res, &k);

	if (!v || bpf_res_spin_lock(&v->b))
		return 0;
	v->cnt++;
	bpf_res_spin_unlock(&v->b);
	return 0;
}

/* REJECT: nor is the first. */
SEC("tc")
int tl_res_lock_first(struct __sk_buff *skb)
{
	int k = 0;
	struct two_res *v = bpf_map_lookup_elem(&tl_res, &k);

	if (!v || bpf_res_spin_lock(&v->a))
		return 0;
	v->cnt++;
	bpf_res_spin_unlock(&v->a);
	return 0;
}

char _license[] SEC("license") = "GPL";
