//! Assembler-text programs with the Linux verifier's recorded verdict and
//! message (`tests/asm/*.s`). Each case is:
//!
//! ```text
//! ### name
//! ; type: xdp | tc | syscall | raw_tp | raw_tp_w | tp_btf | socket | kprobe | tracepoint | perf_event | sysctl | iter/TARGET
//!   (and the other words of `prog_type`, each with its expected attach type)
//! ; map: hash|array|percpu_array|ringbuf|user_ringbuf|sockmap|prog_array|(any map type's DSL name) key=4 value=8 max=1 [btf=ID] [rdonly_prog] [flags=N] [init=HEX]
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
//! and rewrites or checks the `expect` lines.

mod common;
kfreg::link!(kfreg_catalog);

use common::Case;
use kfreg::{AttachType, MapKind, ProgType};
use kfreg_object::program::MapType;

/// A `; map:` line: type, key size, value size, max entries, read-only for
/// the program, write-only for the program, and element 0's bytes (a frozen
/// map, like libbpf's `.rodata`).
type MapSpec = (MapType, u32, u32, u32, bool, bool, Option<Vec<u8>>);

/// One parsed case.
struct AsmCase {
    file: String,
    name: String,
    prog_type: ProgType,
    /// The section a `type: iter/TARGET` (a BPF iterator) or
    /// `type: tp_btf/EVENT` case is loaded from.
    section: Option<String>,
    /// Loaded with `BPF_F_SLEEPABLE`.
    sleepable: bool,
    /// The expected attach type it is loaded with, if any.
    attach: Option<AttachType>,
    maps: Vec<MapSpec>,
    expect: Option<String>,
    /// The lines of the kernel's message before its error line.
    before: Vec<String>,
    /// The instructions the kernel processed, when recorded: pruning cases
    /// show that kfreg stores and compares states as the kernel does.
    insns: Option<u64>,
    /// Loaded with BTF for its functions (`; btf: funcs`), as compilers
    /// emit it; without, some subprogram uses are refused.
    func_btf: bool,
    /// Its license is GPL-compatible (`; license:`, `GPL` by default).
    gpl: bool,
    text: String,
}

/// The program type of a `; type:` word, the expected attach type it is
/// loaded with, the section of an iterator or tp_btf program, and whether it is loaded
/// sleepable (as scripts/asm-kernel-verdicts.py loads it).
fn prog_type(word: &str) -> (ProgType, Option<AttachType>, Option<String>, bool) {
    if word.starts_with("iter/") || word.starts_with("tp_btf/") {
        return (ProgType::Tracing, None, Some(word.to_string()), false);
    }
    if word == "sysctl" {
        return (
            ProgType::CgroupSysctl,
            Some(AttachType::CgroupSysctl),
            None,
            false,
        );
    }
    match word {
        "cgroup_skb" => {
            return (
                ProgType::CgroupSkb,
                Some(AttachType::CgroupInetIngress),
                None,
                false,
            );
        }
        "cgroup_skb_egress" => {
            return (
                ProgType::CgroupSkb,
                Some(AttachType::CgroupInetEgress),
                None,
                false,
            );
        }
        "lwt_in" => return (ProgType::LwtIn, None, None, false),
        "lwt_out" => return (ProgType::LwtOut, None, None, false),
        "lwt_xmit" => return (ProgType::LwtXmit, None, None, false),
        "sock_ops" => return (ProgType::SockOps, None, None, false),
        "sk_skb" => return (ProgType::SkSkb, None, None, false),
        "sk_msg" => return (ProgType::SkMsg, None, None, false),
        "sock_addr_connect4" => {
            return (
                ProgType::CgroupSockAddr,
                Some(AttachType::CgroupInet4Connect),
                None,
                false,
            );
        }
        "sock_addr_sendmsg6" => {
            return (
                ProgType::CgroupSockAddr,
                Some(AttachType::CgroupUdp6Sendmsg),
                None,
                false,
            );
        }
        "sock_addr_bind4" => {
            return (
                ProgType::CgroupSockAddr,
                Some(AttachType::CgroupInet4Bind),
                None,
                false,
            );
        }
        "sockopt_get" => {
            return (
                ProgType::CgroupSockopt,
                Some(AttachType::CgroupGetsockopt),
                None,
                false,
            );
        }
        "sockopt_set" => {
            return (
                ProgType::CgroupSockopt,
                Some(AttachType::CgroupSetsockopt),
                None,
                false,
            );
        }
        "sk_lookup" => return (ProgType::SkLookup, Some(AttachType::SkLookup), None, false),
        "netfilter" => {
            return (
                ProgType::Netfilter,
                Some(AttachType::Netfilter),
                None,
                false,
            );
        }
        "cgroup_sock_post_bind4" => {
            return (
                ProgType::CgroupSock,
                Some(AttachType::CgroupInet4PostBind),
                None,
                false,
            );
        }
        "kprobe_multi" => {
            return (
                ProgType::Kprobe,
                Some(AttachType::TraceKprobeMulti),
                None,
                false,
            );
        }
        "uprobe_multi" => {
            return (
                ProgType::Kprobe,
                Some(AttachType::TraceUprobeMulti),
                None,
                false,
            );
        }
        "kprobe_session" => {
            return (
                ProgType::Kprobe,
                Some(AttachType::TraceKprobeSession),
                None,
                false,
            );
        }
        "uprobe_session" => {
            return (
                ProgType::Kprobe,
                Some(AttachType::TraceUprobeSession),
                None,
                false,
            );
        }
        "syscall" => return (ProgType::Syscall, None, None, true),
        "syscall_ns" => return (ProgType::Syscall, None, None, false),
        "socket_s" => return (ProgType::SocketFilter, None, None, true),
        _ => {}
    }
    let ty = match word {
        "xdp" => ProgType::Xdp,
        "tc" => ProgType::SchedCls,
        "raw_tp" => ProgType::RawTracepoint,
        "raw_tp_w" => ProgType::RawTracepointWritable,
        "tp_btf" => ProgType::Tracing,
        "socket" => ProgType::SocketFilter,
        "kprobe" => ProgType::Kprobe,
        "tracepoint" => ProgType::Tracepoint,
        "perf_event" => ProgType::PerfEvent,
        "cgroup_sock" => ProgType::CgroupSock,
        "cgroup_dev" => ProgType::CgroupDevice,
        "sk_reuseport" => ProgType::SkReuseport,
        "flow_dissector" => ProgType::FlowDissector,
        other => panic!("unknown program type `{other}`"),
    };
    (ty, None, None, false)
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
                prog_type: ProgType::Xdp,
                section: None,
                sleepable: false,
                attach: None,
                maps: Vec::new(),
                expect: None,
                before: Vec::new(),
                insns: None,
                func_btf: false,
                gpl: true,
                text: body.into(),
            };
            for line in body.lines() {
                let Some(meta) = line.trim().strip_prefix("; ") else {
                    continue;
                };
                if let Some(t) = meta.strip_prefix("type: ") {
                    (case.prog_type, case.attach, case.section, case.sleepable) =
                        prog_type(t.trim());
                } else if let Some(m) = meta.strip_prefix("map: ") {
                    let mut words = m.split_whitespace();
                    let ty = match words.next() {
                        Some("hash") => MapType::Hash,
                        Some("array") => MapType::Array,
                        Some("percpu_array") => MapType::PercpuArray,
                        Some("ringbuf") => MapType::Ringbuf,
                        Some("user_ringbuf") => MapType::from_u32(31),
                        Some("sockmap") => MapType::Other(15),
                        Some("prog_array") => MapType::from_u32(3),
                        // Any other map type by its DSL name (`lpm_trie`).
                        other => match other.and_then(MapKind::from_name) {
                            Some(k) => MapType::from_u32(k as u32),
                            None => panic!("{file}/{name}: map type {other:?}"),
                        },
                    };
                    let kv = |k: &str| {
                        words
                            .clone()
                            .find_map(|w| w.strip_prefix(k)?.parse::<u32>().ok())
                            .unwrap_or(0)
                    };
                    // BPF_F_RDONLY_PROG and BPF_F_WRONLY_PROG, by word or in `flags=N`.
                    let flags = kv("flags=");
                    let forced =
                        MapKind::from_u32(ty.number()).is_some_and(MapKind::forces_rdonly_prog);
                    let rdonly = m.split_whitespace().any(|w| w == "rdonly_prog")
                        || flags & (1 << 7) != 0
                        || forced;
                    let wronly = flags & (1 << 8) != 0;
                    let init = m
                        .split_whitespace()
                        .find_map(|w| w.strip_prefix("init="))
                        .map(|hex| {
                            (0..hex.len())
                                .step_by(2)
                                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("init hex"))
                                .collect::<Vec<u8>>()
                        });
                    case.maps.push((
                        ty,
                        kv("key="),
                        kv("value="),
                        kv("max="),
                        rdonly,
                        wronly,
                        init,
                    ));
                } else if let Some(b) = meta.strip_prefix("before: ") {
                    case.before.push(b.trim().into());
                } else if let Some(e) = meta.strip_prefix("expect: ") {
                    case.expect = Some(e.trim().into());
                } else if let Some(l) = meta.strip_prefix("license: ") {
                    case.gpl = kfreg_object::loader::license_is_gpl(l.trim());
                } else if meta.trim() == "btf: funcs" {
                    case.func_btf = true;
                } else if let Some(n) = meta.strip_prefix("insns: ") {
                    case.insns = Some(n.trim().parse().expect("`; insns:` is a number"));
                }
            }
            cases.push(case);
        }
    }
    cases
}

impl AsmCase {
    /// The test program.
    fn case(&self) -> Case {
        let mut c = match &self.section {
            Some(section) if section.starts_with("tp_btf/") => Case::tp_btf(section, &self.text),
            Some(section) => Case::iterator(section, &self.text),
            None => Case::new(self.prog_type, &self.text),
        };
        c.prog.kernel_btf = Some(common::kernel_btf());
        c.prog.attach = c.prog.attach.or(self.attach);
        c.prog.sleepable = self.sleepable;
        c.prog.gpl = self.gpl;
        // As the recorder loads them: a program that takes a callback's
        // address gets BTF for its functions (the kernel wants it).
        let callback = c.prog.insns.iter().any(|i| {
            matches!(
                i,
                kfreg_isa::Insn::LdImm64 {
                    pseudo: kfreg_isa::Pseudo::Func,
                    ..
                }
            )
        });
        c.prog.func_info = self.func_btf || callback;
        c.prog.prog_btf = c.prog.func_info;
        for (i, (ty, k, v, max, rdonly, wronly, init)) in self.maps.iter().enumerate() {
            c = c.map_n(&format!("map{i}"), *ty, *k, *v, *max, None);
            if let Some(bytes) = init {
                let mut bytes = bytes.clone();
                bytes.resize(*v as usize, 0);
                c = c.rodata(&bytes);
            } else if *rdonly {
                c = c.rdonly();
            }
            if *wronly {
                c = c.wronly();
            }
        }
        c
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
        let Some(expect) = &case.expect else {
            failures.push(format!("{}/{}: no `; expect:` line", case.file, case.name));
            continue;
        };
        let mut insns = None;
        let got = match std::panic::catch_unwind(|| case.case().run()) {
            Ok(report) => {
                insns = Some(report.stats.insns_processed);
                match &report.error {
                    None => "ACCEPT".to_string(),
                    // The recorded message skips the state dumps after an
                    // infinite loop (scripts/asm-kernel-verdicts.py).
                    Some(e) => {
                        let lines: Vec<&str> = e
                            .msg
                            .lines()
                            .filter(|l| {
                                !l.starts_with("cur state:") && !l.starts_with("old state:")
                            })
                            .collect();
                        let (last, earlier) = lines.split_last().unwrap_or((&"", &[]));
                        let earlier = &earlier[earlier.len().saturating_sub(9)..];
                        if earlier == case.before.as_slice() {
                            format!("REJECT {last}")
                        } else {
                            format!("REJECT {} / {last}", earlier.join(" / "))
                        }
                    }
                }
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
                case.before
                    .iter()
                    .map(|b| format!("{b} / "))
                    .collect::<String>()
            ));
        } else if case.insns.is_some() && insns.is_some() && case.insns != insns {
            failures.push(format!(
                "{}/{}: the kernel processed {} insns, kfreg {}",
                case.file,
                case.name,
                case.insns.unwrap_or_default(),
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
