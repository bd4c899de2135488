//! libbpf's `SEC()` conventions: which program type an ELF section name
//! means. The names are the program type declarations' (`#[sec(...)]`); a
//! leading `?` marks a program that is not loaded automatically, which is
//! still a program.

use kfreg::{AttachType, ProgType, Registry};

/// What a section name says about the programs in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecDef {
    /// Program type.
    pub prog_type: ProgType,
    /// Sleepable (`.s` variants, `syscall`).
    pub sleepable: bool,
    /// A BPF iterator (`iter/`, `iter.s/`).
    pub iter: bool,
    /// Loaded automatically (no leading `?`).
    pub autoload: bool,
    /// The expected attach type libbpf loads it with.
    pub attach: Option<AttachType>,
}

/// The program type and flags of ELF section `name`, or `None` when no
/// declared program type claims it (libbpf would not know its type).
pub fn classify(reg: &Registry, name: &str) -> Option<SecDef> {
    let (autoload, bare) = match name.strip_prefix('?') {
        Some(rest) => (false, rest),
        None => (true, name),
    };
    reg.prog_types().classify(bare).map(|(decl, sec)| SecDef {
        prog_type: decl.id,
        sleepable: sec.sleepable,
        iter: sec.iter,
        autoload,
        attach: sec.attach,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    kfreg::link!(kfreg_catalog);

    fn ty(name: &str) -> Option<(ProgType, bool, bool, bool)> {
        classify(Registry::global(), name).map(|d| (d.prog_type, d.sleepable, d.iter, d.autoload))
    }

    #[test]
    fn libbpf_conventions() {
        assert_eq!(ty("tc"), Some((ProgType::SchedCls, false, false, true)));
        assert_eq!(
            ty("tc/ingress"),
            Some((ProgType::SchedCls, false, false, true))
        );
        assert_eq!(
            ty("tcx/egress"),
            Some((ProgType::SchedCls, false, false, true))
        );
        assert_eq!(
            ty("classifier"),
            Some((ProgType::SchedCls, false, false, true))
        );
        assert_eq!(ty("xdp"), Some((ProgType::Xdp, false, false, true)));
        assert_eq!(ty("xdp.frags"), Some((ProgType::Xdp, false, false, true)));
        assert_eq!(ty("syscall"), Some((ProgType::Syscall, true, false, true)));
        assert_eq!(
            ty("tp_btf/task_newtask"),
            Some((ProgType::Tracing, false, false, true))
        );
        assert_eq!(
            ty("fentry/do_unlinkat"),
            Some((ProgType::Tracing, false, false, true))
        );
        assert_eq!(
            ty("fentry.s/do_unlinkat"),
            Some((ProgType::Tracing, true, false, true))
        );
        assert_eq!(
            ty("iter/task"),
            Some((ProgType::Tracing, false, true, true))
        );
        assert_eq!(
            ty("iter.s/task"),
            Some((ProgType::Tracing, true, true, true))
        );
        assert_eq!(
            ty("raw_tp/sys_enter"),
            Some((ProgType::RawTracepoint, false, false, true))
        );
        assert_eq!(
            ty("raw_tracepoint/sys_enter"),
            Some((ProgType::RawTracepoint, false, false, true))
        );
        assert_eq!(
            ty("tp/syscalls/sys_enter_openat"),
            Some((ProgType::Tracepoint, false, false, true))
        );
        assert_eq!(
            ty("tracepoint/sched/sched_switch"),
            Some((ProgType::Tracepoint, false, false, true))
        );
        assert_eq!(
            ty("kprobe/do_unlinkat"),
            Some((ProgType::Kprobe, false, false, true))
        );
        assert_eq!(
            ty("uprobe.s//bin/sh:main"),
            Some((ProgType::Kprobe, true, false, true))
        );
        assert_eq!(
            ty("socket"),
            Some((ProgType::SocketFilter, false, false, true))
        );
        assert_eq!(
            ty("lsm/file_open"),
            Some((ProgType::Lsm, false, false, true))
        );
        assert_eq!(
            ty("lsm.s/file_open"),
            Some((ProgType::Lsm, true, false, true))
        );
        assert_eq!(
            ty("struct_ops/init"),
            Some((ProgType::StructOps, false, false, true))
        );
        assert_eq!(
            ty("cgroup_skb/ingress"),
            Some((ProgType::CgroupSkb, false, false, true))
        );
        assert_eq!(
            ty("perf_event"),
            Some((ProgType::PerfEvent, false, false, true))
        );
        assert_eq!(ty("?tc"), Some((ProgType::SchedCls, false, false, false)));
        assert_eq!(
            ty("?fentry.s/x"),
            Some((ProgType::Tracing, true, false, false))
        );
    }

    #[test]
    fn unknown_sections() {
        assert_eq!(ty("tcx"), None);
        assert_eq!(ty("tc/whatever"), None);
        assert_eq!(ty("kprobefoo"), None);
        assert_eq!(ty("xdp_foo"), None);
        assert_eq!(ty(".text"), None);
        assert_eq!(ty("my_section"), None);
    }
}
