//! `kfreg verify`: load BPF objects (plain, or embedded in a host binary as
//! libbpf skeletons embed them) and verify each program, the way libbpf
//! loads one program at a time; report like veristat.

use crate::jobs::Step;
use crate::stats::{self, Record, SpecItem, Stat};
use kfreg::{AttachType, Registry};
use kfreg_object::embedded::{
    Kind, big_endian, embedded_names, find_embedded, read_elf_file, skeleton_name,
};
use kfreg_object::loader::{
    LoadError, LoadOptions, LoadedProgram, Object, load_object, object_name,
};
use kfreg_verifier::{Options, verify};
use serde_json::json;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::Arc;

/// One verified program, or (with `bad_input`) a file or object that
/// could not be verified at all.
pub struct Row {
    /// Object file as given (its base name; `BINARY@NAME` for an embedded object).
    pub file: String,
    /// Program name (empty on an error row).
    pub program: String,
    /// ELF section.
    pub section: String,
    /// Program type (kernel spelling, lowercase).
    pub prog_type: String,
    /// Expected attach type as libbpf spells it (`cgroup_inet_ingress`,
    /// the kernel's 0, when the section sets none, as veristat shows it).
    pub attach_type: String,
    /// Accepted.
    pub accepted: bool,
    /// A file or object that could not be verified: an error row.
    pub bad_input: bool,
    /// Verifying it met an internal error (a kfreg bug): exit status 2.
    pub internal: bool,
    /// The error: every line, the last being the kernel's final error line.
    pub error: Option<String>,
    /// The instruction the error is about.
    pub insn: Option<u32>,
    /// Source position of that instruction, when line info exists.
    pub source: Option<String>,
    /// Instructions processed.
    pub insns_processed: u64,
    /// States stored.
    pub states: u64,
    /// Peak states.
    pub peak_states: u64,
    /// Most states at one instruction.
    pub max_states_per_insn: u64,
    /// Program size in instructions.
    pub size: usize,
    /// Stack depth of the main program.
    pub stack_depth: u32,
    /// Verification time.
    pub duration_us: u128,
    /// Most heap bytes held at once while verifying, above what was held before.
    pub mem_peak: u64,
    /// The kernel-style log, when requested (bounded by [`LogOptions::size`]).
    pub log: String,
}

impl Row {
    /// The error line to compare with the kernel's (the last line).
    pub fn error_line(&self) -> Option<&str> {
        self.error.as_deref().and_then(|e| e.lines().last())
    }

    /// An error row: `file` could not be verified, for `msg`.
    pub fn bad(file: &str, msg: String) -> Row {
        Row {
            bad_input: true,
            error: Some(msg),
            ..Row::new(file, "", "", "", "")
        }
    }

    fn new(file: &str, program: &str, section: &str, prog_type: &str, attach: &str) -> Row {
        Row {
            file: file.to_string(),
            program: program.to_string(),
            section: section.to_string(),
            prog_type: prog_type.to_string(),
            attach_type: attach.to_string(),
            accepted: false,
            bad_input: false,
            internal: false,
            error: None,
            insn: None,
            source: None,
            insns_processed: 0,
            states: 0,
            peak_states: 0,
            max_states_per_insn: 0,
            size: 0,
            stack_depth: 0,
            duration_us: 0,
            mem_peak: 0,
            log: String::new(),
        }
    }

    /// The row's file and program, for sorting an error row among the others.
    pub fn key(&self) -> Record {
        let mut r = Record::default();
        r.set_text(Stat::FileName, &self.file);
        r.set_text(Stat::ProgName, &self.program);
        r
    }

    /// The row's veristat stats (`None` for an error row).
    pub fn record(&self) -> Option<Record> {
        if self.bad_input {
            return None;
        }
        let mut r = Record::default();
        r.set_text(Stat::FileName, &self.file);
        r.set_text(Stat::ProgName, &self.program);
        r.set_text(Stat::Section, &self.section);
        r.set_text(Stat::ProgType, &self.prog_type);
        r.set_text(Stat::AttachType, &self.attach_type);
        let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        r.set_num(Stat::Verdict, i64::from(self.accepted));
        r.set_num(Stat::Duration, n(self.duration_us as u64));
        r.set_num(Stat::TotalInsns, n(self.insns_processed));
        r.set_num(Stat::TotalStates, n(self.states));
        r.set_num(Stat::PeakStates, n(self.peak_states));
        r.set_num(Stat::MaxStatesPerInsn, n(self.max_states_per_insn));
        // kfreg keeps no read marks yet; Linux 6.18 reports 0 as well.
        r.set_num(Stat::MarkReadMaxLen, 0);
        // veristat reads the size from the loaded program: none when rejected.
        r.set_num(
            Stat::ProgSize,
            if self.accepted { self.size as i64 } else { 0 },
        );
        r.set_num(Stat::JitedSize, 0);
        r.set_num(Stat::Stack, i64::from(self.stack_depth));
        r.set_num(Stat::MemPeak, n(self.mem_peak >> 20));
        Some(r)
    }
}

/// How to verify: the log, and what the verifier knows of the target.
#[derive(Clone, Copy, Debug, Default)]
pub struct VerifyOptions {
    /// What to log and how much.
    pub log: LogOptions,
    /// The target's number of possible CPUs (see `Options::nr_cpu_ids`).
    pub nr_cpu_ids: Option<u32>,
    /// Whether the target's JIT gives subprograms private stacks (see
    /// `Options::private_stack`).
    pub private_stack: bool,
}

/// What to log and how much.
#[derive(Clone, Copy, Debug, Default)]
pub struct LogOptions {
    /// Produce the kernel-style log.
    pub enabled: bool,
    /// Keep every path's lines (the kernel's level 2), not only the last.
    pub all_paths: bool,
    /// Keep at most this many bytes of each log; 0 for no bound.
    pub size: usize,
    /// Keep the log's start rather than its end (veristat's `--log-fixed`:
    /// the kernel's log without rotation).
    pub fixed: bool,
}

/// Bounds `log` to `max` bytes (0: no bound), cut at line boundaries,
/// behind a note saying so: its end, as the kernel's rotating log keeps it
/// (the error is there), or with `fixed` its start.
pub fn bound_log(log: String, max: usize, fixed: bool) -> String {
    if max == 0 || log.len() <= max {
        return log;
    }
    if fixed {
        let mut end = max;
        while !log.is_char_boundary(end) {
            end -= 1;
        }
        let end = log[..end].rfind('\n').map_or(end, |i| i + 1);
        return format!(
            "[kfreg: log truncated to its first {end} bytes (--log-fixed); --log-size to change]\n{}",
            &log[..end]
        );
    }
    let mut cut = log.len() - max;
    while !log.is_char_boundary(cut) {
        cut += 1;
    }
    let start = log[cut..].find('\n').map_or(cut, |i| cut + i + 1);
    format!(
        "[kfreg: log truncated to its last {} bytes; --log-size to change]\n{}",
        log.len() - start,
        &log[start..]
    )
}

/// Which programs to verify: `want_object(NAME)` says whether an object
/// (named as its rows' file) may have wanted programs, `want_program(NAME,
/// PROGRAM, AUTOLOAD)` whether to verify one.
pub struct Selection<'a> {
    /// Whether to look inside an object at all.
    pub want_object: &'a dyn Fn(&str) -> bool,
    /// Whether to verify a program.
    pub want_program: &'a dyn Fn(&str, &str, bool) -> bool,
}

/// The largest CSV or text input read whole (256 MiB): larger is surely no
/// veristat output.
const MAX_TEXT: u64 = 256 << 20;

/// Reads a text input (a CSV): a regular file or a pipe (`<(kfreg verify
/// ...)`), never more than [`MAX_TEXT`] bytes; a device or a directory is
/// refused before reading.
pub fn read_text_file(path: &str) -> Result<String, String> {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let meta = std::fs::metadata(path).map_err(|e| format!("{path}: {e}"))?;
    if !meta.is_file() && !meta.file_type().is_fifo() {
        return Err(format!("{path}: not a regular file or a pipe"));
    }
    if meta.len() > MAX_TEXT {
        return Err(format!(
            "{path}: {} bytes is larger than the {MAX_TEXT}-byte limit for a CSV",
            meta.len()
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_TEXT + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("{path}: {e}"))?;
    if bytes.len() as u64 > MAX_TEXT {
        return Err(format!(
            "{path}: more than the {MAX_TEXT}-byte limit for a CSV"
        ));
    }
    String::from_utf8(bytes).map_err(|_| format!("{path}: not UTF-8 text"))
}

/// A program of a loaded object, to verify with [`verify_program`].
pub struct Wanted {
    /// The object, shared by its programs.
    obj: Arc<Object>,
    /// The program's index in `obj.programs`.
    index: usize,
    /// The object's name as its rows show it.
    display: Arc<str>,
}

/// Loads `file`, a BPF object or a host binary with BPF objects embedded
/// (each named `binary@SKELETON`, or `binary@0xOFFSET` when its skeleton
/// name cannot be recovered): its wanted programs, to verify, and an error
/// row for each file or object that cannot be verified, in the order their
/// rows come.
pub fn load_file(
    file: &str,
    select: &Selection,
    reg: &Registry,
    load: &LoadOptions,
) -> Vec<Step<Wanted, Row>> {
    let display = Path::new(file)
        .file_name()
        .map_or(file.to_string(), |f| f.to_string_lossy().into_owned());
    let (kind, bytes) = match read_elf_file(Path::new(file)) {
        Ok(x) => x,
        Err(e) => return vec![Step::Done(Row::bad(&display, e.to_string()))],
    };
    let mut steps = Vec::new();
    if kind == Kind::BpfObject {
        if (select.want_object)(&display) {
            let load = load.for_object(Some(object_name(file)));
            load_one(&bytes, &display, file, select, reg, &load, &mut steps);
        }
        return steps;
    }
    let (found, big) = find_embedded(&bytes);
    for off in big {
        let what = format!("{file}: object at {off:#x}");
        steps.push(Step::Done(Row::bad(
            &display,
            big_endian(&what).to_string(),
        )));
    }
    if found.is_empty() && steps.is_empty() {
        steps.push(Step::Done(Row::bad(
            &display,
            format!("{file}: not a BPF object, and no BPF object is embedded in it"),
        )));
        return steps;
    }
    let names = embedded_names(&display, &bytes, &found);
    for (e, name) in found.iter().zip(names) {
        if (select.want_object)(&name) {
            let obj = &bytes[e.offset..e.offset + e.len];
            // A skeleton opens its object under the skeleton's name.
            let load = load.for_object(skeleton_name(obj).map(|n| object_name(&n)));
            load_one(obj, &name, &name, select, reg, &load, &mut steps);
        }
    }
    steps
}

/// The message of a caught panic.
fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Loads one object and lists its wanted programs. A panic is a kfreg
/// bug: it becomes an internal error for the object, and the other objects
/// are still verified.
fn load_one(
    bytes: &[u8],
    display: &str,
    shown: &str,
    select: &Selection,
    reg: &Registry,
    load: &LoadOptions,
    out: &mut Vec<Step<Wanted, Row>>,
) {
    let loaded = std::panic::catch_unwind(AssertUnwindSafe(|| load_object(bytes, reg, load)));
    let obj = match loaded {
        Ok(Ok(obj)) => {
            // Indexed now, not by whichever of its programs, on whichever
            // thread, looks a name up first: no program's time and memory
            // include it.
            if let Some(btf) = &obj.btf {
                btf.index_names();
            }
            Arc::new(obj)
        }
        Ok(Err(e)) => {
            out.push(Step::Done(Row::bad(display, format!("{shown}: {e}"))));
            return;
        }
        Err(p) => {
            out.push(Step::Done(Row::bad(
                display,
                format!(
                    "{shown}: internal error (a kfreg bug) while loading: {}",
                    panic_text(&*p)
                ),
            )));
            return;
        }
    };
    let display: Arc<str> = Arc::from(display);
    for (index, p) in obj.programs.iter().enumerate() {
        if (select.want_program)(&display, &p.name, p.autoload) {
            out.push(Step::Todo(Wanted {
                obj: Arc::clone(&obj),
                index,
                display: Arc::clone(&display),
            }));
        }
    }
}

/// Verifies one wanted program. A panic is a kfreg bug: it becomes an
/// internal error for the program, and the others are still verified.
pub fn verify_program(w: &Wanted, reg: &Registry, opts: VerifyOptions) -> Row {
    let p = &w.obj.programs[w.index];
    // veristat shows the kernel's 0 (cgroup_inet_ingress) when a
    // section sets no expected attach type.
    let attach = p.attach.unwrap_or(AttachType::CgroupInetIngress);
    let prog_type = reg.prog_types().get(p.prog_type).map_or("", |d| d.name);
    let mut row = Row::new(&w.display, &p.name, &p.section, prog_type, attach.name());
    row.size = p.insns.len();
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
        verify_one(&w.obj, p, reg, opts, &mut row)
    }));
    match result {
        Ok(Ok(())) => {}
        // libbpf fails this program's load alone (an extern or a
        // relocation only it uses): a rejection, not bad input.
        Ok(Err(e)) => row.error = Some(e.to_string()),
        Err(panic) => {
            row.internal = true;
            row.accepted = false;
            row.error = Some(format!(
                "internal error (a kfreg bug): {}",
                panic_text(&*panic)
            ));
        }
    }
    row
}

/// Verifies one loaded program into `row`.
fn verify_one(
    obj: &Object,
    p: &LoadedProgram,
    reg: &Registry,
    opts: VerifyOptions,
    row: &mut Row,
) -> Result<(), LoadError> {
    let log = opts.log;
    match obj.to_program(p) {
        Ok(prog) => {
            let before = crate::alloc::start_peak();
            let report = verify(
                &prog,
                reg,
                &Options {
                    log: log.enabled,
                    log_all_paths: log.all_paths,
                    nr_cpu_ids: opts.nr_cpu_ids,
                    private_stack: opts.private_stack,
                    ..Options::default()
                },
            );
            row.mem_peak = crate::alloc::peak_since(before) as u64;
            row.accepted = report.accepted();
            if let Some(e) = &report.error {
                row.error = Some(Object::libbpf_message(p, &e.msg, e.insn));
                row.insn = e.insn;
                row.source = e
                    .insn
                    .and_then(|i| prog.line_of(i))
                    .map(|l| format!("{}:{}", l.file, l.line));
            }
            row.insns_processed = report.stats.insns_processed;
            row.states = report.stats.total_states;
            row.peak_states = report.stats.peak_states;
            row.max_states_per_insn = report.stats.max_states_per_insn;
            row.stack_depth = report.stats.stack_depth;
            row.duration_us = report.stats.duration.as_micros();
            let text = match &report.error {
                Some(e) => Object::libbpf_log(p, &report.log, e.insn),
                None => report.log,
            };
            row.log = bound_log(text, log.size, log.fixed);
            Ok(())
        }
        // The kernel rejects a bad encoding before verifying: a verdict, not bad input.
        Err(LoadError::Decode { err, .. }) => {
            row.error = Some(err.msg.clone());
            row.insn = Some(err.insn as u32);
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// The verdict word of kfreg's table and JSON.
fn verdict_word(r: &Row) -> &'static str {
    if r.bad_input && r.program.is_empty() {
        "ERROR"
    } else if r.accepted {
        "ACCEPT"
    } else {
        "REJECT"
    }
}

/// The rows as a JSON array: every stat the CSV can have, under veristat's
/// names (`verdict` is kfreg's word: ACCEPT, REJECT, or ERROR for a file
/// that could not be verified), and kfreg's own fields (`insns_processed`,
/// `states` and `duration_us` repeat `total_insns`, `total_states` and
/// `duration` for the scripts that read them; `mem_peak_bytes` is
/// `mem_peak` unrounded).
pub fn json(rows: &[Row]) -> String {
    let all: Vec<_> = rows
        .iter()
        .map(|r| {
            let mut v = json!({
                "file": r.file,
                "program": (!r.program.is_empty()).then_some(&r.program),
                "section": r.section,
                "prog_type": r.prog_type,
                "attach_type": r.attach_type,
                "verdict": verdict_word(r),
                "error": r.error_line(),
                "error_lines": r.error.as_deref().map(|e| e.lines().collect::<Vec<_>>()),
                "insn": r.insn,
                "source": r.source,
                "insns_processed": r.insns_processed,
                "states": r.states,
                "duration_us": r.duration_us as u64,
                "mem_peak_bytes": r.mem_peak,
            });
            if let (Some(rec), Some(obj)) = (r.record(), v.as_object_mut()) {
                for stat in ALL_NUMERIC {
                    obj.insert(stat.name().into(), json!(rec.num(stat)));
                }
            }
            v
        })
        .collect();
    serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
}

/// The numeric stats, in veristat's order.
const ALL_NUMERIC: [Stat; 10] = [
    Stat::Duration,
    Stat::TotalInsns,
    Stat::TotalStates,
    Stat::PeakStates,
    Stat::MaxStatesPerInsn,
    Stat::MarkReadMaxLen,
    Stat::ProgSize,
    Stat::JitedSize,
    Stat::Stack,
    Stat::MemPeak,
];

/// The rows as an aligned table of `spec`'s columns, with each rejection's
/// error underneath (unless `quiet`) and a summary line.
pub fn table(rows: &[Row], spec: &[SpecItem], quiet: bool) -> String {
    let headers: Vec<String> = spec.iter().map(|s| s.stat.header().to_string()).collect();
    let left: Vec<bool> = spec
        .iter()
        .map(|s| s.stat.is_text() || s.stat == Stat::Verdict)
        .collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let rec = r.record();
            spec.iter()
                .map(|s| match (s.stat, &rec) {
                    (Stat::Verdict, _) => verdict_word(r).to_string(),
                    (Stat::FileName, _) => r.file.clone(),
                    (_, Some(rec)) => rec.shown(s.stat),
                    (_, None) => "-".to_string(),
                })
                .collect()
        })
        .collect();
    let lines = stats::align(&headers, &cells, &left);
    let mut out = String::new();
    out += &lines[0];
    out.push('\n');
    out += &lines[1];
    out.push('\n');
    for (r, line) in rows.iter().zip(&lines[2..]) {
        out += line;
        out.push('\n');
        if quiet {
            continue;
        }
        if let Some(error) = &r.error {
            let at = match (r.insn, &r.source) {
                (Some(i), Some(src)) => format!(" (insn {i}, {src})"),
                (Some(i), None) => format!(" (insn {i})"),
                _ => String::new(),
            };
            // Every line of the message: the kernel's last one is not
            // always the telling one (`infinite loop detected` is followed
            // by state dumps).
            let mut lines = error.lines();
            out += &format!("    error{at}: {}\n", lines.next().unwrap_or_default());
            for line in lines {
                out += &format!("        {line}\n");
            }
        }
    }
    if quiet {
        return out;
    }
    let programs = rows.iter().filter(|r| !r.program.is_empty()).count();
    let accepted = rows.iter().filter(|r| r.accepted).count();
    let errors = rows.len() - programs;
    out += &format!(
        "{programs} program(s): {accepted} accepted, {} rejected",
        programs - accepted
    );
    if errors > 0 {
        out += &format!("; {errors} file(s) or object(s) could not be verified");
    }
    out.push('\n');
    out
}

/// `kfreg extract`: the BPF objects embedded in `file`, written into `dir`
/// as `NAME` (the name `verify` gives them); one `NAME OFFSET LENGTH` line
/// each.
pub fn extract(file: &str, dir: &Path) -> Result<String, String> {
    let (kind, bytes) = read_elf_file(Path::new(file)).map_err(|e| e.to_string())?;
    let display = Path::new(file)
        .file_name()
        .map_or(file.to_string(), |f| f.to_string_lossy().into_owned());
    let found = match kind {
        Kind::BpfObject => vec![kfreg_object::embedded::Embedded {
            offset: 0,
            len: bytes.len(),
        }],
        _ => find_embedded(&bytes).0,
    };
    let names = if kind == Kind::BpfObject {
        vec![display.clone()]
    } else {
        embedded_names(&display, &bytes, &found)
    };
    if found.is_empty() {
        return Err(format!(
            "{file}: not a BPF object, and no BPF object is embedded in it"
        ));
    }
    // As `mkdir -p`: a fresh output directory is the common case in scripts.
    std::fs::create_dir_all(dir).map_err(|err| format!("{}: {err}", dir.display()))?;
    let mut out = String::new();
    for (e, name) in found.iter().zip(names) {
        let path = dir.join(&name);
        std::fs::write(&path, &bytes[e.offset..e.offset + e.len])
            .map_err(|err| format!("{}: {err}", path.display()))?;
        out += &format!("{name} {:#x} {}\n", e.offset, e.len);
    }
    Ok(out)
}
