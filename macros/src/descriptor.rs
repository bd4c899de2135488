//! The parts every attribute's descriptor writes the same way: its doc line,
//! where it was declared, and vocabulary words as the runtime's constants.

use kfreg_vocab::{AttachType, ProgType};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::{Expr, Ident};

/// `skb_meta` -> `SkbMeta`: the runtime's variant for a vocabulary word,
/// since the words are snake case and the variants camel case.
pub fn variant(word: &str) -> Ident {
    let camel: String = word
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    format_ident!("{camel}")
}

/// The first line of the item's doc comment: the registry's one-line summary.
pub fn first_doc_line(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .find_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value().trim().to_string()),
                _ => None,
            },
            _ => None,
        })
        .unwrap_or_default()
}

/// The `::kfreg::Location` of the declaration named `ident`. `line!()` and
/// `file!()` carry the name's span so they point at the user's item, not at
/// the attribute.
pub fn location(ident: &Ident) -> TokenStream {
    let line = quote_spanned!(ident.span()=> ::core::line!());
    let file = quote_spanned!(ident.span()=> ::core::file!());
    quote! {
        ::kfreg::Location {
            krate: ::core::env!("CARGO_PKG_NAME"),
            module: ::core::module_path!(),
            file: #file,
            line: #line,
        }
    }
}

/// `ProgTypes::NONE.with(..)` for each listed program type.
pub fn prog_type_set(list: &[ProgType]) -> TokenStream {
    let types = list.iter().map(|p| {
        let v = format_ident!("{p:?}");
        quote!(.with(::kfreg::ProgType::#v))
    });
    quote!(::kfreg::ProgTypes::NONE #(#types)*)
}

/// `AttachTypes::NONE.with(..)` for each listed attach type.
pub fn attach_type_set(list: &[AttachType]) -> TokenStream {
    let types = list.iter().map(|a| {
        let v = format_ident!("{a:?}");
        quote!(.with(::kfreg::AttachType::#v))
    });
    quote!(::kfreg::AttachTypes::NONE #(#types)*)
}
