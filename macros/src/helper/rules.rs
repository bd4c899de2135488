//! The claims of a helper declaration that need types, as `const`
//! assertions rustc evaluates, each at the token that made the claim.

use super::view::Helper;
use crate::assertion::{assert_at, first_span};
use kfreg_vocab::HelperFlags;
use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;

fn has(ty: &str) -> TokenStream {
    let ty = quote::format_ident!("{ty}");
    quote!(::kfreg::__private::helper_has(&ARGS, ::kfreg::ArgType::#ty))
}

impl Helper {
    /// Every assertion of the declaration. `ARGS` and `RET` are in scope.
    pub fn rules(&self) -> TokenStream {
        let mut out = TokenStream::new();
        let n = self.params.len();
        for (i, (_, ty)) in self.params.iter().enumerate() {
            let span = ty.span();
            out.extend(assert_at(
                span,
                quote!(!ARGS[#i].ty.is_size() || (#i > 0 && ARGS[#i - 1].is_sized_mem())),
                "a size argument must come right after the memory it sizes (`Mem` without `Fixed`)",
            ));
            out.extend(assert_at(
                span,
                quote!(!ARGS[#i].is_sized_mem() || (#i + 1 < #n && ARGS[#i + 1].ty.is_size())),
                "memory without `Fixed<_, N>` needs a `ConstSize` or `ConstSizeOrZero` argument right after it",
            ));
            out.extend(assert_at(
                span,
                quote!(!matches!(ARGS[#i].ty, ::kfreg::ArgType::MapKey | ::kfreg::ArgType::MapValue)
                || ::kfreg::__private::helper_has(
                    ::kfreg::__private::helper_prefix(&ARGS, #i),
                    ::kfreg::ArgType::ConstMapPtr,
                )),
                "a map key or value argument needs a `ConstMapPtr` argument before it",
            ));
        }
        let ret = first_span(&self.ret);
        for (ty, need, msg) in [
            (
                "MapValue",
                "ConstMapPtr",
                "returning a map value needs a `ConstMapPtr` argument",
            ),
            (
                "MemOrBtfId",
                "PercpuBtfId",
                "returning a per-CPU variable needs a `PercpuBtfId` argument",
            ),
            (
                "KptrField",
                "KptrXchgDest",
                "returning the kptr field's type needs a `KptrXchgDest` argument",
            ),
            (
                "Mem",
                "ConstAllocSizeOrZero",
                "returning memory needs a `ConstAllocSizeOrZero` argument that sizes it",
            ),
        ] {
            let ty = quote::format_ident!("{ty}");
            let need = has(need);
            out.extend(assert_at(
                ret,
                quote!(!matches!(RET.ty, ::kfreg::RetType::#ty) || #need),
                msg,
            ));
        }
        let has_size = {
            let (a, b) = (has("ConstSize"), has("ConstSizeOrZero"));
            quote!(#a || #b)
        };
        for (flag, cond, msg) in [
            (
                HelperFlags::LOCK,
                has("SpinLock"),
                "`lock` needs a `SpinLock` argument",
            ),
            (
                HelperFlags::UNLOCK,
                has("SpinLock"),
                "`unlock` needs a `SpinLock` argument",
            ),
            (
                HelperFlags::WRITES_MAP,
                has("ConstMapPtr"),
                "`writes_map` needs a `ConstMapPtr` argument",
            ),
            (
                HelperFlags::ACQUIRE,
                quote!(RET.ty.is_pointer()),
                "`acquire` needs a pointer return: the reference it acquires",
            ),
            (
                HelperFlags::RET_SIZE_BOUNDED,
                quote!((#has_size) && matches!(RET.ty, ::kfreg::RetType::Integer)),
                "`ret_size_bounded` needs a `ConstSize` or `ConstSizeOrZero` argument and an `Integer` return",
            ),
            (
                HelperFlags::CHECKS_FORMAT,
                has("ConstStr"),
                "`checks_format` needs a `ConstStr` argument: the format",
            ),
            (
                HelperFlags::RET_CPU_ID,
                quote!(matches!(RET.ty, ::kfreg::RetType::Integer)),
                "`ret_cpu_id` needs an `Integer` return",
            ),
        ] {
            if let Some(tok) = self.flag(flag) {
                out.extend(assert_at(tok.span(), cond, msg));
            }
        }
        if let Some((tok, _)) = &self.callback {
            out.extend(assert_at(
                tok.span(),
                has("Func"),
                "`callback` needs a `Func` argument",
            ));
        }
        if let Some((tok, _)) = &self.map_types {
            out.extend(assert_at(
                tok.span(),
                has("ConstMapPtr"),
                "`map_types` needs a `ConstMapPtr` argument",
            ));
        }
        out
    }
}
