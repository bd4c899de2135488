//! The typed view of a struct_ops declaration.

use crate::attr::{Meta, expr_list, named};
use crate::errors::{Errors, hint};
use crate::write_rule::{self, Write};
use proc_macro2::TokenStream;
use std::collections::HashSet;
use syn::{Expr, Ident, ItemStruct};

/// A parsed `#[struct_ops]` declaration.
pub struct StructOps {
    /// The struct.
    pub item: ItemStruct,
    /// `unsupported = [..]`.
    pub unsupported: Vec<Ident>,
    /// `sleepable = [..]`.
    pub sleepable: Option<Vec<Ident>>,
    /// `nullable = [member = [args], ..]`.
    pub nullable: Vec<(Ident, Vec<u8>)>,
    /// `promote = [from = to, ..]`.
    pub promote: Vec<(Ident, Ident)>,
    /// `write = ...`.
    pub write: Option<Write>,
    /// `refuse_helpers = [member = [helpers], ..]`.
    pub refuse_helpers: Vec<(Ident, Vec<Ident>)>,
    /// The `no_helpers` word, when given.
    pub no_helpers: Option<Ident>,
}

const KEYS: &[&str] = &[
    "unsupported",
    "sleepable",
    "nullable",
    "promote",
    "write",
    "refuse_helpers",
    "no_helpers",
];

impl StructOps {
    /// Parses the declaration; `None` when it is too broken to describe.
    pub fn parse(item: ItemStruct, args: TokenStream, errors: &mut Errors) -> Option<StructOps> {
        if !matches!(item.fields, syn::Fields::Unit) {
            errors.at(
                &item.ident,
                "a struct_ops type is a unit struct: `pub struct tcp_congestion_ops;`",
            );
        }
        let metas = crate::attr::words(args, errors)?;
        let mut d = StructOps {
            item,
            unsupported: Vec::new(),
            sleepable: None,
            nullable: Vec::new(),
            promote: Vec::new(),
            write: None,
            refuse_helpers: Vec::new(),
            no_helpers: None,
        };
        let mut seen = HashSet::new();
        for meta in &metas {
            let key = meta.key();
            if !seen.insert(key.to_string()) {
                errors.at(key, format!("duplicate `{key}`: it is already given"));
                continue;
            }
            match meta {
                Meta::Value(k, v) if k == "unsupported" => {
                    d.unsupported = idents(v, "a member", errors);
                }
                Meta::Value(k, v) if k == "sleepable" => {
                    d.sleepable = Some(idents(v, "a member", errors));
                }
                Meta::Value(k, v) if k == "promote" => {
                    d.promote = pairs(v, errors)
                        .into_iter()
                        .filter_map(|(from, to)| {
                            let to = named(to, "a kernel struct", errors)?;
                            if from == to {
                                errors.at(&to, format!("`{from}` is promoted to itself"));
                            }
                            Some((from, to))
                        })
                        .collect();
                }
                Meta::Value(k, v) if k == "nullable" => {
                    d.nullable = pairs(v, errors)
                        .into_iter()
                        .map(|(member, args)| (member, positions(args, errors)))
                        .collect();
                }
                Meta::Value(k, v) if k == "refuse_helpers" => {
                    d.refuse_helpers = pairs(v, errors)
                        .into_iter()
                        .map(|(member, helpers)| (member, idents(helpers, "a helper", errors)))
                        .collect();
                }
                Meta::Value(k, v) if k == "write" => d.write = write_rule::parse(v, errors),
                Meta::Word(w) if w == "no_helpers" => d.no_helpers = Some(w.clone()),
                other => {
                    let k = other.key();
                    errors.at(
                        k,
                        format!(
                            "unknown struct_ops attribute `{k}`{}",
                            hint(&k.to_string(), KEYS.iter().copied())
                        ),
                    );
                }
            }
        }
        d.contradictions(errors);
        Some(d)
    }

    /// Claims that contradict each other, each reported at its token.
    fn contradictions(&self, errors: &mut Errors) {
        let mentioned = self
            .sleepable
            .iter()
            .flatten()
            .chain(self.nullable.iter().map(|(m, _)| m))
            .chain(self.refuse_helpers.iter().map(|(m, _)| m));
        for m in mentioned.filter(|m| self.unsupported.contains(m)) {
            errors.at(m, format!("`{m}` is unsupported: no program implements it"));
        }
        if let (Some(w), Some((m, _))) = (&self.no_helpers, self.refuse_helpers.first()) {
            errors.at(m, format!("`{w}` already refuses every helper to `{m}`"));
        }
    }
}

fn idents(v: &Expr, what: &str, errors: &mut Errors) -> Vec<Ident> {
    expr_list(v)
        .into_iter()
        .filter_map(|e| named(e, what, errors))
        .collect()
}

/// `[0, 2]`: argument positions (a BPF function has at most 12 arguments
/// in its context).
fn positions(v: &Expr, errors: &mut Errors) -> Vec<u8> {
    expr_list(v)
        .into_iter()
        .filter_map(|e| match crate::attr::expr_int(e) {
            Some(n) if (0..12).contains(&n) => Some(n as u8),
            _ => {
                errors.at(e, "expected an argument's position, from 0 to 11");
                None
            }
        })
        .collect()
}

/// `[name = value, ..]`.
fn pairs<'e>(v: &'e Expr, errors: &mut Errors) -> Vec<(Ident, &'e Expr)> {
    expr_list(v)
        .into_iter()
        .filter_map(|item| match item {
            Expr::Assign(a) => Some((named(&a.left, "a name", errors)?, &*a.right)),
            other => {
                errors.at(other, "expected `name = value`");
                None
            }
        })
        .collect()
}
