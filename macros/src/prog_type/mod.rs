//! `#[prog_type]`: a BPF program type declared on a unit struct, with its
//! `SEC()` names in `#[sec(...)]` attributes below it.
//!
//! [`view`] parses the attribute and the sections into a typed declaration
//! (every misuse at its token), [`rules`] lets rustc check what needs types
//! (the context is a `#[context]` struct, every named field exists) at the
//! naming token, and [`expand`](mod@expand) writes the descriptor.

mod expand;
mod rules;
mod view;

use proc_macro2::TokenStream;

/// Expands `#[prog_type(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::unit_struct::expand_view(
        args,
        item,
        "#[prog_type] applies to a unit struct: `pub struct SchedCls;`",
        view::ProgType::parse,
        |d| &d.item,
        |d| d.expand(),
    )
}
