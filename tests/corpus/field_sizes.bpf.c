// SPDX-License-Identifier: GPL-2.0
/* field_sizes: a special field of a map value covers exactly the bytes of
 * its kernel struct (btf_field_type_size): a bpf_res_spin_lock is 4 bytes
 * like a bpf_spin_lock, a bpf_task_work 8, a bpf_wq 16. A load or store
 * touching those bytes is refused, the bytes next to them are plain memory. */
#include "corpus.h"

struct res_val {
	struct bpf_res_spin_lock lock;
	int after;
	long more;
};

struct tw_val {
	struct bpf_task_work tw;
	int after;
};

struct wq_val {
	struct bpf_wq wq;
	int after;
};

#define ARRAY_OF(name, vtype)                          \
	struct {                                       \
		__uint(type, BPF_MAP_TYPE_ARRAY);      \
		__uint(max_entries, 1);                \
		__type(key, int);                      \
		__type(value, vtype);                  \
	} name SEC(".maps")

ARRAY_OF(fs_res, struct res_val);
ARRAY_OF(fs_tw, struct tw_val);
ARRAY_OF(fs_wq, struct wq_val);

/* ACCEPT: the int right after a resilient lock is not part of it. */
SEC("tc")
int fs_read_after_res_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct res_val *v = bpf_map_lookup_elem(&fs_res, &k);

	return v ? v->after : 0;
}

/* ACCEPT: nor is it when written. */
SEC("tc")
int fs_write_after_res_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct res_val *v = bpf_map_lookup_elem(&fs_res, &k);

	if (v)
		v->after = 1;
	return 0;
}

/* REJECT: an 8-byte load at the lock covers it. */
SEC("tc")
int fs_read_over_res_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct res_val *v = bpf_map_lookup_elem(&fs_res, &k);

	return v ? *(volatile long *)v & 1 : 0;
}

/* ACCEPT: the int right after a bpf_task_work. */
SEC("tc")
int fs_read_after_task_work(struct __sk_buff *skb)
{
	int k = 0;
	struct tw_val *v = bpf_map_lookup_elem(&fs_tw, &k);

	return v ? v->after : 0;
}

/* REJECT: the last 4 bytes of a bpf_task_work. */
SEC("tc")
int fs_read_task_work_tail(struct __sk_buff *skb)
{
	int k = 0;
	struct tw_val *v = bpf_map_lookup_elem(&fs_tw, &k);

	return v ? *(volatile int *)((char *)v + 4) : 0;
}

/* REJECT: the second half of a bpf_wq. */
SEC("tc")
int fs_read_wq_middle(struct __sk_buff *skb)
{
	int k = 0;
	struct wq_val *v = bpf_map_lookup_elem(&fs_wq, &k);

	return v ? *(volatile long *)((char *)v + 8) & 1 : 0;
}

/* ACCEPT: the int right after a bpf_wq. */
SEC("tc")
int fs_read_after_wq(struct __sk_buff *skb)
{
	int k = 0;
	struct wq_val *v = bpf_map_lookup_elem(&fs_wq, &k);

	return v ? v->after : 0;
}

char _license[] SEC("license") = "GPL";
