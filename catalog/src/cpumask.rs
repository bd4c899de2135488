//! BPF CPU masks (`kernel/bpf/cpumask.c`, registered for tracing, struct_ops
//! and syscall programs; the tracing hook adds tracepoint, perf_event and
//! LSM programs).
//!
//! Mutating kfuncs take a `bpf_cpumask` the program owns; queries take any
//! `cpumask`, which a `bpf_cpumask` converts to (its first member).

use crate::families;
use crate::structs::{BpfCpumask, Cpumask};
use kfreg::{Size, kfunc};
use std::ffi::c_void;

/// Allocates an empty CPU mask, referenced.
#[kfunc(family = families::cpumask, acquire, ret_null)]
pub unsafe extern "C" fn bpf_cpumask_create() -> *mut BpfCpumask {
    std::ptr::null_mut()
}

/// Drops a CPU mask reference.
#[kfunc(family = families::cpumask, release)]
pub unsafe extern "C" fn bpf_cpumask_release(cpumask: *mut BpfCpumask) {}

/// Takes another reference on `cpumask`.
#[kfunc(family = families::cpumask, acquire, trusted_args)]
pub unsafe extern "C" fn bpf_cpumask_acquire(cpumask: *mut BpfCpumask) -> *mut BpfCpumask {
    std::ptr::null_mut()
}

/// The first set CPU of `cpumask`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_first(cpumask: *const Cpumask) -> u32 {
    0
}

/// The first unset CPU of `cpumask`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_first_zero(cpumask: *const Cpumask) -> u32 {
    0
}

/// The first CPU set in both `src1` and `src2`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_first_and(src1: *const Cpumask, src2: *const Cpumask) -> u32 {
    0
}

/// Sets `cpu` in `cpumask`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_set_cpu(cpu: u32, cpumask: *mut BpfCpumask) {}

/// Clears `cpu` in `cpumask`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_clear_cpu(cpu: u32, cpumask: *mut BpfCpumask) {}

/// Whether `cpu` is set in `cpumask`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_test_cpu(cpu: u32, cpumask: *const Cpumask) -> bool {
    false
}

/// Sets `cpu` in `cpumask`, returning whether it was set.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_test_and_set_cpu(cpu: u32, cpumask: *mut BpfCpumask) -> bool {
    false
}

/// Clears `cpu` in `cpumask`, returning whether it was set.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_test_and_clear_cpu(
    cpu: u32,
    cpumask: *mut BpfCpumask,
) -> bool {
    false
}

/// Sets every CPU in `cpumask`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_setall(cpumask: *mut BpfCpumask) {}

/// Clears every CPU in `cpumask`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_clear(cpumask: *mut BpfCpumask) {}

/// Stores `src1 & src2` in `dst`, returning whether the result is non-empty.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_and(
    dst: *mut BpfCpumask,
    src1: *const Cpumask,
    src2: *const Cpumask,
) -> bool {
    false
}

/// Stores `src1 | src2` in `dst`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_or(
    dst: *mut BpfCpumask,
    src1: *const Cpumask,
    src2: *const Cpumask,
) {
}

/// Stores `src1 ^ src2` in `dst`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_xor(
    dst: *mut BpfCpumask,
    src1: *const Cpumask,
    src2: *const Cpumask,
) {
}

/// Whether `src1` and `src2` are equal.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_equal(src1: *const Cpumask, src2: *const Cpumask) -> bool {
    false
}

/// Whether `src1` and `src2` share a CPU.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_intersects(
    src1: *const Cpumask,
    src2: *const Cpumask,
) -> bool {
    false
}

/// Whether `src1` is a subset of `src2`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_subset(src1: *const Cpumask, src2: *const Cpumask) -> bool {
    false
}

/// Whether `cpumask` is empty.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_empty(cpumask: *const Cpumask) -> bool {
    false
}

/// Whether `cpumask` has every CPU set.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_full(cpumask: *const Cpumask) -> bool {
    false
}

/// Copies `src` into `dst`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_copy(dst: *mut BpfCpumask, src: *const Cpumask) {}

/// A random CPU set in `cpumask`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_any_distribute(cpumask: *const Cpumask) -> u32 {
    0
}

/// A random CPU set in both `src1` and `src2`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_any_and_distribute(
    src1: *const Cpumask,
    src2: *const Cpumask,
) -> u32 {
    0
}

/// The number of CPUs set in `cpumask`.
#[kfunc(family = families::cpumask, rcu)]
pub unsafe extern "C" fn bpf_cpumask_weight(cpumask: *const Cpumask) -> u32 {
    0
}

/// Fills `cpumask` from the bitmap at `src` of `src__sz` bytes.
#[kfunc(family = families::cpumask, rcu)]
#[allow(non_snake_case)] // `src` and its size `src__sz` are both kernel names
pub unsafe extern "C" fn bpf_cpumask_populate(
    cpumask: *mut BpfCpumask,
    src: *mut c_void,
    src__sz: Size<u64>,
) -> i32 {
    0
}
