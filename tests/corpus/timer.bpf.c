// SPDX-License-Identifier: GPL-2.0
/* timer: bpf_timer in map values (plain and inner maps): init/set_callback/start/cancel, the timer's position, the map argument, async callback checks. */
#include "corpus.h"

struct tval {
	long cnt;
	struct bpf_timer t;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, int);
	__type(value, struct tval);
} tmap SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, int);
	__type(value, struct tval);
} thash SEC(".maps");

struct plain {
	long a;
	long b;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct plain);
} pmap SEC(".maps");

struct inner_t {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct tval);
} inner1 SEC(".maps"), inner2 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 2);
	__type(key, int);
	__array(values, struct inner_t);
} outer SEC(".maps") = {
	.values = { &inner1, &inner2 },
};

static int cb_ok(void *map, int *key, struct tval *v)
{
	v->cnt++;
	return 0;
}

static int cb_ret1(void *map, int *key, struct tval *v)
{
	return 1;
}

static int cb_rearm(void *map, int *key, struct tval *v)
{
	bpf_timer_start(&v->t, 1000, 0);
	return 0;
}

static int cb_leak(void *map, int *key, struct tval *v)
{
	struct task_struct *t = bpf_task_from_pid(1);

	if (t)
		v->cnt = t->pid;
	return 0;
}

static int cb_key(void *map, int *key, struct tval *v)
{
	return *key == 0 ? 0 : 0;
}

static __always_inline struct tval *lookup(void)
{
	int key = 0;

	return bpf_map_lookup_elem(&tmap, &key);
}

/* ACCEPT: init with its own map, set a callback, start and cancel. */
SEC("tc")
int timer_ok(struct __sk_buff *skb)
{
	struct tval *v = lookup();

	if (!v)
		return 0;
	bpf_timer_init(&v->t, &tmap, 1);
	bpf_timer_set_callback(&v->t, cb_ok);
	bpf_timer_start(&v->t, 1000, 0);
	bpf_timer_cancel(&v->t);
	return 0;
}

/* ACCEPT: a timer in a hash map value; the callback re-arms itself. */
SEC("tc")
int timer_hash_rearm(struct __sk_buff *skb)
{
	int key = 3;
	struct tval *v = bpf_map_lookup_elem(&thash, &key);

	if (!v)
		return 0;
	bpf_timer_init(&v->t, &thash, 0);
	bpf_timer_set_callback(&v->t, cb_rearm);
	return 0;
}

/* ACCEPT: the callback reads its key. */
SEC("xdp")
int timer_cb_key(struct xdp_md *ctx)
{
	struct tval *v = lookup();

	if (!v)
		return 0;
	bpf_timer_set_callback(&v->t, cb_key);
	return 0;
}

/* REJECT: a timer of one map initialised with another. */
SEC("tc")
int timer_wrong_map(struct __sk_buff *skb)
{
	struct tval *v = lookup();

	if (!v)
		return 0;
	bpf_timer_init(&v->t, &thash, 0);
	return 0;
}

/* REJECT: the map value holds no timer. */
SEC("tc")
int timer_no_timer(struct __sk_buff *skb)
{
	int key = 0;
	struct plain *p = bpf_map_lookup_elem(&pmap, &key);

	if (!p)
		return 0;
	bpf_timer_init((struct bpf_timer *)p, &pmap, 0);
	return 0;
}

/* REJECT: the pointer is not at the timer's offset. */
SEC("tc")
int timer_bad_off(struct __sk_buff *skb)
{
	struct tval *v = lookup();

	if (!v)
		return 0;
	bpf_timer_cancel((struct bpf_timer *)&v->cnt);
	return 0;
}

/* REJECT: a timer on the stack. */
SEC("tc")
int timer_on_stack(struct __sk_buff *skb)
{
	struct bpf_timer t = {};

	bpf_timer_cancel(&t);
	return 0;
}

/* REJECT: the timer's pointer may be NULL. */
SEC("tc")
int timer_maybe_null(struct __sk_buff *skb)
{
	int key = 1;
	struct tval *v = bpf_map_lookup_elem(&thash, &key);

	bpf_timer_cancel(&v->t);
	return 0;
}

/* REJECT: the timer is read directly. */
SEC("tc")
int timer_direct_load(struct __sk_buff *skb)
{
	struct tval *v = lookup();

	if (!v)
		return 0;
	return *(long *)&v->t;
}

/* REJECT: the timer is written directly. */
SEC("tc")
int timer_direct_store(struct __sk_buff *skb)
{
	struct tval *v = lookup();

	if (!v)
		return 0;
	*(long *)&v->t = 0;
	return 0;
}

/* REJECT: the timer callback returns 1, not 0. */
SEC("tc")
int timer_cb_ret(struct __sk_buff *skb)
{
	struct tval *v = lookup();

	if (!v)
		return 0;
	bpf_timer_set_callback(&v->t, cb_ret1);
	return 0;
}

/* REJECT: the timer callback leaks a task reference. */
SEC("tc")
int timer_cb_leak(struct __sk_buff *skb)
{
	struct tval *v = lookup();

	if (!v)
		return 0;
	bpf_timer_set_callback(&v->t, cb_leak);
	return 0;
}

/* REJECT: the callback argument is not a function. */
SEC("tc")
int timer_cb_not_func(struct __sk_buff *skb)
{
	struct tval *v = lookup();

	if (!v)
		return 0;
	bpf_timer_set_callback(&v->t, (void *)v);
	return 0;
}

/* REJECT: the timer's offset is not constant. */
SEC("tc")
int timer_var_off(struct __sk_buff *skb)
{
	struct tval *v = lookup();
	__u32 i = skb->len & 8;

	if (!v)
		return 0;
	bpf_timer_cancel((void *)v + i);
	return 0;
}

/* ACCEPT: a timer in an inner map, initialised with the inner map it was looked up in. */
SEC("tc")
int timer_inner_ok(struct __sk_buff *skb)
{
	int key = 0;
	void *in = bpf_map_lookup_elem(&outer, &key);
	struct tval *v;

	if (!in)
		return 0;
	v = bpf_map_lookup_elem(in, &key);
	if (!v)
		return 0;
	bpf_timer_init(&v->t, in, 0);
	bpf_timer_set_callback(&v->t, cb_ok);
	return 0;
}

/* REJECT: a timer of one inner map initialised with another lookup's inner map. */
SEC("tc")
int timer_inner_mismatch(struct __sk_buff *skb)
{
	int key = 0, key1 = 1;
	void *in1 = bpf_map_lookup_elem(&outer, &key);
	void *in2 = bpf_map_lookup_elem(&outer, &key1);
	struct tval *v;

	if (!in1 || !in2)
		return 0;
	v = bpf_map_lookup_elem(in1, &key);
	if (!v)
		return 0;
	bpf_timer_init(&v->t, in2, 0);
	return 0;
}

/* REJECT: a timer of an inner map initialised with the outer map. */
SEC("tc")
int timer_inner_outer(struct __sk_buff *skb)
{
	int key = 0;
	void *in = bpf_map_lookup_elem(&outer, &key);
	struct tval *v;

	if (!in)
		return 0;
	v = bpf_map_lookup_elem(in, &key);
	if (!v)
		return 0;
	bpf_timer_init(&v->t, &outer, 0);
	return 0;
}

/* REJECT: a timer of an inner map initialised with the inner map's template. */
SEC("tc")
int timer_inner_template(struct __sk_buff *skb)
{
	int key = 0;
	void *in = bpf_map_lookup_elem(&outer, &key);
	struct tval *v;

	if (!in)
		return 0;
	v = bpf_map_lookup_elem(in, &key);
	if (!v)
		return 0;
	bpf_timer_init(&v->t, &inner1, 0);
	return 0;
}

/* REJECT: the inner map pointer may be NULL. */
SEC("tc")
int timer_inner_null(struct __sk_buff *skb)
{
	int key = 0;
	void *in = bpf_map_lookup_elem(&outer, &key);
	struct tval *v = lookup();

	if (!v)
		return 0;
	return bpf_map_lookup_elem(in, &key) != 0;
}
