//! Kfuncs of the BPF test runner (`net/bpf/test_run.c`).
//!
//! The release kfuncs are registered for sched_cls, tracing (the tracing
//! hook) and syscall programs. The others are the fmod_ret allowlist
//! (`register_btf_fmodret_id_set`): attach targets for fmod_ret tracing
//! programs that no program may call (their family's program types are
//! none). The DSL has no word for more than five parameters
//! (`bpf_modify_return_test2` has seven); see `VOCAB-GAPS.md`.

use crate::families;
use crate::structs::{ProgTestMember, ProgTestRefKfunc};
use kfreg::kfunc;
use std::ffi::c_void;

/// Drops a test object reference.
#[kfunc(family = families::test_release, release)]
pub unsafe extern "C" fn bpf_kfunc_call_test_release(p: *mut ProgTestRefKfunc) {}

/// Drops a test member reference.
#[kfunc(family = families::test_release, release)]
pub unsafe extern "C" fn bpf_kfunc_call_memb_release(p: *mut ProgTestMember) {}

/// fmod_ret target taking an int and a pointer.
#[kfunc(family = families::fmodret_targets)]
pub unsafe extern "C" fn bpf_modify_return_test(a: i32, b: *mut i32) -> i32 {
    0
}

/// fmod_ret target with seven parameters (the last two, `char f` and `int g`, cannot be declared).
#[kfunc(family = families::fmodret_targets)]
pub unsafe extern "C" fn bpf_modify_return_test2(
    a: i32,
    b: *mut i32,
    c: i16,
    d: i32,
    e: *mut c_void,
) -> i32 {
    0
}

/// fentry/fmod_ret target; sleepable programs may attach to it.
#[kfunc(family = families::fmodret_targets, sleepable)]
pub unsafe extern "C" fn bpf_fentry_test1(a: i32) -> i32 {
    0
}
