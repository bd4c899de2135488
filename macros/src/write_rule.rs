//! `write = target(members)`: which stores through a pointer to a kernel
//! struct a program may make (struct_ops types, and program types whose
//! `btf_struct_access` lets some through).

use crate::attr::named;
use crate::errors::Errors;
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Expr, Ident};

/// `target(fields)` or `target(..)`.
pub enum Write {
    /// Listed members only: their dotted paths, `[..]` when a store may
    /// start anywhere inside.
    Members(Ident, Vec<(String, bool)>),
    /// Anywhere inside the struct.
    Whole(Ident),
}

/// `target(..)` or `target(member, nested.member, array[..])`.
pub fn parse(v: &Expr, errors: &mut Errors) -> Option<Write> {
    let Expr::Call(call) = v else {
        errors.at(
            v,
            "expected the writable struct and its members, `tcp_sock(snd_cwnd, ..)`, \
             or `bpf_dummy_ops_state(..)` for all of it",
        );
        return None;
    };
    let target = named(&call.func, "a kernel struct", errors)?;
    if let [Expr::Range(r)] = call.args.iter().collect::<Vec<_>>().as_slice()
        && r.start.is_none()
        && r.end.is_none()
    {
        return Some(Write::Whole(target));
    }
    if call.args.is_empty() {
        errors.at(
            v,
            "no member is writable: list them, or `(..)` for the whole struct",
        );
    }
    let fields = call
        .args
        .iter()
        .filter_map(|a| match a {
            Expr::Index(ix) if matches!(&*ix.index, Expr::Range(r) if r.start.is_none() && r.end.is_none()) => {
                member_path(&ix.expr, errors).map(|p| (p, true))
            }
            other => member_path(other, errors).map(|p| (p, false)),
        })
        .collect();
    Some(Write::Members(target, fields))
}

/// `a.b.c` as `"a.b.c"`.
fn member_path(e: &Expr, errors: &mut Errors) -> Option<String> {
    match e {
        Expr::Field(f) => {
            let base = member_path(&f.base, errors)?;
            match &f.member {
                syn::Member::Named(n) => Some(format!("{base}.{n}")),
                syn::Member::Unnamed(_) => {
                    errors.at(e, "expected a member name");
                    None
                }
            }
        }
        other => named(other, "a member", errors).map(|i| i.to_string()),
    }
}

/// The `Option<kfreg::WriteRule>` a declaration's rule becomes.
pub fn expand(write: &Option<Write>) -> TokenStream {
    match write {
        Some(Write::Whole(t)) => {
            let t = t.to_string();
            quote!(::core::option::Option::Some(::kfreg::WriteRule::Whole { target: #t }))
        }
        Some(Write::Members(t, fields)) => {
            let t = t.to_string();
            let fields = fields.iter().map(
                |(path, anywhere)| quote!(::kfreg::WriteField { path: #path, anywhere: #anywhere }),
            );
            quote!(::core::option::Option::Some(::kfreg::WriteRule::Members {
                target: #t,
                fields: &[#(#fields),*],
            }))
        }
        None => quote!(::core::option::Option::None),
    }
}
