//! Helper descriptors (what `#[helper]` produces), the Rust types a helper
//! prototype is written with, and the table of collected helpers.
//!
//! A helper's arguments and return are spelled as types whose meaning is a
//! kernel `ARG_*`/`RET_*` value: `Rdonly<Mem>` is `ARG_PTR_TO_MEM |
//! MEM_RDONLY`, `OrNull<MapValue>` is `RET_PTR_TO_MAP_VALUE_OR_NULL`. An
//! unknown word is a rustc error at the user's token; modifiers that make no
//! sense on a base type (a size that is NULL, a context that is released)
//! have no implementation and are refused the same way.

use crate::decl::Location;
use crate::types::Pointee;
use kfreg_vocab::{
    ArgFlags, ArgType, AttachType, AttachTypes, CallbackShape, HelperArg, HelperFlags, HelperRet,
    MapKinds, ProgType, ProgTypes, RetFlags, RetType,
};
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

/// A declared helper prototype: one `struct bpf_func_proto` of the kernel.
///
/// One helper number may have several prototypes, each for its own program
/// types (the kernel's `bpf_perf_event_output` takes a different context in
/// tracing and in networking programs).
#[derive(Debug)]
pub struct Helper {
    /// The helper's number (`BPF_FUNC_*`).
    pub id: u32,
    /// The helper's name (`bpf_map_lookup_elem`).
    pub name: &'static str,
    /// The Rust item that declares this prototype (the kernel's proto name).
    pub proto: &'static str,
    /// The first line of its documentation.
    pub doc: &'static str,
    /// Arguments R1..R5; unused ones are `ArgType::DontCare`.
    pub args: [HelperArg; 5],
    /// The parameter names.
    pub arg_names: &'static [&'static str],
    /// The return type.
    pub ret: HelperRet,
    /// Call-level properties.
    pub flags: HelperFlags,
    /// The callback it calls, with the shape of the call.
    pub callback: Option<CallbackShape>,
    /// The map types its map argument accepts (empty: every type).
    pub map_types: MapKinds,
    /// The program types that may call it.
    pub prog_types: ProgTypes,
    /// When not empty, the only attach types of those program types that
    /// get this prototype: the kernel's `get_func_proto` gives a program
    /// type's programs different prototypes of a helper by their expected
    /// attach type (`bpf_get_func_ip` for a kprobe.multi is not a kprobe's).
    pub for_attach: AttachTypes,
    /// Attach types of those program types that do not get it.
    pub not_for_attach: AttachTypes,
    /// When not empty, the only attach types whose programs may call it
    /// (the kernel's `bpf_func_proto.allowed`: others are refused at the
    /// call, "helper call is not allowed in probe").
    pub only_attach: AttachTypes,
    /// When not empty, the only kernel functions a program traced through a
    /// trampoline (fentry, fexit, fmod_ret) may call it from.
    pub only_funcs: &'static [&'static str],
    /// Programs tracing a kernel function whose name starts with this may
    /// not call it (a storage's helpers, from its own functions).
    pub not_traced: Option<&'static str>,
    /// Where it is declared.
    pub location: Location,
}

impl Helper {
    /// Whether programs attached as `attach` (none: loaded without an
    /// expected attach type) get this prototype.
    pub fn serves(&self, attach: Option<AttachType>) -> bool {
        match attach {
            Some(a) => {
                !self.not_for_attach.contains(a)
                    && (self.for_attach.is_empty() || self.for_attach.contains(a))
            }
            None => self.for_attach.is_empty(),
        }
    }

    /// Whether some program would be served both this prototype and `other`.
    fn shares_attach(&self, other: &Helper) -> bool {
        let attach = AttachType::ALL.iter().copied().map(Some);
        attach
            .chain([None])
            .any(|a| self.serves(a) && other.serves(a))
    }

    /// Whether the helper has every property of `flags`.
    pub const fn has(&self, flags: HelperFlags) -> bool {
        self.flags.contains(flags)
    }

    /// The arguments it uses.
    pub fn used_args(&self) -> &[HelperArg] {
        let n = self
            .args
            .iter()
            .position(|a| a.ty == ArgType::DontCare)
            .unwrap_or(5);
        &self.args[..n]
    }
}

/// Collected at link time: `#[helper]` puts one in a link section.
pub struct HelperEntry(pub &'static Helper);

/// What a Rust type means as a helper argument.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a helper argument type",
    label = "not a helper argument",
    note = "use one of kfreg::helper's argument types (Anything, Ctx, ConstMapPtr, MapKey, Mem, ConstSize, ...) \
            and the modifiers that apply to it (OrNull, Rdonly, Uninit, Release, Fixed)"
)]
pub trait HelperArgType {
    /// The argument.
    const ARG: HelperArg;
}

/// What a Rust type means as a helper's return type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a helper return type",
    label = "not a helper return type",
    note = "use `Integer`, `()`, or one of kfreg::helper's pointer returns (MapValue, Socket, Mem, BtfId<T>, ...)"
)]
pub trait HelperRetType {
    /// The return.
    const RET: HelperRet;
}

/// Argument types that may be NULL (`PTR_MAYBE_NULL`).
pub trait Nullable: HelperArgType {}
/// Argument types that are memory a helper reads or writes.
pub trait Memory: HelperArgType {}
/// Argument types that carry a reference a helper may consume.
pub trait Releasable: HelperArgType {}
/// Pointer returns.
pub trait PointerRet: HelperRetType {}

macro_rules! base_args {
    ($($(#[doc = $doc:literal])* $name:ident = $ty:ident $(: $($tr:ident),*)?;)*) => {$(
        $(#[doc = $doc])*
        #[derive(Debug)]
        pub struct $name;
        impl HelperArgType for $name {
            const ARG: HelperArg = HelperArg::of(ArgType::$ty);
        }
        $($(impl $tr for $name {})*)?
    )*};
}

base_args! {
    /// `ARG_ANYTHING`: any initialised value.
    Anything = Anything;
    /// `ARG_SCALAR`: a number.
    Scalar = Scalar;
    /// `ARG_CONST_MAP_PTR`: a map known at verification time.
    ConstMapPtr = ConstMapPtr;
    /// `ARG_PTR_TO_MAP_KEY`: a key of the map argument.
    MapKey = MapKey: Nullable, Memory;
    /// `ARG_PTR_TO_MAP_VALUE`: a value of the map argument.
    MapValue = MapValue: Nullable, Memory;
    /// `ARG_PTR_TO_MEM`: memory sized by the next argument.
    Mem = Mem: Nullable, Memory;
    /// `ARG_PTR_TO_ARENA`: an arena pointer.
    ArenaPtr = Arena;
    /// `ARG_CONST_SIZE`: the size of the memory before it, above zero.
    ConstSize = ConstSize;
    /// `ARG_CONST_SIZE_OR_ZERO`: the size of the memory before it.
    ConstSizeOrZero = ConstSizeOrZero;
    /// `ARG_PTR_TO_CTX`: the program's context.
    Ctx = Ctx: Nullable;
    /// `ARG_PTR_TO_SPIN_LOCK`: a `bpf_spin_lock`.
    SpinLock = SpinLock;
    /// `ARG_PTR_TO_SOCK_COMMON`: any socket.
    SockCommon = SockCommon;
    /// `ARG_PTR_TO_SOCKET`: a full socket.
    Socket = Socket: Nullable, Releasable;
    /// `ARG_PTR_TO_RINGBUF_MEM`: a ring-buffer record.
    RingbufMem = RingbufMem: Releasable;
    /// `ARG_CONST_ALLOC_SIZE_OR_ZERO`: how many bytes to allocate.
    ConstAllocSizeOrZero = ConstAllocSizeOrZero;
    /// `ARG_PTR_TO_BTF_ID_SOCK_COMMON`: a kernel socket or a `bpf_sock`.
    BtfIdSockCommon = BtfIdSockCommon: Nullable, Releasable;
    /// `ARG_PTR_TO_PERCPU_BTF_ID`: a per-CPU kernel variable.
    PercpuBtfId = PercpuBtfId;
    /// `ARG_PTR_TO_FUNC`: a callback subprogram.
    Func = Func;
    /// `ARG_PTR_TO_STACK`: the stack.
    Stack = Stack: Nullable;
    /// `ARG_PTR_TO_CONST_STR`: a constant NUL-terminated string.
    ConstStr = ConstStr;
    /// `ARG_PTR_TO_TIMER`: a `bpf_timer`.
    Timer = Timer;
    /// `ARG_KPTR_XCHG_DEST`: a kptr field.
    KptrXchgDest = KptrXchgDest;
    /// `ARG_PTR_TO_DYNPTR`: an initialised dynptr of any kind.
    Dynptr = Dynptr: Releasable, Memory;
}

/// `ARG_PTR_TO_BTF_ID`: a kernel object of type `T` (`arg_btf_id`).
#[derive(Debug)]
pub struct BtfId<T>(PhantomData<T>);

/// The type of the kptr field a `KptrXchgDest` argument points at (the
/// kernel's `BPF_PTR_POISON` as `arg_btf_id`): `BtfId<KptrType>`.
#[derive(Debug)]
pub struct KptrType;
impl HelperArgType for BtfId<KptrType> {
    const ARG: HelperArg = HelperArg::of(ArgType::BtfId);
}
impl Nullable for BtfId<KptrType> {}
impl Releasable for BtfId<KptrType> {}
impl<T: Pointee> HelperArgType for BtfId<T> {
    const ARG: HelperArg = HelperArg {
        btf: T::TY.struct_name(),
        ..HelperArg::of(ArgType::BtfId)
    };
}
impl<T: Pointee> Nullable for BtfId<T> {}
impl<T: Pointee> Releasable for BtfId<T> {}

/// `ARG_PTR_TO_DYNPTR | DYNPTR_TYPE_LOCAL`: a dynptr over local memory.
#[derive(Debug)]
pub struct LocalDynptr;
impl HelperArgType for LocalDynptr {
    const ARG: HelperArg = Dynptr::ARG.with(ArgFlags::DYNPTR_LOCAL);
}
/// `ARG_PTR_TO_DYNPTR | DYNPTR_TYPE_RINGBUF`: a dynptr over a ring-buffer record.
#[derive(Debug)]
pub struct RingbufDynptr;
impl HelperArgType for RingbufDynptr {
    const ARG: HelperArg = Dynptr::ARG.with(ArgFlags::DYNPTR_RINGBUF);
}
impl Releasable for RingbufDynptr {}
impl Memory for LocalDynptr {}
impl Memory for RingbufDynptr {}

macro_rules! modifier {
    ($(#[doc = $doc:literal])* $name:ident) => {
        $(#[doc = $doc])*
        #[derive(Debug)]
        pub struct $name<T>(PhantomData<T>);
    };
}

modifier! {
    /// `PTR_MAYBE_NULL`: NULL is accepted too, or, on a return, the program
    /// must check the pointer against NULL.
    OrNull
}
modifier! {
    /// `OBJ_RELEASE`: the helper consumes the argument's reference.
    Release
}
modifier! {
    /// `MEM_RDONLY`: the helper only reads the memory, or, on a return, the
    /// program may only read it.
    Rdonly
}
modifier! {
    /// `MEM_UNINIT | MEM_WRITE` (the kernel's `ARG_PTR_TO_UNINIT_MEM`): the
    /// helper fills the memory, which need not be initialised.
    Uninit
}
modifier! {
    /// `MEM_WRITE`: the helper writes initialised memory.
    Write
}
modifier! {
    /// `MEM_ALIGNED`: memory aligned to its size.
    Aligned
}
modifier! {
    /// `PTR_TRUSTED`: a trusted kernel pointer.
    Trusted
}
modifier! {
    /// `MEM_RINGBUF`: a ring-buffer record.
    Ringbuf
}
modifier! {
    /// `MEM_ALLOC`: an object the program allocated.
    Alloc
}

/// An `Anything` argument that must be zero (reserved flags the kernel
/// refuses unless they are 0).
#[derive(Debug)]
pub struct Zero;
impl HelperArgType for Zero {
    const ARG: HelperArg = Anything::ARG.with(ArgFlags::ZERO);
}

/// Memory that must be a map value.
#[derive(Debug)]
pub struct InMapValue<T>(PhantomData<T>);
impl<T: Memory> HelperArgType for InMapValue<T> {
    const ARG: HelperArg = T::ARG.with(ArgFlags::MAP_VALUE_ONLY);
}
impl<T: Memory> Memory for InMapValue<T> {}

/// `MEM_FIXED_SIZE` with `arg_size = N`: memory of a size known in advance.
#[derive(Debug)]
pub struct Fixed<T, const N: u32>(PhantomData<T>);

impl<T: Nullable> HelperArgType for OrNull<T> {
    const ARG: HelperArg = T::ARG.with(ArgFlags::MAYBE_NULL);
}
impl<T: Releasable> HelperArgType for Release<T> {
    const ARG: HelperArg = T::ARG.with(ArgFlags::RELEASE);
}
impl<T: Memory> HelperArgType for Rdonly<T> {
    const ARG: HelperArg = T::ARG.with(ArgFlags::RDONLY);
}
impl<T: Memory> HelperArgType for Uninit<T> {
    const ARG: HelperArg = T::ARG.with(ArgFlags::UNINIT.union(ArgFlags::WRITE));
}
impl<T: Memory> HelperArgType for Aligned<T> {
    const ARG: HelperArg = T::ARG.with(ArgFlags::ALIGNED);
}
impl<T: Memory> Memory for Aligned<T> {}
impl<T: Memory> HelperArgType for Write<T> {
    const ARG: HelperArg = T::ARG.with(ArgFlags::WRITE);
}
impl<T: Memory, const N: u32> HelperArgType for Fixed<T, N> {
    const ARG: HelperArg = HelperArg {
        size: N,
        ..T::ARG.with(ArgFlags::FIXED_SIZE)
    };
}
impl<T: Memory> Memory for OrNull<T> where T: Nullable {}
impl<T: Memory> Memory for Rdonly<T> {}
impl<T: Memory> Memory for Uninit<T> {}
impl<T: Memory> Memory for Write<T> {}
impl<T: Memory, const N: u32> Memory for Fixed<T, N> {}
impl<T: Memory + Nullable> Nullable for Rdonly<T> {}
impl<T: Memory + Nullable> Nullable for Uninit<T> {}
impl<T: Memory + Nullable> Nullable for Write<T> {}
impl<T: Memory + Nullable, const N: u32> Nullable for Fixed<T, N> {}
impl<T: Releasable> Releasable for OrNull<T> where T: Nullable {}
impl<T: Releasable + Memory> Releasable for Rdonly<T> {}

/// `RET_INTEGER`: a number.
#[derive(Debug)]
pub struct Integer;
impl HelperRetType for Integer {
    const RET: HelperRet = HelperRet::of(RetType::Integer);
}
/// `RET_VOID`: nothing.
impl HelperRetType for () {
    const RET: HelperRet = HelperRet::of(RetType::Void);
}

/// `RET_PTR_TO_TCP_SOCK`: a TCP socket.
#[derive(Debug)]
pub struct TcpSock;
/// `RET_PTR_TO_MEM_OR_BTF_ID`: the per-CPU variable of the `PercpuBtfId` argument.
#[derive(Debug)]
pub struct MemOrBtfId;
/// `RET_PTR_TO_BTF_ID` typed by the kptr field of the `KptrXchgDest` argument.
#[derive(Debug)]
pub struct KptrField;

macro_rules! pointer_rets {
    ($($name:ident => $ty:ident;)*) => {$(
        impl HelperRetType for $name {
            const RET: HelperRet = HelperRet::of(RetType::$ty);
        }
        impl PointerRet for $name {}
    )*};
}

pointer_rets! {
    MapValue => MapValue;
    Socket => Socket;
    TcpSock => TcpSock;
    SockCommon => SockCommon;
    Mem => Mem;
    MemOrBtfId => MemOrBtfId;
    KptrField => KptrField;
}

impl<T: Pointee> HelperRetType for BtfId<T> {
    const RET: HelperRet = HelperRet {
        btf: T::TY.struct_name(),
        ..HelperRet::of(RetType::BtfId)
    };
}
impl<T: Pointee> PointerRet for BtfId<T> {}

macro_rules! ret_modifiers {
    ($($name:ident => $flags:expr;)*) => {$(
        impl<T: PointerRet> HelperRetType for $name<T> {
            const RET: HelperRet = T::RET.with($flags);
        }
        impl<T: PointerRet> PointerRet for $name<T> {}
    )*};
}

ret_modifiers! {
    OrNull => RetFlags::MAYBE_NULL;
    Rdonly => RetFlags::RDONLY;
    Trusted => RetFlags::TRUSTED;
    Ringbuf => RetFlags::RINGBUF;
    Alloc => RetFlags::ALLOC;
}

/// The collected helpers, indexed by number.
#[derive(Debug, Default)]
pub struct Helpers {
    by_id: Vec<Vec<&'static Helper>>,
    /// Program types given a helper by their own declaration (an
    /// extension's type lists the helpers it may call), by helper number.
    granted: BTreeMap<u32, ProgTypes>,
}

/// A problem found while collecting helpers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelperConflict {
    /// Two prototypes of one helper number serve one program type.
    Overlap {
        /// The helper.
        name: &'static str,
        /// A program type both serve.
        prog: ProgType,
        /// One declaration.
        first: Location,
        /// The other.
        second: Location,
    },
    /// One helper number under two names.
    Name {
        /// The number.
        id: u32,
        /// One name and where it is declared.
        first: (&'static str, Location),
        /// The other.
        second: (&'static str, Location),
    },
}

impl fmt::Display for HelperConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HelperConflict::Overlap {
                name,
                prog,
                first,
                second,
            } => write!(
                f,
                "helper `{name}` has two prototypes for program type {}: at {first} and at {second}",
                prog.name()
            ),
            HelperConflict::Name { id, first, second } => write!(
                f,
                "helper #{id} is named `{}` at {} and `{}` at {}",
                first.0, first.1, second.0, second.1
            ),
        }
    }
}

impl Helpers {
    /// Builds the table; every conflict is reported.
    pub fn build(
        helpers: impl IntoIterator<Item = &'static Helper>,
    ) -> Result<Helpers, Vec<HelperConflict>> {
        let mut grouped: BTreeMap<u32, Vec<&'static Helper>> = BTreeMap::new();
        for h in helpers {
            let protos = grouped.entry(h.id).or_default();
            if !protos.iter().any(|p| std::ptr::eq(*p, h)) {
                protos.push(h);
            }
        }
        let mut conflicts = Vec::new();
        let max = grouped.keys().next_back().map_or(0, |m| *m as usize + 1);
        let mut by_id = vec![Vec::new(); max];
        for (id, mut protos) in grouped {
            // Declaration order is link order: sort so lookups are deterministic.
            protos.sort_by_key(|p| (p.location.file, p.location.line));
            for (i, a) in protos.iter().enumerate() {
                for b in &protos[i + 1..] {
                    if a.name != b.name {
                        conflicts.push(HelperConflict::Name {
                            id,
                            first: (a.name, a.location),
                            second: (b.name, b.location),
                        });
                    }
                    // Two prototypes for one program type are one too many
                    // unless they serve different attach types.
                    let shared = a.prog_types.iter().find(|p| b.prog_types.contains(*p));
                    if let Some(prog) = shared.filter(|_| a.shares_attach(b)) {
                        conflicts.push(HelperConflict::Overlap {
                            name: a.name,
                            prog,
                            first: a.location,
                            second: b.location,
                        });
                    }
                }
            }
            by_id[id as usize] = protos;
        }
        if conflicts.is_empty() {
            Ok(Helpers {
                by_id,
                granted: BTreeMap::new(),
            })
        } else {
            Err(conflicts)
        }
    }

    /// The prototype of helper `id` that programs of type `prog` get.
    pub fn get(&self, id: u32, prog: ProgType) -> Option<&'static Helper> {
        let protos = self.protos(id);
        let own = protos.iter().copied().find(|h| h.prog_types.contains(prog));
        let granted = self.granted.get(&id).is_some_and(|p| p.contains(prog));
        own.or_else(|| protos.first().copied().filter(|_| granted))
    }

    /// Gives programs of type `prog` the helper called `name`; false when no
    /// helper has that name.
    pub fn grant(&mut self, name: &str, prog: ProgType) -> bool {
        let Some(id) = self.id(name) else {
            return false;
        };
        let set = self.granted.entry(id).or_default();
        *set = set.with(prog);
        true
    }

    /// The prototype of helper `id` that programs of type `prog` attached as
    /// `attach` get.
    pub fn get_for(
        &self,
        id: u32,
        prog: ProgType,
        attach: Option<AttachType>,
    ) -> Option<&'static Helper> {
        let protos = self.protos(id);
        if !protos.iter().any(|h| h.prog_types.contains(prog)) {
            // A prototype granted by name: the attach types it is not for
            // still go without.
            return self
                .get(id, prog)
                .filter(|h| !attach.is_some_and(|a| h.not_for_attach.contains(a)));
        }
        let mut own = protos.iter().filter(|h| h.prog_types.contains(prog));
        own.find(|h| h.serves(attach)).copied()
    }

    /// Every prototype of helper `id`.
    pub fn protos(&self, id: u32) -> &[&'static Helper] {
        self.by_id.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// The name of helper `id`.
    pub fn name(&self, id: u32) -> Option<&'static str> {
        self.protos(id).first().map(|h| h.name)
    }

    /// The number of the helper called `name`.
    pub fn id(&self, name: &str) -> Option<u32> {
        self.iter().find(|h| h.name == name).map(|h| h.id)
    }

    /// One more than the highest helper number (the kernel's `__BPF_FUNC_MAX_ID`).
    pub fn max_id(&self) -> u32 {
        self.by_id.len() as u32
    }

    /// Every prototype, by helper number.
    pub fn iter(&self) -> impl Iterator<Item = &'static Helper> + '_ {
        self.by_id.iter().flatten().copied()
    }

    /// How many helper numbers have a prototype.
    pub fn count(&self) -> usize {
        self.by_id.iter().filter(|p| !p.is_empty()).count()
    }
}
