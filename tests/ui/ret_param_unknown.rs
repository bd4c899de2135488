#![allow(unused_variables)]
use kfreg::*;
#[kfunc(acquire, ret_null, ret = like(q))]
pub unsafe extern "C" fn k(p: Refcounted) -> *mut std::ffi::c_void { std::ptr::null_mut() }

fn main() {}
