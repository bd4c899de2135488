//! Mutations of object and BTF bytes that know where the interesting
//! fields are.
//!
//! A mutation is a short list of [`ByteOp`]s chosen against the original
//! bytes and applied in order, so a finding is the original input plus a
//! few edits, which minimising reduces to the edits that matter.
//! Positions are biased to where a byte changes what the loader does: most
//! edits land in program text (so the verifier, not only the ELF reader,
//! sees damage), in type records of `.BTF` (one field at a time, keeping
//! the header and record boundaries intact so the parser goes deep), in
//! section headers and in the ELF header.

use crate::rng::Rng;
use std::ops::Range;

/// One edit of a byte string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ByteOp {
    /// Flips bit `bit` of byte `at`.
    Flip {
        /// Position.
        at: usize,
        /// Bit number, 0 to 7.
        bit: u8,
    },
    /// Writes the `len` low bytes of `v`, little-endian, at `at`.
    Set {
        /// Position.
        at: usize,
        /// The value.
        v: u64,
        /// How many bytes, 1 to 8.
        len: u8,
    },
    /// Zeroes `len` bytes from `at`.
    Zero {
        /// Position.
        at: usize,
        /// Length.
        len: usize,
    },
    /// Cuts the input at `at`.
    Truncate {
        /// The new length.
        at: usize,
    },
    /// Copies `len` bytes from `from` over the bytes at `to`.
    Copy {
        /// Source position.
        from: usize,
        /// Destination position.
        to: usize,
        /// Length.
        len: usize,
    },
    /// Puts `pre` bytes of junk before the input and a truncated second
    /// copy of it after, as a host binary holds its objects.
    Embed {
        /// Junk before.
        pre: usize,
        /// Length of the second copy.
        tail: usize,
    },
}

/// Applies `op` to `b`; positions past the end are clamped, so any op
/// applies to any input.
pub fn apply(b: &mut Vec<u8>, op: &ByteOp) {
    let n = b.len();
    match *op {
        ByteOp::Flip { at, bit } => {
            if at < n {
                b[at] ^= 1 << (bit & 7);
            }
        }
        ByteOp::Set { at, v, len } => {
            let end = at.saturating_add(len.min(8) as usize).min(n);
            if at < end {
                b[at..end].copy_from_slice(&v.to_le_bytes()[..end - at]);
            }
        }
        ByteOp::Zero { at, len } => {
            let end = at.saturating_add(len).min(n);
            if at < end {
                b[at..end].fill(0);
            }
        }
        ByteOp::Truncate { at } => b.truncate(at.max(1)),
        ByteOp::Copy { from, to, len } => {
            let len = len.min(n.saturating_sub(from)).min(n.saturating_sub(to));
            if len > 0 {
                b.copy_within(from..from + len, to);
            }
        }
        ByteOp::Embed { pre, tail } => {
            let tail = tail.min(n);
            let mut out = Vec::with_capacity(pre + n + tail);
            // Bytes that are not an ELF magic, like a host binary's code.
            out.extend((0..pre).map(|i| (i as u8).wrapping_mul(31) | 1));
            out.extend_from_slice(b);
            out.extend_from_slice(&b[..tail]);
            *b = out;
        }
    }
}

/// Applies `ops` to a copy of `base`.
pub fn apply_all(base: &[u8], ops: &[ByteOp]) -> Vec<u8> {
    let mut b = base.to_vec();
    for op in ops {
        apply(&mut b, op);
    }
    b
}

/// What a region of an object holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Region {
    /// The ELF header.
    Header,
    /// The section header table.
    SectionHeaders,
    /// An executable section: BPF instructions.
    Code,
    /// The `.BTF` section.
    Btf,
    /// Any other section (`.BTF.ext`, relocations, symbols, maps, data).
    Other,
}

/// Where the fields of an object are, found once per original.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    regions: Vec<(Region, Range<usize>)>,
    /// Section header table: offset, entry size, count.
    shdrs: Option<(usize, usize, usize)>,
}

fn le(b: &[u8], at: usize, len: usize) -> u64 {
    let mut v = [0u8; 8];
    if let Some(s) = b.get(at..at + len) {
        v[..len].copy_from_slice(s);
    }
    u64::from_le_bytes(v)
}

impl Layout {
    /// The layout of an ELF object (empty when it does not parse: then
    /// every edit lands anywhere).
    pub fn of(bytes: &[u8]) -> Layout {
        let Ok(elf) = kfreg_object::elf::ElfObject::parse(bytes) else {
            return Layout::default();
        };
        let mut regions = vec![(Region::Header, 0..64.min(bytes.len()))];
        let base = bytes.as_ptr() as usize;
        for s in &elf.sections {
            if s.data.is_empty() {
                continue;
            }
            // Sections the parser did not read in place have no position.
            let Some(start) = (s.data.as_ptr() as usize)
                .checked_sub(base)
                .filter(|st| st + s.data.len() <= bytes.len())
            else {
                continue;
            };
            let kind = if s.is_exec() {
                Region::Code
            } else if s.name == ".BTF" {
                Region::Btf
            } else {
                Region::Other
            };
            regions.push((kind, start..start + s.data.len()));
        }
        let (off, size, num) = (
            le(bytes, 0x28, 8) as usize,
            le(bytes, 0x3a, 2) as usize,
            le(bytes, 0x3c, 2) as usize,
        );
        let shdrs = (size >= 64 && off.saturating_add(size * num) <= bytes.len())
            .then_some((off, size, num));
        if let Some((off, size, num)) = shdrs {
            regions.push((Region::SectionHeaders, off..off + size * num));
        }
        Layout { regions, shdrs }
    }

    fn pick(&self, kind: Region, rng: &mut Rng) -> Option<Range<usize>> {
        let n = self.regions.iter().filter(|r| r.0 == kind).count();
        if n == 0 {
            return None;
        }
        let i = rng.below(n as u64) as usize;
        self.regions
            .iter()
            .filter(|r| r.0 == kind)
            .nth(i)
            .map(|r| r.1.clone())
    }
}

/// A value worth writing over a field of `len` bytes that held `orig`:
/// boundaries, neighbours of the original and small numbers.
pub fn interesting(orig: u64, len: u8, rng: &mut Rng) -> u64 {
    let bits = 8 * len.min(8) as u32;
    let max = if bits == 64 {
        u64::MAX
    } else {
        (1 << bits) - 1
    };
    let v = match rng.below(10) {
        0 => 0,
        1 => 1,
        2 => max,
        3 => max >> 1,
        4 => (max >> 1) + 1,
        5 => orig.wrapping_add(1),
        6 => orig.wrapping_sub(1),
        7 => orig.wrapping_mul(2),
        8 => rng.below(64),
        _ => rng.next_u64(),
    };
    v & max
}

/// A few edits of the object `bytes`, most in the places [`Layout`] names.
pub fn object_ops(bytes: &[u8], layout: &Layout, rng: &mut Rng) -> Vec<ByteOp> {
    let mut ops = Vec::new();
    for _ in 0..1 + rng.below(4) {
        ops.push(object_op(bytes, layout, rng));
    }
    ops
}

fn object_op(bytes: &[u8], layout: &Layout, rng: &mut Rng) -> ByteOp {
    let n = bytes.len().max(1);
    let anywhere = |rng: &mut Rng| rng.below(n as u64) as usize;
    let roll = rng.below(100);
    if roll < 35
        && let Some(r) = layout.pick(Region::Code, rng)
    {
        // An instruction's opcode, registers, offset or immediate.
        let slot = r.start + 8 * rng.below((r.len() / 8).max(1) as u64) as usize;
        let (at, len) = *rng.pick(&[(0, 1), (1, 1), (2, 2), (4, 4)]);
        let v = match at {
            0 | 1 => rng.below(256),
            _ => interesting(le(bytes, slot + at, len), len as u8, rng),
        };
        return ByteOp::Set {
            at: slot + at,
            v,
            len: len as u8,
        };
    }
    if roll < 55
        && let Some(r) = layout.pick(Region::Btf, rng)
    {
        let mut op = btf_op(&bytes[r.clone()], rng);
        shift(&mut op, r.start);
        return op;
    }
    if roll < 80
        && let Some(r) = layout.pick(Region::Other, rng)
    {
        // Relocations, symbols, map definitions and `.BTF.ext` records are
        // arrays of 4- and 8-byte fields.
        let len = *rng.pick(&[1u8, 4, 4, 8]);
        let at = r.start + (rng.below(r.len() as u64) as usize & !(len as usize - 1));
        return ByteOp::Set {
            at,
            v: interesting(le(bytes, at, len as usize), len, rng),
            len,
        };
    }
    if roll < 90
        && let Some((off, size, num)) = layout.shdrs
    {
        // sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link,
        // sh_info, sh_addralign, sh_entsize.
        const FIELDS: [(usize, u8); 10] = [
            (0, 4),
            (4, 4),
            (8, 8),
            (16, 8),
            (24, 8),
            (32, 8),
            (40, 4),
            (44, 4),
            (48, 8),
            (56, 8),
        ];
        let (f, len) = *rng.pick(&FIELDS);
        let entry = off + size * rng.below(num.max(1) as u64) as usize;
        let v = if rng.pct(30) {
            // The same field of another section: plausible, and wrong.
            let other = off + size * rng.below(num.max(1) as u64) as usize;
            le(bytes, other + f, len as usize)
        } else {
            interesting(le(bytes, entry + f, len as usize), len, rng)
        };
        return ByteOp::Set {
            at: entry + f,
            v,
            len,
        };
    }
    match rng.below(6) {
        0 => {
            // e_ident class/data/version, e_type, e_machine, e_shoff,
            // e_shentsize, e_shnum, e_shstrndx.
            let (at, len) = *rng.pick(&[
                (4, 1),
                (5, 1),
                (6, 1),
                (16, 2),
                (18, 2),
                (0x28, 8),
                (0x3a, 2),
                (0x3c, 2),
                (0x3e, 2),
            ]);
            ByteOp::Set {
                at,
                v: interesting(le(bytes, at, len as usize), len, rng),
                len,
            }
        }
        1 => ByteOp::Truncate { at: anywhere(rng) },
        2 => ByteOp::Zero {
            at: anywhere(rng),
            len: 1 + rng.below(64) as usize,
        },
        3 => ByteOp::Embed {
            pre: 1 + rng.below(4096) as usize,
            tail: rng.below(n as u64) as usize,
        },
        _ => ByteOp::Flip {
            at: anywhere(rng),
            bit: rng.below(8) as u8,
        },
    }
}

fn shift(op: &mut ByteOp, by: usize) {
    match op {
        ByteOp::Flip { at, .. }
        | ByteOp::Set { at, .. }
        | ByteOp::Zero { at, .. }
        | ByteOp::Truncate { at } => *at += by,
        ByteOp::Copy { from, to, .. } => {
            *from += by;
            *to += by;
        }
        ByteOp::Embed { .. } => {}
    }
}

/// What a 4-byte field of a BTF type record holds, which decides the
/// values worth writing there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    /// An offset into the string section.
    Name,
    /// `info`: kind, vlen and kflag.
    Info,
    /// A type id.
    Type,
    /// A size, offset, count or value.
    Number,
}

/// The type records of a BTF blob: (start, length) of each, and the
/// position and meaning of each of their fields.
struct Records {
    records: Vec<(usize, usize)>,
    fields: Vec<(usize, Field)>,
    types_begin: usize,
    strings: Range<usize>,
}

const BTF_HEADER: usize = 24;

fn records(b: &[u8]) -> Option<Records> {
    if le(b, 0, 2) != 0xeb9f || b.len() < BTF_HEADER {
        return None;
    }
    let hdr = le(b, 4, 4) as usize;
    let word = |at: usize| le(b, at, 4) as usize;
    let types_begin = hdr.checked_add(word(8))?;
    let types_end = types_begin.checked_add(word(12))?.min(b.len());
    let str_begin = hdr.checked_add(word(16))?.min(b.len());
    let strings = str_begin..str_begin.checked_add(word(20))?.min(b.len());
    let mut out = Records {
        records: Vec::new(),
        fields: Vec::new(),
        types_begin,
        strings,
    };
    let mut pos = types_begin;
    while pos + 12 <= types_end && out.records.len() < 1 << 20 {
        let info = word(pos + 4);
        let (kind, vlen) = ((info >> 24) & 0x1f, info & 0xffff);
        // The size-or-type word is a type id for the kinds that refer.
        let third = if matches!(kind, 2 | 8..=14 | 17 | 18) {
            Field::Type
        } else {
            Field::Number
        };
        let mut f = vec![(0, Field::Name), (4, Field::Info), (8, third)];
        let member: &[Field] = match kind {
            4 | 5 => &[Field::Name, Field::Type, Field::Number],
            6 => &[Field::Name, Field::Number],
            13 => &[Field::Name, Field::Type],
            15 => &[Field::Type, Field::Number, Field::Number],
            19 => &[Field::Name, Field::Number, Field::Number],
            _ => &[],
        };
        let extra: &[Field] = match kind {
            1 | 14 | 17 => &[Field::Number],
            3 => &[Field::Type, Field::Type, Field::Number],
            2 | 4..=13 | 15 | 16 | 18 | 19 => &[],
            _ => break,
        };
        let mut at = 12;
        for x in extra {
            f.push((at, *x));
            at += 4;
        }
        for _ in 0..if member.is_empty() { 0 } else { vlen } {
            for x in member {
                f.push((at, *x));
                at += 4;
            }
        }
        out.fields.extend(f.into_iter().map(|(o, x)| (pos + o, x)));
        out.records.push((pos, at));
        pos += at;
    }
    Some(out)
}

/// One edit of the BTF blob `b`, mostly of one field of one type record,
/// with the header left valid.
pub fn btf_op(b: &[u8], rng: &mut Rng) -> ByteOp {
    let n = b.len().max(1);
    let Some(r) = records(b).filter(|r| !r.fields.is_empty()) else {
        return ByteOp::Flip {
            at: rng.below(n as u64) as usize,
            bit: rng.below(8) as u8,
        };
    };
    let ntypes = r.records.len() as u64;
    let roll = rng.below(100);
    if roll < 70 {
        let (at, field) = *rng.pick(&r.fields);
        let orig = le(b, at, 4);
        let v = match field {
            Field::Type if rng.pct(80) => rng.below(ntypes + 3),
            Field::Name if rng.pct(80) => rng.below(r.strings.len() as u64 + 2),
            Field::Info => {
                let (kind, vlen, kflag) = (orig >> 24 & 0x1f, orig & 0xffff, orig >> 31);
                match rng.below(4) {
                    // Another kind, same vlen: the record is read as another.
                    0 => rng.below(21) << 24 | vlen | kflag << 31,
                    1 => orig ^ 1 << 31,
                    2 => kind << 24 | interesting(vlen, 2, rng) | kflag << 31,
                    _ => interesting(orig, 4, rng),
                }
            }
            _ => interesting(orig, 4, rng),
        };
        return ByteOp::Set { at, v, len: 4 };
    }
    if roll < 80 && !r.strings.is_empty() {
        // A string: drop its terminator, or end it early.
        let at = r.strings.start + rng.below(r.strings.len() as u64) as usize;
        return ByteOp::Set {
            at,
            v: *rng.pick(&[0, b'a' as u64, 0xff]),
            len: 1,
        };
    }
    if roll < 88 {
        // The type section cut at a record boundary (or just past one),
        // the string section shortened, or an offset moved.
        let (at, v) = match rng.below(3) {
            0 => {
                let &(start, len) = rng.pick(&r.records);
                (12, (start + len - r.types_begin) as u64 + rng.below(2) * 4)
            }
            1 => (20, rng.below(r.strings.len() as u64 + 1)),
            _ => {
                let at = *rng.pick(&[4usize, 8, 16]);
                (at, interesting(le(b, at, 4), 4, rng))
            }
        };
        return ByteOp::Set { at, v, len: 4 };
    }
    if roll < 95 {
        // One record over another: a well-formed record in the wrong place.
        let &(from, flen) = rng.pick(&r.records);
        let &(to, tlen) = rng.pick(&r.records);
        return ByteOp::Copy {
            from,
            to,
            len: flen.min(tlen),
        };
    }
    ByteOp::Flip {
        at: rng.below(n as u64) as usize,
        bit: rng.below(8) as u8,
    }
}

/// A few edits of the BTF blob `b`.
pub fn btf_ops(b: &[u8], rng: &mut Rng) -> Vec<ByteOp> {
    (0..1 + rng.below(4)).map(|_| btf_op(b, rng)).collect()
}
