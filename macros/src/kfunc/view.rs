//! The typed view of a kfunc declaration, read from its signature and its
//! attribute. A word that cannot be read (unknown, malformed, repeated, a
//! parameter that does not exist) is reported here at its token.

use super::rules;
use crate::attr::{Meta, attach_types, expr_ident, expr_int, expr_list, parse_args, prog_types};
use crate::errors::{Errors, hint};
use kfreg_vocab::{ArgKind, AttachType, DynptrInit, Flags, ProgType};
use proc_macro2::TokenStream;
use std::collections::HashSet;
use syn::{Expr, ExprRange, FnArg, Ident, ItemFn, Pat, ReturnType, Signature, Type};

/// The attribute's keys besides the flags.
const KEYS: &[&str] = &[
    "family",
    "takes",
    "ret",
    "prog_types",
    "attach",
    "callback",
    "dynptr",
];

/// The forms of `ret = ..`, each with how many parameters it names.
const RET_FORMS: &[(&str, usize)] = &[
    ("new_obj", 1),
    ("new_percpu_obj", 1),
    ("like", 1),
    ("kern_ctx", 0),
    ("cast", 1),
    ("dynptr_slice", 2),
    ("dynptr_slice_rdwr", 2),
    ("untrusted", 0),
    ("writable", 0),
];

/// The options of `callback(PARAM, ..)` after the parameter.
const CALLBACK_OPTIONS: [&str; 5] = ["sync", "async", "sleepable", "args", "range"];

/// A parsed kfunc: the signature and the claims of the attribute, each claim
/// with the token that made it so a rule can point there.
pub struct Kfunc {
    /// The definition as written.
    pub func: ItemFn,
    /// Parameter names and types.
    pub params: Vec<(Ident, Type)>,
    /// The return type (`()` when none is written).
    pub ret: Type,
    /// The flags given.
    pub flags: Vec<(Ident, Flags)>,
    /// `family = NAME`.
    pub family: Option<syn::Path>,
    /// `takes = [..]`: argument kinds some parameter must have.
    pub takes: Vec<(Ident, ArgKind)>,
    /// `ret = ..`, with the form's token.
    pub ret_claim: Option<(Ident, RetClaim)>,
    /// `prog_types = ..`; `Some(None)` is `any`.
    pub prog_types: Option<Option<Vec<ProgType>>>,
    /// `attach = [..]`: the attach types a set filter keeps it to.
    pub attach: Vec<AttachType>,
    /// One `callback(..)` per callback parameter.
    pub callbacks: Vec<CallbackClaim>,
    /// `dynptr = ..`: how it initialises its uninitialised dynptr.
    pub dynptr: Option<(Ident, DynptrInit)>,
}

/// What `ret = ..` says the kfunc returns; parameters by index.
pub enum RetClaim {
    /// `new_obj(P)`, `new_percpu_obj(P)`: a new object of the type the constant `P` names.
    NewObject { arg: usize, percpu: bool },
    /// `like(P)`: an object of the same type as `P`.
    Like { arg: usize },
    /// `kern_ctx`: the kernel's side of the program's context.
    KernCtx,
    /// `cast(P)`: an untrusted pointer to the type the constant `P` names.
    Cast { arg: usize },
    /// `dynptr_slice(D, S)`, `dynptr_slice_rdwr(D, S)`: `S` bytes of dynptr `D`.
    Slice {
        dynptr: usize,
        size: usize,
        writable: bool,
    },
    /// `untrusted`: an object that must not be trusted.
    Untrusted,
    /// `writable`: memory the program may write, not only read.
    Writable,
}

/// `callback(PARAM, sync|async, ..)`: how the kfunc calls a callback parameter.
pub struct CallbackClaim {
    /// The `callback` token.
    pub key: Ident,
    /// The index of the callback parameter.
    pub arg: usize,
    /// `sync`: called during the kfunc call; `async`: later.
    pub sync: bool,
    /// `sleepable`.
    pub sleepable: bool,
    /// `args = ..`: what the callee is passed.
    pub args: CallbackArgsClaim,
    /// `range = lo..=hi`: what the callee may return.
    pub range: Option<(i64, i64)>,
}

/// `args = ..` of a callback.
pub enum CallbackArgsClaim {
    /// `nodes`: nodes of the kfunc's graph root, with the word's token.
    Nodes(Ident),
    /// `map_value(P)`: the map pointer, key and value of the map `P` lives in.
    MapValue(usize),
    /// `scalars`, the default.
    Scalars,
}

/// The options of one `callback(..)`, as read so far.
struct CallbackOptions {
    /// `sync` or `async`, with its token.
    mode: Option<(Ident, bool)>,
    sleepable: Option<Ident>,
    args: CallbackArgsClaim,
    range: Option<(i64, i64)>,
}

impl Kfunc {
    /// Reads the declaration, reporting every misuse; the signature's rules
    /// come first and the contradictions between claims last.
    pub fn parse(func: ItemFn, args: TokenStream, errors: &mut Errors) -> Kfunc {
        rules::signature(&func.sig, errors);
        let params = params(&func.sig, errors);
        let ret = match &func.sig.output {
            ReturnType::Default => syn::parse_quote!(()),
            ReturnType::Type(_, ty) => (**ty).clone(),
        };
        let mut k = Kfunc {
            func,
            params,
            ret,
            flags: Vec::new(),
            family: None,
            takes: Vec::new(),
            ret_claim: None,
            prog_types: None,
            attach: Vec::new(),
            callbacks: Vec::new(),
            dynptr: None,
        };
        let metas = match parse_args(args) {
            Ok(m) => m,
            Err(e) => {
                errors.push(e);
                return k;
            }
        };
        let mut seen = HashSet::new();
        for meta in &metas {
            let key = meta.key();
            // Each callback parameter has a `callback(..)` of its own.
            if key != "callback" && !seen.insert(key.to_string()) {
                errors.at(key, format!("duplicate `{key}`: it is already given"));
                continue;
            }
            k.claim(meta, errors);
        }
        k.contradictions(errors);
        k
    }

    /// The kfunc's name.
    pub fn name(&self) -> &Ident {
        &self.func.sig.ident
    }

    /// The token of `flag`, if given.
    pub fn flag(&self, flag: Flags) -> Option<&Ident> {
        self.flags.iter().find(|(_, f)| *f == flag).map(|(i, _)| i)
    }

    /// The index of the parameter `expr` names.
    fn arg(&self, expr: &Expr, errors: &mut Errors) -> Option<usize> {
        let Some(ident) = expr_ident(expr) else {
            errors.at(expr, "expected a parameter name");
            return None;
        };
        let found = self.params.iter().position(|(p, _)| p == ident);
        if found.is_none() {
            let names: Vec<String> = self.params.iter().map(|(p, _)| p.to_string()).collect();
            errors.at(
                ident,
                format!(
                    "`{}` has no parameter `{ident}`{}",
                    self.name(),
                    hint(&ident.to_string(), names.iter().map(String::as_str))
                ),
            );
        }
        found
    }

    /// One item of the attribute: a flag or a key.
    fn claim(&mut self, meta: &Meta, errors: &mut Errors) {
        let key = meta.key().clone();
        let name = key.to_string();
        if let Some(flag) = Flags::from_name(&name) {
            match meta {
                Meta::Word(_) => self.flags.push((key, flag)),
                _ => errors.at(&key, format!("`{name}` is a flag and takes no value")),
            }
            return;
        }
        if !KEYS.contains(&name.as_str()) {
            let words = Flags::ALL
                .iter()
                .map(|(_, n, _)| *n)
                .chain(KEYS.iter().copied());
            errors.at(
                &key,
                format!("unknown kfunc attribute `{name}`{}", hint(&name, words)),
            );
            return;
        }
        match (name.as_str(), meta) {
            ("callback", Meta::List(_, items)) => self.claim_callback(&key, items, errors),
            ("callback", _) => errors.at(&key, "expected `callback(PARAM, sync|async, ...)`"),
            (_, Meta::Value(_, value)) => self.claim_value(&key, value, errors),
            _ => errors.at(&key, format!("`{name}` needs a value: `{name} = ...`")),
        }
    }

    /// `key = value`, `key` one of [`KEYS`] and given once.
    fn claim_value(&mut self, key: &Ident, value: &Expr, errors: &mut Errors) {
        match key.to_string().as_str() {
            "family" => self.family = family(value, errors),
            "takes" => self.takes = takes(value, errors),
            "ret" => self.ret_claim = self.read_ret(value, errors),
            "prog_types" => {
                rules::prog_types_not_empty(value, errors);
                self.prog_types = Some(prog_types(value, errors));
            }
            "attach" => self.attach = attach_types(value, errors),
            "dynptr" => self.dynptr = dynptr(value, errors),
            _ => unreachable!("KEYS lists only handled keys"),
        }
    }

    /// `ret = form` or `ret = form(PARAM, ..)`.
    fn read_ret(&self, value: &Expr, errors: &mut Errors) -> Option<(Ident, RetClaim)> {
        let (word, args) = ret_form(value, errors)?;
        let form = word.to_string();
        let Some(&(_, arity)) = RET_FORMS.iter().find(|(f, _)| *f == form) else {
            let forms = RET_FORMS.iter().map(|(f, _)| *f);
            errors.at(
                word,
                format!("unknown return form `{form}`{}", hint(&form, forms)),
            );
            return None;
        };
        if args.len() != arity {
            errors.at(
                value,
                format!(
                    "`ret = {form}` takes {arity} parameter name(s), got {}",
                    args.len()
                ),
            );
            return None;
        }
        // Every name is looked up, so each unknown one is reported.
        let idx: Vec<Option<usize>> = args.iter().map(|a| self.arg(a, errors)).collect();
        let idx: Vec<usize> = idx.into_iter().collect::<Option<_>>()?;
        Some((word.clone(), RetClaim::new(&form, &idx)))
    }

    /// `callback(PARAM, sync|async, sleepable, args = .., range = ..)`.
    fn claim_callback(&mut self, key: &Ident, items: &[Meta], errors: &mut Errors) {
        let mut items = items.iter();
        let arg = match items.next() {
            Some(Meta::Word(p)) => {
                let expr: Expr = syn::parse_quote!(#p);
                self.arg(&expr, errors)
            }
            _ => {
                errors.at(
                    key,
                    "expected `callback(PARAM, sync|async, ...)`: name the parameter first",
                );
                None
            }
        };
        let options = self.callback_options(items, errors);
        let Some((_, sync)) = options.mode else {
            errors.at(
                key,
                "say when the callback runs: `sync` (during the call) or `async` (later)",
            );
            return;
        };
        rules::sleepable_is_async(sync, options.sleepable.as_ref(), errors);
        let Some(arg) = arg else {
            return;
        };
        if self.callbacks.iter().any(|c| c.arg == arg) {
            errors.at(key, "this parameter already has a `callback(...)`");
        }
        self.callbacks.push(CallbackClaim {
            key: key.clone(),
            arg,
            sync,
            sleepable: options.sleepable.is_some(),
            args: options.args,
            range: options.range,
        });
    }

    /// The options of a `callback(..)` after its parameter.
    fn callback_options<'a>(
        &self,
        items: impl Iterator<Item = &'a Meta>,
        errors: &mut Errors,
    ) -> CallbackOptions {
        let mut options = CallbackOptions {
            mode: None,
            sleepable: None,
            args: CallbackArgsClaim::Scalars,
            range: None,
        };
        for item in items {
            let word = item.key().to_string();
            match (word.as_str(), item) {
                ("sync" | "async", Meta::Word(w)) => {
                    if let Some((first, _)) = &options.mode {
                        errors.at(
                            w,
                            format!("callback is already `{first}`: it is either sync or async"),
                        );
                    }
                    options.mode = Some((w.clone(), word == "sync"));
                }
                ("sleepable", Meta::Word(w)) => options.sleepable = Some(w.clone()),
                ("args", Meta::Value(_, v)) => options.args = self.callback_args(v, errors),
                ("range", Meta::Value(_, Expr::Range(r))) => {
                    options.range = callback_range(r, errors).or(options.range)
                }
                _ => errors.at(
                    item.key(),
                    format!(
                        "unknown callback option `{word}`{}",
                        hint(&word, CALLBACK_OPTIONS)
                    ),
                ),
            }
        }
        options
    }

    /// `args = nodes`, `args = scalars` or `args = map_value(PARAM)`.
    fn callback_args(&self, v: &Expr, errors: &mut Errors) -> CallbackArgsClaim {
        match expr_ident(v) {
            Some(w) if w == "nodes" => return CallbackArgsClaim::Nodes(w.clone()),
            Some(w) if w == "scalars" => return CallbackArgsClaim::Scalars,
            _ => {}
        }
        if let Expr::Call(c) = v
            && expr_ident(&c.func).is_some_and(|f| f == "map_value")
            && c.args.len() == 1
        {
            return match self.arg(&c.args[0], errors) {
                Some(i) => CallbackArgsClaim::MapValue(i),
                None => CallbackArgsClaim::Scalars,
            };
        }
        errors.at(
            v,
            "expected `args = nodes`, `args = scalars` or `args = map_value(PARAM)`",
        );
        CallbackArgsClaim::Scalars
    }
}

impl RetClaim {
    /// The claim of `ret = form(..)`, `form` one of [`RET_FORMS`] and `args`
    /// the indices of the parameters it names.
    fn new(form: &str, args: &[usize]) -> RetClaim {
        match form {
            "new_obj" | "new_percpu_obj" => RetClaim::NewObject {
                arg: args[0],
                percpu: form == "new_percpu_obj",
            },
            "like" => RetClaim::Like { arg: args[0] },
            "cast" => RetClaim::Cast { arg: args[0] },
            "kern_ctx" => RetClaim::KernCtx,
            "untrusted" => RetClaim::Untrusted,
            "writable" => RetClaim::Writable,
            "dynptr_slice" | "dynptr_slice_rdwr" => RetClaim::Slice {
                dynptr: args[0],
                size: args[1],
                writable: form == "dynptr_slice_rdwr",
            },
            _ => unreachable!("RET_FORMS lists only handled forms"),
        }
    }
}

/// The parameters, each a plain name: the name is part of the C prototype.
fn params(sig: &Signature, errors: &mut Errors) -> Vec<(Ident, Type)> {
    let mut params = Vec::new();
    for (i, input) in sig.inputs.iter().enumerate() {
        match input {
            FnArg::Receiver(r) => errors.at(
                r,
                "a kfunc cannot be a method: BPF calls free functions, remove `self`",
            ),
            FnArg::Typed(t) => {
                rules::arg_in_register(i, t, errors);
                match &*t.pat {
                    Pat::Ident(p) if p.subpat.is_none() => {
                        params.push((p.ident.clone(), (*t.ty).clone()))
                    }
                    other => errors.at(
                        other,
                        "kfunc parameters must be plain identifiers: the name is part of the prototype",
                    ),
                }
            }
        }
    }
    params
}

/// `family = NAME`.
fn family(value: &Expr, errors: &mut Errors) -> Option<syn::Path> {
    match value {
        Expr::Path(p) => Some(p.path.clone()),
        other => {
            errors.at(other, "expected a family name: `family = list`");
            None
        }
    }
}

/// `takes = [kinds]`: the known kinds, every other word reported.
fn takes(value: &Expr, errors: &mut Errors) -> Vec<(Ident, ArgKind)> {
    let mut takes = Vec::new();
    for item in expr_list(value) {
        let Some(ident) = expr_ident(item) else {
            errors.at(item, "expected an argument kind such as `list_node`");
            continue;
        };
        let word = ident.to_string();
        match ArgKind::from_name(&word) {
            Some(ArgKind::Null) => errors.at(
                ident,
                "`null` is not declared: wrap the parameter in `Nullable<...>` and the \
                 verifier classifies a NULL argument itself",
            ),
            Some(kind) => takes.push((ident.clone(), kind)),
            None => errors.at(
                ident,
                format!(
                    "unknown argument kind `{word}`{}",
                    hint(&word, ArgKind::ALL.iter().map(|k| k.name()))
                ),
            ),
        }
    }
    takes
}

/// `dynptr = type`.
fn dynptr(value: &Expr, errors: &mut Errors) -> Option<(Ident, DynptrInit)> {
    let Some(ident) = expr_ident(value) else {
        errors.at(value, "expected a dynptr type such as `skb`");
        return None;
    };
    let word = ident.to_string();
    let found = DynptrInit::from_name(&word);
    if found.is_none() {
        errors.at(
            ident,
            format!(
                "unknown dynptr type `{word}`{}",
                hint(&word, DynptrInit::ALL.iter().map(|d| d.name()))
            ),
        );
    }
    found.map(|d| (ident.clone(), d))
}

/// The word of `ret = word` or `ret = word(args)`, and the args.
fn ret_form<'a>(value: &'a Expr, errors: &mut Errors) -> Option<(&'a Ident, Vec<&'a Expr>)> {
    let (word, args, example) = match value {
        Expr::Call(c) => (&*c.func, c.args.iter().collect(), "`new_obj(type_id)`"),
        other => (other, Vec::new(), "`kern_ctx`"),
    };
    let Some(ident) = expr_ident(word) else {
        errors.at(word, format!("expected a return form such as {example}"));
        return None;
    };
    Some((ident, args))
}

/// `range = lo..=hi`: what a callback may return.
fn callback_range(r: &ExprRange, errors: &mut Errors) -> Option<(i64, i64)> {
    let lo = r.start.as_deref().and_then(expr_int);
    let hi = r.end.as_deref().and_then(expr_int);
    match (lo, hi, &r.limits) {
        (Some(lo), Some(hi), syn::RangeLimits::Closed(_)) if lo <= hi => Some((lo, hi)),
        _ => {
            errors.at(r, "expected an inclusive integer range such as `0..=1`");
            None
        }
    }
}
