//! Helper prototypes defined in the kernel's `kernel/bpf/bpf_task_storage.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Get a bpf_local_storage from the `task`.
///
/// The kernel's `bpf_task_storage_get_recur_proto`.
#[helper(id = 156, name = bpf_task_storage_get, map_types = [task_storage], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_task_storage_get_recur(
    map: ConstMapPtr,
    task: OrNull<BtfId<crate::structs::TaskStruct>>,
    value: OrNull<MapValue>,
    flags: Anything,
) -> OrNull<MapValue>;

/// Delete a bpf_local_storage from a `task`.
///
/// The kernel's `bpf_task_storage_delete_recur_proto`.
#[helper(id = 157, name = bpf_task_storage_delete, map_types = [task_storage], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_task_storage_delete_recur(
    map: ConstMapPtr,
    task: OrNull<BtfId<crate::structs::TaskStruct>>,
) -> Integer;
