use kfreg::helper::*;

/// Memory the helper cannot size.
#[kfreg::helper(id = 7)]
pub fn bpf_bad(buf: Rdonly<Mem>, flags: Anything) -> Integer;

fn main() {}
