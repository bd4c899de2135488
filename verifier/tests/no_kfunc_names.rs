//! The principle, enforced: the verifier's source names no kfunc, helper
//! or program type and compares no kfunc's identity. Every such decision
//! comes from a registry query.

kfreg::link!(kfreg_catalog, kfreg_list2026, kf_stack);

use std::path::Path;

/// Every source file of the crates that load and verify programs (isa/src,
/// object/src, verifier/src), by path relative to the workspace.
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(dir)
            .expect("a source directory")
            .flatten()
        {
            let p = e.path();
            if p.is_dir() {
                walk(&p, root, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).expect("read");
                let rel = p.strip_prefix(root).unwrap_or(&p);
                out.push((rel.to_string_lossy().into_owned(), text));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    for krate in ["isa", "object", "verifier"] {
        walk(&root.join(krate).join("src"), &root, &mut out);
    }
    assert!(out.len() > 30, "found the sources");
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
            if mentions(&text, k.name) && !struct_names.contains(&k.name) {
                found.push(format!("{file}: {}", k.name));
            }
        }
    }
    assert!(
        found.is_empty(),
        "kfunc names in isa/, object/ or verifier/ sources:\n{}",
        found.join("\n")
    );
}

#[test]
fn verifier_source_compares_no_kfunc_identity() {
    for (file, text) in sources() {
        for pattern in [
            "special_kfunc",
            "k.name ==",
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
        // A name compared with a literal, other than an ELF section's (`.maps`).
        let literal = text
            .match_indices(".name == \"")
            .any(|(i, m)| !text[i + m.len()..].starts_with('.'));
        assert!(
            !literal,
            "{file} compares a name with a literal: a kfunc-specific decision must come from the kfunc's declaration"
        );
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
        "helper names in isa/, object/ or verifier/ sources:\n{}",
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

#[test]
fn verifier_source_names_no_program_type() {
    // Every program-type decision is a query of the type's declaration:
    // no `ProgType::Xdp`, no context struct or section name in the source.
    let reg = kfreg::Registry::global();
    let mut found = Vec::new();
    for (file, text) in sources() {
        for p in kfreg::ProgType::ALL {
            let constant = format!("ProgType::{}", p.constant().expect("kernel type"));
            if mentions(&text, &constant) {
                found.push(format!("{file}: {constant}"));
            }
        }
        for d in reg.prog_types().iter() {
            let ctx = d.ctx.and_then(|c| c.btf_name);
            let quoted = ctx.iter().map(|c| format!("\"{c}\""));
            let sections = d.sections.iter().map(|s| format!("(\"{}\"", s.pattern));
            for needle in quoted.chain(sections) {
                if text.contains(&needle) {
                    found.push(format!("{file}: {needle}"));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    assert!(
        found.is_empty(),
        "program types named in isa/, object/ or verifier/ sources:\n{}",
        found.join("\n")
    );
}
