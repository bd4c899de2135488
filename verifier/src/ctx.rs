//! The program context of each program type: which offsets may be read or
//! written, and what loading them yields.

use crate::check::{Env, VerifyError};
use crate::mem::Access;
use crate::scalar::Scalar;
use crate::state::{Reg, RegType, State};
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
pub fn access(
    env: &mut Env,
    st: &mut State,
    off: i32,
    size: u32,
    kind: Access,
) -> Result<Reg, VerifyError> {
    let idx = st.insn;
    let bad = || {
        Err(VerifyError::at(
            idx,
            format!("invalid bpf_context access off={off} size={size}"),
        ))
    };
    let prog = env.prog.prog_type;
    match prog {
        ProgType::SchedCls | ProgType::SchedAct | ProgType::SocketFilter | ProgType::CgroupSkb => {
            if !(0..192).contains(&off) || off % size as i32 != 0 && size != 8 {
                return bad();
            }
            let special = match off {
                76 => Some(RegType::Packet),
                80 => Some(RegType::PacketEnd),
                140 => Some(RegType::PacketMeta),
                _ => None,
            };
            if let Some(ty) = special {
                if kind == Access::Write
                    || size != 4
                    || (ty == RegType::PacketMeta
                        && prog != ProgType::SchedCls
                        && prog != ProgType::SchedAct)
                {
                    return bad();
                }
                return Ok(Reg::ptr(ty, 0));
            }
            if kind == Access::Write {
                let ok = prog != ProgType::SocketFilter
                    && SKB_WRITABLE
                        .iter()
                        .any(|(o, len)| off >= *o && off + size as i32 <= o + *len as i32);
                if !ok {
                    return bad();
                }
            } else if size == 8 && off != 152 && off != 168 && off != 184 {
                return bad();
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        ProgType::Xdp => {
            if kind == Access::Write || size != 4 || !(0..24).contains(&off) || off % 4 != 0 {
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
            if off < 0 || off >= u16::MAX as i32 || off % size as i32 != 0 {
                return bad();
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        ProgType::Tracing
        | ProgType::RawTracepoint
        | ProgType::RawTracepointWritable
        | ProgType::Tracepoint
        | ProgType::Kprobe
        | ProgType::PerfEvent
        | ProgType::Lsm => {
            if kind == Access::Write
                || off < 0
                || off % size as i32 != 0
                || off + size as i32 > 8 * 12
            {
                return bad();
            }
            if matches!(
                prog,
                ProgType::Tracing | ProgType::RawTracepoint | ProgType::Lsm
            ) && size != 8
            {
                return bad();
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        _ => {
            if kind == Access::Write || off < 0 {
                return bad();
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
    }
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
    if prog.prog_type == ProgType::Tracing && prog.iter {
        return Some((0, 1));
    }
    None
}
