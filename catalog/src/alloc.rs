use crate::families::alloc;
use kfreg::{kfunc, Alloc, Const, Meta, Refcounted};
use std::ffi::c_void;

/// Allocates an object of the program's type `local_type_id`.
#[kfunc(family = alloc, acquire, ret_null, ret = new_obj(local_type_id))]
pub unsafe extern "C" fn bpf_obj_new_impl(local_type_id: Const<u64>, meta: Meta) -> *mut c_void {
    std::ptr::null_mut()
}

/// Frees an object allocated by `bpf_obj_new_impl`.
#[kfunc(family = alloc, release)]
pub unsafe extern "C" fn bpf_obj_drop_impl(p: Alloc, meta: Meta) {}

/// Takes a new reference on a refcounted object.
#[kfunc(family = alloc, acquire, ret_null, null_unless_owning, rcu, lock_safe, ret = like(p))]
pub unsafe extern "C" fn bpf_refcount_acquire_impl(p: Refcounted, meta: Meta) -> *mut c_void {
    std::ptr::null_mut()
}
