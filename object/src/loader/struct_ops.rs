//! struct_ops maps: which member of which kernel struct each program
//! implements. libbpf reads it from the relocations of the `.struct_ops`
//! sections (a function pointer member relocated against a program) and
//! loads the program with that member as its attach point; the member's
//! prototype gives the program its arguments and return type.

use crate::btf::{Btf, Kind, TypeData};
use crate::elf::ElfObject;
use std::collections::HashMap;

/// The struct and member a program implements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Member {
    /// The kernel struct (`tcp_congestion_ops`).
    pub ops: String,
    /// Its function pointer member (`cong_avoid`).
    pub member: String,
}

/// The member each program named in a struct_ops map implements, by
/// program (function symbol) name; a program used twice keeps the first.
pub(crate) fn members(elf: &ElfObject<'_>, btf: Option<&Btf>) -> HashMap<String, Member> {
    let mut out = HashMap::new();
    let Some(btf) = btf else {
        return out;
    };
    for sec in elf
        .sections
        .iter()
        .filter(|s| s.name.starts_with(".struct_ops"))
    {
        let Some(vars) =
            btf.find(&sec.name, Kind::Datasec)
                .and_then(|d| match &btf.type_by_id(d).ok()?.data {
                    TypeData::Datasec { vars, .. } => Some(vars.clone()),
                    _ => None,
                })
        else {
            continue;
        };
        for reloc in &sec.relocs {
            let Some(prog) = elf.symbols.get(reloc.sym).map(|s| s.name.as_str()) else {
                continue;
            };
            let found = vars.iter().find_map(|v| {
                let within = reloc.offset.checked_sub(u64::from(v.offset))?;
                (within < u64::from(v.size)).then_some(())?;
                member_at(btf, v.ty, within)
            });
            if let Some(m) = found
                && !prog.is_empty()
            {
                out.entry(prog.to_string()).or_insert(m);
            }
        }
    }
    out
}

/// The member at byte `off` of the struct variable `var`.
fn member_at(btf: &Btf, var: u32, off: u64) -> Option<Member> {
    let TypeData::Var { ty, .. } = btf.type_by_id(var).ok()?.data else {
        return None;
    };
    let st = btf.resolve(ty).ok()?;
    let TypeData::Struct { members, .. } = &btf.type_by_id(st).ok()?.data else {
        return None;
    };
    let m = members
        .iter()
        .find(|m| u64::from(m.bit_offset) == off * 8)?;
    Some(Member {
        ops: btf.name(st).ok()?.to_string(),
        member: btf.string(m.name_off).ok()?.to_string(),
    })
}

/// The prototype of `member` of kernel struct `ops` in `target`.
pub(crate) fn proto(target: &Btf, m: &Member) -> Option<u32> {
    let st = target.find(&m.ops, Kind::Struct)?;
    let TypeData::Struct { members, .. } = &target.type_by_id(st).ok()?.data else {
        return None;
    };
    let field = members
        .iter()
        .find(|f| target.string(f.name_off).ok() == Some(m.member.as_str()))?;
    let ptr = target.resolve(field.ty).ok()?;
    let TypeData::Ptr { ty } = target.type_by_id(ptr).ok()?.data else {
        return None;
    };
    let proto = target.resolve(ty).ok()?;
    (target.type_by_id(proto).ok()?.kind() == Kind::FuncProto).then_some(proto)
}
