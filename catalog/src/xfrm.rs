//! IPsec state lookups (`net/xfrm/xfrm_state_bpf.c`, registered for XDP).

use crate::families;
use crate::structs::{BpfXfrmStateOpts, XdpMd, XfrmState};
use kfreg::{Size, kfunc};

/// Looks up the xfrm state described by `opts`, referenced.
#[kfunc(family = families::xfrm, ret_null, acquire)]
#[allow(non_snake_case)] // `opts` and its size `opts__sz` are both kernel names
pub unsafe extern "C" fn bpf_xdp_get_xfrm_state(
    ctx: *mut XdpMd,
    opts: *mut BpfXfrmStateOpts,
    opts__sz: Size<u32>,
) -> *mut XfrmState {
    std::ptr::null_mut()
}

/// Drops an xfrm state reference.
#[kfunc(family = families::xfrm, release)]
pub unsafe extern "C" fn bpf_xdp_xfrm_state_release(x: *mut XfrmState) {}
