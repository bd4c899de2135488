#![allow(unused_variables)]
use kfreg::*;
#[kfunc(iter_new)]
pub extern "C" fn bpf_iter_x_new(start: i32, end: i32) -> i32 { 0 }

fn main() {}
