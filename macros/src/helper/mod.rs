//! `#[helper]`: a BPF helper prototype declared on a bodiless Rust function.
//!
//! As in dtolnay's derive crates, each stage has a file: [`view`] parses
//! the attribute and the signature into a typed declaration (reporting
//! every misuse at its token), [`rules`] states the claims that need types
//! as `const` assertions at the claiming token, and [`expand`](mod@expand) writes the
//! descriptor.

mod expand;
mod rules;
mod view;

use crate::errors::Errors;
use proc_macro2::{Span, TokenStream};
use quote::quote;

/// Expands `#[helper(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let func: syn::ForeignItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(_) => {
            let err = syn::Error::new(
                Span::call_site(),
                "#[helper] applies to a function prototype without a body: `pub fn bpf_name(arg: Kind, ...) -> Ret;`",
            )
            .to_compile_error();
            return quote!(#err);
        }
    };
    let mut errors = Errors::default();
    let decl = view::Helper::parse(func, args, &mut errors);
    match decl {
        Some(h) if errors.is_empty() => h.expand(),
        _ => errors.into_compile_errors(),
    }
}
