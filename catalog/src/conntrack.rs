//! Netfilter connection tracking and NAT (`net/netfilter/nf_conntrack_bpf.c`,
//! `net/netfilter/nf_nat_bpf.c`, registered for XDP and sched_cls).
//!
//! Lookup options and tuples are memory the program passes with their size;
//! the DSL types them as kernel structs (see `VOCAB-GAPS.md`).

use crate::families;
use crate::structs::{
    BpfCtOpts, BpfSockTuple, NfConn, NfConnInit, NfInetAddr, NfNatManipType, SkBuff, XdpMd,
};
use kfreg::{Size, kfunc};

/// Allocates a conntrack entry for `bpf_tuple` from XDP, not yet inserted.
#[kfunc(family = families::conntrack, acquire, ret_null)]
#[allow(non_snake_case)] // `opts` and its size `opts__sz` are both kernel names
pub unsafe extern "C" fn bpf_xdp_ct_alloc(
    xdp_ctx: *mut XdpMd,
    bpf_tuple: *mut BpfSockTuple,
    tuple: Size<u32>,
    opts: *mut BpfCtOpts,
    opts__sz: Size<u32>,
) -> *mut NfConnInit {
    std::ptr::null_mut()
}

/// Looks up the conntrack entry of `bpf_tuple` from XDP.
#[kfunc(family = families::conntrack, acquire, ret_null)]
#[allow(non_snake_case)] // `opts` and its size `opts__sz` are both kernel names
pub unsafe extern "C" fn bpf_xdp_ct_lookup(
    xdp_ctx: *mut XdpMd,
    bpf_tuple: *mut BpfSockTuple,
    tuple: Size<u32>,
    opts: *mut BpfCtOpts,
    opts__sz: Size<u32>,
) -> *mut NfConn {
    std::ptr::null_mut()
}

/// Allocates a conntrack entry for `bpf_tuple` from tc, not yet inserted.
#[kfunc(family = families::conntrack, acquire, ret_null)]
#[allow(non_snake_case)] // `opts` and its size `opts__sz` are both kernel names
pub unsafe extern "C" fn bpf_skb_ct_alloc(
    skb_ctx: *mut SkBuff,
    bpf_tuple: *mut BpfSockTuple,
    tuple: Size<u32>,
    opts: *mut BpfCtOpts,
    opts__sz: Size<u32>,
) -> *mut NfConnInit {
    std::ptr::null_mut()
}

/// Looks up the conntrack entry of `bpf_tuple` from tc.
#[kfunc(family = families::conntrack, acquire, ret_null)]
#[allow(non_snake_case)] // `opts` and its size `opts__sz` are both kernel names
pub unsafe extern "C" fn bpf_skb_ct_lookup(
    skb_ctx: *mut SkBuff,
    bpf_tuple: *mut BpfSockTuple,
    tuple: Size<u32>,
    opts: *mut BpfCtOpts,
    opts__sz: Size<u32>,
) -> *mut NfConn {
    std::ptr::null_mut()
}

/// Inserts the allocated entry `nfct_i` (consuming it) and returns the inserted entry.
#[kfunc(family = families::conntrack, acquire, ret_null, release)]
pub unsafe extern "C" fn bpf_ct_insert_entry(nfct_i: *mut NfConnInit) -> *mut NfConn {
    std::ptr::null_mut()
}

/// Drops a conntrack entry reference.
#[kfunc(family = families::conntrack, release)]
pub unsafe extern "C" fn bpf_ct_release(nfct: *mut NfConn) {}

/// Sets the timeout of an entry not yet inserted, in milliseconds.
#[kfunc(family = families::conntrack, trusted_args)]
pub unsafe extern "C" fn bpf_ct_set_timeout(nfct: *mut NfConnInit, timeout: u32) {}

/// Changes the timeout of an inserted entry, in milliseconds.
#[kfunc(family = families::conntrack, trusted_args)]
pub unsafe extern "C" fn bpf_ct_change_timeout(nfct: *mut NfConn, timeout: u32) -> i32 {
    0
}

/// Sets the status bits of an entry not yet inserted.
#[kfunc(family = families::conntrack, trusted_args)]
pub unsafe extern "C" fn bpf_ct_set_status(nfct: *const NfConnInit, status: u32) -> i32 {
    0
}

/// Changes the status bits of an inserted entry.
#[kfunc(family = families::conntrack, trusted_args)]
pub unsafe extern "C" fn bpf_ct_change_status(nfct: *mut NfConn, status: u32) -> i32 {
    0
}

/// Sets the source or destination NAT (`manip`) of an entry not yet inserted.
#[kfunc(family = families::conntrack, trusted_args)]
pub unsafe extern "C" fn bpf_ct_set_nat_info(
    nfct: *mut NfConnInit,
    addr: *mut NfInetAddr,
    port: i32,
    manip: NfNatManipType,
) -> i32 {
    0
}
