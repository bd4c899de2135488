#![allow(unused_variables)]
use kfreg::*;
#[family(root = list_head, node = list_node, lock_required)]
pub struct list;

#[kfunc(family = list)]
pub unsafe extern "C" fn k(head: *mut ListHead, node: *mut RbNode) {}

fn main() {}
