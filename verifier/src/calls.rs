//! BPF-to-BPF calls, callbacks and exits, and what every call (helper,
//! kfunc or subprogram) does to the caller: argument registers clobbered,
//! packet pointers invalidated, callback frames entered.

use crate::env::{Env, Path, Step, VerifyError};
use crate::limits::MAX_CALL_FRAMES;

use crate::mem::check_mem_reg;
use crate::resources::check_resources;
use crate::scalar::Scalar;
use crate::state::{CallbackFrame, Frame, PtrFlags, Reg, RegType, State};
use kfreg_object::program::{Field, FieldKind, ParamType, PointeeKind, PtrParam, SubprogArg};

/// The kernel's prefix for exit-time resource messages.
const MAIN_EXIT: &str = "BPF_EXIT instruction in main prog";

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
                crate::describe::reg_type_str(reg)
            ),
        ));
    }
    Ok(reg.var)
}

/// After packet data moved, every packet pointer is an unknown number.
pub fn invalidate_packets(st: &mut State) {
    st.for_each_reg(|r| {
        if r.ty.is_packet_any() || r.flags.has(PtrFlags::PKT_SLICE) {
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
    // The caller has run one more round of this call's callback.
    st.cur_mut().cb_rounds += 1;
    let mut frame = Frame::new(sub, st.insn);
    frame.regs[1..6].copy_from_slice(&args);
    frame.regs[10].aux = st.frames.len() as u32;
    frame.in_callback = Some(cb);
    st.frames.push(frame);
    st.insn = env.prog.subprogs[sub as usize].start;
    env.scratched = crate::env::Scratched::All;
    Ok(())
}

/// Whether the callback of the call frame `f` of `st` is at runs another
/// round: always, unless the call counts its rounds in register `count`,
/// whose largest value the rounds run so far reached. The count decides,
/// so it is precise (the kernel checks it at every round).
pub fn another_round(
    env: &mut Env,
    st: &mut State,
    f: usize,
    count: Option<u8>,
) -> Result<bool, VerifyError> {
    let Some(r) = count else {
        return Ok(true);
    };
    let caller = &st.frames[f];
    let count = caller.regs[r as usize];
    // The count decides when the rounds end, so the kernel makes it
    // precise; a pointer passed as the count (the argument takes any
    // value) fails that, its internal error.
    if count.ty != RegType::Scalar {
        return Err(VerifyError::at(
            st.insn,
            "verifier bug: backtracking misuse",
        ));
    }
    let rounds = caller.cb_rounds;
    env.mark_frame_reg_precise(st, f, r);
    Ok(u64::from(rounds) < count.var.umax)
}

/// The key and value of map `map` a callback is given (an element walk, a
/// timer or work item), told apart by map-in-map lookup `aux2`. Linux 6.18
/// gives the value a fresh id, which later ids in messages count (corpus
/// `timer_cb_leak`, `wq_cb_leaks_syscall`, `cb_each_task_leak`).
pub fn callback_map_elem(env: &mut Env, map: u32, aux2: u32) -> (Reg, Reg) {
    let mut key = Reg::ptr(RegType::MapKey, map);
    let mut value = Reg::ptr(RegType::MapValue, map);
    (key.aux2, value.aux2) = (aux2, aux2);
    value.id = env.new_id();
    // A read-only map's value stays read-only whoever hands it out
    // (check_map_access_type asks the map).
    if env.prog.maps[map as usize].rdonly {
        value.flags = PtrFlags::RDONLY;
    }
    (key, value)
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
        // The arguments are checked first: what that logs comes before the
        // context's refusals, which win over it.
        let args = check_global_args(env, st, sub);
        let logged = args.as_ref().err().map_or("", |e| e.msg.as_str());
        if st.holds_lock() {
            return Err(VerifyError::at(
                idx,
                crate::env::after(
                    logged,
                    "global function calls are not allowed while holding a lock,\nuse static function instead",
                ),
            ));
        }
        if env.effects[sub as usize].might_sleep
            && (st.rcu || st.preempt > 0 || st.irq_disabled() || !st.sleepable)
        {
            return Err(VerifyError::at(
                idx,
                crate::env::after(
                    logged,
                    "global functions that may sleep are not allowed in non-sleepable context,\n\
                     i.e., in a RCU/IRQ/preempt-disabled section, or in\n\
                     a non-sleepable BPF program context",
                ),
            ));
        }
        let s = &env.prog.subprogs[sub as usize];
        if let Err(e) = args {
            return Err(VerifyError::at(
                idx,
                format!(
                    "{}\nCaller passes invalid args into func#{sub} ('{}')",
                    e.msg, s.name
                ),
            ));
        }
        env.logln(&format!(
            "Func#{sub} ('{}') is global and assumed valid.",
            s.name
        ));
        // A call that may throw may also leave every frame from here.
        if let Some(k) = env.effects[sub as usize].throws {
            crate::resources::check_resources(env, st, idx, env.reg.get(k).name, true)?;
        }
        if env.effects[sub as usize].changes_pkt_data {
            invalidate_packets(st);
        }
        env.called[sub as usize] = true;
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
    env.scratched = crate::env::Scratched::All;
    if env.opts.log {
        // The kernel has cleared the caller's R0-R5 by now.
        let caller = crate::log::frame_str(env, st, st.frames.len() - 2, None, 0b11_1111);
        let callee = crate::log::state_str(env, st, None);
        env.logln(&format!("caller:\n{caller}\ncallee:\n{callee}"));
    }
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
    // Only when neither bound was printed.
    if out.is_empty() {
        out += " unknown scalar value";
    }
    out
}

/// The path runs a global function verified on its own (not the program,
/// nor its exception callback).
fn global_subprog(env: &Env, st: &State) -> bool {
    let root = st.frames[0].subprog;
    root != 0 && Some(root) != env.prog.exception_cb
}

/// `exit`: return from a subprogram or callback, or end the program.
pub fn check_exit(env: &mut Env, path: &mut Path) -> Result<Step, VerifyError> {
    let st = &mut path.st;
    let idx = st.insn;
    let frame = st.cur().clone();
    let range = crate::ctx::return_range(env);
    // A program attached to a function returning nothing may leave R0
    // unset, unless its type still wants a value back.
    let ignored = env.prog.returns_void && range.is_none();
    if st.frames.len() > 1 || frame.in_callback.is_some() {
        if st.reg(0).ty == RegType::Stack {
            return Err(VerifyError::at(
                idx,
                "cannot return stack pointer to the caller",
            ));
        }
    } else if !ignored || global_subprog(env, st) {
        env.check_reg_read(st, 0)?;
    }
    if frame.in_callback.is_some() || st.frames.len() > 1 {
        env.stack_live.update_chain(env.prog, st);
        return return_to_caller(env, path);
    }
    check_resources(env, st, idx, MAIN_EXIT, false)?;
    if global_subprog(env, st) {
        check_subprog_value(st, 0)?;
        return Ok(Step::End);
    }
    check_return_value(env, st, 0)?;
    Ok(Step::End)
}

/// A global function verified on its own returns any scalar (in register
/// `r`): the program's return rules apply to the program.
fn check_subprog_value(st: &State, r: u8) -> Result<(), VerifyError> {
    let reg = st.reg(r);
    if reg.ty != RegType::Scalar {
        return Err(VerifyError::at(
            st.insn,
            format!(
                "At subprogram exit the register R{r} is not a scalar value ({})",
                crate::describe::reg_type_str(reg)
            ),
        ));
    }
    Ok(())
}

/// The cookie (R1) of an exception thrown where no exception callback
/// takes it: the kernel checks it as what the path's bottom frame returns
/// (`check_return_code` takes its rules from `frame[0]` and the value from
/// the current frame), so a throw from a static function or a callback of
/// the program is held to the program's range, one from an async callback
/// to that callback's, one from a global function only to being a scalar.
pub fn check_thrown_cookie(env: &mut Env, st: &mut State) -> Result<(), VerifyError> {
    if let Some(cb) = st.frames[0].in_callback.filter(|cb| cb.is_async) {
        return check_callback_value(env, st, 1, cb);
    }
    if global_subprog(env, st) {
        return check_subprog_value(st, 1);
    }
    check_return_value(env, st, 1)
}

/// What the program returns, in register `r` (R0 at its exit, R1 for the
/// cookie of an exception it throws with no callback of its own), against
/// its program type's range, if any.
pub fn check_return_value(env: &mut Env, st: &mut State, r: u8) -> Result<(), VerifyError> {
    let Some((lo, hi)) = crate::ctx::return_range(env) else {
        return Ok(());
    };
    let idx = st.insn;
    env.mark_precise(st, r);
    let reg = *st.reg(r);
    if reg.ty != RegType::Scalar {
        return Err(VerifyError::at(
            idx,
            format!(
                "At program exit the register R{r} is not a known value ({})",
                crate::describe::reg_type_str(&reg)
            ),
        ));
    }
    // Some types read only the low 32 bits of what their programs return.
    let (min, max) = if crate::ctx::has(env, kfreg::ProgFlags::RET_SUBREG) {
        (i64::from(reg.var.s32min), i64::from(reg.var.s32max))
    } else {
        (reg.var.smin, reg.var.smax)
    };
    if min < lo || max > hi {
        let mut msg = format!(
            "At program exit the register R{r} has{} should have been in [{lo}, {hi}]",
            value_str(&reg.var)
        );
        // Only LSM cgroup programs check what they return to a function
        // returning nothing; the kernel says why.
        if env.prog.returns_void {
            msg.push_str(
                "\nNote, BPF_LSM_CGROUP that attach to void LSM hooks can't modify return value!",
            );
        }
        return Err(VerifyError::at(idx, msg));
    }
    Ok(())
}

/// Leaves the current frame, a subprogram's or a callback's, with its R0
/// (at its exit, or at a tail call made from it): a callback's value is
/// checked against its range and its call runs again, a subprogram's caller
/// goes on after the call.
pub fn return_to_caller(env: &mut Env, path: &mut Path) -> Result<Step, VerifyError> {
    let st = &mut path.st;
    let idx = st.insn;
    let frame = st.cur().clone();
    // Slices whose data may sit in the returning frame's stack die with it.
    let top = st.frames.len() - 1;
    crate::mem::kill_buffer_slices(st, top, i64::MIN, 0);
    // The log shows the callee as it returns, after the caller goes on.
    let callee = env.opts.log.then(|| crate::log::state_str(env, st, None));
    if let Some(cb) = frame.in_callback {
        // An async callback runs on its own, as the bottom frame: the
        // kernel checks what it holds before what it returns, and that R0
        // was written before its type (check_return_code).
        if cb.is_async {
            check_resources(env, st, idx, MAIN_EXIT, false)?;
            env.check_reg_read(st, 0)?;
        }
        check_callback_value(env, st, 0, cb)?;
        if cb.is_async {
            return Ok(Step::End);
        }
        // The callback returns to its call, which runs again: it queues
        // another round unless its count is reached, and the states stored
        // there decide when the rounds converge (the kernel's
        // prepare_func_exit). Scalars that changed since the round before
        // and are not precise are forgotten, so that the rounds do converge.
        st.frames.pop();
        st.insn = frame.callsite;
        if let Some(callee) = callee {
            log_return(env, st, &callee);
        }
        if let Some(prev) = env.prev_entry(path.parent, &path.st) {
            crate::prune::widen(&env.nodes[prev].state, &mut path.st);
        }
        return Ok(Step::Next);
    }
    let r0 = *st.reg(0);
    st.frames.pop();
    clobber_args(st);
    *st.reg_mut(0) = r0;
    st.insn = frame.callsite + 1;
    if let Some(callee) = callee {
        log_return(env, st, &callee);
    }
    Ok(Step::Next)
}

/// What callback `cb` returns in register `r` against its range: R0 at
/// its exit, or the cookie of an exception an async callback throws.
fn check_callback_value(
    env: &mut Env,
    st: &mut State,
    r: u8,
    cb: CallbackFrame,
) -> Result<(), VerifyError> {
    let exit_ctx = if cb.is_async {
        "At async callback return"
    } else {
        "At callback return"
    };
    let reg = *st.reg(r);
    if reg.ty != RegType::Scalar {
        return Err(VerifyError::at(
            st.insn,
            if cb.is_async {
                format!(
                    "{exit_ctx} the register R{r} is not a known value ({})",
                    crate::describe::reg_type_str(&reg)
                )
            } else {
                format!("R{r} not a scalar value")
            },
        ));
    }
    env.mark_precise(st, r);
    let reg = st.reg(r);
    if reg.var.smin < cb.ret_min || reg.var.smax > cb.ret_max {
        return Err(VerifyError::at(
            st.insn,
            format!(
                "{exit_ctx} the register R{r} has{} should have been in [{}, {}]",
                value_str(&reg.var),
                cb.ret_min,
                cb.ret_max
            ),
        ));
    }
    Ok(())
}

/// The kernel's lines for a return from a subprogram or callback: both
/// frames whole, the caller as it goes on at `st.insn`.
fn log_return(env: &mut Env, st: &State, callee: &str) {
    let caller = crate::log::state_str(env, st, None);
    env.logln(&format!(
        "returning from callee:\n{callee}\nto caller at {}:\n{caller}",
        st.insn
    ));
}

/// The referenced (plain or per-CPU) kptr field a map value pointer
/// points at exactly.
pub(crate) fn kptr_at<'p>(
    env: &Env<'p>,
    idx: u32,
    r: u8,
    reg: &Reg,
) -> Result<&'p Field, VerifyError> {
    let Some(off) = reg.var.as_const() else {
        return Err(VerifyError::at(
            idx,
            format!("R{r} doesn't have constant offset. kptr has to be at the constant offset"),
        ));
    };
    let off = reg.off as i64 + off as i64;
    // A map value's fields are its map's; an allocated object's, its type's.
    let obj = if reg.ty == RegType::MapValue {
        env.prog.value_obj(reg.aux)
    } else {
        env.prog.types.get(&reg.aux)
    };
    let fields = obj.map(|t| t.fields.as_slice()).unwrap_or_default();
    let kptrs = || fields.iter().filter(|f| f.kind.is_kptr());
    if kptrs().next().is_none() {
        return Err(VerifyError::at(idx, format!("R{r} has no valid kptr")));
    }
    let Some(f) = kptrs().find(|f| f.off as i64 == off) else {
        return Err(VerifyError::at(
            idx,
            format!("off={off} doesn't point to kptr"),
        ));
    };
    if f.kind == FieldKind::KptrUntrusted {
        return Err(VerifyError::at(
            idx,
            format!("off={off} kptr isn't referenced kptr"),
        ));
    }
    Ok(f)
}

/// How the kernel passes a global function's parameter.
pub(crate) enum GlobalArg {
    Scalar,
    Ctx,
    Mem {
        size: u32,
        nullable: bool,
    },
    /// A `struct bpf_dynptr *`: an initialised dynptr, read-only to the callee.
    Dynptr,
    /// A trusted pointer to the kernel struct of this name.
    Trusted {
        name: String,
        nullable: bool,
    },
    /// Anything the caller passes, an untrusted pointer to the kernel
    /// struct of this name to the function, or untrusted read-only memory
    /// without a struct.
    Untrusted {
        name: Option<String>,
    },
    /// An arena address or a number: a number to the function.
    Arena,
}

/// The kernel type a parameter's pointee names, its CO-RE flavour
/// stripped, when the kernel has one of that name and kind (any without
/// the kernel's BTF); else the kernel's complaint about parameter `i`
/// (`btf_get_ptr_to_btf_id`).
fn kernel_type(env: &Env, p: &PtrParam, i: usize) -> Result<String, String> {
    use kfreg_object::btf::Kind;
    let kind = match p.kind {
        PointeeKind::Void => {
            return Err(format!(
                "arg#{i} reference type('UNKNOWN (anon)') candidate matching error: -22"
            ));
        }
        PointeeKind::Int(_) => Kind::Int,
        PointeeKind::Struct => Kind::Struct,
        PointeeKind::Union => Kind::Union,
        PointeeKind::Primitive(k) | PointeeKind::Other(k) => k,
    };
    let name = p.name.split("___").next().unwrap_or_default();
    let known = env
        .prog
        .kernel_btf
        .as_deref()
        .is_none_or(|b| b.find(name, kind).is_some());
    if known && !name.is_empty() {
        return Ok(name.to_string());
    }
    let shown = if p.name.is_empty() { "(anon)" } else { &p.name };
    Err(format!(
        "arg#{i} reference type('{} {shown}') has no matches",
        kind.name()
    ))
}

/// The `arg:` tags of a global function's parameter (the kernel's
/// `ARG_TAG_*`).
#[derive(Default)]
struct ArgTags {
    ctx: bool,
    trusted: bool,
    untrusted: bool,
    nonnull: bool,
    nullable: bool,
    arena: bool,
}

impl ArgTags {
    /// Reads parameter `i`'s tags; an unknown one fails.
    fn read(tags: &[String], i: usize) -> Result<ArgTags, String> {
        let mut t = ArgTags::default();
        for tag in tags {
            let bit = match tag.as_str() {
                "ctx" => &mut t.ctx,
                "trusted" => &mut t.trusted,
                "untrusted" => &mut t.untrusted,
                "nonnull" => &mut t.nonnull,
                "nullable" => &mut t.nullable,
                "arena" => &mut t.arena,
                _ => return Err(format!("arg#{i} has unsupported set of tags")),
            };
            *bit = true;
        }
        Ok(t)
    }

    fn count(&self) -> usize {
        [
            self.ctx,
            self.trusted,
            self.untrusted,
            self.nonnull,
            self.nullable,
            self.arena,
        ]
        .iter()
        .filter(|b| **b)
        .count()
    }
}

/// The kernel's reading of global function `sub`'s parameters from its
/// prototype (`btf_prepare_func_args`); `None` when the prototype is
/// unknown.
pub(crate) fn global_args(env: &Env, sub: u32) -> Result<Option<Vec<GlobalArg>>, String> {
    let s = &env.prog.subprogs[sub as usize];
    // The kernel assumes a global function's result is a number.
    if !s.ret_scalar {
        return Err(format!(
            "Global function {}() doesn't return scalar. Only those are supported.",
            s.name
        ));
    }
    let Some(args) = &s.args else {
        return Ok(None);
    };
    args.iter()
        .enumerate()
        .map(|(i, a)| global_arg(env, &s.name, i, a))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Parameter `i` of global function `func`: its tags decide, then its type.
fn global_arg(env: &Env, func: &str, i: usize, a: &SubprogArg) -> Result<GlobalArg, String> {
    let t = ArgTags::read(&a.tags, i)?;
    let p = match &a.ty {
        ParamType::Ptr(p) => p,
        _ if t.count() > 0 => {
            return Err(format!(
                "arg#{i} has pointer tag, but is not a pointer type"
            ));
        }
        ParamType::Other(kind) => {
            return Err(format!(
                "Arg#{i} type {kind} in {func}() is not supported yet."
            ));
        }
        ParamType::Scalar => return Ok(GlobalArg::Scalar),
    };
    let invalid = || Err(format!("arg#{i} has invalid combination of tags"));
    if t.ctx || crate::ctx::is_prog_ctx_type(env, p) {
        if t.count() > usize::from(t.ctx) {
            return invalid();
        }
        if t.ctx {
            crate::ctx::check_ctx_arg(env, p, i)?;
        }
        return Ok(GlobalArg::Ctx);
    }
    // The kernel knows the parameter by its struct's name.
    let dynptr = <kfreg::Dynptr as kfreg::Pointee>::TY.struct_name();
    if p.kind == PointeeKind::Struct && dynptr == Some(p.name.as_str()) {
        if t.count() > 0 {
            return invalid();
        }
        return Ok(GlobalArg::Dynptr);
    }
    if t.trusted {
        if t.nonnull {
            return invalid();
        }
        return Ok(GlobalArg::Trusted {
            name: kernel_type(env, p, i)?,
            nullable: t.nullable,
        });
    }
    if t.untrusted {
        if t.count() > 1 {
            return Err(format!(
                "arg#{i} untrusted cannot be combined with any other tags"
            ));
        }
        if matches!(
            p.kind,
            PointeeKind::Void | PointeeKind::Int(_) | PointeeKind::Primitive(_)
        ) {
            return Ok(GlobalArg::Untrusted { name: None });
        }
        return Ok(GlobalArg::Untrusted {
            name: Some(kernel_type(env, p, i)?),
        });
    }
    if t.arena {
        if t.count() > 1 {
            return Err(format!(
                "arg#{i} arena cannot be combined with any other tags"
            ));
        }
        return Ok(GlobalArg::Arena);
    }
    if t.nullable {
        return invalid();
    }
    match &p.size {
        Ok(size) => Ok(GlobalArg::Mem {
            size: *size,
            nullable: !t.nonnull,
        }),
        Err(name) => Err(format!(
            "arg#{i} reference type('{name}') size cannot be determined: -22"
        )),
    }
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
            // kfreg keeps an arena's addresses as numbers.
            GlobalArg::Scalar | GlobalArg::Arena => Reg::UNKNOWN,
            GlobalArg::Ctx => Reg::ptr(RegType::Ctx, 0),
            // The 6.18 sources assume a local dynptr; the kernel measured
            // gives it the skb type (the slices of it die when packet data
            // moves; corpus global_dynptr.bpf.c).
            GlobalArg::Dynptr => crate::dynptr::const_dynptr(kfreg::DynptrInit::Skb, env.new_id()),
            GlobalArg::Mem { size, nullable } => {
                let mut m = Reg::ptr(RegType::Mem, *size);
                if *nullable {
                    m.flags = PtrFlags::MAYBE_NULL;
                    m.id = env.new_id();
                }
                m
            }
            GlobalArg::Untrusted { name: Some(name) } => {
                let mut t = Reg::ptr(RegType::BtfId, kfreg_object::kernel_types::id_of(name));
                t.flags = PtrFlags::UNTRUSTED;
                // Every kernel-object argument gets an id, trusted or not.
                t.id = env.new_id();
                t
            }
            GlobalArg::Untrusted { name: None } => {
                let mut m = Reg::ptr(RegType::Mem, 0);
                m.flags = PtrFlags::RDONLY.with(PtrFlags::UNTRUSTED);
                m
            }
            GlobalArg::Trusted { name, nullable } => {
                let mut t = Reg::ptr(RegType::BtfId, kfreg_object::kernel_types::id_of(name));
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

/// A dynptr a global function reads: one initialised on the stack (at a
/// constant offset), or a const dynptr the caller itself was given.
fn global_dynptr_arg(env: &mut Env, st: &State, i: usize, reg: &Reg) -> Result<(), VerifyError> {
    let idx = st.insn;
    if reg.ty == RegType::ConstDynptr {
        return crate::mem::unmodified_ptr(idx, i as u8 + 1, reg);
    }
    if reg.ty != RegType::Stack {
        return Err(VerifyError::at(
            idx,
            format!("arg#{i} expected pointer to stack or const struct bpf_dynptr"),
        ));
    }
    let missing = format!("Expected an initialized dynptr as arg #{i}");
    let (_, off, _) =
        crate::dynptr::initialized(st, reg, &missing).map_err(|m| VerifyError::at(idx, m))?;
    // Reading the dynptr marks its slots for the log.
    env.scratch_slots(off, 2);
    Ok(())
}

/// The caller's registers must be what global function `sub` assumes.
fn check_global_args(env: &mut Env, st: &mut State, sub: u32) -> Result<(), VerifyError> {
    let idx = st.insn;
    let Some(args) = global_args(env, sub).map_err(|m| VerifyError::at(idx, m))? else {
        return Ok(());
    };
    // The kernel reads the registers without asking whether they were
    // written: an uninitialised one fails its argument's type checks.
    for (i, a) in args.iter().enumerate() {
        let r = i as u8 + 1;
        let reg = *st.reg(r);
        // The callee gets pointers as the program would pass them to a
        // helper: the context unmoved. NULL memory is no pointer.
        let pointer = match a {
            GlobalArg::Ctx | GlobalArg::Dynptr => true,
            GlobalArg::Mem { .. } => !reg.is_null(),
            _ => false,
        };
        if pointer {
            crate::mem::arg_reg_off(idx, r, &reg)?;
        }
        match a {
            GlobalArg::Scalar if reg.ty != RegType::Scalar => {
                return Err(VerifyError::at(idx, format!("R{r} is not a scalar")));
            }
            GlobalArg::Arena if reg.ty != RegType::Scalar => {
                return Err(VerifyError::at(
                    idx,
                    format!("R{r} is not a pointer to arena or scalar."),
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
                // Linux 6.18 wants a trusted pointer first, whether or not
                // it may be NULL (corpus global_trusted.bpf.c).
                let mut unchecked = reg;
                unchecked.flags = reg.flags.without(PtrFlags::MAYBE_NULL);
                if !unchecked.is_trusted() {
                    return Err(VerifyError::at(
                        idx,
                        format!("R{r} must be referenced or trusted"),
                    ));
                }
                // The kernel's check_reg_type(): a kernel object pointer,
                // plain, trusted or RCU, possibly NULL only when the
                // argument is nullable, of the argument's struct.
                let ignored = if *nullable {
                    PtrFlags::MAYBE_NULL
                } else {
                    PtrFlags::NONE
                };
                if !reg.is_btf_ptr_type(ignored) || reg.flags.has(PtrFlags::PROG_BTF) {
                    return Err(VerifyError::at(
                        idx,
                        format!(
                            "R{r} type={} expected=ptr_, trusted_ptr_, rcu_ptr_",
                            crate::describe::reg_type_str(&reg)
                        ),
                    ));
                }
                let matches = match env.prog.kernel_btf.as_deref() {
                    Some(btf) => {
                        kfreg_object::kernel_types::ids_match(btf, reg.aux, reg.off as i64, name)
                    }
                    None if reg.off == 0 && kfreg_object::kernel_types::name(reg.aux) == name => {
                        Ok(())
                    }
                    None => Err(String::new()),
                };
                if let Err(logged) = matches {
                    let msg = format!(
                        "R{r} is of type {} but {name} is expected",
                        kfreg_object::kernel_types::name(reg.aux)
                    );
                    return Err(VerifyError::at(idx, crate::env::after(&logged, &msg)));
                }
            }
            GlobalArg::Dynptr => global_dynptr_arg(env, st, i, &reg)?,
            GlobalArg::Mem { size, nullable } => {
                // NULL passes the memory check, and only that: the kernel
                // makes it precise, so a path passing another number is
                // not covered by one that passed NULL.
                if reg.is_null() {
                    env.mark_precise(st, r);
                } else {
                    // The packet the pointer points into may move under it.
                    if reg.ty.is_packet_any() && env.effects[sub as usize].changes_pkt_data {
                        return Err(VerifyError::at(
                            idx,
                            format!(
                                "arg#{i} is a packet pointer, but func#{sub} may change packet data"
                            ),
                        ));
                    }
                    // A function may write what it is given, so a program
                    // type that may only read the packet passes none of it
                    // (may_access_direct_pkt_data, for a write).
                    if reg.ty.is_packet_any()
                        && !crate::ctx::has(env, kfreg::ProgFlags::PACKET_WRITE)
                    {
                        return Err(VerifyError::at(
                            idx,
                            "function access to the packet is not allowed",
                        ));
                    }
                    check_mem_reg(env, st, r, *size, true)?;
                }
                if !nullable && (reg.is_null() || reg.maybe_null()) {
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
