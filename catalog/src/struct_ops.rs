//! The struct_ops types of Linux 6.18 the kernel registers (`struct
//! bpf_struct_ops`): what each decides on top of the struct_ops program
//! type. Every member, struct and field named here is checked against the
//! recorded kernel BTF (`catalog/tests/struct_ops.rs`).

use kfreg::struct_ops;

/// TCP congestion control (`net/ipv4/bpf_tcp_ca.c`).
///
/// `get_info` may not be implemented (it has no CFI stub, so
/// `bpf_struct_ops_supported` refuses it); a member's `struct sock`
/// argument is the connection's `tcp_sock` (`bpf_tcp_ca_is_valid_access`);
/// the congestion state of the `tcp_sock` may be written
/// (`bpf_tcp_ca_btf_struct_access`); `release` may not change or read
/// socket options (`bpf_tcp_ca_get_func_proto`; probed on the running
/// kernel, these two are the only helpers `release` loses). The helpers it
/// gets are the struct_ops program type's.
#[struct_ops(
    unsupported = [get_info],
    promote = [sock = tcp_sock],
    write = tcp_sock(
        inet_conn.icsk_inet.sk.sk_pacing_rate,
        inet_conn.icsk_inet.sk.sk_pacing_status,
        inet_conn.icsk_ca_priv[..],
        inet_conn.icsk_ack.pending,
        snd_cwnd,
        snd_cwnd_cnt,
        snd_cwnd_stamp,
        snd_ssthresh,
        ecn_flags,
        app_limited
    ),
    refuse_helpers = [release = [bpf_setsockopt, bpf_getsockopt]],
)]
pub struct tcp_congestion_ops;

/// The test runner's struct_ops (`net/bpf/bpf_dummy_struct_ops.c`).
///
/// Only `test_sleepable` may be sleepable (`bpf_dummy_ops_check_member`),
/// `test_1`'s state may be NULL (its stub takes `cb__nullable`), the
/// state its members get may be written (`bpf_dummy_ops_btf_struct_access`),
/// and its `verifier_ops` give no helper (no `get_func_proto`).
#[struct_ops(
    sleepable = [test_sleepable],
    nullable = [test_1 = [0]],
    write = bpf_dummy_ops_state(..),
    no_helpers
)]
pub struct bpf_dummy_ops;
