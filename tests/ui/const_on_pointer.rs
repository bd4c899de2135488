#![allow(unused_variables)]
use kfreg::*;
#[kfunc]
pub extern "C" fn k(p: Const<*mut u8>) {}

fn main() {}
