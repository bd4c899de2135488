// SPDX-License-Identifier: GPL-2.0
/* A refcounted object stashed in a map's kptr field, written against
 * `kfreg header` and vmlinux.h only. */
#include "vmlinux.h"
#include "kfuncs.h"

struct obj {
	long v;
	struct bpf_refcount ref;
};

struct slot {
	struct obj __kptr *p;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct slot);
} stash SEC(".maps");

SEC("tc")
int kptr_stash(struct __sk_buff *skb)
{
	struct obj *o = bpf_obj_new(struct obj), *second, *old;
	int key = 0;
	struct slot *s;

	if (!o)
		return 0;
	second = bpf_refcount_acquire(o);
	s = bpf_map_lookup_elem(&stash, &key);
	if (!s) {
		bpf_obj_drop(o);
		bpf_obj_drop(second);
		return 0;
	}
	old = bpf_kptr_xchg(&s->p, o);
	if (old)
		bpf_obj_drop(old);
	second->v = 1;
	bpf_obj_drop(second);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
