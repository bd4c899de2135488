#![allow(unused_variables)]
use kfreg::*;
#[kfunc]
pub struct S;

fn main() {}
