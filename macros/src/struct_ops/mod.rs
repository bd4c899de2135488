//! `#[struct_ops]`: a kernel struct_ops type declared on a unit struct
//! named after the kernel struct.
//!
//! [`view`] parses the attribute into a typed declaration (every misuse at
//! its token) and [`expand`](mod@expand) writes the descriptor. Member,
//! struct and field names are the kernel's: the catalog's tests check them
//! against the recorded kernel BTF.

mod expand;
mod view;

use proc_macro2::TokenStream;

/// Expands `#[struct_ops(args)] item`.
pub fn expand(args: TokenStream, item: TokenStream) -> TokenStream {
    crate::unit_struct::expand_view(
        args,
        item,
        "#[struct_ops] applies to a unit struct named after the kernel struct: \
                 `pub struct tcp_congestion_ops;`",
        view::StructOps::parse,
        |d| &d.item,
        |d| d.expand(),
    )
}
