#![allow(unused_variables)]
use kfreg::*;
#[kfunc(sleepable = true)]
pub extern "C" fn k() {}

fn main() {}
