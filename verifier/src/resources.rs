//! The resources a path holds: references it must release, the locks and
//! the RCU, preemption and IRQ regions it is in, and the rule that a
//! program leaves none of them behind.

use crate::env::{Env, VerifyError};
use crate::state::{PtrFlags, RefKind, RefState, Reg, RegType, State};
use kfreg::Flags;
use kfreg_object::program::FieldKind;

/// Records a new reference acquired at the current instruction.
pub fn acquire_ref(env: &mut Env, st: &mut State, kind: RefKind) -> u32 {
    let id = env.new_id();
    st.refs.push(RefState {
        id,
        insn: st.insn,
        kind,
        ptr: 0,
        off: 0,
    });
    id
}

/// Drops reference `id`; every register carrying it becomes an unknown scalar.
pub fn release_ref(st: &mut State, id: u32) -> bool {
    if !st.drop_ref(id) {
        return false;
    }
    st.for_each_reg(|r| {
        if r.ref_obj_id == id {
            *r = Reg::UNKNOWN;
        }
    });
    true
}

/// Makes `r` a non-owning reference to a graph node (the kernel's
/// `ref_set_non_owning`): a node of a refcounted type may be freed once
/// its lock is released and a reference elsewhere dropped, so the pointer
/// is also RCU-protected only, neither trusted nor known not NULL.
pub fn set_non_owning(r: &mut Reg, prog: &kfreg_object::program::Program) {
    r.flags = r.flags.with(PtrFlags::NON_OWN);
    let refcounted = prog
        .types
        .get(&r.aux)
        .is_some_and(|t| t.field(FieldKind::Refcount).is_some());
    if refcounted {
        r.flags = r.flags.with(PtrFlags::RCU);
    }
}

/// After a lock is released, non-owning references die.
pub fn invalidate_non_owning(st: &mut State) {
    st.for_each_reg(|r| {
        if r.is_pointer() && r.flags.has(PtrFlags::NON_OWN) {
            *r = Reg::UNKNOWN;
        }
    });
}

/// Where a spin lock argument points: (allocation identity, lock offset).
pub fn lock_target(
    env: &Env,
    st: &State,
    r: u8,
    kind: FieldKind,
) -> Result<(u64, i32), VerifyError> {
    let idx = st.insn;
    let name = kind.struct_name();
    let reg = st.reg(r);
    if !reg.fixed_offset() {
        return Err(VerifyError::at(
            idx,
            format!("R{r} doesn't have constant offset. {name} has to be at the constant offset"),
        ));
    }
    let (ty, ident, what) = match reg.ty {
        RegType::MapValue => {
            let map = &env.prog.maps[reg.aux as usize];
            let Some(t) = map.value_type else {
                return Err(VerifyError::at(
                    idx,
                    format!("map '{}' has to have BTF in order to use {name}", map.name),
                ));
            };
            (t, reg.allocation(), format!("map '{}'", map.name))
        }
        RegType::BtfId if reg.flags.has(PtrFlags::ALLOC) => {
            // The kernel names every allocated object the same way.
            (reg.aux, reg.allocation(), "local 'kptr'".to_string())
        }
        _ => {
            return Err(VerifyError::at(
                idx,
                format!(
                    "R{r} type={} expected=map_value",
                    crate::describe::reg_type_str(reg)
                ),
            ));
        }
    };
    let field = env.prog.types.get(&ty).and_then(|t| t.field(kind));
    let Some(field) = field else {
        return Err(VerifyError::at(idx, format!("{what} has no valid {name}")));
    };
    let off = reg.off as i64 + reg.var.smin;
    if off != field.off as i64 {
        return Err(VerifyError::at(
            idx,
            format!(
                "off {off} doesn't point to 'struct {name}' that is at {}",
                field.off
            ),
        ));
    }
    Ok((ident, off as i32))
}

/// The exit-time checks on held resources, in the kernel's order. Only an
/// exception (`throwing`) leaves every frame at once: another way out of a
/// subprogram (a tail call, a failed legacy packet load) returns to its
/// caller, which still holds the references (`check_reference_leak`).
pub fn check_resources(
    env: &Env,
    st: &State,
    idx: u32,
    prefix: &str,
    throwing: bool,
) -> Result<(), VerifyError> {
    if st.holds_lock() {
        return Err(VerifyError::at(
            idx,
            format!("{prefix} cannot be used inside bpf_spin_lock-ed region"),
        ));
    }
    let leaks: Vec<String> = st
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::Ptr && (throwing || st.frames.len() == 1))
        .map(|r| format!("Unreleased reference id={} alloc_insn={}", r.id, r.insn))
        .collect();
    if !leaks.is_empty() {
        return Err(VerifyError::at(
            idx,
            format!(
                "{}\n{prefix} would lead to reference leak",
                leaks.join("\n")
            ),
        ));
    }
    if st.irq_disabled() {
        let name = region_entry(env, Flags::IRQ_SAVE, Flags::LOCK);
        return Err(VerifyError::at(
            idx,
            format!("{prefix} cannot be used inside {name}-ed region"),
        ));
    }
    if st.rcu {
        let name = region_entry(env, Flags::RCU_LOCK, Flags::EMPTY);
        return Err(VerifyError::at(
            idx,
            format!("{prefix} cannot be used inside {name}-ed region"),
        ));
    }
    if st.preempt > 0 {
        let name = region_entry(env, Flags::PREEMPT_DISABLE, Flags::EMPTY);
        return Err(VerifyError::at(
            idx,
            format!("{prefix} cannot be used inside {name}-ed region"),
        ));
    }
    Ok(())
}

/// The kfunc that enters a region (declared with `enters`, without
/// `excluding`): the kernel's messages name the region after it.
pub(crate) fn region_entry(env: &Env, enters: Flags, excluding: Flags) -> &'static str {
    env.reg
        .iter()
        .find(|(id, _)| env.reg.has(*id, enters) && !env.reg.flags(*id).intersects(excluding))
        .map_or("?", |(_, k)| k.name)
}

/// The kernel considers a non-sleepable program and a held lock to be an
/// RCU read section too; disabled preemption or IRQs are not (in_rcu_cs).
pub(crate) fn in_rcu_cs(st: &State) -> bool {
    st.rcu || !st.sleepable || st.holds_lock()
}

/// Leaving the RCU read section (its unlock, or the last lock of a
/// sleepable program outside one): what it protected is untrusted now,
/// possibly NULL or not as it was tested; an allocated object loses its
/// ownership (the oracle kernel: no longer owning nor non-owning).
pub(crate) fn leave_rcu_cs(st: &mut State) {
    let dropped = [
        PtrFlags::RCU,
        PtrFlags::MAYBE_NULL,
        PtrFlags::NON_OWN,
        PtrFlags::ALLOC,
    ];
    st.for_each_reg(|r| {
        if r.is_pointer() && r.flags.has(PtrFlags::RCU) {
            r.flags = dropped
                .iter()
                .fold(r.flags, |f, d| f.without(*d))
                .with(PtrFlags::UNTRUSTED);
        }
    });
}

/// Releases the lock of kind `kind` at (`ptr`, `off`), the call named
/// `unlock` (the kernel's process_spin_lock): some lock must be held, this
/// one among them, and it must be the last one taken.
pub(crate) fn release_lock(
    st: &mut State,
    kind: RefKind,
    ptr: u64,
    off: i32,
    unlock: &str,
) -> Result<(), String> {
    let Some(last) = st
        .refs
        .iter()
        .rposition(|l| matches!(l.kind, RefKind::Lock | RefKind::ResLock { .. }))
    else {
        return Err(format!("{unlock} without taking a lock"));
    };
    if !st
        .locks()
        .any(|l| l.ptr == ptr && l.off == off && l.kind == kind)
    {
        return Err(format!("{unlock} of different lock"));
    }
    let l = st.refs[last];
    if l.ptr != ptr || l.off != off {
        return Err(format!("{unlock} cannot be out of order"));
    }
    st.refs.remove(last);
    after_unlock(st);
    Ok(())
}

/// A lock was released: non-owning references die, and a sleepable
/// program that is no longer in an RCU read section leaves it.
fn after_unlock(st: &mut State) {
    invalidate_non_owning(st);
    if !in_rcu_cs(st) {
        leave_rcu_cs(st);
    }
}
