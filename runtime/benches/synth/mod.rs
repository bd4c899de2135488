//! Generated kfunc descriptors for the benchmarks: registries of any size
//! built from `Kfunc` values made at run time and leaked to `&'static`, as
//! `#[kfunc]` would have placed them in the binary.

use kfreg::{ArgKind, CType, FamilyDesc, Flags, Kfunc, Location, Param, ProgTypes, Ret, Roles};

/// A fixed pseudo-random sequence (xorshift64*): the same stream in every run.
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed` (any value but 0).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next 64 bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// `items` in a pseudo-random order (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

const HERE: Location = Location {
    krate: "kfreg-benches",
    module: "synth",
    file: "runtime/benches/synth/mod.rs",
    line: 1,
};

static LIST_HEAD: CType = CType::Struct("bpf_list_head");
static LIST_NODE: CType = CType::Struct("bpf_list_node");

const fn ptr(to: &'static CType) -> CType {
    CType::Ptr {
        to,
        is_const: false,
        arena: false,
    }
}

const fn param(name: &'static str, ty: CType, kind: ArgKind) -> Param {
    Param {
        name,
        ty,
        kind,
        roles: Roles::NONE,
        pointee_size: 0,
    }
}

/// A list operation's parameters: the kind the "member" kfuncs take.
static NODE_PARAMS: [Param; 2] = [
    param("head", ptr(&LIST_HEAD), ArgKind::ListHead),
    param("node", ptr(&LIST_NODE), ArgKind::ListNode),
];

/// Two scalars: what every other kfunc takes.
static SCALAR_PARAMS: [Param; 2] = [
    param(
        "a",
        CType::Int {
            bits: 64,
            signed: false,
        },
        ArgKind::Scalar,
    ),
    param(
        "b",
        CType::Int {
            bits: 32,
            signed: true,
        },
        ArgKind::Scalar,
    ),
];

fn leak<T>(value: T) -> &'static T {
    Box::leak(Box::new(value))
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// A family named `name` available to `prog_types`.
pub fn family(name: &str, prog_types: ProgTypes) -> &'static FamilyDesc {
    leak(FamilyDesc {
        name: leak_str(name.to_string()),
        doc: "",
        root: None,
        node: None,
        lock_required: false,
        lock_safe: false,
        irq_class: None,
        prog_types,
        location: HERE,
    })
}

/// A kfunc descriptor. `member` kfuncs acquire, take a list node and are
/// callable from XDP programs only; the others take two scalars, have no
/// flag and are callable from TC programs only, so that the four registry
/// queries of the benchmarks all answer "is this one of the members".
pub fn kfunc(name: String, family: &'static FamilyDesc, member: bool, line: u32) -> &'static Kfunc {
    let (flags, params, prog) = if member {
        (Flags::ACQUIRE, &NODE_PARAMS[..], kfreg::ProgType::Xdp)
    } else {
        (Flags::EMPTY, &SCALAR_PARAMS[..], kfreg::ProgType::SchedCls)
    };
    leak(Kfunc {
        name: leak_str(name),
        doc: "",
        family: Some(family),
        flags,
        params,
        ret_ty: CType::Int {
            bits: 32,
            signed: true,
        },
        ret: Ret::Scalar,
        callbacks: &[],
        dynptr: None,
        prog_types: Some(ProgTypes::NONE.with(prog)),
        attach: kfreg::AttachTypes::NONE,
        location: Location { line, ..HERE },
    })
}
