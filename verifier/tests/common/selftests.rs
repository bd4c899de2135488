//! The kernel's BPF selftests as built by scripts/selftests-corpus.sh, and
//! kfreg's outcome for the programs of one of their objects.

use kfreg::Registry;
use kfreg_object::loader::{LoadError, LoadOptions, Object, load_object, object_name};
use kfreg_verifier::verify;
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn data_dir() -> PathBuf {
    root().join("tests/selftests")
}

/// The built objects, built first when missing.
pub fn objects() -> PathBuf {
    let obj = root().join("target/selftests/obj");
    if !obj.join(".stamp").exists() {
        eprintln!(
            "selftests: {} is missing; running scripts/selftests-corpus.sh",
            obj.display()
        );
        let status = Command::new("bash")
            .arg(root().join("scripts/selftests-corpus.sh"))
            .status();
        assert!(
            status.is_ok_and(|s| s.success()) && obj.join(".stamp").exists(),
            "the selftests' objects could not be built: run scripts/selftests-corpus.sh \
             (as root the first time: it installs linux-source-6.12) and look at its output"
        );
    }
    obj
}

/// The recording kernel's values of the `CONFIG_` options the objects read
/// and libbpf's virtual `LINUX_` values probed there
/// (`tests/selftests/kconfig`).
pub fn kconfig() -> std::collections::HashMap<String, kfreg_object::loader::kconfig::Value> {
    let text = std::fs::read_to_string(data_dir().join("kconfig")).unwrap_or_default();
    kfreg_object::loader::kconfig::parse(&text)
}

/// What kfreg made of one program.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// Verified: the verdict, the error message's lines and the processed
    /// count.
    Verdict {
        accepted: bool,
        error: Vec<String>,
        insns: u64,
    },
    /// kfreg's loader refused the object or the program.
    Loader(String),
    /// kfreg panicked.
    Panic(String),
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(non-string panic)".to_string())
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// kfreg's outcome for every program of `file`, by program name.
pub fn verify_file(path: &Path, reg: &Registry, target: &LoadOptions) -> BTreeMap<String, Outcome> {
    let mut out = BTreeMap::new();
    let Ok(bytes) = std::fs::read(path) else {
        return out;
    };
    // The recording opened the file by its path: libbpf names the object so.
    let target = target.for_object(Some(object_name(&path.to_string_lossy())));
    let obj = match catch_unwind(AssertUnwindSafe(|| load_object(&bytes, reg, &target))) {
        Ok(Ok(obj)) => obj,
        Ok(Err(e)) => {
            out.insert(String::new(), Outcome::Loader(e.to_string()));
            return out;
        }
        Err(p) => {
            out.insert(String::new(), Outcome::Panic(panic_text(&*p)));
            return out;
        }
    };
    for p in &obj.programs {
        let run = catch_unwind(AssertUnwindSafe(|| match obj.to_program(p) {
            Ok(prog) => {
                let r = verify(&prog, reg, &super::recorded_target());
                Outcome::Verdict {
                    accepted: r.error.is_none(),
                    // As libbpf shows it: its log fixups name poisoned calls.
                    error: r.error.as_ref().map_or_else(Vec::new, |e| {
                        let msg = Object::libbpf_message(p, &e.msg, e.insn);
                        msg.lines().map(str::to_string).collect()
                    }),
                    insns: r.stats.insns_processed,
                }
            }
            // The kernel rejects a bad encoding before verifying: a verdict.
            Err(LoadError::Decode { err, .. }) => Outcome::Verdict {
                accepted: false,
                error: err.msg.lines().map(str::to_string).collect(),
                insns: 0,
            },
            Err(e) => Outcome::Loader(e.to_string()),
        }));
        let outcome = run.unwrap_or_else(|p| Outcome::Panic(panic_text(&*p)));
        out.insert(p.name.clone(), outcome);
    }
    out
}

/// Options for loading the objects as the recording kernel did: its BTF
/// (the recorded `tests/corpus/vmlinux.btf`), its configuration and the
/// symbols it listed of those the objects name (`tests/selftests/kallsyms`,
/// written by scripts/kallsyms-excerpt.py).
pub fn recorded_load_options() -> LoadOptions {
    let btf = std::fs::read(root().join("tests/corpus/vmlinux.btf")).expect("vmlinux.btf");
    let mut target = LoadOptions::with_target_btf(&btf).expect("vmlinux.btf parses");
    target.kconfig = kconfig();
    let kallsyms = std::fs::read_to_string(data_dir().join("kallsyms")).expect("kallsyms");
    target.kallsyms = Some(std::sync::Arc::new(kfreg_object::loader::Kallsyms::parse(
        &kallsyms,
    )));
    target
}
