//! Every part of the vocabulary in one place, accepted.
#![allow(non_camel_case_types, unused_variables)]

use kfreg::*;
use std::ffi::c_void;

kernel_struct! {
    pub struct Task = "task_struct";
    pub struct IterThing = "bpf_iter_thing", iter, size = 16;
    pub struct Skb = "__sk_buff", ctx;
}

#[family(root = rb_root, node = rb_node, lock_required, lock_safe, prog_types = [sched_cls, xdp])]
pub struct tree;

#[family(irq_class = native, prog_types = any)]
pub struct irq;

#[kfunc(family = tree, takes = [rb_root, rb_node, callback], callback(less, sync, args = nodes))]
pub unsafe extern "C" fn tree_add(
    root: *mut RbRoot,
    node: IntoRoot<*mut RbNode>,
    less: unsafe extern "C" fn(*mut RbNode, *const RbNode) -> bool,
    meta: Meta,
    off: NodeOffset,
) -> i32 {
    0
}

#[kfunc(family = tree, acquire, ret_null, not_in_locked_cb)]
pub unsafe extern "C" fn tree_remove(root: *mut RbRoot, node: NonOwn<*mut RbNode>) -> *mut RbNode {
    node.0
}

#[kfunc(acquire, ret_null, rcu, prog_types = [tracing, syscall])]
pub unsafe extern "C" fn task_get(t: *mut Task) -> *mut Task {
    t
}

#[kfunc(release)]
pub unsafe extern "C" fn task_put(t: *mut Task) {}

#[kfunc(iter_new, rcu_protected, process_context)]
pub unsafe extern "C" fn bpf_iter_thing_new(it: *mut IterThing, task: Nullable<*mut Task>, flags: u32) -> i32 {
    0
}

#[kfunc(iter_next, ret_null)]
pub unsafe extern "C" fn bpf_iter_thing_next(it: *mut IterThing) -> *mut Task {
    std::ptr::null_mut()
}

#[kfunc(iter_destroy)]
pub unsafe extern "C" fn bpf_iter_thing_destroy(it: *mut IterThing) {}

#[kfunc(family = irq, irq_save)]
pub unsafe extern "C" fn irq_off(flags: IrqFlag) {}

#[kfunc(lock, fallible, irq_save)]
pub unsafe extern "C" fn lock_irq(lock: *mut ResSpinLock, flags: IrqFlag) -> i32 {
    0
}

#[kfunc(dynptr = skb, prog_types = [sched_cls])]
pub unsafe extern "C" fn from_skb(skb: *mut Skb, flags: u64, ptr: Uninit<*mut Dynptr>) -> i32 {
    0
}

#[kfunc(ret_null, ret = dynptr_slice_rdwr(p, size))]
pub unsafe extern "C" fn slice(p: *const Dynptr, off: u32, buf: Opt<*mut c_void>, size: ConstSize<u32>) -> *mut c_void {
    std::ptr::null_mut()
}

#[kfunc(sleepable)]
pub unsafe extern "C" fn read_str(dst: *mut u8, dst_len: Size<u32>, name: Str, map: MapPtr) -> i32 {
    0
}

#[kfunc(callback(cb, async, sleepable, args = map_value(wq), range = 0..=0))]
pub unsafe extern "C" fn wq_cb(wq: *mut Wq, cb: unsafe extern "C" fn(*mut c_void, *mut i32, *mut c_void) -> i32, aux: ProgAux) -> i32 {
    0
}

#[kfunc(arena_ret, arena_arg2)]
pub unsafe extern "C" fn arena_alloc(map: MapPtr, addr: Arena<Ign<*mut c_void>>, pages: u32) -> Arena<*mut c_void> {
    Arena(addr.0 .0)
}

#[kfunc(acquire, ret_null, ret = new_percpu_obj(type_id))]
pub unsafe extern "C" fn new_percpu(type_id: Const<u64>, meta: Meta) -> *mut c_void {
    std::ptr::null_mut()
}

#[kfunc(release)]
pub unsafe extern "C" fn drop_obj(p: Alloc, meta: Meta) {}

#[kfunc(acquire, ret_null, null_unless_owning, ret = like(p))]
pub unsafe extern "C" fn refcount(p: Refcounted, meta: Meta) -> *mut c_void {
    std::ptr::null_mut()
}

#[kfunc(fastcall, ret = kern_ctx)]
pub unsafe extern "C" fn to_kern(ctx: AnyCtx) -> *mut c_void {
    std::ptr::null_mut()
}

#[kfunc(throws)]
pub extern "C" fn throw(cookie: u64) {}

#[kfunc(trap)]
pub extern "C" fn __trap() {}

#[kfunc(device_bound, prog_types = [xdp])]
pub extern "C" fn rx_hint() -> u32 {
    0
}

fn main() {
    let reg = Registry::global();
    assert_eq!(reg.len(), 21);
    let new = reg.id("bpf_iter_thing_new").unwrap();
    assert!(reg.has(new, Flags::PROCESS_CONTEXT));
    assert!(reg.has(reg.id("rx_hint").unwrap(), Flags::DEVICE_BOUND));
    let k = reg.by_name("slice").unwrap();
    assert_eq!(k.params[2].kind, ArgKind::MemSize);
    let r = reg.by_name("tree_remove").unwrap();
    assert_eq!(r.ret, Ret::GraphNode { root: 0 });
    let add = reg.by_name("tree_add").unwrap();
    assert_eq!(add.callbacks[0].ret_max, 1);
}
