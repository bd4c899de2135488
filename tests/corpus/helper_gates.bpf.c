// SPDX-License-Identifier: GPL-2.0
/* helper_gates: helpers whose prototype serves only some attach types of the program types that get it (the kernel's bpf_func_proto.allowed): tracing socket storage and bpf_d_path. */
#include "corpus.h"

struct { __uint(type, BPF_MAP_TYPE_SK_STORAGE); __uint(map_flags, BPF_F_NO_PREALLOC); __type(key, int); __type(value, long); } sks SEC(".maps");

/* ACCEPT: socket storage from a raw tracepoint (its tracing prototype allows raw tracepoints). */
SEC("tp_btf/inet_sock_set_state")
int BPF_PROG(g_tp_sk_storage, struct sock *sk) { long *v = bpf_sk_storage_get(&sks, sk, 0, BPF_SK_STORAGE_GET_F_CREATE); if (v) *v += 1; return 0; }

/* ACCEPT: socket storage deleted from a raw tracepoint. */
SEC("tp_btf/inet_sock_set_state")
int BPF_PROG(g_tp_sk_storage_delete, struct sock *sk) { return bpf_sk_storage_delete(&sks, sk) & 0; }

/* REJECT: socket storage from a syscall program ("helper call is not allowed in probe"). */
SEC("syscall")
int g_syscall_sk_storage(void *ctx) { return bpf_sk_storage_get(&sks, 0, 0, 0) != 0; }

/* ACCEPT: socket storage from a TCP iterator. */
SEC("iter/tcp")
int g_iter_sk_storage(struct bpf_iter__tcp *ctx) { struct sock_common *skc = ctx->sk_common; if (!skc) return 0; return bpf_sk_storage_get(&sks, skc, 0, 0) != 0; }

/* REJECT: bpf_d_path from a raw tracepoint (only iterators, LSM and listed traced functions). */
SEC("tp_btf/sched_switch")
int BPF_PROG(g_tp_d_path, bool preempt, struct task_struct *prev, struct task_struct *next) { char buf[64]; struct file *f = next->mm->exe_file; return bpf_d_path(&f->f_path, buf, sizeof(buf)) & 0; }

/* ACCEPT: bpf_d_path of an iterated file. */
SEC("iter/task_file")
int g_iter_d_path(struct bpf_iter__task_file *ctx) { char buf[64]; struct file *f = ctx->file; if (!f) return 0; return bpf_d_path(&f->f_path, buf, sizeof(buf)) & 0; }

/* REJECT: bpf_d_path from a syscall program. */
SEC("syscall")
int g_syscall_d_path(void *ctx) { char buf[64]; return bpf_d_path(0, buf, sizeof(buf)) & 0; }
