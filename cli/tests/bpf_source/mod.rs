//! Compiling a small BPF C source with clang-19 against the corpus headers
//! and verifying it with the built `kfreg`, for the CLI tests that write
//! their objects at test time.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `source` compiled as `NAME.bpf.o` in a temporary directory `dir`.
fn compile(dir: &str, name: &str, source: &str) -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let src = dir.join(format!("{name}.bpf.c"));
    std::fs::write(&src, source).expect("write source");
    let obj = dir.join(format!("{name}.bpf.o"));
    let clang = std::env::var("CLANG").unwrap_or_else(|_| "clang-19".into());
    let out = Command::new(&clang)
        .args(["-g", "-O2", "-target", "bpf", "-D__TARGET_ARCH_x86", "-I"])
        .arg(root().join("tests/corpus/include"))
        .arg("-c")
        .arg(&src)
        .arg("-o")
        .arg(&obj)
        .output()
        .unwrap_or_else(|e| panic!("{clang} not runnable ({e}): apt-get install clang-19"));
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    obj
}

/// `kfreg verify` with `args` on `obj`, against the recorded kernel BTF.
fn kfreg(args: &[&str], obj: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kfreg"))
        .arg("verify")
        .args(args)
        .arg("--btf")
        .arg(root().join("tests/corpus/vmlinux.btf"))
        .arg(obj)
        .output()
        .expect("run kfreg verify")
}

/// `kfreg verify --format json` on `source` compiled in a temporary
/// directory `dir`: one row per program, and what kfreg wrote to standard
/// error (an object it could not load at all).
#[allow(dead_code)]
pub fn verify(dir: &str, name: &str, source: &str) -> (Vec<serde_json::Value>, String) {
    let o = kfreg(&["--format", "json"], &compile(dir, name, source));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_default();
    (
        rows.as_array().cloned().unwrap_or_default(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The level-2 verifier log of program `prog` of `source`, compiled in a
/// temporary directory `dir`.
#[allow(dead_code)]
pub fn log(dir: &str, name: &str, source: &str, prog: &str) -> String {
    let o = kfreg(&["-l", "2", "--prog", prog], &compile(dir, name, source));
    // The log goes to standard error, the table to standard output.
    String::from_utf8_lossy(&o.stderr).into_owned()
}
