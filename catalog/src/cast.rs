//! Pointer casts the verifier rewrites to `r0 = r1` (`kernel/bpf/helpers.c`,
//! common set: every program type).

use crate::families;
use kfreg::{AnyCtx, Const, Ign, kfunc};
use std::ffi::c_void;

/// The kernel-side context behind the program's context `obj`, trusted.
#[kfunc(family = families::cast, fastcall, ret = kern_ctx)]
pub unsafe extern "C" fn bpf_cast_to_kern_ctx(obj: AnyCtx) -> *mut c_void {
    std::ptr::null_mut()
}

/// Reinterprets `obj` as the kernel type `btf_id`, read-only and untrusted.
#[kfunc(family = families::cast, fastcall, ret = cast(btf_id))]
pub unsafe extern "C" fn bpf_rdonly_cast(
    obj: Ign<*const c_void>,
    btf_id: Const<u32>,
) -> *mut c_void {
    std::ptr::null_mut()
}
