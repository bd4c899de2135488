//! The struct and the descriptor a context declaration expands to.

use super::view::Context;
use crate::descriptor::attach_type_set;
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

impl Context {
    /// The struct, and (when the declaration is sound) its `ContextStruct` impl.
    pub fn expand(&self, sound: bool) -> TokenStream {
        let item = &self.item;
        if !sound {
            return quote!(#item);
        }
        let ident = &item.ident;
        let rust_name = ident.to_string();
        let opt = |s: &Option<syn::LitStr>| match s {
            Some(s) => quote!(::core::option::Option::Some(#s)),
            None => quote!(::core::option::Option::None),
        };
        let btf = opt(&self.btf);
        let kern = opt(&self.kern);
        let typedef = opt(&self.typedef);
        let reads_below_start = self.reads_below_start;
        let fields = self.fields.iter().map(|f| {
            let name = &f.ident;
            let name_str = name.to_string();
            let name_str = name_str.strip_prefix("r#").unwrap_or(&name_str).to_string();
            let member = f
                .member
                .as_ref()
                .map_or_else(|| name_str.clone(), syn::LitStr::value);
            let ty = &f.ty;
            let elem = quote_spanned!(ty.span()=> <#ty as ::kfreg::prog_type::CtxFieldType>::ELEM);
            let loads = format_ident!("{}", format!("{:?}", f.loads));
            let yields = format_ident!("{}", format!("{:?}", f.yields));
            let target = match &f.target {
                Some(t) => {
                    let t = t.to_string();
                    quote!(::core::option::Option::Some(#t))
                }
                None => quote!(::core::option::Option::None),
            };
            let write = f.write;
            let wide = f.wide;
            let write_attach = attach_type_set(&f.write_attach);
            let hidden = f.hidden;
            let attach = attach_type_set(&f.attach);
            quote! {
                ::kfreg::CtxField {
                    name: #name_str,
                    member: #member,
                    off: ::core::mem::offset_of!(#ident, #name) as u32,
                    size: ::core::mem::size_of::<#ty>() as u32,
                    elem: #elem,
                    loads: ::kfreg::Loads::#loads,
                    yields: ::kfreg::CtxValue::#yields,
                    target: #target,
                    write: #write,
                    write_attach: #write_attach,
                    wide: #wide,
                    hidden: #hidden,
                    attach: #attach,
                }
            }
        });
        quote! {
            #item
            impl ::kfreg::prog_type::ContextStruct for #ident {
                const CONTEXT: &'static ::kfreg::Context = &::kfreg::Context {
                    rust_name: #rust_name,
                    btf_name: #btf,
                    kern: #kern,
                    typedef: #typedef,
                    reads_below_start: #reads_below_start,
                    size: ::core::mem::size_of::<#ident>() as u32,
                    fields: &[#(#fields),*],
                };
            }
        }
    }
}
