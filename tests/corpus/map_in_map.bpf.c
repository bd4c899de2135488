// SPDX-License-Identifier: GPL-2.0
/* map_in_map: arrays and hashes of maps: lookups, what an inner map pointer allows, helpers on outer and inner maps, reading struct bpf_map. */
#include "corpus.h"

struct inner_arr {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, long);
} ia1 SEC(".maps"), ia2 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 2);
	__type(key, int);
	__array(values, struct inner_arr);
} aom SEC(".maps") = {
	.values = { &ia1, &ia2 },
};

struct inner_hash {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, long);
} ih1 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH_OF_MAPS);
	__uint(max_entries, 2);
	__type(key, int);
	__array(values, struct inner_hash);
} hom SEC(".maps") = {
	.values = { &ih1 },
};

struct inner_rb {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb1 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1);
	__type(key, int);
	__array(values, struct inner_rb);
} rbom SEC(".maps") = {
	.values = { &rb1 },
};

/* ACCEPT: a value of an inner array, read and written. */
SEC("tc")
int mim_array_ok(struct __sk_buff *skb)
{
	int key = 0;
	void *in = bpf_map_lookup_elem(&aom, &key);
	long *v;

	if (!in)
		return 0;
	v = bpf_map_lookup_elem(in, &key);
	if (!v)
		return 0;
	*v += 1;
	return *v & 1;
}

/* ACCEPT: an inner hash updated and deleted from. */
SEC("tc")
int mim_hash_update(struct __sk_buff *skb)
{
	int key = 1;
	long val = 5;
	void *in = bpf_map_lookup_elem(&hom, &key);

	if (!in)
		return 0;
	bpf_map_update_elem(in, &key, &val, BPF_ANY);
	bpf_map_delete_elem(in, &key);
	return 0;
}

/* REJECT: the outer lookup may fail. */
SEC("tc")
int mim_outer_null(struct __sk_buff *skb)
{
	int key = 0;
	void *in = bpf_map_lookup_elem(&aom, &key);

	return bpf_map_lookup_elem(in, &key) != 0;
}

/* REJECT: a value of an inner map read past its end. */
SEC("tc")
int mim_value_oob(struct __sk_buff *skb)
{
	int key = 0;
	void *in = bpf_map_lookup_elem(&aom, &key);
	long *v;

	if (!in)
		return 0;
	v = bpf_map_lookup_elem(in, &key);
	if (!v)
		return 0;
	return v[1];
}

/* REJECT: the inner value may be NULL. */
SEC("tc")
int mim_value_null(struct __sk_buff *skb)
{
	int key = 0;
	void *in = bpf_map_lookup_elem(&hom, &key);
	long *v;

	if (!in)
		return 0;
	v = bpf_map_lookup_elem(in, &key);
	return *v;
}

/* REJECT: a program may not update a map of maps. */
SEC("tc")
int mim_outer_update(struct __sk_buff *skb)
{
	int key = 0, fd = 0;

	bpf_map_update_elem(&hom, &key, &fd, BPF_ANY);
	return 0;
}

/* REJECT: a program may not delete from an array of maps. */
SEC("tc")
int mim_outer_delete(struct __sk_buff *skb)
{
	int key = 0;

	bpf_map_delete_elem(&aom, &key);
	return 0;
}

/* REJECT: a program may not delete from a hash of maps either. */
SEC("tc")
int mim_hash_outer_delete(struct __sk_buff *skb)
{
	int key = 0;

	bpf_map_delete_elem(&hom, &key);
	return 0;
}

/* REJECT: an inner map pointer is written through. */
SEC("tc")
int mim_store_map(struct __sk_buff *skb)
{
	int key = 0;
	long *in = bpf_map_lookup_elem(&aom, &key);

	if (!in)
		return 0;
	*in = 1;
	return 0;
}

/* ACCEPT: an inner map pointer is read as struct bpf_map. */
SEC("tc")
int mim_read_map(struct __sk_buff *skb)
{
	int key = 0;
	struct bpf_map *in = bpf_map_lookup_elem(&aom, &key);

	if (!in)
		return 0;
	return in->max_entries;
}

/* ACCEPT: a map read as struct bpf_map. */
SEC("tc")
int mim_read_outer(struct __sk_buff *skb)
{
	struct bpf_map *m = (struct bpf_map *)&aom;

	return m->max_entries;
}

/* ACCEPT: struct bpf_map read across a field boundary (any read within the struct). */
SEC("tc")
int mim_read_map_bad(struct __sk_buff *skb)
{
	struct bpf_map *m = (struct bpf_map *)&aom;

	return *(long *)((char *)m + 2);
}

/* REJECT: a map read as struct bpf_map is written. */
SEC("tc")
int mim_write_map(struct __sk_buff *skb)
{
	struct bpf_map *m = (struct bpf_map *)&aom;

	m->max_entries = 1;
	return 0;
}

/* ACCEPT: a ring buffer in a map of maps, reserved and submitted. */
SEC("tc")
int mim_ringbuf(struct __sk_buff *skb)
{
	int key = 0;
	void *rb = bpf_map_lookup_elem(&rbom, &key);
	long *e;

	if (!rb)
		return 0;
	e = bpf_ringbuf_reserve(rb, 8, 0);
	if (!e)
		return 0;
	*e = 1;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

/* REJECT: an inner ring buffer passed where a hash is looked up. */
SEC("tc")
int mim_ringbuf_lookup(struct __sk_buff *skb)
{
	int key = 0;
	void *rb = bpf_map_lookup_elem(&rbom, &key);

	if (!rb)
		return 0;
	return bpf_map_lookup_elem(rb, &key) != 0;
}

/* ACCEPT: the inner map pointer is spilled and filled. */
SEC("tc")
int mim_spill(struct __sk_buff *skb)
{
	int key = 0;
	void *volatile slot;
	void *in = bpf_map_lookup_elem(&aom, &key);
	long *v;

	if (!in)
		return 0;
	slot = in;
	v = bpf_map_lookup_elem(slot, &key);
	return v ? *v & 1 : 0;
}

/* ACCEPT: a lookup key never written (a privileged loader may read uninitialised stack). */
SEC("tc")
int mim_key_uninit(struct __sk_buff *skb)
{
	int key;
	void *in = bpf_map_lookup_elem(&aom, &key);

	return in != 0;
}

/* ACCEPT: the outer array looked up with a variable key. */
SEC("tc")
int mim_var_key(struct __sk_buff *skb)
{
	int key = skb->len & 1;
	void *in = bpf_map_lookup_elem(&aom, &key);
	long *v;

	if (!in)
		return 0;
	v = bpf_map_lookup_elem(in, &key);
	return v ? *v & 1 : 0;
}
