//! Special fields of program-BTF types, as the verifier sees them: the
//! kernel's parse of each value ([`crate::btf::record`]) with kptrs'
//! structs named.
//!
//! A map's value and a global data section get the fields the kernel
//! records when it creates the map; a struct, those it records for an
//! object `bpf_obj_new` allocates. Where the kernel's parse fails, the value
//! has no fields at all: the kernel then creates the map without a record,
//! and its locks, timers and kptrs are no longer valid.
//!
//! A kptr's pointee is a kernel type when the target BTF has a struct of
//! that name (without a target: when a registry kfunc takes or returns it),
//! and is then named by the verifier's kernel type id; otherwise it is a
//! program type allocated with `bpf_obj_new`, named by its program-BTF id
//! (a uptr's pointee, user memory, is always the latter).

use crate::btf::record::{Found, Mask, Parser, Value};
use crate::btf::{Btf, TypeData};
use crate::program::{Field, FieldKind, ObjType};
use std::collections::{HashMap, HashSet};

/// Finds special fields in one program BTF.
pub(crate) struct FieldFinder<'b> {
    btf: &'b Btf,
    /// Whether a struct name is a kernel type (kptrs to it are kernel kptrs).
    kernel: Box<dyn Fn(&str) -> bool + 'b>,
    /// Values whose fields the kernel would not record, and why.
    pub warnings: Vec<String>,
}

impl<'b> FieldFinder<'b> {
    /// A finder over `btf`; `kernel` tells which struct names are kernel types.
    pub fn new(btf: &'b Btf, kernel: Box<dyn Fn(&str) -> bool + 'b>) -> FieldFinder<'b> {
        FieldFinder {
            btf,
            kernel,
            warnings: Vec::new(),
        }
    }

    /// The fields the kernel records for `value` of `size` bytes under
    /// `mask`; none when its parse fails, which `what` names in a warning
    /// (`None`: no warning).
    fn record(
        &mut self,
        value: Value<'_>,
        size: u32,
        mask: Mask,
        what: Option<&str>,
    ) -> Vec<Field> {
        let parser = Parser {
            btf: self.btf,
            mask,
        };
        match parser.parse(value, size) {
            Ok(found) => found.into_iter().map(|f| self.field(f)).collect(),
            Err(f) => {
                if let Some(what) = what {
                    self.warnings.push(format!(
                        "{what}: the kernel records no special field ({})",
                        f.why
                    ));
                }
                Vec::new()
            }
        }
    }

    /// The verifier's view of a field the parse found: its kptr's struct
    /// named.
    fn field(&self, found: Found) -> Field {
        let kptr = found.pointee.map(|to| {
            let name = self.btf.name(to).unwrap_or("");
            if found.kind != FieldKind::Uptr && !name.is_empty() && (self.kernel)(name) {
                (kernel_type_id(name), false)
            } else {
                (to, true)
            }
        });
        Field {
            kind: found.kind,
            off: found.off,
            contains: found.contains,
            kptr,
        }
    }

    /// The special fields of map `map`'s value of type `ty`, `size` bytes,
    /// by offset.
    pub fn map_value(&mut self, map: &str, ty: u32, size: u32) -> Vec<Field> {
        let Ok(ty) = self.btf.resolve(ty) else {
            return Vec::new();
        };
        let what = format!("map '{map}'");
        self.record(Value::Struct(ty), size, Mask::MapValue, Some(&what))
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
                let fields = self.record(Value::Struct(id), size, Mask::Object, None);
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

    /// The [`ObjType`] of global data section `name` (BTF DATASEC `id`,
    /// `size` bytes): its variables (`(VAR id, offset)`, as libbpf placed
    /// them) and the fields in them.
    pub fn datasec(&mut self, name: &str, id: u32, size: u32, vars: &[(u32, u32)]) -> ObjType {
        let sizes: HashMap<u32, u32> = match self.btf.type_by_id(id).map(|t| &t.data) {
            Ok(TypeData::Datasec { vars, .. }) => vars.iter().map(|v| (v.ty, v.size)).collect(),
            _ => HashMap::new(),
        };
        let mut vars: Vec<(u32, u32, u32)> = vars
            .iter()
            .map(|&(var, off)| (var, off, sizes.get(&var).copied().unwrap_or(0)))
            .collect();
        // libbpf sorts the section's variables by offset before the load.
        vars.sort_by_key(|&(_, off, _)| off);
        let what = format!("map '{name}'");
        ObjType {
            name: name.to_string(),
            size,
            fields: self.record(Value::Datasec(&vars), size, Mask::MapValue, Some(&what)),
            is_struct: false,
            pointers: Vec::new(),
            scalars: crate::btf::Scalars::Other,
        }
    }
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
