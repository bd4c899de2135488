use kfreg::helper::*;

/// R1 to R5 only; and no number.
#[kfreg::helper()]
pub fn bpf_bad(a: Anything, b: Anything, c: Anything, d: Anything, e: Anything, f: Anything) -> Integer;

fn main() {}
