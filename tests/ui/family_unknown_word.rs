#![allow(unused_variables)]
use kfreg::*;
#[family(root = list_head, lock_requird)]
pub struct list;

fn main() {}
