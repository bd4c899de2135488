//! The BPF instruction set: raw encoding, decoded instructions, and the
//! checks the kernel applies to an encoding before it verifies anything.
//!
//! A program is a sequence of 8-byte slots. `LD_IMM64` takes two slots; its
//! second slot decodes to [`Insn::LdImm64Tail`] so that instruction indices
//! (and jump offsets) stay the kernel's.
//!
//! [`asm`] reads the kernel's assembler syntax (the selftests' `__naked`
//! bodies, bpftool's dump) into instructions and [`disasm`] prints them back.

pub mod asm;
pub mod disasm;

/// Number of general registers, R0..R10.
pub const MAX_REG: u8 = 11;
/// The read-only frame pointer.
pub const FP: u8 = 10;

/// One raw 8-byte instruction slot.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RawInsn {
    /// Opcode.
    pub code: u8,
    /// Destination register (low nibble of the register byte).
    pub dst: u8,
    /// Source register (high nibble of the register byte).
    pub src: u8,
    /// Signed offset.
    pub off: i16,
    /// Signed immediate.
    pub imm: i32,
}

/// The second operand of ALU and jump instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Src {
    /// A register (`BPF_X`).
    Reg(u8),
    /// An immediate (`BPF_K`), sign-extended to 64 bits for ALU64 and JMP.
    Imm(i32),
}

/// ALU operations (`BPF_ALU` / `BPF_ALU64` classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AluOp {
    /// `+=`
    Add,
    /// `-=`
    Sub,
    /// `*=`
    Mul,
    /// Unsigned `/=`.
    Div,
    /// Signed `s/=` (off = 1).
    SDiv,
    /// `|=`
    Or,
    /// `&=`
    And,
    /// `<<=`
    Lsh,
    /// Logical `>>=`.
    Rsh,
    /// `= -dst`
    Neg,
    /// Unsigned `%=`.
    Mod,
    /// Signed `s%=` (off = 1).
    SMod,
    /// `^=`
    Xor,
    /// `=`
    Mov,
    /// `= (s8)src`, `(s16)`, `(s32)`: sign-extending move (off = 8, 16, 32).
    MovSx(u8),
    /// Arithmetic `s>>=`.
    Arsh,
}

/// Byte-order operations (`BPF_END`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByteOrder {
    /// `le16/le32/le64` (`BPF_ALU | BPF_END | BPF_TO_LE`).
    ToLe,
    /// `be16/be32/be64` (`BPF_ALU | BPF_END | BPF_TO_BE`).
    ToBe,
    /// `bswap16/32/64` (`BPF_ALU64 | BPF_END`).
    Swap,
}

/// Memory access width.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Size {
    /// 1 byte.
    B,
    /// 2 bytes.
    H,
    /// 4 bytes.
    W,
    /// 8 bytes.
    DW,
}

impl Size {
    /// Width in bytes.
    pub const fn bytes(self) -> u32 {
        match self {
            Size::B => 1,
            Size::H => 2,
            Size::W => 4,
            Size::DW => 8,
        }
    }
}

/// Conditional jump operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JmpOp {
    /// `==`
    Eq,
    /// unsigned `>`
    Gt,
    /// unsigned `>=`
    Ge,
    /// `&`
    Set,
    /// `!=`
    Ne,
    /// signed `>`
    Sgt,
    /// signed `>=`
    Sge,
    /// unsigned `<`
    Lt,
    /// unsigned `<=`
    Le,
    /// signed `<`
    Slt,
    /// signed `<=`
    Sle,
}

/// Atomic operations (`BPF_STX | BPF_ATOMIC`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtomicOp {
    /// `lock *(dst + off) += src`, optionally fetching the old value into src.
    Add {
        /// `BPF_FETCH`.
        fetch: bool,
    },
    /// `lock |=`.
    Or {
        /// `BPF_FETCH`.
        fetch: bool,
    },
    /// `lock &=`.
    And {
        /// `BPF_FETCH`.
        fetch: bool,
    },
    /// `lock ^=`.
    Xor {
        /// `BPF_FETCH`.
        fetch: bool,
    },
    /// `src = xchg(dst + off, src)`.
    Xchg,
    /// `r0 = cmpxchg(dst + off, r0, src)`.
    CmpXchg,
    /// `dst = load_acquire(src + off)` (encoded with the register roles swapped):
    /// here `dst` is the register loaded and `src` the base, as in the encoding.
    LoadAcquire,
    /// `store_release(dst + off, src)`.
    StoreRelease,
}

/// What the immediate of an `LD_IMM64` means (its `src_reg`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pseudo {
    /// A plain 64-bit constant.
    Imm,
    /// `BPF_PSEUDO_MAP_FD`: a map, by fd.
    MapFd,
    /// `BPF_PSEUDO_MAP_VALUE`: a pointer into a map's value, by fd, at the second slot's imm.
    MapValue,
    /// `BPF_PSEUDO_BTF_ID`: a kernel variable, by BTF id.
    BtfId,
    /// `BPF_PSEUDO_FUNC`: a subprogram address, by relative instruction offset.
    Func,
    /// `BPF_PSEUDO_MAP_IDX`: a map, by index into fd_array.
    MapIdx,
    /// `BPF_PSEUDO_MAP_IDX_VALUE`: a map value, by index into fd_array.
    MapIdxValue,
}

/// The target of a call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    /// A helper, by number.
    Helper(i32),
    /// A BPF-to-BPF call (`BPF_PSEUDO_CALL`), by relative instruction offset.
    Local(i32),
    /// A kfunc (`BPF_PSEUDO_KFUNC_CALL`), by BTF id; `fd` selects a module BTF (0 = vmlinux).
    Kfunc {
        /// BTF id of the function.
        btf_id: i32,
        /// fd_array index of the module BTF, 0 for vmlinux.
        fd: i16,
    },
}

/// A decoded instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Insn {
    /// ALU operation; `wide` is ALU64.
    Alu {
        /// 64-bit operation.
        wide: bool,
        /// Operation.
        op: AluOp,
        /// Destination register.
        dst: u8,
        /// Source operand.
        src: Src,
    },
    /// Byte swap of the low `bits` bits of `dst`.
    End {
        /// Conversion.
        order: ByteOrder,
        /// Destination register.
        dst: u8,
        /// 16, 32 or 64.
        bits: u8,
    },
    /// `dst = imm64` (first slot of two).
    LdImm64 {
        /// Destination register.
        dst: u8,
        /// Meaning of the immediate.
        pseudo: Pseudo,
        /// First slot's imm (low 32 bits, or fd / index / BTF id / offset).
        imm: i32,
        /// Second slot's imm (high 32 bits, or the map value offset).
        imm_hi: i32,
    },
    /// Second slot of an `LD_IMM64`; never executed.
    LdImm64Tail,
    /// Legacy packet load `r0 = *(size *)skb[(src +) imm]` (`BPF_LD | BPF_ABS/BPF_IND`).
    LdPkt {
        /// Width.
        size: Size,
        /// `BPF_IND` register, if any.
        src: Option<u8>,
        /// Offset.
        imm: i32,
    },
    /// `dst = *(size *)(src + off)`, sign-extending for `BPF_MEMSX`.
    Ldx {
        /// Width.
        size: Size,
        /// Destination register.
        dst: u8,
        /// Base register.
        src: u8,
        /// Offset.
        off: i16,
        /// Sign-extending load.
        sign_ext: bool,
    },
    /// `*(size *)(dst + off) = imm`.
    St {
        /// Width.
        size: Size,
        /// Base register.
        dst: u8,
        /// Offset.
        off: i16,
        /// Value.
        imm: i32,
    },
    /// `*(size *)(dst + off) = src`.
    Stx {
        /// Width.
        size: Size,
        /// Base register.
        dst: u8,
        /// Value register.
        src: u8,
        /// Offset.
        off: i16,
    },
    /// Atomic memory operation.
    Atomic {
        /// Width.
        size: Size,
        /// Operation.
        op: AtomicOp,
        /// Base register.
        dst: u8,
        /// Value register.
        src: u8,
        /// Offset.
        off: i16,
    },
    /// Unconditional jump (`goto`, or `gotol` with a 32-bit offset).
    Ja {
        /// Relative offset in slots.
        off: i32,
    },
    /// Conditional jump; `wide` is JMP (64-bit compare), else JMP32.
    Jmp {
        /// 64-bit comparison.
        wide: bool,
        /// Comparison.
        op: JmpOp,
        /// Left operand.
        dst: u8,
        /// Right operand.
        src: Src,
        /// Relative offset in slots.
        off: i16,
    },
    /// Bounded-loop escape hatch: jumps when the loop budget runs out.
    MayGoto {
        /// Relative offset in slots.
        off: i16,
    },
    /// A call.
    Call(Call),
    /// Return from the current function.
    Exit,
}

// ---------------------------------------------------------------------------
// Opcode fields (include/uapi/linux/bpf.h, bpf_common.h).
// ---------------------------------------------------------------------------

const CLASS_LD: u8 = 0x00;
const CLASS_LDX: u8 = 0x01;
const CLASS_ST: u8 = 0x02;
const CLASS_STX: u8 = 0x03;
const CLASS_ALU: u8 = 0x04;
const CLASS_JMP: u8 = 0x05;
const CLASS_JMP32: u8 = 0x06;
const CLASS_ALU64: u8 = 0x07;

const SIZE_W: u8 = 0x00;
const SIZE_H: u8 = 0x08;
const SIZE_B: u8 = 0x10;
const SIZE_DW: u8 = 0x18;

const MODE_IMM: u8 = 0x00;
const MODE_ABS: u8 = 0x20;
const MODE_IND: u8 = 0x40;
const MODE_MEM: u8 = 0x60;
const MODE_MEMSX: u8 = 0x80;
const MODE_ATOMIC: u8 = 0xc0;

const SRC_K: u8 = 0x00;
const SRC_X: u8 = 0x08;

const OP_ADD: u8 = 0x00;
const OP_SUB: u8 = 0x10;
const OP_MUL: u8 = 0x20;
const OP_DIV: u8 = 0x30;
const OP_OR: u8 = 0x40;
const OP_AND: u8 = 0x50;
const OP_LSH: u8 = 0x60;
const OP_RSH: u8 = 0x70;
const OP_NEG: u8 = 0x80;
const OP_MOD: u8 = 0x90;
const OP_XOR: u8 = 0xa0;
const OP_MOV: u8 = 0xb0;
const OP_ARSH: u8 = 0xc0;
const OP_END: u8 = 0xd0;

const OP_JA: u8 = 0x00;
const OP_JEQ: u8 = 0x10;
const OP_JGT: u8 = 0x20;
const OP_JGE: u8 = 0x30;
const OP_JSET: u8 = 0x40;
const OP_JNE: u8 = 0x50;
const OP_JSGT: u8 = 0x60;
const OP_JSGE: u8 = 0x70;
const OP_CALL: u8 = 0x80;
const OP_EXIT: u8 = 0x90;
const OP_JLT: u8 = 0xa0;
const OP_JLE: u8 = 0xb0;
const OP_JSLT: u8 = 0xc0;
const OP_JSLE: u8 = 0xd0;
const OP_JCOND: u8 = 0xe0;

const LD_IMM64: u8 = CLASS_LD | MODE_IMM | SIZE_DW;
const CALL: u8 = CLASS_JMP | OP_CALL;
const EXIT: u8 = CLASS_JMP | OP_EXIT;
const JA: u8 = CLASS_JMP | OP_JA;
const JA32: u8 = CLASS_JMP32 | OP_JA;

const ATOMIC_FETCH: i32 = 0x01;
const ATOMIC_XCHG: i32 = 0xe0 | ATOMIC_FETCH;
const ATOMIC_CMPXCHG: i32 = 0xf0 | ATOMIC_FETCH;
const ATOMIC_LOAD_ACQ: i32 = 0x100;
const ATOMIC_STORE_REL: i32 = 0x110;

const PSEUDO_CALL: u8 = 1;
const PSEUDO_KFUNC_CALL: u8 = 2;

/// The largest program the kernel loads (`BPF_COMPLEXITY_LIMIT_INSNS`, for
/// privileged loaders).
pub const MAX_INSNS: usize = 1_000_000;
/// The most functions a program may have (`BPF_MAX_SUBPROGS`).
pub const MAX_SUBPROGS: usize = 256;

// ---------------------------------------------------------------------------
// Small helpers on the types.
// ---------------------------------------------------------------------------

impl RawInsn {
    /// A slot with the given fields.
    pub const fn new(code: u8, dst: u8, src: u8, off: i16, imm: i32) -> RawInsn {
        RawInsn {
            code,
            dst,
            src,
            off,
            imm,
        }
    }

    /// Reads one 8-byte slot: opcode, register byte (dst in the low nibble,
    /// src in the high one), little-endian `off` and `imm`.
    pub fn from_slot(b: [u8; 8]) -> RawInsn {
        RawInsn {
            code: b[0],
            dst: b[1] & 0x0f,
            src: b[1] >> 4,
            off: i16::from_le_bytes([b[2], b[3]]),
            imm: i32::from_le_bytes([b[4], b[5], b[6], b[7]]),
        }
    }

    /// Writes this slot as 8 bytes. Register numbers are truncated to 4 bits.
    pub fn to_slot(&self) -> [u8; 8] {
        let off = self.off.to_le_bytes();
        let imm = self.imm.to_le_bytes();
        [
            self.code,
            (self.dst & 0x0f) | (self.src << 4),
            off[0],
            off[1],
            imm[0],
            imm[1],
            imm[2],
            imm[3],
        ]
    }

    /// Splits a program image into slots. The length must be a multiple of 8.
    pub fn from_bytes(bytes: &[u8]) -> Result<Vec<RawInsn>, DecodeError> {
        if !bytes.len().is_multiple_of(8) {
            return Err(DecodeError::new(
                bytes.len() / 8,
                format!("program size {} is not a multiple of 8 bytes", bytes.len()),
            ));
        }
        Ok(bytes
            .chunks_exact(8)
            .map(|c| {
                let mut b = [0u8; 8];
                b.copy_from_slice(c);
                RawInsn::from_slot(b)
            })
            .collect())
    }

    /// The program image of `insns`: 8 bytes per slot.
    pub fn to_bytes(insns: &[RawInsn]) -> Vec<u8> {
        insns.iter().flat_map(|r| r.to_slot()).collect()
    }

    fn class(&self) -> u8 {
        self.code & 0x07
    }
}

impl Size {
    /// The `BPF_SIZE` bits of an opcode.
    fn bits(self) -> u8 {
        match self {
            Size::W => SIZE_W,
            Size::H => SIZE_H,
            Size::B => SIZE_B,
            Size::DW => SIZE_DW,
        }
    }

    fn from_code(code: u8) -> Size {
        match code & 0x18 {
            SIZE_W => Size::W,
            SIZE_H => Size::H,
            SIZE_B => Size::B,
            _ => Size::DW,
        }
    }
}

impl AtomicOp {
    /// The `imm` that selects this operation.
    pub fn imm(self) -> i32 {
        let f = |fetch: bool| if fetch { ATOMIC_FETCH } else { 0 };
        match self {
            AtomicOp::Add { fetch } => OP_ADD as i32 | f(fetch),
            AtomicOp::Or { fetch } => OP_OR as i32 | f(fetch),
            AtomicOp::And { fetch } => OP_AND as i32 | f(fetch),
            AtomicOp::Xor { fetch } => OP_XOR as i32 | f(fetch),
            AtomicOp::Xchg => ATOMIC_XCHG,
            AtomicOp::CmpXchg => ATOMIC_CMPXCHG,
            AtomicOp::LoadAcquire => ATOMIC_LOAD_ACQ,
            AtomicOp::StoreRelease => ATOMIC_STORE_REL,
        }
    }

    /// The operation an atomic instruction's `imm` selects.
    pub fn from_imm(imm: i32) -> Option<AtomicOp> {
        let fetch = imm & ATOMIC_FETCH != 0;
        Some(match imm {
            ATOMIC_XCHG => AtomicOp::Xchg,
            ATOMIC_CMPXCHG => AtomicOp::CmpXchg,
            ATOMIC_LOAD_ACQ => AtomicOp::LoadAcquire,
            ATOMIC_STORE_REL => AtomicOp::StoreRelease,
            0x00 | 0x01 => AtomicOp::Add { fetch },
            0x40 | 0x41 => AtomicOp::Or { fetch },
            0x50 | 0x51 => AtomicOp::And { fetch },
            0xa0 | 0xa1 => AtomicOp::Xor { fetch },
            _ => return None,
        })
    }
}

impl Pseudo {
    /// The `src_reg` value of this kind of `LD_IMM64`.
    pub fn src_reg(self) -> u8 {
        match self {
            Pseudo::Imm => 0,
            Pseudo::MapFd => 1,
            Pseudo::MapValue => 2,
            Pseudo::BtfId => 3,
            Pseudo::Func => 4,
            Pseudo::MapIdx => 5,
            Pseudo::MapIdxValue => 6,
        }
    }

    /// The kind of `LD_IMM64` with this `src_reg`.
    pub fn from_src_reg(src: u8) -> Option<Pseudo> {
        Some(match src {
            0 => Pseudo::Imm,
            1 => Pseudo::MapFd,
            2 => Pseudo::MapValue,
            3 => Pseudo::BtfId,
            4 => Pseudo::Func,
            5 => Pseudo::MapIdx,
            6 => Pseudo::MapIdxValue,
            _ => return None,
        })
    }
}

impl Insn {
    /// The opcode byte this instruction encodes to (`0` for the second
    /// slot of an `LD_IMM64`).
    pub fn code(&self) -> u8 {
        encode_one(self, 0).code
    }

    /// The relative jump offset of a jump (`goto`, `gotol`, conditional
    /// jumps, `may_goto`): the target is `idx + 1 + offset`.
    pub fn jump_offset(&self) -> Option<i32> {
        match *self {
            Insn::Ja { off } => Some(off),
            Insn::Jmp { off, .. } | Insn::MayGoto { off } => Some(off as i32),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------
// Decoding.
// ---------------------------------------------------------------------------

/// An encoding the kernel rejects before it looks at any register state.
///
/// `msg` is the verifier log line the kernel prints for it (without the
/// newline); `insn` is the slot it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Index of the offending slot.
    pub insn: usize,
    /// The kernel's message.
    pub msg: String,
    /// A register the kernel reads before it finds the fault, whose
    /// `!read_ok` is then the message instead (see [`read_before_fault`]).
    pub reads_first: Option<u8>,
    /// The fault is a legacy packet load's: the kernel first asks whether
    /// the program type may use them at all.
    pub legacy_packet_load: bool,
    /// The fault is an indirect packet load's source register number, which
    /// the kernel checks only after R6 (check_ld_abs).
    pub after_ctx: bool,
}

impl DecodeError {
    fn new(insn: usize, msg: impl Into<String>) -> DecodeError {
        DecodeError {
            insn,
            msg: msg.into(),
            reads_first: None,
            legacy_packet_load: false,
            after_ctx: false,
        }
    }
}

/// The register the kernel reads before it reports fault `msg` of `r`:
/// a conditional jump reads its destination before it looks at its other
/// fields (check_cond_jmp_op); elsewhere the fields come first, and a bad
/// destination number is found after the source is read (loads, stores,
/// atomics, register-operand ALU).
fn read_before_fault(r: &RawInsn, msg: &str) -> Option<u8> {
    let op = r.code & 0xf0;
    let cond_jump = matches!(r.class(), CLASS_JMP | CLASS_JMP32)
        && !matches!(op, OP_JA | OP_CALL | OP_EXIT | OP_JCOND)
        && !msg.starts_with("invalid BPF_JMP/JMP32 opcode");
    if cond_jump {
        return (r.dst < MAX_REG).then_some(r.dst);
    }
    if msg != format!("R{} is invalid", r.dst) {
        return None;
    }
    source_read_first(r)
}

/// The source register an instruction reads before the kernel checks its
/// destination's number, when that number is bad and the source's is not.
fn source_read_first(r: &RawInsn) -> Option<u8> {
    if r.dst < MAX_REG || r.src >= MAX_REG {
        return None;
    }
    let x = r.code & SRC_X != 0;
    let op = r.code & 0xf0;
    let reads = match r.class() {
        CLASS_LDX | CLASS_STX => true,
        CLASS_ALU | CLASS_ALU64 => x && op != OP_NEG && op != OP_END,
        _ => false,
    };
    reads.then_some(r.src)
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "insn {}: {}", self.insn, self.msg)
    }
}

impl std::error::Error for DecodeError {}

/// Whether the kernel's `bpf_opcode_in_insntable()` knows `code`.
/// `LD_IMM64` and the `LDX` class are checked before this is consulted.
fn in_insntable(code: u8) -> bool {
    let op = code & 0xf0;
    let x = code & SRC_X != 0;
    match code & 0x07 {
        CLASS_ALU | CLASS_ALU64 => {
            let wide = code & 0x07 == CLASS_ALU64;
            match op {
                OP_NEG => !x,
                // ALU64 | END | TO_BE is not an instruction.
                OP_END => !(wide && x),
                _ => op <= OP_ARSH,
            }
        }
        CLASS_JMP => match op {
            OP_JA | OP_CALL | OP_EXIT | OP_JCOND => !x,
            _ => op <= OP_JSLE,
        },
        CLASS_JMP32 => match op {
            OP_JA => !x,
            OP_CALL | OP_EXIT | OP_JCOND => false,
            _ => op <= OP_JSLE,
        },
        CLASS_STX => matches!(code & 0xe0, MODE_MEM | MODE_ATOMIC),
        CLASS_ST => code & 0xe0 == MODE_MEM,
        CLASS_LDX => {
            let mode = code & 0xe0;
            mode == MODE_MEM || (mode == MODE_MEMSX && code & 0x18 != SIZE_DW)
        }
        _ => {
            // BPF_LD: the legacy packet loads (not DW) and LD_IMM64.
            let mode = code & 0xe0;
            code == LD_IMM64 || ((mode == MODE_ABS || mode == MODE_IND) && code & 0x18 != SIZE_DW)
        }
    }
}

fn reg(r: u8) -> Result<u8, String> {
    if r >= MAX_REG {
        Err(format!("R{r} is invalid"))
    } else {
        Ok(r)
    }
}

/// Decodes and checks a program the way the kernel does before verifying it.
///
/// The checks run in the kernel's order: subprogram discovery
/// (`add_subprog_and_kfunc`), jump ranges and fall-through at function ends
/// (`check_subprogs`), `LDX` reserved fields, `LD_IMM64` pairs and unknown
/// opcodes (`resolve_pseudo_ldimm64`), then each instruction's reserved
/// fields and register numbers (`do_check`; here in index order, where the
/// kernel goes along execution paths). Checks that need register state, maps,
/// BTF or the control-flow graph (`unreachable insn`, back-edges, jumps into
/// the middle of an `LD_IMM64`) are left to the verifier.
///
/// Each slot yields one [`Insn`]; the second slot of `LD_IMM64` yields
/// [`Insn::LdImm64Tail`].
pub fn decode(raw: &[RawInsn]) -> Result<Vec<Insn>, DecodeError> {
    decode_each(raw)?.into_iter().collect()
}

/// Like [`decode`], but a fault of a single instruction (reserved fields,
/// register numbers: what the kernel checks when its path walk reaches the
/// instruction) is returned in that instruction's place instead of failing
/// the whole program. The program-wide checks still fail it.
///
/// The kernel never checks instructions no path reaches, so a verifier that
/// reports these faults only when it visits the instruction matches the
/// kernel exactly, including on programs with bad encodings in dead code
/// (which the kernel accepts).
pub fn decode_each(raw: &[RawInsn]) -> Result<Vec<Result<Insn, DecodeError>>, DecodeError> {
    let n = raw.len();
    if n == 0 {
        return Err(DecodeError::new(0, "empty program"));
    }
    if n > MAX_INSNS {
        return Err(DecodeError::new(
            MAX_INSNS,
            format!("program of {n} insns is too large (max {MAX_INSNS})"),
        ));
    }
    let starts = subprog_starts(raw)?;
    check_subprogs(raw, &starts)?;
    let tails = check_ldimm64_and_opcodes(raw)?;
    Ok(raw
        .iter()
        .enumerate()
        .map(|(i, r)| {
            if tails[i] {
                Ok(Insn::LdImm64Tail)
            } else {
                decode_slot(r, raw.get(i + 1)).map_err(|msg| {
                    let legacy =
                        r.class() == CLASS_LD && matches!(r.code & 0xe0, MODE_ABS | MODE_IND);
                    DecodeError {
                        reads_first: read_before_fault(r, &msg),
                        legacy_packet_load: legacy,
                        after_ctx: legacy && msg == format!("R{} is invalid", r.src),
                        ..DecodeError::new(i, msg)
                    }
                })
            }
        })
        .collect())
}

/// What stands in for slot `i` of `raw` when it fails to decode: the
/// kernel's check_cfg walks a slot by its opcode (and a call by its
/// src_reg) before any reserved field is looked at, so a bad slot keeps its
/// edges (an `LD_IMM64` its width, a BPF-to-BPF call its callee, a jump its
/// target) and its fault is reported when a path reaches it. An `LD_IMM64`
/// whose offset or destination is bad still names its map or function to
/// the load-time pass (resolve_pseudo_ldimm64 reads neither).
pub fn stand_in(raw: &[RawInsn], i: usize) -> Insn {
    let r = &raw[i];
    let class = r.code & 0x07;
    if r.code == LD_IMM64 {
        let lenient = RawInsn {
            off: 0,
            dst: 0,
            ..*r
        };
        return decode_slot(&lenient, raw.get(i + 1)).unwrap_or(Insn::Ja { off: 1 });
    }
    if class != CLASS_JMP && class != CLASS_JMP32 {
        return Insn::Ja { off: 0 };
    }
    match r.code & 0xf0 {
        OP_EXIT => Insn::Exit,
        OP_CALL if r.src == PSEUDO_CALL => Insn::Call(Call::Local(r.imm)),
        OP_CALL => Insn::Ja { off: 0 },
        OP_JA if class == CLASS_JMP32 => Insn::Ja { off: r.imm },
        OP_JA => Insn::Ja {
            off: i32::from(r.off),
        },
        _ => Insn::Jmp {
            wide: class == CLASS_JMP,
            op: JmpOp::Eq,
            dst: 0,
            src: Src::Imm(0),
            off: r.off,
        },
    }
}

/// Function entry points: 0 and every target of a BPF-to-BPF call or of an
/// `LD_IMM64` of a function address (the kernel's `add_subprog_and_kfunc`).
fn subprog_starts(raw: &[RawInsn]) -> Result<Vec<usize>, DecodeError> {
    let n = raw.len();
    let mut starts = vec![0usize];
    for (i, r) in raw.iter().enumerate() {
        let pseudo_func = r.code == LD_IMM64 && r.src == Pseudo::Func.src_reg();
        let pseudo_call = r.code == CALL && r.src == PSEUDO_CALL;
        if !pseudo_func && !pseudo_call {
            continue;
        }
        // `int` arithmetic in the kernel: wraps.
        let t = (i as i32).wrapping_add(r.imm).wrapping_add(1);
        if t < 0 || t as usize >= n {
            return Err(DecodeError::new(i, "call to invalid destination"));
        }
        let t = t as usize;
        if let Err(pos) = starts.binary_search(&t) {
            if starts.len() >= MAX_SUBPROGS {
                return Err(DecodeError::new(i, "too many subprograms"));
            }
            starts.insert(pos, t);
        }
    }
    Ok(starts)
}

/// Jumps stay inside their function; a function's last slot is an exit or
/// an unconditional jump (the kernel's `check_subprogs`).
fn check_subprogs(raw: &[RawInsn], starts: &[usize]) -> Result<(), DecodeError> {
    let n = raw.len();
    let mut cur = 0;
    let mut start = starts[0];
    let mut end = starts.get(1).copied().unwrap_or(n);
    for (i, r) in raw.iter().enumerate() {
        let class = r.class();
        let op = r.code & 0xf0;
        if (class == CLASS_JMP || class == CLASS_JMP32) && op != OP_CALL && op != OP_EXIT {
            let off = if r.code == JA32 { r.imm } else { r.off as i32 };
            let t = (i as i32).wrapping_add(off).wrapping_add(1);
            if t < start as i32 || t >= end as i32 {
                return Err(DecodeError::new(
                    i,
                    format!("jump out of range from insn {i} to {t}"),
                ));
            }
        }
        if i + 1 == end {
            if r.code != EXIT && r.code != JA && r.code != JA32 {
                return Err(DecodeError::new(i, "last insn is not an exit or jmp"));
            }
            start = end;
            cur += 1;
            if cur < starts.len() {
                end = starts.get(cur + 1).copied().unwrap_or(n);
            }
        }
    }
    Ok(())
}

/// `LDX` reserved fields, `LD_IMM64` pairs and unknown opcodes (the
/// encoding checks of the kernel's `resolve_pseudo_ldimm64`). Returns which
/// slots are second halves of an `LD_IMM64`.
fn check_ldimm64_and_opcodes(raw: &[RawInsn]) -> Result<Vec<bool>, DecodeError> {
    let n = raw.len();
    let mut tails = vec![false; n];
    let mut i = 0;
    while i < n {
        let r = &raw[i];
        if r.class() == CLASS_LDX {
            let mode = r.code & 0xe0;
            if (mode != MODE_MEM && mode != MODE_MEMSX) || r.imm != 0 {
                return Err(DecodeError::new(i, "BPF_LDX uses reserved fields"));
            }
        }
        if r.code == LD_IMM64 {
            let ok_tail = raw
                .get(i + 1)
                .is_some_and(|t| t.code == 0 && t.dst == 0 && t.src == 0 && t.off == 0);
            if !ok_tail {
                return Err(DecodeError::new(i, "invalid bpf_ld_imm64 insn"));
            }
            let hi = raw[i + 1].imm;
            let ok = match Pseudo::from_src_reg(r.src) {
                Some(Pseudo::MapFd) | Some(Pseudo::MapIdx) => hi == 0,
                Some(_) => true,
                None => false,
            };
            if !ok {
                return Err(DecodeError::new(i, "unrecognized bpf_ld_imm64 insn"));
            }
            tails[i + 1] = true;
            i += 2;
            continue;
        }
        if !in_insntable(r.code) {
            return Err(DecodeError::new(
                i,
                format!("unknown opcode {:02x}", r.code),
            ));
        }
        i += 1;
    }
    Ok(tails)
}

/// One instruction's reserved fields and register numbers, in the order of
/// the kernel's `do_check_insn`. The opcode is known to be in the table.
fn decode_slot(r: &RawInsn, next: Option<&RawInsn>) -> Result<Insn, String> {
    let class = r.class();
    let op = r.code & 0xf0;
    let x = r.code & SRC_X != 0;
    match class {
        CLASS_ALU | CLASS_ALU64 => decode_alu(r, class == CLASS_ALU64, op, x),
        CLASS_LDX => {
            // Reserved fields were checked with the opcodes.
            let src = reg(r.src)?;
            let dst = reg(r.dst)?;
            Ok(Insn::Ldx {
                size: Size::from_code(r.code),
                dst,
                src,
                off: r.off,
                sign_ext: r.code & 0xe0 == MODE_MEMSX,
            })
        }
        CLASS_STX => {
            let size = Size::from_code(r.code);
            if r.code & 0xe0 == MODE_ATOMIC {
                let Some(aop) = AtomicOp::from_imm(r.imm) else {
                    return Err(format!(
                        "BPF_ATOMIC uses invalid atomic opcode {:02x}",
                        r.imm as u32
                    ));
                };
                let rmw = !matches!(aop, AtomicOp::LoadAcquire | AtomicOp::StoreRelease);
                if rmw && size != Size::W && size != Size::DW {
                    return Err("invalid atomic operand size".into());
                }
                let src = reg(r.src)?;
                let dst = reg(r.dst)?;
                return Ok(Insn::Atomic {
                    size,
                    op: aop,
                    dst,
                    src,
                    off: r.off,
                });
            }
            if r.imm != 0 {
                return Err("BPF_STX uses reserved fields".into());
            }
            let src = reg(r.src)?;
            let dst = reg(r.dst)?;
            Ok(Insn::Stx {
                size,
                dst,
                src,
                off: r.off,
            })
        }
        CLASS_ST => {
            if r.src != 0 {
                return Err("BPF_ST uses reserved fields".into());
            }
            let dst = reg(r.dst)?;
            Ok(Insn::St {
                size: Size::from_code(r.code),
                dst,
                off: r.off,
                imm: r.imm,
            })
        }
        CLASS_JMP | CLASS_JMP32 => decode_jmp(r, class == CLASS_JMP, op, x),
        _ => {
            let mode = r.code & 0xe0;
            if mode == MODE_ABS || mode == MODE_IND {
                if r.dst != 0 || r.off != 0 || (mode == MODE_ABS && r.src != 0) {
                    return Err("BPF_LD_[ABS|IND] uses reserved fields".into());
                }
                let src = if mode == MODE_IND {
                    Some(reg(r.src)?)
                } else {
                    None
                };
                return Ok(Insn::LdPkt {
                    size: Size::from_code(r.code),
                    src,
                    imm: r.imm,
                });
            }
            // LD_IMM64; its pair was checked with the opcodes.
            if r.off != 0 {
                return Err("BPF_LD_IMM64 uses reserved fields".into());
            }
            let dst = reg(r.dst)?;
            Ok(Insn::LdImm64 {
                dst,
                pseudo: Pseudo::from_src_reg(r.src).unwrap_or(Pseudo::Imm),
                imm: r.imm,
                imm_hi: next.map_or(0, |t| t.imm),
            })
        }
    }
}

fn decode_alu(r: &RawInsn, wide: bool, op: u8, x: bool) -> Result<Insn, String> {
    match op {
        OP_NEG => {
            if r.src != 0 || r.off != 0 || r.imm != 0 {
                return Err("BPF_NEG uses reserved fields".into());
            }
            let dst = reg(r.dst)?;
            Ok(Insn::Alu {
                wide,
                op: AluOp::Neg,
                dst,
                src: Src::Imm(0),
            })
        }
        OP_END => {
            if r.src != 0 || r.off != 0 || !matches!(r.imm, 16 | 32 | 64) || (wide && x) {
                return Err("BPF_END uses reserved fields".into());
            }
            let dst = reg(r.dst)?;
            let order = if wide {
                ByteOrder::Swap
            } else if x {
                ByteOrder::ToBe
            } else {
                ByteOrder::ToLe
            };
            Ok(Insn::End {
                order,
                dst,
                bits: r.imm as u8,
            })
        }
        OP_MOV => {
            if !x {
                if r.src != 0 || r.off != 0 {
                    return Err("BPF_MOV uses reserved fields".into());
                }
                let dst = reg(r.dst)?;
                return Ok(Insn::Alu {
                    wide,
                    op: AluOp::Mov,
                    dst,
                    src: Src::Imm(r.imm),
                });
            }
            if !wide {
                if !matches!(r.off, 0 | 8 | 16) || r.imm != 0 {
                    return Err("BPF_MOV uses reserved fields".into());
                }
            } else if r.off == 1 {
                // BPF_ADDR_SPACE_CAST: only meaningful with an arena map,
                // which this verifier does not model.
                if r.imm != 1 && r.imm != 1 << 16 {
                    return Err(
                        "addr_space_cast insn can only convert between address space 1 and 0"
                            .into(),
                    );
                }
                return Err("addr_space_cast insn can only be used in a program that has an associated arena".into());
            } else if !matches!(r.off, 0 | 8 | 16 | 32) || r.imm != 0 {
                return Err("BPF_MOV uses reserved fields".into());
            }
            let src = reg(r.src)?;
            let dst = reg(r.dst)?;
            let op = if r.off == 0 {
                AluOp::Mov
            } else {
                AluOp::MovSx(r.off as u8)
            };
            Ok(Insn::Alu {
                wide,
                op,
                dst,
                src: Src::Reg(src),
            })
        }
        _ => {
            let signed_ok = op == OP_DIV || op == OP_MOD;
            let bad_off = (r.off != 0 && r.off != 1) || (r.off == 1 && !signed_ok);
            let src = if x {
                if r.imm != 0 || bad_off {
                    return Err("BPF_ALU uses reserved fields".into());
                }
                Src::Reg(reg(r.src)?)
            } else {
                if r.src != 0 || bad_off {
                    return Err("BPF_ALU uses reserved fields".into());
                }
                Src::Imm(r.imm)
            };
            let dst = reg(r.dst)?;
            let signed = r.off == 1;
            let op = match op {
                OP_ADD => AluOp::Add,
                OP_SUB => AluOp::Sub,
                OP_MUL => AluOp::Mul,
                OP_DIV if signed => AluOp::SDiv,
                OP_DIV => AluOp::Div,
                OP_OR => AluOp::Or,
                OP_AND => AluOp::And,
                OP_LSH => AluOp::Lsh,
                OP_RSH => AluOp::Rsh,
                OP_MOD if signed => AluOp::SMod,
                OP_MOD => AluOp::Mod,
                OP_XOR => AluOp::Xor,
                OP_ARSH => AluOp::Arsh,
                _ => return Err(format!("invalid BPF_ALU opcode {:x}", op)),
            };
            Ok(Insn::Alu { wide, op, dst, src })
        }
    }
}

fn decode_jmp(r: &RawInsn, wide: bool, op: u8, x: bool) -> Result<Insn, String> {
    match op {
        OP_CALL => {
            let src_ok = matches!(r.src, 0 | PSEUDO_CALL | PSEUDO_KFUNC_CALL);
            if x || (r.src != PSEUDO_KFUNC_CALL && r.off != 0) || !src_ok || r.dst != 0 || !wide {
                return Err("BPF_CALL uses reserved fields".into());
            }
            Ok(Insn::Call(match r.src {
                0 => Call::Helper(r.imm),
                PSEUDO_CALL => Call::Local(r.imm),
                _ => Call::Kfunc {
                    btf_id: r.imm,
                    fd: r.off,
                },
            }))
        }
        OP_JA => {
            if x || r.src != 0 || r.dst != 0 || (wide && r.imm != 0) || (!wide && r.off != 0) {
                return Err("BPF_JA uses reserved fields".into());
            }
            Ok(Insn::Ja {
                off: if wide { r.off as i32 } else { r.imm },
            })
        }
        OP_EXIT => {
            if x || r.imm != 0 || r.src != 0 || r.dst != 0 || !wide {
                return Err("BPF_EXIT uses reserved fields".into());
            }
            Ok(Insn::Exit)
        }
        OP_JCOND => {
            if !wide || x || r.src != 0 || r.dst != 0 || r.imm != 0 {
                return Err(format!("invalid may_goto imm {}", r.imm));
            }
            Ok(Insn::MayGoto { off: r.off })
        }
        _ => {
            let jop = match op {
                OP_JEQ => JmpOp::Eq,
                OP_JGT => JmpOp::Gt,
                OP_JGE => JmpOp::Ge,
                OP_JSET => JmpOp::Set,
                OP_JNE => JmpOp::Ne,
                OP_JSGT => JmpOp::Sgt,
                OP_JSGE => JmpOp::Sge,
                OP_JLT => JmpOp::Lt,
                OP_JLE => JmpOp::Le,
                OP_JSLT => JmpOp::Slt,
                OP_JSLE => JmpOp::Sle,
                _ => return Err(format!("invalid BPF_JMP/JMP32 opcode {:x}", op)),
            };
            let dst = reg(r.dst)?;
            let src = if x {
                if r.imm != 0 {
                    return Err("BPF_JMP/JMP32 uses reserved fields".into());
                }
                Src::Reg(reg(r.src)?)
            } else {
                if r.src != 0 {
                    return Err("BPF_JMP/JMP32 uses reserved fields".into());
                }
                Src::Imm(r.imm)
            };
            Ok(Insn::Jmp {
                wide,
                op: jop,
                dst,
                src,
                off: r.off,
            })
        }
    }
}

// ---------------------------------------------------------------------------
// Encoding.
// ---------------------------------------------------------------------------

/// Encodes a program: one slot per [`Insn`]. [`Insn::LdImm64Tail`] takes its
/// `imm` from the preceding [`Insn::LdImm64`].
///
/// The exact inverse of [`decode`] on programs it accepts, with one
/// exception the types cannot express: an unconditional jump becomes
/// `goto` (`JMP | JA`, 16-bit offset) when its offset fits 16 bits and
/// `gotol` (`JMP32 | JA`) otherwise, so a `gotol` with a short offset comes
/// back as the equivalent `goto`.
pub fn encode(insns: &[Insn]) -> Vec<RawInsn> {
    let mut out = Vec::with_capacity(insns.len());
    let mut hi = None;
    for insn in insns {
        let r = match insn {
            Insn::LdImm64Tail => RawInsn {
                imm: hi.unwrap_or(0),
                ..RawInsn::default()
            },
            _ => encode_one(insn, 0),
        };
        hi = match *insn {
            Insn::LdImm64 { imm_hi, .. } => Some(imm_hi),
            _ => None,
        };
        out.push(r);
    }
    out
}

/// Encodes one instruction; `hi` is the `imm` of a tail slot.
pub(crate) fn encode_one(insn: &Insn, hi: i32) -> RawInsn {
    let k = RawInsn::new;
    match *insn {
        Insn::Alu { wide, op, dst, src } => {
            let class = if wide { CLASS_ALU64 } else { CLASS_ALU };
            let (bits, off) = match op {
                AluOp::Add => (OP_ADD, 0),
                AluOp::Sub => (OP_SUB, 0),
                AluOp::Mul => (OP_MUL, 0),
                AluOp::Div => (OP_DIV, 0),
                AluOp::SDiv => (OP_DIV, 1),
                AluOp::Or => (OP_OR, 0),
                AluOp::And => (OP_AND, 0),
                AluOp::Lsh => (OP_LSH, 0),
                AluOp::Rsh => (OP_RSH, 0),
                AluOp::Neg => (OP_NEG, 0),
                AluOp::Mod => (OP_MOD, 0),
                AluOp::SMod => (OP_MOD, 1),
                AluOp::Xor => (OP_XOR, 0),
                AluOp::Mov => (OP_MOV, 0),
                AluOp::MovSx(n) => (OP_MOV, n as i16),
                AluOp::Arsh => (OP_ARSH, 0),
            };
            match src {
                Src::Reg(s) => k(class | bits | SRC_X, dst, s, off, 0),
                Src::Imm(v) => k(class | bits | SRC_K, dst, 0, off, v),
            }
        }
        Insn::End { order, dst, bits } => {
            let code = match order {
                ByteOrder::ToLe => CLASS_ALU | OP_END | SRC_K,
                ByteOrder::ToBe => CLASS_ALU | OP_END | SRC_X,
                ByteOrder::Swap => CLASS_ALU64 | OP_END | SRC_K,
            };
            k(code, dst, 0, 0, bits as i32)
        }
        Insn::LdImm64 {
            dst, pseudo, imm, ..
        } => k(LD_IMM64, dst, pseudo.src_reg(), 0, imm),
        Insn::LdImm64Tail => k(0, 0, 0, 0, hi),
        Insn::LdPkt { size, src, imm } => match src {
            None => k(CLASS_LD | MODE_ABS | size.bits(), 0, 0, 0, imm),
            Some(s) => k(CLASS_LD | MODE_IND | size.bits(), 0, s, 0, imm),
        },
        Insn::Ldx {
            size,
            dst,
            src,
            off,
            sign_ext,
        } => {
            let mode = if sign_ext { MODE_MEMSX } else { MODE_MEM };
            k(CLASS_LDX | mode | size.bits(), dst, src, off, 0)
        }
        Insn::St {
            size,
            dst,
            off,
            imm,
        } => k(CLASS_ST | MODE_MEM | size.bits(), dst, 0, off, imm),
        Insn::Stx {
            size,
            dst,
            src,
            off,
        } => k(CLASS_STX | MODE_MEM | size.bits(), dst, src, off, 0),
        Insn::Atomic {
            size,
            op,
            dst,
            src,
            off,
        } => k(
            CLASS_STX | MODE_ATOMIC | size.bits(),
            dst,
            src,
            off,
            op.imm(),
        ),
        Insn::Ja { off } => match i16::try_from(off) {
            Ok(o) => k(JA, 0, 0, o, 0),
            Err(_) => k(JA32, 0, 0, 0, off),
        },
        Insn::Jmp {
            wide,
            op,
            dst,
            src,
            off,
        } => {
            let class = if wide { CLASS_JMP } else { CLASS_JMP32 };
            let bits = match op {
                JmpOp::Eq => OP_JEQ,
                JmpOp::Gt => OP_JGT,
                JmpOp::Ge => OP_JGE,
                JmpOp::Set => OP_JSET,
                JmpOp::Ne => OP_JNE,
                JmpOp::Sgt => OP_JSGT,
                JmpOp::Sge => OP_JSGE,
                JmpOp::Lt => OP_JLT,
                JmpOp::Le => OP_JLE,
                JmpOp::Slt => OP_JSLT,
                JmpOp::Sle => OP_JSLE,
            };
            match src {
                Src::Reg(s) => k(class | bits | SRC_X, dst, s, off, 0),
                Src::Imm(v) => k(class | bits | SRC_K, dst, 0, off, v),
            }
        }
        Insn::MayGoto { off } => k(CLASS_JMP | OP_JCOND, 0, 0, off, 0),
        Insn::Call(c) => match c {
            Call::Helper(id) => k(CALL, 0, 0, 0, id),
            Call::Local(off) => k(CALL, 0, PSEUDO_CALL, 0, off),
            Call::Kfunc { btf_id, fd } => k(CALL, 0, PSEUDO_KFUNC_CALL, fd, btf_id),
        },
        Insn::Exit => k(EXIT, 0, 0, 0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_imm_round_trips() {
        for imm in -1..0x200 {
            if let Some(op) = AtomicOp::from_imm(imm) {
                assert_eq!(op.imm(), imm);
            }
        }
        assert_eq!(AtomicOp::from_imm(0x02), None);
        assert_eq!(AtomicOp::from_imm(0xe0), None);
    }

    #[test]
    fn pseudo_src_round_trips() {
        for src in 0..16 {
            match Pseudo::from_src_reg(src) {
                Some(p) => assert_eq!(p.src_reg(), src),
                None => assert!(src > 6),
            }
        }
    }

    #[test]
    fn opcode_and_jump_offset() {
        assert_eq!(Insn::Exit.code(), 0x95);
        assert_eq!(Insn::Ja { off: 1 << 20 }.code(), 0x06);
        assert_eq!(Insn::Ja { off: -1 }.jump_offset(), Some(-1));
        assert_eq!(Insn::MayGoto { off: 3 }.jump_offset(), Some(3));
        assert_eq!(Insn::Exit.jump_offset(), None);
    }

    #[test]
    fn subprog_starts_are_sorted_and_unique() {
        let call = |imm| RawInsn::new(CALL, 0, PSEUDO_CALL, 0, imm);
        let exit = RawInsn::new(EXIT, 0, 0, 0, 0);
        let p = [call(3), call(1), exit, exit, exit];
        assert_eq!(subprog_starts(&p).unwrap(), vec![0, 3, 4]);
    }
}
