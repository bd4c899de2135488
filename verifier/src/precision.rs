//! Precision: which scalars' exact values matter.
//!
//! A stored state prunes any later state whose *precise* scalars lie in its
//! ranges; its other scalars match anything. A scalar becomes precise when
//! a check relies on its value (a branch decided by it, pointer arithmetic,
//! a size or constant argument, a return range). The check's instruction
//! then walks the path's history backwards, following the value to the
//! registers and stack slots it came from, and marks them precise in every
//! stored state on the way, as the kernel's backtracking does.

use crate::env::Env;
use crate::history::{Covered, Hist};
use crate::scc::Backedge;
use crate::state::{LinkedAt, RegType, State};
use kfreg_isa::{AluOp, AtomicOp, Call, Insn, Src};

/// Frames a precision request can span.
const FRAMES: usize = crate::limits::MAX_CALL_FRAMES + 1;

/// The registers and stack slots whose values are still being traced.
#[derive(Clone, Debug, Default)]
struct Trace {
    regs: [u16; FRAMES],
    slots: [u64; FRAMES],
    /// Frames of the instruction last walked back over.
    depth: usize,
}

/// Why backtracking stopped before it was done.
enum Stop {
    /// It met something it does not follow: every scalar is made precise
    /// instead (always safe).
    GiveUp,
    /// It still traced a value an instruction could not have produced (the
    /// kernel's `verifier_bug`, which fails the whole verification): an
    /// argument register above a call, say, which a stored state's dead
    /// precise scalar brings along when the kernel propagates it.
    Bug(String),
}
use Stop::GiveUp;

use crate::state::CALLER_SAVED;
/// Registers R1..R5: arguments.
const ARGS: u16 = 0b11_1110;

impl Trace {
    /// Nothing is traced. Only frames below `depth` can hold marks; this
    /// runs after every instruction walked back, so it folds without
    /// branching.
    fn is_empty(&self) -> bool {
        let n = self.depth.clamp(1, FRAMES);
        let regs = self.regs[..n].iter().fold(0, |a, r| a | r);
        let slots = self.slots[..n].iter().fold(0, |a, s| a | s);
        regs == 0 && slots == 0
    }

    /// Whether only argument registers of a global function verified on
    /// its own (frame 0 of a subprogram other than the main one) are left.
    fn only_global_args(&self, st: &State) -> bool {
        st.frames.len() == 1
            && st.frames[0].subprog > 0
            && self.slots[0] == 0
            && self.regs[0] & !ARGS == 0
    }

    /// Whether nothing is traced outside the running frame, which is all
    /// a [`Covered`] remembers.
    fn in_one_frame(&self) -> bool {
        let f = self.depth.wrapping_sub(1);
        (0..self.depth.min(FRAMES)).all(|g| g == f || (self.regs[g] == 0 && self.slots[g] == 0))
    }

    /// Whether earlier walks, recorded in `c`, traced all this one traces;
    /// if not, adds what this one traces to `c`.
    fn covered(&self, c: &mut Covered) -> bool {
        let f = self.depth.wrapping_sub(1);
        if f >= FRAMES || !self.in_one_frame() {
            return false;
        }
        if c.depth as usize != self.depth {
            *c = Covered {
                depth: self.depth as u8,
                ..Covered::default()
            };
        } else if self.regs[f] & !c.regs == 0 && self.slots[f] & !c.slots == 0 {
            return true;
        }
        c.regs |= self.regs[f];
        c.slots |= self.slots[f];
        false
    }

    fn has(&self, f: usize, r: u8) -> bool {
        self.regs[f] & 1 << r != 0
    }

    fn set(&mut self, f: usize, r: u8) {
        self.regs[f] |= 1 << r;
    }

    fn clear(&mut self, f: usize, r: u8) {
        self.regs[f] &= !(1 << r);
    }

    /// Walks back over `e`: first across a frame boundary between it and
    /// the instruction after it, then over the instruction itself.
    fn back(&mut self, env: &Env, e: &Hist) -> Result<(), Stop> {
        let d = e.depth as usize;
        if d == 0 || d >= FRAMES {
            return Err(GiveUp);
        }
        let f = d - 1;
        let insn = env.prog.insns[e.insn as usize];
        let mut entered = false;
        if self.depth == d + 1 {
            // The next instruction ran in a frame this call created: the
            // callee's arguments are the caller's registers for a
            // subprogram, values the kernel builds for a callback.
            let callee = d;
            let what = match insn {
                Insn::Call(Call::Local(_)) => "static subprog",
                Insn::Call(_) => "callback",
                _ => return Err(GiveUp),
            };
            if self.regs[callee] & !ARGS != 0 {
                let regs = self.regs[callee];
                return Err(Stop::Bug(format!("{what} unexpected regs {regs:x}")));
            }
            if self.slots[callee] != 0 {
                let slots = self.slots[callee];
                return Err(Stop::Bug(format!("{what} leftover stack slots {slots:x}")));
            }
            // A callback ran before its call had any effect on the caller,
            // whose arguments the helper checked at the call.
            if let Insn::Call(Call::Local(_)) = insn {
                self.regs[f] |= self.regs[callee];
            } else {
                self.regs[f] &= !ARGS;
            }
            entered = true;
            self.regs[callee] = 0;
        } else if self.depth + 1 == d && self.depth > 0 {
            // `e` returned to the frame below: its R0 is the caller's R0,
            // unless a callback returned (then a helper made the caller's).
            // A tail call that returned from a subprogram made the caller's
            // R0 itself: nothing of it leads into the callee. A legacy
            // packet load leaves its subprogram as an exit does (its R0,
            // when traced, gives up below, as for any such load).
            let caller = self.depth - 1;
            if env.is_tail_call(insn) {
                self.clear(caller, 0);
            } else if !matches!(insn, Insn::Exit | Insn::LdPkt { .. }) {
                return Err(GiveUp);
            }
            // A callback returns to its call, whose arguments stay traced
            // in the caller through the callback's body (the running
            // kernel marks them in the callback's stored states) until the
            // walk reaches the call's entry into the callback.
            if e.callback {
                self.clear(caller, 0);
            } else {
                if self.regs[caller] & ARGS != 0 {
                    let regs = self.regs[caller];
                    return Err(Stop::Bug(format!(
                        "backtracking exit unexpected regs {regs:x}"
                    )));
                }
                if self.has(caller, 0) {
                    self.set(f, 0);
                }
                self.regs[caller] &= !CALLER_SAVED;
            }
        } else if self.depth != d {
            return Err(GiveUp);
        }
        self.depth = d;
        self.sync_linked(e)?;
        self.over(e, f, insn, entered)?;
        self.sync_linked(e)
    }

    /// Traces every scalar a comparison linked once it traces one of them
    /// (the kernel's `bt_sync_linked_regs`, before and after the
    /// instruction).
    fn sync_linked(&mut self, e: &Hist) -> Result<(), Stop> {
        let traced = |t: &Self, at: LinkedAt| match at {
            LinkedAt::Reg { frame, reg } => t.has(frame as usize, reg),
            LinkedAt::Slot { frame, spi } => t.slot_set(frame as usize, spi as u16),
        };
        if !e.linked.iter().any(|at| traced(self, at)) {
            return Ok(());
        }
        for at in e.linked.iter() {
            match at {
                LinkedAt::Reg { frame, reg } => self.set(frame as usize, reg),
                LinkedAt::Slot { frame, spi } => {
                    self.slot(frame, spi as u16, true)?;
                }
            }
        }
        Ok(())
    }

    /// Walks back over the instruction of `e`, which ran in frame `f`.
    fn over(&mut self, e: &Hist, f: usize, insn: Insn, entered: bool) -> Result<(), Stop> {
        match insn {
            Insn::Alu { op, dst, src, .. } => {
                if !self.has(f, dst) {
                    return Ok(());
                }
                if matches!(op, AluOp::Mov | AluOp::MovSx(_)) {
                    self.clear(f, dst);
                }
                // The frame pointer is no scalar source.
                if let Src::Reg(s) = src
                    && s != kfreg_isa::FP
                {
                    self.set(f, s);
                }
            }
            Insn::LdImm64 { dst, .. } => self.clear(f, dst),
            // A legacy packet load's result is not followed into the
            // packet: the kernel gives up (backtrack_insn's -ENOTSUPP for
            // BPF_LD_ABS/IND) and makes every scalar precise, so a loop
            // whose rounds test such a value keeps exact counters.
            Insn::LdPkt { .. } if self.has(f, 0) => return Err(GiveUp),
            Insn::Ldx { dst, .. } if self.has(f, dst) => {
                self.clear(f, dst);
                if let Some((fr, spi)) = e.stack {
                    self.slot(fr, spi, true)?;
                }
            }
            // A store through a traced scalar is pointer arithmetic the
            // kernel does not follow.
            Insn::Stx { dst, .. } | Insn::St { dst, .. } if self.has(f, dst) => {
                return Err(GiveUp);
            }
            Insn::Stx { src, .. } => {
                if let Some((fr, spi)) = e.stack
                    && self.slot(fr, spi, false)?
                {
                    self.set(f, src);
                }
            }
            Insn::St { .. } => {
                if let Some((fr, spi)) = e.stack {
                    self.slot(fr, spi, false)?;
                }
            }
            // An atomic that loads (a fetch, load-acquire) is a load into
            // the register it writes: only that register is followed, into
            // the slot when it is one; the others are stores (the kernel's
            // backtrack_insn).
            Insn::Atomic { op, dst, src, .. } => match atomic_load_reg(op, dst, src) {
                Some(r) => {
                    if self.has(f, r) {
                        self.clear(f, r);
                        if let Some((fr, spi)) = e.stack {
                            self.slot(fr, spi, true)?;
                        }
                    }
                }
                None if self.has(f, dst) => return Err(GiveUp),
                None => {
                    if let Some((fr, spi)) = e.stack
                        && self.slot(fr, spi, false)?
                    {
                        self.set(f, src);
                    }
                }
            },
            Insn::Jmp { dst, src, .. } => {
                if let Src::Reg(s) = src
                    && (self.has(f, dst) || self.has(f, s))
                {
                    let (dst_stack, src_stack) = e.jmp_stack;
                    if !dst_stack {
                        self.set(f, dst);
                    }
                    if !src_stack {
                        self.set(f, s);
                    }
                }
            }
            // A call sets R0 and its arguments were traced at the call's own
            // checks: one still traced above it came from somewhere else.
            Insn::Call(call) if !entered => {
                self.clear(f, 0);
                if self.regs[f] & ARGS != 0 {
                    let what = match call {
                        Call::Local(_) => "global subprog",
                        _ => "backtracking call",
                    };
                    let regs = self.regs[f];
                    return Err(Stop::Bug(format!("{what} unexpected regs {regs:x}")));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn slot_set(&self, f: usize, spi: u16) -> bool {
        spi < 64 && self.slots[f] & 1 << spi != 0
    }

    /// For a load (`set`): trace slot `spi` of frame `f` instead; for a
    /// store: stop tracing it, returning whether it was traced.
    fn slot(&mut self, f: u8, spi: u16, set: bool) -> Result<bool, Stop> {
        let f = f as usize;
        if f >= FRAMES || spi >= 64 {
            return Err(GiveUp);
        }
        let was = self.slot_set(f, spi);
        if set {
            self.slots[f] |= 1 << spi;
        } else {
            self.slots[f] &= !(1 << spi);
        }
        Ok(was)
    }

    /// Marks what is traced precise in the stored state `st`; what is not
    /// a scalar there, or was already precise, needs no further tracing.
    /// Returns how many marks it set. A slot beyond the state's stack is
    /// the kernel's internal error: a pruned path's uninitialised slot,
    /// traced back past where its stack grew to hold it.
    fn mark(&mut self, st: &mut State) -> Result<u64, Stop> {
        let mut set = 0;
        for (f, frame) in st.frames.iter_mut().enumerate().take(FRAMES) {
            let mut regs = self.regs[f];
            while regs != 0 {
                let r = regs.trailing_zeros() as u8;
                regs &= regs - 1;
                let Some(reg) = frame.regs.get_mut(r as usize) else {
                    self.clear(f, r);
                    continue;
                };
                if reg.ty != RegType::Scalar || reg.precise {
                    self.clear(f, r);
                } else {
                    reg.precise = true;
                    set += 1;
                }
            }
            let mut slots = self.slots[f];
            while slots != 0 {
                let spi = slots.trailing_zeros() as u16;
                slots &= slots - 1;
                let total = frame.stack.len();
                if spi as usize >= total {
                    return Err(Stop::Bug(format!(
                        "stack slot {spi}, total slots {total} (i >= func->allocated_stack / BPF_REG_SIZE)"
                    )));
                }
                match &frame.stack[spi as usize] {
                    s if s.is_spill() && s.reg.ty == RegType::Scalar && !s.reg.precise => {
                        frame.stack.make_mut()[spi as usize].reg.precise = true;
                        set += 1;
                    }
                    _ => self.slots[f] &= !(1 << spi),
                }
            }
        }
        Ok(set)
    }
}

/// What to make precise.
#[derive(Clone, Copy, Debug)]
pub enum Want {
    /// Register `r` of frame `f`.
    Reg(usize, u8),
    /// Stack slot `spi` of frame `f`.
    Slot(usize, usize),
}

impl Env<'_> {
    /// Makes register `r` of the current frame precise, when it is a scalar.
    pub fn mark_precise(&mut self, st: &mut State, r: u8) {
        self.mark_frame_reg_precise(st, st.frames.len() - 1, r);
    }

    /// Makes register `r` of frame `f` precise, when it is a scalar.
    pub fn mark_frame_reg_precise(&mut self, st: &mut State, f: usize, r: u8) {
        if st.frames[f].regs[r as usize].ty == RegType::Scalar {
            self.precise_here(st, Want::Reg(f, r));
        }
    }

    /// Makes the scalar spilled in slot `spi` of frame `f` precise.
    pub fn mark_slot_precise(&mut self, st: &mut State, f: usize, spi: usize) {
        self.precise_here(st, Want::Slot(f, spi));
    }

    /// Traces `want` back from the path being stepped. The history's last
    /// entry is the instruction asking, which uses the value rather than
    /// sets it: like the kernel's `skip_first`, the walk starts before it
    /// (walking back over a call would drop the arguments it asks about).
    fn precise_here(&mut self, st: &mut State, want: Want) {
        let hist = std::mem::take(&mut self.cur_hist);
        let mut covered = std::mem::take(&mut self.cur_covered);
        let before = &hist[..hist.len().saturating_sub(1)];
        self.precise(st, before, Some(&mut covered), self.cur_parent, &[want]);
        self.cur_hist = hist;
        self.cur_covered = covered;
    }

    /// Traces `wants` back from `st` (reached through `hist` from the
    /// stored state `parent`), marking their sources precise. `covered`:
    /// what earlier walks over `hist` traced, when the caller keeps it.
    pub fn precise(
        &mut self,
        st: &mut State,
        hist: &[Hist],
        covered: Option<&mut Vec<Covered>>,
        parent: Option<usize>,
        wants: &[Want],
    ) {
        let mut t = Trace {
            depth: st.frames.len(),
            ..Trace::default()
        };
        for w in wants {
            match *w {
                Want::Reg(f, r) if f < FRAMES => t.set(f, r),
                Want::Slot(f, spi) if f < FRAMES && spi < 64 => t.slots[f] |= 1 << spi,
                _ => {}
            }
        }
        if t.is_empty() {
            return;
        }
        match self.trace(&mut t, hist, covered, parent) {
            Ok(()) => {}
            Err(GiveUp) => self.all_precise(parent),
            Err(Stop::Bug(msg)) => {
                self.internal_error
                    .get_or_insert(format!("verifier bug: {msg}"));
            }
        }
    }

    fn trace(
        &mut self,
        t: &mut Trace,
        hist: &[Hist],
        mut covered: Option<&mut Vec<Covered>>,
        parent: Option<usize>,
    ) -> Result<(), Stop> {
        if let Some(c) = covered.as_deref_mut()
            && c.len() < hist.len()
        {
            c.resize(hist.len(), Covered::default());
        }
        for (i, e) in hist.iter().enumerate().rev() {
            t.back(self, e)?;
            if t.is_empty() {
                return Ok(());
            }
            if let Some(c) = covered.as_deref_mut()
                && t.covered(&mut c[i])
            {
                return Ok(());
            }
        }
        let mut at = parent;
        let mut first = None;
        while let Some(n) = at {
            if self.nodes[n].state.frames.len() != t.depth {
                return Err(GiveUp);
            }
            self.precise_marks += t.mark(&mut self.nodes[n].state)?;
            if t.is_empty() {
                return Ok(());
            }
            for k in (0..self.nodes[n].hist.len()).rev() {
                let e = self.nodes[n].hist[k];
                t.back(self, &e)?;
                if t.is_empty() {
                    return Ok(());
                }
            }
            first = Some(n);
            at = self.nodes[n].parent;
        }
        // Off the first state with values still wanted. A global
        // function's arguments end at a state stored at its entry, which
        // they were marked in; anything else, or no such state (the kernel
        // stores one there only when its counters say so), is the kernel's
        // fallback (__mark_chain_precision).
        match first {
            Some(n)
                if self.nodes[n].hist.is_empty() && t.only_global_args(&self.nodes[n].state) =>
            {
                Ok(())
            }
            _ => Err(GiveUp),
        }
    }

    /// The kernel's fallback (mark_all_scalars_precise): every scalar of
    /// every stored state the path descends from becomes precise; the
    /// path's own state is skipped, as in the kernel, so the next state it
    /// stores starts without marks.
    fn all_precise(&mut self, parent: Option<usize>) {
        let mut at = parent;
        while let Some(n) = at {
            // An earlier fallback already went up from here: what is above
            // is precise (a loop giving up in every round would otherwise
            // walk its whole chain of rounds each time).
            if self.nodes[n].all_precise {
                break;
            }
            self.precise_marks += mark_all(&mut self.nodes[n].state);
            self.nodes[n].all_precise = true;
            at = self.nodes[n].parent;
        }
    }

    /// A loop's visit ended: every mark of its states is final. Paths that
    /// stopped at states of the loop still being explored inherit their
    /// marks again, until a round sets no new mark (the kernel's
    /// `propagate_backedges`); after too many rounds every scalar on their
    /// way becomes precise.
    pub fn propagate_backedges(&mut self, mut edges: Vec<Backedge>) {
        for round in 0.. {
            if round > BACKEDGE_ROUNDS {
                for e in &mut edges {
                    self.all_precise(e.parent);
                }
                return;
            }
            let before = self.precise_marks;
            for e in &mut edges {
                let wants = precise_scalars(&self.nodes[e.equal].state);
                self.precise(&mut e.st, &e.hist, None, e.parent, &wants);
            }
            if self.precise_marks == before {
                return;
            }
        }
    }
}

/// The precise scalars of `st`: a path stopping at `st` relies on their
/// values too, so it makes their sources on its way precise.
pub fn precise_scalars(st: &State) -> Vec<Want> {
    let mut wants = Vec::new();
    for (f, frame) in st.frames.iter().enumerate() {
        for (r, reg) in frame.regs.iter().enumerate() {
            if reg.ty == RegType::Scalar && reg.precise {
                wants.push(Want::Reg(f, r as u8));
            }
        }
        for (spi, s) in frame.stack.iter().enumerate() {
            if s.is_spill() && s.reg.ty == RegType::Scalar && s.reg.precise {
                wants.push(Want::Slot(f, spi));
            }
        }
    }
    wants
}

/// The register an atomic instruction loads into, if it loads.
fn atomic_load_reg(op: AtomicOp, dst: u8, src: u8) -> Option<u8> {
    match op {
        AtomicOp::LoadAcquire => Some(dst),
        AtomicOp::CmpXchg => Some(0),
        AtomicOp::Xchg
        | AtomicOp::Add { fetch: true }
        | AtomicOp::Or { fetch: true }
        | AtomicOp::And { fetch: true }
        | AtomicOp::Xor { fetch: true } => Some(src),
        _ => None,
    }
}

/// Rounds of backedge propagation before giving up (the kernel's
/// `MAX_BACKEDGE_ITERS`).
const BACKEDGE_ROUNDS: usize = 64;

/// Makes every scalar of `st` precise; returns how many were not.
fn mark_all(st: &mut State) -> u64 {
    let mut set = 0;
    st.for_each_reg(|r| {
        if r.ty == RegType::Scalar && !r.precise {
            r.precise = true;
            set += 1;
        }
    });
    set
}
