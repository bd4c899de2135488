//! Allocated local objects: `bpf_obj_new` and friends (`kernel/bpf/helpers.c`,
//! generic set).
//!
//! The generic set is registered for tracing, sched_cls, xdp, struct_ops,
//! syscall and cgroup_skb programs; through the kernel's hooks that makes it
//! callable from tracepoint, perf_event and LSM programs (tracing hook) and
//! from every cgroup program type and sock_ops (cgroup hook) as well.

use crate::families;
use kfreg::{Alloc, Const, Meta, PercpuAlloc, Refcounted, kfunc};
use std::ffi::c_void;

/// Allocates an object of the program's type `local_type_id`.
#[kfunc(family = families::alloc, acquire, ret_null, ret = new_obj(local_type_id))]
pub unsafe extern "C" fn bpf_obj_new_impl(local_type_id: Const<u64>, meta: Meta) -> *mut c_void {
    std::ptr::null_mut()
}

/// Frees an object allocated by `bpf_obj_new_impl`.
#[kfunc(family = families::alloc, release)]
pub unsafe extern "C" fn bpf_obj_drop_impl(p: Alloc, meta: Meta) {}

/// Allocates a per-CPU object of the program's type `local_type_id`.
#[kfunc(family = families::alloc, acquire, ret_null, ret = new_percpu_obj(local_type_id))]
pub unsafe extern "C" fn bpf_percpu_obj_new_impl(
    local_type_id: Const<u64>,
    meta: Meta,
) -> *mut c_void {
    std::ptr::null_mut()
}

/// Frees a per-CPU object allocated by `bpf_percpu_obj_new_impl`.
#[kfunc(family = families::alloc, release)]
pub unsafe extern "C" fn bpf_percpu_obj_drop_impl(p: PercpuAlloc, meta: Meta) {}

/// Takes a new reference on a refcounted allocated object.
#[kfunc(family = families::alloc, acquire, ret_null, null_unless_owning, rcu, lock_safe, ret = like(p))]
pub unsafe extern "C" fn bpf_refcount_acquire_impl(p: Refcounted, meta: Meta) -> *mut c_void {
    std::ptr::null_mut()
}
