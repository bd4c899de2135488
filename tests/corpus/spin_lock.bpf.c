// SPDX-License-Identifier: GPL-2.0
/* spin_lock: the bpf_spin_lock/bpf_spin_unlock helpers on map values (no graph). */
#include "corpus.h"

struct counter {
	struct bpf_spin_lock lock;
	long cnt;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, int);
	__type(value, struct counter);
} counters SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} nolock SEC(".maps");

static __noinline void bump_static(struct counter *c)
{
	c->cnt++;
}

__noinline int bump_global(struct counter *c)
{
	if (!c)
		return 0;
	c->cnt++;
	return 0;
}

static struct counter *lookup(int key)
{
	return bpf_map_lookup_elem(&counters, &key);
}

/* ACCEPT: lock, update the protected counter, unlock. */
SEC("tc")
int spin_ok(struct __sk_buff *skb)
{
	struct counter *c = lookup(0);

	if (!c)
		return 0;
	bpf_spin_lock(&c->lock);
	c->cnt++;
	bpf_spin_unlock(&c->lock);
	return 0;
}

/* REJECT: program exits with the spin lock held. */
SEC("tc")
int spin_exit_locked(struct __sk_buff *skb)
{
	struct counter *c = lookup(0);

	if (!c)
		return 0;
	bpf_spin_lock(&c->lock);
	c->cnt++;
	return 0;
}

/* REJECT: unlock without a lock. */
SEC("tc")
int spin_unlock_unlocked(struct __sk_buff *skb)
{
	struct counter *c = lookup(0);

	if (!c)
		return 0;
	bpf_spin_unlock(&c->lock);
	return 0;
}

/* REJECT: two bpf_spin_locks taken at once. */
SEC("tc")
int spin_two_locks(struct __sk_buff *skb)
{
	struct counter *a = lookup(0), *b = lookup(1);

	if (!a || !b)
		return 0;
	bpf_spin_lock(&a->lock);
	bpf_spin_lock(&b->lock);
	bpf_spin_unlock(&b->lock);
	bpf_spin_unlock(&a->lock);
	return 0;
}

/* REJECT: unlocking a different map value's lock than the one held. */
SEC("tc")
int spin_unlock_other(struct __sk_buff *skb)
{
	struct counter *a = lookup(0), *b = lookup(1);

	if (!a || !b)
		return 0;
	bpf_spin_lock(&a->lock);
	bpf_spin_unlock(&b->lock);
	return 0;
}

/* REJECT: a helper call (bpf_get_prandom_u32) inside the critical section. */
SEC("tc")
int spin_helper_inside(struct __sk_buff *skb)
{
	struct counter *c = lookup(0);

	if (!c)
		return 0;
	bpf_spin_lock(&c->lock);
	c->cnt += bpf_get_prandom_u32();
	bpf_spin_unlock(&c->lock);
	return 0;
}

/* ACCEPT: a static subprogram called inside the critical section. */
SEC("tc")
int spin_static_call_ok(struct __sk_buff *skb)
{
	struct counter *c = lookup(0);

	if (!c)
		return 0;
	bpf_spin_lock(&c->lock);
	bump_static(c);
	bpf_spin_unlock(&c->lock);
	return 0;
}

/* REJECT: a global subprogram called inside the critical section. */
SEC("tc")
int spin_global_call(struct __sk_buff *skb)
{
	struct counter *c = lookup(0);

	if (!c)
		return 0;
	bpf_spin_lock(&c->lock);
	bump_global(c);
	bpf_spin_unlock(&c->lock);
	return 0;
}

/* REJECT: direct read of the bpf_spin_lock field. */
SEC("tc")
int spin_direct_read(struct __sk_buff *skb)
{
	struct counter *c = lookup(0);

	if (!c)
		return 0;
	return *(volatile __u32 *)&c->lock;
}

/* REJECT: bpf_spin_lock on a map whose value has no bpf_spin_lock. */
SEC("tc")
int spin_map_without_lock(struct __sk_buff *skb)
{
	int key = 0;
	long *v = bpf_map_lookup_elem(&nolock, &key);

	if (!v)
		return 0;
	bpf_spin_lock((struct bpf_spin_lock *)v);
	bpf_spin_unlock((struct bpf_spin_lock *)v);
	return 0;
}

/* ACCEPT: lock/unlock on both branches of a condition. */
SEC("tc")
int spin_branches_ok(struct __sk_buff *skb)
{
	struct counter *c = lookup(0);

	if (!c)
		return 0;
	bpf_spin_lock(&c->lock);
	if (skb->len > 64) {
		c->cnt += 2;
		bpf_spin_unlock(&c->lock);
		return 1;
	}
	c->cnt++;
	bpf_spin_unlock(&c->lock);
	return 0;
}

/* REJECT: the lock stays held on one path only. */
SEC("tc")
int spin_unlock_one_path(struct __sk_buff *skb)
{
	struct counter *c = lookup(0);

	if (!c)
		return 0;
	bpf_spin_lock(&c->lock);
	c->cnt++;
	if (skb->len > 64)
		bpf_spin_unlock(&c->lock);
	return 0;
}

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, int);
	__type(value, struct counter);
} hcounters SEC(".maps");

private(S) struct bpf_spin_lock sglock;
private(S) long sgcount;

struct locked_obj {
	struct bpf_spin_lock lock;
	long v;
};

/* ACCEPT: spin lock inside a hash map value. */
SEC("tc")
int spin_hash_ok(struct __sk_buff *skb)
{
	int key = skb->len & 7;
	struct counter *c = bpf_map_lookup_elem(&hcounters, &key);

	if (!c)
		return 0;
	bpf_spin_lock(&c->lock);
	c->cnt++;
	bpf_spin_unlock(&c->lock);
	return 0;
}

/* ACCEPT: global spin lock protecting a global counter in the same .data.S section. */
SEC("tc")
int spin_global_ok(struct __sk_buff *skb)
{
	bpf_spin_lock(&sglock);
	sgcount++;
	bpf_spin_unlock(&sglock);
	return 0;
}

/* ACCEPT: spin lock inside an allocated object. */
SEC("tc")
int spin_in_alloc_obj_ok(struct __sk_buff *skb)
{
	struct locked_obj *o = bpf_obj_new(struct locked_obj);

	if (!o)
		return 0;
	bpf_spin_lock(&o->lock);
	o->v = 1;
	bpf_spin_unlock(&o->lock);
	bpf_obj_drop(o);
	return 0;
}

/* REJECT: allocated object dropped while its own lock is held. */
SEC("tc")
int spin_drop_while_locked(struct __sk_buff *skb)
{
	struct locked_obj *o = bpf_obj_new(struct locked_obj);

	if (!o)
		return 0;
	bpf_spin_lock(&o->lock);
	bpf_obj_drop(o);
	return 0;
}
