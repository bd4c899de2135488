//! `#[lsm_hook(sleepable, untrusted, disabled, sockopt, ret = [lo, hi])] pub
//! struct NAME;`: a BPF LSM hook (`SEC("lsm/NAME")`) whose rules are not the
//! default ones: sleepable programs may attach, its arguments are not
//! trusted, no program may attach, its cgroup programs may set and get
//! socket options, or its programs return in another range.
//!
//! One file holds the view, the rules and the expansion, as for
//! `#[tracepoint]`.

use crate::attr::{Meta, misused_word, once_each, ret_range};
use crate::descriptor::{first_doc_line, location};
use crate::errors::Errors;
use proc_macro2::TokenStream;
use quote::quote;
use syn::ItemStruct;

/// The attribute's words, for "did you mean".
const WORDS: &[&str] = &["sleepable", "untrusted", "disabled", "sockopt", "ret"];

/// What `#[lsm_hook(..)]` says.
#[derive(Default)]
struct LsmHook {
    sleepable: bool,
    untrusted: bool,
    disabled: bool,
    sockopt: bool,
    ret: Option<(i64, i64)>,
}

/// Expands `#[lsm_hook(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::unit_struct::expand_words(
        args,
        item,
        "#[lsm_hook] applies to a unit struct named after the hook: `pub struct file_open;`",
        LsmHook::parse,
        |hook, strukt| hook.expand(strukt),
    )
}

impl LsmHook {
    /// Reads the attribute's words, reporting every misuse.
    fn parse(metas: &[Meta], errors: &mut Errors) -> LsmHook {
        let mut hook = LsmHook::default();
        for (word, meta) in once_each(metas, errors) {
            match (word.as_str(), meta) {
                ("sleepable", Meta::Word(_)) => hook.sleepable = true,
                ("untrusted", Meta::Word(_)) => hook.untrusted = true,
                ("disabled", Meta::Word(_)) => hook.disabled = true,
                ("sockopt", Meta::Word(_)) => hook.sockopt = true,
                ("ret", Meta::Value(_, v)) => hook.ret = ret_range(v, errors),
                _ => misused_word(meta, "lsm_hook", WORDS, errors),
            }
        }
        // A disabled hook takes no program: anything else said of it is a
        // mistake.
        if hook.disabled
            && let Some(meta) = metas.iter().find(|m| m.key() != "disabled")
        {
            errors.at(
                meta.key(),
                format!(
                    "`{}` says nothing of a disabled hook, which no program attaches to",
                    meta.key()
                ),
            );
        }
        hook
    }

    /// The struct, an `LSM_HOOK` constant on it, and its submission to the
    /// registry.
    fn expand(&self, strukt: &ItemStruct) -> TokenStream {
        let ident = &strukt.ident;
        let name = ident.to_string();
        let doc = first_doc_line(&strukt.attrs);
        let (sleepable, untrusted, disabled, sockopt) =
            (self.sleepable, self.untrusted, self.disabled, self.sockopt);
        let ret = match self.ret {
            Some((lo, hi)) => quote!(::core::option::Option::Some((#lo, #hi))),
            None => quote!(::core::option::Option::None),
        };
        let location = location(ident);
        quote! {
            #[allow(non_camel_case_types)]
            #strukt

            impl #ident {
                /// This hook's declaration.
                pub const LSM_HOOK: &'static ::kfreg::LsmHook = &::kfreg::LsmHook {
                    name: #name,
                    doc: #doc,
                    sleepable: #sleepable,
                    untrusted: #untrusted,
                    disabled: #disabled,
                    sockopt: #sockopt,
                    ret: #ret,
                    location: #location,
                };
            }

            const _: () = {
                #[used]
                #[unsafe(link_section = "kfreg_lsm_hooks")]
                static ENTRY: ::kfreg::__private::LsmHookEntry = ::kfreg::__private::LsmHookEntry(#ident::LSM_HOOK);
            };
        }
    }
}
