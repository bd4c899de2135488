//! Iterator target descriptors (what `#[iter_target]` produces) and the
//! table of collected targets.
//!
//! A BPF iterator program (`SEC("iter/NAME")`) is a tracing program whose
//! context is the target's `struct bpf_iter__NAME`: one pointer per
//! argument. The target says what each argument is to the program (the
//! kernel's `bpf_iter_reg.ctx_arg_info`) and which helper prototypes it adds
//! to those every tracing program gets (`bpf_iter_reg.get_func_proto`).

use crate::decl::Location;
use crate::helper::Helper;
use crate::named::{ByName, Named};
use kfreg_vocab::IterArg;

/// One context argument a target types (the others are typed by their BTF).
#[derive(Clone, Copy, Debug)]
pub struct IterTargetArg {
    /// The member of `struct bpf_iter__NAME` (the parameter of `bpf_iter_NAME`).
    pub name: &'static str,
    /// What loading it gives the program.
    pub value: IterArg,
}

/// A declared iterator target.
#[derive(Debug)]
pub struct IterTarget {
    /// The target's name, as in `SEC("iter/NAME")`.
    pub name: &'static str,
    /// The first line of its documentation.
    pub doc: &'static str,
    /// The arguments it types.
    pub args: &'static [IterTargetArg],
    /// Helper prototypes its programs get besides every tracing program's.
    pub helpers: &'static [&'static Helper],
    /// Where it is declared.
    pub location: Location,
}

impl IterTarget {
    /// What the argument called `name` is, when the target types it.
    pub fn arg(&self, name: &str) -> Option<IterArg> {
        self.args.iter().find(|a| a.name == name).map(|a| a.value)
    }

    /// The prototype of helper `id` the target adds.
    pub fn helper(&self, id: u32) -> Option<&'static Helper> {
        self.helpers.iter().copied().find(|h| h.id == id)
    }
}

/// Collected at link time: `#[iter_target]` puts one in a link section.
pub struct IterTargetEntry(pub &'static IterTarget);

impl Named for IterTarget {
    const KIND: &'static str = "iterator target";

    fn name(&self) -> &'static str {
        self.name
    }

    fn location(&self) -> Location {
        self.location
    }
}

/// The collected iterator targets, by name.
pub type IterTargets = ByName<IterTarget>;
