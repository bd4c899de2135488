#![allow(unused_variables)]
use kfreg::*;
#[kfunc(sleepable, lock_safe)]
pub extern "C" fn k() {}

fn main() {}
