//! Running a target: worker processes, each told which case indices are
//! its, supervised by the process the user started.
//!
//! A panic is caught in the worker, minimised and written. An abort, a
//! stack overflow or running out of the memory limit ends the worker; a
//! hang stops its progress. Either way the supervisor knows the case from
//! the index the worker wrote before starting it (one 8-byte write per
//! case), has it written by a fresh process, and starts the worker again
//! past it.

use super::{Case, Fuzzer, Settings, Target, quiet_panics};
use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A run's settings.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// What is fuzzed.
    pub target: Target,
    /// Seed, instruction limit, extra objects.
    pub settings: Settings,
    /// Case indices `0..execs` are run (0: no bound but time).
    pub execs: u64,
    /// Wall-clock budget in seconds (0: no bound but `execs`).
    pub seconds: u64,
    /// Worker processes.
    pub jobs: usize,
    /// Findings go to `out/TARGET/`.
    pub out: PathBuf,
    /// A case running this long is a hang.
    pub hang_seconds: u64,
    /// Each worker's address-space limit in MiB (0: none).
    pub mem_mb: u64,
}

/// A run's counts.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    /// Cases run.
    pub executions: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// Cases that panicked.
    pub panics: u64,
    /// Distinct panic locations.
    pub distinct_panics: u64,
    /// Cases that ended their worker otherwise (abort, stack overflow, out
    /// of memory).
    pub crashes: u64,
    /// Cases that ran past the hang limit.
    pub hangs: u64,
}

impl Totals {
    /// Panics, crashes and hangs.
    pub fn findings(&self) -> u64 {
        self.panics + self.crashes + self.hangs
    }
}

/// The directory of a target's findings.
pub fn target_dir(out: &Path, target: Target) -> PathBuf {
    out.join(target.name())
}

fn pos_file(dir: &Path, w: usize) -> PathBuf {
    dir.join(format!("worker-{w}.pos"))
}

/// The body of worker `w`: cases `start`, `start + stride`, ... below `end`
/// (no bound when 0) until `deadline`. Returns the number run.
pub fn worker(
    f: &Fuzzer,
    dir: &Path,
    w: usize,
    (start, stride, end): (u64, u64, u64),
    deadline: Option<Instant>,
) -> Result<u64, String> {
    quiet_panics();
    let pos = File::create(pos_file(dir, w)).map_err(|e| e.to_string())?;
    let mut log = OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("panics.log"))
        .map_err(|e| e.to_string())?;
    let mut seen = HashSet::new();
    let mut n = 0;
    let mut i = start;
    while end == 0 || i < end {
        if n % 256 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        pos.write_at(&i.to_le_bytes(), 0)
            .map_err(|e| e.to_string())?;
        let case = f.case(i);
        if let Err(p) = f.check(&case) {
            let _ = writeln!(log, "{i}\t{}\t{}", p.location, p.message.replace('\n', " "));
            let name = format!("panic-{:016x}", crate::rng::mix(hash(&p.location)));
            // The first of each place, also across workers and restarts.
            if seen.insert(p.location.clone()) && !dir.join(format!("{name}.txt")).exists() {
                let small = f.minimise(&case, &p);
                let what = format!("panic at {}: {}", p.location, p.message);
                write_case(f, dir, &name, i, &small, &what);
            }
        }
        n += 1;
        i += stride;
    }
    Ok(n)
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

/// Writes `case` (index `index`) as `dir/NAME.txt` and, for byte targets,
/// its input as `dir/NAME.bin`.
pub fn write_case(f: &Fuzzer, dir: &Path, name: &str, index: u64, case: &Case, what: &str) {
    let (text, input) = f.describe(index, case, what);
    let _ = std::fs::write(dir.join(format!("{name}.txt")), text);
    if let Some(b) = input {
        let _ = std::fs::write(dir.join(format!("{name}.bin")), b);
    }
}

/// Limits this process's address space to `mb` MiB, so that a case that
/// allocates without bound ends the worker instead of the machine.
pub fn limit_memory(mb: u64) {
    if mb == 0 {
        return;
    }
    let bytes = mb.saturating_mul(1 << 20);
    let lim = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: bytes,
    };
    // SAFETY: setrlimit reads the struct it is given and nothing else.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &lim);
    }
}

/// The arguments that make a child process load the same inputs.
fn common_args(cfg: &RunConfig) -> Vec<String> {
    let mut a = vec![
        cfg.target.name().to_string(),
        "--seed".into(),
        cfg.settings.seed.to_string(),
        "--insn-limit".into(),
        cfg.settings.insn_limit.to_string(),
        "--out".into(),
        cfg.out.display().to_string(),
        "--mem-mb".into(),
        cfg.mem_mb.to_string(),
    ];
    for o in &cfg.settings.objects {
        a.push("--objects".into());
        a.push(o.display().to_string());
    }
    a
}

struct Slot {
    w: usize,
    start: u64,
    child: Child,
    last_pos: Option<u64>,
    moved: Instant,
}

fn spawn(cfg: &RunConfig, dir: &Path, w: usize, start: u64, seconds: u64) -> Result<Slot, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(pos_file(dir, w));
    // Fresh for each worker process: it holds what the last one said.
    let stderr = File::create(dir.join(format!("worker-{w}.stderr"))).map_err(|e| e.to_string())?;
    let child = Command::new(exe)
        .args(common_args(cfg))
        .args(["--worker", &w.to_string(), "--start", &start.to_string()])
        .args([
            "--stride",
            &cfg.jobs.to_string(),
            "--end",
            &cfg.execs.to_string(),
        ])
        .args(["--seconds", &seconds.to_string()])
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .map_err(|e| e.to_string())?;
    Ok(Slot {
        w,
        start,
        child,
        last_pos: None,
        moved: Instant::now(),
    })
}

fn read_pos(dir: &Path, w: usize) -> Option<u64> {
    let b = std::fs::read(pos_file(dir, w)).ok()?;
    Some(u64::from_le_bytes(b.get(..8)?.try_into().ok()?))
}

/// Has a fresh process write case `index` as a crash or hang report.
fn report(cfg: &RunConfig, kind: &str, index: u64, what: &str) {
    let Ok(exe) = std::env::current_exe() else {
        return;
    };
    let _ = Command::new(exe)
        .args(common_args(cfg))
        .args([
            "--write-case",
            &index.to_string(),
            "--as",
            kind,
            "--what",
            what,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// What a worker that died wrote to stderr (an abort's message), without
/// the backtrace.
fn stderr_tail(dir: &Path, w: usize) -> String {
    let mut s = String::new();
    if let Ok(mut f) = File::open(dir.join(format!("worker-{w}.stderr"))) {
        let _ = f.read_to_string(&mut s);
    }
    let lines: Vec<&str> = s
        .lines()
        .filter(|l| {
            !l.starts_with(' ') && !l.starts_with("stack backtrace") && !l.starts_with("note:")
        })
        .take(3)
        .collect();
    lines.join(" | ")
}

/// Runs `cfg.target` in `cfg.jobs` worker processes; returns the counts
/// (also written to `out/TARGET/SUMMARY.txt`).
pub fn run(cfg: &RunConfig) -> Result<Totals, String> {
    let dir = target_dir(&cfg.out, cfg.target);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let begin = Instant::now();
    let deadline = (cfg.seconds > 0).then(|| begin + Duration::from_secs(cfg.seconds));
    let remaining = || {
        deadline.map_or(0, |d| {
            d.saturating_duration_since(Instant::now()).as_secs().max(1)
        })
    };
    let stride = cfg.jobs.max(1) as u64;
    let mut totals = Totals::default();
    let mut slots = Vec::new();
    for w in 0..cfg.jobs.max(1) {
        slots.push(spawn(cfg, &dir, w, w as u64, remaining())?);
    }
    let hang = Duration::from_secs(cfg.hang_seconds.max(1));
    let mut progress = Instant::now();
    while !slots.is_empty() {
        std::thread::sleep(Duration::from_millis(100));
        let mut next = Vec::new();
        for mut s in slots {
            let pos = read_pos(&dir, s.w);
            let status = s.child.try_wait().map_err(|e| e.to_string())?;
            let stuck =
                status.is_none() && pos.is_some() && s.moved.elapsed() > hang && pos == s.last_pos;
            if status.is_none() && !stuck {
                if pos != s.last_pos {
                    s.last_pos = pos;
                    s.moved = Instant::now();
                }
                next.push(s);
                continue;
            }
            if stuck {
                let _ = s.child.kill();
            }
            let status = s.child.wait().map_err(|e| e.to_string())?;
            let mut stdout = String::new();
            if let Some(mut o) = s.child.stdout.take() {
                let _ = o.read_to_string(&mut stdout);
            }
            if status.success() && !stuck {
                totals.executions += stdout
                    .trim()
                    .strip_prefix("execs ")
                    .and_then(|n| n.parse::<u64>().ok())
                    .ok_or_else(|| format!("worker {}: no count in {stdout:?}", s.w))?;
                continue;
            }
            let Some(at) = pos else {
                return Err(format!(
                    "worker {} failed before its first case ({status}): {}",
                    s.w,
                    stderr_tail(&dir, s.w)
                ));
            };
            totals.executions += (at - s.start) / stride + 1;
            let (kind, what) = if stuck {
                totals.hangs += 1;
                (
                    "hang",
                    format!("hang: still running after {}s", hang.as_secs()),
                )
            } else {
                totals.crashes += 1;
                (
                    "crash",
                    format!("crash ({status}): {}", stderr_tail(&dir, s.w)),
                )
            };
            eprintln!("{}: case {at}: {what}", cfg.target.name());
            report(cfg, kind, at, &what);
            let restart = at + stride;
            let time_left = deadline.is_none_or(|d| Instant::now() < d);
            if (cfg.execs == 0 || restart < cfg.execs) && time_left {
                next.push(spawn(cfg, &dir, s.w, restart, remaining())?);
            }
        }
        slots = next;
        if progress.elapsed() > Duration::from_secs(60) {
            progress = Instant::now();
            let done: u64 = slots
                .iter()
                .filter_map(|s| read_pos(&dir, s.w).map(|p| (p - s.start) / stride))
                .sum::<u64>()
                + totals.executions;
            let secs = begin.elapsed().as_secs_f64();
            eprintln!(
                "{}: about {done} cases in {secs:.0}s ({:.0}/s)",
                cfg.target.name(),
                done as f64 / secs
            );
        }
    }
    totals.elapsed = begin.elapsed();
    let log = std::fs::read_to_string(dir.join("panics.log")).unwrap_or_default();
    totals.panics = log.lines().count() as u64;
    totals.distinct_panics = log
        .lines()
        .filter_map(|l| l.split('\t').nth(1))
        .collect::<HashSet<_>>()
        .len() as u64;
    let _ = std::fs::write(dir.join("SUMMARY.txt"), summary(cfg, &totals) + "\n");
    Ok(totals)
}

/// The line a run ends with.
pub fn summary(cfg: &RunConfig, t: &Totals) -> String {
    let secs = t.elapsed.as_secs_f64();
    format!(
        "{}: {} executions in {secs:.1}s ({:.0}/s), seed {}, -j {}, insn limit {}: {} panics ({} distinct), {} crashes, {} hangs",
        cfg.target.name(),
        t.executions,
        t.executions as f64 / secs.max(1e-9),
        cfg.settings.seed,
        cfg.jobs,
        cfg.settings.insn_limit,
        t.panics,
        t.distinct_panics,
        t.crashes,
        t.hangs,
    )
}
