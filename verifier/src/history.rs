//! A path's history: the instructions it ran since its last stored state,
//! with what backtracking needs to know about each (precision walks it
//! backwards; a stored state keeps the history that led to it).

use crate::state::{Linked, RegType, SlotKind, State, slot_index};
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
    /// A comparison's linked scalars: precision reaching one of them
    /// reaches them all (the kernel's `linked_regs` history record).
    pub linked: Linked,
}

impl Hist {
    /// The kernel's jump history holds an entry for it even when it is no
    /// jump target: a spill or fill, or a comparison of a stack pointer.
    pub fn flagged(&self) -> bool {
        self.stack.is_some() || self.jmp_stack.0 || self.jmp_stack.1
    }

    /// The entry for instruction `insn` about to run in `st`.
    pub fn of(st: &State, insn: Insn) -> Hist {
        let stack = stack_slot(st, insn)
            .filter(|&(fr, spi, at)| spills_or_fills(st, insn, fr, spi, at))
            .map(|(fr, spi, _)| (fr, spi));
        let is_stack = |r| st.reg(r).ty == RegType::Stack;
        let jmp_stack = match insn {
            Insn::Jmp {
                dst,
                src: Src::Reg(s),
                ..
            } => (is_stack(dst), is_stack(s)),
            Insn::Jmp { dst, .. } => (is_stack(dst), false),
            _ => (false, false),
        };
        Hist {
            insn: st.insn,
            depth: st.frames.len() as u8,
            callback: st.cur().in_callback.is_some(),
            stack,
            jmp_stack,
            linked: Linked::default(),
        }
    }
}

/// What walks back over one entry of a path's history have traced before
/// it, in the frame it ran in. A walk reaching the entry with no more than
/// that traced has nothing left to do: the earlier walks marked the
/// stored states above (they only gain marks), and a walk follows each
/// value apart from the others, so theirs covered its own.
#[derive(Clone, Copy, Debug, Default)]
pub struct Covered {
    /// Frames when the entry ran.
    pub depth: u8,
    /// Registers of the running frame.
    pub regs: u16,
    /// Stack slots of the running frame.
    pub slots: u64,
}

/// The stack slot a load, store or atomic about to run in `st` touches at
/// a fixed offset: (frame, slot index, byte offset from the frame pointer).
pub fn stack_slot(st: &State, insn: Insn) -> Option<(u8, u16, i32)> {
    let (base, off) = match insn {
        Insn::Ldx { src, off, .. }
        | Insn::Atomic {
            op: AtomicOp::LoadAcquire,
            src,
            off,
            ..
        } => (src, off),
        Insn::St { dst, off, .. } | Insn::Stx { dst, off, .. } | Insn::Atomic { dst, off, .. } => {
            (dst, off)
        }
        _ => return None,
    };
    let r = st.reg(base);
    // r.off is any i32 the program made: an offset below the stack (which
    // the access is then refused for) names no slot.
    let at = r.off.checked_add(off as i32)?;
    let on_stack = (-(crate::limits::MAX_STACK as i32)..0).contains(&at);
    (r.ty == RegType::Stack && r.fixed_offset() && on_stack)
        .then(|| (r.aux as u8, slot_index(at) as u16, at))
}

/// Whether the access moves a register to or from the slot, which is all
/// backtracking follows through the stack (the kernel's
/// INSN_F_STACK_ACCESS): a store spills a scalar at an 8-byte aligned
/// offset, or a pointer; a load fills from a spilled register, whole, or
/// its low part at the slot's start, or zeroes from a spilled zero. Data
/// written over a slot or read from one is not followed: a traced slot
/// stays traced across the write, and a value read from data starts there.
fn spills_or_fills(st: &State, insn: Insn, frame: u8, spi: u16, at: i32) -> bool {
    let aligned = at % 8 == 0;
    let size = match insn {
        Insn::St { .. } => return aligned,
        // A store-release stores as a plain store does.
        Insn::Stx { src, .. }
        | Insn::Atomic {
            op: AtomicOp::StoreRelease,
            src,
            ..
        } => {
            let ty = st.reg(src).ty;
            return ty.is_spillable() && (ty != RegType::Scalar || aligned);
        }
        Insn::Ldx { size, .. } | Insn::Atomic { size, .. } => size.bytes() as usize,
        _ => return false,
    };
    let Some(slot) = st
        .frames
        .get(frame as usize)
        .and_then(|f| f.stack.get(spi as usize))
    else {
        return false;
    };
    if !slot.is_spill() {
        return false;
    }
    let spilled = slot.spill_size();
    if (size == 8 && spilled == 8) || (size <= spilled && aligned) {
        return true;
    }
    let first = (at + 8 * (spi as i32 + 1)) as usize;
    let all_spill = slot.bytes[first..(first + size).min(8)]
        .iter()
        .all(|b| *b == SlotKind::Spill);
    all_spill && slot.reg.ty == RegType::Scalar && slot.reg.var.as_const() == Some(0)
}
