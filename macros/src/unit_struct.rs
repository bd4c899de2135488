//! Attributes on a unit struct that names what it declares (`#[family]`,
//! `#[iter_target]`, `#[prog_type]`, `#[struct_ops]`): the item is checked
//! the same way, and a declaration with a misused word keeps the struct as
//! written, with every error beside it.

use crate::attr::{Meta, parse_args};
use crate::errors::Errors;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::ItemStruct;

/// The error for an item that is not what `what` applies to.
fn not_a_unit_struct(what: &str) -> TokenStream {
    syn::Error::new(Span::call_site(), what).to_compile_error()
}

/// `item` as a unit struct without generics, or `item` and the error
/// `what` (the attribute's one-line usage).
pub fn parse(item: TokenStream, what: &str) -> Result<ItemStruct, TokenStream> {
    match syn::parse2::<ItemStruct>(item.clone()) {
        Ok(s) if matches!(s.fields, syn::Fields::Unit) && s.generics.params.is_empty() => Ok(s),
        _ => {
            let err = not_a_unit_struct(what);
            Err(quote!(#item #err))
        }
    }
}

/// Reads the attribute's words with `read` and expands the declaration
/// with `expand` when no word was misused.
pub fn expand_words<T: Default>(
    args: TokenStream,
    item: TokenStream,
    what: &str,
    read: impl FnOnce(&[Meta], &mut Errors) -> T,
    expand: impl FnOnce(T, &ItemStruct) -> TokenStream,
) -> TokenStream {
    let strukt = match parse(item, what) {
        Ok(s) => s,
        Err(e) => return e,
    };
    let mut errors = Errors::default();
    let decl = match parse_args(args) {
        Ok(metas) => read(&metas, &mut errors),
        Err(e) => {
            errors.push(e);
            T::default()
        }
    };
    if !errors.is_empty() {
        let errs = errors.into_compile_errors();
        return quote! {
            #[allow(non_camel_case_types)]
            #strukt
            #errs
        };
    }
    expand(decl, &strukt)
}

/// A declaration whose view reads the struct itself (`parse` returns
/// `None` when nothing can be declared): `expand` when no word was misused,
/// else the struct `item_of` gives back, with the errors.
pub fn expand_view<D>(
    args: TokenStream,
    item: TokenStream,
    what: &str,
    parse: impl FnOnce(ItemStruct, TokenStream, &mut Errors) -> Option<D>,
    item_of: impl Fn(&D) -> &ItemStruct,
    expand: impl FnOnce(&D) -> TokenStream,
) -> TokenStream {
    let item: ItemStruct = match syn::parse2(item) {
        Ok(s) => s,
        Err(_) => return not_a_unit_struct(what),
    };
    let mut errors = Errors::default();
    match parse(item, args, &mut errors) {
        Some(d) if errors.is_empty() => expand(&d),
        Some(d) => {
            let item = item_of(&d);
            let errs = errors.into_compile_errors();
            quote!(#item #errs)
        }
        None => errors.into_compile_errors(),
    }
}
