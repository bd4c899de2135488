//! Delta debugging on instructions: drop chunks of a program while a
//! property (the disagreement) still holds, keeping jumps pointing where
//! they pointed.

use kfreg_isa::Insn;

/// `insns` without the slots `a..b`, jumps retargeted: a jump into the removed
/// range lands on the first instruction after it. `None` when an offset no
/// longer fits its encoding.
pub fn remove(insns: &[Insn], a: usize, b: usize) -> Option<Vec<Insn>> {
    let gone = b - a;
    let map = |x: usize| -> usize {
        if x < a {
            x
        } else if x < b {
            a
        } else {
            x - gone
        }
    };
    let mut out = Vec::with_capacity(insns.len() - gone);
    for (i, insn) in insns.iter().enumerate() {
        if (a..b).contains(&i) {
            continue;
        }
        let fixed = match *insn {
            Insn::Ja { off } => {
                let t = target(i, off)?;
                Insn::Ja {
                    off: rel(map(i), map(t))?,
                }
            }
            Insn::Jmp {
                wide,
                op,
                dst,
                src,
                off,
            } => {
                let t = target(i, off as i32)?;
                Insn::Jmp {
                    wide,
                    op,
                    dst,
                    src,
                    off: i16::try_from(rel(map(i), map(t))?).ok()?,
                }
            }
            Insn::MayGoto { off } => {
                let t = target(i, off as i32)?;
                Insn::MayGoto {
                    off: i16::try_from(rel(map(i), map(t))?).ok()?,
                }
            }
            other => other,
        };
        out.push(fixed);
    }
    Some(out)
}

fn target(i: usize, off: i32) -> Option<usize> {
    usize::try_from(i as i64 + 1 + off as i64).ok()
}

fn rel(from: usize, to: usize) -> Option<i32> {
    i32::try_from(to as i64 - from as i64 - 1).ok()
}

/// The starts of the removable units: an `LD_IMM64` and its second slot go
/// together.
fn units(insns: &[Insn]) -> Vec<usize> {
    (0..insns.len())
        .filter(|&i| {
            !(insns[i] == Insn::LdImm64Tail
                && i > 0
                && matches!(insns[i - 1], Insn::LdImm64 { .. }))
        })
        .collect()
}

/// The smallest program found by removing instructions from `insns` while
/// `holds` stays true (`holds(insns)` is assumed). At most `max_tries`
/// candidates are tested.
pub fn minimise(
    insns: &[Insn],
    max_tries: usize,
    mut holds: impl FnMut(&[Insn]) -> bool,
) -> Vec<Insn> {
    let mut cur = insns.to_vec();
    let mut tries = 0;
    let mut n = 2usize;
    loop {
        let u = units(&cur);
        if u.len() <= 1 {
            break;
        }
        let n_eff = n.min(u.len());
        let chunk = u.len().div_ceil(n_eff);
        let mut progress = false;
        let mut k = 0;
        while k < u.len() {
            let a = u[k];
            let end_unit = (k + chunk).min(u.len());
            let b = if end_unit < u.len() {
                u[end_unit]
            } else {
                cur.len()
            };
            if tries >= max_tries {
                return cur;
            }
            if let Some(cand) = remove(&cur, a, b).filter(|c| !c.is_empty()) {
                tries += 1;
                if holds(&cand) {
                    cur = cand;
                    progress = true;
                    break;
                }
            }
            k += chunk;
        }
        if progress {
            n = n.saturating_sub(1).max(2);
        } else if chunk == 1 {
            break;
        } else {
            n = (n * 2).min(u.len());
        }
    }
    cur
}

#[cfg(test)]
mod tests {
    use super::*;
    use kfreg_isa::{AluOp, JmpOp, Src};

    fn mov(dst: u8, imm: i32) -> Insn {
        Insn::Alu {
            wide: true,
            op: AluOp::Mov,
            dst,
            src: Src::Imm(imm),
        }
    }

    #[test]
    fn removal_retargets_jumps() {
        let jmp = |off| Insn::Jmp {
            wide: true,
            op: JmpOp::Eq,
            dst: 1,
            src: Src::Imm(0),
            off,
        };
        // 0: if r1 == 0 goto 3; 1; 2; 3: exit
        let p = vec![jmp(2), mov(1, 1), mov(2, 2), Insn::Exit];
        let q = remove(&p, 1, 2).unwrap();
        assert_eq!(q, vec![jmp(1), mov(2, 2), Insn::Exit]);
        // A jump whose target is removed lands on the next survivor.
        let q = remove(&p, 2, 4).unwrap();
        assert_eq!(q, vec![jmp(1), mov(1, 1)]);
        // Backward jumps.
        let p = vec![mov(1, 1), mov(2, 2), Insn::Ja { off: -3 }];
        assert_eq!(
            remove(&p, 1, 2).unwrap(),
            vec![mov(1, 1), Insn::Ja { off: -2 }]
        );
    }

    #[test]
    fn minimises_to_the_instructions_the_property_needs() {
        // The property: r3 = 7 comes before r5 = 9, and the program exits.
        let mut p: Vec<Insn> = (0..40).map(|i| mov((i % 3) as u8, i)).collect();
        p.insert(11, mov(3, 7));
        p.insert(30, mov(5, 9));
        p.push(Insn::Exit);
        let holds = |q: &[Insn]| {
            let a = q.iter().position(|i| *i == mov(3, 7));
            let b = q.iter().position(|i| *i == mov(5, 9));
            matches!((a, b), (Some(a), Some(b)) if a < b) && q.last() == Some(&Insn::Exit)
        };
        let m = minimise(&p, 10_000, holds);
        assert_eq!(m, vec![mov(3, 7), mov(5, 9), Insn::Exit]);
    }

    #[test]
    fn keeps_ld_imm64_slots_together() {
        let ld = Insn::LdImm64 {
            dst: 1,
            pseudo: kfreg_isa::Pseudo::Imm,
            imm: 1,
            imm_hi: 2,
        };
        let p = vec![mov(0, 0), ld, Insn::LdImm64Tail, Insn::Exit];
        let m = minimise(&p, 1000, |q| q.contains(&ld));
        assert_eq!(m, vec![ld, Insn::LdImm64Tail]);
    }
}
