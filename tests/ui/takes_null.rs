#![allow(unused_variables)]
use kfreg::*;
#[kfunc(takes = null)]
pub unsafe extern "C" fn k(p: Nullable<*mut u8>) {}

fn main() {}
