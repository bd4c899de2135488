//! Helper prototypes defined in the kernel's `kernel/bpf/ringbuf.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Copy `size` bytes from `data` into a ring buffer `ringbuf`.
#[helper(id = 130, map_types = [ringbuf], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_ringbuf_output(
    ringbuf: ConstMapPtr,
    data: Rdonly<Mem>,
    size: ConstSizeOrZero,
    flags: Anything,
) -> Integer;

/// Reserve `size` bytes of payload in a ring buffer `ringbuf`.
#[helper(id = 131, acquire, map_types = [ringbuf], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_ringbuf_reserve(
    ringbuf: ConstMapPtr,
    size: ConstAllocSizeOrZero,
    flags: Anything,
) -> OrNull<Ringbuf<Mem>>;

/// Submit reserved ring buffer sample, pointed to by `data`.
#[helper(id = 132, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_ringbuf_submit(data: Release<RingbufMem>, flags: Anything);

/// Discard reserved ring buffer sample, pointed to by `data`.
#[helper(id = 133, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_ringbuf_discard(data: Release<RingbufMem>, flags: Anything);

/// Query various characteristics of provided ring buffer.
#[helper(id = 134, map_types = [ringbuf], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_ringbuf_query(ringbuf: ConstMapPtr, flags: Anything) -> Integer;

/// Reserve `size` bytes of payload in a ring buffer `ringbuf` through the dynptr interface.
#[helper(id = 198, map_types = [ringbuf], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_ringbuf_reserve_dynptr(
    ringbuf: ConstMapPtr,
    size: Anything,
    flags: Anything,
    ptr: Uninit<RingbufDynptr>,
) -> Integer;

/// Submit reserved ring buffer sample, pointed to by `data`, through the dynptr interface.
#[helper(id = 199, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_ringbuf_submit_dynptr(ptr: Release<RingbufDynptr>, flags: Anything);

/// Discard reserved ring buffer sample through the dynptr interface.
#[helper(id = 200, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_ringbuf_discard_dynptr(ptr: Release<RingbufDynptr>, flags: Anything);

/// Drain samples from the specified user ring buffer, and invoke the provided callback for each such sample:
#[helper(id = 209, callback = user_ringbuf, map_types = [user_ringbuf], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_user_ringbuf_drain(
    map: ConstMapPtr,
    callback_fn: Func,
    ctx: OrNull<Stack>,
    flags: Anything,
) -> Integer;
