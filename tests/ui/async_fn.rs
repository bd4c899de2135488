#![allow(unused_variables)]
use kfreg::*;
#[kfunc]
pub async fn k(a: u64) {}

fn main() {}
