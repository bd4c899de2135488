#![allow(unused_variables)]
use kfreg::*;
#[kfunc(callback(less, sync, args = nodes))]
pub unsafe extern "C" fn k(less: unsafe extern "C" fn(*mut RbNode, *const RbNode) -> bool) {}

fn main() {}
