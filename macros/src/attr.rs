//! The argument list of an attribute: `flag`, `key = value`, `key(args, ...)`.

use crate::errors::{Errors, hint};
use kfreg_vocab::{AttachType, ProgType};
use proc_macro2::TokenStream;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, Token};

/// One item of an attribute's argument list.
pub enum Meta {
    /// A bare word: `acquire`.
    Word(Ident),
    /// `key = value`.
    Value(Ident, Expr),
    /// `key(items)`.
    List(Ident, Vec<Meta>),
}

impl Meta {
    /// The item's key.
    pub fn key(&self) -> &Ident {
        match self {
            Meta::Word(k) | Meta::Value(k, _) | Meta::List(k, _) => k,
        }
    }
}

/// The items of an attribute, each word once: a word given again is
/// reported at its second use and left out.
pub fn once_each<'m>(metas: &'m [Meta], errors: &mut Errors) -> Vec<(String, &'m Meta)> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for meta in metas {
        let word = meta.key().to_string();
        if seen.insert(word.clone()) {
            out.push((word, meta));
        } else {
            errors.at(meta.key(), format!("duplicate `{word}`"));
        }
    }
    out
}

/// Reports `meta`, a misused word of attribute `what`: one of its `words`
/// in the wrong form, or none of them (with the nearest as a hint).
pub fn misused_word(meta: &Meta, what: &str, words: &[&str], errors: &mut Errors) {
    let word = meta.key().to_string();
    if words.contains(&word.as_str()) {
        errors.at(meta.key(), format!("malformed `{word}`"));
    } else {
        errors.at(
            meta.key(),
            format!(
                "unknown {what} attribute `{word}`{}",
                hint(&word, words.iter().copied())
            ),
        );
    }
}

impl Parse for Meta {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        // Keywords such as `async` are valid words here.
        let key = Ident::parse_any(input)?;
        if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            Ok(Meta::Value(key, input.parse()?))
        } else if input.peek(syn::token::Paren) {
            let content;
            syn::parenthesized!(content in input);
            Ok(Meta::List(key, parse_meta_list(&content)?))
        } else {
            Ok(Meta::Word(key))
        }
    }
}

/// Parses a comma-separated list of items (the inside of an attribute's parentheses).
pub fn parse_meta_list(input: ParseStream) -> syn::Result<Vec<Meta>> {
    Ok(Punctuated::<Meta, Token![,]>::parse_terminated(input)?
        .into_iter()
        .collect())
}

/// Parses an attribute's whole argument list.
pub fn parse_args(args: TokenStream) -> syn::Result<Vec<Meta>> {
    parse_meta_list.parse2(args)
}

/// The attribute's words, or `None` with the syntax error reported.
pub fn words(args: TokenStream, errors: &mut Errors) -> Option<Vec<Meta>> {
    parse_args(args).map_err(|e| errors.push(e)).ok()
}

/// The identifier an expression consists of, if it is a single identifier.
pub fn expr_ident(expr: &Expr) -> Option<&Ident> {
    match expr {
        Expr::Path(p) if p.qself.is_none() && p.attrs.is_empty() => p.path.get_ident(),
        _ => None,
    }
}

/// The identifier `e` is, or an error that `what` is expected by name.
pub fn named(e: &Expr, what: &str, errors: &mut Errors) -> Option<Ident> {
    let found = expr_ident(e).cloned();
    if found.is_none() {
        errors.at(e, format!("expected {what}'s name"));
    }
    found
}

/// The items of `[a, b]`, or the single item of `a`.
pub fn expr_list(expr: &Expr) -> Vec<&Expr> {
    match expr {
        Expr::Array(a) => a.elems.iter().collect(),
        other => vec![other],
    }
}

/// Parses an integer literal expression, possibly negated.
pub fn expr_int(expr: &Expr) -> Option<i64> {
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(i),
            ..
        }) => i.base10_parse().ok(),
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        }) => expr_int(expr).map(|v| -v),
        Expr::Paren(p) => expr_int(&p.expr),
        _ => None,
    }
}

/// `prog_types = [xdp, sched_cls]`: the listed types, or `None` for `any`.
/// `[lo, hi]`: the range a program must return in.
pub fn ret_range(v: &Expr, errors: &mut Errors) -> Option<(i64, i64)> {
    let items = expr_list(v);
    if let [lo, hi] = items.as_slice()
        && let (Some(lo), Some(hi)) = (expr_int(lo), expr_int(hi))
    {
        return Some((lo, hi));
    }
    errors.at(v, "expected the return range as `[lo, hi]`");
    None
}

pub fn prog_types(v: &Expr, errors: &mut Errors) -> Option<Vec<ProgType>> {
    let mut list = Vec::new();
    for item in expr_list(v) {
        let Some(ident) = expr_ident(item) else {
            errors.at(item, "expected a program type such as `xdp`");
            continue;
        };
        let word = ident.to_string();
        if word == "any" {
            return None;
        }
        match ProgType::from_name(&word) {
            Some(p) => list.push(p),
            None => errors.at(
                ident,
                format!(
                    "unknown program type `{word}`{}",
                    hint(&word, ProgType::ALL.iter().map(|p| p.name()).chain(["any"]))
                ),
            ),
        }
    }
    Some(list)
}

/// An attach type word (`xdp_devmap`), or an error at it.
pub fn attach_type(v: &Expr, errors: &mut Errors) -> Option<AttachType> {
    let word = expr_ident(v).map(ToString::to_string).unwrap_or_default();
    let found = AttachType::from_name(&word);
    if found.is_none() {
        errors.at(
            v,
            format!(
                "unknown attach type `{word}`{}",
                hint(&word, AttachType::ALL.iter().map(|a| a.name()))
            ),
        );
    }
    found
}

/// `[attach types]`: the known ones, every unknown one reported.
pub fn attach_types(v: &Expr, errors: &mut Errors) -> Vec<AttachType> {
    expr_list(v)
        .into_iter()
        .filter_map(|item| attach_type(item, errors))
        .collect()
}
