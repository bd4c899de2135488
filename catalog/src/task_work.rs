//! Task work scheduled from BPF (`kernel/bpf/helpers.c`, common set: every
//! program type).

use crate::families;
use crate::structs::{BpfMap, TaskStruct};
use kfreg::{MapPtr, ProgAux, TaskWork, kfunc};
use std::ffi::c_void;

/// Schedules `callback` on `task`, notifying it with a signal; `tw` lives in a value of `map`.
#[kfunc(family = families::task_work, trusted_args, callback(callback, async, sleepable, args = map_value(map)))]
pub unsafe extern "C" fn bpf_task_work_schedule_signal_impl(
    task: *mut TaskStruct,
    tw: *mut TaskWork,
    map: MapPtr,
    callback: unsafe extern "C" fn(*mut BpfMap, *mut c_void, *mut c_void) -> i32,
    aux: ProgAux,
) -> i32 {
    0
}

/// Schedules `callback` on `task` for its next return to user space; `tw` lives in a value of `map`.
#[kfunc(family = families::task_work, trusted_args, callback(callback, async, sleepable, args = map_value(map)))]
pub unsafe extern "C" fn bpf_task_work_schedule_resume_impl(
    task: *mut TaskStruct,
    tw: *mut TaskWork,
    map: MapPtr,
    callback: unsafe extern "C" fn(*mut BpfMap, *mut c_void, *mut c_void) -> i32,
    aux: ProgAux,
) -> i32 {
    0
}
