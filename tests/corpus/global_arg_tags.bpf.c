// SPDX-License-Identifier: GPL-2.0
/* global_arg_tags: how the kernel reads a global function's parameters
 * (btf_prepare_func_args): which arg: tags combine, what a tagged context
 * parameter may point to in each program type (btf_validate_prog_ctx_type),
 * which untagged pointers are the context (btf_is_prog_ctx_type), and
 * memory parameters of no size. */
#include "corpus.h"

#define __tag(t) __attribute__((btf_decl_tag("arg:" #t)))

struct small {
	long a;
	long b;
};

struct empty {
};

__weak int nullable_mem(struct small *p __tag(nullable))
{
	return p ? p->a : 0;
}

__weak int tagged_scalar(__u64 x __tag(nonnull))
{
	return x;
}

__weak int unknown_tag(struct small *p __tag(bogus))
{
	return p ? p->a : 0;
}

__weak int regs_nonnull(struct pt_regs *regs __tag(nonnull))
{
	return regs != 0;
}

__weak int arena_arg(void *p __tag(arena))
{
	return p != 0;
}

__weak int dynptr_untrusted(struct bpf_dynptr *d __tag(untrusted))
{
	return d != 0;
}

__weak int trusted_and_untrusted(struct task_struct *t __tag(trusted) __tag(untrusted))
{
	return t ? t->pid : 0;
}

__weak int ctx_and_untrusted(void *c __tag(ctx) __tag(untrusted))
{
	return c != 0;
}

__weak int trusted_void(void *p __tag(trusted))
{
	return p != 0;
}

__weak int by_value(struct small s)
{
	return s.a;
}

__weak int empty_mem(struct empty *e)
{
	return e != 0;
}

__weak int regs_ctx_tc(struct pt_regs *c __tag(ctx))
{
	return c != 0;
}

__weak int char_ctx(char *c __tag(ctx))
{
	return c != 0;
}

__weak int skb_kernel_view(struct sk_buff *skb)
{
	return skb != 0;
}

__weak int xdp_kernel_view(struct xdp_buff *xdp)
{
	return xdp != 0;
}

__weak int sixteen_bytes(struct small *p)
{
	return p ? p->a : 0;
}

__weak int regs_ctx(struct pt_regs *c __tag(ctx))
{
	return c != 0;
}

__weak int u64_ctx(__u64 *c __tag(ctx))
{
	return c != 0;
}

__weak int iter_ctx(struct bpf_iter__task *c __tag(ctx))
{
	return c != 0;
}

__weak int small_ctx(struct small *c __tag(ctx))
{
	return c != 0;
}

/* REJECT: arg:nullable on plain memory is an invalid combination of tags. */
SEC("tc")
int nullable_memory(struct __sk_buff *skb)
{
	return nullable_mem(0);
}

/* REJECT: a pointer tag on a number. */
SEC("tc")
int tag_on_number(struct __sk_buff *skb)
{
	return tagged_scalar(1);
}

/* REJECT: a tag the kernel does not know. */
SEC("tc")
int unknown_arg_tag(struct __sk_buff *skb)
{
	return unknown_tag(0);
}

/* REJECT: a kprobe's own context type with another tag. */
SEC("kprobe/do_nanosleep")
int ctx_type_with_tag(struct pt_regs *ctx)
{
	return regs_nonnull(ctx);
}

/* REJECT: an arena parameter given a stack pointer. */
SEC("tc")
int arena_from_stack(struct __sk_buff *skb)
{
	long x = 0;

	return arena_arg(&x);
}

/* REJECT: a dynptr parameter with a tag. */
SEC("tc")
int dynptr_with_tag(struct __sk_buff *skb)
{
	return dynptr_untrusted(0);
}

/* ACCEPT: arg:trusted wins over arg:untrusted. */
SEC("tp_btf/task_newtask")
int trusted_over_untrusted(void *ctx)
{
	return trusted_and_untrusted(bpf_get_current_task_btf());
}

/* REJECT: arg:ctx with another tag is an invalid combination, not an untrusted one. */
SEC("tc")
int ctx_with_untrusted(struct __sk_buff *skb)
{
	return ctx_and_untrusted(skb);
}

/* REJECT: arg:trusted on void finds no kernel type. */
SEC("tp_btf/task_newtask")
int trusted_void_pointer(void *ctx)
{
	return trusted_void(bpf_get_current_task_btf());
}

/* REJECT: a struct passed by value. */
SEC("tc")
int struct_by_value(struct __sk_buff *skb)
{
	struct small s = {};

	return by_value(s);
}

/* ACCEPT: memory of no size takes a stack pointer. */
SEC("tc")
int empty_struct_memory(struct __sk_buff *skb)
{
	long x = 0;

	return empty_mem((void *)&x);
}

/* REJECT: a tagged context parameter of another program type's context. */
SEC("tc")
int tc_ctx_as_pt_regs(struct __sk_buff *skb)
{
	return regs_ctx_tc((void *)skb);
}

/* REJECT: a tagged context parameter pointing to a char in a kprobe. */
SEC("kprobe/do_nanosleep")
int kprobe_ctx_as_char(struct pt_regs *ctx)
{
	return char_ctx((void *)ctx);
}

/* ACCEPT: the kernel's sk_buff, untagged, is tc's context. */
SEC("tc")
int tc_ctx_as_sk_buff(struct __sk_buff *skb)
{
	return skb_kernel_view((void *)skb);
}

/* ACCEPT: the kernel's xdp_buff, untagged, is XDP's context. */
SEC("xdp")
int xdp_ctx_as_xdp_buff(struct xdp_md *ctx)
{
	return xdp_kernel_view((void *)ctx);
}

/* REJECT: a cgroup device program's context checked byte by byte as memory. */
SEC("cgroup/dev")
int cgroup_dev_ctx_as_memory(struct bpf_cgroup_dev_ctx *ctx)
{
	return sixteen_bytes((void *)ctx) ? 0 : 1;
}

/* ACCEPT: a perf event program's context may be tagged as the registers. */
SEC("perf_event")
int perf_event_ctx_as_regs(struct bpf_perf_event_data *ctx)
{
	return regs_ctx((void *)ctx);
}

/* ACCEPT: a raw tracepoint's context may be tagged as u64 *. */
SEC("raw_tp/sys_enter")
int raw_tp_ctx_as_u64(struct bpf_raw_tracepoint_args *ctx)
{
	return u64_ctx((void *)ctx);
}

/* REJECT: a raw tracepoint's context tagged as another struct. */
SEC("raw_tp/sys_enter")
int raw_tp_ctx_as_small(struct bpf_raw_tracepoint_args *ctx)
{
	return small_ctx((void *)ctx);
}

/* ACCEPT: a tracepoint's context may be tagged as anything. */
SEC("tracepoint/syscalls/sys_enter_openat")
int tracepoint_ctx_as_small(void *ctx)
{
	return small_ctx(ctx);
}

/* ACCEPT: an iterator's context may be tagged as its bpf_iter__ struct. */
SEC("iter/task")
int iter_ctx_as_iter_struct(struct bpf_iter__task *ctx)
{
	return iter_ctx(ctx) ? 0 : 1;
}

/* REJECT: a tp_btf program's context tagged as a struct other than the raw tracepoint's. */
SEC("tp_btf/task_newtask")
int tp_btf_ctx_as_small(void *ctx)
{
	return small_ctx(ctx);
}
