//! The verifier's modules form layers with no import circle: `src/lib.rs`
//! declares them in groups, lowest first, and a module may use only
//! modules of earlier groups. A new module, or a new `crate::` path that
//! reaches sideways or up, fails here with the offending pair named.

use std::collections::BTreeSet;
use std::path::Path;

/// The module groups of lib.rs in order; a comment line starts a group.
fn layers(lib: &str) -> Vec<Vec<String>> {
    let mut layers: Vec<Vec<String>> = Vec::new();
    let mut open = false;
    for line in lib.lines().map(str::trim) {
        if line.starts_with("//") && !line.starts_with("//!") {
            if !open {
                layers.push(Vec::new());
                open = true;
            }
        } else if let Some(name) = line
            .strip_prefix("pub mod ")
            .or_else(|| line.strip_prefix("mod "))
            .and_then(|r| r.strip_suffix(';'))
        {
            if layers.is_empty() {
                layers.push(Vec::new());
            }
            layers.last_mut().expect("a layer").push(name.to_string());
            open = false;
        }
    }
    layers
}

/// The crate modules `text` names through `crate::` paths, comments aside.
fn uses(text: &str) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    code.match_indices("crate::")
        .map(|(i, m)| {
            code[i + m.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn modules_use_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let layers = layers(&lib);
    assert!(layers.len() >= 8, "lib.rs declares its modules in layers");
    let layer_of = |m: &str| layers.iter().position(|l| l.iter().any(|x| x == m));

    let mut files: Vec<String> = std::fs::read_dir(&src)
        .expect("src")
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".rs")
                .map(String::from)
        })
        .filter(|m| m != "lib")
        .collect();
    files.sort();
    let mut wrong = Vec::new();
    for m in &files {
        let Some(own) = layer_of(m) else {
            wrong.push(format!("{m}: not declared in a layer of lib.rs"));
            continue;
        };
        let text = std::fs::read_to_string(src.join(format!("{m}.rs"))).expect("module");
        for used in uses(&text).into_iter().filter(|u| u != m) {
            match layer_of(&used) {
                Some(l) if l < own => {}
                _ => wrong.push(format!(
                    "{m} (layer {own}) uses {used} ({:?})",
                    layer_of(&used)
                )),
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn a_sideways_use_is_caught() {
    let lib = "// a\nmod low;\n// b\nmod high;\nmod peer;\n";
    let layers = layers(lib);
    assert_eq!(
        layers,
        vec![vec!["low".to_string()], vec!["high".into(), "peer".into()]]
    );
    assert_eq!(
        uses("use crate::peer::X;\n// crate::low\nfn f() { crate::low::g() }"),
        BTreeSet::from(["peer".to_string(), "low".to_string()])
    );
}
