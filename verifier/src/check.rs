//! The abstract interpreter: explores every path of a program, one
//! instruction at a time, pruning paths whose state an already verified
//! state subsumes.

use crate::env::{Env, Explored, Node, Options, Path, Report, Scratched, Step, VerifyError};
use crate::history::Hist;
use crate::limits::{JMP_HISTORY_LIMIT, MAX_CALL_FRAMES, MAX_STACK};
use crate::scalar::Scalar;
use crate::scc::{Backedge, Callchain};
use crate::state::{CALLER_SAVED, Frame, Linked, PtrFlags, Reg, RegType, State};
use kfreg::Registry;
use kfreg_isa::{Call, Insn, JmpOp, Pseudo, Src};
use kfreg_object::program::{MapType, Program};
use std::time::Instant;

/// Verifies `prog`, taking every kfunc fact from `reg`.
pub fn verify(prog: &Program, reg: &Registry, opts: &Options) -> Report {
    let start = Instant::now();
    let mut env = Env::new(prog, reg, opts);
    // The kernel's order: the load's attributes, the functions and kfuncs
    // found, their BTF, the 64-bit loads resolved, the control flow, the
    // attach point, then every path.
    let result = crate::compat::check_load(&env)
        .and_then(|()| check_kfunc_calls(prog))
        .and_then(|()| check_exception_cb_tags(prog))
        .and_then(|()| crate::compat::check_kfuncs(&env))
        .and_then(|()| crate::cfg::check_subprogs(&mut env))
        .and_then(|()| crate::compat::abnormal_returns(&env))
        .and_then(|()| crate::compat::check_ldimm64(&env))
        .and_then(|()| crate::cfg::check(&mut env))
        .and_then(|()| crate::compat::check_attach(&env))
        .and_then(|()| {
            env.fastcall = crate::fastcall::Fastcall::mark(prog, reg, env.attach, &env.jump_target);
            (env.live_regs, env.reg_uses) = crate::liveness::live_regs(prog, reg, env.attach);
            // A call running a callback in rounds is a loop of its own.
            let (insns, loop_head) = (&prog.insns, &env.loop_head);
            env.scc = crate::scc::components(insns, |i| {
                loop_head[i] && matches!(insns[i], Insn::Call(_))
            });
            env.run()
        })
        .map_err(|mut e| {
            // An error the kernel gives without a message leaves the
            // failing instruction's line last in its log.
            if let (true, Some(i)) = (e.msg.is_empty(), e.insn) {
                e.msg = crate::log::insn_line(&env, i as usize);
            }
            e
        });
    env.stats.duration = start.elapsed();
    env.stats.stack_depth = env.subprog_depth.first().copied().unwrap_or(0);
    if result.is_ok() && opts.log && !opts.log_all_paths {
        // Like the kernel at log level 1: an accepted program's log is its
        // summary.
        env.log.clear();
    }
    if let Err(e) = &result {
        // The instruction log already showed the source line.
        if let Some(line) = e.insn.filter(|_| !opts.log).and_then(|i| prog.line_of(i)) {
            env.log.push_str(&format!(
                "; {} @ {}:{}\n",
                line.text.trim(),
                line.file,
                line.line
            ));
        }
        // The instruction log already shows that line.
        let logged = opts.log && env.log.ends_with(&format!("{}\n", e.msg));
        if !logged {
            env.log.push_str(&e.msg);
            env.log.push('\n');
        }
    }
    env.log.push_str(&format!(
        "processed {} insns (limit {}) max_states_per_insn {} total_states {} peak_states {} mark_read 0\n",
        env.stats.insns_processed,
        opts.insn_limit,
        env.stats.max_states_per_insn,
        env.stats.total_states,
        env.stats.peak_states
    ));
    Report {
        error: result.err(),
        log: env.log,
        stats: env.stats,
    }
}

/// The kernel's first pass over the calls (`add_subprog_and_kfunc_call`),
/// before anything else, unless a call to no instruction comes first:
/// every kfunc call, reached or not, must be in a program whose license is
/// GPL-compatible, name no module's BTF by its offset, and name a function
/// (a call libbpf left unresolved, 0, is let through).
fn check_kfunc_calls(prog: &Program) -> Result<(), VerifyError> {
    let n = prog.insns.len() as i64;
    let fail = |msg: String| Err(VerifyError { insn: None, msg });
    for (i, insn) in prog.insns.iter().enumerate() {
        match insn {
            Insn::Call(Call::Kfunc { .. }) if !prog.gpl => {
                return fail("cannot call kernel function from non-GPL compatible program".into());
            }
            Insn::Call(Call::Kfunc { fd, .. }) if *fd < 0 => {
                return fail(
                    "negative offset disallowed for kernel module function call\nfailed to find BTF for kernel function"
                        .into(),
                );
            }
            // libbpf passes an fd array only for module BTF, which no
            // program here names.
            Insn::Call(Call::Kfunc { fd, .. }) if *fd > 0 => {
                return fail(
                    "kfunc offset > 0 without fd_array is invalid\nfailed to find BTF for kernel function"
                        .into(),
                );
            }
            Insn::Call(Call::Kfunc { btf_id, fd: 0 })
                if *btf_id != 0
                    && !prog.kfuncs.contains_key(btf_id)
                    && crate::env::kernel_func_name(prog, *btf_id) == Some(None) =>
            {
                return fail(format!(
                    "kernel btf_id {} is not a function",
                    *btf_id as u32
                ));
            }
            Insn::Call(Call::Local(off))
            | Insn::LdImm64 {
                pseudo: Pseudo::Func,
                imm: off,
                ..
            } if !(0..n).contains(&(i as i64 + 1 + *off as i64)) => {
                return Ok(());
            }
            _ => {}
        }
    }
    Ok(())
}

/// The kernel reads the main program's exception callback tag before
/// anything else; more than one is refused.
fn check_exception_cb_tags(prog: &Program) -> Result<(), VerifyError> {
    if prog.exception_cb_tags > 1 {
        return Err(VerifyError {
            insn: None,
            msg: "multiple exception callback tags for main subprog".into(),
        });
    }
    Ok(())
}

impl Env<'_> {
    fn initial_state(&mut self, subprog: u32) -> State {
        let mut frame = Frame::root(subprog);
        frame.regs[1] = Reg::ptr(RegType::Ctx, 0);
        State {
            frames: vec![frame],
            refs: Vec::new(),
            rcu: false,
            sleepable: self.prog.sleepable,
            preempt: 0,
            loop_depth: 0,
            insn: self.prog.subprogs[subprog as usize].start,
        }
    }

    fn run(&mut self) -> Result<(), VerifyError> {
        self.verify_root(0)?;
        // Then, pass after pass in index order, each global function a
        // verified path called (a global function never called is never
        // verified, as in Linux's do_check_subprogs). The exception
        // callback is verified on its own like a global function, with the
        // cookie that was thrown as its one argument: it counts as called.
        if let Some(cb) = self.prog.exception_cb {
            self.called[cb as usize] = true;
        }
        let n = self.prog.subprogs.len();
        let mut verified = vec![false; n];
        let mut again = true;
        while again {
            again = false;
            // A pass sees the calls made by the functions verified before
            // in the same pass.
            let mut root = 1;
            while root < n {
                if self.called[root] && !verified[root] {
                    self.verify_root(root as u32)?;
                    self.logln(&format!(
                        "Func#{root} ('{}') is safe for any args that match its prototype",
                        self.prog.subprogs[root].name
                    ));
                    verified[root] = true;
                    again = true;
                }
                root += 1;
            }
        }
        // The bpf_fastcall spills and fills found removable go, and with
        // them their slots (before the kernel checks the stack depth).
        for s in 0..n {
            if let Some(d) = self.fastcall.depth(self.prog, s) {
                self.subprog_depth[s] = d;
            }
        }
        self.check_stack_depth()?;
        self.check_ctx_conversions()?;
        self.check_unresolved_kfuncs()?;
        self.check_jit_targets()
    }

    /// A load the kernel let through but cannot rewrite fails its
    /// instruction rewrites (convert_ctx_accesses), with EFAULT.
    fn check_ctx_conversions(&self) -> Result<(), VerifyError> {
        if self.unconverted_load {
            return Err(VerifyError {
                insn: None,
                msg: "verifier bug: error during ctx access conversion (0)".into(),
            });
        }
        Ok(())
    }

    /// A kfunc call libbpf could not resolve (BTF id 0) that a path
    /// reached is still in the program after the dead code is dropped:
    /// the kernel's instruction fixups refuse it (fixup_kfunc_call).
    fn check_unresolved_kfuncs(&self) -> Result<(), VerifyError> {
        let reached = self.prog.insns.iter().enumerate().any(|(i, insn)| {
            self.seen[i] && matches!(insn, Insn::Call(Call::Kfunc { btf_id: 0, .. }))
        });
        if reached {
            return Err(VerifyError {
                insn: None,
                msg: "invalid kernel function call not eliminated in verifier pass".into(),
            });
        }
        Ok(())
    }

    /// After verifying, the kernel drops the instructions no path reached,
    /// run by run from the start, and with them a subprogram no path
    /// entered (one called only from dead code, or the callback of a loop
    /// helper asked for no round). A call or callback reference that stays
    /// is moved back over each dropped run before its target; one whose
    /// target was dropped keeps the number it had, now another
    /// instruction's. When functions remain to be compiled apart and such a
    /// reference names no function's start, the kernel fails with its
    /// internal error (`bpf_adj_branches`, `jit_subprogs`). The instruction
    /// the error names is counted in the program as loaded here, not as the
    /// kernel has rewritten it by then.
    fn check_jit_targets(&self) -> Result<(), VerifyError> {
        let insns = &self.prog.insns;
        // The second half of a 64-bit load is seen with the first.
        let live = |i: usize| {
            self.seen[i]
                || (i > 0 && matches!(insns[i - 1], Insn::LdImm64 { .. }) && self.seen[i - 1])
        };
        let entered = |s: usize| self.seen[self.prog.subprog_range(s)].contains(&true);
        let kept: Vec<usize> = (0..self.prog.subprogs.len())
            .filter(|&s| entered(s))
            .collect();
        if kept.len() <= 1 {
            return Ok(());
        }
        // The references that stay: what they name, and what they will.
        let mut refs: Vec<(i64, i64)> = Vec::new();
        for (pc, insn) in insns.iter().enumerate() {
            if let Insn::Call(Call::Local(off))
            | Insn::LdImm64 {
                pseudo: Pseudo::Func,
                imm: off,
                ..
            } = *insn
                && self.seen[pc]
            {
                let target = pc as i64 + 1 + i64::from(off);
                refs.push((target, target));
            }
        }
        // Dropped instructions before each one.
        let mut dropped = vec![0i64; insns.len() + 1];
        for k in 0..insns.len() {
            dropped[k + 1] = dropped[k] + i64::from(!live(k));
        }
        // Each dropped run, where it is once the runs before it are gone.
        let mut k = 0;
        while k < insns.len() {
            if live(k) {
                k += 1;
                continue;
            }
            let start = k;
            while k < insns.len() && !live(k) {
                k += 1;
            }
            let (pos, cnt) = (start as i64 - dropped[start], (k - start) as i64);
            for (_, moved) in &mut refs {
                if *moved >= pos + cnt {
                    *moved -= cnt;
                }
            }
        }
        let starts: Vec<i64> = kept
            .iter()
            .map(|&s| {
                let start = self.prog.subprogs[s].start as usize;
                start as i64 - dropped[start.min(insns.len())]
            })
            .collect();
        match refs.iter().find(|(_, moved)| !starts.contains(moved)) {
            Some(&(target, _)) => Err(VerifyError {
                insn: None,
                msg: format!("verifier bug: No program to jit at insn {target} (subprog < 0)"),
            }),
            None => Ok(()),
        }
    }

    /// Verifies every path from the start of subprogram `root`.
    fn verify_root(&mut self, root: u32) -> Result<(), VerifyError> {
        let exception_cb = self.prog.exception_cb;
        let mut st = self.initial_state(root);
        if root != 0
            && let Some(regs) = crate::calls::global_entry_regs(self, root)?
        {
            st.cur_mut().regs[1..6].copy_from_slice(&regs);
        }
        if Some(root) == exception_cb {
            let args = self.prog.subprogs[root as usize].args.as_deref();
            if args != Some(&[kfreg_object::program::SubprogArg::SCALAR]) {
                return Err(VerifyError {
                    insn: None,
                    msg: "exception cb only supports single integer argument".into(),
                });
            }
            self.is_cb[root as usize] = true;
        }
        if root != 0 {
            self.logln(&format!(
                "Validating {}() func#{}...",
                self.prog.subprogs[root as usize].name, root
            ));
        } else if self.prog.subprogs[0].global
            && let Err(msg) = crate::calls::global_args(self, 0)
        {
            // The kernel reads the main program's prototype as a global
            // function's too; what it cannot use there only goes to the log.
            self.logln(&msg);
        }
        self.pending.push(Path {
            st,
            parent: None,
            hist: Vec::with_capacity(64),
            covered: Vec::new(),
            jmp_history: 0,
            log_pos: None,
        });
        self.explore()
    }

    /// After exploration, the kernel walks the static call graph from the
    /// main program and from every async callback (last first), in
    /// instruction order: a chain of calls may be at most 8 frames deep
    /// (whether or not the calls can happen, so bounded recursion fails
    /// here), and the stacks of a chain must fit in 512 bytes, each frame
    /// rounded up to 16 (the JIT's unit). Global functions count; callbacks
    /// whose address is taken run on the stack of the subprogram taking it,
    /// except async ones, which are walked on their own.
    fn check_stack_depth(&self) -> Result<(), VerifyError> {
        let edges: Vec<Vec<Edge>> = (0..self.prog.subprogs.len())
            .map(|s| {
                self.prog
                    .subprog_range(s)
                    .filter_map(|i| {
                        let (off, direct) = match self.prog.insns[i] {
                            Insn::Call(Call::Local(off)) => (off, true),
                            Insn::LdImm64 {
                                pseudo: Pseudo::Func,
                                imm: off,
                                ..
                            } => (off, false),
                            Insn::Call(Call::Kfunc { btf_id, fd: 0 })
                                if self.prog.kfuncs.get(&btf_id).is_some_and(|id| {
                                    self.reg.flags(*id).contains(kfreg::Flags::THROWS)
                                }) =>
                            {
                                let id = self.prog.kfuncs[&btf_id];
                                return Some(Edge::Throw(i as u32, self.reg.get(id).name));
                            }
                            _ => return None,
                        };
                        let t = (i as i64 + 1 + off as i64) as u32;
                        self.prog
                            .subprogs
                            .iter()
                            .position(|x| x.start == t)
                            .map(|x| Edge::Call {
                                insn: i as u32,
                                callee: x as u32,
                                direct,
                            })
                    })
                    .collect()
            })
            .collect();
        // Where the JIT supports it, tracing-like programs without tail
        // calls give a subprogram using at least 64 bytes a private stack
        // of its own; such a frame no longer counts towards the chain.
        let tail_calls: Vec<bool> = (0..self.prog.subprogs.len())
            .map(|s| {
                self.prog
                    .subprog_range(s)
                    .any(|i| self.is_tail_call(self.prog.insns[i]))
            })
            .collect();
        let has_tail_call = tail_calls.contains(&true);
        // Iterators may recurse, so they keep the shared stack.
        let priv_stack = self.opts.private_stack
            && !has_tail_call
            && !self.prog.iter
            && crate::ctx::has(self, kfreg::ProgFlags::PRIVATE_STACK);
        let mut walk = StackWalk {
            env: self,
            edges: &edges,
            tail_calls: &tail_calls,
            own_stack: vec![None; self.prog.subprogs.len()],
        };
        for root in (0..self.prog.subprogs.len()).rev() {
            if root == 0 || walk.own_root(root as u32) {
                walk.visit(
                    root as u32,
                    0,
                    0,
                    root == 0 && priv_stack,
                    false,
                    root as u32,
                )?;
            }
        }
        Ok(())
    }

    /// Explores pending paths until none is left.
    pub fn explore(&mut self) -> Result<(), VerifyError> {
        while let Some(mut path) = self.pending.pop() {
            let mut fresh = true;
            loop {
                self.internal_error()?;
                let idx = path.st.insn as usize;
                if idx >= self.prog.insns.len() {
                    return Err(VerifyError::at(
                        path.st.insn,
                        format!("invalid insn idx {idx} insn_cnt {}", self.prog.insns.len()),
                    ));
                }
                // Linux counts an instruction before asking whether its
                // state was seen, so a pruned visit counts too.
                self.stats.insns_processed += 1;
                self.seen[idx] = true;
                if self.stats.insns_processed > self.opts.insn_limit {
                    let mut msg = format!(
                        "BPF program is too large. Processed {} insn",
                        self.stats.insns_processed
                    );
                    // The kernel checks the limit before it prints a queued
                    // path's state: its log, rewound to the line of the
                    // jump that queued the path, ends inside that line (the
                    // padding a conditional jump's state went after) or,
                    // after a may_goto, after it.
                    if let Some(from) = path.hist.last().filter(|_| fresh) {
                        let at = from.insn as usize;
                        if matches!(self.prog.insns[at], Insn::MayGoto { .. }) {
                            self.rewind_log(path.log_pos);
                        } else {
                            msg = format!("{} {msg}", crate::log::insn_line(self, at));
                        }
                    }
                    return Err(VerifyError::at(path.st.insn, msg));
                }
                let started = std::mem::take(&mut fresh);
                let log_mark = self.log.len();
                if started && self.opts.log {
                    self.log_path_start(&path);
                }
                let seen_before = self.prune_point[idx]
                    && self.visit(&mut path).map_err(|mut e| {
                        // As with the limit above: the kernel finds a loop
                        // before it prints a queued path's state, so its
                        // message follows the line of the jump.
                        if let Some(from) = path.hist.last().filter(|_| started) {
                            let jump = crate::log::insn_line(self, from.insn as usize);
                            e.msg = format!("{jump} {}", e.msg);
                            self.log.truncate(log_mark);
                        }
                        e
                    })?;
                if seen_before {
                    self.stats.pruned += 1;
                    if self.opts.log {
                        self.logln(&format!("{idx}: safe"));
                    }
                    self.end_path(&path);
                    break;
                }
                let logging = self.opts.log;
                if logging {
                    // Like the kernel, only now that this instruction
                    // passed the limit and was not pruned.
                    self.log_scratched(&path.st, idx);
                    self.log_source_line(idx);
                    let line = crate::log::insn_line(self, idx);
                    self.logln(&line);
                    self.insn_end = self.log.len();
                }
                // Only memory accesses (reads too) and calls allocate
                // stack slots.
                let grows = matches!(
                    self.prog.insns[idx],
                    Insn::St { .. }
                        | Insn::Stx { .. }
                        | Insn::Ldx { .. }
                        | Insn::Atomic { .. }
                        | Insn::Call(_)
                );
                let entry = Hist::of(&path.st, self.prog.insns[idx]);
                // The log shows the slot an access touched, spill or not.
                let touched = logging
                    .then(|| crate::history::stack_slot(&path.st, self.prog.insns[idx]))
                    .flatten()
                    .filter(|(frame, _, _)| *frame as usize + 1 == path.st.frames.len())
                    .map_or(0, |(_, spi, _)| 1u64 << spi);
                self.stack_live.record(
                    self.prog,
                    &path.st,
                    self.prog.insns[idx],
                    self.reg_uses[idx],
                );
                if entry.flagged() || self.jmp_point[idx] {
                    path.jmp_history += 1;
                }
                path.hist.push(entry);
                self.cur_hist = std::mem::take(&mut path.hist);
                self.cur_covered = std::mem::take(&mut path.covered);
                self.cur_parent = path.parent;
                let step = self.step(&mut path);
                self.stack_live.finish_insn();
                path.hist = std::mem::take(&mut self.cur_hist);
                path.covered = std::mem::take(&mut self.cur_covered);
                // A precision walk that met an internal error stopped the
                // kernel there, before the instruction could fail on its own.
                self.internal_error()?;
                let step = step?;
                if let Some(f) = path.st.frames.last()
                    && f.in_callback.is_some()
                {
                    self.is_cb[f.subprog as usize] = true;
                }
                if grows {
                    for f in &path.st.frames {
                        let d = &mut self.subprog_depth[f.subprog as usize];
                        *d = (*d).max(f.depth());
                    }
                }
                match step {
                    Step::Next => {
                        if logging && self.scratched != Scratched::All {
                            // Besides what the instruction names, a call
                            // may have scratched the slots it worked on.
                            let called = match self.scratched {
                                Scratched::Some { stack, .. } => stack,
                                _ => 0,
                            };
                            self.scratched = Scratched::Some {
                                regs: crate::log::touched_regs(&self.prog.insns[idx]),
                                stack: touched | called,
                            };
                        }
                        // A conditional jump prints the state it goes on
                        // with at once (check_cond_jmp_op), before the next
                        // instruction can be pruned or found looping.
                        if logging && matches!(self.prog.insns[idx], Insn::Jmp { .. }) {
                            self.log_scratched(&path.st, idx);
                        }
                    }
                    Step::End => {
                        self.end_path(&path);
                        break;
                    }
                }
            }
        }
        self.internal_error()
    }

    /// Fails the verification with the internal error precision tracking
    /// met, if it met one.
    fn internal_error(&mut self) -> Result<(), VerifyError> {
        match self.internal_error.take() {
            Some(msg) => Err(VerifyError { insn: None, msg }),
            None => Ok(()),
        }
    }

    /// What the kernel does when a path ends, at its exit or pruned
    /// (process_bpf_exit): branch counts, then the live stack slots of the
    /// path's call chain.
    fn end_path(&mut self, path: &Path) {
        self.finish_path(path.parent);
        self.stack_live.update_chain(self.prog, &path.st);
    }

    /// Decrements branch counts up the chain of a finished path.
    fn finish_path(&mut self, mut parent: Option<usize>) {
        while let Some(p) = parent {
            let node = &mut self.nodes[p];
            node.branches -= 1;
            if node.branches > 0 {
                break;
            }
            parent = node.parent;
            if let Some(chain) = self.nodes[p].chain {
                let edges = self.visits.exit(&chain, p);
                if !edges.is_empty() {
                    self.propagate_backedges(edges);
                }
            }
            // After its loop's backedges, if it entered one, have gone
            // through it.
            self.free_if_unused(p);
        }
    }

    /// Frees what stored state `n` holds once nothing can read it again (the
    /// kernel's maybe_free_verifier_state): it is no longer compared, no
    /// path below it is alive (precision walks go up from live paths only),
    /// and no backedge of its loop waits to be propagated through it. Its
    /// place in the chain of parents stays.
    fn free_if_unused(&mut self, n: usize) {
        let node = &self.nodes[n];
        if !node.evicted || node.branches > 0 {
            return;
        }
        if let Some(chain) = node.chain
            && self.visits.incomplete(&chain)
        {
            return;
        }
        let node = &mut self.nodes[n];
        // A state is freed once: a stored state always has a frame.
        if node.state.frames.is_empty() {
            return;
        }
        node.state.frames = Vec::new();
        node.state.refs = Vec::new();
        node.hist = Vec::new();
        self.evicted_kept -= 1;
    }

    /// At a prune point: `true` when a finished stored state subsumes the
    /// path's; otherwise stores the path's state.
    fn visit(&mut self, path: &mut Path) -> Result<bool, VerifyError> {
        let idx = path.st.insn as usize;
        let loop_head = self.loop_head[idx];
        // The kernel keeps an instruction's states in the hash bucket of
        // the instruction and the call that entered the current frame: only
        // those of the same bucket are compared (those of another call
        // never match), count as missed, or keep a loop's rounds from
        // being stored; the count walks the whole bucket.
        let key = list_key(&path.st, self.prog.insns.len());
        let compared = u64::from(self.bucket_states[key as usize]);
        // Like the kernel's is_state_visited: store a state only every few
        // jumps and instructions, except at loop heads and after a long
        // jump history.
        let jmps = self.jmps_processed - self.prev_jmps;
        let insns = self.stats.insns_processed - self.prev_insns;
        let force = loop_head || path.jmp_history > JMP_HISTORY_LIMIT;
        let mut add = force || (jmps >= 2 && insns >= 8);
        // A may_goto converges only against a round at another depth; at
        // the same depth an equal state is an infinite loop.
        let may_goto = matches!(self.prog.insns[idx], Insn::MayGoto { .. });
        // Newest first, as the kernel's list.
        let mut pos = self.explored[idx].len();
        while pos > 0 {
            pos -= 1;
            let Explored { node: n, key: k } = self.explored[idx][pos];
            if k != key {
                continue;
            }
            // A state whose exploration is not finished, or that is in a loop
            // whose marks are not final, is compared by range, and a path
            // stopping at it is a backedge of its loop.
            let chain = self.nodes[n].chain;
            let incomplete = chain.as_ref().is_some_and(|c| self.visits.incomplete(c));
            // Like the kernel's clean_live_states, a finished state in a loop
            // whose marks are not final keeps what it holds (a dead stack
            // slot included) until they are.
            if self.nodes[n].branches == 0 && !self.nodes[n].cleaned && !incomplete {
                self.clean_node(n);
            }
            let looping = self.nodes[n].branches > 0 || incomplete;
            let node = &mut self.nodes[n];
            let same_round = may_goto && node.state.loop_depth == path.st.loop_depth;
            if node.branches == 0 || loop_head && !same_round {
                let mode = if looping {
                    crate::prune::Mode::Ranges
                } else {
                    crate::prune::Mode::Precise
                };
                if crate::prune::subsumes(
                    &node.state,
                    &path.st,
                    mode,
                    &self.live_regs,
                    self.next_id,
                ) {
                    node.hits += 1;
                    // As the kernel's propagate_precision: every precise
                    // scalar of the stored state, live or not (a state not
                    // cleaned yet still holds its dead ones).
                    let wants = crate::precision::precise_scalars(&node.state);
                    let hist = std::mem::take(&mut path.hist);
                    if looping && let Some(chain) = chain {
                        let edge = Backedge {
                            st: path.st.clone(),
                            hist: hist.clone(),
                            parent: path.parent,
                            equal: n,
                        };
                        self.visits.add(&chain, edge);
                        self.note_peak();
                    }
                    let mut covered = std::mem::take(&mut path.covered);
                    self.precise(&mut path.st, &hist, Some(&mut covered), path.parent, &wants);
                    return Ok(true);
                }
            } else if crate::prune::equal_live(&node.state, &path.st, &self.live_regs) {
                let cur = crate::log::state_str(self, &path.st, None);
                let old = crate::log::state_str(self, &self.nodes[n].state, None);
                return Err(VerifyError::at(
                    path.st.insn,
                    format!(
                        "infinite loop detected at insn {idx}\ncur state:{cur}\nold state:{old}"
                    ),
                ));
            }
            // Inside a loop being explored, rounds differ: store fewer of them.
            if node.branches > 0 && !force && jmps < 20 && insns < 100 {
                add = false;
            }
            // A miss counts only when a state is about to be stored, so that
            // states from early rounds of a loop survive its later rounds.
            if add {
                node.misses += 1;
            }
            // A state that keeps missing is unlikely to ever prune: stop
            // comparing against it (the kernel's eviction heuristic).
            let n_allowed = if loop_head && node.branches > 0 {
                64
            } else {
                3
            };
            if node.misses > node.hits * n_allowed + n_allowed {
                node.evicted = true;
                self.explored[idx].remove(pos);
                self.bucket_states[key as usize] -= 1;
                self.live_states -= 1;
                self.evicted_kept += 1;
                self.free_if_unused(n);
            }
        }
        // Counted on a miss only: the kernel returns on a hit before it.
        self.stats.max_states_per_insn = self.stats.max_states_per_insn.max(compared);
        if !add {
            return Ok(false);
        }
        self.prev_jmps = self.jmps_processed;
        self.prev_insns = self.stats.insns_processed;
        let n = self.nodes.len();
        self.stored_refs += path.st.refs.len() as u64;
        if self.stored_refs > crate::limits::MAX_STORED_REFS {
            return Err(VerifyError::at(
                idx as u32,
                format!(
                    "kfreg: the states stored for pruning hold more than {} references; it stops where the kernel would go on to its instruction limit\nBPF program is too large. Processed {} insn",
                    crate::limits::MAX_STORED_REFS,
                    self.stats.insns_processed
                ),
            ));
        }
        let state = path.st.clone();
        let chain = Callchain::of(&state, &self.scc);
        // Marks the path inherited are the stored state's now; the path's
        // own future decides its own.
        path.st.for_each_reg(|r| r.precise = false);
        self.nodes.push(Node {
            state,
            parent: path.parent,
            // Exactly sized: the path's own buffer keeps its capacity for
            // the next stretch.
            hist: path.hist.to_vec(),
            branches: 1,
            hits: 0,
            misses: 0,
            cleaned: false,
            all_precise: false,
            evicted: false,
            chain,
        });
        if let Some(chain) = chain {
            self.visits.enter(chain, n);
        }
        self.explored[idx].push(Explored { node: n, key });
        self.bucket_states[key as usize] += 1;
        path.hist.clear();
        path.covered.clear();
        path.jmp_history = 0;
        path.parent = Some(n);
        self.stats.total_states += 1;
        self.live_states += 1;
        self.note_peak();
        Ok(false)
    }

    /// The most states held at once (the kernel's `update_peak_states`):
    /// those compared, those evicted but still kept, and loops' backedges.
    fn note_peak(&mut self) {
        let held = self.live_states + self.evicted_kept + self.visits.backedges() as u64;
        self.stats.peak_states = self.stats.peak_states.max(held);
    }

    /// Forgets what the finished stored state `n` holds in registers and
    /// stack slots no path from it reads (the caller leaves alone a state
    /// whose loop still waits on backedges).
    fn clean_node(&mut self, n: usize) {
        crate::prune::clean(&mut self.nodes[n].state, &self.live_regs);
        let (insns, loop_head) = (&self.prog.insns, &self.loop_head);
        let alive = self.stack_live.alive(self.prog, &self.nodes[n].state, |i| {
            matches!(insns[i as usize], Insn::Call(_)) && loop_head[i as usize]
        });
        crate::prune::clean_stack(&mut self.nodes[n].state, &alive);
        self.nodes[n].cleaned = true;
    }

    /// The log's first line for a path: where it starts and its whole
    /// state, after the instruction that queued it when there is one.
    fn log_path_start(&mut self, path: &Path) {
        self.scratched = Scratched::Nothing;
        let state = crate::log::state_str(self, &path.st, None);
        // The kernel cuts its log back to where it stood when the path was
        // queued, byte for byte: after a branch whose line got its state
        // appended since, that is inside the padding, so the new line goes
        // on after a space; after a may_goto, on a line of its own.
        self.rewind_log(path.log_pos);
        self.log += &format!("{}:{state}\n", path.st.insn);
    }

    /// Cuts the log back to `pos`, where it stood when a path was queued
    /// (if it still reaches that far).
    fn rewind_log(&mut self, pos: Option<usize>) {
        if let Some(pos) = pos.filter(|&p| p < self.log.len() && self.log.is_char_boundary(p)) {
            self.log.truncate(pos);
        }
    }

    /// The source line of instruction `idx`, when it differs from the last
    /// one printed.
    fn log_source_line(&mut self, idx: usize) {
        let Some(line) = self.prog.line_of(idx as u32) else {
            return;
        };
        // Entries for other columns of the same line print once.
        let key = (line.file.clone(), line.line);
        if self.last_source.as_ref() == Some(&key) {
            return;
        }
        self.last_source = Some(key);
        let file = line.file.rsplit('/').next().unwrap_or(&line.file);
        let text = format!("; {} @ {}:{}", line.text.trim_start(), file, line.line);
        self.logln(&text);
    }

    /// Prints what the last instruction scratched (nothing for a goto or a
    /// may_goto) before instruction `idx`: after the last instruction's
    /// text, aligned like the kernel's `; R0=...` comments, or, when other
    /// lines came in between, on a line of its own.
    fn log_scratched(&mut self, st: &State, idx: usize) {
        let only = match std::mem::replace(&mut self.scratched, Scratched::Nothing) {
            Scratched::Nothing | Scratched::Some { regs: 0, stack: 0 } => return,
            Scratched::All => None,
            Scratched::Some { regs, stack } => Some((regs, stack)),
        };
        let state = crate::log::state_str(self, st, only);
        if self.log.len() != self.insn_end {
            self.logln(&format!("{idx}:{state}"));
            return;
        }
        self.log.pop();
        let start = self.log.rfind('\n').map_or(0, |p| p + 1);
        let len = self.log.len() - start;
        let semi = (len + 5).max(40).div_ceil(8) * 8 - 2;
        self.log += &" ".repeat(semi - len);
        self.log += &format!(";{state}\n");
    }

    /// Executes the instruction at `path.st.insn`.
    fn step(&mut self, path: &mut Path) -> Result<Step, VerifyError> {
        let idx = path.st.insn;
        if matches!(
            self.prog.insns[idx as usize],
            Insn::Ja { .. } | Insn::Jmp { .. } | Insn::MayGoto { .. } | Insn::Call(_) | Insn::Exit
        ) {
            self.jmps_processed += 1;
        }
        if let Some(f) = self.prog.faults.iter().find(|f| f.insn == idx) {
            if f.legacy_packet_load {
                crate::mem::legacy_packet_allowed(self, idx)?;
            }
            if f.after_ctx {
                crate::mem::legacy_packet_ctx(self, &path.st)?;
            }
            if let Some(r) = f.reads_first {
                self.check_reg_read(&path.st, r)?;
            }
            return Err(VerifyError::at(idx, f.msg.clone()));
        }
        let insn = self.prog.insns[idx as usize];
        match insn {
            Insn::Alu { wide, op, dst, src } => {
                if let Some(zero) = crate::alu::check_alu(self, &mut path.st, wide, op, dst, src)? {
                    self.push_branch(path, zero, idx)?;
                }
                path.st.insn += 1;
            }
            Insn::End { order, dst, bits } => {
                self.check_reg_read(&path.st, dst)?;
                self.check_reg_write(&path.st, dst)?;
                // A swapped pointer is a number Linux knows nothing of, not
                // even its width.
                let reg = *path.st.reg(dst);
                *path.st.reg_mut(dst) = match reg.ty {
                    RegType::Scalar => byte_swap(reg, order, bits),
                    _ => Reg::UNKNOWN,
                };
                path.st.insn += 1;
            }
            Insn::LdImm64 {
                dst,
                pseudo,
                imm,
                imm_hi,
            } => {
                self.check_reg_write(&path.st, dst)?;
                let r = self.ld_imm64(idx, pseudo, imm, imm_hi)?;
                *path.st.reg_mut(dst) = r;
                path.st.insn += 2;
            }
            Insn::LdImm64Tail => {
                return Err(VerifyError::at(idx, "invalid BPF_LD_IMM insn"));
            }
            Insn::LdPkt { .. } => {
                crate::mem::check_ld_pkt(self, &mut path.st, insn)?;
                // A load past the packet's end returns 0 from the current
                // function at once (bpf_gen_ld_abs's hidden exit): in a
                // subprogram the caller goes on with R0 = 0. Like the
                // kernel, that return is followed first and the load's
                // success queued.
                if path.st.frames.len() > 1 {
                    let mut loaded = path.st.clone();
                    loaded.insn += 1;
                    self.push_branch(path, loaded, idx + 1)?;
                    *path.st.reg_mut(0) = Reg::constant(0);
                    return crate::calls::check_exit(self, path);
                }
                path.st.insn += 1;
            }
            Insn::Ldx { .. } | Insn::St { .. } | Insn::Stx { .. } | Insn::Atomic { .. } => {
                crate::mem::check_mem_insn(self, &mut path.st, insn)?;
                path.st.insn += 1;
            }
            Insn::Ja { off } => {
                path.st.insn = (idx as i64 + 1 + off as i64) as u32;
            }
            Insn::MayGoto { off } => {
                // Either the loop budget is left (fall through, one level
                // deeper) or it ran out (jump). Like the kernel, the jump is
                // followed first and the fall-through queued: a jump back to
                // the same state at the same depth is an infinite loop.
                let target = (idx as i64 + 1 + off as i64) as u32;
                let mut body = path.st.clone();
                body.loop_depth += 1;
                self.widen_round(path, &mut body);
                self.push_branch(path, body, idx + 1)?;
                path.st.insn = target;
            }
            Insn::Jmp {
                wide,
                op,
                dst,
                src,
                off,
            } => {
                let target = (idx as i64 + 1 + off as i64) as u32;
                self.check_cond_jmp(path, wide, op, dst, src, target)?;
            }
            Insn::Call(call) => {
                return match call {
                    Call::Helper(id) => crate::helper_call::check_helper_call(self, path, id),
                    Call::Local(off) => crate::calls::check_local_call(self, path, off),
                    Call::Kfunc { btf_id, fd } => {
                        crate::kfunc::check_kfunc_call(self, path, btf_id, fd)
                    }
                };
            }
            Insn::Exit => return crate::calls::check_exit(self, path),
        }
        Ok(Step::Next)
    }

    fn ld_imm64(
        &mut self,
        idx: u32,
        pseudo: Pseudo,
        imm: i32,
        imm_hi: i32,
    ) -> Result<Reg, VerifyError> {
        // The map and the address were checked as the loads were resolved
        // (compat::check_ldimm64).
        let map = |pseudo| crate::compat::map_of(self, idx, pseudo, imm);
        Ok(match pseudo {
            Pseudo::Imm => Reg::constant((imm as u32 as u64) | ((imm_hi as u32 as u64) << 32)),
            Pseudo::MapFd | Pseudo::MapIdx => Reg::ptr(RegType::ConstMap, map(pseudo)?),
            Pseudo::MapValue | Pseudo::MapIdxValue => {
                let m = map(pseudo)?;
                let def = &self.prog.maps[m as usize];
                // An arena's address is a number to the program.
                if def.map_type == MapType::Arena {
                    return Ok(Reg::scalar(Scalar::UNKNOWN));
                }
                let mut r = Reg::ptr(RegType::MapValue, m);
                r.off = imm_hi;
                if def.rdonly {
                    r.flags = r.flags.with(PtrFlags::RDONLY);
                }
                r
            }
            Pseudo::Func => {
                let target = (idx as i64 + 1 + imm as i64) as u32;
                let sub = self
                    .prog
                    .subprogs
                    .iter()
                    .position(|s| s.start == target)
                    .ok_or_else(|| {
                        VerifyError::at(idx, "function pointer must point to a subprog")
                    })?;
                // A callback is called with the arguments its helper gives,
                // so its type must be known and it must be the program's own.
                if !self.prog.func_info {
                    return Err(VerifyError::at(idx, "missing btf func_info"));
                }
                if self.prog.subprogs[sub].global {
                    return Err(VerifyError::at(idx, "callback function not static"));
                }
                if sub == 0 {
                    return Err(VerifyError::at(
                        idx,
                        "callback function cannot be the main program",
                    ));
                }
                Reg::ptr(RegType::Func, sub as u32)
            }
            // Only a function's address gets this far (no kernel
            // variable has one to give): read-only memory of no size
            // (check_pseudo_btf_id).
            Pseudo::BtfId => {
                let mut r = Reg::ptr(RegType::Mem, 0);
                r.flags = PtrFlags::RDONLY;
                r
            }
        })
    }

    fn check_cond_jmp(
        &mut self,
        path: &mut Path,
        wide: bool,
        op: JmpOp,
        dst: u8,
        src: Src,
        target: u32,
    ) -> Result<(), VerifyError> {
        let st = &path.st;
        let idx = st.insn;
        self.check_reg_read(st, dst)?;
        let mut src_reg = self.src_operand(st, src, wide)?;
        let mut dst_reg = *st.reg(dst);
        let branch = crate::branch::decide(&dst_reg, op, &src_reg, wide);
        let src_reg_no = match src {
            Src::Reg(r) => Some(r),
            Src::Imm(_) => None,
        };
        // Once one side is decided, the path depends on the compared values.
        let decided = |env: &mut Self, st: &mut State| {
            env.mark_precise(st, dst);
            if let Some(r) = src_reg_no {
                env.mark_precise(st, r);
            }
        };
        if branch.is_some() {
            decided(self, &mut path.st);
        }
        match branch {
            Some(true) => {
                path.st.insn = target;
                return Ok(());
            }
            Some(false) => {
                path.st.insn = idx + 1;
                return Ok(());
            }
            None => {}
        }
        // The kernel gathers the scalars linked to the operands (copies it
        // has no place for lose their link) and records them in the jump
        // history, for precision to follow the links; a long history forces
        // the next prune point to store a state.
        let mut links = Linked::default();
        let linked = |r: &Reg| r.ty == RegType::Scalar && r.id != 0;
        if linked(&dst_reg) || src_reg_no.is_some() && linked(&src_reg) {
            // Each frame's registers live at its instruction: the running
            // one's at this jump, a caller's at its call but r0-r5, which
            // the call scratched (clear_caller_saved_regs).
            let mut live = [u16::MAX; MAX_CALL_FRAMES + 1];
            for (frame, l) in live.iter_mut().enumerate() {
                let (at, scratched) = match path.st.frames.get(frame + 1) {
                    Some(callee) => (callee.callsite, CALLER_SAVED),
                    None => (idx, 0),
                };
                *l = self.live_regs.get(at as usize).copied().unwrap_or(u16::MAX) & !scratched;
            }
            let live = |f: usize| live.get(f).copied().unwrap_or(u16::MAX);
            if let Some(r) = src_reg_no.filter(|_| linked(&src_reg)) {
                path.st.collect_linked(src_reg.id, live, &mut links);
                src_reg = *path.st.reg(r);
            }
            // The source's gathering may have unlinked the destination.
            dst_reg = *path.st.reg(dst);
            if linked(&dst_reg) {
                path.st.collect_linked(dst_reg.id, live, &mut links);
                dst_reg = *path.st.reg(dst);
            }
        }
        // This instruction's entry, the last of the history, may already be
        // recorded (a jump target, a stack pointer compared).
        let recorded = self.jmp_point[idx as usize]
            || self
                .cur_hist
                .last()
                .is_some_and(crate::history::Hist::flagged);
        if links.count() > 1 {
            if !recorded {
                path.jmp_history += 1;
            }
            if let Some(e) = self.cur_hist.last_mut() {
                e.linked = links;
            }
        }
        let mut taken = path.st.clone();
        let prog = self.prog;
        crate::branch::refine(
            &mut taken, dst, src_reg_no, &dst_reg, op, &src_reg, wide, true, prog, links,
        );
        crate::branch::refine(
            &mut path.st,
            dst,
            src_reg_no,
            &dst_reg,
            op,
            &src_reg,
            wide,
            false,
            prog,
            links,
        );
        self.push_branch(path, taken, target)?;
        path.st.insn = idx + 1;
        Ok(())
    }
}

/// Which of an instruction's stored states a state at it meets: those in
/// the same bucket of the kernel's `explored_states` table, indexed by the
/// instruction and the call that entered the current frame (`insn ^
/// callsite`, modulo the program's length; the program's or a verification
/// root's own frame was entered by no call, -1). Calls from two sites can
/// share a bucket.
fn list_key(st: &State, len: usize) -> u32 {
    let callsite = if st.frames.len() > 1 {
        st.cur().callsite as i32
    } else {
        -1
    };
    ((st.insn as i32 ^ callsite) as u32) % len as u32
}

/// A scalar converted as `order` over its low `bits` bits (the kernel's
/// `scalar_byte_swap`): a swap moves the known bits with their bytes and
/// keeps no range; 16 and 32 bits then truncate; a changed value loses its
/// links.
fn byte_swap(reg: Reg, order: kfreg_isa::ByteOrder, bits: u8) -> Reg {
    let swap = order != kfreg_isa::ByteOrder::ToLe;
    let truncate = bits == 16 || bits == 32;
    if !swap && !truncate {
        return reg;
    }
    let mut v = reg.var;
    if swap {
        v = Scalar {
            var: crate::tnum::Tnum {
                value: byte_order(order, v.var.value, bits),
                mask: byte_order(order, v.var.mask, bits),
            },
            ..Scalar::UNKNOWN
        };
        v.sync();
    }
    if truncate {
        v = v.coerce(bits as u32 / 8);
    }
    Reg::scalar(v)
}

/// `v` converted as `order` over its low `bits` bits, zero-extended (the
/// machine is little-endian: `le` only truncates).
fn byte_order(order: kfreg_isa::ByteOrder, v: u64, bits: u8) -> u64 {
    let low = if bits >= 64 {
        v
    } else {
        v & ((1u64 << bits) - 1)
    };
    match order {
        kfreg_isa::ByteOrder::ToLe => low,
        kfreg_isa::ByteOrder::ToBe | kfreg_isa::ByteOrder::Swap => {
            low.swap_bytes() >> (64 - bits as u32)
        }
    }
}

/// What the static call-graph walk looks at in a subprogram, in order.
enum Edge {
    /// A call (`direct`) or a callback's address taken.
    Call {
        /// The instruction.
        insn: u32,
        /// The subprogram called.
        callee: u32,
        /// A call rather than an address.
        direct: bool,
    },
    /// A call of a kfunc that throws: the instruction and the kfunc's name.
    Throw(u32, &'static str),
}

/// The kernel's walk of the static call graph (`check_max_stack_depth`).
struct StackWalk<'a, 'e> {
    env: &'a Env<'e>,
    /// Per subprogram, what it calls or throws.
    edges: &'a [Vec<Edge>],
    /// Per subprogram, whether it makes a tail call itself.
    tail_calls: &'a [bool],
    /// Per subprogram, once decided: whether it runs on a private stack.
    own_stack: Vec<Option<bool>>,
}

impl StackWalk<'_, '_> {
    /// Async callbacks and the exception callback start walks of their own.
    fn own_root(&self, s: u32) -> bool {
        self.env.async_cb[s as usize] || self.env.prog.exception_cb == Some(s)
    }

    /// `in_cb`: a callback is on the chain of calls leading here; `root`:
    /// the subprogram the walk started at.
    fn visit(
        &mut self,
        s: u32,
        depth: u32,
        frame: usize,
        priv_ok: bool,
        in_cb: bool,
        root: u32,
    ) -> Result<(), VerifyError> {
        let in_cb = in_cb || self.env.is_cb[s as usize];
        let tail_calls = self.tail_calls[s as usize];
        // A tail call unwinds its own frame but not its callers': with
        // 33 tail calls at most, callers holding 256 bytes or more could
        // overflow the kernel stack.
        if s != 0 && depth >= 256 && tail_calls {
            return Err(VerifyError {
                insn: None,
                msg: format!(
                    "tail_calls are not allowed when call stack of previous frames is {depth} bytes. Too large"
                ),
            });
        }
        let size = self.env.subprog_depth[s as usize].div_ceil(16) * 16;
        let own = self.own_stack[s as usize];
        let own = match own {
            Some(o) => o,
            None if !priv_ok => {
                self.own_stack[s as usize] = Some(false);
                false
            }
            None => {
                let o = size >= 64;
                if o {
                    self.own_stack[s as usize] = Some(true);
                }
                o
            }
        };
        let depth = if own {
            if size > MAX_STACK {
                return Err(VerifyError {
                    insn: None,
                    msg: format!("stack size of subprog {s} is {size}. Too large"),
                });
            }
            depth
        } else {
            let d = depth + size;
            if d > MAX_STACK {
                return Err(VerifyError {
                    insn: None,
                    msg: format!(
                        "combined stack size of {} calls is {d}. Too large",
                        frame + 1
                    ),
                });
            }
            d
        };
        for edge in &self.edges[s as usize] {
            let (insn, callee, direct) = match *edge {
                Edge::Throw(insn, name) if in_cb => {
                    return Err(VerifyError::at(
                        insn,
                        format!(
                            "{name} kfunc (insn {insn}) cannot be called from callback subprog {s}"
                        ),
                    ));
                }
                Edge::Throw(..) => continue,
                Edge::Call {
                    insn,
                    callee,
                    direct,
                } => (insn, callee, direct),
            };
            if self.own_root(callee) {
                if !direct {
                    continue;
                }
                if self.env.prog.exception_cb == Some(callee) {
                    return Err(VerifyError::at(
                        insn,
                        format!("insn {insn} cannot call exception cb directly"),
                    ));
                }
            }
            if frame + 1 >= MAX_CALL_FRAMES {
                return Err(VerifyError {
                    insn: None,
                    msg: format!("the call stack of {} frames is too deep !", frame + 1),
                });
            }
            self.visit(callee, depth, frame + 1, priv_ok, in_cb, root)?;
        }
        // A tail call replaces the running program, which neither a
        // callback's caller (a helper or kfunc calling it again for the
        // next round) nor the exception callback's unwinding survives: the
        // kernel refuses a subprogram making one that either leads to, once
        // the walk is through it.
        if tail_calls && self.env.prog.exception_cb == Some(root) {
            return Err(VerifyError {
                insn: None,
                msg: "cannot tail call within exception cb".into(),
            });
        }
        if tail_calls && in_cb {
            return Err(VerifyError {
                insn: None,
                msg: "cannot tail call within callback".into(),
            });
        }
        Ok(())
    }
}
