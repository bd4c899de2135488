//! Declares the `queue` family and two of its kfuncs.
#![allow(
    non_camel_case_types,
    unused_variables,
    missing_docs,
    clippy::missing_safety_doc
)]

use kfreg::{IntoRoot, ListHead, ListNode, Meta, NodeOffset, family, kfunc};

/// Queues of allocated objects.
#[family(root = list_head, node = list_node, lock_required, lock_safe, prog_types = [sched_cls, xdp])]
pub struct queue;

/// Enqueues `node`.
#[kfunc(family = queue)]
pub unsafe extern "C" fn alpha_enqueue(
    head: *mut ListHead,
    node: IntoRoot<*mut ListNode>,
    meta: Meta,
    off: NodeOffset,
) -> i32 {
    0
}

/// Dequeues the oldest element.
#[kfunc(family = queue, acquire, ret_null)]
pub unsafe extern "C" fn alpha_dequeue(head: *mut ListHead) -> *mut ListNode {
    std::ptr::null_mut()
}

/// Adds two numbers; in no family.
#[kfunc]
pub extern "C" fn alpha_add(a: u64, b: u64) -> u64 {
    a + b
}
