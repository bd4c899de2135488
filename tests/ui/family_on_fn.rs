#![allow(unused_variables)]
use kfreg::*;
#[family]
pub fn list() {}

fn main() {}
