//! `#[family(...)] pub struct NAME;`: a kfunc family and its policy.
//!
//! One file holds the family's view, its one rule and its expansion: a
//! policy is six words, too few to be worth a folder like `kfunc/`.

use crate::attr::{Meta, expr_ident, misused_word, once_each, prog_types};
use crate::descriptor::{first_doc_line, location, prog_type_set, variant};
use crate::errors::Errors;
use kfreg_vocab::{ArgKind, ProgType};
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use syn::ItemStruct;

/// The attribute's words, for "did you mean".
const WORDS: &[&str] = &[
    "root",
    "node",
    "lock_required",
    "lock_safe",
    "irq_class",
    "prog_types",
];

/// What `#[family(..)]` says of its members.
#[derive(Default)]
struct Policy {
    /// `root = ..`: the graph root kind the members operate on.
    root: Option<ArgKind>,
    /// `node = ..`: the graph node kind.
    node: Option<ArgKind>,
    /// `lock_required`, with its token.
    lock_required: Option<Ident>,
    /// `lock_safe`: members may be called while a lock is held.
    lock_safe: bool,
    /// `irq_class = ..`: the IRQ-flag class its saves write and its restores require.
    irq_class: Option<String>,
    /// `prog_types = ..`; `None` is `any`.
    prog_types: Option<Vec<ProgType>>,
}

/// Expands `#[family(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::unit_struct::expand_words(
        args,
        item,
        "#[family] applies to a unit struct: `pub struct list;`",
        Policy::parse,
        |policy, strukt| policy.expand(strukt),
    )
}

impl Policy {
    /// Reads the attribute's words, reporting every misuse.
    fn parse(metas: &[Meta], errors: &mut Errors) -> Policy {
        let mut policy = Policy::default();
        for (word, meta) in once_each(metas, errors) {
            policy.word(&word, meta, errors);
        }
        policy.lock_requires_root(errors);
        policy
    }

    /// One word of the attribute, given once.
    fn word(&mut self, word: &str, meta: &Meta, errors: &mut Errors) {
        match (word, meta) {
            ("lock_required", Meta::Word(w)) => self.lock_required = Some(w.clone()),
            ("lock_safe", Meta::Word(_)) => self.lock_safe = true,
            ("root" | "node", Meta::Value(_, v)) => {
                let want_root = word == "root";
                let kind = expr_ident(v).and_then(|i| ArgKind::from_name(&i.to_string()));
                match kind {
                    Some(k) if want_root && k.is_graph_root() => self.root = Some(k),
                    Some(k) if !want_root && k.is_graph_node() => self.node = Some(k),
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
                Some(i) => self.irq_class = Some(i.to_string()),
                None => errors.at(v, "expected a class name such as `native`"),
            },
            ("prog_types", Meta::Value(_, v)) => self.prog_types = prog_types(v, errors),
            _ => misused_word(meta, "family", WORDS, errors),
        }
    }

    /// `lock_required` asks for the lock that protects the graph root, so
    /// there must be a root.
    fn lock_requires_root(&self, errors: &mut Errors) {
        if let (Some(w), None) = (&self.lock_required, self.root) {
            errors.at(
                w,
                "`lock_required` protects a graph root: declare `root = list_head` or `root = rb_root`",
            );
        }
    }

    /// The struct, its `Family` impl carrying the descriptor, and the
    /// descriptor's submission to the registry.
    fn expand(&self, strukt: &ItemStruct) -> TokenStream {
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
        let (root, node) = (kind(self.root), kind(self.node));
        let (lock_required, lock_safe) = (self.lock_required.is_some(), self.lock_safe);
        let irq_class = match &self.irq_class {
            Some(c) => quote!(::core::option::Option::Some(#c)),
            None => quote!(::core::option::Option::None),
        };
        let prog_types = match &self.prog_types {
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
                #[used]
                #[unsafe(link_section = "kfreg_families")]
                static ENTRY: ::kfreg::__private::FamilyEntry =
                    ::kfreg::__private::FamilyEntry(<#ident as ::kfreg::Family>::DESC);
            };
        }
    }
}
