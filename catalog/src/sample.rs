use crate::families::iter_num;
use crate::structs::{IterNum, SkBuffCtx};
use kfreg::{kfunc, ConstSize, Dynptr, Opt, Uninit, Wq, ProgAux, AnyCtx, Ign, Const};
use std::ffi::c_void;

/// Starts iterating over `[start, end)`.
#[kfunc(family = iter_num, iter_new)]
pub unsafe extern "C" fn bpf_iter_num_new(it: *mut IterNum, start: i32, end: i32) -> i32 { 0 }

/// The next number, NULL at the end.
#[kfunc(family = iter_num, iter_next, ret_null)]
pub unsafe extern "C" fn bpf_iter_num_next(it: *mut IterNum) -> *mut i32 { std::ptr::null_mut() }

/// Ends the iteration.
#[kfunc(family = iter_num, iter_destroy)]
pub unsafe extern "C" fn bpf_iter_num_destroy(it: *mut IterNum) {}

/// A dynptr over the skb's packet data.
#[kfunc(dynptr = skb, prog_types = [sched_cls, sched_act])]
pub unsafe extern "C" fn bpf_dynptr_from_skb(s: *mut SkBuffCtx, flags: u64, ptr: Uninit<*mut Dynptr>) -> i32 { 0 }

/// A read-only slice of a dynptr.
#[kfunc(ret_null, ret = dynptr_slice(p, buffer__szk))]
pub unsafe extern "C" fn bpf_dynptr_slice(p: *const Dynptr, offset: u32, buffer: Opt<*mut c_void>, buffer__szk: ConstSize<u32>) -> *mut c_void { std::ptr::null_mut() }

/// Sets the workqueue's callback.
#[kfunc(callback(callback_fn, async, sleepable, args = map_value(wq), range = 0..=0))]
pub unsafe extern "C" fn bpf_wq_set_callback_impl(wq: *mut Wq, callback_fn: unsafe extern "C" fn(*mut c_void, *mut i32, *mut c_void) -> i32, flags: u32, aux: ProgAux) -> i32 { 0 }

/// The kernel-side context of the program's context.
#[kfunc(fastcall, ret = kern_ctx)]
pub unsafe extern "C" fn bpf_cast_to_kern_ctx(obj: AnyCtx) -> *mut c_void { std::ptr::null_mut() }

/// Reinterprets `obj` as kernel type `btf_id`, untrusted.
#[kfunc(fastcall, ret = cast(btf_id))]
pub unsafe extern "C" fn bpf_rdonly_cast(obj: Ign<*const c_void>, btf_id: Const<u32>) -> *mut c_void { std::ptr::null_mut() }
