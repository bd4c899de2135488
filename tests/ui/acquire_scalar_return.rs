#![allow(unused_variables)]
use kfreg::*;
#[kfunc(acquire)]
pub extern "C" fn k() -> i32 { 0 }

fn main() {}
