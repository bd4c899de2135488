//! A helper Linux does not have, declared the way an out-of-tree kernel
//! patch would add one: a number past the kernel's last helper, its
//! argument kinds, the program types that get it. Linking this crate is all
//! the verifier needs to check programs that call it.

use kfreg::helper;
use kfreg::helper::*;

/// Hashes `size` bytes at `data`, seeded with `seed`.
#[helper(id = 300, gpl_only, pkt_access, prog_types = [xdp, sched_cls])]
pub fn bpf_ext_hash(data: Rdonly<Mem>, size: ConstSize, seed: Anything) -> Integer;

/// Looks up `key` in `map` and reports whether it is there; only hash maps.
#[helper(id = 301, map_types = [hash, lru_hash], prog_types = any)]
pub fn bpf_ext_contains(map: ConstMapPtr, key: MapKey) -> Integer;
