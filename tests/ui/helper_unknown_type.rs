use kfreg::helper::*;

/// A type that means nothing to a helper, and a modifier that does not apply.
#[kfreg::helper(id = 7)]
pub fn bpf_bad(p: *mut u8, q: OrNull<ConstSize>) -> Integer;

fn main() {}
