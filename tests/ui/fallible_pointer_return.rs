#![allow(unused_variables)]
use kfreg::*;
#[kfunc(lock, fallible)]
pub unsafe extern "C" fn k(l: *mut ResSpinLock) -> *mut u8 { std::ptr::null_mut() }

fn main() {}
