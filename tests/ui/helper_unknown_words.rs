use kfreg::helper::*;

/// Misspelled words are reported together, each at its token.
#[kfreg::helper(id = 7, gpl_onl, callback = iter, map_types = [ring_buf], prog_types = [xpd])]
pub fn bpf_bad(f: Func, map: ConstMapPtr) -> Integer;

/// A function-name prefix is a string.
#[kfreg::helper(id = 8, not_traced = bpf_sk_storage)]
pub fn bpf_bad_prefix() -> Integer;

fn main() {}
