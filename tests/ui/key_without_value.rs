#![allow(unused_variables)]
use kfreg::*;
#[kfunc(family)]
pub extern "C" fn k() {}

fn main() {}
