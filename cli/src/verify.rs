//! `kfreg verify`: load BPF objects (plain, or embedded in a host binary as
//! libbpf skeletons embed them) and verify each program, the way libbpf
//! loads one program at a time; report like veristat.

use kfreg::Registry;
use kfreg_verifier::embedded::{Kind, big_endian, embedded_names, find_embedded, read_elf_file};
use kfreg_verifier::loader::{LoadError, LoadOptions, LoadedProgram, Object, load_object};
use kfreg_verifier::{Options, verify};
use serde_json::json;
use std::panic::AssertUnwindSafe;
use std::path::Path;

/// One verified program.
pub struct Row {
    /// Object file as given.
    pub file: String,
    /// Program name.
    pub program: String,
    /// ELF section.
    pub section: String,
    /// Program type (kernel spelling, lowercase).
    pub prog_type: String,
    /// Accepted.
    pub accepted: bool,
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
    /// The kernel-style log, when requested.
    pub log: String,
}

impl Row {
    /// The error line to compare with the kernel's (the last line).
    pub fn error_line(&self) -> Option<&str> {
        self.error.as_deref().and_then(|e| e.lines().last())
    }
}

/// What verifying one file gave: rows, and errors that concern a whole
/// object or the file (bad input: exit status 2).
#[derive(Default)]
pub struct FileResult {
    /// One row per verified program.
    pub rows: Vec<Row>,
    /// Messages about the file or one of its objects.
    pub errors: Vec<String>,
    /// Whether a program met an internal error (a kfreg bug).
    pub internal: bool,
}

/// Verifies every program of `file` (or only `only`): a BPF object, or a
/// host binary with BPF objects embedded (each named `binary@SKELETON`, or
/// `binary@0xOFFSET` when its skeleton name cannot be recovered).
pub fn verify_file(
    file: &str,
    only: Option<&str>,
    reg: &Registry,
    load: &LoadOptions,
    log: bool,
) -> FileResult {
    let mut out = FileResult::default();
    let (kind, bytes) = match read_elf_file(Path::new(file)) {
        Ok(x) => x,
        Err(e) => {
            out.errors.push(e.to_string());
            return out;
        }
    };
    let display = Path::new(file)
        .file_name()
        .map_or(file.to_string(), |f| f.to_string_lossy().into_owned());
    if kind == Kind::BpfObject {
        verify_object(&bytes, &display, file, only, reg, load, log, &mut out);
        return out;
    }
    let (found, big) = find_embedded(&bytes);
    for off in big {
        out.errors
            .push(big_endian(&format!("{file}: object at {off:#x}")).to_string());
    }
    if found.is_empty() {
        out.errors.push(format!(
            "{file}: not a BPF object, and no BPF object is embedded in it"
        ));
        return out;
    }
    let matched = |out: &FileResult| out.rows.len();
    let names = embedded_names(&display, &bytes, &found);
    for (e, name) in found.iter().zip(names) {
        let obj = &bytes[e.offset..e.offset + e.len];
        let mut one = FileResult::default();
        verify_object(obj, &name, &name, only, reg, load, log, &mut one);
        out.rows.append(&mut one.rows);
        out.internal |= one.internal;
        // With --prog, only the objects that have it matter.
        if only.is_none() {
            out.errors.append(&mut one.errors);
        }
    }
    if let Some(name) = only
        && matched(&out) == 0
    {
        out.errors.push(format!(
            "{file}: no program `{name}` in its {} embedded object(s)",
            found.len()
        ));
    }
    out
}

/// The message of a caught panic.
fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Verifies the programs of one object. A panic is a kfreg bug: it becomes
/// an internal error for the object or the program it happened in, and the
/// others are still verified.
#[allow(clippy::too_many_arguments)]
fn verify_object(
    bytes: &[u8],
    display: &str,
    shown: &str,
    only: Option<&str>,
    reg: &Registry,
    load: &LoadOptions,
    log: bool,
    out: &mut FileResult,
) {
    let loaded = std::panic::catch_unwind(AssertUnwindSafe(|| load_object(bytes, reg, load)));
    let obj = match loaded {
        Ok(Ok(obj)) => obj,
        Ok(Err(e)) => {
            out.errors.push(format!("{shown}: {e}"));
            return;
        }
        Err(p) => {
            out.internal = true;
            out.errors.push(format!(
                "{shown}: internal error (a kfreg bug) while loading: {}",
                panic_text(&*p)
            ));
            return;
        }
    };
    if let Some(name) = only
        && obj.program(name).is_none()
    {
        let names: Vec<&str> = obj.programs.iter().map(|p| p.name.as_str()).collect();
        let hint = kfreg::did_you_mean(name, names.iter().copied())
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        out.errors.push(format!(
            "{shown}: no program `{name}`{hint} (programs: {})",
            names.join(", ")
        ));
        return;
    }
    // A `?` section's program is not loaded unless asked for by name (as
    // libbpf leaves it alone unless autoload is switched on).
    for p in obj.programs.iter().filter(|p| match only {
        Some(n) => n == p.name,
        None => p.autoload,
    }) {
        let mut row = Row {
            file: display.to_string(),
            program: p.name.clone(),
            section: p.section.clone(),
            prog_type: reg
                .prog_types()
                .get(p.prog_type)
                .map_or("", |d| d.name)
                .to_string(),
            accepted: false,
            error: None,
            insn: None,
            source: None,
            insns_processed: 0,
            states: 0,
            peak_states: 0,
            max_states_per_insn: 0,
            size: p.insns.len(),
            stack_depth: 0,
            duration_us: 0,
            log: String::new(),
        };
        let result =
            std::panic::catch_unwind(AssertUnwindSafe(|| verify_one(&obj, p, reg, log, &mut row)));
        match result {
            Ok(Ok(())) => {}
            // libbpf fails this program's load alone (an extern or a
            // relocation only it uses): a rejection, not bad input.
            Ok(Err(e)) => row.error = Some(e.to_string()),
            Err(panic) => {
                out.internal = true;
                row.accepted = false;
                row.error = Some(format!(
                    "internal error (a kfreg bug): {}",
                    panic_text(&*panic)
                ));
            }
        }
        out.rows.push(row);
    }
}

/// Verifies one loaded program into `row`.
fn verify_one(
    obj: &Object,
    p: &LoadedProgram,
    reg: &Registry,
    log: bool,
    row: &mut Row,
) -> Result<(), LoadError> {
    match obj.to_program(p) {
        Ok(prog) => {
            let report = verify(
                &prog,
                reg,
                &Options {
                    log,
                    ..Options::default()
                },
            );
            row.accepted = report.accepted();
            if let Some(e) = &report.error {
                row.error = Some(Object::libbpf_message(p, e));
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
            row.log = report.log;
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

/// The rows as a JSON array.
pub fn json(rows: &[Row]) -> String {
    let all: Vec<_> = rows
        .iter()
        .map(|r| {
            json!({
                "file": r.file,
                "program": r.program,
                "section": r.section,
                "prog_type": r.prog_type,
                "verdict": if r.accepted { "ACCEPT" } else { "REJECT" },
                "error": r.error_line(),
                "error_lines": r.error.as_deref().map(|e| e.lines().collect::<Vec<_>>()),
                "insn": r.insn,
                "source": r.source,
                "insns_processed": r.insns_processed,
                "states": r.states,
                "peak_states": r.peak_states,
                "duration_us": r.duration_us as u64,
            })
        })
        .collect();
    serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
}

/// The rows as veristat's CSV (all 15 columns, in veristat's order).
pub fn csv(rows: &[Row]) -> String {
    let mut out = String::from(
        "file_name,prog_name,verdict,duration,total_insns,total_states,peak_states,max_states_per_insn,mark_read_max_len,size,jited_size,prog_type,attach_type,stack_depth,mem_peak\n",
    );
    for r in rows {
        out += &format!(
            "{},{},{},{},{},{},{},{},0,{},0,{},,{},0\n",
            r.file,
            r.program,
            if r.accepted { "success" } else { "failure" },
            r.duration_us,
            r.insns_processed,
            r.states,
            r.peak_states,
            r.max_states_per_insn,
            r.size,
            r.prog_type,
            r.stack_depth
        );
    }
    out
}

/// The rows as an aligned table, with each rejection's error underneath.
pub fn table(rows: &[Row]) -> String {
    let w_file = rows.iter().map(|r| r.file.len()).max().unwrap_or(4).max(4);
    let w_prog = rows
        .iter()
        .map(|r| r.program.len())
        .max()
        .unwrap_or(7)
        .max(7);
    let w_sec = rows
        .iter()
        .map(|r| r.section.len())
        .max()
        .unwrap_or(7)
        .max(7);
    let mut out = format!(
        "{:<w_file$}  {:<w_prog$}  {:<w_sec$}  {:<7}  {:>13}  {:>7}  {:>6}  {:>11}\n",
        "File", "Program", "Section", "Verdict", "Duration (us)", "Insns", "States", "Peak states"
    );
    out += &format!(
        "{}\n",
        "-".repeat(w_file + w_prog + w_sec + 7 + 13 + 7 + 6 + 11 + 14)
    );
    for r in rows {
        out += &format!(
            "{:<w_file$}  {:<w_prog$}  {:<w_sec$}  {:<7}  {:>13}  {:>7}  {:>6}  {:>11}\n",
            r.file,
            r.program,
            r.section,
            if r.accepted { "ACCEPT" } else { "REJECT" },
            r.duration_us,
            r.insns_processed,
            r.states,
            r.peak_states
        );
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
    let accepted = rows.iter().filter(|r| r.accepted).count();
    out += &format!(
        "{} program(s): {accepted} accepted, {} rejected\n",
        rows.len(),
        rows.len() - accepted
    );
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
        Kind::BpfObject => vec![kfreg_verifier::embedded::Embedded {
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
    let mut out = String::new();
    for (e, name) in found.iter().zip(names) {
        let path = dir.join(&name);
        std::fs::write(&path, &bytes[e.offset..e.offset + e.len])
            .map_err(|err| format!("{}: {err}", path.display()))?;
        out += &format!("{name} {:#x} {}\n", e.offset, e.len);
    }
    Ok(out)
}
