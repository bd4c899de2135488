// SPDX-License-Identifier: GPL-2.0
/* callbacks: bpf_loop, bpf_for_each_map_elem, bpf_find_vma and bpf_user_ringbuf_drain callbacks: their arguments, return ranges, references and locks held around them, nesting. */
#include "corpus.h"

struct val {
	long n;
	struct bpf_spin_lock lock;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, int);
	__type(value, long);
} h SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, long);
} pa SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, struct val);
} locked SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_USER_RINGBUF);
	__uint(max_entries, 4096);
} urb SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb SEC(".maps");

struct ctx_t {
	long sum;
	int stop;
};

static int loop_sum(__u64 i, struct ctx_t *c)
{
	c->sum += i;
	return c->stop;
}

static int loop_ret2(__u64 i, void *c)
{
	return 2;
}

static int loop_read_past(__u64 i, struct ctx_t *c)
{
	return ((long *)c)[4] & 1;
}

static int loop_inner(__u64 i, struct ctx_t *c)
{
	c->sum++;
	return 0;
}

static int loop_nested(__u64 i, struct ctx_t *c)
{
	bpf_loop(4, loop_inner, c, 0);
	return 0;
}

static int loop_acquire(__u64 i, void *c)
{
	struct bpf_sock_tuple t = {};

	bpf_sk_lookup_tcp(c, &t, sizeof(t.ipv4), BPF_F_CURRENT_NETNS, 0);
	return 0;
}

static long each_sum(struct bpf_map *map, int *key, long *v, struct ctx_t *c)
{
	c->sum += *v + *key;
	return 0;
}

static long each_write_key(struct bpf_map *map, int *key, long *v, void *c)
{
	*key = 1;
	return 0;
}

static long each_ret5(struct bpf_map *map, int *key, long *v, void *c)
{
	return 5;
}

static long each_value_oob(struct bpf_map *map, int *key, long *v, void *c)
{
	return v[1];
}

static long each_delete(struct bpf_map *map, int *key, long *v, void *c)
{
	bpf_map_delete_elem(map, key);
	return 0;
}

static long vma_cb(struct task_struct *task, struct vm_area_struct *vma, struct ctx_t *c)
{
	c->sum = vma->vm_start;
	return 0;
}

static long vma_ret1(struct task_struct *task, struct vm_area_struct *vma, void *c)
{
	return 1;
}

static long drain_cb(struct bpf_dynptr *d, struct ctx_t *c)
{
	long x;

	if (bpf_dynptr_read(&x, sizeof(x), d, 0, 0))
		return 1;
	c->sum += x;
	return 0;
}

static long drain_release(struct bpf_dynptr *d, void *c)
{
	bpf_ringbuf_discard_dynptr(d, 0);
	return 0;
}

/* ACCEPT: bpf_loop with a callback summing into the caller's stack. */
SEC("tc")
int cb_loop_ok(struct __sk_buff *skb)
{
	struct ctx_t c = {};

	bpf_loop(16, loop_sum, &c, 0);
	return c.sum & 1;
}

/* REJECT: bpf_loop's callback returns 2. */
SEC("tc")
int cb_loop_ret(struct __sk_buff *skb)
{
	bpf_loop(16, loop_ret2, 0, 0);
	return 0;
}

/* REJECT: bpf_loop's callback reads past the context it was given. */
SEC("tc")
int cb_loop_read_past(struct __sk_buff *skb)
{
	struct ctx_t c = {};

	bpf_loop(4, loop_read_past, &c, 0);
	return 0;
}

/* ACCEPT: bpf_loop nested in a bpf_loop callback. */
SEC("tc")
int cb_loop_nested(struct __sk_buff *skb)
{
	struct ctx_t c = {};

	bpf_loop(4, loop_nested, &c, 0);
	return c.sum & 1;
}

/* ACCEPT: bpf_loop's flags are not zero (checked when it runs, not by the verifier). */
SEC("tc")
int cb_loop_flags(struct __sk_buff *skb)
{
	struct ctx_t c = {};

	bpf_loop(4, loop_sum, &c, 1);
	return 0;
}

/* REJECT: bpf_loop's context is the program's context, not stack memory. */
SEC("tc")
int cb_loop_leak(struct __sk_buff *skb)
{
	bpf_loop(4, loop_acquire, skb, 0);
	return 0;
}

/* REJECT: bpf_loop under a spin lock. */
SEC("tc")
int cb_loop_locked(struct __sk_buff *skb)
{
	int key = 0;
	struct val *v = bpf_map_lookup_elem(&locked, &key);
	struct ctx_t c = {};

	if (!v)
		return 0;
	bpf_spin_lock(&v->lock);
	bpf_loop(4, loop_sum, &c, 0);
	bpf_spin_unlock(&v->lock);
	return 0;
}

/* ACCEPT: a hash map walked with bpf_for_each_map_elem. */
SEC("tc")
int cb_each_hash(struct __sk_buff *skb)
{
	struct ctx_t c = {};

	bpf_for_each_map_elem(&h, each_sum, &c, 0);
	return c.sum & 1;
}

/* ACCEPT: a per-CPU array walked. */
SEC("xdp")
int cb_each_percpu(struct xdp_md *ctx)
{
	struct ctx_t c = {};

	bpf_for_each_map_elem(&pa, each_sum, &c, 0);
	return XDP_PASS;
}

/* REJECT: the callback writes the key. */
SEC("tc")
int cb_each_write_key(struct __sk_buff *skb)
{
	bpf_for_each_map_elem(&h, each_write_key, 0, 0);
	return 0;
}

/* REJECT: the callback returns 5. */
SEC("tc")
int cb_each_ret(struct __sk_buff *skb)
{
	bpf_for_each_map_elem(&h, each_ret5, 0, 0);
	return 0;
}

/* REJECT: the callback reads past the value. */
SEC("tc")
int cb_each_value_oob(struct __sk_buff *skb)
{
	bpf_for_each_map_elem(&h, each_value_oob, 0, 0);
	return 0;
}

/* ACCEPT: the callback deletes the element it was given. */
SEC("tc")
int cb_each_delete(struct __sk_buff *skb)
{
	bpf_for_each_map_elem(&h, each_delete, 0, 0);
	return 0;
}

/* REJECT: a ring buffer is not walked. */
SEC("tc")
int cb_each_ringbuf(struct __sk_buff *skb)
{
	bpf_for_each_map_elem(&rb, each_sum, 0, 0);
	return 0;
}

/* ACCEPT: bpf_find_vma of the current task. */
SEC("kprobe/do_nanosleep")
int cb_find_vma(struct pt_regs *ctx)
{
	struct ctx_t c = {};

	bpf_find_vma(bpf_get_current_task_btf(), 0, vma_cb, &c, 0);
	return c.sum & 1;
}

/* ACCEPT: bpf_find_vma's callback returns 1 (its range is [0, 1]). */
SEC("kprobe/do_nanosleep")
int cb_find_vma_ret(struct pt_regs *ctx)
{
	bpf_find_vma(bpf_get_current_task_btf(), 0, vma_ret1, 0, 0);
	return 0;
}

/* REJECT: bpf_find_vma of a task that is not a BTF pointer. */
SEC("kprobe/do_nanosleep")
int cb_find_vma_scalar(struct pt_regs *ctx)
{
	bpf_find_vma((void *)bpf_get_current_task(), 0, vma_cb, 0, 0);
	return 0;
}

/* ACCEPT: a user ring buffer drained, each sample read through its dynptr. */
SEC("kprobe/do_nanosleep")
int cb_drain(struct pt_regs *ctx)
{
	struct ctx_t c = {};

	bpf_user_ringbuf_drain(&urb, drain_cb, &c, 0);
	return c.sum & 1;
}

/* REJECT: the drain callback releases its dynptr. */
SEC("kprobe/do_nanosleep")
int cb_drain_release(struct pt_regs *ctx)
{
	bpf_user_ringbuf_drain(&urb, drain_release, 0, 0);
	return 0;
}

/* REJECT: a kernel ring buffer drained. */
SEC("kprobe/do_nanosleep")
int cb_drain_kernel_rb(struct pt_regs *ctx)
{
	bpf_user_ringbuf_drain(&rb, drain_cb, 0, 0);
	return 0;
}

/* REJECT: bpf_loop with a map value as its context (only stack memory). */
SEC("tc")
int cb_loop_map_ctx(struct __sk_buff *skb)
{
	int key = 0;
	long *v = bpf_map_lookup_elem(&h, &key);

	if (!v)
		return 0;
	bpf_loop(2, loop_inner, v, 0);
	return 0;
}

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 4);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, __u64);
	__type(value, long);
} trie SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, long);
} lru SEC(".maps");

/* REJECT: an LPM trie is not walked. */
SEC("tc")
int cb_each_trie(struct __sk_buff *skb)
{
	bpf_for_each_map_elem(&trie, each_sum, 0, 0);
	return 0;
}

/* ACCEPT: an LRU per-CPU hash walked. */
SEC("tc")
int cb_each_lru(struct __sk_buff *skb)
{
	struct ctx_t c = {};

	bpf_for_each_map_elem(&lru, each_sum, &c, 0);
	return c.sum & 1;
}

static long each_key_helper(struct bpf_map *map, int *key, long *v, void *c)
{
	bpf_get_prandom_u32();
	return bpf_probe_read_kernel(key, sizeof(*key), 0) & 0;
}

/* REJECT: the callback has a helper write its key. */
SEC("kprobe/do_nanosleep")
int cb_each_key_helper(struct pt_regs *ctx)
{
	bpf_for_each_map_elem(&h, each_key_helper, 0, 0);
	return 0;
}

static int loop_task_leak(__u64 i, void *c)
{
	struct task_struct *t = bpf_task_from_pid(1);

	return t ? 0 : 1;
}

/* REJECT: a bpf_loop callback leaks a task reference. */
SEC("tc")
int cb_loop_task_leak(struct __sk_buff *skb)
{
	bpf_loop(2, loop_task_leak, 0, 0);
	return 0;
}

static long each_task_leak(struct bpf_map *map, int *key, long *v, void *c)
{
	struct task_struct *t = bpf_task_from_pid(1);

	return t ? 0 : 1;
}

/* REJECT: a bpf_for_each_map_elem callback leaks a task reference. */
SEC("tc")
int cb_each_task_leak(struct __sk_buff *skb)
{
	bpf_for_each_map_elem(&h, each_task_leak, 0, 0);
	return 0;
}
