//! Kernel struct types, named by the registry's declarations and numbered
//! for the registers that point to them.

use crate::btf::{Btf, Kind, Member, TypeData};
use std::sync::Mutex;

static NAMES: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

/// The id of kernel struct `name` (ids start at 1).
pub fn id(name: &'static str) -> u32 {
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    match names.iter().position(|n| *n == name) {
        Some(i) => i as u32 + 1,
        None => {
            names.push(name);
            names.len() as u32
        }
    }
}

/// The name of kernel struct `id`.
pub fn name(id: u32) -> &'static str {
    let names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    id.checked_sub(1)
        .and_then(|i| names.get(i as usize).copied())
        .unwrap_or("?")
}

/// The id of kernel struct `name`, for names not known at compile time.
pub fn id_of(name: &str) -> u32 {
    let known = {
        let names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
        names.iter().position(|n| *n == name)
    };
    match known {
        Some(i) => i as u32 + 1,
        // Each new name is leaked once; the set of kernel struct names is small.
        None => id(Box::leak(name.to_string().into_boxed_str())),
    }
}

/// What a load of `size` bytes at some offset of a kernel struct reads,
/// following the struct's layout in the kernel's BTF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Walk {
    /// A number (or bytes of a member that is not a pointer).
    Scalar,
    /// A pointer member to kernel struct `target` (interned), named `field`.
    Ptr {
        /// The struct pointed to.
        target: u32,
        /// The member's name, for the kernel's trusted-field lists.
        field: String,
        /// The member carries the `__rcu` type tag.
        rcu_tag: bool,
        /// The walk crossed a union of several members or an element of a
        /// trailing flexible array, after which the kernel's walk trusts no
        /// pointer (PTR_UNTRUSTED in btf_struct_walk's flag).
        untrusted_path: bool,
    },
    /// A pointer member to something that is not a struct.
    Untrusted,
}

/// The BTF id of kernel struct (or union) `id` in `btf`.
pub fn btf_id(btf: &Btf, id: u32) -> Option<u32> {
    let n = name(id);
    btf.find(n, Kind::Struct)
        .or_else(|| btf.find(n, Kind::Union))
}

/// The struct or union behind `id`, with its name, size and members.
fn aggregate(btf: &Btf, id: u32) -> Option<(&str, u32, &[Member], bool)> {
    let id = btf.resolve(id).ok()?;
    let t = btf.type_by_id(id).ok()?;
    let name = btf.name(id).unwrap_or("");
    match &t.data {
        TypeData::Struct { size, members } => Some((name, *size, members, false)),
        TypeData::Union { size, members } => Some((name, *size, members, true)),
        _ => None,
    }
}

/// The size of kernel struct `id` (interned name).
pub fn size(btf: &Btf, id: u32) -> Option<u32> {
    aggregate(btf, btf_id(btf, id)?).map(|(_, size, _, _)| size)
}

/// Where member `path` (dotted through nested members, `a.b.c`) lies in
/// kernel struct `id` (interned name): its byte offset and size.
pub fn member_span(btf: &Btf, id: u32, path: &str) -> Option<(u32, u32)> {
    let mut ty = btf_id(btf, id)?;
    let mut off = 0u32;
    let mut len = 0u32;
    for part in path.split('.') {
        let (_, _, members, _) = aggregate(btf, ty)?;
        let m = members
            .iter()
            .find(|m| btf.string(m.name_off).ok() == Some(part))?;
        off += m.bit_offset / 8;
        len = u32::try_from(btf.size_of(m.ty).ok()??).ok()?;
        ty = m.ty;
    }
    Some((off, len))
}

/// One step of the kernel's struct walk: the member of struct `ty` that
/// `[off, off + size)` falls in.
enum Step {
    Done(Walk),
    /// A nested struct: continue in it at the given offset.
    Into(u32, i64),
}

/// Reads `size` bytes at `off` of kernel struct `id` (interned name) the
/// way the kernel's BTF struct walk does, with its messages.
pub fn walk(btf: &Btf, id: u32, off: i64, size: u32) -> Result<Walk, String> {
    let Some(mut ty) = btf_id(btf, id) else {
        return Ok(Walk::Scalar);
    };
    let mut off = off;
    let mut untrusted_path = false;
    // Each step descends one level; kernel structs nest far less than this.
    for _ in 0..64 {
        match step(btf, ty, off, size, &mut untrusted_path)? {
            Step::Done(w) => return Ok(w),
            Step::Into(t, o) => (ty, off) = (t, o),
        }
    }
    Ok(Walk::Scalar)
}

fn step(
    btf: &Btf,
    ty: u32,
    off: i64,
    size: u32,
    untrusted_path: &mut bool,
) -> Result<Step, String> {
    let Some((tname, tsize, members, union)) = aggregate(btf, ty) else {
        return Err(format!(
            "Type '{}' is not a struct",
            shown(btf.name(ty).unwrap_or(""))
        ));
    };
    let tname = shown(tname);
    if union && members.len() != 1 {
        // Walking unions yields untrusted pointers, except single-member ones.
        *untrusted_path = true;
    }
    let end = off + size as i64;
    if end > tsize as i64 {
        return beyond_struct(btf, tname, members, off, size, untrusted_path);
    }
    for m in members {
        let moff = (m.bit_offset / 8) as i64;
        if end <= moff {
            break;
        }
        if m.bitfield_size != 0 {
            let end_bit = m.bit_offset as i64 + m.bitfield_size as i64;
            if off <= moff && (end_bit + 7) / 8 <= end {
                return Ok(Step::Done(Walk::Scalar));
            }
            continue;
        }
        if off < moff {
            break;
        }
        let mname = shown(btf.string(m.name_off).unwrap_or(""));
        let (mtype, elem, total) =
            resolve_member(btf, m.ty).ok_or_else(|| format!("field {mname} doesn't have size"))?;
        let msize = btf.size_of(m.ty).ok().flatten().unwrap_or(0) as i64;
        let true_end = moff + msize;
        if off >= true_end {
            continue;
        }
        let (mut moff, mut mtype, mut msize) = (moff, mtype, msize);
        if let Some(elem) = elem {
            if moff == true_end {
                continue;
            }
            msize /= total.max(1) as i64;
            moff += (off - moff) / msize.max(1) * msize;
            mtype = elem;
        }
        let data = &btf.type_by_id(mtype).map_err(|e| e.to_string())?.data;
        match data {
            TypeData::Struct { .. } | TypeData::Union { .. } => {
                return Ok(Step::Into(mtype, off - moff));
            }
            TypeData::Ptr { ty: pointee } => {
                if msize != size as i64 || off != moff {
                    return Err(format!(
                        "cannot access ptr member {mname} with moff {moff} in struct {tname} with off {off} size {size}"
                    ));
                }
                let rcu_tag = matches!(
                    btf.type_by_id(*pointee).map(|t| (&t.data, t.name_off)),
                    Ok((TypeData::TypeTag { .. }, n)) if btf.string(n) == Ok("rcu")
                );
                let target = btf.resolve(*pointee).unwrap_or(0);
                return Ok(Step::Done(match aggregate(btf, target) {
                    Some((n, ..)) => Walk::Ptr {
                        target: id_of(n),
                        field: mname.to_string(),
                        rcu_tag,
                        untrusted_path: *untrusted_path,
                    },
                    None => Walk::Untrusted,
                }));
            }
            _ => {
                if end > true_end && !*untrusted_path {
                    return Err(format!(
                        "access beyond the end of member {mname} (mend:{true_end}) in struct {tname} with off {off} size {size}"
                    ));
                }
                return Ok(Step::Done(Walk::Scalar));
            }
        }
    }
    Err(format!("struct {tname} doesn't have field at offset {off}"))
}

/// A name as the kernel's struct walk prints it (`__btf_name_by_offset`):
/// an anonymous struct or member is `(anon)`.
fn shown(name: &str) -> &str {
    if name.is_empty() { "(anon)" } else { name }
}

/// An access past a struct's size is fine only inside a trailing flexible
/// array of integers or structs.
fn beyond_struct(
    btf: &Btf,
    tname: &str,
    members: &[Member],
    off: i64,
    size: u32,
    untrusted_path: &mut bool,
) -> Result<Step, String> {
    let error = || {
        Err(format!(
            "access beyond struct {tname} at off {off} size {size}"
        ))
    };
    let Some(last) = members.last() else {
        return error();
    };
    let Ok(arr) = btf.resolve(last.ty) else {
        return error();
    };
    let Ok(TypeData::Array {
        elem, nelems: 0, ..
    }) = btf.type_by_id(arr).map(|t| &t.data)
    else {
        return error();
    };
    let moff = (last.bit_offset / 8) as i64;
    if off < moff {
        return error();
    }
    let elem = btf.resolve(*elem).unwrap_or(0);
    match btf.type_by_id(elem).map(|t| &t.data) {
        Ok(TypeData::Int { .. }) => Ok(Step::Done(Walk::Scalar)),
        // The running 6.18 kernel reads an element's integers as an
        // untrusted walk does, past a member's end (into the padding), and
        // hands out its pointers untrusted.
        Ok(TypeData::Struct { size: esize, .. }) if *esize > 0 => {
            *untrusted_path = true;
            Ok(Step::Into(elem, (off - moff) % *esize as i64))
        }
        _ => error(),
    }
}

/// A member's type with modifiers removed and, for arrays (flattened like
/// the kernel does), the element type and the total element count.
fn resolve_member(btf: &Btf, ty: u32) -> Option<(u32, Option<u32>, u64)> {
    let t = btf.resolve(ty).ok()?;
    let mut cur = t;
    let mut total: u64 = 1;
    let mut is_array = false;
    for _ in 0..32 {
        match btf.type_by_id(cur).ok()?.data {
            TypeData::Array { elem, nelems, .. } => {
                is_array = true;
                total = total.saturating_mul(nelems as u64);
                cur = btf.resolve(elem).ok()?;
            }
            TypeData::Fwd { .. } | TypeData::Void | TypeData::Func { .. } => return None,
            _ => return Some((t, is_array.then_some(cur), total)),
        }
    }
    None
}

/// Whether a pointer to kernel struct `have` at offset `off` may be passed
/// where a pointer to `want` is expected: the same type, or `want` nested
/// at that offset (a struct's first member stands for the struct). If not,
/// the line the kernel's walk logs on the way (`btf_struct_ids_match`;
/// empty when it logs none).
pub fn ids_match(btf: &Btf, have: u32, off: i64, want: &str) -> Result<(), String> {
    if off == 0 && name(have) == want {
        return Ok(());
    }
    let Some(mut ty) = btf_id(btf, have) else {
        return Err(String::new());
    };
    let mut off = off;
    let mut untrusted_path = false;
    for _ in 0..64 {
        match step(btf, ty, off, 1, &mut untrusted_path) {
            // A nested struct at the offset is compared; one the offset
            // lies inside is walked on (btf_struct_walk goes on without
            // returning), to a struct starting there, a number or a
            // pointer member it refuses to read one byte of.
            Ok(Step::Into(t, 0)) => {
                if btf.name(t) == Ok(want) {
                    return Ok(());
                }
                (ty, off) = (t, 0);
            }
            Ok(Step::Into(t, inside)) => (ty, off) = (t, inside),
            Ok(_) => return Err(String::new()),
            Err(logged) => return Err(logged),
        }
    }
    Err(String::new())
}

/// Whether the kernel lists member `field` of struct `base`, pointing to
/// struct `target`, in its `<base><suffix>` BTF type (the kernel's own
/// record of fields it trusts, e.g. `task_struct__safe_rcu`).
pub fn listed_field(btf: &Btf, base: u32, field: &str, target: u32, suffix: &str) -> bool {
    let Some(list) = btf.find(&format!("{}{suffix}", name(base)), Kind::Struct) else {
        return false;
    };
    let Some((_, _, members, _)) = aggregate(btf, list) else {
        return false;
    };
    members.iter().any(|m| {
        btf.string(m.name_off) == Ok(field)
            && btf
                .resolve(m.ty)
                .ok()
                .and_then(|p| match btf.type_by_id(p).ok()?.data {
                    TypeData::Ptr { ty } => btf.resolve(ty).ok(),
                    _ => None,
                })
                .and_then(|s| btf.name(s).ok())
                == Some(name(target))
    })
}

/// Whether kernel struct `name` holds only scalars (integers, enums, arrays
/// of them, nested structs of them up to the kernel's depth of 3) and its
/// size: what a kfunc may read as plain memory. `None` when the kernel's
/// BTF has no such struct.
pub fn scalar_struct(btf: &Btf, name: &str) -> Option<(crate::btf::Scalars, u32)> {
    let id = btf.find(name, Kind::Struct)?;
    let (_, size, ..) = aggregate(btf, id)?;
    Some((btf.scalars(id), size))
}

/// The type id of the kernel context program type `prog` runs with, as the
/// kernel reads it: the type of its `<BPF_PROG_TYPE_X>_kern` member of
/// `struct bpf_ctx_convert` (`get_kern_ctx_btf_id`).
pub fn kern_ctx_type(btf: &Btf, prog: kfreg::ProgType) -> Option<u32> {
    let conv = btf.find("bpf_ctx_convert", Kind::Struct)?;
    let TypeData::Struct { members, .. } = &btf.type_by_id(conv).ok()?.data else {
        return None;
    };
    let want = format!("{}_kern", prog.kernel_name());
    members
        .iter()
        .find(|m| btf.string(m.name_off).is_ok_and(|n| n == want))
        .map(|m| m.ty)
}
