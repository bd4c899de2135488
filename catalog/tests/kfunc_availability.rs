//! Which kfuncs each program type and attach point may call, against the
//! recorded kernel (`data/kfuncs-available.json`, written by
//! `scripts/kfunc-availability-sweep.py --json`: every kfunc of the kernel
//! BTF called from 32 program types and attach points, the kernel's
//! `calling kernel function X is not allowed` recorded as not available).

kfreg::link!(kfreg_catalog);

use kfreg::{AttachType, AttachTypes, ProgType, Registry};
use std::collections::BTreeSet;

/// Where the recording VM differs from Linux 6.18 as the catalog declares
/// it: kfuncs 6.18 registers for every program type (`BPF_PROG_TYPE_UNSPEC`)
/// that this VM's kernel, which also refuses to create arena maps, lets no
/// program call.
const HOST_DIFFERENCES: &[&str] = &[
    "bpf_arena_alloc_pages",
    "bpf_arena_free_pages",
    "bpf_arena_reserve_pages",
];

#[test]
fn kfunc_availability_is_the_recorded_kernels() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/kfuncs-available.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc: serde_json::Value = serde_json::from_str(&text).expect("json");
    let reg = Registry::global();
    let declared: BTreeSet<&str> = reg.iter().map(|(_, k)| k.name).collect();
    let mut wrong = Vec::new();
    let mut host = BTreeSet::new();
    let names_of = |v: &serde_json::Value| -> BTreeSet<String> {
        v.as_array()
            .expect("names")
            .iter()
            .map(|n| n.as_str().expect("a name").to_string())
            .collect()
    };
    for (key, names) in doc["allowed"].as_object().expect("allowed") {
        let (prog, attach) = key
            .split_once('/')
            .map_or((key.as_str(), None), |(p, a)| (p, Some(a)));
        let prog = ProgType::from_name(prog).unwrap_or_else(|| panic!("program type {prog}"));
        let attach =
            attach.map(|a| AttachType::from_name(a).unwrap_or_else(|| panic!("attach type {a}")));
        let recorded = names_of(names);
        // Refused before the kernel asked (device-bound kfuncs outside a
        // device-bound program): nothing to compare.
        let undetermined = doc["undetermined"]
            .get(key)
            .map(names_of)
            .unwrap_or_default();
        for name in recorded.iter().filter(|n| !declared.contains(n.as_str())) {
            wrong.push(format!("{key}: {name} recorded, not declared"));
        }
        for (id, k) in reg.iter() {
            let attached =
                k.attach == AttachTypes::NONE || attach.is_some_and(|a| k.attach.contains(a));
            let allowed = reg.allowed_in(id, prog) && attached;
            if allowed == recorded.contains(k.name) || undetermined.contains(k.name) {
                continue;
            }
            if allowed && HOST_DIFFERENCES.contains(&k.name) {
                host.insert(k.name);
                continue;
            }
            wrong.push(format!(
                "{key}: {} {}",
                k.name,
                if allowed {
                    "declared callable, the kernel refuses it"
                } else {
                    "the kernel allows it, declared not callable"
                }
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // A listed difference that no longer shows must leave the list.
    let listed: BTreeSet<&str> = HOST_DIFFERENCES.iter().copied().collect();
    assert_eq!(host, listed, "host differences that no longer differ");
}
