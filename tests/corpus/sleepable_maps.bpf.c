// SPDX-License-Identifier: GPL-2.0
/* sleepable_maps: the map types a sleepable program (syscall, uprobe.s) may use, as outer and inner maps; the others refused while the program is loaded, wherever they are used. */
#include "corpus.h"

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 4);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, __u64);
	__type(value, long);
} lpm SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, int);
} pea SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, int);
} progs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(max_entries, 4);
	__type(key, int);
	__uint(value_size, 64);
} stacks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, int);
} devs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_SOCKHASH);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, int);
} socks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_BLOOM_FILTER);
	__uint(max_entries, 4);
	__type(value, long);
} bloom SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_STORAGE);
	__type(key, struct bpf_cgroup_storage_key);
	__type(value, long);
} cgs SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, int);
	__type(value, long);
} hash SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} pcpu SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_QUEUE);
	__uint(max_entries, 4);
	__type(value, long);
} que SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, long);
} tks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} rb SEC(".maps");

struct inner_lpm {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 4);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, __u64);
	__type(value, long);
} ilpm SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1);
	__type(key, int);
	__array(values, struct inner_lpm);
} outer_lpm SEC(".maps") = {
	.values = { &ilpm },
};

struct inner_arr {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, int);
	__type(value, long);
} iarr SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH_OF_MAPS);
	__uint(max_entries, 1);
	__type(key, int);
	__array(values, struct inner_arr);
} outer_arr SEC(".maps") = {
	.values = { &iarr },
};

#define USE(m) ({ int k = 0; bpf_map_lookup_elem(&m, &k) != 0; })

/* REJECT: an LPM trie in a syscall program. */
SEC("syscall")
int sm_syscall_lpm(void *ctx)
{
	return USE(lpm);
}

/* REJECT: a perf event array in a sleepable uprobe. */
SEC("uprobe.s")
int sm_uprobe_perf(struct pt_regs *ctx)
{
	return bpf_perf_event_output(ctx, &pea, 0, ctx, 8) & 1;
}

/* REJECT: a program array in a syscall program, even unused by a tail call. */
SEC("syscall")
int sm_syscall_prog_array(void *ctx)
{
	return USE(progs);
}

/* REJECT: a stack trace map in a sleepable uprobe. */
SEC("uprobe.s")
int sm_uprobe_stack_trace(struct pt_regs *ctx)
{
	return bpf_get_stackid(ctx, &stacks, 0) & 1;
}

/* REJECT: a device map in a syscall program. */
SEC("syscall")
int sm_syscall_devmap(void *ctx)
{
	return USE(devs);
}

/* REJECT: a socket hash in a syscall program. */
SEC("syscall")
int sm_syscall_sockhash(void *ctx)
{
	return USE(socks);
}

/* REJECT: a bloom filter in a syscall program. */
SEC("syscall")
int sm_syscall_bloom(void *ctx)
{
	long v = 1; return bpf_map_peek_elem(&bloom, &v) & 1;
}

/* REJECT: cgroup storage in a syscall program. */
SEC("syscall")
int sm_syscall_cgroup_storage(void *ctx)
{
	return bpf_get_local_storage(&cgs, 0) != 0;
}

/* REJECT: an LPM trie as the inner map of the map of maps a syscall program uses. */
SEC("syscall")
int sm_syscall_inner_lpm(void *ctx)
{
	return USE(outer_lpm);
}

/* ACCEPT: an array as the inner map of a hash of maps in a syscall program. */
SEC("syscall")
int sm_syscall_inner_array(void *ctx)
{
	return USE(outer_arr);
}

/* ACCEPT: a hash and a per-CPU array in a syscall program. */
SEC("syscall")
int sm_syscall_hash(void *ctx)
{
	return USE(hash) + USE(pcpu);
}

/* ACCEPT: a queue in a sleepable uprobe. */
SEC("uprobe.s")
int sm_uprobe_queue(struct pt_regs *ctx)
{
	long v = 0; return bpf_map_peek_elem(&que, &v) & 1;
}

/* ACCEPT: task storage and a ring buffer in a sleepable uprobe. */
SEC("uprobe.s")
int sm_uprobe_task_storage(struct pt_regs *ctx)
{
	long one = 1; bpf_task_storage_get(&tks, bpf_get_current_task_btf(), 0, 0); return bpf_ringbuf_output(&rb, &one, 8, 0) & 1;
}

/* ACCEPT: an LPM trie in a kprobe that does not sleep. */
SEC("kprobe/do_nanosleep")
int sm_kprobe_lpm(struct pt_regs *ctx)
{
	__u64 k = 0; return bpf_map_lookup_elem(&lpm, &k) != 0;
}

/* REJECT: an LPM trie used only on a path never taken, in a syscall program. */
SEC("syscall")
int sm_syscall_lpm_dead(void *ctx)
{
	volatile int k = 0; if (k) return USE(lpm); return 0;
}
