//! struct_ops type descriptors (what `#[struct_ops]` produces) and the
//! table of collected ones.
//!
//! A struct_ops program implements one function pointer member of a kernel
//! struct the kernel registers as a `struct bpf_struct_ops`. Beyond the
//! program type every such program shares, each registered struct decides
//! on its own: which members may be implemented at all (`check_member`),
//! what its members' arguments point to and which fields its programs may
//! write (its `verifier_ops`), and which helpers they may call
//! (`get_func_proto`, which may look at the member). Those are the facts a
//! declaration states.

use crate::decl::Location;
use std::collections::BTreeMap;
use std::fmt;

/// A declared struct_ops type.
#[derive(Debug)]
pub struct StructOpsDecl {
    /// The kernel struct (`tcp_congestion_ops`).
    pub name: &'static str,
    /// The first line of its documentation.
    pub doc: &'static str,
    /// Members its `check_member` refuses to let a program implement.
    pub unsupported: &'static [&'static str],
    /// When not `None`, the only members a sleepable program may implement
    /// (its `check_member` refuses the others).
    pub sleepable: Option<&'static [&'static str]>,
    /// Arguments that may be NULL, by member (the kernel marks them so from
    /// the `__nullable` suffix of the member's stub's parameters).
    pub nullable: &'static [MemberArgs],
    /// Argument promotions: a member's argument pointing to the first
    /// struct points to the second (its `is_valid_access`).
    pub promote: &'static [(&'static str, &'static str)],
    /// What its programs may store through kernel pointers (its
    /// `btf_struct_access`); `None`: nothing.
    pub write: Option<WriteRule>,
    /// Its programs may call no helper at all (its `verifier_ops` have no
    /// `get_func_proto`).
    pub no_helpers: bool,
    /// Helpers a member may not call though the program type gets them.
    pub refuse_helpers: &'static [MemberHelpers],
    /// Where it is declared.
    pub location: Location,
}

/// Arguments of one member, by position.
#[derive(Clone, Copy, Debug)]
pub struct MemberArgs {
    /// The member.
    pub member: &'static str,
    /// The arguments, from 0.
    pub args: &'static [u8],
}

/// Helpers one member may not call.
#[derive(Clone, Copy, Debug)]
pub struct MemberHelpers {
    /// The member.
    pub member: &'static str,
    /// The helpers, by name.
    pub helpers: &'static [&'static str],
}

/// Which stores through a kernel pointer a struct_ops type (or a program
/// type) allows, with the kernel's words for the ones it refuses.
#[derive(Clone, Copy, Debug)]
pub enum WriteRule {
    /// Stores into listed members of one struct only
    /// (`bpf_tcp_ca_btf_struct_access`).
    Members {
        /// The struct.
        target: &'static str,
        /// The members.
        fields: &'static [WriteField],
    },
    /// Stores anywhere inside one struct (`bpf_dummy_ops_btf_struct_access`).
    Whole {
        /// The struct.
        target: &'static str,
    },
}

/// A member that may be stored to.
#[derive(Clone, Copy, Debug)]
pub struct WriteField {
    /// Its path from the struct, dotted through nested members
    /// (`inet_conn.icsk_ack.pending`).
    pub path: &'static str,
    /// A store may start anywhere inside it (an array); otherwise only
    /// where it starts.
    pub anywhere: bool,
}

/// Where a member lies: its offset and size in bytes.
pub type Span = (u32, u32);

impl WriteRule {
    /// The struct the rule is about.
    pub const fn target(&self) -> &'static str {
        match *self {
            WriteRule::Members { target, .. } | WriteRule::Whole { target } => target,
        }
    }

    /// Whether a store of `size` bytes at `off` of struct `target` (of
    /// `target_size` bytes) is allowed; the kernel's message when it is
    /// not. `locate` gives where a member path lies in the rule's struct
    /// ([`WriteRule::target`]).
    pub fn check(
        &self,
        target: &str,
        target_size: u32,
        off: u32,
        size: u32,
        locate: impl Fn(&str) -> Option<Span>,
    ) -> Result<(), String> {
        match *self {
            WriteRule::Members { target: t, fields } => {
                // A flavour of the struct (`nf_conn___init`) has its layout.
                let essential = target.rfind("___").map_or(target, |i| &target[..i]);
                if t != essential {
                    return Err("only read is supported".into());
                }
                let end = fields.iter().find_map(|f| {
                    let (start, len) = locate(f.path)?;
                    let hit = if f.anywhere {
                        off >= start && off < start + len
                    } else {
                        off == start
                    };
                    hit.then_some(start + len)
                });
                match end {
                    None => Err(format!("no write support to {t} at off {off}")),
                    Some(end) if off + size > end => Err(format!(
                        "write access at off {off} with size {size} beyond the member of {t} ended at {end}"
                    )),
                    Some(_) => Ok(()),
                }
            }
            WriteRule::Whole { target: t } => {
                if t != target {
                    Err(format!("only access to {t} is supported"))
                } else if off + size > target_size {
                    Err(format!("write access at off {off} with size {size}"))
                } else {
                    Ok(())
                }
            }
        }
    }
}

impl StructOpsDecl {
    /// Why a program implementing `member` (sleepable or not) is refused
    /// before it is verified: the kernel's message.
    pub fn check_member(&self, member: &str, sleepable: bool) -> Result<(), String> {
        let sleep_refused = sleepable && self.sleepable.is_some_and(|ok| !ok.contains(&member));
        if self.unsupported.contains(&member) || sleep_refused {
            return Err(format!(
                "attach to unsupported member {member} of struct {}",
                self.name
            ));
        }
        Ok(())
    }

    /// Whether argument `arg` (from 0) of `member` may be NULL.
    pub fn nullable(&self, member: &str, arg: usize) -> bool {
        self.nullable
            .iter()
            .any(|m| m.member == member && m.args.iter().any(|&a| usize::from(a) == arg))
    }

    /// The struct an argument pointing to `target` points to.
    pub fn promoted<'t>(&self, target: &'t str) -> &'t str {
        self.promote
            .iter()
            .find(|(from, _)| *from == target)
            .map_or(target, |(_, to)| to)
    }

    /// Whether a program implementing `member` may call helper `name`
    /// (when the program type gets it).
    pub fn may_call(&self, member: &str, name: &str) -> bool {
        !self.no_helpers
            && !self
                .refuse_helpers
                .iter()
                .any(|m| m.member == member && m.helpers.contains(&name))
    }
}

/// Collected at link time: `#[struct_ops]` puts one in a link section.
pub struct StructOpsEntry(pub &'static StructOpsDecl);

/// A problem found while collecting struct_ops types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StructOpsConflict {
    /// Two declarations of one struct.
    Duplicate {
        /// The struct.
        name: &'static str,
        /// One declaration.
        first: Location,
        /// The other.
        second: Location,
    },
    /// A declaration names a helper no declaration defines.
    UnknownHelper {
        /// The struct.
        ops: &'static str,
        /// The helper.
        helper: &'static str,
        /// Where the struct is declared.
        at: Location,
    },
}

impl fmt::Display for StructOpsConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StructOpsConflict::Duplicate {
                name,
                first,
                second,
            } => write!(
                f,
                "struct_ops `{name}` is declared at {first} and at {second}"
            ),
            StructOpsConflict::UnknownHelper { ops, helper, at } => write!(
                f,
                "struct_ops `{ops}` (at {at}) names helper `{helper}`, which no linked declaration defines"
            ),
        }
    }
}

/// The collected struct_ops types, by struct name.
#[derive(Debug, Default)]
pub struct StructOpsTable {
    by_name: BTreeMap<&'static str, &'static StructOpsDecl>,
}

impl StructOpsTable {
    /// Builds the table; `helper_known` says whether a helper name is
    /// declared. Every conflict is reported.
    pub fn build(
        decls: impl IntoIterator<Item = &'static StructOpsDecl>,
        helper_known: impl Fn(&str) -> bool,
    ) -> Result<StructOpsTable, Vec<StructOpsConflict>> {
        let mut by_name: BTreeMap<&'static str, &'static StructOpsDecl> = BTreeMap::new();
        let mut conflicts = Vec::new();
        for d in decls {
            if let Some(prev) = by_name.get(d.name) {
                if !std::ptr::eq(*prev, d) {
                    conflicts.push(StructOpsConflict::Duplicate {
                        name: d.name,
                        first: prev.location,
                        second: d.location,
                    });
                }
                continue;
            }
            let named = d.refuse_helpers.iter().flat_map(|m| m.helpers.iter());
            for helper in named.filter(|h| !helper_known(h)) {
                conflicts.push(StructOpsConflict::UnknownHelper {
                    ops: d.name,
                    helper,
                    at: d.location,
                });
            }
            by_name.insert(d.name, d);
        }
        if conflicts.is_empty() {
            Ok(StructOpsTable { by_name })
        } else {
            Err(conflicts)
        }
    }

    /// The declaration of kernel struct `name`.
    pub fn get(&self, name: &str) -> Option<&'static StructOpsDecl> {
        self.by_name.get(name).copied()
    }

    /// Every declaration, by name.
    pub fn iter(&self) -> impl Iterator<Item = &'static StructOpsDecl> + '_ {
        self.by_name.values().copied()
    }
}
