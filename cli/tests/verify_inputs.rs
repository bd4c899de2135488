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
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("kfreg-verify-inputs");
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

/// `kfreg extract` writes each embedded object, byte for byte, under the
/// name `verify` gives it, into an output directory it creates; a binary
/// with no object is an error, as for `verify`.
#[test]
fn extract_writes_embedded_objects_into_a_new_directory() {
    let (host, offsets) = host_with(1);
    let path = scratch("extracted-host", &host);
    let out = path.with_file_name("extract-out").join("nested");
    let _ = std::fs::remove_dir_all(&out);
    let o = Command::new(env!("CARGO_BIN_EXE_kfreg"))
        .arg("extract")
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run kfreg");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let name = "extracted-host@loader_libbpf_bpf";
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!("{name} {:#x} {}\n", offsets[0], fixture().len())
    );
    assert_eq!(std::fs::read(out.join(name)).expect("written"), fixture());

    let exe = std::env::current_exe().expect("exe");
    let o = Command::new(env!("CARGO_BIN_EXE_kfreg"))
        .arg("extract")
        .arg(&exe)
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run kfreg");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no BPF object is embedded"),
        "{}",
        stderr(&o)
    );
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

fn corpus(name: &str) -> PathBuf {
    root().join("tests/corpus").join(name)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// One unreadable file among good ones: an error row for it, every program
/// of the others still verified and shown, exit status 2 at the end.
#[test]
fn a_bad_file_among_good_ones_gets_its_own_row() {
    let missing = Path::new("/nonexistent/kfreg-missing.bpf.o");
    let junk = scratch("junk.o", b"not an object");
    let good = corpus("rbtree.bpf.o");
    for format in ["table", "json", "csv"] {
        let btf = root().join("tests/corpus/vmlinux.btf");
        let o = Command::new(env!("CARGO_BIN_EXE_kfreg"))
            .args(["verify", "--format", format, "--btf"])
            .arg(&btf)
            .arg(missing)
            .arg(&good)
            .arg(&junk)
            .output()
            .expect("run kfreg");
        assert_eq!(o.status.code(), Some(2), "{format}");
        let err = stderr(&o);
        assert!(err.contains("kfreg-missing.bpf.o: No such file"), "{err}");
        assert!(err.contains("junk.o: not an ELF file"), "{err}");
        let out = stdout(&o);
        match format {
            "table" => {
                assert!(out.contains("kfreg-missing.bpf.o  -"), "{out}");
                assert!(out.contains("ERROR"), "{out}");
                assert!(out.contains("rb_add_ok"), "{out}");
                assert!(
                    out.contains("2 file(s) or object(s) could not be verified"),
                    "{out}"
                );
            }
            "json" => {
                let rows: serde_json::Value = serde_json::from_str(&out).expect("json");
                let rows = rows.as_array().expect("array");
                let errors: Vec<_> = rows.iter().filter(|r| r["verdict"] == "ERROR").collect();
                assert_eq!(errors.len(), 2, "{out}");
                assert!(errors.iter().all(|r| r["program"].is_null()));
                assert!(rows.iter().any(|r| r["program"] == "rb_add_ok"));
            }
            _ => {
                // veristat's CSV has no place for them: stderr has the message.
                assert!(out.contains("rbtree.bpf.o,rb_add_ok,success,"), "{out}");
                assert!(!out.contains("junk"), "{out}");
            }
        }
    }
}

/// Logs go to standard error (or --log-dir), never into JSON or CSV on stdout.
#[test]
fn logs_stay_out_of_structured_output() {
    let good = corpus("rbtree.bpf.o");
    let o = kfreg(&["--log", "--format", "json", "--prog", "rb_add_ok"], &good);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is JSON only");
    assert_eq!(rows[0]["program"], "rb_add_ok");
    assert!(stderr(&o).contains("=== rbtree.bpf.o rb_add_ok (tc)\n"));
    let processed = format!("processed {} insns", rows[0]["insns_processed"]);
    assert!(stderr(&o).contains(&processed), "{}", stderr(&o));

    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("kfreg-logs");
    // A fixed place, so emptied first: a log left by an earlier run must not pass for this one's.
    let _ = std::fs::remove_dir_all(&dir);
    let o = kfreg(
        &[
            "--log-level",
            "1",
            "--format",
            "csv",
            "--prog",
            "rb_add_*",
            "--log-dir",
            dir.to_str().expect("utf-8"),
        ],
        &good,
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("file_name,prog_name,verdict,"));
    let log = std::fs::read_to_string(dir.join("rbtree.bpf.o.rb_add_no_lock.log")).expect("log");
    assert!(
        log.contains("bpf_spin_lock at off=0 must be held for bpf_rb_root"),
        "{log}"
    );
    assert!(dir.join("rbtree.bpf.o.rb_add_ok.log").exists());
}

/// --log-size keeps the end of a log (where the error is), and says so.
#[test]
fn log_size_bounds_each_log() {
    let o = kfreg(
        &[
            "--log",
            "--log-size",
            "200",
            "--prog",
            "rb_add_no_lock",
            "-q",
        ],
        &corpus("rbtree.bpf.o"),
    );
    let err = stderr(&o);
    assert!(err.contains("[kfreg: log truncated to its last"), "{err}");
    assert!(err.trim_end().ends_with("mark_read 0"), "{err}");
    // The header line, the note and at most 200 bytes of log.
    let body: usize = err.lines().skip(2).map(|l| l.len() + 1).sum();
    assert!(body <= 200, "{body}: {err}");
}

/// --prog repeats and takes globs; a pattern that matches nothing is an
/// error (with a hint), the rest still verified.
#[test]
fn prog_repeats_and_globs() {
    let o = kfreg(
        &[
            "--format",
            "json",
            "--prog",
            "rb_add_*",
            "--prog",
            "rb_first_remove_ok",
        ],
        &corpus("rbtree.bpf.o"),
    );
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let mut names: Vec<&str> = rows
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["program"].as_str().unwrap_or_default())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "rb_add_no_lock",
            "rb_add_ok",
            "rb_add_twice",
            "rb_add_two_ok",
            "rb_add_wrong_type",
            "rb_first_remove_ok"
        ]
    );
    let o = kfreg(
        &["--prog", "rb_add_okk", "--prog", "rb_add_ok"],
        &corpus("rbtree.bpf.o"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--prog `rb_add_okk` matches no program; did you mean `rb_add_ok`?"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("rb_add_ok"));
}

/// A 1 GiB file that is no ELF is refused from its first bytes, never read
/// whole (the file is sparse: it costs no disk).
#[test]
fn a_huge_file_that_is_no_elf_is_refused_at_once() {
    let path = scratch("huge.bin", b"this is not ELF");
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    f.set_len(1 << 30).expect("set_len");
    drop(f);
    let start = std::time::Instant::now();
    let o = kfreg(&[], &path);
    let took = start.elapsed();
    std::fs::remove_file(&path).ok();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not an ELF file"), "{}", stderr(&o));
    assert!(took < std::time::Duration::from_secs(20), "{took:?}");
}

/// --log-fixed keeps the log's start instead (the kernel's unrotated log).
#[test]
fn log_fixed_keeps_the_start() {
    let o = kfreg(
        &[
            "-v",
            "--log-size",
            "120",
            "--log-fixed",
            "--prog",
            "rb_add_no_lock",
        ],
        &corpus("rbtree.bpf.o"),
    );
    let err = stderr(&o);
    assert!(err.contains("[kfreg: log truncated to its first"), "{err}");
    assert!(err.contains("\n0: R1=ctx() R10=fp0\n"), "{err}");
    assert!(!err.contains("mark_read"), "{err}");
}

/// -q leaves only the table's rows; -l 2 keeps every path's instructions.
#[test]
fn quiet_and_log_level_two() {
    let o = kfreg(&["-q", "--prog", "rb_add_no_lock"], &corpus("rbtree.bpf.o"));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(!out.contains("error"), "{out}");
    let o = kfreg(&["-l", "2", "--prog", "rb_add_ok"], &corpus("rbtree.bpf.o"));
    assert!(stderr(&o).contains("(95) exit"), "{}", stderr(&o));
    // The count itself is the corpus test's (tests/corpus/INSNS).
    assert!(stderr(&o).contains("\nprocessed "), "{}", stderr(&o));
}
