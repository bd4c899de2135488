//! Assembler-text programs with the Linux verifier's recorded verdict and
//! message (`tests/asm/*.s`). Each case is:
//!
//! ```text
//! ### name
//! ; type: xdp | tc | syscall | raw_tp | raw_tp_w | tp_btf | socket | kprobe | tracepoint | perf_event | sysctl | iter/TARGET
//!   (and the other words of `prog_type`, each with its expected attach type)
//!   or: ; load: PROG_TYPE ATTACH_TYPE (the kernel's numbers)
//! ; flags: 16 (optional: BPF_F_SLEEPABLE)
//! ; map: hash|array|percpu_array|ringbuf|user_ringbuf|sockmap|prog_array|(any map type's DSL name) key=4 value=8 max=1 [rdonly_prog] [flags=N] [init=HEX] [inner=TYPE:K:V:MAX] [btf=spin_lock|timer]
//! ; expect: ACCEPT
//! ; before: <an earlier line of the kernel's message>   (zero or more)
//! ; expect: REJECT <the kernel's error line>
//! ; insns: N   (optional: the instructions the kernel processed)
//! ; btf: funcs (optional: loaded with BTF for its functions, `int fN(void)`)
//! ; license: NAME (optional: the program's license; `GPL` without one)
//! r0 = 0
//! exit
//! ```
//!
//! `scripts/asm-kernel-verdicts.py` loads every case into the running kernel
//! and rewrites or checks the `expect` lines; `common/meta.rs` reads the
//! meta lines.

mod common;
kfreg::link!(kfreg_catalog);

use common::meta::Meta;

/// One parsed case.
struct AsmCase {
    file: String,
    name: String,
    meta: Meta,
    text: String,
}

/// The cases' directory: `tests/asm`, or another with `KFREG_ASM_DIR=DIR`
/// (cases generated and recorded elsewhere, as `scripts/kfunc-arg-sweep.py`
/// does).
fn case_dir() -> (std::path::PathBuf, bool) {
    match std::env::var_os("KFREG_ASM_DIR") {
        Some(d) => (d.into(), false),
        None => (
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/asm"),
            true,
        ),
    }
}

/// Parses every `*.s` file of `dir`.
fn load_cases(dir: &std::path::Path) -> Vec<AsmCase> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("the cases' directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "s"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read");
        let file = f
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        for chunk in text.split("\n### ").map(|c| c.trim_start_matches("### ")) {
            let Some((name, body)) = chunk.split_once('\n') else {
                continue;
            };
            if name.trim().is_empty() || name.starts_with(';') {
                continue;
            }
            let mut case = AsmCase {
                file: file.clone(),
                name: name.trim().into(),
                meta: Meta::default(),
                text: body.into(),
            };
            for line in body.lines() {
                if let Some(meta) = line.trim().strip_prefix("; ")
                    && let Err(e) = case.meta.parse(meta)
                {
                    panic!("{file}/{name}: {e}");
                }
            }
            cases.push(case);
        }
    }
    cases
}

impl AsmCase {
    /// The test program.
    fn case(&self) -> common::Case {
        let c = match &self.meta.section {
            Some(section) if section.starts_with("tp_btf/") => {
                common::Case::tp_btf(section, &self.text)
            }
            Some(section) => common::Case::iterator(section, &self.text),
            None => common::Case::new(self.meta.prog_type, &self.text),
        };
        self.meta.apply(c)
    }
}

/// Cases where kfreg knowingly differs, with the reason (`tests/asm/EXCEPTIONS`).
fn exceptions() -> Vec<(String, String)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/asm/EXCEPTIONS");
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (case, why) = l.split_once(':').unwrap_or((l, ""));
            assert!(!why.trim().is_empty(), "exception without a reason: {l}");
            (case.trim().to_string(), why.trim().to_string())
        })
        .collect()
}

/// With `KFREG_ASM_LOG=TEXT`, prints the log of every path explored in the
/// cases whose name contains TEXT (to compare with the kernel's level 2 log:
/// `scripts/asm-kernel-verdicts.py -v --log N NAME`).
fn print_log_when_asked(case: &AsmCase) {
    let Ok(want) = std::env::var("KFREG_ASM_LOG") else {
        return;
    };
    if case.name.contains(&want) {
        let mut c = case.case();
        c.opts.log_all_paths = true;
        eprintln!("### {}\n{}", case.name, c.run_logged().log);
    }
}

#[test]
fn asm_cases_match_the_kernel() {
    let (dir, ours) = case_dir();
    let cases = load_cases(&dir);
    let exceptions = if ours { exceptions() } else { Vec::new() };
    assert!(!ours || cases.len() >= 150, "{} cases", cases.len());
    let mut failures = Vec::new();
    let mut excused = Vec::new();
    for case in &cases {
        let Some(expect) = &case.meta.expect else {
            failures.push(format!("{}/{}: no `; expect:` line", case.file, case.name));
            continue;
        };
        let mut insns = None;
        let got = match std::panic::catch_unwind(|| case.case().run()) {
            Ok(report) => {
                insns = Some(report.stats.insns_processed);
                case.meta.answer(&report)
            }
            Err(_) => "PANIC".to_string(),
        };
        let id = format!("{}/{}", case.file, case.name);
        print_log_when_asked(case);
        if exceptions.iter().any(|(c, _)| *c == id) {
            excused.push(id.clone());
            if &got == expect {
                failures.push(format!(
                    "{id}: listed in EXCEPTIONS but now matches; remove it"
                ));
            }
            continue;
        }
        if &got != expect {
            failures.push(format!(
                "{}/{}:\n    kernel: {}{expect}\n    kfreg:  {got}",
                case.file,
                case.name,
                case.meta
                    .before
                    .iter()
                    .map(|b| format!("{b} / "))
                    .collect::<String>()
            ));
        } else if case.meta.insns.is_some() && insns.is_some() && case.meta.insns != insns {
            failures.push(format!(
                "{}/{}: the kernel processed {} insns, kfreg {}",
                case.file,
                case.name,
                case.meta.insns.unwrap_or_default(),
                insns.unwrap_or_default()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
