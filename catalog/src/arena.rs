//! BPF arena pages (`kernel/bpf/arena.c`, registered for
//! `BPF_PROG_TYPE_UNSPEC`: every program type).

use crate::families;
use kfreg::{Arena, Ign, MapPtr, kfunc};
use std::ffi::c_void;

/// Allocates `page_cnt` pages of arena `p` at `addr` (or anywhere) on NUMA node `node_id`; may sleep.
#[kfunc(family = families::arena, trusted_args, sleepable, arena_ret, arena_arg2)]
pub unsafe extern "C" fn bpf_arena_alloc_pages(
    p: MapPtr,
    addr: Ign<Arena<*mut c_void>>,
    page_cnt: u32,
    node_id: i32,
    flags: u64,
) -> Arena<*mut c_void> {
    Arena(std::ptr::null_mut())
}

/// Frees `page_cnt` pages of arena `p` at `ptr`; may sleep.
#[kfunc(family = families::arena, trusted_args, sleepable, arena_arg2)]
pub unsafe extern "C" fn bpf_arena_free_pages(
    p: MapPtr,
    ptr: Ign<Arena<*mut c_void>>,
    page_cnt: u32,
) {
}

/// Reserves `page_cnt` pages of arena `p` at `ptr` so they are never allocated; may sleep.
#[kfunc(family = families::arena, trusted_args, sleepable, arena_arg2)]
pub unsafe extern "C" fn bpf_arena_reserve_pages(
    p: MapPtr,
    ptr: Ign<Arena<*mut c_void>>,
    page_cnt: u32,
) -> i32 {
    0
}
