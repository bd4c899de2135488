//! Helper prototypes defined in the kernel's `kernel/bpf/bpf_iter.c`.

use kfreg::helper;
use kfreg::helper::*;

/// For each element in `map`, call `callback_fn` function with `map`, `callback_ctx` and other map-specific parameters.
#[helper(id = 164, callback = map_elem, map_types = [hash, array, percpu_hash, percpu_array, lru_hash, lru_percpu_hash, lpm_trie, struct_ops, arena], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_for_each_map_elem(
    map: ConstMapPtr,
    callback_fn: Func,
    callback_ctx: OrNull<Stack>,
    flags: Anything,
) -> Integer;

/// For `nr_loops`, call `callback_fn` function with `callback_ctx` as the context parameter.
#[helper(id = 181, callback = iteration, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_loop(
    nr_loops: Anything,
    callback_fn: Func,
    callback_ctx: OrNull<Stack>,
    flags: Anything,
) -> Integer;
