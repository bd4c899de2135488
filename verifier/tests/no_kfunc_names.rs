//! The principle, enforced: the verifier's source names no kfunc and
//! compares no kfunc's identity. Every kfunc-specific decision comes from a
//! registry query.

kfreg::link!(kfreg_catalog, kfreg_list2026, kf_stack);

use std::path::Path;

fn sources() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("verifier/src").flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&p).expect("read");
            out.push((
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                text,
            ));
        }
    }
    assert!(out.len() > 10, "found the verifier's sources");
    out
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whole-word occurrences of `word` in `text`.
fn mentions(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    })
}

#[test]
fn verifier_source_names_no_kfunc() {
    let reg = kfreg::Registry::global();
    assert!(reg.len() > 200, "the catalog is linked");
    // `struct bpf_res_spin_lock` is a BTF type the verifier must recognise in
    // map values; the kfunc of the same name is not what it refers to.
    let struct_names = ["bpf_res_spin_lock"];
    let mut found = Vec::new();
    for (file, text) in sources() {
        for (_, k) in reg.iter() {
            if mentions(&text, k.name) && !(file == "program.rs" && struct_names.contains(&k.name))
            {
                found.push(format!("{file}: {}", k.name));
            }
        }
    }
    assert!(
        found.is_empty(),
        "kfunc names in verifier/src:\n{}",
        found.join("\n")
    );
}

#[test]
fn verifier_source_compares_no_kfunc_identity() {
    for (file, text) in sources() {
        for pattern in [
            "special_kfunc",
            "k.name ==",
            ".name == \"",
            "== k.name",
            "k.name.starts_with(",
            "KfuncId(",
            "reg.id(\"",
        ] {
            assert!(
                !text.contains(pattern),
                "{file} contains `{pattern}`: a kfunc-specific decision must come from the kfunc's declaration"
            );
        }
    }
}

#[test]
fn the_check_would_catch_a_name() {
    assert!(mentions("if k == bpf_obj_new_impl {", "bpf_obj_new_impl"));
    assert!(!mentions("bpf_obj_new_impl_twin", "bpf_obj_new_impl"));
}

#[test]
fn verifier_source_names_no_helper() {
    let helpers = kfreg::Registry::global().helpers();
    assert!(helpers.count() > 200, "the catalog's helpers are linked");
    // Kernel struct names that are also helper names: the verifier must
    // recognise the struct in map values and in its messages.
    let struct_names = ["bpf_spin_lock", "bpf_tcp_sock"];
    let mut found = Vec::new();
    for (file, text) in sources() {
        for h in helpers.iter() {
            if mentions(&text, h.name) && !struct_names.contains(&h.name) {
                found.push(format!("{file}: {}", h.name));
            }
        }
    }
    found.sort();
    found.dedup();
    assert!(
        found.is_empty(),
        "helper names in verifier/src:\n{}",
        found.join("\n")
    );
}

#[test]
fn verifier_source_compares_no_helper_identity() {
    for (file, text) in sources() {
        for pattern in [
            "BPF_FUNC_",
            "Call::Helper(1",
            "Call::Helper(2",
            "helper_id(\"",
        ] {
            assert!(
                !text.contains(pattern),
                "{file} contains `{pattern}`: a helper-specific decision must come from the helper's declaration"
            );
        }
    }
}
