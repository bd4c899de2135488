//! Red-black trees of allocated objects (`bpf_rb_root` / `bpf_rb_node`,
//! `kernel/bpf/helpers.c`, generic set).
//!
//! Every operation needs the spin lock protecting the root held; all of them
//! may be called while it is. Inside the synchronous `less` callback of
//! `bpf_rbtree_add_impl` the kfuncs taking a possibly non-owning node are
//! refused. Availability: the generic set (see `alloc`).

use crate::families;
use kfreg::{IntoRoot, Meta, NodeOffset, NonOwn, RbNode, RbRoot, kfunc};

/// Adds the owning `node` to `root`, ordered by `less`.
#[kfunc(family = families::rbtree, takes = [rb_root, rb_node], callback(less, sync, args = nodes))]
pub unsafe extern "C" fn bpf_rbtree_add_impl(
    root: *mut RbRoot,
    node: IntoRoot<*mut RbNode>,
    less: unsafe extern "C" fn(*mut RbNode, *const RbNode) -> bool,
    meta: Meta,
    off: NodeOffset,
) -> i32 {
    0
}

/// Removes `node` from `root` and returns it, owned.
#[kfunc(family = families::rbtree, acquire, ret_null, not_in_locked_cb)]
pub unsafe extern "C" fn bpf_rbtree_remove(
    root: *mut RbRoot,
    node: NonOwn<*mut RbNode>,
) -> *mut RbNode {
    std::ptr::null_mut()
}

/// The leftmost (smallest) node of `root`, still in the tree.
#[kfunc(family = families::rbtree, ret_null)]
pub unsafe extern "C" fn bpf_rbtree_first(root: *mut RbRoot) -> *mut RbNode {
    std::ptr::null_mut()
}

/// The root node of `root`, still in the tree.
#[kfunc(family = families::rbtree, ret_null)]
pub unsafe extern "C" fn bpf_rbtree_root(root: *mut RbRoot) -> *mut RbNode {
    std::ptr::null_mut()
}

/// The left child of `node`, still in the tree.
#[kfunc(family = families::rbtree, ret_null, not_in_locked_cb)]
pub unsafe extern "C" fn bpf_rbtree_left(
    root: *mut RbRoot,
    node: NonOwn<*mut RbNode>,
) -> *mut RbNode {
    std::ptr::null_mut()
}

/// The right child of `node`, still in the tree.
#[kfunc(family = families::rbtree, ret_null, not_in_locked_cb)]
pub unsafe extern "C" fn bpf_rbtree_right(
    root: *mut RbRoot,
    node: NonOwn<*mut RbNode>,
) -> *mut RbNode {
    std::ptr::null_mut()
}
