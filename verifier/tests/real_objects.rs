//! The real-object corpus: the BPF objects Debian ships (libbpf-tools and
//! xdp-tools embed theirs in the binaries; libxdp1, xdp-tests and
//! cilium/ebpf's testdata ship plain objects), with the running kernel's
//! verdict for every program recorded by `scripts/real-objects.sh` in
//! `tests/real/verdicts.json`. The objects are read from the installed
//! packages (never committed); embedded ones are found with the same
//! finder `kfreg verify` uses.
//!
//! Every program is verified with the recorded kernel BTF and compared with
//! the kernel's verdict and error line. Every difference is listed with its
//! reason in `tests/real/DIFFERENCES`; the test fails on a difference not
//! listed and on a listed one that now agrees, so the list only shrinks.
//! `KFREG_BLESS=1 cargo test -p kfreg-verifier --test real_objects` rewrites
//! the list: reasons written by hand are kept, other entries get one derived
//! from the two messages. A panic always fails the test. Where both accept,
//! the processed instructions are compared too: each program whose count
//! differs is listed in `tests/real/INSNS` with both counts (rewritten by
//! the same command).

kfreg::link!(kfreg_catalog);

mod common;

use kfreg::Registry;
use kfreg_object::embedded::{Kind, classify, embedded_names, find_embedded};
use kfreg_object::loader::{LoadError, LoadOptions, kconfig, load_object, object_name};
use kfreg_verifier::verify;
use std::collections::{BTreeMap, HashMap};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

const PACKAGES: &str = "libbpf-tools xdp-tools libxdp1 xdp-tests golang-github-cilium-ebpf-dev";

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/real")
}

/// Reference ids and kernel addresses differ between verifiers and runs.
fn normalise(line: &str) -> String {
    let line = line.strip_prefix("libbpf: ").unwrap_or(line);
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if out.ends_with("id=") || out.ends_with("alloc_insn=") || out.ends_with("insn_idx=") {
            while chars.peek().is_some_and(char::is_ascii_digit) {
                chars.next();
            }
            out.push('N');
        }
    }
    out
}

/// One program's outcome: verdict (`ACCEPT`, `REJECT`, `OPEN_ERROR`,
/// `PANIC`) and error line.
type Outcome = (String, Option<String>);

fn reject(msg: impl Into<String>) -> Outcome {
    ("REJECT".into(), Some(msg.into()))
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// kfreg's outcome and processed instructions for every program of one
/// object, by name; `""` for an object that does not load at all.
fn verify_object(bytes: &[u8], opts: &LoadOptions) -> HashMap<String, (Outcome, u64)> {
    let reg = Registry::global();
    let mut out = HashMap::new();
    let obj = match catch_unwind(AssertUnwindSafe(|| load_object(bytes, reg, opts))) {
        Ok(Ok(obj)) => obj,
        Ok(Err(e)) => {
            out.insert(
                String::new(),
                (("OPEN_ERROR".into(), Some(e.to_string())), 0),
            );
            return out;
        }
        Err(p) => {
            out.insert(String::new(), (("PANIC".into(), Some(panic_text(&*p))), 0));
            return out;
        }
    };
    for p in &obj.programs {
        let result = catch_unwind(AssertUnwindSafe(|| match obj.to_program(p) {
            Ok(prog) => {
                let report = verify(&prog, reg, &common::recorded_target());
                let insns = report.stats.insns_processed;
                match report.error {
                    None => (("ACCEPT".to_string(), None), insns),
                    Some(e) => {
                        let msg = kfreg_object::loader::Object::libbpf_message(p, &e.msg, e.insn);
                        (reject(msg.lines().last().unwrap_or_default()), insns)
                    }
                }
            }
            Err(LoadError::Decode { err, .. }) => (reject(err.msg), 0),
            Err(e) => (reject(e.to_string()), 0),
        }));
        let outcome = result.unwrap_or_else(|p| (("PANIC".into(), Some(panic_text(&*p))), 0));
        out.insert(p.name.clone(), outcome);
    }
    out
}

/// `object/program: reason` lines.
fn differences() -> BTreeMap<String, String> {
    std::fs::read_to_string(dir().join("DIFFERENCES"))
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

/// How derived reasons start (a reason written by hand starts otherwise).
const AUTO_PREFIXES: [&str; 4] = [
    "false reject: kfreg: ",
    "false accept: kernel: ",
    "other message: kernel: ",
    "kernel ",
];

/// A reason for a new difference, from the two outcomes.
fn auto_reason(kernel: &Outcome, ours: &Outcome) -> String {
    let k = kernel.1.as_deref().unwrap_or_default();
    let o = ours.1.as_deref().unwrap_or_default();
    let helper = if o.starts_with("invalid func unknown#") {
        " (helper not declared yet)"
    } else {
        ""
    };
    match (kernel.0.as_str(), ours.0.as_str()) {
        ("ACCEPT", "REJECT") => format!("false reject: kfreg: {o}{helper}"),
        ("REJECT", "ACCEPT") => format!("false accept: kernel: {k}"),
        ("REJECT", "REJECT") => format!("other message: kernel: {k} | kfreg: {o}{helper}"),
        (kv, ov) => format!("kernel {kv} {k} | kfreg {ov} {o}{helper}"),
    }
}

const HEADER: &str = "\
# Programs of the real-object corpus (tests/real/verdicts.json) where kfreg and the
# kernel disagree, with the reason. Format: object/program: reason.
# The test fails on a difference not listed here and on a listed one that now agrees,
# so this list only shrinks. Rewrite it (keeping the reasons already written) with
#   KFREG_BLESS=1 cargo test -p kfreg-verifier --test real_objects
";

const INSNS_HEADER: &str = "\
# Real-object programs both accept whose processed-instruction count differs
# from the kernel's (tests/real/verdicts.json).
# Rewrite: KFREG_BLESS=1 cargo test -p kfreg-verifier --test real_objects
";

#[test]
fn kfreg_agrees_with_linux_on_real_objects() {
    let text = std::fs::read_to_string(dir().join("verdicts.json"))
        .expect("tests/real/verdicts.json (scripts/real-objects.sh records it)");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("verdicts.json is JSON");
    let records = doc["programs"].as_array().expect("programs");
    let btf = std::fs::read(dir().join("../corpus/vmlinux.btf")).expect("tests/corpus/vmlinux.btf");
    let mut opts = LoadOptions::with_target_btf(&btf).expect("vmlinux.btf parses");
    // What libbpf filled in on the recording kernel.
    let release = doc["kernel"].as_str().unwrap_or_default();
    if let Some(v) = kconfig::kernel_version(release) {
        opts.kconfig
            .insert("LINUX_KERNEL_VERSION".into(), kconfig::Value::Number(v));
    }

    // Read each installed file once; name its objects as kfreg names them.
    let mut missing = Vec::new();
    let mut ours: HashMap<(String, String), Outcome> = HashMap::new();
    let mut our_insns: HashMap<(String, String), u64> = HashMap::new();
    let mut paths: Vec<&str> = records.iter().filter_map(|r| r["path"].as_str()).collect();
    paths.sort();
    paths.dedup();
    for path in paths {
        let Ok(bytes) = std::fs::read(path) else {
            missing.push(path.to_string());
            continue;
        };
        let base = path.rsplit('/').next().unwrap_or(path);
        // The recording opened each object (embedded ones extracted) as a
        // file of its name, which libbpf names the object after.
        match classify(&bytes) {
            Some(Kind::BpfObject) => {
                for (prog, (o, n)) in
                    verify_object(&bytes, &opts.for_object(Some(object_name(base))))
                {
                    our_insns.insert((base.to_string(), prog.clone()), n);
                    ours.insert((base.to_string(), prog), o);
                }
            }
            Some(Kind::BigEndianBpf) => {
                ours.insert(
                    (base.to_string(), String::new()),
                    ("OPEN_ERROR".into(), None),
                );
            }
            _ => {
                let (found, big) = find_embedded(&bytes);
                let names = embedded_names(base, &bytes, &found);
                for (e, name) in found.iter().zip(names) {
                    let obj = &bytes[e.offset..e.offset + e.len];
                    for (prog, (o, n)) in
                        verify_object(obj, &opts.for_object(Some(object_name(&name))))
                    {
                        our_insns.insert((name.clone(), prog.clone()), n);
                        ours.insert((name.clone(), prog), o);
                    }
                }
                for off in big {
                    ours.insert(
                        (format!("{base}@{off:#x}"), String::new()),
                        ("OPEN_ERROR".into(), None),
                    );
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "the real-object corpus needs the Debian packages it was recorded from: \
         apt-get install -y {PACKAGES} (or scripts/real-objects.sh --install-only); missing:\n{}",
        missing.join("\n")
    );

    let listed = differences();
    let mut now = BTreeMap::new();
    let mut unexplained = Vec::new();
    let mut stale = Vec::new();
    let mut panics = Vec::new();
    let (mut programs, mut agree, mut false_accepts, mut false_rejects, mut skipped) =
        (0, 0, 0, 0, 0);
    // Where both accept: the programs, their processed instructions summed,
    // and the programs whose count differs from the kernel's.
    let (mut accepted, mut sum_ours, mut sum_kernel, mut insns) = (0, 0, 0, String::new());
    // Objects libbpf cannot open (big-endian ones included): one record each.
    let mut unopened = 0;
    for r in records {
        let object = r["object"].as_str().unwrap_or_default().to_string();
        let prog = r["program"].as_str().unwrap_or_default().to_string();
        let id = format!("{object}/{prog}");
        let verdict = r["verdict"].as_str().unwrap_or_default().to_string();
        let kernel: Outcome = (verdict.clone(), r["error"].as_str().map(normalise));
        // An object that does not load gives every program its outcome.
        let mine = ours
            .get(&(object.clone(), prog.clone()))
            .or_else(|| ours.get(&(object.clone(), String::new())))
            .cloned();
        let Some(mut mine) = mine else {
            unexplained.push(format!(
                "{id}: not found: the installed packages differ from the recorded ones \
                 ({}); re-record with scripts/real-objects.sh",
                doc["packages"]
            ));
            continue;
        };
        if mine.0 == "PANIC" {
            panics.push(format!("{id}: {}", mine.1.as_deref().unwrap_or_default()));
            continue;
        }
        if verdict == "SKIP" {
            skipped += 1;
            continue;
        }
        // A program-level record of an object kfreg cannot load: a rejection.
        if mine.0 == "OPEN_ERROR" && !prog.is_empty() {
            mine.0 = "REJECT".into();
        }
        mine.1 = mine.1.as_deref().map(normalise);
        if prog.is_empty() {
            unopened += 1;
        } else {
            programs += 1;
        }
        if verdict == "ACCEPT" && mine.0 == "ACCEPT" {
            accepted += 1;
            let theirs = r["insns_processed"].as_u64().unwrap_or_default();
            let n = our_insns
                .get(&(object.clone(), prog.clone()))
                .copied()
                .unwrap_or_default();
            (sum_ours, sum_kernel) = (sum_ours + n, sum_kernel + theirs);
            if n != theirs {
                insns += &format!("{id}: kernel {theirs}, kfreg {n}\n");
            }
        }
        let verdict_ok = mine.0 == verdict;
        let message_ok = verdict != "REJECT" || mine.1 == kernel.1;
        match (verdict.as_str(), mine.0.as_str()) {
            ("REJECT", "ACCEPT") => false_accepts += 1,
            ("ACCEPT", "REJECT") => false_rejects += 1,
            _ => {}
        }
        if verdict_ok && message_ok {
            agree += 1;
            if listed.contains_key(&id) {
                stale.push(id);
            }
            continue;
        }
        // A written reason is kept; a derived one follows the messages.
        let reason = listed
            .get(&id)
            .filter(|why| !AUTO_PREFIXES.iter().any(|p| why.starts_with(p)))
            .cloned()
            .unwrap_or_else(|| auto_reason(&kernel, &mine));
        if !listed.contains_key(&id) {
            unexplained.push(format!(
                "{id}:\n    kernel: {verdict} {}\n    kfreg:  {} {}",
                kernel.1.unwrap_or_default(),
                mine.0,
                mine.1.unwrap_or_default()
            ));
        }
        now.insert(id, reason);
    }
    eprintln!(
        "real objects: {programs} programs and {unopened} unopenable objects compared \
         ({skipped} programs set aside), {agree} agree, {false_accepts} false accepts, \
         {false_rejects} false rejects, {} panics, {} differences listed",
        panics.len(),
        now.len()
    );
    eprintln!(
        "real objects: where both accept ({accepted} programs), kfreg processes {sum_ours} \
         instructions, Linux {sum_kernel}; the same count on {}",
        accepted - insns.lines().count()
    );
    assert!(
        panics.is_empty(),
        "kfreg panicked (a bug: never listed):\n{}",
        panics.join("\n")
    );
    let insns = format!("{INSNS_HEADER}{insns}");
    let insns_file = dir().join("INSNS");
    if std::env::var_os("KFREG_BLESS").is_some() {
        std::fs::write(&insns_file, &insns).expect("write tests/real/INSNS");
        let mut text = HEADER.to_string();
        for (id, why) in &now {
            text += &format!("{id}: {why}\n");
        }
        std::fs::write(dir().join("DIFFERENCES"), text).expect("write DIFFERENCES");
        eprintln!(
            "real objects: DIFFERENCES rewritten ({} entries)",
            now.len()
        );
        return;
    }
    assert!(
        stale.is_empty(),
        "listed in tests/real/DIFFERENCES but now agreeing (remove them, or KFREG_BLESS=1):\n{}",
        stale.join("\n")
    );
    assert!(
        unexplained.is_empty(),
        "{} differences not listed in tests/real/DIFFERENCES (fix them, or list them with \
         their reason; KFREG_BLESS=1 adds them):\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
    assert!(
        std::fs::read_to_string(&insns_file).unwrap_or_default() == insns,
        "processed instructions differ from tests/real/INSNS (a count changed, a program \
         started or stopped agreeing); now:\n{insns}"
    );
    assert!(programs >= 300, "only {programs} programs compared");
}
