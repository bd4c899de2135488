//! The differential corpus: clang-built programs in `tests/corpus/` with the
//! Linux 6.18 verifier's recorded verdicts (`verdicts.json`, written by
//! `scripts/record-verdicts.sh`). kfreg must give the same verdict for every
//! program and, for a rejected one, every line of the kernel's error message;
//! every known difference is listed in `tests/corpus/DIFFERENCES` with its
//! reason, and a listed difference that disappears fails the test too, so
//! the list only shrinks. The processed-instruction count (veristat's
//! `total_insns`) is compared too: every program whose count differs from the
//! kernel's is listed in `tests/corpus/INSNS` with both counts
//! (`KFREG_BLESS=1 cargo test -p kfreg-verifier --test corpus` rewrites it).

kfreg::link!(kfreg_catalog);

mod common;

use kfreg::Registry;
use kfreg_object::loader::{LoadError, LoadOptions, Object, load_object};
use kfreg_verifier::verify;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus")
}

/// Our verdict, error message, processed instructions and (total, peak)
/// states for every program.
type Ours = BTreeMap<(String, String), (String, Option<String>, u64, (u64, u64))>;

/// Our verdict and error line for every program of every corpus object.
fn ours() -> Ours {
    let reg = Registry::global();
    // The BTF of the kernel the verdicts were recorded on (recorded with them).
    let btf = std::fs::read(corpus().join("vmlinux.btf")).expect("tests/corpus/vmlinux.btf");
    let target = LoadOptions::with_target_btf(&btf).expect("vmlinux.btf parses");
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(corpus())
        .expect("tests/corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".bpf.o"))
        .collect();
    files.sort();
    for f in files {
        let name = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(&f).expect("read object");
        let obj = load_object(&bytes, reg, &target).unwrap_or_else(|e| panic!("{name}: {e}"));
        for p in &obj.programs {
            let result = match obj.to_program(p) {
                Ok(prog) => {
                    let r = verify(&prog, reg, &common::recorded_target());
                    let insns = r.stats.insns_processed;
                    let states = (r.stats.total_states, r.stats.peak_states);
                    match r.error {
                        None => ("ACCEPT".to_string(), None, insns, states),
                        // As libbpf shows it: its log fixups name poisoned calls.
                        Some(e) => {
                            let msg = Object::libbpf_message(p, &e.msg, e.insn);
                            ("REJECT".to_string(), Some(msg), insns, states)
                        }
                    }
                }
                Err(LoadError::Decode { err, .. }) => {
                    ("REJECT".to_string(), Some(err.msg), 0, (0, 0))
                }
                Err(e) => panic!("{name}/{}: {e}", p.name),
            };
            out.insert((name.clone(), p.name.clone()), result);
        }
    }
    out
}

/// `file/program: reason` lines.
fn differences() -> BTreeMap<String, String> {
    std::fs::read_to_string(corpus().join("DIFFERENCES"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (k, why) = l.split_once(": ").unwrap_or((l, ""));
            assert!(!why.trim().is_empty(), "a difference without a reason: {l}");
            (k.trim().to_string(), why.trim().to_string())
        })
        .collect()
}

#[test]
fn kfreg_agrees_with_linux_on_the_corpus() {
    let text = std::fs::read_to_string(corpus().join("verdicts.json")).expect("verdicts.json");
    let kernel: Vec<serde_json::Value> =
        serde_json::from_str(&text).expect("verdicts.json is JSON");
    let ours = ours();
    let listed = differences();
    let mut unexplained = Vec::new();
    let mut stale = Vec::new();
    let mut insns = String::new();
    let mut states = String::new();
    let (mut rejected, mut same_message) = (0, 0);
    for k in &kernel {
        let file = k["file"].as_str().unwrap_or_default().to_string();
        let prog = k["program"].as_str().unwrap_or_default().to_string();
        let id = format!("{file}/{prog}");
        let verdict = k["verdict"].as_str().unwrap_or_default();
        // The kernel's message: at most its last ten lines were recorded.
        let error = k["error_lines"].as_array().map(|lines| {
            lines
                .iter()
                .filter_map(|l| l.as_str().map(str::to_string))
                .collect::<Vec<_>>()
        });
        let Some((our_verdict, our_error, our_insns, our_states)) =
            ours.get(&(file.clone(), prog.clone()))
        else {
            unexplained.push(format!("{id}: not found in the object"));
            continue;
        };
        let kernel_insns = k["insns_processed"].as_u64().unwrap_or_default();
        if kernel_insns != *our_insns {
            insns += &format!("{id}: kernel {kernel_insns}, kfreg {our_insns}\n");
        }
        // The kernel's summary line: `... total_states T peak_states P ...`.
        let kernel_states = k["log_tail"].as_array().and_then(|tail| {
            tail.iter().filter_map(|l| l.as_str()).find_map(|l| {
                let count = |key: &str| {
                    let rest = l.split(key).nth(1)?;
                    rest.split_whitespace().next()?.parse::<u64>().ok()
                };
                Some((count("total_states ")?, count("peak_states ")?))
            })
        });
        if let Some((t, p)) = kernel_states
            && (t, p) != *our_states
        {
            let (ot, op) = our_states;
            states += &format!("{id}: kernel total/peak states {t}/{p}, kfreg {ot}/{op}\n");
        }
        let our_error: Option<Vec<String>> = our_error
            .as_deref()
            .map(|m| m.lines().map(str::to_string).collect());
        let verdict_ok = our_verdict == verdict;
        let message_ok = verdict != "REJECT"
            || match (&our_error, &error) {
                (Some(ours), Some(theirs)) if theirs.len() >= 10 => ours.ends_with(theirs),
                (ours, theirs) => ours == theirs,
            };
        if verdict == "REJECT" && verdict_ok {
            rejected += 1;
            same_message += usize::from(message_ok);
        }
        match (verdict_ok && message_ok, listed.contains_key(&id)) {
            (true, true) => stale.push(id),
            (false, false) => unexplained.push(format!(
                "{id}:\n    kernel: {verdict} {}\n    kfreg:  {our_verdict} {}",
                error.unwrap_or_default().join(" / "),
                our_error.unwrap_or_default().join(" / ")
            )),
            _ => {}
        }
    }
    let rate = 100.0 * same_message as f64 / rejected.max(1) as f64;
    let same_insns = kernel.len() - insns.lines().count();
    eprintln!(
        "corpus: {} programs, {} differences listed, {same_message}/{rejected} rejected with the kernel's message ({rate:.1}%), \
         same processed instructions {same_insns}/{}",
        kernel.len(),
        listed.len(),
        kernel.len()
    );
    let insns_file = corpus().join("INSNS");
    let header = "# Corpus programs whose processed instructions, total states or peak states\n\
                  # differ from the kernel's.\n\
                  # Rewrite: KFREG_BLESS=1 cargo test -p kfreg-verifier --test corpus\n";
    let insns = format!("{header}{insns}{states}");
    if std::env::var_os("KFREG_BLESS").is_some() {
        std::fs::write(&insns_file, &insns).expect("write tests/corpus/INSNS");
    }
    let recorded = std::fs::read_to_string(&insns_file).unwrap_or_default();
    assert!(
        recorded == insns,
        "processed instructions differ from tests/corpus/INSNS (a count changed, a program \
         started or stopped agreeing); diff against:\n{insns}"
    );
    assert!(
        kernel.len() >= 150,
        "the corpus has {} programs",
        kernel.len()
    );
    assert!(
        stale.is_empty(),
        "listed in DIFFERENCES but now agreeing (remove them):\n{}",
        stale.join("\n")
    );
    assert!(
        unexplained.is_empty(),
        "{} unexplained differences:\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
}
