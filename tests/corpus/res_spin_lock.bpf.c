// SPDX-License-Identifier: GPL-2.0
/* res_spin_lock: bpf_res_spin_lock{,_irqsave} / unlock{,_irqrestore}: checked result, nesting, LIFO order. */
#include "corpus.h"

struct rval {
	struct bpf_res_spin_lock lock;
	long cnt;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, int);
	__type(value, struct rval);
} rmap SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} rnolock SEC(".maps");

private(RA) struct bpf_res_spin_lock lock_a;
private(RB) struct bpf_res_spin_lock lock_b;

static struct rval *rlookup(int key)
{
	return bpf_map_lookup_elem(&rmap, &key);
}

/* ACCEPT: lock result checked, counter updated, unlocked. */
SEC("tc")
int res_lock_ok(struct __sk_buff *skb)
{
	struct rval *v = rlookup(0);

	if (!v)
		return 0;
	if (bpf_res_spin_lock(&v->lock))
		return 0;
	v->cnt++;
	bpf_res_spin_unlock(&v->lock);
	return 0;
}

/* REJECT: the result of bpf_res_spin_lock is ignored (the failure path unlocks a lock it does not hold). */
SEC("tc")
int res_lock_unchecked(struct __sk_buff *skb)
{
	struct rval *v = rlookup(0);

	if (!v)
		return 0;
	bpf_res_spin_lock(&v->lock);
	v->cnt++;
	bpf_res_spin_unlock(&v->lock);
	return 0;
}

/* REJECT: the same res lock taken twice (AA deadlock). */
SEC("tc")
int res_lock_aa(struct __sk_buff *skb)
{
	if (bpf_res_spin_lock(&lock_a))
		return 0;
	if (bpf_res_spin_lock(&lock_a)) {
		bpf_res_spin_unlock(&lock_a);
		return 0;
	}
	bpf_res_spin_unlock(&lock_a);
	bpf_res_spin_unlock(&lock_a);
	return 0;
}

/* ACCEPT: two different res locks nested and released in reverse order. */
SEC("tc")
int res_lock_nested_ok(struct __sk_buff *skb)
{
	if (bpf_res_spin_lock(&lock_a))
		return 0;
	if (bpf_res_spin_lock(&lock_b)) {
		bpf_res_spin_unlock(&lock_a);
		return 0;
	}
	bpf_res_spin_unlock(&lock_b);
	bpf_res_spin_unlock(&lock_a);
	return 0;
}

/* REJECT: two res locks released in acquisition (non-LIFO) order. */
SEC("tc")
int res_lock_out_of_order(struct __sk_buff *skb)
{
	if (bpf_res_spin_lock(&lock_a))
		return 0;
	if (bpf_res_spin_lock(&lock_b)) {
		bpf_res_spin_unlock(&lock_a);
		return 0;
	}
	bpf_res_spin_unlock(&lock_a);
	bpf_res_spin_unlock(&lock_b);
	return 0;
}

/* ACCEPT: irqsave/irqrestore pair with a stack flag. */
SEC("tc")
int res_lock_irqsave_ok(struct __sk_buff *skb)
{
	struct rval *v = rlookup(0);
	unsigned long flags;

	if (!v)
		return 0;
	if (bpf_res_spin_lock_irqsave(&v->lock, &flags))
		return 0;
	v->cnt++;
	bpf_res_spin_unlock_irqrestore(&v->lock, &flags);
	return 0;
}

/* REJECT: lock taken with _irqsave, released with plain bpf_res_spin_unlock. */
SEC("tc")
int res_lock_irq_mismatch(struct __sk_buff *skb)
{
	struct rval *v = rlookup(0);
	unsigned long flags;

	if (!v)
		return 0;
	if (bpf_res_spin_lock_irqsave(&v->lock, &flags))
		return 0;
	v->cnt++;
	bpf_res_spin_unlock(&v->lock);
	return 0;
}

/* REJECT: program exits with a res lock held. */
SEC("tc")
int res_lock_exit_locked(struct __sk_buff *skb)
{
	struct rval *v = rlookup(0);

	if (!v)
		return 0;
	if (bpf_res_spin_lock(&v->lock))
		return 0;
	v->cnt++;
	return 0;
}

/* REJECT: bpf_res_spin_lock on a map value that has no res lock. */
SEC("tc")
int res_lock_no_lock_in_map(struct __sk_buff *skb)
{
	int key = 0;
	long *v = bpf_map_lookup_elem(&rnolock, &key);

	if (!v)
		return 0;
	if (bpf_res_spin_lock((struct bpf_res_spin_lock *)v))
		return 0;
	bpf_res_spin_unlock((struct bpf_res_spin_lock *)v);
	return 0;
}

/* REJECT: a helper called while a res lock is held. */
SEC("tc")
int res_lock_helper_inside(struct __sk_buff *skb)
{
	struct rval *v = rlookup(0);

	if (!v)
		return 0;
	if (bpf_res_spin_lock(&v->lock))
		return 0;
	v->cnt = bpf_ktime_get_ns();
	bpf_res_spin_unlock(&v->lock);
	return 0;
}

/* REJECT: lock pointer at a non-zero offset from the res lock field. */
SEC("tc")
int res_lock_bad_off(struct __sk_buff *skb)
{
	struct rval *v = rlookup(0);

	if (!v)
		return 0;
	if (bpf_res_spin_lock((struct bpf_res_spin_lock *)&v->cnt))
		return 0;
	bpf_res_spin_unlock((struct bpf_res_spin_lock *)&v->cnt);
	return 0;
}

/* REJECT: bpf_res_spin_lock on a stack variable (not a map value or allocated object). */
SEC("tc")
int res_lock_on_stack(struct __sk_buff *skb)
{
	struct bpf_res_spin_lock l = {};

	if (bpf_res_spin_lock(&l))
		return 0;
	bpf_res_spin_unlock(&l);
	return 0;
}

/* REJECT: unlock of a lock that is not held while another one is. */
SEC("tc")
int res_unlock_different(struct __sk_buff *skb)
{
	if (bpf_res_spin_lock(&lock_a))
		return 0;
	bpf_res_spin_unlock(&lock_b);
	return 0;
}

static __noinline int bump(struct rval *v)
{
	if (!v)
		return 0;
	v->cnt++;
	return 0;
}

/* ACCEPT: res lock held across a call to a static subprogram. */
SEC("tc")
int res_lock_static_call_ok(struct __sk_buff *skb)
{
	struct rval *v = rlookup(1);

	if (!v)
		return 0;
	if (bpf_res_spin_lock(&v->lock))
		return 0;
	bump(v);
	bpf_res_spin_unlock(&v->lock);
	return 0;
}

/* ACCEPT: two nested irqsave res locks released in reverse order with their own flags. */
SEC("tc")
int res_lock_nested_irqsave_ok(struct __sk_buff *skb)
{
	unsigned long fa, fb;

	if (bpf_res_spin_lock_irqsave(&lock_a, &fa))
		return 0;
	if (bpf_res_spin_lock_irqsave(&lock_b, &fb)) {
		bpf_res_spin_unlock_irqrestore(&lock_a, &fa);
		return 0;
	}
	bpf_res_spin_unlock_irqrestore(&lock_b, &fb);
	bpf_res_spin_unlock_irqrestore(&lock_a, &fa);
	return 0;
}

/* ACCEPT: res lock checked with `< 0` (the failure path's R0 is in [-MAX_ERRNO, -1]). */
SEC("tc")
int res_lock_negative_check_ok(struct __sk_buff *skb)
{
	struct rval *v = rlookup(0);

	if (!v)
		return 0;
	if (bpf_res_spin_lock(&v->lock) < 0)
		return 0;
	v->cnt--;
	bpf_res_spin_unlock(&v->lock);
	return 0;
}

/* ACCEPT: res lock from a syscall program. */
SEC("syscall")
int res_lock_syscall_ok(void *ctx)
{
	if (bpf_res_spin_lock(&lock_b))
		return 0;
	bpf_res_spin_unlock(&lock_b);
	return 0;
}
