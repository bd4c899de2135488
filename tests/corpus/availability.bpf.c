// SPDX-License-Identifier: GPL-2.0
/* availability: which kfuncs each program type may call ("calling kernel function %s is not allowed"). */
#include "corpus.h"

struct blob {
	long x;
};

/* REJECT: bpf_obj_new in a socket filter (generic kfunc set not registered for SOCKET_FILTER). */
SEC("socket")
int avail_obj_new_socket(struct __sk_buff *skb)
{
	struct blob *b = bpf_obj_new(struct blob);

	if (b)
		bpf_obj_drop(b);
	return 0;
}

/* REJECT: bpf_task_from_pid in a socket filter. */
SEC("socket")
int avail_task_from_pid_socket(struct __sk_buff *skb)
{
	struct task_struct *t = bpf_task_from_pid(1);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* ACCEPT: bpf_iter_num in a socket filter (common kfunc). */
SEC("socket")
int avail_iter_num_socket_ok(struct __sk_buff *skb)
{
	struct bpf_iter_num it;
	int *v, s = 0;

	bpf_iter_num_new(&it, 0, 3);
	while ((v = bpf_iter_num_next(&it)))
		s += *v;
	bpf_iter_num_destroy(&it);
	return s;
}

/* ACCEPT: bpf_task_from_pid in a syscall program. */
SEC("syscall")
int avail_task_from_pid_syscall_ok(void *ctx)
{
	struct task_struct *t = bpf_task_from_pid(1);

	if (t)
		bpf_task_release(t);
	return 0;
}

/* REJECT: bpf_cgroup_from_id in a raw tracepoint program. */
SEC("raw_tp/sys_enter")
int avail_cgroup_raw_tp(void *ctx)
{
	struct cgroup *c = bpf_cgroup_from_id(1);

	if (c)
		bpf_cgroup_release(c);
	return 0;
}

/* ACCEPT: bpf_rcu_read_lock/unlock in a raw tracepoint program (common kfunc). */
SEC("raw_tp/sys_enter")
int avail_rcu_raw_tp_ok(void *ctx)
{
	bpf_rcu_read_lock();
	bpf_rcu_read_unlock();
	return 0;
}

/* REJECT: bpf_dynptr_from_skb is registered for tracing, but a task_struct is not a struct __sk_buff. */
SEC("tp_btf/task_newtask")
int BPF_PROG(avail_dynptr_skb_tracing, struct task_struct *task, u64 clone_flags)
{
	struct bpf_dynptr ptr;

	bpf_dynptr_from_skb((struct __sk_buff *)task, 0, &ptr);
	return 0;
}

/* ACCEPT: bpf_dynptr_from_skb in a cgroup_skb program. */
SEC("cgroup_skb/ingress")
int avail_dynptr_skb_cgroup_ok(struct __sk_buff *skb)
{
	struct bpf_dynptr ptr;
	__u8 buf[1], *p;

	if (bpf_dynptr_from_skb(skb, 0, &ptr))
		return 1;
	p = bpf_dynptr_slice(&ptr, 0, buf, 1);
	return p ? 1 : 0;
}

/* REJECT: an XDP metadata kfunc in a tc program (checked as "needs a device-bound program"). */
SEC("tc")
int avail_xdp_meta_in_tc(struct __sk_buff *skb)
{
	__u32 hash;
	enum xdp_rss_hash_type type;

	bpf_xdp_metadata_rx_hash((const struct xdp_md *)skb, &hash, &type);
	return 0;
}

/* ACCEPT: bpf_skb_ct_lookup / bpf_ct_release (conntrack kfuncs) in a tc program. */
SEC("tc")
int avail_ct_lookup_tc_ok(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tup = {};
	struct bpf_ct_opts opts = { .netns_id = -1, .l4proto = 6 };
	struct nf_conn *ct;

	ct = bpf_skb_ct_lookup(skb, &tup, sizeof(tup.ipv4), &opts, sizeof(opts));
	if (ct)
		bpf_ct_release(ct);
	return 0;
}

/* REJECT: conntrack entry from bpf_skb_ct_lookup never released. */
SEC("tc")
int avail_ct_lookup_leak(struct __sk_buff *skb)
{
	struct bpf_sock_tuple tup = {};
	struct bpf_ct_opts opts = { .netns_id = -1, .l4proto = 6 };
	struct nf_conn *ct;

	ct = bpf_skb_ct_lookup(skb, &tup, sizeof(tup.ipv4), &opts, sizeof(opts));
	return ct ? 1 : 0;
}

/* REJECT: bpf_session_cookie (kprobe-session only) in a tc program. */
SEC("tc")
int avail_session_cookie_tc(struct __sk_buff *skb)
{
	__u64 *c = bpf_session_cookie();

	return c ? 1 : 0;
}

/* REJECT: bpf_sock_destroy (socket iterator only) in a tc program. */
SEC("tc")
int avail_sock_destroy_tc(struct __sk_buff *skb)
{
	struct bpf_sock *sk = skb->sk;

	if (!sk)
		return 0;
	bpf_sock_destroy((struct sock_common *)sk);
	return 0;
}

/* ACCEPT: bpf_task_from_pid in an xdp program. */
SEC("xdp")
int avail_task_from_pid_xdp_ok(struct xdp_md *ctx)
{
	struct task_struct *t = bpf_task_from_pid(1);

	if (t)
		bpf_task_release(t);
	return XDP_PASS;
}

/* ACCEPT: bpf_get_kmem_cache is callable from a tc program. */
SEC("tc")
int avail_kmem_cache_tc_ok(struct __sk_buff *skb)
{
	struct kmem_cache *s = bpf_get_kmem_cache(skb->len);

	return s ? 1 : 0;
}

/* ACCEPT: bpf_get_kmem_cache in a tp_btf program (result untrusted, may be NULL). */
SEC("tp_btf/task_newtask")
int BPF_PROG(avail_kmem_cache_tracing_ok, struct task_struct *task, u64 clone_flags)
{
	struct kmem_cache *s = bpf_get_kmem_cache(clone_flags);

	return s ? s->size : 0;
}

/* ACCEPT: bpf_dynptr_from_skb_meta in a tc program. */
SEC("tc")
int avail_skb_meta_tc_ok(struct __sk_buff *skb)
{
	struct bpf_dynptr meta;

	if (bpf_dynptr_from_skb_meta(skb, 0, &meta))
		return 0;
	return bpf_dynptr_size(&meta);
}

/* REJECT: an XDP metadata kfunc in a non-device-bound xdp program. */
SEC("xdp")
int avail_xdp_meta_not_devbound(struct xdp_md *ctx)
{
	__u32 hash;
	enum xdp_rss_hash_type type;

	bpf_xdp_metadata_rx_hash(ctx, &hash, &type);
	return XDP_PASS;
}

/* REJECT: bpf_xdp_get_xfrm_state (XDP only) in a tc program. */
SEC("tc")
int avail_xfrm_state_tc(struct __sk_buff *skb)
{
	struct bpf_xfrm_state_opts opts = {};
	struct xfrm_state *x;

	x = bpf_xdp_get_xfrm_state((struct xdp_md *)skb, &opts, sizeof(opts));
	if (x)
		bpf_xdp_xfrm_state_release(x);
	return 0;
}

/* ACCEPT: bpf_xdp_ct_lookup / bpf_ct_release in an xdp program. */
SEC("xdp")
int avail_xdp_ct_lookup_ok(struct xdp_md *ctx)
{
	struct bpf_sock_tuple tup = {};
	struct bpf_ct_opts opts = { .netns_id = -1, .l4proto = 17 };
	struct nf_conn *ct;

	ct = bpf_xdp_ct_lookup(ctx, &tup, sizeof(tup.ipv4), &opts, sizeof(opts));
	if (ct)
		bpf_ct_release(ct);
	return XDP_PASS;
}
