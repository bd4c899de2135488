//! `#[context]`: a program context struct, declared as a `#[repr(C)]` Rust
//! struct whose fields carry what the kernel allows on them.
//!
//! The layout is Rust's, so fields cannot overlap and padding is wherever
//! `repr(C)` puts it (the kernel refuses every padding byte); a test checks
//! each field against the kernel struct the declaration names in BTF.
//! [`view`] parses the attribute and the fields (every misuse at its
//! token); [`expand`](mod@expand) writes the struct back and its descriptor.

mod expand;
mod view;

use crate::errors::Errors;
use proc_macro2::{Span, TokenStream};
use quote::quote;

/// Expands `#[context(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let item: syn::ItemStruct = match syn::parse2(item) {
        Ok(s) => s,
        Err(_) => {
            let err = syn::Error::new(
                Span::call_site(),
                "#[context] applies to a `#[repr(C)]` struct with named fields",
            )
            .to_compile_error();
            return quote!(#err);
        }
    };
    let mut errors = Errors::default();
    let ctx = view::Context::parse(item, args, &mut errors);
    let out = ctx.expand(errors.is_empty());
    let errs = errors.into_compile_errors();
    quote!(#out #errs)
}
