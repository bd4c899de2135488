//! The `#[kfunc]`, `#[family]`, `#[helper]`, `#[context]`, `#[prog_type]`, `#[iter_target]`, `#[tracepoint]`, `#[lsm_hook]` and `#[struct_ops]` attributes. Use them through the `kfreg`
//! crate, which documents the vocabulary.
//!
//! The crate is in layers, as dtolnay's derive crates are. `attr` parses
//! an attribute's argument list into a small AST. Each attribute then has a
//! module (`kfunc`, `helper`, `prog_type`, `context`, `struct_ops`; `family` is
//! small enough for one file) whose `view` reads the AST and the item into
//! a typed declaration, whose `rules` report what tokens alone can check at
//! the offending token and state what needs types as `const` assertions
//! (`assertion`) that rustc checks at the claiming token, and whose
//! `expand` writes the descriptor from the parts all descriptors share
//! (`descriptor`). `errors` collects every error into one report, and
//! on error the item is still emitted so one mistake does not cascade into
//! "cannot find function" errors elsewhere.

mod assertion;
mod attr;
mod context;
mod descriptor;
mod errors;
mod family;
mod helper;
mod iter_target;
mod kfunc;
mod lsm_hook;
mod prog_type;
mod struct_ops;
mod tracepoint;
mod unit_struct;
mod write_rule;

use proc_macro::TokenStream;

/// Declares a kfunc. See the `kfreg` crate for the vocabulary.
#[proc_macro_attribute]
pub fn kfunc(args: TokenStream, item: TokenStream) -> TokenStream {
    kfunc::expand(args.into(), item.into()).into()
}

/// Declares a kfunc family and its policy. See the `kfreg` crate.
#[proc_macro_attribute]
pub fn family(args: TokenStream, item: TokenStream) -> TokenStream {
    family::expand(args.into(), item.into()).into()
}

/// Declares a BPF helper prototype. See the `kfreg` crate for the vocabulary.
#[proc_macro_attribute]
pub fn helper(args: TokenStream, item: TokenStream) -> TokenStream {
    helper::expand(args.into(), item.into()).into()
}

/// Declares a program context struct. See the `kfreg` crate for the vocabulary.
#[proc_macro_attribute]
pub fn context(args: TokenStream, item: TokenStream) -> TokenStream {
    context::expand(args.into(), item.into()).into()
}

/// Declares a BPF iterator target. See the `kfreg` crate for the vocabulary.
#[proc_macro_attribute]
pub fn iter_target(args: TokenStream, item: TokenStream) -> TokenStream {
    iter_target::expand(args.into(), item.into()).into()
}

/// Declares a raw tracepoint's NULL or error arguments. See the `kfreg`
/// crate for the vocabulary.
#[proc_macro_attribute]
pub fn tracepoint(args: TokenStream, item: TokenStream) -> TokenStream {
    tracepoint::expand(args.into(), item.into()).into()
}

/// Declares the rules of a BPF LSM hook that differ from the default. See
/// the `kfreg` crate for the vocabulary.
#[proc_macro_attribute]
pub fn lsm_hook(args: TokenStream, item: TokenStream) -> TokenStream {
    lsm_hook::expand(args.into(), item.into()).into()
}

/// Declares a BPF program type. See the `kfreg` crate for the vocabulary.
#[proc_macro_attribute]
pub fn prog_type(args: TokenStream, item: TokenStream) -> TokenStream {
    prog_type::expand(args.into(), item.into()).into()
}

/// Declares a kernel struct_ops type. See the `kfreg` crate for the vocabulary.
#[proc_macro_attribute]
pub fn struct_ops(args: TokenStream, item: TokenStream) -> TokenStream {
    struct_ops::expand(args.into(), item.into()).into()
}
