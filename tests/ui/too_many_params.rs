#![allow(unused_variables)]
use kfreg::*;
#[kfunc]
pub extern "C" fn k(a: u64, b: u64, c: u64, d: u64, e: u64, f: u64) {}

fn main() {}
