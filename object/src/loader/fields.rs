//! Special fields of program-BTF types: locks, graph roots and nodes,
//! refcounts, timers, work items and kptrs, found the way the kernel's
//! `btf_parse_fields()` finds them.
//!
//! A field is a member whose type (through typedefs and modifiers) is one of
//! the kernel's special structs (`struct bpf_spin_lock`, ...), or a pointer
//! whose pointee carries the type tag `kptr` / `kptr_untrusted` /
//! `percpu_kptr` / `uptr`. Members that are structs or unions are searched
//! recursively, and arrays are expanded element by element, so fields
//! nested in sub-structs and arrays are found at their absolute offsets. Graph roots get their
//! `contains:TYPE:FIELD` declaration tag resolved to the program-BTF id of
//! `TYPE` and the offset of `FIELD` in it.
//!
//! A kptr's pointee is a kernel type when the target BTF has a struct of
//! that name (without a target: when a registry kfunc takes or returns it),
//! and is then named by the verifier's kernel type id; otherwise it is a
//! program type allocated with `bpf_obj_new`, named by its program-BTF id
//! (a uptr's pointee, user memory, is always the latter).

use crate::btf::{Btf, Kind, TypeData};
use crate::program::{Field, FieldKind, ObjType};
use std::collections::{HashMap, HashSet};

/// How deep structs may nest before the search gives up.
const MAX_DEPTH: u32 = 16;
/// At most this many array elements are expanded.
const MAX_ARRAY_ELEMS: u32 = 1024;
/// At most this many fields per type.
const MAX_FIELDS: usize = 4096;

/// Finds special fields in one program BTF, caching per struct.
pub(crate) struct FieldFinder<'b> {
    btf: &'b Btf,
    /// Declaration tags by (tagged type, component index).
    tags: HashMap<(u32, i32), Vec<String>>,
    /// Whether a struct name is a kernel type (kptrs to it are kernel kptrs).
    kernel: Box<dyn Fn(&str) -> bool + 'b>,
    /// Fields of structs, relative to the struct; `None` while being computed.
    cache: HashMap<u32, Option<Vec<Field>>>,
    /// Problems that do not stop loading (the verifier reports their effects).
    pub warnings: Vec<String>,
}

impl<'b> FieldFinder<'b> {
    /// A finder over `btf`; `kernel` tells which struct names are kernel types.
    pub fn new(btf: &'b Btf, kernel: Box<dyn Fn(&str) -> bool + 'b>) -> FieldFinder<'b> {
        let mut tags: HashMap<(u32, i32), Vec<String>> = HashMap::new();
        for (_, t) in btf.types() {
            if let TypeData::DeclTag { ty, component_idx } = t.data
                && let Ok(name) = btf.string(t.name_off)
            {
                tags.entry((ty, component_idx))
                    .or_default()
                    .push(name.to_string());
            }
        }
        FieldFinder {
            btf,
            tags,
            kernel,
            cache: HashMap::new(),
            warnings: Vec::new(),
        }
    }

    /// The declaration tags on `ty` (component `-1`) or on its member `idx`.
    pub fn tags(&self, ty: u32, component: i32) -> &[String] {
        self.tags.get(&(ty, component)).map_or(&[], Vec::as_slice)
    }

    /// Resolves the `contains:TYPE:FIELD` tag among `tags`.
    fn contains(&mut self, tags: &[String]) -> Option<(u32, u32)> {
        let tag = tags.iter().find_map(|t| t.strip_prefix("contains:"))?;
        let Some((ty_name, field)) = tag.split_once(':') else {
            self.warnings
                .push(format!("malformed contains tag 'contains:{tag}'"));
            return None;
        };
        let Some(ty) = self.btf.find(ty_name, Kind::Struct) else {
            self.warnings.push(format!(
                "contains tag names struct {ty_name}, which is not in the program BTF"
            ));
            return None;
        };
        let off = match &self.btf.type_by_id(ty).ok()?.data {
            TypeData::Struct { members, .. } => members
                .iter()
                .find(|m| self.btf.string(m.name_off) == Ok(field))
                .map(|m| m.bit_offset / 8),
            _ => None,
        };
        match off {
            Some(off) => Some((ty, off)),
            None => {
                self.warnings.push(format!(
                    "contains tag names {ty_name}.{field}, which does not exist"
                ));
                None
            }
        }
    }

    /// The name of the struct the member of struct `ty` at byte `off` is.
    fn member_type_at(&self, ty: u32, off: u32) -> Option<&str> {
        let TypeData::Struct { members, .. } = &self.btf.type_by_id(ty).ok()?.data else {
            return None;
        };
        let m = members.iter().find(|m| m.bit_offset / 8 == off)?;
        let t = self.btf.type_by_id(self.btf.resolve(m.ty).ok()?).ok()?;
        self.btf.string(t.name_off).ok()
    }

    /// The kptr or uptr field a pointer to `pointee` makes, if it is one:
    /// the tag must sit right under the pointer, as the kernel requires.
    fn kptr(&self, pointee: u32) -> Option<(FieldKind, (u32, bool))> {
        let t = self.btf.type_by_id(pointee).ok()?;
        let TypeData::TypeTag { ty } = t.data else {
            return None;
        };
        let kind = FieldKind::of_type_tag(self.btf.string(t.name_off).ok()?)?;
        let target = self.btf.resolve(ty).ok()?;
        if self.btf.type_by_id(target).ok()?.kind() != Kind::Struct {
            return None;
        }
        let name = self.btf.name(target).ok()?;
        let is_kernel = kind != FieldKind::Uptr && !name.is_empty() && (self.kernel)(name);
        let id = if is_kernel {
            kernel_type_id(name)
        } else {
            target
        };
        Some((kind, (id, !is_kernel)))
    }

    /// Fields of a value of type `ty` placed at `base`; `contains` is the
    /// resolved `contains` tag of the place (for graph roots).
    fn fields_at(
        &mut self,
        ty: u32,
        base: u32,
        contains: Option<(u32, u32)>,
        depth: u32,
        out: &mut Vec<Field>,
    ) {
        if depth > MAX_DEPTH || out.len() >= MAX_FIELDS {
            return;
        }
        let Ok(id) = self.btf.resolve(ty) else { return };
        let Ok(t) = self.btf.type_by_id(id) else {
            return;
        };
        match &t.data {
            TypeData::Struct { .. } | TypeData::Union { .. } => {
                let name = self.btf.string(t.name_off).unwrap_or("");
                if let Some(kind) = FieldKind::of_struct(name) {
                    // Of another size or at another place, the struct is
                    // ignored, nested fields and all (`btf_find_struct`).
                    if t.data.size() != Some(kind.size()) || !base.is_multiple_of(kind.align()) {
                        return;
                    }
                    // A root's contained field must be its kind of node
                    // (`__btf_parse_graph_root`); otherwise the record is
                    // broken as when the tag does not resolve.
                    let node = match kind {
                        FieldKind::ListHead => Some("bpf_list_node"),
                        FieldKind::RbRoot => Some("bpf_rb_node"),
                        _ => None,
                    };
                    let contains = node.and_then(|node| {
                        contains.filter(|&(cty, coff)| self.member_type_at(cty, coff) == Some(node))
                    });
                    out.push(Field {
                        kind,
                        off: base,
                        contains,
                        kptr: None,
                    });
                    return;
                }
                for f in self.struct_fields(id, depth) {
                    if out.len() >= MAX_FIELDS {
                        break;
                    }
                    out.push(Field {
                        off: f.off.saturating_add(base),
                        ..f
                    });
                }
            }
            TypeData::Ptr { ty } => {
                if let Some((kind, kptr)) = self.kptr(*ty) {
                    out.push(Field {
                        kind,
                        off: base,
                        contains: None,
                        kptr: Some(kptr),
                    });
                }
            }
            TypeData::Array { elem, nelems, .. } => {
                let (elem, nelems) = (*elem, *nelems);
                let Ok(Some(size)) = self.btf.size_of(elem) else {
                    return;
                };
                let mut one = Vec::new();
                self.fields_at(elem, 0, contains, depth + 1, &mut one);
                if one.is_empty() || size == 0 {
                    return;
                }
                for i in 0..nelems.min(MAX_ARRAY_ELEMS) {
                    let Some(at) = u64::from(i)
                        .checked_mul(size)
                        .and_then(|o| o.checked_add(u64::from(base)))
                    else {
                        return;
                    };
                    let Ok(at) = u32::try_from(at) else { return };
                    for f in &one {
                        if out.len() >= MAX_FIELDS {
                            return;
                        }
                        out.push(Field {
                            off: f.off.saturating_add(at),
                            ..f.clone()
                        });
                    }
                }
            }
            _ => {}
        }
    }

    /// Fields of struct or union `id`, relative to its start.
    fn struct_fields(&mut self, id: u32, depth: u32) -> Vec<Field> {
        match self.cache.get(&id) {
            Some(Some(f)) => return f.clone(),
            // A struct containing itself (only in corrupt BTF).
            Some(None) => return Vec::new(),
            None => {}
        }
        self.cache.insert(id, None);
        let members = match self.btf.type_by_id(id).map(|t| &t.data) {
            Ok(TypeData::Struct { members, .. } | TypeData::Union { members, .. }) => {
                members.clone()
            }
            _ => Vec::new(),
        };
        let mut out = Vec::new();
        for (i, m) in members.iter().enumerate() {
            if m.bitfield_size != 0 || m.bit_offset % 8 != 0 {
                continue;
            }
            let tags = self.tags(id, i as i32).to_vec();
            let contains = self.contains(&tags);
            self.fields_at(m.ty, m.bit_offset / 8, contains, depth + 1, &mut out);
        }
        out.sort_by_key(|f| f.off);
        self.cache.insert(id, Some(out.clone()));
        out
    }

    /// The special fields of a value of type `ty`, by offset.
    pub fn fields_of(&mut self, ty: u32) -> Vec<Field> {
        let mut out = Vec::new();
        self.fields_at(ty, 0, None, 0, &mut out);
        out.sort_by_key(|f| f.off);
        out
    }

    /// An [`ObjType`] for every struct of the program BTF, by type id.
    pub fn all_structs(&mut self) -> HashMap<u32, ObjType> {
        let ids: Vec<(u32, String, u32)> = self
            .btf
            .types()
            .filter_map(|(id, t)| match t.data {
                TypeData::Struct { size, .. } => Some((
                    id,
                    self.btf.string(t.name_off).unwrap_or("").to_string(),
                    size,
                )),
                _ => None,
            })
            .collect();
        ids.into_iter()
            .map(|(id, name, size)| {
                let fields = self.struct_fields(id, 0);
                let mut pointers = Vec::new();
                // Nested members multiply: BTF whose structs hold many
                // structs (corrupt, or cyclic) would take exponential time.
                let mut budget = 1 << 16;
                self.pointers_at(id, 0, 0, &mut pointers, &mut budget);
                pointers.retain(|p| !fields.iter().any(|f| f.off == *p));
                (
                    id,
                    ObjType {
                        name,
                        size,
                        fields,
                        is_struct: true,
                        pointers,
                        scalars: self.btf.scalars(id),
                    },
                )
            })
            .collect()
    }

    /// The offsets of the pointers to anything but a struct in a value of
    /// type `ty` at `base`.
    /// At most `budget` types are visited.
    fn pointers_at(&self, ty: u32, base: u32, depth: u32, out: &mut Vec<u32>, budget: &mut u32) {
        const MAX_DEPTH: u32 = 8;
        const MAX_POINTERS: usize = 1024;
        if depth > MAX_DEPTH || out.len() >= MAX_POINTERS || *budget == 0 {
            return;
        }
        *budget -= 1;
        let Ok(id) = self.btf.resolve(ty) else {
            return;
        };
        match self.btf.type_by_id(id).map(|t| &t.data) {
            // A pointer to a struct walks to that struct, which a program
            // type's pointer may not: it loads as a number. Other pointers
            // (a forward declaration's too) are memory.
            Ok(&TypeData::Ptr { ty }) => {
                let to_struct = self
                    .btf
                    .resolve(ty)
                    .ok()
                    .and_then(|t| self.btf.type_by_id(t).ok());
                if !matches!(
                    to_struct.map(|t| &t.data),
                    Some(TypeData::Struct { .. } | TypeData::Union { .. })
                ) {
                    out.push(base);
                }
            }
            Ok(TypeData::Struct { members, .. } | TypeData::Union { members, .. }) => {
                for m in members {
                    // Offsets past 4 GiB only come from corrupt BTF.
                    let at = base.checked_add(m.bit_offset / 8);
                    if let (0, 0, Some(at)) = (m.bitfield_size, m.bit_offset % 8, at) {
                        self.pointers_at(m.ty, at, depth + 1, out, budget);
                    }
                }
            }
            Ok(&TypeData::Array { elem, nelems, .. }) => {
                let size = self.btf.size_of(elem).ok().flatten().unwrap_or(0);
                for i in 0..nelems.min(64) {
                    let at = u32::try_from(size * u64::from(i))
                        .ok()
                        .and_then(|o| base.checked_add(o));
                    let Some(at) = at else { break };
                    self.pointers_at(elem, at, depth + 1, out, budget);
                }
            }
            _ => {}
        }
    }

    /// The [`ObjType`] of a global data section: its variables (`(VAR id,
    /// offset)`) and the fields in them, with `contains` tags on the variables.
    pub fn datasec(&mut self, name: &str, size: u32, vars: &[(u32, u32)]) -> ObjType {
        let mut fields = Vec::new();
        for &(var, off) in vars {
            let Ok(TypeData::Var { ty, .. }) = self.btf.type_by_id(var).map(|t| &t.data) else {
                continue;
            };
            let ty = *ty;
            let tags = self.tags(var, -1).to_vec();
            let contains = self.contains(&tags);
            self.fields_at(ty, off, contains, 0, &mut fields);
        }
        fields.sort_by_key(|f| f.off);
        ObjType {
            name: name.to_string(),
            size,
            fields: map_record(fields),
            is_struct: false,
            pointers: Vec::new(),
            scalars: crate::btf::Scalars::Other,
        }
    }
}

/// How many special fields the kernel records for one value (`BTF_FIELDS_MAX`).
const BTF_FIELDS_MAX: usize = 11;

/// The special fields a map gets from its value's `fields`: none at all when
/// the kernel's `btf_parse_fields()` fails on them, for `map_check_btf()`
/// creates the map anyway, with no record, and its locks, timers and kptrs
/// are then no longer valid. It fails on more than `BTF_FIELDS_MAX` fields
/// (nodes are no map fields), on a second lock (plain or resilient, in any
/// mix), timer, work item or refcount, on a graph root whose `contains` tag did not resolve (or names
/// a member that is not its kind of node), and on a graph root without a
/// lock.
pub(crate) fn map_record(fields: Vec<Field>) -> Vec<Field> {
    let count = |kinds: &[FieldKind]| fields.iter().filter(|f| kinds.contains(&f.kind)).count();
    let roots = count(&[FieldKind::ListHead, FieldKind::RbRoot]);
    let broken = count(&[FieldKind::ListNode, FieldKind::RbNode]) + BTF_FIELDS_MAX < fields.len()
        || [FieldKind::Timer, FieldKind::Wq, FieldKind::Refcount]
            .iter()
            .any(|k| count(&[*k]) > 1)
        || count(&[FieldKind::SpinLock, FieldKind::ResSpinLock]) > 1
        || fields.iter().any(|f| {
            matches!(f.kind, FieldKind::ListHead | FieldKind::RbRoot) && f.contains.is_none()
        })
        || roots > 0 && count(&[FieldKind::SpinLock, FieldKind::ResSpinLock]) == 0;
    if broken { Vec::new() } else { fields }
}

/// The verifier's id for kernel struct `name` (see `kernel_types`), without
/// leaking a string for names it already knows.
pub(crate) fn kernel_type_id(name: &str) -> u32 {
    let mut i = 1;
    loop {
        match crate::kernel_types::name(i) {
            "?" => break,
            n if n == name => return i,
            _ => i += 1,
        }
    }
    crate::kernel_types::id(Box::leak(name.to_string().into_boxed_str()))
}

/// The struct names the registry's kfuncs take or return (kernel types).
pub(crate) fn registry_structs(reg: &kfreg::Registry) -> HashSet<&'static str> {
    let mut out = HashSet::new();
    for (_, k) in reg.iter() {
        for ty in k
            .params
            .iter()
            .map(|p| &p.ty)
            .chain(std::iter::once(&k.ret_ty))
        {
            if let Some(name) = ty.struct_name() {
                out.insert(name);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::btf::Kind;
    use crate::btf::builder::Builder;

    /// Eight levels of unions of twelve members each (all at offset 0, so
    /// sizes stay small), under one struct, hold 12^8 members: looking for
    /// pointers in them must not visit every one (2 s without the bound).
    #[test]
    fn nested_members_are_searched_for_pointers_in_bounded_time() {
        let mut b = Builder::new();
        b.int("int", 4, 32, true); // 1
        for level in 0..8u32 {
            // Type 2 + level: twelve members of the type before it.
            b.head(&format!("u{level}"), Kind::Union, 12, false, 4);
            for m in 0..12 {
                let name = b.str(&format!("m{m}"));
                b.word(name);
                b.word(1 + level);
                b.word(0);
            }
        }
        b.head("outer", Kind::Struct, 1, false, 4); // 10
        let name = b.str("u");
        b.word(name);
        b.word(9);
        b.word(0);
        let btf = Btf::parse(&b.build()).expect("valid BTF");
        let structs = FieldFinder::new(&btf, Box::new(|_| false)).all_structs();
        let outer = structs.get(&10).expect("the struct");
        assert_eq!(outer.name, "outer");
        assert!(outer.pointers.is_empty());
    }
}
