//! Whether the kernel takes a BTF blob as a program's (`BPF_BTF_LOAD`):
//! the checks of each type's own record, in type order (the kernel's
//! `btf_check_meta` and each kind's `check_meta`), then of the parameters
//! of functions (`btf_func_check`), then of the special fields of structs
//! ([`super::struct_metas`]).
//!
//! libbpf rewrites some records before it loads the blob: the sizes and
//! offsets of data sections, and extern variables and functions. The
//! checks those records would fail as the compiler wrote them are left
//! out (a data section's size and its variables' places, extern linkage).
//! The kernel's later pass over each type's references (`btf_resolve`) is
//! not modelled beyond the parameters' names.

use super::{Btf, Kind, Type, TypeData};

/// The kernel's `EINVAL`.
const EINVAL: i32 = 22;
/// The kernel's `ENOTSUPP`: an integer with more than one encoding bit.
const ENOTSUPP: i32 = 524;
/// The kernel's `KSYM_NAME_LEN`: a name must be shorter.
const NAME_LEN: usize = 512;

/// The first type of a BTF blob the kernel refuses, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The type's id.
    pub id: u32,
    /// The kernel's reason, as its BTF log words it (for the special
    /// fields of structs, which the kernel does not log, kfreg's words).
    pub reason: String,
    /// The errno `BPF_BTF_LOAD` fails with.
    pub errno: i32,
}

/// The fields of a type's record the parsed type does not keep.
#[derive(Clone, Copy)]
pub(super) struct Record {
    /// The `info` word: kind, kind flag and `vlen`.
    pub info: u32,
    /// The `size` or `type` word.
    pub size_or_type: u32,
    /// An integer's encoding word.
    pub int_word: u32,
}

impl Record {
    fn vlen(self) -> u32 {
        self.info & 0xffff
    }

    fn kflag(self) -> bool {
        self.info >> 31 == 1
    }
}

/// What the kernel finds wrong with type `t`'s record, without its names:
/// the reason and the errno.
pub(super) fn record(t: &Type, rec: Record) -> Option<(&'static str, i32)> {
    // BTF_INFO_MASK: the kind's five bits, the kind flag and vlen.
    if rec.info & !0x9f00_ffff != 0 {
        return Some(("Invalid btf_info", EINVAL));
    }
    // A type id the kernel takes (BTF_TYPE_ID_VALID), not void.
    let valid = |id: u32| id != 0 && id < 1 << 31;
    let bad = |why: &'static str| Some((why, EINVAL));
    let vlen = rec.vlen() != 0;
    let kind = t.kind();
    match &t.data {
        TypeData::Int { size, .. } => {
            let word = rec.int_word;
            let bits = (word & 0xff) + ((word >> 16) & 0xff);
            if vlen {
                return bad("vlen != 0");
            }
            if rec.kflag() {
                return bad("Invalid btf_info kind_flag");
            }
            if word & !0x0fff_00ff != 0 {
                return bad("Invalid int_data");
            }
            if bits > 128 {
                return bad("nr_bits exceeds 128");
            }
            if bits.div_ceil(8) > *size {
                return bad("nr_bits exceeds type_size");
            }
            if !matches!(word >> 24, 0 | 1 | 2 | 4) {
                return Some(("Unsupported encoding", ENOTSUPP));
            }
        }
        TypeData::Ptr { ty }
        | TypeData::Typedef { ty }
        | TypeData::Volatile { ty }
        | TypeData::Const { ty }
        | TypeData::Restrict { ty }
        | TypeData::TypeTag { ty } => {
            if vlen {
                return bad("vlen != 0");
            }
            // A type tag's flag marks an attribute.
            if rec.kflag() && kind != Kind::TypeTag {
                return bad("Invalid btf_info kind_flag");
            }
            if *ty >= 1 << 31 {
                return bad("Invalid type_id");
            }
        }
        TypeData::Fwd { .. } => {
            if vlen {
                return bad("vlen != 0");
            }
            if rec.size_or_type != 0 {
                return bad("type != 0");
            }
        }
        TypeData::Array { elem, index, .. } => {
            if t.name_off != 0 {
                return bad("Invalid name");
            }
            if vlen {
                return bad("vlen != 0");
            }
            if rec.kflag() {
                return bad("Invalid btf_info kind_flag");
            }
            if rec.size_or_type != 0 {
                return bad("size != 0");
            }
            if !valid(*elem) {
                return bad("Invalid elem");
            }
            if !valid(*index) {
                return bad("Invalid index");
            }
        }
        TypeData::Struct { size, members } | TypeData::Union { size, members } => {
            let mut last = 0;
            for m in members {
                if !valid(m.ty) {
                    return bad("Invalid type_id");
                }
                if kind == Kind::Union && m.bit_offset != 0 || last > m.bit_offset {
                    return bad("Invalid member bits_offset");
                }
                if m.bit_offset.div_ceil(8) > *size {
                    return bad("Member bits_offset exceeds its struct size");
                }
                last = m.bit_offset;
            }
        }
        TypeData::Enum { size, .. } | TypeData::Enum64 { size, .. } => {
            if *size > 8 || !size.is_power_of_two() {
                return bad("Unexpected size");
            }
        }
        TypeData::FuncProto { .. } => {
            if t.name_off != 0 {
                return bad("Invalid name");
            }
            if rec.kflag() {
                return bad("Invalid btf_info kind_flag");
            }
        }
        TypeData::Func { linkage, .. } => {
            // Static, global, or extern (which libbpf rewrites).
            if *linkage > 2 {
                return bad("Invalid func linkage");
            }
            if rec.kflag() {
                return bad("Invalid btf_info kind_flag");
            }
        }
        TypeData::Var { ty, linkage } => {
            if vlen {
                return bad("vlen != 0");
            }
            if rec.kflag() {
                return bad("Invalid btf_info kind_flag");
            }
            if !valid(*ty) {
                return bad("Invalid type_id");
            }
            if *linkage > 2 {
                return bad("Linkage not supported");
            }
        }
        TypeData::Datasec { .. } => {
            if rec.kflag() {
                return bad("Invalid btf_info kind_flag");
            }
        }
        TypeData::Float { size } => {
            if vlen {
                return bad("vlen != 0");
            }
            if rec.kflag() {
                return bad("Invalid btf_info kind_flag");
            }
            if !matches!(size, 2 | 4 | 8 | 12 | 16) {
                return bad("Invalid type_size");
            }
        }
        TypeData::DeclTag { component_idx, .. } => {
            if vlen {
                return bad("vlen != 0");
            }
            if *component_idx < -1 {
                return bad("Invalid component_idx");
            }
        }
        TypeData::Void => {}
    }
    None
}

/// What the kernel finds wrong with type `t`'s names.
fn names(btf: &Btf, t: &Type) -> Option<&'static str> {
    let text = |off: u32| btf.string(off).ok();
    let ident = |off: u32| text(off).is_some_and(identifier);
    let ident_or_none = |off: u32| off == 0 || ident(off);
    let ok = match &t.data {
        TypeData::Ptr { .. }
        | TypeData::Volatile { .. }
        | TypeData::Const { .. }
        | TypeData::Restrict { .. } => t.name_off == 0,
        TypeData::Typedef { .. }
        | TypeData::Fwd { .. }
        | TypeData::Func { .. }
        | TypeData::Var { .. } => ident(t.name_off),
        TypeData::TypeTag { .. } | TypeData::DeclTag { .. } => {
            text(t.name_off).is_some_and(|s| !s.is_empty())
        }
        TypeData::Struct { members, .. } | TypeData::Union { members, .. } => {
            ident_or_none(t.name_off) && members.iter().all(|m| ident_or_none(m.name_off))
        }
        TypeData::Enum { values, .. } | TypeData::Enum64 { values, .. } => {
            ident_or_none(t.name_off) && values.iter().all(|v| ident(v.name_off))
        }
        TypeData::Datasec { .. } => text(t.name_off).is_some_and(section),
        _ => true,
    };
    (!ok).then_some("Invalid name")
}

/// A name the kernel takes for a type, member or enumerator
/// (`btf_name_valid_identifier`).
fn identifier(s: &str) -> bool {
    let mut bytes = s.bytes();
    let first = bytes
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_' || c == b'.');
    first
        && s.len() < NAME_LEN
        && bytes.all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
}

/// A name the kernel takes for a data section: any printable characters
/// (`btf_name_valid_section`).
fn section(s: &str) -> bool {
    !s.is_empty() && s.len() < NAME_LEN && s.bytes().all(|c| (b' '..=b'~').contains(&c))
}

impl Btf {
    /// Why the kernel refuses this BTF as a program's, if it does: the
    /// first type whose record or names it refuses, else the first
    /// function whose prototype has a parameter with a type but no name
    /// (clang writes such prototypes for global functions at -O0; libbpf
    /// names the parameters of extern functions, kfuncs, itself), else the
    /// first struct whose special fields (locks, graph roots and nodes,
    /// refcounts, kptrs) break the kernel's rules, or a graph ownership
    /// cycle among them.
    pub fn kernel_refusal(&self) -> Option<Refusal> {
        let refusal = |id: u32, reason: &str, errno: i32| Refusal {
            id,
            reason: reason.to_string(),
            errno,
        };
        let first_record = self.record_refusal;
        let before = first_record.map_or(u32::MAX, |(id, ..)| id);
        if let Some((id, why)) = self
            .types()
            .take_while(|(id, _)| *id <= before)
            .find_map(|(id, t)| names(self, t).map(|why| (id, why)))
        {
            return Some(refusal(id, why, EINVAL));
        }
        if let Some((id, why, errno)) = first_record {
            return Some(refusal(id, why, errno));
        }
        const EXTERN: u16 = 2;
        let unnamed = self.types().find_map(|(id, t)| match t.data {
            TypeData::Func { proto, linkage } if linkage != EXTERN => self
                .func_proto(proto)
                .ok()?
                .1
                .iter()
                .position(|p| p.name_off == 0 && p.ty != 0)
                .map(|arg| refusal(id, &format!("Invalid arg#{}", arg + 1), EINVAL)),
            _ => None,
        });
        unnamed.or_else(|| {
            super::struct_metas::refusal(self).map(|(id, why, errno)| refusal(id, why, errno))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::btf::builder::Builder;

    fn refusal(b: &Builder) -> Option<(u32, String, i32)> {
        let btf = Btf::parse(&b.build()).expect("parses");
        btf.kernel_refusal().map(|r| (r.id, r.reason, r.errno))
    }

    /// An integer of `enc` encoding bits.
    fn int(b: &mut Builder, name: &str, size: u32, enc: u32) {
        b.head(name, Kind::Int, 0, false, size);
        b.word((enc << 24) | (size * 8));
    }

    #[test]
    fn takes_what_clang_writes() {
        let mut b = Builder::new();
        int(&mut b, "signed char", 1, 1); // 1
        int(&mut b, "char", 1, 0); // 2
        int(&mut b, "_Bool", 1, 4); // 3
        b.head("__s8", Kind::Typedef, 0, false, 1); // 4
        b.head("", Kind::Ptr, 0, false, 4); // 5
        b.head("", Kind::FuncProto, 1, false, 1); // 6: int f(__s8 *x)
        let x = b.str("x");
        b.word(x);
        b.word(5);
        b.head("prog.name", Kind::Func, 1, false, 6); // 7
        b.head("__kptr", Kind::TypeTag, 0, true, 5); // 8: an attribute tag
        b.head(".rodata.str1.1", Kind::Datasec, 0, false, 0); // 9
        assert_eq!(refusal(&b), None);
    }

    #[test]
    fn refuses_an_integer_of_two_encodings_as_not_supported() {
        // GCC 12 writes `signed char` as both signed and a character.
        let mut b = Builder::new();
        int(&mut b, "int", 4, 1);
        int(&mut b, "signed char", 1, 3);
        assert_eq!(
            refusal(&b),
            Some((2, "Unsupported encoding".into(), ENOTSUPP))
        );
    }

    #[test]
    fn refuses_the_first_bad_type_in_type_order() {
        // A name the kernel refuses comes before a later integer's encoding.
        let mut b = Builder::new();
        int(&mut b, "int", 4, 1); // 1
        b.head("", Kind::FuncProto, 0, false, 1); // 2
        b.head("", Kind::Func, 0, false, 2); // 3: a function with no name
        int(&mut b, "signed char", 1, 3); // 4
        assert_eq!(refusal(&b), Some((3, "Invalid name".into(), EINVAL)));
    }

    #[test]
    fn refuses_records_a_compiler_got_wrong() {
        type Add = fn(&mut Builder);
        let cases: [(Add, &str); 5] = [
            (|b| b.head("Z", Kind::Fwd, 0, false, 1), "type != 0"),
            (
                |b| b.head("", Kind::Float, 0, false, 3),
                "Invalid type_size",
            ),
            (
                |b| b.head("", Kind::Ptr, 0, true, 1),
                "Invalid btf_info kind_flag",
            ),
            (|b| b.head("p", Kind::Ptr, 0, false, 1), "Invalid name"),
            (
                |b| b.head("1st", Kind::Typedef, 0, false, 1),
                "Invalid name",
            ),
        ];
        for (add, why) in cases {
            let mut b = Builder::new();
            int(&mut b, "int", 4, 1);
            add(&mut b);
            assert_eq!(refusal(&b), Some((2, why.into(), EINVAL)), "{why}");
        }
    }

    #[test]
    fn refuses_a_function_parameter_without_a_name() {
        // clang at -O0 names no parameter of a global function's prototype.
        let mut b = Builder::new();
        int(&mut b, "int", 4, 1); // 1
        b.head("", Kind::FuncProto, 1, false, 1); // 2: int (int)
        b.word(0);
        b.word(1);
        b.head("f", Kind::Func, 1, false, 2); // 3
        assert_eq!(refusal(&b), Some((3, "Invalid arg#1".into(), EINVAL)));
        // An extern one (a kfunc) libbpf names itself.
        let mut b = Builder::new();
        int(&mut b, "int", 4, 1);
        b.head("", Kind::FuncProto, 1, false, 1);
        b.word(0);
        b.word(1);
        b.head("f", Kind::Func, 2, false, 2);
        assert_eq!(refusal(&b), None);
    }
}
