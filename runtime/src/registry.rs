//! The frozen registry: every collected kfunc, family and helper, with dense
//! ids and constant-time queries.
//!
//! Ids are assigned by sorting names, so the same set of kfuncs gets the same
//! ids in every build whatever the link order. Per-kfunc facts the verifier
//! asks on every call (flags, family, argument kinds, availability) are
//! precomputed into dense vectors indexed by id.

use crate::decl::{FamilyDesc, FamilyEntry, Kfunc, KfuncEntry, Location};
use crate::helper::{Helper, HelperConflict, HelperEntry, Helpers};
use crate::prog_type::{ProgTypeConflict, ProgTypeDecl, ProgTypeEntry, ProgTypeTable};
use kfreg_vocab::{ArgKind, Flags, KindSet, ProgType, ProgTypes};
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// A kfunc's dense id in a [`Registry`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KfuncId(pub u32);

/// A family's dense id in a [`Registry`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FamilyId(pub u16);

/// The collected kfuncs and families, frozen.
#[derive(Debug)]
pub struct Registry {
    kfuncs: Vec<&'static Kfunc>,
    by_name: HashMap<&'static str, KfuncId>,
    flags: Vec<Flags>,
    kinds: Vec<KindSet>,
    avail: Vec<ProgTypes>,
    family_of: Vec<Option<FamilyId>>,
    families: Vec<&'static FamilyDesc>,
    family_by_name: HashMap<&'static str, FamilyId>,
    members: Vec<Vec<KfuncId>>,
    helpers: Helpers,
    prog_types: ProgTypeTable,
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

/// Declarations sorted by name (then definition site, so ids never depend on
/// link order), each declaration once; `duplicate` hears of every name
/// defined twice.
fn sorted<T>(
    items: impl IntoIterator<Item = &'static T>,
    key: impl Fn(&T) -> (&'static str, Location),
    mut duplicate: impl FnMut(&'static str, Location, Location),
) -> Vec<&'static T> {
    let mut items: Vec<&'static T> = items.into_iter().collect();
    items.sort_by(|a, b| {
        let ((na, la), (nb, lb)) = (key(a), key(b));
        (na, la.file, la.line).cmp(&(nb, lb.file, lb.line))
    });
    items.dedup_by(|b, a| std::ptr::eq(*a, *b));
    for pair in items.windows(2) {
        let ((n0, l0), (n1, l1)) = (key(pair[0]), key(pair[1]));
        if n0 == n1 {
            duplicate(n0, l0, l1);
        }
    }
    items
}

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
        Registry::build(
            inventory::iter::<KfuncEntry>.into_iter().map(|e| e.0),
            inventory::iter::<FamilyEntry>.into_iter().map(|e| e.0),
        )?
        .with_helpers(inventory::iter::<HelperEntry>.into_iter().map(|e| e.0))?
        .with_prog_types(inventory::iter::<ProgTypeEntry>.into_iter().map(|e| e.0))
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
        let mut helpers = self.helpers;
        let mut avail = self.avail;
        let mut unknown = Vec::new();
        for d in prog_types.iter() {
            for name in d.kfuncs {
                match self.by_name.get(name) {
                    Some(id) => avail[id.0 as usize] = avail[id.0 as usize].with(d.id),
                    None => unknown.push(Conflict::ProgType(ProgTypeConflict::UnknownKfunc {
                        prog: d.name,
                        kfunc: name,
                        at: d.location,
                    })),
                }
            }
            for name in d.helpers {
                if !helpers.grant(name, d.id) {
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
        Ok(Registry {
            helpers,
            prog_types,
            avail,
            ..self
        })
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

        let families = sorted(
            families,
            |f| (f.name, f.location),
            |name, first, second| {
                conflicts.push(Conflict::DuplicateFamily {
                    name,
                    first,
                    second,
                })
            },
        );
        let kfuncs = sorted(
            kfuncs,
            |k| (k.name, k.location),
            |name, first, second| {
                conflicts.push(Conflict::DuplicateKfunc {
                    name,
                    first,
                    second,
                })
            },
        );
        if kfuncs.len() > u32::MAX as usize || families.len() > u16::MAX as usize {
            conflicts.push(Conflict::TooMany);
        }

        let family_by_name: HashMap<&'static str, FamilyId> = families
            .iter()
            .enumerate()
            .map(|(i, f)| (f.name, FamilyId(i as u16)))
            .collect();
        let mut members = vec![Vec::new(); families.len()];
        let mut family_of = Vec::with_capacity(kfuncs.len());
        for (i, k) in kfuncs.iter().enumerate() {
            let fam = k.family.and_then(|want| {
                let id = family_by_name.get(want.name).copied();
                match id {
                    Some(id) if std::ptr::eq(families[id.0 as usize], want) => Some(id),
                    _ => {
                        conflicts.push(Conflict::UnknownFamily {
                            kfunc: k.name,
                            kfunc_at: k.location,
                            family: want.name,
                            family_at: want.location,
                        });
                        None
                    }
                }
            });
            if let Some(id) = fam {
                members[id.0 as usize].push(KfuncId(i as u32));
            }
            family_of.push(fam);
        }

        if !conflicts.is_empty() {
            return Err(RegistryError { conflicts });
        }
        let by_name = kfuncs
            .iter()
            .enumerate()
            .map(|(i, k)| (k.name, KfuncId(i as u32)))
            .collect();
        Ok(Registry {
            flags: kfuncs.iter().map(|k| k.effective_flags()).collect(),
            kinds: kfuncs.iter().map(|k| k.kinds()).collect(),
            avail: kfuncs.iter().map(|k| k.availability()).collect(),
            kfuncs,
            by_name,
            family_of,
            families,
            family_by_name,
            members,
            helpers: Helpers::default(),
            prog_types: ProgTypeTable::default(),
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

    /// The id of the kfunc named `name`.
    pub fn id(&self, name: &str) -> Option<KfuncId> {
        self.by_name.get(name).copied()
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
        self.family_of[id.0 as usize]
    }

    /// Whether the kfunc belongs to family `family`.
    pub fn in_family(&self, id: KfuncId, family: FamilyId) -> bool {
        self.family_of(id) == Some(family)
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
