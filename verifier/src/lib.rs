//! A BPF verifier whose kfunc rules come from the kfreg registry.
//!
//! Data flows one way: a [`kfreg_object::program::Program`] (instructions,
//! maps, BTF types), which the `kfreg-object` crate loads from a file, goes
//! through [`verify`] to a [`Report`].
//!
//! The modules below are declared in layers, lowest first: a module uses
//! only modules of the layers above its own in this file
//! (`tests/layers.rs` keeps that true), so each rule can be read with
//! only what it builds on in mind.

// Bounds, bit-level values and what a memory access is; the format
// strings of the printing helpers.
mod access;
mod format;
pub mod limits;
pub mod tnum;

// Scalar values: tnums with signed and unsigned ranges.
pub mod scalar;

// Abstract state: registers, stack, references, locks, frames.
pub mod state;

// What is said about states: their spelling in messages, a path's
// history, liveness and the comparisons that prune.
mod describe;
mod history;
mod liveness;
mod prune;

// Loops: where paths converge on states still being explored.
mod scc;

// Spills and fills around calls that keep registers (bpf_fastcall).
mod fastcall;

// What calling a subprogram may do: move packet data, sleep.
mod effects;

// The environment of one verification and its results.
mod env;

// The log's text of states and instructions, which calls print too.
mod log;

// Precision, held resources and dynptrs.
mod dynptr;
mod precision;
mod resources;

// Arithmetic, branches and the program context.
mod alu;
mod branch;
mod ctx;

// Memory: stack, maps, packets, BTF objects, helper memory arguments.
mod mem;

// BPF-to-BPF calls, callbacks and what every call does to the caller.
mod calls;

// Helper and kfunc calls, dispatched by their declarations.
mod helper_call;
mod kfunc;

// Whole-program checks before exploring.
mod cfg;
mod compat;

// The driver: explores every path, one instruction at a time.
mod check;

pub use cfg::discover_subprogs;
pub use check::verify;
pub use env::{Options, Report, Stats, VerifyError};
