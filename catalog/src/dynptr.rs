//! Generic dynptr operations (`kernel/bpf/helpers.c`, common set: every
//! program type). Constructors over packets live in `skb` and `xdp`.

use crate::families;
use kfreg::{ConstSize, Dynptr, Opt, Uninit, Written, kfunc};
use std::ffi::c_void;

/// A read-only pointer to `buffer__szk` bytes of `p` at `offset`, copied into `buffer` if not contiguous.
#[kfunc(family = families::dynptr, ret_null, ret = dynptr_slice(p, buffer__szk))]
#[allow(non_snake_case)] // `buffer` and its size `buffer__szk` are both kernel names
pub unsafe extern "C" fn bpf_dynptr_slice(
    p: *const Dynptr,
    offset: u32,
    buffer: Opt<*mut c_void>,
    buffer__szk: ConstSize<u32>,
) -> *mut c_void {
    std::ptr::null_mut()
}

/// A writable pointer to `buffer__szk` bytes of `p` at `offset`, copied into `buffer` if not contiguous.
///
/// `refused`: the 6.18.44 build these tools target refuses every call after
/// checking the arguments (`bpf_dynptr_slice_rdwr() is not allowed`, EPERM),
/// in every program type; recorded on the selftests' dynptr programs.
#[kfunc(family = families::dynptr, ret_null, refused, ret = dynptr_slice_rdwr(p, buffer__szk))]
#[allow(non_snake_case)] // `buffer` and its size `buffer__szk` are both kernel names
pub unsafe extern "C" fn bpf_dynptr_slice_rdwr(
    p: *const Dynptr,
    offset: u32,
    buffer: Opt<*mut c_void>,
    buffer__szk: ConstSize<u32>,
) -> *mut c_void {
    std::ptr::null_mut()
}

/// Narrows `p` to `[start, end)` of its current view.
#[kfunc(family = families::dynptr)]
pub unsafe extern "C" fn bpf_dynptr_adjust(p: *const Dynptr, start: u32, end: u32) -> i32 {
    0
}

/// Whether `p` is a null dynptr.
#[kfunc(family = families::dynptr)]
pub unsafe extern "C" fn bpf_dynptr_is_null(p: *const Dynptr) -> bool {
    false
}

/// Whether `p` is read-only.
#[kfunc(family = families::dynptr)]
pub unsafe extern "C" fn bpf_dynptr_is_rdonly(p: *const Dynptr) -> bool {
    false
}

/// The size of `p`'s view.
#[kfunc(family = families::dynptr)]
pub unsafe extern "C" fn bpf_dynptr_size(p: *const Dynptr) -> u32 {
    0
}

/// Initialises `clone` as a copy of `p`: same type, same reference.
#[kfunc(family = families::dynptr, dynptr = clone)]
pub unsafe extern "C" fn bpf_dynptr_clone(p: *const Dynptr, clone: Uninit<*mut Dynptr>) -> i32 {
    0
}

/// Copies `size` bytes from `src_ptr` at `src_off` to `dst_ptr` at `dst_off`.
#[kfunc(family = families::dynptr)]
pub unsafe extern "C" fn bpf_dynptr_copy(
    dst_ptr: Written<*mut Dynptr>,
    dst_off: u32,
    src_ptr: *mut Dynptr,
    src_off: u32,
    size: u32,
) -> i32 {
    0
}

/// Fills `size` bytes of `p` at `offset` with `val`.
#[kfunc(family = families::dynptr)]
pub unsafe extern "C" fn bpf_dynptr_memset(
    p: Written<*mut Dynptr>,
    offset: u32,
    size: u32,
    val: u8,
) -> i32 {
    0
}
