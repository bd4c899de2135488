//! Dynptrs on the stack: two slots holding the dynptr's kind and, for
//! ring-buffer dynptrs, the reference it carries.

use crate::state::{PtrFlags, Reg, RegType, Slot, SlotKind, State};
use kfreg::DynptrInit;

/// The kernel's line for a dynptr argument that must be uninitialised.
pub const UNINIT_EXPECTED: &str = "Dynptr has to be an uninitialized dynptr";

/// A const pointer to a dynptr of kind `kind` and identity `id`: what a
/// callee is given (a user ring buffer's record, a global function's
/// `struct bpf_dynptr *`), each a dynptr of its own (`mark_dynptr_cb_reg`).
pub fn const_dynptr(kind: DynptrInit, id: u32) -> Reg {
    let mut r = Reg::ptr(RegType::ConstDynptr, crate::state::dynptr_number(kind));
    r.id = id;
    r
}

/// Where a dynptr argument on the stack lives (see
/// [`Reg::stack_object`]).
pub fn stack_slots(reg: &Reg) -> Result<(usize, i32), String> {
    reg.stack_object("dynptr", 2)
}

/// The initialised dynptr `reg` points to on the stack, with its slots'
/// place, or the error: what locating it logged, then `missing`.
pub fn initialized(st: &State, reg: &Reg, missing: &str) -> Result<(usize, i32, Slot), String> {
    let (frame, off) = stack_slots(reg).map_err(|m| crate::env::after(&m, missing))?;
    let slot = get(st, frame, off).ok_or_else(|| missing.to_string())?;
    Ok((frame, off, slot))
}

/// Makes the slots at `off` a dynptr of `kind` with identity `id`, carrying
/// reference `ref_id` (0 for none). The caller has made room first, with
/// the writes that destroy what was there (`mem::object_writes`).
pub fn init(st: &mut State, frame: usize, off: i32, kind: u32, id: u32, ref_id: u32) {
    for o in [off, off + 8] {
        let s = st.frames[frame].slot_mut(o);
        s.bytes = [SlotKind::Dynptr; 8];
        s.reg = Reg::ptr(RegType::ConstDynptr, kind);
        s.reg.id = id;
        s.reg.ref_obj_id = ref_id;
    }
}

/// A store into the slot at `off` of an unreferenced dynptr destroys the
/// dynptr, both its slots left uninitialised (the kernel's
/// `destroy_if_dynptr_stack_slot`); returns its identity, whose slices
/// the caller kills.
pub fn destroy(frame: &mut crate::state::Frame, off: i32) -> u32 {
    let Some((id, partner)) = frame.dynptr_at(off) else {
        return 0;
    };
    for o in std::iter::once(off).chain(partner) {
        *frame.slot_mut(o) = Slot::EMPTY;
    }
    id
}

/// Slices of the dynptr with identity `id` die with it: they become unknown
/// numbers (the kernel's `invalidate_dynptr` for a privileged program).
/// The kernel asks for plain writable memory (`PTR_TO_MEM`, maybe NULL):
/// read-only slices and slices of packet data outlive their dynptr.
pub fn invalidate_slices(st: &mut State, id: u32) {
    if id == 0 {
        return;
    }
    st.for_each_reg(|r| {
        let plain = !r.flags.has(PtrFlags::RDONLY) && !r.flags.has(PtrFlags::PKT_SLICE);
        if r.ty == RegType::Mem && r.aux2 == id && plain {
            *r = Reg::UNKNOWN;
        }
    });
}

/// The dynptr at `off`, when one is initialised there: `off` is its first
/// slot, the one below its second (the kernel's `first_slot`; a pointer to
/// the second slot names no dynptr).
pub fn get(st: &State, frame: usize, off: i32) -> Option<Slot> {
    let f = &st.frames[frame];
    let first = f
        .slot(off)
        .copied()
        .filter(|s| s.special() == Some(SlotKind::Dynptr))?;
    f.slot(off + 8)
        .filter(|s| s.special() == Some(SlotKind::Dynptr) && s.reg.id == first.reg.id)
        .map(|_| first)
}

/// Frees the dynptr's slots, and those of every dynptr sharing its
/// reference (its clones, or the dynptr it was cloned from).
pub fn clear(st: &mut State, frame: usize, off: i32) {
    let ref_id = get(st, frame, off).map_or(0, |s| s.reg.ref_obj_id);
    if let Some(s) = get(st, frame, off) {
        invalidate_slices(st, s.reg.id);
    }
    for o in [off, off + 8] {
        *st.frames[frame].slot_mut(o) = Slot::EMPTY;
    }
    if ref_id == 0 {
        return;
    }
    for f in &mut st.frames {
        f.stack.update(|_, s| {
            (s.special() == Some(SlotKind::Dynptr) && s.reg.ref_obj_id == ref_id)
                .then_some(Slot::EMPTY)
        });
    }
}
