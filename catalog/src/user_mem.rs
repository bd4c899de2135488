//! Reading kernel and user memory into program memory or dynptrs
//! (`kernel/bpf/helpers.c` and `kernel/trace/bpf_trace.c`, common set:
//! every program type; the `copy_from_user` family may sleep).

use crate::families;
use crate::structs::TaskStruct;
use kfreg::{Dynptr, Ign, Size, Written, kfunc};
use std::ffi::c_void;

/// Copies a NUL-terminated user string from `unsafe_ptr` into `dst` of `dst__sz` bytes; may sleep.
#[kfunc(family = families::user_mem, sleepable)]
#[allow(non_snake_case)] // `dst` and its size `dst__sz` are both kernel names
pub unsafe extern "C" fn bpf_copy_from_user_str(
    dst: *mut c_void,
    dst__sz: Size<u32>,
    unsafe_ptr: Ign<*const c_void>,
    flags: u64,
) -> i32 {
    0
}

/// Copies a NUL-terminated string from `tsk`'s user memory into `dst` of `dst__sz` bytes; may sleep.
#[kfunc(family = families::user_mem, sleepable)]
#[allow(non_snake_case)] // `dst` and its size `dst__sz` are both kernel names
pub unsafe extern "C" fn bpf_copy_from_user_task_str(
    dst: *mut c_void,
    dst__sz: Size<u32>,
    unsafe_ptr: Ign<*const c_void>,
    tsk: *mut TaskStruct,
    flags: u64,
) -> i32 {
    0
}

/// Reads `size` bytes of user memory into `dptr` at `off`.
#[kfunc(family = families::user_mem)]
pub unsafe extern "C" fn bpf_probe_read_user_dynptr(
    dptr: Written<*mut Dynptr>,
    off: u32,
    size: u32,
    unsafe_ptr: Ign<*const c_void>,
) -> i32 {
    0
}

/// Reads `size` bytes of kernel memory into `dptr` at `off`.
#[kfunc(family = families::user_mem)]
pub unsafe extern "C" fn bpf_probe_read_kernel_dynptr(
    dptr: Written<*mut Dynptr>,
    off: u32,
    size: u32,
    unsafe_ptr: Ign<*const c_void>,
) -> i32 {
    0
}

/// Reads a user string of at most `size` bytes into `dptr` at `off`.
#[kfunc(family = families::user_mem)]
pub unsafe extern "C" fn bpf_probe_read_user_str_dynptr(
    dptr: Written<*mut Dynptr>,
    off: u32,
    size: u32,
    unsafe_ptr: Ign<*const c_void>,
) -> i32 {
    0
}

/// Reads a kernel string of at most `size` bytes into `dptr` at `off`.
#[kfunc(family = families::user_mem)]
pub unsafe extern "C" fn bpf_probe_read_kernel_str_dynptr(
    dptr: Written<*mut Dynptr>,
    off: u32,
    size: u32,
    unsafe_ptr: Ign<*const c_void>,
) -> i32 {
    0
}

/// Copies `size` bytes of user memory into `dptr` at `off`; may sleep.
#[kfunc(family = families::user_mem, sleepable)]
pub unsafe extern "C" fn bpf_copy_from_user_dynptr(
    dptr: Written<*mut Dynptr>,
    off: u32,
    size: u32,
    unsafe_ptr: Ign<*const c_void>,
) -> i32 {
    0
}

/// Copies a user string of at most `size` bytes into `dptr` at `off`; may sleep.
#[kfunc(family = families::user_mem, sleepable)]
pub unsafe extern "C" fn bpf_copy_from_user_str_dynptr(
    dptr: Written<*mut Dynptr>,
    off: u32,
    size: u32,
    unsafe_ptr: Ign<*const c_void>,
) -> i32 {
    0
}

/// Copies `size` bytes of `tsk`'s user memory into `dptr` at `off`; may sleep.
#[kfunc(family = families::user_mem, sleepable, trusted_args)]
pub unsafe extern "C" fn bpf_copy_from_user_task_dynptr(
    dptr: Written<*mut Dynptr>,
    off: u32,
    size: u32,
    unsafe_ptr: Ign<*const c_void>,
    tsk: *mut TaskStruct,
) -> i32 {
    0
}

/// Copies a string of at most `size` bytes from `tsk`'s user memory into `dptr` at `off`; may sleep.
#[kfunc(family = families::user_mem, sleepable, trusted_args)]
pub unsafe extern "C" fn bpf_copy_from_user_task_str_dynptr(
    dptr: Written<*mut Dynptr>,
    off: u32,
    size: u32,
    unsafe_ptr: Ign<*const c_void>,
    tsk: *mut TaskStruct,
) -> i32 {
    0
}
