#![allow(unused_variables)]
use kfreg::*;
#[kfunc(dynptr = skb)]
pub unsafe extern "C" fn k(p: *mut Dynptr) -> i32 { 0 }

fn main() {}
