//! What a kfunc declaration must be to be called from BPF. What the tokens
//! alone show is an error at the offending token; a claim that needs types
//! becomes an assertion rustc evaluates with the descriptor's static
//! initializer, failing at the token that made the claim. Each rule is
//! stated in the order its errors are reported.

use super::view::{CallbackArgsClaim, Kfunc, RetClaim};
use crate::assertion::{check_at, first_span};
use crate::descriptor::variant;
use crate::errors::Errors;
use kfreg_vocab::{Flags, kfunc_rules as rule};
use proc_macro2::TokenStream;
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::{Expr, Ident, PatType, Signature};

/// BPF passes at most five arguments in registers.
const MAX_ARGS: usize = 5;

/// Flags a kfunc cannot have both of, and why.
///
/// (`acquire` with `release` is a conversion: the kfunc consumes its
/// argument's reference and returns a new one, as `bpf_ct_insert_entry`.)
const EXCLUSIVE: [(Flags, Flags, &str); 5] = [
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

/// The iterator operations, of which a kfunc is at most one.
const ITER_OPS: [Flags; 3] = [Flags::ITER_NEW, Flags::ITER_NEXT, Flags::ITER_DESTROY];

/// The signature BPF can call: one C symbol with one BTF prototype, called
/// synchronously with a fixed number of register arguments.
pub fn signature(sig: &Signature, errors: &mut Errors) {
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
}

/// Parameter `i` fits in a register; only the first one past R5 is
/// reported, so one mistake is one error.
pub fn arg_in_register(i: usize, arg: &PatType, errors: &mut Errors) {
    if i == MAX_ARGS {
        errors.at(
            arg,
            format!(
                "a kfunc takes at most {MAX_ARGS} arguments (BPF passes them in R1-R5); \
                 this is argument {}",
                i + 1
            ),
        );
    }
}

/// `prog_types = []` would make a kfunc no program can call.
pub fn prog_types_not_empty(value: &Expr, errors: &mut Errors) {
    if matches!(value, Expr::Array(a) if a.elems.is_empty()) {
        errors.at(
            value,
            "`prog_types` is empty: the kfunc could never be called",
        );
    }
}

/// A sync callback runs in the caller's context, which decides whether it
/// may sleep.
pub fn sleepable_is_async(sync: bool, sleepable: Option<&Ident>, errors: &mut Errors) {
    if let (true, Some(s)) = (sync, sleepable) {
        errors.at(
            s,
            "only an `async` callback can be `sleepable`: a sync one runs in the caller's context",
        );
    }
}

/// The assertions of one declaration, in the order they are stated: the
/// statements the descriptor's static initializer runs before building the
/// descriptor, so rustc evaluates them with it, not as one more item (or
/// one item per claim) per kfunc. Evaluation stops at the first claim that
/// fails, so a declaration with two wrong claims shows the first, then the
/// second once the first is fixed.
///
/// The rules many kfuncs share are bits of [`rule`]: one call to
/// `violations` evaluates all those the declaration needs, and each claim
/// reads its bit.
#[derive(Default)]
struct Assertions {
    checks: TokenStream,
    rules: u32,
}

impl Assertions {
    /// `cond` must hold, else `msg` at the first token of `at`.
    fn check(&mut self, at: &dyn ToTokens, cond: TokenStream, msg: &str) {
        self.checks.extend(check_at(first_span(at), cond, msg));
    }

    /// Shared rule `bit` must hold, else `msg` at the first token of `at`.
    fn rule(&mut self, at: &dyn ToTokens, bit: u32, msg: &str) {
        self.rules |= bit;
        self.checks.extend(quote_spanned!(first_span(at)=>
            ::kfreg::__private::holds(__kfreg_broken, #bit, #msg);
        ));
    }
}

impl Kfunc {
    /// Contradictions visible from the attribute alone.
    pub fn contradictions(&self, errors: &mut Errors) {
        self.one_iter_op(errors);
        self.exclusive_flags(errors);
        self.ret_null_rules(errors);
        self.new_reference_acquires(errors);
    }

    /// The claims that need types, as statements of the descriptor's
    /// initializer. `PARAMS` is in scope.
    pub fn type_rules(&self) -> TokenStream {
        let mut a = Assertions::default();
        self.reference_rules(&mut a);
        self.iter_rules(&mut a);
        self.lock_rules(&mut a);
        self.fallible_rule(&mut a);
        self.arena_rules(&mut a);
        self.role_count_rules(&mut a);
        self.takes_rules(&mut a);
        self.family_rule(&mut a);
        self.ret_claim_rules(&mut a);
        self.callback_rules(&mut a);
        self.dynptr_rule(&mut a);
        let checks = a.checks;
        if a.rules == 0 {
            return checks;
        }
        let ret_ty = self.ret_ty();
        let family = self
            .family_desc()
            .unwrap_or_else(|| quote!(::core::option::Option::None));
        let rules = a.rules;
        quote! {
            let __kfreg_broken = ::kfreg::__private::violations(&PARAMS, #ret_ty, #family, #rules);
            #checks
        }
    }

    /// A kfunc creates, advances or destroys an iterator, not two of these.
    fn one_iter_op(&self, errors: &mut Errors) {
        let iter_ops: Vec<&Ident> = ITER_OPS.into_iter().filter_map(|f| self.flag(f)).collect();
        if let [first, rest @ ..] = iter_ops.as_slice() {
            for other in rest {
                errors.at(
                    *other,
                    format!("`{other}` contradicts `{first}`: a kfunc is at most one of iter_new, iter_next, iter_destroy"),
                );
            }
        }
    }

    /// The pairs of [`EXCLUSIVE`], reported at the second flag.
    fn exclusive_flags(&self, errors: &mut Errors) {
        for (a, b, why) in EXCLUSIVE {
            if let (Some(x), Some(y)) = (self.flag(a), self.flag(b)) {
                errors.at(y, format!("`{y}` contradicts `{x}`: {why}"));
            }
        }
    }

    /// The flags that need `ret_null`, and the one that excludes it.
    fn ret_null_rules(&self, errors: &mut Errors) {
        let ret_null = self.flag(Flags::RET_NULL);
        if let (Some(next), None) = (self.flag(Flags::ITER_NEXT), ret_null) {
            errors.at(
                next,
                "`iter_next` needs `ret_null`: an iterator's next returns NULL when it is exhausted",
            );
        }
        if let (Some(n), None) = (self.flag(Flags::NULL_UNLESS_OWNING), ret_null) {
            errors.at(n, "`null_unless_owning` refines `ret_null`: add `ret_null`");
        }
        if let (Some(t), Some(_)) = (self.flag(Flags::THROWS), ret_null) {
            errors.at(
                t,
                "a kfunc that `throws` never returns, so `ret_null` is meaningless",
            );
        }
    }

    /// A return form that hands out a new reference needs `acquire`.
    fn new_reference_acquires(&self, errors: &mut Errors) {
        if let Some((tok, RetClaim::NewObject { .. } | RetClaim::Like { .. })) = &self.ret_claim
            && self.flag(Flags::ACQUIRE).is_none()
        {
            errors.at(
                tok,
                format!("`ret = {tok}(..)` returns a new reference: add `acquire`"),
            );
        }
    }

    /// What `ret_null`, `acquire`, `release` and `null_unless_owning` need
    /// of the return type and the parameters.
    fn reference_rules(&self, a: &mut Assertions) {
        let name = self.name();
        for (flag, bit, msg) in [
            (
                Flags::RET_NULL,
                rule::RET_POINTER,
                format!(
                    "`ret_null` needs a pointer return type, but `{name}` returns a scalar or nothing"
                ),
            ),
            (
                Flags::ACQUIRE,
                rule::RET_POINTER,
                format!(
                    "`acquire` needs a pointer return type: `{name}` must return the reference it acquires"
                ),
            ),
            (
                Flags::RELEASE,
                rule::RELEASABLE,
                format!(
                    "`release` needs a releasable argument: no parameter of `{name}` is a kernel object, allocated object or refcounted pointer"
                ),
            ),
        ] {
            if let Some(tok) = self.flag(flag) {
                a.rule(tok, bit, &msg);
            }
        }
        if let Some(tok) = self.flag(Flags::NULL_UNLESS_OWNING) {
            a.check(
                tok,
                quote!(
                    ::kfreg::__private::count_kind(&PARAMS, ::kfreg::ArgKind::RefcountedKptr) == 1
                ),
                "`null_unless_owning` needs exactly one `Refcounted` parameter",
            );
        }
    }

    /// An iterator operation takes the iterator state first; destroying it
    /// returns nothing.
    fn iter_rules(&self, a: &mut Assertions) {
        let n = self.params.len();
        for flag in ITER_OPS {
            if let Some(tok) = self.flag(flag) {
                a.check(
                    tok,
                    quote!(#n > 0 && ::kfreg::__private::same_kind(PARAMS[0].kind, ::kfreg::ArgKind::Iter)),
                    &format!(
                        "`{tok}` needs the iterator state as the first parameter: a pointer to a type declared with `kernel_struct!(.., iter)`"
                    ),
                );
            }
        }
        if let Some(tok) = self.flag(Flags::ITER_DESTROY) {
            a.rule(tok, rule::RET_VOID, "`iter_destroy` must return nothing");
        }
    }

    /// A lock or IRQ flag operation names the one lock or flag it acts on.
    fn lock_rules(&self, a: &mut Assertions) {
        for (flag, kind, what) in [
            (Flags::LOCK, "ResSpinLock", "`*mut ResSpinLock`"),
            (Flags::UNLOCK, "ResSpinLock", "`*mut ResSpinLock`"),
            (Flags::IRQ_SAVE, "IrqFlag", "`IrqFlag`"),
            (Flags::IRQ_RESTORE, "IrqFlag", "`IrqFlag`"),
        ] {
            if let Some(tok) = self.flag(flag) {
                let kind = format_ident!("{kind}");
                a.check(
                    tok,
                    quote!(::kfreg::__private::count_kind(&PARAMS, ::kfreg::ArgKind::#kind) == 1),
                    &format!("`{tok}` needs exactly one {what} parameter"),
                );
            }
        }
    }

    /// A `fallible` kfunc's result is an error code.
    fn fallible_rule(&self, a: &mut Assertions) {
        if let Some(tok) = self.flag(Flags::FALLIBLE) {
            a.rule(
                tok,
                rule::RET_SCALAR,
                "`fallible` kfuncs return 0 or a negative error: the return type must be an integer",
            );
        }
    }

    /// `arena_arg1`, `arena_arg2` mark a pointer parameter as an arena pointer.
    fn arena_rules(&self, a: &mut Assertions) {
        let n = self.params.len();
        for (flag, idx) in [(Flags::ARENA_ARG1, 0usize), (Flags::ARENA_ARG2, 1)] {
            if let Some(tok) = self.flag(flag) {
                a.check(
                    tok,
                    quote!(#n > #idx && PARAMS[#idx].ty.is_pointer()),
                    &format!("`{tok}` needs parameter {} to be a pointer", idx + 1),
                );
            }
        }
    }

    /// The verifier tracks one constant and one program argument per call.
    /// Fewer than two parameters cannot have two of either: no assertion.
    fn role_count_rules(&self, a: &mut Assertions) {
        if self.params.len() < 2 {
            return;
        }
        let name = self.name();
        a.rule(
            name,
            rule::CONST_COUNT,
            "a kfunc has at most one `Const` parameter: the verifier tracks one constant argument per call",
        );
        a.rule(
            name,
            rule::PROG_COUNT,
            "a kfunc has at most one `ProgAux` parameter",
        );
    }

    /// Each kind `takes = ..` names is some parameter's kind.
    fn takes_rules(&self, a: &mut Assertions) {
        let name = self.name();
        for (tok, kind) in &self.takes {
            let v = variant(kind.name());
            a.check(
                tok,
                quote!(::kfreg::__private::count_kind(&PARAMS, ::kfreg::ArgKind::#v) > 0),
                &format!("`takes = {tok}`, but no parameter of `{name}` is a {tok} argument"),
            );
        }
    }

    /// A family member's graph arguments are of the family's kinds.
    fn family_rule(&self, a: &mut Assertions) {
        let Some(path) = &self.family else {
            return;
        };
        a.rule(
            path,
            rule::FAMILY_KINDS,
            &format!(
                "`{}` takes a graph root or node of another kind than its family operates on",
                self.name()
            ),
        );
    }

    /// The parameters a return form names have the roles it reads them
    /// by, and every form but `untrusted` returns a pointer.
    fn ret_claim_rules(&self, a: &mut Assertions) {
        let Some((tok, claim)) = &self.ret_claim else {
            return;
        };
        let role = |i: usize, role: &str| {
            let role = format_ident!("{role}");
            quote!(PARAMS[#i].roles.contains(::kfreg::Roles::#role))
        };
        match claim {
            RetClaim::NewObject { arg, .. } | RetClaim::Cast { arg } => {
                a.check(
                    tok,
                    role(*arg, "CONST"),
                    &format!(
                        "`ret = {tok}(..)` names the type with a constant: its parameter must be `Const<..>`"
                    ),
                );
            }
            RetClaim::Like { arg } => {
                a.check(
                    tok,
                    quote!(PARAMS[#arg].kind.is_releasable()),
                    "`ret = like(..)` needs an object parameter (`Refcounted`, `Alloc` or a kernel struct pointer)",
                );
            }
            RetClaim::Slice { dynptr, size, .. } => {
                a.check(
                    tok,
                    quote!(::kfreg::__private::same_kind(PARAMS[#dynptr].kind, ::kfreg::ArgKind::Dynptr)),
                    &format!("`ret = {tok}(..)`: the first parameter named must be a dynptr"),
                );
                a.check(
                    tok,
                    role(*size, "CONST_SIZE"),
                    &format!(
                        "`ret = {tok}(..)`: the second parameter named must be `ConstSize<..>`"
                    ),
                );
            }
            RetClaim::KernCtx => {
                a.check(
                    tok,
                    quote!(::kfreg::__private::count_kind(&PARAMS, ::kfreg::ArgKind::Ctx) == 1),
                    "`ret = kern_ctx` casts a program context: the kfunc needs one context parameter",
                );
            }
            RetClaim::Untrusted | RetClaim::Writable => {}
        }
        if !matches!(claim, RetClaim::Untrusted) {
            a.rule(
                tok,
                rule::RET_POINTER,
                &format!("`ret = {tok}` needs a pointer return type"),
            );
        }
    }

    /// A callback parameter is a function pointer; a callback passed nodes
    /// has a root to take them from.
    fn callback_rules(&self, a: &mut Assertions) {
        for cb in &self.callbacks {
            let arg = cb.arg;
            a.check(
                &cb.key,
                quote!(::kfreg::__private::same_kind(PARAMS[#arg].kind, ::kfreg::ArgKind::Callback)),
                "`callback(..)` names a parameter that is not a function pointer (`unsafe extern \"C\" fn(..) -> ..`)",
            );
            if let CallbackArgsClaim::Nodes(tok) = &cb.args {
                a.check(
                    tok,
                    quote!(::kfreg::__private::count_kind(&PARAMS, ::kfreg::ArgKind::ListHead) + ::kfreg::__private::count_kind(&PARAMS, ::kfreg::ArgKind::RbRoot) > 0),
                    "`args = nodes` passes nodes of the kfunc's root: the kfunc needs a graph root parameter",
                );
            }
        }
    }

    /// `dynptr = ..` describes the one dynptr the kfunc initialises.
    fn dynptr_rule(&self, a: &mut Assertions) {
        if let Some((tok, _)) = &self.dynptr {
            a.check(
                tok,
                quote!(::kfreg::__private::count_role(&PARAMS, ::kfreg::Roles::UNINIT) == 1),
                "`dynptr = ..` says how the kfunc initialises a dynptr: mark exactly one parameter `Uninit<*mut Dynptr>`",
            );
        }
    }
}
