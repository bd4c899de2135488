//! Mutations of loaded programs: what a damaged object would have given
//! the verifier (instructions, map definitions, the program type, subprogram
//! bounds, what BTF told the loader) without going through the loader,
//! which rejects most damage before the verifier sees it.

use crate::rng::Rng;
use kfreg::ProgType;
use kfreg_isa::{Insn, RawInsn, decode_each, encode};
use kfreg_object::btf::Kind;
use kfreg_object::program::{MapType, ParamType, PointeeKind, Program};

/// The `arg:` tags [`ProgOp::Proto`] toggles, an unknown one last.
const TAGS: [&str; 7] = [
    "ctx",
    "nonnull",
    "trusted",
    "nullable",
    "untrusted",
    "arena",
    "bogus",
];

/// One edit of a [`Program`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgOp {
    /// A single-rule instruction mutation (the differential fuzzer's
    /// [`crate::mutate::mutate`]) drawn from this seed.
    Rule(u64),
    /// Sets byte `at` of the encoded instructions to `v`, then decodes
    /// them again as the loader does (undecodable slots become faults).
    Raw {
        /// Byte position in the encoded program.
        at: usize,
        /// The new byte.
        v: u8,
    },
    /// Sets a field of map `map`: 0 type, 1 key size, 2 value size,
    /// 3 max entries, 4 read-only, 5 write-only.
    Map {
        /// Map index.
        map: usize,
        /// Which field.
        field: u8,
        /// The value.
        v: u32,
    },
    /// Verifies the program as another type (index into [`ProgType::ALL`]).
    ProgType(usize),
    /// Moves the start of subprogram `index` (kept between its neighbours,
    /// as the loader's symbols would order it).
    Subprog {
        /// Subprogram index.
        index: usize,
        /// The new start.
        start: u32,
    },
    /// Toggles sleepable (0), GPL (1) or the iterator flag (2).
    Toggle(u8),
    /// Moves special field `field` (a lock, a kptr, a list head...) of
    /// the program's BTF type with the `ty`-th smallest id to `off`, as a
    /// damaged BTF member offset would.
    Field {
        /// Which type, by rank of its id.
        ty: usize,
        /// Which field.
        field: usize,
        /// The new offset.
        off: u32,
    },
    /// Changes what subprogram `sub`'s BTF prototype says: 0 toggles
    /// global, 1 the integer return, 2 makes argument `arg` a number, 3 a
    /// struct passed by value; 4 to 10 toggle one of its tags ([`TAGS`]);
    /// for a pointer, 11 drops its pointee's size, 12 makes that size
    /// `u32::MAX`, 13 changes the pointee's kind.
    Proto {
        /// Subprogram index.
        sub: usize,
        /// Argument index.
        arg: usize,
        /// What changes.
        what: u8,
    },
    /// Asks for the verifier's log, which formats every state.
    Log,
}

/// A few edits of `p`.
pub fn prog_ops(p: &Program, rng: &mut Rng) -> Vec<ProgOp> {
    let mut ops = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let op = match rng.below(100) {
            0..45 => ProgOp::Rule(rng.next_u64()),
            45..75 => {
                // The opcode, registers, offset or immediate of one slot.
                let slot = rng.below(p.insns.len().max(1) as u64) as usize;
                ProgOp::Raw {
                    at: slot * 8 + *rng.pick(&[0, 0, 1, 2, 3, 4, 7]),
                    v: rng.below(256) as u8,
                }
            }
            75..85 if !p.maps.is_empty() => ProgOp::Map {
                map: rng.below(p.maps.len() as u64) as usize,
                field: rng.below(6) as u8,
                v: *rng.pick(&[0, 1, 2, 3, 4, 7, 8, 16, 64, 4096, 1 << 20, u32::MAX]),
            },
            85..90 => ProgOp::ProgType(rng.below(ProgType::ALL.len() as u64) as usize),
            90..95 if p.subprogs.len() > 1 => ProgOp::Subprog {
                index: rng.below(p.subprogs.len() as u64) as usize,
                start: rng.below(p.insns.len().max(1) as u64) as u32,
            },
            95..97 => ProgOp::Toggle(rng.below(3) as u8),
            97 if !p.types.is_empty() => ProgOp::Field {
                ty: rng.below(p.types.len() as u64) as usize,
                field: rng.below(4) as usize,
                off: rng.below(256) as u32,
            },
            97 => ProgOp::Proto {
                sub: rng.below(p.subprogs.len().max(1) as u64) as usize,
                arg: rng.below(5) as usize,
                what: rng.below(14) as u8,
            },
            98 => ProgOp::Proto {
                sub: rng.below(p.subprogs.len().max(1) as u64) as usize,
                arg: rng.below(5) as usize,
                what: rng.below(14) as u8,
            },
            99 => ProgOp::Log,
            _ => ProgOp::Rule(rng.next_u64()),
        };
        ops.push(op);
    }
    ops
}

/// Applies `op` to `p`; `log` is set by [`ProgOp::Log`].
pub fn apply(p: &mut Program, op: &ProgOp, log: &mut bool) {
    match *op {
        ProgOp::Rule(seed) => crate::mutate::mutate(&mut p.insns, &mut Rng::new(seed)),
        ProgOp::Raw { at, v } => {
            let mut raw: Vec<[u8; 8]> = encode(&p.insns).iter().map(RawInsn::to_slot).collect();
            let Some(b) = raw.get_mut(at / 8).map(|s| &mut s[at % 8]) else {
                return;
            };
            *b = v;
            let raw: Vec<RawInsn> = raw.into_iter().map(RawInsn::from_slot).collect();
            let Ok(decoded) = decode_each(&raw) else {
                return;
            };
            p.faults.clear();
            p.insns = decoded
                .into_iter()
                .map(|r| {
                    r.unwrap_or_else(|e| {
                        p.faults.push(e.into());
                        Insn::Ja { off: 0 }
                    })
                })
                .collect();
        }
        ProgOp::Map { map, field, v } => {
            let Some(m) = p.maps.get_mut(map) else {
                return;
            };
            match field {
                0 => m.map_type = MapType::from_u32(v),
                1 => m.key_size = v,
                2 => m.value_size = v,
                3 => m.max_entries = v,
                4 => m.rdonly = !m.rdonly,
                _ => m.wronly = !m.wronly,
            }
        }
        ProgOp::ProgType(i) => p.prog_type = ProgType::ALL[i % ProgType::ALL.len()],
        ProgOp::Subprog { index, start } => {
            let after = index
                .checked_sub(1)
                .and_then(|i| p.subprogs.get(i))
                .map(|s| s.start);
            let before = p
                .subprogs
                .get(index + 1)
                .map_or(p.insns.len() as u32, |s| s.start);
            if let Some(s) = p.subprogs.get_mut(index)
                && after.is_some_and(|a| a < start)
                && start < before
            {
                s.start = start;
            }
        }
        ProgOp::Toggle(0) => p.sleepable = !p.sleepable,
        ProgOp::Toggle(1) => p.gpl = !p.gpl,
        ProgOp::Toggle(_) => p.iter = !p.iter,
        ProgOp::Field { ty, field, off } => {
            let mut ids: Vec<u32> = p.types.keys().copied().collect();
            ids.sort_unstable();
            if let Some(f) = ids
                .get(ty)
                .and_then(|id| p.types.get_mut(id))
                .and_then(|t| t.fields.get_mut(field))
            {
                f.off = off;
            }
        }
        ProgOp::Proto { sub, arg, what } => {
            let Some(s) = p.subprogs.get_mut(sub) else {
                return;
            };
            let Some(a) = s.args.iter_mut().flatten().nth(arg) else {
                match what {
                    0 => s.global = !s.global,
                    1 => s.ret_scalar = !s.ret_scalar,
                    _ => {}
                }
                return;
            };
            match (what, &mut a.ty) {
                (0, _) => s.global = !s.global,
                (1, _) => s.ret_scalar = !s.ret_scalar,
                (2, ty) => *ty = ParamType::Scalar,
                (3, ty) => *ty = ParamType::Other("STRUCT"),
                (4..=10, _) => {
                    let tag = TAGS[what as usize - 4];
                    match a.tags.iter().position(|t| t == tag) {
                        Some(i) => {
                            a.tags.remove(i);
                        }
                        None => a.tags.push(tag.to_string()),
                    }
                }
                (11, ParamType::Ptr(p)) => p.size = Err("UNKNOWN ".into()),
                (12, ParamType::Ptr(p)) => p.size = Ok(u32::MAX),
                (_, ParamType::Ptr(p)) => {
                    p.kind = match p.kind {
                        PointeeKind::Void => PointeeKind::Int(8),
                        PointeeKind::Int(_) => PointeeKind::Struct,
                        PointeeKind::Struct => PointeeKind::Union,
                        PointeeKind::Union => PointeeKind::Other(Kind::Ptr),
                        _ => PointeeKind::Void,
                    }
                }
                _ => {}
            }
        }
        ProgOp::Log => *log = true,
    }
}
