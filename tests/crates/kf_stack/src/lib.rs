//! `stk`: a LIFO of allocated objects, linked through list nodes. Its own
//! family and policy: lock required on the root, callable under the lock,
//! only for tc and xdp programs.
#![allow(
    non_camel_case_types,
    unused_variables,
    missing_docs,
    clippy::missing_safety_doc
)]

use kfreg::{IntoRoot, ListHead, ListNode, Meta, NodeOffset, family, kfunc};

/// A lock-protected stack of list nodes.
#[family(root = list_head, node = list_node, lock_required, lock_safe, prog_types = [sched_cls, xdp])]
pub struct stk;

/// Pushes the owning `node` onto `top`.
#[kfunc(family = stk)]
pub unsafe extern "C" fn stk_push_impl(
    top: *mut ListHead,
    node: IntoRoot<*mut ListNode>,
    meta: Meta,
    off: NodeOffset,
) -> i32 {
    0
}

/// Pops the top element, owned.
#[kfunc(family = stk, acquire, ret_null)]
pub unsafe extern "C" fn stk_pop(top: *mut ListHead) -> *mut ListNode {
    std::ptr::null_mut()
}

/// Peeks at the top element without taking it (non-owning).
#[kfunc(family = stk, ret_null)]
pub unsafe extern "C" fn stk_peek(top: *mut ListHead) -> *mut ListNode {
    std::ptr::null_mut()
}

/// Throws the whole stack away by resetting the machine: a destructive
/// kfunc, for loaders that hold `CAP_SYS_BOOT` only.
#[kfunc(destructive)]
pub extern "C" fn stk_reset_machine() {}
