//! The `.BTF.ext` section: per-section function info, line info and CO-RE
//! relocations, as clang emits them into a BPF object.
//!
//! Layout (`struct btf_ext_header` and friends in libbpf):
//!
//! ```text
//! header: magic u16 (0xeb9f) | version u8 (1) | flags u8 | hdr_len u32
//!         func_info_off u32 | func_info_len u32
//!         line_info_off u32 | line_info_len u32
//!         [core_relo_off u32 | core_relo_len u32]      (when hdr_len >= 32)
//! each info block (offsets count from the end of the header):
//!         rec_size u32, then per ELF section:
//!         sec_name_off u32 | num_info u32 | num_info * rec_size bytes
//! ```
//!
//! Instruction offsets are in bytes from the start of the ELF section, as in
//! the object file. Section and string names are offsets into the `.BTF`
//! string section. Records larger than the known size are accepted (the
//! extra bytes are skipped), as libbpf does. Every length is checked, so a
//! malformed blob is a [`BtfExtError`], never a panic.

use std::fmt;

/// Why a `.BTF.ext` blob could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BtfExtError(pub String);

impl fmt::Display for BtfExtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed .BTF.ext: {}", self.0)
    }
}

impl std::error::Error for BtfExtError {}

/// `bpf_func_info`: the BTF `FUNC` of the function starting at `insn_off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FuncInfo {
    /// Byte offset of the function's first instruction in its section.
    pub insn_off: u32,
    /// The `FUNC` type id in `.BTF`.
    pub type_id: u32,
}

/// `bpf_line_info`: the source line of the instruction at `insn_off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineRecord {
    /// Byte offset of the instruction in its section.
    pub insn_off: u32,
    /// File name (offset into the `.BTF` strings).
    pub file_name_off: u32,
    /// The source line's text (offset into the `.BTF` strings).
    pub line_off: u32,
    /// Line number in the upper 22 bits, column in the lower 10.
    pub line_col: u32,
}

impl LineRecord {
    /// The line number.
    pub fn line(&self) -> u32 {
        self.line_col >> 10
    }

    /// The column.
    pub fn column(&self) -> u32 {
        self.line_col & 0x3ff
    }
}

/// The kinds of CO-RE relocation (`enum bpf_core_relo_kind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CoreKind {
    /// Field byte offset.
    FieldByteOffset,
    /// Field size in bytes.
    FieldByteSize,
    /// Whether the field exists in the target.
    FieldExists,
    /// Whether the field is signed.
    FieldSigned,
    /// Bitfield left shift for a 64-bit load.
    FieldLshiftU64,
    /// Bitfield right shift for a 64-bit load.
    FieldRshiftU64,
    /// The type id in the program's own BTF.
    TypeIdLocal,
    /// The type id in the target (kernel) BTF.
    TypeIdTarget,
    /// Whether the type exists in the target.
    TypeExists,
    /// Type size in bytes.
    TypeSize,
    /// Whether the enumerator exists in the target.
    EnumvalExists,
    /// The enumerator's value in the target.
    EnumvalValue,
    /// Whether the type matches the target's (stricter than exists).
    TypeMatches,
}

impl CoreKind {
    /// The kind numbered `n`.
    pub fn from_u32(n: u32) -> Option<CoreKind> {
        use CoreKind::*;
        Some(match n {
            0 => FieldByteOffset,
            1 => FieldByteSize,
            2 => FieldExists,
            3 => FieldSigned,
            4 => FieldLshiftU64,
            5 => FieldRshiftU64,
            6 => TypeIdLocal,
            7 => TypeIdTarget,
            8 => TypeExists,
            9 => TypeSize,
            10 => EnumvalExists,
            11 => EnumvalValue,
            12 => TypeMatches,
            _ => return None,
        })
    }

    /// libbpf's name for the kind (as in its messages).
    pub fn name(self) -> &'static str {
        use CoreKind::*;
        match self {
            FieldByteOffset => "byte_off",
            FieldByteSize => "byte_sz",
            FieldExists => "field_exists",
            FieldSigned => "signed",
            FieldLshiftU64 => "lshift_u64",
            FieldRshiftU64 => "rshift_u64",
            TypeIdLocal => "local_type_id",
            TypeIdTarget => "target_type_id",
            TypeExists => "type_exists",
            TypeSize => "type_size",
            EnumvalExists => "enumval_exists",
            EnumvalValue => "enumval_value",
            TypeMatches => "type_matches",
        }
    }

    /// A relocation about a struct/union field.
    pub fn is_field(self) -> bool {
        use CoreKind::*;
        matches!(
            self,
            FieldByteOffset
                | FieldByteSize
                | FieldExists
                | FieldSigned
                | FieldLshiftU64
                | FieldRshiftU64
        )
    }

    /// A relocation about a whole type.
    pub fn is_type(self) -> bool {
        use CoreKind::*;
        matches!(
            self,
            TypeIdLocal | TypeIdTarget | TypeExists | TypeSize | TypeMatches
        )
    }

    /// A relocation about an enumerator.
    pub fn is_enumval(self) -> bool {
        matches!(self, CoreKind::EnumvalExists | CoreKind::EnumvalValue)
    }
}

/// `bpf_core_relo`: one CO-RE relocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CoreRelo {
    /// Byte offset of the instruction in its section.
    pub insn_off: u32,
    /// The root type in `.BTF`.
    pub type_id: u32,
    /// The access string (`"0:1:2"`), an offset into the `.BTF` strings.
    pub access_str_off: u32,
    /// The relocation kind (raw; see [`CoreKind::from_u32`]).
    pub kind: u32,
}

/// The records of one ELF section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtSection<T> {
    /// The ELF section's name (offset into the `.BTF` strings).
    pub sec_name_off: u32,
    /// Its records, in order.
    pub records: Vec<T>,
}

/// A parsed `.BTF.ext`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BtfExt {
    /// Function info, per section.
    pub func_info: Vec<ExtSection<FuncInfo>>,
    /// Line info, per section.
    pub line_info: Vec<ExtSection<LineRecord>>,
    /// CO-RE relocations, per section.
    pub core_relos: Vec<ExtSection<CoreRelo>>,
}

const MAGIC: u16 = 0xeb9f;
const BASE_HEADER: usize = 24;
const CORE_HEADER: usize = 32;

struct Reader<'a> {
    data: &'a [u8],
    big_endian: bool,
}

impl Reader<'_> {
    fn u32(&self, at: usize, what: &str) -> Result<u32, BtfExtError> {
        let b: [u8; 4] = at
            .checked_add(4)
            .and_then(|end| self.data.get(at..end))
            .and_then(|s| s.try_into().ok())
            .ok_or_else(|| BtfExtError(format!("{what} at offset {at} is past the end")))?;
        Ok(if self.big_endian {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    }
}

impl BtfExt {
    /// Parses a `.BTF.ext` blob (either byte order).
    pub fn parse(data: &[u8]) -> Result<BtfExt, BtfExtError> {
        if data.len() < 8 {
            return Err(BtfExtError("header is truncated".into()));
        }
        let magic = u16::from_le_bytes([data[0], data[1]]);
        let big_endian = match magic {
            MAGIC => false,
            m if m.swap_bytes() == MAGIC => true,
            m => return Err(BtfExtError(format!("bad magic {m:#06x}"))),
        };
        if data[2] != 1 {
            return Err(BtfExtError(format!("unsupported version {}", data[2])));
        }
        let r = Reader { data, big_endian };
        let hdr_len = r.u32(4, "header length")? as usize;
        if hdr_len < BASE_HEADER {
            return Err(BtfExtError(format!("header length {hdr_len} is too short")));
        }
        if hdr_len > data.len() {
            return Err(BtfExtError(format!(
                "header length {hdr_len} exceeds the section ({} bytes)",
                data.len()
            )));
        }
        let block = |off_at: usize, what: &str| -> Result<Option<(usize, usize)>, BtfExtError> {
            let off = r.u32(off_at, what)? as usize;
            let len = r.u32(off_at + 4, what)? as usize;
            if len == 0 {
                return Ok(None);
            }
            let start = hdr_len
                .checked_add(off)
                .ok_or_else(|| BtfExtError(format!("{what} offset overflows")))?;
            let end = start
                .checked_add(len)
                .ok_or_else(|| BtfExtError(format!("{what} length overflows")))?;
            if end > data.len() {
                return Err(BtfExtError(format!(
                    "{what} [{start}, {end}) exceeds the section ({} bytes)",
                    data.len()
                )));
            }
            if !off.is_multiple_of(4) {
                return Err(BtfExtError(format!(
                    "{what} offset {off} is not 4-byte aligned"
                )));
            }
            Ok(Some((start, end)))
        };
        let mut ext = BtfExt::default();
        if let Some((s, e)) = block(8, "func_info")? {
            ext.func_info = parse_block(&r, s, e, 8, "func_info", |r, at| {
                Ok(FuncInfo {
                    insn_off: r.u32(at, "func_info insn_off")?,
                    type_id: r.u32(at + 4, "func_info type_id")?,
                })
            })?;
        }
        if let Some((s, e)) = block(16, "line_info")? {
            ext.line_info = parse_block(&r, s, e, 16, "line_info", |r, at| {
                Ok(LineRecord {
                    insn_off: r.u32(at, "line_info insn_off")?,
                    file_name_off: r.u32(at + 4, "line_info file_name_off")?,
                    line_off: r.u32(at + 8, "line_info line_off")?,
                    line_col: r.u32(at + 12, "line_info line_col")?,
                })
            })?;
        }
        if hdr_len >= CORE_HEADER
            && let Some((s, e)) = block(24, "core_relo")?
        {
            ext.core_relos = parse_block(&r, s, e, 16, "core_relo", |r, at| {
                Ok(CoreRelo {
                    insn_off: r.u32(at, "core_relo insn_off")?,
                    type_id: r.u32(at + 4, "core_relo type_id")?,
                    access_str_off: r.u32(at + 8, "core_relo access_str_off")?,
                    kind: r.u32(at + 12, "core_relo kind")?,
                })
            })?;
        }
        Ok(ext)
    }

    /// The function info of the section named `sec_name_off`.
    pub fn func_info_of(&self, sec_name_off: u32) -> &[FuncInfo] {
        find(&self.func_info, sec_name_off)
    }

    /// The line info of the section named `sec_name_off`.
    pub fn line_info_of(&self, sec_name_off: u32) -> &[LineRecord] {
        find(&self.line_info, sec_name_off)
    }

    /// The CO-RE relocations of the section named `sec_name_off`.
    pub fn core_relos_of(&self, sec_name_off: u32) -> &[CoreRelo] {
        find(&self.core_relos, sec_name_off)
    }
}

fn find<T>(secs: &[ExtSection<T>], name: u32) -> &[T] {
    secs.iter()
        .find(|s| s.sec_name_off == name)
        .map_or(&[], |s| s.records.as_slice())
}

fn parse_block<T>(
    r: &Reader<'_>,
    start: usize,
    end: usize,
    min_rec: usize,
    what: &str,
    rec: impl Fn(&Reader<'_>, usize) -> Result<T, BtfExtError>,
) -> Result<Vec<ExtSection<T>>, BtfExtError> {
    let rec_size = r.u32(start, what)? as usize;
    if rec_size < min_rec || !rec_size.is_multiple_of(4) {
        return Err(BtfExtError(format!(
            "{what} record size {rec_size} is invalid (at least {min_rec}, a multiple of 4)"
        )));
    }
    let mut at = start + 4;
    let mut out = Vec::new();
    while at < end {
        if end - at < 8 {
            return Err(BtfExtError(format!(
                "{what} section header at offset {at} is truncated"
            )));
        }
        let sec_name_off = r.u32(at, what)?;
        let num = r.u32(at + 4, what)? as usize;
        at += 8;
        if num == 0 {
            return Err(BtfExtError(format!(
                "{what} section at offset {at} has no records"
            )));
        }
        let bytes = num
            .checked_mul(rec_size)
            .filter(|&b| b <= end - at)
            .ok_or_else(|| {
                BtfExtError(format!(
                    "{what}: {num} records of {rec_size} bytes at offset {at} exceed the block"
                ))
            })?;
        let mut records = Vec::with_capacity(num);
        for i in 0..num {
            records.push(rec(r, at + i * rec_size)?);
        }
        at += bytes;
        out.push(ExtSection {
            sec_name_off,
            records,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[u32]) -> Vec<u8> {
        ws.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    fn sample() -> Vec<u8> {
        let func = words(&[8, 7, 2, 0, 3, 16, 4]);
        let line = words(&[16, 7, 1, 8, 20, 30, (12 << 10) | 5]);
        let core = words(&[16, 7, 1, 24, 5, 40, 6]);
        let mut out = vec![0x9f, 0xeb, 1, 0];
        let fl = func.len() as u32;
        let ll = line.len() as u32;
        let cl = core.len() as u32;
        out.extend(words(&[32, 0, fl, fl, ll, fl + ll, cl]));
        out.extend(func);
        out.extend(line);
        out.extend(core);
        out
    }

    #[test]
    fn parses_all_blocks() {
        let ext = BtfExt::parse(&sample()).unwrap();
        assert_eq!(
            ext.func_info_of(7),
            &[
                FuncInfo {
                    insn_off: 0,
                    type_id: 3
                },
                FuncInfo {
                    insn_off: 16,
                    type_id: 4
                }
            ]
        );
        let l = ext.line_info_of(7)[0];
        assert_eq!((l.insn_off, l.line(), l.column()), (8, 12, 5));
        let c = ext.core_relos_of(7)[0];
        assert_eq!(c.kind, 6);
        assert_eq!(CoreKind::from_u32(c.kind), Some(CoreKind::TypeIdLocal));
        assert!(ext.func_info_of(99).is_empty());
    }

    #[test]
    fn truncation_and_corruption_are_errors() {
        let full = sample();
        for len in 0..full.len() {
            assert!(BtfExt::parse(&full[..len]).is_err(), "length {len}");
        }
        for i in 0..full.len() {
            for v in [0u8, 0xff, 0x7f, 3] {
                let mut bad = full.clone();
                bad[i] = v;
                let _ = BtfExt::parse(&bad);
            }
        }
    }
}
