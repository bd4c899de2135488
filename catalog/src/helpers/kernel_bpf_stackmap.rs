//! Helper prototypes defined in the kernel's `kernel/bpf/stackmap.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Walk a user or a kernel stack and return its id.
#[helper(id = 27, gpl_only, map_types = [stack_trace], prog_types = [kprobe])]
pub fn bpf_get_stackid(ctx: Ctx, map: ConstMapPtr, flags: Anything) -> Integer;

/// Walk a user or a kernel stack and return its id.
///
/// The kernel's `bpf_get_stackid_proto_pe`.
#[helper(id = 27, name = bpf_get_stackid, map_types = [stack_trace], prog_types = [perf_event])]
pub fn bpf_get_stackid_pe(ctx: Ctx, map: ConstMapPtr, flags: Anything) -> Integer;

/// Return a user or a kernel stack in bpf program provided buffer.
#[helper(id = 67, gpl_only, ret_size_bounded, prog_types = [kprobe])]
pub fn bpf_get_stack(ctx: Ctx, buf: Uninit<Mem>, size: ConstSizeOrZero, flags: Anything)
-> Integer;

/// Return a user or a kernel stack in bpf program provided buffer.
///
/// The kernel's `bpf_get_stack_proto_pe`.
#[helper(id = 67, name = bpf_get_stack, gpl_only, ret_size_bounded, prog_types = [perf_event])]
pub fn bpf_get_stack_pe(
    ctx: Ctx,
    buf: Uninit<Mem>,
    size: ConstSizeOrZero,
    flags: Anything,
) -> Integer;

/// Return a user or a kernel stack in bpf program provided buffer.
#[helper(id = 141, ret_size_bounded, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_get_task_stack(
    task: BtfId<crate::structs::TaskStruct>,
    buf: Uninit<Mem>,
    size: ConstSizeOrZero,
    flags: Anything,
) -> Integer;
