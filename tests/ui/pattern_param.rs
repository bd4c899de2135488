#![allow(unused_variables)]
use kfreg::*;
#[kfunc]
pub extern "C" fn k((a, b): (u32, u32)) {}

fn main() {}
