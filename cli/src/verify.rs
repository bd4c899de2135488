//! `kfreg verify`: load clang-built objects and verify each program, the way
//! libbpf loads one program at a time; report like veristat.

use kfreg::Registry;
use kfreg_verifier::loader::{LoadError, LoadOptions, load_object};
use kfreg_verifier::{Options, verify};
use serde_json::json;
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

/// Verifies every program of `file` (or only `only`).
pub fn verify_file(
    file: &str,
    only: Option<&str>,
    reg: &Registry,
    load: &LoadOptions,
    log: bool,
) -> Result<Vec<Row>, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
    let obj = load_object(&bytes, reg, load).map_err(|e| format!("{file}: {e}"))?;
    if let Some(name) = only
        && obj.program(name).is_none()
    {
        let names: Vec<&str> = obj.programs.iter().map(|p| p.name.as_str()).collect();
        let hint = kfreg::did_you_mean(name, names.iter().copied())
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        return Err(format!(
            "{file}: no program `{name}`{hint} (programs: {})",
            names.join(", ")
        ));
    }
    let display = Path::new(file)
        .file_name()
        .map_or(file.to_string(), |f| f.to_string_lossy().into_owned());
    let mut rows = Vec::new();
    for p in obj
        .programs
        .iter()
        .filter(|p| only.is_none_or(|n| n == p.name))
    {
        let mut row = Row {
            file: display.clone(),
            program: p.name.clone(),
            section: p.section.clone(),
            prog_type: p.prog_type.name().to_string(),
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
                    row.error = Some(e.msg.clone());
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
            }
            // The kernel rejects a bad encoding before verifying: a verdict, not bad input.
            Err(LoadError::Decode { err, .. }) => {
                row.error = Some(err.msg.clone());
                row.insn = Some(err.insn as u32);
            }
            Err(e) => return Err(format!("{file}: {e}")),
        }
        rows.push(row);
    }
    Ok(rows)
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
