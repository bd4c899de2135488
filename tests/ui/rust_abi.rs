#![allow(unused_variables)]
use kfreg::*;
#[kfunc]
pub fn k(a: u64) {}

fn main() {}
