#![allow(unused_variables)]
use kfreg::*;
#[kfunc(release)]
pub extern "C" fn k(a: u64, b: u32) {}

fn main() {}
