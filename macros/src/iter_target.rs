//! `#[iter_target(...)] pub struct NAME;`: a BPF iterator target, named as
//! in `SEC("iter/NAME")`, with the register type of each context argument
//! it types and the helper prototypes it adds.
//!
//! One file holds the view, the rules and the expansion: a target is two
//! words, too few for a folder like `prog_type/`.

use crate::attr::{Meta, expr_ident, expr_list, misused_word, once_each};
use crate::descriptor::{first_doc_line, location, variant};
use crate::errors::{Errors, hint};
use kfreg_vocab::IterArg;
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use syn::{Expr, ItemStruct};

/// The attribute's words, for "did you mean".
const WORDS: &[&str] = &["args", "helpers"];

/// What `#[iter_target(..)]` says.
#[derive(Default)]
struct Target {
    /// `args = [name = word, ..]`: the arguments it types.
    args: Vec<(Ident, IterArg)>,
    /// `helpers = [path, ..]`: the helper prototypes it adds.
    helpers: Vec<Expr>,
}

/// Expands `#[iter_target(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::unit_struct::expand_words(
        args,
        item,
        "#[iter_target] applies to a unit struct named after the target: `pub struct task_vma;`",
        Target::parse,
        |target, strukt| target.expand(strukt),
    )
}

impl Target {
    /// Reads the attribute's words, reporting every misuse.
    fn parse(metas: &[Meta], errors: &mut Errors) -> Target {
        let mut target = Target::default();
        for (word, meta) in once_each(metas, errors) {
            match (word.as_str(), meta) {
                ("args", Meta::Value(_, v)) => target.args(v, errors),
                ("helpers", Meta::Value(_, v)) => {
                    target.helpers = expr_list(v).into_iter().cloned().collect();
                }
                _ => misused_word(meta, "iter_target", WORDS, errors),
            }
        }
        target
    }

    /// `args = [name = word, ..]`: each argument once, each word known.
    fn args(&mut self, v: &Expr, errors: &mut Errors) {
        let words = || IterArg::ALL.iter().map(|(_, n)| *n);
        for item in expr_list(v) {
            let Expr::Assign(a) = item else {
                errors.at(
                    item,
                    "expected `argument = register type`, e.g. `task = trusted_or_null`",
                );
                continue;
            };
            let (Some(name), Some(word)) = (expr_ident(&a.left), expr_ident(&a.right)) else {
                errors.at(
                    item,
                    "expected `argument = register type`, e.g. `task = trusted_or_null`",
                );
                continue;
            };
            if self.args.iter().any(|(n, _)| n == name) {
                errors.at(name, format!("argument `{name}` typed twice"));
                continue;
            }
            match IterArg::from_name(&word.to_string()) {
                Some(value) => self.args.push((name.clone(), value)),
                None => errors.at(
                    word,
                    format!(
                        "unknown iterator argument type `{word}` (one of {}){}",
                        words().collect::<Vec<_>>().join(", "),
                        hint(&word.to_string(), words())
                    ),
                ),
            }
        }
    }

    /// The struct, an `ITER_TARGET` constant on it, and its submission to
    /// the registry. Helpers are paths to their `#[helper]` statics, so an
    /// unknown one is rustc's error at its token.
    fn expand(&self, strukt: &ItemStruct) -> TokenStream {
        let ident = &strukt.ident;
        let name = ident.to_string();
        let doc = first_doc_line(&strukt.attrs);
        let args = self.args.iter().map(|(n, v)| {
            let (n, v) = (n.to_string(), variant(v.name()));
            quote!(::kfreg::IterTargetArg { name: #n, value: ::kfreg::IterArg::#v })
        });
        let helpers = &self.helpers;
        let location = location(ident);
        quote! {
            #[allow(non_camel_case_types)]
            #strukt

            impl #ident {
                /// This iterator target's declaration.
                pub const ITER_TARGET: &'static ::kfreg::IterTarget = &::kfreg::IterTarget {
                    name: #name,
                    doc: #doc,
                    args: &[#(#args),*],
                    helpers: &[#(&#helpers),*],
                    location: #location,
                };
            }

            const _: () = {
                #[used]
                #[unsafe(link_section = "kfreg_iter_targets")]
                static ENTRY: ::kfreg::__private::IterTargetEntry = ::kfreg::__private::IterTargetEntry(#ident::ITER_TARGET);
            };
        }
    }
}
