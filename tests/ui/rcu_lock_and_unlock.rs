#![allow(unused_variables)]
use kfreg::*;
#[kfunc(rcu_lock, rcu_unlock)]
pub extern "C" fn k() {}

fn main() {}
