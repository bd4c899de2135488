#![allow(unused_variables)]
use kfreg::*;
#[kfunc]
pub unsafe extern "C" fn k(a: u64, ...) {}

fn main() {}
