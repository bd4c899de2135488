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

/// A program a struct_ops map names in one of its members.
struct Slot {
    /// The map (the `.struct_ops` variable).
    map: String,
    /// The program's symbol.
    prog: usize,
    /// The member.
    member: Member,
}

/// Every program each struct_ops map names, map by map as libbpf numbers
/// them (`.struct_ops` before `.struct_ops.link`, variables in order),
/// member by member.
fn slots(elf: &ElfObject<'_>, btf: &Btf) -> Vec<Slot> {
    let mut out = Vec::new();
    for link in [false, true] {
        for (index, sec) in elf.sections.iter().enumerate() {
            if !sec.name.starts_with(".struct_ops")
                || sec.name.starts_with(".struct_ops.link") != link
            {
                continue;
            }
            // Clang leaves the variables' offsets 0 in the object: where
            // each one lies comes from the symbol table, as libbpf fixes it
            // up.
            let Some((_, vars)) = super::maps::datasec_vars(elf, btf, index) else {
                continue;
            };
            for &(var, off) in &vars {
                let mut named: Vec<(u64, Slot)> = sec
                    .relocs
                    .iter()
                    .filter_map(|reloc| {
                        let within = reloc.offset.checked_sub(u64::from(off))?;
                        (within < var_size(btf, var)?).then_some(())?;
                        let sym = elf.symbols.get(reloc.sym).filter(|s| !s.name.is_empty())?;
                        let slot = Slot {
                            map: btf.name(var).ok()?.to_string(),
                            prog: sym.index,
                            member: member_at(btf, var, within)?,
                        };
                        Some((within, slot))
                    })
                    .collect();
                named.sort_by_key(|(within, _)| *within);
                out.extend(named.into_iter().map(|(_, slot)| slot));
            }
        }
    }
    out
}

/// The member each program named in a struct_ops map implements, by
/// program (function symbol) name; a program used twice keeps the first.
pub(crate) fn members(elf: &ElfObject<'_>, btf: Option<&Btf>) -> HashMap<String, Member> {
    let mut out = HashMap::new();
    for slot in btf.map(|btf| slots(elf, btf)).unwrap_or_default() {
        if let Some(sym) = elf.symbols.get(slot.prog) {
            out.entry(sym.name.clone()).or_insert(slot.member);
        }
    }
    out
}

/// libbpf's refusal of a program named in two struct_ops members that are
/// not the same member of the same kernel struct (`bpf_map__init_kern_struct_ops`):
/// the kernel loads a struct_ops program for one member only.
pub(crate) fn reused_program(
    reg: &kfreg::Registry,
    elf: &ElfObject<'_>,
    btf: Option<&Btf>,
    target: &Btf,
) -> Option<LoadError> {
    let mut first: HashMap<usize, (u32, usize)> = HashMap::new();
    for slot in slots(elf, btf?) {
        let Some((kern_type, idx, _)) = kernel_member(target, &slot.member) else {
            continue;
        };
        let (type0, idx0) = *first.entry(slot.prog).or_insert((kern_type, idx));
        let (what, was, is, now) = if type0 != kern_type {
            (
                "attach_btf_id",
                type0 as usize,
                "kern_type_id",
                kern_type as usize,
            )
        } else if idx0 != idx {
            ("expected_attach_type", idx0, "kern_member_idx", idx)
        } else {
            continue;
        };
        let sym = elf.symbols.get(slot.prog)?;
        let sec = sym.section.and_then(|s| elf.sections.get(s))?;
        let prog_type = super::sections::classify(reg, &sec.name)?.prog_type;
        return Some(LoadError::StructOps {
            msg: format!(
                " {} func ptr {}: invalid reuse of prog {} in sec {} with type {}: {what} {was} != {is} {now}",
                slot.map,
                slot.member.member,
                sym.name,
                sec.name,
                prog_type.id(),
            ),
        });
    }
    None
}

/// The kernel struct `m.ops` in `target`, the index of member `m.member`
/// in it and the member's type.
fn kernel_member(target: &Btf, m: &Member) -> Option<(u32, usize, u32)> {
    let st = target.find(&m.ops, Kind::Struct)?;
    let TypeData::Struct { members, .. } = &target.type_by_id(st).ok()?.data else {
        return None;
    };
    members
        .iter()
        .enumerate()
        .find(|(_, f)| target.string(f.name_off).ok() == Some(m.member.as_str()))
        .map(|(idx, f)| (st, idx, f.ty))
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
    let (_, _, ty) = kernel_member(target, m)?;
    let ptr = target.resolve(ty).ok()?;
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
                msg: format!(": struct {n} is not found in kernel BTF"),
            })
    })
}
