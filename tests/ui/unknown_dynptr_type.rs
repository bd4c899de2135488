#![allow(unused_variables)]
use kfreg::*;
#[kfunc(dynptr = skbb)]
pub unsafe extern "C" fn k(p: Uninit<*mut Dynptr>) -> i32 { 0 }

fn main() {}
