#![allow(unused_variables)]
use kfreg::*;
#[kfunc(prog_types = [])]
pub extern "C" fn k() {}

fn main() {}
