//! LSM hook descriptors (what `#[lsm_hook]` produces): the BPF LSM hooks
//! whose rules differ from the default.
//!
//! A program in `SEC("lsm/NAME")`, `SEC("lsm.s/NAME")` or
//! `SEC("lsm_cgroup/NAME")` attaches to the kernel's `bpf_lsm_NAME`. By
//! default a hook may not run sleepable programs, passes trusted arguments,
//! accepts programs, and wants 0 or a negative errno back when it returns
//! an `int`. The kernel lists the exceptions in `kernel/bpf/bpf_lsm.c`
//! (`sleepable_lsm_hooks`, `untrusted_lsm_hooks`, `bpf_lsm_disabled_hooks`,
//! `bool_lsm_hooks`, the two sockopt hook sets); a declaration here says
//! the same of one hook.

use crate::decl::Location;
use crate::named::{ByName, Named};

/// A declared LSM hook.
#[derive(Debug)]
pub struct LsmHook {
    /// The hook's name, as in `SEC("lsm/NAME")`.
    pub name: &'static str,
    /// The first line of its documentation.
    pub doc: &'static str,
    /// Sleepable programs may attach (`lsm.s/NAME`).
    pub sleepable: bool,
    /// Its arguments are not trusted: the object may be half built or
    /// being freed.
    pub untrusted: bool,
    /// No program may attach.
    pub disabled: bool,
    /// Its cgroup programs may set and get socket options: the socket is
    /// locked, or still being made (`bpf_lsm_locked_sockopt_hooks`,
    /// `bpf_lsm_unlocked_sockopt_hooks`; see `HelperFlags::SOCKOPT_HOOK`).
    pub sockopt: bool,
    /// The range its programs must return in, when not the program type's.
    pub ret: Option<(i64, i64)>,
    /// Where it is declared.
    pub location: Location,
}

impl Named for LsmHook {
    const KIND: &'static str = "LSM hook";

    fn name(&self) -> &'static str {
        self.name
    }

    fn location(&self) -> Location {
        self.location
    }
}

/// Collected at link time: `#[lsm_hook]` puts one in a link section.
pub struct LsmHookEntry(pub &'static LsmHook);

/// The collected LSM hooks, by name.
pub type LsmHooks = ByName<LsmHook>;
