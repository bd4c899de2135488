//! Dynptrs over socket buffers (`net/core/filter.c`).
//!
//! `bpf_dynptr_from_skb` is registered for sched_cls, sched_act, sk_skb,
//! socket_filter, cgroup_skb (the cgroup hook: every cgroup program type and
//! sock_ops), the four lwt types, netfilter and tracing (the tracing hook:
//! tracepoint, perf_event and LSM too). The verifier swaps in a read-only
//! variant for programs that may not write packets (see `VOCAB-GAPS.md`).
//! `bpf_dynptr_from_skb_meta` is registered for tc programs only.

use crate::families;
use crate::structs::SkBuff;
use kfreg::{Dynptr, Uninit, kfunc};

/// Initialises `ptr` as a dynptr over the packet data of `s`.
#[kfunc(family = families::skb, trusted_args, dynptr = skb)]
pub unsafe extern "C" fn bpf_dynptr_from_skb(
    s: *mut SkBuff,
    flags: u64,
    ptr: Uninit<*mut Dynptr>,
) -> i32 {
    0
}

/// Initialises `ptr` as a dynptr over the metadata area of `skb_`.
#[kfunc(family = families::skb_meta, trusted_args, dynptr = skb_meta)]
pub unsafe extern "C" fn bpf_dynptr_from_skb_meta(
    skb_: *mut SkBuff,
    flags: u64,
    ptr: Uninit<*mut Dynptr>,
) -> i32 {
    0
}
