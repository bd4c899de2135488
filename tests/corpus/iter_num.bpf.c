// SPDX-License-Identifier: GPL-2.0
/* iter_num / iter_bits: open-coded iterators on the stack: new/next/destroy protocol. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct bpf_iter_num);
} itmap SEC(".maps");

struct cnt_val {
	struct bpf_spin_lock lock;
	long sum;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct cnt_val);
} cntmap SEC(".maps");

/* ACCEPT: sum 0..9 with new/next/destroy. */
SEC("tc")
int num_sum_ok(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v, sum = 0;

	bpf_iter_num_new(&it, 0, 10);
	while ((v = bpf_iter_num_next(&it)))
		sum += *v;
	bpf_iter_num_destroy(&it);
	return sum;
}

/* REJECT: iterator never destroyed (Unreleased reference). */
SEC("tc")
int num_leak(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v, sum = 0;

	bpf_iter_num_new(&it, 0, 10);
	while ((v = bpf_iter_num_next(&it)))
		sum += *v;
	return sum;
}

/* REJECT: destroyed twice. */
SEC("tc")
int num_double_destroy(struct __sk_buff *skb)
{
	struct bpf_iter_num it;

	bpf_iter_num_new(&it, 0, 10);
	bpf_iter_num_destroy(&it);
	bpf_iter_num_destroy(&it);
	return 0;
}

/* REJECT: next on an iterator that was never created. */
SEC("tc")
int num_next_before_new(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v;

	__builtin_memset(&it, 0, sizeof(it));
	v = bpf_iter_num_next(&it);
	return v ? *v : 0;
}

/* REJECT: new on an iterator that is already live. */
SEC("tc")
int num_double_new(struct __sk_buff *skb)
{
	struct bpf_iter_num it;

	bpf_iter_num_new(&it, 0, 10);
	bpf_iter_num_new(&it, 0, 5);
	bpf_iter_num_destroy(&it);
	return 0;
}

/* REJECT: next used after destroy. */
SEC("tc")
int num_next_after_destroy(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v;

	bpf_iter_num_new(&it, 0, 10);
	bpf_iter_num_destroy(&it);
	v = bpf_iter_num_next(&it);
	return v ? *v : 0;
}

/* REJECT: next's result dereferenced without a NULL check. */
SEC("tc")
int num_next_no_null_check(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int v;

	bpf_iter_num_new(&it, 0, 10);
	v = *bpf_iter_num_next(&it);
	bpf_iter_num_destroy(&it);
	return v;
}

/* REJECT: writing through the read-only int* returned by next. */
SEC("tc")
int num_write_through_next(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v;

	bpf_iter_num_new(&it, 0, 10);
	v = bpf_iter_num_next(&it);
	if (v)
		*v = 5;
	bpf_iter_num_destroy(&it);
	return 0;
}

/* REJECT: the iterator state is in a map value, not on the stack. */
SEC("tc")
int num_iter_in_map(struct __sk_buff *skb)
{
	int key = 0;
	struct bpf_iter_num *it = bpf_map_lookup_elem(&itmap, &key);

	if (!it)
		return 0;
	bpf_iter_num_new(it, 0, 10);
	bpf_iter_num_destroy(it);
	return 0;
}

/* ACCEPT: two nested num iterators. */
SEC("tc")
int num_nested_ok(struct __sk_buff *skb)
{
	struct bpf_iter_num outer, inner;
	int *i, *j, sum = 0;

	bpf_iter_num_new(&outer, 0, 4);
	while ((i = bpf_iter_num_next(&outer))) {
		bpf_iter_num_new(&inner, 0, 4);
		while ((j = bpf_iter_num_next(&inner)))
			sum += *i * *j;
		bpf_iter_num_destroy(&inner);
	}
	bpf_iter_num_destroy(&outer);
	return sum;
}

/* ACCEPT: a num iterator created, stepped and destroyed while a bpf_spin_lock is held. */
SEC("tc")
int num_under_spin_lock_ok(struct __sk_buff *skb)
{
	int key = 0;
	struct cnt_val *c = bpf_map_lookup_elem(&cntmap, &key);
	struct bpf_iter_num it;
	int *v;

	if (!c)
		return 0;
	bpf_spin_lock(&c->lock);
	bpf_iter_num_new(&it, 0, 3);
	while ((v = bpf_iter_num_next(&it)))
		c->sum += *v;
	bpf_iter_num_destroy(&it);
	bpf_spin_unlock(&c->lock);
	return 0;
}

/* ACCEPT: the loop counter from a num iterator indexes a stack array after a bounds check. */
SEC("tc")
int num_index_array_ok(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int arr[8] = {}, *v, sum = 0;

	bpf_iter_num_new(&it, 0, 8);
	while ((v = bpf_iter_num_next(&it))) {
		int i = *v;

		if (i >= 0 && i < 8)
			arr[i] = i;
	}
	bpf_iter_num_destroy(&it);
	for (int k = 0; k < 8; k++)
		sum += arr[k];
	return sum;
}

/* REJECT: the loop counter indexes a stack array without a bounds check. */
SEC("tc")
int num_index_unchecked(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int arr[8] = {}, *v;

	bpf_iter_num_new(&it, 0, 8);
	while ((v = bpf_iter_num_next(&it)))
		arr[*v] = 1;
	bpf_iter_num_destroy(&it);
	return arr[0];
}

/* ACCEPT: bits iterator over a 2-word bitmap on the stack. */
SEC("tc")
int bits_ok(struct __sk_buff *skb)
{
	struct bpf_iter_bits it;
	__u64 words[2] = { 0x5, 0x80 };
	int *bit, sum = 0;

	bpf_iter_bits_new(&it, words, 2);
	while ((bit = bpf_iter_bits_next(&it)))
		sum += *bit;
	bpf_iter_bits_destroy(&it);
	return sum;
}

/* REJECT: bits iterator leaked. */
SEC("tc")
int bits_leak(struct __sk_buff *skb)
{
	struct bpf_iter_bits it;
	__u64 word = 0xff;
	int *bit;

	bpf_iter_bits_new(&it, &word, 1);
	bit = bpf_iter_bits_next(&it);
	return bit ? *bit : 0;
}

/* REJECT: a num iterator's state passed to bpf_iter_bits_next (wrong iterator type). */
SEC("tc")
int bits_wrong_iter_type(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *bit;

	bpf_iter_num_new(&it, 0, 4);
	bit = bpf_iter_bits_next((struct bpf_iter_bits *)&it);
	bpf_iter_num_destroy(&it);
	return bit ? *bit : 0;
}

static __noinline int sum_range(int lo, int hi)
{
	struct bpf_iter_num it;
	int *v, s = 0;

	bpf_iter_num_new(&it, lo, hi);
	while ((v = bpf_iter_num_next(&it)))
		s += *v;
	bpf_iter_num_destroy(&it);
	return s;
}

/* ACCEPT: early break out of the loop, then destroy. */
SEC("tc")
int num_early_break_ok(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v, last = 0;

	bpf_iter_num_new(&it, 0, 100);
	while ((v = bpf_iter_num_next(&it))) {
		last = *v;
		if (last == (int)(skb->len & 63))
			break;
	}
	bpf_iter_num_destroy(&it);
	return last;
}

/* ACCEPT: the whole iterator lifetime inside a static subprogram. */
SEC("tc")
int num_in_subprog_ok(struct __sk_buff *skb)
{
	return sum_range(0, 5) + sum_range(3, 7);
}

/* ACCEPT: empty range (start == end): next returns NULL at once. */
SEC("tc")
int num_empty_range_ok(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v, n = 0;

	bpf_iter_num_new(&it, 5, 5);
	while ((v = bpf_iter_num_next(&it)))
		n++;
	bpf_iter_num_destroy(&it);
	return 0;
}

/* ACCEPT: runtime-dependent bounds from the packet length. */
SEC("tc")
int num_runtime_bounds_ok(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v, s = 0;

	bpf_iter_num_new(&it, 0, skb->len);
	while ((v = bpf_iter_num_next(&it)))
		s ^= *v;
	bpf_iter_num_destroy(&it);
	return s;
}

/* REJECT: the element next returned is read after the iterator is destroyed (it belongs to the iterator: a number once the iterator is gone). */
SEC("tc")
int iter_num_elem_after_destroy(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v, x = 0;

	bpf_iter_num_new(&it, 0, 10);
	v = bpf_iter_num_next(&it);
	bpf_iter_num_destroy(&it);
	if (v)
		x = *v;
	return x;
}

/* ACCEPT: the element next returned is read before the iterator is destroyed. */
SEC("tc")
int iter_num_elem_before_destroy(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v, x = 0;

	bpf_iter_num_new(&it, 0, 10);
	v = bpf_iter_num_next(&it);
	if (v)
		x = *v;
	bpf_iter_num_destroy(&it);
	return x;
}
