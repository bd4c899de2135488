//! Task and VMA iterators (`kernel/bpf/task_iter.c`, registered in the
//! common set of `kernel/bpf/helpers.c`: every program type).

use crate::families;
use crate::structs::{IterTask, IterTaskVma, TaskStruct, VmAreaStruct};
use kfreg::{Nullable, kfunc};

/// Starts iterating over the tasks selected by `flags`, from `task` (NULL: all).
#[kfunc(family = families::iter_task, iter_new, trusted_args, rcu_protected)]
pub unsafe extern "C" fn bpf_iter_task_new(
    it: *mut IterTask,
    task: Nullable<*mut TaskStruct>,
    flags: u32,
) -> i32 {
    0
}

/// The next task, NULL at the end.
#[kfunc(family = families::iter_task, iter_next, ret_null)]
pub unsafe extern "C" fn bpf_iter_task_next(it: *mut IterTask) -> *mut TaskStruct {
    std::ptr::null_mut()
}

/// Ends the task iteration.
#[kfunc(family = families::iter_task, iter_destroy)]
pub unsafe extern "C" fn bpf_iter_task_destroy(it: *mut IterTask) {}

/// Starts iterating over the VMAs of `task` from address `addr`.
#[kfunc(family = families::iter_task_vma, iter_new, rcu)]
pub unsafe extern "C" fn bpf_iter_task_vma_new(
    it: *mut IterTaskVma,
    task: *mut TaskStruct,
    addr: u64,
) -> i32 {
    0
}

/// The next VMA, NULL at the end.
#[kfunc(family = families::iter_task_vma, iter_next, ret_null)]
pub unsafe extern "C" fn bpf_iter_task_vma_next(it: *mut IterTaskVma) -> *mut VmAreaStruct {
    std::ptr::null_mut()
}

/// Ends the VMA iteration and releases the task's mm.
#[kfunc(family = families::iter_task_vma, iter_destroy)]
pub unsafe extern "C" fn bpf_iter_task_vma_destroy(it: *mut IterTaskVma) {}
