//! kfreg: BPF kernel functions declared where they are defined.
//!
//! A kfunc is declared with [`macro@kfunc`] on its Rust definition; families
//! with [`macro@family`]. Every declaration in every crate linked into the final
//! program is collected at link time (from link sections) into one frozen
//! [`Registry`] that a verifier queries instead of knowing kfuncs by name.
//!
//! ```
//! use kfreg::{kfunc, family, ListHead, ListNode, IntoRoot, Meta, NodeOffset, Registry};
//!
//! /// Doubly linked lists.
//! #[family(root = list_head, node = list_node, lock_required, lock_safe)]
//! pub struct my_list;
//!
//! /// Adds `node` at the front of `head`.
//! #[kfunc(family = my_list)]
//! pub unsafe extern "C" fn my_list_push(
//!     head: *mut ListHead,
//!     node: IntoRoot<*mut ListNode>,
//!     meta: Meta,
//!     off: NodeOffset,
//! ) -> i32 {
//!     0
//! }
//!
//! let reg = Registry::global();
//! let id = reg.id("my_list_push").unwrap();
//! assert!(reg.takes(id, kfreg::ArgKind::ListNode));
//! assert_eq!(reg.family(reg.family_of(id).unwrap()).name, "my_list");
//! ```
//!
//! # Keeping a crate's kfuncs linked
//!
//! The linker drops a crate the final binary never references, and its
//! kfuncs with it. Every binary (and every integration test) that relies on
//! another crate's kfuncs must name that crate once:
//!
//! ```ignore
//! kfreg::link!(kfreg_catalog, my_kfuncs);
//! ```

mod ctype;
mod decl;
pub mod export;
pub mod helper;
pub mod iter_target;
pub mod lsm_hook;
pub mod named;
pub mod prog_type;
mod registry;
mod section;
pub mod struct_ops;
pub mod tracepoint;
mod types;

pub use ctype::{CType, FnProto};
pub use decl::{
    Callback, CallbackArgs, Family, FamilyDesc, FamilyEntry, Kfunc, Location, Param, Ret,
};
pub use helper::{Helper, Helpers};
pub use iter_target::{IterTarget, IterTargetArg, IterTargets};
pub use kfreg_macros::{
    context, family, helper, iter_target, kfunc, lsm_hook, prog_type, struct_ops, tracepoint,
};
pub use kfreg_vocab::{
    ArgFlags, ArgKind, ArgType, AttachType, AttachTypes, CallbackShape, CtxArgAlias, CtxValue,
    DynptrInit, Flags, HelperArg, HelperFlags, HelperRet, IterArg, KindSet, Loads, MapKind,
    MapKinds, PacketArgs, ProgFlags, ProgType, ProgTypes, RetFlags, RetType, Roles, did_you_mean,
    open_coded_iter_name,
};
pub use lsm_hook::{LsmHook, LsmHooks};
pub use prog_type::{
    AttachCtxArgs, AttachFlags, AttachRet, Context, CtxField, FieldRule, ProgTypeDecl,
    ProgTypeTable, Section,
};
pub use registry::{Conflict, FamilyId, KfuncId, Registry, RegistryError};
pub use struct_ops::{
    MemberArgs, MemberHelpers, StructOpsDecl, StructOpsTable, WriteField, WriteRule,
};
pub use tracepoint::{Tracepoint, Tracepoints};
pub use types::{
    Alloc, AnyCtx, Arena, Const, ConstSize, Dynptr, Ign, IntoRoot, IrqFlag, KfuncType, ListHead,
    ListNode, MapPtr, Meta, NodeOffset, NodePointer, NonOwn, Nullable, Opt, PercpuAlloc, Pointee,
    Pointer, ProgAux, RbNode, RbRoot, Refcounted, ResSpinLock, Scalar, Size, Str, TaskWork,
    TypeSpec, Uninit, Wq, Written,
};

/// Keeps crates whose kfuncs this binary needs in the link.
///
/// The linker only keeps crates the program references; a crate that is
/// merely a dependency contributes nothing, and its kfuncs silently vanish
/// from the registry. Put `kfreg::link!(crate_a, crate_b);` at the top level
/// of every binary and integration test that needs them.
#[macro_export]
macro_rules! link {
    ($($krate:ident),+ $(,)?) => {
        $(#[allow(unused_imports)] use $krate as _;)+
    };
}

/// Support for the code `#[kfunc]` and `#[family]` generate. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::decl::FamilyEntry;
    pub use crate::helper::HelperEntry;
    pub use crate::iter_target::IterTargetEntry;
    pub use crate::lsm_hook::LsmHookEntry;
    pub use crate::prog_type::ProgTypeEntry;
    pub use crate::struct_ops::StructOpsEntry;
    pub use crate::tracepoint::TracepointEntry;

    use crate::decl::{FamilyDesc, Kfunc, Location, Param, Ret};
    use crate::{CType, Flags};
    use kfreg_vocab::{ArgKind, AttachTypes, Roles};

    /// The fields a `#[kfunc]` descriptor leaves at their default: the
    /// macro writes only those the declaration sets, and each field it does
    /// not write is an expression rustc need not check once per kfunc.
    pub const KFUNC: Kfunc = Kfunc {
        name: "",
        doc: "",
        family: None,
        flags: Flags::EMPTY,
        params: &[],
        ret_ty: CType::Void,
        ret: Ret::Void,
        callbacks: &[],
        dynptr: None,
        prog_types: None,
        attach: AttachTypes::NONE,
        location: Location {
            krate: "",
            module: "",
            file: "",
            line: 0,
        },
    };

    /// Fails compilation with `msg` unless `cond`, when evaluated in a
    /// `const`. `#[track_caller]` makes rustc report the failure at the
    /// call, which the macros span at the token that made the claim; a call
    /// is cheaper for rustc to check than the `if`, `panic!` and
    /// `format_args!` the same assertion written inline expands to.
    #[track_caller]
    pub const fn check(cond: bool, msg: &str) {
        if !cond {
            panic!("{}", msg)
        }
    }

    /// Whether an argument of `args` has base type `ty`.
    pub const fn helper_has(args: &[kfreg_vocab::HelperArg], ty: kfreg_vocab::ArgType) -> bool {
        let mut i = 0;
        while i < args.len() {
            if args[i].ty as u8 == ty as u8 {
                return true;
            }
            i += 1;
        }
        false
    }

    /// The first `n` arguments.
    pub const fn helper_prefix(
        args: &[kfreg_vocab::HelperArg],
        n: usize,
    ) -> &[kfreg_vocab::HelperArg] {
        args.split_at(n).0
    }

    /// The rules among `rules` (bits of [`kfreg_vocab::kfunc_rules`]) that a
    /// kfunc with these parameters, return type and family breaks. One call
    /// per kfunc, however many rules it needs: each expression a descriptor
    /// has rustc check costs compile time once per kfunc.
    pub const fn violations(
        params: &[Param],
        ret: CType,
        family: Option<&FamilyDesc>,
        rules: u32,
    ) -> u32 {
        use kfreg_vocab::kfunc_rules as r;
        let mut broken = 0;
        if rules & r::CONST_COUNT != 0 && count_role(params, Roles::CONST) > 1 {
            broken |= r::CONST_COUNT;
        }
        if rules & r::PROG_COUNT != 0 && count_role(params, Roles::PROG) > 1 {
            broken |= r::PROG_COUNT;
        }
        if rules & r::FAMILY_KINDS != 0
            && let Some(f) = family
            && foreign_graph_kind(params, f.root, f.node)
        {
            broken |= r::FAMILY_KINDS;
        }
        if rules & r::RET_POINTER != 0 && !ret.is_pointer() {
            broken |= r::RET_POINTER;
        }
        if rules & r::RELEASABLE != 0 && !has_releasable(params) {
            broken |= r::RELEASABLE;
        }
        if rules & r::RET_SCALAR != 0 && !ret.is_scalar() {
            broken |= r::RET_SCALAR;
        }
        if rules & r::RET_VOID != 0 && !matches!(ret, CType::Void) {
            broken |= r::RET_VOID;
        }
        broken
    }

    /// Fails compilation with `msg` if `rule` is among the `broken` rules
    /// [`violations`] found, when evaluated in a constant; reported at the
    /// call like [`check`].
    #[track_caller]
    pub const fn holds(broken: u32, rule: u32, msg: &str) {
        if broken & rule != 0 {
            panic!("{}", msg)
        }
    }

    /// Turns memory parameters followed by a size parameter into mem/size pairs.
    pub const fn pair_sizes<const N: usize>(mut params: [Param; N]) -> [Param; N] {
        let mut i = 0;
        while i + 1 < N {
            let size = params[i + 1].roles;
            if matches!(params[i].kind, ArgKind::Mem)
                && (size.contains(Roles::SIZE) || size.contains(Roles::CONST_SIZE))
                && params[i].ty.is_pointer()
            {
                params[i].kind = ArgKind::MemSize;
            }
            i += 1;
        }
        params
    }

    /// How many parameters have kind `kind`.
    pub const fn count_kind(params: &[Param], kind: ArgKind) -> usize {
        let mut n = 0;
        let mut i = 0;
        while i < params.len() {
            if params[i].kind as u8 == kind as u8 {
                n += 1;
            }
            i += 1;
        }
        n
    }

    /// Whether a parameter has any role of `roles`.
    pub const fn count_role(params: &[Param], roles: Roles) -> usize {
        let mut n = 0;
        let mut i = 0;
        while i < params.len() {
            if params[i].roles.contains(roles) {
                n += 1;
            }
            i += 1;
        }
        n
    }

    /// Whether some parameter can carry a reference a release kfunc consumes.
    pub const fn has_releasable(params: &[Param]) -> bool {
        let mut i = 0;
        while i < params.len() {
            if params[i].kind.is_releasable() && params[i].ty.is_pointer() {
                return true;
            }
            i += 1;
        }
        false
    }

    /// Whether `kind` is a graph kind other than the family's root or node kind.
    pub const fn foreign_graph_kind(
        params: &[Param],
        root: Option<ArgKind>,
        node: Option<ArgKind>,
    ) -> bool {
        let mut i = 0;
        while i < params.len() {
            let k = params[i].kind;
            let is_root = match root {
                Some(r) => r as u8 == k as u8,
                None => false,
            };
            let is_node = match node {
                Some(n) => n as u8 == k as u8,
                None => false,
            };
            if (k.is_graph_root() || k.is_graph_node()) && !is_root && !is_node {
                return true;
            }
            i += 1;
        }
        false
    }

    /// Same as `a == b` for kinds, usable in constants.
    pub const fn same_kind(a: ArgKind, b: ArgKind) -> bool {
        a as u8 == b as u8
    }
}
