//! Tracepoint descriptors (what `#[tracepoint]` produces): the raw
//! tracepoints whose arguments are not what their BTF prototype says.
//!
//! A `tp_btf/NAME` program reads the arguments of the kernel's
//! `btf_trace_NAME` prototype; a pointer to a struct is a trusted object.
//! Some tracepoints pass NULL, or an error encoded as a pointer, in an
//! argument: the kernel lists them (`raw_tp_null_args`), and a declaration
//! here says the same, by argument position (from 0, after the hidden
//! `void *__data`).

use crate::decl::Location;
use crate::named::{ByName, Named};

/// A declared tracepoint.
#[derive(Debug)]
pub struct Tracepoint {
    /// The tracepoint's name, as in `SEC("tp_btf/NAME")`.
    pub name: &'static str,
    /// The first line of its documentation.
    pub doc: &'static str,
    /// The arguments that may be NULL.
    pub or_null: &'static [u8],
    /// The arguments that may hold an error instead of a pointer: a number
    /// to the program.
    pub err_ptr: &'static [u8],
    /// Where it is declared.
    pub location: Location,
}

impl Tracepoint {
    /// Whether argument `index` may be NULL.
    pub fn may_be_null(&self, index: usize) -> bool {
        self.or_null.iter().any(|&i| usize::from(i) == index)
    }

    /// Whether argument `index` may be an error instead of a pointer.
    pub fn may_be_error(&self, index: usize) -> bool {
        self.err_ptr.iter().any(|&i| usize::from(i) == index)
    }
}

impl Named for Tracepoint {
    const KIND: &'static str = "tracepoint";

    fn name(&self) -> &'static str {
        self.name
    }

    fn location(&self) -> Location {
        self.location
    }
}

/// Collected at link time: `#[tracepoint]` puts one in a link section.
pub struct TracepointEntry(pub &'static Tracepoint);

/// The collected tracepoints, by name.
pub type Tracepoints = ByName<Tracepoint>;
