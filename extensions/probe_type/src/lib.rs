//! A program type Linux does not have, declared the way an out-of-tree
//! kernel patch would add one: a number past the kernel's last type, its
//! context struct with what each field allows, the `SEC()` name it loads
//! from, the helpers it may call and the values it may return. Linking this
//! crate is all the verifier needs to check programs of the type.

use kfreg::{context, prog_type};

/// What a probe program sees: the probed packet and what is known about it.
#[context]
#[repr(C)]
pub struct ProbeCtx {
    /// Start of the probed bytes.
    #[ctx(yields = packet)]
    pub data: u64,
    /// End of the probed bytes.
    #[ctx(yields = packet_end)]
    pub data_end: u64,
    /// Length of the probe; read whole or in part.
    pub len: u32,
    /// A verdict mark the program may set.
    #[ctx(loads = whole, write)]
    pub mark: u32,
    /// Scratch words: any access inside.
    #[ctx(loads = any, write)]
    pub scratch: [u32; 4],
    /// The kernel's own counter: not for programs.
    #[ctx(hidden)]
    pub internal: u64,
}

/// Probe programs: read the probed bytes, set a mark, return 0 or 1.
///
/// They call the helpers and kfuncs their declaration lists, and those whose
/// declarations name every program type.
#[prog_type(
    id = 40,
    name = probe,
    kernel = BPF_PROG_TYPE_PROBE,
    ctx = ProbeCtx,
    packet_args = declared,
    ret = [0, 1],
    helpers = [bpf_map_lookup_elem, bpf_ktime_get_ns, bpf_ext_hash],
    kfuncs = [bpf_cpumask_create, bpf_cpumask_release]
)]
#[sec("probe")]
#[sec("probe.s+", sleepable)]
pub struct Probe;
