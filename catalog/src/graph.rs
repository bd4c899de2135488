use crate::families::{list, rbtree};
use kfreg::{kfunc, IntoRoot, ListHead, ListNode, Meta, NodeOffset, NonOwn, RbNode, RbRoot};

/// Adds `node` at the front of `head`.
#[kfunc(family = list, takes = [list_head, list_node])]
pub unsafe extern "C" fn bpf_list_push_front_impl(
    head: *mut ListHead,
    node: IntoRoot<*mut ListNode>,
    meta: Meta,
    off: NodeOffset,
) -> i32 {
    0
}

/// Removes the first element of `head`.
#[kfunc(family = list, acquire, ret_null)]
pub unsafe extern "C" fn bpf_list_pop_front(head: *mut ListHead) -> *mut ListNode {
    std::ptr::null_mut()
}

/// The first element of `head`, still in the list.
#[kfunc(family = list, ret_null)]
pub unsafe extern "C" fn bpf_list_front(head: *mut ListHead) -> *mut ListNode {
    std::ptr::null_mut()
}

/// Adds `node` to `root`, ordered by `less`.
#[kfunc(family = rbtree, callback(less, sync, args = nodes))]
pub unsafe extern "C" fn bpf_rbtree_add_impl(
    root: *mut RbRoot,
    node: IntoRoot<*mut RbNode>,
    less: unsafe extern "C" fn(*mut RbNode, *const RbNode) -> bool,
    meta: Meta,
    off: NodeOffset,
) -> i32 {
    0
}

/// Removes `node` from `root`.
#[kfunc(family = rbtree, acquire, ret_null, not_in_locked_cb)]
pub unsafe extern "C" fn bpf_rbtree_remove(root: *mut RbRoot, node: NonOwn<*mut RbNode>) -> *mut RbNode {
    std::ptr::null_mut()
}
