//! The kfuncs of Linux 6.18, declared with the kfreg DSL exactly as any
//! downstream author would. Link it with `kfreg::link!(kfreg_catalog);`.
//!
//! The bodies are never run: a kfunc's code lives in the kernel. They exist
//! so each declaration is an ordinary Rust function with a checked signature.
#![allow(non_camel_case_types, unused_variables, clippy::missing_safety_doc)]

pub mod families;
pub mod structs;

pub mod alloc;
pub mod graph;
pub mod sample;
