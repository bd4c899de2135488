// SPDX-License-Identifier: GPL-2.0
/* dynptr_more: dynptrs across calls and copies: passed to global and static functions and callbacks, spilled or partly overwritten, clones released with their parent, slices of ring buffer records, map values and the stack as memory. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, char[64]);
} arr SEC(".maps");

char gbuf[32];

__noinline int read_first(struct bpf_dynptr *d)
{
	char c = 0;

	if (!d)
		return 0;
	bpf_dynptr_read(&c, 1, d, 0, 0);
	return c;
}

static __noinline int static_read(struct bpf_dynptr *d)
{
	char c = 0;

	bpf_dynptr_read(&c, 1, d, 0, 0);
	return c;
}

/* ACCEPT: a local dynptr passed to a global function. */
SEC("tc")
int dm_global_arg(struct __sk_buff *skb)
{
	struct bpf_dynptr d;

	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, &d);
	return read_first(&d);
}

/* REJECT: an uninitialised dynptr passed to a global function. */
SEC("tc")
int dm_global_uninit(struct __sk_buff *skb)
{
	struct bpf_dynptr d;

	return read_first(&d);
}

/* ACCEPT: a ringbuf dynptr passed to a static function, then discarded. */
SEC("tc")
int dm_static_ringbuf(struct __sk_buff *skb)
{
	struct bpf_dynptr d;
	int r;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &d);
	r = static_read(&d);
	bpf_ringbuf_discard_dynptr(&d, 0);
	return r;
}

/* ACCEPT: a ringbuf dynptr passed to a global function (only unreferenced or ringbuf dynptrs), then discarded. */
SEC("tc")
int dm_global_ringbuf(struct __sk_buff *skb)
{
	struct bpf_dynptr d;
	int r;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &d);
	r = read_first(&d);
	bpf_ringbuf_discard_dynptr(&d, 0);
	return r;
}

/* REJECT: a clone used after its ringbuf parent is submitted. */
SEC("tc")
int dm_clone_after_submit(struct __sk_buff *skb)
{
	struct bpf_dynptr d, c;
	char x = 0;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &d);
	bpf_dynptr_clone(&d, &c);
	bpf_ringbuf_submit_dynptr(&d, 0);
	bpf_dynptr_read(&x, 1, &c, 0, 0);
	return x;
}

/* ACCEPT: a clone of a ringbuf dynptr submitted instead of its parent. */
SEC("tc")
int dm_submit_clone(struct __sk_buff *skb)
{
	struct bpf_dynptr d, c;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &d);
	bpf_dynptr_clone(&d, &c);
	bpf_ringbuf_submit_dynptr(&c, 0);
	return 0;
}

/* REJECT: a ringbuf dynptr's slot half overwritten. */
SEC("tc")
int dm_half_overwrite(struct __sk_buff *skb)
{
	struct bpf_dynptr d;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &d);
	*((__u32 *)&d + 1) = 0;
	bpf_ringbuf_discard_dynptr(&d, 0);
	return 0;
}

/* REJECT: a local dynptr's slots overwritten, then read through. */
SEC("tc")
int dm_local_overwrite(struct __sk_buff *skb)
{
	struct bpf_dynptr d;
	char x = 0;

	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, &d);
	*(volatile __u64 *)&d = 0;
	bpf_dynptr_read(&x, 1, &d, 0, 0);
	return x;
}

/* ACCEPT: a slice of a ringbuf dynptr written, then the record submitted. */
SEC("tc")
int dm_ringbuf_slice(struct __sk_buff *skb)
{
	struct bpf_dynptr d;
	__u64 *p;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &d);
	p = bpf_dynptr_data(&d, 0, 8);
	if (p)
		*p = skb->len;
	bpf_ringbuf_submit_dynptr(&d, 0);
	return 0;
}

/* REJECT: a ringbuf slice used after the record is submitted. */
SEC("tc")
int dm_ringbuf_slice_after_submit(struct __sk_buff *skb)
{
	struct bpf_dynptr d;
	__u64 *p;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &d);
	p = bpf_dynptr_data(&d, 0, 8);
	bpf_ringbuf_submit_dynptr(&d, 0);
	if (p)
		*p = 1;
	return 0;
}

/* REJECT: a ringbuf slice read past its size. */
SEC("tc")
int dm_ringbuf_slice_oob(struct __sk_buff *skb)
{
	struct bpf_dynptr d;
	__u32 *p;
	int r = 0;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &d);
	p = bpf_dynptr_data(&d, 0, 4);
	if (p)
		r = p[1];
	bpf_ringbuf_discard_dynptr(&d, 0);
	return r;
}

/* ACCEPT: a local dynptr over a map value, sliced and written. */
SEC("tc")
int dm_map_value(struct __sk_buff *skb)
{
	int key = 0;
	char *v = bpf_map_lookup_elem(&arr, &key);
	struct bpf_dynptr d;
	char *p;

	if (!v)
		return 0;
	bpf_dynptr_from_mem(v, 64, 0, &d);
	p = bpf_dynptr_data(&d, 8, 8);
	if (p)
		p[0] = 1;
	return 0;
}

/* REJECT: a local dynptr over a map value larger than the value. */
SEC("tc")
int dm_map_value_too_big(struct __sk_buff *skb)
{
	int key = 0;
	char *v = bpf_map_lookup_elem(&arr, &key);
	struct bpf_dynptr d;

	if (!v)
		return 0;
	bpf_dynptr_from_mem(v, 65, 0, &d);
	return 0;
}

/* REJECT: a local dynptr over a stack buffer (bpf_dynptr_from_mem takes maps and global data only). */
SEC("tc")
int dm_stack_mem(struct __sk_buff *skb)
{
	char buf[16] = {};
	struct bpf_dynptr d;

	bpf_dynptr_from_mem(buf, sizeof(buf), 0, &d);
	return bpf_dynptr_size(&d);
}

/* ACCEPT: bpf_dynptr_from_mem with non-zero flags (refused when it runs). */
SEC("tc")
int dm_from_mem_flags(struct __sk_buff *skb)
{
	struct bpf_dynptr d;

	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 1, &d);
	return 0;
}

/* ACCEPT: a dynptr spilled through a copy of its pointer. */
SEC("tc")
int dm_ptr_copy(struct __sk_buff *skb)
{
	struct bpf_dynptr d, *p = &d;

	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, p);
	return bpf_dynptr_size(p);
}

/* REJECT: a dynptr at a misaligned stack offset. */
SEC("tc")
int dm_misaligned(struct __sk_buff *skb)
{
	char buf[24];

	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, (struct bpf_dynptr *)(buf + 4));
	return 0;
}

static long cb_read(__u64 i, struct bpf_dynptr *d)
{
	char c = 0;

	bpf_dynptr_read(&c, 1, d, 0, 0);
	return 0;
}

/* ACCEPT: a local dynptr read inside a bpf_loop callback. */
SEC("tc")
int dm_in_callback(struct __sk_buff *skb)
{
	struct bpf_dynptr d;

	bpf_dynptr_from_mem(gbuf, sizeof(gbuf), 0, &d);
	bpf_loop(2, cb_read, &d, 0);
	return 0;
}

/* ACCEPT: an skb dynptr passed to a global function. */
SEC("tc")
int dm_global_skb(struct __sk_buff *skb)
{
	struct bpf_dynptr d;

	bpf_dynptr_from_skb(skb, 0, &d);
	return read_first(&d);
}

/* REJECT: a ringbuf dynptr discarded twice. */
SEC("tc")
int dm_double_discard(struct __sk_buff *skb)
{
	struct bpf_dynptr d;

	bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &d);
	bpf_ringbuf_discard_dynptr(&d, 0);
	bpf_ringbuf_discard_dynptr(&d, 0);
	return 0;
}

/* ACCEPT: a failed reservation must still be discarded. */
SEC("tc")
int dm_failed_reserve(struct __sk_buff *skb)
{
	struct bpf_dynptr d;

	if (bpf_ringbuf_reserve_dynptr(&rb, 8, 0, &d)) {
		bpf_ringbuf_discard_dynptr(&d, 0);
		return 0;
	}
	bpf_ringbuf_submit_dynptr(&d, 0);
	return 0;
}

/* ACCEPT: a ringbuf dynptr of variable size (bpf_ringbuf_reserve_dynptr's size is any number). */
SEC("tc")
int dm_reserve_var(struct __sk_buff *skb)
{
	struct bpf_dynptr d;

	bpf_ringbuf_reserve_dynptr(&rb, skb->len & 63, 0, &d);
	bpf_ringbuf_discard_dynptr(&d, 0);
	return 0;
}
