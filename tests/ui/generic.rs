#![allow(unused_variables)]
use kfreg::*;
#[kfunc]
pub extern "C" fn k<T: Copy>(a: u64) {}

fn main() {}
