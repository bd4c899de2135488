//! TCP congestion control building blocks for struct_ops programs
//! (`net/ipv4/bpf_tcp_ca.c`, `net/ipv4/tcp_cubic.c`, `net/ipv4/tcp_bbr.c`,
//! each registered for struct_ops).

use crate::families;
use crate::structs::{AckSample, RateSample, Sock, TcpCaEvent, TcpSock};
use kfreg::kfunc;

/// Reno's slow-start threshold for `sk`.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn tcp_reno_ssthresh(sk: *mut Sock) -> u32 {
    0
}

/// Reno congestion avoidance on `acked` packets.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn tcp_reno_cong_avoid(sk: *mut Sock, ack: u32, acked: u32) {}

/// Reno's congestion window after an undo.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn tcp_reno_undo_cwnd(sk: *mut Sock) -> u32 {
    0
}

/// Slow start on `acked` packets, returning the leftover.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn tcp_slow_start(tp: *mut TcpSock, acked: u32) -> u32 {
    0
}

/// Additive increase with window `w` on `acked` packets.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn tcp_cong_avoid_ai(tp: *mut TcpSock, w: u32, acked: u32) {}

/// CUBIC initialisation of `sk`.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn cubictcp_init(sk: *mut Sock) {}

/// CUBIC's slow-start threshold for `sk`.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn cubictcp_recalc_ssthresh(sk: *mut Sock) -> u32 {
    0
}

/// CUBIC congestion avoidance on `acked` packets.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn cubictcp_cong_avoid(sk: *mut Sock, ack: u32, acked: u32) {}

/// CUBIC's reaction to the congestion state `new_state`.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn cubictcp_state(sk: *mut Sock, new_state: u8) {}

/// CUBIC's reaction to the congestion window event `event`.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn cubictcp_cwnd_event(sk: *mut Sock, event: TcpCaEvent) {}

/// CUBIC's processing of the ACK `sample`.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn cubictcp_acked(sk: *mut Sock, sample: *const AckSample) {}

/// BBR initialisation of `sk`.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn bbr_init(sk: *mut Sock) {}

/// BBR's main control on the delivery `rs`.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn bbr_main(sk: *mut Sock, ack: u32, flag: i32, rs: *const RateSample) {}

/// BBR's send buffer expansion factor.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn bbr_sndbuf_expand(sk: *mut Sock) -> u32 {
    0
}

/// BBR's congestion window after an undo.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn bbr_undo_cwnd(sk: *mut Sock) -> u32 {
    0
}

/// BBR's reaction to the congestion window event `event`.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn bbr_cwnd_event(sk: *mut Sock, event: TcpCaEvent) {}

/// BBR's slow-start threshold for `sk`.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn bbr_ssthresh(sk: *mut Sock) -> u32 {
    0
}

/// BBR's minimum TSO segments.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn bbr_min_tso_segs(sk: *mut Sock) -> u32 {
    0
}

/// BBR's reaction to the congestion state `new_state`.
#[kfunc(family = families::tcp_cc)]
pub unsafe extern "C" fn bbr_set_state(sk: *mut Sock, new_state: u8) {}
