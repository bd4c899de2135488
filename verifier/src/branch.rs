//! Conditional jumps: deciding a branch when the operands allow only one
//! outcome, and narrowing each side's state (bounds, NULL checks, packet
//! ranges) when both are possible.

use crate::state::{ADD_CONST, ADD_CONST32, Linked, LinkedAt, PtrFlags, Reg, RegType, State};
use kfreg_isa::JmpOp;
use kfreg_object::program::{FieldKind, Program};

/// `Some(outcome)` when the comparison has one possible outcome.
pub fn decide(dst: &Reg, op: JmpOp, src: &Reg, wide: bool) -> Option<bool> {
    if wide && dst.ty.is_packet_any() && src.ty.is_packet_any() {
        return packet_vs_end(dst, op, src);
    }
    match (dst.ty, src.ty) {
        (RegType::Scalar, RegType::Scalar) => dst.var.branch_taken(op, &src.var, wide),
        _ if dst.is_pointer() && src.is_null() && nonzero(dst) && wide => match op {
            JmpOp::Eq => Some(false),
            JmpOp::Ne => Some(true),
            _ => None,
        },
        _ if src.is_pointer() && dst.is_null() && nonzero(src) && wide => match op {
            JmpOp::Eq => Some(false),
            JmpOp::Ne => Some(true),
            _ => None,
        },
        _ => None,
    }
}

/// A packet pointer a test found at or beyond the packet's end decides the
/// next test of it against the end (the kernel's
/// `is_pkt_ptr_branch_taken`).
fn packet_vs_end(dst: &Reg, op: JmpOp, src: &Reg) -> Option<bool> {
    let (pkt, op) = if src.ty == RegType::PacketEnd {
        (dst, op)
    } else if dst.ty == RegType::PacketEnd {
        (src, flip(op))
    } else {
        return None;
    };
    let range = pkt.packet_range();
    match op {
        JmpOp::Le | JmpOp::Gt if range == BEYOND_PKT_END => Some(op == JmpOp::Gt),
        JmpOp::Lt | JmpOp::Ge if range == BEYOND_PKT_END || range == AT_PKT_END => {
            Some(op == JmpOp::Ge)
        }
        _ => None,
    }
}

/// `a op b` as `b op' a` (the kernel's `flip_opcode`).
fn flip(op: JmpOp) -> JmpOp {
    match op {
        JmpOp::Gt => JmpOp::Lt,
        JmpOp::Ge => JmpOp::Le,
        JmpOp::Lt => JmpOp::Gt,
        JmpOp::Le => JmpOp::Ge,
        other => other,
    }
}

/// Where `pkt op pkt_end` coming out `taken` puts `pkt` past the packet's
/// data: at its end or beyond (the kernel's `mark_pkt_end` cases).
fn past_end(op: JmpOp, taken: bool) -> Option<i32> {
    match (op, taken) {
        (JmpOp::Gt, true) | (JmpOp::Le, false) => Some(BEYOND_PKT_END),
        (JmpOp::Ge, true) | (JmpOp::Lt, false) => Some(AT_PKT_END),
        _ => None,
    }
}

/// Whether a comparison of pointer `r` with 0 has one outcome: a non-NULL
/// pointer whose variable offset stays below `BPF_MAX_VAR_OFF` (the
/// running 6.18 kernel explores both sides for a map value plus a `u32`,
/// and decides them for one plus an `s8`).
fn nonzero(r: &Reg) -> bool {
    not_null(r) && r.var.smax < crate::access::MAX_VAR_OFF as i64
}

/// Whether the kernel holds `r` to be non-NULL, so that a comparison with
/// 0 has one outcome (its `reg_not_null`). Context, stack and packet
/// pointers are not among them: both sides of such a test are explored.
/// A kernel object pointer is, when it carries a reference or is trusted
/// with no modifier that makes it unsafe.
fn not_null(r: &Reg) -> bool {
    if r.maybe_null() {
        return false;
    }
    match r.ty {
        RegType::Sock
        | RegType::Socket
        | RegType::TcpSock
        | RegType::XdpSock
        | RegType::MapValue
        | RegType::MapKey
        | RegType::Buf
        | RegType::ConstMap => true,
        // Flow keys are a pointer type of their own in the kernel, not
        // memory, and not among them.
        RegType::Mem => !r.flags.has(PtrFlags::UNTRUSTED) && !r.flags.has(PtrFlags::FLOW_KEYS),
        RegType::BtfId => r.is_trusted(),
        _ => false,
    }
}

/// Narrows `st` for the side of the jump where `dst op src` is `taken`;
/// then the scalars `linked` gathered learn what their operand learned,
/// the source's first (the kernel's order: the destination's word is the
/// last).
#[allow(clippy::too_many_arguments)]
pub fn refine(
    st: &mut State,
    dst: u8,
    src_no: Option<u8>,
    d: &Reg,
    op: JmpOp,
    s: &Reg,
    wide: bool,
    taken: bool,
    prog: &Program,
    linked: Linked,
) {
    match (d.ty, s.ty) {
        (RegType::Scalar, RegType::Scalar) => {
            // A register tested against itself is one register narrowed by
            // both operands' rules in place, one after the other; where
            // that leaves its bounds contradicting each other, the kernel
            // reports the violation and forgets them, the bits kept.
            if src_no == Some(dst) {
                st.reg_mut(dst).var = d.var.refine_self(op, wide, taken);
            } else if let Some((a, b)) = d.var.refine(op, &s.var, wide, taken) {
                st.reg_mut(dst).var = a;
                if let Some(r) = src_no {
                    st.reg_mut(r).var = b;
                }
            }
        }
        // Only a test of the pointer against the immediate 0 checks it for
        // NULL (the kernel's `BPF_K`, `imm == 0` case).
        _ if wide
            && matches!(op, JmpOp::Eq | JmpOp::Ne)
            && src_no.is_none()
            && d.maybe_null()
            && s.is_null() =>
        {
            let is_null = (op == JmpOp::Eq) == taken;
            mark_null_checked(st, d, is_null, prog);
        }
        // Two pointers found equal: a possibly-NULL one equals one the
        // kernel holds to be non-NULL ([`not_null`]: a stack, context or
        // packet pointer does not count), so it is not NULL either (that
        // register only, as in Linux; kernel object pointers excluded).
        _ if wide
            && matches!(op, JmpOp::Eq | JmpOp::Ne)
            && d.is_pointer()
            && s.is_pointer()
            && d.maybe_null() != s.maybe_null()
            && not_null(if s.maybe_null() { d } else { s })
            && d.ty != RegType::BtfId
            && s.ty != RegType::BtfId
            && (op == JmpOp::Eq) == taken =>
        {
            let r = if s.maybe_null() { src_no } else { Some(dst) };
            if let Some(r) = r {
                let reg = st.reg_mut(r);
                reg.flags = reg.flags.without(PtrFlags::MAYBE_NULL);
            }
        }
        // Packet data is the end of the metadata area: a data pointer is
        // bounded by the packet's end, a metadata pointer by the start of
        // the data (the pointer the context gave, unmoved), nothing else.
        (RegType::Packet, RegType::PacketEnd) | (RegType::PacketMeta, RegType::Packet)
            if wide && (d.ty == RegType::Packet || init_packet(s)) =>
        {
            // pkt' op pkt_end: the side where pkt' < pkt_end is open on
            // the right
            let right_open = match (op, taken) {
                (JmpOp::Gt, false) | (JmpOp::Le, true) => Some(false),
                (JmpOp::Ge, false) | (JmpOp::Lt, true) => Some(true),
                _ => None,
            };
            if let Some(open) = right_open {
                mark_packet_range(st, d, open);
            }
            if let Some(end) = past_end(op, taken)
                && s.ty == RegType::PacketEnd
            {
                mark_packet_end(st, dst, end);
            }
        }
        (RegType::PacketEnd, RegType::Packet) | (RegType::Packet, RegType::PacketMeta)
            if wide && (d.ty == RegType::PacketEnd || init_packet(d)) =>
        {
            // pkt_end op pkt'
            let right_open = match (op, taken) {
                (JmpOp::Lt, false) | (JmpOp::Ge, true) => Some(false),
                (JmpOp::Le, false) | (JmpOp::Gt, true) => Some(true),
                _ => None,
            };
            if let Some(open) = right_open {
                mark_packet_range(st, s, open);
            }
            if let (Some(end), Some(r)) = (past_end(flip(op), taken), src_no)
                && d.ty == RegType::PacketEnd
            {
                mark_packet_end(st, r, end);
            }
        }
        _ => {}
    }
    if let Some(r) = src_no {
        sync_linked(st, r, linked);
    }
    sync_linked(st, dst, linked);
}

/// The start of the packet data as the context gave it (the kernel's
/// `reg_is_init_pkt_pointer`): no offset, no variable part, no identity.
fn init_packet(r: &Reg) -> bool {
    r.ty == RegType::Packet && r.id == 0 && r.off == 0 && r.var.as_const() == Some(0)
}

/// The copies of the scalar in register `no` among the places `linked`
/// holds become what it is now (the kernel's `sync_linked_regs`): a copy
/// at its delta takes it whole, identity and precision included; a copy
/// at another delta takes it shifted by the difference, keeping its own
/// identity and delta.
fn sync_linked(st: &mut State, no: u8, linked: Linked) {
    let known = *st.reg(no);
    if known.ty != RegType::Scalar || known.id == 0 {
        return;
    }
    let base = known.id & !ADD_CONST;
    let cur = st.frames.len() - 1;
    let sync = |r: &mut Reg| {
        if r.ty != RegType::Scalar || r.id & !ADD_CONST != base {
            return false;
        }
        // A copy added to in 32 bits and one added to in 64 teach each
        // other nothing: the low word wraps where the whole does not.
        if (r.id ^ known.id) & ADD_CONST == ADD_CONST {
            return false;
        }
        let (id, off) = (r.id, r.off);
        let plain = |id: u32| id & ADD_CONST == 0;
        *r = known;
        if !(plain(id) && plain(known.id) || off == known.off) {
            // Either register's 32-bit delta makes it arithmetic on the
            // low word, zero-extended (sync_linked_regs).
            let zext = (id | known.id) & ADD_CONST32 != 0;
            r.var = known.var.add_linked(off as i64 - known.off as i64, zext);
            (r.id, r.off) = (id, off);
        }
        true
    };
    for at in linked.iter() {
        match at {
            LinkedAt::Reg { frame, reg } => {
                if (frame as usize, reg) != (cur, no)
                    && let Some(f) = st.frames.get_mut(frame as usize)
                {
                    sync(&mut f.regs[reg as usize]);
                }
            }
            LinkedAt::Slot { frame, spi } => {
                let spi = spi as usize;
                if let Some(f) = st.frames.get_mut(frame as usize)
                    && let Some(mut slot) = f.stack.get(spi).copied()
                    && slot.is_spill()
                    && sync(&mut slot.reg)
                {
                    f.stack.make_mut()[spi] = slot;
                }
            }
        }
    }
}

/// Applies a NULL check of `ptr` to every register sharing its id (the
/// kernel's `mark_ptr_or_null_reg`).
fn mark_null_checked(st: &mut State, ptr: &Reg, is_null: bool, prog: &Program) {
    let id = ptr.id;
    if id == 0 {
        return;
    }
    st.for_each_reg(|r| {
        if r.is_pointer() && r.id == id && r.maybe_null() {
            if is_null {
                *r = Reg::constant(0);
                return;
            }
            r.flags = r.flags.without(PtrFlags::MAYBE_NULL);
            // The id only linked the copies for this test; dropping it lets
            // states whose copies were numbered otherwise prune each other
            // (the kernel's mark_ptr_or_null_reg). A lock is identified by
            // the pointer it is taken through, which keeps its id.
            if !may_point_to_lock(r, prog) {
                r.id = 0;
            }
        }
    });
    if is_null && ptr.ref_obj_id != 0 && ptr.ref_obj_id == id {
        // A NULL result holds no reference; a NULL cast of a referenced
        // pointer (its reference is another's) leaves that reference held.
        st.drop_ref(ptr.ref_obj_id);
    }
}

/// Whether `r` points to a value with a spin lock (the kernel's
/// `reg_may_point_to_spin_lock`): a map value or an object of the
/// program's own types.
pub fn may_point_to_lock(r: &Reg, prog: &Program) -> bool {
    let ty = match r.ty {
        RegType::MapValue => prog.maps.get(r.aux as usize).and_then(|m| m.value_type),
        RegType::BtfId if r.flags.has(PtrFlags::PROG_BTF) => Some(r.aux),
        _ => None,
    };
    ty.and_then(|t| prog.types.get(&t)).is_some_and(|t| {
        t.field(FieldKind::SpinLock)
            .or(t.field(FieldKind::ResSpinLock))
            .is_some()
    })
}

/// A packet pointer's range when a test found it at the packet's end, or
/// beyond it by at least a byte (the kernel's AT_PKT_END, BEYOND_PKT_END).
pub const AT_PKT_END: i32 = -1;
/// See [`AT_PKT_END`].
pub const BEYOND_PKT_END: i32 = -2;

/// Marks register `r` (that one only, as the kernel's `mark_pkt_end`) as
/// found at or beyond the packet's end.
fn mark_packet_end(st: &mut State, r: u8, end: i32) {
    let reg = st.reg_mut(r);
    if reg.ty == RegType::Packet {
        reg.aux = end as u32;
    }
}

/// The largest packet offset the kernel tracks a range for.
const MAX_PACKET_OFF: u64 = 0xffff;

fn mark_packet_range(st: &mut State, ptr: &Reg, right_open: bool) {
    // The range counts from the variable part of the pointer, which every
    // register of the same identity shares: `ptr <= end` makes its offset
    // readable, `ptr < end` one byte more, but at offset 0 nothing (the
    // kernel's find_good_pkt_pointers).
    if ptr.off < 0 || (ptr.off == 0 && right_open) {
        return;
    }
    let range = ptr.off + i32::from(right_open);
    if range <= 0
        || ptr.var.umax > MAX_PACKET_OFF
        || ptr.var.umax + ptr.off.max(0) as u64 > MAX_PACKET_OFF
    {
        return;
    }
    let (ty, id) = (ptr.ty, ptr.id);
    st.for_each_reg(|r| {
        if r.ty == ty && r.id == id {
            r.aux = r.packet_range().max(range) as u32;
        }
    });
}
