//! BPF map types (the kernel's `enum bpf_map_type`), for the map/helper
//! compatibility a helper declares.

macro_rules! map_types {
    ($($variant:ident = $value:literal, $dsl:literal;)*) => {
        /// A BPF map type, numbered as the kernel numbers it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        #[allow(missing_docs)] // each variant is the kernel's BPF_MAP_TYPE_<NAME>
        pub enum MapKind {
            $($variant = $value,)*
        }

        impl MapKind {
    /// The kernel struct every map's own struct starts with: what a map
    /// pointer is to a kfunc's struct argument (`reg2btf_ids`).
    pub const BASE_STRUCT: &'static str = "bpf_map";

            /// Every map type, in kernel order.
            pub const ALL: &'static [MapKind] = &[$(MapKind::$variant),*];

            /// The DSL's spelling (`map_types = [ringbuf]`): the kernel's
            /// `BPF_MAP_TYPE_` suffix in lower case.
            pub const fn name(self) -> &'static str {
                match self { $(MapKind::$variant => $dsl,)* }
            }
        }
    };
}

map_types! {
    Hash = 1, "hash";
    Array = 2, "array";
    ProgArray = 3, "prog_array";
    PerfEventArray = 4, "perf_event_array";
    PercpuHash = 5, "percpu_hash";
    PercpuArray = 6, "percpu_array";
    StackTrace = 7, "stack_trace";
    CgroupArray = 8, "cgroup_array";
    LruHash = 9, "lru_hash";
    LruPercpuHash = 10, "lru_percpu_hash";
    LpmTrie = 11, "lpm_trie";
    ArrayOfMaps = 12, "array_of_maps";
    HashOfMaps = 13, "hash_of_maps";
    Devmap = 14, "devmap";
    Sockmap = 15, "sockmap";
    Cpumap = 16, "cpumap";
    Xskmap = 17, "xskmap";
    Sockhash = 18, "sockhash";
    CgroupStorage = 19, "cgroup_storage";
    ReuseportSockarray = 20, "reuseport_sockarray";
    PercpuCgroupStorage = 21, "percpu_cgroup_storage";
    Queue = 22, "queue";
    Stack = 23, "stack";
    SkStorage = 24, "sk_storage";
    DevmapHash = 25, "devmap_hash";
    StructOps = 26, "struct_ops";
    Ringbuf = 27, "ringbuf";
    InodeStorage = 28, "inode_storage";
    TaskStorage = 29, "task_storage";
    BloomFilter = 30, "bloom_filter";
    UserRingbuf = 31, "user_ringbuf";
    CgrpStorage = 32, "cgrp_storage";
    Arena = 33, "arena";
}

impl MapKind {
    /// The map type with DSL spelling `name`.
    pub fn from_name(name: &str) -> Option<MapKind> {
        MapKind::ALL.iter().copied().find(|m| m.name() == name)
    }

    /// The map type with kernel number `value`.
    pub fn from_u32(value: u32) -> Option<MapKind> {
        MapKind::ALL.iter().copied().find(|m| *m as u32 == value)
    }

    /// Whether its values are sockets: a lookup gives a new reference to a
    /// full socket, not a pointer into the map (the kernel's sockmap and
    /// sockhash special cases in `is_acquire_function` and
    /// `mark_ptr_or_null_reg`).
    pub const fn holds_sockets(self) -> bool {
        matches!(self, MapKind::Sockmap | MapKind::Sockhash)
    }

    /// Whether a helper can copy one of its values out: a bloom filter
    /// holds none, so the value a helper would fill (a peek's) is the one
    /// it tests for, read (the kernel's `resolve_map_arg_type`).
    pub const fn hands_out_values(self) -> bool {
        !matches!(self, MapKind::BloomFilter)
    }

    /// Whether its values are maps (`__array(values, ...)` declares the
    /// inner maps' definition).
    pub const fn holds_maps(self) -> bool {
        matches!(self, MapKind::ArrayOfMaps | MapKind::HashOfMaps)
    }

    /// Whether a definition may leave `max_entries` 0: libbpf sizes perf
    /// event arrays (to the CPU count) itself, and local storage and
    /// struct_ops maps take no size. A ring buffer of no size stays one
    /// (libbpf's `adjust_ringbuf_sz` keeps 0 for the kernel to refuse).
    pub const fn sized_without_max_entries(self) -> bool {
        use MapKind::*;
        matches!(
            self,
            PerfEventArray
                | CgroupStorage
                | PercpuCgroupStorage
                | SkStorage
                | StructOps
                | InodeStorage
                | TaskStorage
                | CgrpStorage
        )
    }

    /// Whether its values are AF_XDP sockets: a lookup gives a pointer to
    /// the socket's read-only `struct bpf_xdp_sock`, not into the map (the
    /// kernel's XSKMAP case of `mark_ptr_not_null_reg`).
    pub const fn holds_xdp_sockets(self) -> bool {
        matches!(self, MapKind::Xskmap)
    }

    /// Whether a lookup with a constant in-range key cannot fail, so the
    /// verifier reads such a key off the stack (and makes it precise) only
    /// for these maps (the kernel's `can_elide_value_nullness`).
    pub const fn elides_value_nullness(self) -> bool {
        matches!(self, MapKind::Array | MapKind::PercpuArray)
    }

    /// The kernel struct a map of this type is, which a map pointer reads
    /// as (the `map_btf_id` of the type's `bpf_map_ops`).
    pub const fn kernel_struct(self) -> &'static str {
        use MapKind::*;
        match self {
            Array | ProgArray | PerfEventArray | PercpuArray | CgroupArray | ArrayOfMaps => {
                "bpf_array"
            }
            Hash | PercpuHash | LruHash | LruPercpuHash | HashOfMaps => "bpf_htab",
            StackTrace => "bpf_stack_map",
            LpmTrie => "lpm_trie",
            Devmap | DevmapHash => "bpf_dtab",
            Sockmap => "bpf_stab",
            Cpumap => "bpf_cpu_map",
            Xskmap => "xsk_map",
            Sockhash => "bpf_shtab",
            CgroupStorage | PercpuCgroupStorage => "bpf_cgroup_storage_map",
            ReuseportSockarray => "reuseport_array",
            Queue | Stack => "bpf_queue_stack",
            SkStorage | InodeStorage | TaskStorage | CgrpStorage => "bpf_local_storage_map",
            StructOps => "bpf_struct_ops_map",
            Ringbuf | UserRingbuf => "bpf_ringbuf_map",
            BloomFilter => "bpf_bloom_filter",
            Arena => "bpf_arena",
        }
    }

    /// The map flags `BPF_MAP_CREATE` takes for this type (the flag mask of
    /// each type's `map_alloc_check`), for the types whose sizes alone
    /// decide creation; `None` for the others, whose flags are not judged.
    /// Per-CPU types take no NUMA node; only arrays programs address
    /// directly take `BPF_F_MMAPABLE`; fd arrays refuse the program access
    /// flags.
    pub const fn creation_flags(self) -> Option<u32> {
        use MapKind::*;
        const NO_PREALLOC: u32 = 1;
        const NO_COMMON_LRU: u32 = 1 << 1;
        const NUMA_NODE: u32 = 1 << 2;
        const USER_ACCESS: u32 = (1 << 3) | (1 << 4);
        const STACK_BUILD_ID: u32 = 1 << 5;
        const ZERO_SEED: u32 = 1 << 6;
        const ACCESS: u32 = USER_ACCESS | (1 << 7) | (1 << 8);
        const CLONE: u32 = 1 << 9;
        const MMAPABLE: u32 = 1 << 10;
        const PRESERVE_ELEMS: u32 = 1 << 11;
        const INNER_MAP: u32 = 1 << 12;
        let lru = if matches!(self, LruHash | LruPercpuHash) {
            NO_COMMON_LRU
        } else {
            0
        };
        Some(match self {
            Hash | LruHash => NO_PREALLOC | NUMA_NODE | ACCESS | ZERO_SEED | lru,
            PercpuHash | LruPercpuHash => NO_PREALLOC | ACCESS | ZERO_SEED | lru,
            Array => NUMA_NODE | ACCESS | MMAPABLE | INNER_MAP,
            PercpuArray => ACCESS,
            PerfEventArray => NUMA_NODE | USER_ACCESS | PRESERVE_ELEMS,
            StackTrace => NUMA_NODE | USER_ACCESS | STACK_BUILD_ID,
            ProgArray | CgroupArray | Devmap | DevmapHash | Sockmap | Sockhash | Xskmap => {
                NUMA_NODE | USER_ACCESS
            }
            LpmTrie => NO_PREALLOC | NUMA_NODE | ACCESS,
            ReuseportSockarray | Queue | Stack => NUMA_NODE | ACCESS,
            BloomFilter => NUMA_NODE | ACCESS | ZERO_SEED,
            Cpumap | Ringbuf | UserRingbuf => NUMA_NODE,
            SkStorage | InodeStorage | TaskStorage | CgrpStorage => NO_PREALLOC | CLONE,
            _ => return None,
        })
    }

    /// The errno a map of maps fails to create with when its inner map (the
    /// template libbpf creates first) is of this type (`bpf_map_meta_alloc`):
    /// maps of maps do not nest, and a type without `map_meta_equal` cannot
    /// be matched against the maps stored later. object/tests/map_create.rs
    /// holds it to the kernel.
    pub const fn inner_errno(self) -> Option<u32> {
        use MapKind::*;
        match self {
            ArrayOfMaps | HashOfMaps => Some(22),
            ProgArray | CgroupStorage | PercpuCgroupStorage | StructOps => Some(524),
            _ => None,
        }
    }

    /// The errno `BPF_MAP_CREATE` fails with for these sizes, flags and
    /// `map_extra`, for the types whose sizes alone decide it (each type's
    /// `map_alloc_check` or `map_alloc` sanity checks); `None` when created,
    /// or when the type needs more than sizes (BTF, an inner map, an attach
    /// point) and is not judged here. object/tests/map_create.rs holds it
    /// to the kernel.
    pub const fn creation_errno(
        self,
        key: u32,
        value: u32,
        entries: u32,
        flags: u32,
        extra: u64,
    ) -> Option<u32> {
        use MapKind::*;
        const EINVAL: u32 = 22;
        const E2BIG: u32 = 7;
        const ENOTSUPP: u32 = 524;
        const NO_PREALLOC: u32 = 1;
        const STACK_BUILD_ID: u32 = 1 << 5;
        const USER_ACCESS: u32 = (1 << 3) | (1 << 4);
        const PROG_ACCESS: u32 = (1 << 7) | (1 << 8);
        // Memory one hash element or queue value may take (KMALLOC_MAX_SIZE
        // of x86_64), and what a per-CPU value may take (PCPU_MIN_UNIT_SIZE).
        const KMALLOC_MAX: u64 = 1 << 22;
        const PERCPU_MAX: u64 = 32 << 10;
        // sizeof(struct htab_elem) on x86_64.
        const HTAB_ELEM: u64 = 48;
        // map_create takes map_extra only for a bloom filter (the number of
        // hash functions) and an arena (its user address).
        if extra != 0 && !matches!(self, BloomFilter | Arena) {
            return Some(EINVAL);
        }
        // Read-only and write-only at once, for user space (map_create's
        // bpf_get_file_flag, every type) or for programs
        // (bpf_map_flags_access_ok); then the type's own mask.
        if flags & USER_ACCESS == USER_ACCESS || flags & PROG_ACCESS == PROG_ACCESS {
            return Some(EINVAL);
        }
        if let Some(taken) = self.creation_flags()
            && flags & !taken != 0
        {
            return Some(EINVAL);
        }
        let (k, v, n) = (key as u64, value as u64, entries as u64);
        let percpu_too_big = v.div_ceil(8) * 8 > PERCPU_MAX;
        let fd_value = v == 4;
        // htab_map_alloc_check refuses an LRU map without preallocation
        // before it looks at the sizes.
        if matches!(self, LruHash | LruPercpuHash) && flags & NO_PREALLOC != 0 {
            return Some(ENOTSUPP);
        }
        let einval = match self {
            Array | PercpuArray => n == 0 || k != 4 || v == 0,
            ProgArray | PerfEventArray | CgroupArray | ArrayOfMaps => !fd_value || n == 0 || k != 4,
            ReuseportSockarray => (v != 4 && v != 8) || n == 0 || k != 4,
            Hash | PercpuHash | LruHash | LruPercpuHash => n == 0 || k == 0 || v == 0,
            HashOfMaps => !fd_value || n == 0 || k == 0,
            // At most sysctl_perf_event_max_stack's default of 127 frames,
            // each an 8-byte address or, with BPF_F_STACK_BUILD_ID, a
            // 32-byte struct bpf_stack_build_id.
            StackTrace => {
                let frame = if flags & STACK_BUILD_ID != 0 { 32 } else { 8 };
                n == 0 || k != 4 || v < 8 || v % 8 != 0 || v % frame != 0 || v / frame > 127
            }
            // A prefix length and 1 to 256 bytes of data.
            LpmTrie => n == 0 || flags & NO_PREALLOC == 0 || k < 5 || k > 260 || v == 0,
            Devmap | DevmapHash | Cpumap => n == 0 || k != 4 || (v != 4 && v != 8),
            Xskmap => n == 0 || k != 4 || v != 4,
            Sockmap => n == 0 || k != 4 || (v != 4 && v != 8),
            Sockhash => n == 0 || k == 0 || (v != 4 && v != 8),
            Queue | Stack => n == 0 || k != 0 || v == 0,
            // At most 15 hash functions, in map_extra's low four bits.
            BloomFilter => n == 0 || k != 0 || v == 0 || extra & !0xf != 0,
            // Sized by max_entries alone (libbpf rounds a size other than 0
            // up to pages).
            Ringbuf | UserRingbuf => n == 0 || k != 0 || v != 0,
            // An int key (a file descriptor), no size, and never
            // preallocated (bpf_local_storage_map_alloc_check).
            SkStorage | InodeStorage | TaskStorage | CgrpStorage => {
                flags & NO_PREALLOC == 0 || n != 0 || k != 4 || v == 0
            }
            _ => return None,
        };
        if einval {
            return Some(EINVAL);
        }
        let e2big = match self {
            Array => v > i32::MAX as u64,
            PercpuArray => percpu_too_big,
            Hash | LruHash | HashOfMaps => k + v >= KMALLOC_MAX - HTAB_ELEM,
            PercpuHash | LruPercpuHash => k + v >= KMALLOC_MAX - HTAB_ELEM || percpu_too_big,
            Sockhash => k > 512,
            Queue | Stack => v > KMALLOC_MAX || n >= u32::MAX as u64 / v,
            BloomFilter => v > KMALLOC_MAX,
            _ => false,
        };
        if e2big { Some(E2BIG) } else { None }
    }

    /// Whether the kernel creates it read-only for programs whatever its
    /// flags (`BPF_F_RDONLY_PROG`): a device map's lookup gives the
    /// device's own ifindex (`dev_map_alloc_check`).
    pub const fn forces_rdonly_prog(self) -> bool {
        matches!(self, MapKind::Devmap | MapKind::DevmapHash)
    }

    /// Whether a sleepable program may use it, or a map of maps holding it
    /// (`check_map_prog_compatibility`): arrays, hashes, ring buffers,
    /// local storage, queues, stacks, arenas and maps of maps.
    pub const fn sleepable_ok(self) -> bool {
        self.walks_elements()
            || matches!(
                self,
                MapKind::ArrayOfMaps
                    | MapKind::HashOfMaps
                    | MapKind::Ringbuf
                    | MapKind::UserRingbuf
                    | MapKind::InodeStorage
                    | MapKind::SkStorage
                    | MapKind::TaskStorage
                    | MapKind::CgrpStorage
                    | MapKind::Queue
                    | MapKind::Stack
                    | MapKind::Arena
            )
    }

    /// Whether the kernel creates it only with BTF for its key and value:
    /// local storage (`bpf_local_storage_map_alloc_check`), which libbpf
    /// cannot give when the kernel refused the object's BTF.
    pub const fn needs_btf(self) -> bool {
        matches!(
            self,
            MapKind::SkStorage
                | MapKind::InodeStorage
                | MapKind::TaskStorage
                | MapKind::CgrpStorage
        )
    }

    /// Whether a 64-bit load may take the address of its memory directly
    /// (`BPF_PSEUDO_MAP_VALUE`; its ops' `map_direct_value_addr`): arrays,
    /// which is how global data is reached, and arenas.
    pub const fn direct_value(self) -> bool {
        matches!(self, MapKind::Array | MapKind::Arena)
    }

    /// Whether such a load may reach offset `off` of a map of this type
    /// made with `max_entries` and `value_size`: an array of one element,
    /// inside its value; an arena, up to the end of its pages (as libbpf
    /// maps them, one page per entry).
    pub const fn direct_value_reaches(self, max_entries: u32, value_size: u32, off: u32) -> bool {
        match self {
            MapKind::Array => max_entries == 1 && off < value_size,
            MapKind::Arena => off as u64 <= max_entries as u64 * 4096,
            _ => false,
        }
    }

    /// Whether a callback may walk its elements (its ops'
    /// `map_for_each_callback`): arrays and hashes, per-CPU and LRU ones.
    pub const fn walks_elements(self) -> bool {
        matches!(
            self,
            MapKind::Hash
                | MapKind::Array
                | MapKind::PercpuHash
                | MapKind::PercpuArray
                | MapKind::LruHash
                | MapKind::LruPercpuHash
        )
    }
}

/// A set of map types.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct MapKinds(u64);

impl MapKinds {
    /// No map type.
    pub const NONE: MapKinds = MapKinds(0);

    /// The set with `map` added.
    pub const fn with(self, map: MapKind) -> MapKinds {
        MapKinds(self.0 | 1 << map as u8)
    }

    /// Whether `map` is in the set.
    pub const fn contains(self, map: MapKind) -> bool {
        self.0 & (1 << map as u8) != 0
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The map types in the set, in kernel order.
    pub fn iter(self) -> impl Iterator<Item = MapKind> {
        MapKind::ALL
            .iter()
            .copied()
            .filter(move |m| self.contains(*m))
    }
}
