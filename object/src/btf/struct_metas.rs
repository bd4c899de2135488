//! Whether the kernel takes the special fields of a program BTF's structs
//! (`btf_parse_struct_metas`, then `btf_check_and_fixup_fields` at the end
//! of `BPF_BTF_LOAD`).
//!
//! Objects allocated with `bpf_obj_new` may hold locks, graph roots and
//! nodes, refcounts and kptrs, so the kernel works out those fields for
//! every struct of the blob that has a member of one of those types
//! (exactly: the member's type id is the first struct named
//! `bpf_spin_lock`, `bpf_list_head`, `bpf_list_node`, `bpf_rb_root`,
//! `bpf_rb_node` or `bpf_refcount`, or a pointer tagged as a kptr to a
//! struct). A struct whose fields break a rule fails the whole load, even
//! when no program uses it; libbpf then loads the programs without BTF.
//!
//! The fields are found as the kernel's `btf_find_field` finds them:
//! member by member, into nested structs and arrays, by the name of the
//! member's own type (modifiers and typedefs hide a field). The
//! first struct that breaks a rule, in type order, is the one refused;
//! graph ownership cycles are checked only once every struct has its fields.
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
const ELOOP: i32 = 40;

/// The kernel's `BTF_FIELDS_MAX`: the fields one struct may have.
const FIELDS_MAX: usize = 11;
/// The kernel's `MAX_RESOLVE_DEPTH`: nested arrays and structs it follows.
const MAX_DEPTH: u32 = 32;

/// The special structs whose presence as a member makes a struct's fields
/// parsed (`alloc_obj_fields`). `bpf_res_spin_lock` is not one of them:
/// a struct whose only special members are resilient locks is not looked at.
const ALLOC_OBJ_FIELDS: [&str; 6] = [
    "bpf_spin_lock",
    "bpf_list_head",
    "bpf_list_node",
    "bpf_rb_root",
    "bpf_rb_node",
    "bpf_refcount",
];

/// Why a struct is refused: the errno and kfreg's words for it (the kernel
/// logs nothing for these checks).
#[derive(Debug)]
struct Fail {
    errno: i32,
    why: &'static str,
}

fn fail<T>(errno: i32, why: &'static str) -> Result<T, Fail> {
    Err(Fail { errno, why })
}

/// A field found in a struct.
#[derive(Clone, Debug)]
struct Info {
    ty: FieldKind,
    /// Byte offset in the struct being parsed.
    off: u32,
    /// A graph root's `contains:` tag: the value struct and its node member.
    root: Option<(u32, String)>,
}

/// The locks a struct level has had so far: a second of a kind is refused.
#[derive(Default)]
struct Seen {
    lock: bool,
    res_lock: bool,
}

/// What the ownership check needs of a parsed struct.
struct Record {
    id: u32,
    /// The value structs of its graph roots, in field offset order.
    roots: Vec<u32>,
    has_node: bool,
}

struct Parser<'a> {
    btf: &'a Btf,
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
    fn struct_named(&self, name: &str) -> Option<u32> {
        self.btf
            .types()
            .find(|(_, t)| t.kind() == Kind::Struct && self.name(t) == name)
            .map(|(id, _)| id)
    }

    /// Whether type `id` is a kptr the parse looks for (`btf_find_kptr`
    /// with `BPF_KPTR`): its kind for one, `None` for a member that is no
    /// kptr, an error for a tagged pointer the kernel refuses.
    fn kptr(&self, id: u32) -> Result<Option<FieldKind>, Fail> {
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
        let kind = match FieldKind::of_type_tag(self.name(tag)) {
            // A user pointer is a field of maps only.
            Some(FieldKind::Uptr) => return Ok(None),
            Some(kind) => kind,
            None => return fail(EINVAL, "a pointer carries an unknown type tag"),
        };
        if self.skip_modifiers(tagged).map(Type::kind) != Some(Kind::Struct) {
            return fail(EINVAL, "a kptr points to something other than a struct");
        }
        Ok(Some(kind))
    }

    /// The type under typedefs, qualifiers and type tags
    /// (`btf_type_skip_modifiers`).
    fn skip_modifiers(&self, mut id: u32) -> Option<&Type> {
        for _ in 0..MAX_DEPTH {
            let t = self.ty(id)?;
            id = match t.data {
                TypeData::Typedef { ty }
                | TypeData::Volatile { ty }
                | TypeData::Const { ty }
                | TypeData::Restrict { ty }
                | TypeData::TypeTag { ty } => ty,
                _ => return Some(t),
            };
        }
        None
    }

    /// The field kind a member of type `t` may be, by the name of the type
    /// itself (`btf_get_field_type`): anything that is not a struct may be
    /// a kptr, a struct of no special name is searched for nested fields.
    fn field_type(&self, t: &Type, seen: &mut Seen) -> Result<Option<FieldKind>, Fail> {
        let kind = match FieldKind::of_struct(self.name(t)) {
            // Timers and work items are not looked for here: their structs
            // are searched as any other.
            Some(kind) if kind.in_struct_meta() => kind,
            _ if t.kind() != Kind::Struct => FieldKind::Kptr,
            _ => return Ok(None),
        };
        match kind {
            FieldKind::SpinLock if std::mem::replace(&mut seen.lock, true) => {
                return fail(E2BIG, "two bpf_spin_lock in one struct");
            }
            FieldKind::ResSpinLock if std::mem::replace(&mut seen.res_lock, true) => {
                return fail(E2BIG, "two bpf_res_spin_lock in one struct");
            }
            _ => {}
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
                room.saturating_sub(out.len()),
                &mut seen,
                level,
            )?;
            out.extend(found);
        }
        Ok(out)
    }

    /// The fields of the member at `place` of type `ty` (`btf_find_field_one`).
    fn field_one(
        &self,
        place: Place,
        ty: u32,
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
        let Some(kind) = self.field_type(t, seen)? else {
            // A struct of no special name: its own fields, at this place.
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
        if !place.off.is_multiple_of(kind.align()) {
            return Ok(Vec::new());
        }
        let mut root = None;
        let kind = match kind {
            // Any member that is not a struct may be a kptr of some flavour.
            FieldKind::Kptr => self.kptr(ty)?,
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
            ty: kind,
            off: place.off,
            root,
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
    /// (`btf_parse_graph_root`).
    fn check_root(&self, kind: FieldKind, value: u32, node: &str) -> Result<(), Fail> {
        let node_type = if kind == FieldKind::ListHead {
            "bpf_list_node"
        } else {
            "bpf_rb_node"
        };
        let Some(TypeData::Struct { members, .. }) = self.ty(value).map(|t| &t.data) else {
            return fail(ENOENT, "a contains: tag names a struct not in the BTF");
        };
        let mut found = false;
        for m in members {
            if self.btf.string(m.name_off).unwrap_or("") != node {
                continue;
            }
            if std::mem::replace(&mut found, true) {
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
        if !found {
            return fail(
                ENOENT,
                "a contains: tag names a node field the struct does not have",
            );
        }
        Ok(())
    }

    /// Parses struct `id`'s fields and checks each alone and all together
    /// (`btf_parse_fields`).
    fn record(&self, id: u32, size: u32) -> Result<Record, Fail> {
        let infos = self.struct_fields(id, FIELDS_MAX, 0)?;
        if infos.is_empty() {
            // The member that made the kernel look is at a misaligned place
            // or of the wrong size, and the kernel takes no record as a bug.
            return fail(
                EFAULT,
                "a struct with a special member has no special field",
            );
        }
        let mut next = 0u64;
        let (mut lock, mut res_lock, mut refcount) = (false, false, false);
        let (mut list_node, mut rb_node) = (false, false);
        let mut roots = Vec::new();
        for info in &infos {
            let end = u64::from(info.off) + u64::from(info.ty.size());
            if end > u64::from(size) {
                return fail(EFAULT, "a special field ends past its struct");
            }
            if u64::from(info.off) < next {
                return fail(EEXIST, "special fields overlap");
            }
            next = end;
            match info.ty {
                FieldKind::SpinLock => lock = true,
                FieldKind::ResSpinLock => res_lock = true,
                FieldKind::Refcount => refcount = true,
                FieldKind::ListNode => list_node = true,
                FieldKind::RbNode => rb_node = true,
                FieldKind::ListHead | FieldKind::RbRoot => {
                    if let Some((value, node)) = &info.root {
                        self.check_root(info.ty, *value, node)?;
                        roots.push((info.off, *value));
                    }
                }
                _ => {}
            }
        }
        if lock && res_lock {
            return fail(
                EINVAL,
                "a struct has both a bpf_spin_lock and a bpf_res_spin_lock",
            );
        }
        if !roots.is_empty() && !lock && !res_lock {
            return fail(EINVAL, "a graph root without a lock in its struct");
        }
        if list_node && rb_node && !refcount {
            return fail(EINVAL, "a list node and an rb node without a bpf_refcount");
        }
        roots.sort_by_key(|&(off, _)| off);
        Ok(Record {
            id,
            roots: roots.into_iter().map(|(_, v)| v).collect(),
            has_node: infos.iter().any(|i| i.ty.is_node()),
        })
    }
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
    if fields.iter().any(|f| !f.ty.repeatable()) {
        return fail(EINVAL, "an array of locks, nodes or refcounts");
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

/// The first struct of `btf` whose special fields the kernel refuses:
/// its id, kfreg's words for the rule and the kernel's errno.
pub(super) fn refusal(btf: &Btf) -> Option<(u32, &'static str, i32)> {
    let p = Parser { btf };
    let mut triggers: Vec<u32> = ALLOC_OBJ_FIELDS
        .iter()
        .filter_map(|name| p.struct_named(name))
        .collect();
    triggers.extend(
        btf.types()
            .filter(|&(id, _)| matches!(p.kptr(id), Ok(Some(_))))
            .map(|(id, _)| id),
    );
    if triggers.is_empty() {
        return None;
    }
    let mut records = Vec::new();
    for (id, t) in btf.types() {
        let TypeData::Struct { size, members } = &t.data else {
            continue;
        };
        if !members.iter().any(|m| triggers.contains(&m.ty)) {
            continue;
        }
        match p.record(id, *size) {
            Ok(r) => records.push(r),
            Err(f) => return Some((id, f.why, f.errno)),
        }
    }
    // Ownership must not cycle: a struct that is both a root and a node
    // may only own structs that are no roots.
    for r in &records {
        for value in &r.roots {
            let Some(owned) = records.iter().find(|o| o.id == *value) else {
                return Some((
                    r.id,
                    "a graph root's value struct has no special fields",
                    EFAULT,
                ));
            };
            if r.has_node && !owned.roots.is_empty() {
                return Some((r.id, "graph ownership may cycle", ELOOP));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::btf::builder::Builder;
    use crate::btf::{Btf, Kind};

    const ENOENT: i32 = 2;
    const E2BIG: i32 = 7;
    const EFAULT: i32 = 14;
    const EINVAL: i32 = 22;
    const ELOOP: i32 = 40;

    /// Hand-built BTF: `long` is type 1, `int` type 2; the kernel's special
    /// structs are added on first use, with the kernel's sizes.
    struct Types {
        b: Builder,
        next: u32,
        specials: Vec<(&'static str, u32)>,
    }

    impl Types {
        fn new() -> Types {
            let mut b = Builder::new();
            b.int("long", 8, 64, true);
            b.int("int", 4, 32, true);
            Types {
                b,
                next: 3,
                specials: Vec::new(),
            }
        }

        fn id(&mut self) -> u32 {
            self.next += 1;
            self.next - 1
        }

        /// A struct of `size` bytes with members (name, type, bit offset).
        fn strukt_bits(&mut self, name: &str, size: u32, members: &[(&str, u32, u32)]) -> u32 {
            self.b
                .head(name, Kind::Struct, members.len() as u32, false, size);
            for &(m, ty, bits) in members {
                let m = self.b.str(m);
                self.b.word(m);
                self.b.word(ty);
                self.b.word(bits);
            }
            self.id()
        }

        /// A struct of `size` bytes with members (name, type, byte offset).
        fn strukt(&mut self, name: &str, size: u32, members: &[(&str, u32, u32)]) -> u32 {
            let bits: Vec<_> = members
                .iter()
                .map(|&(m, ty, off)| (m, ty, off * 8))
                .collect();
            self.strukt_bits(name, size, &bits)
        }

        /// The kernel's special struct `name` (an opaque int or array of longs).
        fn special(&mut self, name: &'static str) -> u32 {
            if let Some(&(_, id)) = self.specials.iter().find(|(n, _)| *n == name) {
                return id;
            }
            let size = match name {
                "bpf_spin_lock" | "bpf_res_spin_lock" | "bpf_refcount" => 4,
                "bpf_list_head" | "bpf_rb_root" => 16,
                "bpf_list_node" => 24,
                _ => 32,
            };
            let opaque = if size == 4 {
                2
            } else {
                self.array(1, size / 8)
            };
            let id = self.strukt(name, size, &[("__opaque", opaque, 0)]);
            self.specials.push((name, id));
            id
        }

        fn array(&mut self, elem: u32, n: u32) -> u32 {
            self.b.head("", Kind::Array, 0, false, 0);
            self.b.word(elem);
            self.b.word(2);
            self.b.word(n);
            self.id()
        }

        fn typedef(&mut self, name: &str, ty: u32) -> u32 {
            self.b.head(name, Kind::Typedef, 0, false, ty);
            self.id()
        }

        /// A pointer to `ty` tagged `tag` (`kflag`: an attribute).
        fn tagged_ptr(&mut self, tag: &str, ty: u32, kflag: bool) -> u32 {
            self.b.head(tag, Kind::TypeTag, 0, kflag, ty);
            let tag = self.id();
            self.b.head("", Kind::Ptr, 0, false, tag);
            self.id()
        }

        /// A declaration tag on member `idx` of struct `ty`.
        fn decl_tag(&mut self, value: &str, ty: u32, idx: i32) {
            self.b.head(value, Kind::DeclTag, 0, false, ty);
            self.b.word(idx as u32);
            self.id();
        }

        fn refusal(&self) -> Option<(u32, i32)> {
            let btf = Btf::parse(&self.b.build()).expect("parses");
            btf.kernel_refusal().map(|r| (r.id, r.errno))
        }
    }

    /// `struct name { long k; struct bpf_list_node node; [struct bpf_rb_node
    /// rb;] [struct bpf_refcount r;] }`.
    fn node(t: &mut Types, name: &str, rb: bool, refcount: bool) -> u32 {
        let list = t.special("bpf_list_node");
        let mut members = vec![("k", 1, 0), ("node", list, 8)];
        let mut size = 32;
        if rb {
            let rb = t.special("bpf_rb_node");
            members.push(("rb", rb, 32));
            size = 64;
        }
        if refcount {
            let r = t.special("bpf_refcount");
            members.push(("r", r, size));
            size += 8;
        }
        t.strukt(name, size, &members)
    }

    /// `struct name { struct LOCK l; struct ROOT h __tag(tag); }`: the lock
    /// at 0, the root at 8.
    fn root(
        t: &mut Types,
        name: &str,
        lock: &'static str,
        root: &'static str,
        tag: Option<&str>,
    ) -> u32 {
        let l = t.special(lock);
        let h = t.special(root);
        let id = t.strukt(name, 24, &[("l", l, 0), ("h", h, 8)]);
        if let Some(tag) = tag {
            t.decl_tag(tag, id, 1);
        }
        id
    }

    /// `struct name { struct bpf_list_node node; struct bpf_spin_lock l;
    /// struct bpf_list_head h __contains(value:node); }`: both a node and
    /// a root.
    fn node_and_root(t: &mut Types, name: &str, value: &str) -> u32 {
        let n = t.special("bpf_list_node");
        let l = t.special("bpf_spin_lock");
        let h = t.special("bpf_list_head");
        let id = t.strukt(name, 48, &[("node", n, 0), ("l", l, 24), ("h", h, 32)]);
        t.decl_tag(&format!("contains:{value}:node"), id, 2);
        id
    }

    #[test]
    fn takes_structs_whose_fields_keep_the_rules() {
        // Two refcounts: only locks may not come twice.
        let mut t = Types::new();
        let r = t.special("bpf_refcount");
        t.strukt(
            "two_refcounts",
            16,
            &[("k", 1, 0), ("a", r, 8), ("b", r, 12)],
        );
        assert_eq!(t.refusal(), None);
        // Two list nodes need no refcount; a list and an rb node need one.
        let mut t = Types::new();
        let n = t.special("bpf_list_node");
        t.strukt("two_nodes", 56, &[("k", 1, 0), ("a", n, 8), ("b", n, 32)]);
        node(&mut t, "both_nodes", true, true);
        assert_eq!(t.refusal(), None);
        // A resilient lock guards a list head, a plain one an rb root; a
        // root and node owns a struct that is only a node.
        let mut t = Types::new();
        node(&mut t, "n", true, true);
        let (lock, res_lock) = ("bpf_spin_lock", "bpf_res_spin_lock");
        root(
            &mut t,
            "a",
            res_lock,
            "bpf_list_head",
            Some("contains:n:node"),
        );
        root(&mut t, "b", lock, "bpf_rb_root", Some("contains:n:rb"));
        node_and_root(&mut t, "c", "n");
        assert_eq!(t.refusal(), None);
    }

    #[test]
    fn refuses_each_broken_rule_with_the_kernels_errno() {
        type Build = fn(&mut Types) -> u32;
        let cases: [(&str, Build, i32); 12] = [
            (
                "two spin locks",
                |t| {
                    let l = t.special("bpf_spin_lock");
                    t.strukt("s", 8, &[("a", l, 0), ("b", l, 4)])
                },
                E2BIG,
            ),
            (
                "a spin lock and a resilient one",
                |t| {
                    let l = t.special("bpf_spin_lock");
                    let r = t.special("bpf_res_spin_lock");
                    t.strukt("s", 8, &[("a", l, 0), ("b", r, 4)])
                },
                EINVAL,
            ),
            (
                "a head without a contains tag",
                |t| {
                    node(t, "n", false, false);
                    root(t, "s", "bpf_spin_lock", "bpf_list_head", None)
                },
                EINVAL,
            ),
            (
                "a contains tag naming no struct",
                |t| {
                    root(
                        t,
                        "s",
                        "bpf_spin_lock",
                        "bpf_list_head",
                        Some("contains:x:node"),
                    )
                },
                ENOENT,
            ),
            (
                "a contains tag naming no member",
                |t| {
                    node(t, "n", false, false);
                    root(
                        t,
                        "s",
                        "bpf_spin_lock",
                        "bpf_list_head",
                        Some("contains:n:x"),
                    )
                },
                ENOENT,
            ),
            (
                "a contains tag without a node field",
                |t| {
                    node(t, "n", false, false);
                    root(t, "s", "bpf_spin_lock", "bpf_list_head", Some("contains:n"))
                },
                EINVAL,
            ),
            (
                "an rb root containing a list node",
                |t| {
                    node(t, "n", false, false);
                    root(
                        t,
                        "s",
                        "bpf_spin_lock",
                        "bpf_rb_root",
                        Some("contains:n:node"),
                    )
                },
                EINVAL,
            ),
            (
                "a head without a lock",
                |t| {
                    node(t, "n", false, false);
                    let h = t.special("bpf_list_head");
                    let s = t.strukt("s", 16, &[("h", h, 0)]);
                    t.decl_tag("contains:n:node", s, 0);
                    s
                },
                EINVAL,
            ),
            (
                "a kptr to an int beside a lock",
                |t| {
                    let l = t.special("bpf_spin_lock");
                    let p = t.tagged_ptr("kptr", 2, false);
                    t.strukt("s", 16, &[("l", l, 0), ("p", p, 8)])
                },
                EINVAL,
            ),
            (
                "a list node and an rb node without a refcount",
                |t| node(t, "n", true, false),
                EINVAL,
            ),
            (
                "a misaligned node (packed)",
                |t| {
                    let n = t.special("bpf_list_node");
                    t.strukt("s", 25, &[("c", 2, 0), ("n", n, 1)])
                },
                EFAULT,
            ),
            (
                "a bitfield at a bit offset beside a lock (`int a:3, b:5;`)",
                |t| {
                    let l = t.special("bpf_spin_lock");
                    t.strukt_bits("s", 8, &[("l", l, 0), ("a", 2, 32), ("b", 2, 35)])
                },
                EINVAL,
            ),
        ];
        for (what, build, errno) in cases {
            let mut t = Types::new();
            let id = build(&mut t);
            assert_eq!(t.refusal(), Some((id, errno)), "{what}");
        }
    }

    #[test]
    fn refuses_ownership_that_may_cycle() {
        // A root and node owning itself.
        let mut t = Types::new();
        let a = node_and_root(&mut t, "a", "a");
        assert_eq!(t.refusal(), Some((a, ELOOP)));
        // a owns b, b owns a: a, the first, is refused.
        let mut t = Types::new();
        let a = node_and_root(&mut t, "a", "b");
        node_and_root(&mut t, "b", "a");
        assert_eq!(t.refusal(), Some((a, ELOOP)));
        // Every struct is parsed before any cycle is looked for: a later
        // struct's two locks win over an earlier cycle.
        let mut t = Types::new();
        node_and_root(&mut t, "a", "a");
        let l = t.special("bpf_spin_lock");
        let s = t.strukt("s", 8, &[("a", l, 0), ("b", l, 4)]);
        assert_eq!(t.refusal(), Some((s, E2BIG)));
    }

    #[test]
    fn looks_only_at_structs_with_a_special_member_of_its_own_type() {
        // Behind a typedef, two locks are not seen.
        let mut t = Types::new();
        let l = t.special("bpf_spin_lock");
        let td = t.typedef("lock_t", l);
        t.strukt("s", 8, &[("a", td, 0), ("b", td, 4)]);
        assert_eq!(t.refusal(), None);
        // Resilient locks alone make no struct looked at.
        let mut t = Types::new();
        let r = t.special("bpf_res_spin_lock");
        t.strukt("s", 8, &[("a", r, 0), ("b", r, 4)]);
        assert_eq!(t.refusal(), None);
        // A kptr to an int is no kptr the kernel looks for ...
        let mut t = Types::new();
        let p = t.tagged_ptr("kptr", 2, false);
        t.strukt("s", 16, &[("p", p, 0), ("k", 1, 8)]);
        assert_eq!(t.refusal(), None);
        // ... but a kptr to a struct beside it makes it seen.
        let mut t = Types::new();
        let n = node(&mut t, "n", false, false);
        let p = t.tagged_ptr("kptr", 2, false);
        let q = t.tagged_ptr("kptr", n, false);
        let s = t.strukt("s", 16, &[("p", p, 0), ("q", q, 8)]);
        assert_eq!(t.refusal(), Some((s, EINVAL)));
        // An attribute tag is no kptr, nor a user pointer a field here.
        for (tag, kflag) in [("kptr", true), ("uptr", false)] {
            let mut t = Types::new();
            let l = t.special("bpf_spin_lock");
            let p = t.tagged_ptr(tag, 2, kflag);
            t.strukt("s", 16, &[("l", l, 0), ("p", p, 8)]);
            assert_eq!(t.refusal(), None, "{tag}");
        }
    }

    #[test]
    fn arrays_repeat_roots_and_kptrs_only_up_to_the_kernels_count() {
        // Two heads under one lock.
        let mut t = Types::new();
        node(&mut t, "n", false, false);
        let l = t.special("bpf_spin_lock");
        let h = t.special("bpf_list_head");
        let hh = t.array(h, 2);
        let s = t.strukt("s", 40, &[("l", l, 0), ("h", hh, 8)]);
        t.decl_tag("contains:n:node", s, 1);
        assert_eq!(t.refusal(), None);
        // Two locks in an array.
        let mut t = Types::new();
        let l = t.special("bpf_spin_lock");
        let r = t.special("bpf_refcount");
        let ll = t.array(l, 2);
        let s = t.strukt("s", 12, &[("l", ll, 0), ("r", r, 8)]);
        assert_eq!(t.refusal(), Some((s, EINVAL)));
        // A lock, a refcount and 9 kptrs are the kernel's 11 fields; 10
        // kptrs are one too many.
        for (kptrs, want) in [(9, None), (10, Some(E2BIG))] {
            let mut t = Types::new();
            let n = node(&mut t, "n", false, false);
            let l = t.special("bpf_spin_lock");
            let r = t.special("bpf_refcount");
            let p = t.tagged_ptr("kptr", n, false);
            let pp = t.array(p, kptrs);
            let size = 8 + 8 * kptrs;
            let s = t.strukt("s", size, &[("l", l, 0), ("r", r, 4), ("p", pp, 8)]);
            assert_eq!(t.refusal(), want.map(|e| (s, e)), "{kptrs} kptrs");
        }
    }
}
