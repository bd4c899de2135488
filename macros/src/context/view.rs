//! The typed view of a context declaration.

use crate::attr::{Meta, attach_types, expr_ident, parse_args};
use crate::errors::{Errors, hint};
use kfreg_vocab::{AttachType, CtxValue, Loads};
use proc_macro2::TokenStream;
use std::collections::HashSet;
use syn::{Expr, Ident, ItemStruct, LitStr, Type};

/// A parsed `#[context]` struct.
pub struct Context {
    /// The struct, its `#[ctx]` attributes removed.
    pub item: ItemStruct,
    /// `btf = "name"`: the kernel struct it mirrors.
    pub btf: Option<LitStr>,
    /// `kern = "name"`: the kernel struct it is the view of.
    pub kern: Option<LitStr>,
    /// `typedef = "name"`: the typedef the kernel names the context by.
    pub typedef: Option<LitStr>,
    /// `reads_below_start`: loads at negative offsets pass.
    pub reads_below_start: bool,
    /// Its fields.
    pub fields: Vec<Field>,
}

/// One field and what its `#[ctx(...)]` says.
pub struct Field {
    /// The field's name.
    pub ident: Ident,
    /// Its type.
    pub ty: Type,
    /// `member = "name"`.
    pub member: Option<LitStr>,
    /// `loads = ...`.
    pub loads: Loads,
    /// `yields = ...`.
    pub yields: CtxValue,
    /// `yields = kernel(name)` or `flow_keys(name)`: the struct pointed to.
    pub target: Option<Ident>,
    /// `write`, or `write = [attach types]`.
    pub write: bool,
    /// The attach types `write = [..]` names.
    pub write_attach: Vec<AttachType>,
    /// `wide`: 8-byte accesses to a pair of u32 elements (`bpf_ctx_wide_access_ok`).
    pub wide: bool,
    /// `hidden`.
    pub hidden: bool,
    /// `attach = [...]`.
    pub attach: Vec<AttachType>,
}

impl Context {
    /// Parses the declaration, reporting every misuse.
    pub fn parse(mut item: ItemStruct, args: TokenStream, errors: &mut Errors) -> Context {
        let mut ctx = Context {
            btf: None,
            kern: None,
            typedef: None,
            reads_below_start: false,
            fields: Vec::new(),
            item: item.clone(),
        };
        match parse_args(args) {
            Ok(metas) => {
                for meta in &metas {
                    match meta {
                        Meta::Value(k, v) if k == "btf" => ctx.btf = string(v, errors),
                        Meta::Value(k, v) if k == "kern" => ctx.kern = string(v, errors),
                        Meta::Value(k, v) if k == "typedef" => ctx.typedef = string(v, errors),
                        Meta::Word(w) if w == "reads_below_start" => ctx.reads_below_start = true,
                        other => errors.at(
                            other.key(),
                            format!(
                                "unknown context attribute `{}`{}",
                                other.key(),
                                hint(
                                    &other.key().to_string(),
                                    ["btf", "kern", "typedef", "reads_below_start"]
                                )
                            ),
                        ),
                    }
                }
            }
            Err(e) => errors.push(e),
        }
        let repr_c = item
            .attrs
            .iter()
            .any(|a| a.path().is_ident("repr") && a.parse_args::<Ident>().is_ok_and(|i| i == "C"));
        if !repr_c {
            errors.at(
                &item.ident,
                "a context struct needs `#[repr(C)]`: its layout is the kernel's",
            );
        }
        if !item.generics.params.is_empty() {
            errors.at(&item.generics, "a context struct has no generic parameters");
        }
        let syn::Fields::Named(named) = &mut item.fields else {
            errors.at(&item.ident, "a context struct has named fields");
            ctx.item = item;
            return ctx;
        };
        for f in named.named.iter_mut() {
            let mut field = Field {
                ident: f.ident.clone().expect("named field"),
                ty: f.ty.clone(),
                member: None,
                loads: Loads::Narrow,
                yields: CtxValue::Scalar,
                target: None,
                write: false,
                write_attach: Vec::new(),
                wide: false,
                hidden: false,
                attach: Vec::new(),
            };
            let mut loads = None;
            for attr in f.attrs.iter().filter(|a| a.path().is_ident("ctx")) {
                let metas = match attr.parse_args_with(crate::attr::parse_meta_list) {
                    Ok(m) => m,
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                };
                field.apply(&metas, &mut loads, errors);
            }
            f.attrs.retain(|a| !a.path().is_ident("ctx"));
            if field.yields.is_pointer() {
                match &loads {
                    Some((tok, l)) if !matches!(l, Loads::Whole | Loads::WholeAtStart) => errors.at(
                        tok,
                        "a pointer field is loaded whole: drop `loads` or make it `whole` (or `whole_at_start`)",
                    ),
                    Some((_, l)) => field.loads = *l,
                    _ => field.loads = Loads::Whole,
                }
            } else if let Some((_, l)) = loads {
                field.loads = l;
            }
            ctx.fields.push(field);
        }
        ctx.item = item;
        ctx
    }
}

impl Field {
    fn apply(&mut self, metas: &[Meta], loads: &mut Option<(Ident, Loads)>, errors: &mut Errors) {
        let mut seen = HashSet::new();
        for meta in metas {
            let key = meta.key();
            if !seen.insert(key.to_string()) {
                errors.at(key, format!("duplicate `{key}`: it is already given"));
                continue;
            }
            match meta {
                Meta::Value(k, v) if k == "loads" => {
                    let word = word(v);
                    match Loads::from_name(&word) {
                        Some(l) => *loads = Some((k.clone(), l)),
                        None => errors.at(
                            v,
                            format!(
                                "unknown load rule `{word}`{}",
                                hint(&word, Loads::ALL.iter().map(|(_, n)| *n))
                            ),
                        ),
                    }
                }
                Meta::Value(k, v) if k == "yields" => self.yields(k, v, errors),
                Meta::Value(k, v) if k == "member" => self.member = string(v, errors),
                Meta::Value(k, v) if k == "attach" => self.attach = attach_types(v, errors),
                Meta::Value(k, v) if k == "write" => {
                    self.write = true;
                    self.write_attach = attach_types(v, errors);
                }
                Meta::Word(w) if w == "write" => self.write = true,
                Meta::Word(w) if w == "wide" => self.wide = true,
                Meta::Word(w) if w == "hidden" => self.hidden = true,
                other => {
                    let k = other.key();
                    errors.at(
                        k,
                        format!(
                            "unknown field property `{k}`{}",
                            hint(
                                &k.to_string(),
                                [
                                    "loads", "yields", "member", "attach", "write", "wide",
                                    "hidden"
                                ]
                            )
                        ),
                    );
                }
            }
        }
        if self.write && self.yields.is_pointer() {
            errors.at(
                &self.ident,
                "a pointer field cannot be written: the kernel refuses stores to it",
            );
        }
    }

    fn yields(&mut self, key: &Ident, v: &Expr, errors: &mut Errors) {
        // `kernel(name)` names the struct the pointer points to.
        let (word, target) = match v {
            Expr::Call(c) => (
                expr_ident(&c.func)
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                c.args.first().and_then(expr_ident).cloned(),
            ),
            other => (self::word(other), None),
        };
        // The pointers to kernel memory name the struct they point to.
        let named = |y: CtxValue| matches!(y, CtxValue::Kernel | CtxValue::FlowKeys);
        match CtxValue::from_name(&word) {
            Some(y) if named(y) && target.is_none() => errors.at(
                v,
                format!("`{word}` names the struct it points to: `yields = {word}(sk_buff)`"),
            ),
            Some(y) if !named(y) && target.is_some() => {
                errors.at(v, format!("`{word}` takes no struct name"))
            }
            Some(y) => {
                self.yields = y;
                self.target = target;
            }
            None => errors.at(
                key,
                format!(
                    "unknown field value `{word}`{}",
                    hint(&word, CtxValue::ALL.iter().map(|(_, n)| *n))
                ),
            ),
        }
    }
}

fn word(v: &Expr) -> String {
    expr_ident(v).map(ToString::to_string).unwrap_or_default()
}

fn string(v: &Expr, errors: &mut Errors) -> Option<LitStr> {
    match v {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Some(s.clone()),
        other => {
            errors.at(other, "expected a kernel struct name in quotes");
            None
        }
    }
}
