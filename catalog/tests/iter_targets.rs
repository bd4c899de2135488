//! The catalog's iterator targets against the kernel: every target of the
//! recorded BTF (a FUNC `bpf_iter_NAME` whose first parameter is the
//! iterator's `struct bpf_iter_meta *`) is declared, and every argument a
//! declaration types is a pointer parameter of that FUNC: to a kernel
//! struct for a kernel object, to anything else for a buffer.

use kfreg::Registry;
use kfreg_object::btf::{Btf, Kind, TypeData};
use kfreg_object::loader::section_ctx_proto;
use kfreg_object::program::CtxParam;

kfreg::link!(kfreg_catalog);

fn btf() -> Btf {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/vmlinux.btf");
    Btf::from_file(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The targets of `btf`: the names of its `bpf_iter_NAME` FUNCs returning
/// an int and taking the iterator's meta first (`DEFINE_BPF_ITER_FUNC`;
/// open-coded iterator kfuncs and `bpf_iter_get_info` share the prefix).
fn kernel_targets(btf: &Btf) -> Vec<String> {
    btf.types()
        .filter(|(_, t)| t.kind() == Kind::Func)
        .filter_map(|(id, _)| {
            let name = btf.name(id).ok()?.strip_prefix("bpf_iter_")?;
            let (ret, params) = btf.func_proto(id).ok()?;
            let int = matches!(
                btf.type_by_id(btf.resolve(ret).ok()?).ok()?.data,
                TypeData::Int { .. }
            );
            let first = btf.resolve(params.first()?.ty).ok()?;
            let TypeData::Ptr { ty } = btf.type_by_id(first).ok()?.data else {
                return None;
            };
            let meta = btf.name(btf.resolve(ty).ok()?).ok()? == "bpf_iter_meta";
            (int && meta).then(|| name.to_string())
        })
        .collect()
}

#[test]
fn every_kernel_target_is_declared() {
    let btf = btf();
    let targets = Registry::global().iter_targets();
    let kernel = kernel_targets(&btf);
    assert!(kernel.len() >= 15, "{kernel:?}");
    let missing: Vec<_> = kernel.iter().filter(|t| targets.get(t).is_none()).collect();
    assert!(
        missing.is_empty(),
        "undeclared iterator targets: {missing:?}"
    );
}

#[test]
fn every_declared_argument_is_a_pointer_of_its_kind() {
    let btf = btf();
    let mut problems = Vec::new();
    for t in Registry::global().iter_targets().iter() {
        let Some(proto) = section_ctx_proto(&btf, &format!("iter/{}", t.name)) else {
            problems.push(format!("{}: no FUNC bpf_iter_{} in BTF", t.name, t.name));
            continue;
        };
        let pointers: Vec<_> = proto
            .args
            .iter()
            .filter_map(|p| match p {
                CtxParam::Ptr(arg) => Some(arg),
                CtxParam::Scalar => None,
            })
            .collect();
        for a in t.args {
            match pointers.iter().find(|p| p.name == a.name) {
                None => problems.push(format!("{}.{}: no such pointer parameter", t.name, a.name)),
                Some(p) if p.target.is_some() == a.value.is_buffer() => problems.push(format!(
                    "{}.{}: declared {}, points to {:?}",
                    t.name,
                    a.name,
                    a.value.name(),
                    p.target
                )),
                Some(_) => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
