//! libbpf's `SEC()` conventions: which program type an ELF section name
//! means. The names are the program type declarations' (`#[sec(...)]`); a
//! leading `?` marks a program that is not loaded automatically, which is
//! still a program.

use kfreg::{AttachType, ProgFlags, ProgType, Registry};

/// What a section name says about the programs in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecDef {
    /// Program type.
    pub prog_type: ProgType,
    /// Sleepable (`.s` variants, `syscall`).
    pub sleepable: bool,
    /// A BPF iterator (`iter/`, `iter.s/`).
    pub iter: bool,
    /// Loaded automatically (no leading `?`).
    pub autoload: bool,
    /// The expected attach type libbpf loads it with.
    pub attach: Option<AttachType>,
    /// Loaded only as the member of a map's struct (struct_ops).
    pub map_member: bool,
}

/// The program type and flags of ELF section `name`, or `None` when no
/// declared program type claims it (libbpf would not know its type).
pub fn classify(reg: &Registry, name: &str) -> Option<SecDef> {
    let (autoload, bare) = match name.strip_prefix('?') {
        Some(rest) => (false, rest),
        None => (true, name),
    };
    reg.prog_types().classify(bare).map(|(decl, sec)| SecDef {
        prog_type: decl.id,
        sleepable: sec.sleepable,
        iter: sec.iter,
        autoload,
        attach: sec.attach,
        map_member: decl.flags.contains(ProgFlags::MAP_MEMBER),
    })
}
