#![allow(unused_variables)]
use kfreg::*;
#[kfunc]
pub extern "C" fn k(a: Const<u32>, b: Const<u64>) {}

fn main() {}
