//! The catalog's struct_ops types against the kernel: each is a struct of
//! the recorded BTF that the kernel registers (a `bpf_struct_ops_NAME`
//! value type exists), every member named is one of its function pointers,
//! every promoted struct exists, and every writable member path resolves.

use kfreg::{Registry, WriteRule};
use kfreg_object::btf::{Btf, Kind, TypeData};
use kfreg_object::kernel_types;

kfreg::link!(kfreg_catalog);

fn btf() -> Btf {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/vmlinux.btf");
    Btf::from_file(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Whether `member` of struct `id` is a function pointer.
fn is_fn_ptr(btf: &Btf, id: u32, member: &str) -> bool {
    let Ok(TypeData::Struct { members, .. }) = btf.type_by_id(id).map(|t| &t.data) else {
        return false;
    };
    let Some(m) = members
        .iter()
        .find(|m| btf.string(m.name_off).ok() == Some(member))
    else {
        return false;
    };
    let ptr = btf.resolve(m.ty).and_then(|p| btf.type_by_id(p));
    let Ok(TypeData::Ptr { ty }) = ptr.map(|t| &t.data) else {
        return false;
    };
    btf.resolve(*ty)
        .and_then(|f| btf.type_by_id(f))
        .is_ok_and(|f| f.kind() == Kind::FuncProto)
}

#[test]
fn struct_ops_declarations_match_the_kernel() {
    let btf = btf();
    let reg = Registry::global();
    let mut problems = Vec::new();
    let decls: Vec<_> = reg.struct_ops().iter().collect();
    assert!(
        decls.len() >= 2,
        "tcp_congestion_ops and bpf_dummy_ops are declared"
    );
    for d in decls {
        let Some(id) = btf.find(d.name, Kind::Struct) else {
            problems.push(format!("{}: no such struct", d.name));
            continue;
        };
        if btf
            .find(&format!("bpf_struct_ops_{}", d.name), Kind::Struct)
            .is_none()
        {
            problems.push(format!(
                "{}: the kernel registers no such struct_ops",
                d.name
            ));
        }
        let members = d
            .unsupported
            .iter()
            .chain(d.sleepable.unwrap_or_default())
            .chain(d.nullable.iter().map(|m| &m.member))
            .chain(d.refuse_helpers.iter().map(|m| &m.member));
        for m in members.filter(|m| !is_fn_ptr(&btf, id, m)) {
            problems.push(format!(
                "{}: `{m}` is not a function pointer member",
                d.name
            ));
        }
        for (from, to) in d.promote {
            for s in [from, to] {
                if btf.find(s, Kind::Struct).is_none() {
                    problems.push(format!("{}: promotes through unknown struct {s}", d.name));
                }
            }
        }
        let (target, paths) = match d.write {
            Some(WriteRule::Members { target, fields }) => {
                (target, fields.iter().map(|f| f.path).collect())
            }
            Some(WriteRule::Whole { target }) => (target, Vec::new()),
            None => continue,
        };
        let interned = kernel_types::id_of(target);
        if kernel_types::size(&btf, interned).is_none() {
            problems.push(format!("{}: writes unknown struct {target}", d.name));
        }
        for p in paths {
            if kernel_types::member_span(&btf, interned, p).is_none() {
                problems.push(format!("{}: {target} has no member {p}", d.name));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
