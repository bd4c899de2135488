//! Instruction text as the kernel's verifier log prints it (`print_bpf_insn`
//! in `kernel/bpf/disasm.c`), e.g. `0: (b7) r0 = 0`.
//!
//! Where the kernel prints a kernel address or loses information, this module
//! prints something the assembler ([`crate::asm`]) reads back instead:
//!
//! | instruction | kernel log | here |
//! | --- | --- | --- |
//! | `LD_IMM64` constant | `r1 = 0x2a` | `r1 = 0x2a ll` |
//! | map by fd | `r1 = 0xffff...` | `r1 = map[id:FD]` (`map[NAME#FD]` when named) |
//! | map value by fd | `r1 = 0xffff...` | `r1 = map[id:FD][0]+OFF` |
//! | map by fd_array index | `r1 = 0xffff...` | `r1 = map[idx:N]`, `map[idx:N][0]+OFF` |
//! | kernel variable | `r1 = 0xffff...` | `r1 = btf_id[ID]` (`btf_id[ID][fd:FD]` for a module) |
//! | subprogram address | `r1 = 0x...` | `r1 = subprog[+OFF]` |
//! | module kfunc | `call NAME#ID` | `call NAME#ID[fd:IDX]` |
//!
//! Everything else is the kernel's text, byte for byte; a [`Symbols`] whose
//! `kernel_imm64` says so gets the kernel's text for constants and
//! subprogram addresses too.

use crate::{AluOp, AtomicOp, ByteOrder, Call, Insn, JmpOp, Pseudo, RawInsn, Size, Src};
use std::fmt::Write;

/// Names for the numbers in instructions. Every method defaults to `None`.
pub trait Symbols {
    /// Name of helper `id`; the kernel's own helper table is consulted first.
    fn helper_name(&self, id: i32) -> Option<&str> {
        let _ = id;
        None
    }
    /// Name of the kfunc with BTF id `btf_id`.
    fn kfunc_name(&self, btf_id: i32) -> Option<&str> {
        let _ = btf_id;
        None
    }
    /// Name of the map behind file descriptor `fd`.
    fn map_name(&self, fd: i32) -> Option<&str> {
        let _ = fd;
        None
    }
    /// Whether a constant or a function address prints as the kernel's
    /// verifier log prints it (`r1 = 0x2a`), not in the assembler's form.
    fn kernel_imm64(&self) -> bool {
        false
    }
}

/// No names beyond the kernel's helper table.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoSymbols;

impl Symbols for NoSymbols {}

/// The name of helper `id` (as the kernel log prints it), from the helper
/// declarations linked into this program.
pub fn helper_name(id: i32) -> Option<&'static str> {
    u32::try_from(id)
        .ok()
        .and_then(|id| kfreg::Registry::global().helpers().name(id))
}

/// The number of the helper called `name`, from the helper declarations.
pub fn helper_id(name: &str) -> Option<i32> {
    kfreg::Registry::global()
        .helpers()
        .id(name)
        .and_then(|id| i32::try_from(id).ok())
}

/// The log line for instruction `idx`: `IDX: (OPCODE) TEXT`, as the verifier
/// log prints it. `raw` is the instruction's slot, which supplies the opcode
/// byte and tells `goto` from `gotol`.
pub fn format_insn(insns: &[Insn], idx: usize, raw: &RawInsn, syms: &dyn Symbols) -> String {
    let Some(insn) = insns.get(idx) else {
        return format!("{idx}: ({:02x}) ?", raw.code);
    };
    match insn {
        Insn::LdImm64Tail => format!("{idx}: {}", text(insn, Some(raw), syms)),
        _ => format!("{idx}: ({:02x}) {}", raw.code, text(insn, Some(raw), syms)),
    }
}

/// The text of instruction `idx` without the `IDX: (OPCODE) ` prefix, e.g.
/// `r0 = 0`. An out-of-range `idx` gives an empty string.
pub fn insn_text(insns: &[Insn], idx: usize, syms: &dyn Symbols) -> String {
    insns
        .get(idx)
        .map(|insn| text(insn, None, syms))
        .unwrap_or_default()
}

/// The whole program, one [`format_insn`] line per instruction, skipping the
/// second slots of `LD_IMM64` as the kernel does. `raw` may be shorter than
/// `insns` (or empty); missing slots are encoded from `insns`.
pub fn format_program(insns: &[Insn], raw: &[RawInsn], syms: &dyn Symbols) -> String {
    let enc;
    let raw = if raw.len() >= insns.len() {
        raw
    } else {
        enc = crate::encode(insns);
        &enc[..]
    };
    let mut out = String::new();
    for (i, insn) in insns.iter().enumerate() {
        if *insn == Insn::LdImm64Tail && i > 0 && matches!(insns[i - 1], Insn::LdImm64 { .. }) {
            continue;
        }
        out.push_str(&format_insn(insns, i, &raw[i], syms));
        out.push('\n');
    }
    out
}

fn reg_prefix(wide: bool) -> char {
    if wide { 'r' } else { 'w' }
}

fn size_name(size: Size, signed: bool) -> &'static str {
    match (size, signed) {
        (Size::B, false) => "u8",
        (Size::H, false) => "u16",
        (Size::W, false) => "u32",
        (Size::DW, false) => "u64",
        (Size::B, true) => "s8",
        (Size::H, true) => "s16",
        (Size::W, true) => "s32",
        (Size::DW, true) => "s64",
    }
}

/// The operator of an ALU instruction (`+=`, `s/=`, ...).
pub fn alu_op_str(op: AluOp) -> &'static str {
    match op {
        AluOp::Add => "+=",
        AluOp::Sub => "-=",
        AluOp::Mul => "*=",
        AluOp::Div => "/=",
        AluOp::SDiv => "s/=",
        AluOp::Or => "|=",
        AluOp::And => "&=",
        AluOp::Lsh => "<<=",
        AluOp::Rsh => ">>=",
        AluOp::Neg => "neg",
        AluOp::Mod => "%=",
        AluOp::SMod => "s%=",
        AluOp::Xor => "^=",
        AluOp::Mov | AluOp::MovSx(_) => "=",
        AluOp::Arsh => "s>>=",
    }
}

/// The operator of a conditional jump (`==`, `s>`, ...).
pub fn jmp_op_str(op: JmpOp) -> &'static str {
    match op {
        JmpOp::Eq => "==",
        JmpOp::Gt => ">",
        JmpOp::Ge => ">=",
        JmpOp::Set => "&",
        JmpOp::Ne => "!=",
        JmpOp::Sgt => "s>",
        JmpOp::Sge => "s>=",
        JmpOp::Lt => "<",
        JmpOp::Le => "<=",
        JmpOp::Slt => "s<",
        JmpOp::Sle => "s<=",
    }
}

fn atomic_alu_name(op: AtomicOp) -> (&'static str, &'static str, bool) {
    match op {
        AtomicOp::Add { fetch } => ("+=", "add", fetch),
        AtomicOp::Or { fetch } => ("|=", "or", fetch),
        AtomicOp::And { fetch } => ("&=", "and", fetch),
        AtomicOp::Xor { fetch } => ("^=", "xor", fetch),
        _ => ("", "", false),
    }
}

fn text(insn: &Insn, raw: Option<&RawInsn>, syms: &dyn Symbols) -> String {
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = write_text(&mut s, insn, raw, syms);
    s
}

fn write_text(
    s: &mut String,
    insn: &Insn,
    raw: Option<&RawInsn>,
    syms: &dyn Symbols,
) -> std::fmt::Result {
    match *insn {
        Insn::Alu { wide, op, dst, src } => {
            let p = reg_prefix(wide);
            match (op, src) {
                (AluOp::Neg, _) => write!(s, "{p}{dst} = -{p}{dst}"),
                (_, Src::Reg(r)) => {
                    let sx = match op {
                        AluOp::MovSx(8) => "(s8)",
                        AluOp::MovSx(16) => "(s16)",
                        AluOp::MovSx(32) => "(s32)",
                        _ => "",
                    };
                    write!(s, "{p}{dst} {} {sx}{p}{r}", alu_op_str(op))
                }
                (_, Src::Imm(v)) => write!(s, "{p}{dst} {} {v}", alu_op_str(op)),
            }
        }
        Insn::End { order, dst, bits } => {
            let name = match order {
                ByteOrder::ToLe => "le",
                ByteOrder::ToBe => "be",
                ByteOrder::Swap => "bswap",
            };
            write!(s, "r{dst} = {name}{bits} r{dst}")
        }
        Insn::LdImm64 {
            dst,
            pseudo,
            imm,
            imm_hi,
        } => {
            write!(s, "r{dst} = ")?;
            write_ld_imm64(s, pseudo, imm, imm_hi, syms)
        }
        Insn::LdImm64Tail => write!(s, "BUG_ld_00"),
        Insn::LdPkt { size, src, imm } => match src {
            None => write!(s, "r0 = *({} *)skb[{imm}]", size_name(size, false)),
            Some(r) => write!(s, "r0 = *({} *)skb[r{r} + {imm}]", size_name(size, false)),
        },
        Insn::Ldx {
            size,
            dst,
            src,
            off,
            sign_ext,
        } => write!(
            s,
            "r{dst} = *({} *)(r{src} {off:+})",
            size_name(size, sign_ext)
        ),
        Insn::St {
            size,
            dst,
            off,
            imm,
        } => write!(s, "*({} *)(r{dst} {off:+}) = {imm}", size_name(size, false)),
        Insn::Stx {
            size,
            dst,
            src,
            off,
        } => write!(
            s,
            "*({} *)(r{dst} {off:+}) = r{src}",
            size_name(size, false)
        ),
        Insn::Atomic {
            size,
            op,
            dst,
            src,
            off,
        } => write_atomic(s, size, op, dst, src, off),
        Insn::Ja { off } => {
            let long = match raw {
                Some(r) => r.code == 0x06,
                None => i16::try_from(off).is_err(),
            };
            if long {
                write!(s, "gotol pc{off:+}")
            } else {
                write!(s, "goto pc{off:+}")
            }
        }
        Insn::Jmp {
            wide,
            op,
            dst,
            src,
            off,
        } => {
            let p = reg_prefix(wide);
            let o = jmp_op_str(op);
            match src {
                Src::Reg(r) => write!(s, "if {p}{dst} {o} {p}{r} goto pc{off:+}"),
                Src::Imm(v) => write!(s, "if {p}{dst} {o} {:#x} goto pc{off:+}", v as u32),
            }
        }
        Insn::MayGoto { off } => write!(s, "may_goto pc{off:+}"),
        Insn::Call(call) => write_call(s, call, syms),
        Insn::Exit => write!(s, "exit"),
    }
}

/// The source of an `LD_IMM64`: a constant, a map, a BTF id or a function.
fn write_ld_imm64(
    s: &mut String,
    pseudo: Pseudo,
    imm: i32,
    imm_hi: i32,
    syms: &dyn Symbols,
) -> std::fmt::Result {
    match pseudo {
        Pseudo::Imm | Pseudo::Func if syms.kernel_imm64() => {
            write!(
                s,
                "{:#x}",
                ((imm_hi as u32 as u64) << 32) | imm as u32 as u64
            )
        }
        Pseudo::Imm => {
            let v = ((imm_hi as u32 as u64) << 32) | imm as u32 as u64;
            write!(s, "{v:#x} ll")
        }
        Pseudo::MapFd | Pseudo::MapValue => {
            match syms.map_name(imm) {
                Some(name) => write!(s, "map[{name}#{imm}]")?,
                None => write!(s, "map[id:{imm}]")?,
            }
            if pseudo == Pseudo::MapValue {
                write!(s, "[0]+{}", imm_hi as u32)?;
            }
            Ok(())
        }
        Pseudo::MapIdx => write!(s, "map[idx:{imm}]"),
        Pseudo::MapIdxValue => write!(s, "map[idx:{imm}][0]+{}", imm_hi as u32),
        Pseudo::BtfId => {
            write!(s, "btf_id[{imm}]")?;
            if imm_hi != 0 {
                write!(s, "[fd:{imm_hi}]")?;
            }
            Ok(())
        }
        Pseudo::Func => {
            write!(s, "subprog[{imm:+}]")?;
            if imm_hi != 0 {
                write!(s, "[hi:{imm_hi}]")?;
            }
            Ok(())
        }
    }
}

/// An atomic operation, in the kernel's spelling of each.
fn write_atomic(
    s: &mut String,
    size: Size,
    op: AtomicOp,
    dst: u8,
    src: u8,
    off: i16,
) -> std::fmt::Result {
    let ty = size_name(size, false);
    let w = if size == Size::DW { "64" } else { "" };
    match op {
        AtomicOp::Xchg => write!(
            s,
            "r{src} = atomic{w}_xchg(({ty} *)(r{dst} {off:+}), r{src})"
        ),
        AtomicOp::CmpXchg => write!(
            s,
            "r0 = atomic{w}_cmpxchg(({ty} *)(r{dst} {off:+}), r0, r{src})"
        ),
        AtomicOp::LoadAcquire => {
            write!(s, "r{dst} = load_acquire(({ty} *)(r{src} {off:+}))")
        }
        AtomicOp::StoreRelease => {
            write!(s, "store_release(({ty} *)(r{dst} {off:+}), r{src})")
        }
        _ => {
            let (sym, name, fetch) = atomic_alu_name(op);
            if fetch {
                write!(
                    s,
                    "r{src} = atomic{w}_fetch_{name}(({ty} *)(r{dst} {off:+}), r{src})"
                )
            } else {
                write!(s, "lock *({ty} *)(r{dst} {off:+}) {sym} r{src}")
            }
        }
    }
}

/// A call of a helper (named from the declarations), a subprogram or a kfunc.
fn write_call(s: &mut String, call: Call, syms: &dyn Symbols) -> std::fmt::Result {
    match call {
        Call::Helper(id) => {
            let name = helper_name(id)
                .or_else(|| syms.helper_name(id))
                .unwrap_or("unknown");
            write!(s, "call {name}#{id}")
        }
        Call::Local(off) => write!(s, "call pc{off:+}"),
        Call::Kfunc { btf_id, fd } => {
            // The kernel names kfuncs from BTF; id 0 is the nameless `void`.
            let name =
                syms.kfunc_name(btf_id)
                    .unwrap_or(if btf_id == 0 { "" } else { "kernel-function" });
            write!(s, "call {name}#{btf_id}")?;
            if fd != 0 {
                write!(s, "[fd:{fd}]")?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Helper names come from the catalog's declarations.
    kfreg::link!(kfreg_catalog);

    #[test]
    fn helper_names_and_numbers_agree() {
        for h in kfreg::Registry::global().helpers().iter() {
            assert_eq!(helper_id(h.name), Some(h.id as i32), "{}", h.name);
            assert_eq!(helper_name(h.id as i32), Some(h.name));
        }
        assert_eq!(helper_name(100_000), None);
    }

    #[test]
    fn texts() {
        let t = |insn: Insn| insn_text(&[insn], 0, &NoSymbols);
        assert_eq!(
            t(Insn::Ldx {
                size: Size::DW,
                dst: 1,
                src: 10,
                off: -8,
                sign_ext: false
            }),
            "r1 = *(u64 *)(r10 -8)"
        );
        assert_eq!(t(Insn::Call(Call::Local(5))), "call pc+5");
        assert_eq!(t(Insn::Ja { off: 70000 }), "gotol pc+70000");
        assert_eq!(t(Insn::Ja { off: 2 }), "goto pc+2");
        assert_eq!(insn_text(&[], 3, &NoSymbols), "");
    }
}
