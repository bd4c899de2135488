//! `kfreg verify -j N` writes what `-j 1` writes: every format, the logs,
//! error rows and hints, byte for byte, but for the stats that are measured
//! rather than computed (the duration, and the peak memory: see
//! `cli/src/alloc.rs`), which are left out or blanked.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every corpus object, a file that does not exist and one that is no
/// object: error rows between program rows.
fn inputs() -> Vec<String> {
    let corpus = root().join("tests/corpus");
    let mut files: Vec<String> = std::fs::read_dir(&corpus)
        .expect("tests/corpus")
        .filter_map(|e| {
            let p = e.ok()?.path();
            p.to_str()?
                .ends_with(".bpf.o")
                .then(|| p.to_string_lossy().into_owned())
        })
        .collect();
    files.sort();
    files.insert(
        3,
        corpus.join("missing.bpf.o").to_string_lossy().into_owned(),
    );
    files.insert(
        7,
        corpus.join("verdicts.json").to_string_lossy().into_owned(),
    );
    files
}

fn kfreg(jobs: &str, args: &[&str]) -> Output {
    let btf = root().join("tests/corpus/vmlinux.btf");
    let kconfig = root().join("tests/selftests/kconfig");
    Command::new(env!("CARGO_BIN_EXE_kfreg"))
        .args(["verify", "-j", jobs])
        .arg("--btf")
        .arg(btf)
        .arg("--kconfig")
        .arg(kconfig)
        // The 1M-instruction program takes seconds in a debug build.
        .args(["-f", "!kmem_cache_iter_too_complex"])
        .args(args)
        .args(inputs())
        .output()
        .expect("run kfreg")
}

/// `kfreg verify ARGS` with -j 4 and with -j 1: the same exit status,
/// standard error and (after `clean`) standard output.
fn same(args: &[&str], clean: fn(&str) -> String) {
    let one = kfreg("1", args);
    let four = kfreg("4", args);
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).expect("UTF-8 output");
    assert_eq!(
        one.status.code(),
        Some(2),
        "{args:?}: the error rows give 2"
    );
    assert_eq!(one.status.code(), four.status.code(), "{args:?}");
    assert_eq!(text(&one.stderr), text(&four.stderr), "{args:?}");
    let out = clean(&text(&one.stdout));
    assert!(out.lines().count() > 50, "{args:?}: {out}");
    assert_eq!(out, clean(&text(&four.stdout)), "{args:?}");
}

fn as_is(s: &str) -> String {
    s.to_string()
}

/// The columns of `-e` but the measured ones.
const COMPUTED: &str = "file,prog,section,prog_type,attach_type,verdict,total_insns,total_states,\
                        peak_states,max_states_per_insn,max_mark_read_len,prog_size,stack_depth";

#[test]
fn table_and_errors() {
    same(&["-e", COMPUTED], as_is);
}

#[test]
fn csv_sorted_and_filtered() {
    same(&["-o", "csv", "-e", COMPUTED, "-s", "insns,prog"], as_is);
    same(
        &["-o", "csv", "-e", COMPUTED, "-f", "insns>20", "-n", "100"],
        as_is,
    );
}

#[test]
fn json() {
    fn blank_measured(s: &str) -> String {
        let mut rows: Value = serde_json::from_str(s).expect("JSON");
        for row in rows.as_array_mut().expect("an array") {
            for k in ["duration", "duration_us", "mem_peak", "mem_peak_bytes"] {
                if let Some(v) = row.get_mut(k) {
                    *v = Value::Null;
                }
            }
        }
        serde_json::to_string_pretty(&rows).expect("JSON")
    }
    same(&["-o", "json"], blank_measured);
}

#[test]
fn logs_and_hints() {
    // Logs go to standard error in row order; a --prog glob no program
    // matches gets the same hint.
    same(
        &[
            "-e", COMPUTED, "--log", "--prog", "*_ok", "--prog", "rb_remov",
        ],
        as_is,
    );
}
