//! `#[prog_type]`: a BPF program type declared on a unit struct, with its
//! `SEC()` names in `#[sec(...)]` attributes below it.
//!
//! [`view`] parses the attribute and the sections into a typed declaration
//! (every misuse at its token), [`rules`] lets rustc check what needs types
//! (the context is a `#[context]` struct, every named field exists) at the
//! naming token, and [`expand`](mod@expand) writes the descriptor.

mod expand;
mod rules;
mod view;

use crate::errors::Errors;
use proc_macro2::{Span, TokenStream};
use quote::quote;

/// Expands `#[prog_type(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let item: syn::ItemStruct = match syn::parse2(item) {
        Ok(s) => s,
        Err(_) => {
            let err = syn::Error::new(
                Span::call_site(),
                "#[prog_type] applies to a unit struct: `pub struct SchedCls;`",
            )
            .to_compile_error();
            return quote!(#err);
        }
    };
    let mut errors = Errors::default();
    let decl = view::ProgType::parse(item, args, &mut errors);
    match decl {
        Some(d) if errors.is_empty() => d.expand(),
        Some(d) => {
            let item = &d.item;
            let errs = errors.into_compile_errors();
            quote!(#item #errs)
        }
        None => errors.into_compile_errors(),
    }
}
