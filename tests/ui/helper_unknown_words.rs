use kfreg::helper::*;

/// Misspelled words are reported together, each at its token.
#[kfreg::helper(id = 7, gpl_onl, callback = iter, map_types = [ring_buf], prog_types = [xpd])]
pub fn bpf_bad(f: Func, map: ConstMapPtr) -> Integer;

fn main() {}
