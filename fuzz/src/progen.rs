//! Structured random programs.
//!
//! A program is a sequence of blocks (ALU, stack, context, packet, helper
//! calls, map values, conditional skips, loops) emitted over a rough model of
//! the register types, so most programs are plausible and many are accepted;
//! a few percent of choices deliberately break a rule (an uninitialised read,
//! an access out of bounds, a pointer where a scalar belongs) so rejections
//! are exercised too. Every program ends in `r0 = 0; exit`.
//!
//! Helpers and kfuncs are chosen from the registry's declarations by
//! argument and return kinds, and context accesses from the program type's
//! declared fields: the generator names no helper, kfunc or field.

use crate::funcs::{Func, Param};
use crate::rng::Rng;
use kfreg::{
    ArgFlags, ArgKind, ArgType, AttachType, CallbackShape, CtxValue, Flags, Helper, HelperFlags,
    Kfunc, MapKind, ProgFlags, ProgType, Registry, Ret, RetType, Roles,
};
use kfreg_isa::{AluOp, AtomicOp, FP, Insn, JmpOp, Pseudo, Size, Src};
use kfreg_object::btf::{Btf, Kind as BtfKind};

/// The array map every program may use: its index in the program (and the
/// placeholder fd the generated `LD_IMM64` carries).
pub const MAP_INDEX: i32 = 0;
/// Key size of the array map.
pub const MAP_KEY_SIZE: u32 = 4;
/// Value size of the array map.
pub const MAP_VALUE_SIZE: u32 = 48;
/// Entries of the array map.
pub const MAP_MAX_ENTRIES: u32 = 4;

/// The program types generated unless others are asked for.
pub const PROG_TYPES: [(ProgType, Option<AttachType>); 2] =
    [(ProgType::SocketFilter, None), (ProgType::Xdp, None)];

/// A program type and the expected attach type it is loaded with, as the
/// command line and case files spell them: `sched_cls`,
/// `cgroup_sock_addr/cgroup_inet4_connect`.
pub fn spec_name(ty: ProgType, attach: Option<AttachType>) -> String {
    match attach {
        Some(a) => format!("{}/{}", ty.name(), a.name()),
        None => ty.name().to_string(),
    }
}

/// The program type and attach type `spec_name` spells `s` as.
pub fn parse_spec(s: &str) -> Option<(ProgType, Option<AttachType>)> {
    let (ty, attach) = match s.trim().split_once('/') {
        Some((t, a)) => (t, Some(AttachType::from_name(a)?)),
        None => (s.trim(), None),
    };
    let ty = ProgType::ALL.iter().copied().find(|t| t.name() == ty)?;
    Some((ty, attach))
}

/// How many programs, in percent, get one single-rule mutation
/// ([`crate::mutate`]) after they are generated.
const MUTATED_PCT: u64 = 30;

/// The register that keeps the context for the whole program.
const CTX: u8 = 6;
/// Registers the generator computes in (R6 keeps the context).
const SCRATCH: [u8; 9] = [0, 1, 2, 3, 4, 5, 7, 8, 9];

/// What the generator believes a register holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Uninit,
    Scalar,
    Ctx,
    MapValue,
    Pkt,
    PktEnd,
    /// A pointer to the kernel struct named, from a kfunc.
    Obj(&'static str),
    /// The same, or NULL.
    ObjOrNull(&'static str),
    /// A pointer to [`BUF_SIZE`] zeroed bytes of a caller's stack, passed
    /// to a subprogram or callback.
    Buf,
    /// Paths disagree: not used as anything in particular.
    Mixed,
}

/// The bytes of a caller's stack a subprogram or callback gets a pointer to.
const BUF_SIZE: i16 = 16;
/// Percent of programs with subprograms (called, or callbacks of a loop
/// helper).
const SUBPROG_PCT: u64 = 35;
/// A call or callback reference to subprogram `i` is written as
/// `SUB_MARK + i` until the subprograms are placed after the main program.
const SUB_MARK: i32 = i32::MIN / 2;

/// Percent of called subprograms that are global: verified on their own,
/// from the parameters their BTF prototype declares.
const GLOBAL_PCT: u64 = 40;

/// A subprogram's signature: what its argument registers hold (from R1).
/// A called one gets the context first (kept in R6, as the main program
/// does); a callback gets what its loop helper passes: the round's number
/// and the caller's buffer. A global one gets what its parameters declare.
#[derive(Clone, Debug)]
struct Sub {
    args: Vec<Kind>,
    callback: bool,
    /// A global function's parameters.
    global: Func,
}

/// A generated program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenProgram {
    /// Program type.
    pub prog_type: ProgType,
    /// The expected attach type it is loaded with.
    pub attach: Option<AttachType>,
    /// Instructions, one per slot; maps are named by [`MAP_INDEX`].
    pub insns: Vec<Insn>,
    /// The functions after the main one, in order: static or global.
    pub funcs: Vec<Func>,
}

/// What the generator knows of a program type, read from the declarations:
/// the helpers it may call whose arguments the generator can build, and its
/// context's fields.
#[derive(Clone, Debug)]
pub struct Target {
    /// The program type.
    pub prog_type: ProgType,
    /// The expected attach type it is loaded with.
    pub attach: Option<AttachType>,
    /// Every usable helper.
    pub all: Vec<&'static Helper>,
    /// Those returning a (nullable) pointer into the map argument's value.
    pub map_value: Vec<&'static Helper>,
    /// Context loads: each declared field's elements (offset, size, and
    /// what the generator then believes the register holds), and a few
    /// offsets past the context's end.
    ctx: Vec<(i16, Size, Kind)>,
    /// The offsets of the packet start and end fields, when the program
    /// type has direct packet access.
    packet: Option<(i16, i16)>,
    /// `LD_ABS`/`LD_IND` are allowed.
    legacy_packet: bool,
    /// The kfuncs it may call whose arguments the generator can build, with
    /// their BTF ids in the kernel BTF the target was made with.
    pub kfuncs: Vec<(&'static Kfunc, i32)>,
    /// The helper that calls a callback a number of times (`bpf_loop`),
    /// when the type may call it.
    pub loop_helper: Option<&'static Helper>,
}

/// Whether the generator can build `k`'s arguments and use its result:
/// scalars, the context, kernel objects, and sized memory; no callback,
/// dynptr, iterator, graph or lock argument.
fn usable_kfunc(k: &Kfunc) -> bool {
    let odd = Flags::ITER_NEW
        .union(Flags::ITER_NEXT)
        .union(Flags::ITER_DESTROY)
        .union(Flags::LOCK)
        .union(Flags::UNLOCK)
        .union(Flags::IRQ_SAVE)
        .union(Flags::IRQ_RESTORE)
        .union(Flags::THROWS)
        .union(Flags::ARENA_RET)
        .union(Flags::ARENA_ARG1)
        .union(Flags::ARENA_ARG2);
    if !k.callbacks.is_empty() || k.dynptr.is_some() || k.flags.intersects(odd) {
        return false;
    }
    let ret_ok = match k.ret {
        Ret::Void | Ret::Scalar | Ret::Opaque => true,
        Ret::Object => k.ret_ty.struct_name().is_some(),
        _ => false,
    };
    ret_ok
        && k.params.iter().enumerate().all(|(i, p)| match p.kind {
            ArgKind::Scalar | ArgKind::Ctx => true,
            ArgKind::BtfId => p.ty.struct_name().is_some(),
            ArgKind::Mem => p.pointee_size > 0 && p.pointee_size <= 64,
            ArgKind::MemSize => k.params.get(i + 1).is_some_and(|n| {
                n.roles.contains(Roles::SIZE) || n.roles.contains(Roles::CONST_SIZE)
            }),
            _ => false,
        })
}

impl Target {
    /// The generator's view of `prog` loaded with `attach`.
    ///
    /// Kfuncs are those of the registry that `btf` (the kernel BTF the
    /// programs are judged with) has; none without it.
    pub fn for_prog(
        reg: &Registry,
        prog: ProgType,
        attach: Option<AttachType>,
        btf: Option<&Btf>,
    ) -> Target {
        let decl = reg.prog_types().get(prog);
        // What the verifiers decide for: the kernel's attach type of a
        // program loaded with `attach`.
        let verified_as = reg.prog_types().load_attach(prog, attach);
        let all: Vec<_> = reg
            .helpers()
            .iter()
            .filter(|h| h.prog_types.contains(prog) && usable(h))
            .filter(|h| !verified_as.is_some_and(|a| h.not_for_attach.contains(a)))
            .collect();
        let map_value = all
            .iter()
            .copied()
            .filter(|h| h.ret.ty == RetType::MapValue)
            .collect();
        let mut ctx = Vec::new();
        let (mut data, mut data_end) = (None, None);
        if let Some(c) = decl.and_then(|d| d.ctx) {
            for f in c.fields {
                if reg
                    .prog_types()
                    .field_at(prog, verified_as, f.off)
                    .is_none()
                {
                    continue;
                }
                let size = match f.elem {
                    1 => Size::B,
                    2 => Size::H,
                    8 => Size::DW,
                    _ => Size::W,
                };
                let kind = match f.yields {
                    CtxValue::Scalar => Kind::Scalar,
                    CtxValue::Packet => Kind::Pkt,
                    CtxValue::PacketEnd => Kind::PktEnd,
                    _ => Kind::Mixed,
                };
                match f.yields {
                    CtxValue::Packet => data = Some(f.off as i16),
                    CtxValue::PacketEnd => data_end = Some(f.off as i16),
                    _ => {}
                }
                for e in 0..(f.size / f.elem.max(1)).min(4) {
                    ctx.push(((f.off + e * f.elem) as i16, size, kind));
                }
            }
            for past in [0, 8, 64] {
                ctx.push(((c.size + past) as i16, Size::W, Kind::Scalar));
            }
        }
        let kfuncs = reg
            .iter()
            .filter(|&(id, k)| {
                reg.allowed_in(id, prog)
                    && (k.attach.is_empty() || verified_as.is_some_and(|a| k.attach.contains(a)))
                    && usable_kfunc(k)
            })
            .filter_map(|(_, k)| Some((k, btf?.find(k.name, BtfKind::Func)? as i32)))
            .collect();
        let loop_helper = reg
            .helpers()
            .iter()
            .find(|h| h.prog_types.contains(prog) && h.callback == Some(CallbackShape::Loop));
        Target {
            prog_type: prog,
            attach,
            kfuncs,
            loop_helper,
            all,
            map_value,
            ctx,
            packet: data.zip(data_end),
            legacy_packet: decl.is_some_and(|d| d.flags.contains(ProgFlags::LEGACY_PACKET)),
        }
    }
}

fn usable(h: &Helper) -> bool {
    let bad_flags = [
        HelperFlags::MIGHT_SLEEP,
        HelperFlags::ACQUIRE,
        HelperFlags::LOCK,
        HelperFlags::UNLOCK,
        HelperFlags::TAIL_CALL,
    ];
    if h.callback.is_some() || bad_flags.iter().any(|f| h.flags.contains(*f)) {
        return false;
    }
    if !matches!(
        h.ret.ty,
        RetType::Integer | RetType::Void | RetType::MapValue
    ) {
        return false;
    }
    let args = h.used_args();
    let mut uses_map = false;
    for (i, a) in args.iter().enumerate() {
        if a.has(ArgFlags::RELEASE)
            || a.has(ArgFlags::ALLOC)
            || a.has(ArgFlags::DYNPTR_LOCAL)
            || a.has(ArgFlags::DYNPTR_RINGBUF)
        {
            return false;
        }
        match a.ty {
            ArgType::ConstMapPtr => uses_map = true,
            ArgType::MapKey | ArgType::MapValue | ArgType::Ctx => {}
            ArgType::Anything | ArgType::Scalar => {}
            ArgType::Mem => {
                let sized =
                    a.has(ArgFlags::FIXED_SIZE) || args.get(i + 1).is_some_and(|n| n.ty.is_size());
                if !sized {
                    return false;
                }
            }
            ArgType::ConstSize | ArgType::ConstSizeOrZero => {
                if i == 0 || args[i - 1].ty != ArgType::Mem {
                    return false;
                }
            }
            _ => return false,
        }
    }
    !uses_map || h.map_types.is_empty() || h.map_types.contains(MapKind::Array)
}

/// Generates the program of `seed`, of one of the `targets`' types.
pub fn generate(seed: u64, targets: &[Target]) -> GenProgram {
    let mut rng = Rng::new(seed);
    let t = rng.below(targets.len() as u64) as usize;
    let mut g = Gen {
        rng,
        prog_type: targets[t].prog_type,
        target: &targets[t],
        regs: [Kind::Uninit; 11],
        locked: [false; 11],
        subs: Vec::new(),
        first_callable: 0,
        called: Vec::new(),
    };
    if g.rng.pct(SUBPROG_PCT) {
        for _ in 0..g.rng.range(1, 3) {
            let callback = g.target.loop_helper.is_some() && g.rng.pct(40);
            let mut global = None;
            let args = if callback {
                vec![Kind::Scalar, Kind::Buf]
            } else if g.rng.pct(GLOBAL_PCT) {
                let params = g.global_params();
                let args = params.iter().map(|p| param_kind(*p)).collect();
                global = Some(params);
                args
            } else {
                let extra = g.rng.range(0, 3) as usize;
                let mut args = vec![Kind::Ctx];
                args.extend((0..extra).map(|_| *g.rng.pick(&[Kind::Scalar, Kind::Buf])));
                args
            };
            g.subs.push(Sub {
                args,
                callback,
                global,
            });
        }
        g.called = vec![false; g.subs.len()];
    }
    let target = g.rng.range(3, 58) as usize;
    let mut out = vec![mov(CTX, Src::Reg(1))];
    g.regs[1] = Kind::Ctx;
    g.regs[CTX as usize] = Kind::Ctx;
    // Most programs start from a few known numbers, as compiled code does.
    for r in [0u8, 2, 3, 7, 8, 9] {
        if g.rng.pct(60) {
            let v = g.imm();
            out.push(mov(r, Src::Imm(v)));
            g.regs[r as usize] = Kind::Scalar;
        }
    }
    while out.len() + 2 < target {
        let budget = target - out.len() - 2;
        let b = g.block(0, budget);
        out.extend(b);
    }
    // Every subprogram is called: one nobody calls is unreachable code.
    for i in 0..g.subs.len() {
        if !g.called[i] {
            g.call_subprog_n(&mut out, i);
        }
    }
    out.push(mov(0, Src::Imm(0)));
    out.push(Insn::Exit);
    let starts: Vec<usize> = (0..g.subs.len())
        .map(|i| {
            let start = out.len();
            let body = g.subprog(i);
            out.extend(body);
            start
        })
        .collect();
    place_subprogs(&mut out, &starts);
    if g.rng.pct(MUTATED_PCT) {
        crate::mutate::mutate(&mut out, &mut g.rng);
    }
    GenProgram {
        prog_type: g.prog_type,
        attach: g.target.attach,
        insns: out,
        funcs: g.subs.iter().map(|s| s.global.clone()).collect(),
    }
}

/// What a global function's parameter holds to the generator.
fn param_kind(p: Param) -> Kind {
    match p {
        Param::Scalar => Kind::Scalar,
        Param::Ctx | Param::TaggedCtx => Kind::Ctx,
        Param::Mem { .. } => Kind::Buf,
    }
}

struct Gen<'a> {
    rng: Rng,
    prog_type: ProgType,
    target: &'a Target,
    regs: [Kind; 11],
    /// Loop counters: never written inside their loop.
    locked: [bool; 11],
    /// The program's subprograms.
    subs: Vec<Sub>,
    /// The first subprogram the code being generated may call: a
    /// subprogram calls only later ones, so calls never recurse.
    first_callable: usize,
    /// Per subprogram, whether a call to it was written.
    called: Vec<bool>,
}

/// Points the calls and callback references written with [`SUB_MARK`] at
/// the subprograms, which start at `starts`.
fn place_subprogs(insns: &mut [Insn], starts: &[usize]) {
    let target = |mark: i32, pc: usize| {
        let i = mark.wrapping_sub(SUB_MARK);
        usize::try_from(i)
            .ok()
            .and_then(|i| starts.get(i))
            .map(|&start| start as i32 - pc as i32 - 1)
    };
    for (pc, insn) in insns.iter_mut().enumerate() {
        match insn {
            Insn::Call(kfreg_isa::Call::Local(off)) => {
                if let Some(t) = target(*off, pc) {
                    *off = t;
                }
            }
            Insn::LdImm64 {
                pseudo: Pseudo::Func,
                imm,
                ..
            } => {
                if let Some(t) = target(*imm, pc) {
                    *imm = t;
                }
            }
            _ => {}
        }
    }
}

fn mov(dst: u8, src: Src) -> Insn {
    Insn::Alu {
        wide: true,
        op: AluOp::Mov,
        dst,
        src,
    }
}

/// `r = fp + off`: a pointer to an argument's stack buffer.
fn stack_ptr(moves: &mut Vec<Insn>, r: u8, off: i16) {
    moves.push(mov(r, Src::Reg(FP)));
    moves.push(Insn::Alu {
        wide: true,
        op: AluOp::Add,
        dst: r,
        src: Src::Imm(off as i32),
    });
}

/// Zeroes the stack buffer at `buf` for a memory argument of `size` bytes
/// (at most 64), a word at a time.
fn zero_fill(setup: &mut Vec<Insn>, buf: i16, size: i32) {
    for w in 0..(size.clamp(0, 64) as u32).div_ceil(8) {
        setup.push(Insn::St {
            size: Size::DW,
            dst: FP,
            off: buf + 8 * w as i16,
            imm: 0,
        });
    }
}

fn meet(a: &[Kind; 11], b: &[Kind; 11]) -> [Kind; 11] {
    let mut out = *a;
    for i in 0..11 {
        out[i] = match (a[i], b[i]) {
            (x, y) if x == y => x,
            (Kind::Uninit, _) | (_, Kind::Uninit) => Kind::Uninit,
            _ => Kind::Mixed,
        };
    }
    out
}

const SIZES: [Size; 4] = [Size::B, Size::H, Size::W, Size::DW];
const ALU_OPS: [AluOp; 16] = [
    AluOp::Add,
    AluOp::Sub,
    AluOp::Mul,
    AluOp::Div,
    AluOp::SDiv,
    AluOp::Or,
    AluOp::And,
    AluOp::Lsh,
    AluOp::Rsh,
    AluOp::Neg,
    AluOp::Mod,
    AluOp::SMod,
    AluOp::Xor,
    AluOp::Mov,
    AluOp::Arsh,
    AluOp::MovSx(8),
];
const JMP_OPS: [JmpOp; 11] = [
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

impl Gen<'_> {
    fn block(&mut self, depth: u32, budget: usize) -> Vec<Insn> {
        let mut out = Vec::new();
        let roll = self.rng.below(100);
        // A callback has no context to load from or pass on.
        let ctx = self.regs[CTX as usize] == Kind::Ctx;
        let callable = self.first_callable < self.subs.len();
        let buf = self.regs.contains(&Kind::Buf);
        match roll {
            0..=3 if callable => self.call_subprog(&mut out),
            4..=7 if buf => self.buf_access(&mut out),
            0..=23 => self.alu(&mut out),
            24..=29 if ctx => self.kfunc(&mut out, depth, budget),
            30..=44 => self.stack(&mut out),
            45..=52 if ctx => self.ctx_load(&mut out),
            53..=57 if ctx => self.packet(&mut out),
            58..=65 => self.map_value(&mut out),
            66..=73 if ctx => self.helper(&mut out),
            74..=85 if depth < 3 && budget > 3 => self.cond(&mut out, depth, budget),
            86..=91 if depth < 2 && budget > 5 => self.bounded_loop(&mut out, depth, budget),
            92..=94 if depth < 2 && budget > 4 => self.may_goto_loop(&mut out, depth, budget),
            95..=97 => self.atomic(&mut out),
            _ => self.alu(&mut out),
        }
        out
    }

    /// The body of subprogram `i`: its arguments as its signature says,
    /// blocks, and a return (0 or 1 from a callback, as its helper wants,
    /// now and then another value, the context or the caller's buffer).
    fn subprog(&mut self, i: usize) -> Vec<Insn> {
        let sub = self.subs[i].clone();
        self.regs = [Kind::Uninit; 11];
        self.locked = [false; 11];
        for (r, k) in sub.args.iter().enumerate() {
            self.regs[r + 1] = *k;
        }
        self.first_callable = if sub.callback { self.subs.len() } else { i + 1 };
        let mut out = Vec::new();
        // Memory a global function may be given NULL for is checked first,
        // now and then not.
        for (r, p) in sub.global.iter().flatten().enumerate() {
            if let Param::Mem { nonnull: false, .. } = p
                && self.rng.pct(85)
            {
                out.push(Insn::Jmp {
                    wide: true,
                    op: JmpOp::Ne,
                    dst: r as u8 + 1,
                    src: Src::Imm(0),
                    off: 2,
                });
                out.push(mov(0, Src::Imm(0)));
                out.push(Insn::Exit);
            }
        }
        if sub.args.first() == Some(&Kind::Ctx) {
            out.push(mov(CTX, Src::Reg(1)));
            self.regs[CTX as usize] = Kind::Ctx;
        }
        let target = self.rng.range(3, 25) as usize;
        while out.len() + 2 < target {
            let budget = target - out.len() - 2;
            let b = self.block(0, budget);
            out.extend(b);
        }
        let ret = match self.rng.below(100) {
            0..=89 if sub.callback => Src::Imm(self.rng.range(0, 1) as i32),
            0..=84 => Src::Imm(self.imm()),
            85..=89 => Src::Reg(self.reg_of(Kind::Scalar)),
            90..=94 => Src::Reg(CTX),
            95..=97 => Src::Reg(self.reg_of(Kind::Buf)),
            _ => Src::Imm(self.imm()),
        };
        out.push(mov(0, ret));
        out.push(Insn::Exit);
        out
    }

    /// A buffer on this frame's stack for a subprogram or callback: zeroed
    /// (now and then not wholly), its pointer in `r`.
    fn buffer_arg(&mut self, setup: &mut Vec<Insn>, moves: &mut Vec<Insn>, r: u8) {
        let off = -(self.rng.range(2, 16) as i16) * 8;
        let bytes = if self.rng.pct(95) { BUF_SIZE } else { 8 };
        zero_fill(setup, off, i32::from(bytes));
        stack_ptr(moves, r, off);
    }

    /// A call of a subprogram, with the arguments its signature wants (now
    /// and then a number for a pointer); or a loop helper calling one as
    /// its callback.
    fn call_subprog(&mut self, out: &mut Vec<Insn>) {
        let i = self
            .rng
            .range(self.first_callable as i64, self.subs.len() as i64 - 1) as usize;
        self.call_subprog_n(out, i);
    }

    /// A call of subprogram `i` (or a loop helper's, when it is a callback).
    fn call_subprog_n(&mut self, out: &mut Vec<Insn>, i: usize) {
        self.called[i] = true;
        let sub = self.subs[i].clone();
        let mut setup = Vec::new();
        let mut moves = Vec::new();
        let mark = SUB_MARK + i as i32;
        if sub.callback {
            let Some(h) = self.target.loop_helper else {
                return self.alu(out);
            };
            let n = self.rng.range(0, 8) as i32;
            let rounds = self.scalar_or(10, n);
            moves.push(mov(1, rounds));
            moves.push(Insn::LdImm64 {
                dst: 2,
                pseudo: Pseudo::Func,
                imm: mark,
                imm_hi: 0,
            });
            moves.push(Insn::LdImm64Tail);
            if self.rng.pct(90) {
                self.buffer_arg(&mut setup, &mut moves, 3);
            } else {
                moves.push(mov(3, Src::Imm(0)));
            }
            moves.push(mov(4, Src::Imm(0)));
            out.extend(setup);
            out.extend(moves);
            out.push(Insn::Call(kfreg_isa::Call::Helper(h.id as i32)));
            self.clobber_args();
            self.regs[0] = Kind::Scalar;
            return;
        }
        let nullable = |a: usize| {
            matches!(
                sub.global.as_ref().and_then(|ps| ps.get(a)),
                Some(Param::Mem { nonnull: false, .. })
            )
        };
        for (a, k) in sub.args.iter().enumerate() {
            let r = a as u8 + 1;
            match k {
                _ if self.rng.pct(3) => {
                    let src = Src::Reg(self.reg_of(Kind::Scalar));
                    moves.push(mov(r, src));
                }
                Kind::Buf if nullable(a) && self.rng.pct(15) => moves.push(mov(r, Src::Imm(0))),
                Kind::Ctx => moves.push(mov(r, Src::Reg(CTX))),
                Kind::Buf => self.buffer_arg(&mut setup, &mut moves, r),
                _ => {
                    let v = self.imm();
                    let src = self.scalar_or(30, v);
                    moves.push(mov(r, src));
                }
            }
        }
        out.extend(setup);
        out.extend(moves);
        out.push(Insn::Call(kfreg_isa::Call::Local(mark)));
        self.clobber_args();
        // A global function returns a number to its callers.
        self.regs[0] = if sub.global.is_some() {
            Kind::Scalar
        } else {
            Kind::Mixed
        };
    }

    /// A global function's parameters: mostly the context first, then
    /// numbers and memory (mostly as large as the buffer callers pass).
    fn global_params(&mut self) -> Vec<Param> {
        let mut params = Vec::new();
        if self.rng.pct(75) {
            params.push(*self.rng.pick(&[Param::Ctx, Param::Ctx, Param::TaggedCtx]));
        }
        for _ in 0..self.rng.range(0, 3) {
            let p = if self.rng.pct(40) {
                Param::Scalar
            } else {
                let size = if self.rng.pct(90) {
                    BUF_SIZE as u32
                } else {
                    *self.rng.pick(&[4, 8, 24])
                };
                Param::Mem {
                    size,
                    nonnull: self.rng.pct(50),
                }
            };
            params.push(p);
        }
        params
    }

    /// A load or store through a pointer to a caller's buffer, inside it
    /// (now and then not).
    fn buf_access(&mut self, out: &mut Vec<Insn>) {
        let ptr = self.reg_of(Kind::Buf);
        let size = *self.rng.pick(&SIZES);
        let n = size.bytes() as i64;
        let off = if self.rng.pct(95) {
            self.rng.below(((i64::from(BUF_SIZE) - n) / n + 1) as u64) as i64 * n
        } else {
            *self.rng.pick(&[-8, -1, 1, 12, 16])
        } as i16;
        match self.rng.below(3) {
            0 => {
                let dst = self.dst();
                out.push(Insn::Ldx {
                    size,
                    dst,
                    src: ptr,
                    off,
                    sign_ext: false,
                });
                self.regs[dst as usize] = Kind::Scalar;
            }
            1 => {
                let imm = self.imm();
                out.push(Insn::St {
                    size,
                    dst: ptr,
                    off,
                    imm,
                });
            }
            _ => {
                let src = self.scalar(out);
                out.push(Insn::Stx {
                    size,
                    dst: ptr,
                    src,
                    off,
                });
            }
        }
    }

    /// A register of kind `k`, or a random one now and then.
    /// Now and then (`pct` in 100) a scalar register, otherwise `imm`: an
    /// argument the program computes rather than states.
    fn scalar_or(&mut self, pct: u64, imm: i32) -> Src {
        if self.rng.pct(pct) {
            Src::Reg(self.reg_of(Kind::Scalar))
        } else {
            Src::Imm(imm)
        }
    }

    /// After a call the argument registers hold nothing.
    fn clobber_args(&mut self) {
        for r in 1..=5 {
            self.regs[r] = Kind::Uninit;
        }
    }

    fn reg_of(&mut self, k: Kind) -> u8 {
        let c: Vec<u8> = SCRATCH
            .iter()
            .copied()
            .chain([CTX])
            .filter(|r| self.regs[*r as usize] == k)
            .collect();
        if c.is_empty() || self.rng.pct(2) {
            *self.rng.pick(&SCRATCH)
        } else {
            *self.rng.pick(&c)
        }
    }

    /// A register holding a number: when there is none, one is made (in a
    /// register that holds nothing useful, if there is one).
    fn scalar(&mut self, out: &mut Vec<Insn>) -> u8 {
        let r = self.reg_of(Kind::Scalar);
        if self.regs[r as usize] == Kind::Scalar || self.rng.pct(10) {
            return r;
        }
        let useless: Vec<u8> = SCRATCH
            .iter()
            .copied()
            .filter(|r| {
                matches!(self.regs[*r as usize], Kind::Uninit | Kind::Mixed)
                    && !self.locked[*r as usize]
            })
            .collect();
        let d = if useless.is_empty() {
            self.dst()
        } else {
            *self.rng.pick(&useless)
        };
        let v = self.imm();
        out.push(mov(d, Src::Imm(v)));
        self.regs[d as usize] = Kind::Scalar;
        d
    }

    /// A register the block may overwrite.
    fn dst(&mut self) -> u8 {
        loop {
            let r = *self.rng.pick(&SCRATCH);
            if !self.locked[r as usize] {
                return r;
            }
        }
    }

    fn scalar_dst(&mut self, out: &mut Vec<Insn>) -> u8 {
        let c: Vec<u8> = SCRATCH
            .iter()
            .copied()
            .filter(|r| self.regs[*r as usize] == Kind::Scalar && !self.locked[*r as usize])
            .collect();
        if c.is_empty() || self.rng.pct(20) {
            let r = self.dst();
            // A fresh constant so the register is readable.
            let v = self.imm();
            out.push(mov(r, Src::Imm(v)));
            self.regs[r as usize] = Kind::Scalar;
            return r;
        }
        *self.rng.pick(&c)
    }

    fn imm(&mut self) -> i32 {
        match self.rng.below(8) {
            0 => 0,
            1 => 1,
            2 => -1,
            3 => self.rng.range(0, 64) as i32,
            4 => self.rng.range(-64, 64) as i32,
            5 => *self
                .rng
                .pick(&[i32::MAX, i32::MIN, 0xffff, 0x7fff, 255, 256]),
            _ => self.rng.next_u64() as i32,
        }
    }

    fn alu(&mut self, out: &mut Vec<Insn>) {
        if self.rng.pct(15) {
            let dst = self.dst();
            if self.rng.pct(20) {
                let imm = self.rng.next_u64();
                out.push(Insn::LdImm64 {
                    dst,
                    pseudo: Pseudo::Imm,
                    imm: imm as i32,
                    imm_hi: (imm >> 32) as i32,
                });
                out.push(Insn::LdImm64Tail);
            } else {
                let imm = self.imm();
                out.push(mov(dst, Src::Imm(imm)));
            }
            self.regs[dst as usize] = Kind::Scalar;
            return;
        }
        if self.rng.pct(4) {
            let dst = self.scalar_dst(out);
            let bits = *self.rng.pick(&[16u8, 32, 64]);
            let order = *self.rng.pick(&[
                kfreg_isa::ByteOrder::ToLe,
                kfreg_isa::ByteOrder::ToBe,
                kfreg_isa::ByteOrder::Swap,
            ]);
            out.push(Insn::End { order, dst, bits });
            return;
        }
        // Pointer arithmetic now and then: the sharpest edge of the verifier.
        let dst = if self.rng.pct(8) {
            let k = *self.rng.pick(&[Kind::MapValue, Kind::Pkt, Kind::Ctx]);
            let r = self.reg_of(k);
            if self.locked[r as usize] || r == CTX {
                self.scalar_dst(out)
            } else {
                r
            }
        } else {
            self.scalar_dst(out)
        };
        let wide = self.rng.pct(60);
        let mut op = *self.rng.pick(&ALU_OPS);
        if let AluOp::MovSx(_) = op {
            op = AluOp::MovSx(*self.rng.pick(&[8u8, 16, 32]));
        }
        let src = if self.rng.pct(50) {
            let mut v = self.imm();
            if matches!(op, AluOp::Lsh | AluOp::Rsh | AluOp::Arsh) && !self.rng.pct(3) {
                v = self.rng.range(0, if wide { 63 } else { 31 }) as i32;
            }
            if v == 0
                && matches!(op, AluOp::Div | AluOp::SDiv | AluOp::Mod | AluOp::SMod)
                && !self.rng.pct(5)
            {
                v = 1 + self.rng.below(9) as i32;
            }
            if matches!(op, AluOp::MovSx(_)) {
                // Sign-extending moves only take registers.
                Src::Reg(self.scalar(out))
            } else {
                Src::Imm(v)
            }
        } else {
            Src::Reg(self.scalar(out))
        };
        let src = if op == AluOp::Neg { Src::Imm(0) } else { src };
        out.push(Insn::Alu { wide, op, dst, src });
        let before = self.regs[dst as usize];
        self.regs[dst as usize] = match (op, src) {
            (AluOp::Mov, Src::Reg(s)) if wide => self.regs[s as usize],
            _ if before == Kind::Scalar || !wide => Kind::Scalar,
            (AluOp::Add | AluOp::Sub, _) => before,
            _ => Kind::Mixed,
        };
    }

    fn stack_off(&mut self, size: Size) -> i16 {
        let n = size.bytes() as i64;
        if self.rng.pct(2) {
            return self.rng.range(-520, 8) as i16;
        }
        let slot = self.rng.range(1, 16) * 8;
        let inner = if self.rng.pct(97) {
            self.rng.below((8 / n) as u64) as i64 * n
        } else {
            self.rng.range(0, 7)
        };
        (-slot + inner) as i16
    }

    fn stack(&mut self, out: &mut Vec<Insn>) {
        let size = *self.rng.pick(&SIZES);
        let off = self.stack_off(size);
        match self.rng.below(4) {
            0 => {
                let imm = self.imm();
                out.push(Insn::St {
                    size,
                    dst: FP,
                    off,
                    imm,
                });
            }
            1 => {
                let src = self.scalar(out);
                out.push(Insn::Stx {
                    size,
                    dst: FP,
                    src,
                    off,
                });
            }
            2 => {
                let dst = self.dst();
                let sign_ext = size != Size::DW && self.rng.pct(20);
                out.push(Insn::Ldx {
                    size,
                    dst,
                    src: FP,
                    off,
                    sign_ext,
                });
                // Could be a filled pointer: only a spill/fill block knows.
                self.regs[dst as usize] = if size == Size::DW {
                    Kind::Mixed
                } else {
                    Kind::Scalar
                };
            }
            _ => {
                // Spill and fill, of a pointer as often as of a scalar.
                let k = *self
                    .rng
                    .pick(&[Kind::Ctx, Kind::MapValue, Kind::Pkt, Kind::Scalar]);
                let src = self.reg_of(k);
                let src = if self.regs[src as usize] == k {
                    src
                } else {
                    self.scalar(out)
                };
                let size = if self.rng.pct(75) { Size::DW } else { size };
                let off = self.stack_off(size);
                out.push(Insn::Stx {
                    size,
                    dst: FP,
                    src,
                    off,
                });
                if self.rng.pct(30) {
                    self.alu(out);
                }
                let dst = self.dst();
                let fill = if self.rng.pct(85) {
                    size
                } else {
                    *self.rng.pick(&SIZES)
                };
                out.push(Insn::Ldx {
                    size: fill,
                    dst,
                    src: FP,
                    off,
                    sign_ext: false,
                });
                self.regs[dst as usize] = if fill == Size::DW && size == Size::DW {
                    self.regs[src as usize]
                } else {
                    Kind::Scalar
                };
            }
        }
    }

    fn ctx_load(&mut self, out: &mut Vec<Insn>) {
        if self.target.ctx.is_empty() {
            return self.alu(out);
        }
        let (mut off, declared, mut kind) = *self.rng.pick(&self.target.ctx);
        let size = if self.rng.pct(90) {
            declared
        } else {
            *self.rng.pick(&SIZES)
        };
        if self.rng.pct(4) {
            off += self.rng.range(1, 3) as i16;
        }
        if size != declared || off % declared.bytes() as i16 != 0 {
            kind = Kind::Scalar;
        }
        let base = if self.rng.pct(90) {
            CTX
        } else {
            self.reg_of(Kind::Ctx)
        };
        if self.rng.pct(10) {
            // A context store.
            let src = self.scalar(out);
            out.push(Insn::Stx {
                size,
                dst: base,
                src,
                off,
            });
            return;
        }
        let dst = self.dst();
        out.push(Insn::Ldx {
            size,
            dst,
            src: base,
            off,
            sign_ext: false,
        });
        self.regs[dst as usize] = kind;
    }

    /// A bounds-checked direct packet access, or a legacy `LD_ABS`/`LD_IND`
    /// load, as the program type allows (one or the other now and then
    /// where it does not).
    fn packet(&mut self, out: &mut Vec<Insn>) {
        let legacy = match self.target.packet {
            None => self.target.legacy_packet || self.rng.pct(5),
            Some(_) if self.target.legacy_packet => self.rng.pct(50),
            Some(_) => self.rng.pct(3),
        };
        let (data, data_end) = self.target.packet.unwrap_or((0, 4));
        if legacy {
            let size = *self.rng.pick(&[Size::B, Size::H, Size::W]);
            let imm = self.rng.range(-4, 64) as i32;
            let src = if self.rng.pct(40) {
                Some(self.scalar(out))
            } else {
                None
            };
            out.push(Insn::LdPkt { size, src, imm });
            self.regs[0] = Kind::Scalar;
            self.clobber_args();
            return;
        }
        let (p, e, q) = (self.pick_free(), self.pick_free(), self.pick_free());
        if p == e || e == q || p == q {
            return;
        }
        out.push(Insn::Ldx {
            size: Size::W,
            dst: p,
            src: CTX,
            off: data,
            sign_ext: false,
        });
        out.push(Insn::Ldx {
            size: Size::W,
            dst: e,
            src: CTX,
            off: data_end,
            sign_ext: false,
        });
        let checked = self.rng.range(1, 32);
        out.push(mov(q, Src::Reg(p)));
        out.push(Insn::Alu {
            wide: true,
            op: AluOp::Add,
            dst: q,
            src: Src::Imm(checked as i32),
        });
        let mut body = Vec::new();
        let n = self.rng.range(1, 3);
        for _ in 0..n {
            let size = *self.rng.pick(&SIZES);
            let mut off = self.rng.range(0, checked - size.bytes() as i64 + 1).max(0);
            if self.rng.pct(8) {
                off += self.rng.range(1, 4);
            }
            let dst = *self.rng.pick(&SCRATCH);
            if dst == p || self.locked[dst as usize] {
                continue;
            }
            if self.rng.pct(20) {
                body.push(Insn::St {
                    size,
                    dst: p,
                    off: off as i16,
                    imm: 0,
                });
            } else {
                body.push(Insn::Ldx {
                    size,
                    dst,
                    src: p,
                    off: off as i16,
                    sign_ext: false,
                });
                self.regs[dst as usize] = Kind::Scalar;
            }
        }
        let (dst, src, op) = if self.rng.pct(50) {
            (q, e, JmpOp::Gt)
        } else {
            (e, q, JmpOp::Lt)
        };
        let op = if self.rng.pct(5) { JmpOp::Ge } else { op };
        out.push(Insn::Jmp {
            wide: true,
            op,
            dst,
            src: Src::Reg(src),
            off: body.len() as i16,
        });
        out.extend(body);
        self.regs[p as usize] = Kind::Pkt;
        self.regs[e as usize] = Kind::PktEnd;
        self.regs[q as usize] = Kind::Pkt;
    }

    fn pick_free(&mut self) -> u8 {
        self.dst()
    }

    /// A lookup through a helper that returns a pointer into the map's value,
    /// a NULL check, and accesses to the value.
    fn map_value(&mut self, out: &mut Vec<Insn>) {
        if self.target.map_value.is_empty() {
            return self.alu(out);
        }
        let h = *self.rng.pick(&self.target.map_value);
        self.call(out, h);
        let mut body = Vec::new();
        let n = self.rng.range(1, 4);
        for _ in 0..n {
            let size = *self.rng.pick(&SIZES);
            let max = MAP_VALUE_SIZE as i64 - size.bytes() as i64;
            let off = if self.rng.pct(90) {
                self.rng.range(0, max / size.bytes() as i64) * size.bytes() as i64
            } else {
                self.rng.range(-8, MAP_VALUE_SIZE as i64 + 8)
            };
            match self.rng.below(4) {
                0 => body.push(Insn::St {
                    size,
                    dst: 0,
                    off: off as i16,
                    imm: self.rng.range(-3, 100) as i32,
                }),
                1 if size == Size::W || size == Size::DW => {
                    let src = self.scalar(&mut body);
                    // A fetch writes its source: never a loop counter.
                    let fetch = self.rng.pct(50) && !self.locked[src as usize];
                    body.push(Insn::Atomic {
                        size,
                        op: AtomicOp::Add { fetch },
                        dst: 0,
                        src,
                        off: off as i16,
                    });
                }
                2 => {
                    let src = self.scalar(&mut body);
                    body.push(Insn::Stx {
                        size,
                        dst: 0,
                        src,
                        off: off as i16,
                    });
                }
                _ => {
                    let dst = *self.rng.pick(&[7u8, 8, 9, 1, 2]);
                    if self.locked[dst as usize] {
                        continue;
                    }
                    body.push(Insn::Ldx {
                        size,
                        dst,
                        src: 0,
                        off: off as i16,
                        sign_ext: false,
                    });
                    self.regs[dst as usize] = Kind::Scalar;
                }
            }
        }
        if self.rng.pct(5) {
            // Without the NULL check.
            out.extend(body);
        } else {
            out.push(Insn::Jmp {
                wide: true,
                op: JmpOp::Eq,
                dst: 0,
                src: Src::Imm(0),
                off: body.len() as i16,
            });
            out.extend(body);
        }
        self.regs[0] = Kind::Mixed;
    }

    fn helper(&mut self, out: &mut Vec<Insn>) {
        if self.target.all.is_empty() {
            return self.alu(out);
        }
        let h = *self.rng.pick(&self.target.all);
        self.call(out, h);
        if h.ret.ty == RetType::MapValue {
            self.regs[0] = Kind::Mixed;
        }
    }

    /// Sets up `h`'s arguments as its declaration asks, and calls it.
    fn call(&mut self, out: &mut Vec<Insn>, h: &Helper) {
        let args = h.used_args();
        let mut setup: Vec<Insn> = Vec::new();
        let mut moves: Vec<Insn> = Vec::new();
        let mut mem_size = 0i32;
        // Buffers live below the frame's scratch slots, one per argument.
        for (i, a) in args.iter().enumerate() {
            let r = i as u8 + 1;
            let buf = -(128 + 64 * i as i16);
            let ptr_to = |moves: &mut Vec<Insn>, off: i16| stack_ptr(moves, r, off);
            match a.ty {
                ArgType::ConstMapPtr => {
                    moves.push(Insn::LdImm64 {
                        dst: r,
                        pseudo: Pseudo::MapFd,
                        imm: MAP_INDEX,
                        imm_hi: 0,
                    });
                    moves.push(Insn::LdImm64Tail);
                }
                ArgType::MapKey => {
                    let key = if self.rng.pct(90) {
                        self.rng.range(0, MAP_MAX_ENTRIES as i64 - 1) as i32
                    } else {
                        self.imm()
                    };
                    if !self.rng.pct(3) {
                        setup.push(Insn::St {
                            size: Size::W,
                            dst: FP,
                            off: buf,
                            imm: key,
                        });
                    }
                    ptr_to(&mut moves, buf);
                }
                ArgType::MapValue => {
                    let words = if self.rng.pct(90) {
                        MAP_VALUE_SIZE / 8
                    } else {
                        self.rng.below(7) as u32
                    };
                    for w in 0..words {
                        setup.push(Insn::St {
                            size: Size::DW,
                            dst: FP,
                            off: buf + 8 * w as i16,
                            imm: 0,
                        });
                    }
                    ptr_to(&mut moves, buf);
                }
                ArgType::Mem => {
                    mem_size = if a.has(ArgFlags::FIXED_SIZE) {
                        a.size as i32
                    } else if self.rng.pct(90) {
                        self.rng.range(1, 64) as i32
                    } else {
                        *self.rng.pick(&[0, -1, 65, 100])
                    };
                    if !a.has(ArgFlags::UNINIT) || self.rng.pct(30) {
                        zero_fill(&mut setup, buf, mem_size);
                    }
                    if a.has(ArgFlags::MAYBE_NULL) && self.rng.pct(20) {
                        moves.push(mov(r, Src::Imm(0)));
                        mem_size = 0;
                    } else {
                        ptr_to(&mut moves, buf);
                    }
                }
                ArgType::ConstSize | ArgType::ConstSizeOrZero => {
                    let src = self.scalar_or(5, mem_size);
                    moves.push(mov(r, src));
                }
                ArgType::Ctx => moves.push(mov(r, Src::Reg(CTX))),
                _ => {
                    let v = if a.has(ArgFlags::ZERO) || self.rng.pct(40) {
                        0
                    } else {
                        self.imm()
                    };
                    let src = self.scalar_or(10, v);
                    moves.push(mov(r, src));
                }
            }
        }
        out.extend(setup);
        out.extend(moves);
        out.push(Insn::Call(kfreg_isa::Call::Helper(h.id as i32)));
        self.clobber_args();
        self.regs[0] = match h.ret.ty {
            RetType::Integer => Kind::Scalar,
            RetType::Void => Kind::Uninit,
            _ => Kind::MapValue,
        };
        if h.flags.contains(HelperFlags::CHANGES_PKT_DATA) {
            for k in self.regs.iter_mut() {
                if matches!(*k, Kind::Pkt | Kind::PktEnd) {
                    *k = Kind::Mixed;
                }
            }
        }
    }

    /// A kfunc call; or a reference's life (acquired, NULL-checked, used,
    /// released); or a section between a kfunc that takes a lock (RCU,
    /// preemption) and the one that gives it back.
    fn kfunc(&mut self, out: &mut Vec<Insn>, depth: u32, budget: usize) {
        if self.target.kfuncs.is_empty() {
            return self.alu(out);
        }
        if depth < 3 && budget > 6 {
            match self.rng.below(10) {
                0..=4 => return self.reference(out, depth, budget),
                5..=6 => return self.section(out, depth, budget),
                _ => {}
            }
        }
        let k = *self.rng.pick(&self.target.kfuncs);
        self.call_kfunc(out, k);
    }

    /// Kfuncs of the target with `flag` for which `pred` holds.
    fn kfuncs_with(
        &self,
        flag: Flags,
        pred: impl Fn(&Kfunc) -> bool,
    ) -> Vec<(&'static Kfunc, i32)> {
        self.target
            .kfuncs
            .iter()
            .copied()
            .filter(|(k, _)| k.flags.contains(flag) && pred(k))
            .collect()
    }

    /// The registers holding a kernel object (or NULL), and those holding
    /// one of struct `want`.
    fn objects(&self, want: &str) -> (Vec<u8>, Vec<u8>) {
        let held: Vec<u8> = (0..10u8)
            .filter(|r| matches!(self.regs[*r as usize], Kind::Obj(_) | Kind::ObjOrNull(_)))
            .collect();
        let exact = held
            .iter()
            .copied()
            .filter(|r| matches!(self.regs[*r as usize], Kind::Obj(s) | Kind::ObjOrNull(s) if s == want))
            .collect();
        (held, exact)
    }

    /// `r = acquire(...); if r == 0 goto out; uses of r; release(r); out:`,
    /// each step now and then left out or repeated.
    fn reference(&mut self, out: &mut Vec<Insn>, depth: u32, budget: usize) {
        let acquire = self.kfuncs_with(Flags::ACQUIRE, |k| {
            matches!(k.ret, Ret::Object)
                && k.params.iter().all(|p| {
                    p.kind != ArgKind::BtfId
                        || p.ty
                            .struct_name()
                            .is_some_and(|s| !self.objects(s).1.is_empty())
                })
        });
        let Some(r) = self.counter() else {
            return self.alu(out);
        };
        if acquire.is_empty() {
            return self.alu(out);
        }
        let a = *self.rng.pick(&acquire);
        let s = a.0.ret_ty.struct_name().unwrap_or_default();
        self.call_kfunc(out, a);
        out.push(mov(r, Src::Reg(0)));
        self.regs[r as usize] = self.regs[0];
        let before = self.regs;
        let checked = if a.0.flags.contains(Flags::RET_NULL) {
            !self.rng.pct(5)
        } else {
            self.rng.pct(20)
        };
        self.locked[r as usize] = true;
        self.regs[r as usize] = Kind::Obj(s);
        let mut body = Vec::new();
        let uses = self.kfuncs_with(Flags::EMPTY, |k| {
            !k.flags.contains(Flags::RELEASE)
                && k.params.iter().any(|p| p.ty.struct_name() == Some(s))
        });
        for _ in 0..self.rng.range(0, 3) {
            if !uses.is_empty() && self.rng.pct(60) {
                let u = *self.rng.pick(&uses);
                self.call_kfunc(&mut body, u);
            } else {
                let b = self.block(depth + 1, (budget - 4).min(4));
                body.extend(b);
            }
        }
        let release = self.kfuncs_with(Flags::RELEASE, |k| {
            k.params.iter().any(|p| p.ty.struct_name() == Some(s))
        });
        let times = match self.rng.below(100) {
            0..=3 => 0,
            4..=6 => 2,
            _ => 1,
        };
        for _ in 0..times {
            let rel = if release.is_empty() || self.rng.pct(3) {
                self.kfuncs_with(Flags::RELEASE, |_| true)
            } else {
                release.clone()
            };
            if let Some(&x) = rel.get(self.rng.below(rel.len().max(1) as u64) as usize) {
                self.call_kfunc(&mut body, x);
            }
        }
        self.locked[r as usize] = false;
        if checked {
            out.push(Insn::Jmp {
                wide: true,
                op: JmpOp::Eq,
                dst: r,
                src: Src::Imm(0),
                off: body.len() as i16,
            });
        }
        out.extend(body);
        self.regs = meet(&before, &self.regs);
        self.regs[r as usize] = Kind::Mixed;
    }

    /// A lock kfunc (RCU read lock, preemption off), a few blocks, and its
    /// counterpart, which now and then is left out or called twice.
    fn section(&mut self, out: &mut Vec<Insn>, depth: u32, budget: usize) {
        let pairs = [
            (Flags::RCU_LOCK, Flags::RCU_UNLOCK),
            (Flags::PREEMPT_DISABLE, Flags::PREEMPT_ENABLE),
        ];
        let (on, off) = *self.rng.pick(&pairs);
        let (enter, leave) = (
            self.kfuncs_with(on, |_| true),
            self.kfuncs_with(off, |_| true),
        );
        if enter.is_empty() || leave.is_empty() {
            return self.alu(out);
        }
        let e = *self.rng.pick(&enter);
        self.call_kfunc(out, e);
        let inner = self.rng.range(1, (budget as i64 - 2).clamp(1, 8)) as usize;
        let body = self.seq(depth + 1, inner);
        out.extend(body);
        let times = match self.rng.below(100) {
            0..=2 => 0,
            3..=5 => 2,
            _ => 1,
        };
        for _ in 0..times {
            let l = *self.rng.pick(&leave);
            self.call_kfunc(out, l);
        }
    }

    /// Sets up `k`'s arguments as its declaration asks (kernel objects from
    /// the registers that hold one, now and then another), and calls it.
    fn call_kfunc(&mut self, out: &mut Vec<Insn>, (k, btf_id): (&'static Kfunc, i32)) {
        let mut setup: Vec<Insn> = Vec::new();
        let mut moves: Vec<Insn> = Vec::new();
        let mut mem_size = 0i32;
        let mut released = None;
        for (i, p) in k.params.iter().enumerate() {
            let r = i as u8 + 1;
            let buf = -(128 + 64 * i as i16);
            match p.kind {
                ArgKind::Ctx => moves.push(mov(r, Src::Reg(CTX))),
                ArgKind::BtfId => {
                    let (held, exact) = self.objects(p.ty.struct_name().unwrap_or_default());
                    let src = if !exact.is_empty() && self.rng.pct(85) {
                        Some(*self.rng.pick(&exact))
                    } else if !held.is_empty() && self.rng.pct(70) {
                        Some(*self.rng.pick(&held))
                    } else if p.roles.contains(Roles::NULLABLE) || self.rng.pct(30) {
                        None
                    } else {
                        Some(*self.rng.pick(&[CTX, 0, 7, 8, 9]))
                    };
                    if k.flags.contains(Flags::RELEASE) && released.is_none() {
                        released = src;
                    }
                    moves.push(mov(r, src.map_or(Src::Imm(0), Src::Reg)));
                }
                ArgKind::Mem | ArgKind::MemSize => {
                    mem_size = if p.kind == ArgKind::Mem {
                        p.pointee_size as i32
                    } else if self.rng.pct(90) {
                        self.rng.range(1, 64) as i32
                    } else {
                        *self.rng.pick(&[0, -1, 65, 100])
                    };
                    if !p.roles.contains(Roles::UNINIT) || self.rng.pct(30) {
                        zero_fill(&mut setup, buf, mem_size);
                    }
                    let may_be_null =
                        p.roles.contains(Roles::OPTIONAL) || p.roles.contains(Roles::NULLABLE);
                    if may_be_null && self.rng.pct(20) {
                        moves.push(mov(r, Src::Imm(0)));
                        mem_size = 0;
                    } else {
                        stack_ptr(&mut moves, r, buf);
                    }
                }
                _ => {
                    let v = if p.roles.contains(Roles::SIZE) || p.roles.contains(Roles::CONST_SIZE)
                    {
                        mem_size
                    } else if p.roles.is_hidden() || p.roles.contains(Roles::IGNORED) {
                        0
                    } else if self.rng.pct(40) {
                        self.rng.range(0, 4) as i32
                    } else {
                        self.imm()
                    };
                    let src = self.scalar_or(8, v);
                    moves.push(mov(r, src));
                }
            }
        }
        out.extend(setup);
        out.extend(moves);
        out.push(Insn::Call(kfreg_isa::Call::Kfunc { btf_id, fd: 0 }));
        self.clobber_args();
        if let Some(x) = released {
            self.regs[x as usize] = Kind::Mixed;
        }
        self.regs[0] = match k.ret {
            Ret::Void => Kind::Uninit,
            Ret::Object => {
                let s = k.ret_ty.struct_name().unwrap_or_default();
                if k.flags.contains(Flags::RET_NULL) {
                    Kind::ObjOrNull(s)
                } else {
                    Kind::Obj(s)
                }
            }
            _ => Kind::Scalar,
        };
    }

    /// `if cond goto +n` over a block of n instructions.
    fn cond(&mut self, out: &mut Vec<Insn>, depth: u32, budget: usize) {
        let before = self.regs;
        let dst = if self.rng.pct(90) {
            self.scalar(out)
        } else {
            *self.rng.pick(&SCRATCH)
        };
        let src = if self.rng.pct(50) {
            Src::Imm(self.imm())
        } else {
            Src::Reg(self.scalar(out))
        };
        let op = *self.rng.pick(&JMP_OPS);
        let wide = self.rng.pct(70);
        let inner = self.rng.range(1, (budget as i64 - 1).min(12)) as usize;
        let body = self.seq(depth + 1, inner);
        out.push(Insn::Jmp {
            wide,
            op,
            dst,
            src,
            off: body.len() as i16,
        });
        out.extend(body);
        self.regs = meet(&before, &self.regs);
    }

    fn seq(&mut self, depth: u32, budget: usize) -> Vec<Insn> {
        let mut body = Vec::new();
        while body.len() < budget {
            let b = self.block(depth, budget - body.len());
            body.extend(b);
        }
        body
    }

    fn counter(&mut self) -> Option<u8> {
        let free: Vec<u8> = [7u8, 8, 9]
            .into_iter()
            .filter(|r| !self.locked[*r as usize])
            .collect();
        if free.is_empty() {
            None
        } else {
            Some(*self.rng.pick(&free))
        }
    }

    /// `i = 0; do { body; i++ } while (i < n)`.
    fn bounded_loop(&mut self, out: &mut Vec<Insn>, depth: u32, budget: usize) {
        let Some(c) = self.counter() else {
            return self.alu(out);
        };
        let before = self.regs;
        let wide = self.rng.pct(70);
        let n = self.rng.range(1, 6) as i32;
        let start = if self.rng.pct(5) { self.imm() } else { 0 };
        out.push(Insn::Alu {
            wide,
            op: AluOp::Mov,
            dst: c,
            src: Src::Imm(start),
        });
        self.regs[c as usize] = Kind::Scalar;
        self.locked[c as usize] = true;
        let inner = self.rng.range(1, (budget as i64 - 3).clamp(1, 10)) as usize;
        let body = self.seq(depth + 1, inner);
        self.locked[c as usize] = false;
        let len = body.len() as i16;
        out.extend(body);
        out.push(Insn::Alu {
            wide,
            op: AluOp::Add,
            dst: c,
            src: Src::Imm(1),
        });
        let op = *self
            .rng
            .pick(&[JmpOp::Lt, JmpOp::Lt, JmpOp::Ne, JmpOp::Slt, JmpOp::Le]);
        out.push(Insn::Jmp {
            wide,
            op,
            dst: c,
            src: Src::Imm(n),
            off: -(len + 2),
        });
        self.regs = meet(&before, &self.regs);
        self.regs[c as usize] = Kind::Scalar;
    }

    /// `loop: may_goto out; body; goto loop; out:`.
    fn may_goto_loop(&mut self, out: &mut Vec<Insn>, depth: u32, budget: usize) {
        let before = self.regs;
        let inner = self.rng.range(1, (budget as i64 - 2).clamp(1, 8)) as usize;
        let body = self.seq(depth + 1, inner);
        let len = body.len() as i16;
        out.push(Insn::MayGoto { off: len + 1 });
        out.extend(body);
        out.push(Insn::Ja {
            off: -(len as i32 + 2),
        });
        self.regs = meet(&before, &self.regs);
    }

    fn atomic(&mut self, out: &mut Vec<Insn>) {
        let size = *self.rng.pick(&[Size::W, Size::DW]);
        let off = self.stack_off(size);
        out.push(Insn::St {
            size,
            dst: FP,
            off,
            imm: 1,
        });
        let op = *self.rng.pick(&[
            AtomicOp::Add { fetch: false },
            AtomicOp::Add { fetch: true },
            AtomicOp::Or { fetch: true },
            AtomicOp::And { fetch: false },
            AtomicOp::Xor { fetch: true },
            AtomicOp::Xchg,
            AtomicOp::CmpXchg,
        ]);
        let src = self.scalar(out);
        if self.locked[src as usize] && op.fetches() {
            return;
        }
        if op == AtomicOp::CmpXchg && (self.locked[0] || self.regs[0] != Kind::Scalar) {
            out.push(mov(0, Src::Imm(0)));
            self.regs[0] = Kind::Scalar;
        }
        out.push(Insn::Atomic {
            size,
            op,
            dst: FP,
            src,
            off,
        });
    }
}

trait Fetches {
    fn fetches(&self) -> bool;
}

impl Fetches for AtomicOp {
    fn fetches(&self) -> bool {
        matches!(
            self,
            AtomicOp::Add { fetch: true }
                | AtomicOp::Or { fetch: true }
                | AtomicOp::And { fetch: true }
                | AtomicOp::Xor { fetch: true }
                | AtomicOp::Xchg
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables() -> Vec<Target> {
        crate::targets(&[
            (ProgType::SocketFilter, None),
            (ProgType::Xdp, None),
            (ProgType::SchedCls, None),
        ])
    }

    #[test]
    fn same_seed_same_program() {
        let h = tables();
        for seed in 0..200u64 {
            assert_eq!(generate(seed, &h), generate(seed, &h), "seed {seed}");
        }
        let distinct: std::collections::HashSet<_> = (0..200u64)
            .map(|s| format!("{:?}", generate(s, &h).insns))
            .collect();
        assert!(distinct.len() > 190, "{} distinct programs", distinct.len());
    }

    #[test]
    fn programs_are_small_well_formed_and_end_in_exit() {
        let h = tables();
        for seed in 0..2000u64 {
            let p = generate(seed, &h);
            let n = p.insns.len();
            assert!((3..=160).contains(&n), "seed {seed}: {n} insns");
            assert_eq!(p.insns[n - 1], Insn::Exit, "seed {seed}");
            // The main program ends in an exit (`r0 = 0` before it, unless
            // mutated), and the subprograms follow it.
            let main_exit = p.insns.iter().position(|i| *i == Insn::Exit).unwrap();
            for (i, insn) in p.insns.iter().enumerate() {
                let off = match insn {
                    Insn::Call(kfreg_isa::Call::Local(off))
                    | Insn::LdImm64 {
                        pseudo: Pseudo::Func,
                        imm: off,
                        ..
                    } => {
                        // Subprograms start after the main program's exit.
                        let t = i as i64 + 1 + *off as i64;
                        assert!(
                            (main_exit as i64 + 1..n as i64).contains(&t),
                            "seed {seed}: call at {i} to {t}"
                        );
                        continue;
                    }
                    _ => insn.jump_offset(),
                };
                if let Some(off) = off {
                    let t = i as i64 + 1 + off as i64;
                    assert!(
                        (0..n as i64).contains(&t),
                        "seed {seed}: jump at {i} to {t}"
                    );
                }
            }
        }
    }

    #[test]
    fn helpers_come_from_the_declarations() {
        for t in tables() {
            let name = t.prog_type.name();
            assert!(t.all.len() > 10, "{name}: {} helpers", t.all.len());
            assert!(!t.map_value.is_empty());
            for helper in &t.all {
                assert!(helper.prog_types.contains(t.prog_type));
            }
        }
    }

    #[test]
    fn kfuncs_come_from_the_declarations() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/vmlinux.btf");
        let btf = Btf::from_file(path).expect("the recorded kernel BTF");
        let reg = Registry::global();
        let t = Target::for_prog(reg, ProgType::SchedCls, None, Some(&btf));
        assert!(t.kfuncs.len() > 20, "{} kfuncs", t.kfuncs.len());
        for (k, id) in &t.kfuncs {
            assert!(usable_kfunc(k), "{}", k.name);
            assert!(reg.allowed_in(reg.id(k.name).unwrap(), ProgType::SchedCls));
            assert_eq!(btf.name(*id as u32).unwrap(), k.name);
        }
        // Acquire and release pairs for the reference blocks.
        let has = |f: Flags| t.kfuncs.iter().any(|(k, _)| k.flags.contains(f));
        assert!(has(Flags::ACQUIRE) && has(Flags::RELEASE) && has(Flags::RCU_LOCK));
        // No BTF, no kfunc calls.
        assert!(
            Target::for_prog(reg, ProgType::SchedCls, None, None)
                .kfuncs
                .is_empty()
        );
    }

    #[test]
    fn contexts_come_from_the_declarations() {
        let t = tables();
        let (skf, xdp, tc) = (&t[0], &t[1], &t[2]);
        assert_eq!((skf.packet, skf.legacy_packet), (None, true));
        assert_eq!((xdp.packet, xdp.legacy_packet), (Some((0, 4)), false));
        assert_eq!((tc.packet, tc.legacy_packet), (Some((76, 80)), true));
        // A socket filter cannot see the packet pointers tc sees.
        assert!(!skf.ctx.iter().any(|&(off, ..)| off == 76));
        assert!(tc.ctx.contains(&(76, Size::W, Kind::Pkt)));
        assert!(tc.ctx.contains(&(80, Size::W, Kind::PktEnd)));
    }
}
