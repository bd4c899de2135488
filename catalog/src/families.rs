//! The kernel's kfunc families and their policies.

use kfreg::family;

/// Allocated local objects: `bpf_obj_new` and friends.
#[family]
pub struct alloc;

/// Lists of allocated objects (`bpf_list_head` / `bpf_list_node`).
#[family(root = list_head, node = list_node, lock_required, lock_safe)]
pub struct list;

/// Red-black trees of allocated objects (`bpf_rb_root` / `bpf_rb_node`).
#[family(root = rb_root, node = rb_node, lock_required, lock_safe)]
pub struct rbtree;

/// The numeric open-coded iterator.
#[family(lock_safe)]
pub struct iter_num;
