//! XDP buffer access (`net/core/filter.c`, registered for XDP programs).

use crate::families;
use crate::structs::XdpMd;
use kfreg::{Dynptr, Uninit, kfunc};

/// Initialises `ptr` as a dynptr over the XDP buffer `x`, fragments included.
#[kfunc(family = families::xdp, dynptr = xdp)]
pub unsafe extern "C" fn bpf_dynptr_from_xdp(
    x: *mut XdpMd,
    flags: u64,
    ptr: Uninit<*mut Dynptr>,
) -> i32 {
    0
}

/// Pulls the first `len` bytes of `x` into the linear area; packet pointers become invalid.
#[kfunc(family = families::xdp, pkt_changing)]
pub unsafe extern "C" fn bpf_xdp_pull_data(x: *mut XdpMd, len: u32) -> i32 {
    0
}
