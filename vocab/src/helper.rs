//! The words of a helper declaration: argument and return types with the
//! kernel's `ARG_*`/`RET_*` meanings and modifiers, call-level properties,
//! and the callbacks a helper calls.
//!
//! The kernel writes a helper's prototype as a `struct bpf_func_proto` and
//! keeps the rest (which helpers acquire references, take locks, call
//! callbacks, move packet data, accept which maps) in comparison chains on
//! the helper's number inside the verifier. Here all of it is a property of
//! the declaration.

/// A helper argument's base type: the kernel's `enum bpf_arg_type` without modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ArgType {
    /// `ARG_DONTCARE`: the argument is not used.
    DontCare,
    /// `ARG_CONST_MAP_PTR`: a map, known at verification time.
    ConstMapPtr,
    /// `ARG_PTR_TO_MAP_KEY`: memory of the map's key size.
    MapKey,
    /// `ARG_PTR_TO_MAP_VALUE`: memory of the map's value size.
    MapValue,
    /// `ARG_PTR_TO_MEM`: memory whose size is the next argument (or fixed).
    Mem,
    /// `ARG_PTR_TO_ARENA`: an arena pointer.
    Arena,
    /// `ARG_CONST_SIZE`: the size of the previous memory argument, above zero.
    ConstSize,
    /// `ARG_CONST_SIZE_OR_ZERO`: the size of the previous memory argument.
    ConstSizeOrZero,
    /// `ARG_PTR_TO_CTX`: the program's context.
    Ctx,
    /// `ARG_ANYTHING`: any initialised value.
    Anything,
    /// `ARG_SCALAR`: a number.
    Scalar,
    /// `ARG_PTR_TO_SPIN_LOCK`: a `bpf_spin_lock` in a map value or allocated object.
    SpinLock,
    /// `ARG_PTR_TO_SOCK_COMMON`: any socket pointer.
    SockCommon,
    /// `ARG_PTR_TO_SOCKET`: a full socket.
    Socket,
    /// `ARG_PTR_TO_BTF_ID`: a kernel object of a given type.
    BtfId,
    /// `ARG_PTR_TO_RINGBUF_MEM`: memory reserved from a ring buffer.
    RingbufMem,
    /// `ARG_CONST_ALLOC_SIZE_OR_ZERO`: how many bytes to allocate, a constant.
    ConstAllocSizeOrZero,
    /// `ARG_PTR_TO_BTF_ID_SOCK_COMMON`: a kernel socket or a `bpf_sock` mirror.
    BtfIdSockCommon,
    /// `ARG_PTR_TO_PERCPU_BTF_ID`: a per-CPU kernel variable.
    PercpuBtfId,
    /// `ARG_PTR_TO_FUNC`: a BPF subprogram (a callback).
    Func,
    /// `ARG_PTR_TO_STACK`: the stack.
    Stack,
    /// `ARG_PTR_TO_CONST_STR`: a NUL-terminated string in read-only map memory.
    ConstStr,
    /// `ARG_PTR_TO_TIMER`: a `bpf_timer` in a map value.
    Timer,
    /// `ARG_KPTR_XCHG_DEST`: a kptr field that `bpf_kptr_xchg` exchanges.
    KptrXchgDest,
    /// `ARG_PTR_TO_DYNPTR`: a `bpf_dynptr` on the stack.
    Dynptr,
}

impl ArgType {
    /// The kernel struct the argument type itself names, whatever the
    /// helper (`ARG_PTR_TO_BTF_ID_SOCK_COMMON`: `btf_sock_ids[SOCK_COMMON]`).
    pub const fn implied_struct(self) -> Option<&'static str> {
        match self {
            ArgType::BtfIdSockCommon => Some("sock_common"),
            _ => None,
        }
    }

    /// The kernel's name (`ARG_PTR_TO_MEM`).
    pub const fn kernel_name(self) -> &'static str {
        match self {
            ArgType::DontCare => "ARG_DONTCARE",
            ArgType::ConstMapPtr => "ARG_CONST_MAP_PTR",
            ArgType::MapKey => "ARG_PTR_TO_MAP_KEY",
            ArgType::MapValue => "ARG_PTR_TO_MAP_VALUE",
            ArgType::Mem => "ARG_PTR_TO_MEM",
            ArgType::Arena => "ARG_PTR_TO_ARENA",
            ArgType::ConstSize => "ARG_CONST_SIZE",
            ArgType::ConstSizeOrZero => "ARG_CONST_SIZE_OR_ZERO",
            ArgType::Ctx => "ARG_PTR_TO_CTX",
            ArgType::Anything => "ARG_ANYTHING",
            ArgType::Scalar => "ARG_SCALAR",
            ArgType::SpinLock => "ARG_PTR_TO_SPIN_LOCK",
            ArgType::SockCommon => "ARG_PTR_TO_SOCK_COMMON",
            ArgType::Socket => "ARG_PTR_TO_SOCKET",
            ArgType::BtfId => "ARG_PTR_TO_BTF_ID",
            ArgType::RingbufMem => "ARG_PTR_TO_RINGBUF_MEM",
            ArgType::ConstAllocSizeOrZero => "ARG_CONST_ALLOC_SIZE_OR_ZERO",
            ArgType::BtfIdSockCommon => "ARG_PTR_TO_BTF_ID_SOCK_COMMON",
            ArgType::PercpuBtfId => "ARG_PTR_TO_PERCPU_BTF_ID",
            ArgType::Func => "ARG_PTR_TO_FUNC",
            ArgType::Stack => "ARG_PTR_TO_STACK",
            ArgType::ConstStr => "ARG_PTR_TO_CONST_STR",
            ArgType::Timer => "ARG_PTR_TO_TIMER",
            ArgType::KptrXchgDest => "ARG_KPTR_XCHG_DEST",
            ArgType::Dynptr => "ARG_PTR_TO_DYNPTR",
        }
    }

    /// Whether the argument is the size of the memory argument before it.
    pub const fn is_size(self) -> bool {
        matches!(self, ArgType::ConstSize | ArgType::ConstSizeOrZero)
    }
}

bits! {
    /// Modifiers of a helper argument (the kernel's `bpf_type_flag` bits an argument uses).
    ArgFlags: u16 {
        /// `PTR_MAYBE_NULL`: NULL is accepted too.
        MAYBE_NULL = 0, "PTR_MAYBE_NULL";
        /// `MEM_RDONLY`: the helper only reads the memory.
        RDONLY = 1, "MEM_RDONLY";
        /// `MEM_UNINIT`: the memory need not be initialised (the helper fills it).
        UNINIT = 2, "MEM_UNINIT";
        /// `MEM_WRITE`: the helper writes the memory.
        WRITE = 3, "MEM_WRITE";
        /// `MEM_FIXED_SIZE`: the memory has a declared size, not a size argument.
        FIXED_SIZE = 4, "MEM_FIXED_SIZE";
        /// `OBJ_RELEASE`: the helper consumes the reference the argument carries.
        RELEASE = 5, "OBJ_RELEASE";
        /// `MEM_ALLOC`: memory from an allocation (a ring-buffer record).
        ALLOC = 6, "MEM_ALLOC";
        /// `DYNPTR_TYPE_LOCAL`: a dynptr over local memory.
        DYNPTR_LOCAL = 7, "DYNPTR_TYPE_LOCAL";
        /// `DYNPTR_TYPE_RINGBUF`: a dynptr over a ring-buffer record.
        DYNPTR_RINGBUF = 8, "DYNPTR_TYPE_RINGBUF";
        /// `MEM_ALIGNED`: the memory must be aligned to its size.
        ALIGNED = 9, "MEM_ALIGNED";
        /// The value must be zero (a check the kernel's verifier makes on one
        /// helper's flags by its number).
        ZERO = 10, "(zero)";
        /// The memory must be a map value (a check the kernel's verifier makes
        /// on one helper's data argument by its number).
        MAP_VALUE_ONLY = 11, "(map value)";
    }
}

bits! {
    /// Modifiers of a helper's return type.
    RetFlags: u16 {
        /// `PTR_MAYBE_NULL`: the pointer must be checked against NULL.
        MAYBE_NULL = 0, "PTR_MAYBE_NULL";
        /// `MEM_RINGBUF`: a ring-buffer record.
        RINGBUF = 1, "MEM_RINGBUF";
        /// `PTR_TRUSTED`: a trusted kernel pointer.
        TRUSTED = 2, "PTR_TRUSTED";
        /// `MEM_RDONLY`: read-only memory.
        RDONLY = 3, "MEM_RDONLY";
        /// `MEM_ALLOC`: an object the program allocated.
        ALLOC = 4, "MEM_ALLOC";
        /// `MEM_PERCPU`: a per-CPU pointer.
        PERCPU = 5, "MEM_PERCPU";
    }
}

/// One helper argument: its base type, modifiers, and what they refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HelperArg {
    /// The base type.
    pub ty: ArgType,
    /// The modifiers.
    pub flags: ArgFlags,
    /// For `BtfId`: the kernel struct (the kernel's `arg_btf_id`).
    pub btf: Option<&'static str>,
    /// For fixed-size memory: its size in bytes (the kernel's `arg_size`).
    pub size: u32,
}

impl HelperArg {
    /// An unused argument.
    pub const UNUSED: HelperArg = HelperArg::of(ArgType::DontCare);

    /// An argument of base type `ty` without modifiers.
    pub const fn of(ty: ArgType) -> HelperArg {
        HelperArg {
            ty,
            flags: ArgFlags::NONE,
            btf: None,
            size: 0,
        }
    }

    /// The argument with `flags` added.
    pub const fn with(self, flags: ArgFlags) -> HelperArg {
        HelperArg {
            flags: self.flags.union(flags),
            ..self
        }
    }

    /// The argument with `flags` removed.
    pub const fn without(self, flags: ArgFlags) -> HelperArg {
        HelperArg {
            flags: self.flags.difference(flags),
            ..self
        }
    }

    /// Whether the argument has every modifier of `flags`.
    pub const fn has(self, flags: ArgFlags) -> bool {
        self.flags.contains(flags)
    }

    /// Whether the argument is memory whose size the next argument gives.
    pub const fn is_sized_mem(self) -> bool {
        matches!(self.ty, ArgType::Mem) && !self.has(ArgFlags::FIXED_SIZE)
    }
}

/// A helper's return base type: the kernel's `enum bpf_return_type` without modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum RetType {
    /// `RET_INTEGER`: a number.
    Integer,
    /// `RET_VOID`: nothing (R0 is left uninitialised).
    Void,
    /// `RET_PTR_TO_MAP_VALUE`: a value of the map argument.
    MapValue,
    /// `RET_PTR_TO_SOCKET`: a full socket.
    Socket,
    /// `RET_PTR_TO_TCP_SOCK`: a TCP socket.
    TcpSock,
    /// `RET_PTR_TO_SOCK_COMMON`: any socket.
    SockCommon,
    /// `RET_PTR_TO_MEM`: memory whose size an argument gives.
    Mem,
    /// `RET_PTR_TO_MEM_OR_BTF_ID`: the per-CPU variable of the `PercpuBtfId` argument.
    MemOrBtfId,
    /// `RET_PTR_TO_BTF_ID`: a kernel object of the declared type.
    BtfId,
    /// `RET_PTR_TO_BTF_ID` with the kernel's `BPF_PTR_POISON` id: the type of
    /// the kptr field the `KptrXchgDest` argument points at.
    KptrField,
}

impl RetType {
    /// The kernel's name (`RET_PTR_TO_MAP_VALUE`); a kptr field's type is
    /// the kernel's `RET_PTR_TO_BTF_ID` with a poisoned type id.
    pub const fn kernel_name(self) -> &'static str {
        match self {
            RetType::Integer => "RET_INTEGER",
            RetType::Void => "RET_VOID",
            RetType::MapValue => "RET_PTR_TO_MAP_VALUE",
            RetType::Socket => "RET_PTR_TO_SOCKET",
            RetType::TcpSock => "RET_PTR_TO_TCP_SOCK",
            RetType::SockCommon => "RET_PTR_TO_SOCK_COMMON",
            RetType::Mem => "RET_PTR_TO_MEM",
            RetType::MemOrBtfId => "RET_PTR_TO_MEM_OR_BTF_ID",
            RetType::BtfId | RetType::KptrField => "RET_PTR_TO_BTF_ID",
        }
    }

    /// Whether the return value is a pointer.
    pub const fn is_pointer(self) -> bool {
        !matches!(self, RetType::Integer | RetType::Void)
    }
}

/// A helper's return type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HelperRet {
    /// The base type.
    pub ty: RetType,
    /// The modifiers.
    pub flags: RetFlags,
    /// For `BtfId`: the kernel struct (the kernel's `ret_btf_id`).
    pub btf: Option<&'static str>,
}

impl HelperRet {
    /// A return of base type `ty` without modifiers.
    pub const fn of(ty: RetType) -> HelperRet {
        HelperRet {
            ty,
            flags: RetFlags::NONE,
            btf: None,
        }
    }

    /// The return with `flags` added.
    pub const fn with(self, flags: RetFlags) -> HelperRet {
        HelperRet {
            flags: self.flags.union(flags),
            ..self
        }
    }

    /// Whether the return has every modifier of `flags`.
    pub const fn has(self, flags: RetFlags) -> bool {
        self.flags.contains(flags)
    }
}

bits! {
    /// Call-level helper properties: the kernel's `bpf_func_proto` booleans and
    /// the properties its verifier decides by comparing helper numbers.
    HelperFlags: u32 {
        /// `gpl_only`: only for programs with a GPL-compatible license.
        GPL_ONLY = 0, "gpl_only";
        /// `might_sleep`: only in sleepable programs, outside RCU and non-preemptible regions.
        MIGHT_SLEEP = 1, "might_sleep";
        /// `pkt_access`: packet pointers may be passed as memory.
        PKT_ACCESS = 2, "pkt_access";
        /// Packet data may move: every packet pointer is invalidated (`bpf_helper_changes_pkt_data`).
        CHANGES_PKT_DATA = 3, "changes_pkt_data";
        /// The returned pointer is a new reference (`is_acquire_function`).
        ACQUIRE = 4, "acquire";
        /// Takes the spin lock of its `SpinLock` argument.
        LOCK = 5, "lock";
        /// Releases the spin lock of its `SpinLock` argument.
        UNLOCK = 6, "unlock";
        /// Writes the map's contents: refused on maps the program may only read.
        WRITES_MAP = 7, "writes_map";
        /// Jumps to another program: the map argument must be a program array (`bpf_tail_call`).
        TAIL_CALL = 8, "tail_call";
        /// The returned pointer carries the reference of the pointer argument: a
        /// view of the same object (the kernel's pointer casts and dynptr slices).
        CARRIES_REF = 9, "carries_ref";
        /// Writes into the data of its dynptr argument: into an skb's data or
        /// metadata, packet data may move (`check_helper_call` sets
        /// `changes_data` for such a dynptr), so a function calling it may
        /// move its callers' packet (the dynptr's kind is not known there).
        WRITES_DYNPTR = 10, "writes_dynptr";
        /// The number returned is a negative error or at most the size
        /// argument's largest value (`do_refine_retval_range`).
        RET_SIZE_BOUNDED = 11, "ret_size_bounded";
        /// The number returned is a CPU's: from 0 to one below the target's
        /// number of possible CPUs (`do_refine_retval_range`'s `nr_cpu_ids`).
        RET_CPU_ID = 12, "ret_cpu_id";
        /// Reads the traced function's address: only programs with a traced
        /// function may call it (`check_get_func_ip`; see `ProgFlags::TRACED_FUNC`).
        TRACED_FUNC = 13, "traced_func";
        /// `allow_fastcall`, and inlined by the target's verifier or JIT: a
        /// call keeps every register it does not use, so the spills and
        /// fills around it are removed once the program is verified and
        /// their stack no longer counts (bpf_fastcall; `KF_FASTCALL` for kfuncs).
        FASTCALL = 14, "fastcall";
        /// Its `ConstStr` argument is a format checked when the program is
        /// loaded against the 8-byte arguments the size argument after it
        /// counts (`check_bpf_snprintf_call`).
        CHECKS_FORMAT = 15, "checks_format";
        /// Only programs attached to an LSM hook that may sleep may call it
        /// (`bpf_ima_inode_hash_allowed`: `bpf_lsm_is_sleepable_hook`).
        SLEEPABLE_HOOK = 16, "sleepable_hook";
        /// An LSM program has it only when attached to a cgroup on a hook
        /// that may set socket options (`LsmHook::sockopt`); on other hooks
        /// its program type has no such helper (`bpf_lsm_func_proto` for
        /// `bpf_setsockopt`/`bpf_getsockopt`).
        SOCKOPT_HOOK = 17, "sockopt_hook";
        /// Looks up its key argument: with a constant key in range of a map
        /// whose elements always exist (`MapKind::elides_value_nullness`)
        /// it cannot fail, and its result is no NULL (`check_helper_call`
        /// asks for `BPF_FUNC_map_lookup_elem` by number).
        INDEXED_LOOKUP = 18, "indexed_lookup";
    }
}

/// How a helper calls its callback: the callback's arguments and the values
/// it may return (the kernel's `set_*_callback_state` functions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CallbackShape {
    /// `bpf_loop`: the iteration number and the context; synchronous.
    Loop,
    /// `bpf_for_each_map_elem`: the map, a key, its value and the context; synchronous.
    MapElem,
    /// `bpf_find_vma`: the task, the VMA and the context; synchronous.
    FindVma,
    /// `bpf_user_ringbuf_drain`: a dynptr over a record and the context; synchronous.
    UserRingbuf,
    /// `bpf_timer_set_callback`: the map, a key and its value; runs later.
    Timer,
}

impl CallbackShape {
    /// Every shape with its DSL spelling.
    pub const ALL: &'static [(CallbackShape, &'static str)] = &[
        (CallbackShape::Loop, "iteration"),
        (CallbackShape::MapElem, "map_elem"),
        (CallbackShape::FindVma, "find_vma"),
        (CallbackShape::UserRingbuf, "user_ringbuf"),
        (CallbackShape::Timer, "timer"),
    ];

    /// The kernel structs of the pointers the helper itself makes for the
    /// callee (`bpf_find_vma`'s VMA, after the caller's task); empty for
    /// the other shapes.
    pub const fn kernel_args(self) -> &'static [&'static str] {
        match self {
            CallbackShape::FindVma => &["vm_area_struct"],
            _ => &[],
        }
    }

    /// The shape spelled `name` in the DSL.
    pub fn from_name(name: &str) -> Option<CallbackShape> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(s, _)| *s)
    }

    /// The DSL spelling.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("", |(_, n)| n)
    }

    /// Whether the callback runs later, not during the call.
    pub const fn is_async(self) -> bool {
        matches!(self, CallbackShape::Timer)
    }

    /// Whether an asynchronous callback of this shape runs where it may
    /// sleep, whatever armed it (the kernel's `is_async_cb_sleepable`: a
    /// timer's never does).
    pub const fn async_may_sleep(self) -> bool {
        false
    }

    /// The argument register that counts the callback's rounds, when the
    /// call says how many times its callback runs (`bpf_loop`'s first
    /// argument): a verifier simulates no more rounds than its largest value
    /// (the kernel's `callback_depth` check).
    pub const fn count_arg(self) -> Option<u8> {
        match self {
            CallbackShape::Loop => Some(1),
            _ => None,
        }
    }

    /// The smallest and largest value the callback may return.
    pub const fn ret_range(self) -> (i64, i64) {
        match self {
            CallbackShape::Timer => (0, 0),
            _ => (0, 1),
        }
    }
}
