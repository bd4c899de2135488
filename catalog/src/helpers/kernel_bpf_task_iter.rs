//! Helper prototypes defined in the kernel's `kernel/bpf/task_iter.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Find vma of `task` that contains `addr`, call `callback_fn` function with `task`, `vma`, and `callback_ctx`.
#[helper(id = 180, callback = find_vma, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_find_vma(
    task: BtfId<crate::structs::TaskStruct>,
    addr: Anything,
    callback_fn: Func,
    callback_ctx: OrNull<Stack>,
    flags: Anything,
) -> Integer;
