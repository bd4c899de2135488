// SPDX-License-Identifier: GPL-2.0
/* inner_map_flag: a lookup with a constant key in range of an array cannot
 * fail, and the kernel drops its NULL check, except in an array made with
 * BPF_F_INNER_MAP (can_elide_value_nullness, a 6.18 stable fix), reached
 * directly or as the inner map of a map of maps (the inner map's template
 * keeps the flag). Found by a helper's probes of libbpfgo's selftests. */
#include "corpus.h"

struct plain_inner {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} plain SEC(".maps");

struct flagged_inner {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__uint(map_flags, BPF_F_INNER_MAP);
	__type(key, __u32);
	__type(value, __u64);
} flagged SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1);
	__type(key, __u32);
	__array(values, struct plain_inner);
} outer_plain SEC(".maps") = { .values = { &plain } };

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1);
	__type(key, __u32);
	__array(values, struct flagged_inner);
} outer_flagged SEC(".maps") = { .values = { &flagged } };

static __always_inline __u64 unchecked(void *map)
{
	__u32 k = 0;
	__u64 *v = bpf_map_lookup_elem(map, &k);

	return *(volatile __u64 *)v;
}

/* ACCEPT: a constant key in range of a plain array. */
SEC("tc")
int plain_array(struct __sk_buff *skb)
{
	return unchecked(&plain);
}

/* REJECT: the same array made with BPF_F_INNER_MAP. */
SEC("tc")
int flagged_array(struct __sk_buff *skb)
{
	return unchecked(&flagged);
}

/* ACCEPT: a plain array reached through a map of maps. */
SEC("tc")
int plain_inner_array(struct __sk_buff *skb)
{
	__u32 k = 0;
	void *m = bpf_map_lookup_elem(&outer_plain, &k);

	if (!m)
		return 0;
	return unchecked(m);
}

/* REJECT: a flagged array reached through a map of maps. */
SEC("tc")
int flagged_inner_array(struct __sk_buff *skb)
{
	__u32 k = 0;
	void *m = bpf_map_lookup_elem(&outer_flagged, &k);

	if (!m)
		return 0;
	return unchecked(m);
}
