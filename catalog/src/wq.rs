//! BPF workqueues in map values (`kernel/bpf/helpers.c`, common set: every
//! program type).

use crate::families;
use kfreg::{MapPtr, ProgAux, Wq, kfunc};
use std::ffi::c_void;

/// Initialises `wq`, which lives in a value of map `p`.
#[kfunc(family = families::wq)]
pub unsafe extern "C" fn bpf_wq_init(wq: *mut Wq, p: MapPtr, flags: u32) -> i32 {
    0
}

/// Sets the callback `callback_fn` run (sleepable, later) with the map, key and value holding `wq`.
#[kfunc(family = families::wq, callback(callback_fn, async, sleepable, args = map_value(wq), range = 0..=0))]
pub unsafe extern "C" fn bpf_wq_set_callback_impl(
    wq: *mut Wq,
    callback_fn: unsafe extern "C" fn(*mut c_void, *mut i32, *mut c_void) -> i32,
    flags: u32,
    aux: ProgAux,
) -> i32 {
    0
}

/// Queues `wq` to run its callback.
#[kfunc(family = families::wq)]
pub unsafe extern "C" fn bpf_wq_start(wq: *mut Wq, flags: u32) -> i32 {
    0
}
