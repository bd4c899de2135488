#![allow(unused_variables)]
use kfreg::*;
#[family(lock_required)]
pub struct guarded;

fn main() {}
