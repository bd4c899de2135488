#![allow(unused_variables)]
use kfreg::*;
pub struct Plain;

#[kfunc(family = Plain)]
pub extern "C" fn k() {}

fn main() {}
