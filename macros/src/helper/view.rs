//! The typed view of a helper declaration, parsed from its attribute and signature.

use crate::attr::{Meta, attach_types, expr_ident, expr_int, expr_list, prog_types};
use crate::errors::{Errors, hint};
use kfreg_vocab::{AttachType, CallbackShape, HelperFlags, MapKind, ProgType};
use proc_macro2::TokenStream;
use std::collections::HashSet;
use syn::{Expr, ForeignItemFn, Ident, Pat, ReturnType, Type};

/// The program types a helper serves.
pub enum Progs {
    /// Every program type.
    Any,
    /// The listed types.
    List(Vec<ProgType>),
    /// A `ProgTypes` constant the user named.
    Path(Expr),
}

/// A parsed `#[helper]` declaration.
pub struct Helper {
    /// The prototype as written.
    pub func: ForeignItemFn,
    /// `id = N`.
    pub id: u32,
    /// `name = bpf_x`, when the item is named after its kernel proto instead.
    pub name: Option<Ident>,
    /// Parameter names and types.
    pub params: Vec<(Ident, Type)>,
    /// The return type (`()` when none is written).
    pub ret: Type,
    /// Call-level words, each with its token.
    pub flags: Vec<(Ident, HelperFlags)>,
    /// `callback = shape`.
    pub callback: Option<(Ident, CallbackShape)>,
    /// `map_types = [..]`, with the key's token.
    pub map_types: Option<(Ident, Vec<MapKind>)>,
    /// `prog_types = ..`.
    pub prog_types: Progs,
    /// `for_attach = [..]`.
    pub for_attach: Vec<AttachType>,
    /// `not_for_attach = [..]`.
    pub not_for_attach: Vec<AttachType>,
    /// `only_attach = [..]`.
    pub only_attach: Vec<AttachType>,
    /// `only_funcs = [..]`: kernel function names.
    pub only_funcs: Vec<String>,
    /// `not_traced = "prefix"`: traced functions whose name starts so may
    /// not call it.
    pub not_traced: Option<String>,
}

impl Helper {
    /// Parses the declaration; `None` when it is too broken to describe.
    pub fn parse(func: ForeignItemFn, args: TokenStream, errors: &mut Errors) -> Option<Helper> {
        let (params, ret) = signature(&func, errors);
        let metas = crate::attr::words(args, errors)?;
        let mut h = Helper {
            func,
            id: 0,
            name: None,
            params,
            ret,
            flags: Vec::new(),
            callback: None,
            map_types: None,
            prog_types: Progs::Any,
            for_attach: Vec::new(),
            not_for_attach: Vec::new(),
            only_attach: Vec::new(),
            only_funcs: Vec::new(),
            not_traced: None,
        };
        let mut seen = HashSet::new();
        let mut id = None;
        for meta in &metas {
            let key = meta.key();
            if !seen.insert(key.to_string()) {
                errors.at(key, format!("duplicate `{key}`: it is already given"));
                continue;
            }
            match meta {
                Meta::Value(k, v) if k == "id" => match expr_int(v) {
                    Some(n) if (0..=u16::MAX as i64).contains(&n) => id = Some(n as u32),
                    _ => errors.at(
                        v,
                        "expected the helper's number, an integer from 0 (`BPF_FUNC_*`)",
                    ),
                },
                Meta::Value(k, v) if k == "name" => match expr_ident(v) {
                    Some(n) if n.to_string().starts_with("bpf_") => h.name = Some(n.clone()),
                    _ => errors.at(
                        v,
                        "expected the helper's name, such as `bpf_perf_event_output`",
                    ),
                },
                Meta::Value(k, v) if k == "callback" => {
                    h.callback = callback(v, errors).map(|s| (k.clone(), s))
                }
                Meta::Value(k, v) if k == "map_types" => {
                    h.map_types = Some((k.clone(), map_types(v, errors)))
                }
                Meta::Value(k, v) if k == "prog_types" => h.prog_types = progs(v, errors),
                Meta::Value(k, v) if k == "for_attach" => h.for_attach = attach_types(v, errors),
                Meta::Value(k, v) if k == "not_for_attach" => {
                    h.not_for_attach = attach_types(v, errors)
                }
                Meta::Value(k, v) if k == "only_attach" => h.only_attach = attach_types(v, errors),
                Meta::Value(k, v) if k == "only_funcs" => {
                    for item in expr_list(v) {
                        match expr_ident(item) {
                            Some(f) => h.only_funcs.push(f.to_string()),
                            None => errors.at(item, "expected a kernel function's name"),
                        }
                    }
                }
                Meta::Value(k, v) if k == "not_traced" => match v {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(s),
                        ..
                    }) if !s.value().is_empty() => h.not_traced = Some(s.value()),
                    _ => errors.at(
                        v,
                        "expected the start of kernel function names: `\"prefix\"`",
                    ),
                },
                Meta::Word(w) => match HelperFlags::ALL.iter().find(|(_, n)| w == n) {
                    Some((f, _)) => h.flags.push((w.clone(), *f)),
                    None => errors.at(
                        w,
                        format!(
                            "unknown helper property `{w}`{}",
                            hint(&w.to_string(), words())
                        ),
                    ),
                },
                other => {
                    let k = other.key();
                    errors.at(
                        k,
                        format!(
                            "unknown helper attribute `{k}`{}",
                            hint(&k.to_string(), words())
                        ),
                    );
                }
            }
        }
        match id {
            Some(n) => h.id = n,
            None => errors.at(
                &h.func.sig.ident,
                "a helper needs its number: `#[helper(id = N)]`",
            ),
        }
        let name = h.name.as_ref().unwrap_or(&h.func.sig.ident).to_string();
        if !name.starts_with("bpf_") {
            errors.at(
                &h.func.sig.ident,
                format!("helper names start with `bpf_`: name the item `bpf_{name}` or give `name = bpf_...`"),
            );
        }
        Some(h)
    }

    /// The helper's name.
    pub fn name(&self) -> String {
        self.name
            .as_ref()
            .unwrap_or(&self.func.sig.ident)
            .to_string()
    }

    /// The token of the call-level word `flag`, if given.
    pub fn flag(&self, flag: HelperFlags) -> Option<&Ident> {
        self.flags.iter().find(|(_, f)| *f == flag).map(|(i, _)| i)
    }
}

/// Every attribute key and word, for "did you mean".
fn words() -> impl Iterator<Item = &'static str> {
    [
        "id",
        "name",
        "callback",
        "map_types",
        "prog_types",
        "for_attach",
        "not_for_attach",
        "only_attach",
        "only_funcs",
        "not_traced",
    ]
    .into_iter()
    .chain(HelperFlags::ALL.iter().map(|(_, n)| *n))
}

fn signature(func: &ForeignItemFn, errors: &mut Errors) -> (Vec<(Ident, Type)>, Type) {
    let sig = &func.sig;
    if let Some(g) = sig.generics.lt_token {
        errors.at(&g, "a helper prototype has no generic parameters");
    }
    if let Some(v) = &sig.variadic {
        errors.at(v, "a helper takes at most five arguments, none variadic");
    }
    let mut params = Vec::new();
    for (i, input) in sig.inputs.iter().enumerate() {
        match input {
            syn::FnArg::Typed(pt) => match &*pt.pat {
                Pat::Ident(p) if i < 5 => params.push((p.ident.clone(), (*pt.ty).clone())),
                Pat::Ident(p) => {
                    errors.at(&p.ident, "a helper takes at most five arguments (R1 to R5)")
                }
                other => errors.at(other, "expected a parameter name"),
            },
            syn::FnArg::Receiver(r) => errors.at(r, "a helper is a free function"),
        }
    }
    let ret = match &sig.output {
        ReturnType::Default => syn::parse_quote_spanned!(sig.ident.span()=> ()),
        ReturnType::Type(_, t) => (**t).clone(),
    };
    (params, ret)
}

fn callback(v: &Expr, errors: &mut Errors) -> Option<CallbackShape> {
    let word = expr_ident(v).map(ToString::to_string).unwrap_or_default();
    let shape = CallbackShape::from_name(&word);
    if shape.is_none() {
        errors.at(
            v,
            format!(
                "unknown callback shape `{word}`{}",
                hint(&word, CallbackShape::ALL.iter().map(|(_, n)| *n))
            ),
        );
    }
    shape
}

fn map_types(v: &Expr, errors: &mut Errors) -> Vec<MapKind> {
    let mut out = Vec::new();
    for item in expr_list(v) {
        let word = expr_ident(item)
            .map(ToString::to_string)
            .unwrap_or_default();
        match MapKind::from_name(&word) {
            Some(m) => out.push(m),
            None => errors.at(
                item,
                format!(
                    "unknown map type `{word}`{}",
                    hint(&word, MapKind::ALL.iter().map(|m| m.name()))
                ),
            ),
        }
    }
    out
}

/// `any`, a list of program types, or the path of a `ProgTypes` constant.
fn progs(v: &Expr, errors: &mut Errors) -> Progs {
    let is_word = |e: &Expr| {
        expr_ident(e).is_some_and(|i| {
            let w = i.to_string();
            w == "any"
                || ProgType::from_name(&w).is_some()
                || w.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        })
    };
    if matches!(v, Expr::Path(_)) && !is_word(v) {
        return Progs::Path(v.clone());
    }
    match prog_types(v, errors) {
        None => Progs::Any,
        // An empty list declares a number no program type gets (the kernel's `unspec`).
        Some(list) => Progs::List(list),
    }
}
