//! `kfreg`: the user's door to the kfunc registry.

kfreg::link!(kfreg_catalog);

mod check_btf;
mod verify;

use clap::{Parser, Subcommand, ValueEnum};
use kfreg::{Registry, export};
use std::io::Write;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "kfreg",
    version,
    about = "BPF kfunc registry: list, show and export kfunc declarations"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the registered kfuncs (or helpers, or program types).
    List {
        /// Only the members of this family.
        #[arg(long, conflicts_with_all = ["helpers", "prog_types"])]
        family: Option<String>,
        /// List the helpers instead: one entry per prototype.
        #[arg(long, conflicts_with = "prog_types")]
        helpers: bool,
        /// List the program types instead.
        #[arg(long)]
        prog_types: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Show everything declared about one kfunc, helper or program type.
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
    /// Verify the programs of BPF objects, or of the objects embedded in a binary.
    Verify {
        /// BPF object files, or binaries embedding them (libbpf skeletons).
        #[arg(required = true)]
        files: Vec<String>,
        /// Only the program with this name.
        #[arg(long)]
        prog: Option<String>,
        /// Print a kernel-style log for each program.
        #[arg(long)]
        log: bool,
        /// Output format (`csv` has veristat's columns).
        #[arg(long, value_enum, default_value_t = VerifyFormat::Table)]
        format: VerifyFormat,
        /// Kernel BTF for CO-RE relocations and kernel types (default: /sys/kernel/btf/vmlinux when present).
        #[arg(long)]
        btf: Option<std::path::PathBuf>,
        /// `CONFIG_*` values for `__kconfig` externs, as `CONFIG_X=y` lines
        /// (default: /boot/config-$(uname -r), else /proc/config.gz).
        #[arg(long)]
        kconfig: Option<std::path::PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
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
        Command::Verify {
            files,
            prog,
            log,
            format,
            btf,
            kconfig,
        } => {
            let paths = (btf.as_deref(), kconfig.as_deref());
            return run_verify(&reg, &files, prog.as_deref(), log, format, paths);
        }
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
    let parsed = match kfreg_verifier::btf::Btf::from_file(btf) {
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

fn run_verify(
    reg: &Registry,
    files: &[String],
    prog: Option<&str>,
    log: bool,
    format: VerifyFormat,
    (btf, kconfig): (Option<&std::path::Path>, Option<&std::path::Path>),
) -> ExitCode {
    // Like libbpf, relocate against the running kernel's BTF when none is named.
    let default_btf = std::path::Path::new("/sys/kernel/btf/vmlinux");
    let btf = btf.or_else(|| default_btf.exists().then_some(default_btf));
    let mut load = match btf {
        None => kfreg_verifier::loader::LoadOptions::default(),
        Some(path) => match std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|b| {
                kfreg_verifier::loader::LoadOptions::with_target_btf(&b).map_err(|e| e.to_string())
            }) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("kfreg: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
    };
    // Like libbpf, `__kconfig` externs are filled from the running kernel.
    match kfreg_verifier::loader::kconfig::system(kconfig) {
        Ok(values) => load.kconfig = values,
        Err(e) => {
            eprintln!("kfreg: {e}");
            return ExitCode::from(2);
        }
    }
    let mut rows = Vec::new();
    let mut bad_input = false;
    for file in files {
        let r = verify::verify_file(file, prog, reg, &load, log);
        for e in &r.errors {
            eprintln!("kfreg: {e}");
        }
        bad_input |= !r.errors.is_empty() || r.internal;
        rows.extend(r.rows);
    }
    let mut out = String::new();
    if log {
        for r in &rows {
            out += &format!("=== {} {} ({})\n{}", r.file, r.program, r.section, r.log);
        }
    }
    out += &match format {
        VerifyFormat::Table => verify::table(&rows),
        VerifyFormat::Json => verify::json(&rows),
        VerifyFormat::Csv => verify::csv(&rows),
    };
    let _ = std::io::stdout().write_all(out.as_bytes());
    if bad_input {
        ExitCode::from(2)
    } else if rows.iter().all(|r| r.accepted) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
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

fn show(reg: &Registry, name: &str, format: Format) -> Result<String, UsageError> {
    if let Some(d) = reg.prog_types().by_name(name) {
        return Ok(match format {
            Format::Json => {
                serde_json::to_string_pretty(&export::prog_type_json(d)).unwrap_or_default() + "\n"
            }
            Format::Table => export::describe_prog_type(reg, d),
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
            "unknown kfunc, helper or program type `{name}`{hint}"
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
