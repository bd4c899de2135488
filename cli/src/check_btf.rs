//! `kfreg check-btf`: the catalog's kfunc declarations against a kernel's BTF.
//!
//! The kernel moves: a later build of the same release may retype a
//! parameter. The catalog is tested against the recorded BTF
//! (`tests/corpus/vmlinux.btf`); this command compares it with any other
//! BTF, by default the running kernel's, and lists every difference: kfuncs
//! missing on either side, parameter counts, each parameter's name (as the
//! kernel spells it, suffix included), pointer-ness, const-ness, arena-ness,
//! struct names, scalar widths and signedness, callback prototypes and the
//! return type.
//!
//! A few differences come from words the DSL lacks; they are listed in
//! `KNOWN_GAPS` (and in `catalog/VOCAB-GAPS.md`). A known gap that no longer
//! shows is reported too, so the list shrinks when the vocabulary grows.

use kfreg::{CType, Registry};
use kfreg_object::btf::{Btf, TypeData};
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

/// What a comparison found, each entry as (kfunc, message).
pub struct Drift {
    /// How many kfuncs the BTF declares.
    pub kernel_kfuncs: usize,
    /// How many kfuncs the catalog declares.
    pub declared_kfuncs: usize,
    /// Differences listed in `KNOWN_GAPS`.
    pub known: Vec<(String, String)>,
    /// Differences nobody has listed: drift.
    pub unexpected: Vec<(String, String)>,
    /// Known gaps that no longer show.
    pub stale: Vec<(String, String)>,
}

impl Drift {
    /// Whether the catalog describes the kernel, up to its known gaps.
    pub fn is_clean(&self) -> bool {
        self.unexpected.is_empty() && self.stale.is_empty()
    }
}

/// Every difference, one a line.
impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (k, m) in &self.unexpected {
            writeln!(f, "{k} {m}")?;
        }
        for (k, m) in &self.stale {
            writeln!(
                f,
                "{k}: the known gap `{m}` no longer shows; remove it from KNOWN_GAPS and catalog/VOCAB-GAPS.md"
            )?;
        }
        for (k, m) in &self.known {
            writeln!(f, "known vocabulary gap: {k} {m}")?;
        }
        Ok(())
    }
}

impl Drift {
    /// One line of counts.
    pub fn summary(&self) -> String {
        format!(
            "{} kfuncs in the BTF, {} declared: {} difference(s), {} known gap(s)",
            self.kernel_kfuncs,
            self.declared_kfuncs,
            self.unexpected.len() + self.stale.len(),
            self.known.len()
        )
    }
}

/// Compares the kfuncs `reg` holds from the catalog with those of `btf`.
pub fn check(reg: &Registry, btf: &Btf) -> Result<Drift, String> {
    let kernel = kernel_kfuncs(btf)?;
    let declared = declared(reg);
    Ok(classify(
        kernel.len(),
        declared.len(),
        compare(&declared, &kernel),
    ))
}

fn classify(kernel_kfuncs: usize, declared_kfuncs: usize, found: Vec<(String, String)>) -> Drift {
    let is_known =
        |(k, m): &(String, String)| KNOWN_GAPS.iter().any(|(gk, gm)| k == gk && m.contains(gm));
    let (known, unexpected): (Vec<_>, Vec<_>) = found.into_iter().partition(is_known);
    let stale = KNOWN_GAPS
        .iter()
        .filter(|(gk, gm)| !known.iter().any(|(k, m)| k == gk && m.contains(gm)))
        .map(|(k, m)| (k.to_string(), m.to_string()))
        .collect();
    Drift {
        kernel_kfuncs,
        declared_kfuncs,
        known,
        unexpected,
        stale,
    }
}

fn declared(reg: &Registry) -> BTreeMap<&'static str, Proto> {
    reg.iter()
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

/// A kernel type, from a parsed BTF.
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

fn kernel_kfuncs(btf: &Btf) -> Result<BTreeMap<String, Proto>, String> {
    let mut out = BTreeMap::new();
    for id in btf.kfuncs() {
        let name = btf.name(id).map_err(|e| format!("kfunc [{id}]: {e}"))?;
        let (ret, params) = btf.func_proto(id).map_err(|e| format!("{name}: {e}"))?;
        let ret = from_btf(btf, ret).map_err(|e| format!("{name}: return: {e}"))?;
        let params = params
            .iter()
            .map(|p| {
                let pname = btf.string(p.name_off).map_err(|e| format!("{name}: {e}"))?;
                let ty = from_btf(btf, p.ty).map_err(|e| format!("{name}({pname}): {e}"))?;
                Ok((pname.to_string(), ty))
            })
            .collect::<Result<_, String>>()?;
        out.insert(name.to_string(), Proto { ret, params });
    }
    Ok(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The BTF the corpus verdicts were recorded with.
    fn recorded() -> Btf {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/vmlinux.btf");
        Btf::from_file(path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn the_catalog_describes_the_recorded_btf() {
        let reg = Registry::collect().expect("registry");
        let drift = check(&reg, &recorded()).expect("comparable BTF");
        assert!(drift.is_clean(), "drift:\n{drift}");
        assert_eq!(drift.kernel_kfuncs, 203, "{drift}");
        assert_eq!(drift.declared_kfuncs, 203, "{drift}");
        assert_eq!(drift.known.len(), KNOWN_GAPS.len(), "{drift}");
    }

    #[test]
    fn a_retyped_parameter_and_a_missing_kfunc_are_drift() {
        let reg = Registry::collect().expect("registry");
        let mut kernel = kernel_kfuncs(&recorded()).expect("comparable BTF");
        // As 6.18 builds before 6.18.44 declared it.
        kernel
            .get_mut("bpf_cpumask_populate")
            .expect("kfunc")
            .params[0]
            .1 = Ty::Ptr {
            to: Box::new(Ty::Record {
                name: "cpumask".into(),
                union: false,
            }),
            is_const: false,
            arena: false,
        };
        kernel.remove("bpf_cpumask_weight");
        let declared = declared(&reg);
        let drift = classify(kernel.len(), declared.len(), compare(&declared, &kernel));
        assert!(!drift.is_clean());
        let found: Vec<String> = drift
            .unexpected
            .iter()
            .map(|(k, m)| format!("{k} {m}"))
            .collect();
        assert_eq!(
            found,
            [
                "bpf_cpumask_populate parameter 0 (`cpumask`): declared `struct bpf_cpumask *`, kernel `struct cpumask *`",
                "bpf_cpumask_weight is declared but is not a kfunc of this kernel",
            ]
        );
        assert!(drift.stale.is_empty());
    }

    #[test]
    fn a_known_gap_that_no_longer_shows_is_drift() {
        let drift = classify(0, 0, Vec::new());
        assert!(!drift.is_clean());
        assert_eq!(drift.stale.len(), KNOWN_GAPS.len());
    }
}
