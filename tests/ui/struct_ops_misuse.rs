#![allow(non_camel_case_types)]

/// Claims that contradict each other or are malformed, each reported at its token.
#[kfreg::struct_ops(
    unsupported = [get_info],
    sleepable = [get_info],
    nullable = [get_info = [0], test_1 = [12]],
    promote = [sock = sock],
    write = tcp_sock,
    refuse_helpers = [release = [bpf_setsockopt]],
    no_helpers,
    checks_member
)]
pub struct tcp_congestion_ops;

/// Nothing writable is a mistake: omit `write` instead.
#[kfreg::struct_ops(write = tcp_sock())]
pub struct other_ops;

/// Member paths are names.
#[kfreg::struct_ops(write = tcp_sock(snd_cwnd.0, 3))]
pub struct third_ops;

fn main() {}
