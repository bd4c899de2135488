//! `#[kfunc]`: a kfunc declared on its `extern "C"` definition.
//!
//! As in dtolnay's derive crates, each stage has a file: [`view`] reads the
//! signature and the attribute into a typed declaration (a word it cannot
//! read is an error at its token), [`rules`] states what the declaration
//! must be (what tokens show as errors at the offending token, what needs
//! types as `const` assertions at the claiming one), and [`expand`](mod@expand) writes
//! the descriptor.

mod expand;
mod rules;
mod view;

use crate::errors::Errors;
use proc_macro2::{Span, TokenStream};
use quote::quote;

/// Expands `#[kfunc(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let func: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(_) => {
            let err = syn::Error::new(
                Span::call_site(),
                "#[kfunc] applies to a free function `extern \"C\" fn`",
            )
            .to_compile_error();
            return quote!(#item #err);
        }
    };
    let mut errors = Errors::default();
    let kfunc = view::Kfunc::parse(func, args, &mut errors);
    if errors.is_empty() {
        return kfunc.expand();
    }
    // The function is still emitted so its callers do not fail too.
    let func = &kfunc.func;
    let errs = errors.into_compile_errors();
    quote!(#func #errs)
}
