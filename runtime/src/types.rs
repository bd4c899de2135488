//! Rust types a kfunc signature is written with, and what each one means.
//!
//! Every parameter and return type implements [`KfuncType`], whose [`TypeSpec`]
//! gives its C type, its argument kind and its roles. Kinds therefore follow
//! from the signature: a `*mut ListNode` parameter *is* a list-node argument.
//! Roles the kernel spells as name suffixes are wrapper types here
//! (`Const<u64>` is `__k`), all `#[repr(transparent)]` so the ABI is unchanged.

use crate::ctype::{CType, FnProto};
use kfreg_vocab::{ArgKind, Roles};
use std::ffi::c_void;

/// What a Rust type means in a kfunc signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeSpec {
    /// The C type.
    pub ty: CType,
    /// The argument kind.
    pub kind: ArgKind,
    /// The roles the type carries.
    pub roles: Roles,
    /// For pointers: the pointee's size in bytes, 0 when unknown (void or opaque struct).
    pub pointee_size: u32,
}

impl TypeSpec {
    const fn with_roles(self, roles: Roles) -> TypeSpec {
        TypeSpec {
            roles: self.roles.union(roles),
            ..self
        }
    }
}

/// A type that may appear in a kfunc signature.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot appear in a kfunc signature",
    label = "not a kfunc parameter or return type",
    note = "use a scalar (u8..u64, i8..i64, bool), a pointer to a type declared with `kernel_struct!`, \
            or one of kfreg's role wrappers (Const, Size, Nullable, ...)"
)]
pub trait KfuncType {
    /// What the type means.
    const SPEC: TypeSpec;
}

/// A scalar type (integers and `bool`).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a scalar",
    label = "expected an integer or bool here"
)]
pub trait Scalar: KfuncType {}

/// A type a pointer parameter may point to.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a type kfuncs can point to",
    label = "pointee not declared for kfuncs",
    note = "declare kernel structs with `kfreg::kernel_struct!`"
)]
pub trait Pointee {
    /// The pointee's C type.
    const TY: &'static CType;
    /// The kind of an argument pointing to it.
    const KIND: ArgKind;
    /// Its size in bytes, 0 when unknown.
    const SIZE: u32;
}

/// A pointer type (raw pointers and wrappers around them).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a pointer",
    label = "this role applies to pointer parameters only"
)]
pub trait Pointer: KfuncType {}

/// A pointer to a graph node (list or rb-tree node).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a pointer to a graph node",
    label = "expected `*mut ListNode` or `*mut RbNode`"
)]
pub trait NodePointer: Pointer {}

impl KfuncType for () {
    const SPEC: TypeSpec = TypeSpec {
        ty: CType::Void,
        kind: ArgKind::Scalar,
        roles: Roles::NONE,
        pointee_size: 0,
    };
}

macro_rules! scalars {
    ($($t:ty => $c:expr;)*) => {$(
        impl KfuncType for $t {
            const SPEC: TypeSpec = TypeSpec { ty: $c, kind: ArgKind::Scalar, roles: Roles::NONE, pointee_size: 0 };
        }
        impl Scalar for $t {}
        impl Pointee for $t {
            const TY: &'static CType = &$c;
            const KIND: ArgKind = ArgKind::Mem;
            const SIZE: u32 = std::mem::size_of::<$t>() as u32;
        }
    )*};
}

scalars! {
    bool => CType::Bool;
    u8 => CType::Int { bits: 8, signed: false };
    u16 => CType::Int { bits: 16, signed: false };
    u32 => CType::Int { bits: 32, signed: false };
    u64 => CType::Int { bits: 64, signed: false };
    i8 => CType::Int { bits: 8, signed: true };
    i16 => CType::Int { bits: 16, signed: true };
    i32 => CType::Int { bits: 32, signed: true };
    i64 => CType::Int { bits: 64, signed: true };
}

impl Pointee for c_void {
    const TY: &'static CType = &CType::Void;
    const KIND: ArgKind = ArgKind::Mem;
    const SIZE: u32 = 0;
}

impl<T: Pointee> KfuncType for *mut T {
    const SPEC: TypeSpec = TypeSpec {
        ty: CType::ptr(T::TY, false),
        kind: T::KIND,
        roles: Roles::NONE,
        pointee_size: T::SIZE,
    };
}

impl<T: Pointee> KfuncType for *const T {
    const SPEC: TypeSpec = TypeSpec {
        ty: CType::ptr(T::TY, true),
        kind: T::KIND,
        roles: Roles::NONE,
        pointee_size: T::SIZE,
    };
}

impl<T: Pointee> Pointer for *mut T {}
impl<T: Pointee> Pointer for *const T {}

/// Declares opaque kernel structs that kfunc signatures can point to.
///
/// ```
/// kfreg::kernel_struct! {
///     /// The kernel's task.
///     pub struct TaskStruct = "task_struct";
///     /// State of a numeric open-coded iterator (one 8-byte stack slot).
///     pub struct IterNum = "bpf_iter_num", iter, size = 8;
///     /// The tc program context.
///     pub struct SkBuffCtx = "__sk_buff", ctx;
/// }
/// ```
///
/// A pointer to a plain struct is a kernel-object (`btf_id`) argument; `iter`
/// makes it an iterator state and `ctx` a program context.
#[macro_export]
macro_rules! kernel_struct {
    ($($(#[$meta:meta])* $vis:vis struct $name:ident = $c:literal $(, $kind:ident)? $(, size = $size:literal)?;)*) => {$(
        $(#[$meta])*
        #[repr(C)]
        $vis struct $name {
            _opaque: [u8; 0],
        }

        impl $crate::Pointee for $name {
            const TY: &'static $crate::CType = &$crate::CType::Struct($c);
            const KIND: $crate::ArgKind = $crate::__kernel_struct_kind!($($kind)?);
            const SIZE: u32 = 0 $(+ $size)?;
        }
    )*};
}

/// Declares opaque kernel unions that kfunc signatures can point to
/// (`union nf_inet_addr`); a pointer to one is a kernel-object argument.
///
/// ```
/// kfreg::kernel_union! {
///     /// An IPv4 or IPv6 address.
///     pub union NfInetAddr = "nf_inet_addr";
/// }
/// ```
#[macro_export]
macro_rules! kernel_union {
    ($($(#[$meta:meta])* $vis:vis union $name:ident = $c:literal;)*) => {$(
        $(#[$meta])*
        #[repr(C)]
        $vis struct $name {
            _opaque: [u8; 0],
        }

        impl $crate::Pointee for $name {
            const TY: &'static $crate::CType = &$crate::CType::Union($c);
            const KIND: $crate::ArgKind = $crate::ArgKind::BtfId;
            const SIZE: u32 = 0;
        }
    )*};
}

/// Declares kernel enums kfunc signatures take (`enum pid_type`): a
/// 4-byte scalar whose C type is the enum, so headers and BTF agree.
///
/// ```
/// kfreg::kernel_enum! {
///     /// Which ids a signal targets.
///     pub enum PidType = "pid_type";
/// }
/// ```
#[macro_export]
macro_rules! kernel_enum {
    ($($(#[$meta:meta])* $vis:vis enum $name:ident = $c:literal;)*) => {$(
        $(#[$meta])*
        #[repr(transparent)]
        #[derive(Clone, Copy, Debug)]
        $vis struct $name(pub u32);

        impl $crate::KfuncType for $name {
            const SPEC: $crate::TypeSpec = $crate::TypeSpec {
                ty: $crate::CType::Enum($c),
                kind: $crate::ArgKind::Scalar,
                roles: $crate::Roles::NONE,
                pointee_size: 0,
            };
        }
        impl $crate::Scalar for $name {}
        impl $crate::Pointee for $name {
            const TY: &'static $crate::CType = &$crate::CType::Enum($c);
            const KIND: $crate::ArgKind = $crate::ArgKind::Mem;
            const SIZE: u32 = 4;
        }
    )*};
}

#[doc(hidden)]
#[macro_export]
macro_rules! __kernel_struct_kind {
    () => {
        $crate::ArgKind::BtfId
    };
    (iter) => {
        $crate::ArgKind::Iter
    };
    (ctx) => {
        $crate::ArgKind::Ctx
    };
}

macro_rules! special_structs {
    ($($(#[doc = $doc:literal])* $name:ident = $c:literal, $kind:ident, $size:literal;)*) => {$(
        $(#[doc = $doc])*
        #[repr(C)]
        pub struct $name {
            _opaque: [u8; 0],
        }

        impl Pointee for $name {
            const TY: &'static CType = &CType::Struct($c);
            const KIND: ArgKind = ArgKind::$kind;
            const SIZE: u32 = $size;
        }
    )*};
}

special_structs! {
    /// `struct bpf_list_head`: the root of a BPF list.
    ListHead = "bpf_list_head", ListHead, 16;
    /// `struct bpf_list_node`: a list element's link.
    ListNode = "bpf_list_node", ListNode, 24;
    /// `struct bpf_rb_root`: the root of a BPF rb-tree.
    RbRoot = "bpf_rb_root", RbRoot, 16;
    /// `struct bpf_rb_node`: an rb-tree element's link.
    RbNode = "bpf_rb_node", RbNode, 32;
    /// `struct bpf_dynptr`: a dynamic pointer on the stack.
    Dynptr = "bpf_dynptr", Dynptr, 16;
    /// `struct bpf_wq`: a workqueue item in a map value.
    Wq = "bpf_wq", Workqueue, 16;
    /// `struct bpf_task_work`: a task-work item in a map value.
    TaskWork = "bpf_task_work", TaskWork, 8;
    /// `struct bpf_res_spin_lock`: a resilient spin lock.
    ResSpinLock = "bpf_res_spin_lock", ResSpinLock, 4;
}

impl NodePointer for *mut ListNode {}
impl NodePointer for *mut RbNode {}
impl NodePointer for *const RbNode {}

macro_rules! role_wrappers {
    ($($(#[doc = $doc:literal])* $name:ident<$bound:ident> => $role:ident;)*) => {$(
        $(#[doc = $doc])*
        #[repr(transparent)]
        #[derive(Clone, Copy, Debug)]
        pub struct $name<T>(pub T);

        impl<T: $bound> KfuncType for $name<T> {
            const SPEC: TypeSpec = T::SPEC.with_roles(Roles::$role);
        }
    )*};
}

role_wrappers! {
    /// `__k`: a scalar that must be a known constant.
    Const<Scalar> => CONST;
    /// `__sz`: the size of the preceding memory argument.
    Size<Scalar> => SIZE;
    /// `__szk`: the constant size of the preceding memory argument.
    ConstSize<Scalar> => CONST_SIZE;
    /// `__ign`: passed by the program but not checked at all.
    Ign<KfuncType> => IGNORED;
    /// `__nullable`: NULL is accepted even where trusted arguments are required.
    Nullable<Pointer> => NULLABLE;
    /// `__opt`: memory that may be NULL (its size is then not checked).
    Opt<Pointer> => OPTIONAL;
    /// `__uninit`: a dynptr or iterator slot the kfunc initialises.
    Uninit<Pointer> => UNINIT;
    /// A dynptr whose data the kfunc writes: through an skb's dynptr the
    /// packet may move, and the program's packet pointers die.
    Written<Pointer> => WRITTEN;
    /// `__nonown_allowed`: a graph node that may be owning or non-owning.
    NonOwn<NodePointer> => NONOWN_ALLOWED;
    /// An owning graph node whose ownership passes into the root.
    IntoRoot<NodePointer> => INTO_ROOT;
}

impl<T: Pointer> Pointer for Nullable<T> {}
impl<T: Pointer> Pointer for Opt<T> {}
impl<T: Pointer> Pointer for Uninit<T> {}
impl<T: Pointer> Pointer for Written<T> {}
impl<T: Pointer> Pointer for Ign<T> {}
impl<T: NodePointer> Pointer for NonOwn<T> {}
impl<T: NodePointer> Pointer for IntoRoot<T> {}

/// `__arena`: a pointer into the BPF arena (BTF type tag `address_space(1)`).
#[repr(transparent)]
#[derive(Clone, Copy, Debug)]
pub struct Arena<T>(pub T);

impl<T: Pointer> KfuncType for Arena<T> {
    const SPEC: TypeSpec = match T::SPEC.ty {
        CType::Ptr { to, is_const, .. } => TypeSpec {
            ty: CType::Ptr {
                to,
                is_const,
                arena: true,
            },
            ..T::SPEC
        },
        _ => T::SPEC,
    };
}
impl<T: Pointer> Pointer for Arena<T> {}

macro_rules! fixed_params {
    ($($(#[doc = $doc:literal])* $name:ident => $ty:expr, $kind:ident, $role:ident, $size:expr;)*) => {$(
        $(#[doc = $doc])*
        #[repr(transparent)]
        #[derive(Clone, Copy, Debug)]
        pub struct $name(pub *mut c_void);

        impl KfuncType for $name {
            const SPEC: TypeSpec = TypeSpec {
                ty: $ty,
                kind: ArgKind::$kind,
                roles: Roles::$role,
                pointee_size: $size,
            };
        }
        impl Pointer for $name {}
    )*};
}

const VOID_PTR: CType = CType::ptr(&CType::Void, false);

fixed_params! {
    /// `__alloc`: an owning allocated local object (`void *p__alloc`).
    Alloc => VOID_PTR, AllocObj, NONE, 0;
    /// `__alloc` from the per-CPU allocator (`bpf_percpu_obj_new`).
    PercpuAlloc => VOID_PTR, AllocObj, PERCPU, 0;
    /// `__refcounted_kptr`: an allocated object with a `bpf_refcount` field.
    Refcounted => VOID_PTR, RefcountedKptr, NONE, 0;
    /// `__map`: a map pointer (`void *p__map`).
    MapPtr => VOID_PTR, Map, NONE, 0;
    /// `__str`: a constant NUL-terminated string in a read-only map.
    Str => CType::ptr(&CType::Char, true), ConstStr, NONE, 0;
    /// `__irq_flag`: an 8-byte stack slot holding saved IRQ flags.
    IrqFlag => CType::ptr(&CType::Int { bits: 64, signed: false }, false), IrqFlag, NONE, 8;
    /// Any program's context, untyped (`void *`).
    AnyCtx => VOID_PTR, Ctx, NONE, 0;
    /// Hidden `meta__ign`: the verifier passes the struct meta of the object's type.
    Meta => VOID_PTR, Mem, META, 0;
    /// Hidden `aux__prog`: the verifier passes the program's aux pointer.
    ProgAux => VOID_PTR, Mem, PROG, 0;
}

/// Hidden `off`: the verifier passes the node's offset inside its containing object.
#[repr(transparent)]
#[derive(Clone, Copy, Debug)]
pub struct NodeOffset(pub u64);

impl KfuncType for NodeOffset {
    const SPEC: TypeSpec = u64::SPEC.with_roles(Roles::NODE_OFFSET);
}

macro_rules! callbacks {
    ($(($($arg:ident),*);)*) => {$(
        impl<R: KfuncType $(, $arg: KfuncType)*> KfuncType for unsafe extern "C" fn($($arg),*) -> R {
            const SPEC: TypeSpec = TypeSpec {
                ty: CType::FnPtr(&FnProto { ret: R::SPEC.ty, params: &[$($arg::SPEC.ty),*] }),
                kind: ArgKind::Callback,
                roles: Roles::NONE,
                pointee_size: 0,
            };
        }
        impl<R: KfuncType $(, $arg: KfuncType)*> Pointer for unsafe extern "C" fn($($arg),*) -> R {}
    )*};
}

callbacks! {
    ();
    (A);
    (A, B);
    (A, B, C);
    (A, B, C, D);
    (A, B, C, D, E);
}
