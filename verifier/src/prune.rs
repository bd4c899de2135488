//! State subsumption: may a path whose state is `cur` stop because a
//! verified state `old` covers every behaviour it can have?

use crate::state::{ADD_CONST, Frame, Reg, RegType, Slot, SlotKind, State};

/// A consistent renaming of ids from `old` to `cur`.
#[derive(Default)]
struct IdMap(Vec<(u32, u32)>);

impl IdMap {
    fn check(&mut self, old: u32, cur: u32) -> bool {
        if old == 0 && cur == 0 {
            return true;
        }
        if old == 0 || cur == 0 {
            return false;
        }
        for &(o, c) in &self.0 {
            if o == old || c == cur {
                return o == old && c == cur;
            }
        }
        self.0.push((old, cur));
        true
    }
}

/// How scalars are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Only precise scalars of `old` constrain `cur` (a finished state).
    Precise,
    /// Every scalar of `old` constrains `cur` by range: `old` is a loop
    /// head still being explored, whose precision marks are not final.
    Ranges,
}

/// The registers live in each frame of `st` (the kernel's
/// `frame_insn_idx`): the innermost frame's at its instruction, an outer
/// frame's at the call it waits on. The frame pointer always counts.
fn live_masks(st: &State, live: &[u16]) -> Vec<u16> {
    (0..st.frames.len())
        .map(|i| {
            let ip = match st.frames.get(i + 1) {
                Some(callee) => callee.callsite,
                None => st.insn,
            };
            live.get(ip as usize).copied().unwrap_or(u16::MAX) | 1 << kfreg_isa::FP
        })
        .collect()
}

/// Forgets the registers no path from `st` reads (the kernel's
/// `clean_func_state`): a stored state whose exploration is finished then
/// covers states whatever they hold there.
pub fn clean(st: &mut State, live: &[u16]) {
    let masks = live_masks(st, live);
    for (frame, mask) in st.frames.iter_mut().zip(masks) {
        for (r, reg) in frame.regs.iter_mut().enumerate() {
            if mask & 1 << r == 0 {
                *reg = Reg::NOT_INIT;
            }
        }
    }
}

/// Forgets the stack slots no path from `st` reads: `alive` has a mask per
/// frame.
pub fn clean_stack(st: &mut State, alive: &[u64]) {
    for (frame, mask) in st.frames.iter_mut().zip(alive) {
        for (spi, slot) in frame.stack.iter_mut().enumerate() {
            if spi >= 64 || mask & 1 << spi == 0 {
                *slot = Slot::EMPTY;
            }
        }
    }
}

/// Whether `old` and `cur` are the same state on their live registers (the
/// kernel's exact comparison for infinite loops).
pub fn equal_live(old: &State, cur: &State, live: &[u16]) -> bool {
    if (old.insn, old.rcu, old.preempt, old.loop_depth)
        != (cur.insn, cur.rcu, cur.preempt, cur.loop_depth)
        || old.refs != cur.refs
        || old.frames.len() != cur.frames.len()
    {
        return false;
    }
    let masks = live_masks(cur, live);
    old.frames
        .iter()
        .zip(&cur.frames)
        .zip(masks)
        .all(|((o, c), mask)| {
            (
                o.subprog,
                o.callsite,
                o.in_callback,
                &o.cb_args,
                o.cb_rounds,
            ) == (
                c.subprog,
                c.callsite,
                c.in_callback,
                &c.cb_args,
                c.cb_rounds,
            ) && o.stack == c.stack
                && (0..o.regs.len()).all(|r| mask & 1 << r == 0 || o.regs[r] == c.regs[r])
        })
}

/// Whether every behaviour from `cur` is covered by the verified `old`,
/// comparing the registers `live` says may still be read.
pub fn subsumes(old: &State, cur: &State, mode: Mode, live: &[u16]) -> bool {
    if old.frames.len() != cur.frames.len()
        || old.rcu != cur.rcu
        || old.preempt != cur.preempt
        || old.refs.len() != cur.refs.len()
    {
        return false;
    }
    let mut ids = IdMap::default();
    for (o, c) in old.refs.iter().zip(&cur.refs) {
        if o.kind != c.kind || o.off != c.off || !ids.check(o.id, c.id) {
            return false;
        }
    }
    let masks = live_masks(cur, live);
    old.frames
        .iter()
        .zip(&cur.frames)
        .zip(masks)
        .all(|((o, c), mask)| frame_subsumes(o, c, &mut ids, mode, mask))
}

fn frame_subsumes(old: &Frame, cur: &Frame, ids: &mut IdMap, mode: Mode, live: u16) -> bool {
    // A state that ran more rounds of a counted callback may not stand for
    // one that ran fewer: those have rounds left to run.
    if old.subprog != cur.subprog
        || old.callsite != cur.callsite
        || old.in_callback != cur.in_callback
        || old.cb_rounds > cur.cb_rounds
    {
        return false;
    }
    if !old
        .regs
        .iter()
        .zip(&cur.regs)
        .enumerate()
        .all(|(r, (o, c))| live & 1 << r == 0 || reg_subsumes(o, c, ids, mode))
    {
        return false;
    }
    old.stack.iter().enumerate().all(|(i, o)| {
        let c = cur.stack.get(i).unwrap_or(&Slot::EMPTY);
        slot_subsumes(o, c, ids, mode)
    })
}

fn reg_subsumes(old: &Reg, cur: &Reg, ids: &mut IdMap, mode: Mode) -> bool {
    match old.ty {
        RegType::NotInit => true,
        RegType::Scalar if !old.precise && mode == Mode::Precise => cur.ty == RegType::Scalar,
        RegType::Scalar => {
            cur.ty == RegType::Scalar
                && old.var.contains(&cur.var)
                && (old.id == 0 || linked_alike(old, cur, ids))
        }
        _ => {
            let range_ok = match old.ty {
                RegType::Packet | RegType::PacketMeta => old.aux <= cur.aux,
                _ => old.aux == cur.aux,
            };
            old.ty == cur.ty
                && old.flags == cur.flags
                && old.off == cur.off
                && old.aux2 == cur.aux2
                && range_ok
                && old.var.contains(&cur.var)
                && ids.check(old.id, cur.id)
                && ids.check(old.ref_obj_id, cur.ref_obj_id)
        }
    }
}

/// Two linked scalars are linked alike: the same kind of link (a copy, or
/// a copy plus a constant, then the same constant) to identities that
/// correspond, their bases too.
fn linked_alike(old: &Reg, cur: &Reg, ids: &mut IdMap) -> bool {
    let flagged = old.id & ADD_CONST != 0;
    old.id & ADD_CONST == cur.id & ADD_CONST
        && (!flagged || old.off == cur.off)
        && ids.check(old.id, cur.id)
        && (!flagged || ids.check(old.id & !ADD_CONST, cur.id & !ADD_CONST))
}

fn slot_subsumes(old: &Slot, cur: &Slot, ids: &mut IdMap, mode: Mode) -> bool {
    if old.is_spill() {
        let n = old.spill_size();
        if cur.is_spill() && cur.spill_size() == n {
            return reg_subsumes(&old.reg, &cur.reg, ids, mode)
                && bytes_subsume(&old.bytes[n..], &cur.bytes[n..], cur);
        }
        if n < 8 {
            return false;
        }
        // A spilled unknown (or imprecise) scalar is as good as initialised bytes.
        let any = old.reg.var == crate::scalar::Scalar::UNKNOWN
            || (!old.reg.precise && mode == Mode::Precise);
        return old.reg.ty == RegType::Scalar
            && any
            && cur
                .bytes
                .iter()
                .all(|b| matches!(b, SlotKind::Misc | SlotKind::Zero));
    }
    if let Some(kind) = old.special() {
        // An iterator's round count (its `off`) does not change what it can do.
        let (mut o, mut c) = (old.reg, cur.reg);
        if kind == SlotKind::Iter {
            o.off = 0;
            c.off = 0;
        }
        return cur.special() == Some(kind)
            && old.bytes == cur.bytes
            && reg_subsumes(&o, &c, ids, mode);
    }
    bytes_subsume(&old.bytes, &cur.bytes, cur)
}

/// Byte by byte, for bytes that hold no spilled register in `old`.
fn bytes_subsume(old: &[SlotKind], cur_bytes: &[SlotKind], cur: &Slot) -> bool {
    old.iter().zip(cur_bytes).all(|(o, c)| match o {
        SlotKind::Invalid => true,
        SlotKind::Misc => match c {
            SlotKind::Misc | SlotKind::Zero => true,
            SlotKind::Spill => cur.reg.ty == RegType::Scalar,
            _ => false,
        },
        SlotKind::Zero => {
            *c == SlotKind::Zero || (cur.is_spill() && cur.reg.var.as_const() == Some(0))
        }
        _ => false,
    })
}

/// Makes every imprecise scalar of `cur` that differs from `old` (the
/// previous round of the same loop) unknown, so the rounds converge; the
/// kernel's widening of iterator and callback loops.
pub fn widen(old: &State, cur: &mut State) {
    if old.frames.len() != cur.frames.len() {
        return;
    }
    // Identities compare up to a consistent renaming, as in the kernel's
    // regs_exact(): a linked copy made afresh in each round is unchanged.
    let mut ids = IdMap::default();
    for (of, cf) in old.frames.iter().zip(cur.frames.iter_mut()) {
        for (o, c) in of.regs.iter().zip(cf.regs.iter_mut()) {
            widen_reg(o, c, &mut ids);
        }
        for (o, c) in of.stack.iter().zip(cf.stack.iter_mut()) {
            if o.is_spill() && c.is_spill() {
                widen_reg(&o.reg, &mut c.reg, &mut ids);
            }
        }
    }
}

fn widen_reg(old: &Reg, cur: &mut Reg, ids: &mut IdMap) {
    if old.ty == RegType::Scalar
        && cur.ty == RegType::Scalar
        && !old.precise
        && !cur.precise
        && !(old.var == cur.var && ids.check(old.id, cur.id))
    {
        *cur = Reg::UNKNOWN;
    }
}
