#![allow(unused_variables)]
use kfreg::*;
#[kfunc]
pub extern "system" fn k(a: u64) {}

fn main() {}
