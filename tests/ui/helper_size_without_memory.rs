use kfreg::helper::*;

/// A size with no memory before it.
#[kfreg::helper(id = 7)]
pub fn bpf_bad(flags: Anything, size: ConstSize) -> Integer;

fn main() {}
