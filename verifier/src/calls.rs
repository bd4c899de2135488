//! Helper calls, BPF-to-BPF calls, callbacks and exits.

use crate::check::{Env, MAX_CALL_FRAMES, Path, Step, VerifyError};
use crate::helpers::{self, HelperArg, HelperRet};
use crate::isa::{Call, Insn};
use crate::mem::check_mem_arg;
use crate::program::{FieldKind, MapType, SubprogArg};
use crate::scalar::Scalar;
use crate::state::{CallbackFrame, Frame, PtrFlags, RefKind, RefState, Reg, RegType, State};
use kfreg::Flags;

/// The kernel's prefix for exit-time resource messages.
const MAIN_EXIT: &str = "BPF_EXIT instruction in main prog";

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
    let before = st.refs.len();
    st.refs.retain(|r| r.id != id);
    if st.refs.len() == before {
        return false;
    }
    st.for_each_reg(|r| {
        if r.ref_obj_id == id {
            *r = Reg::UNKNOWN;
        }
    });
    true
}

/// After a lock is released, non-owning references die.
pub fn invalidate_non_owning(st: &mut State) {
    st.for_each_reg(|r| {
        if r.is_pointer() && r.flags.has(PtrFlags::NON_OWN) {
            *r = Reg::UNKNOWN;
        }
    });
}

/// Clobbers the caller-saved registers R1..R5.
pub fn clobber_args(st: &mut State) {
    for r in 1..=5 {
        *st.reg_mut(r) = Reg::NOT_INIT;
    }
}

/// A scalar argument register's value, failing unless it is one.
pub fn scalar_arg(st: &State, r: u8) -> Result<Scalar, VerifyError> {
    let reg = st.reg(r);
    if reg.ty != RegType::Scalar {
        return Err(VerifyError::at(
            st.insn,
            format!(
                "R{r} type={} expected=scalar",
                crate::log::reg_type_str(reg)
            ),
        ));
    }
    Ok(reg.var)
}

/// Where a spin lock argument points: (allocation identity, lock offset).
pub fn lock_target(
    env: &Env,
    st: &State,
    r: u8,
    kind: FieldKind,
    name: &str,
) -> Result<(u64, i32), VerifyError> {
    let idx = st.insn;
    let reg = st.reg(r);
    if !reg.fixed_offset() {
        return Err(VerifyError::at(
            idx,
            format!(
                "R{r} doesn't have constant offset. {name}_lock has to be at the constant offset"
            ),
        ));
    }
    let (ty, ident, what) = match reg.ty {
        RegType::MapValue => {
            let map = &env.prog.maps[reg.aux as usize];
            let Some(t) = map.value_type else {
                return Err(VerifyError::at(
                    idx,
                    format!(
                        "map '{}' has to have BTF in order to use {name}_lock",
                        map.name
                    ),
                ));
            };
            (t, reg.allocation(), format!("map '{}'", map.name))
        }
        RegType::BtfId if reg.flags.has(PtrFlags::ALLOC) => {
            (reg.aux, reg.allocation(), "local".to_string())
        }
        _ => {
            return Err(VerifyError::at(
                idx,
                format!(
                    "R{r} type={} expected=map_value",
                    crate::log::reg_type_str(reg)
                ),
            ));
        }
    };
    let field = env.prog.types.get(&ty).and_then(|t| t.field(kind));
    let Some(field) = field else {
        return Err(VerifyError::at(
            idx,
            format!("{what} has no valid {name}_lock"),
        ));
    };
    let off = reg.off as i64 + reg.var.smin;
    if off != field.off as i64 {
        return Err(VerifyError::at(
            idx,
            format!(
                "off {off} doesn't point to 'struct {name}_lock' that is at {}",
                field.off
            ),
        ));
    }
    Ok((ident, off as i32))
}

/// The dynptr kind a ring-buffer reservation makes (`DynptrInit::Ringbuf` + 1).
const RINGBUF_DYNPTR: u32 = 2;

/// `BPF_MAP_TYPE_PROG_ARRAY`.
const PROG_ARRAY: u32 = 3;

/// The kernel's list of memory argument types, for type mismatch messages.
const MEM_TYPES: &str =
    "fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_";

/// The value of a small key on the stack, when every byte of it is known.
fn stack_constant(st: &State, reg: &Reg, size: u32) -> Option<u64> {
    if reg.ty != RegType::Stack
        || !reg.fixed_offset()
        || size > 8
        || reg.off % 8 != 0 && reg.off % size as i32 != 0
    {
        return None;
    }
    let slot = st.frames.get(reg.aux as usize)?.slot(reg.off)?;
    let first = 7 - ((-reg.off - 1) % 8) as usize;
    // The kernel takes a key from a scalar spilled with exactly its size.
    if slot.is_spill() {
        return (first == 0 && slot.spill_size() == size as usize)
            .then(|| slot.reg.var.as_const())
            .flatten();
    }
    slot.bytes[first..first + size as usize]
        .iter()
        .all(|b| *b == crate::state::SlotKind::Zero)
        .then_some(0)
}

/// A helper call.
pub fn check_helper_call(env: &mut Env, path: &mut Path, id: i32) -> Result<Step, VerifyError> {
    let st = &mut path.st;
    let idx = st.insn;
    let Some(h) = helpers::by_id(id) else {
        return Err(VerifyError::at(idx, format!("invalid func unknown#{id}")));
    };
    if st.holds_lock() && !h.unlock {
        return Err(VerifyError::at(
            idx,
            "function calls are not allowed while holding a lock",
        ));
    }
    let not_for_type = h
        .prog_types
        .is_some_and(|t| !t.contains(&env.prog.prog_type));
    if not_for_type {
        return Err(VerifyError::at(
            idx,
            format!(
                "program of this type cannot use helper {}#{}",
                h.name(),
                h.id
            ),
        ));
    }
    if h.might_sleep {
        if !env.prog.sleepable {
            return Err(VerifyError::at(
                idx,
                "helper call might sleep in a non-sleepable prog",
            ));
        }
        let region = if st.rcu {
            Some("rcu_read_lock region")
        } else if st.preempt > 0 {
            Some("non-preemptible region")
        } else {
            None
        };
        if let Some(region) = region {
            return Err(VerifyError::at(
                idx,
                format!("sleepable helper {}#{} in {region}", h.name(), h.id),
            ));
        }
    }
    if h.gpl_only && !env.prog.gpl {
        return Err(VerifyError::at(
            idx,
            "cannot call GPL-restricted function from non-GPL compatible program",
        ));
    }
    let mut map: Option<u32> = None;
    let mut key: Option<u64> = None;
    let mut alloc_size = 0u32;
    let mut release: Option<u32> = None;
    let mut callback: Option<u32> = None;
    let mut kptr_field: Option<(u32, bool)> = None;
    for (i, arg) in h.args.iter().enumerate() {
        let r = i as u8 + 1;
        if *arg == HelperArg::None {
            break;
        }
        if !matches!(arg, HelperArg::Size | HelperArg::SizeOrZero) {
            env.check_reg_read(st, r)?;
        }
        let reg = *st.reg(r);
        let expect = |what: &str| {
            Err(VerifyError::at(
                idx,
                format!(
                    "R{r} type={} expected={what}",
                    crate::log::reg_type_str(&reg)
                ),
            ))
        };
        match arg {
            HelperArg::None | HelperArg::Anything => {}
            HelperArg::ConstMap => {
                if reg.ty != RegType::ConstMap {
                    return expect("map_ptr");
                }
                let def = &env.prog.maps[reg.aux as usize];
                if h.map_type.is_some_and(|t| t != def.map_type) {
                    return Err(VerifyError::at(
                        idx,
                        format!(
                            "cannot pass map_type {} into func {}#{}",
                            def.map_type.number(),
                            h.name(),
                            h.id
                        ),
                    ));
                }
                if h.prog_array && def.map_type != MapType::Other(PROG_ARRAY) {
                    return Err(VerifyError::at(
                        idx,
                        "expected prog array map for tail call",
                    ));
                }
                if h.writes_map && def.rdonly {
                    return Err(VerifyError::at(idx, "write into map forbidden"));
                }
                map = Some(reg.aux);
            }
            HelperArg::MapKey | HelperArg::MapValue => {
                let m = &env.prog.maps[map.unwrap_or(0) as usize];
                let size = if *arg == HelperArg::MapKey {
                    m.key_size
                } else {
                    m.value_size
                };
                if reg.maybe_null() || !reg.is_pointer() {
                    return expect(MEM_TYPES);
                }
                check_mem_arg(env, st, r, size, false, false)?;
                if *arg == HelperArg::MapKey {
                    key = stack_constant(st, &reg, size);
                    if key.is_some() {
                        // The lookup's result depends on the key's value.
                        let slot = crate::state::slot_index(reg.off);
                        env.mark_slot_precise(st, reg.aux as usize, slot);
                    }
                }
            }
            HelperArg::Mem | HelperArg::UninitMem => {
                let size_reg = r + 1;
                env.check_reg_read(st, size_reg)?;
                let size = scalar_arg(st, size_reg)?;
                let zero_ok = h.args[i + 1] == HelperArg::SizeOrZero;
                if size.smin < 0 {
                    return Err(VerifyError::at(
                        idx,
                        format!(
                            "R{size_reg} min value is negative, either use unsigned or 'var &= const'"
                        ),
                    ));
                }
                if size.umin == 0 && !zero_ok {
                    return Err(VerifyError::at(
                        idx,
                        format!(
                            "R{size_reg} invalid zero-sized read: u64=[{},{}]",
                            size.umin, size.umax
                        ),
                    ));
                }
                if size.umax >= 1 << 29 {
                    return Err(VerifyError::at(
                        idx,
                        format!(
                            "R{size_reg} unbounded memory access, use 'var &= const' or 'if (var < const)'"
                        ),
                    ));
                }
                if reg.is_null() && zero_ok {
                    continue;
                }
                if !reg.is_pointer() || reg.maybe_null() {
                    return expect(
                        "fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_",
                    );
                }
                check_mem_arg(
                    env,
                    st,
                    r,
                    size.umax as u32,
                    *arg == HelperArg::UninitMem,
                    zero_ok,
                )?;
                env.mark_precise(st, size_reg);
            }
            HelperArg::Size | HelperArg::SizeOrZero => {}
            HelperArg::AllocSize => {
                let v = scalar_arg(st, r)?;
                let Some(c) = v.as_const() else {
                    return Err(VerifyError::at(
                        idx,
                        format!("R{r} is not a known constant'"),
                    ));
                };
                env.mark_precise(st, r);
                alloc_size = c as u32;
            }
            HelperArg::SpinLock => {
                let (ptr, off) = lock_target(env, st, r, FieldKind::SpinLock, "bpf_spin")?;
                if h.lock {
                    if st.holds_lock() {
                        return Err(VerifyError::at(
                            idx,
                            "Locking two bpf_spin_locks are not allowed",
                        ));
                    }
                    let id = env.new_id();
                    st.refs.push(RefState {
                        id,
                        insn: idx,
                        kind: RefKind::Lock,
                        ptr,
                        off,
                    });
                } else {
                    let Some(pos) = st.refs.iter().rposition(|l| l.kind == RefKind::Lock) else {
                        return Err(VerifyError::at(
                            idx,
                            "bpf_spin_unlock without taking a lock",
                        ));
                    };
                    let l = st.refs[pos];
                    if l.ptr != ptr || l.off != off {
                        return Err(VerifyError::at(idx, "bpf_spin_unlock of different lock"));
                    }
                    st.refs.remove(pos);
                    invalidate_non_owning(st);
                }
            }
            HelperArg::DynptrUninit(kind) => {
                let Some((frame, off)) = crate::dynptr::stack_slots(&reg) else {
                    return Err(VerifyError::at(
                        idx,
                        format!("arg#{i} expected pointer to stack or const struct bpf_dynptr"),
                    ));
                };
                // A ring-buffer dynptr holds the record it reserved.
                let ref_id = if *kind == RINGBUF_DYNPTR {
                    acquire_ref(env, st, RefKind::Ptr)
                } else {
                    0
                };
                crate::dynptr::init(st, frame, off, *kind, ref_id)
                    .map_err(|e| VerifyError::at(idx, e))?;
            }
            HelperArg::Dynptr | HelperArg::DynptrRelease => {
                let slot = crate::dynptr::stack_slots(&reg)
                    .and_then(|(f, o)| Some((f, o, crate::dynptr::get(st, f, o)?)));
                let Some((frame, off, slot)) = slot else {
                    return Err(VerifyError::at(
                        idx,
                        if *arg == HelperArg::DynptrRelease {
                            format!("arg {r} is an unacquired reference")
                        } else {
                            format!("Expected an initialized dynptr as arg #{i}")
                        },
                    ));
                };
                if *arg == HelperArg::DynptrRelease {
                    release = Some(slot.reg.ref_obj_id);
                    crate::dynptr::clear(st, frame, off);
                }
            }
            HelperArg::Ctx => {
                if reg.ty != RegType::Ctx {
                    return expect("ctx");
                }
            }
            HelperArg::Func => {
                if reg.ty != RegType::Func {
                    return expect("func");
                }
                callback = Some(reg.aux);
            }
            HelperArg::StackOrNull => {
                if !(reg.is_null() || reg.ty == RegType::Stack) {
                    return expect("fp");
                }
            }
            HelperArg::KptrField => {
                if reg.ty != RegType::MapValue {
                    return expect("map_value");
                }
                kptr_field = Some(kptr_at(env, idx, r, &reg)?);
            }
            HelperArg::BtfIdOrNullRelease => {
                if !reg.is_null() {
                    if reg.ty != RegType::BtfId {
                        return expect("ptr_");
                    }
                    if let Some((ty, prog_btf)) = kptr_field
                        && (reg.aux != ty || reg.flags.has(PtrFlags::PROG_BTF) != prog_btf)
                    {
                        return Err(VerifyError::at(
                            idx,
                            format!(
                                "invalid kptr access, R{r} type={}{} expected=ptr_{}",
                                crate::log::reg_type_str(&reg),
                                crate::mem::type_name(env, &reg),
                                crate::mem::btf_type_name(env, ty, prog_btf)
                            ),
                        ));
                    }
                    if reg.ref_obj_id == 0 {
                        return Err(VerifyError::at(
                            idx,
                            format!("R{r} must be referenced when passed to release function"),
                        ));
                    }
                    release = Some(reg.ref_obj_id);
                }
            }
            HelperArg::AllocMemRelease => {
                if reg.ty != RegType::Mem || !reg.flags.has(PtrFlags::ALLOC) || reg.maybe_null() {
                    return expect("ringbuf_mem");
                }
                if reg.off != 0 || !reg.fixed_offset() {
                    return Err(VerifyError::at(
                        idx,
                        format!(
                            "R{r} must have zero offset when passed to release func or trusted arg to kfunc"
                        ),
                    ));
                }
                release = Some(reg.ref_obj_id);
            }
        }
    }
    if let Some(id) = release
        && !release_ref(st, id)
    {
        return Err(VerifyError::at(
            idx,
            format!(
                "func {}#{} reference has not been acquired before",
                h.name(),
                h.id
            ),
        ));
    }
    let r0 = match h.ret {
        HelperRet::Integer => Reg::UNKNOWN,
        HelperRet::Void => Reg::NOT_INIT,
        HelperRet::MapValueOrNull => {
            let m = map.unwrap_or(0);
            let def = &env.prog.maps[m as usize];
            let mut r = Reg::ptr(RegType::MapValue, m);
            // An array lookup with a known in-range key cannot fail.
            let sure = matches!(def.map_type, MapType::Array | MapType::PercpuArray)
                && key.is_some_and(|k| k < def.max_entries as u64);
            if !sure {
                r.flags = PtrFlags::MAYBE_NULL;
            }
            if env.prog.maps[map.unwrap_or(0) as usize].rdonly {
                r.flags = r.flags.with(PtrFlags::RDONLY);
            }
            r.id = env.new_id();
            r
        }
        HelperRet::AllocMemOrNull => {
            let mut r = Reg::ptr(RegType::Mem, alloc_size);
            r.flags = PtrFlags::MAYBE_NULL.with(PtrFlags::ALLOC);
            r.ref_obj_id = acquire_ref(env, st, RefKind::Ptr);
            r.id = r.ref_obj_id;
            r
        }
        HelperRet::TrustedBtfId(name) => {
            let mut r = Reg::ptr(RegType::BtfId, crate::kernel_types::id(name));
            r.flags = PtrFlags::TRUSTED;
            r
        }
        HelperRet::KptrOrNull => {
            // The field's type: a program type is an allocated object.
            let (ty, prog_btf) = kptr_field.unwrap_or((0, false));
            let mut r = Reg::ptr(RegType::BtfId, ty);
            r.flags = PtrFlags::MAYBE_NULL;
            if prog_btf {
                r.flags = r.flags.with(PtrFlags::ALLOC).with(PtrFlags::PROG_BTF);
            }
            // The kernel numbers the NULL check before the reference.
            env.new_id();
            r.ref_obj_id = acquire_ref(env, st, RefKind::Ptr);
            r.id = r.ref_obj_id;
            r
        }
    };
    if let (Some(cb), Some(desc)) = (callback, h.callback) {
        let frame = CallbackFrame {
            ret_min: desc.ret_min,
            ret_max: desc.ret_max,
            locked: false,
            is_async: false,
        };
        let ctx = *st.reg(desc.arg + 2);
        let args = match desc.args {
            helpers::HelperCbArgs::Loop => [
                Reg::UNKNOWN,
                ctx,
                Reg::NOT_INIT,
                Reg::NOT_INIT,
                Reg::NOT_INIT,
            ],
            helpers::HelperCbArgs::MapElem => {
                let map = *st.reg(1);
                let mut key = Reg::ptr(RegType::MapKey, map.aux);
                let mut value = Reg::ptr(RegType::MapValue, map.aux);
                (key.aux2, value.aux2) = (map.aux2, map.aux2);
                [map, key, value, ctx, Reg::NOT_INIT]
            }
        };
        enter_callback(env, st, cb, frame, args)?;
        return Ok(Step::Next);
    }
    if h.pkt_changing {
        invalidate_packets(st);
    }
    clobber_args(st);
    *st.reg_mut(0) = r0;
    st.insn += 1;
    Ok(Step::Next)
}

/// Whether subprogram `sub`, or one it calls, calls a helper that may move
/// packet data: the caller of a global function does not see its body, so
/// it learns this from the call graph, as the kernel does.
fn changes_packet_data(env: &Env, sub: u32) -> bool {
    let subs = &env.prog.subprogs;
    let mut seen = vec![false; subs.len()];
    let mut work = vec![sub as usize];
    while let Some(s) = work.pop() {
        if std::mem::replace(&mut seen[s], true) {
            continue;
        }
        let end = subs
            .get(s + 1)
            .map_or(env.prog.insns.len(), |n| n.start as usize);
        for i in subs[s].start as usize..end {
            match env.prog.insns[i] {
                Insn::Call(Call::Helper(id))
                    if helpers::by_id(id).is_some_and(|h| h.pkt_changing) =>
                {
                    return true;
                }
                Insn::Call(Call::Local(off)) => {
                    let t = (i as i64 + 1 + off as i64) as u32;
                    if let Some(c) = subs.iter().position(|x| x.start == t) {
                        work.push(c);
                    }
                }
                _ => {}
            }
        }
    }
    false
}

/// After packet data moved, every packet pointer is an unknown number.
pub fn invalidate_packets(st: &mut State) {
    st.for_each_reg(|r| {
        if matches!(
            r.ty,
            RegType::Packet | RegType::PacketMeta | RegType::PacketEnd
        ) || r.flags.has(PtrFlags::PKT_SLICE)
        {
            *r = Reg::UNKNOWN;
        }
    });
}

/// Starts verifying subprogram `sub` as a synchronous callback of the call
/// at the current instruction; its exit returns after the call.
pub fn enter_callback(
    env: &mut Env,
    st: &mut State,
    sub: u32,
    cb: CallbackFrame,
    args: [Reg; 5],
) -> Result<(), VerifyError> {
    if st.frames.len() >= MAX_CALL_FRAMES {
        return Err(VerifyError::at(
            st.insn,
            format!(
                "the call stack of {} frames is too deep",
                st.frames.len() + 1
            ),
        ));
    }
    let mut frame = Frame::new(sub, st.insn);
    frame.regs[1..6].copy_from_slice(&args);
    frame.regs[10].aux = st.frames.len() as u32;
    frame.in_callback = Some(cb);
    frame.cb_args = Some(Box::new(args));
    st.frames.push(frame);
    st.insn = env.prog.subprogs[sub as usize].start;
    Ok(())
}

/// A BPF-to-BPF call.
pub fn check_local_call(env: &mut Env, path: &mut Path, off: i32) -> Result<Step, VerifyError> {
    let st = &mut path.st;
    let idx = st.insn;
    let target = (idx as i64 + 1 + off as i64) as u32;
    let sub = env
        .prog
        .subprogs
        .iter()
        .position(|s| s.start == target)
        .unwrap_or(0) as u32;
    if env.prog.subprogs[sub as usize].global {
        if st.holds_lock() {
            return Err(VerifyError::at(
                idx,
                "global function calls are not allowed while holding a lock,\nuse static function instead",
            ));
        }
        let s = &env.prog.subprogs[sub as usize];
        if let Err(e) = check_global_args(env, st, sub) {
            return Err(VerifyError::at(
                idx,
                format!(
                    "{}\nCaller passes invalid args into func#{sub} ('{}')",
                    e.msg, s.name
                ),
            ));
        }
        if changes_packet_data(env, sub) {
            invalidate_packets(st);
        }
        clobber_args(st);
        *st.reg_mut(0) = Reg::UNKNOWN;
        st.insn += 1;
        return Ok(Step::Next);
    }
    if st.frames.len() >= MAX_CALL_FRAMES {
        return Err(VerifyError::at(
            idx,
            format!(
                "the call stack of {} frames is too deep",
                st.frames.len() + 1
            ),
        ));
    }
    let mut frame = Frame::new(sub, idx);
    for r in 1..=5 {
        frame.regs[r] = st.cur().regs[r];
    }
    frame.regs[10].aux = st.frames.len() as u32;
    st.frames.push(frame);
    st.insn = target;
    Ok(Step::Next)
}

/// Describes a scalar for return-value messages, as the kernel's
/// `verbose_invalid_scalar()` does (each part with a leading space).
fn value_str(v: &Scalar) -> String {
    let mut out = String::new();
    if v.smin > i64::MIN {
        out += &format!(" smin={}", v.smin);
    }
    if v.smax < i64::MAX {
        out += &format!(" smax={}", v.smax);
    }
    if v.var == crate::tnum::Tnum::UNKNOWN {
        out += " unknown scalar value";
    }
    out
}

/// `exit`: return from a subprogram or callback, or end the program.
pub fn check_exit(env: &mut Env, path: &mut Path) -> Result<Step, VerifyError> {
    let st = &mut path.st;
    let idx = st.insn;
    let frame = st.cur().clone();
    if st.frames.len() > 1 || frame.in_callback.is_some() {
        if st.reg(0).ty == RegType::Stack {
            return Err(VerifyError::at(
                idx,
                "cannot return stack pointer to the caller",
            ));
        }
    } else {
        env.check_reg_read(st, 0)?;
    }
    if let Some(cb) = frame.in_callback {
        // An async callback runs on its own, as the bottom frame: the
        // kernel checks what it holds before what it returns.
        if cb.is_async {
            check_resources(env, st, idx, MAIN_EXIT)?;
        }
        if st.reg(0).ty != RegType::Scalar {
            return Err(VerifyError::at(idx, "R0 not a scalar value"));
        }
        env.mark_precise(st, 0);
        let r0 = st.reg(0);
        if r0.var.smin < cb.ret_min || r0.var.smax > cb.ret_max {
            return Err(VerifyError::at(
                idx,
                format!(
                    "At callback return the register R0 has{} should have been in [{}, {}]",
                    value_str(&r0.var),
                    cb.ret_min,
                    cb.ret_max
                ),
            ));
        }
        if cb.is_async {
            return Ok(Step::End);
        }
        // The callee may run again: verify another round from the caller's state.
        st.frames.pop();
        let mut again = st.clone();
        again.insn = frame.callsite;
        let args = frame
            .cb_args
            .as_deref()
            .copied()
            .unwrap_or([Reg::NOT_INIT; 5]);
        enter_callback(env, &mut again, frame.subprog, cb, args)?;
        let insn = again.insn;
        // To backtracking, the next round starts with the call again.
        env.cur_hist.push(crate::precision::Hist {
            insn: frame.callsite,
            depth: st.frames.len() as u8,
            callback: st.cur().in_callback.is_some(),
            stack: None,
        });
        let pushed = env.push_branch(path, again, insn);
        env.cur_hist.pop();
        pushed?;
        let st = &mut path.st;
        clobber_args(st);
        *st.reg_mut(0) = Reg::UNKNOWN;
        st.insn = frame.callsite + 1;
        return Ok(Step::Next);
    }
    if st.frames.len() > 1 {
        let r0 = *st.reg(0);
        st.frames.pop();
        clobber_args(st);
        *st.reg_mut(0) = r0;
        st.insn = frame.callsite + 1;
        return Ok(Step::Next);
    }
    check_resources(env, st, idx, MAIN_EXIT)?;
    let range = crate::ctx::return_range(env.prog);
    if range.is_some() {
        env.mark_precise(st, 0);
    }
    let r0 = *st.reg(0);
    if let Some((lo, hi)) = range
        && (r0.ty != RegType::Scalar || r0.var.smin < lo || r0.var.smax > hi)
    {
        {
            let has = if r0.ty == RegType::Scalar {
                value_str(&r0.var)
            } else {
                format!(" {}", crate::log::reg_type_str(&r0))
            };
            return Err(VerifyError::at(
                idx,
                format!(
                    "At program exit the register R0 has{has} should have been in [{lo}, {hi}]"
                ),
            ));
        }
    }
    Ok(Step::End)
}

/// The exit-time checks on held resources, in the kernel's order.
pub fn check_resources(env: &Env, st: &State, idx: u32, prefix: &str) -> Result<(), VerifyError> {
    if st.holds_lock() {
        return Err(VerifyError::at(
            idx,
            format!("{prefix} cannot be used inside bpf_spin_lock-ed region"),
        ));
    }
    let leaks: Vec<String> = st
        .refs
        .iter()
        .filter(|r| r.kind == RefKind::Ptr)
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
fn region_entry(env: &Env, enters: Flags, excluding: Flags) -> &'static str {
    env.reg
        .iter()
        .find(|(id, _)| env.reg.has(*id, enters) && !env.reg.flags(*id).intersects(excluding))
        .map_or("?", |(_, k)| k.name)
}

/// The referenced kptr field a map value pointer points at exactly: its
/// pointee type and whether that is a program type.
fn kptr_at(env: &Env, idx: u32, r: u8, reg: &Reg) -> Result<(u32, bool), VerifyError> {
    let Some(off) = reg.var.as_const() else {
        return Err(VerifyError::at(
            idx,
            format!("R{r} doesn't have constant offset. kptr has to be at the constant offset"),
        ));
    };
    let off = reg.off as i64 + off as i64;
    let map = &env.prog.maps[reg.aux as usize];
    let fields = env
        .prog
        .value_obj(reg.aux)
        .map(|t| t.fields.as_slice())
        .unwrap_or_default();
    let kptrs = || {
        fields
            .iter()
            .filter(|f| matches!(f.kind, FieldKind::Kptr | FieldKind::KptrUntrusted))
    };
    if kptrs().next().is_none() {
        return Err(VerifyError::at(
            idx,
            format!("map '{}' has no valid kptr", map.name),
        ));
    }
    let Some(f) = kptrs().find(|f| f.off as i64 == off) else {
        return Err(VerifyError::at(
            idx,
            format!("off={off} doesn't point to kptr"),
        ));
    };
    if f.kind != FieldKind::Kptr {
        return Err(VerifyError::at(
            idx,
            format!("off={off} kptr isn't referenced kptr"),
        ));
    }
    Ok(f.kptr.unwrap_or((0, false)))
}

/// How the kernel passes a global function's parameter.
enum GlobalArg {
    Scalar,
    Ctx,
    Mem {
        size: u32,
        nullable: bool,
    },
    /// A trusted pointer to the kernel struct of this name.
    Trusted {
        name: String,
        nullable: bool,
    },
}

/// The kernel's reading of global function `sub`'s parameters from its
/// prototype; `None` when the prototype is unknown.
fn global_args(env: &Env, sub: u32) -> Result<Option<Vec<GlobalArg>>, String> {
    let s = &env.prog.subprogs[sub as usize];
    // The kernel assumes a global function's result is a number.
    if !s.ret_scalar {
        return Err(format!(
            "Global function {}() doesn't return scalar. Only those are supported.",
            s.name
        ));
    }
    let args = &s.args;
    if args.is_empty() {
        return Ok(None);
    }
    let ctx = crate::ctx::uapi_ctx(env.prog.prog_type);
    args.iter()
        .enumerate()
        .map(|(i, a)| match a {
            SubprogArg::Scalar => Ok(GlobalArg::Scalar),
            SubprogArg::Ptr {
                pointee,
                size,
                ctx: tagged,
                nonnull,
                trusted,
                nullable,
            } => {
                if *tagged || (!pointee.is_empty() && ctx == Some(pointee.as_str())) {
                    return Ok(GlobalArg::Ctx);
                }
                if *trusted {
                    if *nonnull {
                        return Err(format!("arg#{i} has invalid combination of tags"));
                    }
                    // The kernel struct of that name, flavours stripped.
                    let name = pointee.split("___").next().unwrap_or_default();
                    let known = env
                        .prog
                        .kernel_btf
                        .as_deref()
                        .is_none_or(|b| b.find(name, crate::btf::Kind::Struct).is_some());
                    if !known {
                        return Err(format!(
                            "arg#{i} reference type('STRUCT {pointee}') is not a kernel struct"
                        ));
                    }
                    return Ok(GlobalArg::Trusted {
                        name: name.to_string(),
                        nullable: *nullable,
                    });
                }
                match size {
                    Some(size) => Ok(GlobalArg::Mem {
                        size: *size,
                        nullable: !nonnull,
                    }),
                    None => Err(format!(
                        "arg#{i} reference type('PTR ') size cannot be determined: -22"
                    )),
                }
            }
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// The registers a global function starts with: its parameters as the
/// kernel assumes them (any valid value of their type).
pub fn global_entry_regs(env: &mut Env, sub: u32) -> Result<Option<[Reg; 5]>, VerifyError> {
    let start = env.prog.subprogs[sub as usize].start;
    let Some(args) = global_args(env, sub).map_err(|m| VerifyError::at(start, m))? else {
        return Ok(None);
    };
    let mut regs = [Reg::NOT_INIT; 5];
    for (r, a) in regs.iter_mut().zip(&args) {
        *r = match a {
            GlobalArg::Scalar => Reg::UNKNOWN,
            GlobalArg::Ctx => Reg::ptr(RegType::Ctx, 0),
            GlobalArg::Mem { size, nullable } => {
                let mut m = Reg::ptr(RegType::Mem, *size);
                if *nullable {
                    m.flags = PtrFlags::MAYBE_NULL;
                    m.id = env.new_id();
                }
                m
            }
            GlobalArg::Trusted { name, nullable } => {
                let mut t = Reg::ptr(RegType::BtfId, crate::kernel_types::id_of(name));
                t.flags = PtrFlags::TRUSTED;
                if *nullable {
                    t.flags = t.flags.with(PtrFlags::MAYBE_NULL);
                }
                t.id = env.new_id();
                t
            }
        };
    }
    Ok(Some(regs))
}

/// The caller's registers must be what global function `sub` assumes.
fn check_global_args(env: &mut Env, st: &mut State, sub: u32) -> Result<(), VerifyError> {
    let idx = st.insn;
    let Some(args) = global_args(env, sub).map_err(|m| VerifyError::at(idx, m))? else {
        return Ok(());
    };
    for (i, a) in args.iter().enumerate() {
        let r = i as u8 + 1;
        env.check_reg_read(st, r)?;
        let reg = *st.reg(r);
        match a {
            GlobalArg::Scalar if reg.ty != RegType::Scalar => {
                return Err(VerifyError::at(idx, format!("R{r} is not a scalar")));
            }
            // The callee gets the context as the program does: unmoved.
            GlobalArg::Ctx if reg.ty == RegType::Ctx && reg.off != 0 => {
                return Err(VerifyError::at(
                    idx,
                    format!(
                        "dereference of modified ctx ptr R{r} off={} disallowed",
                        reg.off
                    ),
                ));
            }
            GlobalArg::Ctx if reg.ty == RegType::Ctx && !reg.fixed_offset() => {
                return Err(VerifyError::at(
                    idx,
                    format!(
                        "variable ctx access var_off={} disallowed",
                        crate::log::tnum_str(&reg.var)
                    ),
                ));
            }
            GlobalArg::Ctx if reg.ty != RegType::Ctx => {
                return Err(VerifyError::at(
                    idx,
                    format!("arg#{i} expects pointer to ctx"),
                ));
            }
            GlobalArg::Trusted { name, nullable } => {
                if reg.is_null() && *nullable {
                    continue;
                }
                // The kernel's check_reg_type(): a kernel object pointer,
                // plain, trusted or RCU, possibly NULL only when the
                // argument is nullable, of the argument's struct.
                let unsafe_mods = [
                    PtrFlags::UNTRUSTED,
                    PtrFlags::ALLOC,
                    PtrFlags::PERCPU,
                    PtrFlags::RDONLY,
                    PtrFlags::NON_OWN,
                    PtrFlags::PROG_BTF,
                ];
                if reg.ty != RegType::BtfId
                    || unsafe_mods.iter().any(|f| reg.flags.has(*f))
                    || reg.maybe_null() && !nullable
                {
                    return Err(VerifyError::at(
                        idx,
                        format!(
                            "R{r} type={} expected=ptr_, trusted_ptr_, rcu_ptr_",
                            crate::log::reg_type_str(&reg)
                        ),
                    ));
                }
                let matches = match env.prog.kernel_btf.as_deref() {
                    Some(btf) => crate::kernel_types::ids_match(btf, reg.aux, reg.off as i64, name),
                    None => reg.off == 0 && crate::kernel_types::name(reg.aux) == name,
                };
                if !matches {
                    return Err(VerifyError::at(
                        idx,
                        format!(
                            "R{r} is of type {} but {name} is expected",
                            crate::kernel_types::name(reg.aux)
                        ),
                    ));
                }
            }
            GlobalArg::Mem { size, nullable } => {
                if reg.is_null() {
                    continue;
                }
                // Checked as if not NULL; the caller's register is unchanged.
                // The callee may read and write the memory.
                st.reg_mut(r).flags = reg.flags.without(PtrFlags::MAYBE_NULL);
                let res = check_mem_arg(env, st, r, *size, false, false)
                    .and_then(|()| check_mem_arg(env, st, r, *size, true, false));
                *st.reg_mut(r) = reg;
                res?;
                if !nullable && reg.maybe_null() {
                    return Err(VerifyError::at(
                        idx,
                        format!("arg#{i} is expected to be non-NULL"),
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(())
}
