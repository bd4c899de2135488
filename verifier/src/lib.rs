//! A BPF verifier whose kfunc rules come from the kfreg registry.
//!
//! Data flows one way: a [`kfreg_object::program::Program`] (instructions,
//! maps, BTF types), which the `kfreg-object` crate loads from a file, goes
//! through [`check::verify`] to a [`check::Report`].

mod alu;
mod branch;
mod calls;
mod cfg;
pub mod check;
mod compat;
mod ctx;
mod dynptr;
mod helper_call;
mod kfunc;
mod liveness;
mod log;
mod mem;
mod precision;
mod prune;
pub mod scalar;
pub mod state;
pub mod tnum;

pub use cfg::discover_subprogs;
pub use check::{Options, Report, Stats, VerifyError, verify};
