//! Tables of declarations known by their kernel name (iterator targets,
//! tracepoints): each name declared once, looked up by name.

use crate::decl::Location;
use std::collections::BTreeMap;
use std::fmt;

/// A declaration a [`ByName`] table holds.
pub trait Named: 'static {
    /// What the declaration is, in messages ("iterator target").
    const KIND: &'static str;
    /// Its kernel name.
    fn name(&self) -> &'static str;
    /// Where it is declared.
    fn location(&self) -> Location;
}

/// Two declarations of one name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    /// What was declared twice ("iterator target").
    pub kind: &'static str,
    /// The name.
    pub name: &'static str,
    /// One declaration.
    pub first: Location,
    /// The other.
    pub second: Location,
}

impl fmt::Display for Duplicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} `{}` is declared at {} and at {}",
            self.kind, self.name, self.first, self.second
        )
    }
}

/// Collected declarations of one kind, by name.
#[derive(Debug)]
pub struct ByName<T: 'static> {
    by_name: BTreeMap<&'static str, &'static T>,
}

impl<T> Default for ByName<T> {
    fn default() -> Self {
        ByName {
            by_name: BTreeMap::new(),
        }
    }
}

impl<T: Named> ByName<T> {
    /// Builds the table; every duplicate is reported (the same declaration
    /// collected twice is not one).
    pub fn build(decls: impl IntoIterator<Item = &'static T>) -> Result<ByName<T>, Vec<Duplicate>> {
        let mut by_name: BTreeMap<&'static str, &'static T> = BTreeMap::new();
        let mut conflicts = Vec::new();
        for d in decls {
            match by_name.get(d.name()) {
                Some(prev) if !std::ptr::eq(*prev, d) => conflicts.push(Duplicate {
                    kind: T::KIND,
                    name: d.name(),
                    first: prev.location(),
                    second: d.location(),
                }),
                Some(_) => {}
                None => {
                    by_name.insert(d.name(), d);
                }
            }
        }
        if conflicts.is_empty() {
            Ok(ByName { by_name })
        } else {
            Err(conflicts)
        }
    }

    /// The declaration called `name`.
    pub fn get(&self, name: &str) -> Option<&'static T> {
        self.by_name.get(name).copied()
    }

    /// Every declaration, by name.
    pub fn iter(&self) -> impl Iterator<Item = &'static T> + '_ {
        self.by_name.values().copied()
    }
}
