#![allow(unused_variables)]
use kfreg::*;
#[kfunc(ret_null)]
pub extern "C" fn k(a: u32) -> u64 { a as u64 }

fn main() {}
