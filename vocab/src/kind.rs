//! Argument kinds and per-parameter roles.
//!
//! A kind says what a parameter points to (the kernel's `KF_ARG_PTR_TO_*`
//! classification, plus plain scalars); roles are the modifiers the kernel
//! spells as parameter-name suffixes (`__k`, `__ign`, `__sz`, ...).

/// What an argument is, as the verifier classifies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum ArgKind {
    /// A scalar value in a register.
    Scalar,
    /// The program's context pointer (`KF_ARG_PTR_TO_CTX`).
    Ctx,
    /// An allocated local object (`__alloc`, `KF_ARG_PTR_TO_ALLOC_BTF_ID`).
    AllocObj,
    /// An allocated object with a `bpf_refcount` field (`__refcounted_kptr`).
    RefcountedKptr,
    /// A `struct bpf_dynptr` on the stack.
    Dynptr,
    /// An open-coded iterator state on the stack.
    Iter,
    /// A `struct bpf_list_head` inside a map value or allocated object.
    ListHead,
    /// A `struct bpf_list_node` inside an allocated object.
    ListNode,
    /// A pointer to a kernel (BTF) object.
    BtfId,
    /// Memory whose size is the pointee's size.
    Mem,
    /// Memory whose size is the following `__sz`/`__szk` argument.
    MemSize,
    /// A BPF subprogram used as a callback.
    Callback,
    /// A `struct bpf_rb_root` inside a map value or allocated object.
    RbRoot,
    /// A `struct bpf_rb_node` inside an allocated object.
    RbNode,
    /// The NULL constant given to a `__nullable` parameter. Never declared:
    /// the verifier classifies an argument this way at the call.
    Null,
    /// A constant NUL-terminated string in a read-only map (`__str`).
    ConstStr,
    /// A map pointer (`__map`).
    Map,
    /// A `struct bpf_wq` inside a map value.
    Workqueue,
    /// A stack slot holding saved IRQ flags (`__irq_flag`).
    IrqFlag,
    /// A `struct bpf_res_spin_lock` inside a map value or allocated object.
    ResSpinLock,
    /// A `struct bpf_task_work` inside a map value.
    TaskWork,
}

impl ArgKind {
    /// Every kind, in declaration order.
    pub const ALL: [ArgKind; 21] = [
        ArgKind::Scalar,
        ArgKind::Ctx,
        ArgKind::AllocObj,
        ArgKind::RefcountedKptr,
        ArgKind::Dynptr,
        ArgKind::Iter,
        ArgKind::ListHead,
        ArgKind::ListNode,
        ArgKind::BtfId,
        ArgKind::Mem,
        ArgKind::MemSize,
        ArgKind::Callback,
        ArgKind::RbRoot,
        ArgKind::RbNode,
        ArgKind::Null,
        ArgKind::ConstStr,
        ArgKind::Map,
        ArgKind::Workqueue,
        ArgKind::IrqFlag,
        ArgKind::ResSpinLock,
        ArgKind::TaskWork,
    ];

    /// The DSL's spelling (`takes = list_node`).
    pub const fn name(self) -> &'static str {
        match self {
            ArgKind::Scalar => "scalar",
            ArgKind::Ctx => "ctx",
            ArgKind::AllocObj => "alloc_obj",
            ArgKind::RefcountedKptr => "refcounted_kptr",
            ArgKind::Dynptr => "dynptr",
            ArgKind::Iter => "iter",
            ArgKind::ListHead => "list_head",
            ArgKind::ListNode => "list_node",
            ArgKind::BtfId => "btf_id",
            ArgKind::Mem => "mem",
            ArgKind::MemSize => "mem_size",
            ArgKind::Callback => "callback",
            ArgKind::RbRoot => "rb_root",
            ArgKind::RbNode => "rb_node",
            ArgKind::Null => "null",
            ArgKind::ConstStr => "const_str",
            ArgKind::Map => "map",
            ArgKind::Workqueue => "workqueue",
            ArgKind::IrqFlag => "irq_flag",
            ArgKind::ResSpinLock => "res_spin_lock",
            ArgKind::TaskWork => "task_work",
        }
    }

    /// The kind with DSL spelling `name`.
    pub fn from_name(name: &str) -> Option<ArgKind> {
        ArgKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether this kind is a graph root (list head or rb root).
    pub const fn is_graph_root(self) -> bool {
        matches!(self, ArgKind::ListHead | ArgKind::RbRoot)
    }

    /// Whether this kind is a graph node (list node or rb node).
    pub const fn is_graph_node(self) -> bool {
        matches!(self, ArgKind::ListNode | ArgKind::RbNode)
    }

    /// Whether an argument of this kind can carry a reference a release kfunc consumes.
    pub const fn is_releasable(self) -> bool {
        matches!(
            self,
            ArgKind::BtfId | ArgKind::AllocObj | ArgKind::RefcountedKptr | ArgKind::Ctx
        )
    }
}

/// A set of [`ArgKind`]s, one bit per kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct KindSet(u32);

impl KindSet {
    /// The empty set.
    pub const EMPTY: KindSet = KindSet(0);

    /// The set with `kind` added.
    pub const fn with(self, kind: ArgKind) -> KindSet {
        KindSet(self.0 | 1 << kind as u8)
    }

    /// Whether `kind` is in the set.
    pub const fn contains(self, kind: ArgKind) -> bool {
        self.0 & (1 << kind as u8) != 0
    }

    /// The kinds in the set, in declaration order.
    pub fn iter(self) -> impl Iterator<Item = ArgKind> {
        ArgKind::ALL.into_iter().filter(move |k| self.contains(*k))
    }
}

macro_rules! roles {
    ($($(#[doc = $doc:literal])* $name:ident = $bit:literal, $suffix:literal;)*) => {
        /// Per-parameter roles, one bit each (the kernel's parameter-name suffixes).
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub struct Roles(u16);

        impl Roles {
            /// No role.
            pub const NONE: Roles = Roles(0);
            $($(#[doc = $doc])* pub const $name: Roles = Roles(1 << $bit);)*

            /// Every role with its kernel parameter-name suffix.
            pub const SUFFIXES: &'static [(Roles, &'static str)] = &[$((Roles::$name, $suffix)),*];
        }
    };
}

roles! {
    /// `__k`: a scalar that must be a known constant.
    CONST = 0, "__k";
    /// `__ign`: not checked at all.
    IGNORED = 1, "__ign";
    /// `__sz`: the size of the preceding memory argument.
    SIZE = 2, "__sz";
    /// `__szk`: the constant size of the preceding memory argument.
    CONST_SIZE = 3, "__szk";
    /// `__opt`: the memory argument may be NULL (with size 0).
    OPTIONAL = 4, "__opt";
    /// `__nullable`: NULL is accepted even under trusted-argument rules.
    NULLABLE = 5, "__nullable";
    /// `__uninit`: the kfunc initialises the (dynptr or iterator) slot.
    UNINIT = 6, "__uninit";
    /// `__prog`: hidden; the verifier passes the program's aux pointer.
    PROG = 7, "__prog";
    /// `__nonown_allowed`: a graph node that may be a non-owning reference.
    NONOWN_ALLOWED = 8, "__nonown_allowed";
    /// Hidden; the verifier passes the struct meta of the node's or object's type (`meta__ign`).
    META = 9, "__ign";
    /// Hidden; the verifier passes the node's offset in its containing object (`off`).
    NODE_OFFSET = 10, "";
    /// An owning node whose ownership passes into the root; aliases become non-owning.
    INTO_ROOT = 11, "";
    /// An allocated object from the per-CPU allocator.
    PERCPU = 12, "";
    /// A dynptr whose data Linux counts the kfunc writing (as it does the
    /// `bpf_dynptr_write` helper's): through an skb's dynptr the packet
    /// may move.
    WRITTEN = 13, "";
}

impl Roles {
    /// The union of two role sets.
    pub const fn union(self, other: Roles) -> Roles {
        Roles(self.0 | other.0)
    }

    /// Whether every role of `other` is in `self`.
    pub const fn contains(self, other: Roles) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether no role is set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the verifier supplies this argument (the program's value is not used).
    pub const fn is_hidden(self) -> bool {
        self.0 & (Roles::PROG.0 | Roles::META.0 | Roles::NODE_OFFSET.0) != 0
    }

    /// The DSL names of the roles set, for listings.
    pub fn names(self) -> Vec<&'static str> {
        const NAMES: [(Roles, &str); 14] = [
            (Roles::CONST, "const"),
            (Roles::IGNORED, "ignored"),
            (Roles::SIZE, "size"),
            (Roles::CONST_SIZE, "const_size"),
            (Roles::OPTIONAL, "optional"),
            (Roles::NULLABLE, "nullable"),
            (Roles::UNINIT, "uninit"),
            (Roles::PROG, "prog"),
            (Roles::NONOWN_ALLOWED, "nonown_allowed"),
            (Roles::META, "meta"),
            (Roles::NODE_OFFSET, "node_offset"),
            (Roles::INTO_ROOT, "into_root"),
            (Roles::PERCPU, "percpu"),
            (Roles::WRITTEN, "written"),
        ];
        NAMES
            .iter()
            .filter(|(r, _)| self.contains(*r))
            .map(|(_, n)| *n)
            .collect()
    }
}

/// How a kfunc initialises the dynptr it is given as `__uninit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DynptrInit {
    /// A dynptr over local memory.
    Local,
    /// A dynptr over a ring buffer record.
    Ringbuf,
    /// A dynptr over an skb's packet data.
    Skb,
    /// A dynptr over an XDP buffer.
    Xdp,
    /// A dynptr over an skb's metadata area.
    SkbMeta,
    /// A dynptr over a file's contents.
    File,
    /// A copy of the initialised dynptr argument: same type and same reference.
    Clone,
}

impl DynptrInit {
    /// Every way, in declaration order.
    pub const ALL: [DynptrInit; 7] = [
        DynptrInit::Local,
        DynptrInit::Ringbuf,
        DynptrInit::Skb,
        DynptrInit::Xdp,
        DynptrInit::SkbMeta,
        DynptrInit::File,
        DynptrInit::Clone,
    ];

    /// The DSL's spelling (`dynptr = skb`).
    pub const fn name(self) -> &'static str {
        match self {
            DynptrInit::Local => "local",
            DynptrInit::Ringbuf => "ringbuf",
            DynptrInit::Skb => "skb",
            DynptrInit::Xdp => "xdp",
            DynptrInit::SkbMeta => "skb_meta",
            DynptrInit::File => "file",
            DynptrInit::Clone => "clone",
        }
    }

    /// Whether writing through the dynptr may move packet data, as the
    /// helpers that change it do: an skb's data or metadata may be
    /// reallocated, an XDP buffer is written in place.
    pub const fn moves_when_written(self) -> bool {
        matches!(self, DynptrInit::Skb | DynptrInit::SkbMeta)
    }

    /// Whether the dynptr covers packet data, which a packet-changing call
    /// may move (its slices die then).
    pub const fn over_packet(self) -> bool {
        matches!(
            self,
            DynptrInit::Skb | DynptrInit::Xdp | DynptrInit::SkbMeta
        )
    }

    /// The way with DSL spelling `name`.
    pub fn from_name(name: &str) -> Option<DynptrInit> {
        DynptrInit::ALL.into_iter().find(|d| d.name() == name)
    }
}
