use kfreg::helper::*;

/// A result bounded by the size argument needs a size argument.
#[kfreg::helper(id = 400, ret_size_bounded)]
pub fn bpf_no_size(data: Anything) -> Integer;

fn main() {}
