//! Helper prototypes defined in the kernel's `net/core/bpf_sk_storage.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Get a bpf-local-storage from a `sk`.
///
/// The kernel's `bpf_sk_storage_get_cg_sock_proto`.
#[helper(id = 107, name = bpf_sk_storage_get, map_types = [sk_storage], prog_types = [cgroup_sock])]
pub fn bpf_sk_storage_get_cg_sock(
    map: ConstMapPtr,
    sk: Ctx,
    value: OrNull<MapValue>,
    flags: Anything,
) -> OrNull<MapValue>;

/// Get a bpf-local-storage from a `sk`.
#[helper(id = 107, map_types = [sk_storage], prog_types = [sched_cls, sched_act, cgroup_skb, sock_ops, sk_msg, cgroup_sock_addr, cgroup_sockopt, struct_ops, lsm])]
pub fn bpf_sk_storage_get(
    map: ConstMapPtr,
    sk: BtfIdSockCommon,
    value: OrNull<MapValue>,
    flags: Anything,
) -> OrNull<MapValue>;

/// Get a bpf-local-storage from a `sk`.
///
/// The kernel's `bpf_sk_storage_get_tracing_proto`.
///
/// Only iterators, raw tracepoints and traced functions may call it, not
/// from the storage's own functions (`bpf_sk_storage_tracing_allowed`).
#[helper(id = 107, name = bpf_sk_storage_get, map_types = [sk_storage], prog_types = [tracing, syscall], only_attach = [trace_iter, trace_raw_tp, trace_fentry, trace_fexit], not_traced = "bpf_sk_storage")]
pub fn bpf_sk_storage_get_tracing(
    map: ConstMapPtr,
    sk: OrNull<BtfId<crate::structs::SockCommon>>,
    value: OrNull<MapValue>,
    flags: Anything,
) -> OrNull<MapValue>;

/// Delete a bpf-local-storage from a `sk`.
#[helper(id = 108, map_types = [sk_storage], prog_types = [sched_cls, sched_act, cgroup_skb, sock_ops, sk_msg, cgroup_sock_addr, cgroup_sockopt, struct_ops, lsm])]
pub fn bpf_sk_storage_delete(map: ConstMapPtr, sk: BtfIdSockCommon) -> Integer;

/// Delete a bpf-local-storage from a `sk`.
///
/// The kernel's `bpf_sk_storage_delete_tracing_proto`.
///
/// Allowed where `bpf_sk_storage_get`'s tracing prototype is.
#[helper(id = 108, name = bpf_sk_storage_delete, map_types = [sk_storage], prog_types = [tracing, syscall], only_attach = [trace_iter, trace_raw_tp, trace_fentry, trace_fexit], not_traced = "bpf_sk_storage")]
pub fn bpf_sk_storage_delete_tracing(
    map: ConstMapPtr,
    sk: OrNull<BtfId<crate::structs::SockCommon>>,
) -> Integer;
