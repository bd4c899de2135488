//! How values are spelled in the kernel's messages: register types,
//! tnums and operators. Checks and the log both use these words, so they
//! sit below both.

use crate::scalar::Scalar;
use crate::state::{PtrFlags, Reg, RegType};
use kfreg_isa::AluOp;

/// The kernel's `reg_type_str()`: prefixes, base name and `_or_null`.
pub fn reg_type_str(r: &Reg) -> String {
    let base = match r.ty {
        RegType::Mem if r.flags.has(PtrFlags::ALLOC) => "ringbuf_mem",
        RegType::Mem if r.flags.has(PtrFlags::FLOW_KEYS) => "flow_keys",
        ty => ty.kernel_name(),
    };
    let mut s = String::new();
    for (flag, text) in [
        (PtrFlags::RDONLY, "rdonly_"),
        (PtrFlags::PERCPU, "percpu_"),
        (PtrFlags::RCU, "rcu_"),
        (PtrFlags::UNTRUSTED, "untrusted_"),
        (PtrFlags::TRUSTED, "trusted_"),
    ] {
        // A read-only map's value is a plain map_value to the kernel: the
        // map's flags, not the pointer's type, refuse writes to it.
        let map_rdonly = flag == PtrFlags::RDONLY && r.ty == RegType::MapValue;
        if r.flags.has(flag) && r.ty != RegType::Scalar && !map_rdonly {
            s.push_str(text);
        }
    }
    s.push_str(base);
    if r.flags.has(PtrFlags::MAYBE_NULL) {
        // The kernel's quirk: `ptr_` takes `or_null_`, other types `_or_null`.
        s.push_str(if r.ty == RegType::BtfId {
            "or_null_"
        } else {
            "_or_null"
        });
    }
    s
}

/// The kernel's `is_snum_decimal()`: a signed number the log prints in
/// decimal, one within the `s16` range.
pub fn is_snum_decimal(n: i64) -> bool {
    (i16::MIN as i64..=i16::MAX as i64).contains(&n)
}

/// The kernel's `verbose_unum()`: numbers up to `U16_MAX` in decimal,
/// others in hex (`is_unum_decimal`).
pub fn unum(n: u64) -> String {
    if n <= u16::MAX as u64 {
        n.to_string()
    } else {
        format!("{n:#x}")
    }
}

/// The kernel's `tnum_strn()`: `(value; mask)` in the kernel's `%#llx`
/// (which, unlike C's, prints zero as `0x0`).
pub fn tnum_str(s: &Scalar) -> String {
    format!("({:#x}; {:#x})", s.var.value, s.var.mask)
}

/// The operator's spelling in messages.
pub fn alu_op_name(op: AluOp) -> &'static str {
    match op {
        AluOp::Add => "+=",
        AluOp::Sub => "-=",
        AluOp::Mul => "*=",
        AluOp::Div | AluOp::SDiv => "/=",
        AluOp::Or => "|=",
        AluOp::And => "&=",
        AluOp::Lsh => "<<=",
        AluOp::Rsh => ">>=",
        AluOp::Neg => "neg",
        AluOp::Mod | AluOp::SMod => "%=",
        AluOp::Xor => "^=",
        AluOp::Mov | AluOp::MovSx(_) => "=",
        AluOp::Arsh => "s>>=",
    }
}
