//! The program context of each program type: which offsets may be read or
//! written, and what loading them yields.

use crate::check::{Env, VerifyError};
use crate::mem::Access;
use crate::scalar::Scalar;
use crate::state::{PtrFlags, Reg, RegType, State};
use kfreg::ProgType;

/// Whether the type's context is an skb (legacy packet loads allowed).
pub fn has_skb(p: ProgType) -> bool {
    matches!(
        p,
        ProgType::SocketFilter | ProgType::SchedCls | ProgType::SchedAct | ProgType::CgroupSkb
    )
}

/// Whether programs of this type may write packet data.
pub fn packet_writable(p: ProgType) -> bool {
    matches!(
        p,
        ProgType::SchedCls
            | ProgType::SchedAct
            | ProgType::Xdp
            | ProgType::LwtXmit
            | ProgType::SkSkb
            | ProgType::SkMsg
    )
}

/// When packet pointers may be passed to helpers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PacketArgs {
    /// Never: the program type has no direct packet access.
    Never,
    /// To helpers declared `pkt_access`.
    IfDeclared,
    /// To every helper taking memory.
    Always,
}

/// The kernel's `may_access_direct_pkt_data` for helper arguments.
pub fn packet_args(p: ProgType) -> PacketArgs {
    match p {
        ProgType::LwtIn
        | ProgType::LwtOut
        | ProgType::LwtSeg6local
        | ProgType::SkReuseport
        | ProgType::FlowDissector
        | ProgType::CgroupSkb
        | ProgType::SchedCls
        | ProgType::SchedAct
        | ProgType::Xdp
        | ProgType::LwtXmit
        | ProgType::SkSkb
        | ProgType::SkMsg => PacketArgs::IfDeclared,
        ProgType::CgroupSockopt => PacketArgs::Always,
        _ => PacketArgs::Never,
    }
}

/// `struct __sk_buff` fields a tc program may write: mark, queue_mapping,
/// priority, tc_index, cb[5], tc_classid, tstamp.
const SKB_WRITABLE: &[(i32, u32)] = &[
    (8, 4),
    (12, 4),
    (32, 4),
    (44, 4),
    (48, 20),
    (60, 4),
    (152, 8),
];

/// Loads and stores through the context pointer (at offset `off`, fixed).
/// Sign-extending loads (`sign_ext`) are refused on pointer fields.
pub fn access(
    env: &mut Env,
    st: &mut State,
    off: i32,
    size: u32,
    kind: Access,
    sign_ext: bool,
) -> Result<Reg, VerifyError> {
    let idx = st.insn;
    let bad = || {
        Err(VerifyError::at(
            idx,
            format!("invalid bpf_context access off={off} size={size}"),
        ))
    };
    let prog = env.prog.prog_type;
    let aligned = off % size as i32 == 0;
    match prog {
        ProgType::SchedCls | ProgType::SchedAct | ProgType::SocketFilter | ProgType::CgroupSkb => {
            if !(0..SKB_CTX_SIZE).contains(&off) || !aligned {
                return bad();
            }
            let tc = matches!(prog, ProgType::SchedCls | ProgType::SchedAct);
            let special = match off {
                SKB_DATA => Some(RegType::Packet),
                SKB_DATA_END => Some(RegType::PacketEnd),
                SKB_DATA_META => Some(RegType::PacketMeta),
                _ => None,
            };
            if let Some(ty) = special {
                // Socket filters see no packet pointers; only tc has metadata.
                let allowed = prog != ProgType::SocketFilter && (ty != RegType::PacketMeta || tc);
                if !allowed || kind == Access::Write || size != 4 || sign_ext {
                    return bad();
                }
                return Ok(Reg::ptr(ty, 0));
            }
            if skb_refused(prog, off, size) {
                return bad();
            }
            let end = off + size as i32;
            let within = |lo: i32, hi: i32| off < hi && end > lo;
            // `sk_filter_is_valid_access`: what socket filters may not see.
            if prog == ProgType::SocketFilter
                && (within(SKB_FAMILY, SKB_DATA_META)
                    || within(SKB_TSTAMP, SKB_WIRE_LEN + 4)
                    || within(SKB_HWTSTAMP, SKB_CTX_SIZE))
            {
                return bad();
            }
            // `bpf_skb_is_valid_access`: tstamp_type and the padding after it.
            if within(SKB_TSTAMP_TYPE, SKB_HWTSTAMP) {
                return bad();
            }
            if off == SKB_SK {
                if kind == Access::Write || size != 8 {
                    return bad();
                }
                let mut r = Reg::ptr(RegType::Sock, 0);
                r.flags = PtrFlags::MAYBE_NULL;
                r.id = env.new_id();
                return Ok(r);
            }
            if kind == Access::Write {
                let writable = if prog == ProgType::SocketFilter {
                    SKB_WRITABLE_SOCKET
                } else {
                    SKB_WRITABLE
                };
                let ok = writable
                    .iter()
                    .any(|(o, len)| off >= *o && end <= o + *len as i32);
                if !ok {
                    return bad();
                }
            } else if within(SKB_CB, SKB_CB + 20) {
                // cb[] reads at any width inside cb[].
                if end > SKB_CB + 20 {
                    return bad();
                }
            } else if SKB_U64.contains(&off) {
                if size != 8 {
                    return bad();
                }
            } else if within(SKB_REMOTE_IP4, SKB_REMOTE_PORT) {
                // Addresses: whole 32-bit words only.
                if size != 4 {
                    return bad();
                }
            } else if size > 4 || end > (off & !3) + 4 {
                // Everything else: a 32-bit field, read whole or in part.
                return bad();
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        ProgType::Xdp => {
            // egress_ifindex needs a devmap attach type.
            if kind == Access::Write
                || size != 4
                || !(0..XDP_EGRESS_IFINDEX).contains(&off)
                || !aligned
            {
                return bad();
            }
            if sign_ext && off < 12 {
                return bad();
            }
            Ok(match off {
                0 => Reg::ptr(RegType::Packet, 0),
                4 => Reg::ptr(RegType::PacketEnd, 0),
                8 => Reg::ptr(RegType::PacketMeta, 0),
                _ => Reg::scalar(Scalar::unknown_width(4)),
            })
        }
        ProgType::Syscall => {
            if off < 0 || off >= u16::MAX as i32 || !aligned {
                return bad();
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        ProgType::RawTracepoint | ProgType::RawTracepointWritable => {
            if kind == Access::Write || off < 0 || !aligned || off + size as i32 > 8 * MAX_FUNC_ARGS
            {
                return bad();
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        // `kprobe_prog_is_valid_access`: reads within `struct pt_regs`.
        ProgType::Kprobe => {
            if kind == Access::Write || off < 0 || !aligned || off + size as i32 > PT_REGS_SIZE {
                return bad();
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        // `tp_prog_is_valid_access`: the tracepoint's record after its
        // common header, up to PERF_MAX_TRACE_SIZE.
        ProgType::Tracepoint => {
            if kind == Access::Write || !(8..PERF_MAX_TRACE_SIZE).contains(&off) || !aligned {
                return bad();
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        // `pe_prog_is_valid_access`: `struct bpf_perf_event_data` is the
        // registers then two u64s (sample_period, addr) that may be read
        // narrower; the registers only as whole longs.
        ProgType::PerfEvent => {
            let narrow_ok = off >= PT_REGS_SIZE && size.is_power_of_two();
            if kind == Access::Write
                || !(0..PT_REGS_SIZE + 16).contains(&off)
                || !aligned
                || !(size == 8 || narrow_ok)
            {
                return bad();
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        ProgType::Tracing | ProgType::Lsm => {
            if kind == Access::Write || off < 0 || !aligned || off + size as i32 > 8 * MAX_FUNC_ARGS
            {
                return bad();
            }
            if matches!(prog, ProgType::Tracing | ProgType::Lsm) && size != 8 {
                return bad();
            }
            // A BTF-typed argument: a trusted pointer to its kernel struct.
            if let Some(Some(arg)) = env.prog.ctx_args.get(off as usize / 8)
                && !sign_ext
            {
                let mut r = Reg::ptr(RegType::BtfId, crate::kernel_types::id_of(&arg.target));
                r.flags = PtrFlags::TRUSTED;
                if arg.maybe_null {
                    r.flags = r.flags.with(PtrFlags::MAYBE_NULL);
                    r.id = env.new_id();
                }
                return Ok(r);
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        _ => {
            if kind == Access::Write || off < 0 || !aligned {
                return bad();
            }
            if prog == ProgType::FlowDissector {
                // `flow_dissector_is_valid_access`: the packet and the flow keys, nothing else.
                if off == SKB_FLOW_KEYS && size == 8 {
                    let keys = env.prog.kernel_btf.as_deref().and_then(|btf| {
                        let id = btf.find("bpf_flow_keys", crate::btf::Kind::Struct)?;
                        btf.size_of(id).ok().flatten()
                    });
                    let mut r = Reg::ptr(RegType::Mem, keys.unwrap_or(0) as u32);
                    r.flags = PtrFlags::FLOW_KEYS;
                    return Ok(r);
                }
                if !(off == SKB_DATA || off == SKB_DATA_END) {
                    return bad();
                }
            }
            if uapi_ctx(prog) == Some("__sk_buff") {
                if skb_refused(prog, off, size) {
                    return bad();
                }
                // lwt, sk_skb and flow dissector programs see the packet
                // through data and data_end.
                if off == SKB_DATA || off == SKB_DATA_END {
                    if size != 4 || sign_ext {
                        return bad();
                    }
                    let ty = if off == SKB_DATA {
                        RegType::Packet
                    } else {
                        RegType::PacketEnd
                    };
                    return Ok(Reg::ptr(ty, 0));
                }
            }
            // Nothing past the end of the context struct the kernel declares.
            let end = uapi_ctx(prog).and_then(|name| {
                let btf = env.prog.kernel_btf.as_deref()?;
                let id = btf.find(name, crate::btf::Kind::Struct)?;
                btf.size_of(id).ok().flatten()
            });
            if end.is_some_and(|end| off as u64 + size as u64 > end) {
                return bad();
            }
            // 64-bit fields (pointers above all) are loaded whole.
            let wide = WIDE_FIELDS
                .iter()
                .find(|(p, at, _)| *p == prog && off < at + 8 && off + size as i32 > *at);
            match wide {
                Some(&(_, at, yields)) => {
                    if off != at || size != 8 || sign_ext {
                        return bad();
                    }
                    Ok(wide_field(env, yields))
                }
                None => Ok(Reg::scalar(Scalar::unknown_width(size))),
            }
        }
    }
}

/// What loading a 64-bit context field gives.
#[derive(Clone, Copy)]
enum Wide {
    /// A number.
    U64,
    /// A full socket, never NULL.
    Socket,
    /// A full socket or NULL.
    SocketOrNull,
    /// Any socket or NULL.
    SockCommonOrNull,
    /// The start of packet data.
    Packet,
    /// The end of packet data.
    PacketEnd,
    /// A trusted pointer to a kernel struct.
    Kernel(&'static str),
}

/// The 64-bit fields of the contexts the match above does not model field by
/// field (the kernel's `*_is_valid_access` for `bpf_sock_addr`,
/// `bpf_sock_ops`, `bpf_sockopt`, `sk_msg_md`, `bpf_sk_lookup`,
/// `sk_reuseport_md` and `bpf_nf_ctx`): loaded only whole.
const WIDE_FIELDS: &[(ProgType, i32, Wide)] = &[
    (ProgType::CgroupSockAddr, 64, Wide::Socket),
    (ProgType::SockOps, 184, Wide::SocketOrNull),
    (ProgType::SockOps, 192, Wide::Packet),
    (ProgType::SockOps, 200, Wide::PacketEnd),
    (ProgType::SockOps, 216, Wide::U64),
    (ProgType::CgroupSockopt, 0, Wide::Socket),
    (ProgType::CgroupSockopt, 8, Wide::Packet),
    (ProgType::CgroupSockopt, 16, Wide::PacketEnd),
    (ProgType::SkMsg, 0, Wide::Packet),
    (ProgType::SkMsg, 8, Wide::PacketEnd),
    (ProgType::SkMsg, 72, Wide::Socket),
    (ProgType::SkLookup, 0, Wide::SocketOrNull),
    (ProgType::SkReuseport, 0, Wide::Packet),
    (ProgType::SkReuseport, 8, Wide::PacketEnd),
    (ProgType::SkReuseport, 40, Wide::Socket),
    (ProgType::SkReuseport, 48, Wide::SockCommonOrNull),
    (ProgType::Netfilter, 0, Wide::Kernel("nf_hook_state")),
    (ProgType::Netfilter, 8, Wide::Kernel("sk_buff")),
];

fn wide_field(env: &mut Env, yields: Wide) -> Reg {
    let maybe_null = |env: &mut Env, mut r: Reg| {
        r.flags = r.flags.with(PtrFlags::MAYBE_NULL);
        r.id = env.new_id();
        r
    };
    match yields {
        Wide::U64 => Reg::scalar(Scalar::unknown_width(8)),
        Wide::Socket => Reg::ptr(RegType::Socket, 0),
        Wide::SocketOrNull => maybe_null(env, Reg::ptr(RegType::Socket, 0)),
        Wide::SockCommonOrNull => maybe_null(env, Reg::ptr(RegType::Sock, 0)),
        Wide::Packet => Reg::ptr(RegType::Packet, 0),
        Wide::PacketEnd => Reg::ptr(RegType::PacketEnd, 0),
        Wide::Kernel(name) => {
            let mut r = Reg::ptr(RegType::BtfId, crate::kernel_types::id_of(name));
            r.flags = PtrFlags::TRUSTED;
            r
        }
    }
}

/// The `struct __sk_buff` accesses every program type refuses the same way:
/// 64-bit fields loaded in part, `flow_keys` outside the flow dissector,
/// `tc_classid` and `data_meta` outside tc.
fn skb_refused(prog: ProgType, off: i32, size: u32) -> bool {
    let end = off + size as i32;
    let tc = matches!(prog, ProgType::SchedCls | ProgType::SchedAct);
    let partial_u64 = SKB_U64
        .iter()
        .chain(&[SKB_FLOW_KEYS])
        .any(|f| off < f + 8 && end > *f && (off != *f || size != 8));
    let flow_keys =
        prog != ProgType::FlowDissector && off < SKB_FLOW_KEYS + 8 && end > SKB_FLOW_KEYS;
    let tc_only = !tc
        && [(SKB_TC_CLASSID, 4), (SKB_DATA_META, 4)]
            .iter()
            .any(|(f, len)| off < f + len && end > *f);
    partial_u64 || flow_keys || tc_only
}

/// `struct __sk_buff` layout facts.
const SKB_CTX_SIZE: i32 = 192;
const SKB_DATA: i32 = 76;
const SKB_DATA_END: i32 = 80;
const SKB_DATA_META: i32 = 140;
const SKB_SK: i32 = 168;
const SKB_TC_CLASSID: i32 = 72;
const SKB_CB: i32 = 48;
const SKB_FAMILY: i32 = 88;
const SKB_REMOTE_IP4: i32 = 92;
const SKB_REMOTE_PORT: i32 = 132;
const SKB_TSTAMP: i32 = 152;
const SKB_WIRE_LEN: i32 = 160;
const SKB_TSTAMP_TYPE: i32 = 180;
const SKB_HWTSTAMP: i32 = 184;
const SKB_FLOW_KEYS: i32 = 144;
/// The 8-byte fields: tstamp, sk, hwtstamp.
const SKB_U64: [i32; 3] = [152, 168, 184];
/// `struct xdp_md`: fields before `egress_ifindex` are readable by plain XDP.
const XDP_EGRESS_IFINDEX: i32 = 20;
/// `sizeof(struct pt_regs)` on x86-64: a kprobe's context.
const PT_REGS_SIZE: i32 = 168;
/// `PERF_MAX_TRACE_SIZE`: the largest tracepoint record.
const PERF_MAX_TRACE_SIZE: i32 = 8192;
/// Tracing contexts are arrays of up to 12 u64 arguments.
const MAX_FUNC_ARGS: i32 = 12;
/// `struct __sk_buff` fields a socket filter may write: cb[5].
const SKB_WRITABLE_SOCKET: &[(i32, u32)] = &[(48, 20)];

/// The struct a program type's context is declared as in `linux/bpf.h`
/// (what a kfunc's context parameter names).
pub fn uapi_ctx(p: ProgType) -> Option<&'static str> {
    Some(match p {
        ProgType::SchedCls
        | ProgType::SchedAct
        | ProgType::SocketFilter
        | ProgType::CgroupSkb
        | ProgType::LwtIn
        | ProgType::LwtOut
        | ProgType::LwtXmit
        | ProgType::SkSkb
        | ProgType::FlowDissector => "__sk_buff",
        ProgType::Xdp => "xdp_md",
        ProgType::CgroupSock => "bpf_sock",
        ProgType::CgroupSockAddr => "bpf_sock_addr",
        ProgType::SockOps => "bpf_sock_ops",
        ProgType::SkMsg => "sk_msg_md",
        ProgType::PerfEvent => "bpf_perf_event_data",
        ProgType::RawTracepoint | ProgType::RawTracepointWritable => "bpf_raw_tracepoint_args",
        ProgType::CgroupDevice => "bpf_cgroup_dev_ctx",
        ProgType::CgroupSysctl => "bpf_sysctl",
        ProgType::CgroupSockopt => "bpf_sockopt",
        ProgType::SkReuseport => "sk_reuseport_md",
        ProgType::SkLookup => "bpf_sk_lookup",
        ProgType::Netfilter => "bpf_nf_ctx",
        _ => return None,
    })
}

/// Whether `uapi` is the program-facing view of kernel struct `kern`, which
/// kfuncs taking the view accept in its place.
pub fn is_projection(uapi: &str, kern: &str) -> bool {
    (uapi, kern) == ("__sk_buff", "sk_buff") || (uapi, kern) == ("xdp_md", "xdp_buff")
}

/// The kernel-side context struct a program type's context casts to.
pub fn kern_ctx(p: ProgType) -> Option<&'static str> {
    Some(match p {
        ProgType::SchedCls | ProgType::SchedAct | ProgType::SocketFilter | ProgType::CgroupSkb => {
            "sk_buff"
        }
        ProgType::Xdp => "xdp_buff",
        ProgType::Tracing | ProgType::RawTracepoint | ProgType::Kprobe | ProgType::Tracepoint => {
            "bpf_raw_tracepoint_args"
        }
        ProgType::PerfEvent => "bpf_perf_event_data_kern",
        _ => return None,
    })
}

/// The range R0 must be in at program exit, when the type has one.
pub fn return_range(prog: &crate::program::Program) -> Option<(i64, i64)> {
    // The attach point, for types whose range depends on it (libbpf's
    // `cgroup/recvmsg4`, `cgroup_skb/egress`, ...).
    let attach = prog.section.rsplit('/').next().unwrap_or("");
    Some(match prog.prog_type {
        ProgType::Tracing if prog.iter => (0, 1),
        ProgType::CgroupSkb if attach == "egress" => (0, 3),
        ProgType::CgroupSockAddr
            if ["recvmsg", "getpeername", "getsockname"]
                .iter()
                .any(|a| attach.contains(a)) =>
        {
            (1, 1)
        }
        ProgType::CgroupSockAddr if attach.starts_with("bind") => (0, 3),
        ProgType::CgroupSkb
        | ProgType::CgroupSock
        | ProgType::CgroupSockAddr
        | ProgType::CgroupSockopt
        | ProgType::CgroupSysctl
        | ProgType::CgroupDevice
        | ProgType::SockOps
        | ProgType::SkLookup
        | ProgType::Netfilter => (0, 1),
        _ => return None,
    })
}
