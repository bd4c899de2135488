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
//! The fields are parsed by [`super::record`]. The first struct that
//! breaks a rule, in type order, is the one refused; graph ownership cycles
//! are checked only once every struct has its fields.

use super::record::{Mask, Parser, Value};
use super::{Btf, TypeData};
use crate::field_kind::FieldKind;

const EFAULT: i32 = 14;
const ELOOP: i32 = 40;

/// The special structs whose presence as a member makes a struct's fields
/// parsed (`alloc_obj_fields`). `bpf_res_spin_lock` is not one of them:
/// a struct whose only special members are resilient locks is not looked at.
const ALLOC_OBJ_FIELDS: [FieldKind; 6] = [
    FieldKind::SpinLock,
    FieldKind::ListHead,
    FieldKind::ListNode,
    FieldKind::RbRoot,
    FieldKind::RbNode,
    FieldKind::Refcount,
];

/// What the ownership check needs of a parsed struct.
struct Record {
    id: u32,
    /// The value structs of its graph roots, in field offset order.
    roots: Vec<u32>,
    has_node: bool,
}

/// The first struct of `btf` whose special fields the kernel refuses:
/// its id, kfreg's words for the rule and the kernel's errno.
pub(super) fn refusal(btf: &Btf) -> Option<(u32, &'static str, i32)> {
    let p = Parser {
        btf,
        mask: Mask::Object,
    };
    let mut triggers: Vec<u32> = ALLOC_OBJ_FIELDS
        .iter()
        .filter_map(|kind| p.struct_named(kind.struct_name()))
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
        let infos = match p.parse(Value::Struct(id), *size) {
            Ok(infos) => infos,
            Err(f) => return Some((id, f.why, f.errno)),
        };
        if infos.is_empty() {
            // The member that made the kernel look is at a misaligned place
            // or of the wrong size, and the kernel takes no record as a bug.
            return Some((
                id,
                "a struct with a special member has no special field",
                EFAULT,
            ));
        }
        // Fields come in offset order: the parse refuses any other.
        records.push(Record {
            id,
            roots: infos.iter().filter_map(|i| Some(i.contains?.0)).collect(),
            has_node: infos.iter().any(|i| i.kind.is_node()),
        });
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
