//! ALU instructions: scalar arithmetic and the rules of pointer arithmetic.

use crate::access::MAX_VAR_OFF;
use crate::describe::alu_op_name;
use crate::env::{Env, VerifyError};
use crate::scalar::Scalar;
use crate::state::{ADD_CONST, ADD_CONST32, ADD_CONST64, PtrFlags, Reg, RegType, State};
use kfreg_isa::{AluOp, Src};

/// Checks and applies `dst op= src`.
pub fn check_alu(
    env: &mut Env,
    st: &mut State,
    wide: bool,
    op: AluOp,
    dst: u8,
    src: Src,
) -> Result<Option<State>, VerifyError> {
    let idx = st.insn;
    let err = |msg: String| Err(VerifyError::at(idx, msg));
    let src_reg = env.src_operand(st, src, wide)?;
    if !matches!(op, AluOp::Mov | AluOp::MovSx(_)) {
        env.check_reg_read(st, dst)?;
    }
    // The immediate is judged before the destination may be written
    // (check_alu_op: `w10 /= 0` is a division by zero first).
    if let Src::Imm(i) = src {
        match op {
            AluOp::Div | AluOp::Mod | AluOp::SDiv | AluOp::SMod if i == 0 => {
                return err("div by zero".into());
            }
            AluOp::Lsh | AluOp::Rsh | AluOp::Arsh if i < 0 || i >= if wide { 64 } else { 32 } => {
                return err(format!("invalid shift {i}"));
            }
            _ => {}
        }
    }
    env.check_reg_write(st, dst)?;
    let fork = fork_on_sign(st, op, dst, &src_reg);
    // A copy of an unknown number is linked to its source (the kernel's
    // assign_scalar_id_before_mov): what a later test learns about one,
    // the other learns too. A 32-bit copy links only a value that fits, a
    // sign-extending one only a value the extension leaves alone.
    let mut src_reg = src_reg;
    let mut linked = false;
    let link_bits = match op {
        AluOp::Mov => Some(if wide { 64 } else { 32 }),
        AluOp::MovSx(bits) => Some(bits as u32 - 1),
        _ => None,
    };
    if let (Some(bits), Src::Reg(s)) = (link_bits, src) {
        linked = link_scalar(env, st, s, bits);
        src_reg = *st.reg(s);
    }
    let dst_reg = *st.reg(dst);
    let result = match op {
        AluOp::Mov if !wide && linked => {
            let mut r = Reg::scalar(src_reg.var.zext32());
            r.id = src_reg.id;
            r
        }
        AluOp::Mov if wide => src_reg,
        // Privileged programs may turn a pointer into an unknown number,
        // zero-extended by a 32-bit move, sign-extending or not.
        AluOp::Mov | AluOp::MovSx(_) if !wide && src_reg.is_pointer() => {
            Reg::scalar(Scalar::unknown_width(4))
        }
        AluOp::Mov => Reg::scalar(src_reg.var.zext32()),
        AluOp::MovSx(_) if src_reg.is_pointer() => Reg::UNKNOWN,
        AluOp::MovSx(bits) => {
            let mut r = Reg::scalar(if wide {
                src_reg.var.sext_reg(bits as u32 / 8)
            } else {
                src_reg.var.sext_subreg(bits as u32 / 8)
            });
            if linked {
                r.id = src_reg.id;
            }
            r
        }
        AluOp::Neg if dst_reg.is_pointer() => Reg::UNKNOWN,
        _ if dst_reg.is_pointer() || src_reg.is_pointer() => {
            // The pointer's bounds will depend on the scalar's.
            match src {
                Src::Reg(s) if dst_reg.is_pointer() => env.mark_precise(st, s),
                _ if src_reg.is_pointer() => env.mark_precise(st, dst),
                _ => {}
            }
            pointer_alu(env, st, wide, op, dst, &dst_reg, &src_reg)?
        }
        AluOp::Neg => Reg::scalar(dst_reg.var.alu(AluOp::Neg, &dst_reg.var, wide)),
        _ => {
            let mut r = Reg::scalar(dst_reg.var.alu(op, &src_reg.var, wide));
            (r.id, r.off) = added_const_link(&dst_reg, op, &src_reg, wide);
            r
        }
    };
    *st.reg_mut(dst) = result;
    Ok(fork)
}

/// Before `dst &= K` or `dst |= K` on a scalar that is -1 or 0 (the
/// result of an arithmetic shift by its width less one, as compilers emit
/// for `x < 0 ? K : 0`), the kernel splits the path: this one goes on with
/// `dst` all ones, the one returned runs the instruction again with `dst`
/// 0 (its maybe_fork_scalars), once the operands are checked. Judged on the
/// full 64 bits first, then on the low 32.
fn fork_on_sign(st: &mut State, op: AluOp, dst: u8, src_reg: &Reg) -> Option<State> {
    let d = *st.reg(dst);
    if !matches!(op, AluOp::And | AluOp::Or)
        || d.ty != RegType::Scalar
        || src_reg.ty != RegType::Scalar
        || !src_reg.var.var.is_const()
    {
        return None;
    }
    // All 64 bits known drops the register's links; the low 32 keep them.
    let (zero, ones) = if (d.var.smin, d.var.smax) == (-1, 0) {
        (Reg::constant(0), Reg::constant(u64::MAX))
    } else if (d.var.s32min, d.var.s32max) == (-1, 0) {
        let with = |v| Reg {
            var: d.var.with_low32(v),
            ..d
        };
        (with(0), with(u32::MAX))
    } else {
        return None;
    };
    let mut branch = st.clone();
    *branch.reg_mut(dst) = zero;
    *st.reg_mut(dst) = ones;
    Some(branch)
}

/// The link a scalar keeps through `dst op src`: an addition or
/// subtraction of a constant keeps a linked scalar linked, with the
/// constant added as its offset (the kernel's `BPF_ADD_CONST`), when the
/// constant fits 32 signed bits (64-bit operations) or the scalar fits 32
/// bits (32-bit ones); a second such operation, and every other one,
/// unlinks it.
fn added_const_link(dst: &Reg, op: AluOp, src: &Reg, wide: bool) -> (u32, i32) {
    let constant = if wide {
        src.var
            .as_const()
            .and_then(|c| i32::try_from(c as i64).ok())
    } else {
        src.var
            .const32()
            .filter(|_| dst.var.umax <= u64::from(u32::MAX))
            .map(|c| c as i32)
    };
    let delta = constant.and_then(|c| match op {
        AluOp::Add => Some(c),
        AluOp::Sub => c.checked_neg(),
        _ => None,
    });
    let kind = if wide { ADD_CONST64 } else { ADD_CONST32 };
    match delta {
        Some(d) if dst.id != 0 && dst.id & ADD_CONST == 0 => (dst.id | kind, d),
        _ => (0, 0),
    }
}

#[allow(clippy::too_many_arguments)]
/// Gives scalar register `r` an identity, when it is an unknown number of
/// at most `bits` bits without one, so that copies share it (the kernel's
/// `assign_scalar_id_before_mov`). Returns whether `r` now has an identity.
pub fn link_scalar(env: &mut Env, st: &mut State, r: u8, bits: u32) -> bool {
    let reg = st.reg_mut(r);
    if reg.ty != RegType::Scalar || 64 - reg.var.umax.leading_zeros() > bits {
        return false;
    }
    // A copy of a copy plus a constant starts a link of its own: one
    // offset per link is all a link carries. A constant loses that link
    // too, and gets no new one, as it has nothing to learn.
    if reg.id & ADD_CONST != 0 {
        (reg.id, reg.off) = (0, 0);
    }
    if reg.id == 0 && reg.var.as_const().is_none() {
        reg.id = env.new_id();
    }
    reg.id != 0
}

fn pointer_alu(
    env: &mut Env,
    st: &State,
    wide: bool,
    op: AluOp,
    dst: u8,
    d: &Reg,
    s: &Reg,
) -> Result<Reg, VerifyError> {
    let idx = st.insn;
    let err = |msg: String| Err(VerifyError::at(idx, msg));
    // A privileged program may subtract pointers, in either width: the
    // difference is an unknown number.
    if d.is_pointer() && s.is_pointer() {
        if op == AluOp::Sub {
            return Ok(Reg::UNKNOWN);
        }
        return err(format!(
            "R{dst} pointer {} pointer prohibited",
            alu_op_name(op)
        ));
    }
    // Exactly one side is a pointer.
    let (ptr, scalar, ptr_is_dst) = if d.is_pointer() {
        (d, s, true)
    } else {
        (s, d, false)
    };
    if !wide {
        // 32 bits of a pointer make a meaningless number; only a
        // subtraction is allowed to make one.
        if op == AluOp::Sub {
            return Ok(Reg::UNKNOWN);
        }
        return err(format!("R{dst} 32-bit pointer arithmetic prohibited"));
    }
    if ptr.maybe_null() {
        return err(format!(
            "R{dst} pointer arithmetic on {} prohibited, null-check it first",
            crate::describe::reg_type_str(ptr)
        ));
    }
    // Untrusted memory is read through probing loads: the kernel keeps no
    // offset for it, whichever operand the pointer was.
    if ptr.ty == RegType::Mem && ptr.flags.has(PtrFlags::UNTRUSTED) {
        return Ok(*ptr);
    }
    let known = scalar.var.as_const();
    if ptr.flags.has(PtrFlags::FLOW_KEYS) && known.is_none() {
        return err(format!("R{dst} pointer arithmetic on flow_keys prohibited"));
    }
    match ptr.ty {
        RegType::ConstMap if known == Some(0) && op == AluOp::Add => {}
        RegType::ConstMap
        | RegType::PacketEnd
        | RegType::Sock
        | RegType::Socket
        | RegType::TcpSock
        | RegType::XdpSock => {
            return err(format!(
                "R{dst} pointer arithmetic on {} prohibited",
                crate::describe::reg_type_str(ptr)
            ));
        }
        _ => {}
    }
    // The operands' offsets are checked before the operator is.
    sane_scalar_offset(idx, scalar, ptr)?;
    sane_pointer_offset(idx, ptr, ptr)?;
    match op {
        AluOp::Add => {}
        AluOp::Sub if !ptr_is_dst => {
            return err(format!("R{dst} tried to subtract pointer from scalar"));
        }
        AluOp::Sub if ptr.ty == RegType::Stack => {
            return err(format!("R{dst} subtraction from stack pointer prohibited"));
        }
        AluOp::Sub => {}
        AluOp::And | AluOp::Or | AluOp::Xor => {
            return err(format!(
                "R{dst} bitwise operator {} on pointer prohibited",
                alu_op_name(op)
            ));
        }
        _ => {
            return err(format!(
                "R{dst} pointer arithmetic with {} operator prohibited",
                alu_op_name(op)
            ));
        }
    }
    let mut r = *ptr;
    // Moving a pointer a test put at or beyond the packet's end forgets
    // that finding: it starts again with no verified range (as the
    // running kernel shows `pkt(off=110,r=0)` after `+= 8`).
    if r.ty == RegType::Packet && r.packet_range() < 0 {
        r.aux = 0;
    }
    match known {
        Some(c) => {
            let delta = if op == AluOp::Sub {
                (c as i64).wrapping_neg()
            } else {
                c as i64
            };
            r.off = (r.off as i64 + delta) as i32;
        }
        None => {
            // Pointers carry no 32-bit bounds: the result's come from its
            // 64-bit bounds and bits alone.
            r.var = r.var.wide_only().alu(op, &scalar.var.wide_only(), true);
            if matches!(r.ty, RegType::Packet | RegType::PacketMeta) {
                // A variable offset gets a new identity; it keeps the
                // verified range only when it moves the pointer back by a
                // number known not to be negative.
                if op != AluOp::Sub || scalar.var.smin < 0 {
                    r.aux = 0;
                }
                r.id = env.new_id();
            }
        }
    }
    sane_pointer_offset(idx, &r, ptr)?;
    Ok(r)
}

/// The kernel's `check_reg_sane_offset_scalar()`, on the number added to a
/// pointer: its constant, or else its minimum, within `MAX_VAR_OFF`.
fn sane_scalar_offset(idx: u32, scalar: &Reg, ptr: &Reg) -> Result<(), VerifyError> {
    let max = MAX_VAR_OFF as i64;
    let fail = |msg: String| Err(VerifyError::at(idx, msg));
    // Named only for an error: this runs on every pointer arithmetic.
    let name = || crate::describe::reg_type_str(ptr);
    let v = &scalar.var;
    if let Some(c) = v.as_const() {
        let c = c as i64;
        if c >= max || c <= -max {
            return fail(format!(
                "math between {} pointer and {c} is not allowed",
                name()
            ));
        }
    }
    if v.smin == i64::MIN {
        return fail(format!(
            "math between {} pointer and register with unbounded min value is not allowed",
            name()
        ));
    }
    if v.smin >= max || v.smin <= -max {
        return fail(format!(
            "value {} makes {} pointer be out of bounds",
            v.smin,
            name()
        ));
    }
    Ok(())
}

/// The kernel's `check_reg_sane_offset_ptr()`, on the pointer operand and on
/// the result: its variable part's constant, its fixed offset, then its
/// variable part's minimum, each within `MAX_VAR_OFF`.
fn sane_pointer_offset(idx: u32, reg: &Reg, ptr: &Reg) -> Result<(), VerifyError> {
    let max = MAX_VAR_OFF as i64;
    let v = &reg.var;
    let known = v.as_const().map(|c| c as i64);
    let off = reg.off as i64;
    let bad = [known, Some(off), Some(v.smin)]
        .into_iter()
        .flatten()
        .find(|o| *o >= max || *o <= -max);
    match bad {
        Some(o) => Err(VerifyError::at(
            idx,
            format!(
                "{} pointer offset {o} is not allowed",
                crate::describe::reg_type_str(ptr)
            ),
        )),
        None => Ok(()),
    }
}
