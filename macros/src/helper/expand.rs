//! The descriptor a helper declaration expands to.

use super::view::{Helper, Progs};
use crate::descriptor::{attach_type_set, first_doc_line, location, prog_type_set};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

impl Helper {
    /// The item: a `static` descriptor named like the prototype, submitted to the registry.
    pub fn expand(&self) -> TokenStream {
        let func = &self.func;
        let ident = &func.sig.ident;
        let vis = &func.vis;
        let attrs = &func.attrs;
        let id = self.id;
        let name = self.name();
        let proto = ident.to_string();
        let doc = first_doc_line(&func.attrs);
        let n = self.params.len();
        let args = self.params.iter().map(
            |(_, ty)| quote_spanned!(ty.span()=> <#ty as ::kfreg::helper::HelperArgType>::ARG),
        );
        let pad = (n..5).map(|_| quote!(::kfreg::HelperArg::UNUSED));
        let arg_names = self.params.iter().map(|(p, _)| {
            let p = p.to_string();
            p.strip_prefix("r#").unwrap_or(&p).to_string()
        });
        let ret_ty = &self.ret;
        let ret = quote_spanned!(ret_ty.span()=> <#ret_ty as ::kfreg::helper::HelperRetType>::RET);
        let flags = self.flags.iter().map(|(w, _)| {
            let c = format_ident!("{}", w.to_string().to_uppercase(), span = w.span());
            quote!(.union(::kfreg::HelperFlags::#c))
        });
        let callback = match &self.callback {
            Some((_, shape)) => {
                let v = format_ident!("{shape:?}");
                quote!(::core::option::Option::Some(::kfreg::CallbackShape::#v))
            }
            None => quote!(::core::option::Option::None),
        };
        let maps = self.map_types.iter().flat_map(|(_, list)| list).map(|m| {
            let v = format_ident!("{m:?}");
            quote!(.with(::kfreg::MapKind::#v))
        });
        let progs = match &self.prog_types {
            Progs::Any => quote!(::kfreg::ProgTypes::ANY),
            Progs::List(list) => prog_type_set(list),
            Progs::Path(p) => quote_spanned!(p.span()=> #p),
        };
        let for_attach = attach_type_set(&self.for_attach);
        let not_for_attach = attach_type_set(&self.not_for_attach);
        let only_attach = attach_type_set(&self.only_attach);
        let only_funcs = &self.only_funcs;
        let not_traced = match &self.not_traced {
            Some(p) => quote!(::core::option::Option::Some(#p)),
            None => quote!(::core::option::Option::None),
        };
        let rules = self.rules();
        let location = location(ident);
        quote! {
            #(#attrs)*
            #[allow(non_upper_case_globals)]
            #vis static #ident: ::kfreg::Helper = {
                const ARGS: [::kfreg::HelperArg; 5] = [#(#args,)* #(#pad,)*];
                const RET: ::kfreg::HelperRet = #ret;
                #rules
                ::kfreg::Helper {
                    id: #id,
                    name: #name,
                    proto: #proto,
                    doc: #doc,
                    args: ARGS,
                    arg_names: &[#(#arg_names),*],
                    ret: RET,
                    flags: ::kfreg::HelperFlags::NONE #(#flags)*,
                    callback: #callback,
                    map_types: ::kfreg::MapKinds::NONE #(#maps)*,
                    prog_types: #progs,
                    for_attach: #for_attach,
                    not_for_attach: #not_for_attach,
                    only_attach: #only_attach,
                    only_funcs: &[#(#only_funcs),*],
                    not_traced: #not_traced,
                    location: #location,
                }
            };
            const _: () = {
                #[used]
                #[unsafe(link_section = "kfreg_helpers")]
                static ENTRY: ::kfreg::__private::HelperEntry = ::kfreg::__private::HelperEntry(&#ident);
            };
        }
    }
}
