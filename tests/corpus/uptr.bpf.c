// SPDX-License-Identifier: GPL-2.0
/* uptr: __uptr fields of task storage values (user memory the map pins):
 * a load is that memory or NULL, the field itself is never stored to, and
 * in an allocated object the same member is no special field. */
#include "corpus.h"

#ifndef __uptr
#define __uptr __attribute__((btf_type_tag("uptr")))
#endif

struct udata {
	int a;
	int b;
	int result;
	int nested_result;
};

/* A use of the struct itself, so that its BTF is not just a forward declaration. */
struct udata udata_template;

struct unested {
	struct udata __uptr *udata;
};

struct uval {
	struct udata __uptr *udata;
	struct unested nested;
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct uval);
} umap SEC(".maps");

static struct uval *uval_of_current(void)
{
	return bpf_task_storage_get(&umap, bpf_get_current_task_btf(), 0,
				    BPF_LOCAL_STORAGE_GET_F_CREATE);
}

/* ACCEPT: the user memory read and written after a NULL check. */
SEC("syscall")
int uptr_rw_ok(void *ctx)
{
	struct uval *v = uval_of_current();

	if (!v || !v->udata)
		return 0;
	v->udata->result = v->udata->a + v->udata->b;
	return 0;
}

/* ACCEPT: a uptr nested in a member struct, read through. */
SEC("syscall")
int uptr_nested_ok(void *ctx)
{
	struct uval *v = uval_of_current();
	struct udata *u;

	if (!v)
		return 0;
	u = v->nested.udata;
	if (!u)
		return 0;
	return u->nested_result;
}

/* REJECT: the user memory used without a NULL check. */
SEC("syscall")
int uptr_no_null_check(void *ctx)
{
	struct uval *v = uval_of_current();

	if (!v)
		return 0;
	v->udata->result = 1;
	return 0;
}

/* REJECT: a read past the end of the user struct. */
SEC("syscall")
int uptr_past_end(void *ctx)
{
	struct uval *v = uval_of_current();
	struct udata *u;

	if (!v)
		return 0;
	u = v->udata;
	if (!u)
		return 0;
	return *(int *)((char *)u + sizeof(*u));
}

/* REJECT: NULL stored into the uptr field. */
SEC("syscall")
int uptr_store_null(void *ctx)
{
	struct uval *v = uval_of_current();

	if (!v)
		return 0;
	v->udata = NULL;
	return 0;
}

/* REJECT: half of the uptr field read. */
SEC("syscall")
int uptr_narrow_read(void *ctx)
{
	struct uval *v = uval_of_current();

	if (!v)
		return 0;
	return *(int *)&v->udata;
}

/* REJECT: in an allocated object the member is a plain number: no memory behind it. */
SEC("syscall")
int uptr_in_obj_new(void *ctx)
{
	struct uval *v = bpf_obj_new(struct uval);

	if (!v)
		return 0;
	if (v->udata)
		v->udata->result = 0;
	bpf_obj_drop(v);
	return 0;
}

char _license[] SEC("license") = "GPL";
