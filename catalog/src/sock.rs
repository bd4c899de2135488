//! Socket kfuncs (`net/core/filter.c`), each in a set of its own.
//!
//! `bpf_sock_addr_set_sun_path` and `bpf_sock_ops_enable_tx_tstamp` are
//! registered for cgroup_sock_addr and sock_ops, which share the cgroup
//! hook with every cgroup program type; `bpf_sk_assign_tcp_reqsk` for
//! sched_cls; `bpf_sock_destroy` for tracing, with a filter that keeps it to
//! socket iterator programs (see `VOCAB-GAPS.md`).

use crate::structs::{BpfSockAddrKern, BpfSockOpsKern, BpfTcpReqAttrs, SkBuff, Sock, SockCommon};
use kfreg::{Size, kfunc};

/// Sets the unix socket address of a sock_addr hook to `sun_path`.
#[kfunc(prog_types = [
    cgroup_skb, cgroup_sock, cgroup_device, cgroup_sock_addr, cgroup_sockopt, cgroup_sysctl, sock_ops
])]
#[allow(non_snake_case)] // `sun_path` and its size `sun_path__sz` are both kernel names
pub unsafe extern "C" fn bpf_sock_addr_set_sun_path(
    sa_kern: *mut BpfSockAddrKern,
    sun_path: *const u8,
    sun_path__sz: Size<u32>,
) -> i32 {
    0
}

/// Assigns a request socket built from `attrs` (SYN cookie) to `s`.
#[kfunc(trusted_args, prog_types = [sched_cls])]
#[allow(non_snake_case)] // `attrs` and its size `attrs__sz` are both kernel names
pub unsafe extern "C" fn bpf_sk_assign_tcp_reqsk(
    s: *mut SkBuff,
    sk: *mut Sock,
    attrs: *mut BpfTcpReqAttrs,
    attrs__sz: Size<i32>,
) -> i32 {
    0
}

/// Enables BPF transmit timestamping for the skb of a sock_ops callback.
#[kfunc(trusted_args, prog_types = [
    cgroup_skb, cgroup_sock, cgroup_device, cgroup_sock_addr, cgroup_sockopt, cgroup_sysctl, sock_ops
])]
pub unsafe extern "C" fn bpf_sock_ops_enable_tx_tstamp(
    skops: *mut BpfSockOpsKern,
    flags: u64,
) -> i32 {
    0
}

/// Destroys the socket `sock` (socket iterator programs).
#[kfunc(trusted_args, prog_types = [tracing], attach = [trace_iter])]
pub unsafe extern "C" fn bpf_sock_destroy(sock: *mut SockCommon) -> i32 {
    0
}
