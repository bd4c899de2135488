// SPDX-License-Identifier: GPL-2.0
/* btf_offsets: kernel objects passed to helpers at an offset: only a member there that is (or starts with) the struct wanted matches. */
#include "corpus.h"

struct { __uint(type, BPF_MAP_TYPE_TASK_STORAGE); __uint(map_flags, BPF_F_NO_PREALLOC); __type(key, int); __type(value, long); } tks SEC(".maps");

/* REJECT: task storage of a task pointer moved by 8 bytes. */
SEC("kprobe/do_nanosleep")
int o_task_storage(void *ctx) { struct task_struct *t = bpf_get_current_task_btf(); return bpf_task_storage_get(&tks, (void *)t + 8, 0, 0) != 0; }

/* REJECT: bpf_task_pt_regs of a task pointer moved by 16 bytes. */
SEC("kprobe/do_nanosleep")
int o_pt_regs(void *ctx) { struct task_struct *t = bpf_get_current_task_btf(); return bpf_task_pt_regs((void *)t + 16) != 0; }

/* REJECT: bpf_get_task_stack of a moved task pointer. */
SEC("kprobe/do_nanosleep")
int o_stack(void *ctx) { struct task_struct *t = bpf_get_current_task_btf(); char b[64]; return bpf_get_task_stack((void *)t + 8, b, 64, 0) & 1; }

/* REJECT: a task kfunc from a kprobe (not registered for it), given a moved pointer. */
SEC("kprobe/do_nanosleep")
int o_kfunc(void *ctx) { struct task_struct *t = bpf_get_current_task_btf(); struct task_struct *a = bpf_task_acquire((void *)t + 8); if (a) bpf_task_release(a); return 0; }

/* ACCEPT: task storage of a tracepoint argument at offset 0. */
SEC("tp_btf/sched_switch")
int BPF_PROG(o_tp, bool preempt, struct task_struct *prev, struct task_struct *next) { return bpf_task_storage_get(&tks, (void *)next + 0, 0, 0) != 0; }

/* REJECT: task storage of the address of a member of a task (not a task). */
SEC("kprobe/do_nanosleep")
int o_cgrp_walk(void *ctx) { struct task_struct *t = bpf_get_current_task_btf(); return bpf_task_storage_get(&tks, (struct task_struct *)&t->cgroups, 0, 0) != 0; }

/* REJECT: a socket pointer moved (pointer arithmetic on sockets is refused). */
SEC("tc")
int o_sk(struct __sk_buff *skb) { struct bpf_sock *sk = skb->sk; if (!sk) return 0; return bpf_sk_cgroup_id((void *)sk + 8) & 1; }

/* REJECT: a socket cast of a tcp_sock moved by 8 bytes (no socket starts there). */
SEC("tc")
int o_skc_cast(struct __sk_buff *skb) { struct bpf_sock *sk = skb->sk; struct tcp_sock *tp; if (!sk) return 0; tp = bpf_skc_to_tcp_sock(sk); if (!tp) return 0; return bpf_skc_to_tcp_sock((void *)tp + 8) != 0; }

/* ACCEPT: a socket cast of the socket nested at the start of a tcp_sock. */
SEC("tc")
int o_skc_cast_nested(struct __sk_buff *skb) { struct bpf_sock *sk = skb->sk; struct tcp_sock *tp; if (!sk) return 0; tp = bpf_skc_to_tcp_sock(sk); if (!tp) return 0; return bpf_skc_to_udp6_sock(&tp->inet_conn.icsk_inet.sk) != 0; }
