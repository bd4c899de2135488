//! The catalog's helper declarations against the kernel.
//!
//! Names and numbers against the recorded BTF's `enum bpf_func_id`; every
//! prototype against the facts `scripts/helpers-from-kernel.py` extracted
//! from the Linux 6.12 sources (`data/helpers-6.12.json`); availability
//! against what the running 6.18.44 kernel gave each program type, and
//! tracing programs at the attach points it loads (`data/helpers-available.json`,
//! `scripts/helper-availability.py`).

kfreg::link!(kfreg_catalog);

use kfreg::{
    ArgFlags, ArgType, HelperArg, HelperFlags, ProgFlags, ProgType, Registry, RetFlags, RetType,
};
use kfreg_object::btf::{Btf, Kind, TypeData};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn json(name: &str) -> Value {
    let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `enum bpf_func_id` of the recorded kernel BTF: number -> helper name.
fn btf_func_ids() -> BTreeMap<u32, String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/vmlinux.btf");
    let btf = Btf::from_file(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let id = btf
        .find("bpf_func_id", Kind::Enum)
        .expect("enum bpf_func_id");
    let TypeData::Enum { values, .. } = &btf.type_by_id(id).expect("type").data else {
        panic!("bpf_func_id is not an enum");
    };
    values
        .iter()
        .filter_map(|v| {
            let name = btf.string(v.name_off).expect("enumerator name");
            let helper = name.strip_prefix("BPF_FUNC_")?;
            (!helper.starts_with("__")).then(|| (v.val as u32, format!("bpf_{helper}")))
        })
        .collect()
}

#[test]
fn every_helper_of_the_kernel_btf_is_declared_under_its_name_and_number() {
    let kernel = btf_func_ids();
    assert_eq!(kernel.len(), 212, "unspec and the 211 helpers of 6.18");
    let helpers = Registry::global().helpers();
    let declared: BTreeMap<u32, String> = (0..helpers.max_id())
        .filter_map(|id| helpers.name(id).map(|n| (id, n.to_string())))
        .collect();
    assert_eq!(declared, kernel);
    assert_eq!(helpers.max_id(), 212);
}

/// The kernel's spelling of an argument: base type and modifiers.
fn arg_text(a: &HelperArg) -> BTreeSet<String> {
    let base = a.ty.kernel_name();
    let mut out: BTreeSet<String> = a.flags.names().into_iter().map(String::from).collect();
    out.insert(base.to_string());
    out
}

/// The facts' spelling, with the kernel's shorthand names expanded.
fn fact_text(parts: &[Value]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for p in parts {
        let p = p.as_str().expect("type word");
        let expanded: &[&str] = match p {
            "ARG_PTR_TO_MAP_VALUE_OR_NULL" => &["ARG_PTR_TO_MAP_VALUE", "PTR_MAYBE_NULL"],
            "ARG_PTR_TO_MEM_OR_NULL" => &["ARG_PTR_TO_MEM", "PTR_MAYBE_NULL"],
            "ARG_PTR_TO_CTX_OR_NULL" => &["ARG_PTR_TO_CTX", "PTR_MAYBE_NULL"],
            "ARG_PTR_TO_SOCKET_OR_NULL" => &["ARG_PTR_TO_SOCKET", "PTR_MAYBE_NULL"],
            "ARG_PTR_TO_STACK_OR_NULL" => &["ARG_PTR_TO_STACK", "PTR_MAYBE_NULL"],
            "ARG_PTR_TO_BTF_ID_OR_NULL" => &["ARG_PTR_TO_BTF_ID", "PTR_MAYBE_NULL"],
            "ARG_PTR_TO_UNINIT_MEM" => &["ARG_PTR_TO_MEM", "MEM_UNINIT", "MEM_WRITE"],
            "ARG_PTR_TO_FIXED_SIZE_MEM" => &["ARG_PTR_TO_MEM", "MEM_FIXED_SIZE"],
            other => &[other][..],
        };
        out.extend(expanded.iter().map(|s| s.to_string()));
    }
    out
}

fn ret_text(h: &kfreg::Helper) -> BTreeSet<String> {
    let r = h.ret;
    let base = r.ty.kernel_name();
    let mut out: BTreeSet<String> = r.flags.names().into_iter().map(String::from).collect();
    out.insert(base.to_string());
    out
}

fn ret_fact_text(parts: &[Value]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for p in parts {
        let p = p.as_str().expect("type word");
        let expanded: &[&str] = match p {
            "RET_PTR_TO_MAP_VALUE_OR_NULL" => &["RET_PTR_TO_MAP_VALUE", "PTR_MAYBE_NULL"],
            "RET_PTR_TO_SOCKET_OR_NULL" => &["RET_PTR_TO_SOCKET", "PTR_MAYBE_NULL"],
            "RET_PTR_TO_TCP_SOCK_OR_NULL" => &["RET_PTR_TO_TCP_SOCK", "PTR_MAYBE_NULL"],
            "RET_PTR_TO_SOCK_COMMON_OR_NULL" => &["RET_PTR_TO_SOCK_COMMON", "PTR_MAYBE_NULL"],
            "RET_PTR_TO_RINGBUF_MEM_OR_NULL" => {
                &["RET_PTR_TO_MEM", "MEM_RINGBUF", "PTR_MAYBE_NULL"]
            }
            "RET_PTR_TO_DYNPTR_MEM_OR_NULL" => &["RET_PTR_TO_MEM", "PTR_MAYBE_NULL"],
            "RET_PTR_TO_BTF_ID_OR_NULL" => &["RET_PTR_TO_BTF_ID", "PTR_MAYBE_NULL"],
            "RET_PTR_TO_BTF_ID_TRUSTED" => &["RET_PTR_TO_BTF_ID", "PTR_TRUSTED"],
            other => &[other][..],
        };
        out.extend(expanded.iter().map(|s| s.to_string()));
    }
    out
}

#[test]
fn every_prototype_matches_the_kernel_sources() {
    let facts = json("helpers-6.12.json");
    let protos = facts["protos"].as_object().expect("protos");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for h in Registry::global().helpers().iter() {
        if h.prog_types.iter().next().is_none() {
            continue;
        }
        // The item is the kernel's proto name without `_proto` (and with
        // `bpf_` in front where the kernel's name lacks it).
        let bare = h.proto.strip_prefix("bpf_").unwrap_or(h.proto);
        let fact = protos
            .iter()
            .find(|(k, _)| {
                let k = k.replace("_proto", "");
                k == h.proto || k == bare
            })
            .map(|(_, v)| v)
            .unwrap_or_else(|| panic!("{}: no kernel proto", h.proto));
        let args = fact["args"].as_array().expect("args");
        if args.len() != h.used_args().len() {
            wrong.push(format!(
                "{}: {} arguments, the kernel {}",
                h.proto,
                h.used_args().len(),
                args.len()
            ));
        }
        let zero = facts["verifier"]["zero_args"][h.name.strip_prefix("bpf_").unwrap_or(h.name)]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let map_value = facts["verifier"]["map_value_args"]
            [h.name.strip_prefix("bpf_").unwrap_or(h.name)]
        .as_array()
        .cloned()
        .unwrap_or_default();
        for (i, (a, f)) in h.used_args().iter().zip(args).enumerate() {
            let mut want = fact_text(f["type"].as_array().expect("type"));
            if zero.iter().any(|r| r.as_u64() == Some(i as u64 + 1)) {
                want.insert(ArgFlags::ZERO.names()[0].to_string());
            }
            if map_value.iter().any(|r| r.as_u64() == Some(i as u64 + 1)) {
                want.insert(ArgFlags::MAP_VALUE_ONLY.names()[0].to_string());
            }
            if arg_text(a) != want {
                wrong.push(format!(
                    "{} arg{}: {:?}, the kernel {want:?}",
                    h.proto,
                    i + 1,
                    arg_text(a)
                ));
            }
            let btf = f["btf"].as_str().filter(|b| *b != "POISON");
            if a.ty == ArgType::BtfId && a.btf != btf {
                wrong.push(format!(
                    "{} arg{}: struct {:?}, the kernel {btf:?}",
                    h.proto,
                    i + 1,
                    a.btf
                ));
            }
            if a.has(ArgFlags::FIXED_SIZE) && a.size == 0 {
                wrong.push(format!("{} arg{}: fixed size 0", h.proto, i + 1));
            }
        }
        let want = ret_fact_text(fact["ret"].as_array().expect("ret"));
        if ret_text(h) != want {
            wrong.push(format!(
                "{} ret: {:?}, the kernel {want:?}",
                h.proto,
                ret_text(h)
            ));
        }
        for (flag, field) in [
            (HelperFlags::GPL_ONLY, "gpl_only"),
            (HelperFlags::MIGHT_SLEEP, "might_sleep"),
            (HelperFlags::PKT_ACCESS, "pkt_access"),
        ] {
            if h.has(flag) != fact[field].as_bool().unwrap_or(false) {
                wrong.push(format!("{}: {field} is {}", h.proto, h.has(flag)));
            }
        }
        checked += 1;
    }
    assert!(
        wrong.is_empty(),
        "{} prototype(s) differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert!(checked > 250, "{checked} prototypes checked");
}

#[test]
fn the_verifiers_identity_lists_are_declared_properties() {
    let facts = json("helpers-6.12.json");
    let v = &facts["verifier"];
    let helpers = Registry::global().helpers();
    let names = |key: &str| -> BTreeSet<String> {
        v[key]
            .as_array()
            .expect(key)
            .iter()
            .map(|n| format!("bpf_{}", n.as_str().unwrap()))
            .collect()
    };
    let available = |name: &String| {
        helpers
            .iter()
            .any(|h| h.name == name && h.prog_types.iter().next().is_some())
    };
    let names =
        |key: &str| -> BTreeSet<String> { names(key).into_iter().filter(available).collect() };
    let with = |flag: HelperFlags| -> BTreeSet<String> {
        helpers
            .iter()
            .filter(|h| h.has(flag))
            .map(|h| h.name.to_string())
            .collect()
    };
    assert_eq!(with(HelperFlags::ACQUIRE), names("acquire"));
    assert_eq!(
        with(HelperFlags::CHANGES_PKT_DATA),
        names("changes_pkt_data")
    );
    assert_eq!(with(HelperFlags::WRITES_MAP), names("writes_map"));
    assert_eq!(with(HelperFlags::TAIL_CALL), names("tail_call"));
    assert_eq!(with(HelperFlags::CARRIES_REF), names("carries_ref"));
    assert_eq!(with(HelperFlags::WRITES_DYNPTR), names("writes_dynptr"));
    assert_eq!(
        with(HelperFlags::RET_SIZE_BOUNDED),
        names("ret_size_bounded")
    );
    let callbacks: BTreeSet<String> = helpers
        .iter()
        .filter(|h| h.callback.is_some())
        .map(|h| h.name.to_string())
        .collect();
    let mut want = names("sync_callback");
    want.extend(names("async_callback"));
    assert_eq!(callbacks, want);
    let async_cb: BTreeSet<String> = helpers
        .iter()
        .filter(|h| h.callback.is_some_and(|c| c.is_async()))
        .map(|h| h.name.to_string())
        .collect();
    assert_eq!(async_cb, names("async_callback"));
}

#[test]
fn availability_is_the_recorded_kernels() {
    let recorded = json("helpers-available.json");
    let helpers = Registry::global().helpers();
    let prog_type =
        |name: &str| ProgType::from_name(name).unwrap_or_else(|| panic!("program type {name}"));
    // Every program type probed, then the ones whose helpers depend on how
    // they attach, at the attach points this machine loads.
    let mut probed = Vec::new();
    for (name, ids) in recorded["prog_types"].as_object().expect("prog_types") {
        probed.push((name.clone(), prog_type(name), None, ids));
    }
    for (name, points) in recorded["attach"].as_object().expect("attach") {
        for (word, ids) in points.as_object().expect("attach points") {
            let attach =
                kfreg::AttachType::from_name(word).unwrap_or_else(|| panic!("attach type {word}"));
            probed.push((format!("{name}/{word}"), prog_type(name), Some(attach), ids));
        }
    }
    let mut wrong = Vec::new();
    for (label, prog, attach, ids) in probed {
        let want: BTreeSet<u32> = ids
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_u64().unwrap() as u32)
            .collect();
        let have: BTreeSet<u32> = (0..helpers.max_id())
            .filter(|id| helpers.get_for(*id, prog, attach).is_some())
            .collect();
        for id in want.symmetric_difference(&have) {
            wrong.push(format!(
                "{label}: {} {}",
                helpers.name(*id).unwrap_or("?"),
                if have.contains(id) {
                    "declared, not available"
                } else {
                    "available, not declared"
                }
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn helpers_that_return_maybe_null_pointers_say_so() {
    // A sanity rule across the catalog: a lookup that can fail is declared so.
    let h = Registry::global().helpers();
    let lookup = h.get(1, ProgType::Xdp).expect("bpf_map_lookup_elem");
    assert!(lookup.ret.has(RetFlags::MAYBE_NULL));
    assert_eq!(lookup.ret.ty, RetType::MapValue);
}

#[test]
fn program_types_that_may_update_socket_maps_are_the_kernels() {
    let facts = json("helpers-6.12.json");
    let v = &facts["verifier"]["may_update_sockmap"];
    let list = |k: &str| -> BTreeSet<ProgType> {
        v[k].as_array()
            .expect(k)
            .iter()
            .map(|p| ProgType::from_name(p.as_str().unwrap()).expect("program type"))
            .collect()
    };
    let updates = list("update_and_delete");
    let deletes = list("delete_only");
    assert!(!updates.is_empty());
    let reg = Registry::global();
    for p in ProgType::ALL {
        let d = reg.prog_types().get(*p).expect("declared");
        assert_eq!(
            d.has(ProgFlags::SOCKMAP_UPDATE),
            updates.contains(p),
            "{p:?} updates"
        );
        assert_eq!(
            d.has(ProgFlags::SOCKMAP_UPDATE) || d.has(ProgFlags::SOCKMAP_REMOVE),
            updates.contains(p) || deletes.contains(p),
            "{p:?} deletes"
        );
    }
}
