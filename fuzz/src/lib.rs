//! A differential fuzzer: structured random BPF programs (from [`progen`]),
//! each verified by kfreg and loaded into the running kernel
//! ([`kernel`]); disagreements are minimised ([`minimise`]) and written as
//! assembler text with both verdicts.

/// A command-line number (decimal or `0x` hex) given for option `what`.
pub fn num(s: Option<String>, what: &str) -> Result<u64, String> {
    let s = s.ok_or(format!("{what} needs a value"))?;
    let r = match s.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16),
        None => s.parse(),
    };
    r.map_err(|_| format!("{what}: not a number: {s}"))
}

pub mod funcs;
pub mod kernel;
pub mod minimise;
pub mod mutate;
pub mod nopanic;
pub mod progen;
pub mod rng;

use kfreg::Registry;
use kfreg_isa::asm::Resolver;
use kfreg_isa::disasm::{Symbols, format_program};
use kfreg_isa::{Insn, encode};
use kfreg_object::btf::{Btf, Kind as BtfKind};
use kfreg_object::program::{MapDef, MapType, Program};
use kfreg_verifier::{Options, discover_subprogs, verify};
use progen::{GenProgram, MAP_INDEX, MAP_KEY_SIZE, MAP_MAX_ENTRIES, MAP_VALUE_SIZE};
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

kfreg::link!(kfreg_catalog);

/// kfreg's processed-instruction limit for this process (`--insn-limit`);
/// the kernel's is 1,000,000.
pub static INSN_LIMIT: AtomicU64 = AtomicU64::new(kfreg_verifier::limits::INSN_LIMIT);

/// kfreg's verdict: `None` accepted, `Some(message)` rejected.
pub type Verdict = Option<String>;

/// The kfreg program for `p`: decoded as the kernel decodes, with the
/// array map at [`MAP_INDEX`] and its functions as their BTF says.
pub fn kfreg_program(p: &GenProgram) -> Result<Program, String> {
    let (prog_type, attach, insns) = (p.prog_type, p.attach, &p.insns[..]);
    let mut prog = Program::from_raw("fuzz", prog_type, &encode(insns)).map_err(|e| e.msg)?;
    prog.attach = attach;
    prog.sleepable = loads_sleepable(prog_type);
    debug_assert_eq!(MAP_INDEX, 0);
    prog.maps.push(MapDef {
        name: "arr".into(),
        map_type: MapType::Array,
        key_size: MAP_KEY_SIZE,
        value_size: MAP_VALUE_SIZE,
        max_entries: MAP_MAX_ENTRIES,
        value_type: None,
        rdonly: false,
        wronly: false,
        inner_map_flag: false,
        global_data: false,
        init: None,
        inner: None,
    });
    prog.kernel_btf = kernel_btf();
    // As libbpf resolves a kfunc extern: by name in the kernel BTF.
    if let Some(btf) = &prog.kernel_btf {
        for insn in insns {
            if let Insn::Call(kfreg_isa::Call::Kfunc { btf_id, .. }) = *insn
                && let Ok(name) = btf.name(btf_id as u32)
                && let Some(id) = Registry::global().id(name)
            {
                prog.kfuncs.insert(btf_id, id);
            }
        }
    }
    discover_subprogs(&mut prog);
    let starts = function_starts(insns);
    prog.func_info = starts.len() > 1;
    prog.prog_btf = prog.func_info;
    if prog.func_info {
        let ctx = ctx_name(prog_type);
        let funcs = signatures(&p.funcs, starts.len());
        for (k, sub) in prog.subprogs.iter_mut().enumerate().skip(1) {
            sub.name = format!("f{k}");
            if let Some(Some(params)) = funcs.get(k - 1) {
                sub.global = true;
                sub.args = Some(funcs::subprog_args(params, ctx));
            }
        }
    }
    Ok(prog)
}

/// The functions after the main one of a program with `count` functions:
/// `funcs`, or all static when `funcs` describes another number of them
/// (minimising dropped the only call of one).
pub fn signatures(funcs: &[funcs::Func], count: usize) -> Vec<funcs::Func> {
    if funcs.len() + 1 == count {
        funcs.to_vec()
    } else {
        vec![None; count.saturating_sub(1)]
    }
}

/// The struct a global function's parameter points to to be the context
/// of a `prog_type` program, as the kernel names it.
pub fn ctx_name(prog_type: kfreg::ProgType) -> Option<&'static str> {
    Registry::global()
        .prog_types()
        .get(prog_type)
        .and_then(|d| d.ctx)
        .and_then(|c| c.btf_name)
}

/// Where the functions of `insns` start (the main program, and each
/// subprogram a call or a callback reference names), when there is more
/// than one and all are inside the program: the programs both verifiers get
/// BTF function info for. Otherwise only the main program's start.
pub fn function_starts(insns: &[Insn]) -> Vec<u32> {
    let mut starts = vec![0i64];
    for (pc, insn) in insns.iter().enumerate() {
        let off = match *insn {
            Insn::Call(kfreg_isa::Call::Local(off))
            | Insn::LdImm64 {
                pseudo: kfreg_isa::Pseudo::Func,
                imm: off,
                ..
            } => off,
            _ => continue,
        };
        starts.push(pc as i64 + 1 + i64::from(off));
    }
    starts.sort_unstable();
    starts.dedup();
    if starts.iter().any(|&s| s < 0 || s >= insns.len() as i64) {
        return vec![0];
    }
    starts.into_iter().map(|s| s as u32).collect()
}

/// Programs of types that must sleep are loaded sleepable, the others not.
pub fn loads_sleepable(prog_type: kfreg::ProgType) -> bool {
    Registry::global()
        .prog_types()
        .get(prog_type)
        .is_some_and(|d| d.sleepable_only.is_some())
}

/// This machine's kernel BTF, read once: the kernel judging the same
/// programs sizes its structs (a flow dissector's keys) by it, and the
/// generated kfunc calls carry its ids.
pub fn kernel_btf() -> Option<Arc<Btf>> {
    static KERNEL_BTF: std::sync::OnceLock<Option<Arc<Btf>>> = std::sync::OnceLock::new();
    KERNEL_BTF
        .get_or_init(|| {
            let bytes = std::fs::read("/sys/kernel/btf/vmlinux").ok()?;
            Btf::parse(&bytes).ok().map(Arc::new)
        })
        .clone()
}

/// Kfunc names in programs as the kernel BTF gives them: printed in case
/// files, read back by `--check`.
pub struct KernelNames(pub Option<Arc<Btf>>);

impl Symbols for KernelNames {
    fn kfunc_name(&self, btf_id: i32) -> Option<&str> {
        self.0.as_deref()?.name(u32::try_from(btf_id).ok()?).ok()
    }
}

impl Resolver for KernelNames {
    fn kfunc_id(&self, name: &str) -> Option<i32> {
        Some(self.0.as_deref()?.find(name, BtfKind::Func)? as i32)
    }
}

/// A program as assembler text, kfuncs named.
pub fn listing(insns: &[Insn]) -> String {
    format_program(insns, &[], &KernelNames(kernel_btf()))
}

/// This machine's possible CPUs, read once.
static NR_CPU_IDS: std::sync::OnceLock<Option<u32>> = std::sync::OnceLock::new();

/// How kfreg judges the fuzzer's programs, with every path's log or none.
fn kfreg_options(log: bool) -> Options {
    Options {
        log,
        log_all_paths: log,
        insn_limit: INSN_LIMIT.load(Ordering::Relaxed),
        // The kernel judging the same programs is this machine's.
        nr_cpu_ids: *NR_CPU_IDS.get_or_init(kfreg_object::loader::kconfig::possible_cpus),
        ..Options::default()
    }
}

/// Verifies `p` with kfreg; `Err` carries a panic's message.
pub fn kfreg_verdict(p: &GenProgram) -> Result<Verdict, String> {
    catch_unwind(AssertUnwindSafe(|| {
        match kfreg_program(p) {
            Err(msg) => Some(msg),
            Ok(prog) => {
                let opts = kfreg_options(false);
                let r = verify(&prog, Registry::global(), &opts);
                if r.stats.insns_processed > opts.insn_limit + 1 {
                    return Some(format!(
                        "kfreg processed {} insns, over its limit",
                        r.stats.insns_processed
                    ));
                }
                // The message read from kfreg's as from the kernel's log.
                r.error
                    .map(|e| kernel::error_message(&e.msg).unwrap_or_default())
            }
        }
    }))
    .map_err(|p| {
        p.downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "panic".into())
    })
}

/// kfreg's verifier log of `p`, every path's lines kept (as the kernel's
/// at level 2), or why there is none.
pub fn kfreg_log(p: &GenProgram) -> String {
    match kfreg_program(p) {
        Err(msg) => msg,
        Ok(prog) => verify(&prog, Registry::global(), &kfreg_options(true)).log,
    }
}

/// How one program came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// kfreg accepts, the kernel rejects.
    FalseAccept,
    /// kfreg rejects, the kernel accepts.
    FalseReject,
    /// kfreg panicked or gave two verdicts (the no-kernel invariants).
    Invariant,
    /// kfreg stopped at its lowered instruction limit (`--insn-limit`) on
    /// a program the kernel, with its own limit, accepted after processing
    /// more than that: a setting of the run, not a disagreement.
    LimitBound,
    /// Same verdict.
    Agree,
}

/// The run's settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// Wall-clock budget.
    pub seconds: u64,
    /// The seed everything derives from.
    pub seed: u64,
    /// Worker threads.
    pub jobs: usize,
    /// Load into the kernel (root); without it only kfreg's invariants.
    pub kernel: bool,
    /// Where minimised cases go.
    pub out: PathBuf,
    /// Stop after this many programs (0: only the time bound).
    pub max_programs: u64,
    /// The program types generated.
    pub prog_types: Vec<(kfreg::ProgType, Option<kfreg::AttachType>)>,
}

/// The counts of a run.
#[derive(Clone, Debug, Default)]
pub struct Totals {
    /// Programs generated and judged.
    pub programs: u64,
    /// Same verdict.
    pub agree: u64,
    /// kfreg accepted, kernel rejected.
    pub false_accepts: u64,
    /// kfreg rejected, kernel accepted.
    pub false_rejects: u64,
    /// Rejected by kfreg's lowered limit only ([`Outcome::LimitBound`]).
    pub limit_bound: u64,
    /// Invariant violations (panics, two verdicts).
    pub invariants: u64,
    /// Programs the kernel accepted.
    pub kernel_accepts: u64,
    /// Rejections where both agree but the error lines differ.
    pub message_differences: u64,
    /// Those by (kernel's line, kfreg's line), numbers blanked: how many,
    /// and the first one's program seed.
    pub other_lines: BTreeMap<(String, String), (u64, u64)>,
    /// Wall time.
    pub elapsed: Duration,
    /// Agreed rejections by error line (numbers blanked): what the
    /// generator gets wrong most, to tune it.
    pub rejections: BTreeMap<String, u64>,
    /// Distinct disagreement classes with their counts and the file of the
    /// first (minimised) case.
    pub classes: BTreeMap<(Outcome, String), (u64, String)>,
}

/// A disagreement class: the outcome and the deciding error line with
/// numbers blanked (register numbers, offsets and sizes vary per program).
pub fn class_of(outcome: Outcome, kernel: &Verdict, kfreg: &Verdict) -> (Outcome, String) {
    let msg = match outcome {
        Outcome::FalseAccept => kernel.clone().unwrap_or_default(),
        _ => kfreg.clone().unwrap_or_default(),
    };
    let mut out = String::new();
    let mut in_num = false;
    for c in msg.chars() {
        if c.is_ascii_digit() {
            if !in_num {
                out.push('N');
            }
            in_num = true;
        } else {
            in_num = false;
            out.push(c);
        }
    }
    (outcome, out)
}

/// The seed of program `i` of worker `w`.
pub fn program_seed(seed: u64, worker: u64, i: u64) -> u64 {
    rng::mix(rng::mix(seed ^ rng::mix(worker.wrapping_add(1))).wrapping_add(i))
}

/// The generator's view of each of `types`, each loaded with its attach type.
pub fn targets(types: &[(kfreg::ProgType, Option<kfreg::AttachType>)]) -> Vec<progen::Target> {
    let reg = Registry::global();
    types
        .iter()
        .map(|(t, a)| progen::Target::for_prog(reg, *t, *a, kernel_btf().as_deref()))
        .collect()
}

/// The program types of a run, as `--prog-types` spells them.
fn spec_names(cfg: &Config) -> String {
    let names: Vec<_> = cfg
        .prog_types
        .iter()
        .map(|(t, a)| progen::spec_name(*t, *a))
        .collect();
    names.join(",")
}

/// The command that regenerates and judges program `seed` of a run of `cfg`.
fn replay_command(cfg: &Config, seed: u64) -> String {
    let mut cmd = format!("difffuzz --replay {seed:#x}");
    if cfg.prog_types[..] != progen::PROG_TYPES[..] {
        cmd += &format!(" --prog-types {}", spec_names(cfg));
    }
    cmd
}

struct Shared {
    totals: Mutex<Totals>,
    count: AtomicU64,
    stop: AtomicBool,
    /// Per worker: the seed of the program it is judging, for the watchdog.
    busy: Vec<Mutex<Option<u64>>>,
}

/// How long past the deadline a worker may stay on one program before the
/// run ends without it (the program is reported as a hang).
const GRACE: Duration = Duration::from_secs(5);

/// Runs the fuzzer; returns the totals.
pub fn run(cfg: &Config) -> Result<Totals, String> {
    std::fs::create_dir_all(&cfg.out).map_err(|e| format!("{}: {e}", cfg.out.display()))?;
    if cfg.kernel {
        // Fail early, in the caller's thread, without root.
        kernel::Kernel::new(MAP_KEY_SIZE, MAP_VALUE_SIZE, MAP_MAX_ENTRIES)
            .map_err(|e| format!("{e} (run as root, or pass --no-kernel)"))?;
    }
    let shared = Arc::new(Shared {
        totals: Mutex::new(Totals::default()),
        count: AtomicU64::new(0),
        stop: AtomicBool::new(false),
        busy: (0..cfg.jobs.max(1)).map(|_| Mutex::new(None)).collect(),
    });
    let start = Instant::now();
    let deadline = start + Duration::from_secs(cfg.seconds);
    let mut handles = Vec::new();
    // Silence the default panic printer: panics are counted and written out.
    std::panic::set_hook(Box::new(|_| {}));
    for w in 0..cfg.jobs.max(1) {
        let shared = shared.clone();
        let cfg = cfg.clone();
        handles.push(std::thread::spawn(move || {
            worker(&cfg, w as u64, deadline, &shared)
        }));
    }
    // A verifier that does not stop must not stop the run: past the grace
    // period the stuck programs are reported and their workers abandoned.
    loop {
        if handles.iter().all(|h| h.is_finished()) {
            for h in handles {
                h.join().map_err(|_| "a worker panicked".to_string())??;
            }
            break;
        }
        if Instant::now() > deadline + GRACE {
            let targets = targets(&cfg.prog_types);
            for slot in &shared.busy {
                let Some(pseed) = *slot.lock().unwrap() else {
                    continue;
                };
                let p = progen::generate(pseed, &targets);
                let name = format!("3-hang-{pseed:016x}.txt");
                let text = format!(
                    "# 3-hang: still being judged {}s after the deadline\n# program type: {}\n# program seed: {pseed:#018x} (replay: {})\n{}",
                    GRACE.as_secs(),
                    progen::spec_name(p.prog_type, p.attach),
                    replay_command(cfg, pseed),
                    listing(&p.insns)
                );
                let _ = std::fs::write(cfg.out.join(&name), text);
                let mut t = shared.totals.lock().unwrap();
                t.invariants += 1;
                t.programs += 1;
                t.classes.insert(
                    (Outcome::Invariant, format!("hang ({pseed:#x})")),
                    (1, name),
                );
            }
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = std::panic::take_hook();
    let mut t = std::mem::take(&mut *shared.totals.lock().unwrap());
    t.elapsed = start.elapsed();
    write_summary(cfg, &t)?;
    Ok(t)
}

fn worker(cfg: &Config, w: u64, deadline: Instant, shared: &Shared) -> Result<(), String> {
    let targets = targets(&cfg.prog_types);
    let mut kern = if cfg.kernel {
        Some(kernel::Kernel::new(
            MAP_KEY_SIZE,
            MAP_VALUE_SIZE,
            MAP_MAX_ENTRIES,
        )?)
    } else {
        None
    };
    let mut local = Totals::default();
    let mut i = 0u64;
    loop {
        if i.is_multiple_of(64)
            && (Instant::now() >= deadline || shared.stop.load(Ordering::Relaxed))
        {
            break;
        }
        if cfg.max_programs > 0 && shared.count.fetch_add(1, Ordering::Relaxed) >= cfg.max_programs
        {
            break;
        }
        let pseed = program_seed(cfg.seed, w, i);
        i += 1;
        if i.is_multiple_of(64) {
            merge(shared, &mut local);
        }
        *shared.busy[w as usize].lock().unwrap() = Some(pseed);
        let p = progen::generate(pseed, &targets);
        local.programs += 1;
        let (outcome, kv, fv) = judge(&p, kern.as_mut());
        match outcome {
            Outcome::Agree => {
                local.agree += 1;
                if kv.is_none() {
                    local.kernel_accepts += 1;
                } else {
                    if kern.is_some() && kv != fv {
                        local.message_differences += 1;
                        let key = (
                            class_of(Outcome::FalseAccept, &kv, &fv).1,
                            class_of(Outcome::FalseReject, &kv, &fv).1,
                        );
                        if local.other_lines.len() < 1000 || local.other_lines.contains_key(&key) {
                            local.other_lines.entry(key).or_insert((0, pseed)).0 += 1;
                        }
                    }
                    if local.rejections.len() < 1000 {
                        let c = class_of(Outcome::FalseAccept, &kv, &fv).1;
                        *local.rejections.entry(c).or_default() += 1;
                    }
                }
                *shared.busy[w as usize].lock().unwrap() = None;
                continue;
            }
            Outcome::FalseAccept => local.false_accepts += 1,
            Outcome::FalseReject => local.false_rejects += 1,
            Outcome::Invariant => local.invariants += 1,
            Outcome::LimitBound => {
                local.limit_bound += 1;
                *shared.busy[w as usize].lock().unwrap() = None;
                continue;
            }
        }
        let class = class_of(outcome, &kv, &fv);
        let first = {
            let mut t = shared.totals.lock().unwrap();
            let n = t.classes.len();
            let e = t.classes.entry(class.clone()).or_insert((0, String::new()));
            e.0 += 1;
            // Bounded memory: past 10,000 classes new ones are only counted.
            e.0 == 1 && n < 10_000
        };
        if first {
            let file = write_case(cfg, pseed, &p, outcome, &class, kern.as_mut());
            let mut t = shared.totals.lock().unwrap();
            if let Some(e) = t.classes.get_mut(&class) {
                e.1 = file;
            }
        }
        *shared.busy[w as usize].lock().unwrap() = None;
    }
    merge(shared, &mut local);
    Ok(())
}

/// Adds a worker's counts to the run's, and clears them.
fn merge(shared: &Shared, local: &mut Totals) {
    let local = std::mem::take(local);
    let mut t = shared.totals.lock().unwrap();
    t.programs += local.programs;
    t.agree += local.agree;
    t.false_accepts += local.false_accepts;
    t.false_rejects += local.false_rejects;
    t.limit_bound += local.limit_bound;
    t.invariants += local.invariants;
    t.kernel_accepts += local.kernel_accepts;
    t.message_differences += local.message_differences;
    for (k, (n, seed)) in local.other_lines {
        t.other_lines.entry(k).or_insert((0, seed)).0 += n;
    }
    for (c, n) in local.rejections {
        *t.rejections.entry(c).or_default() += n;
    }
}

/// Judges one program: the outcome, the kernel's verdict (kfreg's second
/// verdict without a kernel) and kfreg's.
pub fn judge(p: &GenProgram, kern: Option<&mut kernel::Kernel>) -> (Outcome, Verdict, Verdict) {
    let fv = match kfreg_verdict(p) {
        Ok(v) => v,
        Err(panic) => {
            let msg = Some(format!("kfreg panicked: {panic}"));
            return (Outcome::Invariant, msg.clone(), msg);
        }
    };
    let Some(k) = kern else {
        let again = kfreg_verdict(p).unwrap_or_else(Some);
        if again != fv {
            let msg = Some(format!("kfreg gave two verdicts: {fv:?} then {again:?}"));
            return (Outcome::Invariant, msg.clone(), msg);
        }
        return (Outcome::Agree, fv.clone(), fv);
    };
    let loaded = k.load(
        p.prog_type.id(),
        p.attach.map_or(0, |a| a as u32),
        loads_sleepable(p.prog_type),
        &p.insns,
        &p.funcs,
        ctx_name(p.prog_type),
    );
    let kv = loaded.error;
    let limit = INSN_LIMIT.load(Ordering::Relaxed);
    let over_limit = |msg: &String| msg.starts_with("BPF program is too large");
    let outcome = match (kv.is_some(), fv.is_some()) {
        (true, false) => Outcome::FalseAccept,
        (false, true) if fv.as_ref().is_some_and(over_limit) && loaded.processed > Some(limit) => {
            Outcome::LimitBound
        }
        (false, true) => Outcome::FalseReject,
        _ => Outcome::Agree,
    };
    (outcome, kv, fv)
}

/// Minimises a disagreement (keeping its class) and writes it; returns the
/// file name.
fn write_case(
    cfg: &Config,
    pseed: u64,
    p: &GenProgram,
    outcome: Outcome,
    class: &(Outcome, String),
    mut kern: Option<&mut kernel::Kernel>,
) -> String {
    // Minimising may outlast the run by a little, never by much.
    let stop = Instant::now() + Duration::from_secs(2);
    let small = minimise::minimise(&p.insns, 2_000, |cand| {
        if Instant::now() > stop {
            return false;
        }
        let q = GenProgram {
            insns: cand.to_vec(),
            ..p.clone()
        };
        let (o, kv, fv) = judge(&q, kern.as_deref_mut());
        o == outcome && class_of(o, &kv, &fv) == *class
    });
    let q = GenProgram {
        insns: small,
        ..p.clone()
    };
    let (_, kv, fv) = judge(&q, kern);
    let prefix = match outcome {
        Outcome::FalseAccept => "1-false-accept",
        Outcome::FalseReject => "2-false-reject",
        Outcome::Invariant => "3-invariant",
        Outcome::LimitBound => "4-limit-bound",
        Outcome::Agree => "5-agree",
    };
    let name = format!("{prefix}-{pseed:016x}.txt");
    // A message of several lines stays a comment on each, so that
    // `--check` reads the case back.
    let comment = |m: &str| m.replace('\n', "\n#   ");
    let show = |v: &Verdict| match v {
        None => "ACCEPT".to_string(),
        Some(m) => format!("REJECT: {}", comment(m)),
    };
    let text = format!(
        "# {prefix} (class: {})\n# program type: {}\n{}# program seed: {pseed:#018x} (replay: {})\n# kernel: {}\n# kfreg:  {}\n# minimised from {} to {} instructions; map[id:0] is an array map, key {MAP_KEY_SIZE}, value {MAP_VALUE_SIZE}, {MAP_MAX_ENTRIES} entries\n{}",
        comment(&class.1),
        progen::spec_name(p.prog_type, p.attach),
        functions_line(&q),
        replay_command(cfg, pseed),
        if cfg.kernel { show(&kv) } else { "-".into() },
        show(&fv),
        p.insns.len(),
        q.insns.len(),
        listing(&q.insns),
    );
    let _ = std::fs::write(cfg.out.join(&name), text);
    name
}

/// The `# functions:` line of a case with a global function (none else).
pub fn functions_line(p: &GenProgram) -> String {
    if p.funcs.iter().all(Option::is_none) {
        return String::new();
    }
    format!("# functions: {}\n", funcs::format(&p.funcs))
}

fn write_summary(cfg: &Config, t: &Totals) -> Result<(), String> {
    let mut s = format!(
        "seed {} jobs {} seconds {} program types {}\n{} programs in {:.1}s ({:.0}/s), kernel accepted {}\n{} false accepts, {} false rejects, {} stopped by the lowered instruction limit where the kernel processed more\n",
        cfg.seed,
        cfg.jobs,
        cfg.seconds,
        spec_names(cfg),
        t.programs,
        t.elapsed.as_secs_f64(),
        t.programs as f64 / t.elapsed.as_secs_f64().max(1e-9),
        t.kernel_accepts,
        t.false_accepts,
        t.false_rejects,
        t.limit_bound
    );
    let mut rej: Vec<_> = t.rejections.iter().collect();
    rej.sort_by(|a, b| b.1.cmp(a.1));
    s.push_str("agreed rejections, most frequent first:\n");
    for (c, n) in rej.iter().take(40) {
        s.push_str(&format!("  {n}\t{c}\n"));
    }
    let mut other: Vec<_> = t.other_lines.iter().collect();
    other.sort_by_key(|(_, (n, _))| std::cmp::Reverse(*n));
    s.push_str("both rejected with another error line (kernel | kfreg, first program seed):\n");
    for ((k, f), (n, seed)) in other.iter().take(40) {
        s.push_str(&format!("  {n}\t{k} | {f}\t{seed:#x}\n"));
    }
    s.push_str("disagreements:\n");
    for ((o, class), (n, file)) in &t.classes {
        s.push_str(&format!("{o:?}\t{n}\t{class}\t{file}\n"));
    }
    std::fs::write(cfg.out.join("SUMMARY.txt"), s).map_err(|e| e.to_string())
}
