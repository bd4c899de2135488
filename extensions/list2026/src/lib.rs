//! The list API bpf-next added in 2026 ("Extend the bpf_list family of
//! APIs"), which Linux 6.18 does not have: `bpf_list_del`, `bpf_list_add_impl`,
//! `bpf_list_is_first`, `bpf_list_is_last`, `bpf_list_empty`.
//!
//! In the kernel each addition touches the special-kfunc enum, the list
//! predicate and the node-taking predicate. Here each is one declaration in
//! the catalog's `list` family: the lock requirement and "callable while
//! locked" come from the family, `NonOwn` is upstream's `__nonown_allowed`.
#![allow(unused_variables, clippy::missing_safety_doc)]

use kfreg::{IntoRoot, ListHead, ListNode, Meta, NodeOffset, NonOwn, kfunc};
use kfreg_catalog::families::list;

/// Removes `node` from `head` and returns it, owned.
#[kfunc(family = list, acquire, ret_null, takes = [list_head, list_node])]
pub unsafe extern "C" fn bpf_list_del(
    head: *mut ListHead,
    node: NonOwn<*mut ListNode>,
) -> *mut ListNode {
    std::ptr::null_mut()
}

/// Inserts the owning `new` after `prev`, which is already in `head`.
#[kfunc(family = list)]
pub unsafe extern "C" fn bpf_list_add_impl(
    head: *mut ListHead,
    new: IntoRoot<*mut ListNode>,
    prev: NonOwn<*mut ListNode>,
    meta: Meta,
    off: NodeOffset,
) -> i32 {
    0
}

/// Whether `node` is the first element of `head`.
#[kfunc(family = list)]
pub unsafe extern "C" fn bpf_list_is_first(
    head: *mut ListHead,
    node: NonOwn<*mut ListNode>,
) -> bool {
    false
}

/// Whether `node` is the last element of `head`.
#[kfunc(family = list)]
pub unsafe extern "C" fn bpf_list_is_last(
    head: *mut ListHead,
    node: NonOwn<*mut ListNode>,
) -> bool {
    false
}

/// Whether `head` is empty.
#[kfunc(family = list)]
pub unsafe extern "C" fn bpf_list_empty(head: *mut ListHead) -> bool {
    true
}
