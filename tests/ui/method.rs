#![allow(unused_variables)]
use kfreg::*;
pub struct S;

impl S {
    #[kfunc]
    pub extern "C" fn k(&self, a: u64) {}
}

fn main() {}
