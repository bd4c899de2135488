//! Load-time compatibility of a program with what it uses and where it
//! attaches: checks the kernel makes before it explores any path (as it
//! loads the program, adds its kfuncs, reads its functions' BTF, resolves
//! its 64-bit loads, and checks its attach point), so they hold whether
//! the use is reachable or not.

use crate::env::{Env, VerifyError};
use kfreg::{Flags, MapKind, ProgFlags};
use kfreg_isa::{Call, Insn, Pseudo};
use kfreg_object::program::FieldKind;

/// The load itself is refused, before the verifier runs, for a program
/// type the kernel was built without (its BTF lacks the function giving
/// the type its helpers) and for an expected attach type the program's
/// type does not take.
pub fn check_load(env: &Env) -> Result<(), VerifyError> {
    if let Some(decl) = env.prog_decl
        && let Some(func) = decl.func_proto
        && let Some(btf) = env.prog.kernel_btf.as_deref()
        && btf.find(func, kfreg_object::btf::Kind::Func).is_none()
    {
        return Err(VerifyError {
            insn: None,
            msg: format!(
                "Invalid argument: the kernel has no {} programs (no {func} in its BTF; find_prog_type)",
                decl.name
            ),
        });
    }
    if let (Some(decl), Some(attach)) = (env.prog_decl, env.attach)
        && !decl.loads_as(attach)
    {
        return Err(VerifyError {
            insn: None,
            msg: format!(
                "Invalid argument: {} programs do not load with expected attach type {} (bpf_prog_load_check_attach)",
                decl.name,
                attach.name()
            ),
        });
    }
    Ok(())
}

/// As the kernel adds the program's kfuncs: the device-bound ones need a
/// device-bound program.
pub fn check_kfuncs(env: &Env) -> Result<(), VerifyError> {
    let prog = env.prog;
    for (i, insn) in prog.insns.iter().enumerate() {
        if let Insn::Call(Call::Kfunc { btf_id, .. }) = *insn
            && let Some(&id) = prog.kfuncs.get(&btf_id)
            && env.reg.has(id, Flags::DEVICE_BOUND)
            && !prog.dev_bound
        {
            return Err(VerifyError::at(
                i as u32,
                "metadata kfuncs require device-bound program",
            ));
        }
    }
    Ok(())
}

/// The kernel's checks of the attach point (check_attach_btf_id), after it
/// has resolved the 64-bit loads and walked the control flow: programs
/// whose type needs a GPL-compatible license they lack or sleeps where it
/// may not, and struct_ops programs implementing a member their struct
/// refuses.
pub fn check_attach(env: &Env) -> Result<(), VerifyError> {
    let prog = env.prog;
    if let Some(what) = env.prog_decl.and_then(|d| d.sleepable_only)
        && !prog.sleepable
    {
        return Err(VerifyError {
            insn: None,
            msg: format!("{what} programs can only be sleepable"),
        });
    }
    if prog.sleepable && !crate::ctx::has(env, ProgFlags::MAY_SLEEP) {
        return Err(VerifyError {
            insn: None,
            msg: "Only fentry/fexit/fmod_ret, lsm, iter, uprobe, and struct_ops programs can be sleepable".into(),
        });
    }
    // A sleepable program attaches only where its hook may sleep; the
    // hook itself is checked after the license.
    let hook = kfreg_object::loader::lsm_hook_target(&prog.section);
    if let Some(name) = hook
        && prog.sleepable
        && !env.lsm_hook.is_some_and(|h| h.sleepable)
    {
        return Err(VerifyError {
            insn: None,
            msg: format!(
                "{} is not sleepable",
                kfreg_object::loader::lsm_hook_func(name)
            ),
        });
    }
    if let Some(what) = env.prog_decl.and_then(|d| d.gpl_only)
        && !prog.gpl
    {
        return Err(VerifyError {
            insn: None,
            msg: format!("{what} programs must have a GPL compatible license"),
        });
    }
    if let Some(name) = hook
        && env.lsm_hook.is_some_and(|h| h.disabled)
    {
        let func = kfreg_object::loader::lsm_hook_func(name);
        let id = prog
            .kernel_btf
            .as_ref()
            .and_then(|b| b.find(&func, kfreg_object::btf::Kind::Func))
            .unwrap_or(0);
        return Err(VerifyError {
            insn: None,
            msg: format!("attach_btf_id {id} points to disabled hook {func}"),
        });
    }
    // Then the struct_ops type's check of the member implemented.
    if let (Some(decl), Some(m)) = (env.struct_ops, &prog.struct_ops) {
        decl.check_member(&m.member, prog.sleepable)
            .map_err(|msg| VerifyError { insn: None, msg })?;
    }
    Ok(())
}

/// The kernel's resolution of the 64-bit loads (resolve_pseudo_ldimm64),
/// in instruction order, reachable or not: a kernel symbol without an
/// address or a file descriptor that is no map, the map's compatibility
/// with the program, and a direct value's offset.
pub fn check_ldimm64(env: &Env) -> Result<(), VerifyError> {
    let prog = env.prog;
    // The one cgroup storage map of each kind (shared, per-CPU) the
    // program may use.
    let mut storages = [None; 2];
    for (i, insn) in prog.insns.iter().enumerate() {
        if let Some((at, msg)) = &prog.refused_ldimm64
            && *at == i as u32
        {
            return Err(VerifyError::at(*at, msg.clone()));
        }
        if let Insn::LdImm64 {
            pseudo:
                pseudo @ (Pseudo::MapFd | Pseudo::MapValue | Pseudo::MapIdx | Pseudo::MapIdxValue),
            imm,
            imm_hi,
            ..
        } = *insn
        {
            let at = i as u32;
            let m = map_of(env, at, pseudo, imm)?;
            check_map(env, at, m)?;
            if pseudo == Pseudo::MapValue {
                check_direct_value(env, at, m, imm_hi as u32)?;
            }
            check_storage(env, at, m, &mut storages)?;
        }
    }
    Ok(())
}

/// The map a 64-bit load of kind `pseudo` names with `imm`.
pub fn map_of(env: &Env, insn: u32, pseudo: Pseudo, imm: i32) -> Result<u32, VerifyError> {
    if matches!(pseudo, Pseudo::MapIdx | Pseudo::MapIdxValue) {
        // Programs are loaded without an fd array.
        return Err(VerifyError::at(insn, "fd_idx without fd_array is invalid"));
    }
    u32::try_from(imm)
        .ok()
        .filter(|&m| (m as usize) < env.prog.maps.len())
        .ok_or_else(|| VerifyError::at(insn, format!("fd {imm} is not pointing to valid bpf_map")))
}

/// A subprogram may leave through a legacy packet load or a tail call only
/// when the kernel can check such a return against its type: never without
/// BTF for the program's functions (the kernel's check_abnormal_return),
/// and with it only from a function returning a number (its
/// check_btf_func); both before it looks at control flow.
pub fn abnormal_returns(env: &Env) -> Result<(), VerifyError> {
    for sub in 1..env.prog.subprogs.len() {
        if env.prog.func_info && env.prog.subprogs[sub].ret_scalar {
            continue;
        }
        let body = &env.prog.insns[env.prog.subprog_range(sub)];
        let insns = || body.iter();
        let refuse = |what: &str| {
            Err(VerifyError {
                insn: None,
                msg: if env.prog.func_info {
                    format!("{what} is only allowed in functions that return 'int'.")
                } else {
                    format!("{what} is not allowed in subprogs without BTF")
                },
            })
        };
        if insns().any(|i| matches!(i, Insn::LdPkt { .. })) {
            return refuse("LD_ABS");
        }
        if insns().any(|&i| env.is_tail_call(i)) {
            return refuse("tail_call");
        }
    }
    Ok(())
}

/// The kernel's check_map_prog_compatibility.
fn check_map(env: &Env, insn: u32, m: u32) -> Result<(), VerifyError> {
    check_map_fields(env, insn, m)?;
    // A sleepable program may use only maps whose elements outlive an RCU
    // grace period as it sees them, inner maps included.
    let def = &env.prog.maps[m as usize];
    let sleepable_ok = |m: u32| {
        let kind = env.prog.maps[m as usize].map_type.number();
        MapKind::from_u32(kind).is_some_and(MapKind::sleepable_ok)
    };
    if env.prog.sleepable && !(sleepable_ok(m) && def.inner.is_none_or(sleepable_ok)) {
        return Err(VerifyError::at(
            insn,
            "Sleepable programs can only use array, hash, ringbuf and local storage maps, also as inner maps",
        ));
    }
    Ok(())
}

/// A load of the address of map `m`'s memory at offset `off`.
fn check_direct_value(env: &Env, insn: u32, m: u32, off: u32) -> Result<(), VerifyError> {
    // The kernel's BPF_MAX_VAR_OFF.
    const MAX_VAR_OFF: u32 = 1 << 29;
    if off >= MAX_VAR_OFF {
        return Err(VerifyError::at(
            insn,
            format!("direct value offset of {off} is not allowed"),
        ));
    }
    let def = &env.prog.maps[m as usize];
    let kind = MapKind::from_u32(def.map_type.number());
    if !kind.is_some_and(MapKind::direct_value) {
        return Err(VerifyError::at(
            insn,
            "no direct value access support for this map type",
        ));
    }
    if !kind.is_some_and(|k| k.direct_value_reaches(def.max_entries, def.value_size, off)) {
        return Err(VerifyError::at(
            insn,
            format!(
                "invalid access to map value pointer, value_size={} off={off}",
                def.value_size
            ),
        ));
    }
    Ok(())
}

/// A program is attached with one cgroup storage of each kind, which its
/// first use of such a map claims.
fn check_storage(
    env: &Env,
    insn: u32,
    m: u32,
    storages: &mut [Option<u32>; 2],
) -> Result<(), VerifyError> {
    let storage = match MapKind::from_u32(env.prog.maps[m as usize].map_type.number()) {
        Some(MapKind::CgroupStorage) => Some(0),
        Some(MapKind::PercpuCgroupStorage) => Some(1),
        _ => None,
    };
    if let Some(k) = storage {
        match storages[k] {
            Some(first) if first != m => {
                return Err(VerifyError::at(
                    insn,
                    "only one cgroup storage of each type is allowed",
                ));
            }
            _ => storages[k] = Some(m),
        }
    }
    Ok(())
}

/// The program type's rules for the special fields of map `m`'s values.
fn check_map_fields(env: &Env, insn: u32, m: u32) -> Result<(), VerifyError> {
    let Some(t) = env.prog.value_obj(m) else {
        return Ok(());
    };
    let has = |kinds: &[FieldKind]| t.fields.iter().any(|f| kinds.contains(&f.kind));
    // Tracing programs may run in any context, so they may not take the
    // program's own locks.
    let tracing = crate::ctx::has(env, ProgFlags::TRACING);
    let refuse = |msg: &str| Err(VerifyError::at(insn, msg));
    if has(&[FieldKind::ListHead, FieldKind::RbRoot]) && tracing {
        return refuse("tracing progs cannot use bpf_{list_head,rb_root} yet");
    }
    if has(&[FieldKind::SpinLock, FieldKind::ResSpinLock]) {
        if crate::ctx::has(env, ProgFlags::NO_MAP_LOCKS) {
            return refuse("socket filter progs cannot use bpf_spin_lock yet");
        }
        if tracing {
            return refuse("tracing progs cannot use bpf_spin_lock yet");
        }
    }
    if has(&[FieldKind::Timer]) && tracing {
        return refuse("tracing progs cannot use bpf_timer yet");
    }
    if has(&[FieldKind::Wq]) && tracing {
        return refuse("tracing progs cannot use bpf_wq yet");
    }
    Ok(())
}
