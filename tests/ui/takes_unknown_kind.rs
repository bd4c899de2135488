#![allow(unused_variables)]
use kfreg::*;
#[kfunc(takes = list_nod)]
pub unsafe extern "C" fn k(node: *mut ListNode) {}

fn main() {}
