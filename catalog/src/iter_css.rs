//! Cgroup iterators (`kernel/bpf/cgroup_iter.c` and `kernel/bpf/task_iter.c`,
//! registered in the common set of `kernel/bpf/helpers.c`: every program
//! type).
//!
//! The kernel further restricts `bpf_iter_css_task_new` to LSM programs,
//! tracing iterator programs and sleepable programs (a per-call check the
//! DSL cannot state; see `VOCAB-GAPS.md`).

use crate::families;
use crate::structs::{CgroupSubsysState, IterCss, IterCssTask, TaskStruct};
use kfreg::kfunc;

/// Starts walking the css hierarchy from `start` in the order `flags` selects.
#[kfunc(family = families::iter_css, iter_new, trusted_args, rcu_protected)]
pub unsafe extern "C" fn bpf_iter_css_new(
    it: *mut IterCss,
    start: *mut CgroupSubsysState,
    flags: u32,
) -> i32 {
    0
}

/// The next css, NULL at the end.
#[kfunc(family = families::iter_css, iter_next, ret_null)]
pub unsafe extern "C" fn bpf_iter_css_next(it: *mut IterCss) -> *mut CgroupSubsysState {
    std::ptr::null_mut()
}

/// Ends the css walk.
#[kfunc(family = families::iter_css, iter_destroy)]
pub unsafe extern "C" fn bpf_iter_css_destroy(it: *mut IterCss) {}

/// Starts iterating over the tasks of `css` selected by `flags`.
#[kfunc(family = families::iter_css_task, iter_new, trusted_args, process_context)]
pub unsafe extern "C" fn bpf_iter_css_task_new(
    it: *mut IterCssTask,
    css: *mut CgroupSubsysState,
    flags: u32,
) -> i32 {
    0
}

/// The next task of the css, NULL at the end.
#[kfunc(family = families::iter_css_task, iter_next, ret_null)]
pub unsafe extern "C" fn bpf_iter_css_task_next(it: *mut IterCssTask) -> *mut TaskStruct {
    std::ptr::null_mut()
}

/// Ends the css task iteration.
#[kfunc(family = families::iter_css_task, iter_destroy)]
pub unsafe extern "C" fn bpf_iter_css_task_destroy(it: *mut IterCssTask) {}
