//! The descriptor a struct_ops declaration expands to.

use super::view::StructOps;
use crate::descriptor::{first_doc_line, location};
use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

impl StructOps {
    /// The struct, a `DECL` constant on it, and its submission to the registry.
    pub fn expand(&self) -> TokenStream {
        let item = &self.item;
        let ident = &item.ident;
        let name = ident.to_string();
        let doc = first_doc_line(&item.attrs);
        let names = |list: &[Ident]| {
            let s = list.iter().map(ToString::to_string);
            quote!(&[#(#s),*])
        };
        let unsupported = names(&self.unsupported);
        let sleepable = match &self.sleepable {
            Some(list) => {
                let list = names(list);
                quote!(::core::option::Option::Some(#list))
            }
            None => quote!(::core::option::Option::None),
        };
        let nullable = self.nullable.iter().map(|(member, args)| {
            let member = member.to_string();
            quote!(::kfreg::MemberArgs { member: #member, args: &[#(#args),*] })
        });
        let promote = self.promote.iter().map(|(from, to)| {
            let (from, to) = (from.to_string(), to.to_string());
            quote!((#from, #to))
        });
        let write = crate::write_rule::expand(&self.write);
        let refuse = self.refuse_helpers.iter().map(|(member, helpers)| {
            let member = member.to_string();
            let helpers = names(helpers);
            quote!(::kfreg::MemberHelpers { member: #member, helpers: #helpers })
        });
        let no_helpers = self.no_helpers.is_some();
        let location = location(ident);
        quote! {
            #item
            impl #ident {
                /// This struct_ops type's declaration.
                pub const DECL: &'static ::kfreg::StructOpsDecl = &::kfreg::StructOpsDecl {
                    name: #name,
                    doc: #doc,
                    unsupported: #unsupported,
                    sleepable: #sleepable,
                    nullable: &[#(#nullable),*],
                    promote: &[#(#promote),*],
                    write: #write,
                    no_helpers: #no_helpers,
                    refuse_helpers: &[#(#refuse),*],
                    location: #location,
                };
            }
            const _: () = {
                #[used]
                #[unsafe(link_section = "kfreg_struct_ops")]
                static ENTRY: ::kfreg::__private::StructOpsEntry = ::kfreg::__private::StructOpsEntry(#ident::DECL);
            };
        }
    }
}
