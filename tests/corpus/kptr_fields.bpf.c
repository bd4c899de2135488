// SPDX-License-Identifier: GPL-2.0
/* kptr_fields: loads and stores that touch kptr fields of map values
 * directly: only a whole, aligned 8-byte load; stores only into
 * unreferenced kptrs, of NULL or a pointer of the field's type; no atomics,
 * no variable offsets, no helper reading the field. */
#include "corpus.h"

struct kfval {
	struct task_struct __kptr *task;
	struct task_struct __kptr_untrusted *utask;
	long pad;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct kfval);
} kfmap SEC(".maps");

static struct kfval *kf_elem(void)
{
	int key = 0;

	return bpf_map_lookup_elem(&kfmap, &key);
}

/* REJECT: NULL stored straight into a referenced kptr (only bpf_kptr_xchg may change it). */
SEC("tp_btf/task_newtask")
int BPF_PROG(kf_store_null_ref, struct task_struct *task, u64 clone_flags)
{
	struct kfval *v = kf_elem();

	if (!v)
		return 0;
	v->task = NULL;
	return 0;
}

/* ACCEPT: a trusted task pointer stored into an unreferenced kptr. */
SEC("tp_btf/task_newtask")
int BPF_PROG(kf_store_unref_ok, struct task_struct *task, u64 clone_flags)
{
	struct kfval *v = kf_elem();

	if (!v)
		return 0;
	v->utask = task;
	return 0;
}

/* REJECT: a pointer of another kernel type stored into the unreferenced task kptr. */
SEC("tp_btf/task_newtask")
int BPF_PROG(kf_store_unref_wrong_type, struct task_struct *task, u64 clone_flags)
{
	struct kfval *v = kf_elem();

	if (!v)
		return 0;
	v->utask = (struct task_struct *)task->mm;
	return 0;
}

/* REJECT: a number stored into the unreferenced kptr. */
SEC("tp_btf/task_newtask")
int BPF_PROG(kf_store_unref_number, struct task_struct *task, u64 clone_flags)
{
	struct kfval *v = kf_elem();

	if (!v)
		return 0;
	v->utask = (struct task_struct *)clone_flags;
	return 0;
}

/* ACCEPT: the unreferenced kptr loaded, checked and read through. */
SEC("tp_btf/task_newtask")
int BPF_PROG(kf_load_unref_ok, struct task_struct *task, u64 clone_flags)
{
	struct kfval *v = kf_elem();
	struct task_struct *t;

	if (!v)
		return 0;
	t = v->utask;
	if (!t)
		return 0;
	return t->pid;
}

/* REJECT: an atomic add on the kptr field. */
SEC("tp_btf/task_newtask")
int BPF_PROG(kf_atomic, struct task_struct *task, u64 clone_flags)
{
	struct kfval *v = kf_elem();

	if (!v)
		return 0;
	__sync_fetch_and_add((long *)&v->utask, 1);
	return 0;
}

/* REJECT: four bytes of the kptr field read. */
SEC("tp_btf/task_newtask")
int BPF_PROG(kf_narrow_read, struct task_struct *task, u64 clone_flags)
{
	struct kfval *v = kf_elem();

	if (!v)
		return 0;
	return *((int *)&v->utask + 1);
}

/* REJECT: a word of the value at a variable index that may be the kptr. */
SEC("tp_btf/task_newtask")
int BPF_PROG(kf_var_off, struct task_struct *task, u64 clone_flags)
{
	struct kfval *v = kf_elem();

	if (!v)
		return 0;
	return ((long *)v)[(clone_flags & 1) + 1];
}

/* REJECT: the value with its kptrs handed to a helper as memory. */
SEC("tp_btf/task_newtask")
int BPF_PROG(kf_value_to_helper, struct task_struct *task, u64 clone_flags)
{
	struct kfval *v = kf_elem();
	int key = 0;

	if (!v)
		return 0;
	return bpf_map_update_elem(&kfmap, &key, v, 0);
}

/* ACCEPT: the word after the kptrs written and read. */
SEC("tp_btf/task_newtask")
int BPF_PROG(kf_pad_ok, struct task_struct *task, u64 clone_flags)
{
	struct kfval *v = kf_elem();

	if (!v)
		return 0;
	v->pad += 1;
	return v->pad;
}

char _license[] SEC("license") = "GPL";
