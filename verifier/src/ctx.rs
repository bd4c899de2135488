//! Loads and stores through the context pointer, and the other questions
//! the verifier asks about a program's type. Every answer comes from the
//! program type's declaration: which field an access falls in, what that
//! field allows, and what loading it yields.

use crate::access::Access;
use crate::env::{Env, VerifyError};
use crate::scalar::Scalar;
use crate::state::{PtrFlags, Reg, RegType, State};
use kfreg::{CtxArgAlias, CtxField, CtxValue, IterArg, Loads, PacketArgs, ProgFlags, Registry};
use kfreg_object::program::{CtxParam, PointeeKind, PtrParam};

/// Whether the program, of its type and attached as it is, has every
/// property of `flags`.
pub fn has(env: &Env, flags: ProgFlags) -> bool {
    env.prog_decl.is_some_and(|d| d.has_for(flags, env.attach))
}

/// When packet pointers may be passed to helpers.
pub fn packet_args(env: &Env) -> PacketArgs {
    env.prog_decl.map_or(PacketArgs::Never, |d| d.packet_args)
}

/// The kernel struct the program's context is declared as (what a kfunc's
/// or a global function's context parameter names).
pub fn uapi_ctx(env: &Env) -> Option<&'static str> {
    env.prog_decl?.ctx?.btf_name
}

/// Whether a global function's untagged pointer parameter to `p` takes the
/// program's context (the kernel's `btf_is_prog_ctx_type`, which compares
/// names only): a struct named as the context's struct or as the kernel
/// struct it is the view of, or the typedef the kernel names it by.
pub fn is_prog_ctx_type(env: &Env, p: &PtrParam) -> bool {
    let Some(c) = env.prog_decl.and_then(|d| d.ctx) else {
        return false;
    };
    if c.typedef.is_some() && p.typedef.as_deref() == c.typedef {
        return true;
    }
    let named = |n: Option<&str>| n.is_some_and(|n| n == p.name);
    matches!(p.kind, PointeeKind::Struct | PointeeKind::Union)
        && !p.name.is_empty()
        && (named(c.btf_name) || named(c.kern) || named(c.typedef))
}

/// Whether `__arg_ctx` may tag a parameter pointing to `p` (the kernel's
/// `btf_validate_prog_ctx_type`, for parameter `i`): `void`, the
/// program type's aliases, or the context's struct.
pub fn check_ctx_arg(env: &Env, p: &PtrParam, i: usize) -> Result<(), String> {
    let Some(decl) = env.prog_decl else {
        return Ok(());
    };
    let aliases = || decl.ctx_arg_aliases(env.attach);
    let typedef =
        |a: &CtxArgAlias| matches!(a, CtxArgAlias::Typedef(t) if p.typedef.as_deref() == Some(*t));
    if aliases().any(typedef) || p.kind == PointeeKind::Void {
        return Ok(());
    }
    if p.name.is_empty() {
        return Err(format!("arg#{i} type doesn't have a name"));
    }
    let is_struct = p.kind == PointeeKind::Struct;
    if aliases().any(|a| match a {
        CtxArgAlias::Any => true,
        CtxArgAlias::U64 => p.kind == PointeeKind::Int(8),
        CtxArgAlias::Struct(_) => is_struct && a.names_struct(&p.name),
        CtxArgAlias::Typedef(_) => false,
    }) {
        return Ok(());
    }
    match decl.ctx.and_then(|c| c.btf_name) {
        None => Err(format!("arg#{i} should be void pointer")),
        Some(name) if is_struct && name == p.name => Ok(()),
        Some(name) => Err(format!("arg#{i} should be `struct {name} *`")),
    }
}

/// Whether `uapi` is the program-facing view of kernel struct `kern`, which
/// kfuncs taking the kernel struct accept in its place.
pub fn is_projection(reg: &Registry, uapi: &str, kern: &str) -> bool {
    reg.prog_types()
        .iter()
        .filter_map(|d| d.ctx)
        .any(|c| c.btf_name == Some(uapi) && c.kern == Some(kern))
}

/// Whether a struct called `name` is some program type's context.
pub fn is_any_ctx(reg: &Registry, name: &str) -> bool {
    reg.prog_types()
        .iter()
        .filter_map(|d| d.ctx)
        .any(|c| c.btf_name == Some(name))
}

/// The kernel-side struct the program's context converts to.
pub fn kern_ctx(env: &Env) -> Option<&'static str> {
    env.prog_decl?.kern_ctx
}

/// The range R0 must be in at program exit, when the type has one: for a
/// program attached to a function returning nothing, its type's range for
/// that case (`None`: R0 is not even read); else its hook's, or its type's.
pub fn return_range(env: &Env) -> Option<(i64, i64)> {
    let decl = env.prog_decl?;
    if env.prog.returns_void {
        return decl.void_return_range(env.attach);
    }
    env.lsm_hook
        .and_then(|h| h.ret)
        .or_else(|| decl.return_range(env.attach))
}

/// Loads and stores through the context pointer (at offset `off`, fixed).
pub fn access(
    env: &mut Env,
    st: &mut State,
    off: i32,
    size: u32,
    kind: Access,
    sign_ext: bool,
) -> Result<Reg, VerifyError> {
    let idx = st.insn;
    let bad = || {
        Err(VerifyError::at(
            idx,
            format!("invalid bpf_context access off={off} size={size}"),
        ))
    };
    if off < 0
        && matches!(kind, Access::Read | Access::ReadSx)
        && off % size as i32 == 0
        && env
            .prog_decl
            .and_then(|d| d.ctx)
            .is_some_and(|c| c.reads_below_start)
    {
        return Ok(Reg::scalar(Scalar::unknown_width(size)));
    }
    // Every context checks alignment to the access size first.
    if off < 0 || off % size as i32 != 0 {
        return bad();
    }
    let Some(d) = env.prog_decl else {
        return bad();
    };
    if d.ctx.is_none() {
        // An freplace program's context is the replaced program's, which is
        // not known here: reads are allowed and give numbers.
        return match kind {
            Access::Write => bad(),
            _ => Ok(Reg::scalar(Scalar::unknown_width(size))),
        };
    }
    let Some(rule) = d.field_at(env.attach, off as u32) else {
        return bad();
    };
    let f = rule.field;
    let in_field = off as u32 - f.off;
    // A `whole_at_start` field yields its value only from an element's
    // start; its other bytes read as numbers.
    let at_start = in_field.is_multiple_of(f.elem);
    let yields = f.loads != Loads::WholeAtStart || at_start;
    let within = in_field + size <= f.size;
    let wide = f.wide && size == 8 && within;
    let fits = wide
        || match (f.loads, kind) {
            (Loads::Any, _) => within,
            // Stores are whole elements unless the field takes any access.
            (_, Access::Write) | (Loads::Whole, _) => size == f.elem,
            (Loads::Narrow, _) => size <= f.elem,
            (Loads::Slot, _) => size <= f.elem && in_field.is_multiple_of(f.elem),
            (Loads::Port, _) => within || (size == 4 && in_field == 0),
            (Loads::Halves, _) => size == 2 || size == f.elem,
            (Loads::WholeAtStart, _) if at_start => size == f.elem,
            (Loads::WholeAtStart, _) => size <= f.elem,
        };
    let arg_ptr = f.yields == CtxValue::Argument && argument_ptr(env, in_field / f.elem).is_some();
    let pointer = (f.yields.is_pointer() && yields) || arg_ptr;
    if kind == Access::Write && (!rule.writable || pointer) {
        return bad();
    }
    // Reads of arguments are the prototype's to refuse, with its reason.
    if matches!(f.yields, CtxValue::Argument)
        && let Err(why) = argument_fits(env, off, size)
    {
        return Err(VerifyError::at(
            idx,
            format!("{why}\ninvalid bpf_context access off={off} size={size}"),
        ));
    }
    if !fits || (sign_ext && pointer) {
        return bad();
    }
    if kind == Access::Write || !yields {
        return Ok(Reg::scalar(Scalar::unknown_width(size)));
    }
    Ok(load(env, f, off, size, sign_ext))
}

/// Whether `size` bytes at `off` are a load of one of the prototype's
/// arguments (the kernel's `btf_ctx_access`): at the start of an argument
/// the prototype has, and all of it when it is a pointer; if not, the
/// kernel's reason. Without a known prototype the kernel allows every slot.
fn argument_fits(env: &Env, off: i32, size: u32) -> Result<(), String> {
    let Some(proto) = &env.prog.ctx_proto else {
        return Ok(());
    };
    let func = &proto.func;
    if off % 8 != 0 {
        return Err(format!("func '{func}' offset {off} is not multiple of 8"));
    }
    let slot = off as u32 / 8;
    match proto.args.get(slot as usize) {
        None => Err(format!(
            "func '{func}' doesn't have {}-th argument",
            proto.arg_index(slot) + 1
        )),
        Some(CtxParam::Ptr(_)) if size != 8 => Err(format!("func '{func}' size {size} must be 8")),
        Some(_) => Ok(()),
    }
}

/// What loading `size` bytes at `off` of field `f` gives.
fn load(env: &mut Env, f: &CtxField, off: i32, size: u32, sign_ext: bool) -> Reg {
    let maybe_null = |env: &mut Env, mut r: Reg| {
        r.flags = r.flags.with(PtrFlags::MAYBE_NULL);
        r.id = env.new_id();
        r
    };
    let trusted = |name: &str| {
        let mut r = Reg::ptr(RegType::BtfId, kfreg_object::kernel_types::id_of(name));
        r.flags = PtrFlags::TRUSTED;
        r
    };
    match f.yields {
        CtxValue::Scalar => Reg::scalar(Scalar::unknown_width(size)),
        CtxValue::Packet => Reg::ptr(RegType::Packet, 0),
        CtxValue::PacketEnd => Reg::ptr(RegType::PacketEnd, 0),
        CtxValue::PacketMeta => Reg::ptr(RegType::PacketMeta, 0),
        CtxValue::Socket => Reg::ptr(RegType::Socket, 0),
        CtxValue::SocketOrNull => maybe_null(env, Reg::ptr(RegType::Socket, 0)),
        CtxValue::SockCommonOrNull => maybe_null(env, Reg::ptr(RegType::Sock, 0)),
        CtxValue::FlowKeys => {
            let keys = env.prog.kernel_btf.as_deref().and_then(|btf| {
                let id = btf.find(f.target?, kfreg_object::btf::Kind::Struct)?;
                btf.size_of(id).ok().flatten()
            });
            let mut r = Reg::ptr(RegType::Mem, keys.unwrap_or(0) as u32);
            r.flags = PtrFlags::FLOW_KEYS;
            r
        }
        CtxValue::Kernel => trusted(f.target.unwrap_or_default()),
        CtxValue::TpBuffer => Reg::ptr(RegType::TpBuffer, 0),
        CtxValue::Argument => argument(env, (off as u32 - f.off) / f.elem, sign_ext, size),
    }
}

/// The context argument pointer in slot `slot`, if it is one (what
/// `btf_ctx_access` checks a load of the slot against).
fn argument_ptr<'e>(env: &'e Env, slot: u32) -> Option<&'e kfreg_object::program::CtxArg> {
    match env.prog.ctx_proto.as_ref()?.args.get(slot as usize)? {
        CtxParam::Ptr(arg) => Some(arg),
        CtxParam::Scalar => None,
    }
}

/// What loading argument slot `slot` gives (`btf_ctx_access`): what an
/// iterator target's declaration makes of the argument, else a trusted
/// pointer to its kernel struct (as the program's struct_ops type promotes
/// it, possibly NULL where it or the tracepoint's declaration says so; a
/// number where the tracepoint may pass an error), else a number.
fn argument(env: &mut Env, slot: u32, sign_ext: bool, size: u32) -> Reg {
    let unknown = Reg::scalar(Scalar::unknown_width(size));
    let Some(arg) = argument_ptr(env, slot).filter(|_| !sign_ext) else {
        return unknown;
    };
    // A raw tracepoint may pass NULL, or an error, where its prototype
    // has an object (the tracepoint's declaration says which arguments).
    let tracepoint = env.tracepoint;
    if tracepoint.is_some_and(|t| t.may_be_error(slot as usize)) && arg.target.is_some() {
        return unknown;
    }
    let mut promoted = false;
    let (btf_id, nullable) = match arg.target.as_deref() {
        Some(target) => {
            let (t, nullable) = struct_ops_arg(env, target, slot as usize);
            promoted = t != target || nullable;
            let traced_null = tracepoint.is_some_and(|tp| tp.may_be_null(slot as usize));
            (
                Some(kfreg_object::kernel_types::id_of(t)),
                nullable || traced_null,
            )
        }
        None => (None, false),
    };
    let declared = env
        .prog
        .iter_target
        .as_deref()
        .and_then(|t| env.reg.iter_targets().get(t))
        .and_then(|t| t.arg(&arg.name));
    let (mut r, flags) = match (declared, btf_id) {
        (Some(IterArg::BufOrNull), _) => (Reg::ptr(RegType::Buf, 0), PtrFlags::MAYBE_NULL),
        (Some(IterArg::RdonlyBufOrNull), _) => (
            Reg::ptr(RegType::Buf, 0),
            PtrFlags::MAYBE_NULL.with(PtrFlags::RDONLY),
        ),
        (Some(IterArg::BtfIdOrNull), Some(id)) => {
            (Reg::ptr(RegType::BtfId, id), PtrFlags::MAYBE_NULL)
        }
        (Some(IterArg::TrustedOrNull), Some(id)) => (
            Reg::ptr(RegType::BtfId, id),
            PtrFlags::MAYBE_NULL.with(PtrFlags::TRUSTED),
        ),
        (None, Some(id)) if nullable => (
            Reg::ptr(RegType::BtfId, id),
            PtrFlags::TRUSTED.with(PtrFlags::MAYBE_NULL),
        ),
        // A traced function's arguments (fentry, fexit, fmod_ret) are plain
        // kernel pointers, nothing vouches for them (`prog_args_trusted`),
        // and so are those of LSM hooks building or freeing their object.
        (None, Some(id))
            if has(env, ProgFlags::TRACED_FUNC) || env.lsm_hook.is_some_and(|h| h.untrusted) =>
        {
            (Reg::ptr(RegType::BtfId, id), PtrFlags::NONE)
        }
        (None, Some(id)) => (Reg::ptr(RegType::BtfId, id), PtrFlags::TRUSTED),
        _ => return unknown,
    };
    // An argument no declaration (iterator target, struct_ops member)
    // describes is typed from the prototype, which the kernel logs.
    if env.opts.log && declared.is_none() && !promoted {
        let target = arg.target.clone().unwrap_or_default();
        log_arg_type(env, slot, &target);
    }
    r.flags = flags;
    if r.maybe_null() {
        r.id = env.new_id();
    }
    r
}

/// The kernel's line for an argument typed from the prototype:
/// `func 'F' argN has btf_id ID type STRUCT 'S'`, with the kernel BTF's id
/// (nothing without the kernel's BTF).
fn log_arg_type(env: &mut Env, slot: u32, name: &str) {
    let Some(id) = env
        .prog
        .kernel_btf
        .as_deref()
        .and_then(|btf| btf.find(name, kfreg_object::btf::Kind::Struct))
    else {
        return;
    };
    let Some(func) = env.prog.ctx_proto.as_ref().map(|p| p.func.clone()) else {
        return;
    };
    env.logln(&format!(
        "func '{func}' arg{slot} has btf_id {id} type STRUCT '{name}'"
    ));
}

/// What the program's struct_ops type says of argument `slot`, pointing to
/// `target`: the struct it really points to (a larger one it is embedded
/// in), and whether it may be NULL.
fn struct_ops_arg<'t>(env: &Env, target: &'t str, slot: usize) -> (&'t str, bool) {
    let (Some(decl), Some(m)) = (env.struct_ops, env.prog.struct_ops.as_ref()) else {
        return (target, false);
    };
    (decl.promoted(target), decl.nullable(&m.member, slot))
}
