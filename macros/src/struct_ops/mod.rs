//! `#[struct_ops]`: a kernel struct_ops type declared on a unit struct
//! named after the kernel struct.
//!
//! [`view`] parses the attribute into a typed declaration (every misuse at
//! its token) and [`expand`](mod@expand) writes the descriptor. Member,
//! struct and field names are the kernel's: the catalog's tests check them
//! against the recorded kernel BTF.

mod expand;
mod view;

use crate::errors::Errors;
use proc_macro2::{Span, TokenStream};
use quote::quote;

/// Expands `#[struct_ops(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let item: syn::ItemStruct = match syn::parse2(item) {
        Ok(s) => s,
        Err(_) => {
            let err = syn::Error::new(
                Span::call_site(),
                "#[struct_ops] applies to a unit struct named after the kernel struct: \
                 `pub struct tcp_congestion_ops;`",
            )
            .to_compile_error();
            return quote!(#err);
        }
    };
    let mut errors = Errors::default();
    let decl = view::StructOps::parse(item, args, &mut errors);
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
