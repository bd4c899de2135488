//! `kfreg-nopanic`: the loader, the BTF parser and the verifier on mutated
//! real inputs, where only a panic, a crash or a hang is a finding.

use kfreg_difffuzz::nopanic::supervise::{self, RunConfig, target_dir};
use kfreg_difffuzz::nopanic::{Fuzzer, Settings, Target};
use kfreg_difffuzz::num;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

const USAGE: &str = "usage: kfreg-nopanic loader|btf|verify [--execs N] [--seconds N] [--seed S] [-j N]
                     [--out DIR] [--objects PATH]... [--insn-limit N] [--hang-seconds N] [--mem-mb N]
       kfreg-nopanic TARGET --replay INDEX [--seed S] [--objects PATH]...
Runs cases 0..N (default 20000; 0: until --seconds) of TARGET; findings go to DIR/TARGET
(default target/nopanic). Exit status 1 when there is a finding.";

fn main() -> ExitCode {
    match real_main() {
        Ok(clean) => {
            if clean {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("kfreg-nopanic: {e}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// What the process was asked to do besides a run.
#[derive(Default)]
struct Internal {
    /// Worker: its number.
    worker: Option<usize>,
    start: u64,
    stride: u64,
    replay: Option<u64>,
    write_case: Option<u64>,
    kind: String,
    what: String,
}

fn real_main() -> Result<bool, String> {
    let mut args = std::env::args().skip(1);
    let first = args.next().ok_or("no target")?;
    if first == "-h" || first == "--help" {
        println!("{USAGE}");
        return Ok(true);
    }
    let target = Target::from_name(&first).ok_or(format!("unknown target {first}"))?;
    let mut cfg = RunConfig {
        target,
        settings: Settings::default(),
        execs: 20_000,
        seconds: 0,
        jobs: 1,
        out: PathBuf::from("target/nopanic"),
        hang_seconds: 30,
        mem_mb: 4096,
    };
    let mut int = Internal {
        stride: 1,
        ..Internal::default()
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--execs" | "--end" => cfg.execs = num(args.next(), &a)?,
            "--seconds" => cfg.seconds = num(args.next(), &a)?,
            "--seed" => cfg.settings.seed = num(args.next(), &a)?,
            "-j" | "--jobs" => cfg.jobs = num(args.next(), &a)?.max(1) as usize,
            "--out" => cfg.out = args.next().ok_or("--out needs a value")?.into(),
            "--objects" => cfg
                .settings
                .objects
                .push(args.next().ok_or("--objects needs a value")?.into()),
            "--insn-limit" => cfg.settings.insn_limit = num(args.next(), &a)?,
            "--hang-seconds" => cfg.hang_seconds = num(args.next(), &a)?,
            "--mem-mb" => cfg.mem_mb = num(args.next(), &a)?,
            "--replay" => int.replay = Some(num(args.next(), &a)?),
            // The supervisor's calls.
            "--worker" => int.worker = Some(num(args.next(), &a)? as usize),
            "--start" => int.start = num(args.next(), &a)?,
            "--stride" => int.stride = num(args.next(), &a)?.max(1),
            "--write-case" => int.write_case = Some(num(args.next(), &a)?),
            "--as" => int.kind = args.next().ok_or("--as needs a value")?,
            "--what" => int.what = args.next().ok_or("--what needs a value")?,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if let Some(index) = int.replay {
        // Panics print as usual here, with a backtrace when asked for.
        let f = Fuzzer::new(target, &cfg.settings)?;
        let case = f.case(index);
        let (text, _) = f.describe(index, &case, "replay");
        println!("{text}");
        f.exec(&case);
        println!("no panic");
        return Ok(true);
    }
    if let Some(index) = int.write_case {
        let f = Fuzzer::new(target, &cfg.settings)?;
        let name = format!("{}-{index}", int.kind);
        let dir = target_dir(&cfg.out, target);
        supervise::write_case(&f, &dir, &name, index, &f.case(index), &int.what);
        return Ok(true);
    }
    if let Some(w) = int.worker {
        supervise::limit_memory(cfg.mem_mb);
        let f = Fuzzer::new(target, &cfg.settings)?;
        let deadline = (cfg.seconds > 0).then(|| Instant::now() + Duration::from_secs(cfg.seconds));
        let dir = target_dir(&cfg.out, target);
        let n = supervise::worker(&f, &dir, w, (int.start, int.stride, cfg.execs), deadline)?;
        println!("execs {n}");
        return Ok(true);
    }
    if cfg.execs == 0 && cfg.seconds == 0 {
        return Err("--execs 0 needs --seconds".into());
    }
    let t = supervise::run(&cfg)?;
    println!("{}", supervise::summary(&cfg, &t));
    if t.findings() > 0 {
        println!("findings in {}", target_dir(&cfg.out, target).display());
    }
    Ok(t.findings() == 0)
}
