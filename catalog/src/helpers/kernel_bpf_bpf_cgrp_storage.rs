//! Helper prototypes defined in the kernel's `kernel/bpf/bpf_cgrp_storage.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Get a bpf_local_storage from the `cgroup`.
#[helper(id = 210, map_types = [cgrp_storage], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_cgrp_storage_get(
    map: ConstMapPtr,
    cgroup: OrNull<BtfId<crate::structs::Cgroup>>,
    value: OrNull<MapValue>,
    flags: Anything,
) -> OrNull<MapValue>;

/// Delete a bpf_local_storage from a `cgroup`.
#[helper(id = 211, map_types = [cgrp_storage], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_cgrp_storage_delete(
    map: ConstMapPtr,
    cgroup: OrNull<BtfId<crate::structs::Cgroup>>,
) -> Integer;
