//! The DMA buffer iterator (`kernel/bpf/dmabuf_iter.c`, registered in the
//! common set of `kernel/bpf/helpers.c`: every program type).

use crate::families;
use crate::structs::{DmaBuf, IterDmabuf};
use kfreg::kfunc;

/// Starts iterating over the DMA buffers.
#[kfunc(family = families::iter_dmabuf, iter_new, sleepable)]
pub unsafe extern "C" fn bpf_iter_dmabuf_new(it: *mut IterDmabuf) -> i32 {
    0
}

/// The next DMA buffer, NULL at the end.
#[kfunc(family = families::iter_dmabuf, iter_next, ret_null, sleepable)]
pub unsafe extern "C" fn bpf_iter_dmabuf_next(it: *mut IterDmabuf) -> *mut DmaBuf {
    std::ptr::null_mut()
}

/// Ends the DMA buffer iteration.
#[kfunc(family = families::iter_dmabuf, iter_destroy, sleepable)]
pub unsafe extern "C" fn bpf_iter_dmabuf_destroy(it: *mut IterDmabuf) {}
