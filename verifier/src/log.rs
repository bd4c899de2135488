//! Kernel-style text: register type names, tnums, and log lines.

use crate::describe::{is_snum_decimal, reg_type_str, tnum_str, unum};
use crate::env::Env;
use crate::scalar::Scalar;
use crate::state::{ADD_CONST, PtrFlags, Reg, RegType};

/// The log line for instruction `idx`: `IDX: (CODE) TEXT`.
pub fn insn_line(env: &Env, idx: usize) -> String {
    let raw = kfreg_isa::encode(&env.prog.insns[idx..=idx]);
    let syms = Names { env };
    kfreg_isa::disasm::format_insn(&env.prog.insns, idx, &raw[0], &syms)
}

struct Names<'a, 'b> {
    env: &'a Env<'b>,
}

impl kfreg_isa::disasm::Symbols for Names<'_, '_> {
    fn kfunc_name(&self, btf_id: i32) -> Option<&str> {
        let id = self.env.prog.kfuncs.get(&btf_id)?;
        Some(self.env.reg.get(*id).name)
    }
    fn kernel_imm64(&self) -> bool {
        true
    }
}

/// The kernel's `verbose_snum()`: small numbers in decimal, others in hex.
fn snum(n: i64) -> String {
    if is_snum_decimal(n) {
        n.to_string()
    } else {
        format!("{:#x}", n as u64)
    }
}

/// The kernel's `print_scalar_ranges()`: bounds other than the defaults,
/// equal ones merged (`smax=umax=7`), signed and unsigned kept apart
/// when negative.
fn ranges(v: &Scalar, out: &mut Vec<String>) {
    let s32 = |x: i32| {
        if is_snum_decimal(x as i64) {
            x as i64 as u64
        } else {
            x as u32 as u64
        }
    };
    let mut m = [
        ("smin", v.smin as u64, v.smin == i64::MIN),
        ("smax", v.smax as u64, v.smax == i64::MAX),
        ("umin", v.umin, v.umin == 0),
        ("umax", v.umax, v.umax == u64::MAX),
        ("smin32", s32(v.s32min), v.s32min == i32::MIN),
        ("smax32", s32(v.s32max), v.s32max == i32::MAX),
        ("umin32", v.u32min as u64, v.u32min == 0),
        ("umax32", v.u32max as u64, v.u32max == u32::MAX),
    ];
    for i in 0..m.len() {
        let (name, val, omit) = m[i];
        if omit {
            continue;
        }
        let neg = name.starts_with('s') && (val as i64) < 0;
        let mut text = format!("{name}=");
        for j in (i + 2..m.len()).step_by(2) {
            let (n2, v2, o2) = m[j];
            if o2 || v2 != val || (n2.starts_with('s') && (v2 as i64) < 0) != neg {
                continue;
            }
            m[j].2 = true;
            text += &format!("{n2}=");
        }
        text += &if name.starts_with('s') {
            snum(val as i64)
        } else {
            unum(val)
        };
        out.push(text);
    }
}

/// A scalar linked to `id` at delta `off`: the kernel prints the delta
/// with its sign (`id=3+1`, `id=3-4086`, `id=3+0`).
fn linked_id(id: u32, off: i32) -> String {
    format!("id={id}{off:+}")
}

/// The kernel's `print_reg_state()` for register `r` of frame `frame`.
pub fn reg_state(env: &Env, frame: usize, r: &Reg) -> String {
    if r.ty == RegType::Scalar {
        let p = if r.precise { "P" } else { "" };
        if let Some(c) = r.var.as_const() {
            return format!("{p}{}", snum(c as i64));
        }
        let mut parts = Vec::new();
        if r.id & ADD_CONST != 0 {
            parts.push(linked_id(r.id & !ADD_CONST, r.off));
        } else if r.id != 0 {
            parts.push(format!("id={}", r.id));
        }
        ranges(&r.var, &mut parts);
        if r.var.var != crate::tnum::Tnum::UNKNOWN {
            parts.push(format!("var_off={}", tnum_str(&r.var)));
        }
        return format!("{p}scalar({})", parts.join(","));
    }
    let mut s = reg_type_str(r);
    if r.ty == RegType::Stack {
        if r.aux as usize != frame {
            s += &format!("[{}]", r.aux);
        }
        if let Some(c) = r.var.as_const() {
            return s + &snum(c as i64 + r.off as i64);
        }
    }
    if r.ty == RegType::BtfId {
        s += env.type_name(r);
    }
    let mut parts = Vec::new();
    if r.id != 0 {
        parts.push(format!("id={}", r.id));
    }
    if r.ref_obj_id != 0 {
        parts.push(format!("ref_obj_id={}", r.ref_obj_id));
    }
    if r.flags.has(PtrFlags::NON_OWN) {
        parts.push("non_own_ref".into());
    }
    if matches!(
        r.ty,
        RegType::ConstMap | RegType::MapValue | RegType::MapKey
    ) && let Some(m) = env.prog.maps.get(r.aux as usize)
    {
        if !m.name.is_empty() {
            parts.push(format!("map={}", m.name));
        }
        parts.push(format!("ks={},vs={}", m.key_size, m.value_size));
    }
    if r.off != 0 {
        parts.push(format!("off={}", snum(r.off as i64)));
    }
    if matches!(r.ty, RegType::Packet | RegType::PacketMeta) {
        parts.push(format!("r={}", unum(r.packet_range() as i64 as u64)));
    }
    // Flow keys are a pointer type of their own in the kernel, not memory.
    if r.ty == RegType::Mem && !r.flags.has(PtrFlags::FLOW_KEYS) {
        parts.push(format!("sz={}", unum(r.aux as u64)));
        if let Some((frame, off)) = r.buf.get() {
            parts.push(format!("buf=fp[{frame}]{off}+{}", r.aux));
        }
    }
    if r.ty == RegType::ConstDynptr {
        let kind = crate::state::dynptr_kind(r.aux).map_or("<invalid>", |k| k.name());
        parts.push(format!("type={kind}"));
    }
    match r.var.as_const() {
        Some(0) => {}
        Some(c) => parts.push(format!("imm={}", snum(c as i64))),
        None => {
            ranges(&r.var, &mut parts);
            if r.var.var != crate::tnum::Tnum::UNKNOWN {
                parts.push(format!("var_off={}", tnum_str(&r.var)));
            }
        }
    }
    format!("{s}({})", parts.join(","))
}

/// What stack slot `i` shows, as the kernel's `print_verifier_state()`
/// prints it, with the slot it is printed as (`None`: never written, or
/// not an iterator's main slot). A dynptr is printed as its second slot
/// from the one met first, the one its pointer names (the kernel skips to
/// it without asking whether it was scratched); an iterator at its main
/// slot, the one its pointer names.
fn slot_state(
    env: &Env,
    frame: usize,
    stack: &[crate::state::Slot],
    i: usize,
) -> Option<(usize, String)> {
    use crate::state::SlotKind;
    let s = &stack[i];
    if s.bytes.iter().all(|b| *b == SlotKind::Invalid) {
        return None;
    }
    // The kernel's kind of a slot is that of its lowest byte.
    match s.bytes[0] {
        SlotKind::Dynptr => {
            let at = i + 1;
            let d = stack.get(at).map_or(crate::state::Reg::NOT_INIT, |s| s.reg);
            let kind = crate::state::dynptr_kind(d.aux).map_or("<invalid>", |k| k.name());
            let mut parts = Vec::new();
            if d.id != 0 {
                parts.push(format!("id={}", d.id));
            }
            if d.ref_obj_id != 0 {
                parts.push(format!("ref_id={}", d.ref_obj_id));
            }
            // The kernel's dynptr_id shares its bytes with the slot's
            // first_slot flag: 1 on the slot the dynptr's pointer names.
            let first = stack
                .get(i)
                .is_some_and(|s| s.bytes[0] == SlotKind::Dynptr && s.reg.id == d.id);
            if first {
                parts.push("dynptr_id=1".into());
            }
            return Some((at, format!("dynptr_{kind}({})", parts.join(","))));
        }
        SlotKind::Iter => {
            // Only an iterator's first slot carries its reference.
            if s.reg.ref_obj_id == 0 {
                return None;
            }
            let name = kfreg::open_coded_iter_name(kfreg_object::kernel_types::name(s.reg.aux));
            let state = if s.reg.flags.has(PtrFlags::ITER_DRAINED) {
                "drained"
            } else {
                "active"
            };
            return Some((
                i,
                format!(
                    "iter_{name}(ref_id={},state={state},depth={})",
                    s.reg.ref_obj_id, s.reg.off
                ),
            ));
        }
        _ => {}
    }
    // The kernel lists a slot's bytes from the highest address down.
    let chars: String = s
        .bytes
        .iter()
        .rev()
        .map(|b| match b {
            SlotKind::Invalid => '?',
            SlotKind::Misc => 'm',
            SlotKind::Zero => '0',
            SlotKind::Spill => 'r',
            SlotKind::Dynptr => 'd',
            SlotKind::Iter => 'i',
            SlotKind::IrqFlag => 'f',
        })
        .collect();
    Some((
        i,
        match s.bytes[0] {
            SlotKind::Spill => {
                let above: String = chars.chars().take_while(|c| *c != 'r').collect();
                above + &reg_state(env, frame, &s.reg)
            }
            _ => chars,
        },
    ))
}

/// The kernel's `print_verifier_state()` for the current frame: every
/// register and slot, or (`only`) those the instruction touched.
pub fn state_str(env: &Env, st: &crate::state::State, only: Option<(u16, u64)>) -> String {
    frame_str(env, st, st.frames.len() - 1, only, 0)
}

/// [`state_str`] of frame `f`, without the registers in `hidden` (a
/// caller's arguments, which the kernel has cleared by the time it prints
/// the caller at a call).
pub fn frame_str(
    env: &Env,
    st: &crate::state::State,
    f: usize,
    only: Option<(u16, u64)>,
    hidden: u16,
) -> String {
    let frame = &st.frames[f];
    let mut out = String::new();
    if f > 0 {
        out += &format!(" frame{f}:");
    }
    for (i, r) in frame.regs.iter().enumerate() {
        if r.ty == RegType::NotInit
            || hidden & 1 << i != 0
            || only.is_some_and(|(m, _)| m & 1 << i == 0)
        {
            continue;
        }
        out += &format!(" R{i}={}", reg_state(env, f, r));
    }
    let mut i = 0;
    while i < frame.stack.len() {
        let shown = only.is_none_or(|(_, slots)| i < 64 && slots & 1 << i != 0);
        if shown && let Some((at, text)) = slot_state(env, f, &frame.stack, i) {
            out += &format!(" fp{}={text}", -8 * (at as i64 + 1));
            i = at;
        }
        i += 1;
    }
    // Like the kernel, nothing when the first is a lock taken through a
    // pointer without an id.
    let refs: Vec<String> = st
        .refs
        .iter()
        .filter(|r| r.id != 0)
        .map(|r| r.id.to_string())
        .collect();
    if st.refs.first().is_some_and(|r| r.id != 0) {
        out += &format!(" refs={}", refs.join(","));
    }
    if let Some(cb) = frame.in_callback {
        out += if cb.is_async { " async_cb" } else { " cb" };
    }
    out
}

/// The registers an instruction reads or writes, as the kernel marks them
/// for the state it prints after the instruction.
pub fn touched_regs(insn: &kfreg_isa::Insn) -> u16 {
    use kfreg_isa::{Insn, Src};
    let reg = |r: u8| 1u16 << r;
    let src = |s: &Src| match s {
        Src::Reg(r) => reg(*r),
        Src::Imm(_) => 0,
    };
    match insn {
        Insn::Alu { dst, src: s, .. } | Insn::Jmp { dst, src: s, .. } => reg(*dst) | src(s),
        Insn::End { dst, .. } | Insn::LdImm64 { dst, .. } | Insn::St { dst, .. } => reg(*dst),
        Insn::Ldx { dst, src, .. } | Insn::Stx { dst, src, .. } => reg(*dst) | reg(*src),
        // Only a compare-exchange reads and writes R0.
        Insn::Atomic {
            op: kfreg_isa::AtomicOp::CmpXchg,
            dst,
            src,
            ..
        } => reg(*dst) | reg(*src) | reg(0),
        Insn::Atomic { dst, src, .. } => reg(*dst) | reg(*src),
        Insn::Call(_) => 0b11_1111,
        // R6, the context, is read too, and an indirect load's index.
        Insn::LdPkt { src, .. } => 0b111_1111 | src.map_or(0, reg),
        // A return prints both frames whole instead; the main exit ends
        // the path.
        Insn::Exit => 0,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_linked_delta_prints_with_its_sign() {
        assert_eq!(super::linked_id(3, 1), "id=3+1");
        assert_eq!(super::linked_id(309, -4086), "id=309-4086");
        assert_eq!(super::linked_id(161, 0), "id=161+0");
    }
}
