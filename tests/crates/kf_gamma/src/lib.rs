//! Declares a family of its own with a lock policy and two kfuncs.
#![allow(
    non_camel_case_types,
    unused_variables,
    missing_docs,
    clippy::missing_safety_doc
)]

use kfreg::{ResSpinLock, family, kfunc};

/// Counters guarded by a resilient lock.
#[family(lock_safe, irq_class = counter)]
pub struct counter;

/// Takes the counter lock.
#[kfunc(family = counter, lock, fallible)]
pub unsafe extern "C" fn gamma_lock(lock: *mut ResSpinLock) -> i32 {
    0
}

/// Releases the counter lock.
#[kfunc(family = counter, unlock)]
pub unsafe extern "C" fn gamma_unlock(lock: *mut ResSpinLock) {}
