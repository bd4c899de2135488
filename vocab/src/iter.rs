//! The words of an iterator target declaration: what each of the target's
//! context arguments is to the program (the register type its
//! `bpf_iter_reg.ctx_arg_info` gives it, which `btf_ctx_access` hands out).

/// The register type an iterator target gives one of its context arguments.
///
/// Every one may be NULL: the target calls the program once more after the
/// last object, with NULL objects (`bpf_iter_run_prog` on `seq_stop`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IterArg {
    /// A kernel object or NULL, not trusted (`PTR_TO_BTF_ID_OR_NULL`): what
    /// is walked from it is not trusted either.
    BtfIdOrNull,
    /// A trusted kernel object or NULL (`PTR_TO_BTF_ID_OR_NULL | PTR_TRUSTED`).
    TrustedOrNull,
    /// A buffer the program may read and write, or NULL (`PTR_TO_BUF |
    /// PTR_MAYBE_NULL`): a map element's value.
    BufOrNull,
    /// A read-only buffer or NULL (`PTR_TO_BUF | PTR_MAYBE_NULL |
    /// MEM_RDONLY`): a map element's key.
    RdonlyBufOrNull,
}

impl IterArg {
    /// Every word with its DSL spelling.
    pub const ALL: &'static [(IterArg, &'static str)] = &[
        (IterArg::BtfIdOrNull, "btf_id_or_null"),
        (IterArg::TrustedOrNull, "trusted_or_null"),
        (IterArg::BufOrNull, "buf_or_null"),
        (IterArg::RdonlyBufOrNull, "rdonly_buf_or_null"),
    ];

    /// The word spelled `name`.
    pub fn from_name(name: &str) -> Option<IterArg> {
        IterArg::ALL
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(v, _)| *v)
    }

    /// The DSL spelling.
    pub fn name(self) -> &'static str {
        IterArg::ALL
            .iter()
            .find(|(v, _)| *v == self)
            .map_or("", |(_, n)| n)
    }

    /// Whether the argument is a buffer (`PTR_TO_BUF`) rather than a kernel object.
    pub const fn is_buffer(self) -> bool {
        matches!(self, IterArg::BufOrNull | IterArg::RdonlyBufOrNull)
    }
}

/// What an open-coded iterator is called in the kernel's messages: its
/// struct's name after the kernel's `ITER_PREFIX` (`bpf_iter_num` is the
/// `num` iterator, `iter_num` in argument messages, `num_iter` in others).
pub fn open_coded_iter_name(struct_name: &str) -> &str {
    struct_name.strip_prefix("bpf_iter_").unwrap_or(struct_name)
}
