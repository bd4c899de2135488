//! What calling a subprogram may do that its callers must know before it is
//! verified: move packet data (their packet pointers go stale), sleep (it
//! may not run where sleeping is not allowed) or throw (the call may leave
//! every frame at once, so the caller's resources are checked there). The
//! kernel records these while it checks control flow
//! (`mark_subprog_changes_pkt_data`, `mark_subprog_might_sleep`,
//! `mark_subprog_might_throw`) and merges them from every subprogram a
//! subprogram calls or takes the address of (`merge_callee_effects`), so a
//! callback's effects count for the subprogram that passes it.

use kfreg::{Flags, HelperFlags, KfuncId, Registry};
use kfreg_isa::{Call, Insn, Pseudo};
use kfreg_object::program::Program;

/// The effects of one subprogram, those of the subprograms it reaches
/// included.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Effects {
    /// A helper or kfunc it calls may move packet data.
    pub changes_pkt_data: bool,
    /// A helper or kfunc it calls may sleep.
    pub might_sleep: bool,
    /// A kfunc it calls throws: the first one found.
    pub throws: Option<KfuncId>,
}

impl Effects {
    fn merge(&mut self, other: Effects) {
        self.changes_pkt_data |= other.changes_pkt_data;
        self.might_sleep |= other.might_sleep;
        self.throws = self.throws.or(other.throws);
    }
}

/// Whether `prog`'s program and attach types may call kfunc `id` at all
/// (the kernel's fetch_kfunc_meta finding it in the type's kfunc sets and
/// filters): a kfunc it may not call has no effects, and its call is
/// refused when a path reaches it.
pub fn kfunc_available(prog: &Program, reg: &Registry, id: KfuncId) -> bool {
    let k = reg.get(id);
    let attach = reg.prog_types().load_attach(prog.prog_type, prog.attach);
    reg.allowed_in(id, prog.prog_type)
        && (k.attach == kfreg::AttachTypes::NONE || attach.is_some_and(|a| k.attach.contains(a)))
}

/// The effects of every subprogram of `prog`, by subprogram index.
pub fn of_subprogs(prog: &Program, reg: &Registry) -> Vec<Effects> {
    let n = prog.subprogs.len();
    let mut own = vec![Effects::default(); n];
    let mut reaches: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (s, (own, reaches)) in own.iter_mut().zip(&mut reaches).enumerate() {
        for i in prog.subprog_range(s) {
            let target = match prog.insns.get(i) {
                Some(Insn::Call(Call::Helper(id))) => {
                    let Ok(id) = u32::try_from(*id) else {
                        continue;
                    };
                    // The kernel knows the helpers moving packet data by
                    // number (bpf_helper_changes_pkt_data), whether or not
                    // the program's type may call one; sleeping it asks of
                    // the prototype the type gets.
                    // So is a write through a dynptr, which may be an
                    // skb's.
                    own.changes_pkt_data |= reg.helpers().protos(id).iter().any(|h| {
                        h.has(HelperFlags::CHANGES_PKT_DATA) || h.has(HelperFlags::WRITES_DYNPTR)
                    });
                    if let Some(h) = reg.helpers().get(id, prog.prog_type) {
                        own.might_sleep |= h.has(HelperFlags::MIGHT_SLEEP);
                    }
                    continue;
                }
                Some(Insn::Call(Call::Kfunc { btf_id, .. })) => {
                    if let Some(&k) = prog
                        .kfuncs
                        .get(btf_id)
                        .filter(|&&k| kfunc_available(prog, reg, k))
                    {
                        own.changes_pkt_data |= reg.has(k, Flags::PKT_CHANGING);
                        own.might_sleep |= reg.has(k, Flags::SLEEPABLE);
                        if reg.has(k, Flags::THROWS) {
                            own.throws = own.throws.or(Some(k));
                        }
                    }
                    continue;
                }
                Some(Insn::Call(Call::Local(off)))
                | Some(Insn::LdImm64 {
                    pseudo: Pseudo::Func,
                    imm: off,
                    ..
                }) => i as i64 + 1 + i64::from(*off),
                _ => continue,
            };
            if let Some(c) = prog
                .subprogs
                .iter()
                .position(|x| i64::from(x.start) == target)
            {
                reaches.push(c);
            }
        }
    }
    (0..n)
        .map(|s| {
            let mut all = Effects::default();
            let mut seen = vec![false; n];
            let mut todo = vec![s];
            while let Some(c) = todo.pop() {
                if std::mem::replace(&mut seen[c], true) {
                    continue;
                }
                all.merge(own[c]);
                todo.extend(&reaches[c]);
            }
            all
        })
        .collect()
}
