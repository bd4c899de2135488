#![allow(unused_variables)]
use kfreg::*;
#[kfunc(familly = list)]
pub extern "C" fn k() {}

fn main() {}
