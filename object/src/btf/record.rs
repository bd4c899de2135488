//! The special fields the kernel records for a value of program BTF
//! (`btf_parse_fields`): for a map's value when the map is created
//! (`map_check_btf`), and for every struct that may be allocated with
//! `bpf_obj_new` when the program's BTF is loaded (`btf_parse_struct_metas`).
//! Each looks for its own kinds of field ([`Mask`]).
//!
//! The fields are found as the kernel's `btf_find_field` finds them:
//! member by member, into nested structs (never unions) and arrays, by the
//! name of the member's own type: a typedef or a qualifier hides a field,
//! as does a struct of another size or at a misaligned place. A member at no
//! byte offset, a second lock, timer or work item at one level,
//! more fields than the kernel keeps, overlapping fields or a broken graph
//! root make the whole parse fail; a map then gets no fields at all.
//!
//! Not modelled: a `kptr` to a kernel type is refused when the kernel has
//! no destructor kfunc for that type, which needs the kernel's BTF.

use super::{Btf, Kind, Type, TypeData};
use crate::field_kind::FieldKind;

const ENOENT: i32 = 2;
const E2BIG: i32 = 7;
const EFAULT: i32 = 14;
const EEXIST: i32 = 17;
const EINVAL: i32 = 22;

/// The kernel's `BTF_FIELDS_MAX`: the fields one value may have.
const FIELDS_MAX: usize = 11;
/// The kernel's `MAX_RESOLVE_DEPTH`: nested arrays and structs it follows.
const MAX_DEPTH: u32 = 32;

/// The kinds of field a parse looks for (the kernel's `field_mask`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mask {
    /// A struct `bpf_obj_new` may allocate: locks, graph roots and nodes,
    /// refcounts and kptrs.
    Object,
    /// A map value or a global data section: anything but graph nodes.
    MapValue,
}

impl Mask {
    fn has(self, kind: FieldKind) -> bool {
        match self {
            Mask::Object => kind.in_struct_meta(),
            Mask::MapValue => !kind.is_node(),
        }
    }
}

/// Why a parse fails: the errno and kfreg's words for it (the kernel logs
/// nothing for these checks).
#[derive(Debug)]
pub(crate) struct Fail {
    pub errno: i32,
    pub why: &'static str,
}

fn fail<T>(errno: i32, why: &'static str) -> Result<T, Fail> {
    Err(Fail { errno, why })
}

/// A field found in a value, before the value's record is checked.
#[derive(Clone, Debug)]
struct Info {
    kind: FieldKind,
    /// Byte offset in the value being parsed.
    off: u32,
    /// A graph root's `contains:` tag: the value struct and its node member.
    root: Option<(u32, String)>,
    /// A kptr's or uptr's struct, under the modifiers.
    pointee: Option<u32>,
}

/// A field of a record the kernel keeps.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub kind: FieldKind,
    /// Byte offset in the value.
    pub off: u32,
    /// A graph root's value struct and the byte offset of its node there.
    pub contains: Option<(u32, u32)>,
    /// A kptr's or uptr's struct, under the modifiers.
    pub pointee: Option<u32>,
}

/// The kinds a struct level has had so far of those it may have one of.
#[derive(Default)]
struct Seen(Vec<FieldKind>);

/// A parse of one BTF for one mask.
pub(crate) struct Parser<'a> {
    pub btf: &'a Btf,
    pub mask: Mask,
}

impl Parser<'_> {
    fn ty(&self, id: u32) -> Option<&Type> {
        self.btf.type_by_id(id).ok()
    }

    fn name(&self, t: &Type) -> &str {
        self.btf.string(t.name_off).unwrap_or("")
    }

    /// The first struct named `name` (`btf_find_by_name_kind`), anonymous
    /// ones included when `name` is empty.
    pub fn struct_named(&self, name: &str) -> Option<u32> {
        self.btf
            .types()
            .find(|(_, t)| t.kind() == Kind::Struct && self.name(t) == name)
            .map(|(id, _)| id)
    }

    /// Whether type `id` is a kptr the parse looks for (`btf_find_kptr`
    /// or `BPF_UPTR`): its kind and struct for one the mask has, `None` for
    /// a member that is no such pointer, an error for a tagged pointer the
    /// kernel refuses.
    pub fn kptr(&self, id: u32) -> Result<Option<(FieldKind, u32)>, Fail> {
        let Some(mut t) = self.ty(id) else {
            return Ok(None);
        };
        // The pointer itself may be volatile.
        if let TypeData::Volatile { ty } = t.data {
            let Some(inner) = self.ty(ty) else {
                return Ok(None);
            };
            t = inner;
        }
        let TypeData::Ptr { ty: pointee } = t.data else {
            return Ok(None);
        };
        let Some(tag) = self.ty(pointee) else {
            return Ok(None);
        };
        let TypeData::TypeTag { ty: tagged } = tag.data else {
            return Ok(None);
        };
        if self.btf.attribute_tags.binary_search(&pointee).is_ok() {
            return Ok(None);
        }
        if self.ty(tagged).is_some_and(|t| t.kind() == Kind::TypeTag) {
            return fail(EINVAL, "a kptr's pointee carries a second type tag");
        }
        let Some(kind) = FieldKind::of_type_tag(self.name(tag)) else {
            return fail(EINVAL, "a pointer carries an unknown type tag");
        };
        // A user pointer is a field of maps only.
        if !self.mask.has(kind) {
            return Ok(None);
        }
        let pointee = self.skip_modifiers(tagged);
        if pointee.and_then(|id| self.ty(id)).map(Type::kind) != Some(Kind::Struct) {
            return fail(EINVAL, "a kptr points to something other than a struct");
        }
        Ok(pointee.map(|id| (kind, id)))
    }

    /// The type under typedefs, qualifiers and type tags
    /// (`btf_type_skip_modifiers`).
    fn skip_modifiers(&self, mut id: u32) -> Option<u32> {
        for _ in 0..MAX_DEPTH {
            id = match self.ty(id)?.data {
                TypeData::Typedef { ty }
                | TypeData::Volatile { ty }
                | TypeData::Const { ty }
                | TypeData::Restrict { ty }
                | TypeData::TypeTag { ty } => ty,
                _ => return Some(id),
            };
        }
        None
    }

    /// The field kind a member of type `t` may be, by the name of the type
    /// itself (`btf_get_field_type`): anything that is not a struct may be
    /// a kptr, a struct of no special name is searched for nested fields.
    fn field_type(&self, t: &Type, seen: &mut Seen) -> Result<Option<FieldKind>, Fail> {
        let kind = match FieldKind::of_struct(self.name(t)) {
            // A kind the mask has not is searched as any other struct.
            Some(kind) if self.mask.has(kind) => kind,
            _ if t.kind() != Kind::Struct => FieldKind::Kptr,
            _ => return Ok(None),
        };
        if kind.one_per_struct() {
            if seen.0.contains(&kind) {
                return fail(E2BIG, "a second lock, timer or work item in one struct");
            }
            seen.0.push(kind);
        }
        Ok(Some(kind))
    }

    /// The fields of struct `id`, at most `room` of them
    /// (`btf_find_struct_field`).
    fn struct_fields(&self, id: u32, room: usize, level: u32) -> Result<Vec<Info>, Fail> {
        let Some(TypeData::Struct { members, .. }) = self.ty(id).map(|t| &t.data) else {
            return Ok(Vec::new());
        };
        let mut seen = Seen::default();
        let mut out = Vec::new();
        for (idx, m) in members.iter().enumerate() {
            if !m.bit_offset.is_multiple_of(8) {
                // Bitfields included: the kernel says valid C cannot make such BTF.
                return fail(
                    EINVAL,
                    "a member of a struct with special fields is not at a byte offset",
                );
            }
            let place = Place {
                parent: id,
                idx: idx as i32,
                off: m.bit_offset / 8,
            };
            let found = self.field_one(
                place,
                m.ty,
                0,
                room.saturating_sub(out.len()),
                &mut seen,
                level,
            )?;
            out.extend(found);
        }
        Ok(out)
    }

    /// The fields of the member at `place` of type `ty` (`btf_find_field_one`);
    /// a global variable must have its type's size (`expected`, 0 for a member).
    #[allow(clippy::too_many_arguments)]
    fn field_one(
        &self,
        place: Place,
        ty: u32,
        expected: u32,
        room: usize,
        seen: &mut Seen,
        level: u32,
    ) -> Result<Vec<Info>, Fail> {
        let mut ty = ty;
        let mut nelems: u32 = 1;
        let mut depth = 0;
        while depth < MAX_DEPTH {
            match self.ty(ty).map(|t| &t.data) {
                Some(&TypeData::Array {
                    elem, nelems: n, ..
                }) => {
                    nelems = nelems.wrapping_mul(n);
                    ty = elem;
                }
                _ => break,
            }
            depth += 1;
        }
        if depth == MAX_DEPTH {
            return fail(E2BIG, "arrays nested too deep");
        }
        if nelems == 0 {
            return Ok(Vec::new());
        }
        let Some(t) = self.ty(ty) else {
            return Ok(Vec::new());
        };
        let sized =
            |size: u32| expected == 0 || u64::from(expected) == u64::from(size) * u64::from(nelems);
        let Some(kind) = self.field_type(t, seen)? else {
            // A struct of no special name: its own fields, at this place.
            if !sized(t.data.size().unwrap_or(0)) {
                return Ok(Vec::new());
            }
            let level = level + 1;
            if level >= MAX_DEPTH {
                return fail(E2BIG, "structs nested too deep");
            }
            let mut found = self.struct_fields(ty, room, level)?;
            for f in &mut found {
                f.off = f.off.wrapping_add(place.off);
            }
            if nelems > 1 && !found.is_empty() {
                let size = t.data.size().unwrap_or(0);
                repeat(&mut found, room, nelems, size)?;
            }
            return Ok(found);
        };
        if !sized(kind.size()) || !place.off.is_multiple_of(kind.align()) {
            return Ok(Vec::new());
        }
        let (mut root, mut pointee) = (None, None);
        let kind = match kind {
            // Any member that is not a struct may be a kptr of some flavour.
            FieldKind::Kptr => self.kptr(ty)?.map(|(kind, to)| {
                pointee = Some(to);
                kind
            }),
            FieldKind::ListHead | FieldKind::RbRoot => {
                root = self.graph_root(&place, t, kind)?;
                root.is_some().then_some(kind)
            }
            // Of the right kind only when the struct has the kernel's size.
            _ => (t.kind() == Kind::Struct && t.data.size() == Some(kind.size())).then_some(kind),
        };
        let Some(kind) = kind else {
            return Ok(Vec::new());
        };
        if room == 0 {
            return fail(E2BIG, "more special fields than the kernel keeps");
        }
        let mut out = vec![Info {
            kind,
            off: place.off,
            root,
            pointee,
        }];
        if nelems > 1 {
            repeat(&mut out, room, nelems, kind.size())?;
        }
        Ok(out)
    }

    /// A graph root's value struct and node member, from its `contains:`
    /// declaration tag (`btf_find_graph_root`); `None` when the member is no
    /// root after all (a struct of another size).
    fn graph_root(
        &self,
        place: &Place,
        t: &Type,
        kind: FieldKind,
    ) -> Result<Option<(u32, String)>, Fail> {
        if t.kind() != Kind::Struct || t.data.size() != Some(kind.size()) {
            return Ok(None);
        }
        let mut tags = self.btf.types().filter_map(|(_, t)| match t.data {
            TypeData::DeclTag { ty, component_idx }
                if ty == place.parent && component_idx == place.idx =>
            {
                self.name(t).strip_prefix("contains:")
            }
            _ => None,
        });
        let Some(value) = tags.next() else {
            return fail(EINVAL, "a graph root has no contains: tag");
        };
        if tags.next().is_some() {
            return fail(EINVAL, "a graph root has two contains: tags");
        }
        let Some((type_name, node)) = value.split_once(':') else {
            return fail(EINVAL, "a contains: tag names no node field");
        };
        let Some(value_id) = self.struct_named(type_name) else {
            return fail(ENOENT, "a contains: tag names a struct not in the BTF");
        };
        if node.is_empty() {
            return fail(EINVAL, "a contains: tag names an empty node field");
        }
        Ok(Some((value_id, node.to_string())))
    }

    /// Checks the node member a graph root's tag names in its value struct
    /// (`btf_parse_graph_root`); its byte offset there.
    fn check_root(&self, kind: FieldKind, value: u32, node: &str) -> Result<u32, Fail> {
        let node_type = if kind == FieldKind::ListHead {
            "bpf_list_node"
        } else {
            "bpf_rb_node"
        };
        let Some(TypeData::Struct { members, .. }) = self.ty(value).map(|t| &t.data) else {
            return fail(ENOENT, "a contains: tag names a struct not in the BTF");
        };
        let mut found = None;
        for m in members {
            if self.btf.string(m.name_off).unwrap_or("") != node {
                continue;
            }
            if found.replace(m.bit_offset / 8).is_some() {
                return fail(
                    EINVAL,
                    "a graph root's value struct has two members of the node's name",
                );
            }
            let n = self.ty(m.ty);
            if n.is_none_or(|n| n.kind() != Kind::Struct || self.name(n) != node_type) {
                return fail(EINVAL, "a graph root's node is not of its kind of node");
            }
            // The node type's own kind flag decides how the kernel reads
            // the offset; its struct has none, so the raw word counts.
            let raw = m.bit_offset | u32::from(m.bitfield_size) << 24;
            if !raw.is_multiple_of(8) || !(raw / 8).is_multiple_of(kind.align()) {
                return fail(EINVAL, "a graph root's node is misaligned");
            }
        }
        found.map_or_else(
            || {
                fail(
                    ENOENT,
                    "a contains: tag names a node field the struct does not have",
                )
            },
            Ok,
        )
    }

    /// The fields of `value`, each checked alone and all together
    /// (`btf_parse_fields`). A value that is neither a struct nor a data
    /// section has none.
    pub fn parse(&self, value: Value<'_>, size: u32) -> Result<Vec<Found>, Fail> {
        let infos = match value {
            Value::Struct(id) => self.struct_fields(id, FIELDS_MAX, 0)?,
            Value::Datasec(vars) => {
                // One level: a second lock among the variables is refused.
                let mut seen = Seen::default();
                let mut out = Vec::new();
                for &(var, off, var_size) in vars {
                    let Some(&TypeData::Var { ty, .. }) = self.ty(var).map(|t| &t.data) else {
                        continue;
                    };
                    let place = Place {
                        parent: var,
                        idx: -1,
                        off,
                    };
                    let room = FIELDS_MAX.saturating_sub(out.len());
                    out.extend(self.field_one(place, ty, var_size, room, &mut seen, 0)?);
                }
                out
            }
        };
        let mut next = 0u64;
        let (mut lock, mut res_lock, mut refcount) = (false, false, false);
        let (mut list_node, mut rb_node, mut roots) = (false, false, false);
        let mut found = Vec::with_capacity(infos.len());
        for info in infos {
            let end = u64::from(info.off) + u64::from(info.kind.size());
            if end > u64::from(size) {
                return fail(EFAULT, "a special field ends past its value");
            }
            if u64::from(info.off) < next {
                return fail(EEXIST, "special fields overlap");
            }
            next = end;
            let mut contains = None;
            match info.kind {
                FieldKind::SpinLock => lock = true,
                FieldKind::ResSpinLock => res_lock = true,
                FieldKind::Refcount => refcount = true,
                FieldKind::ListNode => list_node = true,
                FieldKind::RbNode => rb_node = true,
                FieldKind::ListHead | FieldKind::RbRoot => {
                    if let Some((value, node)) = &info.root {
                        contains = Some((*value, self.check_root(info.kind, *value, node)?));
                        roots = true;
                    }
                }
                _ => {}
            }
            found.push(Found {
                kind: info.kind,
                off: info.off,
                contains,
                pointee: info.pointee,
            });
        }
        if lock && res_lock {
            return fail(
                EINVAL,
                "a value has both a bpf_spin_lock and a bpf_res_spin_lock",
            );
        }
        if roots && !lock && !res_lock {
            return fail(EINVAL, "a graph root without a lock beside it");
        }
        if list_node && rb_node && !refcount {
            return fail(EINVAL, "a list node and an rb node without a bpf_refcount");
        }
        Ok(found)
    }
}

/// What a parse looks into.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Value<'v> {
    /// A value of this type.
    Struct(u32),
    /// A data section's variables: `(VAR id, offset, size)`.
    Datasec(&'v [(u32, u32, u32)]),
}

/// Where a member sits: its struct, its index there and its byte offset.
struct Place {
    parent: u32,
    idx: i32,
    off: u32,
}

/// Repeats `fields`, found in the first of `nelems` array elements of
/// `elem_size` bytes, for the other elements (`btf_repeat_fields`).
fn repeat(fields: &mut Vec<Info>, room: usize, nelems: u32, elem_size: u32) -> Result<(), Fail> {
    if fields.iter().any(|f| !f.kind.repeatable()) {
        return fail(
            EINVAL,
            "an array of locks, timers, work items, nodes or refcounts",
        );
    }
    let count = fields.len() as u64;
    if count * u64::from(nelems) > room as u64 {
        return fail(E2BIG, "more special fields than the kernel keeps");
    }
    let first = fields.clone();
    for i in 1..nelems {
        for f in &first {
            let mut f = f.clone();
            f.off = f.off.wrapping_add(i.wrapping_mul(elem_size));
            fields.push(f);
        }
    }
    Ok(())
}
