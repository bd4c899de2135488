#![allow(unused_variables)]
use kfreg::*;
#[kfunc(prog_types = [sched_cls, xpd])]
pub extern "C" fn k() {}

fn main() {}
