//! BPF helpers, declared as data: each helper's argument and return types.
//! The checker interprets these descriptions; no helper has a code path of
//! its own.

/// What a helper argument must be (the kernel's `ARG_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelperArg {
    /// Not used.
    None,
    /// Any initialised value.
    Anything,
    /// A constant map pointer.
    ConstMap,
    /// Readable memory of the map's key size.
    MapKey,
    /// Readable memory of the map's value size.
    MapValue,
    /// Readable memory whose size is the next argument.
    Mem,
    /// Writable, possibly uninitialised memory whose size is the next argument.
    UninitMem,
    /// The size of the previous memory argument, greater than zero.
    Size,
    /// The size of the previous memory argument, possibly zero.
    SizeOrZero,
    /// A constant allocation size (ring buffer reserve).
    AllocSize,
    /// A `bpf_spin_lock` inside a map value or allocated object.
    SpinLock,
    /// The program's context.
    Ctx,
    /// A free stack area the helper makes a dynptr of the given kind
    /// (`DynptrInit` number + 1); ring-buffer dynptrs carry a reference.
    DynptrUninit(u32),
    /// An initialised dynptr.
    Dynptr,
    /// An initialised ring-buffer dynptr whose reference is released.
    DynptrRelease,
    /// A BPF subprogram used as a callback.
    Func,
    /// A stack pointer or NULL (callback context).
    StackOrNull,
    /// A kptr field inside a map value (kptr_xchg destination).
    KptrField,
    /// A referenced pointer or NULL, whose reference moves into the field.
    BtfIdOrNullRelease,
    /// Memory returned by a reserve helper; its reference is released.
    AllocMemRelease,
}

/// What a helper returns (the kernel's `RET_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelperRet {
    /// An unknown integer.
    Integer,
    /// Nothing.
    Void,
    /// A pointer to a value of the map in argument 1, or NULL.
    MapValueOrNull,
    /// Memory of the constant size in argument 2, or NULL; a new reference.
    AllocMemOrNull,
    /// A trusted pointer to a kernel struct.
    TrustedBtfId(&'static str),
    /// The old content of a kptr field: its type, referenced, or NULL.
    KptrOrNull,
}

/// What a helper's callback is called with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelperCbArgs {
    /// The iteration number and the context (`bpf_loop`).
    Loop,
    /// The map, a key, its value and the context (`bpf_for_each_map_elem`).
    MapElem,
}

/// A callback a helper calls synchronously.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HelperCallback {
    /// Index of the function argument.
    pub arg: u8,
    /// The callback's arguments.
    pub args: HelperCbArgs,
    /// Smallest value the callee may return.
    pub ret_min: i64,
    /// Largest value the callee may return.
    pub ret_max: i64,
}

/// A helper's prototype.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Helper {
    /// Helper number.
    pub id: i32,
    /// Arguments R1..R5.
    pub args: [HelperArg; 5],
    /// Return type.
    pub ret: HelperRet,
    /// Only for GPL-compatible programs.
    pub gpl_only: bool,
    /// Takes the lock in argument 1.
    pub lock: bool,
    /// Releases the lock in argument 1.
    pub unlock: bool,
    /// A synchronous callback, verified as a loop body.
    pub callback: Option<HelperCallback>,
    /// The map argument must be of this type.
    pub map_type: Option<crate::program::MapType>,
    /// Writes the map's contents (refused on read-only maps).
    pub writes_map: bool,
    /// Only for these program types (`None`: every type).
    pub prog_types: Option<&'static [kfreg::ProgType]>,
    /// May sleep: only in sleepable programs, outside RCU and preemption-off regions.
    pub might_sleep: bool,
    /// Moves packet data: every packet pointer becomes invalid.
    pub pkt_changing: bool,
    /// The map argument must be a program array (tail calls).
    pub prog_array: bool,
}

use HelperArg as A;
use kfreg::ProgType;

const fn helper(id: i32, args: [HelperArg; 5], ret: HelperRet) -> Helper {
    Helper {
        id,
        args,
        ret,
        gpl_only: false,
        lock: false,
        unlock: false,
        callback: None,
        map_type: None,
        writes_map: false,
        prog_types: None,
        might_sleep: false,
        pkt_changing: false,
        prog_array: false,
    }
}

const N: HelperArg = A::None;

/// The program types that get the tracing helpers.
const TRACING: &[ProgType] = &[
    ProgType::Kprobe,
    ProgType::Tracepoint,
    ProgType::PerfEvent,
    ProgType::RawTracepoint,
    ProgType::RawTracepointWritable,
    ProgType::Tracing,
    ProgType::Lsm,
];

/// Every helper the verifier knows.
pub static HELPERS: &[Helper] = &[
    helper(
        1,
        [A::ConstMap, A::MapKey, N, N, N],
        HelperRet::MapValueOrNull,
    ),
    Helper {
        writes_map: true,
        ..helper(
            2,
            [A::ConstMap, A::MapKey, A::MapValue, A::Anything, N],
            HelperRet::Integer,
        )
    },
    Helper {
        writes_map: true,
        ..helper(3, [A::ConstMap, A::MapKey, N, N, N], HelperRet::Integer)
    },
    Helper {
        gpl_only: true,
        prog_types: Some(TRACING),
        ..helper(
            4,
            [A::UninitMem, A::SizeOrZero, A::Anything, N, N],
            HelperRet::Integer,
        )
    },
    helper(5, [N; 5], HelperRet::Integer),
    Helper {
        gpl_only: true,
        ..helper(
            6,
            // The format arguments are not checked.
            [A::Mem, A::Size, N, N, N],
            HelperRet::Integer,
        )
    },
    helper(7, [N; 5], HelperRet::Integer),
    helper(8, [N; 5], HelperRet::Integer),
    helper(14, [N; 5], HelperRet::Integer),
    helper(15, [N; 5], HelperRet::Integer),
    helper(16, [A::UninitMem, A::Size, N, N, N], HelperRet::Integer),
    Helper {
        lock: true,
        ..helper(93, [A::SpinLock, N, N, N, N], HelperRet::Void)
    },
    Helper {
        unlock: true,
        ..helper(94, [A::SpinLock, N, N, N, N], HelperRet::Void)
    },
    Helper {
        gpl_only: true,
        ..helper(
            113,
            [A::UninitMem, A::SizeOrZero, A::Anything, N, N],
            HelperRet::Integer,
        )
    },
    Helper {
        gpl_only: true,
        ..helper(
            115,
            [A::UninitMem, A::SizeOrZero, A::Anything, N, N],
            HelperRet::Integer,
        )
    },
    helper(125, [N; 5], HelperRet::Integer),
    Helper {
        map_type: Some(crate::program::MapType::Ringbuf),
        ..helper(
            130,
            [A::ConstMap, A::Mem, A::SizeOrZero, A::Anything, N],
            HelperRet::Integer,
        )
    },
    Helper {
        map_type: Some(crate::program::MapType::Ringbuf),
        ..helper(
            131,
            [A::ConstMap, A::AllocSize, A::Anything, N, N],
            HelperRet::AllocMemOrNull,
        )
    },
    helper(
        132,
        [A::AllocMemRelease, A::Anything, N, N, N],
        HelperRet::Void,
    ),
    helper(
        133,
        [A::AllocMemRelease, A::Anything, N, N, N],
        HelperRet::Void,
    ),
    Helper {
        gpl_only: true,
        ..helper(158, [N; 5], HelperRet::TrustedBtfId("task_struct"))
    },
    Helper {
        callback: Some(HelperCallback {
            arg: 1,
            args: HelperCbArgs::Loop,
            ret_min: 0,
            ret_max: 1,
        }),
        ..helper(
            181,
            [A::Anything, A::Func, A::StackOrNull, A::Anything, N],
            HelperRet::Integer,
        )
    },
    Helper {
        callback: Some(HelperCallback {
            arg: 1,
            args: HelperCbArgs::MapElem,
            ret_min: 0,
            ret_max: 1,
        }),
        ..helper(
            164,
            [A::ConstMap, A::Func, A::StackOrNull, A::Anything, N],
            HelperRet::Integer,
        )
    },
    Helper {
        prog_array: true,
        ..helper(
            12,
            [A::Ctx, A::ConstMap, A::Anything, N, N],
            HelperRet::Integer,
        )
    },
    Helper {
        prog_types: Some(&[
            ProgType::SchedCls,
            ProgType::SchedAct,
            ProgType::SocketFilter,
            ProgType::CgroupSkb,
        ]),
        ..helper(
            26,
            [A::Ctx, A::Anything, A::UninitMem, A::Size, N],
            HelperRet::Integer,
        )
    },
    Helper {
        prog_types: Some(&[ProgType::SchedCls, ProgType::SchedAct]),
        pkt_changing: true,
        ..helper(39, [A::Ctx, A::Anything, N, N, N], HelperRet::Integer)
    },
    Helper {
        prog_types: Some(&[ProgType::Xdp]),
        pkt_changing: true,
        ..helper(44, [A::Ctx, A::Anything, N, N, N], HelperRet::Integer)
    },
    helper(
        197,
        [A::Mem, A::Size, A::Anything, A::DynptrUninit(1), N],
        HelperRet::Integer,
    ),
    Helper {
        map_type: Some(crate::program::MapType::Ringbuf),
        ..helper(
            198,
            [A::ConstMap, A::Anything, A::Anything, A::DynptrUninit(2), N],
            HelperRet::Integer,
        )
    },
    helper(
        199,
        [A::DynptrRelease, A::Anything, N, N, N],
        HelperRet::Void,
    ),
    helper(
        200,
        [A::DynptrRelease, A::Anything, N, N, N],
        HelperRet::Void,
    ),
    helper(
        201,
        [A::UninitMem, A::Size, A::Dynptr, A::Anything, A::Anything],
        HelperRet::Integer,
    ),
    helper(
        202,
        [A::Dynptr, A::Anything, A::Mem, A::Size, A::Anything],
        HelperRet::Integer,
    ),
    Helper {
        might_sleep: true,
        gpl_only: true,
        ..helper(
            148,
            [A::UninitMem, A::SizeOrZero, A::Anything, N, N],
            HelperRet::Integer,
        )
    },
    helper(
        194,
        [A::KptrField, A::BtfIdOrNullRelease, N, N, N],
        HelperRet::KptrOrNull,
    ),
];

impl Helper {
    /// Its name (`bpf_map_lookup_elem`), from the kernel's helper table.
    pub fn name(&self) -> &'static str {
        crate::disasm::helper_name(self.id).unwrap_or("unknown")
    }
}

/// The helper numbered `id`.
pub fn by_id(id: i32) -> Option<&'static Helper> {
    HELPERS.iter().find(|h| h.id == id)
}
