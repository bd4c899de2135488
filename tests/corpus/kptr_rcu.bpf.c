// SPDX-License-Identifier: GPL-2.0
/* kptr_rcu: what a stashed object loaded in an RCU section (or under a
 * lock) is, and what it is no longer once the section or lock ends. */
#include "corpus.h"

struct counted {
	long data;
	struct bpf_refcount ref;
};

struct linked {
	long data;
	struct bpf_list_node lnode;
	struct bpf_refcount ref;
};

private(K) struct bpf_spin_lock klock;
private(K) struct bpf_list_head khead __contains(linked, lnode);

struct counted_slot {
	struct counted __kptr *p;
};

struct linked_slot {
	struct linked __kptr *p;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct counted_slot);
} counted_stash SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct linked_slot);
} linked_stash SEC(".maps");

/* ACCEPT: a counted object is allocated and freed (which also gives its type complete BTF). */
SEC("tc")
int counted_new(struct __sk_buff *skb)
{
	struct counted *c = bpf_obj_new(typeof(*c));

	if (c)
		bpf_obj_drop(c);
	return 0;
}

/* ACCEPT: a counted object loaded inside the RCU section takes a new reference there. */
SEC("syscall")
int acquire_inside_rcu(void *ctx)
{
	struct counted_slot *s;
	struct counted *c, *r;
	int k = 0;

	s = bpf_map_lookup_elem(&counted_stash, &k);
	if (!s)
		return 0;
	bpf_rcu_read_lock();
	c = s->p;
	if (c) {
		r = bpf_refcount_acquire(c);
		if (r)
			bpf_obj_drop(r);
	}
	bpf_rcu_read_unlock();
	return 0;
}

/* REJECT: after the RCU section the object is untrusted: no reference can be taken. */
SEC("syscall")
int acquire_after_rcu(void *ctx)
{
	struct counted_slot *s;
	struct counted *c, *r;
	int k = 0;

	s = bpf_map_lookup_elem(&counted_stash, &k);
	if (!s)
		return 0;
	bpf_rcu_read_lock();
	c = s->p;
	bpf_rcu_read_unlock();
	if (!c)
		return 0;
	r = bpf_refcount_acquire(c);
	if (r)
		bpf_obj_drop(r);
	return 0;
}

/* REJECT: an object that can sit in a list, loaded under the lock, is gone when the lock is released. */
SEC("syscall")
int linked_after_unlock(void *ctx)
{
	struct linked_slot *s;
	struct linked *l;
	int k = 0;

	s = bpf_map_lookup_elem(&linked_stash, &k);
	if (!s)
		return 0;
	bpf_spin_lock(&klock);
	l = s->p;
	bpf_spin_unlock(&klock);
	if (!l)
		return 0;
	return l->data;
}

/* REJECT: a reference is taken on the object, not on its list node. */
SEC("tc")
int acquire_list_node(struct __sk_buff *skb)
{
	struct linked *l, *r;
	struct bpf_list_node *n;

	l = bpf_obj_new(typeof(*l));
	if (!l)
		return 0;
	bpf_spin_lock(&klock);
	bpf_list_push_front(&khead, &l->lnode);
	n = bpf_list_pop_front(&khead);
	bpf_spin_unlock(&klock);
	if (!n)
		return 0;
	r = bpf_refcount_acquire(n);
	if (r)
		bpf_obj_drop(r);
	bpf_obj_drop(container_of(n, struct linked, lnode));
	return 0;
}

/* REJECT: an object reached untrusted cannot be written. */
SEC("syscall")
int write_after_rcu(void *ctx)
{
	struct counted_slot *s;
	struct counted *c;
	int k = 0;

	s = bpf_map_lookup_elem(&counted_stash, &k);
	if (!s)
		return 0;
	bpf_rcu_read_lock();
	c = s->p;
	bpf_rcu_read_unlock();
	if (c)
		c->data = 1;
	return 0;
}
