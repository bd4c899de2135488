//! The claims of a program type declaration that need types, checked by
//! rustc at the token that made them.

use super::view::ProgType;
use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::spanned::Spanned;

impl ProgType {
    /// The context is a `#[context]` struct and every field named is one of
    /// its fields: a misspelt field is rustc's "no field" error at its token.
    pub fn rules(&self) -> TokenStream {
        let Some(ctx) = &self.ctx else {
            return TokenStream::new();
        };
        let fields = self
            .show
            .iter()
            .chain(&self.hide)
            .chain(&self.only)
            .chain(&self.write);
        let uses = fields.map(|f| quote_spanned!(f.span()=> let _ = &ctx.#f;));
        quote_spanned! {ctx.span()=>
            const _: fn(&#ctx) = |ctx: &#ctx| {
                let _ = (ctx, <#ctx as ::kfreg::prog_type::ContextStruct>::CONTEXT);
                #(#uses)*
            };
        }
    }
}
