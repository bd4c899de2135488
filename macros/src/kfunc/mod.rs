//! `#[kfunc(...)]`: parse, validate, expand.

use crate::assertion::{assert_at, first_span};
use crate::attr::{Meta, expr_ident, expr_int, expr_list, parse_args, prog_types};
use crate::descriptor::{attach_type_set, first_doc_line, location, prog_type_set, variant};
use crate::errors::{Errors, hint};
use kfreg_vocab::{ArgKind, AttachType, DynptrInit, Flags, ProgType};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use std::collections::HashMap;
use syn::spanned::Spanned;
use syn::{Expr, FnArg, Ident, ItemFn, Pat, ReturnType, Type};

/// BPF passes at most five arguments in registers.
const MAX_ARGS: usize = 5;

const KEYS: &[&str] = &[
    "family",
    "takes",
    "ret",
    "prog_types",
    "attach",
    "callback",
    "dynptr",
];

/// A parsed kfunc: the signature and the claims of the attribute.
struct Kfunc {
    func: ItemFn,
    params: Vec<(Ident, Type)>,
    ret: Type,
    flags: Vec<(Ident, Flags)>,
    family: Option<syn::Path>,
    takes: Vec<(Ident, ArgKind)>,
    ret_claim: Option<(Ident, RetClaim)>,
    /// `Some(None)` is `any`.
    prog_types: Option<Option<Vec<ProgType>>>,
    /// `attach = [..]`: the attach types a set filter keeps it to.
    attach: Vec<AttachType>,
    callbacks: Vec<CallbackClaim>,
    dynptr: Option<(Ident, DynptrInit)>,
}

enum RetClaim {
    NewObject {
        arg: usize,
        percpu: bool,
    },
    Like {
        arg: usize,
    },
    KernCtx,
    Cast {
        arg: usize,
    },
    Slice {
        dynptr: usize,
        size: usize,
        writable: bool,
    },
    Untrusted,
}

struct CallbackClaim {
    key: Ident,
    arg: usize,
    sync: bool,
    sleepable: bool,
    args: CallbackArgsClaim,
    range: Option<(i64, i64)>,
}

enum CallbackArgsClaim {
    Nodes(Ident),
    MapValue(usize),
    Scalars,
}

/// Expands `#[kfunc(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    let func: ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(_) => {
            let err = syn::Error::new(
                Span::call_site(),
                "#[kfunc] applies to a free function `extern \"C\" fn`",
            );
            let err = err.to_compile_error();
            return quote!(#item #err);
        }
    };
    let mut errors = Errors::default();
    let parsed = parse(func, args, &mut errors);
    match parsed {
        Some(k) if errors.is_empty() => k.expand(),
        Some(k) => {
            let func = k.func;
            let errs = errors.into_compile_errors();
            quote!(#func #errs)
        }
        None => {
            let errs = errors.into_compile_errors();
            quote!(#item #errs)
        }
    }
}

fn parse(func: ItemFn, args: TokenStream, errors: &mut Errors) -> Option<Kfunc> {
    let (params, ret) = check_signature(&func, errors);
    let metas = match parse_args(args) {
        Ok(m) => m,
        Err(e) => {
            errors.push(e);
            return Some(Kfunc::bare(func, params, ret));
        }
    };
    let mut k = Kfunc::bare(func, params, ret);
    let mut seen: HashMap<String, ()> = HashMap::new();
    for meta in &metas {
        let key = meta.key();
        let name = key.to_string();
        if name != "callback" {
            if seen.contains_key(&name) {
                errors.at(key, format!("duplicate `{name}`: it is already given"));
                continue;
            }
            seen.insert(name.clone(), ());
        }
        k.claim(meta, errors);
    }
    k.check_claims(errors);
    Some(k)
}

fn check_signature(func: &ItemFn, errors: &mut Errors) -> (Vec<(Ident, Type)>, Type) {
    let sig = &func.sig;
    if let Some(a) = &sig.asyncness {
        errors.at(a, "a kfunc cannot be `async`: BPF calls it synchronously");
    }
    if !sig.generics.params.is_empty() {
        errors.at(
            &sig.generics,
            "a kfunc cannot be generic: it needs one C symbol and one BTF prototype",
        );
    }
    if let Some(w) = &sig.generics.where_clause {
        errors.at(w, "a kfunc cannot have a where clause");
    }
    if let Some(v) = &sig.variadic {
        errors.at(
            v,
            "a kfunc cannot be variadic: BPF passes a fixed number of register arguments",
        );
    }
    match &sig.abi {
        Some(abi) => match abi.name.as_ref().map(|n| n.value()) {
            Some(n) if n == "C" => {}
            _ => errors.at(abi, "a kfunc must use the C ABI: write `extern \"C\"`"),
        },
        None => errors.at(
            &sig.fn_token,
            "a kfunc must use the C ABI: write `extern \"C\" fn`",
        ),
    }
    let mut params = Vec::new();
    for (i, input) in sig.inputs.iter().enumerate() {
        match input {
            FnArg::Receiver(r) => errors.at(
                r,
                "a kfunc cannot be a method: BPF calls free functions, remove `self`",
            ),
            FnArg::Typed(t) => {
                if i == MAX_ARGS {
                    errors.at(
                        t,
                        format!(
                            "a kfunc takes at most {MAX_ARGS} arguments (BPF passes them in R1-R5); \
                             this is argument {}",
                            i + 1
                        ),
                    );
                }
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
    let ret = match &sig.output {
        ReturnType::Default => syn::parse_quote!(()),
        ReturnType::Type(_, ty) => (**ty).clone(),
    };
    (params, ret)
}

impl Kfunc {
    fn bare(func: ItemFn, params: Vec<(Ident, Type)>, ret: Type) -> Kfunc {
        Kfunc {
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
        }
    }

    fn name(&self) -> &Ident {
        &self.func.sig.ident
    }

    /// The index of the parameter `ident` names.
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

    fn claim_value(&mut self, key: &Ident, value: &Expr, errors: &mut Errors) {
        match key.to_string().as_str() {
            "family" => match value {
                Expr::Path(p) => self.family = Some(p.path.clone()),
                other => errors.at(other, "expected a family name: `family = list`"),
            },
            "takes" => {
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
                        Some(kind) => self.takes.push((ident.clone(), kind)),
                        None => errors.at(
                            ident,
                            format!(
                                "unknown argument kind `{word}`{}",
                                hint(&word, ArgKind::ALL.iter().map(|k| k.name()))
                            ),
                        ),
                    }
                }
            }
            "ret" => self.claim_ret(key, value, errors),
            "prog_types" => {
                if matches!(value, Expr::Array(a) if a.elems.is_empty()) {
                    errors.at(
                        value,
                        "`prog_types` is empty: the kfunc could never be called",
                    );
                }
                self.prog_types = Some(prog_types(value, errors));
            }
            "attach" => self.attach = crate::attr::attach_types(value, errors),
            "dynptr" => {
                let Some(ident) = expr_ident(value) else {
                    errors.at(value, "expected a dynptr type such as `skb`");
                    return;
                };
                let word = ident.to_string();
                match DynptrInit::from_name(&word) {
                    Some(d) => self.dynptr = Some((ident.clone(), d)),
                    None => errors.at(
                        ident,
                        format!(
                            "unknown dynptr type `{word}`{}",
                            hint(&word, DynptrInit::ALL.iter().map(|d| d.name()))
                        ),
                    ),
                }
            }
            _ => unreachable!("KEYS lists only handled keys"),
        }
    }

    fn claim_ret(&mut self, key: &Ident, value: &Expr, errors: &mut Errors) {
        const FORMS: &[&str] = &[
            "new_obj",
            "new_percpu_obj",
            "like",
            "kern_ctx",
            "cast",
            "dynptr_slice",
            "dynptr_slice_rdwr",
            "untrusted",
        ];
        let (word, args): (&Ident, Vec<&Expr>) = match value {
            Expr::Call(c) => match expr_ident(&c.func) {
                Some(w) => (w, c.args.iter().collect()),
                None => {
                    errors.at(&c.func, "expected a return form such as `new_obj(type_id)`");
                    return;
                }
            },
            other => match expr_ident(other) {
                Some(w) => (w, Vec::new()),
                None => {
                    errors.at(other, "expected a return form such as `kern_ctx`");
                    return;
                }
            },
        };
        let form = word.to_string();
        let arity = match form.as_str() {
            "new_obj" | "new_percpu_obj" | "like" | "cast" => 1,
            "dynptr_slice" | "dynptr_slice_rdwr" => 2,
            "kern_ctx" | "untrusted" => 0,
            _ => {
                errors.at(
                    word,
                    format!(
                        "unknown return form `{form}`{}",
                        hint(&form, FORMS.iter().copied())
                    ),
                );
                return;
            }
        };
        if args.len() != arity {
            errors.at(
                value,
                format!(
                    "`ret = {form}` takes {arity} parameter name(s), got {}",
                    args.len()
                ),
            );
            return;
        }
        let idx: Vec<Option<usize>> = args.iter().map(|a| self.arg(a, errors)).collect();
        if idx.iter().any(Option::is_none) {
            return;
        }
        let a = |i: usize| idx[i].unwrap_or_default();
        let claim = match form.as_str() {
            "new_obj" => RetClaim::NewObject {
                arg: a(0),
                percpu: false,
            },
            "new_percpu_obj" => RetClaim::NewObject {
                arg: a(0),
                percpu: true,
            },
            "like" => RetClaim::Like { arg: a(0) },
            "cast" => RetClaim::Cast { arg: a(0) },
            "kern_ctx" => RetClaim::KernCtx,
            "untrusted" => RetClaim::Untrusted,
            _ => RetClaim::Slice {
                dynptr: a(0),
                size: a(1),
                writable: form == "dynptr_slice_rdwr",
            },
        };
        let _ = key;
        self.ret_claim = Some((word.clone(), claim));
    }

    fn claim_callback(&mut self, key: &Ident, items: &[Meta], errors: &mut Errors) {
        let mut it = items.iter();
        let arg = match it.next() {
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
        let mut mode: Option<(Ident, bool)> = None;
        let mut sleepable = None;
        let mut args = CallbackArgsClaim::Scalars;
        let mut range = None;
        for item in it {
            let word = item.key().to_string();
            match (word.as_str(), item) {
                ("sync" | "async", Meta::Word(w)) => {
                    if let Some((first, _)) = &mode {
                        errors.at(
                            w,
                            format!("callback is already `{first}`: it is either sync or async"),
                        );
                    }
                    mode = Some((w.clone(), word == "sync"));
                }
                ("sleepable", Meta::Word(w)) => sleepable = Some(w.clone()),
                ("args", Meta::Value(_, v)) => {
                    args = match (v, expr_ident(v).map(ToString::to_string).as_deref()) {
                        (_, Some("nodes")) => CallbackArgsClaim::Nodes(
                            expr_ident(v).cloned().unwrap_or_else(|| key.clone()),
                        ),
                        (_, Some("scalars")) => CallbackArgsClaim::Scalars,
                        (Expr::Call(c), _)
                            if expr_ident(&c.func).is_some_and(|f| f == "map_value")
                                && c.args.len() == 1 =>
                        {
                            match self.arg(&c.args[0], errors) {
                                Some(i) => CallbackArgsClaim::MapValue(i),
                                None => CallbackArgsClaim::Scalars,
                            }
                        }
                        _ => {
                            errors.at(v, "expected `args = nodes`, `args = scalars` or `args = map_value(PARAM)`");
                            CallbackArgsClaim::Scalars
                        }
                    }
                }
                ("range", Meta::Value(_, Expr::Range(r))) => {
                    let lo = r.start.as_deref().and_then(expr_int);
                    let hi = r.end.as_deref().and_then(expr_int);
                    match (lo, hi, &r.limits) {
                        (Some(lo), Some(hi), syn::RangeLimits::Closed(_)) if lo <= hi => {
                            range = Some((lo, hi))
                        }
                        _ => errors.at(r, "expected an inclusive integer range such as `0..=1`"),
                    }
                }
                _ => {
                    let words = ["sync", "async", "sleepable", "args", "range"];
                    errors.at(
                        item.key(),
                        format!("unknown callback option `{word}`{}", hint(&word, words)),
                    )
                }
            }
        }
        let Some((mode_tok, sync)) = mode else {
            errors.at(
                key,
                "say when the callback runs: `sync` (during the call) or `async` (later)",
            );
            return;
        };
        if let (true, Some(s)) = (sync, &sleepable) {
            errors.at(s, "only an `async` callback can be `sleepable`: a sync one runs in the caller's context");
        }
        let _ = mode_tok;
        if let Some(arg) = arg {
            if self.callbacks.iter().any(|c| c.arg == arg) {
                errors.at(key, "this parameter already has a `callback(...)`");
            }
            self.callbacks.push(CallbackClaim {
                key: key.clone(),
                arg,
                sync,
                sleepable: sleepable.is_some(),
                args,
                range,
            });
        }
    }

    fn flag(&self, flag: Flags) -> Option<&Ident> {
        self.flags.iter().find(|(_, f)| *f == flag).map(|(i, _)| i)
    }

    /// Contradictions visible from the attribute alone.
    fn check_claims(&self, errors: &mut Errors) {
        let iter_ops: Vec<&Ident> = [Flags::ITER_NEW, Flags::ITER_NEXT, Flags::ITER_DESTROY]
            .into_iter()
            .filter_map(|f| self.flag(f))
            .collect();
        if let [first, rest @ ..] = iter_ops.as_slice() {
            for other in rest {
                errors.at(
                    *other,
                    format!("`{other}` contradicts `{first}`: a kfunc is at most one of iter_new, iter_next, iter_destroy"),
                );
            }
        }
        let pairs = [
            (
                Flags::ACQUIRE,
                Flags::RELEASE,
                "a kfunc either returns a new reference or consumes one",
            ),
            (
                Flags::RCU_LOCK,
                Flags::RCU_UNLOCK,
                "a kfunc enters or leaves the RCU read section, not both",
            ),
            (
                Flags::PREEMPT_DISABLE,
                Flags::PREEMPT_ENABLE,
                "a kfunc disables or enables preemption, not both",
            ),
            (
                Flags::IRQ_SAVE,
                Flags::IRQ_RESTORE,
                "a kfunc saves or restores IRQ flags, not both",
            ),
            (
                Flags::LOCK,
                Flags::UNLOCK,
                "a kfunc takes or releases a lock, not both",
            ),
            (
                Flags::SLEEPABLE,
                Flags::LOCK_SAFE,
                "a sleepable kfunc cannot be called while a spin lock is held",
            ),
        ];
        for (a, b, why) in pairs {
            if let (Some(x), Some(y)) = (self.flag(a), self.flag(b)) {
                errors.at(y, format!("`{y}` contradicts `{x}`: {why}"));
            }
        }
        if let (Some(next), None) = (self.flag(Flags::ITER_NEXT), self.flag(Flags::RET_NULL)) {
            errors.at(
                next,
                "`iter_next` needs `ret_null`: an iterator's next returns NULL when it is exhausted",
            );
        }
        if let (Some(n), None) = (
            self.flag(Flags::NULL_UNLESS_OWNING),
            self.flag(Flags::RET_NULL),
        ) {
            errors.at(n, "`null_unless_owning` refines `ret_null`: add `ret_null`");
        }
        if let (Some(t), Some(_)) = (self.flag(Flags::THROWS), self.flag(Flags::RET_NULL)) {
            errors.at(
                t,
                "a kfunc that `throws` never returns, so `ret_null` is meaningless",
            );
        }
        if let Some((tok, RetClaim::NewObject { .. } | RetClaim::Like { .. })) = &self.ret_claim
            && self.flag(Flags::ACQUIRE).is_none()
        {
            errors.at(
                tok,
                format!("`ret = {tok}(..)` returns a new reference: add `acquire`"),
            );
        }
    }

    fn expand(self) -> TokenStream {
        let func = &self.func;
        let name = self.name();
        let name_str = name.to_string();
        let doc = first_doc_line(&func.attrs);
        let n = self.params.len();
        let params = self.params.iter().map(|(p, ty)| {
            let p = p.to_string();
            let p = p.strip_prefix("r#").unwrap_or(&p);
            quote_spanned!(ty.span()=> ::kfreg::Param::new(#p, <#ty as ::kfreg::KfuncType>::SPEC))
        });
        let ret_ty = &self.ret;
        let ret_spec = quote_spanned!(ret_ty.span()=> <#ret_ty as ::kfreg::KfuncType>::SPEC);
        let flags = self.flags.iter().map(|(ident, _)| {
            let c = format_ident!("{}", ident.to_string().to_uppercase(), span = ident.span());
            quote!(.union(::kfreg::Flags::#c))
        });
        let family = match &self.family {
            Some(path) => {
                quote_spanned!(path.span()=> ::core::option::Option::Some(<#path as ::kfreg::Family>::DESC))
            }
            None => quote!(::core::option::Option::None),
        };
        let ret = match &self.ret_claim {
            None => quote!(::kfreg::Ret::derive(RET, &PARAMS)),
            Some((_, claim)) => claim.to_tokens(),
        };
        let callbacks = self.callbacks.iter().map(CallbackClaim::to_tokens);
        let dynptr = match &self.dynptr {
            Some((_, d)) => {
                let v = variant(d.name());
                quote!(::core::option::Option::Some(::kfreg::DynptrInit::#v))
            }
            None => quote!(::core::option::Option::None),
        };
        let prog_types = match &self.prog_types {
            None => quote!(::core::option::Option::None),
            Some(None) => quote!(::core::option::Option::Some(::kfreg::ProgTypes::ANY)),
            Some(Some(list)) => {
                let types = prog_type_set(list);
                quote!(::core::option::Option::Some(#types))
            }
        };
        let attach = attach_type_set(&self.attach);
        let location = location(name);
        let checks = self.type_checks();
        quote! {
            #func

            #[doc(hidden)]
            const _: () = {
                const PARAMS: [::kfreg::Param; #n] = ::kfreg::__private::pair_sizes([#(#params),*]);
                const RET: ::kfreg::TypeSpec = #ret_spec;
                const FLAGS: ::kfreg::Flags = ::kfreg::Flags::EMPTY #(#flags)*;
                static KFUNC: ::kfreg::Kfunc = ::kfreg::Kfunc {
                    name: #name_str,
                    doc: #doc,
                    family: #family,
                    flags: FLAGS,
                    params: &PARAMS,
                    ret_ty: RET.ty,
                    ret: #ret,
                    callbacks: &[#(#callbacks),*],
                    dynptr: #dynptr,
                    prog_types: #prog_types,
                    attach: #attach,
                    location: #location,
                };
                #checks
                ::kfreg::__private::inventory::submit! {
                    ::kfreg::__private::KfuncEntry(&KFUNC)
                }
            };
        }
    }

    /// Claims that need types: `const` assertions rustc evaluates, each
    /// spanned at the token that made the claim.
    fn type_checks(&self) -> TokenStream {
        let mut out = TokenStream::new();
        let mut check = |at: &dyn ToTokens, cond: TokenStream, msg: String| {
            out.extend(assert_at(first_span(at), cond, &msg));
        };
        let name = self.name();
        let n = self.params.len();
        if let Some(tok) = self.flag(Flags::RET_NULL) {
            check(
                tok,
                quote!(RET.ty.is_pointer()),
                format!(
                    "`ret_null` needs a pointer return type, but `{name}` returns a scalar or nothing"
                ),
            );
        }
        if let Some(tok) = self.flag(Flags::ACQUIRE) {
            check(
                tok,
                quote!(RET.ty.is_pointer()),
                format!(
                    "`acquire` needs a pointer return type: `{name}` must return the reference it acquires"
                ),
            );
        }
        if let Some(tok) = self.flag(Flags::RELEASE) {
            check(
                tok,
                quote!(::kfreg::__private::has_releasable(&PARAMS)),
                format!(
                    "`release` needs a releasable argument: no parameter of `{name}` is a kernel object, allocated object or refcounted pointer"
                ),
            );
        }
        if let Some(tok) = self.flag(Flags::NULL_UNLESS_OWNING) {
            check(
                tok,
                quote!(
                    ::kfreg::__private::count_kind(&PARAMS, ::kfreg::ArgKind::RefcountedKptr) == 1
                ),
                "`null_unless_owning` needs exactly one `Refcounted` parameter".into(),
            );
        }
        for flag in [Flags::ITER_NEW, Flags::ITER_NEXT, Flags::ITER_DESTROY] {
            if let Some(tok) = self.flag(flag) {
                check(
                    tok,
                    quote!(#n > 0 && ::kfreg::__private::same_kind(PARAMS[0].kind, ::kfreg::ArgKind::Iter)),
                    format!(
                        "`{tok}` needs the iterator state as the first parameter: a pointer to a type declared with `kernel_struct!(.., iter)`"
                    ),
                );
            }
        }
        if let Some(tok) = self.flag(Flags::ITER_DESTROY) {
            check(
                tok,
                quote!(matches!(RET.ty, ::kfreg::CType::Void)),
                "`iter_destroy` must return nothing".into(),
            );
        }
        for (flag, kind, what) in [
            (Flags::LOCK, "ResSpinLock", "`*mut ResSpinLock`"),
            (Flags::UNLOCK, "ResSpinLock", "`*mut ResSpinLock`"),
            (Flags::IRQ_SAVE, "IrqFlag", "`IrqFlag`"),
            (Flags::IRQ_RESTORE, "IrqFlag", "`IrqFlag`"),
        ] {
            if let Some(tok) = self.flag(flag) {
                let kind = format_ident!("{kind}");
                check(
                    tok,
                    quote!(::kfreg::__private::count_kind(&PARAMS, ::kfreg::ArgKind::#kind) == 1),
                    format!("`{tok}` needs exactly one {what} parameter"),
                );
            }
        }
        if let Some(tok) = self.flag(Flags::FALLIBLE) {
            check(tok, quote!(RET.ty.is_scalar()), "`fallible` kfuncs return 0 or a negative error: the return type must be an integer".into());
        }
        for (flag, idx) in [(Flags::ARENA_ARG1, 0usize), (Flags::ARENA_ARG2, 1)] {
            if let Some(tok) = self.flag(flag) {
                check(
                    tok,
                    quote!(#n > #idx && PARAMS[#idx].ty.is_pointer()),
                    format!("`{tok}` needs parameter {} to be a pointer", idx + 1),
                );
            }
        }
        check(name, quote!(::kfreg::__private::count_role(&PARAMS, ::kfreg::Roles::CONST) <= 1), "a kfunc has at most one `Const` parameter: the verifier tracks one constant argument per call".into());
        check(
            name,
            quote!(::kfreg::__private::count_role(&PARAMS, ::kfreg::Roles::PROG) <= 1),
            "a kfunc has at most one `ProgAux` parameter".into(),
        );
        for (tok, kind) in &self.takes {
            let v = variant(kind.name());
            check(
                tok,
                quote!(::kfreg::__private::count_kind(&PARAMS, ::kfreg::ArgKind::#v) > 0),
                format!("`takes = {tok}`, but no parameter of `{name}` is a {tok} argument"),
            );
        }
        if let Some(path) = &self.family {
            check(
                path,
                quote! {{
                    let fam = <#path as ::kfreg::Family>::DESC;
                    !::kfreg::__private::foreign_graph_kind(&PARAMS, fam.root, fam.node)
                }},
                format!(
                    "`{name}` takes a graph root or node of another kind than its family operates on"
                ),
            );
        }
        if let Some((tok, claim)) = &self.ret_claim {
            let role = |i: usize, role: &str| {
                let role = format_ident!("{role}");
                quote!(PARAMS[#i].roles.contains(::kfreg::Roles::#role))
            };
            match claim {
                RetClaim::NewObject { arg, .. } | RetClaim::Cast { arg } => {
                    check(
                        tok,
                        role(*arg, "CONST"),
                        format!(
                            "`ret = {tok}(..)` names the type with a constant: its parameter must be `Const<..>`"
                        ),
                    );
                }
                RetClaim::Like { arg } => {
                    check(
                        tok,
                        quote!(PARAMS[#arg].kind.is_releasable()),
                        "`ret = like(..)` needs an object parameter (`Refcounted`, `Alloc` or a kernel struct pointer)".to_string(),
                    );
                }
                RetClaim::Slice { dynptr, size, .. } => {
                    check(
                        tok,
                        quote!(::kfreg::__private::same_kind(PARAMS[#dynptr].kind, ::kfreg::ArgKind::Dynptr)),
                        format!("`ret = {tok}(..)`: the first parameter named must be a dynptr"),
                    );
                    check(
                        tok,
                        role(*size, "CONST_SIZE"),
                        format!(
                            "`ret = {tok}(..)`: the second parameter named must be `ConstSize<..>`"
                        ),
                    );
                }
                RetClaim::KernCtx => {
                    check(tok, quote!(::kfreg::__private::count_kind(&PARAMS, ::kfreg::ArgKind::Ctx) == 1), "`ret = kern_ctx` casts a program context: the kfunc needs one context parameter".into());
                }
                RetClaim::Untrusted => {}
            }
            if !matches!(claim, RetClaim::Untrusted) {
                check(
                    tok,
                    quote!(RET.ty.is_pointer()),
                    format!("`ret = {tok}` needs a pointer return type"),
                );
            }
        }
        for cb in &self.callbacks {
            let arg = cb.arg;
            check(&cb.key, quote!(::kfreg::__private::same_kind(PARAMS[#arg].kind, ::kfreg::ArgKind::Callback)), "`callback(..)` names a parameter that is not a function pointer (`unsafe extern \"C\" fn(..) -> ..`)".into());
            if let CallbackArgsClaim::Nodes(tok) = &cb.args {
                check(tok, quote!(::kfreg::__private::count_kind(&PARAMS, ::kfreg::ArgKind::ListHead) + ::kfreg::__private::count_kind(&PARAMS, ::kfreg::ArgKind::RbRoot) > 0), "`args = nodes` passes nodes of the kfunc's root: the kfunc needs a graph root parameter".into());
            }
        }
        if let Some((tok, _)) = &self.dynptr {
            check(tok, quote!(::kfreg::__private::count_role(&PARAMS, ::kfreg::Roles::UNINIT) == 1), "`dynptr = ..` says how the kfunc initialises a dynptr: mark exactly one parameter `Uninit<*mut Dynptr>`".into());
        }
        out
    }
}

impl RetClaim {
    fn to_tokens(&self) -> TokenStream {
        let u = |i: &usize| *i as u8;
        match self {
            RetClaim::NewObject { arg, percpu } => {
                let arg = u(arg);
                quote!(::kfreg::Ret::NewObject { type_arg: #arg, percpu: #percpu })
            }
            RetClaim::Like { arg } => {
                let arg = u(arg);
                quote!(::kfreg::Ret::Like { arg: #arg })
            }
            RetClaim::KernCtx => quote!(::kfreg::Ret::KernCtx),
            RetClaim::Untrusted => quote!(::kfreg::Ret::UntrustedObject),
            RetClaim::Cast { arg } => {
                let arg = u(arg);
                quote!(::kfreg::Ret::Cast { type_arg: #arg })
            }
            RetClaim::Slice {
                dynptr,
                size,
                writable,
            } => {
                let (d, s) = (u(dynptr), u(size));
                quote!(::kfreg::Ret::DynptrSlice { dynptr: #d, size: #s, writable: #writable })
            }
        }
    }
}

impl CallbackClaim {
    fn to_tokens(&self) -> TokenStream {
        let (arg, idx) = (self.arg as u8, self.arg);
        let (sync, sleepable) = (self.sync, self.sleepable);
        let args = match &self.args {
            CallbackArgsClaim::Nodes(_) => quote!(::kfreg::CallbackArgs::Nodes),
            CallbackArgsClaim::Scalars => quote!(::kfreg::CallbackArgs::Scalars),
            CallbackArgsClaim::MapValue(of) => {
                let of = *of as u8;
                quote!(::kfreg::CallbackArgs::MapValue { of: #of })
            }
        };
        // Without a declared range a bool callee returns 0 or 1 and any other
        // one may return any 32-bit value.
        let range = match self.range {
            Some((lo, hi)) => quote!((#lo, #hi)),
            None => quote! {{
                match PARAMS[#idx].ty {
                    ::kfreg::CType::FnPtr(proto) if matches!(proto.ret, ::kfreg::CType::Bool) => (0i64, 1i64),
                    _ => (i32::MIN as i64, i32::MAX as i64),
                }
            }},
        };
        quote! {{
            let (ret_min, ret_max) = #range;
            ::kfreg::Callback { arg: #arg, sync: #sync, sleepable: #sleepable, args: #args, ret_min, ret_max }
        }}
    }
}
