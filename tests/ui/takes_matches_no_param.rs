#![allow(unused_variables)]
use kfreg::*;
#[kfunc(takes = [list_head, rb_node])]
pub unsafe extern "C" fn k(head: *mut ListHead) {}

fn main() {}
