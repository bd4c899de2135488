//! Kfunc calls. Every kfunc-specific decision here comes from the kfunc's
//! declaration in the registry: its flags, its family's policy, the kinds
//! and roles of its parameters, its return semantics and its callbacks.
//! This module never names a kfunc.

use crate::calls::{clobber_args, enter_callback};
use crate::env::{Env, ObjectUse, Path, Step, VerifyError};
use crate::resources::in_rcu_cs;
use crate::resources::{acquire_ref, lock_target, release_ref};
use crate::scalar::Scalar;
use crate::state::{CallbackFrame, PtrFlags, RefKind, RefState, Reg, RegType, SlotKind, State};
use kfreg::{ArgKind, CType, CallbackArgs, DynptrInit, Flags, Kfunc, Param, Ret, Roles};
use kfreg_object::btf::{Scalars, TypeData};
use kfreg_object::program::{FieldKind, ObjType};

/// The largest object `bpf_percpu_obj_new` allocates
/// (`BPF_GLOBAL_PERCPU_MA_MAX_SIZE`).
const PERCPU_OBJ_MAX_SIZE: u32 = 512;

/// An iterator slot's `aux2`: made inside an RCU read section, which
/// protects what it walks (`MEM_RCU`).
const ITER_RCU: u32 = 1;
/// An iterator slot's `aux2`: the RCU read section it was made in has
/// ended (`PTR_UNTRUSTED`): it may not be used again.
const ITER_RCU_LEFT: u32 = 2;

/// What the argument checks learned, for the call's effects.
#[derive(Default)]
struct Meta {
    /// The constant argument (`Const<..>`).
    constant: Option<u64>,
    /// The reference a release kfunc consumes.
    release_ref: Option<u32>,
    /// Register of the argument whose reference is consumed into a root.
    into_root: Option<u8>,
    /// The refcounted argument arrived as an owning reference.
    owning_refcounted: bool,
    /// The graph root argument's contained type and node offset.
    contains: Option<(u32, u32)>,
    /// The callback subprogram.
    callback: Option<u32>,
    /// Any referenced argument (memory results are tied to it).
    any_ref: u32,
    /// The dynptr argument's register and the constant size argument, for slices.
    sizes: Vec<(usize, u64)>,
    /// How the initialised dynptr argument was made.
    dynptr: Option<DynptrInit>,
    /// The reference the initialised dynptr argument carries (0: none).
    dynptr_ref: u32,
    /// The initialised dynptr argument's identity, which its slices keep.
    dynptr_id: u32,
    /// The kfunc writes through an skb's dynptr: the packet may move.
    moves_packet: bool,
    /// The map (index, inner-map uid) a work item argument lives in, that
    /// argument's register, and the kind of work item.
    work_map: Option<(u32, u32, u8, FieldKind)>,
}

/// An allocated object passed at a variable offset (the kernel's
/// check_func_arg_reg_off, which runs before any kind-specific check).
fn alloc_var_off(st: &State, reg: &Reg) -> Result<(), VerifyError> {
    if reg.ty == RegType::BtfId && reg.flags.has(PtrFlags::ALLOC) && !reg.fixed_offset() {
        let percpu = if reg.flags.has(PtrFlags::PERCPU) {
            "percpu_"
        } else {
            ""
        };
        return err(
            st,
            format!(
                "variable {percpu}ptr_ access var_off={} disallowed",
                crate::describe::tnum_str(&reg.var)
            ),
        );
    }
    Ok(())
}

/// Whether the kfunc's pointer arguments must be trusted: every kfunc's
/// but a KF_RCU one's, which takes RCU pointers too. (The kernel this
/// verifier follows makes trusted arguments the default, as it refuses
/// NULL for every kfunc; `trusted_args` only says so explicitly.)
fn wants_trusted(flags: Flags) -> bool {
    !flags.contains(Flags::RCU)
}

fn err<T>(st: &State, msg: String) -> Result<T, VerifyError> {
    Err(VerifyError::at(st.insn, msg))
}

/// The BTF kind and name of what parameter `i` of `k` points to, modifiers
/// and typedefs skipped, as the kernel's messages print them (`UNKNOWN`
/// and no name for `void`): from the kernel's BTF when there is one, else
/// from the declaration.
fn pointee_type(env: &Env, k: &Kfunc, i: usize, p: &Param) -> (&'static str, String) {
    let from_btf = env.prog.kernel_btf.as_deref().and_then(|btf| {
        let func = btf.find(k.name, kfreg_object::btf::Kind::Func)?;
        let (_, params) = btf.func_proto(func).ok()?;
        let ptr = btf.resolve(params.get(i)?.ty).ok()?;
        let TypeData::Ptr { ty } = btf.type_by_id(ptr).ok()?.data else {
            return None;
        };
        // `void` and `const void` both resolve to type 0, the kernel's
        // btf_void, whose kind prints as UNKNOWN and whose name is empty.
        let id = btf.resolve(ty).ok()?;
        if id == 0 {
            return Some(("UNKNOWN", String::new()));
        }
        let t = btf.type_by_id(id).ok()?;
        Some((t.kind().name(), btf.name(id).unwrap_or("").to_string()))
    });
    from_btf.unwrap_or_else(|| match p.ty.pointee().copied() {
        Some(CType::Int { .. } | CType::Bool | CType::Char) => ("INT", String::new()),
        Some(CType::Enum(n)) => ("ENUM", n.to_string()),
        Some(CType::Union(n)) => ("UNION", n.to_string()),
        Some(CType::Ptr { .. }) => ("PTR", String::new()),
        _ if matches!(p.ty, CType::FnPtr(_)) => ("FUNC_PROTO", String::new()),
        _ => ("UNKNOWN", String::new()),
    })
}

/// A kfunc call.
pub fn check_kfunc_call(
    env: &mut Env,
    path: &mut Path,
    btf_id: i32,
    _fd: i16,
) -> Result<Step, VerifyError> {
    if btf_id == 0 {
        // An unresolved call libbpf left in place (a missing weak kfunc):
        // the walk passes over it (check_kfunc_call), and it fails only if
        // it is still there once the dead code is gone
        // (`check_unresolved_kfuncs` of the walk).
        path.st.insn += 1;
        return Ok(Step::Next);
    }
    let Some(&id) = env.prog.kfuncs.get(&btf_id) else {
        // A kernel function no kfunc set holds (named by a raw id).
        if let Some(Some(name)) = crate::env::kernel_func_name(env.prog, btf_id) {
            return err(
                &path.st,
                format!("calling kernel function {name} is not allowed"),
            );
        }
        return err(
            &path.st,
            format!("kernel btf_id {} is not a function", btf_id as u32),
        );
    };
    let reg = env.reg;
    let k = reg.get(id);
    let flags = reg.flags(id);
    let st = &mut path.st;
    check_callable(env, st, id, flags)?;
    let mut meta = Meta::default();
    check_args(env, st, k, flags, &mut meta)?;
    one_struct_meta_per_call(env, st, k, &meta)?;
    // The callback runs with the arguments as they are before the call
    // releases any of them: it returns to the call, which checks them again.
    if let Some(entered) = schedule_callback(env, st, k, btf_id, &meta)? {
        let at = entered.insn;
        env.push_branch(path, entered, at)?;
    }
    let st = &mut path.st;
    enter_or_leave_regions(st, k, flags)?;
    release_args(env, st, k, id, &meta)?;
    if flags.contains(Flags::THROWS) {
        // Without a callback of its own, the program returns the cookie.
        if env.prog.exception_cb.is_none() {
            crate::calls::check_thrown_cookie(env, st)?;
        }
        crate::resources::check_resources(env, st, st.insn, k.name, true)?;
        return Ok(Step::End);
    }

    let r0 = result(env, st, k, flags, &meta)?;
    if flags.contains(Flags::FALLIBLE) {
        push_failure(env, path, flags)?;
    }
    if flags.contains(Flags::ITER_NEXT) {
        iter_next(env, path, k, r0)?;
        return Ok(Step::Next);
    }
    let st = &mut path.st;
    if flags.contains(Flags::PKT_CHANGING) || meta.moves_packet {
        crate::calls::invalidate_packets(st);
    }
    clobber_args(st);
    *st.reg_mut(0) = r0;
    st.insn += 1;
    Ok(Step::Next)
}

/// A kfunc with a hidden struct-meta parameter is rewritten to pass its
/// object's `btf_struct_meta` (present when the type has special fields):
/// one call instruction can pass only one, so every visit must agree.
fn one_struct_meta_per_call(
    env: &mut Env,
    st: &State,
    k: &Kfunc,
    meta: &Meta,
) -> Result<(), VerifyError> {
    if !k.params.iter().any(|p| p.roles.contains(Roles::META)) {
        return Ok(());
    }
    let ty = match k.ret {
        Ret::NewObject { .. } => meta.constant.map(|c| c as u32),
        _ => k
            .params
            .iter()
            .position(|p| matches!(p.kind, ArgKind::AllocObj | ArgKind::RefcountedKptr))
            .map(|i| st.reg(i as u8 + 1).aux),
    };
    let struct_meta = ty.filter(|t| {
        env.prog
            .types
            .get(t)
            .is_some_and(|o| o.fields.iter().any(|f| f.kind.in_struct_meta()))
    });
    let Some(seen) = env.call_struct_meta.get_mut(st.insn as usize) else {
        return Ok(());
    };
    match seen {
        Some(first) if *first != struct_meta => err(
            st,
            "same call cannot be used with different types\n\
             use one call for each type: inline the static function that holds the call,\n\
             or mark the callee with __attribute__((nomerge))"
                .into(),
        ),
        _ => {
            *seen = Some(struct_meta);
            Ok(())
        }
    }
}

/// Whether the kfunc may be called here at all, before its arguments: the
/// program type and attach type, capabilities, sleepability and context.
fn check_callable(
    env: &Env,
    st: &State,
    id: kfreg::KfuncId,
    flags: Flags,
) -> Result<(), VerifyError> {
    let reg = env.reg;
    let k = reg.get(id);
    if st.holds_lock() && !flags.contains(Flags::LOCK_SAFE) {
        return err(
            st,
            "function calls are not allowed while holding a lock".into(),
        );
    }
    if !crate::effects::kfunc_available(env.prog, reg, id) {
        return err(
            st,
            format!("calling kernel function {} is not allowed", k.name),
        );
    }
    if flags.contains(Flags::DESTRUCTIVE) && !env.opts.cap_sys_boot {
        return err(
            st,
            "destructive kfunc calls require CAP_SYS_BOOT capability".into(),
        );
    }
    if flags.contains(Flags::TRAP) {
        return err(
            st,
            format!("unexpected {}() due to uninitialized variable?", k.name),
        );
    }
    if flags.contains(Flags::SLEEPABLE) && !st.sleepable {
        return err(
            st,
            format!(
                "program must be sleepable to call sleepable kfunc {}",
                k.name
            ),
        );
    }
    // An iterator's kfunc is asked when its iterator argument is checked.
    if k.params.iter().any(|p| p.kind == ArgKind::Iter) {
        return Ok(());
    }
    in_process_context(env, st, k, flags)
}

/// A kfunc that must run in process context runs where it may.
fn in_process_context(env: &Env, st: &State, k: &Kfunc, flags: Flags) -> Result<(), VerifyError> {
    // Iterators run in process context whatever their type.
    let process = env.prog.iter || crate::ctx::has(env, kfreg::ProgFlags::PROCESS_CONTEXT);
    if flags.contains(Flags::PROCESS_CONTEXT) && !st.sleepable && !process {
        // The kernel names the iterator the kfunc starts.
        let what = k
            .params
            .iter()
            .find(|p| p.kind == ArgKind::Iter)
            .map_or_else(|| k.name.to_string(), |p| format!("{}_iter", iter_name(p)));
        return err(
            st,
            format!("{what} is only allowed in bpf_lsm, bpf_iter and sleepable progs"),
        );
    }
    Ok(())
}

/// The regions the kfunc opens or closes (RCU read side, preemption) and
/// the ones it may not be called in.
fn enter_or_leave_regions(st: &mut State, k: &Kfunc, flags: Flags) -> Result<(), VerifyError> {
    if flags.contains(Flags::RCU_LOCK) {
        if st.in_locked_callback() {
            return err(
                st,
                "Calling bpf_rcu_read_{lock,unlock} in unnecessary rbtree callback".into(),
            );
        }
        if st.rcu {
            return err(
                st,
                format!("nested rcu read lock (kernel function {})", k.name),
            );
        }
        st.rcu = true;
    }
    if flags.contains(Flags::RCU_UNLOCK) {
        if st.in_locked_callback() {
            return err(
                st,
                "Calling bpf_rcu_read_{lock,unlock} in unnecessary rbtree callback".into(),
            );
        }
        if !st.rcu {
            return err(
                st,
                format!("unmatched rcu read unlock (kernel function {})", k.name),
            );
        }
        st.rcu = false;
        crate::resources::leave_rcu_cs(st);
        // So is an iterator the section protected: taking the lock again
        // does not make it usable.
        for frame in &mut st.frames {
            frame.stack.update(|_, s| {
                (s.special() == Some(SlotKind::Iter) && s.reg.aux2 == ITER_RCU).then(|| {
                    let mut new = *s;
                    new.reg.aux2 = ITER_RCU_LEFT;
                    new
                })
            });
        }
    }
    if flags.contains(Flags::PREEMPT_DISABLE) {
        st.preempt += 1;
    }
    if flags.contains(Flags::PREEMPT_ENABLE) {
        if st.preempt == 0 {
            return err(
                st,
                format!(
                    "unmatched attempt to enable preemption (kernel function {})",
                    k.name
                ),
            );
        }
        st.preempt -= 1;
    }
    if flags.contains(Flags::SLEEPABLE) {
        if st.rcu {
            return err(
                st,
                format!(
                    "kernel func {} is sleepable within rcu_read_lock region",
                    k.name
                ),
            );
        }
        if st.preempt > 0 {
            return err(
                st,
                format!(
                    "kernel func {} is sleepable within non-preemptible region",
                    k.name
                ),
            );
        }
        if st.irq_disabled() {
            return err(
                st,
                format!(
                    "kernel func {} is sleepable within IRQ-disabled region",
                    k.name
                ),
            );
        }
    }
    if flags.contains(Flags::RCU_PROTECTED) && !in_rcu_cs(st) {
        return err(
            st,
            format!(
                "kernel func {} requires RCU critical section protection",
                k.name
            ),
        );
    }
    Ok(())
}

/// The references the call consumes: a released argument, or a node
/// pushed into a graph root (whose aliases become non-owning).
fn release_args(
    env: &Env,
    st: &mut State,
    k: &Kfunc,
    id: kfreg::KfuncId,
    meta: &Meta,
) -> Result<(), VerifyError> {
    if let Some(ref_id) = meta.release_ref
        && !release_ref(st, ref_id)
    {
        return err(
            st,
            format!(
                "kfunc {}#{} reference has not been acquired before",
                k.name, id.0
            ),
        );
    }
    if let Some(r) = meta.into_root {
        let node = *st.reg(r);
        let ref_id = node.ref_obj_id;
        // Every alias of the inserted node becomes a non-owning reference.
        let prog = env.prog;
        st.for_each_reg(|x| {
            if x.ref_obj_id == ref_id && x.is_pointer() {
                x.ref_obj_id = 0;
                crate::resources::set_non_owning(x, prog);
            }
        });
        if !st.drop_ref(ref_id) {
            return err(
                st,
                format!(
                    "kfunc {}#{} reference has not been acquired before",
                    k.name, id.0
                ),
            );
        }
    }
    Ok(())
}

/// Schedules the kfunc's callback: a synchronous one's next round is
/// returned, to be queued while the caller goes on (the kernel's
/// push_callback_call); an asynchronous one becomes a path of its own.
fn schedule_callback(
    env: &mut Env,
    st: &mut State,
    k: &Kfunc,
    btf_id: i32,
    meta: &Meta,
) -> Result<Option<State>, VerifyError> {
    let (Some(sub), Some(cb)) = (meta.callback, k.callbacks.first()) else {
        return Ok(None);
    };
    if cb.sync {
        let frame = CallbackFrame {
            ret_min: cb.ret_min,
            ret_max: cb.ret_max,
            locked: k.family.is_some_and(|f| f.lock_required),
            is_async: false,
            count_arg: None,
        };
        let args = callback_args(env, st, k, cb.args, meta);
        let mut entered = st.clone();
        // Rounds are counted on the paths that run them.
        st.cur_mut().cb_rounds = 0;
        enter_callback(env, &mut entered, sub, frame, args)?;
        return Ok(Some(entered));
    }
    if cb.sleepable && !env.prog.sleepable {
        // The 6.18.44 build refuses at the call what would later run
        // sleepable on behalf of a program that is not.
        return err(
            st,
            format!(
                "sleepable callback in a program that is not sleepable\n\
                 kfunc {}#{btf_id} failed callback verification",
                k.name
            ),
        );
    }
    let mut async_st = State {
        frames: vec![crate::state::Frame::root(sub)],
        refs: Vec::new(),
        rcu: false,
        sleepable: cb.sleepable,
        preempt: 0,
        loop_depth: 0,
        insn: env.prog.subprogs[sub as usize].start,
    };
    let args = callback_args(env, st, k, cb.args, meta);
    async_st.frames[0].regs[1..6].copy_from_slice(&args);
    async_st.frames[0].in_callback = Some(CallbackFrame {
        ret_min: cb.ret_min,
        ret_max: cb.ret_max,
        locked: false,
        is_async: true,
        count_arg: None,
    });
    env.push_root(async_st);
    Ok(None)
}

/// Queues the failure successor of a fallible kfunc.
fn push_failure(env: &mut Env, path: &mut Path, flags: Flags) -> Result<(), VerifyError> {
    let st = &mut path.st;
    // The failure successor: no effect happened, R0 is a negative errno.
    let mut failed = st.clone();
    if flags.contains(Flags::LOCK) {
        if let Some(pos) = failed
            .refs
            .iter()
            .rposition(|r| matches!(r.kind, RefKind::ResLock { .. }))
        {
            failed.refs.remove(pos);
        }
        if flags.contains(Flags::IRQ_SAVE) {
            undo_irq_save(&mut failed);
        }
    }
    clobber_args(&mut failed);
    // An errno, bounded in its low 32 bits only (__mark_reg_s32_range).
    let mut errno = Scalar {
        s32min: -4095,
        s32max: -1,
        ..Scalar::UNKNOWN
    };
    errno.sync();
    *failed.reg_mut(0) = Reg::scalar(errno);
    let next = failed.insn + 1;
    env.push_branch(path, failed, next)?;
    Ok(())
}

/// An iterator's next call: two successors, as in the kernel.
fn iter_next(env: &mut Env, path: &mut Path, k: &Kfunc, r0: Reg) -> Result<(), VerifyError> {
    // Two successors, as in the kernel: the iterator still active with
    // an element (queued), or drained with NULL (explored first). A
    // drained iterator stays drained: its next call has only the second.
    let it = iter_ref(k, &path.st);
    let is_it = |slot: &crate::state::Slot| {
        slot.special() == Some(SlotKind::Iter) && Some(slot.reg.ref_obj_id) == it
    };
    let drained = path.st.frames.iter().any(|f| {
        f.stack
            .iter()
            .any(|s| is_it(s) && s.reg.flags.has(PtrFlags::ITER_DRAINED))
    });
    if !drained {
        let mut active = path.st.clone();
        // Each round deepens the active iterator, so rounds are never
        // mistaken for an infinite loop; loop heads compare without depth.
        active.for_each_slot(|slot| {
            if is_it(slot) {
                slot.reg.off += 1;
            }
        });
        clobber_args(&mut active);
        // The active successor has an element: the result's NULL check is
        // decided (the kernel's mark_ptr_not_null_reg), its id kept.
        let mut element = r0;
        element.flags = element.flags.without(PtrFlags::MAYBE_NULL);
        *active.reg_mut(0) = element;
        env.widen_round(path, &mut active);
        let next = active.insn + 1;
        env.push_branch(path, active, next)?;
    }
    let st = &mut path.st;
    st.for_each_slot(|slot| {
        if is_it(slot) {
            slot.reg.flags = slot.reg.flags.with(PtrFlags::ITER_DRAINED);
        }
    });
    clobber_args(st);
    *st.reg_mut(0) = Reg::constant(0);
    st.insn += 1;
    Ok(())
}

/// The reference of the iterator an iterator kfunc's first argument points to.
fn iter_ref(k: &Kfunc, st: &State) -> Option<u32> {
    iter_slot(k, st).map(|s| s.reg.ref_obj_id)
}

/// The stack slot of the iterator an iterator kfunc's first argument points to.
fn iter_slot<'s>(k: &Kfunc, st: &'s State) -> Option<&'s crate::state::Slot> {
    k.params.first().filter(|p| p.kind == ArgKind::Iter)?;
    let reg = st.reg(1);
    if reg.ty != RegType::Stack {
        return None;
    }
    st.frames.get(reg.aux as usize)?.slot(reg.off)
}

fn undo_irq_save(st: &mut State) {
    if let Some(pos) = st
        .refs
        .iter()
        .rposition(|r| matches!(r.kind, RefKind::Irq { .. }))
    {
        let id = st.refs[pos].id;
        st.refs.remove(pos);
        for f in &mut st.frames {
            f.stack.update(|_, s| {
                (s.special() == Some(SlotKind::IrqFlag) && s.reg.ref_obj_id == id)
                    .then_some(crate::state::Slot::EMPTY)
            });
        }
    }
}

fn callback_args(env: &mut Env, st: &State, k: &Kfunc, how: CallbackArgs, meta: &Meta) -> [Reg; 5] {
    let mut args = [Reg::NOT_INIT; 5];
    match how {
        CallbackArgs::Nodes => {
            let (ty, node_off) = meta.contains.unwrap_or((0, 0));
            let mut node = Reg::ptr(RegType::BtfId, ty);
            node.flags = PtrFlags::ALLOC.with(PtrFlags::PROG_BTF);
            crate::resources::set_non_owning(&mut node, env.prog);
            node.off = node_off as i32;
            let arity = match k
                .params
                .iter()
                .find(|p| p.kind == ArgKind::Callback)
                .map(|p| p.ty)
            {
                Some(CType::FnPtr(proto)) => proto.params.len(),
                _ => 2,
            };
            for a in args.iter_mut().take(arity) {
                *a = node;
            }
        }
        CallbackArgs::MapValue { of } => {
            let src = st.reg(of + 1);
            let map = src.aux;
            args[0] = Reg::ptr(RegType::ConstMap, map);
            (args[1], args[2]) = crate::calls::callback_map_elem(env, map, 0);
        }
        CallbackArgs::Scalars => {
            args = [Reg::UNKNOWN; 5];
        }
    }
    args
}

/// The iterator type's short name: `bpf_iter_num` -> `num`.
fn iter_name(p: &Param) -> &'static str {
    kfreg::open_coded_iter_name(p.ty.struct_name().unwrap_or("?"))
}

fn check_args(
    env: &mut Env,
    st: &mut State,
    k: &Kfunc,
    flags: Flags,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    for (i, p) in k.params.iter().enumerate() {
        let r = i as u8 + 1;
        if p.roles.is_hidden() || p.roles.contains(Roles::IGNORED) {
            continue;
        }
        // An uninitialised argument is not read-checked: it fails as the
        // wrong type (check_kfunc_args has no check_reg_arg).
        let reg = *st.reg(r);
        if !p.ty.is_pointer() {
            check_scalar_arg(env, st, p, r, &reg, meta)?;
            continue;
        }
        if p.roles.contains(Roles::NULLABLE) && reg.is_null() {
            continue;
        }
        check_pointer_arg(st, flags, i, p, &reg, meta)?;
        // A context passed anywhere must point where it started
        // (check_func_arg_reg_off).
        if reg.ty == RegType::Ctx {
            crate::mem::unmodified_ptr(st.insn, r, &reg)?;
        }
        // A context parameter naming another program type's context is a
        // pointer to that kernel struct like any other.
        let kind = match (p.kind, p.ty.struct_name()) {
            (ArgKind::Ctx, Some(s)) if crate::ctx::uapi_ctx(env) != Some(s) => ArgKind::BtfId,
            (kind, _) => kind,
        };
        // A buffer is sized by the next argument only when that is a scalar
        // (is_kfunc_arg_mem_size looks at the register too).
        let sized =
            k.params.get(i + 1).is_some_and(|q| {
                q.roles.contains(Roles::SIZE) || q.roles.contains(Roles::CONST_SIZE)
            }) && st.reg(r + 1).ty == RegType::Scalar;
        // Which kind an argument is depends on its declaration alone for
        // these, so an uninitialised register gets that far and fails the
        // offset check every pointer argument passes next.
        let classified_by_param = !matches!(
            kind,
            ArgKind::BtfId | ArgKind::Map | ArgKind::AllocObj | ArgKind::Mem | ArgKind::MemSize
        );
        if reg.ty == RegType::NotInit && classified_by_param {
            return crate::mem::arg_reg_off(st.insn, r, &reg);
        }
        // A kernel object, socket or map goes by its own type first
        // (get_kfunc_ptr_arg_type's reg2btf_ids): a parameter that is no
        // struct pointer cannot take one.
        let kernel_object = matches!(
            reg.ty,
            RegType::BtfId | RegType::Sock | RegType::Socket | RegType::TcpSock | RegType::ConstMap
        );
        if kernel_object
            && matches!(kind, ArgKind::Mem | ArgKind::MemSize | ArgKind::Callback)
            && !matches!(p.ty.pointee(), Some(CType::Struct(_)))
        {
            let (kind_name, type_name) = pointee_type(env, k, i, p);
            return err(
                st,
                format!(
                    "kernel function {} args#{i} pointer type {kind_name} {type_name} is not supported",
                    k.name
                ),
            );
        }
        match kind {
            ArgKind::Ctx => check_ctx_arg(st, i, &reg)?,
            ArgKind::AllocObj => check_alloc_obj(env, st, flags, i, p, &reg)?,
            ArgKind::RefcountedKptr => check_refcounted(env, st, i, &reg, meta)?,
            ArgKind::ListHead | ArgKind::RbRoot => check_root(env, st, k, i, p, &reg, meta)?,
            ArgKind::ListNode | ArgKind::RbNode => check_node(env, st, k, flags, i, p, &reg, meta)?,
            // A struct pointer that is not a kernel object is read as
            // memory, which the struct must be made of scalars to be.
            ArgKind::BtfId
                if reg.ty != RegType::BtfId
                    && !reg.ty.is_socket()
                    && reg.ty != RegType::ConstMap =>
            {
                check_struct_mem(env, st, k, flags, i, p, &reg, sized, meta)?
            }
            ArgKind::BtfId => check_btf_id(env, st, k, flags, i, p, &reg)?,
            ArgKind::Mem | ArgKind::MemSize => {
                // Unsized, a buffer is its pointee, which `void` cannot be.
                if !sized && p.ty.pointee() == Some(&CType::Void) {
                    return err(
                        st,
                        format!(
                            "arg#{i} pointer type UNKNOWN  must point to scalar, or struct with scalar"
                        ),
                    );
                }
                if reg.ty == RegType::NotInit {
                    return crate::mem::arg_reg_off(st.insn, r, &reg);
                }
                check_mem(env, st, k, i, sized, p.pointee_size as u64, meta)?;
            }
            ArgKind::Callback => {
                if reg.ty != RegType::Func {
                    return err(st, format!("arg{i} expected pointer to func"));
                }
                meta.callback = Some(reg.aux);
            }
            ArgKind::ConstStr => check_const_str(env, st, i, &reg)?,
            ArgKind::Map => check_map_arg(st, r, &reg, meta)?,
            ArgKind::Workqueue | ArgKind::TaskWork => {
                check_work_item(env, st, kind, i, r, &reg, meta)?
            }
            ArgKind::Dynptr => {
                check_dynptr(env, st, k, i, p, &reg, meta)?;
                let how = ObjectUse::of(p.roles.contains(Roles::UNINIT), false);
                env.stack_object_arg(r, &reg, 2, how);
            }
            ArgKind::Iter => {
                check_iter(env, st, k, flags, i, p, &reg, meta)?;
                let how = ObjectUse::of(
                    flags.contains(Flags::ITER_NEW),
                    flags.contains(Flags::ITER_DESTROY),
                );
                env.stack_object_arg(r, &reg, iter_slots(p), how);
            }
            ArgKind::IrqFlag => {
                check_irq_flag(env, st, k, flags, i, &reg)?;
                let how = ObjectUse::of(
                    flags.contains(Flags::IRQ_SAVE),
                    flags.contains(Flags::IRQ_RESTORE),
                );
                env.stack_object_arg(r, &reg, 1, how);
            }
            ArgKind::ResSpinLock => check_res_lock(env, st, flags, i, &reg)?,
            ArgKind::Scalar | ArgKind::Null => {}
        }
    }
    if flags.contains(Flags::RELEASE) && meta.release_ref.is_none() {
        return err(
            st,
            format!(
                "release kernel function {} expects refcounted PTR_TO_BTF_ID",
                k.name
            ),
        );
    }
    Ok(())
}

/// A scalar argument: sizes are checked with their memory, constants
/// must be known (and become precise).
fn check_scalar_arg(
    env: &mut Env,
    st: &mut State,
    p: &Param,
    r: u8,
    reg: &Reg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    if reg.ty != RegType::Scalar {
        return err(st, format!("R{r} is not a scalar"));
    }
    // A length is checked with its buffer.
    if p.roles.contains(Roles::SIZE) || p.roles.contains(Roles::CONST_SIZE) {
        return Ok(());
    }
    if p.roles.contains(Roles::CONST) {
        match reg.var.as_const() {
            Some(c) => meta.constant = Some(c),
            None => return err(st, format!("R{r} must be a known constant")),
        }
        env.mark_precise(st, r);
    }
    Ok(())
}

/// What every pointer argument must be: not NULL unless optional, and a
/// released reference at offset zero.
fn check_pointer_arg(
    st: &State,
    flags: Flags,
    i: usize,
    p: &Param,
    reg: &Reg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    let r = i as u8 + 1;
    // A `__nullable` pointer that may be NULL goes on to the type checks.
    let nullable = p.roles.contains(Roles::OPTIONAL) || p.roles.contains(Roles::NULLABLE);
    if (reg.is_null() || reg.maybe_null()) && !nullable {
        return err(
            st,
            format!("Possibly NULL pointer passed to trusted arg{i}"),
        );
    }
    if reg.ref_obj_id != 0 {
        meta.any_ref = reg.ref_obj_id;
        if flags.contains(Flags::RELEASE) && p.kind.is_releasable() {
            crate::mem::release_reg_off(st.insn, r, reg)?;
            meta.release_ref = Some(reg.ref_obj_id);
        }
    }
    Ok(())
}

/// The program's own context.
fn check_ctx_arg(st: &State, i: usize, reg: &Reg) -> Result<(), VerifyError> {
    if reg.ty != RegType::Ctx {
        return err(
            st,
            format!(
                "arg#{i} expected pointer to ctx, but got {}",
                crate::describe::reg_type_str(reg)
            ),
        );
    }
    Ok(())
}

/// An object of `bpf_obj_new` (or its per-CPU twin), owned by the program.
fn check_alloc_obj(
    env: &Env,
    st: &State,
    flags: Flags,
    i: usize,
    p: &Param,
    reg: &Reg,
) -> Result<(), VerifyError> {
    let r = i as u8 + 1;
    let trusted = wants_trusted(flags);
    let is_trusted = reg.ref_obj_id != 0 || reg.flags.has(PtrFlags::TRUSTED);
    if trusted && !is_trusted {
        return err(st, format!("R{r} must be referenced or trusted"));
    }
    let percpu = p.roles.contains(Roles::PERCPU);
    if reg.ty != RegType::BtfId || !reg.flags.has(PtrFlags::ALLOC) {
        return err(st, format!("arg#{i} expected pointer to allocated object"));
    }
    if reg.flags.has(PtrFlags::PERCPU) != percpu {
        // The kernel names the release kfunc for the object's class.
        let want = reg.flags.has(PtrFlags::PERCPU);
        let name = env
            .reg
            .iter()
            .find(|(id, d)| {
                env.reg.has(*id, Flags::RELEASE)
                    && d.params.iter().any(|q| {
                        q.kind == ArgKind::AllocObj && q.roles.contains(Roles::PERCPU) == want
                    })
            })
            .map_or("?", |(_, d)| d.name);
        return err(st, format!("arg#{i} expected for {name}()"));
    }
    if reg.ref_obj_id == 0 {
        return err(st, "allocated object must be referenced".into());
    }
    Ok(())
}

/// An owning or non-owning reference to an object with a `bpf_refcount`.
fn check_refcounted(
    env: &Env,
    st: &State,
    i: usize,
    reg: &Reg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    // Any allocated object (an RCU-protected one too, whose section holds
    // it alive); one reached outside such a section is no longer one.
    if reg.ty != RegType::BtfId || !reg.flags.has(PtrFlags::ALLOC) {
        return err(st, format!("arg#{i} is neither owning or non-owning ref"));
    }
    // The object itself, not a field of it (a list or tree node).
    crate::mem::unmodified_ptr(st.insn, i as u8 + 1, reg)?;
    // The kernel keeps a record only of types with a lock, graph,
    // refcount or kptr field (btf_parse_struct_metas): a per-CPU object's
    // type has none.
    let t = prog_type(env, reg);
    if !t.is_some_and(|t| t.fields.iter().any(|f| f.kind.in_struct_meta())) {
        return err(st, "verifier bug: Couldn't find btf_record".into());
    }
    if t.and_then(|t| t.field(FieldKind::Refcount)).is_none() {
        return err(
            st,
            format!("arg#{i} doesn't point to a type with bpf_refcount field"),
        );
    }
    meta.owning_refcounted = reg.ref_obj_id != 0;
    Ok(())
}

/// A struct argument that is not a kernel object, read as memory.
#[allow(clippy::too_many_arguments)]
fn check_struct_mem(
    env: &mut Env,
    st: &mut State,
    k: &Kfunc,
    flags: Flags,
    i: usize,
    p: &Param,
    reg: &Reg,
    sized: bool,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    let name = p.ty.struct_name().unwrap_or("?");
    let layout = env
        .prog
        .kernel_btf
        .as_deref()
        .and_then(|btf| kfreg_object::kernel_types::scalar_struct(btf, name));
    // Linux 6.18 takes a struct of scalars, or any program type's context,
    // passed unsized to a kfunc that is not KF_RCU, as a kernel object:
    // from anything but a trusted pointer it is refused as one
    // (asm/kfunc_calls.s, kfunc_struct_arg_*), whatever the register.
    let is_struct = matches!(p.ty.pointee(), Some(CType::Struct(_)));
    let object_like = is_struct
        && (layout.is_some_and(|(scalars, _)| scalars == Scalars::Only)
            || crate::ctx::is_any_ctx(env.reg, name));
    if object_like && !sized && wants_trusted(flags) && !reg.is_trusted() {
        return err(st, format!("R{} must be referenced or trusted", i + 1));
    }
    if let Some((scalars, _)) = layout.filter(|(scalars, _)| *scalars != Scalars::Only) {
        let msg = format!(
            "arg#{i} pointer type STRUCT {name} must point to {}scalar, or struct with scalar",
            if sized { "void, " } else { "" }
        );
        return err(st, crate::env::after(scalars.logged(), &msg));
    }
    if reg.ty == RegType::NotInit {
        return crate::mem::arg_reg_off(st.insn, i as u8 + 1, reg);
    }
    let size = layout.map_or(p.pointee_size, |(_, size)| size);
    check_mem(env, st, k, i, sized, size as u64, meta)
}

/// A kernel object of the declared struct (or one nested at offset 0 in
/// it), trusted or RCU-protected as the kfunc's flags ask.
fn check_btf_id(
    env: &Env,
    st: &State,
    k: &Kfunc,
    flags: Flags,
    i: usize,
    p: &Param,
    reg: &Reg,
) -> Result<(), VerifyError> {
    let r = i as u8 + 1;
    let trusted = wants_trusted(flags);
    let rcu = flags.contains(Flags::RCU);
    // A socket or a map is a trusted pointer to its kernel struct
    // (reg2btf_ids): a socket's is named after its type, a map's is
    // `struct bpf_map`.
    let socket = match reg.ty {
        RegType::ConstMap => Some(kfreg::MapKind::BASE_STRUCT),
        ty if ty.is_socket() => Some(ty.kernel_name()),
        _ => None,
    };
    let is_trusted = reg.is_trusted();
    if trusted && !is_trusted && !(rcu && reg.flags.has(PtrFlags::RCU)) {
        return err(st, format!("R{r} must be referenced or trusted"));
    }
    if rcu && !trusted && !is_trusted && !reg.flags.has(PtrFlags::RCU) {
        return err(st, format!("R{r} must be a rcu pointer"));
    }
    // Then the type: a per-CPU object, or a referenced pointer that may be
    // NULL (a `__nullable` parameter's), is no kernel object
    // (bpf_type_has_unsafe_modifiers); an RCU pointer passes.
    let unsafe_flags =
        (reg.flags.has(PtrFlags::PERCPU) || reg.maybe_null()) && !reg.flags.has(PtrFlags::RCU);
    if (reg.ty != RegType::BtfId || unsafe_flags) && socket.is_none() {
        let expected = if reg.flags.has(PtrFlags::TRUSTED) {
            "trusted_ptr_"
        } else {
            "ptr_"
        };
        return err(
            st,
            format!(
                "arg#{i} is {} expected {expected} or socket",
                crate::describe::reg_type_str(reg)
            ),
        );
    }
    // A kernel object may sit at a fixed offset into the pointer's struct,
    // never before it or at a variable one (check_func_arg_reg_off).
    crate::mem::arg_reg_off(st.insn, r, reg)?;
    if let Some(want) = p.ty.struct_name() {
        // An object of the program's own types never matches a kernel
        // struct: the two BTFs share no type (btf_types_are_same).
        let (have, same) = if reg.flags.has(PtrFlags::PROG_BTF) {
            (env.type_name(reg), Err(String::new()))
        } else {
            let have_id = socket.map_or(reg.aux, kfreg_object::kernel_types::id);
            let have = kfreg_object::kernel_types::name(have_id);
            // Releasing takes exactly the acquired type, and so do flavours of
            // one struct (`nf_conn___init` for `nf_conn`: no-cast aliases);
            // otherwise a struct nested at the pointer's offset (its first
            // member at offset 0) stands for the struct.
            let essential = |n: &'static str| n.rfind("___").map_or(n, |i| &n[..i]);
            let strict = (flags.contains(Flags::RELEASE) && reg.ref_obj_id != 0)
                || (have != want && essential(have) == essential(want));
            let same = match env.prog.kernel_btf.as_deref() {
                Some(btf) if !strict => {
                    kfreg_object::kernel_types::ids_match(btf, have_id, reg.off as i64, want)
                }
                // Without walking, only the struct itself, at its start.
                _ if (have == want || have == "?") && reg.off == 0 => Ok(()),
                _ => Err(String::new()),
            };
            (have, same)
        };
        if let Err(logged) = same
            && !crate::ctx::is_projection(env.reg, want, have)
        {
            let msg = format!(
                "kernel function {} args#{i} expected pointer to STRUCT {want} but R{r} has a pointer to STRUCT {have}",
                k.name
            );
            return err(st, crate::env::after(&logged, &msg));
        }
    }
    Ok(())
}

/// A constant string: a map value, then the string's own checks.
fn check_const_str(env: &Env, st: &State, i: usize, reg: &Reg) -> Result<(), VerifyError> {
    if reg.ty != RegType::MapValue || reg.maybe_null() {
        return err(st, format!("arg#{i} doesn't point to a const string"));
    }
    crate::mem::const_str(env, st.insn, i as u8 + 1, reg).map(|_| ())
}

/// A map pointer; a work item must be scheduled through the map holding it.
fn check_map_arg(st: &State, r: u8, reg: &Reg, meta: &Meta) -> Result<(), VerifyError> {
    if reg.ty != RegType::ConstMap {
        return err(st, format!("pointer in R{r} isn't map pointer"));
    }
    // A work item must be scheduled through the very map (and
    // inner map) holding it, whatever that map holds; the kernel names
    // the kfunc's own kind of work.
    if let Some((map, uid, wr, kind)) = meta.work_map
        && (map, uid) != (reg.aux, reg.aux2)
    {
        let what = if kind == FieldKind::Wq {
            "workqueue"
        } else {
            kind.struct_name()
        };
        return err(
            st,
            format!(
                "{what} pointer in R{wr} map_uid={uid} doesn't match map pointer in R{r} map_uid={}",
                reg.aux2
            ),
        );
    }
    Ok(())
}

/// A workqueue or task work item: the field of that kind in a map value.
fn check_work_item(
    env: &Env,
    st: &State,
    kind: ArgKind,
    i: usize,
    r: u8,
    reg: &Reg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    if reg.ty != RegType::MapValue {
        return err(st, format!("arg#{i} doesn't point to a map value"));
    }
    let kind = if kind == ArgKind::Workqueue {
        FieldKind::Wq
    } else {
        FieldKind::TaskWork
    };
    crate::mem::map_field_pointer(env, st.insn, r, reg, kind)?;
    meta.work_map = Some((reg.aux, reg.aux2, r, kind));
    Ok(())
}

/// A memory argument of `size` bytes, or (`sized`) of the size the next
/// argument gives.
fn check_mem(
    env: &mut Env,
    st: &mut State,
    k: &Kfunc,
    i: usize,
    sized: bool,
    size: u64,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    let r = i as u8 + 1;
    let optional_null = st.reg(r).is_null() && k.params[i].roles.contains(Roles::OPTIONAL);
    if !sized {
        if optional_null {
            return Ok(());
        }
        return crate::mem::check_mem_reg(env, st, r, size as u32, true);
    }
    let size_reg = r + 1;
    // Whatever fails in the pair ends in one message after the cause
    // (check_kfunc_mem_size_reg's caller); a NULL optional buffer skips it.
    if !optional_null && let Err(cause) = sized_access(env, st, r, size_reg) {
        let pair = format!(
            "arg#{i} arg#{} memory, len pair leads to invalid memory access",
            i + 1
        );
        return err(st, crate::env::after(&cause.msg, &pair));
    }
    if k.params[i + 1].roles.contains(Roles::CONST_SIZE) {
        let Some(c) = st.reg(size_reg).var.as_const() else {
            return err(st, format!("R{size_reg} must be a known constant"));
        };
        meta.sizes.push((i + 1, c));
    }
    Ok(())
}

/// The kernel's check_mem_size_reg: the size register's bounds, then the
/// memory up to its largest value (check_mem_reg).
fn sized_access(env: &mut Env, st: &mut State, r: u8, size_reg: u8) -> Result<(), VerifyError> {
    let size = st.reg(size_reg).var;
    crate::mem::check_size_bounds(st.insn, size_reg, &size, true)?;
    crate::mem::check_mem_reg(env, st, r, size.umax as u32, true)?;
    env.mark_precise(st, size_reg);
    Ok(())
}

fn prog_type<'a>(env: &'a Env, reg: &Reg) -> Option<&'a ObjType> {
    if reg.flags.has(PtrFlags::PROG_BTF) {
        env.prog.types.get(&reg.aux)
    } else {
        None
    }
}

/// The graph root argument: in a map value or an owning allocated object,
/// at a constant offset holding a root, protected by a held lock.
///
/// Before the graph checks, the kernel checks the pointer's offset as for
/// any argument: an allocated object's may not vary.
fn check_root(
    env: &mut Env,
    st: &mut State,
    k: &Kfunc,
    i: usize,
    p: &Param,
    reg: &Reg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    let r = i + 1;
    let field_kind = if p.kind == ArgKind::ListHead {
        FieldKind::ListHead
    } else {
        FieldKind::RbRoot
    };
    let name = field_kind.struct_name();
    alloc_var_off(st, reg)?;
    let (ty, ident) = match reg.ty {
        RegType::MapValue => (env.prog.maps[reg.aux as usize].value_type, reg.allocation()),
        _ if is_plain_alloc(reg) => (Some(reg.aux), reg.allocation()),
        _ => {
            return err(
                st,
                format!("arg#{i} expected pointer to map value or allocated object"),
            );
        }
    };
    if reg.ty == RegType::BtfId && reg.ref_obj_id == 0 {
        return err(st, "allocated object must be referenced".into());
    }
    if !reg.fixed_offset() {
        return err(
            st,
            format!("R{r} doesn't have constant offset. {name} has to be at the constant offset"),
        );
    }
    let off = reg.off as i64 + reg.var.smin;
    let t = ty.and_then(|t| env.prog.types.get(&t));
    let Some(field) = t
        .and_then(|t| t.field_at(off as u32))
        .filter(|f| f.kind == field_kind)
    else {
        return err(st, format!("{name} not found at offset={off}"));
    };
    meta.contains = field.contains;
    if k.family.is_some_and(|f| f.lock_required) {
        let lock_off = t
            .and_then(|t| {
                t.field(FieldKind::SpinLock)
                    .or(t.field(FieldKind::ResSpinLock))
            })
            .map_or(0, |f| f.off);
        let mut locks = st.locks().peekable();
        if locks.peek().is_none() {
            return err(
                st,
                format!(
                    "{} at off={lock_off} must be held for {name}",
                    FieldKind::SpinLock.struct_name()
                ),
            );
        }
        if !st.locks().any(|l| l.ptr == ident) {
            return err(
                st,
                format!(
                    "held lock and object are not in the same allocation\nbpf_spin_lock at off={lock_off} must be held for {name}"
                ),
            );
        }
    }
    Ok(())
}

/// `PTR_TO_BTF_ID | MEM_ALLOC` and no other modifier: the whole type graph
/// roots and owning nodes are compared with (a per-CPU, RCU or non-owning
/// object is not one).
fn is_plain_alloc(reg: &Reg) -> bool {
    reg.ty == RegType::BtfId && reg.kernel_modifiers() == PtrFlags::ALLOC
}

/// A graph node argument: an allocated object of the root's contained
/// type, at the declared node offset, owning unless the parameter allows
/// non-owning references.
#[allow(clippy::too_many_arguments)]
fn check_node(
    env: &mut Env,
    st: &mut State,
    k: &Kfunc,
    flags: Flags,
    i: usize,
    p: &Param,
    reg: &Reg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    let r = i + 1;
    let field_kind = if p.kind == ArgKind::ListNode {
        FieldKind::ListNode
    } else {
        FieldKind::RbNode
    };
    let name = field_kind.struct_name();
    if flags.contains(Flags::NOT_IN_LOCKED_CB) && st.in_locked_callback() {
        let fam = k.family.map_or("locked", |f| f.name);
        return err(st, format!("{} not allowed in {fam} cb", k.name));
    }
    alloc_var_off(st, reg)?;
    let is_alloc = reg.ty == RegType::BtfId && reg.flags.has(PtrFlags::ALLOC);
    let owning = is_alloc && reg.ref_obj_id != 0;
    if p.roles.contains(Roles::NONOWN_ALLOWED) {
        // The kernel's text says "refcounted", but its test is "has a reference".
        if !reg.flags.has(PtrFlags::NON_OWN) && !owning {
            return err(
                st,
                format!(
                    "{} can only take non-owning or refcounted {name} pointer",
                    k.name
                ),
            );
        }
    } else if !is_plain_alloc(reg) {
        return err(st, format!("arg#{i} expected pointer to allocated object"));
    } else if !owning {
        return err(st, "allocated object must be referenced".into());
    }
    if !reg.fixed_offset() {
        return err(
            st,
            format!("R{r} doesn't have constant offset. {name} has to be at the constant offset"),
        );
    }
    let off = reg.off as i64 + reg.var.smin;
    let t = prog_type(env, reg);
    if t.and_then(|t| t.field_at(off as u32))
        .filter(|f| f.kind == field_kind)
        .is_none()
    {
        return err(st, format!("{name} not found at offset={off}"));
    }
    if let Some((want_ty, want_off)) = meta.contains {
        let root_name = if p.kind == ArgKind::ListNode {
            FieldKind::ListHead.struct_name()
        } else {
            FieldKind::RbRoot.struct_name()
        };
        let want_name = env
            .prog
            .types
            .get(&want_ty)
            .map_or("?", |t| t.name.as_str());
        let have_name = t.map_or("?", |t| t.name.as_str());
        if want_ty != reg.aux {
            return err(
                st,
                format!(
                    "operation on {root_name} expects arg#1 {name} at offset={want_off} in struct {want_name}, but arg is at offset={off} in struct {have_name}"
                ),
            );
        }
        if want_off as i64 != off {
            return err(
                st,
                format!(
                    "arg#1 offset={off}, but expected {name} at offset={want_off} in struct {want_name}"
                ),
            );
        }
    }
    if p.roles.contains(Roles::INTO_ROOT) {
        meta.into_root = Some(r as u8);
    }
    Ok(())
}

fn check_dynptr(
    env: &mut Env,
    st: &mut State,
    k: &Kfunc,
    i: usize,
    p: &Param,
    reg: &Reg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    // A kfunc takes a const dynptr as read-only whatever its parameter
    // says (check_kfunc_args adds MEM_RDONLY): only helpers refuse one to
    // a parameter they may mutate.
    if reg.ty == RegType::ConstDynptr {
        // Read-only and to be initialised at once: the kernel's internal
        // error (process_dynptr_func).
        if p.roles.contains(Roles::UNINIT) {
            return err(
                st,
                "verifier bug: misconfigured dynptr helper type flags".into(),
            );
        }
        note_dynptr(meta, p, reg);
        return Ok(());
    }
    if reg.ty != RegType::Stack {
        return err(
            st,
            format!("arg#{i} expected pointer to stack or const struct bpf_dynptr"),
        );
    }
    if p.roles.contains(Roles::UNINIT) {
        let (frame, off) = match crate::dynptr::stack_slots(reg) {
            Ok(at) => at,
            Err(m) => return err(st, crate::env::after(&m, crate::dynptr::UNINIT_EXPECTED)),
        };
        // A clone is made the way its source was, and shares its source's
        // reference: releasing either releases both.
        let (how, ref_id) = match k.dynptr {
            Some(DynptrInit::Clone) => (meta.dynptr, meta.dynptr_ref),
            how => (how, 0),
        };
        let kind = how.map_or(0, crate::state::dynptr_number);
        let id = env.new_id();
        crate::mem::object_writes(st, frame, off, 2)?;
        crate::dynptr::init(st, frame, off, kind, id, ref_id);
        env.scratch_slots(off, 2);
        return Ok(());
    }
    let missing = format!("Expected an initialized dynptr as arg #{i}");
    let slot = match crate::dynptr::initialized(st, reg, &missing) {
        Ok((_, off, slot)) => {
            env.scratch_slots(off, 2);
            slot
        }
        Err(m) => return err(st, m),
    };
    note_dynptr(meta, p, &slot.reg);
    Ok(())
}

/// What the call learns of the initialised dynptr `d` (its stack state,
/// or a const dynptr register) it is given as `p`: its kind, reference
/// and identity, which its slices keep.
fn note_dynptr(meta: &mut Meta, p: &Param, d: &Reg) {
    meta.dynptr = crate::state::dynptr_kind(d.aux);
    meta.moves_packet |=
        p.roles.contains(Roles::WRITTEN) && meta.dynptr.is_some_and(DynptrInit::moves_when_written);
    meta.dynptr_ref = d.ref_obj_id;
    meta.dynptr_id = d.id;
}

/// The stack slots an iterator argument's state takes.
fn iter_slots(p: &Param) -> i32 {
    (p.pointee_size.max(8) / 8) as i32
}

#[allow(clippy::too_many_arguments)]
fn check_iter(
    env: &mut Env,
    st: &mut State,
    k: &Kfunc,
    flags: Flags,
    i: usize,
    p: &Param,
    reg: &Reg,
    meta: &mut Meta,
) -> Result<(), VerifyError> {
    let name = iter_name(p);
    in_process_context(env, st, k, flags)?;
    if reg.ty != RegType::Stack {
        return err(
            st,
            format!("arg#{i} expected pointer to an iterator on stack"),
        );
    }
    let nslots = iter_slots(p);
    let type_tag = kfreg_object::kernel_types::id(p.ty.struct_name().unwrap_or("?"));
    // Not at a constant slot-aligned offset, or reaching above the frame,
    // it is no iterator state (logged); below the stack it may only be
    // new, and is then written out of bounds.
    let placed = reg.stack_object("iter", nslots);
    let off = placed.as_ref().map_or(reg.off, |&(_, off)| off);
    let misplaced = placed.is_err();
    let logged = placed.err().unwrap_or_default();
    let frame = reg.aux as usize;
    let slots: Vec<i32> = (0..nslots).map(|n| off + n * 8).collect();
    if flags.contains(Flags::ITER_NEW) {
        let live = slots.iter().any(|o| {
            st.frames[frame]
                .slot(*o)
                .is_some_and(|s| s.special() == Some(SlotKind::Iter))
        });
        if !logged.is_empty() || live {
            return err(
                st,
                crate::env::after(
                    &logged,
                    &format!("expected uninitialized iter_{name} as arg #{i}"),
                ),
            );
        }
        check_object_write(st, i, reg)?;
        crate::mem::object_writes(st, frame, off, nslots)?;
        let rcu_bound = if flags.contains(Flags::RCU_PROTECTED) {
            ITER_RCU
        } else {
            0
        };
        let ref_id = acquire_ref(env, st, RefKind::Ptr);
        // Only the first slot carries the reference: it alone names the
        // iterator (mark_stack_slots_iter).
        for (n, o) in slots.iter().enumerate() {
            let s = st.frames[frame].slot_mut(*o);
            s.bytes = [SlotKind::Iter; 8];
            s.reg = Reg::ptr(RegType::ConstDynptr, type_tag);
            s.reg.ref_obj_id = if n == 0 { ref_id } else { 0 };
            s.reg.aux2 = rcu_bound;
        }
        env.scratch_slots(off, nslots);
        return Ok(());
    }
    // Every slot is the iterator's, and the first is its head
    // (is_iter_reg_valid_init).
    let head = st.frames[frame].slot(off).copied();
    let ok = slots.iter().enumerate().all(|(n, o)| {
        st.frames[frame].slot(*o).is_some_and(|s| {
            s.special() == Some(SlotKind::Iter)
                && s.reg.aux == type_tag
                && (s.reg.ref_obj_id != 0) == (n == 0)
        })
    });
    if misplaced || !ok {
        return err(
            st,
            crate::env::after(
                &logged,
                &format!("expected an initialized iter_{name} as arg #{i}"),
            ),
        );
    }
    let head = head.unwrap_or(crate::state::Slot::EMPTY);
    if head.reg.aux2 == ITER_RCU_LEFT || (head.reg.aux2 == ITER_RCU && !in_rcu_cs(st)) {
        return err(st, format!("expected an RCU CS when using {}", k.name));
    }
    // The call carries the iterator's reference (the kernel's
    // process_iter_arg): memory its next returns belongs to the iterator,
    // and destroying the iterator turns that memory into a number.
    meta.any_ref = head.reg.ref_obj_id;
    env.scratch_slots(off, nslots);
    if flags.contains(Flags::ITER_DESTROY) {
        // Elements next returned die with the iterator.
        crate::resources::release_ref(st, head.reg.ref_obj_id);
        for o in &slots {
            *st.frames[frame].slot_mut(*o) = crate::state::Slot::EMPTY;
        }
    }
    Ok(())
}

/// The 8-byte writes that make a stack object (an iterator, an IRQ flag)
/// the stack_object check placed: one below the stack is refused (the
/// kernel's check_mem_access in process_iter_arg and process_irq_flag),
/// named by the register's fixed offset.
fn check_object_write(st: &State, i: usize, reg: &Reg) -> Result<(), VerifyError> {
    let at = i64::from(reg.off) + reg.var.as_const().unwrap_or(0) as i64;
    if at < -(crate::limits::MAX_STACK as i64) {
        return err(
            st,
            format!("invalid write to stack R{} off={} size=8", i + 1, reg.off),
        );
    }
    Ok(())
}

fn check_irq_flag(
    env: &mut Env,
    st: &mut State,
    k: &Kfunc,
    flags: Flags,
    i: usize,
    reg: &Reg,
) -> Result<(), VerifyError> {
    if reg.ty != RegType::Stack {
        return err(st, format!("arg#{i} doesn't point to an irq flag on stack"));
    }
    let class_name = k.family.and_then(|f| f.irq_class).unwrap_or("native");
    let class = kfreg_object::kernel_types::id(class_name);
    let placed = reg.stack_object("irq_flag", 1);
    if flags.contains(Flags::IRQ_SAVE) {
        // Below the stack it is no flag yet, and the write says so.
        let uninit = || format!("expected uninitialized irq flag as arg#{i}");
        let (frame, off) = match placed {
            Err(logged) if !logged.is_empty() => {
                return err(st, crate::env::after(&logged, &uninit()));
            }
            Err(_) => (reg.aux as usize, reg.off),
            Ok(at) => at,
        };
        if st.frames[frame]
            .slot(off)
            .is_some_and(|s| s.special() == Some(SlotKind::IrqFlag))
        {
            return err(st, uninit());
        }
        check_object_write(st, i, reg)?;
        crate::mem::object_writes(st, frame, off, 1)?;
        let id = env.new_id();
        st.refs.push(RefState {
            id,
            insn: st.insn,
            kind: RefKind::Irq { class },
            ptr: 0,
            off: 0,
        });
        let s = st.frames[frame].slot_mut(off);
        s.bytes = [SlotKind::IrqFlag; 8];
        s.reg = Reg::ptr(RegType::ConstDynptr, class);
        s.reg.ref_obj_id = id;
        return Ok(());
    }
    let initialized = |logged: &str| {
        crate::env::after(
            logged,
            &format!("expected an initialized irq flag as arg#{i}"),
        )
    };
    let (frame, off) = match placed {
        Ok(at) => at,
        Err(logged) => return err(st, initialized(&logged)),
    };
    let Some(s) = st.frames[frame]
        .slot(off)
        .copied()
        .filter(|s| s.special() == Some(SlotKind::IrqFlag))
    else {
        return err(st, initialized(""));
    };
    if s.reg.aux != class {
        let saved = kfreg_object::kernel_types::name(s.reg.aux);
        return err(
            st,
            format!(
                "irq flag acquired by {saved} kfuncs cannot be restored with {class_name} kfuncs"
            ),
        );
    }
    let last_irq = st
        .refs
        .iter()
        .rev()
        .find(|r| matches!(r.kind, RefKind::Irq { .. }))
        .copied();
    if let Some(last) = last_irq
        && last.id != s.reg.ref_obj_id
    {
        return err(
            st,
            format!(
                "cannot restore irq state out of order, expected id={} acquired at insn_idx={}",
                last.id, last.insn
            ),
        );
    }
    st.drop_ref(s.reg.ref_obj_id);
    *st.frames[frame].slot_mut(off) = crate::state::Slot::EMPTY;
    Ok(())
}

fn check_res_lock(
    env: &mut Env,
    st: &mut State,
    flags: Flags,
    i: usize,
    reg: &Reg,
) -> Result<(), VerifyError> {
    if !(reg.ty == RegType::MapValue || reg.ty == RegType::BtfId && reg.flags.has(PtrFlags::ALLOC))
    {
        return err(
            st,
            format!("arg#{i} doesn't point to map value or allocated object"),
        );
    }
    let r = i as u8 + 1;
    let (ptr, off) = lock_target(env, st, r, FieldKind::ResSpinLock)?;
    let irq = flags.contains(Flags::IRQ_SAVE) || flags.contains(Flags::IRQ_RESTORE);
    if flags.contains(Flags::LOCK) {
        // A res lock may be taken under a spin lock: only the same lock
        // again is refused.
        if st.locks().any(|l| l.ptr == ptr && l.off == off) {
            return err(
                st,
                "Acquiring the same lock again, AA deadlock detected".into(),
            );
        }
        st.refs.push(RefState {
            id: reg.id,
            insn: st.insn,
            kind: RefKind::ResLock { irq },
            ptr,
            off,
        });
    } else if flags.contains(Flags::UNLOCK) {
        // The kernel names the unlock after the lock (`<kind>_lock`, `<kind>_unlock`).
        let unlock = FieldKind::ResSpinLock
            .struct_name()
            .trim_end_matches("lock")
            .to_string()
            + "unlock";
        crate::resources::release_lock(st, RefKind::ResLock { irq }, ptr, off, &unlock)
            .or_else(|m| err(st, m))?;
    }
    Ok(())
}

/// R0 after the call, from the declared return semantics.
fn result(
    env: &mut Env,
    st: &mut State,
    k: &Kfunc,
    flags: Flags,
    meta: &Meta,
) -> Result<Reg, VerifyError> {
    if flags.contains(Flags::REFUSED) {
        return err(st, format!("{}() is not allowed", k.name));
    }
    let mut r0 = match k.ret {
        Ret::Void => return Ok(Reg::NOT_INIT),
        Ret::Scalar | Ret::Opaque | Ret::Arena => return Ok(scalar_ret(flags)),
        Ret::Mem | Ret::WritableMem => {
            let size = k
                .ret_ty
                .pointee()
                .and_then(|t| t.scalar_size())
                .unwrap_or(0);
            let mut r = Reg::ptr(RegType::Mem, size);
            if k.ret == Ret::Mem {
                r.flags = PtrFlags::RDONLY;
            }
            r.ref_obj_id = 0;
            r
        }
        Ret::Object | Ret::UntrustedObject => {
            let name = k.ret_ty.struct_name().unwrap_or("?");
            let mut r = Reg::ptr(RegType::BtfId, kfreg_object::kernel_types::id(name));
            // An iterator protected by RCU (KF_RCU_PROTECTED) hands out
            // RCU pointers, which trusted-arguments kfuncs refuse; others
            // trusted ones.
            let rcu_iter = flags.contains(Flags::ITER_NEXT)
                && iter_slot(k, st).is_some_and(|it| it.reg.aux2 == ITER_RCU);
            r.flags = if k.ret == Ret::UntrustedObject {
                PtrFlags::UNTRUSTED
            } else if flags.contains(Flags::RCU_PROTECTED) || rcu_iter {
                PtrFlags::RCU
            } else {
                PtrFlags::TRUSTED
            };
            r
        }
        Ret::GraphNode { .. } => {
            let (ty, node_off) = meta.contains.unwrap_or((0, 0));
            let mut r = Reg::ptr(RegType::BtfId, ty);
            r.flags = PtrFlags::ALLOC.with(PtrFlags::PROG_BTF);
            if !flags.contains(Flags::ACQUIRE) {
                crate::resources::set_non_owning(&mut r, env.prog);
            }
            // A pointer to the node inside its containing element.
            r.off = node_off as i32;
            r
        }
        Ret::NewObject { percpu, .. } => new_object(env, st, percpu, meta)?,
        Ret::Like { arg } => {
            let src = st.reg(arg + 1);
            let mut r = Reg::ptr(RegType::BtfId, src.aux);
            r.flags = src
                .flags
                .without(PtrFlags::NON_OWN)
                .without(PtrFlags::MAYBE_NULL)
                .without(PtrFlags::RCU);
            r
        }
        Ret::KernCtx => kern_ctx(env, st)?,
        Ret::Cast { .. } => cast(env, st, k, meta)?,
        Ret::DynptrSlice { size, writable, .. } => {
            let n = meta
                .sizes
                .iter()
                .find(|(i, _)| *i == size as usize)
                .map_or(0, |(_, c)| *c);
            let mut r = Reg::ptr(RegType::Mem, n as u32);
            if !writable {
                r.flags = PtrFlags::RDONLY;
            }
            if meta.dynptr.is_some_and(DynptrInit::over_packet) {
                r.flags = r.flags.with(PtrFlags::PKT_SLICE);
            }
            // A slice dies with its dynptr, and with the bytes of the
            // stack buffer the data may have been copied into.
            r.aux2 = meta.dynptr_id;
            let buf = st.reg(size);
            if buf.ty == RegType::Stack
                && let Some(v) = buf.var.as_const()
            {
                r.buf = crate::state::StackBuf::new(buf.aux as usize, buf.off + v as i32);
            }
            r
        }
    };
    let null = flags.contains(Flags::RET_NULL)
        && !(flags.contains(Flags::NULL_UNLESS_OWNING) && meta.owning_refcounted);
    if flags.contains(Flags::ACQUIRE) {
        if !r0.is_pointer()
            || (r0.ty != RegType::BtfId
                && !matches!(k.ret, Ret::NewObject { .. } | Ret::Like { .. }))
        {
            return err(
                st,
                "acquire kernel function does not return PTR_TO_BTF_ID".into(),
            );
        }
        if null {
            // The kernel numbers the NULL check before the reference; ids
            // in messages then read the same.
            env.new_id();
        }
        r0.ref_obj_id = acquire_ref(env, st, RefKind::Ptr);
        r0.flags = r0.flags.without(PtrFlags::TRUSTED);
    }
    if null {
        r0.flags = r0.flags.with(PtrFlags::MAYBE_NULL);
        r0.id = if r0.ref_obj_id != 0 {
            r0.ref_obj_id
        } else {
            env.new_id()
        };
    }
    // Memory dies with the reference it came from: a referenced
    // argument's, or, for a dynptr's slice, the ring-buffer record the
    // dynptr holds.
    let tied = match k.ret {
        Ret::DynptrSlice { .. } => meta.dynptr_ref,
        _ => meta.any_ref,
    };
    if r0.ty == RegType::Mem && tied != 0 {
        r0.ref_obj_id = tied;
    }
    Ok(r0)
}

/// A scalar result (a fallible kfunc's success is 0).
fn scalar_ret(flags: Flags) -> Reg {
    if flags.contains(Flags::FALLIBLE) {
        return Reg::constant(0);
    }
    // Whatever its C width: the kernel marks R0 unknown and the width only
    // decides whether its upper half is defined (mark_btf_func_reg_size).
    Reg::scalar(Scalar::UNKNOWN)
}

/// The object `bpf_obj_new` makes: a program BTF struct named by the
/// constant type id argument.
fn new_object(env: &Env, st: &State, percpu: bool, meta: &Meta) -> Result<Reg, VerifyError> {
    let Some(ty) = meta.constant else {
        return err(
            st,
            "bpf_obj_new/bpf_percpu_obj_new requires prog BTF".into(),
        );
    };
    if ty > u32::MAX as u64 {
        return err(
            st,
            "local type ID argument must be in range [0, U32_MAX]".into(),
        );
    }
    if !env.prog.prog_btf {
        return err(
            st,
            "bpf_obj_new/bpf_percpu_obj_new requires prog BTF".into(),
        );
    }
    let Some(t) = env.prog.types.get(&(ty as u32)).filter(|t| t.is_struct) else {
        return err(
            st,
            "bpf_obj_new/bpf_percpu_obj_new type ID argument must be of a struct".into(),
        );
    };
    // A per-CPU object comes from a per-CPU allocator of small units and
    // is read and written only as plain data.
    if percpu {
        if t.size > PERCPU_OBJ_MAX_SIZE {
            return err(
                st,
                format!(
                    "bpf_percpu_obj_new type size ({}) is greater than {PERCPU_OBJ_MAX_SIZE}",
                    t.size
                ),
            );
        }
        if t.scalars != Scalars::Only {
            return err(
                st,
                crate::env::after(
                    t.scalars.logged(),
                    "bpf_percpu_obj_new type ID argument must be of a struct of scalars",
                ),
            );
        }
        if !t.fields.is_empty() {
            return err(
                st,
                "bpf_percpu_obj_new type ID argument must not contain special fields".into(),
            );
        }
    }
    let mut r = Reg::ptr(RegType::BtfId, ty as u32);
    r.flags = PtrFlags::ALLOC.with(PtrFlags::PROG_BTF);
    if percpu {
        r.flags = r.flags.with(PtrFlags::PERCPU);
    }
    Ok(r)
}

/// The kernel context struct behind the program's context. A type whose
/// kernel context is no struct (a number for tracepoints, `void *` for
/// tracing and syscall programs) declares none, and the kernel names the
/// type it found instead by its id (its `struct bpf_ctx_convert` member).
fn kern_ctx(env: &Env, st: &State) -> Result<Reg, VerifyError> {
    let Some(name) = crate::ctx::kern_ctx(env) else {
        let id = env
            .prog
            .kernel_btf
            .as_deref()
            .and_then(|btf| kfreg_object::kernel_types::kern_ctx_type(btf, env.prog.prog_type))
            .unwrap_or(0);
        return err(st, format!("kern ctx type id {id} is not a struct"));
    };
    let mut r = Reg::ptr(RegType::BtfId, kfreg_object::kernel_types::id(name));
    r.flags = PtrFlags::TRUSTED;
    Ok(r)
}

/// A cast to the kernel type named by the constant type id argument.
fn cast(env: &Env, st: &State, k: &Kfunc, meta: &Meta) -> Result<Reg, VerifyError> {
    let mut r = Reg::ptr(RegType::Mem, 0);
    r.flags = PtrFlags::RDONLY.with(PtrFlags::UNTRUSTED);
    // The type id names a kernel type; without the kernel's BTF the
    // result stays untyped read-only memory.
    if let (Some(btf), Some(id)) = (env.prog.kernel_btf.as_deref(), meta.constant) {
        let Some(t) = u32::try_from(id).ok().and_then(|i| btf.type_by_id(i).ok()) else {
            return err(
                st,
                format!("Unknown type ID {} passed to kfunc {}", id as i64, k.name),
            );
        };
        match t.data {
            TypeData::Void => {}
            TypeData::Struct { .. } | TypeData::Union { .. } => {
                let name = btf.name(id as u32).unwrap_or("");
                r = Reg::ptr(RegType::BtfId, kfreg_object::kernel_types::id_of(name));
                r.flags = PtrFlags::UNTRUSTED;
            }
            _ => {
                return err(
                    st,
                    format!(
                        "kfunc {} type ID argument must be of a struct or void",
                        k.name
                    ),
                );
            }
        }
    }
    Ok(r)
}
