//! Loading clang-built BPF objects: from an ELF `.o` to the verifier's
//! [`Program`]s, following libbpf's conventions.
//!
//! ```no_run
//! use kfreg_object::loader::{load_object, LoadOptions};
//!
//! # fn demo(bytes: &[u8]) -> Result<(), kfreg_object::loader::LoadError> {
//! let reg = kfreg::Registry::global();
//! let obj = load_object(bytes, reg, &LoadOptions::default())?;
//! for p in &obj.programs {
//!     let prog = obj.to_program(p)?;
//!     println!("{}: {} instructions", p.name, prog.insns.len());
//! }
//! # Ok(())
//! # }
//! ```
//!
//! What the loader does, in libbpf's order:
//!
//! * **Programs** are the global functions of executable sections other
//!   than `.text`; the section name gives the program type
//!   ([`sections::classify`]). A section libbpf would not know is an error.
//! * **Maps**: BTF-defined maps in `.maps`, then one single-entry array per
//!   global data section (`.data*`, `.rodata*`, `.bss*`), then `.kconfig`.
//!   A map's index is the `imm` of the `LD_IMM64`s that name it.
//! * **Externs**: `__ksym` functions are kfuncs, found by name in the
//!   registry; calls get `imm = registry id + 1` with
//!   `src_reg = BPF_PSEUDO_KFUNC_CALL`, and [`Object::kfuncs`] maps it back.
//!   A missing `__weak` kfunc's calls become calls to the invalid helper
//!   [`POISON_CALL_KFUNC_BASE`]` + n`, as libbpf does, so the verifier
//!   rejects them only when reachable (`bpf_ksym_exists()` guards work).
//! * **CO-RE** relocations are resolved against [`LoadOptions::target_btf`],
//!   or against the program's own BTF when there is none; unsatisfiable
//!   ones poison the instruction (a call to helper [`POISON_HELPER`]).
//! * **Subprograms**: `.text` functions a program calls or takes the address
//!   of are appended after it, once each, with call offsets fixed up.
//! * **Types**: every struct of the program BTF becomes an [`ObjType`] with
//!   its special fields; so does the DATASEC of each global data map.
//!
//! Malformed input (ELF, BTF, `.BTF.ext`) is a [`LoadError`], never a panic.

mod core_relo;
mod externs;
mod fields;
pub mod kconfig;
mod link;
mod map_btf;
mod maps;
pub mod sections;
mod struct_ops;

pub use core_relo::POISON_HELPER;
pub use externs::{Kallsyms, KsymLookup, typeless_ksym_addr};
pub use link::POISON_CALL_KFUNC_BASE;

use crate::btf::{Btf, BtfError, Kind, TypeData};
use crate::btf_ext::{BtfExt, BtfExtError};
use crate::elf::{ElfError, ElfObject};
use crate::program::{
    CtxArg, CtxParam, CtxProto, Field, LineInfo, MapDef, ObjType, ParamType, PointeeKind, Program,
    PtrParam, StructOpsMember, Subprog, SubprogArg,
};
use kfreg::{KfuncId, ProgType, Registry};
use kfreg_isa::{DecodeError, RawInsn};
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// How to load.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// The kernel BTF to resolve CO-RE relocations, `__ksym` variables and
    /// kptr types against (such as `/sys/kernel/btf/vmlinux`). Without it,
    /// CO-RE relocations resolve against the program's own BTF.
    pub target_btf: Option<Arc<Btf>>,
    /// Values of `__kconfig` externs, by name.
    pub kconfig: HashMap<String, kconfig::Value>,
    /// libbpf's name for the object ([`object_name`] of its file, or the
    /// name a skeleton gives it), which prefixes the names of the maps
    /// backing its global data as libbpf names them (`verifier.bss`);
    /// without it they keep their sections' names.
    pub object_name: Option<String>,
    /// The kernel's symbols (`/proc/kallsyms`), which libbpf reads typeless
    /// `__ksym`s from and which list the variables whose addresses the
    /// kernel finds; without them, every one is taken to be there.
    pub kallsyms: Option<Arc<externs::Kallsyms>>,
}

impl LoadOptions {
    /// Options that relocate against the raw BTF blob `bytes`.
    pub fn with_target_btf(bytes: &[u8]) -> Result<LoadOptions, LoadError> {
        Ok(LoadOptions {
            target_btf: Some(Arc::new(Btf::parse(bytes).map_err(LoadError::TargetBtf)?)),
            ..LoadOptions::default()
        })
    }

    /// These options for an object libbpf names `object_name`.
    pub fn for_object(&self, object_name: Option<String>) -> LoadOptions {
        LoadOptions {
            object_name,
            ..self.clone()
        }
    }

    /// Options that relocate against the running kernel's BTF
    /// (`/sys/kernel/btf/vmlinux`).
    pub fn vmlinux() -> Result<LoadOptions, LoadError> {
        Ok(LoadOptions {
            target_btf: Some(Arc::new(
                Btf::from_file("/sys/kernel/btf/vmlinux").map_err(LoadError::TargetBtf)?,
            )),
            ..LoadOptions::default()
        })
    }
}

/// Why an object could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The ELF container is malformed or not a BPF object.
    Elf(ElfError),
    /// The `.BTF` section is malformed.
    Btf(BtfError),
    /// The `.BTF.ext` section is malformed (or present without `.BTF`).
    BtfExt(BtfExtError),
    /// The target BTF given in the options is malformed.
    TargetBtf(BtfError),
    /// An executable section whose name names no program type.
    UnknownSection {
        /// The section.
        section: String,
        /// A program in it, if any.
        program: Option<String>,
    },
    /// A program is malformed (static, misaligned, ...).
    Program {
        /// The program (function) name.
        program: String,
        /// What is wrong.
        msg: String,
    },
    /// An ELF relocation cannot be applied.
    Reloc {
        /// The section of the relocated instruction.
        section: String,
        /// Its index in the section.
        insn: u32,
        /// What is wrong.
        msg: String,
    },
    /// A map definition is malformed.
    Map {
        /// The map.
        map: String,
        /// What is wrong.
        msg: String,
    },
    /// An extern cannot be resolved.
    Extern {
        /// The extern's name.
        name: String,
        /// libbpf's word for it: `func ksym`, `var ksym`, `kcfg`, ...
        kind: &'static str,
        /// What is wrong.
        msg: String,
        /// The closest registry name, for a missing kfunc.
        suggestion: Option<String>,
    },
    /// A strong typeless `__ksym` the kernel's symbols (the options'
    /// kallsyms) do not list.
    Unresolved {
        /// The extern's name.
        name: String,
    },
    /// A CO-RE relocation cannot be applied.
    Core {
        /// The section of the relocated instruction.
        section: String,
        /// Its index in the section.
        insn: u32,
        /// What is wrong.
        msg: String,
    },
    /// A struct_ops map cannot be set up for the kernel (libbpf's
    /// `struct_ops init_kern`), which fails every program of the object.
    StructOps {
        /// What is wrong, after libbpf's "struct_ops init_kern": the map
        /// and member it concerns, then a colon.
        msg: String,
    },
    /// The kernel refuses the object's BTF, which its struct_ops maps
    /// need (libbpf's "BTF is mandatory"): every program fails.
    BtfRefused(crate::btf::Refusal),
    /// The linked program does not decode (only from [`Object::to_program`]).
    Decode {
        /// The program.
        program: String,
        /// The kernel's complaint.
        err: DecodeError,
    },
    /// [`Object::load_program`] was asked for a program the object lacks.
    NoSuchProgram(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Elf(e) => write!(f, "{e}"),
            LoadError::Btf(e) => write!(f, ".BTF: {e}"),
            LoadError::BtfExt(e) => write!(f, "{e}"),
            LoadError::TargetBtf(e) => write!(f, "target BTF: {e}"),
            LoadError::UnknownSection { section, program } => match program {
                Some(p) => write!(
                    f,
                    "prog '{p}': missing BPF prog type, check ELF section name '{section}'"
                ),
                None => write!(
                    f,
                    "sec '{section}': unknown executable section (no program type)"
                ),
            },
            LoadError::Program { program, msg } => write!(f, "prog '{program}': {msg}"),
            LoadError::Reloc { section, insn, msg } => {
                write!(f, "sec '{section}': relocation at insn #{insn}: {msg}")
            }
            LoadError::Map { map, msg } => write!(f, "map '{map}': {msg}"),
            LoadError::Extern {
                name,
                kind,
                msg,
                suggestion,
            } => {
                write!(f, "extern ({kind}) '{name}': {msg}")?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean '{s}'?")?;
                }
                Ok(())
            }
            LoadError::Unresolved { name } => {
                write!(f, "extern '{name}' (strong): not resolved")
            }
            LoadError::Core { section, insn, msg } => {
                write!(
                    f,
                    "sec '{section}': CO-RE relocation at insn #{insn}: {msg}"
                )
            }
            LoadError::StructOps { msg } => write!(f, "struct_ops init_kern{msg}"),
            LoadError::BtfRefused(r) => write!(
                f,
                "Error loading .BTF into kernel: -{}. BTF is mandatory, can't proceed.",
                r.errno
            ),
            LoadError::Decode { program, err } => write!(f, "prog '{program}': {err}"),
            LoadError::NoSuchProgram(name) => write!(f, "no program named '{name}'"),
        }
    }
}

impl std::error::Error for LoadError {}

impl From<ElfError> for LoadError {
    fn from(e: ElfError) -> LoadError {
        LoadError::Elf(e)
    }
}

impl From<BtfError> for LoadError {
    fn from(e: BtfError) -> LoadError {
        LoadError::Btf(e)
    }
}

impl From<BtfExtError> for LoadError {
    fn from(e: BtfExtError) -> LoadError {
        LoadError::BtfExt(e)
    }
}

/// An instruction the loader replaced with an invalid helper call, as libbpf
/// does, so that the verifier rejects it only if it is reachable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Poisoned {
    /// Its index in the program.
    pub insn: u32,
    /// Why.
    pub reason: String,
}

/// One program of an object, linked and relocated.
#[derive(Clone, Debug)]
pub struct LoadedProgram {
    /// Its name (the function's symbol).
    pub name: String,
    /// Its ELF section, as written (a leading `?` included).
    pub section: String,
    /// Program type.
    pub prog_type: ProgType,
    /// The expected attach type its section gives.
    pub attach: Option<kfreg::AttachType>,
    /// A BPF iterator (`iter/`).
    pub iter: bool,
    /// The iterator target its section names (`iter/NAME`).
    pub iter_target: Option<String>,
    /// Sleepable.
    pub sleepable: bool,
    /// Loaded automatically (the section name has no leading `?`).
    pub autoload: bool,
    /// The instructions, subprograms appended.
    pub insns: Vec<RawInsn>,
    /// Subprograms, sorted by start; the program itself first.
    pub subprogs: Vec<Subprog>,
    /// Source lines, sorted by instruction.
    pub lines: Vec<LineInfo>,
    /// Instructions poisoned by the loader.
    pub poisoned: Vec<Poisoned>,
    /// The prototype the program's context comes from (tracing and
    /// struct_ops programs with a target BTF).
    pub ctx_proto: Option<CtxProto>,
    /// The function it implements or attaches to returns `void` (a
    /// struct_ops member, an LSM hook): what it returns is ignored, unless
    /// its program type says otherwise.
    pub returns_void: bool,
    /// For a struct_ops program: the member it implements.
    pub struct_ops: Option<StructOpsMember>,
    /// Why libbpf would fail to load this program alone (an unknown
    /// section, a relocation or attach target only it has): its other
    /// programs still load, and [`Object::to_program`] returns this error.
    pub error: Option<LoadError>,
    /// The names its `exception_callback:` declaration tags give (the
    /// first is linked in as a subprogram).
    pub exception_cb: Vec<String>,
    /// `LD_IMM64`s the kernel refuses before verifying
    /// (`resolve_pseudo_ldimm64`): (instruction, its message). Map
    /// references no relocation resolves name a raw file descriptor; a
    /// kernel variable needs an address from kallsyms.
    pub refused_ldimm64: Vec<(u32, String)>,
    /// The object has BTF function info for the program's section (libbpf
    /// then passes it to the kernel).
    pub func_info: bool,
    /// The program is loaded with the object's BTF (the kernel took it).
    pub prog_btf: bool,
}

/// A loaded object: its programs and what they share.
#[derive(Clone, Debug)]
pub struct Object {
    /// The programs, in section then offset order.
    pub programs: Vec<LoadedProgram>,
    /// The maps; an `LD_IMM64`'s `imm` is an index here.
    pub maps: Vec<MapDef>,
    /// Program-BTF structs and global-data DATASECs, by type id.
    pub types: HashMap<u32, ObjType>,
    /// Kfunc calls' `imm` to registry id.
    pub kfuncs: HashMap<i32, KfuncId>,
    /// The `license` section's string.
    pub license: String,
    /// Whether the license is GPL-compatible.
    pub gpl: bool,
    /// The program's BTF, when the object has one.
    pub btf: Option<Btf>,
    /// The target kernel's BTF ([`LoadOptions::target_btf`]).
    pub kernel_btf: Option<Arc<Btf>>,
    /// Problems that did not stop loading (malformed `contains` tags, ...).
    pub warnings: Vec<String>,
}

impl Object {
    /// The program named `name`.
    pub fn program(&self, name: &str) -> Option<&LoadedProgram> {
        self.programs.iter().find(|p| p.name == name)
    }

    /// The verifier's input for `prog` (one of [`Object::programs`]).
    ///
    /// Instructions are decoded as the kernel decodes them
    /// ([`Program::from_raw`]): a program-wide fault (a jump out of range,
    /// a truncated `LD_IMM64`, ...) is a [`LoadError::Decode`], a bad
    /// single instruction becomes one of [`Program::faults`].
    pub fn to_program(&self, prog: &LoadedProgram) -> Result<Program, LoadError> {
        if let Some(e) = &prog.error {
            return Err(e.clone());
        }
        let mut p = Program::from_raw(&prog.name, prog.prog_type, &prog.insns).map_err(|err| {
            LoadError::Decode {
                program: prog.name.clone(),
                err,
            }
        })?;
        p.section = prog.section.clone();
        p.iter = prog.iter;
        p.iter_target = prog.iter_target.clone();
        p.sleepable = prog.sleepable;
        p.attach = prog.attach;
        p.subprogs = prog.subprogs.clone();
        p.maps = self.maps.clone();
        p.kfuncs = self.kfuncs.clone();
        p.types = self.types.clone();
        p.lines = prog.lines.clone();
        p.gpl = self.gpl;
        p.ctx_proto = prog.ctx_proto.clone();
        p.returns_void = prog.returns_void;
        p.struct_ops = prog.struct_ops.clone();
        p.kernel_btf = self.kernel_btf.clone();
        p.refused_ldimm64 = prog.refused_ldimm64.iter().min_by_key(|(i, _)| *i).cloned();
        p.exception_cb = prog.exception_cb.first().and_then(|cb| {
            p.subprogs
                .iter()
                .position(|s| s.name == *cb)
                .map(|i| i as u32)
        });
        p.exception_cb_tags = prog.exception_cb.len() as u32;
        p.func_info = prog.func_info;
        p.prog_btf = prog.prog_btf;
        Ok(p)
    }

    /// The error libbpf shows for the verifier's `msg` rejecting `prog` at
    /// instruction `insn`: when the verifier stopped at a call the loader
    /// poisoned (an unresolved CO-RE relocation or a missing weak kfunc),
    /// libbpf rewrites the kernel's `invalid func unknown#N` into the
    /// poison's reason (its `fixup_log_failed_core_relo` and
    /// `fixup_log_missing_kfunc_call`). Other errors are unchanged.
    pub fn libbpf_message(prog: &LoadedProgram, msg: &str, insn: Option<u32>) -> String {
        let last = msg.lines().last().unwrap_or_default();
        let poisoned = insn.and_then(|i| prog.poisoned.iter().find(|p| p.insn == i));
        match poisoned {
            Some(p) if last.starts_with("invalid func unknown#") => {
                let head = &msg[..msg.len() - last.len()];
                format!("{head}{}", p.reason)
            }
            _ => msg.to_string(),
        }
    }

    /// The verifier's `log` as libbpf hands it to the user: the poisoned
    /// call that stopped the verifier at `insn` reads `<invalid CO-RE
    /// relocation>` or `<invalid kfunc call>` and its error line is the
    /// poison's reason (see [`Object::libbpf_message`]).
    pub fn libbpf_log(prog: &LoadedProgram, log: &str, insn: Option<u32>) -> String {
        let Some((i, p)) =
            insn.and_then(|i| Some((i, prog.poisoned.iter().find(|p| p.insn == i)?)))
        else {
            return log.to_string();
        };
        let Some(err_at) = log.rfind("invalid func unknown#") else {
            return log.to_string();
        };
        let err_end = log[err_at..].find('\n').map_or(log.len(), |e| err_at + e);
        let helper = &log[err_at + "invalid func unknown#".len()..err_end];
        let what = if helper == POISON_HELPER.to_string() {
            "<invalid CO-RE relocation>"
        } else {
            "<invalid kfunc call>"
        };
        let call = format!("{i}: (85) call unknown#{helper}");
        let head = &log[..err_at];
        let head = match head.trim_end_matches('\n').rsplit_once('\n') {
            Some((before, line)) if line.starts_with(&call) => format!("{before}\n"),
            None if head.starts_with(&call) => String::new(),
            _ => head.to_string(),
        };
        format!("{head}{i}: {what}\n{}{}", p.reason, &log[err_end..])
    }

    /// Names of kfuncs and maps for [`disasm`](kfreg_isa::disasm) listings of
    /// this object's programs.
    pub fn symbols<'a>(&'a self, reg: &'a Registry) -> ObjectSymbols<'a> {
        ObjectSymbols { obj: self, reg }
    }

    /// The verifier's input for the program named `name`.
    pub fn load_program(&self, name: &str) -> Result<Program, LoadError> {
        let prog = self
            .program(name)
            .ok_or_else(|| LoadError::NoSuchProgram(name.to_string()))?;
        self.to_program(prog)
    }
}

/// Kfunc and map names of an [`Object`], for the disassembler.
#[derive(Clone, Copy, Debug)]
pub struct ObjectSymbols<'a> {
    obj: &'a Object,
    reg: &'a Registry,
}

impl kfreg_isa::disasm::Symbols for ObjectSymbols<'_> {
    fn kfunc_name(&self, btf_id: i32) -> Option<&str> {
        self.obj
            .kfuncs
            .get(&btf_id)
            .map(|&id| self.reg.get(id).name)
    }

    fn map_name(&self, fd: i32) -> Option<&str> {
        let i = usize::try_from(fd).ok()?;
        self.obj.maps.get(i).map(|m| m.name.as_str())
    }
}

/// Whether the kernel considers `license` GPL-compatible
/// (`license_is_gpl_compatible()`).
pub fn license_is_gpl(license: &str) -> bool {
    matches!(
        license,
        "GPL"
            | "GPL v2"
            | "GPL and additional rights"
            | "Dual BSD/GPL"
            | "Dual MIT/GPL"
            | "Dual MPL/GPL"
    )
}

fn c_string(bytes: &[u8]) -> String {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..end]).into_owned()
}

/// Per-section `.BTF.ext` records, by ELF section name.
struct ExtIndex<'x> {
    func: HashMap<String, &'x [crate::btf_ext::FuncInfo]>,
    line: HashMap<String, &'x [crate::btf_ext::LineRecord]>,
}

impl<'x> ExtIndex<'x> {
    fn new(btf: Option<&Btf>, ext: Option<&'x BtfExt>) -> Result<ExtIndex<'x>, LoadError> {
        let mut idx = ExtIndex {
            func: HashMap::new(),
            line: HashMap::new(),
        };
        if let (Some(btf), Some(ext)) = (btf, ext) {
            for s in &ext.func_info {
                idx.func
                    .insert(btf.string(s.sec_name_off)?.to_string(), &s.records);
            }
            for s in &ext.line_info {
                idx.line
                    .insert(btf.string(s.sec_name_off)?.to_string(), &s.records);
            }
        }
        Ok(idx)
    }
}

/// Applies the CO-RE relocations of every section to `code`.
fn relocate_core(
    elf: &ElfObject<'_>,
    btf: &Btf,
    ext: &BtfExt,
    target: Option<&Arc<Btf>>,
    code: &mut link::Code,
) -> Result<(), LoadError> {
    let mut r = core_relo::Relocator::new(btf, target);
    let mut n = 0;
    for es in &ext.core_relos {
        let name = btf.string(es.sec_name_off)?;
        let sec = elf
            .sections
            .iter()
            .find(|s| s.name == name && s.is_exec())
            .ok_or_else(|| {
                LoadError::BtfExt(BtfExtError(format!(
                    "CO-RE relocations for '{name}', which is not a code section"
                )))
            })?;
        for relo in &es.records {
            let idx = (relo.insn_off / 8) as usize;
            let err = |msg: String| LoadError::Core {
                section: name.to_string(),
                insn: idx as u32,
                msg,
            };
            if relo.insn_off % 8 != 0 {
                return Err(err(format!(
                    "relo #{n}: offset {} is not instruction-aligned",
                    relo.insn_off
                )));
            }
            let desc = r.describe(relo);
            let insns = code
                .insns
                .get_mut(&sec.index)
                .ok_or_else(|| err(format!("relo #{n}: section has no code")))?;
            match r
                .calc(relo)
                .and_then(|res| core_relo::patch(insns, idx, &res))
            {
                // libbpf's words, which its log fixup puts in the kernel's log.
                Ok(Some(_)) => {
                    code.poisoned.insert(
                        (sec.index, idx),
                        format!("failed to resolve CO-RE relocation {desc}"),
                    );
                }
                Ok(None) => {}
                Err(m) => {
                    let e = err(format!("relo #{n}: {desc}: {m}"));
                    code.core_failures.push((sec.index, idx, e));
                }
            }
            n += 1;
        }
    }
    Ok(())
}

/// The names program `name` gives as its exception callback (one, unless
/// the program is wrong).
fn exception_callbacks(btf: Option<&Btf>, name: &str) -> Vec<String> {
    let Some(btf) = btf else {
        return Vec::new();
    };
    let Some(id) = btf.find(name, Kind::Func) else {
        return Vec::new();
    };
    btf.decl_tags(id)
        .filter_map(|(tag, comp)| {
            (comp == -1)
                .then(|| tag.strip_prefix("exception_callback:"))
                .flatten()
        })
        .map(str::to_string)
        .collect()
}

/// Every struct of the program BTF, the DATASECs of global data maps and
/// the other map value types, with their special fields; and the warnings
/// finding them produced. A map whose value's fields the kernel would not
/// record is pointed at a value type of its own, without them.
fn object_types(
    btf: &Btf,
    reg: &Registry,
    opts: &LoadOptions,
    maps: &mut maps::Maps,
) -> (HashMap<u32, ObjType>, Vec<String>) {
    let kernel_names = fields::registry_structs(reg);
    let target = opts.target_btf.clone();
    let is_kernel = move |name: &str| match &target {
        Some(t) => t.find(name, Kind::Struct).is_some(),
        None => kernel_names.contains(name),
    };
    let mut ff = fields::FieldFinder::new(btf, Box::new(is_kernel));
    let mut types = ff.all_structs();
    let mut mmapable_refused = None;
    for ds in &maps.datasecs {
        let def = &maps.defs[ds.map];
        let t = ff.datasec(&def.name, ds.id, def.value_size, &ds.vars);
        // The kernel refuses an mmapable map special fields: ENOTSUPP.
        if !t.fields.is_empty() && mmapable_refused.is_none() && ds.mmapable {
            mmapable_refused = Some(LoadError::Map {
                map: def.name.clone(),
                msg: maps::create_failed(524),
            });
        }
        types.insert(ds.id, t);
    }
    if maps.create_error.is_none() {
        maps.create_error = mmapable_refused;
    }
    let mut refused = Vec::new();
    for (i, def) in maps.defs.iter_mut().enumerate() {
        // Global data sections have their types already.
        let Some(id) = def
            .value_type
            .filter(|&id| !maps.datasecs.iter().any(|d| d.id == id))
        else {
            continue;
        };
        let kind = kfreg::MapKind::from_u32(def.map_type.number());
        if kind.is_some_and(map_btf::dropped_by_libbpf) {
            def.value_type = None;
            continue;
        }
        let fields = ff.map_value(&def.name, id, def.value_size);
        if let (Some(kind), Some(given)) = (kind, maps.btf_given.get(&i)) {
            let kinds: Vec<crate::field_kind::FieldKind> = fields.iter().map(|f| f.kind).collect();
            if let Some(why) = map_btf::refusal(btf, kind, *given, &kinds) {
                refused.push(format!(
                    "map '{}': the kernel refuses its BTF ({why}); libbpf creates it without",
                    def.name
                ));
                def.value_type = None;
                // Local storage cannot be made without.
                if kind.needs_btf() && maps.create_error.is_none() {
                    maps.create_error = Some(LoadError::Map {
                        map: def.name.clone(),
                        msg: maps::create_failed(22),
                    });
                }
                continue;
            }
        }
        match types.get(&id) {
            // An allocated object of the same struct has the same fields.
            Some(t) if t.fields == fields => {}
            // The kernel records other fields for the map (timers, or none
            // where its parse fails): the map gets a value type of its own,
            // under an id no BTF type has.
            Some(_) => {
                let alias = u32::MAX - i as u32;
                types.insert(alias, map_value_type(btf, id, def.value_size, fields));
                def.value_type = Some(alias);
            }
            None => {
                types.insert(id, map_value_type(btf, id, def.value_size, fields));
            }
        }
    }
    let mut warnings = std::mem::take(&mut ff.warnings);
    warnings.extend(refused);
    (types, warnings)
}

/// A kfunc call no relocation names keeps the id it was written with,
/// which the kernel looks up in its own BTF: a kfunc of that name there is
/// the one called.
fn raw_kfunc_calls(
    code: &link::Code,
    reg: &Registry,
    opts: &LoadOptions,
    kfuncs: &mut HashMap<i32, KfuncId>,
) {
    let Some(target) = opts.target_btf.as_deref() else {
        return;
    };
    for r in code.insns.values().flatten() {
        let raw_kfunc =
            r.code == link::CALL && r.src == link::PSEUDO_KFUNC_CALL && r.off == 0 && r.imm != 0;
        if !raw_kfunc || kfuncs.contains_key(&r.imm) {
            continue;
        }
        let kid = target
            .type_by_id(r.imm as u32)
            .ok()
            .filter(|t| t.kind() == Kind::Func)
            .and_then(|t| target.string(t.name_off).ok())
            .and_then(|name| reg.id(name));
        if let Some(kid) = kid {
            kfuncs.insert(r.imm, kid);
        }
    }
}

/// The type of a map value that is no struct of the program BTF, or whose
/// fields are not its struct's.
fn map_value_type(btf: &Btf, id: u32, size: u32, fields: Vec<Field>) -> ObjType {
    ObjType {
        name: btf.name(id).unwrap_or("").to_string(),
        size,
        fields,
        is_struct: false,
        pointers: Vec::new(),
        scalars: crate::btf::Scalars::Other,
    }
}

/// The code of every executable section, CO-RE relocated, and the ELF
/// relocations of those sections by (section, byte offset).
fn collect_code(
    elf: &ElfObject<'_>,
    btf: Option<&Btf>,
    ext: Option<&BtfExt>,
    opts: &LoadOptions,
) -> Result<(link::Code, link::Relocs), LoadError> {
    let mut code = link::Code {
        insns: HashMap::new(),
        funcs: link::functions(elf)?,
        poisoned: HashMap::new(),
        core_failures: Vec::new(),
    };
    for sec in elf.sections.iter().filter(|s| s.is_exec()) {
        let insns = RawInsn::from_bytes(sec.data).map_err(|e| LoadError::Program {
            program: sec.name.clone(),
            msg: e.msg,
        })?;
        code.insns.insert(sec.index, insns);
    }
    if let (Some(btf), Some(ext)) = (btf, ext) {
        relocate_core(elf, btf, ext, opts.target_btf.as_ref(), &mut code)?;
    }
    let mut relocs = link::Relocs::new();
    for sec in elf.sections.iter().filter(|s| s.is_exec()) {
        for r in &sec.relocs {
            if !r.offset.is_multiple_of(8) || r.offset >= sec.data.len() as u64 {
                return Err(LoadError::Reloc {
                    section: sec.name.clone(),
                    insn: (r.offset / 8) as u32,
                    msg: format!(
                        "relocation offset {} is outside the code or misaligned",
                        r.offset
                    ),
                });
            }
            relocs.insert((sec.index, r.offset), *r);
        }
    }
    Ok((code, relocs))
}

/// Loads a relocatable BPF object (`clang -target bpf -g -c`).
pub fn load_object(bytes: &[u8], reg: &Registry, opts: &LoadOptions) -> Result<Object, LoadError> {
    let elf = ElfObject::parse(bytes)?;
    let btf = elf
        .section(".BTF")
        .map(|s| Btf::parse(s.data))
        .transpose()?;
    let ext = match elf.section(".BTF.ext") {
        Some(s) if btf.is_some() => Some(BtfExt::parse(s.data)?),
        Some(_) => {
            return Err(LoadError::BtfExt(BtfExtError(
                "present without a .BTF section".into(),
            )));
        }
        None => None,
    };
    let license = elf
        .section("license")
        .map(|s| c_string(s.data))
        .unwrap_or_default();
    let gpl = license_is_gpl(&license);

    // libbpf loads the object's BTF into the kernel after it has opened
    // the object. When the kernel refuses it, libbpf gives up if struct_ops
    // need it ("BTF is mandatory") and otherwise goes on without ("BTF is
    // optional, ignoring"): maps are created without BTF for their values,
    // and no function or line info reaches the kernel, which then takes
    // every subprogram for a static one.
    let refusal = btf.as_ref().and_then(Btf::kernel_refusal);
    let btf_mandatory = elf
        .sections
        .iter()
        .any(|s| s.name.starts_with(".struct_ops"));
    let mut maps = maps::collect(&elf, btf.as_ref(), refusal.is_none())?;
    // libbpf resolves every extern before loading any program (and before
    // it creates any map): one it cannot resolve fails the load of each
    // program of the object.
    // (Externs libbpf cannot even describe fail the object's opening.)
    let externs = match externs::collect(&elf, btf.as_ref(), reg, opts, &mut maps) {
        Ok(x) => x,
        Err(e) if resolved_at_load(&e) => {
            maps.create_error = Some(e);
            vec![None; elf.symbols.len()]
        }
        Err(e) => return Err(e),
    };
    // libbpf then sets up the struct_ops maps, and creates the maps last.
    if !maps.create_error.as_ref().is_some_and(resolved_at_load)
        && let Some(target) = &opts.target_btf
        && let Some(e) = struct_ops::missing_kernel_type(&elf, btf.as_ref(), target)
            .or_else(|| struct_ops::reused_program(reg, &elf, btf.as_ref(), target))
    {
        maps.create_error = Some(e);
    }
    // Then it loads the BTF, before it creates any map.
    if let Some(r) = &refusal {
        if btf_mandatory && !maps.create_error.as_ref().is_some_and(before_relocation) {
            maps.create_error = Some(LoadError::BtfRefused(r.clone()));
        }
        for d in &mut maps.defs {
            d.value_type = None;
        }
    }
    let mut kfuncs: HashMap<i32, KfuncId> = externs
        .iter()
        .flatten()
        .filter_map(|e| match e.resolved {
            externs::Resolved::Kfunc { id, imm } => Some((imm, id)),
            _ => None,
        })
        .collect();

    let (types, warnings) = match &btf {
        Some(btf) if refusal.is_none() => object_types(btf, reg, opts, &mut maps),
        _ => (HashMap::new(), Vec::new()),
    };
    let (code, relocs) = collect_code(&elf, btf.as_ref(), ext.as_ref(), opts)?;
    raw_kfunc_calls(&code, reg, opts, &mut kfuncs);
    let struct_ops = struct_ops::members(&elf, btf.as_ref());
    let ext_index = ExtIndex::new(btf.as_ref(), ext.as_ref().filter(|_| refusal.is_none()))?;

    let parts = Parts {
        elf: &elf,
        btf: btf.as_ref(),
        ext_index: &ext_index,
        code: &code,
        relocs: &relocs,
        maps: &maps,
        externs: &externs,
        struct_ops: &struct_ops,
        opts,
    };
    let mut programs = Vec::new();
    for sec in elf
        .sections
        .iter()
        .filter(|s| s.is_exec() && s.name != ".text")
    {
        let mut funcs: Vec<usize> = (0..code.funcs.len())
            .filter(|&i| code.funcs[i].sec == sec.index)
            .collect();
        funcs.sort_by_key(|&i| code.funcs[i].start);
        let def = sections::classify(reg, &sec.name);
        if funcs.is_empty() && !sec.data.is_empty() {
            return Err(LoadError::Program {
                program: sec.name.clone(),
                msg: "executable section without a function symbol".into(),
            });
        }
        for fi in funcs {
            programs.push(parts.program(sec, fi, def));
        }
    }

    let mut map_defs = maps.defs;
    if let Some(object) = &opts.object_name {
        for d in map_defs.iter_mut().filter(|d| d.global_data) {
            d.name = internal_map_name(object, &d.name);
        }
    }
    // The kernel knows a map by at most 15 characters of the name libbpf
    // gives it (BPF_OBJ_NAME_LEN), and the inner map a lookup in a map of
    // maps gives by none.
    let inner: Vec<u32> = map_defs.iter().filter_map(|d| d.inner).collect();
    for (i, d) in map_defs.iter_mut().enumerate() {
        if inner.contains(&(i as u32)) {
            d.name.clear();
        }
        while d.name.len() > 15 {
            d.name.pop();
        }
    }
    Ok(Object {
        programs,
        maps: map_defs,
        types,
        kfuncs,
        license,
        gpl,
        btf,
        kernel_btf: opts.target_btf.clone(),
        warnings,
    })
}

/// libbpf's name for an object opened from file `path`
/// (`bpf_object__name`): its base name, at most 15 characters, up to its
/// first dot.
pub fn object_name(path: &str) -> String {
    let base = path.rsplit('/').next().unwrap_or(path);
    let base: String = base.chars().take(15).collect();
    base.split('.').next().unwrap_or("").to_string()
}

/// libbpf's name for the map backing global data section `section` of
/// object `object` (`internal_map_name`): as much of the object's name as
/// fits before the section's (which takes at least 7 of the kernel's 15
/// characters), none before a custom section's (`.data.NAME`), any other
/// character than letters, digits, `_` and `.` made `_`.
fn internal_map_name(object: &str, section: &str) -> String {
    const NAME_MAX: usize = 15;
    let suffix = section.len().clamp(7, NAME_MAX);
    let custom = section.get(1..).is_some_and(|s| s.contains('.'));
    let prefix = if custom {
        0
    } else {
        (NAME_MAX - suffix).min(object.len())
    };
    object
        .chars()
        .take(prefix)
        .chain(section.chars().take(suffix))
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// What every program of an object is loaded from.
struct Parts<'x> {
    elf: &'x ElfObject<'x>,
    btf: Option<&'x Btf>,
    ext_index: &'x ExtIndex<'x>,
    code: &'x link::Code,
    relocs: &'x link::Relocs,
    maps: &'x maps::Maps,
    externs: &'x [Option<externs::Extern>],
    struct_ops: &'x HashMap<String, StructOpsMember>,
    opts: &'x LoadOptions,
}

impl Parts<'_> {
    /// Program `fi` of executable section `sec`, linked with its
    /// subprograms; one libbpf cannot load fails alone, with libbpf's
    /// message.
    fn program(
        &self,
        sec: &crate::elf::Section<'_>,
        fi: usize,
        def: Option<sections::SecDef>,
    ) -> LoadedProgram {
        let Parts {
            elf,
            btf,
            ext_index,
            code,
            relocs,
            maps,
            externs,
            struct_ops,
            opts,
        } = *self;
        let func = &code.funcs[fi];
        // libbpf creates every map and resolves every extern before
        // loading any program.
        let object_error = maps.create_error.clone();
        // A program libbpf cannot load fails alone, with libbpf's message.
        let stub = |error: LoadError| LoadedProgram {
            name: func.name.clone(),
            section: sec.name.clone(),
            // A section no program type claims has no type (`BPF_PROG_TYPE_UNSPEC`).
            prog_type: def.map_or(ProgType::new(0), |d| d.prog_type),
            attach: None,
            iter: false,
            iter_target: None,
            sleepable: false,
            autoload: def.is_none_or(|d| d.autoload),
            insns: Vec::new(),
            subprogs: Vec::new(),
            lines: Vec::new(),
            poisoned: Vec::new(),
            ctx_proto: None,
            returns_void: false,
            struct_ops: None,
            error: Some(error),
            exception_cb: Vec::new(),
            refused_ldimm64: Vec::new(),
            func_info: false,
            prog_btf: false,
        };
        // libbpf resolves externs and sets up struct_ops before it
        // relocates the programs it loads, and relocates before it loads the
        // BTF and creates the maps. The code of `.text` is relocated
        // whatever program is loaded.
        let text = elf.section(".text").map(|s| s.index);
        let core_failure = code.core_failures.iter().find(|(s, i, _)| {
            Some(*s) == text || (*s == sec.index && (func.start..func.start + func.len).contains(i))
        });
        if let Some(e) = object_error.as_ref().filter(|e| before_relocation(e)) {
            return stub(e.clone());
        }
        if let Some((_, _, e)) = core_failure {
            return stub(e.clone());
        }
        if let Some(e) = object_error {
            return stub(e);
        }
        let Some(def) = def else {
            return stub(LoadError::UnknownSection {
                section: sec.name.clone(),
                program: Some(func.name.clone()),
            });
        };
        if !func.global {
            return stub(LoadError::Program {
                program: func.name.clone(),
                msg: format!(
                    "program in section '{}' is static and not supported",
                    sec.name
                ),
            });
        }
        if let Some(e) = opts
            .target_btf
            .as_deref()
            .and_then(|t| attach_error(t, &sec.name, &func.name))
        {
            return stub(e);
        }
        // libbpf appends the callback the tag names from the object's BTF;
        // the kernel reads the tag from the program's, if it took it.
        // A second tag makes libbpf append none.
        let mut exception_cb = exception_callbacks(btf, &func.name);
        let extra: Vec<usize> = Some(&exception_cb)
            .filter(|cbs| cbs.len() == 1)
            .and_then(|cbs| cbs.first())
            .and_then(|cb| code.funcs.iter().position(|f| f.name == *cb))
            .into_iter()
            .collect();
        let linked = match link::link(elf, code, maps, externs, relocs, fi, &extra)
            .and_then(|l| describe(elf, btf, ext_index, code, &l).map(|d| (l, d)))
        {
            Ok(x) => x,
            Err(e) => return stub(e),
        };
        let (linked, (mut subprogs, lines)) = linked;
        let func_info = btf.is_some() && ext_index.func.contains_key(&sec.name);
        // The kernel keeps the program's BTF only with function or line
        // info for it (check_btf_info_early; neither is given when it
        // refused the BTF), and reads the callback's tag from it.
        let prog_btf = func_info || !lines.is_empty();
        if !prog_btf {
            exception_cb.clear();
        }
        // Without function info the kernel finds the functions only as the
        // targets of calls and function pointers: one libbpf placed for
        // another reason (the exception callback its tag names) is code no
        // path reaches.
        if !func_info {
            let targets: Vec<i64> = linked
                .insns
                .iter()
                .enumerate()
                .filter(|(_, i)| {
                    (i.code == link::CALL && i.src == link::PSEUDO_CALL)
                        || (i.code == link::LD_IMM64 && i.src == link::PSEUDO_FUNC)
                })
                .map(|(at, i)| at as i64 + 1 + i64::from(i.imm))
                .collect();
            subprogs.retain(|s| s.start == 0 || targets.contains(&i64::from(s.start)));
        }
        let op = struct_ops.get(&func.name);
        // libbpf loads a struct_ops program with the member a map gives it.
        if def.map_member && op.is_none() {
            return stub(LoadError::Program {
                program: func.name.clone(),
                msg: "SEC(\"struct_ops\") program isn't referenced anywhere, did you forget to use it?"
                    .into(),
            });
        }
        let attach = opts
            .target_btf
            .as_deref()
            .and_then(|t| attach_proto(t, &sec.name, op).map(|at| (t, at)));
        let mut refused_ldimm64 = linked.refused_ldimm64;
        refused_ldimm64.extend(externs::btf_id_refusals(
            &linked.insns,
            self.externs,
            self.opts,
        ));
        LoadedProgram {
            name: func.name.clone(),
            section: sec.name.clone(),
            prog_type: def.prog_type,
            attach: def.attach,
            iter: def.iter,
            iter_target: iter_target(&sec.name).map(str::to_string),
            sleepable: def.sleepable,
            autoload: def.autoload,
            insns: linked.insns,
            subprogs,
            lines,
            poisoned: linked
                .poisoned
                .into_iter()
                .map(|(insn, reason)| Poisoned { insn, reason })
                .collect(),
            ctx_proto: attach.as_ref().and_then(|(t, at)| ctx_proto(t, at)),
            returns_void: (op.is_some() || lsm_hook_target(&sec.name).is_some())
                && attach
                    .as_ref()
                    .is_some_and(|(t, at)| t.func_proto(at.proto).is_ok_and(|(ret, _)| ret == 0)),
            struct_ops: op.cloned(),
            error: None,
            exception_cb,
            refused_ldimm64,
            func_info,
            prog_btf,
        }
    }
}

/// Subprograms (named and scoped from BTF func info when there is some)
/// and line info of a linked program.
fn describe(
    elf: &ElfObject<'_>,
    btf: Option<&Btf>,
    ext: &ExtIndex<'_>,
    code: &link::Code,
    linked: &link::Linked,
) -> Result<(Vec<Subprog>, Vec<LineInfo>), LoadError> {
    let mut subprogs = Vec::new();
    let mut lines = Vec::new();
    for (n, &(fi, pos)) in linked.placed.iter().enumerate() {
        let f = &code.funcs[fi];
        let sec_name = elf.sections.get(f.sec).map_or("", |s| s.name.as_str());
        let range = f.start..f.start + f.len;
        let mut sub = Subprog {
            start: pos as u32,
            name: f.name.clone(),
            // Without function info the kernel knows no global function
            // (`subprog_is_global` reads the info's linkage), not even the
            // main program: a call into it is a call of a static function.
            global: false,
            ret_scalar: true,
            args: None,
        };
        if let (Some(btf), Some(infos)) = (btf, ext.func.get(sec_name))
            && let Some(fi) = infos
                .iter()
                .find(|i| i.insn_off % 8 == 0 && (i.insn_off / 8) as usize == f.start)
            && let Ok(t) = btf.type_by_id(fi.type_id)
            && let TypeData::Func { linkage, proto } = t.data
        {
            sub.name = btf.string(t.name_off)?.to_string();
            sub.global = n == 0 || (linkage == 1 && !f.hidden);
            sub.args = subprog_args(btf, fi.type_id, proto);
            sub.ret_scalar = btf
                .func_proto(proto)
                .and_then(|(ret, _)| btf.resolve(ret))
                .and_then(|r| btf.type_by_id(r).map(|t| t.kind()))
                .is_ok_and(|k| matches!(k, Kind::Int | Kind::Enum | Kind::Enum64));
        }
        subprogs.push(sub);
        if let (Some(btf), Some(recs)) = (btf, ext.line.get(sec_name)) {
            for r in recs.iter() {
                let idx = (r.insn_off / 8) as usize;
                if r.insn_off % 8 != 0 || !range.contains(&idx) {
                    continue;
                }
                lines.push(LineInfo {
                    insn: (pos + idx - f.start) as u32,
                    file: btf.string(r.file_name_off)?.to_string(),
                    line: r.line(),
                    text: btf.string(r.line_off)?.to_string(),
                });
            }
        }
    }
    subprogs.sort_by_key(|s| s.start);
    lines.sort_by_key(|l| l.insn);
    Ok((subprogs, lines))
}

/// The parameters of function `func` (prototype `proto`), with the
/// `arg:` declaration tags on them.
fn subprog_args(btf: &Btf, func: u32, proto: u32) -> Option<Vec<SubprogArg>> {
    let (_, params) = btf.func_proto(proto).ok()?;
    let tags: Vec<(&str, i32)> = btf.decl_tags(func).collect();
    let args = params
        .iter()
        .enumerate()
        .map(|(i, p)| SubprogArg {
            tags: tags
                .iter()
                .filter(|&&(_, c)| c == i as i32)
                .filter_map(|(t, _)| t.strip_prefix("arg:"))
                .map(str::to_string)
                .collect(),
            ty: param_type(btf, p.ty),
        })
        .collect();
    Some(args)
}

/// A parameter's type as the kernel's `btf_prepare_func_args` reads it.
fn param_type(btf: &Btf, ty: u32) -> ParamType {
    let t = btf.resolve(ty).unwrap_or(0);
    let Ok(found) = btf.type_by_id(t) else {
        return ParamType::Other(Kind::Void.name());
    };
    let TypeData::Ptr { ty } = found.data else {
        return match found.kind() {
            Kind::Int | Kind::Enum | Kind::Enum64 => ParamType::Scalar,
            k => ParamType::Other(k.name()),
        };
    };
    let (pointee, q) = btf.resolve_qualified(ty).unwrap_or((0, Default::default()));
    let target = btf.type_by_id(pointee).ok();
    let kind = match target.map(|t| (t.kind(), &t.data)) {
        None | Some((Kind::Void, _)) => PointeeKind::Void,
        Some((_, TypeData::Int { size, .. })) => PointeeKind::Int(*size),
        Some((k @ (Kind::Enum | Kind::Enum64 | Kind::Float), _)) => PointeeKind::Primitive(k),
        Some((Kind::Struct, _)) => PointeeKind::Struct,
        Some((Kind::Union, _)) => PointeeKind::Union,
        Some((k, _)) => PointeeKind::Other(k),
    };
    ParamType::Ptr(PtrParam {
        kind,
        name: btf.name(pointee).unwrap_or("").to_string(),
        typedef: q
            .typedefs
            .first()
            .and_then(|&t| btf.name(t).ok())
            .map(str::to_string),
        size: btf
            .size_of(pointee)
            .ok()
            .flatten()
            .map(|s| s as u32)
            .ok_or_else(|| unsized_name(btf, pointee)),
    })
}

/// How the kernel names type `id` when it cannot size it (btf_type_str and
/// the name): its kind for void is `UNKNOWN`.
fn unsized_name(btf: &Btf, id: u32) -> String {
    match btf.type_by_id(id).map(|t| t.kind()) {
        // Void has no name either.
        Ok(crate::btf::Kind::Void) | Err(_) => "UNKNOWN ".to_string(),
        Ok(k) => format!("{} {}", k.name(), btf.name(id).unwrap_or("")),
    }
}

/// Whether libbpf meets this extern error when it loads the object
/// (`bpf_object__resolve_externs`: a ksym the kernel lacks or declares
/// otherwise, a kconfig value it cannot find) rather than when it opens it
/// (an extern without BTF, in an unknown section, of an unsupported type).
fn resolved_at_load(e: &LoadError) -> bool {
    match e {
        LoadError::Extern { kind, msg, .. } => {
            matches!(*kind, "func ksym" | "var ksym")
                || (*kind == "kcfg" && msg.starts_with("value not found"))
                || msg.starts_with("resolution is ambiguous")
        }
        LoadError::Unresolved { .. } => true,
        _ => false,
    }
}

/// Whether libbpf fails with `e` before it relocates any program: an extern
/// it resolves as it loads, or a struct_ops map it cannot set up.
fn before_relocation(e: &LoadError) -> bool {
    resolved_at_load(e) || matches!(e, LoadError::StructOps { .. })
}

/// libbpf's failure to prepare a program that names its attach target in
/// its section (`libbpf_prepare_prog_load`): one that names none (`-EINVAL`,
/// the target user space would set at run time), a target the kernel lacks
/// (fsdist's `fentry/dummy_file_open`, a `tp_btf/` tracepoint or an `iter/`
/// target it no longer has: `-ESRCH`), or a `freplace` program, whose target
/// program only user space can give (`-EINVAL`). Only the target BTF is
/// searched: libbpf also searches module BTF, which the loader does not
/// read, so a target in a module is reported missing too.
fn attach_error(target: &Btf, section: &str, program: &str) -> Option<LoadError> {
    let section = section.trim_start_matches('?');
    let fail = |errno: i32| LoadError::Program {
        program: program.to_string(),
        msg: format!("failed to prepare load attributes: {errno}"),
    };
    if section == "freplace" || section.starts_with("freplace/") {
        return Some(fail(-22));
    }
    // What libbpf looks the target up as (btf_get_kernel_prefix_kind).
    let (lookup, kind) = if let Some(f) = traced_function(section) {
        (f.to_string(), crate::btf::Kind::Func)
    } else if let Some(hook) = lsm_hook_target(section) {
        (lsm_hook_func(hook), crate::btf::Kind::Func)
    } else if let Some(tp) = raw_tp_target(section) {
        (format!("btf_trace_{tp}"), crate::btf::Kind::Typedef)
    } else if let Some(it) = iter_target(section) {
        (format!("bpf_iter_{it}"), crate::btf::Kind::Func)
    } else {
        return ATTACH_BTF_SECTIONS.contains(&section).then(|| fail(-22));
    };
    let named = section
        .split_once('/')
        .is_some_and(|(_, name)| !name.is_empty());
    (named && target.find(&lookup, kind).is_none()).then(|| fail(-3))
}

/// The sections whose programs attach where their name says (libbpf's
/// `SEC_ATTACH_BTF`), here without the name.
const ATTACH_BTF_SECTIONS: &[&str] = &[
    "fentry",
    "fexit",
    "fmod_ret",
    "fentry.s",
    "fexit.s",
    "fmod_ret.s",
    "lsm",
    "lsm.s",
    "lsm_cgroup",
    "tp_btf",
    "iter",
    "iter.s",
];

/// The kernel function a `fentry/`, `fexit/` or `fmod_ret/` section (or its
/// sleepable `.s` form) traces through a trampoline.
pub fn traced_function(section: &str) -> Option<&str> {
    let (kind, name) = section.trim_start_matches('?').split_once('/')?;
    matches!(
        kind,
        "fentry" | "fexit" | "fmod_ret" | "fentry.s" | "fexit.s" | "fmod_ret.s"
    )
    .then_some(name)
}

/// The prototype a program's context arguments come from and the leading
/// parameters the program does not see: for `tp_btf/NAME` the parameters
/// after the first (`void *__data`) of the kernel's `btf_trace_NAME`; for
/// `iter/NAME` those of the kernel's `bpf_iter_NAME` (what the target makes
/// of each is its declaration's, not the loader's); for a struct_ops
/// program, its member's; for a program a trampoline runs (fentry, fexit,
/// fmod_ret, LSM), the traced function's, and after them, for those that
/// see it (fexit, fmod_ret, LSM), its return value.
struct AttachProto {
    /// The attach target's name in the kernel's messages.
    func: String,
    proto: u32,
    skip: usize,
    ret: bool,
}

fn attach_proto(target: &Btf, section: &str, op: Option<&StructOpsMember>) -> Option<AttachProto> {
    let section = section.trim_start_matches('?');
    if let Some(op) = op {
        return struct_ops::proto(target, op).map(|proto| AttachProto {
            func: op.member.clone(),
            proto,
            skip: 0,
            ret: false,
        });
    }
    if let Some(tp) = raw_tp_target(section) {
        let proto = target
            .find(&format!("btf_trace_{tp}"), crate::btf::Kind::Typedef)
            .and_then(|t| target.resolve(t).ok())
            .and_then(|p| match target.type_by_id(p).ok()?.data {
                crate::btf::TypeData::Ptr { ty } => target.resolve(ty).ok(),
                _ => None,
            })?;
        return Some(AttachProto {
            func: tp.to_string(),
            proto,
            skip: 1,
            ret: false,
        });
    }
    let func_proto = |name: &str| {
        target.find(name, crate::btf::Kind::Func).and_then(|f| {
            match target.type_by_id(f).ok()?.data {
                crate::btf::TypeData::Func { proto, .. } => Some(proto),
                _ => None,
            }
        })
    };
    if let Some(f) = traced_function(section) {
        let ret = !section.starts_with("fentry");
        return func_proto(f).map(|proto| AttachProto {
            func: f.to_string(),
            proto,
            skip: 0,
            ret,
        });
    }
    if let Some(hook) = lsm_hook_target(section) {
        return func_proto(&lsm_hook_func(hook)).map(|proto| AttachProto {
            func: lsm_hook_func(hook),
            proto,
            skip: 0,
            ret: true,
        });
    }
    let it = iter_target(section)?;
    let func = format!("bpf_iter_{it}");
    func_proto(&func).map(|proto| AttachProto {
        func: func.clone(),
        proto,
        skip: 0,
        ret: false,
    })
}

/// The context prototype of a tracing program from section `section`
/// (`tp_btf/NAME`, `iter/NAME`) verified against kernel BTF `target`: what
/// the loader gives a program it loads, for programs built another way.
pub fn section_ctx_proto(target: &Btf, section: &str) -> Option<CtxProto> {
    attach_proto(target, section, None).and_then(|at| ctx_proto(target, &at))
}

/// The LSM hook an `lsm/NAME`, `lsm.s/NAME` or `lsm_cgroup/NAME` section
/// names.
pub fn lsm_hook_target(section: &str) -> Option<&str> {
    let section = section.trim_start_matches('?');
    ["lsm/", "lsm.s/", "lsm_cgroup/"]
        .iter()
        .find_map(|p| section.strip_prefix(p))
}

/// The kernel function a program attached to LSM hook `hook` runs from.
pub fn lsm_hook_func(hook: &str) -> String {
    format!("bpf_lsm_{hook}")
}

/// The raw tracepoint a `tp_btf/NAME` section names.
pub fn raw_tp_target(section: &str) -> Option<&str> {
    section.trim_start_matches('?').strip_prefix("tp_btf/")
}

/// The iterator target an `iter/NAME` or `iter.s/NAME` section names.
pub fn iter_target(section: &str) -> Option<&str> {
    let section = section.trim_start_matches('?');
    section
        .strip_prefix("iter/")
        .or_else(|| section.strip_prefix("iter.s/"))
}

/// The program's context prototype from `at`, each pointer named by its
/// parameter: a pointer to a struct or union is that kernel type, any other
/// pointer untyped, anything else a scalar.
fn ctx_proto(target: &Btf, at: &AttachProto) -> Option<CtxProto> {
    let (ret, params) = target.func_proto(at.proto).ok()?;
    let typed = |name: String, ty: u32| {
        let t = target.resolve(ty).ok()?;
        let crate::btf::TypeData::Ptr { ty } = target.type_by_id(t).ok()?.data else {
            return None;
        };
        let strukt = target.resolve(ty).ok().filter(|s| {
            matches!(
                target.type_by_id(*s).map(|t| &t.data),
                Ok(crate::btf::TypeData::Struct { .. } | crate::btf::TypeData::Union { .. })
            )
        });
        Some(CtxParam::Ptr(CtxArg {
            name,
            target: strukt.and_then(|s| Some(target.name(s).ok()?.to_string())),
        }))
    };
    let mut args: Vec<CtxParam> = params
        .iter()
        .skip(at.skip)
        .map(|p| {
            let name = target.string(p.name_off).unwrap_or_default().to_string();
            typed(name, p.ty).unwrap_or(CtxParam::Scalar)
        })
        .collect();
    let nr_args = args.len() as u32;
    if at.ret && ret != 0 {
        args.push(typed(String::new(), ret).unwrap_or(CtxParam::Scalar));
    }
    Some(CtxProto {
        func: at.func.clone(),
        args,
        nr_args,
        hidden: at.skip as u32,
        void_ret: ret == 0,
    })
}
