//! Whether the kernel takes a map's BTF (`map_check_btf`). libbpf gives the
//! kernel the key and value types of a BTF-defined map, and when the kernel
//! refuses them it creates the map again without them ("Retrying without
//! BTF"): the verifier then knows no special field of the map's values, and
//! a lock or timer in them is plain memory.

use crate::btf::{Btf, TypeData};
use crate::field_kind::FieldKind;
use kfreg::MapKind;

/// `BPF_F_RDONLY_PROG`.
const RDONLY_PROG: u32 = 1 << 7;
/// `BPF_F_WRONLY_PROG`.
const WRONLY_PROG: u32 = 1 << 8;

/// The map types libbpf creates without BTF whatever their definition says
/// (`bpf_object__create_map`).
pub(crate) fn dropped_by_libbpf(kind: MapKind) -> bool {
    matches!(
        kind,
        MapKind::PerfEventArray
            | MapKind::CgroupArray
            | MapKind::StackTrace
            | MapKind::ArrayOfMaps
            | MapKind::HashOfMaps
            | MapKind::Devmap
            | MapKind::DevmapHash
            | MapKind::Cpumap
            | MapKind::Xskmap
            | MapKind::Sockmap
            | MapKind::Sockhash
            | MapKind::Queue
            | MapKind::Stack
            | MapKind::Arena
    )
}

/// What libbpf gives the kernel for a map: its key type (resolved; `None`
/// when the definition gives only `key_size`) and flags.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MapBtf {
    pub key: Option<u32>,
    pub flags: u32,
}

/// Why the kernel refuses the BTF of a map of `kind` (not global data)
/// whose value records `fields` (`None`: it takes it).
pub(crate) fn refusal(
    btf: &Btf,
    kind: MapKind,
    given: MapBtf,
    fields: &[FieldKind],
) -> Option<&'static str> {
    // The map type's own check, when it has one; without one a map must
    // give its key type.
    let own_check = !matches!(
        kind,
        MapKind::Hash | MapKind::PercpuHash | MapKind::LruHash | MapKind::LruPercpuHash
    );
    if given.key.is_none() && !own_check {
        return Some("no key type");
    }
    if !fields.is_empty() && given.flags & (RDONLY_PROG | WRONLY_PROG) != 0 {
        return Some("special fields in a map the program may only read or only write");
    }
    if let Some(f) = fields.iter().find(|f| !allowed_in(**f, kind)) {
        return Some(match f {
            FieldKind::SpinLock | FieldKind::ResSpinLock => "a spin lock in a map of this type",
            FieldKind::Timer | FieldKind::Wq | FieldKind::TaskWork => {
                "a timer or work item in a map of this type"
            }
            FieldKind::Uptr => "a uptr outside task storage",
            _ => "a kptr or graph root in a map of this type",
        });
    }
    let key = given
        .key
        .and_then(|k| btf.type_by_id(k).ok())
        .map(|t| &t.data);
    let int_of = |bits: u8, data: Option<&TypeData>| matches!(data, Some(TypeData::Int { bits: b, offset: 0, .. }) if *b == bits);
    match kind {
        // Only global data goes without a key type (one element of a data
        // section), and its maps are not judged here.
        MapKind::Array | MapKind::PercpuArray => {
            (!int_of(32, key)).then_some("an array's key is not a 32-bit integer")
        }
        MapKind::SkStorage
        | MapKind::InodeStorage
        | MapKind::TaskStorage
        | MapKind::CgrpStorage => {
            (!int_of(32, key)).then_some("a local storage's key is not a 32-bit integer")
        }
        MapKind::LpmTrie => (!matches!(key, Some(TypeData::Struct { .. })))
            .then_some("a trie's key is not a struct"),
        MapKind::BloomFilter => key.is_some().then_some("a bloom filter has a key type"),
        MapKind::CgroupStorage | MapKind::PercpuCgroupStorage => {
            (!cgroup_storage_key(btf, key)).then_some("a cgroup storage's key type")
        }
        MapKind::ProgArray
        | MapKind::ReuseportSockarray
        | MapKind::Ringbuf
        | MapKind::UserRingbuf => Some("maps of this type take no BTF"),
        _ => None,
    }
}

/// Whether a special field of `field`'s kind may live in a map of `kind`.
fn allowed_in(field: FieldKind, kind: MapKind) -> bool {
    use MapKind::*;
    match field {
        FieldKind::SpinLock | FieldKind::ResSpinLock => matches!(
            kind,
            Hash | Array | CgroupStorage | SkStorage | InodeStorage | TaskStorage | CgrpStorage
        ),
        FieldKind::Timer
        | FieldKind::Wq
        | FieldKind::TaskWork
        | FieldKind::ListHead
        | FieldKind::RbRoot => {
            matches!(kind, Hash | LruHash | Array)
        }
        FieldKind::Kptr
        | FieldKind::KptrUntrusted
        | FieldKind::KptrPercpu
        | FieldKind::Refcount => {
            matches!(
                kind,
                Hash | PercpuHash
                    | LruHash
                    | LruPercpuHash
                    | Array
                    | PercpuArray
                    | SkStorage
                    | InodeStorage
                    | TaskStorage
                    | CgrpStorage
            )
        }
        FieldKind::Uptr => kind == TaskStorage,
        FieldKind::ListNode | FieldKind::RbNode => false,
    }
}

/// A cgroup storage's key: a 64-bit integer (the cgroup's inode), or
/// `struct bpf_cgroup_storage_key` (two integers: 64 bits at 0, 32 at 8).
fn cgroup_storage_key(btf: &Btf, key: Option<&TypeData>) -> bool {
    let int_at = |ty: u32, bytes: u32| {
        btf.resolve(ty)
            .ok()
            .and_then(|t| btf.type_by_id(t).ok())
            .is_some_and(|t| matches!(t.data, TypeData::Int { size, offset: 0, bits, .. } if size == bytes && u32::from(bits) == bytes * 8))
    };
    match key {
        Some(TypeData::Int {
            size: 8,
            bits: 64,
            offset: 0,
            ..
        }) => true,
        Some(TypeData::Struct { members, .. }) => {
            members.len() == 2
                && members[0].bit_offset == 0
                && int_at(members[0].ty, 8)
                && members[1].bit_offset == 64
                && int_at(members[1].ty, 4)
        }
        _ => false,
    }
}
