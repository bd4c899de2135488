#![allow(unused_variables)]
use kfreg::*;
#[kfunc(acqire, ret_null)]
pub extern "C" fn k(p: *mut u8) -> *mut u8 { p }

fn main() {}
