//! `#[tracepoint(or_null = [..], err_ptr = [..])] pub struct NAME;`: a raw
//! tracepoint (`SEC("tp_btf/NAME")`) whose arguments, counted from 0, may be
//! NULL or may hold an error instead of a pointer.
//!
//! One file holds the view, the rules and the expansion, as for
//! `#[iter_target]`.

use crate::attr::{Meta, expr_list, misused_word, once_each};
use crate::descriptor::{first_doc_line, location};
use crate::errors::Errors;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::HashSet;
use syn::{Expr, ItemStruct};

/// The attribute's words, for "did you mean".
const WORDS: &[&str] = &["or_null", "err_ptr"];

/// A raw tracepoint passes at most this many arguments (`MAX_BPF_FUNC_ARGS`).
const MAX_ARGS: u8 = 12;

/// What `#[tracepoint(..)]` says.
#[derive(Default)]
struct Tracepoint {
    /// `or_null = [..]`: the arguments that may be NULL.
    or_null: Vec<u8>,
    /// `err_ptr = [..]`: the arguments that may be an error.
    err_ptr: Vec<u8>,
}

/// Expands `#[tracepoint(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::unit_struct::expand_words(
        args,
        item,
        "#[tracepoint] applies to a unit struct named after the tracepoint: `pub struct kfree_skb;`",
        Tracepoint::parse,
        |tp, strukt| tp.expand(strukt),
    )
}

impl Tracepoint {
    /// Reads the attribute's words, reporting every misuse.
    fn parse(metas: &[Meta], errors: &mut Errors) -> Tracepoint {
        let mut tp = Tracepoint::default();
        let mut listed = HashSet::new();
        for (word, meta) in once_each(metas, errors) {
            let (list, v) = match (word.as_str(), meta) {
                ("or_null", Meta::Value(_, v)) => (&mut tp.or_null, v),
                ("err_ptr", Meta::Value(_, v)) => (&mut tp.err_ptr, v),
                _ => {
                    misused_word(meta, "tracepoint", WORDS, errors);
                    continue;
                }
            };
            positions(v, list, &mut listed, errors);
        }
        tp
    }

    /// The struct, a `TRACEPOINT` constant on it, and its submission to the
    /// registry.
    fn expand(&self, strukt: &ItemStruct) -> TokenStream {
        let ident = &strukt.ident;
        let name = ident.to_string();
        let doc = first_doc_line(&strukt.attrs);
        let (or_null, err_ptr) = (&self.or_null, &self.err_ptr);
        let location = location(ident);
        quote! {
            #[allow(non_camel_case_types)]
            #strukt

            impl #ident {
                /// This tracepoint's declaration.
                pub const TRACEPOINT: &'static ::kfreg::Tracepoint = &::kfreg::Tracepoint {
                    name: #name,
                    doc: #doc,
                    or_null: &[#(#or_null),*],
                    err_ptr: &[#(#err_ptr),*],
                    location: #location,
                };
            }

            const _: () = {
                #[used]
                #[unsafe(link_section = "kfreg_tracepoints")]
                static ENTRY: ::kfreg::__private::TracepointEntry = ::kfreg::__private::TracepointEntry(#ident::TRACEPOINT);
            };
        }
    }
}

/// `[N, ..]`: argument positions below [`MAX_ARGS`], each said once over
/// both lists (`listed`).
fn positions(v: &Expr, out: &mut Vec<u8>, listed: &mut HashSet<u8>, errors: &mut Errors) {
    for item in expr_list(v) {
        let n = match item {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Int(i),
                ..
            }) => i.base10_parse::<u8>().ok().filter(|n| *n < MAX_ARGS),
            _ => None,
        };
        match n {
            Some(n) if listed.insert(n) => out.push(n),
            Some(n) => errors.at(item, format!("argument {n} is listed twice")),
            None => errors.at(
                item,
                format!("expected an argument position from 0 to {}", MAX_ARGS - 1),
            ),
        }
    }
}
