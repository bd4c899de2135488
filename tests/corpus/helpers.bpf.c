// SPDX-License-Identifier: GPL-2.0
/* helpers: plain BPF (no kfuncs): map lookups, NULL checks, bounds, packet access, stack, ctx, loops. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, long);
} arr SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, int);
	__type(value, long);
} hash SEC(".maps");

/* ACCEPT: hash lookup with a NULL check, update in place. */
SEC("tc")
int h_lookup_ok(struct __sk_buff *skb)
{
	int key = skb->len & 7;
	long *v = bpf_map_lookup_elem(&hash, &key);

	if (!v)
		return 0;
	__sync_fetch_and_add(v, 1);
	return 0;
}

/* REJECT: map lookup result dereferenced without a NULL check. */
SEC("tc")
int h_lookup_no_null_check(struct __sk_buff *skb)
{
	int key = 0;
	long *v = bpf_map_lookup_elem(&hash, &key);

	return *v;
}

/* REJECT: read past the 8-byte map value. */
SEC("tc")
int h_map_value_oob(struct __sk_buff *skb)
{
	int key = 0;
	long *v = bpf_map_lookup_elem(&arr, &key);

	if (!v)
		return 0;
	return v[1];
}

/* REJECT: map value indexed by an unbounded offset. */
SEC("tc")
int h_map_value_var_oob(struct __sk_buff *skb)
{
	int key = 0;
	char *v = bpf_map_lookup_elem(&arr, &key);

	if (!v)
		return 0;
	return v[skb->len];
}

/* ACCEPT: map value indexed by a masked offset (bounded to the value size). */
SEC("tc")
int h_map_value_masked_ok(struct __sk_buff *skb)
{
	int key = 0;
	char *v = bpf_map_lookup_elem(&arr, &key);

	if (!v)
		return 0;
	return v[skb->len & 7];
}

/* ACCEPT: bounds-checked direct packet read in tc. */
SEC("tc")
int h_pkt_ok(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data, *end = (void *)(long)skb->data_end;
	struct ethhdr *eth = data;

	if ((void *)(eth + 1) > end)
		return 0;
	return eth->h_proto;
}

/* REJECT: direct packet read without a bounds check. */
SEC("tc")
int h_pkt_no_bounds(struct __sk_buff *skb)
{
	struct ethhdr *eth = (void *)(long)skb->data;

	return eth->h_proto;
}

/* REJECT: packet read one byte past the checked range. */
SEC("xdp")
int h_pkt_off_by_one(struct xdp_md *ctx)
{
	__u8 *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;

	if (data + 14 > end)
		return XDP_PASS;
	return data[14];
}

/* ACCEPT: xdp bounds-checked write into the packet. */
SEC("xdp")
int h_xdp_write_ok(struct xdp_md *ctx)
{
	__u8 *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;

	if (data + 1 > end)
		return XDP_PASS;
	data[0] = 0xff;
	return XDP_PASS;
}

/* ACCEPT: read of an uninitialised stack slot (allowed for a privileged loader: CAP_PERFMON). */
SEC("tc")
__attribute__((naked)) int h_stack_uninit_read(void)
{
	asm volatile("r0 = *(u64 *)(r10 - 8); exit;" ::: "memory");
}

/* REJECT: use of an uninitialised register. */
SEC("tc")
__attribute__((naked)) int h_reg_uninit(void)
{
	asm volatile("r0 = r5; exit;" ::: "memory");
}

/* REJECT: stack write below the 512-byte frame. */
SEC("tc")
__attribute__((naked)) int h_stack_oob_write(void)
{
	asm volatile("r1 = 0; *(u64 *)(r10 - 520) = r1; r0 = 0; exit;" ::: "memory");
}

/* ACCEPT: bounded loop (clang keeps the loop, the verifier walks it). */
SEC("tc")
int h_bounded_loop_ok(struct __sk_buff *skb)
{
	int sum = 0;

	for (int i = 0; i < 32; i++) {
		barrier_var(i);
		sum += i * skb->len;
	}
	return sum;
}

/* REJECT: an infinite loop. */
SEC("tc")
__attribute__((naked)) int h_infinite_loop(void)
{
	asm volatile("r0 = 0; l_%=: if r0 == 0 goto l_%=; exit;" ::: "memory");
}

/* REJECT: a helper the program type does not offer (bpf_xdp_adjust_head in tc). */
SEC("tc")
int h_helper_not_allowed(struct __sk_buff *skb)
{
	return bpf_xdp_adjust_head((struct xdp_md *)skb, 4);
}

/* REJECT: cgroup_skb must return 0 or 1. */
SEC("cgroup_skb/ingress")
int h_bad_return_range(struct __sk_buff *skb)
{
	return 5;
}

/* ACCEPT: cgroup_skb returning 1. */
SEC("cgroup_skb/ingress")
int h_good_return_ok(struct __sk_buff *skb)
{
	return 1;
}

/* REJECT: pointer arithmetic on a map_value_or_null before the NULL check. */
SEC("tc")
__attribute__((naked)) int h_arith_on_nullable(void)
{
	asm volatile(
		"r1 = 0;"
		"*(u32 *)(r10 - 4) = r1;"
		"r2 = r10;"
		"r2 += -4;"
		"r1 = %[arr] ll;"
		"call %[lookup];"
		"r0 += 8;"
		"if r0 == 0 goto l0_%=;"
		"r0 = *(u64 *)(r0 + 0);"
		"l0_%=: r0 = 0;"
		"exit;"
		:
		: [arr] "i"(&hash), [lookup] "i"(bpf_map_lookup_elem)
		: "memory");
}

/* REJECT: write to a read-only __sk_buff field (len). */
SEC("tc")
int h_ctx_write_ro(struct __sk_buff *skb)
{
	skb->len = 0;
	return 0;
}

/* ACCEPT: write to a writable __sk_buff field (mark). */
SEC("tc")
int h_ctx_write_ok(struct __sk_buff *skb)
{
	skb->mark = 1;
	return 0;
}

/* REJECT: NULL passed as the key of bpf_map_lookup_elem. */
SEC("tc")
int h_null_key(struct __sk_buff *skb)
{
	long *v = bpf_map_lookup_elem(&arr, NULL);

	return v ? *v : 0;
}

/* ACCEPT: bpf_probe_read_kernel of a task field in a tp_btf program. */
SEC("tp_btf/task_newtask")
int BPF_PROG(h_probe_read_ok, struct task_struct *task, u64 clone_flags)
{
	int pid = 0;

	bpf_probe_read_kernel(&pid, sizeof(pid), &task->pid);
	return pid;
}

/* ACCEPT: direct BTF field read of a tp_btf argument. */
SEC("tp_btf/task_newtask")
int BPF_PROG(h_btf_read_ok, struct task_struct *task, u64 clone_flags)
{
	return task->tgid;
}

/* REJECT: store to a kernel struct through a tp_btf argument. */
SEC("tp_btf/task_newtask")
int BPF_PROG(h_btf_write, struct task_struct *task, u64 clone_flags)
{
	task->prio = 1;
	return 0;
}

__noinline int global_add(long *v, long d)
{
	if (!v)
		return 0;
	*v += d;
	return 0;
}

/* ACCEPT: a global (non-static) subprogram with a map-value argument, called outside any lock. */
SEC("tc")
int h_global_subprog_ok(struct __sk_buff *skb)
{
	int key = 1;
	long *v = bpf_map_lookup_elem(&arr, &key);

	return global_add(v, 2);
}

/* REJECT: bpf_tail_call with a non prog-array map. */
SEC("tc")
int h_tail_call_wrong_map(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &arr, 0);
	return 0;
}

/* ACCEPT: 32-bit division by a runtime value (division by zero is defined in BPF). */
SEC("tc")
int h_div_ok(struct __sk_buff *skb)
{
	__u32 d = skb->mark;

	return skb->len / d;
}

/* REJECT: division by the constant zero. */
SEC("tc")
__attribute__((naked)) int h_div_const_zero(void)
{
	asm volatile("r0 = 5; r0 /= 0; exit;" ::: "memory");
}

/* REJECT: jump out of the program's range. */
SEC("tc")
__attribute__((naked)) int h_jump_out_of_range(void)
{
	asm volatile("goto +5; r0 = 0; exit;" ::: "memory");
}

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} pcpu SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} hrb SEC(".maps");

static long loop_cb(__u64 idx, void *ctx)
{
	long *sum = ctx;

	*sum += idx;
	return 0;
}

static long each_cb(struct bpf_map *map, int *key, long *val, void *ctx)
{
	*(long *)ctx += *val;
	return 0;
}

/* ACCEPT: per-CPU array counter. */
SEC("tc")
int h_percpu_ok(struct __sk_buff *skb)
{
	int key = 0;
	long *v = bpf_map_lookup_elem(&pcpu, &key);

	if (v)
		*v += 1;
	return 0;
}

/* ACCEPT: bpf_ringbuf_reserve + submit. */
SEC("tc")
int h_ringbuf_ok(struct __sk_buff *skb)
{
	__u32 *e = bpf_ringbuf_reserve(&hrb, sizeof(*e), 0);

	if (!e)
		return 0;
	*e = skb->len;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

/* REJECT: ringbuf record reserved but never submitted or discarded. */
SEC("tc")
int h_ringbuf_leak(struct __sk_buff *skb)
{
	__u32 *e = bpf_ringbuf_reserve(&hrb, sizeof(*e), 0);

	if (!e)
		return 0;
	*e = skb->len;
	return 0;
}

/* ACCEPT: bpf_loop with a static callback. */
SEC("tc")
int h_bpf_loop_ok(struct __sk_buff *skb)
{
	long sum = 0;

	bpf_loop(16, loop_cb, &sum, 0);
	return sum;
}

/* ACCEPT: bpf_for_each_map_elem over an array. */
SEC("tc")
int h_for_each_ok(struct __sk_buff *skb)
{
	long sum = 0;

	bpf_for_each_map_elem(&arr, each_cb, &sum, 0);
	return sum;
}

/* ACCEPT: bpf_get_current_pid_tgid + bpf_get_current_comm in a tp_btf program. */
SEC("tp_btf/task_newtask")
int BPF_PROG(h_current_ok, struct task_struct *task, u64 clone_flags)
{
	char comm[16];

	bpf_get_current_comm(comm, sizeof(comm));
	return (bpf_get_current_pid_tgid() >> 32) + comm[0];
}

/* ACCEPT: bpf_probe_read_kernel_str of the task's comm. */
SEC("tp_btf/task_newtask")
int BPF_PROG(h_probe_read_str_ok, struct task_struct *task, u64 clone_flags)
{
	char comm[16];

	return bpf_probe_read_kernel_str(comm, sizeof(comm), task->comm);
}

/* ACCEPT: bpf_skb_load_bytes into a stack buffer. */
SEC("tc")
int h_skb_load_bytes_ok(struct __sk_buff *skb)
{
	__u8 buf[4];

	if (bpf_skb_load_bytes(skb, 0, buf, sizeof(buf)))
		return 0;
	return buf[3];
}

/* REJECT: bpf_skb_load_bytes with a length larger than the stack buffer. */
SEC("tc")
int h_skb_load_bytes_too_long(struct __sk_buff *skb)
{
	__u8 buf[4];

	asm volatile("" ::: "memory");
	if (bpf_skb_load_bytes(skb, 0, buf, 16))
		return 0;
	return buf[0];
}
