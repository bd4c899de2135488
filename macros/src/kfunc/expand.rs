//! The descriptor a kfunc declaration expands to.

use super::view::{CallbackArgsClaim, CallbackClaim, Kfunc, RetClaim};
use crate::descriptor::{attach_type_set, first_doc_line, location, prog_type_set, variant};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

impl Kfunc {
    /// The function as written, then a `const` block with its parameters and
    /// its descriptor: a `#[used]` static in the `kfreg_kfuncs` link section,
    /// which the registry reads, whose initializer first checks the type
    /// rules (which read `PARAMS`).
    ///
    /// Every expression here is type-checked and const-evaluated once per
    /// kfunc, which is what a crate of kfuncs takes to compile: fields that
    /// keep their default are left to `..KFUNC`, and no intermediate `const`
    /// is written that is read only once.
    pub fn expand(&self) -> TokenStream {
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
        // A memory/size pair needs two parameters.
        let params = if n < 2 {
            quote!([#(#params),*])
        } else {
            quote!(::kfreg::__private::pair_sizes([#(#params),*]))
        };
        let ret_spec = self.ret_spec();
        let ret_ty = self.ret_ty();
        let ret = match &self.ret_claim {
            None => quote!(::kfreg::Ret::derive(#ret_spec, &PARAMS)),
            Some((_, claim)) => claim.to_tokens(),
        };
        let mut optional = TokenStream::new();
        if !self.flags.is_empty() {
            let flags = self.flags.iter().map(|(ident, _)| {
                let c = format_ident!("{}", ident.to_string().to_uppercase(), span = ident.span());
                quote!(.union(::kfreg::Flags::#c))
            });
            optional.extend(quote!(flags: ::kfreg::Flags::EMPTY #(#flags)*,));
        }
        if let Some(family) = self.family_desc() {
            optional.extend(quote!(family: #family,));
        }
        if !self.callbacks.is_empty() {
            let callbacks = self.callbacks.iter().map(CallbackClaim::to_tokens);
            optional.extend(quote!(callbacks: &[#(#callbacks),*],));
        }
        if let Some(dynptr) = self.dynptr_init() {
            optional.extend(quote!(dynptr: #dynptr,));
        }
        if let Some(prog_types) = self.prog_type_set() {
            optional.extend(quote!(prog_types: #prog_types,));
        }
        if !self.attach.is_empty() {
            let attach = attach_type_set(&self.attach);
            optional.extend(quote!(attach: #attach,));
        }
        let location = location(name);
        let rules = self.type_rules();
        quote! {
            #func

            #[doc(hidden)]
            const _: () = {
                const PARAMS: [::kfreg::Param; #n] = #params;
                #[used]
                #[unsafe(link_section = "kfreg_kfuncs")]
                static KFUNC: ::kfreg::Kfunc = {
                    #rules
                    ::kfreg::Kfunc {
                        name: #name_str,
                        doc: #doc,
                        params: &PARAMS,
                        ret_ty: #ret_ty,
                        ret: #ret,
                        location: #location,
                        #optional
                        ..::kfreg::__private::KFUNC
                    }
                };
            };
        }
    }

    /// The return type's `TypeSpec`, spanned at the type so a type that
    /// cannot be returned is rustc's error there.
    pub(super) fn ret_spec(&self) -> TokenStream {
        let ty = &self.ret;
        quote_spanned!(ty.span()=> <#ty as ::kfreg::KfuncType>::SPEC)
    }

    /// The return type's C type.
    pub(super) fn ret_ty(&self) -> TokenStream {
        let spec = self.ret_spec();
        quote!(#spec.ty)
    }

    /// The family's descriptor, spanned at the family's name so an
    /// undeclared family is rustc's error there.
    pub(super) fn family_desc(&self) -> Option<TokenStream> {
        self.family.as_ref().map(|path| {
            quote_spanned!(path.span()=> ::core::option::Option::Some(<#path as ::kfreg::Family>::DESC))
        })
    }

    /// `dynptr = ..` as the runtime's `DynptrInit`.
    fn dynptr_init(&self) -> Option<TokenStream> {
        self.dynptr.as_ref().map(|(_, d)| {
            let v = variant(d.name());
            quote!(::core::option::Option::Some(::kfreg::DynptrInit::#v))
        })
    }

    /// `prog_types = ..`; without it the kfunc's family decides.
    fn prog_type_set(&self) -> Option<TokenStream> {
        self.prog_types.as_ref().map(|list| match list {
            None => quote!(::core::option::Option::Some(::kfreg::ProgTypes::ANY)),
            Some(list) => {
                let types = prog_type_set(list);
                quote!(::core::option::Option::Some(#types))
            }
        })
    }
}

impl RetClaim {
    /// The runtime's `Ret` for the claim.
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
            RetClaim::Writable => quote!(::kfreg::Ret::WritableMem),
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
    /// The runtime's `Callback` for the claim.
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
