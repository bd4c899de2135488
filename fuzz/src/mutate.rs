//! Single-rule mutations of generated programs.
//!
//! Most generated programs keep every rule, so a rule is broken only where
//! the generator chose to break it. A mutation changes one instruction in a
//! way that breaks at most one rule (drops a NULL check, a bounds check or
//! an initialisation, moves an access by a few bytes, widens it, names
//! another register, inverts a test, turns a loop's exit around), which is
//! where a verifier that is right on whole programs is most often wrong.
//! The instruction count never changes, so jumps keep their targets.

use crate::rng::Rng;
use kfreg_isa::{AtomicOp, Insn, JmpOp, Size, Src};

/// Applies one mutation to `insns` (never to the final `r0 = 0; exit`).
pub fn mutate(insns: &mut [Insn], rng: &mut Rng) {
    let body = insns.len().saturating_sub(2);
    // A few tries: the picked instruction may not take the picked mutation.
    for _ in 0..8 {
        if body == 0 {
            return;
        }
        let i = rng.below(body as u64) as usize;
        if mutate_at(insns, i, rng) {
            return;
        }
    }
}

/// Mutates instruction `i`; `false` when the mutation picked does not apply.
fn mutate_at(insns: &mut [Insn], i: usize, rng: &mut Rng) -> bool {
    let len = insns.len();
    match rng.below(7) {
        // Drop the instruction: a check, an initialisation, a release.
        0 => match insns[i] {
            Insn::LdImm64 { .. } if i + 1 < len => {
                insns[i] = Insn::Ja { off: 1 };
                insns[i + 1] = Insn::Ja { off: 0 };
                true
            }
            Insn::LdImm64Tail | Insn::Exit => false,
            _ => {
                insns[i] = Insn::Ja { off: 0 };
                true
            }
        },
        // Move a memory access by a few bytes.
        1 => {
            let d = *rng.pick(&[-8i16, -4, -2, -1, 1, 2, 4, 8]);
            match &mut insns[i] {
                Insn::Ldx { off, .. }
                | Insn::St { off, .. }
                | Insn::Stx { off, .. }
                | Insn::Atomic { off, .. } => {
                    *off = off.saturating_add(d);
                    true
                }
                _ => false,
            }
        }
        // Access another width.
        2 => {
            let s = *rng.pick(&[Size::B, Size::H, Size::W, Size::DW]);
            match &mut insns[i] {
                Insn::Ldx { size, .. } | Insn::St { size, .. } | Insn::Stx { size, .. } => {
                    *size = s;
                    true
                }
                Insn::Atomic { size, op, .. }
                    if !matches!(op, AtomicOp::LoadAcquire | AtomicOp::StoreRelease) =>
                {
                    *size = if *size == Size::W { Size::DW } else { Size::W };
                    true
                }
                _ => false,
            }
        }
        // Name another register.
        3 => {
            let r = rng.below(11) as u8;
            let src_side = rng.pct(50);
            match &mut insns[i] {
                Insn::Alu { dst, src, .. } | Insn::Jmp { dst, src, .. } => {
                    match src {
                        Src::Reg(s) if src_side => *s = r,
                        _ => *dst = r,
                    }
                    true
                }
                Insn::Ldx { dst, src, .. }
                | Insn::Stx { dst, src, .. }
                | Insn::Atomic { dst, src, .. } => {
                    if src_side {
                        *src = r;
                    } else {
                        *dst = r;
                    }
                    true
                }
                Insn::St { dst, .. } | Insn::End { dst, .. } => {
                    *dst = r;
                    true
                }
                _ => false,
            }
        }
        // Invert or change a test.
        4 => match &mut insns[i] {
            Insn::Jmp { op, wide, .. } => {
                if rng.pct(25) {
                    *wide = !*wide;
                } else {
                    *op = if rng.pct(50) {
                        negate(*op)
                    } else {
                        *rng.pick(&ALL_JMP)
                    };
                }
                true
            }
            _ => false,
        },
        // Another immediate: a boundary value or one off.
        5 => {
            let pick = |rng: &mut Rng, v: i32| match rng.below(6) {
                0 => 0,
                1 => -1,
                2 => v.wrapping_add(1),
                3 => v.wrapping_sub(1),
                4 => i32::MIN,
                _ => i32::MAX,
            };
            match &mut insns[i] {
                Insn::Alu {
                    src: Src::Imm(v), ..
                }
                | Insn::Jmp {
                    src: Src::Imm(v), ..
                }
                | Insn::St { imm: v, .. } => {
                    *v = pick(rng, *v);
                    true
                }
                Insn::Alu { wide, .. } => {
                    *wide = !*wide;
                    true
                }
                _ => false,
            }
        }
        // A jump lands one instruction further or nearer: skips or repeats
        // one instruction, or turns a loop's exit around.
        _ => {
            let d = if rng.pct(50) { 1 } else { -1 };
            let target = |off: i64| i as i64 + 1 + off + d;
            let ok = |t: i64| {
                t >= 0 && (t as usize) < len && !matches!(insns[t as usize], Insn::LdImm64Tail)
            };
            match insns[i] {
                Insn::Jmp { off, .. } | Insn::MayGoto { off } if ok(target(off as i64)) => {
                    match &mut insns[i] {
                        Insn::Jmp { off, .. } | Insn::MayGoto { off } => *off += d as i16,
                        _ => unreachable!(),
                    }
                    true
                }
                Insn::Ja { off } if ok(target(off as i64)) => {
                    insns[i] = Insn::Ja {
                        off: off + d as i32,
                    };
                    true
                }
                _ => false,
            }
        }
    }
}

const ALL_JMP: [JmpOp; 11] = [
    JmpOp::Eq,
    JmpOp::Gt,
    JmpOp::Ge,
    JmpOp::Set,
    JmpOp::Ne,
    JmpOp::Sgt,
    JmpOp::Sge,
    JmpOp::Lt,
    JmpOp::Le,
    JmpOp::Slt,
    JmpOp::Sle,
];

/// The test that is true exactly when `op` is false (`Set` has none: `Eq`).
fn negate(op: JmpOp) -> JmpOp {
    match op {
        JmpOp::Eq => JmpOp::Ne,
        JmpOp::Ne => JmpOp::Eq,
        JmpOp::Gt => JmpOp::Le,
        JmpOp::Le => JmpOp::Gt,
        JmpOp::Ge => JmpOp::Lt,
        JmpOp::Lt => JmpOp::Ge,
        JmpOp::Sgt => JmpOp::Sle,
        JmpOp::Sle => JmpOp::Sgt,
        JmpOp::Sge => JmpOp::Slt,
        JmpOp::Slt => JmpOp::Sge,
        JmpOp::Set => JmpOp::Eq,
    }
}
