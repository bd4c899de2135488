#![allow(unused_variables)]
use kfreg::*;
#[kfunc(acqire, familly = x, iter_new, iter_destroy)]
pub extern "C" fn k(a: u64) {}

fn main() {}
