#![allow(unused_variables)]
use kfreg::*;
#[kfunc]
pub unsafe extern "C" fn k(p: NonOwn<*mut u8>) {}

fn main() {}
