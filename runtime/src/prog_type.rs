//! Program type descriptors (what `#[context]` and `#[prog_type]` produce)
//! and the table of collected program types.
//!
//! A program type is a declaration like a kfunc: its context struct with
//! what each field allows and yields, the fields only it may see or write,
//! its return range, the `SEC()` names libbpf loads it from and the
//! properties the kernel's verifier decides by comparing program types.

use crate::WriteRule;
use crate::decl::Location;
use kfreg_vocab::{
    AttachType, AttachTypes, CtxArgAlias, CtxValue, Loads, PacketArgs, ProgFlags, ProgType,
};
use std::collections::BTreeMap;
use std::fmt;

/// A context struct: the memory a program's R1 points to at entry.
#[derive(Debug)]
pub struct Context {
    /// The Rust item that declares it.
    pub rust_name: &'static str,
    /// The kernel struct it mirrors (`__sk_buff`), checked against BTF; `None`
    /// for a context the kernel gives no struct (a tracepoint's record).
    pub btf_name: Option<&'static str>,
    /// The kernel struct this one is the program's view of (`sk_buff` for
    /// `__sk_buff`): kfuncs taking that struct accept the context.
    pub kern: Option<&'static str>,
    /// The typedef the kernel names the context by (`bpf_user_pt_regs_t`),
    /// which a global function's parameter may name instead of the struct.
    pub typedef: Option<&'static str>,
    /// Loads at negative offsets pass, of any size that divides the offset:
    /// the kernel compares the offset with the record's start as an unsigned
    /// number (`tp_prog_is_valid_access`).
    pub reads_below_start: bool,
    /// Its size in bytes.
    pub size: u32,
    /// Its fields, by offset.
    pub fields: &'static [CtxField],
}

impl Context {
    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&'static CtxField> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// One field of a context struct.
#[derive(Clone, Copy, Debug)]
pub struct CtxField {
    /// Its name (checked against the kernel struct's member).
    pub name: &'static str,
    /// The kernel struct member it lies inside, when that differs from its name
    /// (a part of a union).
    pub member: &'static str,
    /// Offset in the context.
    pub off: u32,
    /// Size in bytes.
    pub size: u32,
    /// Size of one element (the field's size unless it is an array).
    pub elem: u32,
    /// Which loads it allows.
    pub loads: Loads,
    /// What a load gives.
    pub yields: CtxValue,
    /// The kernel struct a `kernel` or `flow_keys` field points to.
    pub target: Option<&'static str>,
    /// Writable by every program type using the context.
    pub write: bool,
    /// The attach types that may write it (empty: every one).
    pub write_attach: AttachTypes,
    /// 8-byte accesses to an aligned pair of elements are allowed too
    /// (`bpf_ctx_wide_access_ok`).
    pub wide: bool,
    /// Hidden unless a program type shows it.
    pub hidden: bool,
    /// The attach types that may see it (empty: every one).
    pub attach: AttachTypes,
}

/// One `SEC()` name libbpf loads programs of a type from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// The name pattern: ending in `+`, the name itself or followed by
    /// `/anything`; ending in `/`, any name with that prefix; else exact.
    pub pattern: &'static str,
    /// Loaded sleepable (`.s` variants, `syscall`).
    pub sleepable: bool,
    /// A BPF iterator.
    pub iter: bool,
    /// The expected attach type libbpf loads it with.
    pub attach: Option<AttachType>,
}

impl Section {
    /// Whether ELF section `name` (without a leading `?`) matches.
    pub fn matches(&self, name: &str) -> bool {
        let def = self.pattern;
        if let Some(prefix) = def.strip_suffix('+') {
            return match name.strip_prefix(prefix) {
                Some(rest) => rest.is_empty() || rest.starts_with('/'),
                None => false,
            };
        }
        if def.ends_with('/') {
            return name.starts_with(def);
        }
        def == name
    }
}

/// A return range that depends on the attach type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttachRet {
    /// The attach type.
    pub attach: AttachType,
    /// Lowest value allowed.
    pub lo: i64,
    /// Highest value allowed.
    pub hi: i64,
}

/// Properties only programs of a type attached one way have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttachFlags {
    /// The attach type.
    pub attach: AttachType,
    /// What programs attached so have besides the type's own properties.
    pub flags: ProgFlags,
}

/// What a global function's `__arg_ctx` parameter of programs attached one
/// way may also point to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttachCtxArgs {
    /// The attach type.
    pub attach: AttachType,
    /// The pointees.
    pub aliases: &'static [CtxArgAlias],
}

/// A declared program type.
#[derive(Debug)]
pub struct ProgTypeDecl {
    /// Its number.
    pub id: ProgType,
    /// The DSL's name (`sched_cls`).
    pub name: &'static str,
    /// The kernel's enumerator name.
    pub kernel_name: &'static str,
    /// The first line of its documentation.
    pub doc: &'static str,
    /// Its context; `None` when it is another program's (freplace).
    pub ctx: Option<&'static Context>,
    /// The kernel struct its context is converted to (what `bpf_cast_to_kern_ctx` returns).
    pub kern_ctx: Option<&'static str>,
    /// The kernel function giving it its helpers (its verifier ops'
    /// `get_func_proto`): a kernel whose BTF lacks it was built without
    /// the type, and refuses to load such programs (`find_prog_type`).
    pub func_proto: Option<&'static str>,
    /// Only GPL-compatible programs may be of this type; the kernel's
    /// refusal names them so (`"struct ops"`: "struct ops programs must
    /// have a GPL compatible license").
    pub gpl_only: Option<&'static str>,
    /// Programs of this type must be loaded sleepable; the kernel's refusal
    /// names them so (`"Syscall"`: "Syscall programs can only be sleepable").
    pub sleepable_only: Option<&'static str>,
    /// Hidden fields it shows.
    pub show: &'static [&'static str],
    /// Fields it may not see.
    pub hide: &'static [&'static str],
    /// When not empty, the only fields it may see.
    pub only: &'static [&'static str],
    /// Fields it may write besides the context's writable ones.
    pub write: &'static [&'static str],
    /// Stores through pointers to kernel structs it may make (its
    /// `btf_struct_access`); none when `None`.
    pub kernel_write: Option<WriteRule>,
    /// Properties the verifier asks about.
    pub flags: ProgFlags,
    /// When packet pointers may be passed to helpers.
    pub packet_args: PacketArgs,
    /// The range R0 must be in at exit, if any.
    pub ret: Option<(i64, i64)>,
    /// Return ranges for particular attach types.
    pub ret_for: &'static [AttachRet],
    /// Return ranges for particular attach types when the attached-to
    /// function returns nothing; without one, the program returns anything
    /// and need not set R0.
    pub void_ret_for: &'static [AttachRet],
    /// Properties of particular attach types.
    pub flags_for: &'static [AttachFlags],
    /// What a global function's `__arg_ctx` parameter may point to
    /// besides `void` and the context's struct.
    pub ctx_args: &'static [CtxArgAlias],
    /// The same for particular attach types, in addition.
    pub ctx_args_for: &'static [AttachCtxArgs],
    /// The attach type the kernel gives a program of this type loaded
    /// without one (`bpf_prog_load_fixup_attach_type`).
    pub default_attach: Option<AttachType>,
    /// Its `SEC()` names.
    pub sections: &'static [Section],
    /// Helpers it may call besides those whose declarations name it.
    pub helpers: &'static [&'static str],
    /// Kfuncs it may call besides those whose declarations name it.
    pub kfuncs: &'static [&'static str],
    /// Where it is declared.
    pub location: Location,
}

impl ProgTypeDecl {
    /// Whether the type has every property of `flags`.
    pub const fn has(&self, flags: ProgFlags) -> bool {
        self.flags.contains(flags)
    }

    /// Whether a program of this type attached as `attach` has every
    /// property of `flags`.
    pub fn has_for(&self, flags: ProgFlags, attach: Option<AttachType>) -> bool {
        let extra = self
            .flags_for
            .iter()
            .filter(|f| Some(f.attach) == attach)
            .fold(ProgFlags::NONE, |acc, f| acc.union(f.flags));
        self.flags.union(extra).contains(flags)
    }

    /// The attach type a program of this type loaded with `attach` is
    /// verified as. The kernel's expected attach type is a number, and a
    /// program loaded without one has 0, `BPF_CGROUP_INET_INGRESS`, unless
    /// the type gives it another ([`ProgTypeDecl::default_attach`]): what
    /// a helper or a context field allows is decided for that.
    pub fn load_attach(&self, attach: Option<AttachType>) -> AttachType {
        // Attach type 0 is no attach type to the kernel's fixup.
        attach
            .filter(|a| *a != AttachType::CgroupInetIngress)
            .or(self.default_attach)
            .unwrap_or(AttachType::CgroupInetIngress)
    }

    /// Whether the kernel loads a program of this type as attach type
    /// `attach` (what [`ProgTypeDecl::load_attach`] makes of the one given):
    /// any, unless the type is `strict_attach`, then those its sections name.
    pub fn loads_as(&self, attach: AttachType) -> bool {
        !self.flags.contains(ProgFlags::STRICT_ATTACH)
            || self
                .sections
                .iter()
                .any(|s| s.attach.unwrap_or(AttachType::CgroupInetIngress) == attach)
    }

    /// The rule for the context field holding byte `off` of a program of
    /// this type attached as `attach`; `None` when the byte is padding, past
    /// the end, or a field the program may not see.
    pub fn field_at(&self, attach: Option<AttachType>, off: u32) -> Option<FieldRule> {
        let field = self
            .ctx?
            .fields
            .iter()
            .find(|f| off >= f.off && off < f.off + f.size)?;
        let named = |list: &[&str]| list.contains(&field.name);
        let visible = if self.only.is_empty() {
            (!field.hidden || named(self.show)) && !named(self.hide)
        } else {
            named(self.only)
        };
        let allows =
            |set: AttachTypes| set == AttachTypes::NONE || attach.is_some_and(|a| set.contains(a));
        (visible && allows(field.attach)).then_some(FieldRule {
            field,
            writable: (field.write && allows(field.write_attach)) || named(self.write),
        })
    }

    /// What a global function's `__arg_ctx` parameter of a program attached
    /// as `attach` may point to besides `void` and the context's struct.
    pub fn ctx_arg_aliases(
        &self,
        attach: Option<AttachType>,
    ) -> impl Iterator<Item = &'static CtxArgAlias> + '_ {
        let extra = self
            .ctx_args_for
            .iter()
            .filter(move |a| Some(a.attach) == attach);
        self.ctx_args.iter().chain(extra.flat_map(|a| a.aliases))
    }

    /// The range R0 must be in when a program attached as `attach` exits.
    pub fn return_range(&self, attach: Option<AttachType>) -> Option<(i64, i64)> {
        match self.ret_for.iter().find(|r| Some(r.attach) == attach) {
            Some(r) => Some((r.lo, r.hi)),
            None => self.ret,
        }
    }

    /// The range R0 must be in when a program attached as `attach` to a
    /// function returning nothing exits; `None` when it is not checked.
    pub fn void_return_range(&self, attach: Option<AttachType>) -> Option<(i64, i64)> {
        self.void_ret_for
            .iter()
            .find(|r| Some(r.attach) == attach)
            .map(|r| (r.lo, r.hi))
    }
}

/// Collected at link time: `#[prog_type]` puts one in a link section.
pub struct ProgTypeEntry(pub &'static ProgTypeDecl);

/// A Rust type a context field may have: its element size.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a context field type",
    label = "not a context field type",
    note = "context fields are u8, u16, u32, u64, i32, i64 or arrays of them"
)]
pub trait CtxFieldType {
    /// Size of one element.
    const ELEM: u32;
}

macro_rules! field_types {
    ($($t:ty),*) => {$(
        impl CtxFieldType for $t {
            const ELEM: u32 = core::mem::size_of::<$t>() as u32;
        }
    )*};
}
field_types!(u8, u16, u32, u64, i8, i16, i32, i64);

impl<T: CtxFieldType, const N: usize> CtxFieldType for [T; N] {
    const ELEM: u32 = T::ELEM;
}

/// A struct declared with `#[context]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a context struct",
    label = "not declared with #[context]",
    note = "a program type's `ctx` names a struct declared with `#[kfreg::context]`"
)]
pub trait ContextStruct {
    /// Its descriptor.
    const CONTEXT: &'static Context;
}

/// What an access to a context byte range is allowed, for one program type
/// and attach type.
#[derive(Clone, Copy, Debug)]
pub struct FieldRule {
    /// The field.
    pub field: &'static CtxField,
    /// Whether the program may write it.
    pub writable: bool,
}

/// A problem found while collecting program types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgTypeConflict {
    /// Two declarations of one number.
    Duplicate {
        /// The number.
        id: u32,
        /// One declaration.
        first: Location,
        /// The other.
        second: Location,
    },
    /// A declaration names a field its context does not have.
    UnknownField {
        /// The program type.
        prog: &'static str,
        /// The field.
        field: &'static str,
        /// Where the program type is declared.
        at: Location,
    },
    /// A declaration lists a kfunc no declaration defines.
    UnknownKfunc {
        /// The program type.
        prog: &'static str,
        /// The kfunc.
        kfunc: &'static str,
        /// Where the program type is declared.
        at: Location,
    },
    /// A declaration lists a helper no declaration defines.
    UnknownHelper {
        /// The program type.
        prog: &'static str,
        /// The helper.
        helper: &'static str,
        /// Where the program type is declared.
        at: Location,
    },
}

impl fmt::Display for ProgTypeConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProgTypeConflict::Duplicate { id, first, second } => write!(
                f,
                "program type #{id} is declared at {first} and at {second}"
            ),
            ProgTypeConflict::UnknownField { prog, field, at } => write!(
                f,
                "program type `{prog}` (at {at}) names field `{field}`, which its context does not have"
            ),
            ProgTypeConflict::UnknownKfunc { prog, kfunc, at } => write!(
                f,
                "program type `{prog}` (at {at}) lists kfunc `{kfunc}`, which no linked declaration defines"
            ),
            ProgTypeConflict::UnknownHelper { prog, helper, at } => write!(
                f,
                "program type `{prog}` (at {at}) lists helper `{helper}`, which no linked declaration defines"
            ),
        }
    }
}

/// The collected program types, by number.
#[derive(Debug, Default)]
pub struct ProgTypeTable {
    by_id: BTreeMap<u32, &'static ProgTypeDecl>,
}

impl ProgTypeTable {
    /// Builds the table; every conflict is reported.
    pub fn build(
        decls: impl IntoIterator<Item = &'static ProgTypeDecl>,
    ) -> Result<ProgTypeTable, Vec<ProgTypeConflict>> {
        let mut by_id: BTreeMap<u32, &'static ProgTypeDecl> = BTreeMap::new();
        let mut conflicts = Vec::new();
        for d in decls {
            if let Some(prev) = by_id.get(&d.id.id()) {
                if !std::ptr::eq(*prev, d) {
                    conflicts.push(ProgTypeConflict::Duplicate {
                        id: d.id.id(),
                        first: prev.location,
                        second: d.location,
                    });
                }
                continue;
            }
            let named = d.show.iter().chain(d.hide).chain(d.only).chain(d.write);
            for field in named {
                if d.ctx.is_none_or(|c| c.field(field).is_none()) {
                    conflicts.push(ProgTypeConflict::UnknownField {
                        prog: d.name,
                        field,
                        at: d.location,
                    });
                }
            }
            by_id.insert(d.id.id(), d);
        }
        if conflicts.is_empty() {
            Ok(ProgTypeTable { by_id })
        } else {
            Err(conflicts)
        }
    }

    /// The declaration of program type `prog`.
    pub fn get(&self, prog: ProgType) -> Option<&'static ProgTypeDecl> {
        self.by_id.get(&prog.id()).copied()
    }

    /// The program type whose DSL name is `name`.
    pub fn by_name(&self, name: &str) -> Option<&'static ProgTypeDecl> {
        self.iter().find(|d| d.name == name)
    }

    /// Every declaration, by number.
    pub fn iter(&self) -> impl Iterator<Item = &'static ProgTypeDecl> + '_ {
        self.by_id.values().copied()
    }

    /// How many program types are declared.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The program type and `SEC()` definition libbpf gives ELF section
    /// `name` (without its leading `?`): the longest matching pattern wins,
    /// so the answer never depends on declaration order.
    pub fn classify(&self, name: &str) -> Option<(&'static ProgTypeDecl, &'static Section)> {
        self.iter()
            .flat_map(|d| d.sections.iter().map(move |s| (d, s)))
            .filter(|(_, s)| s.matches(name))
            .max_by_key(|(_, s)| s.pattern.len())
    }

    /// The attach type a program of type `prog` loaded with `attach` is
    /// verified as ([`ProgTypeDecl::load_attach`]); a type nobody declared
    /// keeps what it was given.
    pub fn load_attach(&self, prog: ProgType, attach: Option<AttachType>) -> Option<AttachType> {
        match self.get(prog) {
            Some(d) => Some(d.load_attach(attach)),
            None => attach,
        }
    }

    /// The rule for the context field holding byte `off` of a program of
    /// type `prog` attached as `attach` (see [`ProgTypeDecl::field_at`]).
    pub fn field_at(
        &self,
        prog: ProgType,
        attach: Option<AttachType>,
        off: u32,
    ) -> Option<FieldRule> {
        self.get(prog)?.field_at(attach, off)
    }
}
