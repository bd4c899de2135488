#![allow(unused_variables)]
use kfreg::*;
#[kfunc(acquire, ret_null, ret = new_obj(type_id))]
pub unsafe extern "C" fn k(type_id: u64) -> *mut std::ffi::c_void { std::ptr::null_mut() }

fn main() {}
