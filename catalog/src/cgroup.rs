//! Cgroup references (`kernel/bpf/helpers.c`, generic set; see `alloc` for
//! the program types it reaches) and rstat (`kernel/cgroup/rstat.c`,
//! registered for tracing programs).

use crate::families;
use crate::structs::{Cgroup, CgroupSubsysState, TaskStruct};
use kfreg::kfunc;

/// Takes a reference on the trusted or RCU-protected cgroup `cgrp`.
#[kfunc(family = families::cgroup, acquire, rcu, ret_null)]
pub unsafe extern "C" fn bpf_cgroup_acquire(cgrp: *mut Cgroup) -> *mut Cgroup {
    std::ptr::null_mut()
}

/// Drops a cgroup reference.
#[kfunc(family = families::cgroup, release)]
pub unsafe extern "C" fn bpf_cgroup_release(cgrp: *mut Cgroup) {}

/// The ancestor of `cgrp` at depth `level`, referenced.
#[kfunc(family = families::cgroup, acquire, rcu, ret_null)]
pub unsafe extern "C" fn bpf_cgroup_ancestor(cgrp: *mut Cgroup, level: i32) -> *mut Cgroup {
    std::ptr::null_mut()
}

/// The cgroup with id `cgid`, referenced.
#[kfunc(family = families::cgroup, acquire, ret_null)]
pub unsafe extern "C" fn bpf_cgroup_from_id(cgid: u64) -> *mut Cgroup {
    std::ptr::null_mut()
}

/// Whether `task` is in `ancestor` or one of its descendants.
#[kfunc(family = families::cgroup, rcu)]
pub unsafe extern "C" fn bpf_task_under_cgroup(
    task: *mut TaskStruct,
    ancestor: *mut Cgroup,
) -> i64 {
    0
}

/// The cgroup-v1 cgroup of `task` in hierarchy `hierarchy_id`, referenced.
#[kfunc(family = families::cgroup, acquire, rcu, ret_null)]
pub unsafe extern "C" fn bpf_task_get_cgroup1(
    task: *mut TaskStruct,
    hierarchy_id: i32,
) -> *mut Cgroup {
    std::ptr::null_mut()
}

/// Marks `css`'s statistics on `cpu` as updated.
#[kfunc(family = families::cgroup_rstat)]
pub unsafe extern "C" fn css_rstat_updated(css: *mut CgroupSubsysState, cpu: i32) {}

/// Flushes the pending statistics of `css`; may sleep.
#[kfunc(family = families::cgroup_rstat, sleepable)]
pub unsafe extern "C" fn css_rstat_flush(css: *mut CgroupSubsysState) {}
