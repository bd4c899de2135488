//! Liveness: which registers and stack slots a path may still read.
//!
//! Registers are computed once before verification, as the kernel's
//! `compute_live_registers` does. Stack slots are learned while verifying,
//! as the kernel's `liveness.c` does: the slots each instruction read or
//! fully wrote are recorded per call chain, and a backward data flow over
//! the subprogram turns them into the slots live before each instruction.
//! A stored state whose exploration is finished forgets its dead
//! registers and slots, so it covers states whatever they hold there.

use crate::state::{CALLER_SAVED, Reg, RegType, State, slot_index};
use kfreg::{AttachType, Registry};
use kfreg_isa::{AtomicOp, Call, Insn, Src};
use kfreg_object::program::Program;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The registers an instruction reads and the ones it writes (bit `i` is
/// `Ri`). Anything the kernel does not model reads every register.
fn use_def(prog: &Program, reg: &Registry, attach: Option<AttachType>, insn: &Insn) -> (u16, u16) {
    let bit = |r: u8| 1u16 << r;
    match *insn {
        Insn::LdImm64 { dst, .. } => (0, bit(dst)),
        Insn::Ldx { dst, src, .. } => (bit(src), bit(dst)),
        Insn::St { dst, .. } => (bit(dst), 0),
        Insn::Stx { dst, src, .. } => (bit(dst) | bit(src), 0),
        Insn::Atomic { op, dst, src, .. } => match op {
            AtomicOp::CmpXchg => (1 | bit(dst) | bit(src), 1),
            AtomicOp::LoadAcquire => (bit(src), bit(dst)),
            AtomicOp::StoreRelease => (bit(dst) | bit(src), 0),
            AtomicOp::Xchg
            | AtomicOp::Add { fetch: true }
            | AtomicOp::Or { fetch: true }
            | AtomicOp::And { fetch: true }
            | AtomicOp::Xor { fetch: true } => (bit(dst) | bit(src), bit(src)),
            _ => (bit(dst) | bit(src), 0),
        },
        Insn::End { dst, .. } => (bit(dst), bit(dst)),
        Insn::Alu { op, dst, src, .. } => {
            let src = match src {
                Src::Reg(r) => bit(r),
                Src::Imm(_) => 0,
            };
            match op {
                kfreg_isa::AluOp::Mov | kfreg_isa::AluOp::MovSx(_) => (src, bit(dst)),
                _ => (bit(dst) | src, bit(dst)),
            }
        }
        Insn::Ja { .. } | Insn::MayGoto { .. } => (0, 0),
        Insn::Exit => (1, 0),
        Insn::Jmp { dst, src, .. } => match src {
            Src::Reg(r) => (bit(dst) | bit(r), 0),
            Src::Imm(_) => (bit(dst), 0),
        },
        Insn::Call(call) => {
            let params = match call {
                Call::Helper(id) => u32::try_from(id).ok().and_then(|id| {
                    reg.helpers()
                        .get_for(id, prog.prog_type, attach)
                        .map(|h| h.used_args().len())
                }),
                Call::Kfunc { btf_id, .. } => {
                    prog.kfuncs.get(&btf_id).map(|id| reg.get(*id).params.len())
                }
                Call::Local(_) => None,
            };
            let uses = params.map_or(CALLER_SAVED & !1, |n| ((1u16 << (n.min(5) + 1)) - 1) & !1);
            (uses, CALLER_SAVED)
        }
        Insn::LdPkt { .. } | Insn::LdImm64Tail => (u16::MAX, 0),
    }
}

/// Where control may go after instruction `i` (calls fall through).
pub fn successors(insns: &[Insn], i: usize) -> [Option<usize>; 2] {
    let n = insns.len();
    let rel = |off: i64| usize::try_from(i as i64 + 1 + off).ok().filter(|t| *t < n);
    match insns[i] {
        Insn::Exit => [None, None],
        Insn::Ja { off } => [rel(off as i64), None],
        Insn::Jmp { off, .. } | Insn::MayGoto { off } => [rel(0), rel(off as i64)],
        Insn::LdImm64 { .. } => [rel(1), None],
        _ => [rel(0), None],
    }
}

/// Per instruction, the registers that may be read before being written
/// again on some path from it (its `live_regs_before`), and the registers
/// it reads itself, for a program verified as attached as `attach`, which
/// decides which helpers exist (and so a call's arguments).
pub fn live_regs(
    prog: &Program,
    reg: &Registry,
    attach: Option<AttachType>,
) -> (Vec<u16>, Vec<u16>) {
    let insns = &prog.insns;
    let n = insns.len();
    let ud: Vec<(u16, u16)> = insns
        .iter()
        .map(|i| use_def(prog, reg, attach, i))
        .collect();
    let succ = |i: usize| successors(insns, i);
    let mut live = vec![0u16; n];
    // Backwards sweeps until nothing changes: most programs jump forwards,
    // so one or two sweeps settle them.
    let mut changed = true;
    while changed {
        changed = false;
        for i in (0..n).rev() {
            let out = succ(i).iter().flatten().fold(0, |acc, s| acc | live[*s]);
            let (uses, defs) = ud[i];
            let before = (out & !defs) | uses;
            if before != live[i] {
                live[i] = before;
                changed = true;
            }
        }
    }
    (live, ud.iter().map(|&(uses, _)| uses).collect())
}

/// Stack slots of one frame: bit `i` is the slot `[fp-8*(i+1), fp-8*i)`.
type Slots = u64;

/// What one instruction of one call chain did to one frame's stack.
#[derive(Clone, Copy, Default)]
struct Masks {
    /// Slots it may read (on any visit).
    may_read: Slots,
    /// Slots it wrote whole (on every visit).
    must_write: Slots,
    /// Slots it or every path after it in the subprogram writes whole:
    /// what a call of the subprogram surely writes in its callers' frames.
    must_write_acc: Slots,
    /// Slots it or a later instruction may read before they are written.
    live_before: Slots,
}

/// One subprogram reached through one chain of calls.
struct Instance {
    /// Its call chain (see [`chain`]).
    key: Vec<u32>,
    /// The subprogram start of each frame of the chain.
    starts: Vec<u32>,
    /// Instructions of the subprogram.
    len: usize,
    /// Per frame of the chain, per instruction of the subprogram (empty
    /// until the frame's stack is touched).
    frames: Vec<Vec<Masks>>,
    /// Per instruction: its writes have been recorded once.
    written: Vec<bool>,
    /// Marks changed since `live_before` was last computed.
    updated: bool,
    /// Some `must_write` shrank since then, so `must_write_acc`, which only
    /// grows while computed, is computed again from nothing.
    must_write_dropped: bool,
}

impl Instance {
    fn masks(&mut self, frame: usize, insn: u32) -> &mut Masks {
        let len = self.len;
        let f = &mut self.frames[frame];
        if f.is_empty() {
            f.resize(len, Masks::default());
        }
        &mut f[(insn - self.starts[self.starts.len() - 1]) as usize]
    }

    fn live_before(&self, frame: usize, insn: u32) -> Slots {
        let start = self.starts[self.starts.len() - 1];
        self.frames
            .get(frame)
            .and_then(|f| f.get(insn.checked_sub(start)? as usize))
            .map_or(0, |m| m.live_before)
    }
}

/// Call chains are a few small numbers, hashed at every stack access: a
/// multiply-rotate hash (FxHash's) rather than SipHash, whose resistance
/// to chosen keys nothing here needs.
#[derive(Default, Clone, Copy)]
struct ChainHasher(u64);

impl ChainHasher {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for ChainHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The stack slots each call chain reads, learned while verifying.
#[derive(Default)]
pub struct StackLiveness {
    /// Per call chain met.
    instances: Vec<Instance>,
    /// Instances by call chain: the call instruction entering each frame
    /// but the last, then the last frame's subprogram start (the kernel's
    /// `callchain.callsites`).
    index: HashMap<Vec<u32>, usize, BuildHasherDefault<ChainHasher>>,
    /// The instance of the last access recorded: a path stays in one call
    /// chain between calls, so most accesses find theirs here without
    /// building and hashing the chain.
    last: Option<usize>,
    /// The call being verified, when it has stack pointer arguments.
    call: Option<PendingCall>,
    /// What its memory argument checks reported: register, frame, slots read.
    arg_reads: Vec<(u8, usize, Slots)>,
    /// The stack the instruction being verified writes whole, per frame
    /// (the kernel's `write_masks_acc`), when it may write the stack.
    writes: Option<PendingWrites>,
}

/// The whole slots an instruction writes, gathered while it is verified
/// and merged into its marks once it is done.
struct PendingWrites {
    inst: usize,
    insn: u32,
    /// Per frame of the chain (a state has at most this many).
    masks: [Slots; crate::limits::MAX_CALL_FRAMES],
}

/// A call with stack pointer arguments, recorded before it runs.
struct PendingCall {
    /// Its instance.
    inst: usize,
    insn: u32,
    /// Per stack pointer argument: its register, its frame, and the slots
    /// from it up to the frame pointer.
    reach: Vec<(u8, usize, Slots)>,
}

/// The call chain of `st`, and the subprogram start of each frame.
fn chain(prog: &Program, st: &State) -> (Vec<u32>, Vec<u32>) {
    let starts: Vec<u32> = st
        .frames
        .iter()
        .map(|f| prog.subprogs[f.subprog as usize].start)
        .collect();
    (chain_key(prog, st).collect(), starts)
}

/// The call chain of `st`, element by element: the call entering each
/// frame but the first, then the last frame's subprogram start.
fn chain_key<'a>(prog: &'a Program, st: &'a State) -> impl Iterator<Item = u32> + 'a {
    let last = st
        .frames
        .last()
        .map(|f| prog.subprogs[f.subprog as usize].start);
    st.frames[1..].iter().map(|f| f.callsite).chain(last)
}

/// The slots `[lo, hi]` (byte offsets from the frame pointer) cover.
/// The instance key of each frame of a call chain (`key`, `starts` as
/// [`chain`] gives them): the calls into the frame, then its start.
fn frame_keys(key: &[u32], starts: &[u32]) -> Vec<Vec<u32>> {
    (0..starts.len())
        .map(|d| {
            let mut k = key[..d].to_vec();
            k.push(starts[d]);
            k
        })
        .collect()
}

fn slots_between(lo: i64, hi: i64) -> Slots {
    let (lo, hi) = (lo.max(-(crate::limits::MAX_STACK as i64)), hi.min(-1));
    if lo > hi {
        return 0;
    }
    let (first, last) = (slot_index(hi as i32), slot_index(lo as i32));
    let upto = |i: usize| {
        if i >= 63 {
            u64::MAX
        } else {
            (1u64 << (i + 1)) - 1
        }
    };
    upto(last) & !(if first == 0 { 0 } else { upto(first - 1) })
}

/// The slots an access of `size` bytes at `off` from `base` may touch, with
/// the frame they belong to.
fn touched(base: &Reg, off: i64, size: i64) -> Option<(usize, Slots)> {
    (base.ty == RegType::Stack).then(|| {
        let at = base.off as i64 + off;
        let lo = at.saturating_add(base.var.smin);
        let hi = at.saturating_add(base.var.smax).saturating_add(size - 1);
        (base.aux as usize, slots_between(lo, hi))
    })
}

/// The slots a store of `size` bytes at `off` from `base` writes whole: an
/// aligned 8-byte store at a known offset writes its slot, and a store of
/// any size or position destroys every dynptr it lands on, both slots
/// (the kernel's `check_stack_write_fixed_off` and
/// `destroy_if_dynptr_stack_slot`).
fn written(st: &State, base: &Reg, off: i64, size: i64) -> Option<(usize, Slots)> {
    let (frame, reach) = touched(base, off, size)?;
    let at = base.off as i64 + off;
    let mut slots = match base.var.as_const() {
        Some(v) if size == 8 && (at + v as i64) % 8 == 0 => reach,
        _ => 0,
    };
    let stack = &st.frames[frame];
    let mut rest = reach;
    while rest != 0 {
        let spi = rest.trailing_zeros();
        rest &= rest - 1;
        if let Some((_, partner)) = stack.dynptr_at(-8 * (spi as i32 + 1)) {
            slots |= 1 << spi;
            if let Some(p) = partner {
                slots |= slots_between(p as i64, p as i64);
            }
        }
    }
    Some((frame, slots))
}

impl StackLiveness {
    /// The instance of call chain `key`, made on first use.
    fn instance(&mut self, key: &[u32], starts: &[u32], prog: &Program) -> usize {
        if let Some(&i) = self.index.get(key) {
            return i;
        }
        let i = self.instances.len();
        self.instances.push(Self::new_instance(key, starts, prog));
        self.index.insert(key.to_vec(), i);
        i
    }

    /// The instance of the call chain `st` runs in.
    fn instance_of(&mut self, prog: &Program, st: &State) -> usize {
        if let Some(i) = self.last
            && chain_key(prog, st).eq(self.instances[i].key.iter().copied())
        {
            return i;
        }
        let (key, starts) = chain(prog, st);
        let i = self.instance(&key, &starts, prog);
        self.last = Some(i);
        i
    }

    fn new_instance(key: &[u32], starts: &[u32], prog: &Program) -> Instance {
        let start = starts[starts.len() - 1];
        let end = prog
            .subprogs
            .iter()
            .map(|s| s.start)
            .filter(|s| *s > start)
            .min()
            .unwrap_or(prog.insns.len() as u32);
        Instance {
            key: key.to_vec(),
            starts: starts.to_vec(),
            len: (end - start) as usize,
            frames: vec![Vec::new(); starts.len()],
            written: vec![false; (end - start) as usize],
            updated: false,
            must_write_dropped: false,
        }
    }

    /// Records what instruction `insn`, about to run in `st` and reading
    /// registers `uses` (a call: its arguments), reads and writes of the
    /// stack (the kernel's `bpf_mark_stack_read` and `bpf_mark_stack_write`).
    /// Writes made while the instruction is verified ([`Self::mark_write`])
    /// and the reads its memory arguments report are merged by
    /// [`Self::finish_insn`].
    pub fn record(&mut self, prog: &Program, st: &State, insn: Insn, uses: u16) {
        let mut read = None;
        let mut write = None;
        match insn {
            Insn::Ldx { src, off, size, .. }
            | Insn::Atomic {
                op: AtomicOp::LoadAcquire,
                src,
                off,
                size,
                ..
            } => read = touched(st.reg(src), off as i64, size.bytes() as i64),
            Insn::Atomic {
                op: AtomicOp::StoreRelease,
                dst,
                off,
                size,
                ..
            }
            | Insn::St { dst, off, size, .. }
            | Insn::Stx { dst, off, size, .. } => write = Some((dst, off, size.bytes())),
            // A read-modify-write reads, then writes.
            Insn::Atomic { dst, off, size, .. } => {
                read = touched(st.reg(dst), off as i64, size.bytes() as i64);
                write = Some((dst, off, size.bytes()));
            }
            // A call reads what its stack pointer arguments reach: the
            // memory argument checks report how far ([`Self::arg_access`]);
            // any other reaches up to the frame pointer.
            Insn::Call(call) => {
                // A static subprogram's reads and writes are its own
                // instructions', handed to the call when its instance is
                // updated.
                if let Call::Local(off) = call {
                    let target = (st.insn as i64 + 1 + off as i64) as u32;
                    if prog.subprogs.iter().any(|s| s.start == target && !s.global) {
                        return;
                    }
                }
                // Only its arguments: a stack pointer left in a register
                // the callee does not take is not read.
                let mut reach = Vec::new();
                for r in (1..=5).filter(|r| uses & 1 << r != 0) {
                    let reg = st.reg(r);
                    if reg.ty == RegType::Stack {
                        let lo = (reg.off as i64).saturating_add(reg.var.smin);
                        reach.push((r, reg.aux as usize, slots_between(lo, -1)));
                    }
                }
                let inst = self.instance_of(prog, st);
                if !reach.is_empty() {
                    self.call = Some(PendingCall {
                        inst,
                        insn: st.insn,
                        reach,
                    });
                    self.arg_reads.clear();
                }
                self.writes = Some(PendingWrites {
                    inst,
                    insn: st.insn,
                    masks: Default::default(),
                });
                return;
            }
            _ => return,
        }
        if read.is_none_or(|r| r.1 == 0) && write.is_none() {
            return;
        }
        let i = self.instance_of(prog, st);
        self.add_reads(i, st.insn, read.as_slice());
        if let Some((dst, off, size)) = write {
            let mut masks = [0; crate::limits::MAX_CALL_FRAMES];
            if let Some((frame, slots)) = written(st, st.reg(dst), off as i64, size as i64) {
                masks[frame] = slots;
            }
            self.writes = Some(PendingWrites {
                inst: i,
                insn: st.insn,
                masks,
            });
        }
    }

    /// The instruction being verified writes the whole slots of `[lo, hi)`
    /// of frame `frame` (a stack object made or destroyed).
    pub fn mark_write(&mut self, frame: usize, lo: i64, hi: i64) {
        if let Some(w) = &mut self.writes
            && let Some(m) = w.masks.get_mut(frame)
        {
            *m |= slots_between(lo, hi - 1);
        }
    }

    fn add_reads(&mut self, inst: usize, idx: u32, reads: &[(usize, Slots)]) {
        let inst = &mut self.instances[inst];
        for &(frame, mask) in reads {
            if mask == 0 || frame >= inst.frames.len() {
                continue;
            }
            let m = inst.masks(frame, idx);
            if m.may_read | mask != m.may_read {
                m.may_read |= mask;
                inst.updated |= m.live_before | mask != m.live_before;
            }
        }
    }

    /// A memory argument check of the call being verified: register
    /// `regno` points to `[lo, hi)` of frame `frame`'s stack, which the
    /// callee reads unless it only `write`s it.
    pub fn arg_access(&mut self, regno: u8, frame: usize, lo: i64, hi: i64, write: bool) {
        if self.call.is_some() {
            let mask = if write { 0 } else { slots_between(lo, hi - 1) };
            self.arg_reads.push((regno, frame, mask));
        }
    }

    /// Argument register `regno` of the call being verified is taken as a
    /// number (`ARG_ANYTHING`): the stack it may point to is not read.
    pub fn arg_not_read(&mut self, regno: u8) {
        if self.call.is_some() {
            self.arg_reads.push((regno, 0, 0));
        }
    }

    /// The instruction recorded before it ran has been verified: records
    /// what a call's stack pointer arguments read, exactly where a memory
    /// argument check said, else up to the frame pointer; then the slots
    /// the instruction wrote whole.
    pub fn finish_insn(&mut self) {
        if let Some(call) = self.call.take() {
            let arg_reads = std::mem::take(&mut self.arg_reads);
            let reads: Vec<(usize, Slots)> = call
                .reach
                .iter()
                .map(|&(r, frame, upto_fp)| {
                    let checked = arg_reads.iter().filter(|a| a.0 == r);
                    match checked.clone().next() {
                        Some(_) => (frame, checked.fold(0, |m, a| m | a.2)),
                        None => (frame, upto_fp),
                    }
                })
                .collect();
            self.add_reads(call.inst, call.insn, &reads);
        }
        if let Some(w) = self.writes.take() {
            self.commit_writes(w.inst, w.insn, &w.masks);
        }
    }

    /// Merges what one visit of instruction `idx` wrote whole, per frame:
    /// a slot stays in `must_write` only if every visit wrote it (the
    /// kernel's `commit_stack_write_marks`).
    fn commit_writes(&mut self, inst: usize, idx: u32, masks: &[Slots]) {
        let inst = &mut self.instances[inst];
        let rel = (idx - inst.starts[inst.starts.len() - 1]) as usize;
        let first = !inst.written[rel];
        inst.written[rel] = true;
        for frame in 0..inst.frames.len() {
            let mask = masks.get(frame).copied().unwrap_or(0);
            if first && mask == 0 {
                continue;
            }
            let m = inst.masks(frame, idx);
            let new = if first { mask } else { m.must_write & mask };
            let old = m.must_write;
            if new != old {
                m.must_write = new;
                inst.updated = true;
            }
            inst.must_write_dropped |= old & !new != 0;
        }
    }

    /// Recomputes the live slots of instance `i`, then hands the slots of
    /// outer frames live at its entry to the call that entered it.
    fn update(&mut self, prog: &Program, i: usize) {
        let inst = &mut self.instances[i];
        if !inst.updated {
            return;
        }
        inst.updated = false;
        if std::mem::take(&mut inst.must_write_dropped) {
            for m in inst.frames.iter_mut().flatten() {
                m.must_write_acc = 0;
            }
        }
        let start = inst.starts[inst.starts.len() - 1] as usize;
        let len = inst.len;
        for f in inst.frames.iter_mut().filter(|f| !f.is_empty()) {
            let mut changed = true;
            while changed {
                changed = false;
                for rel in (0..len).rev() {
                    let succ = successors(&prog.insns, start + rel);
                    if succ.iter().all(Option::is_none) {
                        continue;
                    }
                    let (after, written_after) = succ
                        .iter()
                        .flatten()
                        .filter_map(|s| s.checked_sub(start).filter(|r| *r < len))
                        .fold((0, Slots::MAX), |(live, written), r| {
                            (live | f[r].live_before, written & f[r].must_write_acc)
                        });
                    let m = &mut f[rel];
                    let before = (after & !m.must_write) | m.may_read;
                    let acc = written_after | m.must_write;
                    if before != m.live_before || acc != m.must_write_acc {
                        m.live_before = before;
                        m.must_write_acc = acc;
                        changed = true;
                    }
                }
            }
        }
        let depth = inst.starts.len() - 1;
        if depth == 0 {
            return;
        }
        // What the outer frames hold at the callee's entry: live slots and
        // slots every path through the callee writes.
        let (entry, entry_written): (Vec<Slots>, Vec<Slots>) = inst.frames[..depth]
            .iter()
            .map(|f| {
                f.first()
                    .map_or((0, 0), |m| (m.live_before, m.must_write_acc))
            })
            .unzip();
        let starts = inst.starts[..depth].to_vec();
        let callsite = inst.key[depth - 1];
        let mut outer_key = inst.key[..depth - 1].to_vec();
        outer_key.push(starts[depth - 1]);
        let outer_at = self.instance(&outer_key, &starts, prog);
        let outer = &mut self.instances[outer_at];
        for (frame, mask) in entry.into_iter().enumerate() {
            if mask == 0 {
                continue;
            }
            let m = outer.masks(frame, callsite);
            if m.may_read | mask != m.may_read {
                m.may_read |= mask;
                outer.updated |= m.live_before | mask != m.live_before;
            }
        }
        // What every path through the callee writes in its callers' frames,
        // the call writes (the kernel's propagate_to_outer_instance).
        self.commit_writes(outer_at, callsite, &entry_written);
    }

    /// Recomputes the live slots of the subprograms on `st`'s call chain,
    /// innermost first, each handing its reads to its caller (the kernel's
    /// `bpf_update_live_stack`). The kernel does this only when a path ends
    /// and when a subprogram returns: a read made since then is not yet
    /// live for a stored state cleaned in between, which then prunes more.
    pub fn update_chain(&mut self, prog: &Program, st: &State) {
        let (key, starts) = chain(prog, st);
        for k in frame_keys(&key, &starts).iter().rev() {
            if let Some(&i) = self.index.get(k) {
                self.update(prog, i);
            }
        }
    }

    /// Per frame of `st`, the slots some path from it may read (the
    /// kernel's `bpf_stack_slot_alive`), as of the last
    /// [`Self::update_chain`]. `calls_back(i)`: instruction `i` calls a
    /// callback, whose frame returns to the call itself.
    pub fn alive(
        &mut self,
        prog: &Program,
        st: &State,
        calls_back: impl Fn(u32) -> bool,
    ) -> Vec<Slots> {
        let (key, starts) = chain(prog, st);
        let depth = starts.len() - 1;
        let keys = frame_keys(&key, &starts);
        let live = |d: usize, frame: usize, at: u32| {
            self.index
                .get(&keys[d])
                .map_or(0, |i| self.instances[*i].live_before(frame, at))
        };
        (0..=depth)
            .map(|frame| {
                // An outer frame waits on its call: a callback's caller
                // comes back to the call itself, any other after it.
                let waiting = key[frame..depth].iter().enumerate().map(|(i, &callsite)| {
                    let at = if calls_back(callsite) {
                        callsite
                    } else {
                        callsite + 1
                    };
                    live(frame + i, frame, at)
                });
                waiting.fold(live(depth, frame, st.insn), |m, w| m | w)
            })
            .collect()
    }
}
