#![allow(unused_variables)]
use kfreg::*;
kfreg::kernel_struct! {
    pub struct Task = "task_struct";
}

#[kfunc(acquire, release)]
pub unsafe extern "C" fn k(t: *mut Task) -> *mut Task { t }

fn main() {}
