//! `#[family(...)] pub struct NAME;`: a kfunc family and its policy.

use crate::attr::{Meta, expr_ident, parse_args, prog_types};
use crate::descriptor::{first_doc_line, location, prog_type_set, variant};
use crate::errors::{Errors, hint};
use kfreg_vocab::{ArgKind, ProgType};
use proc_macro2::{Span, TokenStream};
use quote::quote;
use std::collections::HashMap;
use syn::ItemStruct;

const WORDS: &[&str] = &[
    "root",
    "node",
    "lock_required",
    "lock_safe",
    "irq_class",
    "prog_types",
];

#[derive(Default)]
struct Policy {
    root: Option<ArgKind>,
    node: Option<ArgKind>,
    lock_required: Option<proc_macro2::Ident>,
    lock_safe: bool,
    irq_class: Option<String>,
    prog_types: Option<Vec<ProgType>>,
}

/// Expands `#[family(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let strukt: ItemStruct = match syn::parse2::<ItemStruct>(item.clone()) {
        Ok(s) if matches!(s.fields, syn::Fields::Unit) && s.generics.params.is_empty() => s,
        _ => {
            let err = syn::Error::new(
                Span::call_site(),
                "#[family] applies to a unit struct: `pub struct list;`",
            )
            .to_compile_error();
            return quote!(#item #err);
        }
    };
    let mut errors = Errors::default();
    let policy = match parse_args(args) {
        Ok(metas) => parse_policy(&metas, &mut errors),
        Err(e) => {
            errors.push(e);
            Policy::default()
        }
    };
    if !errors.is_empty() {
        let errs = errors.into_compile_errors();
        return quote! {
            #[allow(non_camel_case_types)]
            #strukt
            #errs
        };
    }
    let ident = &strukt.ident;
    let name = ident.to_string();
    let doc = first_doc_line(&strukt.attrs);
    let kind = |k: Option<ArgKind>| match k {
        Some(k) => {
            let v = variant(k.name());
            quote!(::core::option::Option::Some(::kfreg::ArgKind::#v))
        }
        None => quote!(::core::option::Option::None),
    };
    let (root, node) = (kind(policy.root), kind(policy.node));
    let (lock_required, lock_safe) = (policy.lock_required.is_some(), policy.lock_safe);
    let irq_class = match &policy.irq_class {
        Some(c) => quote!(::core::option::Option::Some(#c)),
        None => quote!(::core::option::Option::None),
    };
    let prog_types = match &policy.prog_types {
        None => quote!(::kfreg::ProgTypes::ANY),
        Some(list) => prog_type_set(list),
    };
    let location = location(ident);
    quote! {
        #[allow(non_camel_case_types)]
        #strukt

        impl ::kfreg::Family for #ident {
            const DESC: &'static ::kfreg::FamilyDesc = {
                static DESC: ::kfreg::FamilyDesc = ::kfreg::FamilyDesc {
                    name: #name,
                    doc: #doc,
                    root: #root,
                    node: #node,
                    lock_required: #lock_required,
                    lock_safe: #lock_safe,
                    irq_class: #irq_class,
                    prog_types: #prog_types,
                    location: #location,
                };
                &DESC
            };
        }

        const _: () = {
            ::kfreg::__private::inventory::submit! {
                ::kfreg::__private::FamilyEntry(<#ident as ::kfreg::Family>::DESC)
            }
        };
    }
}

fn parse_policy(metas: &[Meta], errors: &mut Errors) -> Policy {
    let mut policy = Policy::default();
    let mut seen = HashMap::new();
    for meta in metas {
        let key = meta.key();
        let word = key.to_string();
        if seen.insert(word.clone(), ()).is_some() {
            errors.at(key, format!("duplicate `{word}`"));
            continue;
        }
        match (word.as_str(), meta) {
            ("lock_required", Meta::Word(w)) => policy.lock_required = Some(w.clone()),
            ("lock_safe", Meta::Word(_)) => policy.lock_safe = true,
            ("root" | "node", Meta::Value(_, v)) => {
                let want_root = word == "root";
                let kind = expr_ident(v).and_then(|i| ArgKind::from_name(&i.to_string()));
                match kind {
                    Some(k) if want_root && k.is_graph_root() => policy.root = Some(k),
                    Some(k) if !want_root && k.is_graph_node() => policy.node = Some(k),
                    _ => errors.at(
                        v,
                        if want_root {
                            "expected a graph root kind: `list_head` or `rb_root`"
                        } else {
                            "expected a graph node kind: `list_node` or `rb_node`"
                        },
                    ),
                }
            }
            ("irq_class", Meta::Value(_, v)) => match expr_ident(v) {
                Some(i) => policy.irq_class = Some(i.to_string()),
                None => errors.at(v, "expected a class name such as `native`"),
            },
            ("prog_types", Meta::Value(_, v)) => {
                policy.prog_types = prog_types(v, errors);
            }
            (w, _) if WORDS.contains(&w) => errors.at(key, format!("malformed `{w}`")),
            _ => errors.at(
                key,
                format!(
                    "unknown family attribute `{word}`{}",
                    hint(&word, WORDS.iter().copied())
                ),
            ),
        }
    }
    if let (Some(w), None) = (&policy.lock_required, policy.root) {
        errors.at(
            w,
            "`lock_required` protects a graph root: declare `root = list_head` or `root = rb_root`",
        );
    }
    policy
}
