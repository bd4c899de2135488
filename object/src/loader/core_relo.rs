//! CO-RE ("compile once, run everywhere") relocations.
//!
//! Each relocation names a root type in the program's BTF, an access string
//! (`"0:1:2"`: an array index on the root, then member or array indices) and
//! what to compute (a field's offset, size, existence, ... or a type's id,
//! existence or size, or an enumerator's value). The value is computed from a
//! *target* BTF and patched into the instruction, following libbpf's
//! `relo_core.c`:
//!
//! * with a target (kernel) BTF, candidates are the target types whose name
//!   without a `___flavor` suffix equals the local one (and whose kind is
//!   compatible); each candidate is matched member by member, by name,
//!   looking through anonymous structs and unions; all matching candidates
//!   must agree;
//! * without one, the program's own BTF is the target and the root type is the
//!   only candidate: every relocation resolves to what the compiler saw.
//!
//! A relocation no candidate satisfies is "poisoned" as libbpf does: the
//! instruction becomes a call to the invalid helper `0xbad2310`, which the
//! verifier reports only if a path reaches it (field-existence guards make
//! such code dead). Existence relocations resolve to 0 instead.

pub(crate) use crate::btf::essential_name;
use crate::btf::{Btf, BtfError, Kind, Member, TypeData};
use crate::btf_ext::{CoreKind, CoreRelo};
use kfreg_isa::RawInsn;
use std::sync::Arc;

/// libbpf's poison helper id (`0xbad2310`).
pub const POISON_HELPER: i32 = 0xbad2310;
/// Longest access string libbpf accepts (`BPF_CORE_SPEC_MAX_LEN`).
const SPEC_MAX_LEN: usize = 64;
/// Recursion limit for type comparisons.
const MAX_DEPTH: u32 = 32;
/// Steps one type comparison or member search may take (corrupt BTF can
/// make them exponential).
pub(crate) const COMPARE_BUDGET: u32 = 1 << 14;

fn spend(budget: &mut u32) -> Result<(), String> {
    *budget = budget
        .checked_sub(1)
        .ok_or("type comparison is too complex")?;
    Ok(())
}

/// The outcome of one relocation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CoreRes {
    /// No candidate satisfies it: poison the instruction.
    pub poison: bool,
    /// The value the compiler put in the instruction.
    pub orig_val: u64,
    /// The relocated value.
    pub new_val: u64,
    /// The local field size (byte-offset relocations of non-bitfields).
    pub orig_sz: u32,
    /// The target field size.
    pub new_sz: u32,
    /// Check that the instruction holds `orig_val`.
    pub validate: bool,
    /// The field size changed in a way a load/store cannot follow.
    pub fail_memsz_adjust: bool,
}

/// One step of an access path.
#[derive(Clone, Debug)]
struct Acc {
    /// The composite (or array element) type.
    type_id: u32,
    /// Member or element index.
    idx: u32,
    /// Member (or enumerator) name; `None` for array accesses.
    name: Option<String>,
}

/// A parsed access path against one BTF.
#[derive(Clone, Debug)]
struct Spec {
    root: u32,
    raw: Vec<u32>,
    acc: Vec<Acc>,
    bit_offset: u64,
}

impl Spec {
    fn new(root: u32) -> Spec {
        Spec {
            root,
            raw: Vec::new(),
            acc: Vec::new(),
            bit_offset: 0,
        }
    }
}

fn e(err: BtfError) -> String {
    err.to_string()
}

fn members(btf: &Btf, id: u32) -> Option<&[Member]> {
    match &btf.type_by_id(id).ok()?.data {
        TypeData::Struct { members, .. } | TypeData::Union { members, .. } => Some(members),
        _ => None,
    }
}

fn kind_of(btf: &Btf, id: u32) -> Result<Kind, String> {
    Ok(btf.type_by_id(id).map_err(e)?.kind())
}

fn is_enum(k: Kind) -> bool {
    matches!(k, Kind::Enum | Kind::Enum64)
}

fn kinds_compat(a: Kind, b: Kind) -> bool {
    a == b || (is_enum(a) && is_enum(b))
}

fn size(btf: &Btf, id: u32) -> Result<u64, String> {
    btf.size_of(id)
        .map_err(e)?
        .ok_or_else(|| format!("type [{id}] has no size"))
}

/// Whether a flexible array ends the struct the previous accessor is in.
fn is_flex_arr(btf: &Btf, prev: Option<&Acc>, nelems: u32) -> bool {
    let Some(prev) = prev else { return false };
    if prev.name.is_none() || nelems > 0 {
        return false;
    }
    members(btf, prev.type_id).is_some_and(|m| prev.idx as usize + 1 == m.len())
}

fn parse_spec(btf: &Btf, type_id: u32, access: &str, kind: CoreKind) -> Result<Spec, String> {
    if access.is_empty() || access.starts_with(':') {
        return Err(format!("invalid access string '{access}'"));
    }
    let mut spec = Spec::new(type_id);
    if kind.is_type() {
        if access != "0" {
            return Err(format!(
                "type relocation with access string '{access}' (expected '0')"
            ));
        }
        return Ok(spec);
    }
    for part in access.split(':') {
        let idx: u32 = part
            .parse()
            .map_err(|_| format!("invalid access string '{access}'"))?;
        if spec.raw.len() == SPEC_MAX_LEN {
            return Err(format!("access string '{access}' is too long"));
        }
        spec.raw.push(idx);
    }
    let mut id = btf.resolve(type_id).map_err(e)?;
    let first = spec.raw[0];
    if kind.is_enumval() {
        let values = match &btf.type_by_id(id).map_err(e)?.data {
            TypeData::Enum { values, .. } | TypeData::Enum64 { values, .. } => values,
            _ => {
                return Err(format!(
                    "enumerator relocation against non-enum type [{id}]"
                ));
            }
        };
        let v = values
            .get(first as usize)
            .filter(|_| spec.raw.len() == 1)
            .ok_or_else(|| format!("invalid enumerator access '{access}' on [{id}]"))?;
        spec.acc.push(Acc {
            type_id: id,
            idx: first,
            name: Some(btf.string(v.name_off).map_err(e)?.to_string()),
        });
        return Ok(spec);
    }
    spec.acc.push(Acc {
        type_id: id,
        idx: first,
        name: None,
    });
    let sz = size(btf, id)?;
    spec.bit_offset = u64::from(first).saturating_mul(sz).saturating_mul(8);
    for &idx in &spec.raw[1..] {
        id = btf.resolve(id).map_err(e)?;
        match &btf.type_by_id(id).map_err(e)?.data {
            TypeData::Struct { members, .. } | TypeData::Union { members, .. } => {
                let m = members
                    .get(idx as usize)
                    .ok_or_else(|| format!("member index {idx} out of range in [{id}]"))?;
                spec.bit_offset = spec.bit_offset.saturating_add(u64::from(m.bit_offset));
                if m.name_off != 0 {
                    let name = btf.string(m.name_off).map_err(e)?;
                    if name.is_empty() {
                        return Err(format!("member {idx} of [{id}] has an empty name"));
                    }
                    spec.acc.push(Acc {
                        type_id: id,
                        idx,
                        name: Some(name.to_string()),
                    });
                }
                id = m.ty;
            }
            TypeData::Array { elem, nelems, .. } => {
                let (elem, nelems) = (*elem, *nelems);
                let flex = is_flex_arr(btf, spec.acc.last(), nelems);
                id = btf.resolve(elem).map_err(e)?;
                if !flex && idx >= nelems {
                    return Err(format!(
                        "array index {idx} out of range ({nelems} elements)"
                    ));
                }
                spec.acc.push(Acc {
                    type_id: id,
                    idx,
                    name: None,
                });
                let sz = size(btf, id)?;
                spec.bit_offset = spec
                    .bit_offset
                    .saturating_add(u64::from(idx).saturating_mul(sz).saturating_mul(8));
            }
            other => {
                return Err(format!(
                    "access '{access}' reaches type [{id}] of unexpected kind {}",
                    other.kind().name()
                ));
            }
        }
    }
    Ok(spec)
}

/// libbpf's `bpf_core_types_are_compat`: the shapes agree, names are not compared
/// below the root.
pub(crate) fn types_are_compat(
    lb: &Btf,
    lid: u32,
    tb: &Btf,
    tid: u32,
    budget: &mut u32,
) -> Result<bool, String> {
    if !kinds_compat(kind_of(lb, lid)?, kind_of(tb, tid)?) {
        return Ok(false);
    }
    let (mut lid, mut tid) = (lid, tid);
    for _ in 0..MAX_DEPTH {
        spend(budget)?;
        lid = lb.resolve(lid).map_err(e)?;
        tid = tb.resolve(tid).map_err(e)?;
        let (lt, tt) = (
            &lb.type_by_id(lid).map_err(e)?.data,
            &tb.type_by_id(tid).map_err(e)?.data,
        );
        if !kinds_compat(lt.kind(), tt.kind()) {
            return Ok(false);
        }
        match (lt, tt) {
            (TypeData::Ptr { ty: l }, TypeData::Ptr { ty: t }) => {
                (lid, tid) = (*l, *t);
            }
            (TypeData::Array { elem: l, .. }, TypeData::Array { elem: t, .. }) => {
                (lid, tid) = (*l, *t);
            }
            (TypeData::Int { offset: lo, .. }, TypeData::Int { offset: to, .. }) => {
                return Ok(*lo == 0 && *to == 0);
            }
            (
                TypeData::FuncProto {
                    ret: lr,
                    params: lp,
                },
                TypeData::FuncProto {
                    ret: tr,
                    params: tp,
                },
            ) => {
                if lp.len() != tp.len() {
                    return Ok(false);
                }
                for (l, t) in lp.iter().zip(tp) {
                    if !types_are_compat(
                        lb,
                        lb.resolve(l.ty).map_err(e)?,
                        tb,
                        tb.resolve(t.ty).map_err(e)?,
                        budget,
                    )? {
                        return Ok(false);
                    }
                }
                (lid, tid) = (*lr, *tr);
            }
            (TypeData::Void, _)
            | (TypeData::Struct { .. }, _)
            | (TypeData::Union { .. }, _)
            | (TypeData::Enum { .. }, _)
            | (TypeData::Enum64 { .. }, _)
            | (TypeData::Fwd { .. }, _) => return Ok(true),
            _ => return Ok(false),
        }
    }
    Err("type comparison nests too deeply".into())
}

/// libbpf's `bpf_core_names_match`: an anonymous target matches only an
/// anonymous local; otherwise the names without their `___flavor` agree.
fn names_match(lb: &Btf, lname: u32, tb: &Btf, tname: u32) -> Result<bool, String> {
    let l = lb.string(lname).map_err(e)?;
    let t = tb.string(tname).map_err(e)?;
    if t.is_empty() {
        return Ok(l.is_empty());
    }
    Ok(essential_name(l) == essential_name(t))
}

/// libbpf's `__bpf_core_types_match` (what `bpf_core_type_matches()`
/// asks): stricter than [`types_are_compat`], names are compared at every
/// level; struct and union members must each find a target member of the
/// same name and matching type (behind a pointer, only the kind of an
/// aggregate is compared), integers agree in size and sign, enumerators
/// each find one of the same name, arrays agree in length, prototypes
/// parameter by parameter. `level` bounds the nesting of members and
/// parameters.
fn types_match(
    lb: &Btf,
    lid: u32,
    tb: &Btf,
    tid: u32,
    mut behind_ptr: bool,
    level: u32,
    budget: &mut u32,
) -> Result<bool, String> {
    if level == 0 {
        return Err("type match nests too deeply".into());
    }
    let (mut lid, mut tid) = (lid, tid);
    for _ in 0..MAX_DEPTH {
        spend(budget)?;
        lid = lb.resolve(lid).map_err(e)?;
        tid = tb.resolve(tid).map_err(e)?;
        let (lt, tt) = (
            lb.type_by_id(lid).map_err(e)?,
            tb.type_by_id(tid).map_err(e)?,
        );
        if !names_match(lb, lt.name_off, tb, tt.name_off)? {
            return Ok(false);
        }
        let (lk, tk) = (lt.kind(), tt.kind());
        match (&lt.data, &tt.data) {
            (TypeData::Void, _) => return Ok(tk == Kind::Void),
            (TypeData::Fwd { union: lu }, _) => {
                return Ok(match &tt.data {
                    TypeData::Fwd { union: tu } => lu == tu,
                    TypeData::Struct { .. } => behind_ptr && !lu,
                    TypeData::Union { .. } => behind_ptr && *lu,
                    _ => false,
                });
            }
            (
                TypeData::Enum {
                    size: ls,
                    values: lv,
                    ..
                }
                | TypeData::Enum64 {
                    size: ls,
                    values: lv,
                    ..
                },
                _,
            ) => {
                let (TypeData::Enum {
                    size: ts,
                    values: tv,
                    ..
                }
                | TypeData::Enum64 {
                    size: ts,
                    values: tv,
                    ..
                }) = &tt.data
                else {
                    return Ok(false);
                };
                if ls != ts || lv.len() > tv.len() {
                    return Ok(false);
                }
                for l in lv {
                    let mut found = false;
                    for t in tv {
                        if names_match(lb, l.name_off, tb, t.name_off)? {
                            found = true;
                            break;
                        }
                    }
                    if !found {
                        return Ok(false);
                    }
                }
                return Ok(true);
            }
            (TypeData::Struct { members: lm, .. } | TypeData::Union { members: lm, .. }, _) => {
                if behind_ptr {
                    return Ok(lk == tk
                        || tk == Kind::Fwd
                            && matches!(tt.data, TypeData::Fwd { union } if union == (lk == Kind::Union)));
                }
                if lk != tk {
                    return Ok(false);
                }
                let (TypeData::Struct { members: tm, .. } | TypeData::Union { members: tm, .. }) =
                    &tt.data
                else {
                    return Ok(false);
                };
                if lm.len() > tm.len() {
                    return Ok(false);
                }
                for l in lm {
                    let mut found = false;
                    for t in tm {
                        if names_match(lb, l.name_off, tb, t.name_off)?
                            && types_match(lb, l.ty, tb, t.ty, behind_ptr, level - 1, budget)?
                        {
                            found = true;
                            break;
                        }
                    }
                    if !found {
                        return Ok(false);
                    }
                }
                return Ok(true);
            }
            (
                TypeData::Int {
                    size: ls,
                    encoding: le,
                    ..
                },
                TypeData::Int {
                    size: ts,
                    encoding: te,
                    ..
                },
            ) => return Ok(ls == ts && le.signed == te.signed),
            (TypeData::Ptr { ty: l }, TypeData::Ptr { ty: t }) => {
                behind_ptr = true;
                (lid, tid) = (*l, *t);
            }
            (
                TypeData::Array {
                    elem: l,
                    nelems: ln,
                    ..
                },
                TypeData::Array {
                    elem: t,
                    nelems: tn,
                    ..
                },
            ) => {
                if ln != tn {
                    return Ok(false);
                }
                (lid, tid) = (*l, *t);
            }
            (
                TypeData::FuncProto {
                    ret: lr,
                    params: lp,
                },
                TypeData::FuncProto {
                    ret: tr,
                    params: tp,
                },
            ) => {
                if lp.len() != tp.len() {
                    return Ok(false);
                }
                for (l, t) in lp.iter().zip(tp) {
                    if !types_match(lb, l.ty, tb, t.ty, behind_ptr, level - 1, budget)? {
                        return Ok(false);
                    }
                }
                (lid, tid) = (*lr, *tr);
            }
            // Kinds that differ, and kinds libbpf does not relocate
            // (floats among them).
            _ => return Ok(false),
        }
    }
    Err("type match nests too deeply".into())
}

/// libbpf's `bpf_core_fields_are_compat`.
fn fields_are_compat(lb: &Btf, lid: u32, tb: &Btf, tid: u32) -> Result<bool, String> {
    let (mut lid, mut tid) = (lid, tid);
    for _ in 0..MAX_DEPTH {
        lid = lb.resolve(lid).map_err(e)?;
        tid = tb.resolve(tid).map_err(e)?;
        let lt = lb.type_by_id(lid).map_err(e)?;
        let tt = tb.type_by_id(tid).map_err(e)?;
        let composite = |k: Kind| matches!(k, Kind::Struct | Kind::Union);
        if composite(lt.kind()) && composite(tt.kind()) {
            return Ok(true);
        }
        if is_enum(lt.kind()) && is_enum(tt.kind())
            || lt.kind() == Kind::Fwd && tt.kind() == Kind::Fwd
        {
            let ln = essential_name(lb.string(lt.name_off).map_err(e)?);
            let tn = essential_name(tb.string(tt.name_off).map_err(e)?);
            return Ok(ln.is_empty() || tn.is_empty() || ln == tn);
        }
        if lt.kind() != tt.kind() {
            return Ok(false);
        }
        match (&lt.data, &tt.data) {
            (TypeData::Ptr { .. }, _) | (TypeData::Float { .. }, _) => return Ok(true),
            (TypeData::Int { offset: lo, .. }, TypeData::Int { offset: to, .. }) => {
                return Ok(*lo == 0 && *to == 0);
            }
            (TypeData::Array { elem: l, .. }, TypeData::Array { elem: t, .. }) => {
                (lid, tid) = (*l, *t);
            }
            _ => return Ok(false),
        }
    }
    Err("field comparison nests too deeply".into())
}

/// Finds the member `local` names inside target composite `targ_id`,
/// descending into anonymous members. Returns the member's type.
fn match_member(
    lb: &Btf,
    local: &Acc,
    tb: &Btf,
    targ_id: u32,
    spec: &mut Spec,
    depth: u32,
    budget: &mut u32,
) -> Result<Option<u32>, String> {
    if depth > MAX_DEPTH {
        return Err("anonymous members nest too deeply".into());
    }
    let local_member = members(lb, local.type_id)
        .and_then(|m| m.get(local.idx as usize))
        .ok_or("bad local member accessor")?;
    let local_name = local.name.as_deref().unwrap_or("");
    let targ_id = tb.resolve(targ_id).map_err(e)?;
    let Some(tm) = members(tb, targ_id) else {
        return Ok(None);
    };
    for (i, m) in tm.iter().enumerate() {
        spend(budget)?;
        if spec.raw.len() == SPEC_MAX_LEN {
            return Err("access path is too long".into());
        }
        spec.bit_offset = spec.bit_offset.saturating_add(u64::from(m.bit_offset));
        spec.raw.push(i as u32);
        let name = tb.string(m.name_off).map_err(e)?;
        if name.is_empty() {
            if let Some(found) = match_member(lb, local, tb, m.ty, spec, depth + 1, budget)? {
                return Ok(Some(found));
            }
        } else if name == local_name {
            if !fields_are_compat(lb, local_member.ty, tb, m.ty)? {
                return Ok(None);
            }
            spec.acc.push(Acc {
                type_id: targ_id,
                idx: i as u32,
                name: Some(name.to_string()),
            });
            return Ok(Some(m.ty));
        }
        spec.bit_offset = spec.bit_offset.saturating_sub(u64::from(m.bit_offset));
        spec.raw.pop();
    }
    Ok(None)
}

/// libbpf's `bpf_core_spec_match`: the target spec of candidate `targ_id`.
fn spec_match(
    local: &Spec,
    lb: &Btf,
    kind: CoreKind,
    tb: &Btf,
    targ_id: u32,
) -> Result<Option<Spec>, String> {
    let mut spec = Spec::new(targ_id);
    let mut budget = COMPARE_BUDGET;
    if kind == CoreKind::TypeMatches {
        let matched = types_match(lb, local.root, tb, targ_id, false, MAX_DEPTH, &mut budget)?;
        return Ok(matched.then_some(spec));
    }
    if kind.is_type() {
        return Ok(types_are_compat(lb, local.root, tb, targ_id, &mut budget)?.then_some(spec));
    }
    let first = local.acc.first().ok_or("empty access path")?;
    if kind.is_enumval() {
        let id = tb.resolve(targ_id).map_err(e)?;
        let values = match &tb.type_by_id(id).map_err(e)?.data {
            TypeData::Enum { values, .. } | TypeData::Enum64 { values, .. } => values,
            _ => return Ok(None),
        };
        let want = essential_name(first.name.as_deref().unwrap_or(""));
        for (i, v) in values.iter().enumerate() {
            let name = tb.string(v.name_off).map_err(e)?;
            if essential_name(name) == want {
                spec.acc.push(Acc {
                    type_id: id,
                    idx: i as u32,
                    name: Some(name.to_string()),
                });
                spec.raw.push(i as u32);
                return Ok(Some(spec));
            }
        }
        return Ok(None);
    }
    let mut tid = targ_id;
    for (i, acc) in local.acc.iter().enumerate() {
        tid = tb.resolve(tid).map_err(e)?;
        if acc.name.is_some() {
            match match_member(lb, acc, tb, tid, &mut spec, 0, &mut budget)? {
                Some(next) => tid = next,
                None => return Ok(None),
            }
        } else {
            if i > 0 {
                let TypeData::Array { elem, nelems, .. } = tb.type_by_id(tid).map_err(e)?.data
                else {
                    return Ok(None);
                };
                let flex = is_flex_arr(tb, spec.acc.last(), nelems);
                if !flex && acc.idx >= nelems {
                    return Ok(None);
                }
                tid = tb.resolve(elem).map_err(e)?;
            }
            if spec.raw.len() == SPEC_MAX_LEN {
                return Err("access path is too long".into());
            }
            spec.acc.push(Acc {
                type_id: tid,
                idx: acc.idx,
                name: None,
            });
            spec.raw.push(acc.idx);
            let sz = size(tb, tid)?;
            spec.bit_offset = spec
                .bit_offset
                .saturating_add(u64::from(acc.idx).saturating_mul(sz).saturating_mul(8));
        }
    }
    Ok(Some(spec))
}

/// A value computed from one spec, or a request to poison.
enum Calc {
    Val {
        val: u64,
        sz: u32,
        /// The field type, for size adjustments.
        ty: u32,
        validate: bool,
    },
    Poison,
}

fn calc_field(btf: &Btf, spec: Option<&Spec>, kind: CoreKind) -> Result<Calc, String> {
    let val = |val: u64, validate: bool| Calc::Val {
        val,
        sz: 0,
        ty: 0,
        validate,
    };
    if kind == CoreKind::FieldExists {
        return Ok(val(u64::from(spec.is_some()), true));
    }
    let Some(spec) = spec else {
        return Ok(Calc::Poison);
    };
    let acc = spec.acc.last().ok_or("empty access path")?;
    if acc.name.is_none() {
        let sz = size(btf, acc.type_id)?;
        return match kind {
            CoreKind::FieldByteOffset => Ok(Calc::Val {
                val: spec.bit_offset / 8,
                sz: sz as u32,
                ty: acc.type_id,
                validate: true,
            }),
            CoreKind::FieldByteSize => Ok(val(sz, true)),
            _ => Err(format!(
                "{} relocation can't be applied to an array access",
                kind.name()
            )),
        };
    }
    let member = members(btf, acc.type_id)
        .and_then(|m| m.get(acc.idx as usize))
        .copied()
        .ok_or("bad member accessor")?;
    let field_ty = btf.resolve(member.ty).map_err(e)?;
    let mt = &btf.type_by_id(field_ty).map_err(e)?.data;
    let bit_off = spec.bit_offset;
    let mut bit_sz = u64::from(member.bitfield_size);
    let bitfield = bit_sz > 0;
    let (byte_off, byte_sz);
    if bitfield {
        let mut sz = u64::from(mt.size().unwrap_or(0));
        if sz == 0 {
            return Err("bitfield of a sizeless type".into());
        }
        let mut off = bit_off / 8 / sz * sz;
        while bit_off.saturating_add(bit_sz) - off * 8 > sz * 8 {
            if sz >= 8 {
                return Err("bitfield can't be read with a 64-bit load".into());
            }
            sz *= 2;
            off = bit_off / 8 / sz * sz;
        }
        (byte_off, byte_sz) = (off, sz);
    } else {
        byte_sz = size(btf, field_ty)?;
        byte_off = bit_off / 8;
        bit_sz = byte_sz.saturating_mul(8);
    }
    let validate = !bitfield;
    Ok(match kind {
        CoreKind::FieldByteOffset => {
            let (mut sz, mut ty) = (0, 0);
            if !bitfield {
                let mut elem = field_ty;
                for _ in 0..MAX_DEPTH {
                    match btf.type_by_id(elem).map_err(e)?.data {
                        TypeData::Array { elem: next, .. } => {
                            elem = btf.resolve(next).map_err(e)?
                        }
                        _ => break,
                    }
                }
                sz = size(btf, elem)? as u32;
                ty = field_ty;
            }
            Calc::Val {
                val: byte_off,
                sz,
                ty,
                validate,
            }
        }
        CoreKind::FieldByteSize => val(byte_sz, validate),
        CoreKind::FieldSigned => {
            let signed = match mt {
                TypeData::Int { encoding, .. } => encoding.signed,
                TypeData::Enum { signed, .. } | TypeData::Enum64 { signed, .. } => *signed,
                _ => false,
            };
            val(u64::from(signed), true)
        }
        CoreKind::FieldLshiftU64 => val(
            64u64.wrapping_sub(bit_off.wrapping_add(bit_sz).wrapping_sub(byte_off * 8)),
            validate,
        ),
        CoreKind::FieldRshiftU64 => val(64u64.wrapping_sub(bit_sz), true),
        _ => return Err(format!("unsupported field relocation {}", kind.name())),
    })
}

fn calc_type(btf: &Btf, spec: Option<&Spec>, kind: CoreKind) -> Result<u64, String> {
    let Some(spec) = spec else { return Ok(0) };
    Ok(match kind {
        CoreKind::TypeIdLocal | CoreKind::TypeIdTarget => u64::from(spec.root),
        CoreKind::TypeExists | CoreKind::TypeMatches => 1,
        CoreKind::TypeSize => size(btf, spec.root)?,
        _ => return Err(format!("unsupported type relocation {}", kind.name())),
    })
}

fn calc_enumval(btf: &Btf, spec: Option<&Spec>, kind: CoreKind) -> Result<Option<u64>, String> {
    match kind {
        CoreKind::EnumvalExists => Ok(Some(u64::from(spec.is_some()))),
        _ => {
            let Some(spec) = spec else { return Ok(None) };
            let acc = spec.acc.first().ok_or("empty access path")?;
            Ok(match &btf.type_by_id(acc.type_id).map_err(e)?.data {
                // 32-bit enumerators are signed in libbpf (`__s32 val`).
                TypeData::Enum { values, .. } => values
                    .get(acc.idx as usize)
                    .map(|v| v.val as u32 as i32 as i64 as u64),
                TypeData::Enum64 { values, .. } => values.get(acc.idx as usize).map(|v| v.val),
                _ => None,
            })
        }
    }
}

/// libbpf's `bpf_core_calc_relo`.
fn calc_relo(
    lb: &Btf,
    local: &Spec,
    tb: &Btf,
    targ: Option<&Spec>,
    kind: CoreKind,
) -> Result<CoreRes, String> {
    let mut res = CoreRes {
        validate: true,
        ..CoreRes::default()
    };
    if kind.is_field() {
        let Calc::Val {
            val,
            sz,
            ty,
            validate,
        } = calc_field(lb, Some(local), kind)?
        else {
            return Err("local field does not resolve".into());
        };
        res.orig_val = val;
        res.orig_sz = sz;
        res.validate = validate;
        match calc_field(tb, targ, kind)? {
            Calc::Poison => res.poison = true,
            Calc::Val {
                val,
                sz,
                ty: new_ty,
                ..
            } => {
                res.new_val = val;
                res.new_sz = sz;
                if res.orig_sz != res.new_sz {
                    let lt = &lb.type_by_id(ty).map_err(e)?.data;
                    let tt = &tb.type_by_id(new_ty).map_err(e)?.data;
                    let ok = match (lt, tt) {
                        (TypeData::Ptr { .. }, TypeData::Ptr { .. }) => true,
                        (TypeData::Int { encoding: a, .. }, TypeData::Int { encoding: b, .. }) => {
                            !a.signed && !b.signed
                        }
                        _ => false,
                    };
                    res.fail_memsz_adjust = !ok;
                }
            }
        }
    } else if kind.is_type() {
        res.orig_val = calc_type(lb, Some(local), kind)?;
        res.new_val = calc_type(tb, targ, kind)?;
    } else {
        res.orig_val =
            calc_enumval(lb, Some(local), kind)?.ok_or("local enumerator does not resolve")?;
        match calc_enumval(tb, targ, kind)? {
            Some(v) => res.new_val = v,
            None => res.poison = true,
        }
    }
    Ok(res)
}

/// Resolves CO-RE relocations of one program BTF against a target.
pub(crate) struct Relocator<'b> {
    local: &'b Btf,
    target: Option<&'b Arc<Btf>>,
}

impl<'b> Relocator<'b> {
    /// Relocates against `target`, or against `local` itself when `None`.
    pub fn new(local: &'b Btf, target: Option<&'b Arc<Btf>>) -> Relocator<'b> {
        Relocator { local, target }
    }

    fn candidates(&mut self, local_id: u32) -> Result<Vec<u32>, String> {
        let Some(tb) = self.target else {
            return Ok(vec![local_id]);
        };
        let lt = self.local.type_by_id(local_id).map_err(e)?;
        let name = self.local.string(lt.name_off).map_err(e)?;
        if name.is_empty() {
            return Err(format!(
                "relocation against anonymous type [{local_id}] is not supported"
            ));
        }
        let lk = lt.kind();
        Ok(tb
            .find_by_essential_name(essential_name(name))
            .into_iter()
            .filter(|&id| tb.type_by_id(id).is_ok_and(|t| kinds_compat(t.kind(), lk)))
            .collect())
    }

    /// A relocation as libbpf's `bpf_core_format_spec` prints its local
    /// spec: `<byte_off> [77] struct inet_sock.freebind (0:14 @ offset 792.2)`
    /// (the text of libbpf's "failed to resolve CO-RE relocation" line).
    pub fn describe(&self, relo: &CoreRelo) -> String {
        let kind = CoreKind::from_u32(relo.kind);
        let kind_name = kind.map_or("?", CoreKind::name);
        let ty = self.local.type_by_id(relo.type_id).ok();
        let kname = ty.map_or("?", |t| t.kind().name()).to_lowercase();
        let name = match self.local.name(relo.type_id).unwrap_or("?") {
            "" => "<anon>",
            n => n,
        };
        let access = self.local.string(relo.access_str_off).unwrap_or("?");
        let mut out = format!("<{kind_name}> [{}] {kname} {name}", relo.type_id);
        let Some(kind) = kind.filter(|k| !k.is_type()) else {
            return out;
        };
        let Ok(spec) = parse_spec(self.local, relo.type_id, access, kind) else {
            return format!("{out} ({access})");
        };
        if kind.is_enumval() {
            let val = self
                .local
                .resolve(relo.type_id)
                .ok()
                .and_then(|id| match &self.local.type_by_id(id).ok()?.data {
                    TypeData::Enum { values, .. } | TypeData::Enum64 { values, .. } => {
                        values.get(spec.raw[0] as usize).map(|v| v.val)
                    }
                    _ => None,
                })
                .unwrap_or(0);
            let vname = spec.acc[0].name.as_deref().unwrap_or("?");
            return format!("{out}::{vname} = {val}");
        }
        for (i, a) in spec.acc.iter().enumerate() {
            match &a.name {
                Some(n) => out += &format!(".{n}"),
                None if i > 0 || a.idx > 0 => out += &format!("[{}]", a.idx),
                None => {}
            }
        }
        let raw: Vec<String> = spec.raw.iter().map(u32::to_string).collect();
        let (bytes, bits) = (spec.bit_offset / 8, spec.bit_offset % 8);
        if bits != 0 {
            out += &format!(" ({} @ offset {bytes}.{bits})", raw.join(":"));
        } else {
            out += &format!(" ({} @ offset {bytes})", raw.join(":"));
        }
        out
    }

    /// Computes the relocation's values.
    pub fn calc(&mut self, relo: &CoreRelo) -> Result<CoreRes, String> {
        let kind = CoreKind::from_u32(relo.kind)
            .ok_or_else(|| format!("unrecognized CO-RE relocation kind {}", relo.kind))?;
        let lb = self.local;
        lb.type_by_id(relo.type_id).map_err(e)?;
        if relo.type_id == 0 {
            return Err("relocation against void".into());
        }
        let access = lb.string(relo.access_str_off).map_err(e)?;
        let local = parse_spec(lb, relo.type_id, access, kind)?;
        if kind == CoreKind::TypeIdLocal {
            return Ok(CoreRes {
                orig_val: u64::from(local.root),
                new_val: u64::from(local.root),
                ..CoreRes::default()
            });
        }
        let tb = self.target.map_or(lb, |t| &**t);
        let mut found: Option<(CoreRes, u64)> = None;
        for cand in self.candidates(relo.type_id)? {
            let Some(spec) = spec_match(&local, lb, kind, tb, cand)? else {
                continue;
            };
            let res = calc_relo(lb, &local, tb, Some(&spec), kind)?;
            match &found {
                None => found = Some((res, spec.bit_offset)),
                Some((prev, bits)) => {
                    if *bits != spec.bit_offset {
                        return Err(format!(
                            "field offset ambiguity: {} != {}",
                            bits / 8,
                            spec.bit_offset / 8
                        ));
                    }
                    if prev.poison != res.poison || (!res.poison && prev.new_val != res.new_val) {
                        return Err(format!(
                            "relocation decision ambiguity: {} != {}",
                            prev.new_val, res.new_val
                        ));
                    }
                }
            }
        }
        match found {
            Some((res, _)) => Ok(res),
            None => calc_relo(lb, &local, tb, None, kind),
        }
    }
}

fn poison_insn(insn: &mut RawInsn) {
    *insn = RawInsn::new(0x85, 0, 0, 0, POISON_HELPER);
}

/// Patches instruction `idx` of `insns` with `res` (libbpf's
/// `bpf_core_patch_insn`). Returns why it was poisoned, if it was.
pub(crate) fn patch(
    insns: &mut [RawInsn],
    idx: usize,
    res: &CoreRes,
) -> Result<Option<&'static str>, String> {
    let Some(insn) = insns.get(idx).copied() else {
        return Err(format!("instruction #{idx} is outside the section"));
    };
    let ldimm64 = insn.code == 0x18;
    let poison = |insns: &mut [RawInsn]| {
        if ldimm64 && let Some(next) = insns.get_mut(idx + 1) {
            poison_insn(next);
        }
        poison_insn(&mut insns[idx]);
    };
    if res.poison {
        poison(insns);
        return Ok(Some("CO-RE relocation has no match in the target BTF"));
    }
    let (orig, new) = (res.orig_val, res.new_val);
    match insn.code & 0x07 {
        0x04 | 0x07 => {
            if insn.code & 0x08 != 0 {
                return Err(format!("unexpected insn #{idx} (ALU with register source)"));
            }
            if res.validate && insn.imm as i64 as u64 != orig && insn.imm as u32 as u64 != orig {
                return Err(format!(
                    "unexpected insn #{idx} (ALU/ALU64) value: got {}, exp {orig} -> {new}",
                    insn.imm
                ));
            }
            insns[idx].imm = new as u32 as i32;
        }
        0x01..=0x03 => {
            if res.validate && insn.off as i64 as u64 != orig {
                return Err(format!(
                    "unexpected insn #{idx} (LDX/ST/STX) value: got {}, exp {orig} -> {new}",
                    insn.off
                ));
            }
            if new > i16::MAX as u64 {
                return Err(format!("insn #{idx} (LDX/ST/STX) value too big: {new}"));
            }
            if res.fail_memsz_adjust {
                poison(insns);
                return Ok(Some(
                    "CO-RE relocation changes the field size in a way the access cannot follow",
                ));
            }
            insns[idx].off = new as i16;
            if res.new_sz != res.orig_sz {
                let bytes = [4u32, 2, 1, 8][((insn.code >> 3) & 3) as usize];
                if bytes != res.orig_sz {
                    return Err(format!(
                        "insn #{idx} unexpected mem size: got {bytes}, exp {}",
                        res.orig_sz
                    ));
                }
                let bits = match res.new_sz {
                    4 => 0x00,
                    2 => 0x08,
                    1 => 0x10,
                    8 => 0x18,
                    n => return Err(format!("insn #{idx} invalid new mem size: {n}")),
                };
                insns[idx].code = (insn.code & !0x18) | bits;
            }
        }
        0x00 if ldimm64 && insn.src == 0 && insn.off == 0 => {
            let Some(next) = insns.get(idx + 1).copied() else {
                return Err(format!("insn #{idx} is a truncated LD_IMM64"));
            };
            let imm = u64::from(insn.imm as u32) | (u64::from(next.imm as u32) << 32);
            if res.validate && imm != orig {
                return Err(format!(
                    "unexpected insn #{idx} (LDIMM64) value: got {imm}, exp {orig} -> {new}"
                ));
            }
            insns[idx].imm = new as u32 as i32;
            insns[idx + 1].imm = (new >> 32) as u32 as i32;
        }
        _ => {
            return Err(format!(
                "insn #{idx} has an unexpected class for a CO-RE relocation (code {:#04x})",
                insn.code
            ));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patches_each_class() {
        let res = CoreRes {
            orig_val: 8,
            new_val: 16,
            orig_sz: 4,
            new_sz: 8,
            validate: true,
            ..CoreRes::default()
        };
        // r0 = *(u32 *)(r1 + 8)
        let mut insns = vec![RawInsn::new(0x61, 0, 1, 8, 0)];
        assert_eq!(patch(&mut insns, 0, &res), Ok(None));
        assert_eq!(insns[0], RawInsn::new(0x79, 0, 1, 16, 0));
        // r1 += 8
        let mut insns = vec![RawInsn::new(0x07, 1, 0, 0, 8)];
        patch(&mut insns, 0, &res).unwrap();
        assert_eq!(insns[0].imm, 16);
        // r1 = 8 ll
        let mut insns = vec![RawInsn::new(0x18, 1, 0, 0, 8), RawInsn::default()];
        patch(&mut insns, 0, &res).unwrap();
        assert_eq!((insns[0].imm, insns[1].imm), (16, 0));
        // mismatch
        let mut insns = vec![RawInsn::new(0x07, 1, 0, 0, 9)];
        assert!(patch(&mut insns, 0, &res).is_err());
        // poison
        let mut insns = vec![RawInsn::new(0x18, 1, 0, 0, 8), RawInsn::default()];
        let res = CoreRes {
            poison: true,
            ..CoreRes::default()
        };
        assert!(patch(&mut insns, 0, &res).unwrap().is_some());
        assert_eq!(insns[0].imm, POISON_HELPER);
        assert_eq!(insns[1].imm, POISON_HELPER);
        assert!(patch(&mut insns, 5, &res).is_err());
    }
}
