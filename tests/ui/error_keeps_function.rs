#![allow(unused_variables)]
use kfreg::*;
#[kfunc(unknown_thing)]
pub extern "C" fn k(a: u64) -> u64 { a }

fn caller() -> u64 {
    // No "cannot find function" cascade: `k` is still emitted.
    k(1)
}

fn main() {}
