#![allow(unused_variables)]
use kfreg::*;
kfreg::kernel_struct! {
    pub struct It = "bpf_iter_x", iter, size = 8;
}

#[kfunc(iter_destroy)]
pub unsafe extern "C" fn bpf_iter_x_destroy(it: *mut It) -> i32 { 0 }

fn main() {}
