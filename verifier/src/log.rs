//! Kernel-style text: register type names, tnums, and log lines.

use crate::check::Env;
use crate::scalar::Scalar;
use crate::state::{PtrFlags, Reg, RegType};

/// The kernel's `reg_type_str()`: prefixes, base name and `_or_null`.
pub fn reg_type_str(r: &Reg) -> String {
    let base = match r.ty {
        RegType::Mem if r.flags.has(PtrFlags::ALLOC) => "ringbuf_mem",
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
        if r.flags.has(flag) && r.ty != RegType::Scalar {
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

/// The kernel's `tnum_strn()`: `(value; mask)` in the kernel's `%#llx`
/// (which, unlike C's, prints zero as `0x0`).
pub fn tnum_str(s: &Scalar) -> String {
    format!("({:#x}; {:#x})", s.var.value, s.var.mask)
}

/// The log line for instruction `idx`: `IDX: (CODE) TEXT`.
pub fn insn_line(env: &Env, idx: usize) -> String {
    let raw = crate::isa::encode(&env.prog.insns[idx..=idx]);
    let syms = Names { env };
    crate::disasm::format_insn(&env.prog.insns, idx, &raw[0], &syms)
}

struct Names<'a, 'b> {
    env: &'a Env<'b>,
}

impl crate::disasm::Symbols for Names<'_, '_> {
    fn kfunc_name(&self, btf_id: i32) -> Option<&str> {
        let id = self.env.prog.kfuncs.get(&btf_id)?;
        Some(self.env.reg.get(*id).name)
    }
}
