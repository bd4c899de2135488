//! The numeric open-coded iterator (`kernel/bpf/helpers.c`, common set:
//! every program type). Its kfuncs may be called while a lock is held.

use crate::families;
use crate::structs::IterNum;
use kfreg::kfunc;

/// Starts iterating over `[start, end)`.
#[kfunc(family = families::iter_num, iter_new)]
pub unsafe extern "C" fn bpf_iter_num_new(it: *mut IterNum, start: i32, end: i32) -> i32 {
    0
}

/// The next number, NULL at the end.
#[kfunc(family = families::iter_num, iter_next, ret_null)]
pub unsafe extern "C" fn bpf_iter_num_next(it: *mut IterNum) -> *mut i32 {
    std::ptr::null_mut()
}

/// Ends the iteration.
#[kfunc(family = families::iter_num, iter_destroy)]
pub unsafe extern "C" fn bpf_iter_num_destroy(it: *mut IterNum) {}
