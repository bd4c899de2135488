// SPDX-License-Identifier: GPL-2.0
/* wq: bpf_wq in a map value: init/set_callback/start, the map argument, callback verification. */
#include "corpus.h"

struct wq_val {
	struct bpf_wq wq;
	long cnt;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct wq_val);
} wqmap SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct wq_val);
} wqmap2 SEC(".maps");

static int wq_cb(void *map, int *key, void *value)
{
	struct wq_val *v = value;

	v->cnt++;
	return 0;
}

static int wq_cb_leak(void *map, int *key, void *value)
{
	struct task_struct *t = bpf_task_from_pid(1);

	if (t)
		return t->pid;
	return 0;
}

/* REJECT: init the workqueue with its own map, set the callback, start it (build 6.18.44-fc-v1252 refuses a sleepable callback from a program that is not sleepable). */
SEC("tc")
int wq_ok(struct __sk_buff *skb)
{
	int key = 0;
	struct wq_val *v = bpf_map_lookup_elem(&wqmap, &key);

	if (!v)
		return 0;
	if (bpf_wq_init(&v->wq, &wqmap, 0))
		return 0;
	if (bpf_wq_set_callback(&v->wq, wq_cb, 0))
		return 0;
	bpf_wq_start(&v->wq, 0);
	return 0;
}

/* REJECT: the workqueue at a variable offset in the map value (its offset is checked constant first). */
SEC("tc")
int wq_var_off(struct __sk_buff *skb)
{
	int key = 0;
	struct wq_val *v = bpf_map_lookup_elem(&wqmap, &key);
	unsigned long off = skb->len & 8;

	if (!v)
		return 0;
	bpf_wq_init((void *)&v->wq + off, &wqmap, 0);
	return 0;
}

/* REJECT: bpf_wq on the stack, not in a map value. */
SEC("tc")
int wq_on_stack(struct __sk_buff *skb)
{
	struct bpf_wq wq = {};

	bpf_wq_init(&wq, &wqmap, 0);
	return 0;
}

/* REJECT: the workqueue's map and the map argument differ. */
SEC("tc")
int wq_wrong_map(struct __sk_buff *skb)
{
	int key = 0;
	struct wq_val *v = bpf_map_lookup_elem(&wqmap, &key);

	if (!v)
		return 0;
	bpf_wq_init(&v->wq, &wqmap2, 0);
	return 0;
}

/* REJECT: the callback leaks a task reference (async callbacks are verified too). */
SEC("tc")
int wq_cb_leaks(struct __sk_buff *skb)
{
	int key = 0;
	struct wq_val *v = bpf_map_lookup_elem(&wqmap, &key);

	if (!v)
		return 0;
	if (bpf_wq_init(&v->wq, &wqmap, 0))
		return 0;
	bpf_wq_set_callback(&v->wq, wq_cb_leak, 0);
	return 0;
}

/* REJECT: bpf_wq_init on a map value that holds no bpf_wq at that offset. */
SEC("tc")
int wq_bad_offset(struct __sk_buff *skb)
{
	int key = 0;
	struct wq_val *v = bpf_map_lookup_elem(&wqmap, &key);

	if (!v)
		return 0;
	bpf_wq_init((struct bpf_wq *)&v->cnt, &wqmap, 0);
	return 0;
}

/* ACCEPT: wq kfuncs from a syscall program. */
SEC("syscall")
int wq_syscall_ok(void *ctx)
{
	int key = 0;
	struct wq_val *v = bpf_map_lookup_elem(&wqmap, &key);

	if (!v)
		return 0;
	if (bpf_wq_init(&v->wq, &wqmap, 0))
		return 0;
	bpf_wq_set_callback(&v->wq, wq_cb, 0);
	return 0;
}

/* ACCEPT: bpf_wq_start on an already initialised workqueue (from a syscall program). */
SEC("syscall")
int wq_start_syscall_ok(void *ctx)
{
	int key = 0;
	struct wq_val *v = bpf_map_lookup_elem(&wqmap, &key);

	if (!v)
		return 0;
	bpf_wq_start(&v->wq, 0);
	return 0;
}

/* REJECT: wq kfuncs from a tp_btf program (build 6.18.44-fc-v1252 refuses a sleepable callback from a program that is not sleepable). */
SEC("tp_btf/task_newtask")
int BPF_PROG(wq_tp_btf_ok, struct task_struct *task, u64 clone_flags)
{
	int key = 0;
	struct wq_val *v = bpf_map_lookup_elem(&wqmap2, &key);

	if (!v)
		return 0;
	if (bpf_wq_init(&v->wq, &wqmap2, 0))
		return 0;
	bpf_wq_set_callback(&v->wq, wq_cb, 0);
	bpf_wq_start(&v->wq, 0);
	return 0;
}

/* REJECT: the callback leaks a task reference (numbered after the callback's own registers). */
SEC("syscall")
int wq_cb_leaks_syscall(void *ctx)
{
	int key = 0;
	struct wq_val *v = bpf_map_lookup_elem(&wqmap, &key);

	if (!v)
		return 0;
	if (bpf_wq_init(&v->wq, &wqmap, 0))
		return 0;
	bpf_wq_set_callback(&v->wq, wq_cb_leak, 0);
	return 0;
}
