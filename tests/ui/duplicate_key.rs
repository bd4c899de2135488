#![allow(unused_variables)]
use kfreg::*;
#[family]
pub struct a;
#[family]
pub struct b;

#[kfunc(family = a, family = b)]
pub extern "C" fn k() {}

fn main() {}
