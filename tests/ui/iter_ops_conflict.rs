#![allow(unused_variables)]
use kfreg::*;
kfreg::kernel_struct! {
    pub struct It = "bpf_iter_x", iter, size = 8;
}

#[kfunc(iter_new, iter_next, ret_null)]
pub unsafe extern "C" fn bpf_iter_x_new(it: *mut It) -> *mut u32 { std::ptr::null_mut() }

fn main() {}
