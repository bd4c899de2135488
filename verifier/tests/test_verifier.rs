//! The kernel's own test_verifier cases (tools/testing/selftests/bpf/verifier/*.c
//! of Linux 6.1 and 6.12): raw instructions with maps, written by the
//! kernel's developers to probe the verifier's corners. The cases are
//! extracted from Debian's linux-source packages at test time
//! (scripts/test-verifier-corpus.sh, cached in target/test-verifier); the
//! running kernel's verdicts on them are recorded in
//! `tests/test-verifier/{6.1,6.12}.json` (scripts/test-verifier-record.py).
//! kfreg must give every recorded case the kernel's verdict, message and,
//! where both accept, processed count; a case where it knowingly differs is
//! listed with its reason in `tests/test-verifier/EXCEPTIONS`.

mod common;
kfreg::link!(kfreg_catalog);

use common::meta::Meta;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The trees whose cases are recorded.
const TREES: [&str; 2] = ["6.1", "6.12"];

/// Cases and recorded answers from elsewhere (`KFREG_TV_CASES=FILE` and
/// `KFREG_TV_VERDICTS=FILE`: variants generated and recorded by a script),
/// instead of the trees'.
fn elsewhere() -> Option<(PathBuf, PathBuf)> {
    Some((
        std::env::var_os("KFREG_TV_CASES")?.into(),
        std::env::var_os("KFREG_TV_VERDICTS")?.into(),
    ))
}

/// A value of the extracted cases' or the recording's JSON.
type Json = serde_json::Value;

/// The extracted cases of `tree`, extracted first when missing.
fn cases(tree: &str) -> BTreeMap<String, Json> {
    let path = match elsewhere() {
        Some((cases, _)) => cases,
        None => root().join(format!("target/test-verifier/{tree}.json")),
    };
    if !path.exists() && elsewhere().is_none() {
        let status = Command::new("bash")
            .arg(root().join("scripts/test-verifier-corpus.sh"))
            .status();
        assert!(
            status.is_ok_and(|s| s.success()) && path.exists(),
            "the test_verifier cases could not be extracted: run \
             scripts/test-verifier-corpus.sh (as root the first time: it installs \
             linux-source-6.1 and linux-source-6.12) and look at its output"
        );
    }
    let text = std::fs::read_to_string(&path).expect("the extracted cases");
    let list: Vec<Json> = serde_json::from_str(&text).expect("the extracted cases' JSON");
    list.into_iter()
        .map(|c| (c["name"].as_str().unwrap_or_default().to_string(), c))
        .collect()
}

fn recorded(tree: &str) -> Vec<Json> {
    let path = match elsewhere() {
        Some((_, verdicts)) => verdicts,
        None => root().join(format!("tests/test-verifier/{tree}.json")),
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("the recorded verdicts' JSON")
}

/// `tree/name` -> reason, from `tests/test-verifier/EXCEPTIONS`.
fn exceptions() -> BTreeMap<String, String> {
    let path = root().join("tests/test-verifier/EXCEPTIONS");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (case, why) = l.rsplit_once(" -- ").unwrap_or((l, ""));
            assert!(!why.trim().is_empty(), "exception without a reason: {l}");
            (case.trim().to_string(), why.trim().to_string())
        })
        .collect()
}

/// A case's instructions (hex of their 8-byte slots).
fn insns(case: &Json) -> Vec<kfreg_isa::RawInsn> {
    let s = case["insns"].as_str().unwrap_or_default();
    let bytes: Vec<u8> = (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex instructions"))
        .collect();
    kfreg_isa::RawInsn::from_bytes(&bytes).expect("whole instruction slots")
}

/// kfreg's answer on one case and its processed count: the recorded meta
/// lines say what the program is loaded as.
fn kfreg_answer(case: &Json, row: &Json) -> (Meta, Result<(String, u64), String>) {
    let mut meta = Meta::default();
    for line in case["meta"].as_array().into_iter().flatten() {
        if let Err(e) = meta.parse(line.as_str().unwrap_or_default()) {
            return (meta, Err(format!("meta: {e}")));
        }
    }
    meta.before = row["before"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|l| Some(l.as_str()?.to_string()))
        .collect();
    let code = insns(case);
    let got = std::panic::catch_unwind(|| {
        let report = meta.apply(common::Case::raw(meta.prog_type, &code)).run();
        (meta.answer(&report), report.stats.insns_processed)
    });
    (meta, got.map_err(|_| "PANIC".to_string()))
}

/// With `KFREG_TV_LOG=TEXT`, prints kfreg's log for the cases whose name
/// contains TEXT (to compare with the kernel's).
fn print_log_when_asked(name: &str, case: &Json, meta: &Meta) {
    let Ok(want) = std::env::var("KFREG_TV_LOG") else {
        return;
    };
    if name.contains(&want) {
        let code = insns(case);
        let c = meta.apply(common::Case::raw(meta.prog_type, &code));
        eprintln!("### {name}\n{}", c.run_logged().log);
    }
}

#[test]
fn kfreg_agrees_with_linux_on_its_test_verifier_cases() {
    let (exceptions, trees) = match elsewhere() {
        Some(_) => (BTreeMap::new(), &TREES[..1]),
        None => (exceptions(), &TREES[..]),
    };
    let mut failures = Vec::new();
    let mut seen_exceptions = Vec::new();
    let mut total = 0;
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for &tree in trees {
        let cases = cases(tree);
        let rows = recorded(tree);
        assert!(
            rows.len() > 400 || elsewhere().is_some(),
            "{tree}: {} recorded cases",
            rows.len()
        );
        for row in &rows {
            total += 1;
            let name = row["name"].as_str().unwrap_or_default();
            let id = format!("{tree}/{name}");
            let Some(case) = cases.get(name) else {
                failures.push(format!("{id}: recorded, but not among the extracted cases"));
                continue;
            };
            let want = row["verdict"].as_str().unwrap_or_default();
            let want_insns = row["insns"].as_u64();
            let (meta, got) = kfreg_answer(case, row);
            print_log_when_asked(&id, case, &meta);
            let differs = match &got {
                Ok((answer, insns)) => {
                    answer != want || (want == "ACCEPT" && want_insns.is_some_and(|n| n != *insns))
                }
                Err(_) => true,
            };
            if exceptions.contains_key(&id) {
                seen_exceptions.push(id.clone());
                if !differs {
                    failures.push(format!(
                        "{id}: listed in EXCEPTIONS but now agrees; remove it"
                    ));
                }
                continue;
            }
            if differs {
                let got = match got {
                    Ok((answer, insns)) => format!("{answer} ({insns} insns)"),
                    Err(e) => e,
                };
                failures.push(format!(
                    "{id}:\n    kernel: {}{want} ({} insns)\n    kfreg:  {got}",
                    meta.before
                        .iter()
                        .map(|b| format!("{b} / "))
                        .collect::<String>(),
                    want_insns.unwrap_or_default()
                ));
            }
        }
    }
    std::panic::set_hook(hook);
    for id in exceptions.keys() {
        if !seen_exceptions.contains(id) {
            failures.push(format!("{id}: listed in EXCEPTIONS but not recorded"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
