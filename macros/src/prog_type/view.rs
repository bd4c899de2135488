//! The typed view of a program type declaration.

use crate::attr::{Meta, attach_type, expr_ident, expr_int, expr_list, ret_range};
use crate::errors::{Errors, hint};
use crate::write_rule::{self, Write};
use kfreg_vocab::{AttachType, CtxArgAlias, PacketArgs, ProgFlags, ProgType as Kernel};
use proc_macro2::TokenStream;
use std::collections::HashSet;
use syn::{Expr, Ident, ItemStruct, LitStr, Path};

/// A parsed `#[prog_type]` declaration.
pub struct ProgType {
    /// The struct, its `#[sec]` attributes removed.
    pub item: ItemStruct,
    /// `id = N`.
    pub id: u8,
    /// The DSL name (`name = x`, or the kernel's for its own numbers).
    pub name: String,
    /// The kernel's enumerator name.
    pub kernel_name: String,
    /// `ctx = Path`.
    pub ctx: Option<Path>,
    /// `kern_ctx = name`.
    pub kern_ctx: Option<Ident>,
    /// `func_proto = name`: the kernel function giving the type its helpers.
    pub func_proto: Option<Ident>,
    /// `gpl_only = "what"`: how the kernel's refusal of a non-GPL program
    /// names programs of this type.
    pub gpl_only: Option<LitStr>,
    /// `sleepable_only = "what"`: how the kernel's refusal of a program
    /// loaded without `BPF_F_SLEEPABLE` names programs of this type.
    pub sleepable_only: Option<LitStr>,
    /// Field lists: `show`, `hide`, `only`, `write`, each with its key.
    pub show: Vec<Ident>,
    /// `hide = [..]`.
    pub hide: Vec<Ident>,
    /// `only = [..]`.
    pub only: Vec<Ident>,
    /// `write = [..]`.
    pub write: Vec<Ident>,
    /// `kernel_write = target(members)`: stores through kernel pointers.
    pub kernel_write: Option<Write>,
    /// Words, each with its token.
    pub flags: Vec<(Ident, ProgFlags)>,
    /// `packet_args = ...`.
    pub packet_args: PacketArgs,
    /// `ret = [lo, hi]`, with its value's tokens.
    pub ret: Option<(i64, i64)>,
    /// The tokens of `ret`'s value.
    pub ret_tokens: Option<Expr>,
    /// `ret_for = [attach = [lo, hi], ..]`.
    pub ret_for: Vec<(AttachType, i64, i64)>,
    /// `void_ret_for = [attach = [lo, hi], ..]`.
    pub void_ret_for: Vec<(AttachType, i64, i64)>,
    /// `flags_for = [attach = [words], ..]`.
    pub flags_for: Vec<(AttachType, Vec<ProgFlags>)>,
    /// `ctx_args = ["u64", ..]`: what a global function's `__arg_ctx`
    /// parameter may point to besides `void` and the context's struct.
    pub ctx_args: Vec<LitStr>,
    /// `ctx_args_for = [attach = ["u64", ..], ..]`.
    pub ctx_args_for: Vec<(AttachType, Vec<LitStr>)>,
    /// `default_attach = x`: what the kernel loads a program of this type
    /// given no attach type as.
    pub default_attach: Option<AttachType>,
    /// `helpers = [..]`.
    pub helpers: Vec<Ident>,
    /// `kfuncs = [..]`.
    pub kfuncs: Vec<Ident>,
    /// `#[sec(...)]` attributes.
    pub sections: Vec<Sec>,
}

/// One `#[sec("pattern", words)]`.
pub struct Sec {
    /// The pattern.
    pub pattern: LitStr,
    /// `sleepable`.
    pub sleepable: bool,
    /// `iter`.
    pub iter: bool,
    /// `attach = x`.
    pub attach: Option<AttachType>,
}

const KEYS: &[&str] = &[
    "id",
    "name",
    "kernel",
    "ctx",
    "kern_ctx",
    "func_proto",
    "gpl_only",
    "sleepable_only",
    "show",
    "hide",
    "only",
    "write",
    "kernel_write",
    "packet_args",
    "ret",
    "ret_for",
    "void_ret_for",
    "flags_for",
    "ctx_args",
    "ctx_args_for",
    "default_attach",
    "helpers",
    "kfuncs",
];

impl ProgType {
    /// Parses the declaration; `None` when it is too broken to describe.
    pub fn parse(mut item: ItemStruct, args: TokenStream, errors: &mut Errors) -> Option<ProgType> {
        if !matches!(item.fields, syn::Fields::Unit) {
            errors.at(
                &item.ident,
                "a program type is a unit struct: `pub struct SchedCls;`",
            );
        }
        let sections = sections(&mut item, errors);
        let metas = crate::attr::words(args, errors)?;
        let mut d = ProgType {
            item,
            id: 0,
            name: String::new(),
            kernel_name: String::new(),
            ctx: None,
            kern_ctx: None,
            func_proto: None,
            gpl_only: None,
            sleepable_only: None,
            show: Vec::new(),
            hide: Vec::new(),
            only: Vec::new(),
            write: Vec::new(),
            kernel_write: None,
            flags: Vec::new(),
            packet_args: PacketArgs::Never,
            ret: None,
            ret_tokens: None,
            ret_for: Vec::new(),
            void_ret_for: Vec::new(),
            flags_for: Vec::new(),
            ctx_args: Vec::new(),
            ctx_args_for: Vec::new(),
            default_attach: None,
            helpers: Vec::new(),
            kfuncs: Vec::new(),
            sections,
        };
        let mut seen = HashSet::new();
        let mut id = None;
        let mut name = None;
        let mut kernel = None;
        for meta in &metas {
            let key = meta.key();
            if !seen.insert(key.to_string()) {
                errors.at(key, format!("duplicate `{key}`: it is already given"));
                continue;
            }
            match meta {
                Meta::Value(k, v) if k == "id" => match expr_int(v) {
                    Some(n) if (1..=Kernel::MAX_ID as i64).contains(&n) => id = Some((v, n as u8)),
                    _ => errors.at(
                        v,
                        format!(
                            "expected the program type's number, from 1 to {}",
                            Kernel::MAX_ID
                        ),
                    ),
                },
                Meta::Value(k, v) if k == "name" => match expr_ident(v) {
                    Some(n) => name = Some(n.clone()),
                    None => errors.at(v, "expected the program type's name, such as `xdp`"),
                },
                Meta::Value(k, v) if k == "kernel" => match expr_ident(v) {
                    Some(n) => kernel = Some(n.clone()),
                    None => errors.at(v, "expected the enumerator, such as `BPF_PROG_TYPE_XDP`"),
                },
                Meta::Value(k, v) if k == "ctx" => match v {
                    Expr::Path(p) => d.ctx = Some(p.path.clone()),
                    other => errors.at(other, "expected the `#[context]` struct, such as `SkBuff`"),
                },
                Meta::Value(k, v) if k == "kern_ctx" => match expr_ident(v) {
                    Some(n) => d.kern_ctx = Some(n.clone()),
                    None => errors.at(v, "expected a kernel struct name, such as `sk_buff`"),
                },
                Meta::Value(k, v) if k == "func_proto" => match expr_ident(v) {
                    Some(n) => d.func_proto = Some(n.clone()),
                    None => errors.at(v, "expected a kernel function, such as `xdp_func_proto`"),
                },
                Meta::Value(k, v) if k == "gpl_only" => d.gpl_only = kernel_term(v, errors),
                Meta::Value(k, v) if k == "sleepable_only" => {
                    d.sleepable_only = kernel_term(v, errors)
                }
                Meta::Value(k, v) if k == "show" => d.show = idents(v, "a context field", errors),
                Meta::Value(k, v) if k == "hide" => d.hide = idents(v, "a context field", errors),
                Meta::Value(k, v) if k == "only" => d.only = idents(v, "a context field", errors),
                Meta::Value(k, v) if k == "write" => d.write = idents(v, "a context field", errors),
                Meta::Value(k, v) if k == "kernel_write" => {
                    d.kernel_write = write_rule::parse(v, errors)
                }
                Meta::Value(k, v) if k == "helpers" => d.helpers = idents(v, "a helper", errors),
                Meta::Value(k, v) if k == "kfuncs" => d.kfuncs = idents(v, "a kfunc", errors),
                Meta::Value(k, v) if k == "packet_args" => {
                    let w = expr_ident(v).map(ToString::to_string).unwrap_or_default();
                    match PacketArgs::ALL.iter().find(|(_, n)| *n == w) {
                        Some((p, _)) => d.packet_args = *p,
                        None => errors.at(
                            v,
                            format!(
                                "unknown packet argument rule `{w}`{}",
                                hint(&w, PacketArgs::ALL.iter().map(|(_, n)| *n))
                            ),
                        ),
                    }
                }
                Meta::Value(k, v) if k == "ret" => {
                    d.ret = ret_range(v, errors);
                    d.ret_tokens = Some(v.clone());
                }
                Meta::Value(k, v) if k == "ret_for" => d.ret_for = ret_for(v, errors),
                Meta::Value(k, v) if k == "void_ret_for" => d.void_ret_for = ret_for(v, errors),
                Meta::Value(k, v) if k == "flags_for" => d.flags_for = flags_for(v, errors),
                Meta::Value(k, v) if k == "ctx_args" => d.ctx_args = ctx_args(v, errors),
                Meta::Value(k, v) if k == "ctx_args_for" => {
                    d.ctx_args_for = per_attach(v, "attach_type = [pointees]", errors)
                        .into_iter()
                        .map(|(a, e)| (a, ctx_args(e, errors)))
                        .collect()
                }
                Meta::Value(k, v) if k == "default_attach" => {
                    d.default_attach = attach_type(v, errors)
                }
                Meta::Word(w) => match ProgFlags::ALL.iter().find(|(_, n)| w == n) {
                    Some((f, _)) => d.flags.push((w.clone(), *f)),
                    None => errors.at(
                        w,
                        format!(
                            "unknown program type property `{w}`{}",
                            hint(&w.to_string(), words())
                        ),
                    ),
                },
                other => {
                    let k = other.key();
                    errors.at(
                        k,
                        format!(
                            "unknown program type attribute `{k}`{}",
                            hint(&k.to_string(), words())
                        ),
                    );
                }
            }
        }
        let Some((id_tok, id)) = id else {
            errors.at(
                &d.item.ident,
                "a program type needs its number: `#[prog_type(id = N)]`",
            );
            return Some(d);
        };
        d.number_and_names(id_tok, id, name, kernel, errors);
        d.contradictions(errors);
        Some(d)
    }

    /// Sets the number and the names. A kernel number has the kernel's
    /// names, which `name` may only repeat; any other number needs a `name`.
    fn number_and_names(
        &mut self,
        id_tok: &Expr,
        id: u8,
        name: Option<Ident>,
        kernel: Option<Ident>,
        errors: &mut Errors,
    ) {
        self.id = id;
        let known = Kernel::from_u32(id as u32);
        match (known, &name) {
            (Some(k), Some(n)) if n != k.name() => errors.at(
                n,
                format!("program type {id} is `{}` in the kernel", k.name()),
            ),
            (None, None) => errors.at(
                id_tok,
                format!("program type {id} is not the kernel's: give it a `name`"),
            ),
            _ => {}
        }
        self.name = name.map_or_else(
            || known.map_or("", |k| k.name()).to_string(),
            |n| n.to_string(),
        );
        self.kernel_name = kernel.map_or_else(
            || known.map_or_else(String::new, |k| k.kernel_name().to_string()),
            |k| k.to_string(),
        );
    }

    /// Claims that contradict each other, each reported at its token.
    fn contradictions(&self, errors: &mut Errors) {
        if let Some(first) = self
            .only
            .first()
            .filter(|_| !self.hide.is_empty() || !self.show.is_empty())
        {
            errors.at(
                first,
                "`only` lists every visible field: it cannot be combined with `show` or `hide`",
            );
        }
        for w in &self.write {
            if self.hide.contains(w) || (!self.only.is_empty() && !self.only.contains(w)) {
                errors.at(w, format!("`{w}` is hidden, so it cannot be written"));
            }
        }
        for s in &self.show {
            if self.hide.contains(s) {
                errors.at(s, format!("`{s}` is both shown and hidden"));
            }
        }
        let named = self.show.iter().chain(&self.hide).chain(&self.only);
        if self.ctx.is_none()
            && let Some(f) = named.chain(&self.write).next()
        {
            errors.at(f, "fields are named only with a context: add `ctx = ...`");
        }
        if let (Some((lo, hi)), Some(tokens)) =
            (self.ret.filter(|(lo, hi)| lo > hi), &self.ret_tokens)
        {
            errors.at(tokens, format!("the return range [{lo}, {hi}] is empty"));
        }
        let has = |f: ProgFlags| self.flags.iter().any(|(_, g)| *g == f);
        if let Some((w, _)) = self
            .flags
            .iter()
            .find(|(_, f)| *f == ProgFlags::PACKET_WRITE)
            && self.packet_args == PacketArgs::Never
        {
            errors.at(
                w,
                "`packet_write` needs packet access: give `packet_args = declared` or `always`",
            );
        }
        if has(ProgFlags::SOCKMAP_UPDATE) && has(ProgFlags::SOCKMAP_REMOVE) {
            let (w, _) = self
                .flags
                .iter()
                .find(|(_, f)| *f == ProgFlags::SOCKMAP_REMOVE)
                .expect("given");
            errors.at(w, "`sockmap_update` already allows removing sockets");
        }
    }
}

fn words() -> impl Iterator<Item = &'static str> {
    KEYS.iter()
        .copied()
        .chain(ProgFlags::ALL.iter().map(|(_, n)| *n))
}

fn idents(v: &Expr, what: &str, errors: &mut Errors) -> Vec<Ident> {
    expr_list(v)
        .into_iter()
        .filter_map(|e| match expr_ident(e) {
            Some(i) => Some(i.clone()),
            None => {
                errors.at(e, format!("expected {what}'s name"));
                None
            }
        })
        .collect()
}

fn ret_for(v: &Expr, errors: &mut Errors) -> Vec<(AttachType, i64, i64)> {
    per_attach(v, "attach_type = [lo, hi]", errors)
        .into_iter()
        .filter_map(|(attach, right)| ret_range(right, errors).map(|(lo, hi)| (attach, lo, hi)))
        .collect()
}

/// `[attach = value, ..]`: each attach type with its value's tokens.
fn per_attach<'a>(v: &'a Expr, shape: &str, errors: &mut Errors) -> Vec<(AttachType, &'a Expr)> {
    let mut out = Vec::new();
    for item in expr_list(v) {
        let Expr::Assign(a) = item else {
            errors.at(item, format!("expected `{shape}`"));
            continue;
        };
        if let Some(attach) = attach_type(&a.left, errors) {
            out.push((attach, &*a.right));
        }
    }
    out
}

/// `[attach = [word, ..], ..]`: properties only programs attached so have.
fn flags_for(v: &Expr, errors: &mut Errors) -> Vec<(AttachType, Vec<ProgFlags>)> {
    per_attach(v, "attach_type = [properties]", errors)
        .into_iter()
        .map(|(attach, right)| {
            let flags = idents(right, "a property", errors)
                .into_iter()
                .filter_map(|w| match ProgFlags::ALL.iter().find(|(_, n)| w == n) {
                    Some((f, _)) => Some(*f),
                    None => {
                        errors.at(
                            &w,
                            format!(
                                "unknown program type property `{w}`{}",
                                hint(&w.to_string(), ProgFlags::ALL.iter().map(|(_, n)| *n))
                            ),
                        );
                        None
                    }
                })
                .collect();
            (attach, flags)
        })
        .collect()
}

/// `["u64", "struct pt_regs", ..]`: pointees of a global function's
/// `__arg_ctx` parameter, each spelt as [`CtxArgAlias::split`] reads it.
fn ctx_args(v: &Expr, errors: &mut Errors) -> Vec<LitStr> {
    let mut out = Vec::new();
    for item in expr_list(v) {
        match item {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) if CtxArgAlias::split(&text.value()).is_some() => out.push(text.clone()),
            other => errors.at(
                other,
                "expected a context argument's pointee: `\"*\"`, `\"u64\"`, `\"struct NAME\"` (`NAME*` for a prefix) or `\"typedef NAME\"`",
            ),
        }
    }
    out
}

/// The `#[sec(...)]` attributes, removed from the item.
fn sections(item: &mut ItemStruct, errors: &mut Errors) -> Vec<Sec> {
    let mut out = Vec::new();
    for attr in item.attrs.iter().filter(|a| a.path().is_ident("sec")) {
        let parsed = attr.parse_args_with(|input: syn::parse::ParseStream| {
            let pattern: LitStr = input.parse()?;
            let rest = if input.is_empty() {
                Vec::new()
            } else {
                input.parse::<syn::Token![,]>()?;
                crate::attr::parse_meta_list(input)?
            };
            Ok((pattern, rest))
        });
        let (pattern, rest) = match parsed {
            Ok(p) => p,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let mut sec = Sec {
            pattern,
            sleepable: false,
            iter: false,
            attach: None,
        };
        for meta in &rest {
            match meta {
                Meta::Word(w) if w == "sleepable" => sec.sleepable = true,
                Meta::Word(w) if w == "iter" => sec.iter = true,
                Meta::Value(k, v) if k == "attach" => sec.attach = attach_type(v, errors),
                other => errors.at(
                    other.key(),
                    format!(
                        "unknown section property `{}`{}",
                        other.key(),
                        hint(&other.key().to_string(), ["sleepable", "iter", "attach"])
                    ),
                ),
            }
        }
        out.push(sec);
    }
    item.attrs.retain(|a| !a.path().is_ident("sec"));
    out
}

/// How the kernel's messages name programs of a type: a non-empty string.
fn kernel_term(v: &Expr, errors: &mut Errors) -> Option<LitStr> {
    match v {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) if !text.value().is_empty() => Some(text.clone()),
        _ => {
            errors.at(
                v,
                "expected how the kernel names these programs, such as `\"struct ops\"`",
            );
            None
        }
    }
}
