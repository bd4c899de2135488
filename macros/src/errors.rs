//! Collects several errors into one report.

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::fmt::Display;

/// Accumulates errors so an attribute reports all its problems at once.
#[derive(Default)]
pub struct Errors(Option<syn::Error>);

impl Errors {
    /// Records `msg` at `tokens`.
    pub fn at(&mut self, tokens: &dyn ToTokens, msg: impl Display) {
        self.push(syn::Error::new_spanned(tokens.to_token_stream(), msg));
    }

    /// Records an error.
    pub fn push(&mut self, err: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(err),
            None => self.0 = Some(err),
        }
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The errors as `compile_error!` invocations.
    pub fn into_compile_errors(self) -> TokenStream {
        self.0.map(|e| e.to_compile_error()).unwrap_or_default()
    }
}

/// ", did you mean `x`?" when a close candidate exists.
pub fn hint<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    match kfreg_vocab::did_you_mean(word, candidates) {
        Some(c) => format!("; did you mean `{c}`?"),
        None => String::new(),
    }
}
