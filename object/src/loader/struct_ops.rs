//! struct_ops maps: which member of which kernel struct each program
//! implements. libbpf reads it from the relocations of the `.struct_ops`
//! sections (a function pointer member relocated against a program) and
//! loads the program with that member as its attach point; the member's
//! prototype gives the program its arguments and return type.

use super::LoadError;
use crate::btf::{Btf, Kind, TypeData, essential_name};
use crate::elf::ElfObject;
use crate::program::StructOpsMember as Member;
use std::collections::HashMap;

/// The member each program named in a struct_ops map implements, by
/// program (function symbol) name; a program used twice keeps the first.
pub(crate) fn members(elf: &ElfObject<'_>, btf: Option<&Btf>) -> HashMap<String, Member> {
    let mut out = HashMap::new();
    let Some(btf) = btf else {
        return out;
    };
    for (index, sec) in elf.sections.iter().enumerate() {
        if !sec.name.starts_with(".struct_ops") {
            continue;
        }
        // Clang leaves the variables' offsets 0 in the object: where each
        // one lies comes from the symbol table, as libbpf fixes it up.
        let Some((_, vars)) = super::maps::datasec_vars(elf, btf, index) else {
            continue;
        };
        for reloc in &sec.relocs {
            let Some(prog) = elf.symbols.get(reloc.sym).map(|s| s.name.as_str()) else {
                continue;
            };
            let found = vars.iter().find_map(|&(var, off)| {
                let within = reloc.offset.checked_sub(u64::from(off))?;
                (within < var_size(btf, var)?).then_some(())?;
                member_at(btf, var, within)
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

/// The size of variable `var`'s type.
fn var_size(btf: &Btf, var: u32) -> Option<u64> {
    let TypeData::Var { ty, .. } = btf.type_by_id(var).ok()?.data else {
        return None;
    };
    btf.size_of(ty).ok().flatten()
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

/// libbpf's failure to find a struct_ops map's kernel type in `target`
/// (`find_struct_ops_kern_types`, before any program loads): the value
/// type `bpf_struct_ops_NAME` the kernel registers with the type, then the
/// type, for each `.struct_ops` variable in order. Kernel modules are not
/// read, so a type only a module registers is reported missing too.
pub(crate) fn missing_kernel_type(
    elf: &ElfObject<'_>,
    btf: Option<&Btf>,
    target: &Btf,
) -> Option<LoadError> {
    let btf = btf?;
    let sections = elf.sections.iter().enumerate();
    let vars = sections
        .filter(|(_, s)| s.name.starts_with(".struct_ops"))
        .filter_map(|(index, _)| super::maps::datasec_vars(elf, btf, index))
        .flat_map(|(_, vars)| vars);
    vars.into_iter().find_map(|(var, _)| {
        let TypeData::Var { ty, .. } = btf.type_by_id(var).ok()?.data else {
            return None;
        };
        let name = essential_name(btf.name(btf.resolve(ty).ok()?).ok()?);
        [format!("bpf_struct_ops_{name}"), name.to_string()]
            .into_iter()
            .find(|n| target.find(n, Kind::Struct).is_none())
            .map(|n| LoadError::StructOps {
                msg: format!("struct {n} is not found in kernel BTF"),
            })
    })
}
