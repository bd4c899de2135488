// SPDX-License-Identifier: GPL-2.0
/* work_maps: a workqueue or task work item must be given the very map that
 * holds it, whatever the other map holds; the kernel's message names the
 * kfunc's own kind of work item. */
#include "corpus.h"

struct wq_val {
	struct bpf_wq w;
};

struct tw_val {
	struct bpf_task_work tw;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct wq_val);
} wqs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct tw_val);
} tws SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} plain SEC(".maps");

static int tw_cb(struct bpf_map *map, void *key, void *value)
{
	return 0;
}

/* REJECT: a workqueue initialised with a map of plain values. */
SEC("tc")
int wq_with_plain_map(struct __sk_buff *skb)
{
	int k = 0;
	struct wq_val *v = bpf_map_lookup_elem(&wqs, &k);

	if (!v)
		return 0;
	bpf_wq_init(&v->w, &plain, 0);
	return 0;
}

/* REJECT: a workqueue initialised with a map of task work items. */
SEC("tc")
int wq_with_task_work_map(struct __sk_buff *skb)
{
	int k = 0;
	struct wq_val *v = bpf_map_lookup_elem(&wqs, &k);

	if (!v)
		return 0;
	bpf_wq_init(&v->w, &tws, 0);
	return 0;
}

/* REJECT: task work scheduled with a map of plain values. */
SEC("syscall")
int task_work_with_plain_map(void *ctx)
{
	int k = 0;
	struct tw_val *v = bpf_map_lookup_elem(&tws, &k);
	struct task_struct *t;

	if (!v)
		return 0;
	t = bpf_task_from_pid(1);
	if (!t)
		return 0;
	bpf_task_work_schedule_resume(t, &v->tw, &plain, tw_cb);
	bpf_task_release(t);
	return 0;
}

/* REJECT: task work scheduled with a map of workqueues. */
SEC("syscall")
int task_work_with_wq_map(void *ctx)
{
	int k = 0;
	struct tw_val *v = bpf_map_lookup_elem(&tws, &k);
	struct task_struct *t;

	if (!v)
		return 0;
	t = bpf_task_from_pid(1);
	if (!t)
		return 0;
	bpf_task_work_schedule_resume(t, &v->tw, &wqs, tw_cb);
	bpf_task_release(t);
	return 0;
}
