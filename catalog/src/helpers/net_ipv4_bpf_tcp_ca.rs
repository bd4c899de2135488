//! Helper prototypes defined in the kernel's `net/ipv4/bpf_tcp_ca.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Send out a tcp-ack.
#[helper(id = 116, prog_types = [struct_ops])]
pub fn bpf_tcp_send_ack(tp: BtfId<crate::structs::TcpSock>, rcv_nxt: Anything) -> Integer;
