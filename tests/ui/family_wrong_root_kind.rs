#![allow(unused_variables)]
use kfreg::*;
#[family(root = list_node)]
pub struct list;

fn main() {}
