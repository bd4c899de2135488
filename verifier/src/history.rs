//! A path's history: the instructions it ran since its last stored state,
//! with what backtracking needs to know about each (precision walks it
//! backwards; a stored state keeps the history that led to it).

use crate::state::{RegType, State, slot_index};
use kfreg_isa::{AtomicOp, Insn, Src};

/// One executed instruction of a path, as backtracking needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hist {
    /// The instruction.
    pub insn: u32,
    /// Call frames when it ran (the frame running it is `depth - 1`).
    pub depth: u8,
    /// It ran in a callback's frame.
    pub callback: bool,
    /// The stack slot it loaded or stored: (frame, slot index).
    pub stack: Option<(u8, u16)>,
    /// A conditional jump's destination and source registers held stack
    /// pointers: their values are addresses, not scalars a comparison
    /// could have narrowed, so precision does not follow them (the
    /// kernel's INSN_F_DST_REG_STACK and INSN_F_SRC_REG_STACK).
    pub jmp_stack: (bool, bool),
}

impl Hist {
    /// The entry for instruction `insn` about to run in `st`.
    pub fn of(st: &State, insn: Insn) -> Hist {
        let (base, off) = match insn {
            Insn::Ldx { src, off, .. }
            | Insn::Atomic {
                op: AtomicOp::LoadAcquire,
                src,
                off,
                ..
            } => (Some(src), off),
            Insn::St { dst, off, .. }
            | Insn::Stx { dst, off, .. }
            | Insn::Atomic { dst, off, .. } => (Some(dst), off),
            _ => (None, 0),
        };
        let stack = base.and_then(|b| {
            let r = st.reg(b);
            let at = r.off + off as i32;
            (r.ty == RegType::Stack && r.fixed_offset() && at < 0)
                .then(|| (r.aux as u8, slot_index(at) as u16))
        });
        let is_stack = |r| st.reg(r).ty == RegType::Stack;
        let jmp_stack = match insn {
            Insn::Jmp {
                dst,
                src: Src::Reg(s),
                ..
            } => (is_stack(dst), is_stack(s)),
            _ => (false, false),
        };
        Hist {
            insn: st.insn,
            depth: st.frames.len() as u8,
            callback: st.cur().in_callback.is_some(),
            stack,
            jmp_stack,
        }
    }
}
