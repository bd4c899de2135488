//! Externs: undefined symbols the object expects the kernel to provide.
//!
//! * `extern ... __ksym` functions (BTF `FUNC`s in DATASEC `.ksyms`) are
//!   kfuncs, resolved by name through the registry and checked against its
//!   declaration;
//! * `extern ... __ksym` variables are kernel variables, resolved in the
//!   target BTF when there is one;
//! * `extern ... __kconfig` variables live in a read-only `.kconfig` map
//!   filled from [`LoadOptions::kconfig`](super::LoadOptions::kconfig).
//!
//! Missing `__weak` externs are not errors: calls to them are poisoned and
//! loads of their address read 0, as with libbpf.

use std::collections::HashMap;

use super::core_relo::{COMPARE_BUDGET, essential_name, types_are_compat};
use super::kconfig::Value;
use super::maps::Maps;
use super::{LoadError, LoadOptions};
use crate::btf::{Btf, Kind, TypeData};
use crate::elf::{ElfObject, STB_WEAK};
use crate::program::{MapDef, MapType};
use kfreg::{CType, KfuncId, Registry};

/// What an extern resolved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// A kfunc: calls get `imm` (and `Program::kfuncs` maps it to `id`).
    Kfunc {
        /// The registry id.
        id: KfuncId,
        /// The call's `imm`.
        imm: i32,
    },
    /// A kernel variable with this BTF id (`LD_IMM64` with `BPF_PSEUDO_BTF_ID`).
    Var {
        /// The BTF id.
        id: i32,
        /// Whether the kernel finds its address: kallsyms lists variables
        /// only with `CONFIG_KALLSYMS_ALL`.
        addressed: bool,
    },
    /// A typeless ksym: an address the loader cannot know (libbpf reads it
    /// from `/proc/kallsyms`). A stand-in kernel address, or 0 for weak ones.
    Address(u64),
    /// A `__kconfig` variable at this offset of the `.kconfig` map.
    Kconfig {
        /// Map index.
        map: usize,
        /// Offset in the map value.
        off: u32,
    },
    /// A missing weak extern.
    Missing,
}

/// One extern symbol.
#[derive(Clone, Debug)]
pub(crate) struct Extern {
    /// Its name.
    pub name: String,
    /// Its index among the object's externs (for poisoned call numbers).
    pub index: usize,
    /// Whether it is a function.
    pub func: bool,
    /// What it resolved to.
    pub resolved: Resolved,
}

/// The kernel's symbols as `/proc/kallsyms` lists them: the addresses of
/// each name (a static symbol's name may appear more than once).
#[derive(Clone, Debug, Default)]
pub struct Kallsyms {
    by_name: HashMap<String, Vec<u64>>,
}

/// What libbpf finds for a typeless `__ksym` in [`Kallsyms`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KsymLookup {
    /// Not listed.
    Absent,
    /// Listed at one address.
    At(u64),
    /// Listed at two different addresses: libbpf refuses to pick.
    Ambiguous(u64, u64),
}

impl Kallsyms {
    /// Parses `/proc/kallsyms` text (`ADDRESS TYPE NAME [MODULE]` lines).
    /// Like libbpf, a data symbol's `.llvm.N` suffix is dropped.
    pub fn parse(text: &str) -> Kallsyms {
        let mut by_name: HashMap<String, Vec<u64>> = HashMap::new();
        for line in text.lines() {
            let mut words = line.split_whitespace();
            let (Some(addr), Some(ty), Some(name)) = (words.next(), words.next(), words.next())
            else {
                continue;
            };
            let Ok(addr) = u64::from_str_radix(addr, 16) else {
                continue;
            };
            let name = match name.find(".llvm.") {
                Some(at) if ty == "d" => &name[..at],
                _ => name,
            };
            let addrs = by_name.entry(name.to_string()).or_default();
            if !addrs.contains(&addr) {
                addrs.push(addr);
            }
        }
        Kallsyms { by_name }
    }

    /// What libbpf finds for `name`.
    pub fn lookup(&self, name: &str) -> KsymLookup {
        match self.by_name.get(name).map(Vec::as_slice) {
            None | Some([]) => KsymLookup::Absent,
            Some([a]) => KsymLookup::At(*a),
            Some([a, b, ..]) => KsymLookup::Ambiguous(*a, *b),
        }
    }
}

/// The address a typeless ksym gets when no kallsyms are at hand:
/// in the kernel text mapping, and the same for the same name only, since
/// programs compare a traced function's address with several symbols'
/// (kprobe_multi programs): with one address for all, every comparison after
/// the first would be decided and paths the kernel explores skipped.
/// 16-byte slots picked by the name's FNV-1a hash.
pub fn typeless_ksym_addr(name: &str) -> u64 {
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    0xffff_ffff_8100_0000 + (hash & 0xf_ffff) * 16
}

/// Whether the target kernel's kallsyms lists variables, so that the kernel
/// finds a `__ksym` variable's address: only with `CONFIG_KALLSYMS_ALL`. A
/// configuration that does not say whether kallsyms exists at all (a partial
/// one) is taken to list them.
fn var_addressed(opts: &LoadOptions, name: &str) -> bool {
    match &opts.kallsyms {
        Some(k) => k.lookup(name) != KsymLookup::Absent,
        None => {
            !opts.kconfig.contains_key("CONFIG_KALLSYMS")
                || opts.kconfig.get("CONFIG_KALLSYMS_ALL") == Some(&Value::YES)
        }
    }
}

/// The `imm` the loader gives calls to kfunc `id`.
pub(crate) fn kfunc_imm(id: KfuncId) -> i32 {
    (id.0 as i32).wrapping_add(1)
}

fn ext_err(name: &str, kind: &'static str, msg: impl Into<String>) -> LoadError {
    LoadError::Extern {
        name: name.to_string(),
        kind,
        msg: msg.into(),
        suggestion: None,
    }
}

/// The BTF `FUNC` or `VAR` describing extern `name` and the DATASEC it is in.
fn find_extern(btf: &Btf, name: &str) -> Option<(u32, String)> {
    let id = btf.find_by_name(name).iter().copied().find(|&id| {
        btf.type_by_id(id).is_ok_and(|t| match t.data {
            TypeData::Func { linkage, .. } => linkage == 2,
            TypeData::Var { linkage, .. } => linkage == 2,
            _ => false,
        })
    })?;
    let sec = btf.types().find_map(|(_, t)| match &t.data {
        TypeData::Datasec { vars, .. } if vars.iter().any(|v| v.ty == id) => {
            btf.string(t.name_off).ok()
        }
        _ => None,
    });
    Some((id, sec.unwrap_or("").to_string()))
}

/// What a C type looks like for the compatibility check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Void,
    /// A pointer, and what kind of thing it points to: libbpf's
    /// `bpf_core_types_are_compat` follows pointers and compares kinds
    /// (`void *` is not `struct task_struct *`), not names.
    Ptr(Pointee),
    Scalar(u64),
    Record,
    Other,
}

/// The kind a pointer points to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Pointee {
    Void,
    Int,
    Enum,
    Record,
    Ptr,
    Other,
}

fn btf_pointee(btf: &Btf, id: u32) -> Pointee {
    let Ok(id) = btf.resolve(id) else {
        return Pointee::Other;
    };
    match btf.type_by_id(id).map(|t| &t.data) {
        Ok(TypeData::Void) => Pointee::Void,
        Ok(TypeData::Int { .. }) => Pointee::Int,
        Ok(TypeData::Enum { .. } | TypeData::Enum64 { .. }) => Pointee::Enum,
        Ok(TypeData::Struct { .. } | TypeData::Union { .. } | TypeData::Fwd { .. }) => {
            Pointee::Record
        }
        Ok(TypeData::Ptr { .. }) => Pointee::Ptr,
        _ => Pointee::Other,
    }
}

fn ctype_pointee(ty: &CType) -> Pointee {
    match ty {
        CType::Void => Pointee::Void,
        CType::Bool | CType::Char | CType::Int { .. } => Pointee::Int,
        CType::Enum(_) => Pointee::Enum,
        CType::Struct(_) | CType::Union(_) => Pointee::Record,
        CType::Ptr { .. } => Pointee::Ptr,
        _ => Pointee::Other,
    }
}

fn btf_shape(btf: &Btf, id: u32) -> Shape {
    let Ok(id) = btf.resolve(id) else {
        return Shape::Other;
    };
    match btf.type_by_id(id).map(|t| &t.data) {
        Ok(TypeData::Void) => Shape::Void,
        Ok(TypeData::Ptr { ty }) => Shape::Ptr(btf_pointee(btf, *ty)),
        Ok(
            TypeData::Int { size, .. }
            | TypeData::Enum { size, .. }
            | TypeData::Enum64 { size, .. },
        ) => Shape::Scalar(u64::from(*size)),
        Ok(TypeData::Struct { .. } | TypeData::Union { .. }) => Shape::Record,
        _ => Shape::Other,
    }
}

fn ctype_shape(ty: &CType) -> Shape {
    match ty {
        CType::Void => Shape::Void,
        CType::Ptr { to, .. } => Shape::Ptr(ctype_pointee(to)),
        CType::FnPtr(_) => Shape::Ptr(Pointee::Other),
        CType::Struct(_) => Shape::Record,
        t => t
            .scalar_size()
            .map_or(Shape::Other, |s| Shape::Scalar(u64::from(s))),
    }
}

fn describe(s: Shape) -> String {
    match s {
        Shape::Void => "void".into(),
        Shape::Ptr(Pointee::Void) => "a `void *`".into(),
        Shape::Ptr(_) => "a typed pointer".into(),
        Shape::Scalar(n) => format!("a {n}-byte scalar"),
        Shape::Record => "a struct passed by value".into(),
        Shape::Other => "an unsupported type".into(),
    }
}

/// Checks the extern's prototype against the registry's declaration:
/// parameter count, pointer-ness and scalar sizes of parameters and return.
fn check_proto(btf: &Btf, func: u32, k: &kfreg::Kfunc) -> Result<(), String> {
    let (ret, params) = btf.func_proto(func).map_err(|e| e.to_string())?;
    if params.len() != k.params.len() {
        return Err(format!(
            "the program declares {} parameter(s), the kernel's `{}` takes {}",
            params.len(),
            k.c_prototype(),
            k.params.len()
        ));
    }
    for (i, (p, kp)) in params.iter().zip(k.params).enumerate() {
        let (mine, theirs) = (btf_shape(btf, p.ty), ctype_shape(&kp.ty));
        if mine != theirs {
            return Err(format!(
                "parameter {} (`{}`) is {} in the program but {} (`{}`) in the kernel",
                i + 1,
                kp.kernel_name(),
                describe(mine),
                describe(theirs),
                kp.ty
            ));
        }
    }
    let (mine, theirs) = (btf_shape(btf, ret), ctype_shape(&k.ret_ty));
    if mine != theirs {
        return Err(format!(
            "the return type is {} in the program but {} (`{}`) in the kernel",
            describe(mine),
            describe(theirs),
            k.ret_ty
        ));
    }
    Ok(())
}

/// Kconfig values libbpf computes itself, when the options do not give them.
/// libbpf finds the syscall wrapper by putting a kprobe on it, which a
/// kernel built without kprobe events cannot have: it then says 0, so a
/// configuration that lacks them (or the wrapper) says 0 too.
fn kconfig_default(name: &str, kconfig: &HashMap<String, Value>) -> Option<Value> {
    match name {
        "LINUX_HAS_BPF_COOKIE" => Some(Value::Number(1)),
        "LINUX_HAS_SYSCALL_WRAPPER" => {
            let known = kconfig.keys().any(|k| k.starts_with("CONFIG_"));
            let set = |k: &str| kconfig.get(k) == Some(&Value::YES);
            Some(Value::Number(u64::from(
                !known || set("CONFIG_KPROBE_EVENTS") && set("CONFIG_ARCH_HAS_SYSCALL_WRAPPER"),
            )))
        }
        _ => None,
    }
}

/// Resolves every extern symbol of `elf`, appending the `.kconfig` map to
/// `maps` when there are kconfig externs. Returns externs by symbol index.
pub(crate) fn collect(
    elf: &ElfObject<'_>,
    btf: Option<&Btf>,
    reg: &Registry,
    opts: &LoadOptions,
    maps: &mut Maps,
) -> Result<Vec<Option<Extern>>, LoadError> {
    let mut out: Vec<Option<Extern>> = vec![None; elf.symbols.len()];
    let mut kconfig: Vec<(usize, Vec<u8>, u32)> = Vec::new();
    let undefined = elf
        .symbols
        .iter()
        .filter(|s| s.undefined && !s.name.is_empty());
    // Like libbpf, every extern is found in BTF and in a section it
    // supports first, in symbol order; then kconfig externs are resolved,
    // then kernel symbols, each kind by name (its cmp_externs), so that the
    // first one missing is the one libbpf names.
    let mut found = Vec::new();
    for (index, sym) in undefined.enumerate() {
        let name = sym.name.as_str();
        let btf = btf
            .ok_or_else(|| ext_err(name, "ksym", "externs need a .BTF section (build with -g)"))?;
        let (id, sec) = find_extern(btf, name).ok_or_else(|| {
            ext_err(
                name,
                "ksym",
                "failed to find BTF for extern (declare it with __ksym or __kconfig)",
            )
        })?;
        let is_func = btf.type_by_id(id).is_ok_and(|t| t.kind() == Kind::Func);
        match (sec.as_str(), is_func) {
            (".ksyms", _) | (".kconfig", false) => {}
            (_, true) => {
                return Err(ext_err(
                    name,
                    "func",
                    "extern function is not a __ksym kfunc (BPF-to-BPF externs need static linking first)",
                ));
            }
            (sec, false) => {
                return Err(ext_err(
                    name,
                    "var",
                    format!("extern variable in unsupported section '{sec}'"),
                ));
            }
        }
        found.push((index, sym, btf, id, sec, is_func));
    }
    found.sort_by(|a, b| (a.4 != ".kconfig", &a.1.name).cmp(&(b.4 != ".kconfig", &b.1.name)));
    // libbpf names a strong extern it did not resolve only after it has
    // resolved the others.
    let mut unresolved = None;
    for (index, sym, btf, id, sec, is_func) in found {
        let name = sym.name.as_str();
        let weak = sym.bind == STB_WEAK;
        let resolved = match (sec.as_str(), is_func) {
            (".ksyms", true) => resolve_kfunc(btf, id, name, weak, reg, opts)?,
            (".ksyms", false) => match resolve_var_ksym(btf, id, name, weak, opts) {
                Err(e @ LoadError::Unresolved { .. }) => {
                    unresolved.get_or_insert(e);
                    Resolved::Missing
                }
                r => r?,
            },
            _ => {
                let (bytes, align) = kconfig_value(btf, id, name, weak, opts)?;
                kconfig.push((sym.index, bytes, align));
                Resolved::Missing
            }
        };
        out[sym.index] = Some(Extern {
            name: name.to_string(),
            index,
            func: is_func,
            resolved,
        });
    }
    if let Some(e) = unresolved {
        return Err(e);
    }
    if !kconfig.is_empty() {
        kconfig_map(&kconfig, &mut out, maps);
    }
    Ok(out)
}

/// A `__ksym` function: the kfunc of that name (its CO-RE flavor suffix
/// dropped) when its prototype matches the kernel's, else missing (weak)
/// or an error.
fn resolve_kfunc(
    btf: &Btf,
    id: u32,
    name: &str,
    weak: bool,
    reg: &Registry,
    opts: &LoadOptions,
) -> Result<Resolved, LoadError> {
    let lookup = essential_name(name);
    // The kernel's FUNC of that name: libbpf compares the prototypes
    // (bpf_core_types_are_compat: kinds, not sizes; an int is no enum),
    // and a call names its id. Without the kernel's BTF, the registry's
    // declaration stands in.
    let kernel_func = opts
        .target_btf
        .as_deref()
        .and_then(|t| Some((t, t.find(lookup, Kind::Func)?)));
    let proto = |b: &Btf, f: u32| {
        b.type_by_id(f)
            .ok()
            .and_then(|t| t.data.referenced())
            .unwrap_or(f)
    };
    let compatible = |k: &kfreg::Kfunc| match kernel_func {
        Some((t, f)) => {
            let mut budget = COMPARE_BUDGET;
            match types_are_compat(btf, proto(btf, id), t, proto(t, f), &mut budget) {
                Ok(true) => Ok(()),
                _ => Err(format!(
                    "the kernel's prototype is [{}] in vmlinux",
                    proto(t, f)
                )),
            }
        }
        None => check_proto(btf, id, k),
    };
    Ok(
        match reg.id(lookup).map(|kid| (kid, compatible(reg.get(kid)))) {
            // libbpf leaves a weak kfunc whose prototype does not
            // match the kernel's unresolved (a CO-RE flavor such as
            // `bpf_task_acquire___two` for another kernel version).
            Some((_, Err(_))) if weak => Resolved::Missing,
            Some((kid, checked)) => {
                checked.map_err(|why| {
                    ext_err(
                        name,
                        "func ksym",
                        format!(
                            "func_proto [{id}] incompatible with the kernel's declaration: {why}"
                        ),
                    )
                })?;
                // Like libbpf, a call names the kfunc's BTF id in
                // the target kernel (logs then read like the
                // kernel's); kfuncs the kernel lacks get small ids
                // below any kernel FUNC's.
                let kernel_id = kernel_func.and_then(|(_, f)| i32::try_from(f).ok());
                Resolved::Kfunc {
                    id: kid,
                    imm: kernel_id.unwrap_or_else(|| kfunc_imm(kid)),
                }
            }
            None if weak => Resolved::Missing,
            None => {
                return Err(LoadError::Extern {
                    name: name.to_string(),
                    kind: "func ksym",
                    msg: "not found in kernel or module BTFs".into(),
                    suggestion: reg.suggest(lookup).map(str::to_string),
                });
            }
        },
    )
}

/// A `__ksym` variable: typeless (an address), or typed and found in the
/// kernel's BTF with a compatible type.
fn resolve_var_ksym(
    btf: &Btf,
    id: u32,
    name: &str,
    weak: bool,
    opts: &LoadOptions,
) -> Result<Resolved, LoadError> {
    let TypeData::Var { ty, .. } = btf
        .type_by_id(id)
        .map_err(|e| ext_err(name, "ksym", e.to_string()))?
        .data
    else {
        return Err(ext_err(name, "ksym", "not a variable"));
    };
    let typeless = btf.resolve(ty).is_ok_and(|t| t == 0);
    Ok(if typeless {
        // libbpf reads the address from kallsyms; without them at hand,
        // one is made up.
        match opts.kallsyms.as_deref().map(|k| k.lookup(name)) {
            Some(KsymLookup::At(addr)) => Resolved::Address(addr),
            Some(KsymLookup::Ambiguous(a, b)) => {
                return Err(ext_err(
                    name,
                    "ksym",
                    format!("resolution is ambiguous: 0x{a:x} or 0x{b:x}"),
                ));
            }
            Some(KsymLookup::Absent) if !weak => {
                return Err(LoadError::Unresolved {
                    name: name.to_string(),
                });
            }
            Some(KsymLookup::Absent) => Resolved::Address(0),
            // Every symbol is taken to be there, a weak one too.
            None => Resolved::Address(typeless_ksym_addr(name)),
        }
    } else if let Some(target) = opts.target_btf.as_deref() {
        let found = target
            .find_by_name(essential_name(name))
            .iter()
            .copied()
            .find(|&t| target.type_by_id(t).is_ok_and(|t| t.kind() == Kind::Var));
        match found {
            Some(tid) => {
                let TypeData::Var { ty: tty, .. } = target
                    .type_by_id(tid)
                    .map_err(|e| ext_err(name, "var ksym", e.to_string()))?
                    .data
                else {
                    return Err(ext_err(name, "var ksym", "not a variable in kernel BTF"));
                };
                let mut budget = COMPARE_BUDGET;
                let compat = types_are_compat(
                    btf,
                    btf.resolve(ty).unwrap_or(0),
                    target,
                    target.resolve(tty).unwrap_or(0),
                    &mut budget,
                )
                .unwrap_or(false);
                if !compat {
                    return Err(ext_err(
                        name,
                        "var ksym",
                        "incompatible types with kernel BTF",
                    ));
                }
                Resolved::Var {
                    id: tid as i32,
                    addressed: var_addressed(opts, essential_name(name)),
                }
            }
            None if weak => Resolved::Missing,
            None => return Err(ext_err(name, "var ksym", "not found in kernel BTF")),
        }
    } else {
        // No kernel BTF: the variable is taken as declared.
        Resolved::Var {
            id: ty as i32,
            addressed: var_addressed(opts, essential_name(name)),
        }
    })
}

/// How libbpf stores a `__kconfig` value, by the variable's type
/// (find_kcfg_type).
#[derive(Clone, Copy, PartialEq, Eq)]
enum KcfgType {
    Bool,
    /// A one-byte integer, and whether it is signed.
    Char(bool),
    /// An integer of so many bytes, and whether it is signed.
    Int(u32, bool),
    Tristate(u32),
    CharArray(u32),
}

fn kcfg_type(btf: &Btf, ty: u32) -> Option<KcfgType> {
    let t = btf.type_by_id(btf.resolve(ty).ok()?).ok()?;
    match &t.data {
        TypeData::Int { size, encoding, .. } if encoding.bool => {
            (*size == 1).then_some(KcfgType::Bool)
        }
        TypeData::Int {
            size: 1, encoding, ..
        } => Some(KcfgType::Char(encoding.signed)),
        TypeData::Int { size, encoding, .. } if size.is_power_of_two() && *size <= 8 => {
            Some(KcfgType::Int(*size, encoding.signed))
        }
        TypeData::Enum { size: 4, .. } | TypeData::Enum64 { .. }
            if btf.string(t.name_off) == Ok("libbpf_tristate") =>
        {
            Some(KcfgType::Tristate(btf.size_of(ty).ok().flatten()? as u32))
        }
        TypeData::Array { elem, nelems, .. } if *nelems > 0 => {
            matches!(kcfg_type(btf, *elem)?, KcfgType::Char(_))
                .then_some(KcfgType::CharArray(*nelems))
        }
        _ => None,
    }
}

/// A `__kconfig` variable's bytes and alignment: its value from the
/// options or libbpf's own defaults, stored as libbpf stores one of its
/// type (a tristate's letter in a `char`, a string truncated to the array
/// with its NUL), or zeros when weak and not found.
fn kconfig_value(
    btf: &Btf,
    id: u32,
    name: &str,
    weak: bool,
    opts: &LoadOptions,
) -> Result<(Vec<u8>, u32), LoadError> {
    let TypeData::Var { ty, .. } = btf
        .type_by_id(id)
        .map_err(|e| ext_err(name, "kcfg", e.to_string()))?
        .data
    else {
        return Err(ext_err(name, "kcfg", "not a variable"));
    };
    let kind =
        kcfg_type(btf, ty).ok_or_else(|| ext_err(name, "kcfg", "failed to resolve kcfg type"))?;
    // Kconfig gives `CONFIG_*`; libbpf itself knows three `LINUX_*` and
    // makes any other weak `LINUX_*` zero; nothing else is a kconfig value.
    let known = matches!(
        name,
        "LINUX_KERNEL_VERSION" | "LINUX_HAS_BPF_COOKIE" | "LINUX_HAS_SYSCALL_WRAPPER"
    );
    if !(name.starts_with("CONFIG_") || known || weak && name.starts_with("LINUX_")) {
        return Err(ext_err(name, "kcfg", "unrecognized virtual extern"));
    }
    let (size, align) = match kind {
        KcfgType::Bool | KcfgType::Char(_) => (1, 1),
        KcfgType::Int(n, _) | KcfgType::Tristate(n) => (n, n),
        KcfgType::CharArray(n) => (n, 1),
    };
    let Some(value) = opts
        .kconfig
        .get(name)
        .cloned()
        .or_else(|| kconfig_default(name, &opts.kconfig))
    else {
        if weak {
            return Ok((vec![0; size as usize], align));
        }
        return Err(ext_err(
            name,
            "kcfg",
            "value not found (give it in LoadOptions::kconfig)",
        ));
    };
    let wrong = |what: &str| Err(ext_err(name, "kcfg", what.to_string()));
    let number = |n: u64| n.to_le_bytes()[..size as usize].to_vec();
    let bytes = match (&value, kind) {
        (Value::Tristate(b'm'), KcfgType::Bool) => {
            return wrong("value 'm' implies tristate or char type");
        }
        (Value::Tristate(c), KcfgType::Bool) => vec![u8::from(*c == b'y')],
        (Value::Tristate(c), KcfgType::Tristate(_)) => number(match c {
            b'y' => 1,
            b'm' => 2,
            _ => 0,
        }),
        (Value::Tristate(c), KcfgType::Char(_)) => vec![*c],
        (Value::Tristate(_), _) => return wrong("value implies bool, tristate, or char type"),
        (Value::Str(text), KcfgType::CharArray(n)) => {
            let mut b: Vec<u8> = text.bytes().take(n as usize - 1).collect();
            b.resize(n as usize, 0);
            b
        }
        (Value::Str(_), _) => return wrong("value implies char array type"),
        (Value::Number(n), KcfgType::Bool) if *n > 1 => {
            return wrong("value isn't boolean compatible");
        }
        (Value::Number(n), KcfgType::Int(_, signed) | KcfgType::Char(signed)) => {
            // is_kcfg_value_in_range: a signed type takes its negative
            // numbers (sign-extended in 64 bits) too.
            let bits = size * 8;
            let fits = bits == 64
                || if signed {
                    n.wrapping_add(1 << (bits - 1)) < 1 << bits
                } else {
                    n >> bits == 0
                };
            if !fits {
                return wrong("value doesn't fit");
            }
            number(*n)
        }
        (Value::Number(n), KcfgType::Bool) => number(*n),
        (Value::Number(_), _) => return wrong("value implies integer, char, or boolean type"),
    };
    Ok((bytes, align))
}

/// The `.kconfig` map libbpf makes: the values packed at their natural
/// alignment, each extern pointing at its own.
fn kconfig_map(kconfig: &[(usize, Vec<u8>, u32)], out: &mut [Option<Extern>], maps: &mut Maps) {
    let map = maps.defs.len();
    let mut init = Vec::new();
    // libbpf lays the values out by alignment, largest first, then by name
    // (its cmp_externs).
    let name = |sym: usize| {
        out.get(sym)
            .and_then(|e| e.as_ref())
            .map(|e| e.name.clone())
    };
    let mut order: Vec<_> = kconfig
        .iter()
        .map(|k| (std::cmp::Reverse(k.2), name(k.0), k))
        .collect();
    order.sort();
    for (_, _, (sym, bytes, align)) in &order {
        while init.len() % *align as usize != 0 {
            init.push(0);
        }
        let off = init.len() as u32;
        init.extend_from_slice(bytes);
        if let Some(Some(e)) = out.get_mut(*sym) {
            e.resolved = Resolved::Kconfig { map, off };
        }
    }
    maps.defs.push(MapDef {
        name: ".kconfig".into(),
        map_type: MapType::Array,
        key_size: 4,
        value_size: init.len() as u32,
        max_entries: 1,
        value_type: None,
        rdonly: true,
        wronly: false,
        inner_map_flag: false,
        global_data: true,
        init: Some(init),
        inner: None,
    });
}

/// What the kernel refuses of the 64-bit loads of kernel symbols by BTF id
/// in `insns` (check_pseudo_btf_id), by instruction: a module BTF fd (no
/// program here has one), an id its BTF lacks or that names no variable or
/// function, a variable kallsyms does not list. The loads libbpf wrote for
/// `__ksym` externs are judged the same way; the ids kfreg makes up for
/// kfuncs the target lacks are skipped.
pub(crate) fn btf_id_refusals(
    insns: &[kfreg_isa::RawInsn],
    externs: &[Option<Extern>],
    opts: &LoadOptions,
) -> Vec<(u32, String)> {
    let Some(btf) = opts.target_btf.as_deref() else {
        return Vec::new();
    };
    let made_up = |imm: i32| {
        externs.iter().flatten().any(|e| {
            matches!(e.resolved, Resolved::Kfunc { imm: i, .. } if i == imm)
                && btf
                    .type_by_id(imm as u32)
                    .is_ok_and(|t| t.kind() != Kind::Func)
        })
    };
    let mut out = Vec::new();
    for (i, pair) in insns.windows(2).enumerate() {
        let (r, hi) = (&pair[0], &pair[1]);
        if r.code != super::link::LD_IMM64 || r.src != super::link::PSEUDO_BTF_ID || made_up(r.imm)
        {
            continue;
        }
        let id = r.imm;
        let msg = if hi.imm != 0 {
            "invalid module BTF object FD specified.".to_string()
        } else {
            match btf.type_by_id(id as u32) {
                Err(_) => format!("ldimm64 insn specifies invalid btf_id {id}."),
                Ok(t) if !matches!(t.kind(), Kind::Var | Kind::Func) => {
                    format!("pseudo btf_id {id} in ldimm64 isn't KIND_VAR or KIND_FUNC")
                }
                Ok(t) => {
                    let name = btf.string(t.name_off).unwrap_or("");
                    if t.kind() == Kind::Func || var_addressed(opts, name) {
                        continue;
                    }
                    format!("ldimm64 failed to find the address for kernel symbol '{name}'.")
                }
            }
        };
        out.push((i as u32, msg));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> HashMap<String, Value> {
        crate::loader::kconfig::parse(text)
    }

    #[test]
    fn syscall_wrapper_follows_kprobe_events() {
        let wrapper = |text| kconfig_default("LINUX_HAS_SYSCALL_WRAPPER", &config(text));
        // No configuration: what libbpf finds on a usual x86_64 kernel.
        assert_eq!(wrapper(""), Some(Value::Number(1)));
        let with = "CONFIG_KPROBE_EVENTS=y\nCONFIG_ARCH_HAS_SYSCALL_WRAPPER=y\n";
        assert_eq!(wrapper(with), Some(Value::Number(1)));
        // A kernel without kprobe events (this project's VM): libbpf's
        // probe cannot put a kprobe on __x64_sys_bpf.
        assert_eq!(
            wrapper("# CONFIG_KPROBE_EVENTS is not set\nCONFIG_ARCH_HAS_SYSCALL_WRAPPER=y\n"),
            Some(Value::Number(0))
        );
        assert_eq!(wrapper("CONFIG_KPROBE_EVENTS=y\n"), Some(Value::Number(0)));
        assert_eq!(
            kconfig_default("LINUX_HAS_BPF_COOKIE", &config("")),
            Some(Value::Number(1))
        );
    }

    #[test]
    fn kallsyms_are_looked_up_as_libbpf_does() {
        let k = Kallsyms::parse(
            "ffffffff81000010 T traced_func\n\
             ffffffff81000020 t dup\n\
             ffffffff81000030 t dup\n\
             ffffffff81000040 d counter.llvm.123\n\
             ffffffff81000050 T twice\n\
             ffffffff81000050 T twice\n\
             ffffffff81000060 t helper.llvm.9 [mod]\n",
        );
        assert_eq!(
            k.lookup("traced_func"),
            KsymLookup::At(0xffff_ffff_8100_0010)
        );
        assert_eq!(
            k.lookup("dup"),
            KsymLookup::Ambiguous(0xffff_ffff_8100_0020, 0xffff_ffff_8100_0030)
        );
        // A data symbol's LLVM suffix is dropped; a function's is not.
        assert_eq!(k.lookup("counter"), KsymLookup::At(0xffff_ffff_8100_0040));
        assert_eq!(k.lookup("helper"), KsymLookup::Absent);
        // One address listed twice is one symbol.
        assert_eq!(k.lookup("twice"), KsymLookup::At(0xffff_ffff_8100_0050));
        assert_eq!(k.lookup("missing"), KsymLookup::Absent);
    }

    #[test]
    fn typeless_ksyms_get_an_address_each() {
        let names = ["sym_a", "sym_b", "sym_c", "sym_d"];
        let addrs: Vec<u64> = names.iter().map(|n| typeless_ksym_addr(n)).collect();
        for (i, a) in addrs.iter().enumerate() {
            assert!((0xffff_ffff_8100_0000..0xffff_ffff_8200_0000).contains(a));
            assert_eq!(*a % 16, 0);
            assert!(!addrs[..i].contains(a), "{} shares an address", names[i]);
        }
        assert_eq!(typeless_ksym_addr("sym_d"), addrs[3]);
    }
}
