//! The `#[kfunc]`, `#[family]`, `#[helper]`, `#[context]` and `#[prog_type]` attributes. Use them through the `kfreg`
//! crate, which documents the vocabulary.
//!
//! Each attribute parses its arguments into a small AST (module `attr`), checks
//! what tokens alone can check ([`kfunc`], [`family`]) and expands to a
//! descriptor plus `const` assertions that let rustc check what needs types,
//! at the user's token. On error the item is still emitted so one mistake
//! does not cascade into "cannot find function" errors elsewhere.

mod assertion;
mod attr;
mod context;
mod descriptor;
mod errors;
mod family;
mod helper;
mod kfunc;
mod prog_type;

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

/// Declares a BPF program type. See the `kfreg` crate for the vocabulary.
#[proc_macro_attribute]
pub fn prog_type(args: TokenStream, item: TokenStream) -> TokenStream {
    prog_type::expand(args.into(), item.into()).into()
}
