//! Dynptrs on the stack: two slots holding the dynptr's kind and, for
//! ring-buffer dynptrs, the reference it carries.

use crate::state::{Reg, RegType, Slot, SlotKind, State};

/// Where a dynptr argument lives: (frame, offset of its first slot).
pub fn stack_slots(reg: &Reg) -> Option<(usize, i32)> {
    let off = reg.off;
    let fits = off % 8 == 0 && off >= -(crate::check::MAX_STACK as i32) && off + 16 <= 0;
    (reg.ty == RegType::Stack && reg.fixed_offset() && fits).then_some((reg.aux as usize, off))
}

/// Makes the slots at `off` a dynptr of `kind` carrying reference `ref_id`
/// (0 for none). A live referenced dynptr there cannot be overwritten.
pub fn init(
    st: &mut State,
    frame: usize,
    off: i32,
    kind: u32,
    ref_id: u32,
) -> Result<(), &'static str> {
    let f = &mut st.frames[frame];
    for o in [off, off + 8] {
        if f.slot(o)
            .is_some_and(|s| s.special() == Some(SlotKind::Dynptr) && s.reg.ref_obj_id != 0)
        {
            return Err("cannot overwrite referenced dynptr");
        }
    }
    for o in [off, off + 8] {
        let s = f.slot_mut(o);
        s.bytes = [SlotKind::Dynptr; 8];
        s.reg = Reg::ptr(RegType::ConstDynptr, kind);
        s.reg.ref_obj_id = ref_id;
    }
    Ok(())
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
