//! Adds a kfunc to `kf_alpha`'s `queue` family from another crate.
#![allow(unused_variables, missing_docs, clippy::missing_safety_doc)]

use kf_alpha::queue;
use kfreg::{ListHead, ListNode, kfunc};

/// Peeks at the oldest element without removing it.
#[kfunc(family = queue, ret_null)]
pub unsafe extern "C" fn beta_peek(head: *mut ListHead) -> *mut ListNode {
    std::ptr::null_mut()
}
