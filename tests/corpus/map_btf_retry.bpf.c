// SPDX-License-Identifier: GPL-2.0
/* map_btf_retry: maps whose BTF the kernel refuses (map_check_btf), which
 * libbpf then creates without it ("Retrying without BTF"): no key type for
 * a hash, an array's key that is no 32-bit integer, a lock or timer in a map
 * type that may not hold one, special fields in a map the program may only
 * read. Without BTF the map's value has no special field: the lock and
 * timer kfuncs say so, and a plain store over their bytes is allowed.
 * libbpf gives queues, stacks and the other fd maps no BTF at all. Found
 * by a helper in generated programs (a timer in a cgroup storage). */
#include "corpus.h"

struct locked {
	struct bpf_spin_lock lock;
	__u32 pad;
	__u64 n;
};

struct timed {
	struct bpf_timer t;
	__u64 n;
};

struct key4 {
	__u32 k;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct locked);
} hash_keyed SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__uint(key_size, 4);
	__type(value, struct locked);
} hash_keyless SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, struct key4);
	__type(value, struct locked);
} array_struct_key SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct locked);
} percpu_locked SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct locked);
} lru_locked SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct timed);
} lru_timed SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct timed);
} percpu_timed SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__uint(map_flags, BPF_F_RDONLY_PROG);
	__type(key, __u32);
	__type(value, struct locked);
} hash_rdonly SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_STORAGE);
	__type(key, struct bpf_cgroup_storage_key);
	__type(value, struct timed);
} cg_timed SEC(".maps");

#define LOCK_IN(map)                                                         \
	__u32 k = 0;                                                         \
	struct locked *v = bpf_map_lookup_elem(&map, &k);                    \
	if (!v)                                                              \
		return 0;                                                    \
	bpf_spin_lock(&v->lock);                                             \
	v->n++;                                                              \
	bpf_spin_unlock(&v->lock);                                           \
	return 0;

#define STORE_OVER_LOCK_IN(map)                                              \
	__u32 k = 0;                                                         \
	struct locked *v = bpf_map_lookup_elem(&map, &k);                    \
	if (!v)                                                              \
		return 0;                                                    \
	*(volatile __u32 *)&v->lock = 1;                                     \
	return 0;

/* ACCEPT: a hash with its key type keeps its lock. */
SEC("tc")
int lock_in_keyed_hash(struct __sk_buff *skb)
{
	LOCK_IN(hash_keyed)
}

/* REJECT: a hash with only a key size has no BTF. */
SEC("tc")
int lock_in_keyless_hash(struct __sk_buff *skb)
{
	LOCK_IN(hash_keyless)
}

/* ACCEPT: ...and its lock's bytes are plain memory. */
SEC("tc")
int store_over_lock_in_keyless_hash(struct __sk_buff *skb)
{
	STORE_OVER_LOCK_IN(hash_keyless)
}

/* REJECT: an array's key must be a 32-bit integer, not a struct. */
SEC("tc")
int lock_in_array_with_struct_key(struct __sk_buff *skb)
{
	LOCK_IN(array_struct_key)
}

/* REJECT: a per-CPU array may hold no lock. */
SEC("tc")
int lock_in_percpu_array(struct __sk_buff *skb)
{
	LOCK_IN(percpu_locked)
}

/* ACCEPT: ...so its bytes are plain memory. */
SEC("tc")
int store_over_lock_in_percpu_array(struct __sk_buff *skb)
{
	STORE_OVER_LOCK_IN(percpu_locked)
}

/* REJECT: nor may an LRU hash. */
SEC("tc")
int lock_in_lru_hash(struct __sk_buff *skb)
{
	LOCK_IN(lru_locked)
}

/* ACCEPT: an LRU hash may hold a timer. */
SEC("tc")
int timer_in_lru_hash(struct __sk_buff *skb)
{
	__u32 k = 0;
	struct timed *v = bpf_map_lookup_elem(&lru_timed, &k);

	if (!v)
		return 0;
	bpf_timer_init(&v->t, &lru_timed, 1);
	return 0;
}

/* REJECT: a per-CPU hash may not. */
SEC("tc")
int timer_in_percpu_hash(struct __sk_buff *skb)
{
	__u32 k = 0;
	struct timed *v = bpf_map_lookup_elem(&percpu_timed, &k);

	if (!v)
		return 0;
	bpf_timer_init(&v->t, &percpu_timed, 1);
	return 0;
}

/* REJECT: special fields in a map the program may only read: no BTF. */
SEC("tc")
int lock_in_read_only_hash(struct __sk_buff *skb)
{
	__u32 k = 0;
	struct locked *v = bpf_map_lookup_elem(&hash_rdonly, &k);

	if (!v)
		return 0;
	bpf_spin_lock(&v->lock);
	bpf_spin_unlock(&v->lock);
	return 0;
}

/* REJECT: a cgroup storage may hold no timer. */
SEC("cgroup_skb/egress")
int timer_in_cgroup_storage(struct __sk_buff *skb)
{
	struct timed *v = bpf_get_local_storage(&cg_timed, 0);

	bpf_timer_init(&v->t, &cg_timed, 1);
	return 1;
}
