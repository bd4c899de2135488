// SPDX-License-Identifier: GPL-2.0
/* async_callback_pruning: an asynchronous callback is verified from the
 * bottom of a path of its own, whose frame no call entered (the kernel's
 * BPF_MAIN_FUNC call site): the same callback queued by two calls is
 * verified once, the second path pruned by the first. A call queueing one,
 * helper or kfunc, is a prune point (the counts differ otherwise). */
#include "corpus.h"

struct tval {
	__u64 cnt;
	struct bpf_timer t;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct tval);
} timers SEC(".maps");

struct wval {
	__u64 cnt;
	struct bpf_wq w;
	__u32 flag;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct wval);
} works SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, __u64);
} counts SEC(".maps");

static int count_timer(void *map, int *key, struct tval *v)
{
	v->cnt++;
	return 0;
}

static int count_work(void *map, int *key, void *value)
{
	struct wval *v = value;
	int k = 0;
	__u64 *c = bpf_map_lookup_elem(&counts, &k);

	if (c)
		*c = v->cnt;
	return 0;
}

/* ACCEPT: one timer callback set from two calls. */
SEC("tc")
int timer_callback_set_twice(struct __sk_buff *skb)
{
	int k = 0;
	struct tval *v = bpf_map_lookup_elem(&timers, &k);

	if (!v)
		return 0;
	bpf_timer_init(&v->t, &timers, 1);
	bpf_timer_set_callback(&v->t, count_timer);
	bpf_timer_set_callback(&v->t, count_timer);
	return 0;
}

/* ACCEPT: one work callback set from two calls. */
SEC("syscall")
int work_callback_set_twice(void *ctx)
{
	int k = 0;
	struct wval *v = bpf_map_lookup_elem(&works, &k);

	if (!v)
		return 0;
	if (bpf_wq_init(&v->w, &works, 0))
		return 0;
	bpf_wq_set_callback_impl(&v->w, count_work, 0, NULL);
	bpf_wq_set_callback_impl(&v->w, count_work, 0, NULL);
	return 0;
}

/* ACCEPT: a work callback set on one branch only. */
SEC("syscall")
int work_callback_set_on_a_branch(void *ctx)
{
	int k = 0;
	struct wval *v = bpf_map_lookup_elem(&works, &k);

	if (!v)
		return 0;
	if (bpf_wq_init(&v->w, &works, 0))
		return 0;
	if (v->flag)
		bpf_wq_set_callback_impl(&v->w, count_work, 0, NULL);
	bpf_wq_start(&v->w, 0);
	return 0;
}
