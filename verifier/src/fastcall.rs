//! bpf_fastcall: calls that keep every register they do not use.
//!
//! Compilers surround such a call with spills and fills of the caller-saved
//! registers it leaves alone, at the bottom of the function's stack, so that
//! an older kernel still runs the program. The kernel finds those patterns
//! before verifying; once every other access of the function keeps out of
//! their slots, it removes them after verifying and counts the function's
//! stack only above them (its mark_fastcall_patterns,
//! check_fastcall_stack_contract and remove_fastcall_spills_fills).

use kfreg::{CType, Flags, HelperFlags, Registry};
use kfreg_isa::{Call, Insn, Size};
use kfreg_object::program::Program;

/// R0 to R5: what a call may clobber.
const CALLER_SAVED: u32 = 0b11_1111;

/// The patterns found and what the accesses made of them.
#[derive(Debug, Default)]
pub struct Fastcall {
    /// Per instruction: a spill or fill of a pattern.
    pattern: Vec<bool>,
    /// Per call instruction: the pairs removed after verification, when
    /// the callee is inlined as a bpf_fastcall.
    spills: Vec<u8>,
    /// Per subprogram: where its pattern slots end (the kernel's
    /// fastcall_stack_off): accesses below it from elsewhere break the
    /// contract. `i16::MIN` once broken; 0 without patterns.
    stack_off: Vec<i16>,
    /// Per subprogram: a pattern around a call that is not inlined keeps
    /// its slots in the stack depth.
    keep: Vec<bool>,
}

impl Fastcall {
    /// The patterns of every subprogram of `prog`, calls resolved as the
    /// verifier resolves them for its type; `target` holds the
    /// instructions jumps lead to, which no part of a pattern but its first
    /// spill may be.
    pub fn mark(
        prog: &Program,
        reg: &Registry,
        attach: Option<kfreg::AttachType>,
        target: &[bool],
    ) -> Fastcall {
        let n = prog.insns.len();
        let subs = prog.subprogs.len();
        let mut fc = Fastcall {
            pattern: vec![false; n],
            spills: vec![0; n],
            stack_off: vec![0; subs],
            keep: vec![false; subs],
        };
        for s in 0..subs {
            let range = prog.subprog_range(s);
            let lowest = prog.insns[range.clone()]
                .iter()
                .filter_map(|i| match *i {
                    Insn::Stx {
                        size: Size::DW,
                        dst: kfreg_isa::FP,
                        off,
                        ..
                    } => Some(off),
                    _ => None,
                })
                .fold(0, i16::min);
            for idx in range {
                if let Insn::Call(call) = prog.insns[idx]
                    && let Some((clobbered, inlined)) = summary(prog, reg, attach, call)
                {
                    fc.mark_call(prog, target, s, idx, lowest, clobbered, inlined);
                }
            }
        }
        fc
    }

    #[allow(clippy::too_many_arguments)]
    fn mark_call(
        &mut self,
        prog: &Program,
        target: &[bool],
        s: usize,
        idx: usize,
        lowest: i16,
        clobbered: u32,
        inlined: bool,
    ) {
        if clobbered == CALLER_SAVED {
            return;
        }
        let mut expected = !clobbered & CALLER_SAVED;
        let mut off = lowest;
        let mut i = 1;
        // Pairs `*(u64 *)(r10 + off) = rX ... call ... rX = *(u64 *)(r10 +
        // off)`, nearest the call at the lowest slot, each register once;
        // no instruction of the pattern but the first spill a jump target.
        while i <= 6 {
            let (Some(before), Some(&after)) = (idx.checked_sub(i), prog.insns.get(idx + i)) else {
                break;
            };
            if target[before + 1] || target[idx + i] {
                break;
            }
            let (
                Insn::Stx {
                    size: Size::DW,
                    dst: kfreg_isa::FP,
                    src,
                    off: so,
                },
                Insn::Ldx {
                    size: Size::DW,
                    dst,
                    src: kfreg_isa::FP,
                    off: lo,
                    sign_ext: false,
                },
            ) = (prog.insns[before], after)
            else {
                break;
            };
            if src != dst || expected & (1 << src) == 0 || so != off || lo != off {
                break;
            }
            expected &= !(1 << src);
            self.pattern[before] = true;
            self.pattern[idx + i] = true;
            i += 1;
            off = off.saturating_add(8);
        }
        if i == 1 {
            return;
        }
        if inlined {
            self.spills[idx] = (i - 1) as u8;
        } else {
            self.keep[s] = true;
        }
        self.stack_off[s] = self.stack_off[s].min(off);
    }

    /// A load or store of the stack at `off` by instruction `idx`, checked
    /// against subprogram `s`'s patterns: outside them, in their slots,
    /// it breaks the contract and no pattern of `s` is removed.
    pub fn access(&mut self, prog: &Program, s: usize, idx: u32, off: i32) {
        let Some(&end) = self.stack_off.get(s) else {
            return;
        };
        if i32::from(end) <= off || self.pattern[idx as usize] {
            return;
        }
        self.stack_off[s] = i16::MIN;
        for i in prog.subprog_range(s) {
            self.spills[i] = 0;
            self.pattern[i] = false;
        }
    }

    /// Subprogram `s`'s stack depth once its patterns are removed, when
    /// some are and none has to stay.
    pub fn depth(&self, prog: &Program, s: usize) -> Option<u32> {
        let removed = self.spills[prog.subprog_range(s)].iter().any(|&n| n > 0);
        (removed && !self.keep[s]).then(|| (-i32::from(self.stack_off[s])) as u32)
    }
}

/// The registers a call clobbers, and whether the kernel inlines it as a
/// bpf_fastcall; `None` for a call it cannot resolve (refused later).
fn summary(
    prog: &Program,
    reg: &Registry,
    attach: Option<kfreg::AttachType>,
    call: Call,
) -> Option<(u32, bool)> {
    match call {
        Call::Helper(id) => {
            let h = reg
                .helpers()
                .get_for(u32::try_from(id).ok()?, prog.prog_type, attach)?;
            let returns = h.ret.ty != kfreg::RetType::Void;
            Some((
                clobbers(returns, h.used_args().len()),
                h.has(HelperFlags::FASTCALL),
            ))
        }
        Call::Kfunc { btf_id, .. } => {
            let &id = prog.kfuncs.get(&btf_id)?;
            let k = reg.get(id);
            let returns = k.ret_ty != CType::Void;
            Some((
                clobbers(returns, k.params.len()),
                reg.flags(id).contains(Flags::FASTCALL),
            ))
        }
        Call::Local(_) => Some((CALLER_SAVED, false)),
    }
}

/// The registers a call with `args` arguments clobbers: R0 when it returns
/// a value, R1 up to its last argument.
fn clobbers(returns: bool, args: usize) -> u32 {
    let args = ((1u32 << args.min(5)) - 1) << 1;
    args | u32::from(returns)
}
