//! The frozen registry: every collected kfunc, family and helper, with dense
//! ids and constant-time queries.
//!
//! Ids are assigned by sorting names, so the same set of kfuncs gets the same
//! ids in every build whatever the link order. Per-kfunc facts the verifier
//! asks on every call (flags, family, argument kinds, availability) are
//! precomputed into dense vectors indexed by id.

use crate::decl::{FamilyDesc, Kfunc, Location};
use crate::helper::{Helper, HelperConflict, Helpers};
use crate::iter_target::{IterTarget, IterTargets};
use crate::lsm_hook::{LsmHook, LsmHooks};
use crate::named::Duplicate;
use crate::prog_type::{ProgTypeConflict, ProgTypeDecl, ProgTypeTable};
use crate::section;
use crate::struct_ops::{StructOpsConflict, StructOpsDecl, StructOpsTable};
use crate::tracepoint::{Tracepoint, Tracepoints};
use kfreg_vocab::{ArgKind, Flags, KindSet, ProgType, ProgTypes};
use std::collections::HashMap;
use std::fmt;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// A kfunc's dense id in a [`Registry`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KfuncId(pub u32);

/// A family's dense id in a [`Registry`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FamilyId(pub u16);

/// `Registry::family_of`'s mark for a kfunc in no family; never a family's
/// index, as a registry has fewer than `u16::MAX` families.
const NO_FAMILY: u16 = u16::MAX;

/// The collected kfuncs and families, frozen.
#[derive(Debug)]
pub struct Registry {
    kfuncs: Vec<&'static Kfunc>,
    /// Each kfunc's [`name_prefix`], in id (name) order: a name is found by
    /// halving over these, where a hash table of the names took almost half
    /// the time of building a large registry and twice these bytes.
    prefixes: Vec<u128>,
    flags: Vec<Flags>,
    kinds: Vec<KindSet>,
    avail: Vec<ProgTypes>,
    /// Each kfunc's family index, [`NO_FAMILY`] for none: one 2-byte load
    /// and one comparison answer `in_family`, where `Option<FamilyId>` took
    /// twice the bytes and two comparisons.
    family_of: Vec<u16>,
    families: Vec<&'static FamilyDesc>,
    family_by_name: HashMap<&'static str, FamilyId>,
    members: Vec<Vec<KfuncId>>,
    helpers: Helpers,
    prog_types: ProgTypeTable,
    iter_targets: IterTargets,
    tracepoints: Tracepoints,
    lsm_hooks: LsmHooks,
    struct_ops: StructOpsTable,
}

/// One problem found while building a registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// Two kfuncs share a name.
    DuplicateKfunc {
        /// The name.
        name: &'static str,
        /// One definition.
        first: Location,
        /// The other definition.
        second: Location,
    },
    /// Two families share a name.
    DuplicateFamily {
        /// The name.
        name: &'static str,
        /// One declaration.
        first: Location,
        /// The other declaration.
        second: Location,
    },
    /// A kfunc names a family that was not collected.
    UnknownFamily {
        /// The kfunc.
        kfunc: &'static str,
        /// Where the kfunc is defined.
        kfunc_at: Location,
        /// The family it names.
        family: &'static str,
        /// Where that family is declared.
        family_at: Location,
    },
    /// More kfuncs or families than ids can number.
    TooMany,
    /// Helper declarations contradict each other.
    Helper(HelperConflict),
    /// A program type declaration conflict.
    ProgType(ProgTypeConflict),
    /// Two iterator targets share a name.
    IterTarget(Duplicate),
    /// Two tracepoints share a name.
    Tracepoint(Duplicate),
    /// Two LSM hooks share a name.
    LsmHook(Duplicate),
    /// A struct_ops declaration conflict.
    StructOps(StructOpsConflict),
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Conflict::DuplicateKfunc {
                name,
                first,
                second,
            } => write!(
                f,
                "kfunc `{name}` is defined twice: at {first} and at {second}"
            ),
            Conflict::DuplicateFamily {
                name,
                first,
                second,
            } => write!(
                f,
                "family `{name}` is declared twice: at {first} and at {second}"
            ),
            Conflict::UnknownFamily {
                kfunc,
                kfunc_at,
                family,
                family_at,
            } => write!(
                f,
                "kfunc `{kfunc}` (at {kfunc_at}) names family `{family}` (at {family_at}), \
                 which is not registered: its crate is not linked in or the family was built by hand"
            ),
            Conflict::TooMany => f.write_str("too many kfuncs or families for the id space"),
            Conflict::Helper(c) => c.fmt(f),
            Conflict::ProgType(c) => c.fmt(f),
            Conflict::IterTarget(c) | Conflict::Tracepoint(c) | Conflict::LsmHook(c) => c.fmt(f),
            Conflict::StructOps(c) => c.fmt(f),
        }
    }
}

/// Why a registry could not be built: every conflict found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistryError {
    /// The conflicts, in name order.
    pub conflicts: Vec<Conflict>,
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "kfunc registry has {} conflict(s):",
            self.conflicts.len()
        )?;
        for c in &self.conflicts {
            write!(f, "\n  - {c}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RegistryError {}

/// Declarations in name order (then definition site, so ids never depend
/// on link order), each declaration once: their positions in `items` and
/// their name prefixes. `duplicate` hears of every name defined twice.
fn sort_by_name<T>(
    items: &[&'static T],
    key: impl Fn(&T) -> (&'static str, Location),
    mut duplicate: impl FnMut(&'static str, Location, Location),
) -> (Vec<u32>, Vec<u128>) {
    // Sorting dominates building a large registry, and following two
    // pointers to compare two names dominated sorting. Each item's name
    // prefix is read once, in the order the items come, as a number, so
    // most comparisons touch neither the declaration nor its name; equal
    // prefixes fall back to the full key. The address comes last so that the
    // same declaration given twice always ends up adjacent, and is removed,
    // whatever the unstable sort does.
    let full = |i: u32| {
        let item = items[i as usize];
        let (name, at) = key(item);
        (name, at.file, at.line, std::ptr::from_ref(item).addr())
    };
    let mut order: Vec<(u128, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (name_prefix(key(item).0), i as u32))
        .collect();
    // The pairs' own order first (prefix, then position: plain integer
    // comparisons), then each run of equal prefixes by the full key.
    order.sort_unstable();
    let mut start = 0;
    while start < order.len() {
        let prefix = order[start].0;
        let end = start + order[start..].iter().take_while(|p| p.0 == prefix).count();
        if end - start > 1 {
            order[start..end].sort_unstable_by(|&(_, a), &(_, b)| full(a).cmp(&full(b)));
        }
        start = end;
    }
    order.dedup_by(|b, a| std::ptr::eq(items[a.1 as usize], items[b.1 as usize]));
    for pair in order.windows(2) {
        // Different prefixes, different names: only equal ones are read.
        if pair[0].0 == pair[1].0 {
            let (n0, l0) = key(items[pair[0].1 as usize]);
            let (n1, l1) = key(items[pair[1].1 as usize]);
            if n0 == n1 {
                duplicate(n0, l0, l1);
            }
        }
    }
    let (prefixes, index) = order.into_iter().unzip();
    (index, prefixes)
}

/// The first 16 bytes of `name`, zero-padded, as a number that orders as the
/// names do wherever two prefixes differ.
fn name_prefix(name: &str) -> u128 {
    let mut bytes = [0; 16];
    let n = name.len().min(16);
    bytes[..n].copy_from_slice(&name.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// A hasher for declaration addresses (FxHash's word step with a final mix):
/// a kfunc's family is found by its descriptor's address, which needs none
/// of the default SipHash's strength, where hashing the family's name for
/// every kfunc was a large part of building a large registry.
#[derive(Default, Clone, Copy)]
struct AddrHasher(u64);

impl std::hash::Hasher for AddrHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_usize(b.into());
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the low bits, which pick the bucket, depending
        // on the low bits of the address only: mix the high bits down.
        let h = self.0;
        h ^ (h >> 29)
    }
}

/// A map from declaration addresses.
type AddrMap<V> = HashMap<usize, V, BuildHasherDefault<AddrHasher>>;

impl Registry {
    /// The registry of everything linked into this program, built on first use.
    ///
    /// # Panics
    /// When the linked declarations conflict; use [`Registry::collect`] to get
    /// the error instead.
    pub fn global() -> &'static Registry {
        static GLOBAL: OnceLock<Registry> = OnceLock::new();
        GLOBAL.get_or_init(|| Registry::collect().unwrap_or_else(|e| panic!("{e}")))
    }

    /// Builds a registry from everything linked into this program.
    pub fn collect() -> Result<Registry, RegistryError> {
        Registry::build(section::kfuncs(), section::families().iter().map(|e| e.0))?
            .with_helpers(section::helpers().iter().map(|e| e.0))?
            .with_prog_types(section::prog_types().iter().map(|e| e.0))?
            .with_iter_targets(section::iter_targets().iter().map(|e| e.0))?
            .with_tracepoints(section::tracepoints().iter().map(|e| e.0))?
            .with_lsm_hooks(section::lsm_hooks().iter().map(|e| e.0))?
            .with_struct_ops(section::struct_ops().iter().map(|e| e.0))
    }

    /// The registry with `targets` as its iterator targets.
    pub fn with_iter_targets(
        self,
        targets: impl IntoIterator<Item = &'static IterTarget>,
    ) -> Result<Registry, RegistryError> {
        match IterTargets::build(targets) {
            Ok(iter_targets) => Ok(Registry {
                iter_targets,
                ..self
            }),
            Err(conflicts) => Err(RegistryError {
                conflicts: conflicts.into_iter().map(Conflict::IterTarget).collect(),
            }),
        }
    }

    /// The registry with `decls` as its struct_ops types (after the
    /// helpers, whose names they may list).
    pub fn with_struct_ops(
        self,
        decls: impl IntoIterator<Item = &'static StructOpsDecl>,
    ) -> Result<Registry, RegistryError> {
        let helpers = &self.helpers;
        match StructOpsTable::build(decls, |name| helpers.id(name).is_some()) {
            Ok(struct_ops) => Ok(Registry { struct_ops, ..self }),
            Err(conflicts) => Err(RegistryError {
                conflicts: conflicts.into_iter().map(Conflict::StructOps).collect(),
            }),
        }
    }

    /// The iterator targets.
    pub fn iter_targets(&self) -> &IterTargets {
        &self.iter_targets
    }

    /// The registry with `decls` as its tracepoints.
    pub fn with_tracepoints(
        self,
        decls: impl IntoIterator<Item = &'static Tracepoint>,
    ) -> Result<Registry, RegistryError> {
        match Tracepoints::build(decls) {
            Ok(tracepoints) => Ok(Registry {
                tracepoints,
                ..self
            }),
            Err(conflicts) => Err(RegistryError {
                conflicts: conflicts.into_iter().map(Conflict::Tracepoint).collect(),
            }),
        }
    }

    /// The tracepoints whose arguments are declared.
    pub fn tracepoints(&self) -> &Tracepoints {
        &self.tracepoints
    }

    /// The registry with `decls` as its LSM hooks.
    pub fn with_lsm_hooks(
        self,
        decls: impl IntoIterator<Item = &'static LsmHook>,
    ) -> Result<Registry, RegistryError> {
        match LsmHooks::build(decls) {
            Ok(lsm_hooks) => Ok(Registry { lsm_hooks, ..self }),
            Err(conflicts) => Err(RegistryError {
                conflicts: conflicts.into_iter().map(Conflict::LsmHook).collect(),
            }),
        }
    }

    /// The LSM hooks whose rules are declared.
    pub fn lsm_hooks(&self) -> &LsmHooks {
        &self.lsm_hooks
    }

    /// The struct_ops types.
    pub fn struct_ops(&self) -> &StructOpsTable {
        &self.struct_ops
    }

    /// The registry with `decls` as its program types; the helpers and
    /// kfuncs a program type lists become available to it.
    pub fn with_prog_types(
        self,
        decls: impl IntoIterator<Item = &'static ProgTypeDecl>,
    ) -> Result<Registry, RegistryError> {
        let prog_types = ProgTypeTable::build(decls).map_err(|conflicts| RegistryError {
            conflicts: conflicts.into_iter().map(Conflict::ProgType).collect(),
        })?;
        let mut reg = self;
        let mut unknown = Vec::new();
        for d in prog_types.iter() {
            for name in d.kfuncs {
                match reg.id(name) {
                    Some(id) => reg.avail[id.0 as usize] = reg.avail[id.0 as usize].with(d.id),
                    None => unknown.push(Conflict::ProgType(ProgTypeConflict::UnknownKfunc {
                        prog: d.name,
                        kfunc: name,
                        at: d.location,
                    })),
                }
            }
            for name in d.helpers {
                if !reg.helpers.grant(name, d.id) {
                    unknown.push(Conflict::ProgType(ProgTypeConflict::UnknownHelper {
                        prog: d.name,
                        helper: name,
                        at: d.location,
                    }));
                }
            }
        }
        if !unknown.is_empty() {
            return Err(RegistryError { conflicts: unknown });
        }
        Ok(Registry { prog_types, ..reg })
    }

    /// The program types.
    pub fn prog_types(&self) -> &ProgTypeTable {
        &self.prog_types
    }

    /// The registry with `helpers` as its helper prototypes.
    pub fn with_helpers(
        self,
        helpers: impl IntoIterator<Item = &'static Helper>,
    ) -> Result<Registry, RegistryError> {
        match Helpers::build(helpers) {
            Ok(helpers) => Ok(Registry { helpers, ..self }),
            Err(conflicts) => Err(RegistryError {
                conflicts: conflicts.into_iter().map(Conflict::Helper).collect(),
            }),
        }
    }

    /// The helper prototypes.
    pub fn helpers(&self) -> &Helpers {
        &self.helpers
    }

    /// Builds a registry from explicit declarations.
    pub fn build(
        kfuncs: impl IntoIterator<Item = &'static Kfunc>,
        families: impl IntoIterator<Item = &'static FamilyDesc>,
    ) -> Result<Registry, RegistryError> {
        let mut conflicts = Vec::new();

        let families: Vec<&'static FamilyDesc> = families.into_iter().collect();
        let (order, _) = sort_by_name(
            &families,
            |f| (f.name, f.location),
            |name, first, second| {
                conflicts.push(Conflict::DuplicateFamily {
                    name,
                    first,
                    second,
                })
            },
        );
        let families: Vec<&'static FamilyDesc> =
            order.iter().map(|&i| families[i as usize]).collect();
        let declared: Vec<&'static Kfunc> = kfuncs.into_iter().collect();
        let (order, prefixes) = sort_by_name(
            &declared,
            |k| (k.name, k.location),
            |name, first, second| {
                conflicts.push(Conflict::DuplicateKfunc {
                    name,
                    first,
                    second,
                })
            },
        );
        if order.len() > u32::MAX as usize || families.len() >= NO_FAMILY as usize {
            conflicts.push(Conflict::TooMany);
        }

        let family_by_name: HashMap<&'static str, FamilyId> = families
            .iter()
            .enumerate()
            .map(|(i, f)| (f.name, FamilyId(i as u16)))
            .collect();
        // A kfunc's family is the registered family of its name only when it
        // is that very declaration: found by address, from the families the
        // names map to, so that no kfunc's family name is hashed.
        let family_at: AddrMap<u16> = family_by_name
            .values()
            .map(|id| (std::ptr::from_ref(families[id.0 as usize]).addr(), id.0))
            .collect();
        // What the queries need, read from each declaration once in the order
        // the declarations come, then put in id order.
        struct Facts {
            flags: Flags,
            kinds: KindSet,
            avail: ProgTypes,
            /// The family's index, [`NO_FAMILY`] for none, `None` when unregistered.
            family: Option<u16>,
        }
        let facts: Vec<Facts> = declared
            .iter()
            .map(|k| Facts {
                flags: k.effective_flags(),
                kinds: k.kinds(),
                avail: k.availability(),
                family: match k.family {
                    None => Some(NO_FAMILY),
                    Some(f) => family_at.get(&std::ptr::from_ref(f).addr()).copied(),
                },
            })
            .collect();
        let mut members = vec![Vec::new(); families.len()];
        let mut family_of = Vec::with_capacity(order.len());
        for (id, &i) in order.iter().enumerate() {
            match facts[i as usize].family {
                Some(NO_FAMILY) => {}
                Some(f) => members[f as usize].push(KfuncId(id as u32)),
                None => {
                    let k = declared[i as usize];
                    let want = k.family.expect("only a family can be unregistered");
                    conflicts.push(Conflict::UnknownFamily {
                        kfunc: k.name,
                        kfunc_at: k.location,
                        family: want.name,
                        family_at: want.location,
                    });
                }
            }
            family_of.push(facts[i as usize].family.unwrap_or(NO_FAMILY));
        }

        if !conflicts.is_empty() {
            return Err(RegistryError { conflicts });
        }
        Ok(Registry {
            flags: order.iter().map(|&i| facts[i as usize].flags).collect(),
            kinds: order.iter().map(|&i| facts[i as usize].kinds).collect(),
            avail: order.iter().map(|&i| facts[i as usize].avail).collect(),
            kfuncs: order.iter().map(|&i| declared[i as usize]).collect(),
            prefixes,
            family_of,
            families,
            family_by_name,
            members,
            helpers: Helpers::default(),
            prog_types: ProgTypeTable::default(),
            iter_targets: IterTargets::default(),
            tracepoints: Tracepoints::default(),
            lsm_hooks: LsmHooks::default(),
            struct_ops: StructOpsTable::default(),
        })
    }

    /// Number of kfuncs.
    pub fn len(&self) -> usize {
        self.kfuncs.len()
    }

    /// Whether no kfunc is registered.
    pub fn is_empty(&self) -> bool {
        self.kfuncs.is_empty()
    }

    /// The id of the kfunc named `name`, in O(log n) steps that read a name
    /// only where two names share their first 16 bytes.
    pub fn id(&self, name: &str) -> Option<KfuncId> {
        let prefix = name_prefix(name);
        let (mut lo, mut hi) = (0, self.prefixes.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let ord = self.prefixes[mid]
                .cmp(&prefix)
                // Names are read only where the prefixes tie.
                .then_with(|| self.kfuncs[mid].name.cmp(name));
            match ord {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(KfuncId(mid as u32)),
            }
        }
        None
    }

    /// The kfunc with id `id`.
    ///
    /// # Panics
    /// When `id` does not come from this registry.
    pub fn get(&self, id: KfuncId) -> &'static Kfunc {
        self.kfuncs[id.0 as usize]
    }

    /// The kfunc named `name`.
    pub fn by_name(&self, name: &str) -> Option<&'static Kfunc> {
        self.id(name).map(|id| self.get(id))
    }

    /// Every kfunc with its id, in id (name) order.
    pub fn iter(&self) -> impl Iterator<Item = (KfuncId, &'static Kfunc)> + '_ {
        self.kfuncs
            .iter()
            .enumerate()
            .map(|(i, k)| (KfuncId(i as u32), *k))
    }

    /// The kfunc's flags, including those its family gives.
    pub fn flags(&self, id: KfuncId) -> Flags {
        self.flags[id.0 as usize]
    }

    /// Whether the kfunc has every flag of `flags`.
    pub fn has(&self, id: KfuncId, flags: Flags) -> bool {
        self.flags(id).contains(flags)
    }

    /// Whether one of the kfunc's parameters has kind `kind`.
    pub fn takes(&self, id: KfuncId, kind: ArgKind) -> bool {
        self.kinds[id.0 as usize].contains(kind)
    }

    /// Whether the kfunc may be called from programs of type `prog`.
    pub fn allowed_in(&self, id: KfuncId, prog: ProgType) -> bool {
        self.avail[id.0 as usize].contains(prog)
    }

    /// The kfunc's family.
    pub fn family_of(&self, id: KfuncId) -> Option<FamilyId> {
        match self.family_of[id.0 as usize] {
            NO_FAMILY => None,
            f => Some(FamilyId(f)),
        }
    }

    /// Whether the kfunc belongs to family `family` (a family of this
    /// registry: the answer for any other `FamilyId` means nothing).
    pub fn in_family(&self, id: KfuncId, family: FamilyId) -> bool {
        self.family_of[id.0 as usize] == family.0
    }

    /// Number of families.
    pub fn family_count(&self) -> usize {
        self.families.len()
    }

    /// The id of the family named `name`.
    pub fn family_id(&self, name: &str) -> Option<FamilyId> {
        self.family_by_name.get(name).copied()
    }

    /// The family with id `id`.
    ///
    /// # Panics
    /// When `id` does not come from this registry.
    pub fn family(&self, id: FamilyId) -> &'static FamilyDesc {
        self.families[id.0 as usize]
    }

    /// Every family with its id, in name order.
    pub fn families(&self) -> impl Iterator<Item = (FamilyId, &'static FamilyDesc)> + '_ {
        self.families
            .iter()
            .enumerate()
            .map(|(i, f)| (FamilyId(i as u16), *f))
    }

    /// The members of a family, in id order.
    pub fn members(&self, family: FamilyId) -> &[KfuncId] {
        &self.members[family.0 as usize]
    }

    /// The kfunc names closest to `name`, for "did you mean" messages.
    pub fn suggest(&self, name: &str) -> Option<&'static str> {
        kfreg_vocab::did_you_mean(name, self.kfuncs.iter().map(|k| k.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CType;
    use crate::decl::Ret;

    const HERE: Location = Location {
        krate: "kfreg",
        module: "registry::tests",
        file: "runtime/src/registry.rs",
        line: 1,
    };

    static FAM: FamilyDesc = FamilyDesc {
        name: "fam",
        doc: "",
        root: None,
        node: None,
        lock_required: false,
        lock_safe: true,
        irq_class: None,
        prog_types: ProgTypes::ANY,
        location: HERE,
    };

    const fn kfunc(name: &'static str, family: Option<&'static FamilyDesc>) -> Kfunc {
        Kfunc {
            name,
            doc: "",
            family,
            flags: Flags::EMPTY,
            params: &[],
            ret_ty: CType::Void,
            ret: Ret::Void,
            callbacks: &[],
            dynptr: None,
            prog_types: None,
            attach: kfreg_vocab::AttachTypes::NONE,
            location: HERE,
        }
    }

    // Names that tie on their first 16 bytes, one shorter than 16 bytes, one
    // a prefix of another.
    static A: Kfunc = kfunc("bpf_cpumask_test_cpu", Some(&FAM));
    static B: Kfunc = kfunc("bpf_cpumask_test_and_set_cpu", Some(&FAM));
    static C: Kfunc = kfunc("bpf_cpumask_test", None);
    static D: Kfunc = kfunc("bpf_obj_drop", None);
    static E: Kfunc = kfunc("bpf_obj_drop_impl", Some(&FAM));

    #[test]
    fn ids_follow_names_whatever_their_prefixes() {
        let reg = Registry::build([&E, &A, &D, &B, &C, &A], [&FAM]).unwrap();
        let names: Vec<&str> = reg.iter().map(|(_, k)| k.name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "ids follow name order");
        assert_eq!(names.len(), 5, "the same declaration twice is one kfunc");
        for (id, k) in reg.iter() {
            assert_eq!(reg.id(k.name), Some(id));
        }
        for missing in [
            "",
            "a",
            "bpf_cpumask_tes",
            "bpf_cpumask_test_cpuX",
            "bpf_obj_drop_",
            "zz",
        ] {
            assert_eq!(reg.id(missing), None, "{missing}");
        }
    }

    #[test]
    fn family_membership_and_no_family() {
        let reg = Registry::build([&A, &C, &D], [&FAM]).unwrap();
        let fam = reg.family_id("fam").unwrap();
        let (a, c) = (reg.id(A.name).unwrap(), reg.id(C.name).unwrap());
        assert_eq!(reg.family_of(a), Some(fam));
        assert!(reg.in_family(a, fam) && !reg.in_family(c, fam));
        assert_eq!(reg.family_of(c), None);
        assert_eq!(reg.members(fam), [a]);
        assert!(reg.has(a, Flags::LOCK_SAFE), "the family's flag");
    }
}
