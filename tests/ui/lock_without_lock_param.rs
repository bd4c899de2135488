#![allow(unused_variables)]
use kfreg::*;
#[kfunc(lock, fallible)]
pub unsafe extern "C" fn k(p: *mut u64) -> i32 { 0 }

fn main() {}
