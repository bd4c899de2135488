//! Kfunc and family descriptors: what `#[kfunc]` and `#[family]` produce.

use crate::ctype::CType;
use crate::types::TypeSpec;
use kfreg_vocab::{ArgKind, AttachTypes, DynptrInit, Flags, KindSet, ProgTypes, Roles};
use std::fmt;

/// Where a declaration was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// The crate that declared it.
    pub krate: &'static str,
    /// The module path.
    pub module: &'static str,
    /// The source file.
    pub file: &'static str,
    /// The line.
    pub line: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{} ({})", self.file, self.line, self.krate)
    }
}

/// One parameter of a kfunc.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// The Rust parameter name (without kernel suffixes).
    pub name: &'static str,
    /// The C type.
    pub ty: CType,
    /// The argument kind.
    pub kind: ArgKind,
    /// The roles.
    pub roles: Roles,
    /// For pointers: the pointee size in bytes, 0 when unknown.
    pub pointee_size: u32,
}

impl Param {
    /// A parameter named `name` whose Rust type means `spec`.
    pub const fn new(name: &'static str, spec: TypeSpec) -> Param {
        Param {
            name,
            ty: spec.ty,
            kind: spec.kind,
            roles: spec.roles,
            pointee_size: spec.pointee_size,
        }
    }

    /// The parameter name as the kernel spells it, with its role suffix
    /// (`local_type_id__k`, `p__alloc`, ...).
    pub fn kernel_name(&self) -> String {
        let suffix = if self.roles.contains(Roles::NODE_OFFSET) {
            return "off".to_string();
        } else if let Some((_, s)) = Roles::SUFFIXES
            .iter()
            .find(|(r, s)| !s.is_empty() && self.roles.contains(*r))
        {
            *s
        } else {
            match self.kind {
                ArgKind::AllocObj => "__alloc",
                ArgKind::RefcountedKptr => "__refcounted_kptr",
                ArgKind::Map if self.ty.struct_name().is_none() => "__map",
                ArgKind::ConstStr => "__str",
                ArgKind::IrqFlag => "__irq_flag",
                _ => "",
            }
        };
        if self.name.ends_with(suffix) {
            self.name.to_string()
        } else {
            format!("{}{suffix}", self.name)
        }
    }
}

/// What a kfunc returns, as the verifier types R0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ret {
    /// Nothing.
    Void,
    /// An unknown scalar of the declared width.
    Scalar,
    /// An untyped pointer, treated as a scalar.
    Opaque,
    /// Memory of the pointee's size, read-only (the kernel's `r0_rdonly`).
    Mem,
    /// Memory of the pointee's size the program may write (`ret = writable`:
    /// the kernel's session cookie).
    WritableMem,
    /// A pointer to a kernel object of the declared struct type.
    Object,
    /// A pointer to a kernel object that must not be trusted (`PTR_UNTRUSTED`).
    UntrustedObject,
    /// The element containing the returned node, typed by the root argument's
    /// `__contains` declaration: owning when the kfunc acquires, else non-owning.
    GraphNode {
        /// Index of the root parameter.
        root: u8,
    },
    /// A new allocated object of the program-BTF type named by a constant argument.
    NewObject {
        /// Index of the constant type-id parameter.
        type_arg: u8,
        /// Per-CPU allocation.
        percpu: bool,
    },
    /// An allocated object of the same type as an argument.
    Like {
        /// Index of the parameter.
        arg: u8,
    },
    /// The kernel-side context of the calling program type, trusted.
    KernCtx,
    /// An untrusted pointer to the kernel type named by a constant argument.
    Cast {
        /// Index of the constant type-id parameter.
        type_arg: u8,
    },
    /// Memory of a dynptr, of the constant size given by an argument.
    DynptrSlice {
        /// Index of the dynptr parameter.
        dynptr: u8,
        /// Index of the constant size parameter.
        size: u8,
        /// Writable slice (needs packet-write permission for packet dynptrs).
        writable: bool,
    },
    /// A pointer into the BPF arena.
    Arena,
}

impl Ret {
    /// The return semantics that follow from the return type alone.
    pub const fn derive(spec: TypeSpec, params: &[Param]) -> Ret {
        match spec.ty {
            CType::Void => Ret::Void,
            CType::Bool | CType::Int { .. } | CType::Char | CType::Enum(_) => Ret::Scalar,
            CType::Ptr { arena: true, .. } => Ret::Arena,
            CType::Ptr { to, .. } => match (to, spec.kind) {
                (_, ArgKind::ListNode | ArgKind::RbNode) => match first_root(params) {
                    Some(root) => Ret::GraphNode { root },
                    None => Ret::Object,
                },
                (CType::Void, _) => Ret::Opaque,
                (CType::Struct(_) | CType::Union(_), _) => Ret::Object,
                _ => Ret::Mem,
            },
            CType::Struct(_) | CType::Union(_) | CType::FnPtr(_) => Ret::Opaque,
        }
    }

    /// Whether R0 is a pointer the program may dereference or pass on.
    pub const fn is_pointer(&self) -> bool {
        !matches!(self, Ret::Void | Ret::Scalar | Ret::Opaque | Ret::Arena)
    }

    /// A short description for listings.
    pub fn describe(&self, kfunc: &Kfunc) -> String {
        let p = |i: u8| kfunc.params.get(i as usize).map_or("?", |p| p.name);
        match *self {
            Ret::Void => "void".into(),
            Ret::Scalar => "scalar".into(),
            Ret::Opaque => "opaque pointer (scalar)".into(),
            Ret::Mem => "memory of the pointee's size".into(),
            Ret::WritableMem => "writable memory of the pointee's size".into(),
            Ret::Object => format!("kernel object {}", kfunc.ret_ty),
            Ret::UntrustedObject => format!("untrusted kernel object {}", kfunc.ret_ty),
            Ret::GraphNode { root } => format!(
                "{} element of root `{}`",
                if kfunc.flags.contains(Flags::ACQUIRE) {
                    "owning"
                } else {
                    "non-owning"
                },
                p(root)
            ),
            Ret::NewObject { type_arg, percpu } => format!(
                "new {}allocated object of the program type `{}`",
                if percpu { "per-CPU " } else { "" },
                p(type_arg)
            ),
            Ret::Like { arg } => format!("allocated object of `{}`'s type", p(arg)),
            Ret::KernCtx => "trusted kernel context of the program type".into(),
            Ret::Cast { type_arg } => format!("untrusted kernel type `{}`", p(type_arg)),
            Ret::DynptrSlice {
                dynptr,
                size,
                writable,
            } => format!(
                "{} slice of `{}` sized by `{}`",
                if writable { "writable" } else { "read-only" },
                p(dynptr),
                p(size)
            ),
            Ret::Arena => "arena pointer".into(),
        }
    }
}

const fn first_root(params: &[Param]) -> Option<u8> {
    let mut i = 0;
    while i < params.len() {
        if params[i].kind.is_graph_root() {
            return Some(i as u8);
        }
        i += 1;
    }
    None
}

/// How a callback's arguments are built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallbackArgs {
    /// Every argument is a non-owning node of the kfunc's root (rb-tree `less`).
    Nodes,
    /// Map pointer, key and value of the map the given parameter lives in (wq, task_work).
    MapValue {
        /// Index of the parameter whose map is used.
        of: u8,
    },
    /// The callee's arguments are unknown scalars.
    Scalars,
}

/// A callback argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Callback {
    /// Index of the callback parameter.
    pub arg: u8,
    /// Runs during the call (verified as a nested frame) rather than later.
    pub sync: bool,
    /// An async callee runs in sleepable context.
    pub sleepable: bool,
    /// How the callee's arguments are built.
    pub args: CallbackArgs,
    /// Smallest value the callee may return.
    pub ret_min: i64,
    /// Largest value the callee may return.
    pub ret_max: i64,
}

/// A declared kfunc.
#[derive(Debug)]
pub struct Kfunc {
    /// The kernel symbol name.
    pub name: &'static str,
    /// The first line of its doc comment.
    pub doc: &'static str,
    /// Its family, if it belongs to one.
    pub family: Option<&'static FamilyDesc>,
    /// Call-level flags.
    pub flags: Flags,
    /// Parameters, in order.
    pub params: &'static [Param],
    /// The C return type.
    pub ret_ty: CType,
    /// How the verifier types the result.
    pub ret: Ret,
    /// Callback parameters.
    pub callbacks: &'static [Callback],
    /// How the kfunc initialises its `__uninit` dynptr, if it does.
    pub dynptr: Option<DynptrInit>,
    /// Program types it may be called from; `None` inherits the family's.
    pub prog_types: Option<ProgTypes>,
    /// The attach types it is kept to (the kernel's kfunc set filters);
    /// empty: every attach type of its program types.
    pub attach: AttachTypes,
    /// Where it is defined.
    pub location: Location,
}

impl Kfunc {
    /// Program types this kfunc may be called from.
    pub fn availability(&self) -> ProgTypes {
        self.prog_types
            .or(self.family.map(|f| f.prog_types))
            .unwrap_or(ProgTypes::ANY)
    }

    /// The flags including those the family gives every member.
    pub fn effective_flags(&self) -> Flags {
        match self.family {
            Some(f) if f.lock_safe => self.flags.union(Flags::LOCK_SAFE),
            _ => self.flags,
        }
    }

    /// The set of argument kinds among the parameters.
    pub fn kinds(&self) -> KindSet {
        self.params
            .iter()
            .fold(KindSet::EMPTY, |s, p| s.with(p.kind))
    }

    /// The callback at parameter `arg`, if any.
    pub fn callback(&self, arg: usize) -> Option<&Callback> {
        self.callbacks.iter().find(|c| c.arg as usize == arg)
    }

    /// The C prototype as an `extern ... __ksym;` declaration.
    pub fn c_prototype(&self) -> String {
        let params = if self.params.is_empty() {
            "void".to_string()
        } else {
            self.params
                .iter()
                .map(|p| p.ty.declare(&p.kernel_name()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!(
            "extern {}({params}) __ksym;",
            self.ret_ty.declare(self.name)
        )
    }
}

/// A declared kfunc family and its policy.
#[derive(Debug)]
pub struct FamilyDesc {
    /// The family name.
    pub name: &'static str,
    /// The first line of its doc comment.
    pub doc: &'static str,
    /// The graph root kind its members operate on.
    pub root: Option<ArgKind>,
    /// The graph node kind its members operate on.
    pub node: Option<ArgKind>,
    /// Operations on a root need the lock protecting it held, in the same allocation.
    pub lock_required: bool,
    /// Members may be called while a lock is held.
    pub lock_safe: bool,
    /// The IRQ-flag class its saves write and its restores require.
    pub irq_class: Option<&'static str>,
    /// Default program types of its members.
    pub prog_types: ProgTypes,
    /// Where it is declared.
    pub location: Location,
}

/// Implemented by the type `#[family]` declares; `family = NAME` resolves through it.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a kfunc family",
    label = "not declared with #[family]",
    note = "declare families with `#[kfreg::family(...)] pub struct NAME;`"
)]
pub trait Family {
    /// The family's descriptor.
    const DESC: &'static FamilyDesc;
}

/// A family collected at link time: `#[family]` puts one in the
/// `kfreg_families` link section.
pub struct FamilyEntry(pub &'static FamilyDesc);
