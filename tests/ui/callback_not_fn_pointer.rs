#![allow(unused_variables)]
use kfreg::*;
#[kfunc(callback(flags, async))]
pub unsafe extern "C" fn k(cb: unsafe extern "C" fn(u64) -> i32, flags: u64) {}

fn main() {}
