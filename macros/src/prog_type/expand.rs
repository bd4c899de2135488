//! The descriptor a program type declaration expands to.

use super::view::ProgType;
use crate::descriptor::{first_doc_line, location};
use kfreg_vocab::{AttachType, ProgType as Kernel};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

impl ProgType {
    /// The struct, a `DECL` constant on it, and its submission to the registry.
    pub fn expand(&self) -> TokenStream {
        let item = &self.item;
        let ident = &item.ident;
        let id = match Kernel::from_u32(self.id as u32).and_then(Kernel::constant) {
            Some(c) => {
                let c = format_ident!("{c}");
                quote!(::kfreg::ProgType::#c)
            }
            None => {
                let n = self.id;
                quote!(::kfreg::ProgType::new(#n))
            }
        };
        let name = &self.name;
        let kernel_name = &self.kernel_name;
        let doc = first_doc_line(&item.attrs);
        let ctx = match &self.ctx {
            Some(c) => quote_spanned!(c.span()=>
                ::core::option::Option::Some(<#c as ::kfreg::prog_type::ContextStruct>::CONTEXT)),
            None => quote!(::core::option::Option::None),
        };
        let name_of = |n: &Option<syn::Ident>| match n {
            Some(k) => {
                let k = k.to_string();
                quote!(::core::option::Option::Some(#k))
            }
            None => quote!(::core::option::Option::None),
        };
        let (kern_ctx, func_proto) = (name_of(&self.kern_ctx), name_of(&self.func_proto));
        let term = |t: &Option<syn::LitStr>| match t {
            Some(what) => quote!(::core::option::Option::Some(#what)),
            None => quote!(::core::option::Option::None),
        };
        let (gpl_only, sleepable_only) = (term(&self.gpl_only), term(&self.sleepable_only));
        let names = |list: &[syn::Ident]| {
            let s = list.iter().map(ToString::to_string);
            quote!(&[#(#s),*])
        };
        let kernel_write = crate::write_rule::expand(&self.kernel_write);
        let (show, hide, only, write) = (
            names(&self.show),
            names(&self.hide),
            names(&self.only),
            names(&self.write),
        );
        let (helpers, kfuncs) = (names(&self.helpers), names(&self.kfuncs));
        let flags = self.flags.iter().map(|(w, _)| {
            let c = format_ident!("{}", w.to_string().to_uppercase(), span = w.span());
            quote!(.union(::kfreg::ProgFlags::#c))
        });
        let packet_args = format_ident!("{}", format!("{:?}", self.packet_args));
        let ret = match self.ret {
            Some((lo, hi)) => quote!(::core::option::Option::Some((#lo, #hi))),
            None => quote!(::core::option::Option::None),
        };
        let attach_rets = |list: &[(AttachType, i64, i64)]| -> Vec<TokenStream> {
            list.iter()
                .map(|(a, lo, hi)| {
                    let a = format_ident!("{a:?}");
                    quote!(::kfreg::AttachRet { attach: ::kfreg::AttachType::#a, lo: #lo, hi: #hi })
                })
                .collect()
        };
        let ret_for = attach_rets(&self.ret_for);
        let void_ret_for = attach_rets(&self.void_ret_for);
        let flags_for = self.flags_for.iter().map(|(a, words)| {
            let a = format_ident!("{a:?}");
            let words = words.iter().map(|f| {
                let c = format_ident!("{}", f.names()[0].to_uppercase());
                quote!(.union(::kfreg::ProgFlags::#c))
            });
            quote!(::kfreg::AttachFlags { attach: ::kfreg::AttachType::#a, flags: ::kfreg::ProgFlags::NONE #(#words)* })
        });
        let aliases = |list: &[syn::LitStr]| {
            let each = list.iter().map(|lit| {
                let text = lit.value();
                let (variant, name) = kfreg_vocab::CtxArgAlias::split(&text).unwrap_or(("Any", ""));
                let v = format_ident!("{variant}", span = lit.span());
                match variant {
                    "Struct" | "Typedef" => quote!(::kfreg::CtxArgAlias::#v(#name)),
                    _ => quote!(::kfreg::CtxArgAlias::#v),
                }
            });
            quote!(&[#(#each),*])
        };
        let ctx_args = aliases(&self.ctx_args);
        let ctx_args_for = self.ctx_args_for.iter().map(|(a, list)| {
            let a = format_ident!("{a:?}");
            let list = aliases(list);
            quote!(::kfreg::AttachCtxArgs { attach: ::kfreg::AttachType::#a, aliases: #list })
        });
        let default_attach = match self.default_attach {
            Some(a) => {
                let a = format_ident!("{a:?}");
                quote!(::core::option::Option::Some(::kfreg::AttachType::#a))
            }
            None => quote!(::core::option::Option::None),
        };
        let sections = self.sections.iter().map(|s| {
            let pattern = &s.pattern;
            let (sleepable, iter) = (s.sleepable, s.iter);
            let attach = match s.attach {
                Some(a) => {
                    let a = format_ident!("{a:?}");
                    quote!(::core::option::Option::Some(::kfreg::AttachType::#a))
                }
                None => quote!(::core::option::Option::None),
            };
            quote!(::kfreg::Section { pattern: #pattern, sleepable: #sleepable, iter: #iter, attach: #attach })
        });
        let rules = self.rules();
        let location = location(ident);
        quote! {
            #item
            #rules
            impl #ident {
                /// This program type's declaration.
                pub const DECL: &'static ::kfreg::ProgTypeDecl = &::kfreg::ProgTypeDecl {
                    id: #id,
                    name: #name,
                    kernel_name: #kernel_name,
                    doc: #doc,
                    ctx: #ctx,
                    kern_ctx: #kern_ctx,
                    func_proto: #func_proto,
                    gpl_only: #gpl_only,
                    sleepable_only: #sleepable_only,
                    show: #show,
                    hide: #hide,
                    only: #only,
                    write: #write,
                    kernel_write: #kernel_write,
                    flags: ::kfreg::ProgFlags::NONE #(#flags)*,
                    packet_args: ::kfreg::PacketArgs::#packet_args,
                    ret: #ret,
                    ret_for: &[#(#ret_for),*],
                    void_ret_for: &[#(#void_ret_for),*],
                    flags_for: &[#(#flags_for),*],
                    ctx_args: #ctx_args,
                    ctx_args_for: &[#(#ctx_args_for),*],
                    default_attach: #default_attach,
                    sections: &[#(#sections),*],
                    helpers: #helpers,
                    kfuncs: #kfuncs,
                    location: #location,
                };
            }
            const _: () = {
                #[used]
                #[unsafe(link_section = "kfreg_prog_types")]
                static ENTRY: ::kfreg::__private::ProgTypeEntry = ::kfreg::__private::ProgTypeEntry(#ident::DECL);
            };
        }
    }
}
