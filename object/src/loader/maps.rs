//! Maps an object defines: BTF-defined maps in `.maps` and global data
//! sections (`.data`, `.rodata`, `.bss` and their `.NAME` variants), each a
//! single-entry array whose value is the whole section.

use super::LoadError;
use crate::btf::{Btf, Kind, TypeData};
use crate::elf::{ElfObject, SHT_NOBITS, SHT_PROGBITS, STT_SECTION};
use crate::program::{MapDef, MapType};
use std::collections::HashMap;

/// `BPF_F_RDONLY_PROG`.
const BPF_F_RDONLY_PROG: u32 = 1 << 7;
/// `BPF_F_WRONLY_PROG`.
const BPF_F_WRONLY_PROG: u32 = 1 << 8;
/// `BPF_F_INNER_MAP`.
const BPF_F_INNER_MAP: u32 = 1 << 12;
/// `BTF_VAR_GLOBAL_ALLOCATED`: a VAR's linkage as a non-static definition.
const BTF_VAR_GLOBAL_ALLOCATED: u32 = 1;

/// A global data map typed by a DATASEC: its variables as `(VAR id, offset)`.
#[derive(Debug)]
pub(crate) struct DataSec {
    /// Index of the map.
    pub map: usize,
    /// The DATASEC's type id.
    pub id: u32,
    /// Its variables and their offsets.
    pub vars: Vec<(u32, u32)>,
    /// Whether libbpf makes the map mmapable (`map_is_mmapable`): a
    /// variable is neither static nor hidden (`btf_fixup_datasec` makes a
    /// hidden one static).
    pub mmapable: bool,
}

/// The maps of an object and how relocations find them.
#[derive(Debug, Default)]
pub(crate) struct Maps {
    /// Every map; its index is the fd an `LD_IMM64` names.
    pub defs: Vec<MapDef>,
    /// The `.maps` section, if any.
    pub maps_sec: Option<usize>,
    /// BTF-defined maps by their byte offset in `.maps`.
    pub by_offset: HashMap<u64, usize>,
    /// Global data maps by ELF section index.
    pub by_section: HashMap<usize, usize>,
    /// Global data maps with a DATASEC.
    pub datasecs: Vec<DataSec>,
    /// The first error libbpf meets before loading programs (an extern it
    /// cannot resolve, a map the kernel would refuse to create): it then
    /// fails the load of every program of the object with this error.
    pub create_error: Option<LoadError>,
    /// What libbpf gives the kernel with each BTF-defined map.
    pub btf_given: HashMap<usize, crate::loader::map_btf::MapBtf>,
}

/// Whether a section holds global data, and whether it is read-only.
pub(crate) fn data_section_kind(name: &str) -> Option<bool> {
    let is =
        |base: &str| name == base || name.strip_prefix(base).is_some_and(|r| r.starts_with('.'));
    if is(".data") || is(".bss") {
        Some(false)
    } else if is(".rodata") {
        Some(true)
    } else {
        None
    }
}

/// The variables of DATASEC `sec_name` with their offsets fixed up from the
/// symbol table (clang leaves them 0 in objects; libbpf fixes them up the
/// same way): `(DATASEC id, [(VAR id, offset)])`.
pub(crate) fn datasec_vars(
    elf: &ElfObject<'_>,
    btf: &Btf,
    sec: usize,
) -> Option<(u32, Vec<(u32, u32)>)> {
    let name = &elf.sections.get(sec)?.name;
    let id = btf.find(name, Kind::Datasec)?;
    let TypeData::Datasec { vars, .. } = &btf.type_by_id(id).ok()?.data else {
        return None;
    };
    let out = vars
        .iter()
        .map(|v| {
            let var_name = btf.name(v.ty).unwrap_or("");
            let off = elf
                .symbols_in(sec)
                .find(|s| s.kind != STT_SECTION && !var_name.is_empty() && s.name == var_name)
                .and_then(|s| u32::try_from(s.value).ok())
                .unwrap_or(v.offset);
            (v.ty, off)
        })
        .collect();
    Some((id, out))
}

/// libbpf's words for a map the kernel failed to create with `errno`.
pub(super) fn create_failed(errno: u32) -> String {
    let text = match errno {
        7 => "Argument list too long".to_string(),
        22 => "Invalid argument".to_string(),
        524 => "unknown error (-524)".to_string(),
        n => format!("Unknown error {n}"),
    };
    format!("failed to create: {text}(-{errno})")
}

fn map_err(map: &str, msg: impl Into<String>) -> LoadError {
    LoadError::Map {
        map: map.to_string(),
        msg: msg.into(),
    }
}

/// `__uint(name, N)`: a pointer to an array of N elements.
fn map_int(btf: &Btf, map: &str, field: &str, ty: u32) -> Result<u32, LoadError> {
    let bad = || {
        map_err(
            map,
            format!("attr '{field}': expected PTR to ARRAY (__uint)"),
        )
    };
    let ptr = btf.resolve(ty).map_err(|_| bad())?;
    let TypeData::Ptr { ty: arr } = btf.type_by_id(ptr).map_err(|_| bad())?.data else {
        return Err(bad());
    };
    match btf.type_by_id(arr).map_err(|_| bad())?.data {
        TypeData::Array { nelems, .. } => Ok(nelems),
        _ => Err(bad()),
    }
}

/// `__ulong(name, N)`: an enum whose one value is N, or `__uint`'s form
/// (libbpf's `get_map_field_long`).
fn map_long(btf: &Btf, map: &str, field: &str, ty: u32) -> Result<u64, LoadError> {
    let resolved = btf.resolve(ty).ok().and_then(|id| btf.type_by_id(id).ok());
    match resolved.map(|t| (t.kind(), &t.data)) {
        Some((_, TypeData::Ptr { .. })) => map_int(btf, map, field, ty).map(u64::from),
        Some((_, TypeData::Enum { values, .. } | TypeData::Enum64 { values, .. })) => {
            match values.as_slice() {
                [one] => Ok(one.val),
                _ => Err(map_err(map, format!("attr '{field}': invalid __ulong"))),
            }
        }
        other => Err(map_err(
            map,
            format!(
                "attr '{field}': expected ENUM or ENUM64, got {}.",
                other.map_or("UNKNOWN", |(kind, _)| kind.name())
            ),
        )),
    }
}

/// `__type(name, T)`: a pointer to T. Returns T's resolved id and size.
fn map_type(btf: &Btf, map: &str, field: &str, ty: u32) -> Result<(u32, u32), LoadError> {
    let bad = |why: &str| map_err(map, format!("attr '{field}': {why}"));
    let ptr = btf.resolve(ty).map_err(|e| bad(&e.to_string()))?;
    let TypeData::Ptr { ty: pointee } = btf.type_by_id(ptr).map_err(|e| bad(&e.to_string()))?.data
    else {
        return Err(bad("expected PTR (__type)"));
    };
    let size = btf
        .size_of(pointee)
        .map_err(|e| bad(&e.to_string()))?
        .ok_or_else(|| bad("type has no size"))?;
    let size = u32::try_from(size).map_err(|_| bad("type is too large"))?;
    let id = btf.resolve(pointee).map_err(|e| bad(&e.to_string()))?;
    Ok((id, size))
}

/// The errno the kernel refuses to create `def` with, as libbpf asks for
/// it: a perf event array of no size gets the CPU count first
/// (`map_set_def_max_entries`), and no BTF for its key and value when the
/// kernel refused the object's (`btf_loaded` false). Types the vocabulary
/// does not judge by sizes are refused only a size of 0 they need.
fn creation_errno(def: &MapDef, attrs: Attrs, btf_loaded: bool) -> Option<u32> {
    let kind = kfreg::MapKind::from_u32(def.map_type.number());
    if !btf_loaded && kind.is_some_and(kfreg::MapKind::needs_btf) {
        return Some(22);
    }
    let entries = match kind {
        Some(kfreg::MapKind::PerfEventArray) if def.max_entries == 0 => 1,
        _ => def.max_entries,
    };
    let judged = kind.and_then(|k| {
        k.creation_errno(
            def.key_size,
            def.value_size,
            entries,
            attrs.flags,
            attrs.extra,
        )
    });
    let sized = kind.is_some_and(kfreg::MapKind::sized_without_max_entries);
    judged.or((def.max_entries == 0 && !sized).then_some(22))
}

/// Parses one BTF-defined map (libbpf's `parse_btf_map_def`), and for a map
/// of maps the definition of its inner maps (`__array(values, ...)`).
fn parse_btf_map(
    btf: &Btf,
    name: &str,
    var_ty: u32,
    outer: bool,
) -> Result<(MapDef, Option<Inner>, Attrs), LoadError> {
    let def = btf
        .resolve(var_ty)
        .map_err(|e| map_err(name, e.to_string()))?;
    let TypeData::Struct { members, .. } = &btf
        .type_by_id(def)
        .map_err(|e| map_err(name, e.to_string()))?
        .data
    else {
        return Err(map_err(name, "map definition is not a struct"));
    };
    let mut map_type_num = 0;
    let (mut key_size, mut value_size, mut max_entries, mut flags) = (None, None, 0, 0);
    let mut extra = 0;
    let mut value_type = None;
    let mut key_type = None;
    let mut inner = None;
    for (i, m) in members.iter().enumerate() {
        let field = btf
            .string(m.name_off)
            .map_err(|e| map_err(name, e.to_string()))?;
        match field {
            "type" => map_type_num = map_int(btf, name, field, m.ty)?,
            "max_entries" => max_entries = map_int(btf, name, field, m.ty)?,
            "map_flags" => flags = map_int(btf, name, field, m.ty)?,
            "numa_node" => {
                map_int(btf, name, field, m.ty)?;
            }
            // LIBBPF_PIN_NONE or LIBBPF_PIN_BY_NAME, and never an inner map.
            "pinning" => {
                if !outer {
                    return Err(map_err(name, "inner def can't be pinned"));
                }
                let pin = map_int(btf, name, field, m.ty)?;
                if pin > 1 {
                    return Err(map_err(name, format!("invalid pinning value {pin}")));
                }
            }
            "map_extra" => extra = map_long(btf, name, field, m.ty)?,
            "key_size" | "value_size" => {
                let sz = map_int(btf, name, field, m.ty)?;
                let slot = if field == "key_size" {
                    &mut key_size
                } else {
                    &mut value_size
                };
                set_size(name, slot, sz, field)?;
            }
            "key" | "value" => {
                let (id, sz) = map_type(btf, name, field, m.ty)?;
                let slot = if field == "key" {
                    &mut key_size
                } else {
                    &mut value_size
                };
                set_size(name, slot, sz, &format!("{field} size"))?;
                if field == "value" {
                    value_type = Some(id);
                } else {
                    key_type = Some(id);
                }
            }
            // Initial contents of map-in-map and prog-array maps; a map of
            // maps describes its inner maps here.
            "values" => {
                if !outer {
                    return Err(map_err(name, "multi-level inner maps not supported"));
                }
                if i != members.len() - 1 {
                    return Err(map_err(name, "'values' member should be last"));
                }
                let kind = kfreg::MapKind::from_u32(map_type_num);
                if !kind.is_some_and(|k| k.holds_maps() || k == kfreg::MapKind::ProgArray) {
                    return Err(map_err(name, "should be map-in-map or prog-array"));
                }
                set_size(name, &mut value_size, 4, "value size")?;
                let pointee = inner_map_def(btf, name, m.ty)?;
                if kind.is_some_and(kfreg::MapKind::holds_maps) {
                    let (def, _, attrs) =
                        parse_btf_map(btf, &format!("{name}.inner"), pointee, false)?;
                    inner = Some((def, attrs));
                } else if btf
                    .resolve(pointee)
                    .and_then(|t| btf.type_by_id(t))
                    .map(|t| t.kind())
                    .ok()
                    != Some(Kind::FuncProto)
                {
                    // A program array's values are programs.
                    return Err(map_err(name, "prog-array value def is of unexpected kind"));
                }
            }
            other => return Err(map_err(name, format!("unknown field '{other}'"))),
        }
    }
    let def = MapDef {
        name: name.to_string(),
        map_type: MapType::from_u32(map_type_num),
        key_size: key_size.unwrap_or(0),
        value_size: value_size.unwrap_or(0),
        max_entries,
        value_type,
        rdonly: flags & BPF_F_RDONLY_PROG != 0
            || kfreg::MapKind::from_u32(map_type_num)
                .is_some_and(kfreg::MapKind::forces_rdonly_prog),
        wronly: flags & BPF_F_WRONLY_PROG != 0,
        inner_map_flag: flags & BPF_F_INNER_MAP != 0,
        global_data: false,
        init: None,
        inner: None,
    };
    Ok((
        def,
        inner,
        Attrs {
            flags,
            extra,
            key: key_type,
        },
    ))
}

/// A map of maps' inner map definition, with its creation attributes.
type Inner = (MapDef, Attrs);

/// The creation attributes of a map that its definition does not keep.
#[derive(Clone, Copy)]
struct Attrs {
    /// `map_flags`.
    flags: u32,
    /// `map_extra`.
    extra: u64,
    /// The key's type (`__type(key, T)`), resolved.
    key: Option<u32>,
}

/// Records a key or value size, which every field giving it must agree on.
fn set_size(name: &str, slot: &mut Option<u32>, sz: u32, what: &str) -> Result<(), LoadError> {
    if let Some(s) = slot.filter(|s| *s != sz) {
        return Err(map_err(name, format!("conflicting {what} {s} != {sz}")));
    }
    *slot = Some(sz);
    Ok(())
}

/// The inner map definition of `values`, an array of pointers to it.
fn inner_map_def(btf: &Btf, name: &str, values: u32) -> Result<u32, LoadError> {
    let bad = |why: &str| map_err(name, format!("map-in-map inner {why}"));
    let arr = btf.resolve(values).map_err(|e| bad(&e.to_string()))?;
    let TypeData::Array { elem, .. } = btf.type_by_id(arr).map_err(|e| bad(&e.to_string()))?.data
    else {
        return Err(bad("spec is not an array"));
    };
    let ptr = btf.resolve(elem).map_err(|e| bad(&e.to_string()))?;
    let TypeData::Ptr { ty } = btf.type_by_id(ptr).map_err(|e| bad(&e.to_string()))?.data else {
        return Err(bad("spec is not an array of pointers"));
    };
    Ok(ty)
}

/// The initial values `.maps` relocations give maps (`.values = { &m }`):
/// (offset of the map holding the slot, offset of the map put there).
fn initial_slots(
    elf: &ElfObject<'_>,
    sec: &crate::elf::Section<'_>,
    vars: &[(u32, u32)],
) -> Vec<(u32, u32)> {
    sec.relocs
        .iter()
        .filter_map(|r| {
            let holder = vars
                .iter()
                .map(|&(_, off)| off)
                .filter(|&off| u64::from(off) <= r.offset)
                .max()?;
            let target = u32::try_from(elf.symbols.get(r.sym)?.value).ok()?;
            Some((holder, target))
        })
        .collect()
}

/// Collects the maps of `elf`: `.maps` first (in DATASEC order), then
/// global data sections in section order.
pub(crate) fn collect(
    elf: &ElfObject<'_>,
    btf: Option<&Btf>,
    btf_loaded: bool,
) -> Result<Maps, LoadError> {
    let mut maps = Maps::default();
    let mut inner = Vec::new();
    if let Some(sec) = elf.sections.iter().find(|s| s.name == ".maps") {
        let btf = btf.ok_or_else(|| {
            map_err(
                ".maps",
                "BTF-defined maps need a .BTF section (build with -g)",
            )
        })?;
        maps.maps_sec = Some(sec.index);
        let (_, vars) = datasec_vars(elf, btf, sec.index)
            .ok_or_else(|| map_err(".maps", "no DATASEC '.maps' in BTF"))?;
        let slots = initial_slots(elf, sec, &vars);
        let var_at: HashMap<u32, u32> = vars.iter().map(|&(v, off)| (off, v)).collect();
        for (var, off) in vars {
            let name = btf
                .name(var)
                .map_err(|e| map_err(".maps", e.to_string()))?
                .to_string();
            let TypeData::Var { ty, linkage } = btf
                .type_by_id(var)
                .map_err(|e| map_err(&name, e.to_string()))?
                .data
            else {
                return Err(map_err(&name, "DATASEC '.maps' entry is not a VAR"));
            };
            // A static (or hidden) map is no map to libbpf.
            if linkage != BTF_VAR_GLOBAL_ALLOCATED {
                return Err(map_err(&name, "unsupported map linkage static"));
            }
            let (mut def, inner_def, attrs) = parse_btf_map(btf, &name, ty, true)?;
            let holds_maps = |d: &MapDef| {
                kfreg::MapKind::from_u32(d.map_type.number())
                    .is_some_and(kfreg::MapKind::holds_maps)
            };
            // libbpf creates an inner map's template before its outer map,
            // and gives a template that is itself a map of maps no inner
            // map of its own.
            let inner_errno = inner_def.as_ref().and_then(|(d, a)| {
                creation_errno(d, *a, btf_loaded).or(holds_maps(d).then_some(22))
            });
            // The kernel then makes the outer map from the template, if
            // the template's type may be held in a map.
            let template_errno = inner_def.as_ref().and_then(|(d, _)| {
                kfreg::MapKind::from_u32(d.map_type.number()).and_then(kfreg::MapKind::inner_errno)
            });
            if let Some((d, _)) = inner_def {
                def.inner = Some(inner.len() as u32);
                inner.push(d);
            }
            if maps.create_error.is_none()
                && let Some(errno) = inner_errno
            {
                maps.create_error = Some(map_err(
                    &name,
                    format!("failed to create inner map: -{errno}"),
                ));
            }
            // User space often sizes maps before loading (xdp-bench's
            // per-CPU counters, bcc's stack trace maps); loaded as they
            // are, the kernel refuses to create them and libbpf fails the
            // whole object.
            // A map of maps is made from its inner map's template: with
            // none declared, the kernel gets no inner map.
            let no_inner = def.inner.is_none() && holds_maps(&def);
            if maps.create_error.is_none()
                && let Some(errno) = creation_errno(&def, attrs, btf_loaded)
                    .or(no_inner.then_some(22))
                    .or(template_errno)
            {
                maps.create_error = Some(map_err(&name, create_failed(errno)));
            }
            // A map of maps has its slots filled as soon as it is created,
            // in `.maps` order: a map defined after it has no map yet.
            let later = slots
                .iter()
                .find(|(at, to)| *at == off && *to > off)
                .map(|(_, to)| {
                    var_at
                        .get(to)
                        .and_then(|v| btf.name(*v).ok())
                        .unwrap_or("?")
                });
            if maps.create_error.is_none()
                && holds_maps(&def)
                && let Some(to) = later
            {
                maps.create_error = Some(map_err(
                    &name,
                    format!("failed to initialize slot to map '{to}': -22"),
                ));
            }
            maps.by_offset.insert(u64::from(off), maps.defs.len());
            maps.btf_given.insert(
                maps.defs.len(),
                crate::loader::map_btf::MapBtf {
                    key: attrs.key,
                    flags: attrs.flags,
                },
            );
            maps.defs.push(def);
        }
    }
    if elf.section("maps").is_some() {
        return Err(map_err(
            "maps",
            "legacy map definitions (SEC(\"maps\")) are not supported; use BTF-defined maps in SEC(\".maps\")",
        ));
    }
    for sec in &elf.sections {
        if !matches!(sec.sh_type, SHT_PROGBITS | SHT_NOBITS) || sec.is_exec() || sec.size == 0 {
            continue;
        }
        let Some(rdonly) = data_section_kind(&sec.name) else {
            continue;
        };
        let size = u32::try_from(sec.size)
            .map_err(|_| map_err(&sec.name, "section is too large for a map value"))?;
        let datasec = btf.and_then(|b| datasec_vars(elf, b, sec.index));
        let idx = maps.defs.len();
        maps.by_section.insert(sec.index, idx);
        maps.defs.push(MapDef {
            name: sec.name.clone(),
            map_type: MapType::Array,
            key_size: 4,
            value_size: size,
            max_entries: 1,
            value_type: datasec.as_ref().map(|(id, _)| *id),
            rdonly,
            wronly: false,
            inner_map_flag: false,
            global_data: true,
            init: (rdonly && sec.sh_type == SHT_PROGBITS).then(|| sec.data.to_vec()),
            inner: None,
        });
        if let (Some((id, vars)), Some(btf)) = (datasec, btf) {
            let shared = |v: u32| {
                let global = btf
                    .type_by_id(v)
                    .is_ok_and(|t| matches!(t.data, TypeData::Var { linkage, .. } if linkage != 0));
                let name = btf.name(v).unwrap_or("");
                // STV_INTERNAL, STV_HIDDEN.
                let hidden = elf.symbols.iter().any(|s| {
                    s.section == Some(sec.index) && s.name == name && matches!(s.visibility, 1 | 2)
                });
                global && !hidden
            };
            let mmapable = vars.iter().any(|&(v, _)| shared(v));
            maps.datasecs.push(DataSec {
                map: idx,
                id,
                vars,
                mmapable,
            });
        }
    }
    // Inner map definitions come after every map a program names.
    let base = maps.defs.len() as u32;
    for def in maps.defs.iter_mut() {
        if let Some(i) = def.inner.as_mut() {
            *i += base;
        }
    }
    maps.defs.extend(inner);
    Ok(maps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_section_names() {
        assert_eq!(data_section_kind(".data"), Some(false));
        assert_eq!(data_section_kind(".data.L"), Some(false));
        assert_eq!(data_section_kind(".bss"), Some(false));
        assert_eq!(data_section_kind(".bss.x"), Some(false));
        assert_eq!(data_section_kind(".rodata"), Some(true));
        assert_eq!(data_section_kind(".rodata.str1.1"), Some(true));
        assert_eq!(data_section_kind(".database"), None);
        assert_eq!(data_section_kind(".maps"), None);
        assert_eq!(data_section_kind("license"), None);
    }
}
