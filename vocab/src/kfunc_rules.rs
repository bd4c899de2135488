//! The type rules of a `#[kfunc]` declaration that the runtime checks in
//! one call (`kfreg::__private::violations`), one bit each: the macro asks
//! for the rules the declaration's claims need and turns each bit that comes
//! back set into an error at the claiming token. They are the rules many
//! kfuncs share; one call evaluating several is cheaper for rustc than one
//! expression per rule, and each kfunc's descriptor pays that once.

/// At most one `Const` parameter.
pub const CONST_COUNT: u32 = 1 << 0;
/// At most one `ProgAux` parameter.
pub const PROG_COUNT: u32 = 1 << 1;
/// No graph root or node parameter of another kind than the family's.
pub const FAMILY_KINDS: u32 = 1 << 2;
/// The return type is a pointer.
pub const RET_POINTER: u32 = 1 << 3;
/// Some parameter can carry a reference a release consumes.
pub const RELEASABLE: u32 = 1 << 4;
/// The return type is an integer.
pub const RET_SCALAR: u32 = 1 << 5;
/// The return type is `void`.
pub const RET_VOID: u32 = 1 << 6;
