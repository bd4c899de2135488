#![allow(unused_variables)]
use kfreg::*;
#[kfunc(ret = kern_ctx)]
pub unsafe extern "C" fn k(p: *mut u8) -> *mut std::ffi::c_void { std::ptr::null_mut() }

fn main() {}
