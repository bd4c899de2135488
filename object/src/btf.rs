//! A BPF Type Format (BTF) parser.
//!
//! Reads a raw BTF blob (such as `/sys/kernel/btf/vmlinux`): the header, the
//! type section with every kind up to `ENUM64`, and the string section.
//! Types are numbered from 1 as in the kernel (0 is `void`). Parsing checks
//! every length, offset, string reference and type reference, so malformed
//! or truncated input is reported as a [`BtfError`], never a panic.
//!
//! ```
//! use kfreg_object::btf::Btf;
//!
//! # fn demo(bytes: &[u8]) -> Result<(), kfreg_object::btf::BtfError> {
//! let btf = Btf::parse(bytes)?;
//! for id in btf.kfuncs() {
//!     println!("{}", btf.name(id)?);
//! }
//! # Ok(())
//! # }
//! ```

use std::fmt;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::OnceLock;

mod acceptance;
pub(crate) mod record;
mod struct_metas;
pub use acceptance::Refusal;

/// The magic number at the start of every BTF blob.
pub const BTF_MAGIC: u16 = 0xeb9f;
/// The only BTF version there is.
pub const BTF_VERSION: u8 = 1;
/// Size of the fixed part of the header, in bytes.
const HEADER_LEN: usize = 24;
/// How many modifiers or typedefs a resolution follows before giving up.
const MAX_RESOLVE_DEPTH: usize = 64;

/// Why a BTF blob could not be read or a lookup failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BtfError {
    /// The input ends before a structure it announces.
    Truncated {
        /// What was being read.
        what: &'static str,
        /// Offset (from the start of the blob) where it was expected.
        offset: usize,
    },
    /// The first two bytes are not the BTF magic in either byte order.
    BadMagic(u16),
    /// The version byte is not 1.
    UnsupportedVersion(u8),
    /// A structural rule is broken (header length, section bounds, ...).
    Malformed(String),
    /// A type has a kind number BTF does not define.
    UnknownKind {
        /// The type's id.
        id: u32,
        /// The kind number.
        kind: u8,
    },
    /// A string offset points outside the string section or to an unterminated string.
    BadString(u32),
    /// A type id is neither 0 nor the id of a type in the blob.
    BadTypeId(u32),
    /// Following modifiers and typedefs from this type does not end.
    ResolveLoop(u32),
    /// The file could not be read.
    Io(String),
}

impl fmt::Display for BtfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BtfError::Truncated { what, offset } => {
                write!(f, "BTF truncated: {what} expected at offset {offset}")
            }
            BtfError::BadMagic(m) => write!(f, "not BTF: magic {m:#06x}"),
            BtfError::UnsupportedVersion(v) => write!(f, "unsupported BTF version {v}"),
            BtfError::Malformed(why) => write!(f, "malformed BTF: {why}"),
            BtfError::UnknownKind { id, kind } => write!(f, "type {id} has unknown kind {kind}"),
            BtfError::BadString(off) => write!(f, "bad string offset {off}"),
            BtfError::BadTypeId(id) => write!(f, "no type with id {id}"),
            BtfError::ResolveLoop(id) => write!(f, "type {id} does not resolve (modifier loop)"),
            BtfError::Io(e) => write!(f, "cannot read BTF: {e}"),
        }
    }
}

impl std::error::Error for BtfError {}

/// The kind of a BTF type, numbered as in `BTF_KIND_*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Kind {
    /// `void` (only ever id 0).
    Void = 0,
    /// An integer, `bool` or `char`.
    Int = 1,
    /// A pointer.
    Ptr = 2,
    /// An array.
    Array = 3,
    /// A struct.
    Struct = 4,
    /// A union.
    Union = 5,
    /// An enum with 32-bit values.
    Enum = 6,
    /// A forward declaration of a struct or union.
    Fwd = 7,
    /// A typedef.
    Typedef = 8,
    /// `volatile`.
    Volatile = 9,
    /// `const`.
    Const = 10,
    /// `restrict`.
    Restrict = 11,
    /// A function (name, linkage and prototype).
    Func = 12,
    /// A function prototype.
    FuncProto = 13,
    /// A variable.
    Var = 14,
    /// A data section.
    Datasec = 15,
    /// A floating point type.
    Float = 16,
    /// A declaration tag (`__attribute__((btf_decl_tag(...)))`).
    DeclTag = 17,
    /// A type tag (`__attribute__((btf_type_tag(...)))`).
    TypeTag = 18,
    /// An enum with 64-bit values.
    Enum64 = 19,
}

impl Kind {
    /// The kind with number `n`.
    pub fn from_u8(n: u8) -> Option<Kind> {
        use Kind::*;
        Some(match n {
            0 => Void,
            1 => Int,
            2 => Ptr,
            3 => Array,
            4 => Struct,
            5 => Union,
            6 => Enum,
            7 => Fwd,
            8 => Typedef,
            9 => Volatile,
            10 => Const,
            11 => Restrict,
            12 => Func,
            13 => FuncProto,
            14 => Var,
            15 => Datasec,
            16 => Float,
            17 => DeclTag,
            18 => TypeTag,
            19 => Enum64,
            _ => return None,
        })
    }

    /// The kernel's name for the kind (`"STRUCT"`, `"FUNC_PROTO"`, ...).
    pub fn name(self) -> &'static str {
        use Kind::*;
        match self {
            Void => "VOID",
            Int => "INT",
            Ptr => "PTR",
            Array => "ARRAY",
            Struct => "STRUCT",
            Union => "UNION",
            Enum => "ENUM",
            Fwd => "FWD",
            Typedef => "TYPEDEF",
            Volatile => "VOLATILE",
            Const => "CONST",
            Restrict => "RESTRICT",
            Func => "FUNC",
            FuncProto => "FUNC_PROTO",
            Var => "VAR",
            Datasec => "DATASEC",
            Float => "FLOAT",
            DeclTag => "DECL_TAG",
            TypeTag => "TYPE_TAG",
            Enum64 => "ENUM64",
        }
    }
}

/// What a struct holds, as the kernel's `__btf_type_is_scalar_struct`
/// finds it: what `bpf_percpu_obj_new` allocates and kfuncs read as plain
/// memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scalars {
    /// Only integers and enums, in nested structs (at most three deep) and
    /// non-empty arrays too.
    Only,
    /// Something else.
    Other,
    /// Structs nested deeper than the kernel looks, which it logs.
    TooDeep,
}

impl Scalars {
    /// The line the kernel logs before refusing the struct (empty if none).
    pub fn logged(self) -> &'static str {
        if self == Scalars::TooDeep {
            "max struct nesting depth exceeded"
        } else {
            ""
        }
    }
}

/// The encoding bits of an `INT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct IntEncoding {
    /// `BTF_INT_SIGNED`.
    pub signed: bool,
    /// `BTF_INT_CHAR`.
    pub char: bool,
    /// `BTF_INT_BOOL`.
    pub bool: bool,
}

/// A member of a struct or union.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    /// Offset of the member's name in the string section (0: anonymous).
    pub name_off: u32,
    /// The member's type.
    pub ty: u32,
    /// Offset of the member from the start of the aggregate, in bits.
    pub bit_offset: u32,
    /// Bitfield width in bits, 0 for ordinary members (only with the kind flag).
    pub bitfield_size: u8,
}

/// A parameter of a function prototype.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// Offset of the parameter's name in the string section (0: unnamed).
    pub name_off: u32,
    /// The parameter's type; 0 in the last position marks a variadic prototype.
    pub ty: u32,
}

/// A value of an enum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EnumValue {
    /// Offset of the enumerator's name in the string section.
    pub name_off: u32,
    /// The value, as raw bits (sign-extend with the enum's `signed` flag).
    pub val: u64,
}

/// A variable placed in a data section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecVar {
    /// The `VAR` (or `FUNC`) type.
    pub ty: u32,
    /// Offset in the section, in bytes.
    pub offset: u32,
    /// Size in bytes.
    pub size: u32,
}

/// What a type is, with the data that follows its common header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeData {
    /// `void`.
    Void,
    /// An integer type.
    Int {
        /// Size in bytes.
        size: u32,
        /// Encoding bits.
        encoding: IntEncoding,
        /// Bit offset of the value inside its storage.
        offset: u8,
        /// Number of significant bits.
        bits: u8,
    },
    /// A pointer to `ty`.
    Ptr {
        /// The pointee.
        ty: u32,
    },
    /// An array.
    Array {
        /// Element type.
        elem: u32,
        /// Index type.
        index: u32,
        /// Number of elements.
        nelems: u32,
    },
    /// A struct.
    Struct {
        /// Size in bytes.
        size: u32,
        /// Members in declaration order.
        members: Vec<Member>,
    },
    /// A union.
    Union {
        /// Size in bytes.
        size: u32,
        /// Members in declaration order.
        members: Vec<Member>,
    },
    /// An enum with 32-bit values.
    Enum {
        /// Size in bytes.
        size: u32,
        /// Whether the values are signed.
        signed: bool,
        /// The enumerators.
        values: Vec<EnumValue>,
    },
    /// A forward declaration.
    Fwd {
        /// Declares a union rather than a struct.
        union: bool,
    },
    /// A typedef of `ty`.
    Typedef {
        /// The aliased type.
        ty: u32,
    },
    /// `volatile ty`.
    Volatile {
        /// The qualified type.
        ty: u32,
    },
    /// `const ty`.
    Const {
        /// The qualified type.
        ty: u32,
    },
    /// `restrict ty`.
    Restrict {
        /// The qualified type.
        ty: u32,
    },
    /// A function.
    Func {
        /// Its `FUNC_PROTO`.
        proto: u32,
        /// Linkage: 0 static, 1 global, 2 extern.
        linkage: u16,
    },
    /// A function prototype.
    FuncProto {
        /// Return type (0: void).
        ret: u32,
        /// Parameters.
        params: Vec<Param>,
    },
    /// A variable.
    Var {
        /// Its type.
        ty: u32,
        /// Linkage.
        linkage: u32,
    },
    /// A data section.
    Datasec {
        /// Size in bytes.
        size: u32,
        /// Its variables.
        vars: Vec<SecVar>,
    },
    /// A floating point type.
    Float {
        /// Size in bytes.
        size: u32,
    },
    /// A declaration tag on `ty` (or on one of its members or parameters).
    DeclTag {
        /// The tagged type.
        ty: u32,
        /// -1 for the type itself, else the member or parameter index.
        component_idx: i32,
    },
    /// A type tag on `ty`.
    TypeTag {
        /// The tagged type.
        ty: u32,
    },
    /// An enum with 64-bit values.
    Enum64 {
        /// Size in bytes.
        size: u32,
        /// Whether the values are signed.
        signed: bool,
        /// The enumerators.
        values: Vec<EnumValue>,
    },
}

impl TypeData {
    /// The kind of this type.
    pub fn kind(&self) -> Kind {
        match self {
            TypeData::Void => Kind::Void,
            TypeData::Int { .. } => Kind::Int,
            TypeData::Ptr { .. } => Kind::Ptr,
            TypeData::Array { .. } => Kind::Array,
            TypeData::Struct { .. } => Kind::Struct,
            TypeData::Union { .. } => Kind::Union,
            TypeData::Enum { .. } => Kind::Enum,
            TypeData::Fwd { .. } => Kind::Fwd,
            TypeData::Typedef { .. } => Kind::Typedef,
            TypeData::Volatile { .. } => Kind::Volatile,
            TypeData::Const { .. } => Kind::Const,
            TypeData::Restrict { .. } => Kind::Restrict,
            TypeData::Func { .. } => Kind::Func,
            TypeData::FuncProto { .. } => Kind::FuncProto,
            TypeData::Var { .. } => Kind::Var,
            TypeData::Datasec { .. } => Kind::Datasec,
            TypeData::Float { .. } => Kind::Float,
            TypeData::DeclTag { .. } => Kind::DeclTag,
            TypeData::TypeTag { .. } => Kind::TypeTag,
            TypeData::Enum64 { .. } => Kind::Enum64,
        }
    }

    /// The single type this one refers to, for kinds that refer to exactly one.
    pub fn referenced(&self) -> Option<u32> {
        match *self {
            TypeData::Ptr { ty }
            | TypeData::Typedef { ty }
            | TypeData::Volatile { ty }
            | TypeData::Const { ty }
            | TypeData::Restrict { ty }
            | TypeData::TypeTag { ty }
            | TypeData::Var { ty, .. }
            | TypeData::DeclTag { ty, .. } => Some(ty),
            TypeData::Func { proto, .. } => Some(proto),
            TypeData::Array { elem, .. } => Some(elem),
            _ => None,
        }
    }

    /// The size in bytes, for kinds that carry one.
    pub fn size(&self) -> Option<u32> {
        match *self {
            TypeData::Int { size, .. }
            | TypeData::Struct { size, .. }
            | TypeData::Union { size, .. }
            | TypeData::Enum { size, .. }
            | TypeData::Enum64 { size, .. }
            | TypeData::Datasec { size, .. }
            | TypeData::Float { size } => Some(size),
            TypeData::Ptr { .. } => Some(8),
            _ => None,
        }
    }

    /// Every type id this type refers to.
    fn references(&self) -> Vec<u32> {
        match self {
            TypeData::Array { elem, index, .. } => vec![*elem, *index],
            TypeData::Struct { members, .. } | TypeData::Union { members, .. } => {
                members.iter().map(|m| m.ty).collect()
            }
            TypeData::FuncProto { ret, params } => std::iter::once(*ret)
                .chain(params.iter().map(|p| p.ty))
                .collect(),
            TypeData::Datasec { vars, .. } => vars.iter().map(|v| v.ty).collect(),
            other => other.referenced().into_iter().collect(),
        }
    }
}

/// One BTF type: its name and what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Type {
    /// Offset of the name in the string section (0: anonymous).
    pub name_off: u32,
    /// The type's data.
    pub data: TypeData,
}

impl Type {
    /// The type's kind.
    pub fn kind(&self) -> Kind {
        self.data.kind()
    }
}

/// What [`Btf::resolve_qualified`] collected on the way to the underlying type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Qualifiers {
    /// A `const` was crossed.
    pub is_const: bool,
    /// A `volatile` was crossed.
    pub is_volatile: bool,
    /// A `restrict` was crossed.
    pub is_restrict: bool,
    /// The names of the type tags crossed, outermost first.
    pub type_tags: Vec<String>,
    /// The typedefs crossed, outermost first.
    pub typedefs: Vec<u32>,
}

/// A parsed BTF blob.
///
/// The name indexes are built on first use (for the kernel's BTF they cost
/// more than parsing it), once, even when threads share the `Btf`.
#[derive(Clone, Debug)]
pub struct Btf {
    /// Types indexed by id; index 0 is `void`.
    types: Vec<Type>,
    /// The first type whose record the kernel would refuse in a program's
    /// BTF: its id, the reason and the errno ([`Btf::kernel_refusal`]).
    record_refusal: Option<(u32, &'static str, i32)>,
    /// The type tags with the kind flag (attributes, not tags the kernel
    /// reads as `kptr` and the like), in id order.
    attribute_tags: Vec<u32>,
    /// The string section.
    strings: Strings,
    /// Type ids by name, for [`Btf::find_by_name`].
    by_name: OnceLock<NameIndex>,
    /// The types whose name has a `___flavor` suffix, by essential name,
    /// for [`Btf::find_by_essential_name`] (other names are their own
    /// essential name: `by_name` has them).
    flavored: OnceLock<NameIndex>,
}

/// The string section. Compilers and pahole write it all UTF-8; kept as
/// text then, a lookup only looks for the terminating NUL instead of
/// validating the string each time (most of the cost of checking every
/// name while parsing).
#[derive(Clone, Debug)]
enum Strings {
    Text(String),
    Bytes(Vec<u8>),
}

impl Strings {
    fn as_bytes(&self) -> &[u8] {
        match self {
            Strings::Text(s) => s.as_bytes(),
            Strings::Bytes(b) => b,
        }
    }
}

/// The named types' ids grouped by a key derived from the name: sorted by
/// the key's hash, then the key, then id, so the ids of one key are
/// contiguous and a lookup is two binary searches. Compared with a map from
/// owned names, it allocates two arrays instead of a string and a vector per
/// name (for vmlinux's 126k types, most of the old index's cost).
#[derive(Clone, Debug, Default)]
struct NameIndex {
    /// The hash of each entry's key, ascending.
    hashes: Vec<u64>,
    /// Each entry's type id.
    ids: Vec<u32>,
}

/// The hash a [`NameIndex`] sorts by (std's fixed-key SipHash: the order,
/// hence a lookup's result, is the same in every run).
fn key_hash(key: &str) -> u64 {
    let mut h = DefaultHasher::new();
    key.hash(&mut h);
    h.finish()
}

impl NameIndex {
    /// Indexes every named type of `btf` under `key(name)`.
    fn build(btf: &Btf, key: fn(&str) -> &str) -> NameIndex {
        let mut entries: Vec<(u64, &str, u32)> = btf
            .types()
            .filter_map(|(id, t)| {
                let k = key(btf.string(t.name_off).ok()?);
                (!k.is_empty()).then(|| (key_hash(k), k, id))
            })
            .collect();
        // Names are compared only where hashes tie: the same name, or a collision.
        entries.sort_unstable();
        NameIndex {
            hashes: entries.iter().map(|e| e.0).collect(),
            ids: entries.iter().map(|e| e.2).collect(),
        }
    }

    /// The ids of the types whose `key(name)` is `want`, ascending.
    fn get<'a>(&'a self, btf: &Btf, key: fn(&str) -> &str, want: &str) -> &'a [u32] {
        let h = key_hash(want);
        let lo = self.hashes.partition_point(|&x| x < h);
        let hi = lo + self.hashes[lo..].partition_point(|&x| x == h);
        let same_hash = &self.ids[lo..hi];
        let key_of = |id: u32| btf.name(id).map_or("", key);
        let from = same_hash.partition_point(|&id| key_of(id) < want);
        let to = from + same_hash[from..].partition_point(|&id| key_of(id) == want);
        &same_hash[from..to]
    }
}

/// The key of [`Btf::find_by_name`]'s index.
fn whole_name(name: &str) -> &str {
    name
}

/// The key of the flavored names' index: the essential name of a name with
/// a flavor, nothing (not indexed) for the others.
fn flavor_base(name: &str) -> &str {
    let base = essential_name(name);
    if base.len() == name.len() { "" } else { base }
}

/// The name without its `___flavor` suffix (libbpf's essential name: CO-RE
/// matches `task_struct___old` with the kernel's `task_struct`).
pub fn essential_name(name: &str) -> &str {
    let b = name.as_bytes();
    if b.len() >= 5 {
        for i in (0..=b.len() - 5).rev() {
            if b[i] != b'_'
                && b[i + 1] == b'_'
                && b[i + 2] == b'_'
                && b[i + 3] == b'_'
                && b[i + 4] != b'_'
            {
                return &name[..i + 1];
            }
        }
    }
    name
}

/// A little cursor over the blob that knows its byte order.
struct Reader<'a> {
    data: &'a [u8],
    big_endian: bool,
}

impl Reader<'_> {
    fn bytes<const N: usize>(
        &self,
        offset: usize,
        what: &'static str,
    ) -> Result<[u8; N], BtfError> {
        offset
            .checked_add(N)
            .and_then(|end| self.data.get(offset..end))
            .and_then(|s| <[u8; N]>::try_from(s).ok())
            .ok_or(BtfError::Truncated { what, offset })
    }

    fn u8(&self, offset: usize, what: &'static str) -> Result<u8, BtfError> {
        Ok(self.bytes::<1>(offset, what)?[0])
    }

    fn u16(&self, offset: usize, what: &'static str) -> Result<u16, BtfError> {
        let b = self.bytes::<2>(offset, what)?;
        Ok(if self.big_endian {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        })
    }

    fn u32(&self, offset: usize, what: &'static str) -> Result<u32, BtfError> {
        let b = self.bytes::<4>(offset, what)?;
        Ok(if self.big_endian {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    }
}

/// A section's bounds inside the blob.
fn section(
    start: usize,
    off: u32,
    len: u32,
    total: usize,
    name: &str,
) -> Result<(usize, usize), BtfError> {
    let begin = start
        .checked_add(off as usize)
        .ok_or_else(|| BtfError::Malformed(format!("{name} section offset overflows")))?;
    let end = begin
        .checked_add(len as usize)
        .ok_or_else(|| BtfError::Malformed(format!("{name} section length overflows")))?;
    if end > total {
        return Err(BtfError::Truncated {
            what: if name == "type" {
                "type section"
            } else {
                "string section"
            },
            offset: end,
        });
    }
    Ok((begin, end))
}

impl Btf {
    /// Parses a raw BTF blob (either byte order).
    pub fn parse(data: &[u8]) -> Result<Btf, BtfError> {
        let mut r = Reader {
            data,
            big_endian: false,
        };
        let magic = r.u16(0, "header magic")?;
        if magic != BTF_MAGIC {
            if magic.swap_bytes() == BTF_MAGIC {
                r.big_endian = true;
            } else {
                return Err(BtfError::BadMagic(magic));
            }
        }
        let version = r.u8(2, "header version")?;
        if version != BTF_VERSION {
            return Err(BtfError::UnsupportedVersion(version));
        }
        let hdr_len = r.u32(4, "header length")? as usize;
        if hdr_len < HEADER_LEN {
            return Err(BtfError::Malformed(format!(
                "header length {hdr_len} is shorter than {HEADER_LEN}"
            )));
        }
        if hdr_len > data.len() {
            return Err(BtfError::Truncated {
                what: "header",
                offset: hdr_len,
            });
        }
        let type_off = r.u32(8, "type section offset")?;
        let type_len = r.u32(12, "type section length")?;
        let str_off = r.u32(16, "string section offset")?;
        let str_len = r.u32(20, "string section length")?;
        if type_off % 4 != 0 {
            return Err(BtfError::Malformed(format!(
                "type section offset {type_off} is not 4-byte aligned"
            )));
        }
        let (types_begin, types_end) = section(hdr_len, type_off, type_len, data.len(), "type")?;
        let (str_begin, str_end) = section(hdr_len, str_off, str_len, data.len(), "string")?;
        if types_begin < str_end && str_begin < types_end {
            return Err(BtfError::Malformed(
                "type and string sections overlap".into(),
            ));
        }
        let strings = data[str_begin..str_end].to_vec();
        if !strings.is_empty() && (strings[0] != 0 || strings[strings.len() - 1] != 0) {
            return Err(BtfError::Malformed(
                "string section must start and end with NUL".into(),
            ));
        }
        let strings = match String::from_utf8(strings) {
            Ok(text) => Strings::Text(text),
            Err(e) => Strings::Bytes(e.into_bytes()),
        };

        let mut types = vec![Type {
            name_off: 0,
            data: TypeData::Void,
        }];
        let mut pos = types_begin;
        let mut record_refusal = None;
        let mut attribute_tags = Vec::new();
        while pos < types_end {
            let id = u32::try_from(types.len())
                .map_err(|_| BtfError::Malformed("too many types".into()))?;
            let (ty, next) = parse_type(&r, pos, types_end, id)?;
            let info = r.u32(pos + 4, "type info")?;
            if ty.kind() == Kind::TypeTag && info >> 31 == 1 {
                attribute_tags.push(id);
            }
            if record_refusal.is_none() {
                let rec = acceptance::Record {
                    info,
                    size_or_type: r.u32(pos + 8, "type size")?,
                    int_word: match ty.data {
                        TypeData::Int { .. } => r.u32(pos + 12, "INT encoding")?,
                        _ => 0,
                    },
                };
                record_refusal = acceptance::record(&ty, rec).map(|(why, errno)| (id, why, errno));
            }
            types.push(ty);
            pos = next;
        }

        let btf = Btf {
            types,
            strings,
            record_refusal,
            attribute_tags,
            by_name: OnceLock::new(),
            flavored: OnceLock::new(),
        };
        btf.validate()?;
        Ok(btf)
    }

    /// Reads and parses a BTF file such as `/sys/kernel/btf/vmlinux`.
    pub fn from_file(path: impl AsRef<std::path::Path>) -> Result<Btf, BtfError> {
        let data = std::fs::read(path.as_ref())
            .map_err(|e| BtfError::Io(format!("{}: {e}", path.as_ref().display())))?;
        Btf::parse(&data)
    }

    /// Checks every string offset and type reference.
    fn validate(&self) -> Result<(), BtfError> {
        let count = self.types.len() as u32;
        for (id, ty) in self.types.iter().enumerate().skip(1) {
            self.check_string(ty.name_off)?;
            for r in ty.data.references() {
                if r >= count {
                    return Err(BtfError::BadTypeId(r));
                }
            }
            match &ty.data {
                TypeData::Struct { members, .. } | TypeData::Union { members, .. } => {
                    for m in members {
                        self.check_string(m.name_off)?;
                    }
                }
                TypeData::FuncProto { params, .. } => {
                    for (i, p) in params.iter().enumerate() {
                        self.check_string(p.name_off)?;
                        if p.ty == 0 && i + 1 != params.len() {
                            return Err(BtfError::Malformed(format!(
                                "type {id}: void parameter {i} is not last"
                            )));
                        }
                    }
                }
                TypeData::Enum { values, .. } | TypeData::Enum64 { values, .. } => {
                    for v in values {
                        self.check_string(v.name_off)?;
                    }
                }
                TypeData::Func { proto, .. }
                    if self.types[*proto as usize].kind() != Kind::FuncProto =>
                {
                    return Err(BtfError::Malformed(format!(
                        "type {id}: FUNC does not point to a FUNC_PROTO"
                    )));
                }
                TypeData::DeclTag {
                    ty: target,
                    component_idx,
                } => {
                    if *target == 0 {
                        return Err(BtfError::Malformed(format!("type {id}: DECL_TAG on void")));
                    }
                    if *component_idx < -1 {
                        return Err(BtfError::Malformed(format!(
                            "type {id}: DECL_TAG component index {component_idx}"
                        )));
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Number of types, `void` included (valid ids are `0..len()`).
    pub fn len(&self) -> usize {
        self.types.len()
    }

    /// Whether the blob holds no type besides `void`.
    pub fn is_empty(&self) -> bool {
        self.types.len() <= 1
    }

    /// The type with id `id`.
    pub fn type_by_id(&self, id: u32) -> Result<&Type, BtfError> {
        self.types.get(id as usize).ok_or(BtfError::BadTypeId(id))
    }

    /// Every type with its id, `void` excluded.
    pub fn types(&self) -> impl Iterator<Item = (u32, &Type)> + '_ {
        self.types
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, t)| (i as u32, t))
    }

    /// The string at offset `off` of the string section.
    pub fn string(&self, off: u32) -> Result<&str, BtfError> {
        let start = off as usize;
        let bytes = self.strings.as_bytes();
        if start >= bytes.len() {
            return if start == 0 {
                Ok("")
            } else {
                Err(BtfError::BadString(off))
            };
        }
        let end = std::ffi::CStr::from_bytes_until_nul(&bytes[start..])
            .map_err(|_| BtfError::BadString(off))?
            .count_bytes()
            + start;
        match &self.strings {
            // Not at a character boundary: the middle of a character.
            Strings::Text(text) => text.get(start..end).ok_or(BtfError::BadString(off)),
            Strings::Bytes(b) => {
                std::str::from_utf8(&b[start..end]).map_err(|_| BtfError::BadString(off))
            }
        }
    }

    /// Whether [`Btf::string`] of `off` succeeds, without finding its end
    /// when the section is text: the section ends with a NUL, so any
    /// character boundary inside it starts a string.
    fn check_string(&self, off: u32) -> Result<(), BtfError> {
        match &self.strings {
            Strings::Text(text) if (off as usize) < text.len() || off == 0 => {
                if text.is_char_boundary(off as usize) {
                    Ok(())
                } else {
                    Err(BtfError::BadString(off))
                }
            }
            _ => self.string(off).map(drop),
        }
    }

    /// The name of type `id` (empty for anonymous types and `void`).
    pub fn name(&self, id: u32) -> Result<&str, BtfError> {
        if id == 0 {
            return Ok("void");
        }
        self.string(self.type_by_id(id)?.name_off)
    }

    /// The ids of every type named `name`, ascending.
    pub fn find_by_name(&self, name: &str) -> &[u32] {
        self.name_index().get(self, whole_name, name)
    }

    /// Builds the index of [`Btf::find_by_name`] now instead of at the first
    /// lookup, so that whoever times its lookups does not pay for it.
    pub fn index_names(&self) {
        self.name_index();
    }

    fn name_index(&self) -> &NameIndex {
        self.by_name
            .get_or_init(|| NameIndex::build(self, whole_name))
    }

    /// The ids of every type whose [`essential_name`] is `name`, ascending:
    /// the candidates CO-RE relocates a local type named `name` (or
    /// `name___flavor`) against.
    pub fn find_by_essential_name(&self, name: &str) -> Vec<u32> {
        let flavored = self
            .flavored
            .get_or_init(|| NameIndex::build(self, flavor_base))
            .get(self, flavor_base, name);
        let same = if essential_name(name) == name {
            self.find_by_name(name)
        } else {
            &[]
        };
        let mut ids = [same, flavored].concat();
        ids.sort_unstable();
        ids
    }

    /// The first type named `name` of kind `kind`.
    pub fn find(&self, name: &str, kind: Kind) -> Option<u32> {
        self.find_by_name(name)
            .iter()
            .copied()
            .find(|&id| self.types[id as usize].kind() == kind)
    }

    /// Follows typedefs and modifiers (`const`, `volatile`, `restrict`, type
    /// tags) from `id` to the type underneath.
    pub fn resolve(&self, id: u32) -> Result<u32, BtfError> {
        self.resolve_qualified(id).map(|(id, _)| id)
    }

    /// Like [`Btf::resolve`], also reporting the qualifiers, type tags and
    /// typedefs crossed on the way.
    pub fn resolve_qualified(&self, id: u32) -> Result<(u32, Qualifiers), BtfError> {
        let mut q = Qualifiers::default();
        let mut cur = id;
        for _ in 0..MAX_RESOLVE_DEPTH {
            let ty = self.type_by_id(cur)?;
            cur = match ty.data {
                TypeData::Typedef { ty: next } => {
                    q.typedefs.push(cur);
                    next
                }
                TypeData::Const { ty: next } => {
                    q.is_const = true;
                    next
                }
                TypeData::Volatile { ty: next } => {
                    q.is_volatile = true;
                    next
                }
                TypeData::Restrict { ty: next } => {
                    q.is_restrict = true;
                    next
                }
                TypeData::TypeTag { ty: next } => {
                    q.type_tags.push(self.string(ty.name_off)?.to_string());
                    next
                }
                _ => return Ok((cur, q)),
            };
        }
        Err(BtfError::ResolveLoop(id))
    }

    /// What struct `id` holds, as `__btf_type_is_scalar_struct` finds it.
    pub fn scalars(&self, id: u32) -> Scalars {
        self.scalars_at(id, 0)
    }

    fn scalars_at(&self, id: u32, depth: u32) -> Scalars {
        let data = |id: u32| {
            self.resolve(id)
                .and_then(|id| self.type_by_id(id))
                .ok()
                .map(|t| &t.data)
        };
        let scalar =
            |d: Option<&TypeData>| matches!(d, Some(TypeData::Int { .. } | TypeData::Enum { .. }));
        let (Some(TypeData::Struct { members, .. }) | Some(TypeData::Union { members, .. })) =
            data(id)
        else {
            return Scalars::Other;
        };
        // The first member that is not a scalar decides.
        for m in members {
            let found = match data(m.ty) {
                Some(TypeData::Struct { .. } | TypeData::Union { .. }) if depth >= 3 => {
                    Scalars::TooDeep
                }
                Some(TypeData::Struct { .. } | TypeData::Union { .. }) => {
                    self.scalars_at(m.ty, depth + 1)
                }
                Some(&TypeData::Array { elem, nelems, .. }) if nelems > 0 && scalar(data(elem)) => {
                    Scalars::Only
                }
                d if scalar(d) => Scalars::Only,
                _ => Scalars::Other,
            };
            if found != Scalars::Only {
                return found;
            }
        }
        Scalars::Only
    }

    /// The size in bytes of type `id` after resolution (`None` for void,
    /// functions and forward declarations).
    pub fn size_of(&self, id: u32) -> Result<Option<u64>, BtfError> {
        let mut count: u64 = 1;
        let mut cur = id;
        for _ in 0..MAX_RESOLVE_DEPTH {
            let resolved = self.resolve(cur)?;
            match &self.type_by_id(resolved)?.data {
                TypeData::Array { elem, nelems, .. } => {
                    count = count.saturating_mul(u64::from(*nelems));
                    cur = *elem;
                }
                other => return Ok(other.size().map(|s| count.saturating_mul(u64::from(s)))),
            }
        }
        Err(BtfError::ResolveLoop(id))
    }

    /// The declaration tags attached to type `id`: `(tag, component_idx)`.
    pub fn decl_tags(&self, id: u32) -> impl Iterator<Item = (&str, i32)> + '_ {
        self.types().filter_map(move |(_, t)| match t.data {
            TypeData::DeclTag { ty, component_idx } if ty == id => {
                self.string(t.name_off).ok().map(|n| (n, component_idx))
            }
            _ => None,
        })
    }

    /// The ids of the `FUNC`s that carry the declaration tag `tag` on
    /// themselves (component -1), in id order, without duplicates.
    pub fn funcs_tagged(&self, tag: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = self
            .types()
            .filter_map(|(_, t)| match t.data {
                TypeData::DeclTag {
                    ty,
                    component_idx: -1,
                } if self.string(t.name_off) == Ok(tag)
                    && self.types[ty as usize].kind() == Kind::Func =>
                {
                    Some(ty)
                }
                _ => None,
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// The kfuncs: every `FUNC` tagged `bpf_kfunc`.
    pub fn kfuncs(&self) -> Vec<u32> {
        self.funcs_tagged("bpf_kfunc")
    }

    /// The prototype of `FUNC` `id`: its return type and parameters.
    pub fn func_proto(&self, id: u32) -> Result<(u32, &[Param]), BtfError> {
        let proto = match self.type_by_id(id)?.data {
            TypeData::Func { proto, .. } => proto,
            TypeData::FuncProto { .. } => id,
            _ => {
                return Err(BtfError::Malformed(format!(
                    "type {id} is not a FUNC or FUNC_PROTO"
                )));
            }
        };
        match &self.type_by_id(proto)?.data {
            TypeData::FuncProto { ret, params } => Ok((*ret, params)),
            _ => Err(BtfError::Malformed(format!(
                "type {proto} is not a FUNC_PROTO"
            ))),
        }
    }
}

/// Parses the type starting at `pos`; returns it and where the next one starts.
fn parse_type(r: &Reader<'_>, pos: usize, end: usize, id: u32) -> Result<(Type, usize), BtfError> {
    if pos + 12 > end {
        return Err(BtfError::Truncated {
            what: "type header",
            offset: pos,
        });
    }
    let name_off = r.u32(pos, "type name")?;
    let info = r.u32(pos + 4, "type info")?;
    let size_or_type = r.u32(pos + 8, "type size")?;
    let vlen = (info & 0xffff) as usize;
    let kind_num = ((info >> 24) & 0x1f) as u8;
    let kind_flag = info >> 31 == 1;
    let kind = Kind::from_u8(kind_num).ok_or(BtfError::UnknownKind { id, kind: kind_num })?;
    let mut at = pos + 12;
    // The trailing records of this type, each `rec` bytes, checked against the section end.
    let records = |at: usize, count: usize, rec: usize| -> Result<usize, BtfError> {
        let need = count
            .checked_mul(rec)
            .and_then(|n| at.checked_add(n))
            .ok_or_else(|| BtfError::Malformed(format!("type {id}: vlen overflows")))?;
        if need > end {
            return Err(BtfError::Truncated {
                what: "type data",
                offset: at,
            });
        }
        Ok(need)
    };
    let data = match kind {
        Kind::Void => {
            return Err(BtfError::Malformed(format!(
                "type {id}: kind 0 (void) cannot be declared"
            )));
        }
        Kind::Int => {
            let next = records(at, 1, 4)?;
            let data = read_int(r, at, id, size_or_type)?;
            at = next;
            data
        }
        Kind::Ptr => TypeData::Ptr { ty: size_or_type },
        Kind::Array => {
            let next = records(at, 1, 12)?;
            let data = TypeData::Array {
                elem: r.u32(at, "ARRAY element")?,
                index: r.u32(at + 4, "ARRAY index")?,
                nelems: r.u32(at + 8, "ARRAY length")?,
            };
            at = next;
            data
        }
        Kind::Struct | Kind::Union => {
            let next = records(at, vlen, 12)?;
            let members = read_members(r, at, vlen, kind_flag)?;
            at = next;
            if kind == Kind::Struct {
                TypeData::Struct {
                    size: size_or_type,
                    members,
                }
            } else {
                TypeData::Union {
                    size: size_or_type,
                    members,
                }
            }
        }
        Kind::Enum => {
            let next = records(at, vlen, 8)?;
            let values = read_enum(r, at, vlen, kind_flag)?;
            at = next;
            TypeData::Enum {
                size: size_or_type,
                signed: kind_flag,
                values,
            }
        }
        Kind::Enum64 => {
            let next = records(at, vlen, 12)?;
            let values = read_enum64(r, at, vlen)?;
            at = next;
            TypeData::Enum64 {
                size: size_or_type,
                signed: kind_flag,
                values,
            }
        }
        Kind::Fwd => TypeData::Fwd { union: kind_flag },
        Kind::Typedef => TypeData::Typedef { ty: size_or_type },
        Kind::Volatile => TypeData::Volatile { ty: size_or_type },
        Kind::Const => TypeData::Const { ty: size_or_type },
        Kind::Restrict => TypeData::Restrict { ty: size_or_type },
        Kind::TypeTag => TypeData::TypeTag { ty: size_or_type },
        Kind::Func => TypeData::Func {
            proto: size_or_type,
            linkage: vlen as u16,
        },
        Kind::FuncProto => {
            let next = records(at, vlen, 8)?;
            let params = read_params(r, at, vlen)?;
            at = next;
            TypeData::FuncProto {
                ret: size_or_type,
                params,
            }
        }
        Kind::Var => {
            let next = records(at, 1, 4)?;
            let linkage = r.u32(at, "VAR linkage")?;
            at = next;
            TypeData::Var {
                ty: size_or_type,
                linkage,
            }
        }
        Kind::Datasec => {
            let next = records(at, vlen, 12)?;
            let vars = read_vars(r, at, vlen)?;
            at = next;
            TypeData::Datasec {
                size: size_or_type,
                vars,
            }
        }
        Kind::Float => TypeData::Float { size: size_or_type },
        Kind::DeclTag => {
            let next = records(at, 1, 4)?;
            let component_idx = r.u32(at, "DECL_TAG component")? as i32;
            at = next;
            TypeData::DeclTag {
                ty: size_or_type,
                component_idx,
            }
        }
    };
    Ok((Type { name_off, data }, at))
}

/// An integer's encoding word, checked against its size in bytes.
fn read_int(r: &Reader<'_>, at: usize, id: u32, size_or_type: u32) -> Result<TypeData, BtfError> {
    let word = r.u32(at, "INT encoding")?;
    let bits = (word & 0xff) as u8;
    let offset = ((word >> 16) & 0xff) as u8;
    let enc = ((word >> 24) & 0x0f) as u8;
    if u32::from(bits) + u32::from(offset) > size_or_type.saturating_mul(8) || bits > 128 {
        return Err(BtfError::Malformed(format!(
            "type {id}: INT of {bits} bits at offset {offset} does not fit {size_or_type} bytes"
        )));
    }
    Ok(TypeData::Int {
        size: size_or_type,
        encoding: IntEncoding {
            signed: enc & 1 != 0,
            char: enc & 2 != 0,
            bool: enc & 4 != 0,
        },
        offset,
        bits,
    })
}

/// The members of a struct or union (`vlen` records of 12 bytes at `at`).
fn read_members(
    r: &Reader<'_>,
    at: usize,
    vlen: usize,
    kind_flag: bool,
) -> Result<Vec<Member>, BtfError> {
    let mut members = Vec::with_capacity(vlen);
    for i in 0..vlen {
        let m = at + i * 12;
        let raw = r.u32(m + 8, "member offset")?;
        let (bit_offset, bitfield_size) = if kind_flag {
            (raw & 0x00ff_ffff, (raw >> 24) as u8)
        } else {
            (raw, 0)
        };
        members.push(Member {
            name_off: r.u32(m, "member name")?,
            ty: r.u32(m + 4, "member type")?,
            bit_offset,
            bitfield_size,
        });
    }
    Ok(members)
}

/// The enumerators of a 32-bit enum (signed with the kind flag).
fn read_enum(
    r: &Reader<'_>,
    at: usize,
    vlen: usize,
    kind_flag: bool,
) -> Result<Vec<EnumValue>, BtfError> {
    let mut values = Vec::with_capacity(vlen);
    for i in 0..vlen {
        let v = at + i * 8;
        let raw = r.u32(v + 4, "enumerator value")?;
        values.push(EnumValue {
            name_off: r.u32(v, "enumerator name")?,
            val: if kind_flag {
                raw as i32 as i64 as u64
            } else {
                u64::from(raw)
            },
        });
    }
    Ok(values)
}

/// The enumerators of a 64-bit enum.
fn read_enum64(r: &Reader<'_>, at: usize, vlen: usize) -> Result<Vec<EnumValue>, BtfError> {
    let mut values = Vec::with_capacity(vlen);
    for i in 0..vlen {
        let v = at + i * 12;
        let lo = u64::from(r.u32(v + 4, "enumerator value")?);
        let hi = u64::from(r.u32(v + 8, "enumerator value")?);
        values.push(EnumValue {
            name_off: r.u32(v, "enumerator name")?,
            val: hi << 32 | lo,
        });
    }
    Ok(values)
}

/// The parameters of a function prototype.
fn read_params(r: &Reader<'_>, at: usize, vlen: usize) -> Result<Vec<Param>, BtfError> {
    let mut params = Vec::with_capacity(vlen);
    for i in 0..vlen {
        let p = at + i * 8;
        params.push(Param {
            name_off: r.u32(p, "parameter name")?,
            ty: r.u32(p + 4, "parameter type")?,
        });
    }
    Ok(params)
}

/// The variables of a data section.
fn read_vars(r: &Reader<'_>, at: usize, vlen: usize) -> Result<Vec<SecVar>, BtfError> {
    let mut vars = Vec::with_capacity(vlen);
    for i in 0..vlen {
        let v = at + i * 12;
        vars.push(SecVar {
            ty: r.u32(v, "section variable")?,
            offset: r.u32(v + 4, "section variable offset")?,
            size: r.u32(v + 8, "section variable size")?,
        });
    }
    Ok(vars)
}

#[cfg(test)]
mod tests {
    use super::builder::Builder;
    use super::*;

    /// A small program-like BTF: ints, a struct, a typedef'd const pointer,
    /// a kfunc with a decl tag, an arena type tag, an enum and an enum64.
    fn sample(b: &mut Builder) {
        b.int("int", 4, 32, true); // 1
        b.int("unsigned int", 4, 32, false); // 2
        b.head("task_struct", Kind::Struct, 2, false, 16); // 3
        let pid = b.str("pid");
        b.word(pid);
        b.word(1);
        b.word(0);
        let flags = b.str("flags");
        b.word(flags);
        b.word(2);
        b.word(32);
        b.head("", Kind::Const, 0, false, 3); // 4: const struct task_struct
        b.head("", Kind::Ptr, 0, false, 4); // 5: const struct task_struct *
        b.head("task_ptr_t", Kind::Typedef, 0, false, 5); // 6
        b.head("", Kind::FuncProto, 2, false, 1); // 7: int (task_ptr_t p, u32 n)
        let p = b.str("p");
        b.word(p);
        b.word(6);
        let n = b.str("n");
        b.word(n);
        b.word(2);
        b.head("bpf_demo", Kind::Func, 1, false, 7); // 8
        b.head("bpf_kfunc", Kind::DeclTag, 0, false, 8); // 9
        b.word(u32::MAX); // component_idx -1
        b.head("address_space(1)", Kind::TypeTag, 0, false, 0); // 10: void __arena
        b.head("", Kind::Ptr, 0, false, 10); // 11: void __arena *
        b.head("mode", Kind::Enum, 2, true, 4); // 12: signed enum
        let a = b.str("A");
        b.word(a);
        b.word((-1i32) as u32);
        let c = b.str("B");
        b.word(c);
        b.word(7);
        b.head("big", Kind::Enum64, 1, false, 8); // 13
        let x = b.str("X");
        b.word(x);
        b.word(0x89ab_cdef);
        b.word(0x0123_4567);
        b.head("u32_arr", Kind::Array, 0, false, 0); // 14
        b.word(2);
        b.word(1);
        b.word(4);
        b.head("other", Kind::Func, 1, false, 7); // 15 (untagged)
        b.head("fwd_u", Kind::Fwd, 0, true, 0); // 16
        b.head("double", Kind::Float, 0, false, 8); // 17
        b.head("counter", Kind::Var, 0, false, 1); // 18
        b.word(1);
        b.head(".data", Kind::Datasec, 1, false, 4); // 19
        b.word(18);
        b.word(0);
        b.word(4);
        b.head("", Kind::Volatile, 0, false, 6); // 20: volatile task_ptr_t
        b.head("", Kind::Restrict, 0, false, 20); // 21
    }

    fn sample_btf() -> Btf {
        let mut b = Builder::new();
        sample(&mut b);
        Btf::parse(&b.build()).expect("sample parses")
    }

    #[test]
    fn parses_every_kind() {
        let btf = sample_btf();
        assert_eq!(btf.len(), 22);
        let kinds: Vec<Kind> = btf.types().map(|(_, t)| t.kind()).collect();
        use Kind::*;
        assert_eq!(
            kinds,
            [
                Int, Int, Struct, Const, Ptr, Typedef, FuncProto, Func, DeclTag, TypeTag, Ptr,
                Enum, Enum64, Array, Func, Fwd, Float, Var, Datasec, Volatile, Restrict
            ]
        );
        assert_eq!(
            btf.type_by_id(1).unwrap().data,
            TypeData::Int {
                size: 4,
                encoding: IntEncoding {
                    signed: true,
                    ..Default::default()
                },
                offset: 0,
                bits: 32
            }
        );
        match &btf.type_by_id(3).unwrap().data {
            TypeData::Struct { size, members } => {
                assert_eq!(*size, 16);
                assert_eq!(btf.string(members[1].name_off).unwrap(), "flags");
                assert_eq!(members[1].bit_offset, 32);
            }
            other => panic!("not a struct: {other:?}"),
        }
        match &btf.type_by_id(12).unwrap().data {
            TypeData::Enum { signed, values, .. } => {
                assert!(*signed);
                assert_eq!(values[0].val as i64, -1);
                assert_eq!(values[1].val, 7);
            }
            other => panic!("not an enum: {other:?}"),
        }
        match &btf.type_by_id(13).unwrap().data {
            TypeData::Enum64 { values, .. } => assert_eq!(values[0].val, 0x0123_4567_89ab_cdef),
            other => panic!("not an enum64: {other:?}"),
        }
        assert_eq!(
            btf.type_by_id(16).unwrap().data,
            TypeData::Fwd { union: true }
        );
        assert_eq!(btf.size_of(14).unwrap(), Some(16));
        assert_eq!(btf.size_of(0).unwrap(), None);
    }

    #[test]
    fn looks_up_by_name_and_kind() {
        let btf = sample_btf();
        assert_eq!(btf.find_by_name("task_struct"), &[3]);
        assert_eq!(btf.find("bpf_demo", Kind::Func), Some(8));
        assert_eq!(btf.find("bpf_demo", Kind::Struct), None);
        assert!(btf.find_by_name("nope").is_empty());
        assert_eq!(btf.name(0).unwrap(), "void");
        assert_eq!(btf.name(4).unwrap(), "");
        assert_eq!(btf.name(6).unwrap(), "task_ptr_t");
    }

    #[test]
    fn resolves_through_modifiers_and_typedefs() {
        let btf = sample_btf();
        let (id, q) = btf.resolve_qualified(21).unwrap();
        assert_eq!(id, 5);
        assert!(q.is_restrict && q.is_volatile && !q.is_const);
        assert_eq!(q.typedefs, vec![6]);
        // The pointee of the pointer is const.
        let TypeData::Ptr { ty } = btf.type_by_id(5).unwrap().data else {
            panic!("not a pointer")
        };
        let (pointee, q) = btf.resolve_qualified(ty).unwrap();
        assert_eq!(pointee, 3);
        assert!(q.is_const);
        // The arena pointer's pointee is void behind a type tag.
        let TypeData::Ptr { ty } = btf.type_by_id(11).unwrap().data else {
            panic!("not a pointer")
        };
        let (pointee, q) = btf.resolve_qualified(ty).unwrap();
        assert_eq!(pointee, 0);
        assert_eq!(q.type_tags, vec!["address_space(1)".to_string()]);
        assert_eq!(btf.resolve(1).unwrap(), 1);
    }

    #[test]
    fn finds_kfuncs_and_their_prototypes() {
        let btf = sample_btf();
        assert_eq!(btf.kfuncs(), vec![8]);
        assert_eq!(
            btf.decl_tags(8).collect::<Vec<_>>(),
            vec![("bpf_kfunc", -1)]
        );
        let (ret, params) = btf.func_proto(8).unwrap();
        assert_eq!(ret, 1);
        assert_eq!(params.len(), 2);
        assert_eq!(btf.string(params[0].name_off).unwrap(), "p");
        assert_eq!(btf.resolve(params[0].ty).unwrap(), 5);
        assert!(btf.func_proto(3).is_err());
    }

    #[test]
    fn reads_big_endian_blobs() {
        let mut b = Builder::new().big_endian();
        sample(&mut b);
        let btf = Btf::parse(&b.build()).unwrap();
        assert_eq!(btf.kfuncs(), vec![8]);
        assert_eq!(btf.size_of(3).unwrap(), Some(16));
        match &btf.type_by_id(13).unwrap().data {
            TypeData::Enum64 { values, .. } => assert_eq!(values[0].val, 0x0123_4567_89ab_cdef),
            other => panic!("not an enum64: {other:?}"),
        }
    }

    #[test]
    fn empty_sections_parse() {
        let btf = Btf::parse(&Builder::new().build()).unwrap();
        assert!(btf.is_empty());
        assert!(btf.kfuncs().is_empty());
        assert_eq!(btf.type_by_id(1), Err(BtfError::BadTypeId(1)));
    }

    #[test]
    fn every_truncation_is_an_error() {
        let mut b = Builder::new();
        sample(&mut b);
        let full = b.build();
        for len in 0..full.len() {
            let err = Btf::parse(&full[..len]).expect_err("truncated input must fail");
            assert!(
                matches!(err, BtfError::Truncated { .. } | BtfError::Malformed(_)),
                "length {len}: {err:?}"
            );
        }
    }

    #[test]
    fn corrupting_bytes_never_panics() {
        let mut b = Builder::new();
        sample(&mut b);
        let full = b.build();
        for i in 0..full.len() {
            for v in [0x00, 0xff, 0x13, 0x80] {
                let mut bad = full.clone();
                bad[i] = v;
                let _ = Btf::parse(&bad);
            }
        }
    }

    #[test]
    fn rejects_bad_header() {
        let mut blob = Builder::new().build();
        blob[0] = 0x12;
        assert!(matches!(Btf::parse(&blob), Err(BtfError::BadMagic(_))));
        let mut blob = Builder::new().build();
        blob[2] = 2;
        assert_eq!(
            Btf::parse(&blob).unwrap_err(),
            BtfError::UnsupportedVersion(2)
        );
        let mut blob = Builder::new().build();
        blob[4] = 8; // header length 8
        assert!(matches!(Btf::parse(&blob), Err(BtfError::Malformed(_))));
        let mut b = Builder::new();
        b.int("int", 4, 32, true);
        let mut blob = b.build();
        blob[12] = 200; // type section longer than the blob
        assert!(matches!(Btf::parse(&blob), Err(BtfError::Truncated { .. })));
    }

    #[test]
    fn rejects_unknown_kinds() {
        let mut b = Builder::new();
        b.word(0);
        b.word(25 << 24);
        b.word(0);
        assert_eq!(
            Btf::parse(&b.build()).unwrap_err(),
            BtfError::UnknownKind { id: 1, kind: 25 }
        );
    }

    #[test]
    fn rejects_dangling_references() {
        let mut b = Builder::new();
        b.head("", Kind::Ptr, 0, false, 9);
        assert_eq!(Btf::parse(&b.build()).unwrap_err(), BtfError::BadTypeId(9));

        let mut b = Builder::new();
        b.int("int", 4, 32, true);
        b.head("f", Kind::Func, 0, false, 1); // FUNC pointing to an INT
        assert!(matches!(
            Btf::parse(&b.build()),
            Err(BtfError::Malformed(_))
        ));
    }

    #[test]
    fn rejects_bad_strings() {
        let mut b = Builder::new();
        b.int("int", 4, 32, true);
        let mut blob = b.build();
        // Point the name past the string section.
        blob[24] = 0x7f;
        assert_eq!(Btf::parse(&blob).unwrap_err(), BtfError::BadString(0x7f));

        let mut b = Builder::new();
        b.int("int", 4, 32, true);
        let mut blob = b.build();
        let last = blob.len() - 1;
        blob[last] = b'x'; // unterminated string section
        assert!(matches!(Btf::parse(&blob), Err(BtfError::Malformed(_))));
    }

    #[test]
    fn strings_not_utf8_as_a_whole_still_resolve() {
        // A name with a stray byte makes the section non-UTF-8: the other
        // names still read, the bad one is an error only where it is used.
        let mut b = Builder::new();
        b.int("int", 4, 32, true); // 1
        b.head("bad\u{e9}", Kind::Struct, 0, false, 0); // 2
        let mut blob = b.build();
        let at = blob.windows(5).position(|w| w == b"bad\xc3\xa9").unwrap();
        blob[at + 3] = 0xff;
        assert_eq!(Btf::parse(&blob).unwrap_err(), BtfError::BadString(5));

        // The middle of a character is no string start.
        let mut b = Builder::new();
        b.int("\u{e9}t\u{e9}", 4, 32, true); // 1
        let mut blob = b.build();
        blob[24] = 2;
        assert_eq!(Btf::parse(&blob).unwrap_err(), BtfError::BadString(2));
    }

    #[test]
    fn name_indexes_group_every_id_of_a_name() {
        let mut b = Builder::new();
        b.int("int", 4, 32, true); // 1
        b.head("task_struct", Kind::Struct, 0, false, 0); // 2
        b.head("task_struct___old", Kind::Struct, 0, false, 0); // 3
        b.head("task_struct", Kind::Fwd, 0, false, 0); // 4
        b.head("task_struct___new", Kind::Struct, 0, false, 0); // 5
        b.head("task", Kind::Struct, 0, false, 0); // 6
        let btf = Btf::parse(&b.build()).unwrap();
        assert_eq!(btf.find_by_name("task_struct"), &[2, 4]);
        assert_eq!(btf.find_by_name("task_struct___old"), &[3]);
        assert_eq!(btf.find_by_name("task"), &[6]);
        assert!(btf.find_by_name("").is_empty());
        assert_eq!(btf.find_by_essential_name("task_struct"), &[2, 3, 4, 5]);
        assert_eq!(btf.find_by_essential_name("task"), &[6]);
        assert!(btf.find_by_essential_name("task_struct___old").is_empty());
    }

    #[test]
    fn essential_names() {
        assert_eq!(essential_name("task_struct___old"), "task_struct");
        assert_eq!(essential_name("task_struct"), "task_struct");
        assert_eq!(essential_name("a___b___c"), "a___b");
        assert_eq!(essential_name("___x"), "___x");
        assert_eq!(essential_name("x____y"), "x____y");
        assert_eq!(essential_name(""), "");
    }

    #[test]
    fn modifier_loops_are_reported() {
        let mut b = Builder::new();
        b.head("", Kind::Const, 0, false, 2);
        b.head("", Kind::Volatile, 0, false, 1);
        let btf = Btf::parse(&b.build()).unwrap();
        assert_eq!(btf.resolve(1), Err(BtfError::ResolveLoop(1)));
        assert_eq!(btf.size_of(2), Err(BtfError::ResolveLoop(2)));

        let mut b = Builder::new();
        b.head("a", Kind::Array, 0, false, 0); // an array of itself
        b.word(1);
        b.word(1);
        b.word(2);
        let btf = Btf::parse(&b.build()).unwrap();
        assert_eq!(btf.size_of(1), Err(BtfError::ResolveLoop(1)));
    }

    #[test]
    fn int_must_fit_its_size() {
        let mut b = Builder::new();
        b.int("int", 2, 32, true);
        assert!(matches!(
            Btf::parse(&b.build()),
            Err(BtfError::Malformed(_))
        ));
    }

    #[test]
    fn errors_display() {
        let e = BtfError::Truncated {
            what: "type header",
            offset: 40,
        };
        assert_eq!(
            e.to_string(),
            "BTF truncated: type header expected at offset 40"
        );
        assert!(
            Btf::from_file("/nonexistent/btf")
                .unwrap_err()
                .to_string()
                .contains("cannot read BTF")
        );
    }
}

/// Hand-built BTF blobs for tests.
#[cfg(test)]
pub(crate) mod builder {
    use super::*;

    /// Builds BTF blobs by hand.
    pub(crate) struct Builder {
        types: Vec<u8>,
        strings: Vec<u8>,
        big_endian: bool,
    }

    impl Builder {
        pub(crate) fn new() -> Builder {
            Builder {
                types: Vec::new(),
                strings: vec![0],
                big_endian: false,
            }
        }

        pub(crate) fn big_endian(mut self) -> Builder {
            self.big_endian = true;
            self
        }

        pub(crate) fn word(&mut self, w: u32) {
            let b = if self.big_endian {
                w.to_be_bytes()
            } else {
                w.to_le_bytes()
            };
            self.types.extend_from_slice(&b);
        }

        pub(crate) fn str(&mut self, s: &str) -> u32 {
            if s.is_empty() {
                return 0;
            }
            let off = self.strings.len() as u32;
            self.strings.extend_from_slice(s.as_bytes());
            self.strings.push(0);
            off
        }

        /// A type header; returns nothing, ids are positional.
        pub(crate) fn head(
            &mut self,
            name: &str,
            kind: Kind,
            vlen: u32,
            kflag: bool,
            size_or_type: u32,
        ) {
            let name = self.str(name);
            self.word(name);
            self.word((kind as u32) << 24 | vlen | u32::from(kflag) << 31);
            self.word(size_or_type);
        }

        pub(crate) fn int(&mut self, name: &str, size: u32, bits: u32, signed: bool) {
            self.head(name, Kind::Int, 0, false, size);
            self.word(u32::from(signed) << 24 | bits);
        }

        pub(crate) fn build(&self) -> Vec<u8> {
            let w = |v: u32| {
                if self.big_endian {
                    v.to_be_bytes()
                } else {
                    v.to_le_bytes()
                }
            };
            let mut out = Vec::new();
            let magic = if self.big_endian {
                BTF_MAGIC.to_be_bytes()
            } else {
                BTF_MAGIC.to_le_bytes()
            };
            out.extend_from_slice(&magic);
            out.push(BTF_VERSION);
            out.push(0);
            out.extend_from_slice(&w(24));
            out.extend_from_slice(&w(0));
            out.extend_from_slice(&w(self.types.len() as u32));
            out.extend_from_slice(&w(self.types.len() as u32));
            out.extend_from_slice(&w(self.strings.len() as u32));
            out.extend_from_slice(&self.types);
            out.extend_from_slice(&self.strings);
            out
        }
    }
}
