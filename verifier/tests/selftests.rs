//! The Linux BPF selftests as a conformance corpus (issue 12).
//!
//! `scripts/selftests-corpus.sh` compiles the selftests' programs from
//! Debian's linux-source-6.12 into `target/selftests/obj` (never committed)
//! and, with `--record`, records what the running kernel (6.18) says about
//! each program in `tests/selftests/verdicts.json`. This test verifies every
//! recorded program with kfreg, the way `kfreg verify` does, against the
//! recorded BTF `tests/corpus/vmlinux.btf` and the recorded values of the
//! kernel options the programs read (`tests/selftests/kconfig`), and
//! compares the verdict and the error message, line by line (kernel
//! addresses masked), with the kernel's.
//!
//! Every difference is listed in `tests/selftests/DIFFERENCES` with its kind
//! (FALSE-ACCEPT, PANIC, LOADER, FALSE-REJECT, MESSAGE for the last line,
//! EARLIER-LINE for the lines before it) and reason. The test
//! fails on a difference that is not listed (or listed with another kind)
//! and on a listed one that now agrees, so the list only shrinks.
//!
//! `KFREG_BLESS=1 cargo test -p kfreg-verifier --test selftests` rewrites the
//! list: reasons written by hand are kept, new entries get an automatic
//! reason (prefixed `auto:`) built from the two messages, and automatic
//! reasons are rebuilt.
//!
//! When the objects are missing, the test runs the build script itself
//! (about two minutes on two cores); if that fails, the test fails and says
//! how to build them.

kfreg::link!(kfreg_catalog);

mod common;

use common::selftests::{Outcome, data_dir, objects, recorded_load_options, verify_file};
use kfreg::Registry;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The recording's scrubbing of kernel addresses (`0xffff` and 12 hex
/// digits become `<kaddr>`, which also hits 64-bit masks), applied to both
/// sides. Reference ids and instruction numbers are compared as they are:
/// kfreg numbers them as the kernel does.
fn normalise(line: &str) -> String {
    scrub_kaddr(line)
}

/// `scripts/selftests-record.py`'s KADDR substitution.
fn scrub_kaddr(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find("0xffff") {
        let tail = &rest[at + 6..];
        let hex = tail.chars().take_while(char::is_ascii_hexdigit).count();
        out.push_str(&rest[..at]);
        if hex >= 12
            && tail[..12]
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
        {
            out.push_str("<kaddr>");
            rest = &tail[12..];
        } else {
            out.push_str("0xffff");
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

/// The kinds of difference, worst first (the order of the list).
const KINDS: [&str; 6] = [
    "FALSE-ACCEPT",
    "PANIC",
    "LOADER",
    "FALSE-REJECT",
    "MESSAGE",
    "EARLIER-LINE",
];

/// Whether kfreg's message `ours` has the kernel's lines `theirs`: all of
/// them, or the last ten when the recording cut the kernel's message there.
fn same_lines(ours: &[String], theirs: &[String]) -> bool {
    let ours: Vec<String> = ours.iter().map(|l| normalise(l)).collect();
    if theirs.len() >= 10 {
        ours.ends_with(theirs)
    } else {
        ours == theirs
    }
}

/// One program where kfreg and the kernel differ.
struct Difference {
    kind: &'static str,
    id: String,
    auto_reason: String,
    group: String,
}

/// One recorded program.
struct Recorded {
    file: String,
    program: String,
    group: String,
    verdict: String,
    error: Option<String>,
    /// The whole message: the run of non-trace lines ending at `error`
    /// (at most 10, `scripts/kload.c`).
    error_lines: Vec<String>,
    insns: Option<u64>,
}

/// The compared programs, and how many programs and objects were set aside.
fn recorded() -> (Vec<Recorded>, usize, usize) {
    let path = data_dir().join("verdicts.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let all: Vec<serde_json::Value> = serde_json::from_str(&text).expect("verdicts.json is JSON");
    let (mut set_aside, mut unopened) = (0, 0);
    let mut out = Vec::new();
    for r in &all {
        if !r["set_aside"].is_null() {
            if r["program"].is_null() {
                unopened += 1;
            } else {
                set_aside += 1;
            }
            continue;
        }
        let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
        out.push(Recorded {
            file: s("file"),
            program: s("program"),
            group: s("group"),
            verdict: s("verdict"),
            error: r["error"].as_str().map(str::to_string),
            error_lines: r["error_lines"]
                .as_array()
                .map(|a| a.iter().filter_map(|l| l.as_str()).map(normalise).collect())
                .unwrap_or_default(),
            insns: r["insns_processed"].as_u64(),
        });
    }
    (out, set_aside, unopened)
}

/// `KIND file/program: reason` lines of list `name`, by `file/program`.
fn listed(name: &str) -> BTreeMap<String, (String, String)> {
    std::fs::read_to_string(data_dir().join(name))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (head, why) = l.split_once(": ").unwrap_or((l, ""));
            let (kind, id) = head.trim().split_once(' ').unwrap_or(("", head));
            assert!(
                KINDS.contains(&kind),
                "{name}: `{l}` does not start with one of {KINDS:?}"
            );
            assert!(!why.trim().is_empty(), "a difference without a reason: {l}");
            (
                id.trim().to_string(),
                (kind.to_string(), why.trim().to_string()),
            )
        })
        .collect()
}

fn cut(s: &str) -> String {
    const MAX: usize = 160;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX).collect::<String>() + "..."
    }
}

/// Counters of one group of files.
#[derive(Default)]
struct Tally {
    programs: usize,
    kernel_accepts: usize,
    verdicts_agree: usize,
    kernel_rejects_agreed: usize,
    same_message: usize,
    /// Rejections with every line of the kernel's message.
    same_lines: usize,
    same_insns: usize,
    /// Programs both accept, and their processed instructions summed.
    both_accept: usize,
    ours_insns: u64,
    kernel_insns: u64,
    false_accepts: usize,
    false_rejects: usize,
    panics: usize,
    loader: usize,
}

fn write_list(diffs: &[Difference], old: &BTreeMap<String, (String, String)>) -> String {
    let mut text = String::from(
        "# Selftest programs where kfreg and Linux 6.18 disagree (tests/selftests/verdicts.json).\n\
         # Format: KIND file/program: reason. Kinds, worst first: FALSE-ACCEPT (Linux rejects,\n\
         # kfreg accepts), PANIC, LOADER (kfreg's loader refuses what libbpf loaded), FALSE-REJECT,\n\
         # MESSAGE (both reject, different last error line), EARLIER-LINE (the same last line,\n\
         # an earlier line of the message differs). The test fails on an unlisted\n\
         # difference and on a listed one that now agrees, so this list only shrinks.\n\
         # Rewrite: KFREG_BLESS=1 cargo test -p kfreg-verifier --test selftests\n\
         # (reasons written by hand are kept; `auto:` reasons are rebuilt from the messages).\n",
    );
    let mut sorted: Vec<&Difference> = diffs.iter().collect();
    sorted.sort_by_key(|d| (KINDS.iter().position(|k| *k == d.kind), d.id.clone()));
    let mut last = "";
    for d in sorted {
        if d.kind != last {
            let _ = writeln!(text, "\n# {}", d.kind);
            last = d.kind;
        }
        let reason = match old.get(&d.id) {
            Some((kind, why)) if kind == d.kind && !why.starts_with("auto:") => why.clone(),
            _ => d.auto_reason.clone(),
        };
        let _ = writeln!(text, "{} {}: {reason}", d.kind, d.id);
    }
    text
}

/// The programs whose processed instructions exceed the kernel's most
/// (pruning, issue 14: the target is at most 1.2x each).
fn print_worst_ratios(corpus: &str, ratios: &mut [(f64, String, u64, u64)]) {
    ratios.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let over = ratios.iter().filter(|r| r.0 > 1.2).count();
    eprintln!("{corpus}: {over} programs above 1.2x the kernel's processed instructions; worst:");
    for (ratio, id, ours, theirs) in ratios.iter().take(10) {
        eprintln!("  {ratio:>8.2}x {id} (kfreg {ours}, Linux {theirs})");
    }
}

#[test]
fn kfreg_agrees_with_linux_on_the_selftests() {
    let obj_dir = objects();
    let (kernel, set_aside, unopened) = recorded();
    let reg = Registry::global();
    let target = recorded_load_options();

    // The files to verify, shared out between two threads (the machine's cores).
    let mut files: Vec<String> = kernel.iter().map(|k| k.file.clone()).collect();
    files.dedup();
    let next = std::sync::atomic::AtomicUsize::new(0);
    // A panic is an outcome here, caught per program: keep the default hook's
    // backtraces out of the output, and put the hook back for the assertions.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let ours: BTreeMap<String, BTreeMap<String, Outcome>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    let mut got = BTreeMap::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(f) = files.get(i) else { break };
                        got.insert(f.clone(), verify_file(&obj_dir.join(f), reg, &target));
                    }
                    got
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("worker"))
            .collect()
    });
    std::panic::set_hook(hook);

    let mut diffs = Vec::new();
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    // kfreg's processed instructions over the kernel's, per program both accept.
    let mut ratios: Vec<(f64, String, u64, u64)> = Vec::new();
    for k in &kernel {
        let id = format!("{}/{}", k.file, k.program);
        let per_file = ours.get(&k.file);
        let outcome = per_file
            .and_then(|m| m.get(&k.program).or_else(|| m.get("")))
            .cloned()
            .unwrap_or_else(|| Outcome::Loader("program not found by kfreg's loader".into()));
        let kernel_error = k.error.as_deref().map(normalise).unwrap_or_default();
        let kernel_rejects = k.verdict == "REJECT";
        for g in [k.group.clone(), "all".to_string()] {
            let t = tally.entry(g).or_default();
            t.programs += 1;
            t.kernel_accepts += usize::from(!kernel_rejects);
        }
        let (kind, auto_reason) = match &outcome {
            Outcome::Panic(msg) => (Some("PANIC"), format!("auto: kfreg panics: {}", cut(msg))),
            Outcome::Loader(msg) => (
                Some("LOADER"),
                format!(
                    "auto: kfreg's loader: {}; kernel: {}",
                    cut(msg),
                    if kernel_rejects {
                        cut(&kernel_error)
                    } else {
                        "ACCEPT".into()
                    }
                ),
            ),
            Outcome::Verdict {
                accepted,
                error,
                insns,
            } => {
                let ours = error.last().map(|l| normalise(l)).unwrap_or_default();
                for g in [k.group.clone(), "all".to_string()] {
                    let t = tally.entry(g).or_default();
                    t.same_insns += usize::from(k.insns == Some(*insns));
                    if let (false, true, Some(theirs)) = (kernel_rejects, accepted, k.insns) {
                        t.both_accept += 1;
                        t.ours_insns += insns;
                        t.kernel_insns += theirs;
                    }
                }
                if let (false, true, Some(theirs)) = (kernel_rejects, accepted, k.insns) {
                    ratios.push((
                        *insns as f64 / theirs.max(1) as f64,
                        id.clone(),
                        *insns,
                        theirs,
                    ));
                }
                match (kernel_rejects, accepted) {
                    (true, true) => (
                        Some("FALSE-ACCEPT"),
                        format!("auto: kernel: {}", cut(&kernel_error)),
                    ),
                    (false, false) => {
                        (Some("FALSE-REJECT"), format!("auto: kfreg: {}", cut(&ours)))
                    }
                    (true, false) if ours != kernel_error => (
                        Some("MESSAGE"),
                        format!(
                            "auto: kernel: {} | kfreg: {}",
                            cut(&kernel_error),
                            cut(&ours)
                        ),
                    ),
                    (true, false) if !same_lines(error, &k.error_lines) => (
                        Some("EARLIER-LINE"),
                        format!(
                            "auto: kernel: {} | kfreg: {}",
                            cut(&k.error_lines.join(" / ")),
                            cut(&error.join(" / "))
                        ),
                    ),
                    _ => (None, String::new()),
                }
            }
        };
        for g in [k.group.clone(), "all".to_string()] {
            let t = tally.entry(g).or_default();
            match kind {
                None | Some("MESSAGE") | Some("EARLIER-LINE") => {
                    t.verdicts_agree += 1;
                    if kernel_rejects {
                        t.kernel_rejects_agreed += 1;
                        t.same_message += usize::from(kind != Some("MESSAGE"));
                        t.same_lines += usize::from(kind.is_none());
                    }
                }
                Some("FALSE-ACCEPT") => t.false_accepts += 1,
                Some("FALSE-REJECT") => t.false_rejects += 1,
                Some("PANIC") => t.panics += 1,
                _ => t.loader += 1,
            }
        }
        if let Some(kind) = kind {
            diffs.push(Difference {
                kind,
                id,
                auto_reason,
                group: k.group.clone(),
            });
        }
    }

    // The numbers, per group (README of tests/selftests quotes them).
    eprintln!(
        "selftests: {} programs verified by the kernel; set aside: {set_aside} programs never \
         verified and {unopened} objects libbpf cannot open",
        kernel.len()
    );
    for (g, t) in &tally {
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        eprintln!(
            "  {g:<8} {:>5} programs ({} accepted by Linux): verdicts agree {} ({:.1}%), \
             false accepts {}, false rejects {}, loader {}, panics {}; \
             same last error line {}/{} ({:.1}%), every line {}/{} ({:.1}%); \
             same insns processed {} ({:.1}%)",
            t.programs,
            t.kernel_accepts,
            t.verdicts_agree,
            pct(t.verdicts_agree, t.programs),
            t.false_accepts,
            t.false_rejects,
            t.loader,
            t.panics,
            t.same_message,
            t.kernel_rejects_agreed,
            pct(t.same_message, t.kernel_rejects_agreed),
            t.same_lines,
            t.kernel_rejects_agreed,
            pct(t.same_lines, t.kernel_rejects_agreed),
            t.same_insns,
            pct(t.same_insns, t.programs),
        );
        eprintln!(
            "           insns processed where both accept ({} programs): kfreg {}, Linux {} ({:.2}x)",
            t.both_accept,
            t.ours_insns,
            t.kernel_insns,
            t.ours_insns as f64 / t.kernel_insns.max(1) as f64,
        );
    }
    print_worst_ratios("selftests", &mut ratios);
    let false_accepts: Vec<_> = diffs.iter().filter(|d| d.kind == "FALSE-ACCEPT").collect();
    for d in &false_accepts {
        eprintln!("  FALSE-ACCEPT [{}] {}", d.group, d.id);
    }

    let old = listed("DIFFERENCES");
    if std::env::var_os("KFREG_BLESS").is_some() {
        let path = data_dir().join("DIFFERENCES");
        std::fs::write(&path, write_list(&diffs, &old)).expect("write DIFFERENCES");
        eprintln!(
            "selftests: rewrote {} ({} entries)",
            path.display(),
            diffs.len()
        );
        return;
    }

    let mut unexplained = Vec::new();
    for d in &diffs {
        match old.get(&d.id) {
            Some((kind, _)) if kind == d.kind => {}
            Some((kind, _)) => unexplained.push(format!(
                "{} {} (listed as {kind}): {}",
                d.kind, d.id, d.auto_reason
            )),
            None => unexplained.push(format!("{} {}: {}", d.kind, d.id, d.auto_reason)),
        }
    }
    let differing: std::collections::BTreeSet<&str> = diffs.iter().map(|d| d.id.as_str()).collect();
    let stale: Vec<&String> = old
        .keys()
        .filter(|id| !differing.contains(id.as_str()))
        .collect();
    let bless = "KFREG_BLESS=1 cargo test -p kfreg-verifier --test selftests";
    assert_list_holds(
        "DIFFERENCES",
        &stale,
        &unexplained,
        &format!("or run `{bless}` and write their reasons"),
    );
}

/// A list of differences holds: no listed program agrees (`stale`), every
/// difference is listed with its kind (`unexplained` are those that are
/// not); `how` says how to mend the list.
fn assert_list_holds(name: &str, stale: &[&String], unexplained: &[String], how: &str) {
    assert!(
        stale.is_empty(),
        "{} programs listed in tests/selftests/{name} now agree; remove them ({how}):\n{}",
        stale.len(),
        stale
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert!(
        unexplained.is_empty(),
        "{} differences not listed in tests/selftests/{name} (fix them, or list them: {how}):\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
}

/// The programs this VM's kernel refuses before verifying them (fentry,
/// fexit, fmod_ret and LSM programs: EPERM), judged instead by what their
/// authors wrote beside them (`__success`, `__failure`, `__msg`, recorded as
/// `expected` and `expected_msgs`): kfreg's verdict must be theirs, and a
/// rejection's last error line must hold their last message. The authors
/// wrote for Linux 6.12; where 6.18 says it otherwise, or the program needs
/// what the recorded kernel lacks, the program is listed with the reason in
/// `tests/selftests/ANNOTATED` (the same rules as DIFFERENCES: the test
/// fails on an unlisted difference and on a listed program that agrees).
#[test]
fn kfreg_agrees_with_the_authors_where_this_vm_refuses() {
    let obj_dir = objects();
    let path = data_dir().join("verdicts.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let all: Vec<serde_json::Value> = serde_json::from_str(&text).expect("verdicts.json is JSON");
    let judged: Vec<&serde_json::Value> = all
        .iter()
        .filter(|r| {
            r["set_aside"].as_str().is_some_and(|s| s.contains("EPERM"))
                && r["expected"].is_string()
                && r["program"].is_string()
        })
        .collect();
    let reg = Registry::global();
    let target = recorded_load_options();
    let mut files: Vec<&str> = judged.iter().filter_map(|r| r["file"].as_str()).collect();
    files.dedup();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let ours: BTreeMap<&str, BTreeMap<String, Outcome>> = files
        .iter()
        .map(|f| (*f, verify_file(&obj_dir.join(f), reg, &target)))
        .collect();
    std::panic::set_hook(hook);

    let mut diffs: Vec<(String, &'static str, String)> = Vec::new();
    for r in &judged {
        let (file, program) = (r["file"].as_str().unwrap(), r["program"].as_str().unwrap());
        let id = format!("{file}/{program}");
        let wanted = r["expected"].as_str().unwrap_or_default();
        let last_msg = r["expected_msgs"]
            .as_array()
            .and_then(|m| m.last())
            .and_then(|m| m.as_str())
            .map(normalise);
        let outcome = ours
            .get(file)
            .and_then(|m| m.get(program).or_else(|| m.get("")));
        let diff = match outcome {
            None => Some(("LOADER", "program not found by kfreg's loader".to_string())),
            Some(Outcome::Panic(msg)) => Some(("PANIC", cut(msg))),
            Some(Outcome::Loader(msg)) => Some(("LOADER", cut(msg))),
            Some(Outcome::Verdict {
                accepted, error, ..
            }) => {
                let error = error.last().map(|l| normalise(l)).unwrap_or_default();
                match (wanted == "REJECT", accepted) {
                    (true, true) => Some(("FALSE-ACCEPT", format!("authors: {last_msg:?}"))),
                    (false, false) => Some(("FALSE-REJECT", format!("kfreg: {}", cut(&error)))),
                    (true, false)
                        if last_msg
                            .as_ref()
                            .is_some_and(|m| !error.contains(m.as_str())) =>
                    {
                        Some((
                            "MESSAGE",
                            format!("authors: {last_msg:?} | kfreg: {}", cut(&error)),
                        ))
                    }
                    _ => None,
                }
            }
        };
        if let Some((kind, why)) = diff {
            diffs.push((id, kind, why));
        }
    }
    eprintln!(
        "selftests the VM refuses: {} programs with their authors' verdict, {} agree",
        judged.len(),
        judged.len() - diffs.len()
    );
    let old = listed("ANNOTATED");
    let unexplained: Vec<String> = diffs
        .iter()
        .filter(|(id, kind, _)| old.get(id).is_none_or(|(k, _)| k != kind))
        .map(|(id, kind, why)| format!("{kind} {id}: {why}"))
        .collect();
    let stale: Vec<&String> = old
        .keys()
        .filter(|id| !diffs.iter().any(|(d, _, _)| d == *id))
        .collect();
    assert_list_holds(
        "ANNOTATED",
        &stale,
        &unexplained,
        "with the reason 6.18 differs from the authors",
    );
}

/// The programs libbpf refuses to load for an extern it cannot resolve
/// (a kfunc or variable the kernel's BTF lacks, a typeless symbol its
/// kallsyms do not list): kfreg's loader refuses them with libbpf's words.
#[test]
fn kfreg_refuses_the_externs_libbpf_refuses() {
    let obj_dir = objects();
    let text = std::fs::read_to_string(data_dir().join("verdicts.json")).expect("verdicts.json");
    let all: Vec<serde_json::Value> = serde_json::from_str(&text).expect("JSON");
    let refused: Vec<(&str, &str, &str)> = all
        .iter()
        .filter_map(|r| {
            let why = r["set_aside"].as_str()?;
            why.starts_with("refused before verification: libbpf: extern")
                .then(|| {
                    let error = r["error"].as_str()?.trim_start_matches("libbpf: ");
                    Some((r["file"].as_str()?, r["program"].as_str()?, error))
                })
                .flatten()
        })
        .collect();
    assert!(refused.len() >= 10, "{} refusals recorded", refused.len());
    let reg = Registry::global();
    let target = recorded_load_options();
    let mut files: BTreeMap<&str, BTreeMap<String, Outcome>> = BTreeMap::new();
    let mut differ = Vec::new();
    for (file, program, error) in &refused {
        let ours = files
            .entry(file)
            .or_insert_with(|| verify_file(&obj_dir.join(file), reg, &target));
        let got = ours.get(*program).or_else(|| ours.get(""));
        if !matches!(got, Some(Outcome::Loader(e)) if e == error) {
            differ.push(format!(
                "{file}/{program}: libbpf: {error} | kfreg: {got:?}"
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
