// SPDX-License-Identifier: GPL-2.0
/* value_fields: which members of a map value are special fields, and which
 * bytes they cover (btf_parse_fields when the map is created).
 *
 * A field covers exactly the bytes of its kernel struct
 * (btf_field_type_size): a bpf_res_spin_lock is 4 bytes like a
 * bpf_spin_lock, a bpf_task_work 8, a bpf_wq 16. A load or store touching
 * those bytes is refused, the bytes next to them are plain memory.
 *
 * A member is a field by the name of its own type: a typedef or a
 * qualifier hides it, and so does a union around it (only structs are
 * searched). A member at no byte offset (a bitfield), a pointer with a
 * type tag the kernel does not know (__user), an array of locks or timers,
 * or a second lock in one data section makes the kernel record no field at
 * all: the map is created without them, so no lock or timer in it
 * is valid and their bytes are plain memory. */
#include "corpus.h"

struct res_val {
	struct bpf_res_spin_lock lock;
	int after;
	long more;
};

struct tw_val {
	struct bpf_task_work tw;
	int after;
};

struct wq_val {
	struct bpf_wq wq;
	int after;
};

#define ARRAY_OF(name, vtype)                          \
	struct {                                       \
		__uint(type, BPF_MAP_TYPE_ARRAY);      \
		__uint(max_entries, 1);                \
		__type(key, int);                      \
		__type(value, vtype);                  \
	} name SEC(".maps")

ARRAY_OF(vf_res, struct res_val);
ARRAY_OF(vf_tw, struct tw_val);
ARRAY_OF(vf_wq, struct wq_val);

/* ACCEPT: the int right after a resilient lock is not part of it. */
SEC("tc")
int vf_read_after_res_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct res_val *v = bpf_map_lookup_elem(&vf_res, &k);

	return v ? v->after : 0;
}

/* ACCEPT: nor is it when written. */
SEC("tc")
int vf_write_after_res_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct res_val *v = bpf_map_lookup_elem(&vf_res, &k);

	if (v)
		v->after = 1;
	return 0;
}

/* REJECT: an 8-byte load at the lock covers it. */
SEC("tc")
int vf_read_over_res_lock(struct __sk_buff *skb)
{
	int k = 0;
	struct res_val *v = bpf_map_lookup_elem(&vf_res, &k);

	return v ? *(volatile long *)v & 1 : 0;
}

/* ACCEPT: the int right after a bpf_task_work. */
SEC("tc")
int vf_read_after_task_work(struct __sk_buff *skb)
{
	int k = 0;
	struct tw_val *v = bpf_map_lookup_elem(&vf_tw, &k);

	return v ? v->after : 0;
}

/* REJECT: the last 4 bytes of a bpf_task_work. */
SEC("tc")
int vf_read_task_work_tail(struct __sk_buff *skb)
{
	int k = 0;
	struct tw_val *v = bpf_map_lookup_elem(&vf_tw, &k);

	return v ? *(volatile int *)((char *)v + 4) : 0;
}

/* REJECT: the second half of a bpf_wq. */
SEC("tc")
int vf_read_wq_middle(struct __sk_buff *skb)
{
	int k = 0;
	struct wq_val *v = bpf_map_lookup_elem(&vf_wq, &k);

	return v ? *(volatile long *)((char *)v + 8) & 1 : 0;
}

/* ACCEPT: the int right after a bpf_wq. */
SEC("tc")
int vf_read_after_wq(struct __sk_buff *skb)
{
	int k = 0;
	struct wq_val *v = bpf_map_lookup_elem(&vf_wq, &k);

	return v ? v->after : 0;
}

struct in_union {
	long x;
	union {
		struct bpf_spin_lock lock;
		long y;
	} u;
};

typedef struct bpf_spin_lock lock_t;

struct typedef_lock {
	long x;
	lock_t lock;
};

struct volatile_lock {
	long x;
	volatile struct bpf_spin_lock lock;
};

struct bitfields_timer {
	int a : 3;
	int b : 7;
	struct bpf_timer timer;
};

struct user_pointer_timer {
	struct bpf_timer timer;
	char __attribute__((btf_type_tag("user"))) *buf;
};

struct lock_array {
	struct bpf_spin_lock locks[2];
};

ARRAY_OF(vf_union, struct in_union);
ARRAY_OF(vf_typedef, struct typedef_lock);
ARRAY_OF(vf_volatile, struct volatile_lock);
ARRAY_OF(vf_bitfields, struct bitfields_timer);
ARRAY_OF(vf_array, struct lock_array);
ARRAY_OF(vf_user, struct user_pointer_timer);

private(VF_TWO) struct bpf_spin_lock vf_glock_a;
private(VF_TWO) struct bpf_spin_lock vf_glock_b;

#define LOOKUP(map, type)                                   \
	int k = 0;                                          \
	type *v = bpf_map_lookup_elem(&map, &k);            \
	if (!v)                                             \
		return 0

/* REJECT: a lock inside a union is no field. */
SEC("tc")
int vf_lock_in_union(struct __sk_buff *skb)
{
	LOOKUP(vf_union, struct in_union);
	bpf_spin_lock(&v->u.lock);
	bpf_spin_unlock(&v->u.lock);
	return 0;
}

/* ACCEPT: so its bytes are plain memory. */
SEC("tc")
int vf_read_union_over_lock(struct __sk_buff *skb)
{
	LOOKUP(vf_union, struct in_union);
	return v->u.y;
}

/* REJECT: a lock behind a typedef is no field. */
SEC("tc")
int vf_typedef_lock(struct __sk_buff *skb)
{
	LOOKUP(vf_typedef, struct typedef_lock);
	bpf_spin_lock((void *)&v->lock);
	bpf_spin_unlock((void *)&v->lock);
	return 0;
}

/* ACCEPT: and its bytes are plain memory. */
SEC("tc")
int vf_read_typedef_lock(struct __sk_buff *skb)
{
	LOOKUP(vf_typedef, struct typedef_lock);
	return *(volatile int *)&v->lock;
}

/* REJECT: nor is a volatile lock. */
SEC("tc")
int vf_volatile_lock(struct __sk_buff *skb)
{
	LOOKUP(vf_volatile, struct volatile_lock);
	bpf_spin_lock((void *)&v->lock);
	bpf_spin_unlock((void *)&v->lock);
	return 0;
}

/* REJECT: bitfields in the value: the kernel records no timer. */
SEC("tc")
int vf_timer_beside_bitfields(struct __sk_buff *skb)
{
	LOOKUP(vf_bitfields, struct bitfields_timer);
	bpf_timer_init(&v->timer, &vf_bitfields, 1);
	return 0;
}

/* ACCEPT: and the timer's bytes are plain memory. */
SEC("tc")
int vf_read_timer_beside_bitfields(struct __sk_buff *skb)
{
	LOOKUP(vf_bitfields, struct bitfields_timer);
	return *(volatile long *)&v->timer & 1;
}

/* REJECT: a pointer tagged __user beside the timer: the kernel records no timer. */
SEC("tc")
int vf_timer_beside_user_pointer(struct __sk_buff *skb)
{
	LOOKUP(vf_user, struct user_pointer_timer);
	bpf_timer_init(&v->timer, &vf_user, 1);
	return 0;
}

/* ACCEPT: and the timer's bytes are plain memory. */
SEC("tc")
int vf_read_timer_beside_user_pointer(struct __sk_buff *skb)
{
	LOOKUP(vf_user, struct user_pointer_timer);
	return *(volatile long *)&v->timer & 1;
}

/* REJECT: an array of locks: no lock at all. */
SEC("tc")
int vf_lock_array(struct __sk_buff *skb)
{
	LOOKUP(vf_array, struct lock_array);
	bpf_spin_lock(&v->locks[0]);
	bpf_spin_unlock(&v->locks[0]);
	return 0;
}

/* REJECT: two global locks in one data section: neither is valid. */
SEC("tc")
int vf_two_global_locks(struct __sk_buff *skb)
{
	bpf_spin_lock(&vf_glock_a);
	bpf_spin_unlock(&vf_glock_a);
	return 0;
}

/* ACCEPT: their bytes are plain memory. */
SEC("tc")
int vf_read_two_global_locks(struct __sk_buff *skb)
{
	return *(volatile int *)&vf_glock_b;
}

char _license[] SEC("license") = "GPL";
