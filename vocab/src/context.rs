//! The words of a program type declaration: what its context's fields allow
//! and yield, and the properties the kernel's verifier decides by comparing
//! program types.

/// Which load sizes a context field allows (the kernel's
/// `*_is_valid_access` functions; every access must also be aligned to its
/// size).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Loads {
    /// A whole element or any smaller power of two inside it
    /// (`bpf_ctx_narrow_access_ok`).
    Narrow,
    /// Exactly one whole element.
    Whole,
    /// Any size anywhere inside the field (`cb[]`, a tracepoint record).
    Any,
    /// Any size at the start of an element (`btf_ctx_access`: a traced
    /// function's u64 argument slots; a pointer argument is read whole).
    Slot,
    /// A 16-bit port: a byte or the whole half-word, or four bytes from its
    /// start, which reads the port as the u32 it once was
    /// (`bpf_sock.dst_port`, kept for backward compatibility).
    Port,
    /// A whole element or one of its 16-bit halves: never a byte
    /// (`sk_reuseport_md.eth_protocol`, at least the kernel's 16-bit
    /// protocol).
    Halves,
    /// At an element's start exactly the whole element, elsewhere inside
    /// it as [`Loads::Narrow`]: a pointer field the kernel checks only at
    /// its offset, whose other bytes read as numbers (a writable raw
    /// tracepoint's buffer, `raw_tp_writable_prog_is_valid_access`).
    WholeAtStart,
}

impl Loads {
    /// Every word with its DSL spelling.
    pub const ALL: &'static [(Loads, &'static str)] = &[
        (Loads::Narrow, "narrow"),
        (Loads::Whole, "whole"),
        (Loads::Any, "any"),
        (Loads::Slot, "slot"),
        (Loads::Port, "port"),
        (Loads::Halves, "halves"),
        (Loads::WholeAtStart, "whole_at_start"),
    ];

    /// The word spelled `name`.
    pub fn from_name(name: &str) -> Option<Loads> {
        Loads::ALL.iter().find(|(_, n)| *n == name).map(|(l, _)| *l)
    }
}

/// What loading a context field gives the program (the kernel's
/// `info->reg_type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CtxValue {
    /// A number.
    Scalar,
    /// The start of packet data (`PTR_TO_PACKET`).
    Packet,
    /// The end of packet data (`PTR_TO_PACKET_END`).
    PacketEnd,
    /// The start of packet metadata (`PTR_TO_PACKET_META`).
    PacketMeta,
    /// A full socket, never NULL (`PTR_TO_SOCKET`).
    Socket,
    /// A full socket or NULL (`PTR_TO_SOCKET_OR_NULL`).
    SocketOrNull,
    /// Any socket or NULL (`PTR_TO_SOCK_COMMON_OR_NULL`).
    SockCommonOrNull,
    /// The flow dissector's keys (`PTR_TO_FLOW_KEYS`).
    FlowKeys,
    /// A trusted pointer to the kernel struct the field's declaration names.
    Kernel,
    /// A writable tracepoint's buffer (`PTR_TO_TP_BUFFER`): read and written
    /// at constant offsets from its start, sized when attached.
    TpBuffer,
    /// The traced function's argument in this slot, typed by its BTF
    /// prototype or, for an iterator, by its target's declaration
    /// (`btf_ctx_access`).
    Argument,
}

impl CtxValue {
    /// Every word with its DSL spelling.
    pub const ALL: &'static [(CtxValue, &'static str)] = &[
        (CtxValue::Scalar, "scalar"),
        (CtxValue::Packet, "packet"),
        (CtxValue::PacketEnd, "packet_end"),
        (CtxValue::PacketMeta, "packet_meta"),
        (CtxValue::Socket, "socket"),
        (CtxValue::SocketOrNull, "socket_or_null"),
        (CtxValue::SockCommonOrNull, "sock_common_or_null"),
        (CtxValue::FlowKeys, "flow_keys"),
        (CtxValue::Kernel, "kernel"),
        (CtxValue::TpBuffer, "tp_buffer"),
        (CtxValue::Argument, "argument"),
    ];

    /// The word spelled `name`.
    pub fn from_name(name: &str) -> Option<CtxValue> {
        CtxValue::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(v, _)| *v)
    }

    /// The DSL spelling.
    pub fn name(self) -> &'static str {
        CtxValue::ALL
            .iter()
            .find(|(v, _)| *v == self)
            .map_or("", |(_, n)| n)
    }

    /// Whether loading the field gives a pointer (loaded whole, never
    /// sign-extended, never written).
    pub const fn is_pointer(self) -> bool {
        !matches!(self, CtxValue::Scalar | CtxValue::Argument)
    }
}

/// When packet pointers may be passed to helpers as memory (the kernel's
/// `may_access_direct_pkt_data` for helper arguments).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PacketArgs {
    /// Never: the program type has no direct packet access.
    #[default]
    Never,
    /// To helpers declared `pkt_access`.
    Declared,
    /// To every helper taking memory.
    Always,
}

impl PacketArgs {
    /// Every word with its DSL spelling.
    pub const ALL: &'static [(PacketArgs, &'static str)] = &[
        (PacketArgs::Never, "never"),
        (PacketArgs::Declared, "declared"),
        (PacketArgs::Always, "always"),
    ];
}

/// Besides `void *` and a pointer to its context's struct, what a global
/// function's `__arg_ctx` parameter of a program type may point to (the
/// special cases of the kernel's `btf_validate_prog_ctx_type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CtxArgAlias {
    /// Any type (`"*"`).
    Any,
    /// An 8-byte integer (`"u64"`).
    U64,
    /// The struct of this name (`"struct pt_regs"`); a name ending in `*`
    /// matches every struct whose name starts with the rest
    /// (`"struct bpf_iter__*"`).
    Struct(&'static str),
    /// The typedef of this name, met first on the way to the pointee
    /// (`"typedef bpf_user_pt_regs_t"`).
    Typedef(&'static str),
}

impl CtxArgAlias {
    /// Reads the DSL's spelling (`"*"`, `"u64"`, `"struct NAME"`,
    /// `"typedef NAME"`): the variant's name and the name it carries;
    /// `None` for anything else.
    pub fn split(s: &str) -> Option<(&'static str, &str)> {
        let name = |rest: &str, prefix_ok: bool| {
            let stem = if prefix_ok {
                rest.strip_suffix('*').unwrap_or(rest)
            } else {
                rest
            };
            let ok =
                !stem.is_empty() && stem.chars().all(|c| c == '_' || c.is_ascii_alphanumeric());
            ok.then_some(())
        };
        match s {
            "*" => Some(("Any", "")),
            "u64" => Some(("U64", "")),
            _ => {
                if let Some(rest) = s.strip_prefix("struct ") {
                    name(rest, true).map(|()| ("Struct", rest))
                } else {
                    let rest = s.strip_prefix("typedef ")?;
                    name(rest, false).map(|()| ("Typedef", rest))
                }
            }
        }
    }

    /// Whether a struct called `name` is the one this alias names.
    pub fn names_struct(&self, name: &str) -> bool {
        match self {
            CtxArgAlias::Struct(n) => match n.strip_suffix('*') {
                Some(prefix) => name.starts_with(prefix),
                None => *n == name,
            },
            _ => false,
        }
    }
}

bits! {
    /// Properties of a program type that the kernel's verifier decides by
    /// comparing program types.
    ProgFlags: u16 {
        /// Legacy packet loads (`BPF_LD_ABS`/`BPF_LD_IND`; `may_access_skb`).
        LEGACY_PACKET = 0, "legacy_packet";
        /// Packet data may be written (`may_access_direct_pkt_data` for writes).
        PACKET_WRITE = 1, "packet_write";
        /// Runs in any context: no spin locks, timers, workqueues or graph
        /// roots in its maps (`is_tracing_prog_type`).
        TRACING = 2, "tracing";
        /// Its maps may hold no spin lock ("socket filter progs cannot use bpf_spin_lock yet").
        NO_MAP_LOCKS = 3, "no_map_locks";
        /// May add sockets to a sockmap or sockhash (`may_update_sockmap`).
        SOCKMAP_UPDATE = 4, "sockmap_update";
        /// May remove sockets from a sockmap or sockhash.
        SOCKMAP_REMOVE = 5, "sockmap_remove";
        /// Gets a private stack when it makes no tail call
        /// (`bpf_enable_priv_stack`). The 6.18 sources give one to every
        /// kprobe, tracepoint, perf event and raw tracepoint program; the
        /// oracle builds only to those that run with preemption disabled:
        /// perf events, kprobe_multi and kprobe_session programs
        /// (`asm/private_stack.s`).
        PRIVATE_STACK = 6, "private_stack";
        /// Runs in process context: iterator kfuncs that need it are
        /// allowed without sleeping (`check_css_task_iter_allowlist`).
        PROCESS_CONTEXT = 7, "process_context";
        /// Runs for a traced kernel function whose address helpers may read
        /// (kprobes; tracing programs attached through a trampoline:
        /// `check_get_func_ip`, `bpf_prog_has_trampoline`).
        TRACED_FUNC = 8, "traced_func";
        /// May be loaded sleepable (`can_be_sleepable`: uprobes, LSM hooks,
        /// struct_ops; tracing programs through `flags_for` on the
        /// trampoline and iterator attach types).
        MAY_SLEEP = 9, "may_sleep";
        /// Its context is read as it is, not rewritten on load (no
        /// `convert_ctx_access`): memory arguments of kfuncs and global
        /// functions may point into it, checked as a byte load at their
        /// last byte (`check_helper_mem_access`).
        UNCONVERTED_CTX = 10, "unconverted_ctx";
        /// Loads only with an expected attach type one of its sections
        /// names (after the `default_attach` fixup); the kernel refuses
        /// any other with `EINVAL` before verifying
        /// (`bpf_prog_load_check_attach`).
        STRICT_ATTACH = 11, "strict_attach";
        /// Its return value is checked on its low 32 bits (an LSM hook's
        /// `int`: `return_32bit` in `check_return_code`).
        RET_SUBREG = 12, "ret_subreg";
        /// Implements a member of a map's struct (struct_ops): libbpf
        /// loads it with the member a map names, and refuses one no map
        /// names (`bpf_object_load_prog`).
        MAP_MEMBER = 13, "map_member";
    }
}
