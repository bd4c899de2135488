//! C types as BTF and C headers see them.
//!
//! A kfunc's Rust signature is lowered to these so that it can be compared
//! with the kernel's BTF prototype and printed as a C declaration.

use std::fmt;

/// A C type, as far as a kfunc prototype needs one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CType {
    /// `void`.
    Void,
    /// `bool` (one byte).
    Bool,
    /// An integer of `bits` width.
    Int {
        /// Width in bits: 8, 16, 32 or 64.
        bits: u8,
        /// Whether the integer is signed.
        signed: bool,
    },
    /// `char` (used by string parameters).
    Char,
    /// A named struct.
    Struct(&'static str),
    /// A named union.
    Union(&'static str),
    /// A named enum (4 bytes, unsigned as kfunc arguments).
    Enum(&'static str),
    /// A pointer.
    Ptr {
        /// The pointed-to type.
        to: &'static CType,
        /// `const`-qualified pointee.
        is_const: bool,
        /// Pointer into the BPF arena (`__arena`, BTF type tag `address_space(1)`).
        arena: bool,
    },
    /// A pointer to a function (callbacks).
    FnPtr(&'static FnProto),
}

/// A function prototype: a callback's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FnProto {
    /// Return type.
    pub ret: CType,
    /// Parameter types, in order.
    pub params: &'static [CType],
}

impl CType {
    /// A pointer to `to`.
    pub const fn ptr(to: &'static CType, is_const: bool) -> CType {
        CType::Ptr {
            to,
            is_const,
            arena: false,
        }
    }

    /// Whether values of this type travel in a register as a pointer.
    pub const fn is_pointer(&self) -> bool {
        matches!(self, CType::Ptr { .. } | CType::FnPtr(_))
    }

    /// Whether this is a scalar (integer, bool or char).
    pub const fn is_scalar(&self) -> bool {
        matches!(
            self,
            CType::Bool | CType::Int { .. } | CType::Char | CType::Enum(_)
        )
    }

    /// The pointee, for pointers.
    pub const fn pointee(&self) -> Option<&'static CType> {
        match self {
            CType::Ptr { to, .. } => Some(to),
            _ => None,
        }
    }

    /// Size in bytes of a scalar, or `None` for void, structs and functions.
    pub const fn scalar_size(&self) -> Option<u32> {
        match self {
            CType::Bool | CType::Char => Some(1),
            CType::Enum(_) => Some(4),
            CType::Int { bits, .. } => Some(*bits as u32 / 8),
            CType::Ptr { .. } | CType::FnPtr(_) => Some(8),
            CType::Void | CType::Struct(_) | CType::Union(_) => None,
        }
    }

    /// The struct (or union) name this type is or points to, if any.
    pub const fn struct_name(&self) -> Option<&'static str> {
        match self {
            CType::Struct(name)
            | CType::Union(name)
            | CType::Ptr {
                to: CType::Struct(name) | CType::Union(name),
                ..
            } => Some(name),
            _ => None,
        }
    }

    /// The C spelling of this type followed by `name` (which may be empty).
    pub fn declare(&self, name: &str) -> String {
        match self {
            CType::FnPtr(proto) => {
                let params = if proto.params.is_empty() {
                    "void".to_string()
                } else {
                    proto
                        .params
                        .iter()
                        .map(|p| p.declare(""))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                format!("{} (*{name})({params})", proto.ret.declare(""))
            }
            _ => {
                let ty = self.to_string();
                if name.is_empty() {
                    ty
                } else if ty.ends_with('*') {
                    format!("{ty}{name}")
                } else {
                    format!("{ty} {name}")
                }
            }
        }
    }
}

impl fmt::Display for CType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CType::Void => f.write_str("void"),
            CType::Bool => f.write_str("bool"),
            CType::Char => f.write_str("char"),
            CType::Int { bits, signed } => {
                write!(f, "{}{bits}", if *signed { "__s" } else { "__u" })
            }
            CType::Struct(name) => write!(f, "struct {name}"),
            CType::Union(name) => write!(f, "union {name}"),
            CType::Enum(name) => write!(f, "enum {name}"),
            CType::Ptr {
                to,
                is_const,
                arena,
            } => {
                let konst = if *is_const { "const " } else { "" };
                let space = if *arena { " __arena" } else { "" };
                if let CType::Ptr { .. } = to {
                    write!(f, "{to}{space} *")
                } else {
                    write!(f, "{konst}{to}{space} *")
                }
            }
            CType::FnPtr(_) => f.write_str(&self.declare("")),
        }
    }
}
