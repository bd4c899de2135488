//! Task references and signals (`kernel/bpf/helpers.c`, generic set; see
//! `alloc` for the program types it reaches).

use crate::families;
use crate::structs::{PidType, TaskStruct};
use kfreg::kfunc;

/// Takes a reference on the trusted or RCU-protected task `p`.
#[kfunc(family = families::task, acquire, rcu, ret_null)]
pub unsafe extern "C" fn bpf_task_acquire(p: *mut TaskStruct) -> *mut TaskStruct {
    std::ptr::null_mut()
}

/// Drops a task reference.
#[kfunc(family = families::task, release)]
pub unsafe extern "C" fn bpf_task_release(p: *mut TaskStruct) {}

/// The task with global pid `pid`, referenced.
#[kfunc(family = families::task, acquire, ret_null)]
pub unsafe extern "C" fn bpf_task_from_pid(pid: i32) -> *mut TaskStruct {
    std::ptr::null_mut()
}

/// The task with pid `vpid` in the caller's pid namespace, referenced.
#[kfunc(family = families::task, acquire, ret_null)]
pub unsafe extern "C" fn bpf_task_from_vpid(vpid: i32) -> *mut TaskStruct {
    std::ptr::null_mut()
}

/// Sends signal `sig` to `task`, with `value` as its payload.
#[kfunc(family = families::task, trusted_args)]
pub unsafe extern "C" fn bpf_send_signal_task(
    task: *mut TaskStruct,
    sig: i32,
    r#type: PidType,
    value: u64,
) -> i32 {
    0
}
