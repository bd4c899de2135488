//! Control flow: subprogram boundaries, jump targets, unreachable code, and
//! where states are stored for pruning.

use crate::env::{Env, VerifyError};
use kfreg_isa::{Call, Insn, Pseudo};
use kfreg_object::program::{Program, Subprog};

/// Adds a subprogram for every BPF-to-BPF call target and function pointer
/// that is not one yet (programs assembled from text have none).
pub fn discover_subprogs(prog: &mut Program) {
    let mut starts: Vec<u32> = prog.subprogs.iter().map(|s| s.start).collect();
    for (i, insn) in prog.insns.iter().enumerate() {
        let off = match insn {
            Insn::Call(Call::Local(off)) => *off,
            Insn::LdImm64 {
                pseudo: Pseudo::Func,
                imm,
                ..
            } => *imm,
            _ => continue,
        };
        let target = i as i64 + 1 + off as i64;
        if target >= 0 && (target as usize) < prog.insns.len() && !starts.contains(&(target as u32))
        {
            starts.push(target as u32);
            prog.subprogs.push(Subprog {
                start: target as u32,
                name: format!("func#{}", prog.subprogs.len()),
                global: false,
                ret_scalar: true,
                args: None,
            });
        }
    }
    prog.subprogs.sort_by_key(|s| s.start);
    starts.sort_unstable();
}

/// Where control may go after instruction `i` (targets may be out of range).
fn successors(insn: &Insn, i: usize) -> (Option<i64>, Option<i64>) {
    let rel = |off: i64| i as i64 + 1 + off;
    match *insn {
        Insn::Exit => (None, None),
        Insn::Ja { off } => (Some(rel(off as i64)), None),
        Insn::Jmp { off, .. } | Insn::MayGoto { off } => {
            (Some(i as i64 + 1), Some(rel(off as i64)))
        }
        Insn::LdImm64 { .. } => (Some(i as i64 + 2), None),
        _ => (Some(i as i64 + 1), None),
    }
}

/// The kernel's first checks of the functions (add_subprog and
/// check_subprogs): every call goes to an instruction; then, instruction
/// by instruction, no jump leaves its function and every function ends in
/// an exit or a jump.
pub fn check_subprogs(env: &mut Env) -> Result<(), VerifyError> {
    let prog = env.prog;
    let n = prog.insns.len();
    if n == 0 {
        return Err(VerifyError {
            insn: None,
            msg: "last insn is not an exit or jmp".into(),
        });
    }
    let subs = &prog.subprogs;
    for (i, insn) in prog.insns.iter().enumerate() {
        if let Insn::Call(Call::Local(off))
        | Insn::LdImm64 {
            pseudo: Pseudo::Func,
            imm: off,
            ..
        } = *insn
        {
            let t = i as i64 + 1 + off as i64;
            if !subs.iter().any(|s| s.start as i64 == t) {
                return Err(VerifyError::at(i as u32, "call to invalid destination"));
            }
        }
    }
    for s in 0..subs.len() {
        for i in prog.subprog_range(s) {
            env.subprog_of[i] = s as u32;
        }
    }
    for (i, insn) in prog.insns.iter().enumerate() {
        // Only the jump's target: a conditional jump falling through out
        // of its function is a function not ending in an exit or a jump.
        let target = match (insn, successors(insn, i)) {
            (Insn::Ja { .. }, (to, _)) | (Insn::Jmp { .. } | Insn::MayGoto { .. }, (_, to)) => to,
            _ => None,
        };
        if let Some(t) = target
            && (t < 0 || t as usize >= n || env.subprog_of[t as usize] != env.subprog_of[i])
        {
            return Err(VerifyError::at(
                i as u32,
                format!("jump out of range from insn {i} to {t}"),
            ));
        }
        let ends = i + 1 == n || env.subprog_of[i + 1] != env.subprog_of[i];
        if ends && !matches!(insn, Insn::Exit | Insn::Ja { .. }) {
            return Err(VerifyError::at(i as u32, "last insn is not an exit or jmp"));
        }
    }
    Ok(())
}

/// Checks the control-flow graph (the kernel's check_cfg) and marks prune
/// points.
pub fn check(env: &mut Env) -> Result<(), VerifyError> {
    let prog = env.prog;
    let n = prog.insns.len();
    let subs = &prog.subprogs;
    for (i, insn) in prog.insns.iter().enumerate() {
        let (a, b) = successors(insn, i);
        match insn {
            // Like the kernel's visit_insn: a conditional jump is checked
            // before it runs, so one stored state covers both its sides;
            // jump targets are checked too.
            Insn::MayGoto { .. } | Insn::Jmp { .. } => {
                env.mark_prune_point(i);
                if let Some(t) = b {
                    env.mark_prune_point(t as usize);
                    env.mark_jmp_point(t as usize);
                    env.mark_jump_target(t as usize);
                }
                if let Insn::MayGoto { .. } = insn {
                    env.mark_loop_head(i);
                }
            }
            Insn::Ja { .. } => {
                if let Some(t) = a {
                    env.mark_prune_point(t as usize);
                    env.mark_jmp_point(t as usize);
                    env.mark_jump_target(t as usize);
                }
            }
            // Taking a subprogram's address is checked as a call is (the
            // kernel's visit_func_call_insn): before it, after it, and at
            // the subprogram's entry.
            Insn::LdImm64 {
                pseudo: Pseudo::Func,
                imm,
                ..
            } => {
                env.mark_prune_point(i);
                env.mark_prune_point(i + 2);
                env.mark_jmp_point(i + 2);
                let t = i as i64 + 1 + *imm as i64;
                if t >= 0 && (t as usize) < n {
                    env.mark_jmp_point(t as usize);
                    env.mark_jump_target(t as usize);
                }
            }
            Insn::Call(c) => {
                env.mark_prune_point(i + 1);
                env.mark_jmp_point(i + 1);
                match call_kind(env, c) {
                    CallKind::Loops => {
                        env.mark_loop_head(i);
                        env.mark_jmp_point(i);
                    }
                    // Checked before the call pushes another asynchronous
                    // path (is_async_callback_calling_insn: helpers and
                    // kfuncs).
                    CallKind::Async => env.mark_prune_point(i),
                    CallKind::Plain => {}
                }
                if let Call::Local(off) = c {
                    env.mark_prune_point(i);
                    let t = i as i64 + 1 + *off as i64;
                    // A callee's first instruction follows its call, not the
                    // one before it: the jump history records it.
                    env.mark_jmp_point(t as usize);
                    env.mark_jump_target(t as usize);
                }
            }
            _ => {}
        }
    }
    for s in subs {
        env.mark_prune_point(s.start as usize);
    }
    // Every instruction must be reachable from the main program (or the
    // exception callback), along jumps and into the functions it calls or
    // takes the address of: a function only dead code calls is dead too.
    let mut seen = vec![false; n];
    // An LD_IMM64's second slot reached by an edge of its own.
    let mut tail_entered = vec![false; n];
    let mut work: Vec<usize> = [Some(0), prog.exception_cb]
        .into_iter()
        .flatten()
        .filter_map(|s| subs.get(s as usize).map(|s| s.start as usize))
        .collect();
    while let Some(i) = work.pop() {
        if i >= n {
            continue;
        }
        if prog.insns[i] == Insn::LdImm64Tail {
            tail_entered[i] = true;
        }
        if seen[i] {
            continue;
        }
        seen[i] = true;
        // An LD_IMM64's second slot goes with it, also when the first
        // failed to decode.
        if let Some(Insn::LdImm64Tail) = prog.insns.get(i + 1) {
            seen[i + 1] = true;
        }
        let (a, b) = successors(&prog.insns[i], i);
        let callee = match prog.insns[i] {
            Insn::Call(Call::Local(off))
            | Insn::LdImm64 {
                pseudo: Pseudo::Func,
                imm: off,
                ..
            } => Some(i as i64 + 1 + off as i64),
            _ => None,
        };
        work.extend(
            [a, b, callee]
                .into_iter()
                .flatten()
                .filter(|t| *t >= 0)
                .map(|t| t as usize),
        );
    }
    // In index order, as the kernel's check_cfg ends: an instruction no
    // edge reached, or an LD_IMM64 whose second slot an edge entered.
    let mut i = 0;
    while i < n {
        if !seen[i] {
            return Err(VerifyError::at(i as u32, format!("unreachable insn {i}")));
        }
        if let Some(Insn::LdImm64Tail) = prog.insns.get(i + 1) {
            if tail_entered[i + 1] {
                return Err(VerifyError::at(
                    i as u32,
                    format!("jump into the middle of ldimm64 insn {i}"),
                ));
            }
            i += 1;
        }
        i += 1;
    }
    Ok(())
}

/// How the kernel's visit_insn marks a call instruction.
enum CallKind {
    /// Runs a callback in place or steps an iterator: a loop head that
    /// converges against states of earlier rounds (a forced checkpoint).
    Loops,
    /// A helper or kfunc that queues an asynchronous callback: a prune
    /// point.
    Async,
    /// Anything else: only the instruction after it is a prune point.
    Plain,
}

/// What kind of call `c` is for state pruning.
fn call_kind(env: &Env, c: &Call) -> CallKind {
    match c {
        Call::Helper(id) => match u32::try_from(*id)
            .ok()
            .and_then(|id| env.reg.helpers().get(id, env.prog.prog_type))
            .and_then(|h| h.callback)
        {
            Some(cb) if cb.is_async() => CallKind::Async,
            Some(_) => CallKind::Loops,
            None => CallKind::Plain,
        },
        Call::Kfunc { btf_id, .. } => match env.prog.kfuncs.get(btf_id) {
            Some(&id) => {
                let callbacks = &env.reg.get(id).callbacks;
                if env.reg.has(id, kfreg::Flags::ITER_NEXT) || callbacks.iter().any(|cb| cb.sync) {
                    CallKind::Loops
                } else if !callbacks.is_empty() {
                    CallKind::Async
                } else {
                    CallKind::Plain
                }
            }
            None => CallKind::Plain,
        },
        Call::Local(_) => CallKind::Plain,
    }
}
