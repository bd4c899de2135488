//! Doubly linked lists of allocated objects (`bpf_list_head` /
//! `bpf_list_node`, `kernel/bpf/helpers.c`, generic set).
//!
//! Every operation needs the spin lock protecting the head held; all of them
//! may be called while it is. Availability: the generic set (see `alloc`).

use crate::families;
use kfreg::{IntoRoot, ListHead, ListNode, Meta, NodeOffset, kfunc};

/// Adds the owning `node` at the front of `head`.
#[kfunc(family = families::list, takes = [list_head, list_node])]
pub unsafe extern "C" fn bpf_list_push_front_impl(
    head: *mut ListHead,
    node: IntoRoot<*mut ListNode>,
    meta: Meta,
    off: NodeOffset,
) -> i32 {
    0
}

/// Adds the owning `node` at the back of `head`.
#[kfunc(family = families::list, takes = [list_head, list_node])]
pub unsafe extern "C" fn bpf_list_push_back_impl(
    head: *mut ListHead,
    node: IntoRoot<*mut ListNode>,
    meta: Meta,
    off: NodeOffset,
) -> i32 {
    0
}

/// Removes the first element of `head` and returns it, owned.
#[kfunc(family = families::list, acquire, ret_null)]
pub unsafe extern "C" fn bpf_list_pop_front(head: *mut ListHead) -> *mut ListNode {
    std::ptr::null_mut()
}

/// Removes the last element of `head` and returns it, owned.
#[kfunc(family = families::list, acquire, ret_null)]
pub unsafe extern "C" fn bpf_list_pop_back(head: *mut ListHead) -> *mut ListNode {
    std::ptr::null_mut()
}

/// The first element of `head`, still in the list (non-owning).
#[kfunc(family = families::list, ret_null)]
pub unsafe extern "C" fn bpf_list_front(head: *mut ListHead) -> *mut ListNode {
    std::ptr::null_mut()
}

/// The last element of `head`, still in the list (non-owning).
#[kfunc(family = families::list, ret_null)]
pub unsafe extern "C" fn bpf_list_back(head: *mut ListHead) -> *mut ListNode {
    std::ptr::null_mut()
}
