//! The real inputs mutations start from.

use kfreg_object::embedded::{Kind, classify, find_embedded};
use std::path::{Path, PathBuf};

/// The workspace root (the fuzzer runs in the tree it was built from).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// BPF objects: the clang-built corpus (`tests/corpus`), the loader
/// fixtures (`verifier/tests/fixtures`), the kernel selftests when built
/// (`target/selftests/obj`, by `scripts/selftests-corpus.sh`), the
/// installed Debian objects of the real-object corpus (the paths
/// `tests/real/verdicts.json` records, host binaries searched for embedded
/// objects) and `extra` (files, or directories whose `*.o` files are read),
/// each named.
pub fn objects(extra: &[PathBuf]) -> Vec<(String, Vec<u8>)> {
    let root = root();
    let mut paths = Vec::new();
    for dir in [
        root.join("tests/corpus"),
        root.join("verifier/tests/fixtures"),
    ] {
        paths.extend(dir_objects(&dir));
    }
    if let Ok(text) = std::fs::read_to_string(root.join("tests/real/verdicts.json")) {
        let mut real: Vec<PathBuf> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("\"path\": \""))
            .filter_map(|l| l.strip_suffix("\","))
            .map(PathBuf::from)
            .collect();
        real.sort();
        real.dedup();
        paths.extend(real);
    }
    for p in extra {
        if p.is_dir() {
            paths.extend(dir_objects(p));
        } else {
            paths.push(p.clone());
        }
    }
    let mut out = Vec::new();
    for path in paths {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let name = path.display().to_string();
        match classify(&bytes) {
            Some(Kind::BpfObject | Kind::BigEndianBpf) => out.push((name, bytes)),
            _ => {
                for e in find_embedded(&bytes).0 {
                    out.push((
                        format!("{name}@{:#x}", e.offset),
                        bytes[e.offset..e.offset + e.len].to_vec(),
                    ));
                }
            }
        }
    }
    out
}

fn dir_objects(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "o"))
        .collect();
    files.sort();
    files
}

/// The `.BTF` sections of `objects`, named after their object.
pub fn btf_blobs(objects: &[(String, Vec<u8>)]) -> Vec<(String, Vec<u8>)> {
    objects
        .iter()
        .filter_map(|(name, bytes)| {
            let elf = kfreg_object::elf::ElfObject::parse(bytes).ok()?;
            let s = elf.section(".BTF")?;
            Some((format!("{name}:.BTF"), s.data.to_vec()))
        })
        .collect()
}
