#![allow(unused_variables)]
use kfreg::*;
#[kfunc]
pub extern "C" fn k(name: f64) {}

fn main() {}
