#![allow(unused_variables)]
use kfreg::*;
#[kfunc(callback(cb))]
pub unsafe extern "C" fn k(cb: unsafe extern "C" fn(u64) -> i32) {}

fn main() {}
