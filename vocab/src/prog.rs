//! BPF program types (the kernel's `enum bpf_prog_type`), for kfunc availability.

macro_rules! prog_types {
    ($($(#[doc = $doc:literal])* $variant:ident = $value:literal, $dsl:literal, $kernel:literal;)*) => {
        /// A BPF program type, numbered as the kernel numbers it.
        ///
        /// The kernel's types are named constants (`ProgType::Xdp`); an
        /// extension declares a type of its own with [`ProgType::new`] and a
        /// `#[prog_type]` declaration that gives it a name and a context.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct ProgType(u8);

        #[allow(non_upper_case_globals)]
        impl ProgType {
            $($(#[doc = $doc])* pub const $variant: ProgType = ProgType($value);)*

            /// Every program type of the kernel, in kernel order.
            pub const ALL: &'static [ProgType] = &[$(ProgType::$variant),*];

            /// The DSL's spelling (`prog_types = [sched_cls, xdp]`) of a
            /// kernel type; `""` for an extension's (its declaration names it).
            pub const fn name(self) -> &'static str {
                match self.0 { $($value => $dsl,)* _ => "" }
            }

            /// The kernel's enumerator name; `""` for an extension's type.
            pub const fn kernel_name(self) -> &'static str {
                match self.0 { $($value => $kernel,)* _ => "" }
            }

            /// The name of the constant a kernel type is, for generated code.
            pub const fn constant(self) -> Option<&'static str> {
                match self.0 { $($value => Some(stringify!($variant)),)* _ => None }
            }
        }
    };
}

prog_types! {
    /// `socket` programs.
    SocketFilter = 1, "socket_filter", "BPF_PROG_TYPE_SOCKET_FILTER";
    /// kprobes and uprobes.
    Kprobe = 2, "kprobe", "BPF_PROG_TYPE_KPROBE";
    /// tc classifiers (`tc`, `classifier`).
    SchedCls = 3, "sched_cls", "BPF_PROG_TYPE_SCHED_CLS";
    /// tc actions.
    SchedAct = 4, "sched_act", "BPF_PROG_TYPE_SCHED_ACT";
    /// Tracepoints.
    Tracepoint = 5, "tracepoint", "BPF_PROG_TYPE_TRACEPOINT";
    /// XDP.
    Xdp = 6, "xdp", "BPF_PROG_TYPE_XDP";
    /// Perf events.
    PerfEvent = 7, "perf_event", "BPF_PROG_TYPE_PERF_EVENT";
    /// cgroup skb filters.
    CgroupSkb = 8, "cgroup_skb", "BPF_PROG_TYPE_CGROUP_SKB";
    /// cgroup socket hooks.
    CgroupSock = 9, "cgroup_sock", "BPF_PROG_TYPE_CGROUP_SOCK";
    /// Lightweight tunnel input.
    LwtIn = 10, "lwt_in", "BPF_PROG_TYPE_LWT_IN";
    /// Lightweight tunnel output.
    LwtOut = 11, "lwt_out", "BPF_PROG_TYPE_LWT_OUT";
    /// Lightweight tunnel xmit.
    LwtXmit = 12, "lwt_xmit", "BPF_PROG_TYPE_LWT_XMIT";
    /// Socket operations.
    SockOps = 13, "sock_ops", "BPF_PROG_TYPE_SOCK_OPS";
    /// sk_skb parsers and verdicts.
    SkSkb = 14, "sk_skb", "BPF_PROG_TYPE_SK_SKB";
    /// cgroup device filters.
    CgroupDevice = 15, "cgroup_device", "BPF_PROG_TYPE_CGROUP_DEVICE";
    /// sk_msg verdicts.
    SkMsg = 16, "sk_msg", "BPF_PROG_TYPE_SK_MSG";
    /// Raw tracepoints.
    RawTracepoint = 17, "raw_tracepoint", "BPF_PROG_TYPE_RAW_TRACEPOINT";
    /// cgroup socket address hooks.
    CgroupSockAddr = 18, "cgroup_sock_addr", "BPF_PROG_TYPE_CGROUP_SOCK_ADDR";
    /// seg6local lightweight tunnels.
    LwtSeg6local = 19, "lwt_seg6local", "BPF_PROG_TYPE_LWT_SEG6LOCAL";
    /// LIRC mode2 decoders.
    LircMode2 = 20, "lirc_mode2", "BPF_PROG_TYPE_LIRC_MODE2";
    /// SO_REUSEPORT selection.
    SkReuseport = 21, "sk_reuseport", "BPF_PROG_TYPE_SK_REUSEPORT";
    /// Flow dissectors.
    FlowDissector = 22, "flow_dissector", "BPF_PROG_TYPE_FLOW_DISSECTOR";
    /// cgroup sysctl hooks.
    CgroupSysctl = 23, "cgroup_sysctl", "BPF_PROG_TYPE_CGROUP_SYSCTL";
    /// Writable raw tracepoints.
    RawTracepointWritable = 24, "raw_tracepoint_writable", "BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE";
    /// cgroup sockopt hooks.
    CgroupSockopt = 25, "cgroup_sockopt", "BPF_PROG_TYPE_CGROUP_SOCKOPT";
    /// BTF-enabled tracing: fentry/fexit/fmod_ret, tp_btf, iter.
    Tracing = 26, "tracing", "BPF_PROG_TYPE_TRACING";
    /// struct_ops implementations.
    StructOps = 27, "struct_ops", "BPF_PROG_TYPE_STRUCT_OPS";
    /// Freplace extensions.
    Ext = 28, "ext", "BPF_PROG_TYPE_EXT";
    /// BPF LSM hooks.
    Lsm = 29, "lsm", "BPF_PROG_TYPE_LSM";
    /// Socket lookup.
    SkLookup = 30, "sk_lookup", "BPF_PROG_TYPE_SK_LOOKUP";
    /// Syscall programs (run by BPF_PROG_RUN).
    Syscall = 31, "syscall", "BPF_PROG_TYPE_SYSCALL";
    /// Netfilter hooks.
    Netfilter = 32, "netfilter", "BPF_PROG_TYPE_NETFILTER";
}

impl std::fmt::Debug for ProgType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.constant() {
            Some(c) => f.write_str(c),
            None => write!(f, "ProgType({})", self.0),
        }
    }
}

impl ProgType {
    /// The program type with DSL spelling `name`.
    pub fn from_name(name: &str) -> Option<ProgType> {
        ProgType::ALL.iter().copied().find(|p| p.name() == name)
    }

    /// The kernel's program type numbered `value`.
    pub fn from_u32(value: u32) -> Option<ProgType> {
        ProgType::ALL.iter().copied().find(|p| p.id() == value)
    }

    /// The program type numbered `id`, which may be an extension's: numbers
    /// above the kernel's are free for extensions, up to [`ProgType::MAX_ID`].
    pub const fn new(id: u8) -> ProgType {
        assert!(
            id as u32 <= ProgType::MAX_ID,
            "program type numbers stop at 63"
        );
        ProgType(id)
    }

    /// The highest number a program type may have (sets of them are 64-bit masks).
    pub const MAX_ID: u32 = 63;

    /// The program type's number.
    pub const fn id(self) -> u32 {
        self.0 as u32
    }
}

/// A set of program types (the kernel registers kfunc sets per program type).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ProgTypes(u64);

impl ProgTypes {
    /// No program type.
    pub const NONE: ProgTypes = ProgTypes(0);
    /// Every program type (the kernel's `BPF_PROG_TYPE_UNSPEC` registration).
    pub const ANY: ProgTypes = ProgTypes(u64::MAX);

    /// The set with `prog` added.
    pub const fn with(self, prog: ProgType) -> ProgTypes {
        ProgTypes(self.0 | 1 << prog.0)
    }

    /// The union of two sets.
    pub const fn union(self, other: ProgTypes) -> ProgTypes {
        ProgTypes(self.0 | other.0)
    }

    /// Whether `prog` is in the set.
    pub const fn contains(self, prog: ProgType) -> bool {
        self.0 & (1 << prog.0) != 0
    }

    /// Whether the set holds every program type.
    pub const fn is_any(self) -> bool {
        self.0 == u64::MAX
    }

    /// The program types in the set, in kernel order.
    pub fn iter(self) -> impl Iterator<Item = ProgType> {
        ProgType::ALL
            .iter()
            .copied()
            .filter(move |p| self.contains(*p))
    }

    /// The DSL names of the set (`["any"]` for every type).
    pub fn names(self) -> Vec<&'static str> {
        if self.is_any() {
            vec!["any"]
        } else {
            self.iter().map(ProgType::name).collect()
        }
    }
}
