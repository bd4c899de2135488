//! State subsumption: may a path whose state is `cur` stop because a
//! verified state `old` covers every behaviour it can have?

use crate::state::{ADD_CONST, Frame, Reg, RegType, Slot, SlotKind, State};

/// A consistent renaming of ids from `old` to `cur`, and the last fresh id
/// handed to a scalar without one.
#[derive(Default)]
struct IdMap(Vec<(u32, u32)>, u32);

impl IdMap {
    /// A map whose fresh ids follow the `ids_used` a verification has
    /// handed out, as the kernel's `tmp_id_gen` starts from its `id_gen`:
    /// a fresh id must be no id a register holds, a link's flag bits
    /// included (so no fixed high range will do).
    fn above(ids_used: u32) -> IdMap {
        IdMap(Vec::new(), ids_used)
    }

    /// As [`Self::check`], for the ids of precise scalars: a stored scalar
    /// without an id is tied to no other; one with an id covers a current
    /// scalar without one as a value of its own, which no other current
    /// value may then stand for (the kernel's `check_scalar_ids`).
    fn check_scalar(&mut self, old: u32, cur: u32) -> bool {
        if old == 0 {
            return true;
        }
        let cur = if cur == 0 {
            self.1 += 1;
            self.1
        } else {
            cur
        };
        // A link plus a constant is also a link to the base value.
        self.check(old, cur)
            && (old & ADD_CONST == 0 || self.check(old & !ADD_CONST, cur & !ADD_CONST))
    }

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

/// The registers live in each frame of `st`: the innermost frame's at its
/// instruction; an outer frame's, those the call it waits on leaves and
/// the instructions after it read (the callee-saved ones), or for a
/// callback's caller, which comes back to run the call again, those the
/// call reads. The frame pointer always counts.
fn live_masks(st: &State, live: &[u16]) -> Vec<u16> {
    let at = |ip: u32| live.get(ip as usize).copied().unwrap_or(u16::MAX);
    (0..st.frames.len())
        .map(|i| {
            let mask = match st.frames.get(i + 1) {
                Some(callee) if callee.in_callback.is_some() => at(callee.callsite),
                Some(callee) => at(callee.callsite + 1) & !crate::state::CALLER_SAVED,
                None => at(st.insn),
            };
            mask | 1 << kfreg_isa::FP
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
        frame
            .stack
            .update(|spi, _| (spi >= 64 || mask & 1 << spi == 0).then_some(Slot::EMPTY));
    }
}

/// Whether `old` and `cur` are the same state on their live registers (the
/// kernel's exact comparison for infinite loops).
pub fn equal_live(old: &State, cur: &State, live: &[u16]) -> bool {
    if (
        old.insn,
        old.rcu,
        old.sleepable,
        old.preempt,
        old.loop_depth,
    ) != (
        cur.insn,
        cur.rcu,
        cur.sleepable,
        cur.preempt,
        cur.loop_depth,
    ) || old.refs != cur.refs
        || old.frames.len() != cur.frames.len()
    {
        return false;
    }
    // First the kernel's quick filter (states_maybe_looping): every register
    // of the current frame alike, dead or alive, ids as they are.
    let (o, c) = (old.cur(), cur.cur());
    if !o
        .regs
        .iter()
        .zip(&c.regs)
        .all(|(a, b)| imprecise(a) == imprecise(b))
    {
        return false;
    }
    let masks = live_masks(cur, live);
    // Then ids are compared as the kernel's regs_exact does: through one
    // consistent renaming, so a loop that gives a value a fresh id every
    // round (a spilled scalar) still repeats itself.
    let mut ids = IdMap::default();
    old.frames
        .iter()
        .zip(&cur.frames)
        .zip(masks)
        .all(|((o, c), mask)| {
            (o.subprog, o.callsite, o.in_callback, o.cb_rounds)
                == (c.subprog, c.callsite, c.in_callback, c.cb_rounds)
                && stack_exact(o, c, &mut ids)
                && (0..o.regs.len())
                    .all(|r| mask & 1 << r == 0 || reg_exact(&o.regs[r], &c.regs[r], &mut ids))
        })
}

/// `r` without its precision mark, which says how it was used, not what
/// it holds.
fn imprecise(r: &Reg) -> Reg {
    Reg {
        precise: false,
        ..*r
    }
}

/// Two registers alike but for their ids, which `ids` maps one to one,
/// and their precision.
fn reg_exact(old: &Reg, cur: &Reg, ids: &mut IdMap) -> bool {
    let bare = |r: &Reg| Reg {
        id: 0,
        ref_obj_id: 0,
        ..imprecise(r)
    };
    bare(old) == bare(cur) && ids.check(old.id, cur.id) && ids.check(old.ref_obj_id, cur.ref_obj_id)
}

/// Every slot of `old`'s stack is in `cur`'s, of the same kinds, holding an
/// exactly equal register where it holds one (`stacksafe`, exact).
fn stack_exact(old: &Frame, cur: &Frame, ids: &mut IdMap) -> bool {
    old.stack.iter().enumerate().all(|(i, o)| {
        cur.stack.get(i).is_some_and(|c| {
            o.bytes == c.bytes
                && (o
                    .bytes
                    .iter()
                    .all(|b| matches!(b, SlotKind::Misc | SlotKind::Zero | SlotKind::Invalid))
                    || reg_exact(&o.reg, &c.reg, ids))
        })
    })
}

/// Whether every behaviour from `cur` is covered by the verified `old`,
/// comparing the registers `live` says may still be read; `ids_used` is
/// the last id the verification has handed out.
pub fn subsumes(old: &State, cur: &State, mode: Mode, live: &[u16], ids_used: u32) -> bool {
    if old.frames.len() != cur.frames.len()
        || old.rcu != cur.rcu
        || old.sleepable != cur.sleepable
        || old.preempt != cur.preempt
        || old.refs.len() != cur.refs.len()
    {
        return false;
    }
    let mut ids = IdMap::above(ids_used);
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
    // A slot past the current state's stack covers it only when it holds
    // nothing that constrains (stacksafe: "explored stack has more
    // populated slots than current stack").
    old.stack
        .iter()
        .enumerate()
        .all(|(i, o)| match cur.stack.get(i) {
            Some(c) => slot_subsumes(o, c, ids, mode),
            None => unconstrained(o),
        })
}

/// Bytes never written, or data, read back as any value by a privileged
/// loader: they constrain nothing.
fn unconstrained(slot: &Slot) -> bool {
    slot.bytes
        .iter()
        .all(|b| matches!(b, SlotKind::Invalid | SlotKind::Misc))
}

fn reg_subsumes(old: &Reg, cur: &Reg, ids: &mut IdMap, mode: Mode) -> bool {
    match old.ty {
        RegType::NotInit => true,
        RegType::Scalar if !old.precise && mode == Mode::Precise => cur.ty == RegType::Scalar,
        RegType::Scalar => {
            cur.ty == RegType::Scalar && old.var.contains(&cur.var) && linked_alike(old, cur, ids)
        }
        _ => {
            let range_ok = match old.ty {
                // A pointer a test put at or beyond the packet's end decides
                // later tests: only the same finding covers it (regsafe).
                RegType::Packet | RegType::PacketMeta => {
                    let (o, c) = (old.packet_range(), cur.packet_range());
                    if o < 0 || c < 0 { o == c } else { o <= c }
                }
                _ => old.aux == cur.aux,
            };
            // Memory the verifier bounds by offset covers any pointer whose
            // offsets its own take in; any other pointer only the same one
            // (regs_exact): a stack pointer's offset decides which slots a
            // store through it overwrites.
            let var_ok = match old.ty {
                RegType::MapValue
                | RegType::MapKey
                | RegType::Mem
                | RegType::Buf
                | RegType::TpBuffer
                | RegType::Packet
                | RegType::PacketMeta => old.var.contains(&cur.var),
                _ => old.var == cur.var,
            };
            old.ty == cur.ty
                && old.flags == cur.flags
                && old.off == cur.off
                && old.aux2 == cur.aux2
                && old.buf == cur.buf
                && range_ok
                && var_ok
                && ids.check(old.id, cur.id)
                && ids.check(old.ref_obj_id, cur.ref_obj_id)
        }
    }
}

/// Two scalars are linked alike (the kernel's `regsafe` for scalars): an
/// unlinked old scalar constrains no link; a linked one needs the same kind
/// of link (a copy, or a copy plus the same constant added in as many
/// bits) to identities that correspond (`check_scalar_ids`: an unlinked
/// current scalar has an identity of its own).
fn linked_alike(old: &Reg, cur: &Reg, ids: &mut IdMap) -> bool {
    if old.id != 0 && old.id & ADD_CONST != cur.id & ADD_CONST {
        return false;
    }
    (old.id & ADD_CONST == 0 || old.off == cur.off) && ids.check_scalar(old.id, cur.id)
}

/// The kernel's `stacksafe` for one slot, for a privileged loader (reading
/// stack bytes never written gives an unknown scalar, so such bytes and
/// data bytes of `old` constrain nothing). A loop state still being
/// explored (`Mode::Ranges`) is no exception: the running 6.18 kernel
/// demands the same kinds of bytes only of its exact comparison (the one
/// finding infinite loops), so at a may_goto or an iterator's next call a
/// round that wrote a slot the stored round had unwritten or data in is
/// covered.
fn slot_subsumes(old: &Slot, cur: &Slot, ids: &mut IdMap, mode: Mode) -> bool {
    if unconstrained(old) {
        return true;
    }
    // A whole spilled scalar and data bytes read back as the same kind of
    // value: compare them as scalars.
    if let (Some(o), Some(c)) = (stack_scalar(old), stack_scalar(cur)) {
        return reg_subsumes(&o, &c, ids, mode);
    }
    let bytes_ok = old.bytes.iter().zip(&cur.bytes).all(|(o, c)| match o {
        SlotKind::Invalid | SlotKind::Misc => true,
        _ => o == c,
    });
    if !bytes_ok {
        return false;
    }
    match old.bytes[0] {
        SlotKind::Spill => reg_subsumes(&old.reg, &cur.reg, ids, mode),
        SlotKind::Dynptr | SlotKind::Iter | SlotKind::IrqFlag => {
            // An iterator's round count (its `off`) does not change what it can do.
            let (mut o, mut c) = (old.reg, cur.reg);
            if old.bytes[0] == SlotKind::Iter {
                o.off = 0;
                c.off = 0;
            }
            reg_subsumes(&o, &c, ids, mode)
        }
        _ => true,
    }
}

/// The scalar a whole-slot load reads from `slot`, when it is the same
/// whatever the load: a spilled 8-byte scalar, or any value from data and
/// unwritten bytes (the kernel's `scalar_reg_for_stack`).
fn stack_scalar(slot: &Slot) -> Option<Reg> {
    if slot.is_spill() && slot.spill_size() == 8 && slot.reg.ty == RegType::Scalar {
        return Some(slot.reg);
    }
    unconstrained(slot).then_some(Reg::UNKNOWN)
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
        for (o, c) in of.stack.iter().zip(cf.stack.make_mut()) {
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
        // regs_exact: the link's delta is compared with the value, before
        // the ids are mapped.
        && !(old.var == cur.var && old.off == cur.off && ids.check(old.id, cur.id))
    {
        *cur = Reg::UNKNOWN;
    }
}
