//! Helper calls, checked against the helper's declaration.
//!
//! The registry hands out the prototype a program of this type gets for a
//! helper number; every decision below reads that declaration (argument and
//! return kinds with their modifiers, call-level properties, callback shape,
//! accepted map types). No helper is known here by name or number.

use crate::calls::{clobber_args, enter_callback, invalidate_packets, scalar_arg};
use crate::env::{Env, ObjectUse, Path, Step, VerifyError};
use crate::mem::{MemUse, check_mem_arg};
use crate::resources::{acquire_ref, lock_target, release_ref};
use crate::state::{CallbackFrame, Frame, PtrFlags, RefKind, RefState, Reg, RegType, State};
use kfreg::{
    ArgFlags, ArgType, CallbackShape, DynptrInit, Helper, HelperArg, HelperFlags, MapKind,
    ProgFlags, RetFlags, RetType,
};
use kfreg_object::program::FieldKind;

/// The kernel's list of memory argument types, for type mismatch messages.
const MEM_TYPES: &str =
    "fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_";

/// The kernel's socket argument types (`ARG_PTR_TO_SOCK_COMMON`).
const SOCK_TYPES: &str = "sock_common, sock, tcp_sock, xdp_sock";

/// What the arguments told about the call, for the checks after them.
#[derive(Default)]
struct Meta {
    /// Map index of the map argument.
    map: Option<u32>,
    /// The inner-map identity of the map a timer argument lives in.
    map_uid: u32,
    /// A constant string argument: its map, its offset there and the
    /// argument's position.
    format: Option<(u32, usize, usize)>,
    /// The constant key, when the key argument is a known small constant.
    key: Option<u64>,
    /// Size of a constant allocation or slice request.
    alloc_size: u32,
    /// The reference the call consumes.
    release: Option<u32>,
    /// The callback subprogram.
    callback: Option<u32>,
    /// The kptr field argument.
    kptr_field: Option<kfreg_object::program::Field>,
    /// The per-CPU object argument, as an RCU pointer: its type and
    /// whether that is a program type.
    percpu_obj: Option<(u32, bool)>,
    /// The reference a pointer argument carries (for results that carry it on).
    ref_obj_id: u32,
    /// The reference a pointer argument carried (a dynptr's is not one).
    arg_ref: u32,
    /// The identity of the dynptr argument, which a slice of it records.
    dynptr_id: u32,
    /// How the dynptr argument was made.
    dynptr_kind: Option<DynptrInit>,
    /// The register of the tail call's index and the program array's size.
    tail_index: Option<(u8, u32)>,
}

/// The type-mismatch error of register `r`.
fn expect(idx: u32, r: u8, reg: &Reg, what: &str) -> VerifyError {
    VerifyError::at(
        idx,
        format!(
            "R{r} type={} expected={what}",
            crate::describe::reg_type_str(reg)
        ),
    )
}

/// The value of a constant map key on the stack, as `get_constant_map_key`
/// finds it: known-zero bytes or a scalar spill, both counted from the key's
/// first byte to the end of its slot only (a key spanning two slots is never
/// constant). With it, whether it came from a spill, whose value then
/// becomes precise (zero bytes are compared exactly anyway).
fn stack_constant(st: &State, reg: &Reg, size: u32) -> Option<(u64, bool)> {
    if reg.ty != RegType::Stack || !reg.fixed_offset() || reg.off >= 0 {
        return None;
    }
    let slot = st.frames.get(reg.aux as usize)?.slot(reg.off)?;
    let first = 7 - ((-reg.off - 1) % 8) as usize;
    let tail = &slot.bytes[first..];
    let run = |kind| tail.iter().take_while(|b| **b == kind).count();
    if run(crate::state::SlotKind::Zero) >= size as usize {
        return Some((0, false));
    }
    // The kernel takes a key from a scalar spill whose bytes from the key on
    // number exactly the key's size.
    if !slot.is_spill()
        || slot.reg.ty != RegType::Scalar
        || run(crate::state::SlotKind::Spill) != size as usize
    {
        return None;
    }
    slot.reg.var.as_const().map(|v| (v, true))
}

/// The prototype of helper `id` for this program, or the kernel's refusal.
fn prototype(env: &Env, idx: u32, id: i32) -> Result<&'static Helper, VerifyError> {
    let helpers = env.reg.helpers();
    let name = u32::try_from(id).ok().and_then(|id| helpers.name(id));
    let Some(name) = name else {
        return Err(VerifyError::at(idx, format!("invalid func unknown#{id}")));
    };
    // A struct_ops type may refuse a helper to its programs or to one member's.
    let refused = env
        .struct_ops
        .zip(env.prog.struct_ops.as_ref())
        .is_some_and(|(d, m)| !d.may_call(&m.member, name));
    // Some prototypes exist only for some LSM hooks.
    let hook_has = |h: &Helper| {
        !h.has(HelperFlags::SOCKOPT_HOOK) || env.lsm_hook.is_some_and(|hook| hook.sockopt)
    };
    helpers
        .get_for(id as u32, env.prog.prog_type, env.attach)
        .or_else(|| iter_target_helper(env, id as u32))
        .filter(|h| !refused && hook_has(h))
        .ok_or_else(|| {
            VerifyError::at(
                idx,
                format!("program of this type cannot use helper {name}#{id}"),
            )
        })
}

/// The prototype of helper `id` an iterator's target adds, asked only when
/// the program type has none (`bpf_iter_get_func_proto`).
fn iter_target_helper(env: &Env, id: u32) -> Option<&'static Helper> {
    let target = env.prog.iter_target.as_deref()?;
    env.reg.iter_targets().get(target)?.helper(id)
}

/// Whether the program may hand packet memory to this helper (the
/// kernel's `may_access_direct_pkt_data` for a call).
fn packet_helpers_allowed(env: &Env, h: &Helper) -> bool {
    match crate::ctx::packet_args(env) {
        kfreg::PacketArgs::Never => false,
        kfreg::PacketArgs::Declared => h.has(HelperFlags::PKT_ACCESS),
        kfreg::PacketArgs::Always => true,
    }
}

/// A helper call.
pub fn check_helper_call(env: &mut Env, path: &mut Path, id: i32) -> Result<Step, VerifyError> {
    let st = &mut path.st;
    let idx = st.insn;
    if st.holds_lock() {
        let unlocks = u32::try_from(id).ok().is_some_and(|id| {
            env.reg
                .helpers()
                .protos(id)
                .iter()
                .any(|h| h.has(HelperFlags::UNLOCK))
        });
        if !unlocks {
            return Err(VerifyError::at(
                idx,
                "function calls are not allowed while holding a lock",
            ));
        }
    }
    let h = prototype(env, idx, id)?;
    if h.has(HelperFlags::GPL_ONLY) && !env.prog.gpl {
        return Err(VerifyError::at(
            idx,
            "cannot call GPL-restricted function from non-GPL compatible program",
        ));
    }
    // Some prototypes serve only some of the attach types of the program
    // types that get them (the kernel's `allowed` callback).
    let attach_ok =
        h.only_attach.is_empty() || env.attach.is_some_and(|a| h.only_attach.contains(a));
    let traced = kfreg_object::loader::traced_function(&env.prog.section);
    let func_ok = (h.only_funcs.is_empty() || traced.is_none_or(|f| h.only_funcs.contains(&f)))
        && h.not_traced
            .is_none_or(|p| !traced.is_some_and(|f| f.starts_with(p)));
    let hook_ok =
        !h.has(HelperFlags::SLEEPABLE_HOOK) || env.lsm_hook.is_some_and(|hook| hook.sleepable);
    if !(attach_ok && func_ok && hook_ok) {
        return Err(VerifyError::at(idx, "helper call is not allowed in probe"));
    }
    if h.has(HelperFlags::MIGHT_SLEEP) {
        if !st.sleepable {
            return Err(VerifyError::at(
                idx,
                "helper call might sleep in a non-sleepable prog",
            ));
        }
        let region = if st.rcu {
            Some("rcu_read_lock region")
        } else if st.preempt > 0 {
            Some("non-preemptible region")
        } else if st.irq_disabled() {
            Some("IRQ-disabled region")
        } else {
            None
        };
        if let Some(region) = region {
            return Err(VerifyError::at(
                idx,
                format!("sleepable helper {}#{id} in {region}", h.name),
            ));
        }
    }
    let mut meta = Meta::default();
    for (i, arg) in h.used_args().iter().enumerate() {
        check_arg(env, st, h, i, arg, &mut meta)?;
    }
    // Memory only a map value may be is asked for once every argument
    // passed (the kernel's check_helper_call, after its argument loop).
    for (i, arg) in h.used_args().iter().enumerate() {
        let reg = st.reg(i as u8 + 1);
        if arg.has(ArgFlags::MAP_VALUE_ONLY) && reg.ty != RegType::MapValue {
            return Err(VerifyError::at(
                idx,
                format!(
                    "Unsupported reg type {} for {} data",
                    crate::describe::reg_type_str(reg),
                    h.name
                ),
            ));
        }
    }
    after_args(env, st, h, &meta)?;
    if let Some(rid) = meta.release
        && !release_ref(st, rid)
    {
        return Err(VerifyError::at(
            idx,
            format!(
                "func {}#{} reference has not been acquired before",
                h.name, h.id
            ),
        ));
    }
    check_format(env, st, h, &meta)?;
    if h.has(HelperFlags::TAIL_CALL) {
        // The program ends here as at an exit: nothing may be held.
        let name = h.name.strip_prefix("bpf_").unwrap_or(h.name);
        crate::resources::check_resources(env, st, st.insn, name, false)?;
    }
    let r0 = result(env, st, h, &meta)?;
    if h.has(HelperFlags::TRACED_FUNC) {
        traced_func(env, idx, h)?;
    }
    if let (Some(sub), Some(shape)) = (meta.callback, h.callback) {
        let (ret_min, ret_max) = shape.ret_range();
        let args = callback_args(env, st, shape, &meta);
        if shape.is_async() {
            let mut root = State {
                frames: vec![Frame::root(sub)],
                refs: Vec::new(),
                rcu: false,
                sleepable: shape.async_may_sleep(),
                preempt: 0,
                loop_depth: 0,
                insn: env.prog.subprogs[sub as usize].start,
            };
            root.frames[0].regs[1..6].copy_from_slice(&args);
            root.frames[0].in_callback = Some(CallbackFrame {
                ret_min,
                ret_max,
                locked: false,
                is_async: true,
                count_arg: None,
            });
            env.push_root(root);
        } else if crate::calls::another_round(env, st, st.frames.len() - 1, shape.count_arg())? {
            // The first round is queued; the caller goes on at once as if
            // the callback never ran (an empty map, a zero count), as the
            // kernel's push_callback_call explores: what that path makes
            // precise is known before the rounds are widened.
            let mut entered = st.clone();
            let frame = CallbackFrame {
                ret_min,
                ret_max,
                locked: false,
                is_async: false,
                count_arg: shape.count_arg(),
            };
            enter_callback(env, &mut entered, sub, frame, args)?;
            let at = entered.insn;
            env.push_branch(path, entered, at)?;
        }
        // Rounds are counted on the paths that run them.
        path.st.cur_mut().cb_rounds = 0;
    }
    let st = &mut path.st;
    // Writing into an skb's data or metadata through a dynptr may move the
    // packet, as the helpers that change packet data do; an XDP buffer's
    // dynptr is written in place.
    let writes_skb = h.has(HelperFlags::WRITES_DYNPTR)
        && meta.dynptr_kind.is_some_and(DynptrInit::moves_when_written);
    // A tail call that fails goes on in its frame with the packet as it
    // was: only a caller it may return to loses its pointers (below; the
    // flag marks the calling subprogram as one that changes packet data).
    let moves_packet = h.has(HelperFlags::CHANGES_PKT_DATA) && !h.has(HelperFlags::TAIL_CALL);
    if moves_packet || writes_skb {
        invalidate_packets(st);
    }
    clobber_args(st);
    *st.reg_mut(0) = r0;
    st.insn += 1;
    // A tail call made from a subprogram that succeeds returns from it: the
    // program called in its place returns to the subprogram's caller
    // (the kernel explores that exit, then the failed call going on).
    if h.has(HelperFlags::TAIL_CALL) && st.frames.len() > 1 {
        let failed = path.st.clone();
        env.push_branch(path, failed, path.st.insn)?;
        let st = &mut path.st;
        st.insn -= 1;
        invalidate_packets(st);
        *st.reg_mut(0) = Reg::UNKNOWN;
        return crate::calls::return_to_caller(env, path);
    }
    Ok(Step::Next)
}

/// A helper reading the traced function's address needs a program that has
/// one (the kernel's `check_get_func_ip`).
fn traced_func(env: &Env, idx: u32, h: &Helper) -> Result<(), VerifyError> {
    if crate::ctx::has(env, ProgFlags::TRACED_FUNC) {
        return Ok(());
    }
    // A type that has one when attached through a trampoline says so.
    let by_attach = env.prog_decl.is_some_and(|d| {
        d.flags_for
            .iter()
            .any(|f| f.flags.contains(ProgFlags::TRACED_FUNC))
    });
    let msg = if by_attach {
        format!(
            "func {}#{} supported only for fentry/fexit/fmod_ret programs",
            h.name, h.id
        )
    } else {
        format!(
            "func {}#{} not supported for program type {}",
            h.name,
            h.id,
            env.prog.prog_type.id()
        )
    };
    Err(VerifyError::at(idx, msg))
}

/// Checks argument `i` (register R`i+1`) against its declared kind.
fn check_arg(
    env: &mut Env,
    st: &mut State,
    h: &Helper,
    i: usize,
    arg: &HelperArg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    let idx = st.insn;
    let r = i as u8 + 1;
    let arg = &resolve_map_arg(env, arg, meta);
    env.check_reg_read(st, r)?;
    let reg = *st.reg(r);
    // Every argument but a wildcard, the size of packet memory too, is
    // refused a packet pointer the helper may not take, before its type
    // is looked at (the kernel's `check_func_arg`).
    if arg.ty != ArgType::Anything {
        check_packet_arg(env, idx, h, &reg)?;
    }
    if arg.ty.is_size() {
        return match i.checked_sub(1).map(|m| (m, &h.args[m])) {
            Some((m, mem)) if mem.is_sized_mem() => sized_mem_arg(env, st, h, m, mem),
            _ => scalar_arg(st, r).map(drop),
        };
    }
    // A socket map's values are sockets, BTF-typed ones too (the kernel's
    // `resolve_map_arg_type`, before a NULL argument is let through): only
    // a plain value argument (an update's) can be one.
    let sockets = arg.ty == ArgType::MapValue && meta.map.is_some_and(|m| holds_sockets(env, m));
    let modified = [
        ArgFlags::MAYBE_NULL,
        ArgFlags::RDONLY,
        ArgFlags::UNINIT,
        ArgFlags::WRITE,
    ];
    if sockets && modified.into_iter().any(|f| arg.has(f)) {
        return Err(VerifyError::at(
            idx,
            "invalid arg_type for sockmap/sockhash",
        ));
    }
    // NULL memory is checked with its size.
    if arg.has(ArgFlags::MAYBE_NULL) && reg.is_null() {
        return Ok(());
    }
    // One argument at most carries a reference, a kptr exchange's
    // destination aside (check_func_arg; the kernel ends the line with
    // no newline).
    if reg.is_pointer() && reg.ref_obj_id != 0 && arg.ty != ArgType::KptrXchgDest {
        if meta.arg_ref != 0 {
            return Err(VerifyError::at(
                idx,
                format!(
                    "more than one arg with ref_obj_id R{r} {} {}",
                    reg.ref_obj_id, meta.arg_ref
                ),
            ));
        }
        meta.arg_ref = reg.ref_obj_id;
        meta.ref_obj_id = reg.ref_obj_id;
    }
    // Read-only memory is no memory type to an argument not declared
    // read-only (`check_reg_type` keeps `MEM_RDONLY` in the type then).
    // (A read-only map's values are not such memory: the map refuses the
    // writes, not the pointer's type.)
    // Untrusted memory (a cast to no type gives it) is none either: only
    // `MEM_RDONLY` and `PTR_MAYBE_NULL` are taken off the type.
    let memory = matches!(arg.ty, ArgType::Mem | ArgType::MapKey | ArgType::MapValue);
    let plain_mem = matches!(reg.ty, RegType::Mem | RegType::Buf);
    let rdonly_mem = plain_mem && reg.flags.has(PtrFlags::RDONLY);
    let untrusted_mem = plain_mem && reg.flags.has(PtrFlags::UNTRUSTED);
    // Flow keys are a pointer type of their own in the kernel, no memory.
    let flow_keys = reg.ty == RegType::Mem && reg.flags.has(PtrFlags::FLOW_KEYS);
    if memory && (untrusted_mem || flow_keys || rdonly_mem && !arg.has(ArgFlags::RDONLY)) {
        return Err(expect(idx, r, &reg, MEM_TYPES));
    }
    match arg.ty {
        ArgType::Anything if arg.has(ArgFlags::ZERO) => {
            if !reg.is_null() {
                return Err(VerifyError::at(
                    idx,
                    format!(
                        "{}() doesn't support non-zero flags",
                        h.name.strip_prefix("bpf_").unwrap_or(h.name)
                    ),
                ));
            }
        }
        ArgType::DontCare | ArgType::Anything => env.stack_live.arg_not_read(r),
        ArgType::ConstSize | ArgType::ConstSizeOrZero => {}
        ArgType::Scalar => {
            scalar_arg(st, r)?;
        }
        ArgType::ConstMapPtr => {
            if reg.ty != RegType::ConstMap || reg.maybe_null() {
                return Err(expect(idx, r, &reg, "map_ptr"));
            }
            // A timer is initialised for the very map (and inner map)
            // holding it, which its argument, before this one, named.
            if let Some(m) = meta.map
                && (m, meta.map_uid) != (reg.aux, reg.aux2)
            {
                return Err(VerifyError::at(
                    idx,
                    format!(
                        "timer pointer in R1 map_uid={} doesn't match map pointer in R2 map_uid={}",
                        meta.map_uid, reg.aux2
                    ),
                ));
            }
            meta.map = Some(reg.aux);
            meta.map_uid = reg.aux2;
            if h.has(HelperFlags::TAIL_CALL) {
                meta.tail_index = Some((r + 1, env.prog.maps[reg.aux as usize].max_entries));
            }
        }
        ArgType::MapValue if sockets => {
            let sock = HelperArg {
                ty: ArgType::BtfIdSockCommon,
                ..*arg
            };
            sock_common_arg(env, idx, r, &sock, &reg, meta)?;
        }
        ArgType::MapKey | ArgType::MapValue => map_mem_arg(env, st, h, arg, r, &reg, meta)?,
        ArgType::Mem if arg.has(ArgFlags::FIXED_SIZE) => fixed_mem_arg(env, st, h, arg, r, &reg)?,
        // Accessed when its size, the next argument, is checked.
        ArgType::Mem => {
            if !crate::mem::is_memory(reg.ty) || null_refused(arg, &reg) {
                return Err(expect(idx, r, &reg, MEM_TYPES));
            }
            check_btf_mem(idx, h, r, arg, &reg)?;
        }
        ArgType::ConstAllocSizeOrZero => {
            let v = scalar_arg(st, r)?;
            let Some(c) = v.as_const() else {
                return Err(VerifyError::at(
                    idx,
                    format!("R{r} is not a known constant'"),
                ));
            };
            env.mark_precise(st, r);
            meta.alloc_size = c as u32;
        }
        ArgType::Ctx => {
            if reg.ty != RegType::Ctx {
                return Err(expect(idx, r, &reg, "ctx"));
            }
            crate::mem::unmodified_ptr(idx, r, &reg)?;
        }
        ArgType::SpinLock => spin_lock_arg(env, st, h, r)?,
        ArgType::Timer => timer_arg(env, idx, r, &reg, meta)?,
        ArgType::Dynptr => {
            dynptr_arg(env, st, i, arg, &reg, meta)?;
            let how = ObjectUse::of(arg.has(ArgFlags::UNINIT), arg.has(ArgFlags::RELEASE));
            env.stack_object_arg(r, &reg, 2, how);
        }
        ArgType::Func => {
            if reg.ty != RegType::Func {
                return Err(expect(idx, r, &reg, "func"));
            }
            // Moving a function's address is allowed, passing it moved not.
            crate::mem::unmodified_ptr(idx, r, &reg)?;
            meta.callback = Some(reg.aux);
        }
        ArgType::Stack => {
            if reg.ty != RegType::Stack {
                return Err(expect(idx, r, &reg, "fp"));
            }
            // A callback's context: the helper itself reads none of it; the
            // callback's own reads count where it makes them.
            env.stack_live.arg_not_read(r);
        }
        ArgType::KptrXchgDest => {
            // A kptr field of a map value or of an object the program
            // allocated, exactly those types (kptr_xchg_dest_types): one
            // that may be NULL, or an object known only under RCU, is not.
            let alloc = reg.ty == RegType::BtfId
                && reg.flags.without(PtrFlags::PROG_BTF) == PtrFlags::ALLOC;
            let value = reg.ty == RegType::MapValue && !reg.maybe_null();
            if !value && !alloc {
                return Err(expect(idx, r, &reg, "map_value, ptr_"));
            }
            // Kptr fields are read from the map's BTF, which it must have.
            if reg.ty == RegType::MapValue {
                let map = &env.prog.maps[reg.aux as usize];
                if map.value_type.is_none() {
                    return Err(VerifyError::at(
                        idx,
                        format!(
                            "map '{}' has to have BTF in order to use {}",
                            map.name, h.name
                        ),
                    ));
                }
            }
            meta.kptr_field = Some(crate::calls::kptr_at(env, idx, r, &reg)?.clone());
        }
        ArgType::BtfId => btf_id_arg(env, idx, r, arg, &reg, meta)?,
        ArgType::RingbufMem => ringbuf_mem_arg(idx, r, &reg, meta)?,
        ArgType::SockCommon | ArgType::BtfIdSockCommon => {
            sock_common_arg(env, idx, r, arg, &reg, meta)?
        }
        ArgType::Socket => {
            // A possibly-NULL socket passes where NULL may (check_reg_type).
            if reg.ty != RegType::Socket || (reg.maybe_null() && !arg.has(ArgFlags::MAYBE_NULL)) {
                return Err(expect(idx, r, &reg, "sock"));
            }
            if arg.has(ArgFlags::RELEASE) {
                release_arg(idx, r, &reg, meta)?;
            }
        }
        ArgType::ConstStr => {
            let (m, off) = const_str_arg(env, idx, r, &reg)?;
            meta.format = Some((m, off, i));
        }
        // A per-CPU object loaded from its kptr field under RCU: a CPU's
        // copy of it is an RCU pointer to the object (the kernel's
        // returns_cpu_specific_alloc_ptr). Per-CPU kernel variables (the
        // oracle kernel gives no addresses of kernel symbols) and arena
        // pointers are not modelled: a program using them is refused
        // rather than guessed at.
        ArgType::PercpuBtfId => {
            let allowed = PtrFlags::PERCPU
                .with(PtrFlags::RCU)
                .with(PtrFlags::PROG_BTF);
            if reg.ty != RegType::BtfId
                || !reg.flags.has(PtrFlags::PERCPU.with(PtrFlags::RCU))
                || reg.flags.without(allowed) != PtrFlags::NONE
            {
                return Err(expect(
                    idx,
                    r,
                    &reg,
                    "percpu_ptr_, percpu_rcu_ptr_, percpu_trusted_ptr_",
                ));
            }
            meta.percpu_obj = Some((reg.aux, reg.flags.has(PtrFlags::PROG_BTF)));
        }
        ArgType::Arena => return Err(expect(idx, r, &reg, "arena")),
    }
    Ok(())
}

/// A map key or value: memory of the map's key or value size (a constant
/// key on the stack is remembered, and its value becomes precise).
fn map_mem_arg(
    env: &mut Env,
    st: &mut State,
    h: &Helper,
    arg: &HelperArg,
    r: u8,
    reg: &Reg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    let idx = st.insn;
    let m = &env.prog.maps[meta.map.unwrap_or(0) as usize];
    let size = if arg.ty == ArgType::MapKey {
        m.key_size
    } else {
        m.value_size
    };
    if null_refused(arg, reg) || !crate::mem::is_memory(reg.ty) {
        return Err(expect(idx, r, reg, MEM_TYPES));
    }
    check_btf_mem(idx, h, r, arg, reg)?;
    helper_mem_arg(env, st, r, size, true, arg, false)?;
    // A map made to be an inner map never elides (a 6.18 stable fix).
    let elides = meta.map.is_some_and(|m| {
        map_kind(env, m).is_some_and(MapKind::elides_value_nullness)
            && !env.prog.maps[m as usize].inner_map_flag
    });
    if arg.ty == ArgType::MapKey && elides {
        let key = stack_constant(st, reg, size);
        meta.key = key.map(|(v, _)| v);
        if let Some((_, true)) = key {
            // The lookup's result depends on the spilled key's value.
            let slot = crate::state::slot_index(reg.off);
            env.mark_slot_precise(st, reg.aux as usize, slot);
        }
    }
    Ok(())
}

/// Memory of the size the prototype fixes, aligned where it says so.
fn fixed_mem_arg(
    env: &mut Env,
    st: &mut State,
    h: &Helper,
    arg: &HelperArg,
    r: u8,
    reg: &Reg,
) -> Result<(), VerifyError> {
    let idx = st.insn;
    if !crate::mem::is_memory(reg.ty) || null_refused(arg, reg) {
        return Err(expect(idx, r, reg, MEM_TYPES));
    }
    check_btf_mem(idx, h, r, arg, reg)?;
    helper_mem_arg(env, st, r, arg.size, true, arg, false)?;
    // Aligned to its size whatever the pointer (check_ptr_alignment,
    // strict), a variable offset by its known bits.
    if arg.has(ArgFlags::ALIGNED) {
        crate::mem::check_aligned(idx, reg, 0, arg.size)?;
    }
    Ok(())
}

/// A ring buffer record being submitted or discarded: released, so it
/// must be the record itself.
fn ringbuf_mem_arg(idx: u32, r: u8, reg: &Reg, meta: &mut Meta) -> Result<(), VerifyError> {
    if reg.ty != RegType::Mem || !reg.flags.has(PtrFlags::ALLOC) || reg.maybe_null() {
        return Err(expect(idx, r, reg, "ringbuf_mem"));
    }
    crate::mem::release_reg_off(idx, r, reg)?;
    meta.release = Some(reg.ref_obj_id);
    Ok(())
}

/// A helper's memory argument of at most `size` bytes in register `r`
/// (exactly `size` when `exact`). Memory the helper only writes
/// (`MEM_UNINIT`) the kernel then writes byte by byte as the program
/// would, which shows the stack slots in the log; with a size it does not
/// know, it checks the memory as written after being read instead
/// (check_mem_size_reg drops the raw mode).
fn helper_mem_arg(
    env: &mut Env,
    st: &mut State,
    r: u8,
    size: u32,
    exact: bool,
    arg: &HelperArg,
    zero_ok: bool,
) -> Result<(), VerifyError> {
    // Raw mode needs the bytes known: a constant size and offset.
    let known = exact && st.reg(r).var.as_const().is_some();
    let used = match mem_use(arg) {
        MemUse::Fill if !known => MemUse::Write,
        used => used,
    };
    check_mem_arg(env, st, r, size, used, zero_ok, true)?;
    let reg = st.reg(r);
    // The kernel writes the bytes after the checks, as stores would.
    if used == MemUse::Fill && reg.ty == RegType::Stack && size > 0 {
        let lo = reg.off as i64 + reg.var.smin;
        let hi = lo + size as i64;
        let first = lo.div_euclid(8) * 8;
        env.scratch_slots(first as i32, ((hi - first + 7) / 8) as i32);
        let frame = reg.aux as usize;
        crate::mem::kill_buffer_slices(st, frame, lo, hi);
    }
    Ok(())
}

/// What the helper does with the memory: fills it (`MEM_UNINIT`), writes
/// it (`MEM_WRITE`) or reads it.
fn mem_use(arg: &HelperArg) -> MemUse {
    if arg.has(ArgFlags::UNINIT) {
        MemUse::Fill
    } else if arg.has(ArgFlags::WRITE) {
        MemUse::Write
    } else {
        MemUse::Read
    }
}

/// The argument as the map the call names makes it (the kernel's
/// `resolve_map_arg_type`): a value to be filled from a map that hands none
/// out is read instead.
fn resolve_map_arg(env: &Env, arg: &HelperArg, meta: &Meta) -> HelperArg {
    let fills_value = arg.ty == ArgType::MapValue && arg.has(ArgFlags::UNINIT);
    match meta.map.and_then(|m| map_kind(env, m)) {
        Some(kind) if fills_value && !kind.hands_out_values() => {
            arg.without(ArgFlags::UNINIT.union(ArgFlags::WRITE))
        }
        _ => *arg,
    }
}

/// Whether map `m`'s values are sockets.
fn holds_sockets(env: &Env, m: u32) -> bool {
    map_kind(env, m).is_some_and(MapKind::holds_sockets)
}

/// The kernel map type of map `m`.
fn map_kind(env: &Env, m: u32) -> Option<MapKind> {
    MapKind::from_u32(env.prog.maps[m as usize].map_type.number())
}

/// A kernel object may sit at a fixed offset into what the pointer names,
/// never a variable one; a released one not even that, and its reference
/// moves into the call.
fn object_arg_off(
    idx: u32,
    r: u8,
    reg: &Reg,
    arg: &HelperArg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    if arg.has(ArgFlags::RELEASE) {
        crate::mem::release_reg_off(idx, r, reg)?;
        release_arg(idx, r, reg, meta)
    } else {
        crate::mem::arg_reg_off(idx, r, reg)
    }
}

/// The reference `reg` carries moves into the call.
fn release_arg(idx: u32, r: u8, reg: &Reg, meta: &mut Meta) -> Result<(), VerifyError> {
    if reg.ref_obj_id == 0 {
        return Err(VerifyError::at(
            idx,
            format!("R{r} must be referenced when passed to release function"),
        ));
    }
    meta.release = Some(reg.ref_obj_id);
    Ok(())
}

/// A kernel object passed as memory must be trusted, and only helpers
/// that read it (`MEM_RDONLY`) may take it.
fn check_btf_mem(
    idx: u32,
    h: &Helper,
    r: u8,
    arg: &HelperArg,
    reg: &Reg,
) -> Result<(), VerifyError> {
    if reg.ty != RegType::BtfId {
        return Ok(());
    }
    if !reg.flags.has(PtrFlags::TRUSTED) || reg.flags.has(PtrFlags::PROG_BTF) {
        return Err(expect(idx, r, reg, MEM_TYPES));
    }
    if !arg.has(ArgFlags::RDONLY) {
        return Err(VerifyError::at(
            idx,
            format!(
                "{}() may write into memory pointed by R{r} type={}",
                h.name,
                crate::describe::reg_type_str(reg)
            ),
        ));
    }
    // A kernel object is passed at a fixed offset only
    // (check_func_arg_reg_off).
    if !reg.fixed_offset() {
        return Err(VerifyError::at(
            idx,
            format!(
                "variable {} access var_off={} disallowed",
                crate::describe::reg_type_str(reg),
                crate::describe::tnum_str(&reg.var)
            ),
        ));
    }
    Ok(())
}

/// Packet memory reaches a helper only where the program type and the
/// helper both allow it.
fn check_packet_arg(env: &Env, idx: u32, h: &Helper, reg: &Reg) -> Result<(), VerifyError> {
    if matches!(reg.ty, RegType::Packet | RegType::PacketMeta) && !packet_helpers_allowed(env, h) {
        return Err(VerifyError::at(
            idx,
            "helper access to the packet is not allowed",
        ));
    }
    Ok(())
}

/// Memory argument `i`, whose type was checked, once its size, the next
/// argument, is read.
fn sized_mem_arg(
    env: &mut Env,
    st: &mut State,
    h: &Helper,
    i: usize,
    arg: &HelperArg,
) -> Result<(), VerifyError> {
    let idx = st.insn;
    let r = i as u8 + 1;
    let reg = *st.reg(r);
    let size_reg = r + 1;
    let size = scalar_arg(st, size_reg)?;
    let zero_ok = h.args[i + 1].ty == ArgType::ConstSizeOrZero;
    crate::mem::check_size_bounds(idx, size_reg, &size, zero_ok)?;
    if arg.has(ArgFlags::MAYBE_NULL) && reg.is_null() {
        // NULL stands for no memory: only with a size that is zero.
        if size.umax != 0 {
            return Err(expect(idx, r, &reg, "fp"));
        }
        env.mark_precise(st, size_reg);
        return Ok(());
    }
    let exact = size.as_const().is_some();
    helper_mem_arg(env, st, r, size.umax as u32, exact, arg, zero_ok)?;
    env.mark_precise(st, size_reg);
    Ok(())
}

/// Whether `arg` refuses `reg` for being a pointer that may be NULL: an
/// argument that may be NULL takes one as it is (the kernel's
/// check_reg_type folds `PTR_MAYBE_NULL` off the register's type then).
fn null_refused(arg: &HelperArg, reg: &Reg) -> bool {
    reg.maybe_null() && !arg.has(ArgFlags::MAYBE_NULL)
}

/// A `bpf_spin_lock` argument: takes or releases the lock as declared.
fn spin_lock_arg(env: &mut Env, st: &mut State, h: &Helper, r: u8) -> Result<(), VerifyError> {
    let idx = st.insn;
    // The argument's types come first: a map value or an object the
    // program allocated (`spin_lock_types`).
    let reg = st.reg(r);
    let typed = match reg.ty {
        RegType::MapValue => true,
        RegType::BtfId => reg.flags.has(PtrFlags::ALLOC),
        _ => false,
    };
    if !typed || reg.maybe_null() {
        return Err(expect(idx, r, reg, "map_value, ptr_"));
    }
    if st.in_locked_callback() {
        return Err(VerifyError::at(
            idx,
            "can't spin_{lock,unlock} in rbtree cb",
        ));
    }
    let (ptr, off) = lock_target(env, st, r, FieldKind::SpinLock)?;
    if h.has(HelperFlags::LOCK) {
        // Only another spin lock forbids it: a res lock may be held.
        if st.refs.iter().any(|l| l.kind == RefKind::Lock) {
            return Err(VerifyError::at(
                idx,
                "Locking two bpf_spin_locks are not allowed",
            ));
        }
        st.refs.push(RefState {
            id: st.reg(r).id,
            insn: idx,
            kind: RefKind::Lock,
            ptr,
            off,
        });
    } else if h.has(HelperFlags::UNLOCK) {
        crate::resources::release_lock(st, RefKind::Lock, ptr, off, h.name)
            .map_err(|m| VerifyError::at(idx, m))?;
    }
    Ok(())
}

/// A `bpf_timer` argument: the timer field of a map value, at its offset.
fn timer_arg(env: &Env, idx: u32, r: u8, reg: &Reg, meta: &mut Meta) -> Result<(), VerifyError> {
    if reg.ty != RegType::MapValue || reg.maybe_null() {
        return Err(expect(idx, r, reg, "map_value"));
    }
    crate::mem::map_field_pointer(env, idx, r, reg, FieldKind::Timer)?;
    meta.map = Some(reg.aux);
    meta.map_uid = reg.aux2;
    Ok(())
}

/// A dynptr argument: initialised by the call, consumed by it, or read.
fn dynptr_arg(
    env: &mut Env,
    st: &mut State,
    i: usize,
    arg: &HelperArg,
    reg: &Reg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    let idx = st.insn;
    let r = i + 1;
    if reg.ty != RegType::Stack && reg.ty != RegType::ConstDynptr {
        return Err(expect(idx, r as u8, reg, "fp, dynptr_ptr"));
    }
    if arg.has(ArgFlags::UNINIT) {
        let uninit = crate::dynptr::UNINIT_EXPECTED;
        if reg.ty == RegType::ConstDynptr {
            return Err(VerifyError::at(idx, uninit));
        }
        let (frame, off) = crate::dynptr::stack_slots(reg)
            .map_err(|m| VerifyError::at(idx, crate::env::after(&m, uninit)))?;
        let ringbuf = arg.has(ArgFlags::DYNPTR_RINGBUF);
        let kind = crate::state::dynptr_number(if ringbuf {
            DynptrInit::Ringbuf
        } else {
            DynptrInit::Local
        });
        // A ring-buffer dynptr holds the record it reserved; its reference
        // is taken after the dynptr's own id (mark_stack_slots_dynptr).
        let id = env.new_id();
        let ref_id = if ringbuf {
            acquire_ref(env, st, RefKind::Ptr)
        } else {
            0
        };
        crate::mem::object_writes(st, frame, off, 2)?;
        crate::dynptr::init(st, frame, off, kind, id, ref_id);
        env.scratch_slots(off, 2);
        return Ok(());
    }
    let release = arg.has(ArgFlags::RELEASE);
    // A dynptr passed by const pointer (a callback's or a global
    // function's argument) is read, never released.
    if reg.ty == RegType::ConstDynptr {
        crate::mem::unmodified_ptr(idx, r as u8, reg)?;
        if release {
            return Err(VerifyError::at(
                idx,
                "cannot release unowned const bpf_dynptr",
            ));
        }
        meta.dynptr_kind = crate::state::dynptr_kind(reg.aux);
        return Ok(());
    }
    let missing = if release {
        format!("arg {r} is an unacquired reference")
    } else {
        format!("Expected an initialized dynptr as arg #{i}")
    };
    let (frame, off, slot) =
        crate::dynptr::initialized(st, reg, &missing).map_err(|m| VerifyError::at(idx, m))?;
    // Only a dynptr holding a reference can be released (check_func_arg).
    if release && slot.reg.ref_obj_id == 0 {
        return Err(VerifyError::at(idx, missing));
    }
    env.scratch_slots(off, 2);
    // A slice of a ring-buffer record dies with the record, and any slice
    // with its dynptr.
    meta.ref_obj_id = slot.reg.ref_obj_id;
    meta.dynptr_id = slot.reg.id;
    meta.dynptr_kind = crate::state::dynptr_kind(slot.reg.aux);
    if release {
        meta.release = Some(slot.reg.ref_obj_id);
        crate::dynptr::clear(st, frame, off);
    }
    Ok(())
}

/// A kernel object argument of the declared struct (`arg_btf_id`); an
/// undeclared struct means the type of the kptr field being exchanged.
fn btf_id_arg(
    env: &Env,
    idx: u32,
    r: u8,
    arg: &HelperArg,
    reg: &Reg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    let null_ok = arg.has(ArgFlags::MAYBE_NULL);
    // Only the object exchanged into a kptr field may be the program's own
    // (allocated, per-CPU or not); NULL only where the argument allows it.
    let mut ignored = PtrFlags::NONE;
    if null_ok {
        ignored = ignored.with(PtrFlags::MAYBE_NULL);
    }
    if arg.btf.is_none() && reg.flags.has(PtrFlags::ALLOC) {
        ignored = ignored.with(PtrFlags::ALLOC).with(PtrFlags::PERCPU);
    }
    if !reg.is_btf_ptr_type(ignored) {
        return Err(expect(idx, r, reg, "ptr_, trusted_ptr_, rcu_ptr_"));
    }
    // What may be NULL is never released (check_reg_type).
    if reg.maybe_null() && arg.has(ArgFlags::RELEASE) {
        return Err(VerifyError::at(
            idx,
            format!("Possibly NULL pointer passed to helper arg{r}"),
        ));
    }
    match arg.btf {
        Some(name) => {
            // A released object must be exactly the type the helper frees.
            struct_matches(env, idx, r, reg, name, arg.has(ArgFlags::RELEASE))?;
        }
        None => {
            if let Some(f) = &meta.kptr_field {
                crate::mem::kptr_match_type(env, f, reg, r).map_err(|m| VerifyError::at(idx, m))?;
            }
        }
    }
    object_arg_off(idx, r, reg, arg, meta)
}

/// Fails unless BTF pointer `reg` points to kernel struct `want`, or (not
/// `strict`) to a struct whose first member, at any depth, is one (the
/// kernel's `btf_struct_ids_match`: a `tcp_sock` is a `sock` is a
/// `sock_common`).
fn struct_matches(
    env: &Env,
    idx: u32,
    r: u8,
    reg: &Reg,
    want: &str,
    strict: bool,
) -> Result<(), VerifyError> {
    let have = env.type_name(reg);
    let nested = || match env.prog.kernel_btf.as_deref() {
        Some(btf) if !strict => {
            kfreg_object::kernel_types::ids_match(btf, reg.aux, reg.off as i64, want)
        }
        _ => Err(String::new()),
    };
    let wrong = |logged: &str| {
        let msg = format!("R{r} is of type {have} but {want} is expected");
        Err(VerifyError::at(idx, crate::env::after(logged, &msg)))
    };
    if reg.flags.has(PtrFlags::PROG_BTF) {
        return wrong("");
    }
    // The same struct matches only at its start; elsewhere a member
    // there must be (or begin with) the struct wanted.
    if (have != want || reg.off != 0)
        && let Err(logged) = nested()
    {
        return wrong(&logged);
    }
    Ok(())
}

/// A socket of any kind. The BTF flavour (`ARG_PTR_TO_BTF_ID_SOCK_COMMON`)
/// also takes a plain or trusted kernel pointer to a struct that starts
/// with a `sock_common` (the kernel's `btf_id_sock_common_types`).
fn sock_common_arg(
    env: &Env,
    idx: u32,
    r: u8,
    arg: &HelperArg,
    reg: &Reg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    let btf = arg.ty == ArgType::BtfIdSockCommon;
    let null_ok = arg.has(ArgFlags::MAYBE_NULL);
    let foreign = [
        PtrFlags::RCU,
        PtrFlags::UNTRUSTED,
        PtrFlags::ALLOC,
        PtrFlags::PERCPU,
        PtrFlags::PROG_BTF,
        PtrFlags::NON_OWN,
    ];
    let kernel_ptr = btf && reg.ty == RegType::BtfId && !foreign.iter().any(|f| reg.flags.has(*f));
    if !(reg.ty.is_socket() || kernel_ptr) || (reg.maybe_null() && !null_ok) {
        let types = if btf {
            "sock_common, sock, tcp_sock, xdp_sock, ptr_, trusted_ptr_"
        } else {
            SOCK_TYPES
        };
        return Err(expect(idx, r, reg, types));
    }
    if let Some(want) = arg.ty.implied_struct().filter(|_| kernel_ptr) {
        struct_matches(env, idx, r, reg, want, false)?;
    }
    object_arg_off(idx, r, reg, arg, meta)
}

/// A string argument: a map value (check_reg_type), then the string's own
/// checks.
fn const_str_arg(env: &Env, idx: u32, r: u8, reg: &Reg) -> Result<(u32, usize), VerifyError> {
    if reg.ty != RegType::MapValue || reg.maybe_null() {
        return Err(expect(idx, r, reg, "map_value"));
    }
    crate::mem::const_str(env, idx, r, reg)
}

/// A format the helper checks at load time (`check_bpf_snprintf_call`):
/// its arguments are 8-byte words, as many as the size argument after the
/// format counts (of its known bits), and every conversion is one the
/// kernel prints with them.
fn check_format(env: &Env, st: &State, h: &Helper, meta: &Meta) -> Result<(), VerifyError> {
    let idx = st.insn;
    let (Some((m, off, at)), true) = (meta.format, h.has(HelperFlags::CHECKS_FORMAT)) else {
        return Ok(());
    };
    let args = h.used_args();
    let Some(len_arg) = (at..args.len()).find(|&i| args[i].ty.is_size()) else {
        return Ok(());
    };
    let len = st.reg(len_arg as u8 + 1).var.var.value;
    if !len.is_multiple_of(8) {
        // Refused without a message: the log ends at the call.
        return Err(VerifyError::at(idx, ""));
    }
    let data = env.prog.maps[m as usize]
        .init
        .as_deref()
        .unwrap_or_default();
    let fmt = &data[off..];
    let fmt = &fmt[..fmt.iter().position(|&b| b == 0).unwrap_or(fmt.len())];
    if !crate::format::valid(fmt, len / 8) {
        return Err(VerifyError::at(idx, "Invalid format string"));
    }
    Ok(())
}

/// Checks that need every argument: read-only maps, tail calls, and the
/// map types the helper accepts (the kernel's `record_func_map`,
/// `record_func_key` and `check_map_func_compatibility`, in its order).
fn after_args(env: &mut Env, st: &mut State, h: &Helper, meta: &Meta) -> Result<(), VerifyError> {
    let idx = st.insn;
    let Some(m) = meta.map else {
        return Ok(());
    };
    let def = &env.prog.maps[m as usize];
    if h.has(HelperFlags::WRITES_MAP) && def.rdonly {
        return Err(VerifyError::at(idx, "write into map forbidden"));
    }
    let kind = map_kind(env, m);
    let removes = !h.used_args().iter().any(|a| a.ty == ArgType::MapValue);
    if h.has(HelperFlags::WRITES_MAP)
        && kind.is_some_and(MapKind::holds_sockets)
        && !crate::ctx::has(env, kfreg::ProgFlags::SOCKMAP_UPDATE)
        && !(removes && crate::ctx::has(env, kfreg::ProgFlags::SOCKMAP_REMOVE))
    {
        return Err(VerifyError::at(
            idx,
            format!(
                "cannot update sockmap in this context\ncannot pass map_type {} into func {}#{}",
                def.map_type.number(),
                h.name,
                h.id
            ),
        ));
    }
    if h.has(HelperFlags::TAIL_CALL) && kind != Some(MapKind::ProgArray) {
        return Err(VerifyError::at(
            idx,
            "expected prog array map for tail call",
        ));
    }
    // A callback over the map's elements is set up before the map types
    // the helper takes are checked.
    if h.callback == Some(CallbackShape::MapElem) && !kind.is_some_and(MapKind::walks_elements) {
        return Err(VerifyError::at(
            idx,
            "callback function not allowed for map",
        ));
    }
    let accepted = h.map_types.is_empty() || kind.is_some_and(|k| h.map_types.contains(k));
    if !accepted {
        return Err(VerifyError::at(
            idx,
            format!(
                "cannot pass map_type {} into func {}#{}",
                def.map_type.number(),
                h.name,
                h.id
            ),
        ));
    }
    if let Some((r, entries)) = meta.tail_index
        && st.reg(r).var.as_const().is_some_and(|k| k < entries as u64)
    {
        // The kernel patches a known in-range index into a direct jump.
        env.mark_precise(st, r);
    }
    Ok(())
}

/// A result bounded by the call's size argument: `-MAX_ERRNO` up to the
/// size's largest value, taken as signed like the kernel takes it.
fn size_bounded(st: &State, h: &Helper) -> crate::scalar::Scalar {
    const MAX_ERRNO: i64 = 4095;
    let size = h
        .used_args()
        .iter()
        .position(|a| a.ty.is_size())
        .map_or(u64::MAX, |i| st.reg(i as u8 + 1).var.umax);
    let mut s = crate::scalar::Scalar {
        smin: -MAX_ERRNO,
        smax: size as i64,
        s32min: -MAX_ERRNO as i32,
        s32max: size as i32,
        ..crate::scalar::Scalar::UNKNOWN
    };
    s.sync();
    s
}

/// What R0 holds after the call.
fn result(env: &mut Env, st: &mut State, h: &Helper, meta: &Meta) -> Result<Reg, VerifyError> {
    let ret = h.ret;
    let null = ret.has(RetFlags::MAYBE_NULL);
    let mut r = match ret.ty {
        RetType::Integer if h.has(HelperFlags::RET_SIZE_BOUNDED) => {
            return Ok(Reg::scalar(size_bounded(st, h)));
        }
        RetType::Integer if h.has(HelperFlags::RET_CPU_ID) => {
            return Ok(env.opts.nr_cpu_ids.map_or(Reg::UNKNOWN, |n| {
                Reg::scalar(crate::scalar::Scalar::urange(0, u64::from(n.max(1) - 1)))
            }));
        }
        RetType::Integer => return Ok(Reg::UNKNOWN),
        RetType::Void => return Ok(Reg::NOT_INIT),
        RetType::MapValue if let Some(m) = meta.map.filter(|&m| holds_sockets(env, m)) => {
            // A looked-up socket is a new reference the program must
            // release; as for any result that may be NULL, the kernel
            // spends an id before the reference's. It still names its map
            // (the kernel's register keeps the map's pointer), so it
            // differs from a socket a lookup helper returned when states
            // are compared.
            let mut r = Reg::ptr(RegType::Socket, m);
            r.aux2 = meta.map_uid;
            r.flags = PtrFlags::MAYBE_NULL.with(PtrFlags::FROM_MAP);
            env.new_id();
            r.ref_obj_id = acquire_ref(env, st, RefKind::Ptr);
            r.id = r.ref_obj_id;
            return Ok(r);
        }
        RetType::MapValue
            if let Some(m) = meta
                .map
                .filter(|&m| map_kind(env, m).is_some_and(MapKind::holds_xdp_sockets)) =>
        {
            let mut r = Reg::ptr(RegType::XdpSock, m);
            r.aux2 = meta.map_uid;
            r.flags = PtrFlags::MAYBE_NULL;
            r
        }
        RetType::MapValue => {
            let m = meta.map.unwrap_or(0);
            let def = &env.prog.maps[m as usize];
            // What a map of maps holds is an inner map.
            let mut r = match def.inner {
                Some(inner) => Reg::ptr(RegType::ConstMap, inner),
                None => Reg::ptr(RegType::MapValue, m),
            };
            r.aux2 = meta.map_uid;
            // meta.key is known only for maps whose lookups with an
            // in-range key cannot fail.
            let sure = h.has(HelperFlags::INDEXED_LOOKUP)
                && meta.key.is_some_and(|k| k < def.max_entries as u64);
            if null && !sure {
                r.flags = PtrFlags::MAYBE_NULL;
            }
            if def.rdonly {
                r.flags = r.flags.with(PtrFlags::RDONLY);
            }
            r
        }
        RetType::Mem => {
            let mut r = Reg::ptr(RegType::Mem, meta.alloc_size);
            if ret.has(RetFlags::RINGBUF) {
                r.flags = PtrFlags::ALLOC;
            }
            if ret.has(RetFlags::RDONLY) {
                r.flags = r.flags.with(PtrFlags::RDONLY);
            }
            if null {
                r.flags = r.flags.with(PtrFlags::MAYBE_NULL);
            }
            r.aux2 = meta.dynptr_id;
            r
        }
        RetType::BtfId => {
            let mut r = Reg::ptr(
                RegType::BtfId,
                ret.btf.map_or(0, kfreg_object::kernel_types::id),
            );
            if ret.has(RetFlags::TRUSTED) {
                r.flags = PtrFlags::TRUSTED;
            }
            if null {
                r.flags = r.flags.with(PtrFlags::MAYBE_NULL);
            }
            r
        }
        RetType::KptrField => {
            // The field's type: a program type is an allocated object, a
            // per-CPU one when the field is.
            let f = meta.kptr_field.as_ref();
            let (ty, prog_btf) = f.and_then(|f| f.kptr).unwrap_or((0, false));
            let mut r = Reg::ptr(RegType::BtfId, ty);
            r.flags = PtrFlags::MAYBE_NULL;
            if prog_btf {
                r.flags = r.flags.with(PtrFlags::ALLOC).with(PtrFlags::PROG_BTF);
                if f.is_some_and(|f| f.kind == FieldKind::KptrPercpu) {
                    r.flags = r.flags.with(PtrFlags::PERCPU);
                }
            }
            r
        }
        RetType::Socket | RetType::SockCommon | RetType::TcpSock => {
            let ty = match ret.ty {
                RetType::Socket => RegType::Socket,
                RetType::TcpSock => RegType::TcpSock,
                _ => RegType::Sock,
            };
            let mut r = Reg::ptr(ty, 0);
            if null {
                r.flags = PtrFlags::MAYBE_NULL;
            }
            r
        }
        // Only per-CPU objects get here (kernel variables are refused at
        // their argument).
        RetType::MemOrBtfId => {
            let Some((ty, prog_btf)) = meta.percpu_obj else {
                return Ok(Reg::UNKNOWN);
            };
            let mut r = Reg::ptr(RegType::BtfId, ty);
            r.flags = PtrFlags::ALLOC.with(PtrFlags::RCU);
            if prog_btf {
                r.flags = r.flags.with(PtrFlags::PROG_BTF);
            }
            return Ok(r);
        }
    };
    // Copies of a result that may be NULL are linked for its NULL test; a
    // map value with a lock keeps an identity for the lock.
    if r.maybe_null() || crate::branch::may_point_to_lock(&r, env.prog) {
        r.id = env.new_id();
    }
    // Each lookup in a map of maps may give a different inner map: the
    // timers and work items of its values are told apart by the lookup.
    if r.ty == RegType::ConstMap && holds_async_items(env, r.aux) {
        r.aux2 = r.id;
    }
    if h.has(HelperFlags::ACQUIRE) {
        r.ref_obj_id = acquire_ref(env, st, RefKind::Ptr);
        r.id = r.ref_obj_id;
    } else if h.has(HelperFlags::CARRIES_REF) {
        r.ref_obj_id = meta.ref_obj_id;
    }
    Ok(r)
}

/// Whether map `m`'s values hold a timer or a work item.
fn holds_async_items(env: &Env, m: u32) -> bool {
    env.prog.value_obj(m).is_some_and(|v| {
        [FieldKind::Timer, FieldKind::Wq, FieldKind::TaskWork]
            .into_iter()
            .any(|k| v.field(k).is_some())
    })
}

/// The callback's arguments, by the shape of the call.
fn callback_args(env: &mut Env, st: &State, shape: CallbackShape, meta: &Meta) -> [Reg; 5] {
    let mut map_elem = |m: u32, aux2: u32| crate::calls::callback_map_elem(env, m, aux2);
    match shape {
        CallbackShape::Loop => [
            Reg::UNKNOWN,
            *st.reg(3),
            Reg::NOT_INIT,
            Reg::NOT_INIT,
            Reg::NOT_INIT,
        ],
        CallbackShape::MapElem => {
            let map = *st.reg(1);
            let (key, value) = map_elem(map.aux, map.aux2);
            [map, key, value, *st.reg(3), Reg::NOT_INIT]
        }
        CallbackShape::Timer => {
            let m = meta.map.unwrap_or(0);
            let timer = *st.reg(1);
            let (key, value) = map_elem(m, timer.aux2);
            let mut map = Reg::ptr(RegType::ConstMap, m);
            map.aux2 = timer.aux2;
            [map, key, value, Reg::NOT_INIT, Reg::NOT_INIT]
        }
        // callback(task, vma, ctx): the caller's task, the VMA (a plain
        // kernel pointer the kernel makes) and the caller's fourth argument.
        CallbackShape::FindVma => {
            let vma = shape.kernel_args().first().map_or(Reg::UNKNOWN, |name| {
                Reg::ptr(RegType::BtfId, kfreg_object::kernel_types::id(name))
            });
            [*st.reg(1), vma, *st.reg(4), Reg::NOT_INIT, Reg::NOT_INIT]
        }
        // callback(const struct bpf_dynptr *sample, ctx): a local dynptr.
        CallbackShape::UserRingbuf => [
            crate::dynptr::const_dynptr(DynptrInit::Local, env.new_id()),
            *st.reg(3),
            Reg::NOT_INIT,
            Reg::NOT_INIT,
            Reg::NOT_INIT,
        ],
    }
}
