//! `kfreg verify` on whatever file it is given: a BPF object, a binary with
//! objects embedded (as libbpf skeletons embed them), a big-endian object, a
//! device or a file that is no ELF at all. Never a panic, never a hang.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture() -> Vec<u8> {
    std::fs::read(root().join("verifier/tests/fixtures/loader_libbpf.bpf.o")).expect("fixture")
}

/// A scratch file unique to this test process and `name`.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kfreg-verify-inputs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write scratch file");
    path
}

fn kfreg(args: &[&str], file: &Path) -> Output {
    let btf = root().join("tests/corpus/vmlinux.btf");
    Command::new(env!("CARGO_BIN_EXE_kfreg"))
        .arg("verify")
        .arg(file)
        .args(["--btf", btf.to_str().expect("utf-8 path")])
        .args(args)
        .output()
        .expect("run kfreg")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_device_is_refused_without_reading_it() {
    let o = kfreg(&[], Path::new("/dev/zero"));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("/dev/zero: not a regular file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_file_that_is_no_elf_is_refused() {
    let path = scratch("notes.txt", b"hello, not an object\n");
    let o = kfreg(&[], &path);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not an ELF file"), "{}", stderr(&o));
}

#[test]
fn a_big_endian_object_gets_a_clear_error() {
    let mut bytes = fixture();
    bytes[5] = 2; // ELFDATA2MSB
    bytes[18..20].copy_from_slice(&247u16.to_be_bytes());
    let path = scratch("be.bpf.o", &bytes);
    let o = kfreg(&[], &path);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("big-endian BPF object"),
        "{}",
        stderr(&o)
    );
}

/// A host binary (this test's own executable) with `copies` of the fixture
/// embedded after it, as a skeleton embeds its object; the offsets.
fn host_with(copies: usize) -> (Vec<u8>, Vec<usize>) {
    let mut host = std::fs::read(std::env::current_exe().expect("exe")).expect("read exe");
    let mut offsets = Vec::new();
    for _ in 0..copies {
        host.resize(host.len().next_multiple_of(8), 0);
        offsets.push(host.len());
        host.extend_from_slice(&fixture());
        host.extend_from_slice(b"host data between objects");
    }
    (host, offsets)
}

/// The embedded object is found, named after its skeleton (bpftool's name
/// for `loader_libbpf.bpf.o`), each program verified; libbpf's per-program
/// failures are that program's rejection, and the `?` program is left alone
/// unless asked for.
#[test]
fn objects_embedded_in_a_binary_are_found_and_verified() {
    let (host, _) = host_with(1);
    let path = scratch("host", &host);
    let o = kfreg(&["--format", "json"], &path);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let rows = rows.as_array().expect("rows");
    let name = "host@loader_libbpf_bpf";
    let verdict = |prog: &str| {
        rows.iter().find(|r| r["program"] == prog).map(|r| {
            assert_eq!(r["file"], name);
            (
                r["verdict"].as_str().unwrap_or_default().to_string(),
                r["error"].clone(),
            )
        })
    };
    assert_eq!(verdict("versioned").map(|v| v.0).as_deref(), Some("ACCEPT"));
    assert_eq!(verdict("flavored").map(|v| v.0).as_deref(), Some("ACCEPT"));
    let (v, e) = verdict("no_such_target").expect("no_such_target");
    assert_eq!(v, "REJECT");
    assert_eq!(
        e,
        "prog 'no_such_target': failed to prepare load attributes: -3"
    );
    assert!(verdict("not_autoloaded").is_none(), "{rows:?}");

    let o = kfreg(&["--prog", "not_autoloaded"], &path);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains(name));
}

/// Two objects with one skeleton name are told apart by their offsets.
#[test]
fn embedded_objects_sharing_a_name_are_named_by_offset() {
    let (host, offsets) = host_with(2);
    let path = scratch("twice", &host);
    let o = kfreg(&["--prog", "versioned"], &path);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    for off in offsets {
        assert!(out.contains(&format!("twice@{off:#x}")), "{out}");
    }
}

#[test]
fn a_binary_without_objects_is_refused() {
    let exe = std::env::current_exe().expect("exe");
    let o = kfreg(&[], &exe);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no BPF object is embedded"),
        "{}",
        stderr(&o)
    );
}
