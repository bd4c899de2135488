use kfreg::helper::*;

/// A lock helper with nothing to lock.
#[kfreg::helper(id = 7, lock)]
pub fn bpf_bad(p: Anything);

fn main() {}
