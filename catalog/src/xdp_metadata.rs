//! XDP receive metadata (`net/core/xdp.c`, registered for XDP programs).
//!
//! For device-bound programs the verifier replaces each call by the
//! driver's implementation (see `VOCAB-GAPS.md`); otherwise the generic
//! implementation returns `-EOPNOTSUPP`.

use crate::families;
use crate::structs::{XdpMd, XdpRssHashType};
use kfreg::kfunc;

/// Reads the hardware receive timestamp into `timestamp`.
#[kfunc(family = families::xdp_metadata, trusted_args, device_bound)]
pub unsafe extern "C" fn bpf_xdp_metadata_rx_timestamp(
    ctx: *const XdpMd,
    timestamp: *mut u64,
) -> i32 {
    0
}

/// Reads the hardware receive hash into `hash` and its type into `rss_type`.
#[kfunc(family = families::xdp_metadata, trusted_args, device_bound)]
pub unsafe extern "C" fn bpf_xdp_metadata_rx_hash(
    ctx: *const XdpMd,
    hash: *mut u32,
    rss_type: *mut XdpRssHashType,
) -> i32 {
    0
}

/// Reads the stripped VLAN protocol and TCI.
#[kfunc(family = families::xdp_metadata, trusted_args, device_bound)]
pub unsafe extern "C" fn bpf_xdp_metadata_rx_vlan_tag(
    ctx: *const XdpMd,
    vlan_proto: *mut u16,
    vlan_tci: *mut u16,
) -> i32 {
    0
}
