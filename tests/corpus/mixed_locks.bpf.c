// SPDX-License-Identifier: GPL-2.0
/* mixed_locks: a spin lock and a res lock held together. Only a second
 * spin lock is refused; a res lock is refused only when it is held
 * already. An unlock needs some lock held, that very lock among them, and
 * the last one taken. */
#include "corpus.h"

struct res_value {
	struct bpf_res_spin_lock lock;
};

struct lock_value {
	struct bpf_spin_lock lock;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct res_value);
} res_locks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct lock_value);
} spin_locks SEC(".maps");

/* ACCEPT: a res lock taken and released under a spin lock. */
SEC("tc")
int res_lock_under_spin_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct res_value *r = bpf_map_lookup_elem(&res_locks, &k);
	struct lock_value *l = bpf_map_lookup_elem(&spin_locks, &k);

	if (!r || !l)
		return 0;
	bpf_spin_lock(&l->lock);
	if (!bpf_res_spin_lock(&r->lock))
		bpf_res_spin_unlock(&r->lock);
	bpf_spin_unlock(&l->lock);
	return 0;
}

/* REJECT: under a res lock, the bpf_spin_lock helper is a call like any other. */
SEC("tc")
int spin_lock_under_res_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct res_value *r = bpf_map_lookup_elem(&res_locks, &k);
	struct lock_value *l = bpf_map_lookup_elem(&spin_locks, &k);

	if (!r || !l)
		return 0;
	if (bpf_res_spin_lock(&r->lock))
		return 0;
	bpf_spin_lock(&l->lock);
	bpf_spin_unlock(&l->lock);
	bpf_res_spin_unlock(&r->lock);
	return 0;
}

/* REJECT: the spin lock released before the res lock taken after it. */
SEC("tc")
int spin_unlock_out_of_order(struct __sk_buff *skb)
{
	int k = 0;
	struct res_value *r = bpf_map_lookup_elem(&res_locks, &k);
	struct lock_value *l = bpf_map_lookup_elem(&spin_locks, &k);

	if (!r || !l)
		return 0;
	bpf_spin_lock(&l->lock);
	if (bpf_res_spin_lock(&r->lock)) {
		bpf_spin_unlock(&l->lock);
		return 0;
	}
	bpf_spin_unlock(&l->lock);
	bpf_res_spin_unlock(&r->lock);
	return 0;
}

/* REJECT: a spin unlock while only a res lock is held is of a different lock. */
SEC("tc")
int spin_unlock_under_res_lock_only(struct __sk_buff *skb)
{
	int k = 0;
	struct res_value *r = bpf_map_lookup_elem(&res_locks, &k);
	struct lock_value *l = bpf_map_lookup_elem(&spin_locks, &k);

	if (!r || !l)
		return 0;
	if (bpf_res_spin_lock(&r->lock))
		return 0;
	bpf_spin_unlock(&l->lock);
	bpf_res_spin_unlock(&r->lock);
	return 0;
}

/* REJECT: the same res lock taken twice. */
SEC("tc")
int res_lock_taken_twice(struct __sk_buff *skb)
{
	int k = 0;
	struct res_value *r = bpf_map_lookup_elem(&res_locks, &k);

	if (!r)
		return 0;
	if (bpf_res_spin_lock(&r->lock))
		return 0;
	if (!bpf_res_spin_lock(&r->lock))
		bpf_res_spin_unlock(&r->lock);
	bpf_res_spin_unlock(&r->lock);
	return 0;
}
