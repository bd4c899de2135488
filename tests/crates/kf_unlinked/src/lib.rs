//! A crate that test binaries depend on but may not reference.
#![allow(missing_docs)]

use kfreg::kfunc;

/// Present only when a binary names this crate.
#[kfunc]
pub extern "C" fn unlinked_probe() -> u32 {
    7
}
