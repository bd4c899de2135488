use kfreg::helper::*;

/// A map value from no map.
#[kfreg::helper(id = 7)]
pub fn bpf_bad(key: Anything) -> OrNull<MapValue>;

fn main() {}
