// SPDX-License-Identifier: GPL-2.0
/* map_ptr_args: a map pointer is a trusted `struct bpf_map *` to a kfunc
 * (get_kfunc_ptr_arg_type's reg2btf_ids); a pointer read out of a map's
 * struct is untrusted (check_ptr_to_map_access). Found while comparing the
 * selftests' logs. */
#include "corpus.h"

struct inner {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} in1 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1);
	__type(key, __u32);
	__array(values, struct inner);
} outer SEC(".maps") = { .values = { &in1 } };

struct bpf_map___meta {
	struct bpf_map *inner_map_meta;
} __attribute__((preserve_access_index));

/* ACCEPT: the map itself, as a kfunc's struct bpf_map argument. */
SEC("tp_btf/sys_enter")
int map_as_kfunc_arg(void *ctx)
{
	return bpf_map_sum_elem_count((struct bpf_map *)&outer);
}

/* REJECT: a pointer read out of the map's struct is untrusted. */
SEC("tp_btf/sys_enter")
int map_member_as_kfunc_arg(void *ctx)
{
	struct bpf_map *m = ((struct bpf_map___meta *)&outer)->inner_map_meta;

	return bpf_map_sum_elem_count(m);
}

/* ACCEPT: but it can be read through. */
SEC("kprobe/do_nanosleep")
int read_through_map_member(void *ctx)
{
	struct bpf_map *m = ((struct bpf_map___meta *)&outer)->inner_map_meta;

	return m->max_entries;
}
