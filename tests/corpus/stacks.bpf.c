// SPDX-License-Identifier: GPL-2.0
/* stacks: stack traces and perf events from tracing programs: bpf_get_stack(id) and bpf_get_task_stack buffers and maps, perf event reads and output, availability. */
#include "corpus.h"

struct { __uint(type, BPF_MAP_TYPE_STACK_TRACE); __uint(max_entries, 4); __type(key, int); __uint(value_size, 64); } st SEC(".maps");

struct { __uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY); __uint(max_entries, 4); __type(key, int); __type(value, int); } pe SEC(".maps");

struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 4); __type(key, int); __type(value, char[256]); } h SEC(".maps");

/* ACCEPT: bpf_get_stack into a stack buffer from a kprobe. */
SEC("kprobe/do_nanosleep")
int k_stack(void *ctx) { char b[64]; return bpf_get_stack(ctx, b, sizeof(b), 0) & 1; }

/* ACCEPT: bpf_get_stack of the user stack with build ids. */
SEC("kprobe/do_nanosleep")
int k_stack_user_build(void *ctx) { char b[64]; return bpf_get_stack(ctx, b, sizeof(b), BPF_F_USER_STACK | BPF_F_USER_BUILD_ID) & 1; }

/* ACCEPT: bpf_get_stack into a whole map value. */
SEC("kprobe/do_nanosleep")
int k_stack_mapval(void *ctx) { int k = 0; char *v = bpf_map_lookup_elem(&h, &k); if (!v) return 0; return bpf_get_stack(ctx, v, 256, 0) & 1; }

/* REJECT: bpf_get_stack into a map value told larger than it is. */
SEC("kprobe/do_nanosleep")
int k_stack_mapval_big(void *ctx) { int k = 0; char *v = bpf_map_lookup_elem(&h, &k); if (!v) return 0; return bpf_get_stack(ctx, v, 260, 0) & 1; }

/* ACCEPT: bpf_get_stack with a bounded variable size. */
SEC("kprobe/do_nanosleep")
int k_stack_var(void *ctx) { int k = 0; char *v = bpf_map_lookup_elem(&h, &k); if (!v) return 0; return bpf_get_stack(ctx, v, bpf_get_prandom_u32() & 255, 0) & 1; }

/* ACCEPT: bpf_get_stackid with a stack trace map. */
SEC("kprobe/do_nanosleep")
int k_stackid(void *ctx) { return bpf_get_stackid(ctx, &st, 0) & 1; }

/* REJECT: bpf_get_stackid with a hash map. */
SEC("kprobe/do_nanosleep")
int k_stackid_wrong(void *ctx) { return bpf_get_stackid(ctx, &h, 0) & 1; }

/* ACCEPT: bpf_get_task_stack of the current task. */
SEC("kprobe/do_nanosleep")
int k_task_stack(void *ctx) { char b[64]; return bpf_get_task_stack(bpf_get_current_task_btf(), b, sizeof(b), 0) & 1; }

/* ACCEPT: bpf_perf_event_read_value into a whole bpf_perf_event_value. */
SEC("kprobe/do_nanosleep")
int k_perf_read(void *ctx) { struct bpf_perf_event_value v; return bpf_perf_event_read_value(&pe, 0, &v, sizeof(v)) & 1; }

/* ACCEPT: bpf_perf_event_read_value told a short size (refused when it runs). */
SEC("kprobe/do_nanosleep")
int k_perf_read_short(void *ctx) { struct bpf_perf_event_value v; return bpf_perf_event_read_value(&pe, 0, &v, 8) & 1; }

/* ACCEPT: bpf_perf_event_output of a stack word. */
SEC("kprobe/do_nanosleep")
int k_perf_out(void *ctx) { long x = 1; return bpf_perf_event_output(ctx, &pe, BPF_F_CURRENT_CPU, &x, sizeof(x)) & 1; }

/* ACCEPT: bpf_get_stack from a raw BTF tracepoint. */
SEC("tp_btf/sched_switch")
int BPF_PROG(t_stack, bool p, struct task_struct *prev) { char b[64]; return bpf_get_stack(ctx, b, sizeof(b), 0) & 1; }

/* ACCEPT: bpf_get_stack from a raw tracepoint. */
SEC("raw_tp/sys_enter")
int r_stack(void *ctx) { char b[64]; return bpf_get_stack(ctx, b, sizeof(b), 0) & 1; }

/* REJECT: bpf_get_stack from a tc program. */
SEC("tc")
int tc_stack(struct __sk_buff *skb) { char b[64]; return bpf_get_stack(skb, b, sizeof(b), 0) & 1; }
