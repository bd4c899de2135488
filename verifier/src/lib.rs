//! A BPF verifier whose kfunc rules come from the kfreg registry.
//!
//! Data flows one way: a [`program::Program`] (instructions, maps, BTF
//! types) goes through [`check::verify`] to a [`check::Report`].

mod alu;
pub mod asm;
mod branch;
pub mod btf;
pub mod btf_ext;
mod calls;
mod cfg;
pub mod check;
mod compat;
mod ctx;
pub mod disasm;
mod dynptr;
pub mod elf;
pub mod embedded;
mod helper_call;
pub mod isa;
mod kernel_types;
mod kfunc;
mod liveness;
pub mod loader;
mod log;
mod mem;
mod precision;
pub mod program;
mod prune;
pub mod scalar;
pub mod state;
pub mod tnum;

pub use cfg::discover_subprogs;
pub use check::{Options, Report, Stats, VerifyError, verify};
