//! Loads and stores: stack slots and spills, map values, memory, packets,
//! the program context, and objects described by BTF.

use crate::access::{Access, MAX_VAR_OFF};
use crate::ctx;
use crate::env::{Env, VerifyError};
use crate::scalar::Scalar;
use crate::state::{PtrFlags, Reg, RegType, SlotKind, State};
use kfreg_isa::{AtomicOp, Insn, Size};
use kfreg_object::kernel_types::{self, Walk};
use kfreg_object::program::{FieldKind, ObjType};

/// The `LD_ABS` / `LD_IND` legacy packet loads.
pub fn check_ld_pkt(env: &mut Env, st: &mut State, insn: Insn) -> Result<(), VerifyError> {
    let Insn::LdPkt { src, .. } = insn else {
        unreachable!()
    };
    legacy_packet_allowed(env, st.insn)?;
    legacy_packet_ctx(env, st)?;
    if let Some(r) = src {
        env.check_reg_read(st, r)?;
    }
    unmodified_ptr(st.insn, 6, st.reg(6))?;
    let frame = st.cur_mut();
    for r in 1..=5 {
        frame.regs[r] = Reg::NOT_INIT;
    }
    // The kernel marks R0 wholly unknown, not bounded by the load's width.
    frame.regs[0] = Reg::UNKNOWN;
    Ok(())
}

/// What the kernel asks of R6 before an indirect load's source register.
pub fn legacy_packet_ctx(env: &Env, st: &State) -> Result<(), VerifyError> {
    env.check_reg_read(st, 6)?;
    // The load may end the program at run time (a packet too short), so
    // whatever must be released or unlocked before an exit must be here too.
    crate::resources::check_resources(env, st, st.insn, "BPF_LD_[ABS|IND]", false)?;
    if st.reg(6).ty != RegType::Ctx {
        return Err(VerifyError::at(
            st.insn,
            "at the time of BPF_LD_ABS|IND R6 != pointer to skb",
        ));
    }
    Ok(())
}

/// The first thing the kernel asks of a legacy packet load, well formed or
/// not: whether the program type may use them (check_ld_abs).
pub fn legacy_packet_allowed(env: &Env, idx: u32) -> Result<(), VerifyError> {
    if ctx::has(env, kfreg::ProgFlags::LEGACY_PACKET) {
        return Ok(());
    }
    Err(VerifyError::at(
        idx,
        "BPF_LD_[ABS|IND] instructions not allowed for this program type",
    ))
}

/// LDX, ST, STX and atomics.
pub fn check_mem_insn(env: &mut Env, st: &mut State, insn: Insn) -> Result<(), VerifyError> {
    match insn {
        Insn::Ldx {
            size,
            dst,
            src,
            off,
            sign_ext,
        } => {
            env.check_reg_read(st, src)?;
            env.check_reg_write(st, dst)?;
            let kind = if sign_ext {
                Access::ReadSx
            } else {
                Access::Read
            };
            let through = st.reg(src).ty;
            let mut v = access(env, st, src, off as i32, size.bytes(), kind, None)?;
            same_pointer_kind(env, st.insn, through, true)?;
            if sign_ext && v.ty == RegType::Scalar {
                v.var = v.var.sext_reg(size.bytes());
            }
            *st.reg_mut(dst) = v;
        }
        Insn::St {
            size,
            dst,
            off,
            imm,
        } => {
            env.check_reg_read(st, dst)?;
            let v = Reg::constant(imm as i64 as u64);
            access(
                env,
                st,
                dst,
                off as i32,
                size.bytes(),
                Access::Write,
                Some(v),
            )?;
            same_pointer_kind(env, st.insn, st.reg(dst).ty, false)?;
        }
        Insn::Stx {
            size,
            dst,
            src,
            off,
        } => {
            env.check_reg_read(st, src)?;
            env.check_reg_read(st, dst)?;
            // A number spilled whole to a stack slot keeps a link with the
            // register (the kernel gives it an identity first).
            let to = *st.reg(dst);
            if to.ty == RegType::Stack && to.fixed_offset() && (to.off + off as i32) % 8 == 0 {
                crate::alu::link_scalar(env, st, src, size.bytes() * 8);
            }
            let v = *st.reg(src);
            access(
                env,
                st,
                dst,
                off as i32,
                size.bytes(),
                Access::Write,
                Some(v),
            )?;
            same_pointer_kind(env, st.insn, st.reg(dst).ty, false)?;
            // A zero stored off a slot's start is no spill: its bytes are
            // zeros because the register is exactly zero, so the register
            // becomes precise (the kernel's check_stack_write_fixed_off).
            if to.ty == RegType::Stack
                && to.fixed_offset()
                && (to.off + off as i32) % 8 != 0
                && v.ty == RegType::Scalar
                && v.var.as_const() == Some(0)
            {
                env.mark_precise(st, src);
            }
            if to.ty == RegType::Stack
                && !to.fixed_offset()
                && v.is_null()
                && kept_zeros(st, &to, off as i32, size.bytes())
            {
                env.mark_precise(st, src);
            }
        }
        Insn::Atomic {
            size,
            op,
            dst,
            src,
            off,
        } => check_atomic(env, st, size, op, dst, src, off)?,
        _ => unreachable!("not a memory instruction"),
    }
    Ok(())
}

/// The kernel rewrites an access through a context, socket or kernel
/// object pointer once for all paths, so it remembers the kind of pointer
/// each load and store went through first: another path may not take the
/// same instruction through another kind when either is one of those. A
/// load may mix kernel objects and plain memory (it becomes a fault-safe
/// load of both).
fn same_pointer_kind(env: &mut Env, idx: u32, ty: RegType, load: bool) -> Result<(), VerifyError> {
    let rewritten = |t: RegType| t == RegType::Ctx || t == RegType::BtfId || t.is_socket();
    let Some(slot) = env.insn_ptr_type.get_mut(idx as usize) else {
        return Ok(());
    };
    match *slot {
        None => *slot = Some(ty),
        Some(prev) if prev != ty && (rewritten(prev) || rewritten(ty)) => {
            let mem_or_obj = |t: RegType| matches!(t, RegType::Mem | RegType::BtfId);
            if load && mem_or_obj(prev) && mem_or_obj(ty) {
                *slot = Some(RegType::BtfId);
            } else {
                return Err(VerifyError::at(
                    idx,
                    "same insn cannot be used with different pointers",
                ));
            }
        }
        Some(_) => {}
    }
    Ok(())
}

fn check_atomic(
    env: &mut Env,
    st: &mut State,
    size: Size,
    op: AtomicOp,
    dst: u8,
    src: u8,
    off: i16,
) -> Result<(), VerifyError> {
    let idx = st.insn;
    match op {
        // A load-acquire asks where it reads from before reading, a
        // store-release after its store is checked (check_atomic_load,
        // check_atomic_store); both want aligned memory.
        AtomicOp::LoadAcquire => {
            env.check_reg_read(st, src)?;
            let base = *st.reg(src);
            atomic_ptr(idx, src, &base, "loads from")?;
            env.check_reg_write(st, dst)?;
            check_aligned(idx, &base, off as i32, size.bytes())?;
            let v = access(env, st, src, off as i32, size.bytes(), Access::Read, None)?;
            // Memory the kernel reads by probing (untrusted, or a kernel
            // object with no lifetime it vouches for) is no place to
            // acquire from, once the read itself is checked.
            let vouched = [
                PtrFlags::TRUSTED,
                PtrFlags::RCU,
                PtrFlags::ALLOC,
                PtrFlags::PERCPU,
            ];
            let plain_object =
                base.ty == RegType::BtfId && !vouched.iter().any(|f| base.flags.has(*f));
            if base.flags.has(PtrFlags::UNTRUSTED) || plain_object {
                return Err(VerifyError::at(
                    idx,
                    format!(
                        "BPF_ATOMIC loads from R{src} {} is not allowed",
                        crate::describe::reg_type_str(&base)
                    ),
                ));
            }
            *st.reg_mut(dst) = v;
            return Ok(());
        }
        AtomicOp::StoreRelease => {
            env.check_reg_read(st, src)?;
            env.check_reg_read(st, dst)?;
            let v = *st.reg(src);
            let base = *st.reg(dst);
            check_aligned(idx, &base, off as i32, size.bytes())?;
            access(
                env,
                st,
                dst,
                off as i32,
                size.bytes(),
                Access::Write,
                Some(v),
            )?;
            atomic_ptr(idx, dst, &base, "stores into")?;
            same_pointer_kind(env, st.insn, st.reg(dst).ty, false)?;
            return Ok(());
        }
        _ => {}
    }
    env.check_reg_read(st, src)?;
    env.check_reg_read(st, dst)?;
    if op == AtomicOp::CmpXchg {
        env.check_reg_read(st, 0)?;
    }
    let base = *st.reg(dst);
    atomic_ptr(idx, dst, &base, "stores into")?;
    // The kernel marks the register the old value is fetched into unknown
    // before it checks the access: fetching into the address register
    // leaves a number, not a pointer, to check.
    let load_reg = match op {
        AtomicOp::CmpXchg => Some(0),
        AtomicOp::Xchg
        | AtomicOp::Add { fetch: true }
        | AtomicOp::Or { fetch: true }
        | AtomicOp::And { fetch: true }
        | AtomicOp::Xor { fetch: true } => Some(src),
        _ => None,
    };
    if let Some(r) = load_reg {
        env.check_reg_write(st, r)?;
    }
    if load_reg == Some(dst) {
        *st.reg_mut(dst) = Reg::UNKNOWN;
    }
    check_aligned(idx, st.reg(dst), off as i32, size.bytes())?;
    let old = access(env, st, dst, off as i32, size.bytes(), Access::Probe, None)?;
    access(env, st, dst, off as i32, size.bytes(), Access::Write, None)?;
    // The fetched old value is what the memory held, read as a load
    // would: a pointer spilled there comes back a pointer (the kernel's
    // second read, into the load register, restores the spill).
    if let Some(r) = load_reg {
        *st.reg_mut(r) = old;
    }
    Ok(())
}

/// A pointer to map value field `kind` (a timer or a work item): at a
/// constant offset, in a map with BTF whose values hold one, exactly at it
/// (the kernel's `check_map_field_pointer`, in that order).
pub fn map_field_pointer(
    env: &Env,
    idx: u32,
    r: u8,
    reg: &Reg,
    kind: FieldKind,
) -> Result<(), VerifyError> {
    let name = kind.struct_name();
    let err = |msg: String| Err(VerifyError::at(idx, msg));
    let Some(v) = reg.var.as_const() else {
        return err(format!(
            "R{r} doesn't have constant offset. {name} has to be at the constant offset"
        ));
    };
    let map = &env.prog.maps[reg.aux as usize];
    let Some(obj) = env.prog.value_obj(reg.aux) else {
        return err(format!(
            "map '{}' has to have BTF in order to use {name}",
            map.name
        ));
    };
    let Some(at) = obj.field(kind).map(|f| f.off) else {
        return err(format!("map '{}' has no valid {name}", map.name));
    };
    let off = v as i64 + reg.off as i64;
    if off != at as i64 {
        return err(format!(
            "off {off} doesn't point to 'struct {name}' that is at {at}"
        ));
    }
    Ok(())
}

/// An atomic instruction's access through R`r` (`base`), which `what`
/// ("loads from", "stores into") the memory: refused for the context, the
/// packet, flow keys and sockets (the kernel's `atomic_ptr_type_ok`;
/// memory the program may not write fails later, at the write).
fn atomic_ptr(idx: u32, r: u8, base: &Reg, what: &str) -> Result<(), VerifyError> {
    let flow_keys = base.ty == RegType::Mem && base.flags.has(PtrFlags::FLOW_KEYS);
    // A socket is known by its exact type (is_sk_reg): one that may be
    // NULL is refused by the access itself.
    let refused = matches!(
        base.ty,
        RegType::Ctx | RegType::Packet | RegType::PacketMeta
    ) || (base.ty.is_socket() && !base.maybe_null())
        || flow_keys;
    if refused {
        return Err(VerifyError::at(
            idx,
            format!(
                "BPF_ATOMIC {what} R{r} {} is not allowed",
                crate::describe::reg_type_str(base)
            ),
        ));
    }
    Ok(())
}

/// Checks an access of `size` bytes at `regno + off` and performs it:
/// returns the loaded value for reads (an unknown scalar for writes).
pub fn access(
    env: &mut Env,
    st: &mut State,
    regno: u8,
    off: i32,
    size: u32,
    kind: Access,
    value: Option<Reg>,
) -> Result<Reg, VerifyError> {
    let base = *st.reg(regno);
    if base.ty == RegType::Scalar || base.maybe_null() {
        return Err(VerifyError::at(
            st.insn,
            format!(
                "R{regno} invalid mem access '{}'",
                crate::describe::reg_type_str(&base)
            ),
        ));
    }
    access_typed(env, st, regno, off, size, kind, value)
}

/// [`access`] past its NULL check: by the pointer's base type, for a
/// helper's memory argument that may be NULL too (check_helper_mem_access
/// takes the register as it is; an out-of-bounds region is then named by
/// the whole type).
fn access_typed(
    env: &mut Env,
    st: &mut State,
    regno: u8,
    off: i32,
    size: u32,
    kind: Access,
    value: Option<Reg>,
) -> Result<Reg, VerifyError> {
    let idx = st.insn;
    let base = *st.reg(regno);
    let err = |msg: String| Err(VerifyError::at(idx, msg));
    match base.ty {
        RegType::Stack => {
            let v = stack_access(st, regno, &base, off, size, kind, value)?;
            // The bpf_fastcall contract is asked of the frame holding the
            // slot, but of the current one for a load at a fixed offset
            // (as the kernel's check_stack_read_fixed_off asks it).
            let lowest = base.off + off + base.var.smin as i32;
            let frame = if kind != Access::Write && base.fixed_offset() {
                st.frames.len() - 1
            } else {
                base.aux as usize
            };
            env.fastcall
                .access(env.prog, st.frames[frame].subprog as usize, idx, lowest);
            Ok(v)
        }
        RegType::MapValue | RegType::MapKey => {
            map_access(env, st, regno, &base, off, size, kind, value)
        }
        // A flow dissector's keys: within the struct, the pointer's
        // constant offset added (the kernel's check_flow_keys_access;
        // a variable one is refused by the pointer arithmetic).
        RegType::Mem if base.flags.has(PtrFlags::FLOW_KEYS) => {
            let off = off as i64 + base.off as i64;
            if off < 0 || off + size as i64 > base.aux as i64 {
                return err(format!("invalid access to flow keys off={off} size={size}"));
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        RegType::Mem => {
            if kind == Access::Write && base.flags.has(PtrFlags::RDONLY) {
                return err(format!(
                    "R{regno} cannot write into {}",
                    crate::describe::reg_type_str(&base)
                ));
            }
            // Untrusted read-only memory is read by probe reads: no bounds.
            if !base.flags.has(PtrFlags::RDONLY.with(PtrFlags::UNTRUSTED)) {
                region_access(idx, regno, &base, off, size, base.aux, mem_region)?;
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        RegType::Buf | RegType::TpBuffer => buffer_access(idx, regno, &base, off, size, kind),
        RegType::Packet | RegType::PacketMeta => {
            if kind == Access::Write && !ctx::has(env, kfreg::ProgFlags::PACKET_WRITE) {
                return err("cannot write into packet".into());
            }
            if base.var.smin < 0 {
                return err(format!(
                    "R{regno} min value is negative, either use unsigned index or do a if (index >=0) check."
                ));
            }
            // A variable offset is part of the pointer; its verified range
            // starts after it, so only the fixed offset is checked.
            let at = base.off as i64 + off as i64;
            let range = base.packet_range() as i64;
            // A pointer found at or beyond the packet's end reaches nothing
            // (check_packet_access refuses it before measuring).
            if range < 0 {
                return err(format!("R{regno} offset is outside of the packet"));
            }
            if at < 0 || at + size as i64 > range {
                return err(format!(
                    "invalid access to packet, off={at} size={size}, R{regno}(id={},off={at},r={range})\nR{regno} offset is outside of the packet",
                    base.id
                ));
            }
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        RegType::Ctx => {
            unmodified_ptr(st.insn, regno, &base)?;
            ctx::access(env, st, off, size, kind, kind == Access::ReadSx)
        }
        RegType::BtfId => btf_access(env, st, regno, &base, off, size, kind),
        RegType::ConstMap => {
            // A map pointer reads as the kernel's map struct, which starts
            // at the pointer: nothing lies before it.
            let tname = env.prog.maps[base.aux as usize].map_type.kernel_struct();
            let at = base.off + off;
            if at < 0 {
                return err(format!(
                    "R{regno} is {tname} invalid negative access: off={at}"
                ));
            }
            if kind == Access::Write {
                return err(format!("only read from {tname} is supported"));
            }
            // The read walks the map's struct as a kernel object's would;
            // a pointer read from it is untrusted (check_ptr_to_map_access
            // in Linux 6.18).
            let walk = match &env.prog.kernel_btf {
                Some(btf) => kernel_types::walk(btf, kernel_types::id(tname), at as i64, size)
                    .map_err(|m| VerifyError::at(st.insn, m))?,
                None => Walk::Scalar,
            };
            Ok(match walk {
                Walk::Scalar => Reg::scalar(Scalar::unknown_width(size)),
                Walk::Untrusted => untrusted_mem(),
                Walk::Ptr { target, .. } => {
                    let mut r = Reg::ptr(RegType::BtfId, target);
                    r.flags = PtrFlags::UNTRUSTED;
                    r
                }
            })
        }
        RegType::Sock | RegType::Socket | RegType::TcpSock | RegType::XdpSock => {
            let at = base.off + off;
            if kind == Access::Write {
                return err(format!(
                    "R{regno} cannot write into {}",
                    crate::describe::reg_type_str(&base)
                ));
            }
            if !sock_field_ok(base.ty, at, size) {
                return err(format!(
                    "R{regno} invalid {} access off={at} size={size}",
                    base.ty.kernel_name()
                ));
            }
            // The upper halves of a TCP socket's two u64 counters pass the
            // kernel's size check (its default case) but have no rewrite
            // (bpf_tcp_sock_convert_ctx_access).
            env.unconverted_load |= base.ty == RegType::TcpSock && (at == 84 || at == 92);
            Ok(Reg::scalar(Scalar::unknown_width(size)))
        }
        RegType::PacketEnd
        | RegType::Func
        | RegType::ConstDynptr
        | RegType::NotInit
        | RegType::Scalar => err(format!(
            "R{regno} invalid mem access '{}'",
            crate::describe::reg_type_str(&base)
        )),
    }
}

/// Bounds check of `[off, off + size)` relative to a pointer into a region
/// of `limit` bytes, in the kernel's order: a negative minimum, the
/// minimum's access, an unbounded maximum, the maximum's access. `msg`
/// gives the first line of an out-of-range report for an offset.
fn region_access(
    idx: u32,
    regno: u8,
    base: &Reg,
    off: i32,
    size: u32,
    limit: u32,
    msg: impl Fn(i64, u32, u32) -> String,
) -> Result<(i64, i64), VerifyError> {
    let fixed = base.off as i64 + off as i64;
    let smin = base.var.smin;
    if smin < 0
        && (smin == i64::MIN || fixed + smin != (fixed + smin) as i32 as i64 || fixed + smin < 0)
    {
        return Err(VerifyError::at(
            idx,
            format!(
                "R{regno} min value is negative, either use unsigned index or do a if (index >=0) check."
            ),
        ));
    }
    let in_range = |o: i64| o >= 0 && o + size as i64 <= limit as i64;
    let lo = fixed + smin;
    if !in_range(lo) {
        return Err(VerifyError::at(
            idx,
            format!(
                "{}\nR{regno} min value is outside of the allowed memory range",
                msg(lo, size, limit)
            ),
        ));
    }
    if base.var.umax >= MAX_VAR_OFF {
        return Err(VerifyError::at(
            idx,
            format!("R{regno} unbounded memory access, make sure to bounds check any such access"),
        ));
    }
    let hi = fixed + base.var.umax as i64;
    if !in_range(hi) {
        return Err(VerifyError::at(
            idx,
            format!(
                "{}\nR{regno} max value is outside of the allowed memory range",
                msg(hi, size, limit)
            ),
        ));
    }
    Ok((lo, hi + size as i64))
}

/// Whether a socket pointer of type `ty` may load `size` bytes at `off`
/// (the kernel's `bpf_sock_is_valid_access`, `bpf_sock_common_is_valid_access`
/// `bpf_tcp_sock_is_valid_access` and `bpf_xdp_sock_is_valid_access` over
/// `struct bpf_sock`, `struct bpf_tcp_sock` and `struct bpf_xdp_sock`).
fn sock_field_ok(ty: RegType, off: i32, size: u32) -> bool {
    let size = size as i32;
    if off < 0 || size == 0 || off % size != 0 {
        return false;
    }
    if ty == RegType::XdpSock {
        // Its one field, the u32 queue_id.
        return off == 0 && size == 4;
    }
    if ty == RegType::TcpSock {
        // Two u64 counters (bytes_received, bytes_acked), u32 fields otherwise.
        return off < 112 && size == if off == 80 || off == 88 { 8 } else { 4 };
    }
    if off >= 80 {
        return false;
    }
    // A sock_common has no type, protocol, mark or priority.
    if ty == RegType::Sock && (8..24).contains(&off) {
        return false;
    }
    let field = off & !3;
    let narrow = size <= 4 && off + size <= field + 4;
    match field {
        // family, type, protocol, src_port, state, rx_queue_mapping: the
        // kernel names them by their start (`case offsetof(..)`), so a
        // narrow load starts there
        4 | 8 | 12 | 44 | 72 | 76 => narrow && off == field,
        // the addresses, named as ranges: anywhere inside
        24..=43 | 52..=71 => narrow,
        // dst_port: a 16-bit field in a 32-bit slot
        48 => size == 4 || (narrow && off + size <= 50),
        // bound_dev_if, mark, priority: whole fields only
        _ => size == 4,
    }
}

/// The kernel's spelling of a variable offset in alignment messages
/// (`tnum_strn`): a known value as the log prints numbers, else the tnum.
fn var_off_short(v: &Scalar) -> String {
    match v.as_const() {
        Some(c) => crate::describe::unum(c),
        None => crate::describe::tnum_str(v),
    }
}

/// Natural alignment whatever the pointer type (check_ptr_alignment,
/// strict), as atomics and helpers' aligned arguments need it.
pub fn check_aligned(idx: u32, base: &Reg, off: i32, size: u32) -> Result<(), VerifyError> {
    // Packet data starts two bytes past an aligned address (NET_IP_ALIGN),
    // which the packet's message shows.
    let packet = matches!(base.ty, RegType::Packet | RegType::PacketMeta);
    let ip_align = if packet { 2 } else { 0 };
    let total = ip_align + base.var.var.value as i64 + base.off as i64 + off as i64;
    if base.var.var.mask & (size as u64 - 1) == 0 && total.rem_euclid(size as i64) == 0 {
        return Ok(());
    }
    let var = var_off_short(&base.var);
    if packet {
        return Err(VerifyError::at(
            idx,
            format!(
                "misaligned packet access off {ip_align}+{var}+{}+{off} size {size}",
                base.off
            ),
        ));
    }
    // The kernel names the pointer by its whole type, flags included: a
    // `map_value_or_null` is no `value` (a read-only map's value is one:
    // its map, not its type, is read-only).
    let flagged = PtrFlags::TEXT.iter().any(|(f, text)| {
        let map_rdonly = *f == PtrFlags::RDONLY && base.ty == RegType::MapValue;
        !text.is_empty() && base.flags.has(*f) && !map_rdonly
    });
    let desc = match base.ty {
        RegType::Mem if base.flags == PtrFlags::FLOW_KEYS => "flow keys ",
        _ if flagged => "",
        RegType::Stack => "stack ",
        RegType::MapValue => "value ",
        RegType::MapKey => "key ",
        RegType::Ctx => "context ",
        RegType::Sock => "sock_common ",
        RegType::Socket => "sock ",
        RegType::TcpSock => "tcp_sock ",
        RegType::XdpSock => "xdp_sock ",
        _ => "",
    };
    Err(VerifyError::at(
        idx,
        format!(
            "misaligned {desc}access off {var}+{}+{off} size {size}",
            base.off
        ),
    ))
}

/// The kernel's check_mem_reg, for a kfunc's or global function's memory
/// argument: `size` bytes the callee may read and write, checked as if the
/// pointer were not NULL; the register is left as it was.
pub fn check_mem_reg(
    env: &mut Env,
    st: &mut State,
    r: u8,
    size: u32,
    zero_ok: bool,
) -> Result<(), VerifyError> {
    let reg = *st.reg(r);
    st.reg_mut(r).flags = reg.flags.without(PtrFlags::MAYBE_NULL);
    let checked = check_mem_arg(env, st, r, size, MemUse::Read, zero_ok, false)
        .and_then(|()| check_mem_arg(env, st, r, size, MemUse::Write, zero_ok, false));
    *st.reg_mut(r) = reg;
    checked
}

/// A NUL-terminated string in a read-only map value at a constant address
/// (the kernel's check_reg_const_str, for helpers and kfuncs alike): that
/// map and the string's offset in its data. The string may run to the end
/// of the value, which is checked as one access from the pointer on.
pub fn const_str(env: &Env, idx: u32, r: u8, reg: &Reg) -> Result<(u32, usize), VerifyError> {
    let map = &env.prog.maps[reg.aux as usize];
    if !map.rdonly {
        return Err(VerifyError::at(
            idx,
            format!("R{r} does not point to a readonly map'"),
        ));
    }
    let Some(v) = reg.var.as_const() else {
        return Err(VerifyError::at(
            idx,
            format!("R{r} is not a constant address'"),
        ));
    };
    let value_size = map.value_size;
    let size = i64::from(value_size) - i64::from(reg.off);
    let region = |o, s, sz| map_region(reg, "map value, value_size", sz, o, s);
    match u32::try_from(size) {
        Ok(s) if s > 0 => {
            region_access(idx, r, reg, 0, s, value_size, region)?;
        }
        // Past the end: the kernel's access has no bytes or fewer than none.
        _ => {
            let at = i64::from(reg.off) + reg.var.smin;
            return Err(VerifyError::at(
                idx,
                format!(
                    "invalid access to map value, value_size={value_size} off={at} size={size}\nR{r} min value is outside of the allowed memory range"
                ),
            ));
        }
    }
    let off = (i64::from(reg.off) + v as i64) as usize;
    let data = map.init.as_deref().unwrap_or_default();
    match data.get(off..) {
        Some(rest) if rest.contains(&0) => Ok((reg.aux, off)),
        _ => Err(VerifyError::at(idx, "string is not zero-terminated")),
    }
}

/// A memory region's out-of-bounds message.
fn mem_region(o: i64, s: u32, sz: u32) -> String {
    format!("invalid access to memory, mem_size={sz} off={o} size={s}")
}

/// A map region's out-of-bounds message: a pointer that may be NULL is plain
/// memory to it (`__check_mem_access` names the region by the whole type).
fn map_region(base: &Reg, region: &str, sz: u32, o: i64, s: u32) -> String {
    let region = if base.maybe_null() {
        "memory, mem_size"
    } else {
        region
    };
    format!("invalid access to {region}={sz} off={o} size={s}")
}

#[allow(clippy::too_many_arguments)]
fn map_access(
    env: &mut Env,
    st: &mut State,
    regno: u8,
    base: &Reg,
    off: i32,
    size: u32,
    kind: Access,
    value: Option<Reg>,
) -> Result<Reg, VerifyError> {
    let idx = st.insn;
    let map = &env.prog.maps[base.aux as usize];
    if base.ty == RegType::MapKey {
        if kind == Access::Write {
            return Err(VerifyError::at(
                idx,
                format!("write to change key R{regno} not allowed"),
            ));
        }
        region_access(idx, regno, base, off, size, map.key_size, |o, s, sz| {
            map_region(base, "map key, key_size", sz, o, s)
        })?;
        return Ok(Reg::scalar(Scalar::unknown_width(size)));
    }
    if kind == Access::Write && base.flags.has(PtrFlags::RDONLY) {
        let fixed = base.off + off;
        return Err(VerifyError::at(
            idx,
            format!(
                "write into map forbidden, value_size={} off={fixed} size={size}",
                map.value_size
            ),
        ));
    }
    if kind != Access::Write && map.wronly {
        let fixed = base.off + off;
        return Err(VerifyError::at(
            idx,
            format!(
                "read from map forbidden, value_size={} off={fixed} size={size}",
                map.value_size
            ),
        ));
    }
    let (lo, hi) = region_access(idx, regno, base, off, size, map.value_size, |o, s, sz| {
        map_region(base, "map value, value_size", sz, o, s)
    })?;
    if let Some(f) = env
        .prog
        .value_obj(base.aux)
        .and_then(|t| t.field_overlapping(lo, hi - lo))
    {
        return kptr_access(env, st, base, off, size, kind, value, f);
    }
    // A load from read-only data reads as the bytes it holds. Helpers read
    // whole buffers through here too (a format string, a default map value):
    // the kernel only does `bpf_map_direct_read` for a register load, so a
    // region wider than a register is just checked, not read.
    if kind != Access::Write
        && size <= 8
        && base.fixed_offset()
        && map.rdonly
        && let Some(bytes) = &map.init
    {
        let start = (base.off + off) as usize;
        if let Some(b) = bytes.get(start..start + size as usize) {
            let mut v = [0u8; 8];
            v[..b.len()].copy_from_slice(b);
            return Ok(Reg::constant(u64::from_le_bytes(v)));
        }
    }
    Ok(Reg::scalar(Scalar::unknown_width(size)))
}

/// An access that touches a special field of a map value: only a whole
/// kptr or uptr may be loaded, and only NULL or (unreferenced kptrs) a
/// pointer of its type stored (the kernel's check_map_access, then
/// check_map_kptr_access). Helpers and kfuncs (their arguments are checked
/// at the call) and atomics may not touch a kptr at all.
#[allow(clippy::too_many_arguments)]
fn kptr_access(
    env: &mut Env,
    st: &State,
    base: &Reg,
    off: i32,
    size: u32,
    kind: Access,
    value: Option<Reg>,
    f: &kfreg_object::program::Field,
) -> Result<Reg, VerifyError> {
    let idx = st.insn;
    let name = f.kind.struct_name();
    let err = |msg: String| Err(VerifyError::at(idx, msg));
    if !f.kind.is_loadable_pointer() {
        return err(format!("{name} cannot be accessed directly by load/store"));
    }
    let insn = env.prog.insns.get(idx as usize);
    if matches!(insn, Some(Insn::Call(_))) {
        return err(format!("{name} cannot be accessed indirectly by helper"));
    }
    let Some(var) = base.var.as_const() else {
        return err(format!("{name} access cannot have variable offset"));
    };
    let at = i64::from(base.off) + i64::from(off) + var as i64;
    if at != i64::from(f.off) {
        return err(format!(
            "{name} access misaligned expected={} off={at}",
            f.off
        ));
    }
    if size != 8 {
        return err(format!("{name} access size must be BPF_DW"));
    }
    if matches!(insn, Some(Insn::Atomic { .. })) {
        return err("kptr in map can only be accessed using BPF_MEM instruction mode".into());
    }
    if kind == Access::Write && f.kind != FieldKind::KptrUntrusted {
        return err(if f.kind == FieldKind::Uptr {
            "store to uptr disallowed".into()
        } else {
            "store to referenced kptr disallowed".into()
        });
    }
    if kind != Access::Write {
        return Ok(if f.kind == FieldKind::Uptr {
            uptr_load(env, f)
        } else {
            kptr_load(env, st, f)
        });
    }
    match (insn, value) {
        (Some(Insn::St { imm, .. }), _) if *imm != 0 => err(format!(
            "BPF_ST imm must be 0 when storing to kptr at off={}",
            f.off
        )),
        (Some(Insn::Stx { src, .. }), Some(v)) if !v.is_null() => {
            kptr_match_type(env, f, &v, *src).map_err(|m| VerifyError::at(idx, m))?;
            Ok(Reg::UNKNOWN)
        }
        _ => Ok(Reg::UNKNOWN),
    }
}

/// Whether pointer `reg` (in register `regno`) may be put in kptr field
/// `f` (the kernel's map_kptr_match_type): a kernel object of its type,
/// trusted or RCU (an unreferenced kptr also takes an untrusted one), or
/// an object the program allocated, per-CPU exactly when the field is.
pub(crate) fn kptr_match_type(
    env: &Env,
    f: &kfreg_object::program::Field,
    reg: &Reg,
    regno: u8,
) -> Result<(), String> {
    let (ty, prog_btf) = f.kptr.unwrap_or((0, false));
    let unref = f.kind == FieldKind::KptrUntrusted;
    let percpu = f.kind == FieldKind::KptrPercpu;
    let expected = format!(
        "expected=ptr_{}{}",
        env.btf_type_name(ty, prog_btf),
        if unref {
            format!(" or untrusted_ptr_{}", env.btf_type_name(ty, prog_btf))
        } else {
            String::new()
        }
    );
    let bad = |name: &str| {
        format!(
            "invalid kptr access, R{regno} type={}{name} {expected}",
            crate::describe::reg_type_str(reg)
        )
    };
    let reg_prog = reg.flags.has(PtrFlags::PROG_BTF);
    let allowed = if reg_prog {
        let mut a = PtrFlags::MAYBE_NULL.with(PtrFlags::ALLOC);
        if percpu {
            a = a.with(PtrFlags::PERCPU);
        }
        a
    } else {
        let mut a = PtrFlags::MAYBE_NULL
            .with(PtrFlags::TRUSTED)
            .with(PtrFlags::RCU);
        if unref {
            a = a.with(PtrFlags::UNTRUSTED);
        }
        a
    };
    let flags = reg.flags.without(PtrFlags::PROG_BTF);
    if reg.ty != RegType::BtfId
        || flags.without(allowed) != PtrFlags::NONE
        || percpu != reg.flags.has(PtrFlags::PERCPU)
    {
        return Err(bad(""));
    }
    // Moved by no variable amount, nor backwards (__check_ptr_off_reg);
    // a referenced kptr's type must match at the pointer itself (a strict
    // btf_struct_ids_match).
    let unmoved_back = Reg {
        off: reg.off.min(0),
        ..*reg
    };
    unmodified_ptr(0, regno, &unmoved_back).map_err(|e| e.msg)?;
    if reg.aux != ty || reg_prog != prog_btf || (!unref && reg.off != 0) {
        return Err(bad(env.type_name(reg)));
    }
    Ok(())
}

/// Loading a uptr field yields the user memory it points to, of its
/// struct's size, or NULL (the kernel's mark_uptr_ld_reg).
fn uptr_load(env: &mut Env, f: &kfreg_object::program::Field) -> Reg {
    let (ty, _) = f.kptr.unwrap_or((0, true));
    let size = env.prog.types.get(&ty).map_or(0, |t| t.size);
    let mut r = Reg::ptr(RegType::Mem, size);
    r.flags = PtrFlags::MAYBE_NULL;
    r.id = env.new_id();
    r
}

/// Loading a kptr field yields an untrusted (or RCU) pointer to its type, or NULL.
///
/// A referenced kptr to a program type (an allocated object) or a per-CPU
/// one is an RCU pointer only inside an RCU read section (any
/// non-sleepable program is in one), and then a non-owning reference when
/// the type can be in a list or tree (the kernel's btf_ld_kptr_type);
/// outside, an untrusted pointer.
fn kptr_load(env: &mut Env, st: &State, f: &kfreg_object::program::Field) -> Reg {
    let (ty, prog_btf) = f.kptr.unwrap_or((0, false));
    let mut r = Reg::ptr(RegType::BtfId, ty);
    let percpu = f.kind == FieldKind::KptrPercpu;
    let rcu = matches!(f.kind, FieldKind::Kptr | FieldKind::KptrPercpu)
        && crate::resources::in_rcu_cs(st);
    r.flags = PtrFlags::MAYBE_NULL.with(if rcu {
        PtrFlags::RCU
    } else {
        PtrFlags::UNTRUSTED
    });
    if rcu && percpu {
        r.flags = r.flags.with(PtrFlags::PERCPU);
    }
    if prog_btf {
        r.flags = r.flags.with(PtrFlags::PROG_BTF);
        // An object that can sit in a list or tree is a non-owning
        // reference there (the kernel's btf_ld_kptr_type asks for a graph
        // node, not a refcount).
        if rcu && !percpu {
            r.flags = r.flags.with(PtrFlags::ALLOC);
            let in_graph = env.prog.types.get(&ty).is_some_and(|t| {
                t.field(FieldKind::ListNode).is_some() || t.field(FieldKind::RbNode).is_some()
            });
            if in_graph {
                r.flags = r.flags.with(PtrFlags::NON_OWN);
            }
        }
    }
    r.id = env.new_id();
    r
}

fn btf_access(
    env: &mut Env,
    st: &mut State,
    regno: u8,
    base: &Reg,
    off: i32,
    size: u32,
    kind: Access,
) -> Result<Reg, VerifyError> {
    let idx = st.insn;
    // Kernel memory is the GPL's, whatever the access (the first check of
    // the kernel's check_ptr_to_btf_access); the program's own objects are not.
    if !env.prog.gpl && !base.flags.has(PtrFlags::PROG_BTF) {
        return Err(VerifyError::at(
            idx,
            format!(
                "Cannot access kernel 'struct {}' from non-GPL compatible program",
                env.type_name(base)
            ),
        ));
    }
    // The access's offset, the instruction's and the pointer's fixed one,
    // is checked before the pointer's variable part.
    let at = base.off as i64 + off as i64;
    if at < 0 {
        return Err(VerifyError::at(
            idx,
            format!(
                "R{regno} is ptr_{} invalid negative access: off={at}",
                env.type_name(base)
            ),
        ));
    }
    if !base.fixed_offset() {
        return Err(VerifyError::at(
            idx,
            format!(
                "R{regno} is ptr_{} invalid variable offset: off={}, var_off={}",
                env.type_name(base),
                base.off.wrapping_add(off),
                crate::describe::tnum_str(&base.var)
            ),
        ));
    }
    // A per-CPU object is reached through one CPU's copy (which a helper
    // gives), never directly.
    if base.flags.has(PtrFlags::PERCPU) {
        return Err(VerifyError::at(
            idx,
            format!(
                "R{regno} is ptr_{} access percpu memory: off={at}",
                env.type_name(base)
            ),
        ));
    }
    if base.flags.has(PtrFlags::PROG_BTF) {
        let Some(t) = env.prog.types.get(&base.aux) else {
            return Ok(Reg::scalar(Scalar::unknown_width(size)));
        };
        check_obj_access(idx, t, at, size)?;
        // Only the program's own objects may be written, not one reached
        // untrusted (the kernel's check_ptr_to_btf_access; program types
        // with their own write rules meet an internal error first).
        if kind == Access::Write && !base.flags.has(PtrFlags::ALLOC) {
            return Err(VerifyError::at(
                idx,
                if write_rule(env).is_some() {
                    "verifier internal error: reg->btf must be kernel btf"
                } else {
                    "only read is supported"
                },
            ));
        }
        // A pointer the object holds is read-only, untrusted memory of no
        // known size (the oracle kernel's walk of a program type).
        if kind != Access::Write && size == 8 && t.pointers.contains(&(at as u32)) {
            return Ok(untrusted_mem());
        }
        return Ok(Reg::scalar(Scalar::unknown_width(size)));
    }
    if kind == Access::Write {
        check_kernel_write(env, base, at as u32, size).map_err(|m| VerifyError::at(idx, m))?;
        return Ok(Reg::scalar(Scalar::unknown_width(size)));
    }
    let walk = match &env.prog.kernel_btf {
        Some(btf) => {
            kernel_types::walk(btf, base.aux, at, size).map_err(|m| VerifyError::at(idx, m))?
        }
        None => Walk::Scalar,
    };
    Ok(match walk {
        Walk::Scalar => Reg::scalar(Scalar::unknown_width(size)),
        Walk::Untrusted => untrusted_mem(),
        Walk::Ptr {
            target,
            field,
            rcu_tag,
            untrusted_path,
        } => {
            let mut r = Reg::ptr(RegType::BtfId, target);
            r.flags = walked_ptr_flags(env, st, base, &field, target, rcu_tag, untrusted_path);
            if r.maybe_null() {
                r.id = env.new_id();
            }
            r
        }
    })
}

/// Read-only memory of no known size, reached through an untrusted walk.
fn untrusted_mem() -> Reg {
    let mut r = Reg::ptr(RegType::Mem, 0);
    r.flags = PtrFlags::RDONLY.with(PtrFlags::UNTRUSTED);
    r
}

/// The rule by which the program may write kernel structs: its struct_ops
/// type's, else its program type's (the kernel's `btf_struct_access` op).
fn write_rule(env: &Env) -> Option<kfreg::WriteRule> {
    env.struct_ops
        .and_then(|d| d.write)
        .or_else(|| env.prog_decl.and_then(|d| d.kernel_write))
}

/// A store of `size` bytes at `off` of the kernel struct `base` points to:
/// refused unless the program's struct_ops type, or its program type, lets
/// it write there.
fn check_kernel_write(env: &Env, base: &Reg, off: u32, size: u32) -> Result<(), String> {
    let (Some(rule), Some(btf)) = (write_rule(env), env.prog.kernel_btf.as_deref()) else {
        return Err("only read is supported".into());
    };
    if base.flags.has(PtrFlags::UNTRUSTED) {
        return Err("only read is supported".into());
    }
    let target = env.type_name(base);
    let target_size = kernel_types::size(btf, base.aux).unwrap_or(0);
    let within = kernel_types::id(rule.target());
    rule.check(target, target_size, off, size, |path| {
        kernel_types::member_span(btf, within, path)
    })
}

/// The trust of a pointer loaded from a kernel struct: it inherits the
/// base's trust only through fields the kernel lists as safe (its
/// `<struct>__safe_*` BTF types); `__rcu` fields are RCU pointers inside a
/// read section; anything else walked from a trusted pointer is untrusted,
/// inside a read section too (the oracle kernel's rule: mainline's
/// "old deprecated PTR_TO_BTF_ID" there, a plain pointer helpers accept, is
/// untrusted in 6.18.44).
fn walked_ptr_flags(
    env: &Env,
    st: &State,
    base: &Reg,
    field: &str,
    target: u32,
    rcu_tag: bool,
    untrusted_path: bool,
) -> PtrFlags {
    let mut flags = PtrFlags::NONE;
    if rcu_tag {
        flags = flags.with(PtrFlags::RCU);
    }
    if untrusted_path {
        flags = flags.with(PtrFlags::UNTRUSTED);
    }
    let listed = |suffix: &str| {
        env.prog
            .kernel_btf
            .as_deref()
            .is_some_and(|btf| kernel_types::listed_field(btf, base.aux, field, target, suffix))
    };
    let trusted_modifiers = PtrFlags::ALLOC
        .with(PtrFlags::TRUSTED)
        .with(PtrFlags::NON_OWN);
    let trusted = !base.flags.has(PtrFlags::UNTRUSTED)
        && (base.ref_obj_id != 0 || base.flags.0 & trusted_modifiers.0 != 0);
    if base.flags.has(PtrFlags::UNTRUSTED) {
        flags.with(PtrFlags::UNTRUSTED)
    } else if trusted || base.flags.has(PtrFlags::RCU) {
        if listed("__safe_trusted") {
            flags.with(PtrFlags::TRUSTED)
        } else if listed("__safe_trusted_or_null") {
            flags.with(PtrFlags::TRUSTED).with(PtrFlags::MAYBE_NULL)
        } else if crate::resources::in_rcu_cs(st) && !base.maybe_null() {
            if listed("__safe_rcu") {
                flags.with(PtrFlags::RCU)
            } else if listed("__safe_rcu_or_null") {
                flags
                    .with(PtrFlags::RCU)
                    .with(PtrFlags::MAYBE_NULL)
                    .without(PtrFlags::UNTRUSTED)
            } else if flags.has(PtrFlags::RCU) {
                flags.with(PtrFlags::MAYBE_NULL)
            } else {
                flags.with(PtrFlags::UNTRUSTED)
            }
        } else {
            PtrFlags::UNTRUSTED
        }
    } else {
        PtrFlags::UNTRUSTED
    }
}

/// An access into an allocated object of program type `t`.
fn check_obj_access(idx: u32, t: &ObjType, at: i64, size: u32) -> Result<(), VerifyError> {
    if at < 0 || at + size as i64 > t.size as i64 {
        return Err(VerifyError::at(
            idx,
            format!("access beyond struct {} at off {at} size {size}", t.name),
        ));
    }
    // Only the fields of the object's record count (its struct meta): a
    // uptr or timer member of an allocated object is plain memory.
    if let Some(f) = t
        .field_overlapping(at, size as i64)
        .filter(|f| f.kind.in_struct_meta())
    {
        return Err(VerifyError::at(
            idx,
            format!("direct access to {} is disallowed", f.kind.struct_name()),
        ));
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn stack_access(
    st: &mut State,
    regno: u8,
    base: &Reg,
    off: i32,
    size: u32,
    kind: Access,
    value: Option<Reg>,
) -> Result<Reg, VerifyError> {
    let idx = st.insn;
    let what = kind.direction();
    let fixed = base.off + off;
    // The stack is always strictly aligned, a variable offset too.
    check_aligned(idx, base, off, size)?;
    if !base.fixed_offset() {
        return variable_stack_access(st, regno, base, fixed, size, kind, value);
    }
    if fixed < -(crate::limits::MAX_STACK as i32) || fixed + size as i32 > 0 {
        return Err(VerifyError::at(
            idx,
            format!("invalid{what} stack R{regno} off={fixed} size={size}"),
        ));
    }
    let callers = (base.aux as usize) + 1 < st.frames.len();
    let frame = &mut st.frames[base.aux as usize];
    if kind != Access::Write {
        frame.reach(fixed);
        return stack_read(frame, idx, fixed, size, kind == Access::ReadSx);
    }
    let destroyed = stack_write(frame, idx, fixed, size, value, callers)?;
    // The slices of a dynptr this store destroyed die with it.
    crate::dynptr::invalidate_slices(st, destroyed);
    kill_buffer_slices(
        st,
        base.aux as usize,
        fixed as i64,
        fixed as i64 + size as i64,
    );
    Ok(Reg::UNKNOWN)
}

/// A variable stack offset the kernel does not bound at all
/// (check_stack_access_within_bounds, before any range check).
fn unbounded_stack_offset(idx: u32, regno: u8, base: &Reg, what: &str) -> Result<(), VerifyError> {
    let max = crate::access::MAX_VAR_OFF as i64;
    if !base.fixed_offset() && (base.var.smax >= max || base.var.smin <= -max) {
        return Err(VerifyError::at(
            idx,
            format!("invalid unbounded variable-offset{what} stack R{regno}"),
        ));
    }
    Ok(())
}

/// A stack access at a variable offset: in bounds over its whole range,
/// and a write leaves every byte it may touch unknown.
fn variable_stack_access(
    st: &mut State,
    regno: u8,
    base: &Reg,
    fixed: i32,
    size: u32,
    kind: Access,
    value: Option<Reg>,
) -> Result<Reg, VerifyError> {
    let idx = st.insn;
    let frame_no = base.aux as usize;
    let what = kind.direction();
    unbounded_stack_offset(idx, regno, base, what)?;
    let lo = fixed as i64 + base.var.smin;
    let hi = fixed as i64 + base.var.smax;
    if lo < -(crate::limits::MAX_STACK as i64) || hi + size as i64 > 0 {
        return Err(VerifyError::at(
            idx,
            format!(
                "invalid variable-offset{what} stack R{regno} var_off={} off={fixed} size={size}",
                crate::describe::tnum_str(&base.var)
            ),
        ));
    }
    if kind == Access::Probe {
        return Err(VerifyError::at(
            idx,
            format!(
                "variable offset stack pointer cannot be passed into helper function; var_off={} off={fixed} size={size}",
                crate::describe::tnum_str(&base.var)
            ),
        ));
    }
    if kind != Access::Write {
        // Every byte it may read holds data, a spill or nothing yet: no
        // part of a dynptr, iterator or saved IRQ flags
        // (check_stack_read_var_off's check_stack_range_initialized).
        let frame = &st.frames[frame_no];
        if let Some(o) = (lo..hi + size as i64).find(|&o| {
            frame
                .slot(o as i32)
                .is_some_and(|slot| slot.bytes[byte_in_slot(o as i32)].is_object())
        }) {
            return Err(unreadable_stack(idx, regno, base, lo, o, size));
        }
    }
    // Privileged programs may read uninitialised stack; a write of
    // unknown position leaves every byte it may touch unknown. Either
    // makes the stack reach the lowest byte it may touch.
    st.frames[frame_no].reach(lo as i32);
    if kind == Access::Write {
        // A dynptr anywhere in reach is destroyed, which a referenced one
        // may not be (check_stack_write_var_off).
        let mut destroyed = Vec::new();
        for o in (lo..hi + size as i64)
            .step_by(8)
            .chain([hi + size as i64 - 1])
        {
            let Some(slot) = st.frames[frame_no].slot(o as i32) else {
                continue;
            };
            if slot.special() == Some(SlotKind::Dynptr) {
                if slot.reg.ref_obj_id != 0 {
                    return Err(VerifyError::at(idx, "cannot overwrite referenced dynptr"));
                }
                destroyed.push(crate::dynptr::destroy(&mut st.frames[frame_no], o as i32));
            }
        }
        for id in destroyed {
            crate::dynptr::invalidate_slices(st, id);
        }
        kill_buffer_slices(st, frame_no, lo, hi + size as i64);
        // A zero keeps what it may land on zero: zero bytes and spilled
        // zeros stay (check_stack_write_var_off's writing_zero).
        let zero = value.is_some_and(|v| v.is_null());
        let frame = &mut st.frames[frame_no];
        for o in lo..hi + size as i64 {
            let o = o as i32;
            let slot = frame.slot_mut(o);
            let b = byte_in_slot(o);
            if zero && slot.bytes[b] == SlotKind::Spill && slot.reg.is_null() {
                continue;
            }
            // A spill slot is scrubbed whole first (scrub_special_slot): its
            // zero bytes are data by then, and the byte is no longer zero.
            slot.scrub_spill();
            let kept = zero && slot.bytes[b] == SlotKind::Zero;
            slot.bytes[b] = if kept { SlotKind::Zero } else { SlotKind::Misc };
        }
    }
    Ok(Reg::scalar(Scalar::unknown_width(size)))
}

/// The kernel's refusal of the byte at `o` of a stack range read from `lo`
/// through R`regno` (`base`), `size` bytes at a time
/// (check_stack_range_initialized).
fn unreadable_stack(idx: u32, regno: u8, base: &Reg, lo: i64, o: i64, size: u32) -> VerifyError {
    VerifyError::at(
        idx,
        if base.fixed_offset() {
            format!(
                "invalid read from stack R{regno} off {lo}+{} size {size}",
                o - lo
            )
        } else {
            format!(
                "invalid read from stack R{regno} var_off {}+{} size {size}",
                crate::describe::tnum_str(&base.var),
                o - lo
            )
        },
    )
}

/// Whether a store of zero at a variable offset of `base + off` kept
/// zeros it may have landed on: the kernel then makes the stored register
/// precise, since the stack's zeros depend on it.
fn kept_zeros(st: &State, base: &Reg, off: i32, size: u32) -> bool {
    let frame = &st.frames[base.aux as usize];
    let fixed = (base.off + off) as i64;
    (fixed + base.var.smin..fixed + base.var.smax + size as i64).any(|o| {
        frame
            .slot(o as i32)
            .is_some_and(|slot| match slot.bytes[byte_in_slot(o as i32)] {
                SlotKind::Zero => !slot.is_spill(),
                SlotKind::Spill => slot.reg.is_null(),
                _ => false,
            })
    })
}

/// The 8-byte writes of unknown data the kernel makes over the slots a
/// stack object (dynptr, iterator, IRQ flag) is about to fill, each as a
/// store would (check_mem_access before mark_stack_slots_*): a dynptr
/// overlapped is destroyed whole with its slices, a referenced one
/// refused, any other object or spill scrubbed.
pub fn object_writes(
    st: &mut State,
    frame: usize,
    off: i32,
    nslots: i32,
) -> Result<(), VerifyError> {
    let idx = st.insn;
    let callers = frame + 1 < st.frames.len();
    for n in 0..nslots {
        let at = off + n * 8;
        let destroyed = stack_write(&mut st.frames[frame], idx, at, 8, None, callers)?;
        crate::dynptr::invalidate_slices(st, destroyed);
        kill_buffer_slices(st, frame, at as i64, at as i64 + 8);
    }
    Ok(())
}

/// Slices whose stack buffer overlaps bytes `[lo, hi)` of `frame`, just
/// written or gone with the frame, become unknown numbers: what they read
/// may have changed under them.
pub fn kill_buffer_slices(st: &mut State, frame: usize, lo: i64, hi: i64) {
    st.for_each_reg(|r| {
        let Some((f, off)) = r.buf.get() else {
            return;
        };
        let off = i64::from(off);
        if r.ty == RegType::Mem && f == frame && off < hi && lo < off + i64::from(r.aux) {
            *r = Reg::UNKNOWN;
        }
    });
}

/// A store of `v` at fixed offset `fixed`: a spill, or bytes made
/// unknown or zero; with no value (an atomic's write, the kernel's
/// `value_regno < 0`), bytes made unknown. Returns the id of a dynptr the
/// store destroyed (0 for none).
fn stack_write(
    frame: &mut crate::state::Frame,
    idx: u32,
    fixed: i32,
    size: u32,
    value: Option<Reg>,
    callers: bool,
) -> Result<u32, VerifyError> {
    let first = byte_in_slot(fixed);
    // A pointer the kernel does not spill is written as data.
    let value = value.filter(|v| v.ty.is_spillable());
    let v = value.unwrap_or(Reg::UNKNOWN);
    let destroyed = match frame
        .slot(fixed)
        .and_then(|s| s.special().map(|k| (k, s.reg)))
    {
        Some((SlotKind::Dynptr, d)) if d.ref_obj_id != 0 => {
            return Err(VerifyError::at(idx, "cannot overwrite referenced dynptr"));
        }
        Some((SlotKind::Dynptr, _)) => crate::dynptr::destroy(frame, fixed),
        _ => 0,
    };
    let slot = frame.slot_mut(fixed);
    // Iterators and saved IRQ flags may be overwritten: a later use then
    // finds none (an iterator's reference stays held and leaks unless
    // destroyed).
    if slot.special().is_some() {
        slot.bytes = [SlotKind::Misc; 8];
    }
    // A pointer is spilled whole; one to the stack only into its own
    // frame, where a return cannot leave it dangling.
    if v.is_pointer() && size != 8 {
        return Err(VerifyError::at(idx, "invalid size of register spill"));
    }
    if v.ty == RegType::Stack && callers {
        return Err(VerifyError::at(
            idx,
            "cannot spill pointers to stack into stack frame of the caller",
        ));
    }
    if value.is_none() {
        slot.scrub_spill();
        for b in first..first + size as usize {
            slot.bytes[b] = SlotKind::Misc;
        }
    } else if size == 8 {
        slot.reg = v;
        slot.bytes = [SlotKind::Spill; 8];
    } else if v.ty == RegType::Scalar && fixed % 8 == 0 {
        // A scalar stored at the start of a slot is spilled in its
        // low bytes; a value wider than the store loses its links.
        let mut r = v;
        if width(&r) > size * 8 {
            r.id = 0;
        }
        slot.reg = r;
        for (b, kind) in slot.bytes.iter_mut().enumerate() {
            if b < size as usize {
                *kind = SlotKind::Spill;
            } else if *kind == SlotKind::Spill {
                *kind = SlotKind::Misc;
            }
        }
    } else {
        slot.scrub_spill();
        let k = if v.ty == RegType::Scalar && v.var.as_const() == Some(0) {
            SlotKind::Zero
        } else {
            SlotKind::Misc
        };
        for b in first..first + size as usize {
            slot.bytes[b] = k;
        }
    }
    Ok(destroyed)
}

/// A load from fixed offset `fixed`: a spilled register refilled, or the
/// bytes' known zeros, or an unknown scalar. A sign-extending load
/// (`sign_ext`) gets a refilled register whole, for the load extends it
/// instead of zero-extending it (coerce_reg_to_size_sx in its place).
fn stack_read(
    frame: &crate::state::Frame,
    idx: u32,
    fixed: i32,
    size: u32,
    sign_ext: bool,
) -> Result<Reg, VerifyError> {
    let first = byte_in_slot(fixed);
    let slot = frame
        .slot(fixed)
        .copied()
        .unwrap_or(crate::state::Slot::EMPTY);
    let spilled = slot.spill_size();
    if spilled == 8 && size == 8 {
        return Ok(slot.reg);
    }
    if spilled > 0 {
        if slot.reg.is_pointer() {
            return Err(VerifyError::at(idx, "invalid size of register fill"));
        }
        // A fill from the start of the spill restores the register.
        if size as usize <= spilled && first == 0 {
            // A narrower fill keeps its link while it keeps the value: the
            // value fits the loaded bits, and a sign-extending fill's sign
            // bit too.
            let mut r = slot.reg;
            if width(&r) + u32::from(sign_ext) > size * 8 {
                r.id = 0;
            }
            if !sign_ext {
                r.var = r.var.coerce(size);
            }
            return Ok(r);
        }
    }
    let bytes = &slot.bytes[first..first + size as usize];
    if bytes.iter().any(|b| b.is_object()) {
        return Err(VerifyError::at(
            idx,
            format!("invalid read from stack off {fixed}+0 size {size}"),
        ));
    }
    // Privileged programs may read uninitialised stack bytes.
    let spilled_zero =
        bytes.iter().all(|b| *b == SlotKind::Spill) && slot.reg.var.as_const() == Some(0);
    Ok(
        if spilled_zero || bytes.iter().all(|b| *b == SlotKind::Zero) {
            Reg::constant(0)
        } else {
            Reg::scalar(Scalar::unknown_width(size))
        },
    )
}

/// The kernel's width of a scalar: the bits its largest value needs.
fn width(r: &Reg) -> u32 {
    64 - r.var.umax.leading_zeros()
}

/// An access to an iterator's or a writable tracepoint's buffer
/// (`check_buffer_access`, `check_tp_buffer_access`): its size is known
/// only at attach time, when the kernel compares it with the furthest byte
/// the program touches; here only the start is checked.
fn buffer_access(
    idx: u32,
    regno: u8,
    base: &Reg,
    off: i32,
    size: u32,
    kind: Access,
) -> Result<Reg, VerifyError> {
    let ty = crate::describe::reg_type_str(base);
    let rdonly = base.flags.has(PtrFlags::RDONLY);
    if kind == Access::Write && rdonly {
        return Err(VerifyError::at(
            idx,
            format!("R{regno} cannot write into {ty}"),
        ));
    }
    let at = base.off + off;
    if at < 0 {
        let what = match base.ty {
            RegType::TpBuffer => "tracepoint",
            _ if rdonly => "rdonly",
            _ => "rdwr",
        };
        return Err(VerifyError::at(
            idx,
            format!("R{regno} invalid {what} buffer access: off={at}, size={size}"),
        ));
    }
    if base.var.as_const() != Some(0) {
        return Err(VerifyError::at(
            idx,
            format!(
                "R{regno} invalid variable buffer offset: off={at}, var_off={}",
                crate::describe::tnum_str(&base.var)
            ),
        ));
    }
    Ok(Reg::scalar(Scalar::unknown_width(size)))
}

/// Index within its 8-byte slot of the byte at (negative) stack offset `o`.
fn byte_in_slot(o: i32) -> usize {
    7 - ((-o - 1) % 8) as usize
}

/// The bounds a size argument in register `size_reg` must keep before the
/// memory it sizes is checked up to its largest value (the kernel's
/// check_mem_size_reg).
pub fn check_size_bounds(
    idx: u32,
    size_reg: u8,
    size: &Scalar,
    zero_ok: bool,
) -> Result<(), VerifyError> {
    if size.smin < 0 {
        return Err(VerifyError::at(
            idx,
            format!("R{size_reg} min value is negative, either use unsigned or 'var &= const'"),
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
    if size.umax >= MAX_VAR_SIZ {
        return Err(VerifyError::at(
            idx,
            format!(
                "R{size_reg} unbounded memory access, use 'var &= const' or 'if (var < const)'"
            ),
        ));
    }
    Ok(())
}

/// The largest size a variable-sized memory argument may have (BPF_MAX_VAR_SIZ).
const MAX_VAR_SIZ: u64 = 1 << 29;

/// What a callee does with memory it is given: the kernel's access type,
/// and its raw mode for memory the callee only fills.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MemUse {
    /// Reads it.
    Read,
    /// May write any of it, having read it (`BPF_WRITE`).
    Write,
    /// Fills it without reading (`MEM_UNINIT`, the kernel's raw mode),
    /// at a constant offset and of a constant size.
    Fill,
}

/// Checks that `[regno + 0, + size)` is memory a helper or kfunc argument
/// may `used` as it says; stack bytes written become initialised.
/// `nullable`: a helper's argument that may be NULL, whose register is
/// checked as it is (kfunc and global-function arguments are checked as
/// not NULL by their callers, as the kernel's check_mem_reg does).
pub fn check_mem_arg(
    env: &mut Env,
    st: &mut State,
    regno: u8,
    size: u32,
    used: MemUse,
    zero_ok: bool,
    nullable: bool,
) -> Result<(), VerifyError> {
    let idx = st.insn;
    let base = *st.reg(regno);
    let access = if nullable { access_typed } else { access };
    if size == 0 && !zero_ok {
        return Err(VerifyError::at(idx, "invalid zero-sized read"));
    }
    let write = used != MemUse::Read;
    let kind = if write { Access::Write } else { Access::Read };
    match base.ty {
        RegType::Stack => {
            let what = kind.direction();
            unbounded_stack_offset(idx, regno, &base, what)?;
            let fixed = base.off;
            let lo = fixed as i64 + base.var.smin;
            let hi = fixed as i64 + base.var.smax + size as i64;
            // The lowest byte must be on the stack even when no byte is
            // accessed (check_stack_access_within_bounds).
            if lo < -(crate::limits::MAX_STACK as i64) || lo >= 0 || hi > 0 {
                return Err(VerifyError::at(
                    idx,
                    if base.fixed_offset() {
                        format!("invalid{what} stack R{regno} off={fixed} size={size}")
                    } else {
                        format!(
                            "invalid variable-offset{what} stack R{regno} var_off={} off={fixed} size={size}",
                            crate::describe::tnum_str(&base.var)
                        )
                    },
                ));
            }
            // Memory the helper only fills (whose bytes its caller knows)
            // is written byte by byte as stores would; other memory it
            // writes is checked as written after being read
            // (check_stack_range_initialized).
            let raw = used == MemUse::Fill;
            env.stack_live
                .arg_access(regno, base.aux as usize, lo, hi, raw);
            let frame = &mut st.frames[base.aux as usize];
            // The stack reaches the lowest byte, accessed or not.
            frame.reach(lo as i32);
            for o in lo..hi {
                let o = o as i32;
                let b = byte_in_slot(o);
                let slot = frame.slot_mut(o);
                let kind = slot.bytes[b];
                let special = kind.is_object();
                // As the kernel's check_stack_range_initialized(): memory
                // read may hold none of them; memory the helper only
                // fills may not cover a dynptr (it may overwrite an
                // iterator or saved flags, which are then gone).
                if special && !raw {
                    return Err(unreadable_stack(idx, regno, &base, lo, o as i64, size));
                }
                if special && kind == SlotKind::Dynptr {
                    return Err(VerifyError::at(
                        idx,
                        format!("potential write to dynptr at off={o} disallowed"),
                    ));
                }
                if special {
                    slot.bytes = [SlotKind::Misc; 8];
                }
                // Privileged programs may pass uninitialised stack; a helper
                // writing it leaves initialised but unknown bytes. A store
                // destroys the spill it lands on; a write after a read
                // only one it covers a byte of, each other byte becoming
                // unknown alone.
                if raw || (write && kind == SlotKind::Spill) {
                    slot.scrub_spill();
                }
                if write {
                    slot.bytes[b] = SlotKind::Misc;
                }
            }
            Ok(())
        }
        // The kernel walks the struct for the access, a write too (which
        // only objects the program allocated, or a program type's write
        // rules, allow).
        RegType::BtfId => access(env, st, regno, 0, size, kind, Some(Reg::UNKNOWN)).map(|_| ()),
        // A helper's write into a key is refused in the helper's words (a
        // store says "write to change key").
        RegType::MapKey if write => Err(VerifyError::at(
            idx,
            format!(
                "R{regno} cannot write into {}",
                crate::describe::reg_type_str(&base)
            ),
        )),
        // Only a load reads untrusted memory by probing it: a callee's read
        // is bounded by its size, none (check_helper_mem_access).
        RegType::Mem if !write && base.flags.has(PtrFlags::RDONLY.with(PtrFlags::UNTRUSTED)) => {
            region_access(idx, regno, &base, 0, size, base.aux, mem_region).map(|_| ())
        }
        // Flow keys are a pointer type of their own in the kernel, no memory.
        ty if is_memory(ty) && !base.flags.has(PtrFlags::FLOW_KEYS) => {
            access(env, st, regno, 0, size, kind, Some(Reg::UNKNOWN)).map(|_| ())
        }
        // Helpers never take the context as memory (their argument types
        // exclude it); kfuncs and global functions may, where it is read
        // as it is.
        // (Zero bytes of it are no access at all.)
        RegType::Ctx if ctx::has(env, kfreg::ProgFlags::UNCONVERTED_CTX) => match size {
            0 => Ok(()),
            _ => access(env, st, regno, size as i32 - 1, 1, kind, Some(Reg::UNKNOWN)).map(|_| ()),
        },
        _ if base.is_null() && zero_ok => Ok(()),
        _ => Err(VerifyError::at(
            idx,
            format!(
                "R{regno} type={} expected=fp",
                crate::describe::reg_type_str(&base)
            ),
        )),
    }
}

/// Whether a helper may take a pointer of type `ty` as memory (the kernel's
/// `mem_types`; a kernel object must be trusted besides).
pub fn is_memory(ty: RegType) -> bool {
    matches!(
        ty,
        RegType::Stack
            | RegType::BtfId
            | RegType::MapValue
            | RegType::MapKey
            | RegType::Mem
            | RegType::Buf
            | RegType::Packet
            | RegType::PacketMeta
    )
}

/// An argument of a global function, before its type is checked (the
/// kernel's `check_func_arg_reg_off` for any type): memory of every kind,
/// and numbers, at any offset; a kernel object at a fixed one; anything
/// else unmoved, an uninitialised register as moved by an unknown amount.
/// Kfunc arguments go through it too when their register was never written.
pub fn arg_reg_off(idx: u32, r: u8, reg: &Reg) -> Result<(), VerifyError> {
    match reg.ty {
        RegType::Stack
        | RegType::Packet
        | RegType::PacketMeta
        | RegType::MapKey
        | RegType::MapValue
        | RegType::Mem
        | RegType::Buf
        | RegType::Scalar => Ok(()),
        RegType::BtfId if reg.off >= 0 => unmodified_ptr(idx, r, &Reg { off: 0, ..*reg }),
        RegType::NotInit => unmodified_ptr(
            idx,
            r,
            &Reg {
                var: Scalar::UNKNOWN,
                ..*reg
            },
        ),
        _ => unmodified_ptr(idx, r, reg),
    }
}

/// A released pointer must be unmoved: its fixed offset is named first,
/// then its variable one (check_func_arg_reg_off for `OBJ_RELEASE`).
pub fn release_reg_off(idx: u32, r: u8, reg: &Reg) -> Result<(), VerifyError> {
    if reg.off != 0 {
        return Err(VerifyError::at(
            idx,
            format!(
                "R{r} must have zero offset when passed to release func or trusted arg to kfunc"
            ),
        ));
    }
    unmodified_ptr(idx, r, reg)
}

/// A pointer passed to a helper, or the context `LD_ABS` reads, must point
/// where it started (the kernel's `__check_ptr_off_reg` without a fixed
/// offset allowed).
pub fn unmodified_ptr(idx: u32, r: u8, reg: &Reg) -> Result<(), VerifyError> {
    // Named only for an error: this runs on every context access.
    if reg.off == 0 && reg.var.as_const() == Some(0) {
        return Ok(());
    }
    let ty = crate::describe::reg_type_str(reg);
    if reg.off < 0 {
        return Err(VerifyError::at(
            idx,
            format!("negative offset {ty} ptr R{r} off={} disallowed", reg.off),
        ));
    }
    if reg.off != 0 {
        return Err(VerifyError::at(
            idx,
            format!(
                "dereference of modified {ty} ptr R{r} off={} disallowed",
                reg.off
            ),
        ));
    }
    if reg.var.as_const() != Some(0) {
        return Err(VerifyError::at(
            idx,
            format!(
                "variable {ty} access var_off={} disallowed",
                crate::describe::tnum_str(&reg.var)
            ),
        ));
    }
    Ok(())
}
