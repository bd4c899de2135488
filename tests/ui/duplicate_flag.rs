#![allow(unused_variables)]
use kfreg::*;
#[kfunc(acquire, ret_null, acquire)]
pub extern "C" fn k(p: *mut u8) -> *mut u8 { p }

fn main() {}
