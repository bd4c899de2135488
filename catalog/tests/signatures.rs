//! The catalog's declarations against the kernel's kfunc prototypes.
//!
//! `recorded_btf` compares every kfunc the catalog declares with
//! `data/vmlinux-kfuncs.json` (extracted from this machine's BTF by
//! `scripts/extract-btf-kfuncs.py`); `live_btf` does the same against
//! `/sys/kernel/btf/vmlinux` parsed with `kfreg_verifier::btf`, when that
//! file exists. Both check that every kernel kfunc is declared, then per
//! kfunc: the parameter count, each parameter's name (as the kernel spells
//! it, suffix included), pointer-ness, const-ness, arena-ness, struct names,
//! scalar widths and signedness, callback prototypes and the return type.
//! All mismatches are reported at once.
//!
//! A few differences come from words the DSL lacks; they are listed in
//! `KNOWN_GAPS` (and in `VOCAB-GAPS.md`) and must still be present, so the
//! list shrinks when the vocabulary grows.

kfreg::link!(kfreg_catalog);

use kfreg::{CType, Registry};
use kfreg_verifier::btf::{Btf, TypeData};
use std::collections::BTreeMap;
use std::fmt;

/// Differences the DSL cannot avoid: (kfunc, part of the mismatch message).
const KNOWN_GAPS: &[(&str, &str)] = &[
    // Seven parameters; a kfunc declaration takes at most five.
    ("bpf_modify_return_test2", "has 5 parameters, the kernel 7"),
    // `NonOwn<..>` always spells `__nonown_allowed`; 6.18 names these `node`.
    ("bpf_rbtree_remove", "named `node__nonown_allowed`"),
    ("bpf_rbtree_left", "named `node__nonown_allowed`"),
    ("bpf_rbtree_right", "named `node__nonown_allowed`"),
];

/// A C type reduced to what the comparison looks at.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Ty {
    Void,
    Bool,
    /// C `char` (kernel builds use `-funsigned-char`).
    Char,
    Int {
        bits: u32,
        signed: bool,
    },
    Record {
        name: String,
        union: bool,
    },
    Enum(String),
    Ptr {
        to: Box<Ty>,
        is_const: bool,
        arena: bool,
    },
    Fn {
        ret: Box<Ty>,
        params: Vec<Ty>,
    },
}

impl fmt::Display for Ty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ty::Void => f.write_str("void"),
            Ty::Bool => f.write_str("bool"),
            Ty::Char => f.write_str("char"),
            Ty::Int { bits, signed } => write!(f, "{}{bits}", if *signed { "__s" } else { "__u" }),
            Ty::Enum(name) => write!(f, "enum {name}"),
            Ty::Record { name, union } => {
                write!(f, "{} {name}", if *union { "union" } else { "struct" })
            }
            Ty::Ptr {
                to,
                is_const,
                arena,
            } => write!(
                f,
                "{}{to}{} *",
                if *is_const { "const " } else { "" },
                if *arena { " __arena" } else { "" }
            ),
            Ty::Fn { ret, params } => {
                let p: Vec<String> = params.iter().map(ToString::to_string).collect();
                write!(f, "{ret} (*)({})", p.join(", "))
            }
        }
    }
}

/// A prototype: return type and named parameters.
#[derive(Debug)]
struct Proto {
    ret: Ty,
    params: Vec<(String, Ty)>,
}

/// The declared side, from the registry's C types.
fn from_ctype(ty: &CType) -> Ty {
    match ty {
        CType::Void => Ty::Void,
        CType::Bool => Ty::Bool,
        CType::Char => Ty::Char,
        CType::Int { bits, signed } => Ty::Int {
            bits: u32::from(*bits),
            signed: *signed,
        },
        CType::Struct(name) => Ty::Record {
            name: name.to_string(),
            union: false,
        },
        CType::Union(name) => Ty::Record {
            name: name.to_string(),
            union: true,
        },
        CType::Enum(name) => Ty::Enum(name.to_string()),
        CType::Ptr {
            to,
            is_const,
            arena,
        } => Ty::Ptr {
            to: Box::new(from_ctype(to)),
            is_const: *is_const,
            arena: *arena,
        },
        CType::FnPtr(proto) => Ty::Fn {
            ret: Box::new(from_ctype(&proto.ret)),
            params: proto.params.iter().map(from_ctype).collect(),
        },
    }
}

fn declared() -> BTreeMap<&'static str, Proto> {
    Registry::global()
        .iter()
        .filter(|(_, k)| k.location.krate == "kfreg-catalog")
        .map(|(_, k)| {
            (
                k.name,
                Proto {
                    ret: from_ctype(&k.ret_ty),
                    params: k
                        .params
                        .iter()
                        .map(|p| (p.kernel_name(), from_ctype(&p.ty)))
                        .collect(),
                },
            )
        })
        .collect()
}

/// The recorded side, from `data/vmlinux-kfuncs.json`.
fn from_json(v: &serde_json::Value) -> Result<Ty, String> {
    let field = |k: &str| v.get(k).ok_or_else(|| format!("missing `{k}` in {v}"));
    let flag = |k: &str| {
        v.get(k)
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false)
    };
    let kind = field("kind")?.as_str().ok_or("`kind` is not a string")?;
    Ok(match kind {
        "void" => Ty::Void,
        "bool" => Ty::Bool,
        "char" => Ty::Char,
        "enum" => Ty::Enum(
            field("enum")?
                .as_str()
                .ok_or("`enum` is not a string")?
                .to_string(),
        ),
        "int" => Ty::Int {
            bits: field("bits")?.as_u64().ok_or("`bits` is not a number")? as u32,
            signed: flag("signed"),
        },
        "struct" | "union" => Ty::Record {
            name: field("struct")?
                .as_str()
                .ok_or("`struct` is not a string")?
                .to_string(),
            union: kind == "union",
        },
        "ptr" => Ty::Ptr {
            to: Box::new(from_json(field("pointee")?)?),
            is_const: flag("const"),
            arena: flag("arena"),
        },
        "fn" => {
            let f = field("fn")?;
            Ty::Fn {
                ret: Box::new(from_json(&f["ret"])?),
                params: f["params"]
                    .as_array()
                    .ok_or("`fn.params` is not an array")?
                    .iter()
                    .map(from_json)
                    .collect::<Result<_, _>>()?,
            }
        }
        other => return Err(format!("unknown kind `{other}`")),
    })
}

fn recorded() -> BTreeMap<String, Proto> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/vmlinux-kfuncs.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let list = doc["kfuncs"].as_array().expect("`kfuncs` array");
    assert_eq!(
        doc["count"].as_u64(),
        Some(list.len() as u64),
        "{path}: `count` disagrees with the list"
    );
    list.iter()
        .map(|k| {
            let name = k["name"].as_str().expect("kfunc name").to_string();
            let ret = from_json(&k["ret"]).unwrap_or_else(|e| panic!("{name}: return: {e}"));
            let params = k["params"]
                .as_array()
                .expect("params array")
                .iter()
                .map(|p| {
                    let pname = p["name"].as_str().unwrap_or_default().to_string();
                    let ty = from_json(p).unwrap_or_else(|e| panic!("{name}({pname}): {e}"));
                    (pname, ty)
                })
                .collect();
            (name, Proto { ret, params })
        })
        .collect()
}

/// The live side, from a parsed BTF.
fn from_btf(btf: &Btf, id: u32) -> Result<Ty, String> {
    let (id, _) = btf.resolve_qualified(id).map_err(|e| e.to_string())?;
    let ty = btf.type_by_id(id).map_err(|e| e.to_string())?;
    let name = || btf.name(id).map(str::to_string).map_err(|e| e.to_string());
    Ok(match &ty.data {
        TypeData::Void => Ty::Void,
        TypeData::Int { size, encoding, .. } => {
            if encoding.bool {
                Ty::Bool
            } else if name()? == "char" || encoding.char {
                Ty::Char
            } else {
                Ty::Int {
                    bits: size * 8,
                    signed: encoding.signed,
                }
            }
        }
        TypeData::Enum { size, signed, .. } | TypeData::Enum64 { size, signed, .. } => {
            match name()? {
                n if n.is_empty() => Ty::Int {
                    bits: size * 8,
                    signed: *signed,
                },
                n => Ty::Enum(n),
            }
        }
        TypeData::Struct { .. } => Ty::Record {
            name: name()?,
            union: false,
        },
        TypeData::Union { .. } => Ty::Record {
            name: name()?,
            union: true,
        },
        TypeData::Fwd { union } => Ty::Record {
            name: name()?,
            union: *union,
        },
        TypeData::Ptr { ty: to } => {
            let (pointee, pq) = btf.resolve_qualified(*to).map_err(|e| e.to_string())?;
            let is_fn = matches!(
                btf.type_by_id(pointee).map(|t| &t.data),
                Ok(TypeData::FuncProto { .. })
            );
            if is_fn {
                from_btf(btf, pointee)?
            } else {
                Ty::Ptr {
                    to: Box::new(from_btf(btf, *to)?),
                    is_const: pq.is_const,
                    arena: pq.type_tags.iter().any(|t| t == "address_space(1)"),
                }
            }
        }
        TypeData::FuncProto { ret, params } => Ty::Fn {
            ret: Box::new(from_btf(btf, *ret)?),
            params: params
                .iter()
                .map(|p| from_btf(btf, p.ty))
                .collect::<Result<_, _>>()?,
        },
        other => return Err(format!("unexpected {:?} in a prototype", other.kind())),
    })
}

fn live(btf: &Btf) -> BTreeMap<String, Proto> {
    btf.kfuncs()
        .into_iter()
        .map(|id| {
            let name = btf.name(id).expect("kfunc name").to_string();
            let (ret, params) = btf.func_proto(id).expect("kfunc prototype");
            let ret = from_btf(btf, ret).unwrap_or_else(|e| panic!("{name}: return: {e}"));
            let params = params
                .iter()
                .map(|p| {
                    let pname = btf.string(p.name_off).expect("parameter name").to_string();
                    let ty = from_btf(btf, p.ty).unwrap_or_else(|e| panic!("{name}({pname}): {e}"));
                    (pname, ty)
                })
                .collect();
            (name, Proto { ret, params })
        })
        .collect()
}

/// Why `declared` does not describe `kernel`, if it does not.
fn difference(declared: &Ty, kernel: &Ty) -> Option<String> {
    let differ = || Some(format!("declared `{declared}`, kernel `{kernel}`"));
    match (declared, kernel) {
        // The kernel is built with -funsigned-char; the DSL has no `char`
        // scalar or pointee, so `char` is declared as `u8`.
        (
            Ty::Int {
                bits: 8,
                signed: false,
            }
            | Ty::Char,
            Ty::Char,
        ) => None,
        (
            Ty::Ptr {
                to: a,
                is_const: ca,
                arena: aa,
            },
            Ty::Ptr {
                to: b,
                is_const: cb,
                arena: ab,
            },
        ) => {
            if ca != cb || aa != ab {
                differ()
            } else {
                difference(a, b).and_then(|_| differ())
            }
        }
        (
            Ty::Fn {
                ret: ra,
                params: pa,
            },
            Ty::Fn {
                ret: rb,
                params: pb,
            },
        ) => {
            if pa.len() != pb.len()
                || difference(ra, rb).is_some()
                || pa.iter().zip(pb).any(|(a, b)| difference(a, b).is_some())
            {
                differ()
            } else {
                None
            }
        }
        (a, b) if a == b => None,
        _ => differ(),
    }
}

/// Every mismatch between the declarations and `kernel`, as (kfunc, message).
fn compare(
    declared: &BTreeMap<&'static str, Proto>,
    kernel: &BTreeMap<String, Proto>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for name in kernel.keys() {
        if !declared.contains_key(name.as_str()) {
            out.push((
                name.clone(),
                "is a kernel kfunc the catalog does not declare".into(),
            ));
        }
    }
    for (name, decl) in declared {
        let Some(k) = kernel.get(*name) else {
            out.push((
                name.to_string(),
                "is declared but is not a kfunc of this kernel".into(),
            ));
            continue;
        };
        if let Some(d) = difference(&decl.ret, &k.ret) {
            out.push((name.to_string(), format!("return type: {d}")));
        }
        if decl.params.len() != k.params.len() {
            out.push((
                name.to_string(),
                format!(
                    "has {} parameters, the kernel {}",
                    decl.params.len(),
                    k.params.len()
                ),
            ));
        }
        for (i, ((dn, dt), (kn, kt))) in decl.params.iter().zip(&k.params).enumerate() {
            if dn != kn {
                out.push((
                    name.to_string(),
                    format!("parameter {i} is named `{dn}`, the kernel's `{kn}`"),
                ));
            }
            if let Some(d) = difference(dt, kt) {
                out.push((name.to_string(), format!("parameter {i} (`{kn}`): {d}")));
            }
        }
    }
    out
}

/// Fails with every unexpected mismatch, and with every known gap that no longer shows.
fn check(source: &str, mismatches: Vec<(String, String)>) {
    let is_known =
        |(k, m): &(String, String)| KNOWN_GAPS.iter().any(|(gk, gm)| k == gk && m.contains(gm));
    let (known, unexpected): (Vec<_>, Vec<_>) = mismatches.into_iter().partition(is_known);
    let stale: Vec<_> = KNOWN_GAPS
        .iter()
        .filter(|(gk, gm)| !known.iter().any(|(k, m)| k == gk && m.contains(gm)))
        .collect();
    for (k, m) in &known {
        println!("{source}: known vocabulary gap: {k} {m}");
    }
    let mut report = String::new();
    for (k, m) in &unexpected {
        report.push_str(&format!("\n  {k} {m}"));
    }
    for (k, m) in &stale {
        report.push_str(&format!(
            "\n  {k}: the known gap `{m}` no longer shows; remove it from KNOWN_GAPS and VOCAB-GAPS.md"
        ));
    }
    assert!(
        report.is_empty(),
        "{source}: {} mismatch(es) between the catalog and the kernel:{report}",
        unexpected.len() + stale.len()
    );
}

#[test]
fn recorded_btf() {
    let kernel = recorded();
    assert_eq!(
        kernel.len(),
        203,
        "the recorded BTF of this kernel has 203 kfuncs"
    );
    let declared = declared();
    assert_eq!(declared.len(), 203, "the catalog declares 203 kfuncs");
    check("data/vmlinux-kfuncs.json", compare(&declared, &kernel));
}

#[test]
fn live_btf() {
    const VMLINUX: &str = "/sys/kernel/btf/vmlinux";
    if !std::path::Path::new(VMLINUX).exists() {
        println!("{VMLINUX} does not exist: skipping the comparison with the live kernel BTF");
        return;
    }
    let btf = Btf::from_file(VMLINUX).unwrap_or_else(|e| panic!("{VMLINUX}: {e}"));
    let kernel = live(&btf);
    println!("{VMLINUX}: {} kfuncs", kernel.len());
    check(VMLINUX, compare(&declared(), &kernel));
}

#[test]
fn recorded_and_live_btf_agree() {
    const VMLINUX: &str = "/sys/kernel/btf/vmlinux";
    if !std::path::Path::new(VMLINUX).exists() {
        println!("{VMLINUX} does not exist: skipping the comparison of the recorded and live BTF");
        return;
    }
    let btf = Btf::from_file(VMLINUX).unwrap_or_else(|e| panic!("{VMLINUX}: {e}"));
    let live = live(&btf);
    let recorded = recorded();
    let names = |m: &BTreeMap<String, Proto>| m.keys().cloned().collect::<Vec<_>>();
    if names(&live) != names(&recorded) {
        println!(
            "{VMLINUX} is not the kernel data/vmlinux-kfuncs.json was extracted from; not comparing them"
        );
        return;
    }
    for (name, r) in &recorded {
        let l = &live[name];
        assert_eq!(r.ret, l.ret, "{name}: return type");
        assert_eq!(r.params, l.params, "{name}: parameters");
    }
}
