// SPDX-License-Identifier: GPL-2.0
/* timer_context: a timer callback never runs where it may sleep, even when
 * a sleepable program armed the timer (the kernel's in_sleepable is the
 * state's own: false for a timer callback, the program's elsewhere); so it
 * runs in an implicit RCU read section. */
#include "corpus.h"

struct elem {
	struct bpf_timer t;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct elem);
} timers SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, long);
} tstore SEC(".maps");

static int cb_copies_from_user(void *map, int *key, struct bpf_timer *timer)
{
	__u32 data;

	bpf_copy_from_user(&data, sizeof(data), NULL);
	return 0;
}

static int cb_reads_parent(void *map, int *key, struct bpf_timer *timer)
{
	struct task_struct *t = bpf_get_current_task_btf();

	bpf_task_storage_get(&tstore, t->real_parent, 0, 0);
	return 0;
}

static int cb_does_nothing(void *map, int *key, struct bpf_timer *timer)
{
	return 0;
}

static __always_inline int arm(void *cb)
{
	int k = 0;
	struct elem *v = bpf_map_lookup_elem(&timers, &k);

	if (!v)
		return 0;
	bpf_timer_init(&v->t, &timers, 0);
	bpf_timer_set_callback(&v->t, cb);
	return 0;
}

/* REJECT: a sleepable program's timer callback calls a helper that may sleep. */
SEC("syscall")
int timer_cb_may_not_sleep(void *ctx)
{
	return arm(cb_copies_from_user);
}

/* ACCEPT: a timer callback is an RCU read section: a task's parent is an RCU pointer there. */
SEC("syscall")
int timer_cb_reads_rcu_pointer(void *ctx)
{
	return arm(cb_reads_parent);
}

/* ACCEPT: a sleepable program arms a timer whose callback does nothing, then sleeps itself. */
SEC("syscall")
int sleepable_program_still_sleeps(void *ctx)
{
	__u32 data;

	arm(cb_does_nothing);
	bpf_copy_from_user(&data, sizeof(data), NULL);
	return 0;
}
