//! What one verification knows and owns: the program, the registry and
//! the options it runs with, the kernel's limits, the log and counters,
//! the stored states and the paths still to explore, and the error it
//! returns. Every check reads and updates it; none of them is here, so
//! the modules of checks sit above this one and never import each other
//! through it.

use crate::history::Hist;
use crate::limits::{INSN_LIMIT, JMP_SEQ_LIMIT};
use crate::liveness::StackLiveness;
use crate::scc::Visits;
use crate::state::{PtrFlags, Reg, RegType, State};
use kfreg::Registry;
use kfreg_isa::{Call, Insn};
use kfreg_object::program::Program;
use std::time::Duration;

/// How to verify.
#[derive(Clone, Debug)]
pub struct Options {
    /// Produce a kernel-style log of every processed instruction.
    pub log: bool,
    /// Keep the lines of every path explored, as the kernel's log level 2
    /// does; otherwise the log keeps only the path being explored.
    pub log_all_paths: bool,
    /// Processed-instruction limit.
    pub insn_limit: u64,
    /// The loader holds `CAP_SYS_BOOT` and may call destructive kfuncs
    /// (root does; the corpus is recorded as root).
    pub cap_sys_boot: bool,
    /// The target's number of possible CPUs (`nr_cpu_ids`), which bounds
    /// what `ret_cpu_id` helpers return; unknown, their result is any number.
    pub nr_cpu_ids: Option<u32>,
    /// The target's JIT gives a program's deep subprograms stacks of their
    /// own (`bpf_jit_supports_private_stack`: x86-64 and arm64 do) where
    /// the program type allows it (its `private_stack` flag): a perf event
    /// program whose main program uses 512 bytes and calls a subprogram
    /// using 32 is accepted there; without, it is "combined stack size of 2
    /// calls is 544".
    pub private_stack: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            log: false,
            log_all_paths: false,
            insn_limit: INSN_LIMIT,
            cap_sys_boot: true,
            nr_cpu_ids: None,
            private_stack: true,
        }
    }
}

/// Why a program was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// The instruction, when the error is about one.
    pub insn: Option<u32>,
    /// The kernel's message (empty where the kernel gives none: the report
    /// then gives the instruction's log line, which the kernel's log ends with).
    pub msg: String,
}

/// `msg` after the line a check logged on the way to it, if any (the
/// kernel's log before its error).
pub fn after(logged: &str, msg: &str) -> String {
    if logged.is_empty() {
        msg.to_string()
    } else {
        format!("{logged}\n{msg}")
    }
}

impl VerifyError {
    /// An error at instruction `insn`.
    pub fn at(insn: u32, msg: impl Into<String>) -> VerifyError {
        VerifyError {
            insn: Some(insn),
            msg: msg.into(),
        }
    }
}

/// Counters of a verification.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Instructions processed (the kernel's "processed N insns").
    pub insns_processed: u64,
    /// States stored for pruning.
    pub total_states: u64,
    /// Most states stored at once.
    pub peak_states: u64,
    /// Paths cut short because a stored state subsumed them.
    pub pruned: u64,
    /// Most states stored at one instruction.
    pub max_states_per_insn: u64,
    /// Stack bytes of the main program's deepest call chain.
    pub stack_depth: u32,
    /// Wall time.
    pub duration: Duration,
}

/// The outcome of verifying one program.
#[derive(Clone, Debug)]
pub struct Report {
    /// `None` when the program is accepted.
    pub error: Option<VerifyError>,
    /// The log (empty unless requested; the error line is always appended).
    pub log: String,
    /// Counters.
    pub stats: Stats,
}

impl Report {
    /// Whether the program was accepted.
    pub fn accepted(&self) -> bool {
        self.error.is_none()
    }
}

/// A stored state and the bookkeeping that decides whether it may prune.
pub(crate) struct Node {
    pub state: State,
    pub parent: Option<usize>,
    /// The instructions from the parent's state to this one.
    pub hist: Vec<Hist>,
    /// Live paths still exploring below this state; only finished
    /// subtrees (0) may prune, others may only reveal an infinite loop.
    pub branches: u32,
    /// Times it pruned a path.
    pub hits: u32,
    /// Times it was compared without pruning while a state was to be
    /// stored.
    pub misses: u32,
    /// Its dead registers and stack slots have been forgotten (once its
    /// exploration is finished, as the kernel's `clean_live_states`).
    pub cleaned: bool,
    /// A fallback made every scalar of it and of its stored ancestors
    /// precise, so the next one may stop here (stored states only gain
    /// marks).
    pub all_precise: bool,
    /// The loop visit its state is in, if any (`Callchain::of`, once).
    pub chain: Option<crate::scc::Callchain>,
    /// No longer compared (the eviction heuristic dropped it).
    pub evicted: bool,
}

/// A stored state in its instruction's list, beside the hash bucket of the
/// call that entered its frame (the list's key, see `check::list_key`): a visit scans the
/// whole list, and reading the key from the state would touch every one.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Explored {
    pub node: usize,
    pub key: u32,
}

/// A path being explored: its state and its nearest stored ancestor.
pub(crate) struct Path {
    pub st: State,
    pub parent: Option<usize>,
    /// The instructions run since the parent's state.
    pub hist: Vec<Hist>,
    /// What precision walks over `hist` traced (may be shorter).
    pub covered: Vec<crate::history::Covered>,
    /// Entries of `hist` the kernel's jump history would hold (jumps in,
    /// stack accesses): a long one makes the next prune point store a state.
    pub jmp_history: usize,
    /// Where the log stood when the path was queued: like the kernel at
    /// log level 1, the log keeps only the path being explored.
    pub log_pos: Option<usize>,
}

/// The part of the state the kernel has marked scratched and not printed
/// yet: it follows the next instruction's text on the same line, or, when
/// other lines came in between, gets a line of its own before the next
/// instruction.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scratched {
    Nothing,
    /// The registers and the current frame's stack slots (masks, slot `i`
    /// at `fp-8*(i+1)`) an instruction touched.
    Some {
        regs: u16,
        stack: u64,
    },
    /// A new frame was set up (a call entered, a callback queued), which
    /// marks the whole state scratched.
    All,
}

/// What executing one instruction did to the path.
pub(crate) enum Step {
    /// Continue at `st.insn`.
    Next,
    /// The path ended (program exit).
    End,
}

/// What a call does with a stack object (dynptr, iterator, IRQ flag) it
/// is passed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ObjectUse {
    /// Makes it in uninitialised slots.
    Create,
    /// Reads it.
    Read,
    /// Reads it, then leaves its slots uninitialised.
    Destroy,
}

impl ObjectUse {
    /// The use of a call that `creates` or `destroys` the object, or
    /// neither.
    pub fn of(creates: bool, destroys: bool) -> ObjectUse {
        match (creates, destroys) {
            (true, _) => ObjectUse::Create,
            (false, true) => ObjectUse::Destroy,
            (false, false) => ObjectUse::Read,
        }
    }
}

/// Everything one verification needs.
pub(crate) struct Env<'a> {
    pub prog: &'a Program,
    pub reg: &'a Registry,
    /// The declaration of the program's type (none for a hand-built
    /// program of an undeclared type), looked up once.
    pub prog_decl: Option<&'static kfreg::ProgTypeDecl>,
    /// The attach type the kernel verifies the program as: its own, or the
    /// one it gets loaded without one (`ProgTypes::load_attach`).
    pub attach: Option<kfreg::AttachType>,
    /// The declaration of the struct_ops type whose member the program
    /// implements, looked up once.
    pub struct_ops: Option<&'static kfreg::StructOpsDecl>,
    /// The declaration of the raw tracepoint a `tp_btf` program attaches to.
    pub tracepoint: Option<&'static kfreg::Tracepoint>,
    /// The declaration of the LSM hook an LSM program attaches to, when its
    /// rules are not the default ones.
    pub lsm_hook: Option<&'static kfreg::LsmHook>,
    pub opts: &'a Options,
    pub log: String,
    pub stats: Stats,
    pub nodes: Vec<Node>,
    /// The history and stored ancestor of the path being stepped.
    pub cur_hist: Vec<Hist>,
    pub cur_covered: Vec<crate::history::Covered>,
    pub cur_parent: Option<usize>,
    /// The source file and line last printed in the log.
    pub last_source: Option<(String, u32)>,
    /// What the log owes the reader since it last showed a state.
    pub scratched: Scratched,
    /// Where the log ended after the last instruction's text.
    pub insn_end: usize,
    /// Per instruction, its stored states still compared, oldest first.
    pub explored: Vec<Vec<Explored>>,
    /// Per hash bucket of the kernel's explored states (see `list_key`),
    /// how many stored states it holds, whatever their instruction: the
    /// kernel counts them all as it walks the bucket
    /// (`max_states_per_insn`).
    pub bucket_states: Vec<u32>,
    pub pending: Vec<Path>,
    pub prune_point: Vec<bool>,
    /// Where a path's jump history gets an entry: jump targets and the
    /// instructions after calls (the kernel's `jmp_point`).
    pub jmp_point: Vec<bool>,
    /// Where a jump, a call or a callback's address leads (the kernel's
    /// `jump_target`).
    pub jump_target: Vec<bool>,
    /// Per instruction, the registers live before it.
    pub live_regs: Vec<u16>,
    /// Per instruction, the registers it reads (a call: its arguments).
    pub reg_uses: Vec<u16>,
    /// The stack slots each call chain reads.
    pub stack_live: StackLiveness,
    /// Per instruction, its loop (`scc::components`; 0 for none).
    pub scc: Vec<u32>,
    /// The loops being visited and the backedges they wait on.
    pub visits: Visits,
    /// Precision marks set so far: backedge propagation repeats until a
    /// round sets none.
    pub precise_marks: u64,
    /// The kernel's internal error met while tracing precision (its
    /// `verifier_bug`): it ends the verification, whatever path is stepped.
    pub internal_error: Option<String>,
    /// Loop heads the kernel lets converge against states still being
    /// explored: iterator next calls, may_goto, callback-calling calls.
    pub loop_head: Vec<bool>,
    /// Subprogram index of each instruction.
    pub subprog_of: Vec<u32>,
    /// The deepest stack each subprogram used, in bytes.
    pub subprog_depth: Vec<u32>,
    /// The bpf_fastcall patterns and what the accesses made of them.
    pub fastcall: crate::fastcall::Fastcall,
    /// What calling each subprogram may do.
    pub effects: Vec<crate::effects::Effects>,
    /// Subprograms started as async callbacks (their own roots).
    pub async_cb: Vec<bool>,
    /// Global functions a verified path called: each is then verified on
    /// its own.
    pub called: Vec<bool>,
    /// Per instruction, whether a path reached it.
    pub seen: Vec<bool>,
    /// Subprograms run as callbacks (of a helper or kfunc, async, or the
    /// exception callback).
    pub is_cb: Vec<bool>,
    /// Per instruction: the kind of pointer its load or store went through
    /// first (see `mem::check_mem_insn`).
    pub insn_ptr_type: Vec<Option<RegType>>,
    /// A path loaded a socket field the kernel lets through but has no
    /// rewrite for: its instruction rewrites fail after verifying.
    pub unconverted_load: bool,
    /// Per call instruction rewritten to pass its object's struct meta (a
    /// `meta__ign` parameter): the meta its first visit saw (`Some(None)`:
    /// a type without special fields).
    pub call_struct_meta: Vec<Option<Option<u32>>>,
    /// Jump-class instructions processed (jumps, calls, exits).
    pub jmps_processed: u64,
    /// Counters when the last state was stored.
    pub prev_jmps: u64,
    pub prev_insns: u64,
    /// States currently compared at prune points.
    pub live_states: u64,
    /// States no longer compared but still kept, for a path under them
    /// or a loop's marks (the kernel's `free_list_size`).
    pub evicted_kept: u64,
    /// References held by the stored states, summed.
    pub stored_refs: u64,
    pub next_id: u32,
}

impl<'a> Env<'a> {
    /// The environment for verifying `prog` against `reg`: nothing explored yet.
    pub fn new(prog: &'a Program, reg: &'a Registry, opts: &'a Options) -> Env<'a> {
        let prog_decl = reg.prog_types().get(prog.prog_type);
        Env {
            prog,
            reg,
            prog_decl,
            attach: reg.prog_types().load_attach(prog.prog_type, prog.attach),
            struct_ops: prog
                .struct_ops
                .as_ref()
                .and_then(|m| reg.struct_ops().get(&m.ops)),
            tracepoint: kfreg_object::loader::raw_tp_target(&prog.section)
                .and_then(|name| reg.tracepoints().get(name)),
            lsm_hook: kfreg_object::loader::lsm_hook_target(&prog.section)
                .and_then(|name| reg.lsm_hooks().get(name)),
            opts,
            log: String::new(),
            stats: Stats::default(),
            // Room for a small program's states and branches: growing a
            // vector moves every element, which a program of a hundred
            // instructions would otherwise do a few times.
            nodes: Vec::with_capacity(16),
            cur_hist: Vec::new(),
            cur_covered: Vec::new(),
            cur_parent: None,
            internal_error: None,
            last_source: None,
            scratched: Scratched::Nothing,
            insn_end: 0,
            explored: vec![Vec::new(); prog.insns.len()],
            bucket_states: vec![0; prog.insns.len()],
            pending: Vec::with_capacity(16),
            prune_point: vec![false; prog.insns.len()],
            jmp_point: vec![false; prog.insns.len()],
            jump_target: vec![false; prog.insns.len()],
            live_regs: Vec::new(),
            reg_uses: Vec::new(),
            stack_live: Default::default(),
            scc: Vec::new(),
            visits: Visits::default(),
            precise_marks: 0,
            loop_head: vec![false; prog.insns.len()],
            subprog_of: vec![0; prog.insns.len()],
            subprog_depth: vec![0; prog.subprogs.len()],
            fastcall: Default::default(),
            effects: crate::effects::of_subprogs(prog, reg),
            async_cb: vec![false; prog.subprogs.len()],
            called: vec![false; prog.subprogs.len()],
            seen: vec![false; prog.insns.len()],
            is_cb: vec![false; prog.subprogs.len()],
            insn_ptr_type: vec![None; prog.insns.len()],
            unconverted_load: false,
            call_struct_meta: vec![None; prog.insns.len()],
            jmps_processed: 0,
            prev_jmps: 0,
            prev_insns: 0,
            live_states: 0,
            evicted_kept: 0,
            stored_refs: 0,
            next_id: 0,
        }
    }
}

impl Env<'_> {
    /// Marks `insn` as a place where states are stored and compared.
    pub fn mark_prune_point(&mut self, insn: usize) {
        if let Some(p) = self.prune_point.get_mut(insn) {
            *p = true;
        }
    }

    /// Marks `insn` as a place a jump, a call or a callback's address
    /// leads to.
    pub fn mark_jump_target(&mut self, insn: usize) {
        if let Some(p) = self.jump_target.get_mut(insn) {
            *p = true;
        }
    }

    /// Marks `insn` as a place where control arrives other than by falling
    /// through.
    pub fn mark_jmp_point(&mut self, insn: usize) {
        if let Some(p) = self.jmp_point.get_mut(insn) {
            *p = true;
        }
    }

    /// Marks `insn` as a loop head (and a prune point).
    pub fn mark_loop_head(&mut self, insn: usize) {
        self.mark_prune_point(insn);
        if let Some(p) = self.loop_head.get_mut(insn) {
            *p = true;
        }
    }

    /// Marks the `n` stack slots from `off` up scratched for the log, as
    /// the kernel's `mark_stack_slot_scratched()` does: by slot number
    /// alone, whatever the frame.
    pub fn scratch_slots(&mut self, off: i32, n: i32) {
        for o in (0..n).map(|k| off + 8 * k) {
            self.scratch_slot(o);
        }
    }

    fn scratch_slot(&mut self, off: i32) {
        if !self.opts.log || !(-(crate::limits::MAX_STACK as i32)..0).contains(&off) {
            return;
        }
        let bit = 1u64 << crate::state::slot_index(off);
        self.scratched = match self.scratched {
            Scratched::All => Scratched::All,
            Scratched::Nothing => Scratched::Some {
                regs: 0,
                stack: bit,
            },
            Scratched::Some { regs, stack } => Scratched::Some {
                regs,
                stack: stack | bit,
            },
        };
    }

    /// A fresh id for references and NULL-check links.
    pub fn new_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    /// Whether `insn` calls the tail-call helper.
    pub fn is_tail_call(&self, insn: Insn) -> bool {
        match insn {
            Insn::Call(Call::Helper(id)) => u32::try_from(id).is_ok_and(|id| {
                self.reg
                    .helpers()
                    .protos(id)
                    .iter()
                    .any(|h| h.has(kfreg::HelperFlags::TAIL_CALL))
            }),
            _ => false,
        }
    }

    /// Queues a copy of the current path continuing at `insn` with `st`.
    pub fn push_branch(&mut self, cur: &Path, mut st: State, insn: u32) -> Result<(), VerifyError> {
        // The kernel counts the branch being pushed.
        if self.pending.len() >= JMP_SEQ_LIMIT {
            return Err(VerifyError::at(
                cur.st.insn,
                format!(
                    "The sequence of {} jumps is too complex.",
                    self.pending.len() + 1
                ),
            ));
        }
        st.insn = insn;
        if let Some(p) = cur.parent {
            self.nodes[p].branches += 1;
        }
        let log_pos = self.log_pos();
        self.pending.push(Path {
            st,
            parent: cur.parent,
            hist: self.cur_hist.clone(),
            covered: Vec::new(),
            jmp_history: cur.jmp_history,
            log_pos,
        });
        Ok(())
    }

    /// The next round of a loop is about to be queued from `path` (at an
    /// iterator's next call or a may_goto): scalars that changed since the
    /// round before and are not precise become unknown in `next`, so that
    /// rounds converge (the kernel's `widen_imprecise_scalars`). The round
    /// before is the one [`Env::prev_entry`] finds, other than the state
    /// just stored for this round.
    pub fn widen_round(&self, path: &Path, next: &mut State) {
        let mut at = path.parent;
        if let Some(p) = at.filter(|p| self.nodes[*p].state.insn == path.st.insn) {
            at = self.nodes[p].parent;
        }
        if let Some(prev) = self.prev_entry(at, &path.st) {
            crate::prune::widen(&self.nodes[prev].state, next);
        }
    }

    /// The round before `st` of the loop `st` is at: the nearest stored
    /// ancestor from `at` up at the same instruction and call sites, still
    /// being explored and still compared against (the kernel's
    /// `find_prev_entry`).
    pub fn prev_entry(&self, mut at: Option<usize>, st: &State) -> Option<usize> {
        while let Some(n) = at {
            let node = &self.nodes[n];
            if node.state.insn == st.insn
                && node.branches > 0
                && same_callsites(&node.state, st)
                && self.explored[st.insn as usize].iter().any(|e| e.node == n)
            {
                return Some(n);
            }
            at = node.parent;
        }
        None
    }

    /// Queues a path that starts afresh (an async callback): it shares no
    /// history with the path that scheduled it. Making its frame marks the
    /// whole state scratched for the log (init_func_state), so the call's
    /// state line shows every register and slot.
    pub fn push_root(&mut self, st: State) {
        self.scratched = Scratched::All;
        if let Some(cb) = st
            .frames
            .first()
            .and_then(|f| self.async_cb.get_mut(f.subprog as usize))
        {
            *cb = true;
        }
        let log_pos = self.log_pos();
        self.pending.push(Path {
            st,
            parent: None,
            hist: Vec::new(),
            covered: Vec::new(),
            jmp_history: 0,
            log_pos,
        });
    }

    /// Where the log stands when a path is queued (see [`Path::log_pos`]).
    fn log_pos(&self) -> Option<usize> {
        (self.opts.log && !self.opts.log_all_paths).then_some(self.log.len())
    }

    /// Appends a line to the log.
    pub fn logln(&mut self, line: &str) {
        if self.opts.log {
            self.log.push_str(line);
            self.log.push('\n');
        }
    }

    /// Argument register `regno` of the call being verified passes the stack
    /// object (dynptr, iterator, IRQ flag) of `nslots` slots `reg` points
    /// to, which the callee reads unless it only creates it, and whose
    /// slots it writes whole when it creates or destroys it (the kernel's
    /// `mark_stack_slot_obj_read`, `bpf_mark_stack_write`).
    pub fn stack_object_arg(&mut self, regno: u8, reg: &Reg, nslots: i32, how: ObjectUse) {
        if reg.ty != RegType::Stack {
            return;
        }
        if let Ok((frame, off)) = reg.stack_object("", nslots) {
            let (lo, hi) = (off as i64, off as i64 + 8 * nslots as i64);
            let create = how == ObjectUse::Create;
            self.stack_live.arg_access(regno, frame, lo, hi, create);
            if how != ObjectUse::Read {
                self.stack_live.mark_write(frame, lo, hi);
            }
        }
    }

    /// Fails unless register `r` may be read.
    pub fn check_reg_read(&self, st: &State, r: u8) -> Result<(), VerifyError> {
        if st.reg(r).ty == RegType::NotInit {
            return Err(VerifyError::at(st.insn, format!("R{r} !read_ok")));
        }
        Ok(())
    }

    /// An instruction's source operand: a register that must have been
    /// written, or its immediate as a 64-bit operation (sign-extended) or a
    /// 32-bit one (zero-extended) sees it.
    pub fn src_operand(
        &self,
        st: &State,
        src: kfreg_isa::Src,
        wide: bool,
    ) -> Result<Reg, VerifyError> {
        Ok(match src {
            kfreg_isa::Src::Reg(r) => {
                self.check_reg_read(st, r)?;
                *st.reg(r)
            }
            kfreg_isa::Src::Imm(i) => Reg::constant(if wide {
                i as i64 as u64
            } else {
                i as u32 as u64
            }),
        })
    }

    /// Fails unless register `r` may be written.
    pub fn check_reg_write(&self, st: &State, r: u8) -> Result<(), VerifyError> {
        if r == kfreg_isa::FP {
            return Err(VerifyError::at(st.insn, "frame pointer is read only"));
        }
        Ok(())
    }

    /// The name of the struct a BTF-id pointer points to.
    pub fn type_name(&self, r: &Reg) -> &str {
        self.btf_type_name(r.aux, r.flags.has(PtrFlags::PROG_BTF))
    }

    /// The name of struct `ty`, a program-BTF type id or an interned kernel one.
    pub fn btf_type_name(&self, ty: u32, prog_btf: bool) -> &str {
        if prog_btf {
            self.prog.types.get(&ty).map_or("?", |t| t.name.as_str())
        } else {
            kfreg_object::kernel_types::name(ty)
        }
    }
}

/// Whether two states wait on the same calls.
fn same_callsites(a: &State, b: &State) -> bool {
    a.frames.len() == b.frames.len()
        && a.frames
            .iter()
            .zip(&b.frames)
            .all(|(x, y)| x.callsite == y.callsite)
}

/// What the kernel's BTF says of a kfunc call's id: `None` without the BTF,
/// `Some(None)` when it names no function, else the function's name.
pub fn kernel_func_name(
    prog: &kfreg_object::program::Program,
    btf_id: i32,
) -> Option<Option<&str>> {
    let btf = prog.kernel_btf.as_deref()?;
    let func = btf
        .type_by_id(btf_id as u32)
        .ok()
        .filter(|t| t.kind() == kfreg_object::btf::Kind::Func);
    Some(func.and_then(|t| btf.string(t.name_off).ok()))
}
