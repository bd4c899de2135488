//! Claims that need types cannot be checked by the macro: it writes them as
//! `const` assertions that rustc evaluates, failing at the token that made
//! the claim.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote_spanned};

/// `const _: () = assert..`: `cond` must hold, else `msg` at `span`.
pub fn assert_at(span: Span, cond: TokenStream, msg: &str) -> TokenStream {
    quote_spanned!(span=> const _: () = if !(#cond) { ::core::panic!(#msg) };)
}

/// `::kfreg::__private::check(cond, msg);`, spanned at `span`: a statement
/// of a `const` block, failing there with `msg` unless `cond` holds.
pub fn check_at(span: Span, cond: TokenStream, msg: &str) -> TokenStream {
    quote_spanned!(span=> ::kfreg::__private::check(#cond, #msg);)
}

/// The span of the first token of `t`: where rustc points for a claim
/// that spans several tokens.
pub fn first_span(t: &dyn ToTokens) -> Span {
    t.to_token_stream()
        .into_iter()
        .next()
        .map_or_else(Span::call_site, |t| t.span())
}
