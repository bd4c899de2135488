//! Fuzzing for no panics (issue 11): mutated real inputs for the object
//! loader, the BTF parser and the verifier, where any outcome but a panic
//! (or a crash, or a hang) is fine.
//!
//! There is no coverage feedback: cargo-fuzz needs a nightly compiler for
//! its default mode and libFuzzer's C++ build, and the toolchain is pinned
//! to stable, so the mutations are structure-aware instead ([`bytes`],
//! [`prog`]). Every case is a function of the seed and its index, so a run
//! is reproducible and any case can be replayed alone; the process
//! supervisor ([`supervise`]) runs workers in child processes so that an
//! abort, a stack overflow or a hang is caught as well as a panic.

pub mod bytes;
pub mod corpus;
pub mod prog;
pub mod supervise;

use crate::rng::{Rng, mix};
use bytes::{ByteOp, Layout};
use kfreg::Registry;
use kfreg_isa::disasm::{NoSymbols, format_program};
use kfreg_object::btf::{Btf, Kind as BtfKind};
use kfreg_object::embedded::{
    Kind, classify, embedded_names, find_embedded, object_len, skeleton_name,
};
use kfreg_object::kernel_types::scalar_struct;
use kfreg_object::loader::{LoadOptions, kconfig, load_object};
use kfreg_object::program::Program;
use kfreg_verifier::{Options, verify};
use prog::ProgOp;
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

/// What is fuzzed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The embedded-object finder and the loader, on mutated object bytes.
    Loader,
    /// `Btf::parse` and the lookups the loader and verifier make, on
    /// mutated BTF blobs.
    Btf,
    /// `verify()` on mutated programs of real objects.
    Verify,
}

impl Target {
    /// Every target, in the order runs report them.
    pub const ALL: [Target; 3] = [Target::Loader, Target::Btf, Target::Verify];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Target::Loader => "loader",
            Target::Btf => "btf",
            Target::Verify => "verify",
        }
    }

    /// The target called `name`.
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// How a run is set up.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Every case derives from it.
    pub seed: u64,
    /// The verifier's processed-instruction limit per program.
    pub insn_limit: u64,
    /// Objects besides the corpus, the fixtures and the Debian objects.
    pub objects: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            seed: 1,
            insn_limit: DEFAULT_INSN_LIMIT,
            objects: Vec::new(),
        }
    }
}

/// The default processed-instruction limit: far below the kernel's
/// 1,000,000, so one case takes milliseconds, not seconds.
pub const DEFAULT_INSN_LIMIT: u64 = 20_000;

/// One case: an original input and the edits made to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// Index of the original input.
    pub base: usize,
    /// Edits of its bytes ([`Target::Loader`], [`Target::Btf`]).
    pub bytes: Vec<ByteOp>,
    /// Edits of the program ([`Target::Verify`]).
    pub prog: Vec<ProgOp>,
}

impl Case {
    fn len(&self) -> usize {
        self.bytes.len() + self.prog.len()
    }

    fn without(&self, i: usize) -> Case {
        let mut c = self.clone();
        if i < c.bytes.len() {
            c.bytes.remove(i);
        } else {
            c.prog.remove(i - c.bytes.len());
        }
        c
    }
}

/// A panic: where it was raised (what tells two findings apart) and its
/// message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panic {
    /// `file:line:column`, and for a panic raised in the standard library
    /// (a capacity overflow, an allocation failure) the kfreg function that
    /// called it.
    pub location: String,
    /// The payload.
    pub message: String,
}

thread_local! {
    static LAST_PANIC: RefCell<Option<Panic>> = const { RefCell::new(None) };
}

/// Replaces the panic printer with one that records the panic for
/// [`Fuzzer::check`]: a run counts panics instead of printing them.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let mut location = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        if location.starts_with("/rustc/") {
            // Rare, so the backtrace's cost does not matter.
            let bt = std::backtrace::Backtrace::force_capture().to_string();
            let code_under_test =
                |l: &&str| l.contains(": kfreg_") && !l.contains("kfreg_difffuzz");
            if let Some(f) = bt.lines().map(str::trim).find(code_under_test) {
                location.push_str(" in ");
                location.push_str(f.split_once(": ").map_or(f, |x| x.1));
            }
        }
        let p = info.payload();
        let message = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        LAST_PANIC.with(|l| *l.borrow_mut() = Some(Panic { location, message }));
    }));
}

/// The inputs of one target and what it runs on a case.
pub struct Fuzzer {
    target: Target,
    seed: u64,
    /// Objects ([`Target::Loader`]) or BTF blobs ([`Target::Btf`]).
    inputs: Vec<(String, Vec<u8>)>,
    layouts: Vec<Layout>,
    /// Programs of the objects, fewest instructions first ([`Target::Verify`]).
    programs: Vec<Program>,
    load: LoadOptions,
    verify: Options,
}

impl Fuzzer {
    /// Reads the inputs of `target`.
    pub fn new(target: Target, settings: &Settings) -> Result<Fuzzer, String> {
        let btf = std::fs::read(corpus::root().join("tests/corpus/vmlinux.btf"))
            .map_err(|e| format!("tests/corpus/vmlinux.btf: {e}"))?;
        let mut load = LoadOptions::with_target_btf(&btf).map_err(|e| e.to_string())?;
        // A 6.18 kernel, like the one the corpora were recorded on.
        if let Some(v) = kconfig::kernel_version("6.18.0") {
            load.kconfig
                .insert("LINUX_KERNEL_VERSION".into(), kconfig::Value::Number(v));
        }
        let objects = corpus::objects(&settings.objects);
        let mut f = Fuzzer {
            target,
            seed: settings.seed,
            inputs: Vec::new(),
            layouts: Vec::new(),
            programs: Vec::new(),
            load,
            verify: Options {
                insn_limit: settings.insn_limit,
                ..Options::default()
            },
        };
        match target {
            Target::Loader => {
                f.layouts = objects.iter().map(|(_, b)| Layout::of(b)).collect();
                f.inputs = objects;
            }
            Target::Btf => f.inputs = corpus::btf_blobs(&objects),
            Target::Verify => {
                let reg = Registry::global();
                for (_, bytes) in &objects {
                    let Ok(obj) = load_object(bytes, reg, &f.load) else {
                        continue;
                    };
                    f.programs
                        .extend(obj.programs.iter().filter_map(|p| obj.to_program(p).ok()));
                }
                f.programs.sort_by_key(|p| p.insns.len());
            }
        }
        if f.inputs.is_empty() && f.programs.is_empty() {
            return Err(format!("no inputs for the {} target", target.name()));
        }
        Ok(f)
    }

    /// How many originals cases start from.
    pub fn originals(&self) -> usize {
        self.inputs.len().max(self.programs.len())
    }

    /// Case `index` of the run: a function of the seed and the index only.
    pub fn case(&self, index: u64) -> Case {
        let mut rng = Rng::new(mix(self.seed ^ mix(index)));
        let n = self.originals() as u64;
        match self.target {
            Target::Loader => {
                let base = rng.below(n) as usize;
                let ops = bytes::object_ops(&self.inputs[base].1, &self.layouts[base], &mut rng);
                Case {
                    base,
                    bytes: ops,
                    prog: Vec::new(),
                }
            }
            Target::Btf => {
                let base = rng.below(n) as usize;
                let ops = bytes::btf_ops(&self.inputs[base].1, &mut rng);
                Case {
                    base,
                    bytes: ops,
                    prog: Vec::new(),
                }
            }
            Target::Verify => {
                // The smaller of two picks: small programs are fast, and
                // most of the verifier is reached by them.
                let base = rng.below(n).min(rng.below(n)) as usize;
                let ops = prog::prog_ops(&self.programs[base], &mut rng);
                Case {
                    base,
                    bytes: Vec::new(),
                    prog: ops,
                }
            }
        }
    }

    /// The name of the original of `case`.
    pub fn original(&self, case: &Case) -> String {
        match self.target {
            Target::Verify => self.programs[case.base].name.clone(),
            _ => self.inputs[case.base].0.clone(),
        }
    }

    /// The mutated input bytes of a byte case.
    pub fn input(&self, case: &Case) -> Vec<u8> {
        bytes::apply_all(&self.inputs[case.base].1, &case.bytes)
    }

    /// The mutated program of a verify case, and whether it asks for a log.
    pub fn program(&self, case: &Case) -> (Program, bool) {
        let mut p = self.programs[case.base].clone();
        let mut log = false;
        for op in &case.prog {
            prog::apply(&mut p, op, &mut log);
        }
        (p, log)
    }

    /// Runs `case`; panics where the code under test panics.
    pub fn exec(&self, case: &Case) {
        let reg = Registry::global();
        match self.target {
            Target::Loader => {
                let b = self.input(case);
                let _ = object_len(&b);
                let (found, _) = find_embedded(&b);
                let _ = embedded_names("fuzz", &b, &found);
                let objects: Vec<&[u8]> = match classify(&b) {
                    Some(Kind::BpfObject) => vec![&b],
                    _ => found
                        .iter()
                        .map(|e| &b[e.offset..e.offset + e.len])
                        .collect(),
                };
                for o in objects {
                    let _ = skeleton_name(o);
                    if let Ok(obj) = load_object(o, reg, &self.load) {
                        for p in &obj.programs {
                            let _ = obj.to_program(p);
                        }
                    }
                }
            }
            Target::Btf => {
                if let Ok(btf) = Btf::parse(&self.input(case)) {
                    exercise(&btf);
                }
            }
            Target::Verify => {
                let (p, log) = self.program(case);
                let opts = Options {
                    log,
                    ..self.verify.clone()
                };
                let _ = verify(&p, reg, &opts);
            }
        }
    }

    /// Runs `case`, catching a panic ([`quiet_panics`] must be in place
    /// for its location).
    pub fn check(&self, case: &Case) -> Result<(), Panic> {
        LAST_PANIC.with(|l| l.borrow_mut().take());
        catch_unwind(AssertUnwindSafe(|| self.exec(case))).map_err(|_| {
            LAST_PANIC
                .with(|l| l.borrow_mut().take())
                .unwrap_or_else(|| Panic {
                    location: "?".into(),
                    message: "panic without a recorded location".into(),
                })
        })
    }

    /// The smallest subset of `case`'s edits that still panics at the same
    /// place (one edit dropped at a time, until none can be).
    pub fn minimise(&self, case: &Case, panic: &Panic) -> Case {
        let mut best = case.clone();
        let mut i = best.len();
        while i > 0 {
            i -= 1;
            let cand = best.without(i);
            if self
                .check(&cand)
                .is_err_and(|p| p.location == panic.location)
            {
                best = cand;
            }
        }
        best
    }

    /// A finding's report: the case, its replay command and, for programs,
    /// the mutated program's text; and the input's bytes (byte targets).
    pub fn describe(&self, index: u64, case: &Case, what: &str) -> (String, Option<Vec<u8>>) {
        let mut text = format!(
            "# {what}\n# target: {}\n# seed: {} index: {index} (replay: kfreg-nopanic {} --seed {} --replay {index})\n# original: {}\n# edits: {}\n",
            self.target.name(),
            self.seed,
            self.target.name(),
            self.seed,
            self.original(case),
            if case.bytes.is_empty() {
                format!("{:?}", case.prog)
            } else {
                format!("{:?}", case.bytes)
            },
        );
        match self.target {
            Target::Verify => {
                let (p, _) = self.program(case);
                text.push_str(&format!(
                    "# program type: {}\n{}",
                    p.prog_type.name(),
                    format_program(&p.insns, &[], &NoSymbols)
                ));
                (text, None)
            }
            _ => (text, Some(self.input(case))),
        }
    }
}

/// The lookups the loader and the verifier make on a parsed BTF, for every
/// type (the first 4,096): a cycle or a dangling reference that `parse`
/// let through shows up here.
fn exercise(btf: &Btf) {
    for (id, ty) in btf.types().take(4096) {
        let _ = btf.name(id);
        let _ = btf.resolve(id);
        let _ = btf.resolve_qualified(id);
        let _ = btf.size_of(id);
        let _ = btf.decl_tags(id).count();
        match ty.kind() {
            BtfKind::FuncProto | BtfKind::Func => {
                let _ = btf.func_proto(id);
            }
            BtfKind::Struct => {
                if let Ok(name) = btf.name(id) {
                    let _ = scalar_struct(btf, name);
                }
            }
            _ => {}
        }
    }
    let _ = btf.kfuncs();
}
