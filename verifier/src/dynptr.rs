//! Dynptrs on the stack: two slots holding the dynptr's kind and, for
//! ring-buffer dynptrs, the reference it carries.

use crate::state::{Reg, RegType, Slot, SlotKind, State};

/// Where a dynptr argument lives: (frame, offset of its first slot).
pub fn stack_slots(reg: &Reg) -> Option<(usize, i32)> {
    let off = reg.off;
    let fits = off % 8 == 0 && off >= -(crate::limits::MAX_STACK as i32) && off + 16 <= 0;
    (reg.ty == RegType::Stack && reg.fixed_offset() && fits).then_some((reg.aux as usize, off))
}

/// Makes the slots at `off` a dynptr of `kind` with identity `id`, carrying
/// reference `ref_id` (0 for none). A live referenced dynptr there cannot
/// be overwritten; an unreferenced one is destroyed with its slices.
pub fn init(
    st: &mut State,
    frame: usize,
    off: i32,
    kind: u32,
    id: u32,
    ref_id: u32,
) -> Result<(), &'static str> {
    let mut old = Vec::new();
    for o in [off, off + 8] {
        if let Some(s) = st.frames[frame].slot(o)
            && s.special() == Some(SlotKind::Dynptr)
        {
            if s.reg.ref_obj_id != 0 {
                return Err("cannot overwrite referenced dynptr");
            }
            old.push(s.reg.id);
        }
    }
    for id in old {
        invalidate_slices(st, id);
    }
    for o in [off, off + 8] {
        let s = st.frames[frame].slot_mut(o);
        s.bytes = [SlotKind::Dynptr; 8];
        s.reg = Reg::ptr(RegType::ConstDynptr, kind);
        s.reg.id = id;
        s.reg.ref_obj_id = ref_id;
    }
    Ok(())
}

/// Slices of the dynptr with identity `id` die with it: they become unknown
/// numbers (the kernel's `invalidate_dynptr` for a privileged program).
pub fn invalidate_slices(st: &mut State, id: u32) {
    if id == 0 {
        return;
    }
    st.for_each_reg(|r| {
        if r.ty == RegType::Mem && r.aux2 == id {
            *r = Reg::UNKNOWN;
        }
    });
}

/// The dynptr at `off`, when one is initialised there.
pub fn get(st: &State, frame: usize, off: i32) -> Option<Slot> {
    st.frames[frame]
        .slot(off)
        .copied()
        .filter(|s| s.special() == Some(SlotKind::Dynptr))
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
        for s in f.stack.iter_mut() {
            if s.special() == Some(SlotKind::Dynptr) && s.reg.ref_obj_id == ref_id {
                *s = Slot::EMPTY;
            }
        }
    }
}
