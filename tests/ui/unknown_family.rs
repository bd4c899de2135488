#![allow(unused_variables)]
use kfreg::*;
#[family(root = list_head, node = list_node)]
pub struct list;

#[kfunc(family = lsit)]
pub extern "C" fn k(head: *mut ListHead) {}

fn main() {}
