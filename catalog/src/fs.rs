//! Files, paths and extended attributes (`fs/bpf_fs_kfuncs.c`).
//!
//! The fs set is registered for LSM programs and its filter refuses every
//! other program type sharing the tracing hook, so it is LSM-only. The
//! dentry xattr writers are rewritten to `_locked` variants in hooks that
//! already hold the inode lock (see `VOCAB-GAPS.md`).
//! `bpf_cgroup_read_xattr` is registered in the common set of
//! `kernel/bpf/helpers.c` instead (every program type).

use crate::families;
use crate::structs::{Cgroup, Dentry, File, Path, TaskStruct};
use kfreg::{Dynptr, Size, Str, kfunc};

/// The executable file of `task`, referenced.
#[kfunc(family = families::fs, acquire, trusted_args, ret_null)]
pub unsafe extern "C" fn bpf_get_task_exe_file(task: *mut TaskStruct) -> *mut File {
    std::ptr::null_mut()
}

/// Drops a file reference taken by `bpf_get_task_exe_file`.
#[kfunc(family = families::fs, release)]
pub unsafe extern "C" fn bpf_put_file(file: *mut File) {}

/// Writes the full path of `path` into `buf` of `buf__sz` bytes.
#[kfunc(family = families::fs, trusted_args)]
#[allow(non_snake_case)] // `buf` and its size `buf__sz` are both kernel names
pub unsafe extern "C" fn bpf_path_d_path(
    path: *const Path,
    buf: *mut u8,
    buf__sz: Size<u64>,
) -> i32 {
    0
}

/// Reads xattr `name` of `dentry` into the dynptr `value_p`; may sleep.
#[kfunc(family = families::fs, sleepable, trusted_args)]
pub unsafe extern "C" fn bpf_get_dentry_xattr(
    dentry: *mut Dentry,
    name: Str,
    value_p: *mut Dynptr,
) -> i32 {
    0
}

/// Reads xattr `name` of `file` into the dynptr `value_p`; may sleep.
#[kfunc(family = families::fs, sleepable, trusted_args)]
pub unsafe extern "C" fn bpf_get_file_xattr(
    file: *mut File,
    name: Str,
    value_p: *mut Dynptr,
) -> i32 {
    0
}

/// Sets xattr `name` of `dentry` from the dynptr `value_p`; may sleep.
#[kfunc(family = families::fs, sleepable, trusted_args)]
pub unsafe extern "C" fn bpf_set_dentry_xattr(
    dentry: *mut Dentry,
    name: Str,
    value_p: *const Dynptr,
    flags: i32,
) -> i32 {
    0
}

/// Removes xattr `name` of `dentry`; may sleep.
#[kfunc(family = families::fs, sleepable, trusted_args)]
pub unsafe extern "C" fn bpf_remove_dentry_xattr(dentry: *mut Dentry, name: Str) -> i32 {
    0
}

/// Reads the `user.*` xattr `name` of `cgroup` into the dynptr `value_p`.
/// Not `Written`: Linux does not count this write, an skb's packet
/// pointers survive it.
#[kfunc(rcu, prog_types = any)]
pub unsafe extern "C" fn bpf_cgroup_read_xattr(
    cgroup: *mut Cgroup,
    name: Str,
    value_p: *mut Dynptr,
) -> i32 {
    0
}
