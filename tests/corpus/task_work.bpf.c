// SPDX-License-Identifier: GPL-2.0
/* task_work: bpf_task_work_schedule_{signal,resume} with a bpf_task_work in a map value. */
#include "corpus.h"

struct tw_val {
	struct bpf_task_work tw;
	long data;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct tw_val);
} twmap SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct tw_val);
} twmap2 SEC(".maps");

static int tw_cb(struct bpf_map *map, void *key, void *value)
{
	struct tw_val *v = value;

	v->data++;
	return 0;
}

static int tw_cb_leak(struct bpf_map *map, void *key, void *value)
{
	struct cgroup *c = bpf_cgroup_from_id(1);

	return c ? 1 : 0;
}

/* REJECT: schedule a signal-mode task_work on the current task (build 6.18.44-fc-v1252 refuses a sleepable callback from a program that is not sleepable). */
SEC("tp_btf/task_newtask")
int BPF_PROG(tw_signal_ok, struct task_struct *task, u64 clone_flags)
{
	int key = 0;
	struct tw_val *v = bpf_map_lookup_elem(&twmap, &key);

	if (!v)
		return 0;
	bpf_task_work_schedule_signal(task, &v->tw, &twmap, tw_cb);
	return 0;
}

/* ACCEPT: schedule a resume-mode task_work from a syscall program on an acquired task. */
SEC("syscall")
int tw_resume_syscall_ok(void *ctx)
{
	int key = 0;
	struct tw_val *v = bpf_map_lookup_elem(&twmap, &key);
	struct task_struct *t;

	if (!v)
		return 0;
	t = bpf_task_from_pid(1);
	if (!t)
		return 0;
	bpf_task_work_schedule_resume(t, &v->tw, &twmap, tw_cb);
	bpf_task_release(t);
	return 0;
}

/* REJECT: bpf_task_work on the stack. */
SEC("tp_btf/task_newtask")
int BPF_PROG(tw_on_stack, struct task_struct *task, u64 clone_flags)
{
	struct bpf_task_work tw = {};

	bpf_task_work_schedule_signal(task, &tw, &twmap, tw_cb);
	return 0;
}

/* REJECT: the task_work's map and the map argument differ. */
SEC("tp_btf/task_newtask")
int BPF_PROG(tw_wrong_map, struct task_struct *task, u64 clone_flags)
{
	int key = 0;
	struct tw_val *v = bpf_map_lookup_elem(&twmap, &key);

	if (!v)
		return 0;
	bpf_task_work_schedule_signal(task, &v->tw, &twmap2, tw_cb);
	return 0;
}

/* REJECT: a possibly-NULL task (from bpf_task_from_pid) passed unchecked. */
SEC("syscall")
int tw_null_task(void *ctx)
{
	int key = 0;
	struct tw_val *v = bpf_map_lookup_elem(&twmap, &key);
	struct task_struct *t;

	if (!v)
		return 0;
	t = bpf_task_from_pid(1);
	bpf_task_work_schedule_resume(t, &v->tw, &twmap, tw_cb);
	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: the task_work callback leaks a cgroup reference. */
SEC("tp_btf/task_newtask")
int BPF_PROG(tw_cb_leaks, struct task_struct *task, u64 clone_flags)
{
	int key = 0;
	struct tw_val *v = bpf_map_lookup_elem(&twmap, &key);

	if (!v)
		return 0;
	bpf_task_work_schedule_signal(task, &v->tw, &twmap, tw_cb_leak);
	return 0;
}

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, int);
	__type(value, struct tw_val);
} twhash SEC(".maps");

/* REJECT: task_work in a hash map value, resume mode, from tp_btf (build 6.18.44-fc-v1252 refuses a sleepable callback from a program that is not sleepable). */
SEC("tp_btf/task_newtask")
int BPF_PROG(tw_hash_resume_ok, struct task_struct *task, u64 clone_flags)
{
	int key = task->pid & 7;
	struct tw_val *v = bpf_map_lookup_elem(&twhash, &key);

	if (!v)
		return 0;
	bpf_task_work_schedule_resume(task, &v->tw, &twhash, tw_cb);
	return 0;
}

/* REJECT: task_work kfuncs are callable from a tc program too (build 6.18.44-fc-v1252 refuses a sleepable callback from a program that is not sleepable). */
SEC("tc")
int tw_in_tc_ok(struct __sk_buff *skb)
{
	int key = 0;
	struct tw_val *v = bpf_map_lookup_elem(&twmap, &key);
	struct task_struct *t;

	if (!v)
		return 0;
	t = bpf_task_from_pid(1);
	if (!t)
		return 0;
	bpf_task_work_schedule_signal(t, &v->tw, &twmap, tw_cb);
	bpf_task_release(t);
	return 0;
}
