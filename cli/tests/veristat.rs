//! `kfreg verify` against veristat's own format: the CSV Linux 6.12's
//! veristat writes and reads, its spec, sort and filter syntax, comparison
//! and replay. `tests/veristat/kernel.csv` is what the real veristat wrote
//! running the corpus's objects in the Linux 6.18 kernel (recorded by
//! `scripts/veristat.sh --record`); the real veristat itself is built from
//! Debian's linux-source-6.12 by `scripts/veristat.sh` and reads kfreg's CSV.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The header Linux 6.12's veristat writes (`-o csv`).
const VERISTAT_HEADER: &str = "file_name,prog_name,verdict,duration,total_insns,total_states,peak_states,max_states_per_insn,max_mark_read_len";

fn objects() -> Vec<PathBuf> {
    let list = std::fs::read_to_string(root().join("tests/veristat/OBJECTS")).expect("OBJECTS");
    list.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| root().join(l))
        .collect()
}

fn kfreg<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_kfreg"))
        .arg("verify")
        .args(args)
        .output()
        .expect("run kfreg")
}

/// `kfreg verify` on the recorded BTF, so the host's kernel does not matter.
fn verify(args: &[&str], files: &[PathBuf]) -> Output {
    let btf = root().join("tests/corpus/vmlinux.btf");
    let mut all: Vec<std::ffi::OsString> = vec!["--btf".into(), btf.into()];
    all.extend(args.iter().map(Into::into));
    all.extend(files.iter().map(|f| f.as_os_str().to_owned()));
    kfreg(all)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn scratch(name: &str, contents: &str) -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("kfreg-veristat");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write scratch file");
    path
}

/// kfreg's CSV of every recorded object (computed once).
fn kfreg_csv() -> &'static Path {
    static CSV: OnceLock<PathBuf> = OnceLock::new();
    CSV.get_or_init(|| {
        let o = verify(&["-o", "csv"], &objects());
        assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
        scratch("kfreg.csv", &text(&o.stdout))
    })
}

fn kernel_csv() -> PathBuf {
    root().join("tests/veristat/kernel.csv")
}

/// FILE/PROGRAM of each program whose verdict under veristat differs (with reasons).
fn known_differences() -> Vec<String> {
    let text =
        std::fs::read_to_string(root().join("tests/veristat/DIFFERENCES")).expect("DIFFERENCES");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn csv_has_veristats_header_and_rows() {
    let csv = std::fs::read_to_string(kfreg_csv()).expect("csv");
    let kernel = std::fs::read_to_string(kernel_csv()).expect("kernel.csv");
    assert_eq!(csv.lines().next(), Some(VERISTAT_HEADER));
    assert_eq!(kernel.lines().next(), Some(VERISTAT_HEADER));
    // One row a program, in veristat's default order (file, then program).
    let keys = |t: &str| {
        t.lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                assert_eq!(f.len(), 9, "{l}");
                assert!(f[2] == "success" || f[2] == "failure", "{l}");
                format!("{}/{}", f[0], f[1])
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&csv), keys(&kernel));
}

/// `kfreg verify -C` reads the CSV real veristat wrote: every program is in
/// both, and the verdicts differ only where listed in tests/veristat/DIFFERENCES.
#[test]
fn compare_reads_the_csv_real_veristat_wrote() {
    let k = kernel_csv();
    let o = kfreg([
        "-C".as_ref(),
        k.as_os_str(),
        kfreg_csv().as_os_str(),
        "-e".as_ref(),
        "file,prog,verdict".as_ref(),
        "-o".as_ref(),
        "csv".as_ref(),
    ]);
    let out = text(&o.stdout);
    let differs = !known_differences().is_empty();
    assert_eq!(o.status.code(), Some(differs as i32), "{}", text(&o.stderr));
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("file_name,prog_name,verdict_base,verdict_comp,verdict_diff")
    );
    let mut mismatched = Vec::new();
    let mut rows = 0;
    for l in lines {
        rows += 1;
        let f: Vec<&str> = l.split(',').collect();
        assert_ne!(f[4], "N/A", "a program only one side has: {l}");
        if f[4] == "MISMATCH" {
            mismatched.push(format!("{}/{}", f[0], f[1]));
        } else {
            assert_eq!(f[4], "MATCH", "{l}");
        }
    }
    assert_eq!(rows, objects_programs());
    assert_eq!(mismatched, known_differences());
}

fn objects_programs() -> usize {
    std::fs::read_to_string(kernel_csv())
        .expect("kernel.csv")
        .lines()
        .count()
        - 1
}

/// The real veristat (built from linux-source-6.12) reads kfreg's CSV: its
/// comparison of the kernel's run with kfreg's shows MATCH on every program
/// whose verdict agrees, and it replays kfreg's CSV.
#[test]
fn real_veristat_reads_kfregs_csv() {
    let built = Command::new(root().join("scripts/veristat.sh"))
        .output()
        .expect("run scripts/veristat.sh");
    assert!(
        built.status.success(),
        "scripts/veristat.sh failed (it needs gcc, make, libelf-dev, zlib1g-dev and \
         linux-source-6.12; .ci/run installs them):\n{}",
        text(&built.stderr)
    );
    let veristat = PathBuf::from(text(&built.stdout).trim());
    let o = Command::new(&veristat)
        .args(["-C", "-e", "file,prog,verdict", "-o", "csv"])
        .arg(kernel_csv())
        .arg(kfreg_csv())
        .output()
        .expect("run veristat");
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let mut mismatched = Vec::new();
    for l in out.lines().skip(1) {
        let f: Vec<&str> = l.split(',').collect();
        match f[4] {
            "MATCH" => {}
            "MISMATCH" => mismatched.push(format!("{}/{}", f[0], f[1])),
            _ => panic!("{l}"),
        }
    }
    assert_eq!(out.lines().count() - 1, objects_programs());
    assert_eq!(mismatched, known_differences());

    let o = Command::new(&veristat)
        .args(["-R", "-o", "csv"])
        .arg(kfreg_csv())
        .output()
        .expect("run veristat");
    assert!(o.status.success(), "{}", text(&o.stderr));
    let replayed = text(&o.stdout);
    let ours = std::fs::read_to_string(kfreg_csv()).expect("csv");
    assert_eq!(
        replayed, ours,
        "veristat -R gives kfreg's CSV back unchanged"
    );
}

fn corpus(name: &str) -> PathBuf {
    root().join("tests/corpus").join(name)
}

#[test]
fn emit_sort_filter_and_top_n() {
    let files = [corpus("rbtree.bpf.o"), corpus("iter_num.bpf.o")];
    let o = verify(
        &[
            "-o",
            "csv",
            "-e",
            "file,prog,verdict,insns,prog_type,attach_type,stack_depth,mem_peak,prog_size,prog_size_jited,max_states_per_insn",
            "-s",
            "insns,prog^",
            "-f",
            "rbtree*/",
            "-f",
            "!*/rb_add_*",
            "-f",
            "verdict=success",
            "-n",
            "3",
        ],
        &files,
    );
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "file_name,prog_name,verdict,total_insns,prog_type,attach_type,stack_depth,mem_peak,prog_size,prog_size_jited,max_states_per_insn"
    );
    assert_eq!(lines.len(), 4, "{out}");
    let insns: Vec<i64> = lines[1..]
        .iter()
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            assert_eq!(f[0], "rbtree.bpf.o");
            assert!(!f[1].starts_with("rb_add_"), "{l}");
            assert_eq!(f[2], "success");
            assert!(["sched_cls", "syscall"].contains(&f[4]), "{l}");
            // SEC("tc") and SEC("syscall") set no expected attach type: the
            // kernel's 0, as veristat shows it.
            assert_eq!(f[5], "cgroup_inet_ingress");
            assert!(
                f[8].parse::<u64>().unwrap() > 0,
                "an accepted program has a size: {l}"
            );
            assert_eq!(f[9], "0");
            f[3].parse().unwrap()
        })
        .collect();
    assert!(insns.windows(2).all(|w| w[0] >= w[1]), "{insns:?}");

    // Every stat the CSV can have is in the JSON too.
    let o = verify(&["-o", "json", "--prog", "rb_add_ok"], &files[..1]);
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let row = &rows[0];
    for key in [
        "file",
        "program",
        "verdict",
        "duration",
        "total_insns",
        "total_states",
        "peak_states",
        "max_states_per_insn",
        "max_mark_read_len",
        "prog_size",
        "prog_size_jited",
        "prog_type",
        "attach_type",
        "stack_depth",
        "mem_peak",
        "section",
    ] {
        assert!(row.get(key).is_some(), "{key} missing from {row}");
    }
    assert!(row["mem_peak_bytes"].as_u64().unwrap() > 0, "{row}");
}

#[test]
fn bad_specs_and_filters_are_clear_errors() {
    let f = [corpus("rbtree.bpf.o")];
    for (args, want) in [
        (&["-e", "size"][..], "unrecognized stat name `size`"),
        (&["-s", "nosuch^"][..], "unrecognized stat name `nosuch^`"),
        (&["-f", "nosuch>3"][..], "unrecognized stat name in filter"),
        (&["-f", "insns>many"][..], "invalid integer value `many`"),
        (&["-f", "prog_type=1"][..], "not a numeric stat"),
        (&["-s", "insns_diff"][..], "needs -C"),
    ] {
        let o = verify(args, &f);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            text(&o.stderr).contains(want),
            "{args:?}: {}",
            text(&o.stderr)
        );
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn replay_and_compare_of_kfregs_own_csv() {
    let csv = kfreg_csv();
    let o = kfreg([
        "-R".as_ref(),
        csv.as_os_str(),
        "-f".as_ref(),
        "rbtree.bpf.o/rb_first_remove_ok".as_ref(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.starts_with("File "), "{out}");
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.contains("rb_first_remove_ok  success"), "{out}");

    // kfreg against itself: every verdict matches, exit 0.
    let o = kfreg([
        "-C".as_ref(),
        csv.as_os_str(),
        csv.as_os_str(),
        "-f".as_ref(),
        "verdict_diff=mismatch".as_ref(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("0 with different verdicts"));

    // Stat sets that differ cannot be compared (veristat refuses too).
    let short = scratch("short.csv", "file_name,prog_name,verdict\na.o,p,success\n");
    let o = kfreg(["-C".as_ref(), csv.as_os_str(), short.as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("differ"), "{}", text(&o.stderr));
}

#[test]
fn csv_that_veristat_could_not_read_is_refused() {
    for (name, body, want) in [
        (
            "unknown.csv",
            "file_name,prog_name,size\n",
            "unrecognized stat name `size`",
        ),
        (
            "short-row.csv",
            "file_name,prog_name,verdict\na.o,p\n",
            "2 fields where the header has 3 columns",
        ),
        (
            "verdict.csv",
            "file_name,prog_name,verdict\na.o,p,maybe\n",
            "unrecognized verification verdict `maybe`",
        ),
        ("empty.csv", "", "empty file"),
    ] {
        let path = scratch(name, body);
        let o = kfreg(["-R".as_ref(), path.as_os_str()]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(
            text(&o.stderr).contains(want),
            "{name}: {}",
            text(&o.stderr)
        );
    }
    let o = kfreg(["-R", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("not a regular file or a pipe"));
}

/// A field veristat's own never needs quoting is written bare; one with a
/// comma is quoted, and read back whole.
#[test]
fn fields_with_commas_are_quoted_and_read_back() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("kfreg-veristat-q");
    std::fs::create_dir_all(&dir).expect("dir");
    let odd = dir.join("a,b.bpf.o");
    std::fs::copy(corpus("rbtree.bpf.o"), &odd).expect("copy");
    let o = verify(&["-o", "csv", "--prog", "rb_add_ok"], &[odd]);
    let out = text(&o.stdout);
    assert_eq!(
        out.lines().nth(1).map(|l| l.split(',').next()),
        Some(Some("\"a"))
    );
    assert!(
        out.lines()
            .nth(1)
            .unwrap()
            .starts_with("\"a,b.bpf.o\",rb_add_ok,success,")
    );
    let csv = scratch("quoted.csv", &out);
    let o = kfreg([
        "-R".as_ref(),
        csv.as_os_str(),
        "-o".as_ref(),
        "csv".as_ref(),
    ]);
    assert_eq!(text(&o.stdout), out);
}
