//! Defines a kfunc whose name `kf_alpha` already uses: linking both is a conflict.
#![allow(missing_docs)]

use kfreg::kfunc;

/// Same symbol as `kf_alpha::alpha_add`.
#[kfunc]
pub extern "C" fn alpha_add(a: u64, b: u64) -> u64 {
    a.wrapping_add(b)
}
