#![allow(unused_variables)]
use kfreg::*;
#[kfunc(callback(les, sync))]
pub unsafe extern "C" fn k(less: unsafe extern "C" fn(u64) -> bool) {}

fn main() {}
