//! `kfreg`: the user's door to the kfunc registry.

kfreg::link!(kfreg_catalog);

mod alloc;
mod check_btf;
mod jobs;
mod resident;
mod stats;
mod verify;

// Counts heap bytes for veristat's `mem_peak`.
#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

use clap::{Parser, Subcommand, ValueEnum};
use kfreg::{Registry, export};
use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

#[derive(Parser)]
#[command(
    name = "kfreg",
    version,
    about = "Verify BPF programs as Linux 6.18's verifier does (veristat's options and CSV), \
             and list, show and export the kfunc and helper declarations it knows",
    after_help = "Start with `kfreg verify prog.bpf.o` (`kfreg verify --help` for its options and exit codes)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Verify the programs of BPF objects (or of the objects embedded in a
    /// binary) and report like veristat; compare (-C) or replay (-R) CSVs.
    #[command(after_help = EXIT_CODES)]
    Verify(Box<VerifyArgs>),
    /// List the registered kfuncs (or helpers, program types or iterator targets).
    List {
        /// Only the members of this family.
        #[arg(long, conflicts_with_all = ["helpers", "prog_types", "iter_targets"])]
        family: Option<String>,
        /// List the helpers instead: one entry per prototype.
        #[arg(long, conflicts_with_all = ["prog_types", "iter_targets"])]
        helpers: bool,
        /// List the program types instead.
        #[arg(long, conflicts_with = "iter_targets")]
        prog_types: bool,
        /// List the BPF iterator targets instead (`SEC("iter/NAME")`).
        #[arg(long)]
        iter_targets: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Show everything declared about one kfunc, helper, program type or
    /// struct_ops type.
    Show {
        /// The kfunc's, helper's or program type's name (`kprobe`).
        name: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List the families and their policies.
    Families,
    /// Print a C header of `extern ... __ksym` declarations for BPF programs.
    Header {
        /// Write to this file instead of standard output.
        #[arg(short, long)]
        output: Option<std::path::PathBuf>,
    },
    /// Print the kernel-style `BTF_ID_FLAGS` set listing.
    BtfIdFlags,
    /// Compare the catalog's kfunc prototypes with a kernel's BTF; exit 1 on drift.
    CheckBtf {
        /// Kernel BTF to compare with.
        #[arg(long, default_value = "/sys/kernel/btf/vmlinux")]
        btf: std::path::PathBuf,
    },
    /// Write out the BPF objects embedded in binaries (libbpf skeletons), named as `verify` names them.
    Extract {
        /// Binaries (or BPF objects, copied as they are).
        #[arg(required = true)]
        files: Vec<String>,
        /// Directory to write them into.
        #[arg(short, long, default_value = ".")]
        output: std::path::PathBuf,
    },
}

/// The exit statuses of `kfreg verify`.
const EXIT_CODES: &str = "\
Exit status:
  0  every program verified was accepted (with -C: no program in both files has another verdict)
  1  a program was rejected (with -C: a program's verdicts differ)
  2  bad input (a file that is not a BPF object or cannot be read, a bad option, a CSV veristat
     would not read either) or an internal error (a kfreg bug); every other file and program is
     still verified and reported";

/// `kfreg verify`'s arguments: veristat's where veristat has one.
#[derive(clap::Args)]
struct VerifyArgs {
    /// BPF object files, or binaries embedding them (libbpf skeletons); with
    /// -C two CSV files, with -R one.
    #[arg(required = true)]
    files: Vec<String>,
    /// Only programs whose name matches this glob (`*` matches any text);
    /// repeatable. A program in a `?` section (libbpf does not load it by
    /// itself) is verified only when one matches it.
    #[arg(long, value_name = "GLOB")]
    prog: Vec<String>,
    /// veristat's filter, repeatable: `GLOB` (file or program name),
    /// `FILE-GLOB/PROG-GLOB`, `STAT<OP>VALUE` (`insns>1000`,
    /// `verdict=failure`; with -C `STAT_a`, `_b`, `_diff`, `_pct`), any of
    /// them after `!` to exclude, or `@FILE` with one a line.
    #[arg(short = 'f', long, value_name = "FILTER")]
    filter: Vec<String>,
    /// Stats to show, comma-separated: file_name, prog_name, verdict,
    /// duration, total_insns, total_states, peak_states, max_states_per_insn,
    /// max_mark_read_len, prog_size, prog_size_jited, prog_type,
    /// attach_type, stack_depth, mem_peak, section (kfreg's).
    #[arg(short = 'e', long, value_name = "SPEC")]
    emit: Option<String>,
    /// Sort by these stats (`^` after a name: ascending, `v`: descending);
    /// default file_name,prog_name.
    #[arg(short = 's', long, value_name = "SPEC")]
    sort: Option<String>,
    /// Show only the first N rows (0: all).
    #[arg(short = 'n', long, value_name = "N", default_value_t = 0)]
    top_n: usize,
    /// Output format (`csv` is veristat's: Linux 6.12's veristat reads it).
    #[arg(short = 'o', long, alias = "output-format", value_enum, default_value_t = VerifyFormat::Table)]
    format: VerifyFormat,
    /// Compare two veristat CSVs (kfreg's or veristat's own, e.g. kernel
    /// against kfreg): every stat of both, with the difference.
    #[arg(short = 'C', long, conflicts_with = "replay")]
    compare: bool,
    /// Show a veristat CSV again, filtered, sorted and with the stats asked for.
    #[arg(short = 'R', long)]
    replay: bool,
    /// No error lines under the table's rows and no summary line.
    #[arg(short = 'q', long)]
    quiet: bool,
    /// Write each program's kernel-style log to standard error (same as
    /// --log-level 1; veristat's -v).
    #[arg(short = 'v', long, visible_alias = "verbose")]
    log: bool,
    /// Verifier log level: 0 none, 1 the path that failed with each
    /// instruction's registers, as Linux prints it, 2 every path explored
    /// (as Linux's level 2 keeps them; without its per-instruction states).
    #[arg(short = 'l', long, value_name = "LEVEL", value_parser = clap::value_parser!(u8).range(0..=2))]
    log_level: Option<u8>,
    /// Keep at most this many bytes of each log, its end (as the kernel's
    /// rotating log does); 0 for no bound.
    #[arg(long, value_name = "BYTES", default_value_t = 16 << 20)]
    log_size: usize,
    /// With --log-size, keep each log's start instead of its end (the
    /// kernel's log without rotation).
    #[arg(long)]
    log_fixed: bool,
    /// Write each log to DIR/FILE.PROGRAM.log instead of standard error.
    #[arg(long, value_name = "DIR")]
    log_dir: Option<std::path::PathBuf>,
    /// Kernel BTF for CO-RE relocations and kernel types (default: /sys/kernel/btf/vmlinux when present).
    #[arg(long)]
    btf: Option<std::path::PathBuf>,
    /// `CONFIG_*` values for `__kconfig` externs, as `CONFIG_X=y` lines
    /// (default: /boot/config-$(uname -r), else /proc/config.gz). libbpf's
    /// probed values may be given as `LINUX_X=N` lines; without one,
    /// `LINUX_HAS_SYSCALL_WRAPPER` is 1 only when the configuration has
    /// kprobe events (libbpf probes it with a kprobe).
    #[arg(long)]
    kconfig: Option<std::path::PathBuf>,
    /// The target's symbols, as /proc/kallsyms lists them, which libbpf
    /// resolves typeless `__ksym`s from (a strong one not listed fails the
    /// load) and which list the `__ksym` variables the kernel finds (only
    /// with CONFIG_KALLSYMS_ALL). Without it, every one is taken to be there.
    #[arg(long, value_name = "FILE")]
    kallsyms: Option<std::path::PathBuf>,
    /// The target's number of possible CPUs, which bounds what
    /// `bpf_get_smp_processor_id` returns (default: this machine's, from
    /// /sys/devices/system/cpu/possible; unknown without it).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    nr_cpus: Option<u32>,
    /// The target's JIT gives no subprogram a stack of its own (JITs other
    /// than x86-64's and arm64's): every frame of a call chain counts
    /// towards the 512-byte limit, perf event programs' too.
    #[arg(long)]
    no_private_stack: bool,
    /// Load files and verify programs on N threads (0: one per CPU); the
    /// output is the same as with one.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 1)]
    jobs: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum VerifyFormat {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
}

/// A user error: printed, exit code 2.
struct UsageError(String);

fn main() -> ExitCode {
    resident::make_resident();
    let cli = Cli::parse();
    let reg = match Registry::collect() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("kfreg: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Command::List {
            helpers: true,
            format,
            ..
        } => Ok(list_helpers(&reg, format)),
        Command::List {
            prog_types: true,
            format,
            ..
        } => Ok(list_prog_types(&reg, format)),
        Command::List {
            iter_targets: true,
            format,
            ..
        } => Ok(list_iter_targets(&reg, format)),
        Command::List { family, format, .. } => list(&reg, family.as_deref(), format),
        Command::Show { name, format } => show(&reg, &name, format),
        Command::Families => Ok(families(&reg)),
        Command::Header { output } => {
            let text = export::header(&reg);
            match output {
                Some(path) => std::fs::write(&path, text)
                    .map(|()| String::new())
                    .map_err(|e| UsageError(format!("cannot write {}: {e}", path.display()))),
                None => Ok(text),
            }
        }
        Command::BtfIdFlags => Ok(export::btf_id_flags(&reg)),
        Command::CheckBtf { btf } => return run_check_btf(&reg, &btf),
        Command::Extract { files, output } => files
            .iter()
            .map(|f| verify::extract(f, &output))
            .collect::<Result<String, String>>()
            .map_err(UsageError),
        Command::Verify(args) => return run_verify(&reg, &args),
    };
    match result {
        Ok(text) => {
            // A closed pipe (`kfreg list | head`) is not an error worth reporting.
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(UsageError(msg)) => {
            eprintln!("kfreg: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Prints the drift between the catalog and `btf`: exit 0 when none, 1 on drift, 2 on bad input.
fn run_check_btf(reg: &Registry, btf: &std::path::Path) -> ExitCode {
    let parsed = match kfreg_object::btf::Btf::from_file(btf) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("kfreg: {}: {e}", btf.display());
            return ExitCode::from(2);
        }
    };
    match check_btf::check(reg, &parsed) {
        Ok(drift) => {
            print!("{drift}");
            println!("{}: {}", btf.display(), drift.summary());
            ExitCode::from(u8::from(!drift.is_clean()))
        }
        Err(e) => {
            eprintln!("kfreg: {}: {e}", btf.display());
            ExitCode::from(2)
        }
    }
}

/// Prints `msg` as kfreg's error and gives exit status 2.
fn bad(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("kfreg: {msg}");
    ExitCode::from(2)
}

/// Writes `text` to standard output; a closed pipe is not worth reporting.
fn emit(text: &str) {
    let _ = std::io::stdout().write_all(text.as_bytes());
}

fn run_verify(reg: &Registry, a: &VerifyArgs) -> ExitCode {
    let mut filters = stats::Filters::default();
    for f in &a.filter {
        if let Err(e) = filters.add(f) {
            return bad(e);
        }
    }
    let parse = |spec: &Option<String>, what: &str| {
        spec.as_deref()
            .map(stats::parse_spec)
            .transpose()
            .map_err(|e| format!("{what}: {e}"))
    };
    let (emit_spec, sort_spec) = match (parse(&a.emit, "--emit"), parse(&a.sort, "--sort")) {
        (Ok(e), Ok(s)) => (e, s),
        (Err(e), _) | (_, Err(e)) => return bad(e),
    };
    let sort_spec = sort_spec.unwrap_or_else(stats::default_sort_spec);
    if a.compare || a.replay {
        return run_csv_mode(a, &filters, emit_spec.as_deref(), &sort_spec);
    }
    if let Some(s) = emit_spec
        .iter()
        .flatten()
        .chain(&sort_spec)
        .find(|s| s.variant != stats::Variant::B)
    {
        return bad(format!(
            "`{}` with a comparison suffix (_a, _b, _diff, _pct) needs -C",
            s.stat.name()
        ));
    }

    // Like libbpf, relocate against the running kernel's BTF when none is named.
    let default_btf = std::path::Path::new("/sys/kernel/btf/vmlinux");
    let btf = a
        .btf
        .as_deref()
        .or_else(|| default_btf.exists().then_some(default_btf));
    let mut load = match btf {
        None => kfreg_object::loader::LoadOptions::default(),
        Some(path) => match std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|b| {
                kfreg_object::loader::LoadOptions::with_target_btf(&b).map_err(|e| e.to_string())
            }) {
            Ok(o) => o,
            Err(e) => return bad(format!("{}: {e}", path.display())),
        },
    };
    // Like libbpf, `__kconfig` externs are filled from the running kernel.
    match kfreg_object::loader::kconfig::system(a.kconfig.as_deref()) {
        Ok(values) => load.kconfig = values,
        Err(e) => return bad(e),
    }
    if let Some(path) = &a.kallsyms {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                load.kallsyms = Some(std::sync::Arc::new(kfreg_object::loader::Kallsyms::parse(
                    &text,
                )));
            }
            Err(e) => return bad(format!("{}: {e}", path.display())),
        }
    }
    let level = a.log_level.unwrap_or(u8::from(a.log));
    let log = verify::LogOptions {
        enabled: level > 0,
        all_paths: level > 1,
        size: a.log_size,
        fixed: a.log_fixed,
    };
    if let Some(dir) = &a.log_dir
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        return bad(format!("{}: {e}", dir.display()));
    }

    // The name index is built on first use: build it before any program's
    // time and memory are measured.
    if let Some(btf) = &load.target_btf {
        btf.index_names();
    }
    // Which --prog patterns matched something, and every program seen, by
    // file (for hints: in file order, whichever thread loaded a file).
    let matched: Vec<AtomicBool> = a.prog.iter().map(|_| AtomicBool::new(false)).collect();
    let seen: Vec<Mutex<Vec<String>>> = a.files.iter().map(|_| Mutex::default()).collect();
    let want_object = |name: &str| filters.wants(name, None);
    let load_file = |i: usize, file: &String| {
        let want_program = |file: &str, prog: &str, autoload: bool| {
            seen[i]
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(prog.to_string());
            if !filters.wants(file, Some(prog)) {
                return false;
            }
            if a.prog.is_empty() {
                // libbpf leaves a `?` program alone unless asked for.
                return autoload;
            }
            let mut any = false;
            for (g, hit) in a.prog.iter().zip(&matched) {
                if stats::glob_matches(prog, g) {
                    hit.store(true, Ordering::Relaxed);
                    any = true;
                }
            }
            any
        };
        let select = verify::Selection {
            want_object: &want_object,
            want_program: &want_program,
        };
        verify::load_file(file, &select, reg, &load)
    };
    let jobs = match a.jobs {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    let mut rows = Vec::new();
    let mut log_failed = false;
    let opts = verify::VerifyOptions {
        log,
        nr_cpu_ids: a
            .nr_cpus
            .or_else(kfreg_object::loader::kconfig::possible_cpus),
        private_stack: !a.no_private_stack,
    };
    let verify_program = |w: verify::Wanted| verify::verify_program(&w, reg, opts);
    jobs::run(&a.files, jobs, load_file, verify_program, |_, file_rows| {
        for mut r in file_rows {
            if let Some(e) = r.error.as_deref().filter(|_| r.bad_input) {
                eprintln!("kfreg: {e}");
            }
            if log.enabled && !r.log.is_empty() {
                let mut text = format!("=== {} {} ({})\n{}", r.file, r.program, r.section, r.log);
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                match &a.log_dir {
                    None => {
                        let _ = std::io::stderr().write_all(text.as_bytes());
                    }
                    Some(dir) => {
                        let name = format!("{}.{}.log", r.file, r.program).replace('/', "_");
                        let path = dir.join(name);
                        if let Err(e) = std::fs::write(&path, text) {
                            eprintln!("kfreg: {}: {e}", path.display());
                            log_failed = true;
                        }
                    }
                }
                // Written: do not keep every log of the run in memory.
                r.log = String::new();
            }
            rows.push(r);
        }
    });
    let mut unmatched = false;
    let seen: Vec<String> = seen
        .into_iter()
        .flat_map(|s| s.into_inner().unwrap_or_else(PoisonError::into_inner))
        .collect();
    for (g, hit) in a.prog.iter().zip(&matched) {
        if !hit.load(Ordering::Relaxed) {
            unmatched = true;
            let hint = kfreg::did_you_mean(g, seen.iter().map(String::as_str))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            eprintln!("kfreg: --prog `{g}` matches no program{hint}");
        }
    }

    let bad_input = unmatched || log_failed || rows.iter().any(|r| r.bad_input || r.internal);
    let rejected = rows.iter().any(|r| !r.accepted);
    let mut keyed: Vec<(stats::Record, verify::Row)> = rows
        .into_iter()
        .map(|r| (r.record().unwrap_or_else(|| r.key()), r))
        .collect();
    keyed.sort_by(|x, y| stats::cmp_records(&x.0, &y.0, &sort_spec));
    let shown: Vec<verify::Row> = keyed
        .into_iter()
        .filter(|(rec, r)| r.bad_input || filters.shows(rec))
        .map(|(_, r)| r)
        .take(if a.top_n == 0 { usize::MAX } else { a.top_n })
        .collect();
    match a.format {
        VerifyFormat::Table => {
            let spec = emit_spec.unwrap_or_else(stats::default_table_spec);
            emit(&verify::table(&shown, &spec, a.quiet));
        }
        VerifyFormat::Json => emit(&verify::json(&shown)),
        VerifyFormat::Csv => {
            // An error row has no stats veristat could read: its message
            // went to standard error.
            let recs: Vec<stats::Record> = shown.iter().filter_map(|r| r.record()).collect();
            let spec = emit_spec.unwrap_or_else(stats::default_csv_spec);
            emit(&stats::write_csv(&recs, &spec));
        }
    }
    if bad_input {
        ExitCode::from(2)
    } else if rejected {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `-C` and `-R`: read veristat CSVs instead of verifying.
fn run_csv_mode(
    a: &VerifyArgs,
    filters: &stats::Filters,
    emit_spec: Option<&[stats::SpecItem]>,
    sort_spec: &[stats::SpecItem],
) -> ExitCode {
    let want = if a.compare { 2 } else { 1 };
    if a.files.len() != want {
        return bad(if a.compare {
            format!("-C compares exactly two CSV files, not {}", a.files.len())
        } else {
            format!("-R replays exactly one CSV file, not {}", a.files.len())
        });
    }
    if a.format == VerifyFormat::Json {
        return bad("-C and -R write a table or CSV (--format table|csv)");
    }
    let mut csvs = Vec::new();
    for f in &a.files {
        match stats::read_csv(f, filters) {
            Ok(c) => csvs.push(c),
            Err(e) => return bad(e),
        }
    }
    let shape = stats::Shape {
        emit: emit_spec,
        sort: sort_spec,
        filters,
        top_n: a.top_n,
        csv: a.format == VerifyFormat::Csv,
    };
    if a.compare {
        return match stats::compare(&csvs[0], &csvs[1], &shape, (&a.files[0], &a.files[1])) {
            Ok(c) => {
                emit(&c.text);
                ExitCode::from(u8::from(c.verdict_mismatches > 0))
            }
            Err(e) => bad(e),
        };
    }
    match stats::replay(&csvs[0], &shape, &a.files[0]) {
        Ok(text) => {
            emit(&text);
            ExitCode::SUCCESS
        }
        Err(e) => bad(e),
    }
}

fn list(reg: &Registry, family: Option<&str>, format: Format) -> Result<String, UsageError> {
    let ids: Vec<_> = match family {
        Some(name) => {
            let fid = reg.family_id(name).ok_or_else(|| {
                let names = reg.families().map(|(_, f)| f.name);
                let hint = kfreg::did_you_mean(name, names)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                UsageError(format!(
                    "unknown family `{name}`{hint} (`kfreg families` lists them)"
                ))
            })?;
            reg.members(fid).to_vec()
        }
        None => reg.iter().map(|(id, _)| id).collect(),
    };
    Ok(match format {
        Format::Json => {
            let all: Vec<_> = ids
                .iter()
                .map(|id| export::kfunc_json(reg.get(*id)))
                .collect();
            serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
        }
        Format::Table => {
            let mut out = format!("{:<5} {:<40} {:<14} {}\n", "ID", "NAME", "FAMILY", "FLAGS");
            for id in &ids {
                let k = reg.get(*id);
                out += &format!(
                    "{:<5} {:<40} {:<14} {}\n",
                    id.0,
                    k.name,
                    k.family.map_or("-", |f| f.name),
                    reg.flags(*id).names().join(",")
                );
            }
            out + &format!("{} kfunc(s)\n", ids.len())
        }
    })
}

fn list_helpers(reg: &Registry, format: Format) -> String {
    let helpers: Vec<_> = reg.helpers().iter().collect();
    match format {
        Format::Json => {
            let all: Vec<_> = helpers.iter().map(|h| export::helper_json(h)).collect();
            serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
        }
        Format::Table => {
            let mut out = format!(
                "{:<5} {:<36} {:<40} {}\n",
                "ID", "NAME", "PROTO", "PROG TYPES"
            );
            for h in &helpers {
                let types = h.prog_types.names();
                let shown = if types.len() > 4 {
                    format!("{} types", types.len())
                } else {
                    types.join(",")
                };
                out += &format!("{:<5} {:<36} {:<40} {}\n", h.id, h.name, h.proto, shown);
            }
            out + &format!(
                "{} helper(s), {} prototype(s)\n",
                reg.helpers().count(),
                helpers.len()
            )
        }
    }
}

fn list_prog_types(reg: &Registry, format: Format) -> String {
    let types = reg.prog_types();
    match format {
        Format::Json => {
            let all: Vec<_> = types.iter().map(export::prog_type_json).collect();
            serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
        }
        Format::Table => {
            let mut out = format!(
                "{:<4} {:<24} {:<24} {:<9} {}\n",
                "ID", "NAME", "CONTEXT", "SECTIONS", "DEFINED IN"
            );
            for d in types.iter() {
                let ctx = d.ctx.map_or("-", |c| c.btf_name.unwrap_or(c.rust_name));
                out += &format!(
                    "{:<4} {:<24} {:<24} {:<9} {}\n",
                    d.id.id(),
                    d.name,
                    ctx,
                    d.sections.len(),
                    d.location.krate
                );
            }
            out + &format!("{} program type(s)\n", types.len())
        }
    }
}

fn list_iter_targets(reg: &Registry, format: Format) -> String {
    let targets = reg.iter_targets();
    match format {
        Format::Json => {
            let all: Vec<_> = targets.iter().map(export::iter_target_json).collect();
            serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
        }
        Format::Table => {
            let mut out = format!("{:<20} {:<50} {}\n", "TARGET", "ARGUMENTS", "HELPERS");
            let mut n = 0;
            for t in targets.iter() {
                let args: Vec<_> = t
                    .args
                    .iter()
                    .map(|a| format!("{}={}", a.name, a.value.name()))
                    .collect();
                let helpers: Vec<_> = t.helpers.iter().map(|h| h.name).collect();
                out += &format!(
                    "{:<20} {:<50} {}\n",
                    t.name,
                    args.join(" "),
                    if helpers.is_empty() {
                        "-".to_string()
                    } else {
                        helpers.join(",")
                    }
                );
                n += 1;
            }
            out + &format!("{n} iterator target(s)\n")
        }
    }
}

fn show(reg: &Registry, name: &str, format: Format) -> Result<String, UsageError> {
    if let Some(d) = reg.prog_types().by_name(name) {
        return Ok(match format {
            Format::Json => {
                serde_json::to_string_pretty(&export::prog_type_json(d)).unwrap_or_default() + "\n"
            }
            Format::Table => export::describe_prog_type(reg, d),
        });
    }
    if let Some(d) = reg.struct_ops().get(name) {
        return Ok(match format {
            Format::Json => {
                serde_json::to_string_pretty(&export::struct_ops_json(d)).unwrap_or_default() + "\n"
            }
            Format::Table => export::describe_struct_ops(d),
        });
    }
    let helpers = reg.helpers();
    if let Some(id) = helpers.id(name) {
        let protos = helpers.protos(id);
        return Ok(match format {
            Format::Json => {
                let all: Vec<_> = protos.iter().map(|h| export::helper_json(h)).collect();
                serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
            }
            Format::Table => export::describe_helper(protos),
        });
    }
    let k = reg.by_name(name).ok_or_else(|| {
        let hint = reg
            .suggest(name)
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        UsageError(format!(
            "unknown kfunc, helper, program type or struct_ops type `{name}`{hint}"
        ))
    })?;
    Ok(match format {
        Format::Json => {
            serde_json::to_string_pretty(&export::kfunc_json(k)).unwrap_or_default() + "\n"
        }
        Format::Table => export::describe(k),
    })
}

fn families(reg: &Registry) -> String {
    let mut out = format!(
        "{:<14} {:<8} {:<22} {:<22} {}\n",
        "FAMILY", "MEMBERS", "ROOT/NODE", "POLICY", "PROG TYPES"
    );
    for (fid, f) in reg.families() {
        let graph = match (f.root, f.node) {
            (Some(r), Some(n)) => format!("{}/{}", r.name(), n.name()),
            _ => "-".into(),
        };
        let mut policy = Vec::new();
        if f.lock_required {
            policy.push("lock_required".to_string());
        }
        if f.lock_safe {
            policy.push("lock_safe".to_string());
        }
        if let Some(c) = f.irq_class {
            policy.push(format!("irq_class={c}"));
        }
        out += &format!(
            "{:<14} {:<8} {:<22} {:<22} {}\n",
            f.name,
            reg.members(fid).len(),
            graph,
            if policy.is_empty() {
                "-".into()
            } else {
                policy.join(",")
            },
            f.prog_types.names().join(",")
        );
    }
    out
}
