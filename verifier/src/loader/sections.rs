//! libbpf's `SEC()` conventions: which program type an ELF section name means.
//!
//! A definition ending in `+` matches the name itself or the name followed by
//! `/anything` (`kprobe` and `kprobe/do_unlinkat`); one ending in `/` matches
//! any name with that prefix; any other matches exactly. A leading `?` marks
//! a program that is not loaded automatically; it is still a program.

use kfreg::ProgType;

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
}

const SLEEP: u8 = 1;
const ITER: u8 = 2;

use ProgType::*;

/// libbpf's table (`section_defs[]`), in its matching order.
const DEFS: &[(&str, ProgType, u8)] = &[
    ("socket", SocketFilter, 0),
    ("sk_reuseport/migrate", SkReuseport, 0),
    ("sk_reuseport", SkReuseport, 0),
    ("kprobe+", Kprobe, 0),
    ("uprobe+", Kprobe, 0),
    ("uprobe.s+", Kprobe, SLEEP),
    ("kretprobe+", Kprobe, 0),
    ("uretprobe+", Kprobe, 0),
    ("uretprobe.s+", Kprobe, SLEEP),
    ("kprobe.multi+", Kprobe, 0),
    ("kretprobe.multi+", Kprobe, 0),
    ("kprobe.session+", Kprobe, 0),
    ("uprobe.multi+", Kprobe, 0),
    ("uretprobe.multi+", Kprobe, 0),
    ("uprobe.session+", Kprobe, 0),
    ("uprobe.multi.s+", Kprobe, SLEEP),
    ("uretprobe.multi.s+", Kprobe, SLEEP),
    ("uprobe.session.s+", Kprobe, SLEEP),
    ("ksyscall+", Kprobe, 0),
    ("kretsyscall+", Kprobe, 0),
    ("usdt+", Kprobe, 0),
    ("usdt.s+", Kprobe, SLEEP),
    ("tc/ingress", SchedCls, 0),
    ("tc/egress", SchedCls, 0),
    ("tcx/ingress", SchedCls, 0),
    ("tcx/egress", SchedCls, 0),
    ("tc", SchedCls, 0),
    ("classifier", SchedCls, 0),
    ("action", SchedAct, 0),
    ("netkit/primary", SchedCls, 0),
    ("netkit/peer", SchedCls, 0),
    ("tracepoint+", Tracepoint, 0),
    ("tp+", Tracepoint, 0),
    ("raw_tracepoint+", RawTracepoint, 0),
    ("raw_tp+", RawTracepoint, 0),
    ("raw_tracepoint.w+", RawTracepointWritable, 0),
    ("raw_tp.w+", RawTracepointWritable, 0),
    ("tp_btf+", Tracing, 0),
    ("fentry+", Tracing, 0),
    ("fmod_ret+", Tracing, 0),
    ("fexit+", Tracing, 0),
    ("fentry.s+", Tracing, SLEEP),
    ("fmod_ret.s+", Tracing, SLEEP),
    ("fexit.s+", Tracing, SLEEP),
    ("freplace+", Ext, 0),
    ("lsm+", Lsm, 0),
    ("lsm.s+", Lsm, SLEEP),
    ("lsm_cgroup+", Lsm, 0),
    ("iter+", Tracing, ITER),
    ("iter.s+", Tracing, ITER | SLEEP),
    ("syscall", Syscall, SLEEP),
    ("xdp.frags/devmap", Xdp, 0),
    ("xdp/devmap", Xdp, 0),
    ("xdp.frags/cpumap", Xdp, 0),
    ("xdp/cpumap", Xdp, 0),
    ("xdp.frags", Xdp, 0),
    ("xdp", Xdp, 0),
    ("perf_event", PerfEvent, 0),
    ("lwt_in", LwtIn, 0),
    ("lwt_out", LwtOut, 0),
    ("lwt_xmit", LwtXmit, 0),
    ("lwt_seg6local", LwtSeg6local, 0),
    ("sockops", SockOps, 0),
    ("sk_skb/stream_parser", SkSkb, 0),
    ("sk_skb/stream_verdict", SkSkb, 0),
    ("sk_skb/verdict", SkSkb, 0),
    ("sk_skb", SkSkb, 0),
    ("sk_msg", SkMsg, 0),
    ("lirc_mode2", LircMode2, 0),
    ("flow_dissector", FlowDissector, 0),
    ("cgroup_skb/ingress", CgroupSkb, 0),
    ("cgroup_skb/egress", CgroupSkb, 0),
    ("cgroup/skb", CgroupSkb, 0),
    ("cgroup/sock_create", CgroupSock, 0),
    ("cgroup/sock_release", CgroupSock, 0),
    ("cgroup/sock", CgroupSock, 0),
    ("cgroup/post_bind4", CgroupSock, 0),
    ("cgroup/post_bind6", CgroupSock, 0),
    ("cgroup/bind4", CgroupSockAddr, 0),
    ("cgroup/bind6", CgroupSockAddr, 0),
    ("cgroup/connect4", CgroupSockAddr, 0),
    ("cgroup/connect6", CgroupSockAddr, 0),
    ("cgroup/connect_unix", CgroupSockAddr, 0),
    ("cgroup/sendmsg4", CgroupSockAddr, 0),
    ("cgroup/sendmsg6", CgroupSockAddr, 0),
    ("cgroup/sendmsg_unix", CgroupSockAddr, 0),
    ("cgroup/recvmsg4", CgroupSockAddr, 0),
    ("cgroup/recvmsg6", CgroupSockAddr, 0),
    ("cgroup/recvmsg_unix", CgroupSockAddr, 0),
    ("cgroup/getpeername4", CgroupSockAddr, 0),
    ("cgroup/getpeername6", CgroupSockAddr, 0),
    ("cgroup/getpeername_unix", CgroupSockAddr, 0),
    ("cgroup/getsockname4", CgroupSockAddr, 0),
    ("cgroup/getsockname6", CgroupSockAddr, 0),
    ("cgroup/getsockname_unix", CgroupSockAddr, 0),
    ("cgroup/sysctl", CgroupSysctl, 0),
    ("cgroup/getsockopt", CgroupSockopt, 0),
    ("cgroup/setsockopt", CgroupSockopt, 0),
    ("cgroup/dev", CgroupDevice, 0),
    ("struct_ops+", StructOps, 0),
    ("struct_ops.s+", StructOps, SLEEP),
    ("sk_lookup", SkLookup, 0),
    ("netfilter", Netfilter, 0),
];

fn matches(def: &str, name: &str) -> bool {
    if let Some(prefix) = def.strip_suffix('+') {
        return match name.strip_prefix(prefix) {
            Some(rest) => rest.is_empty() || rest.starts_with('/'),
            None => false,
        };
    }
    if def.ends_with('/') {
        return name.starts_with(def);
    }
    def == name
}

/// The program type and flags of ELF section `name`, or `None` when libbpf
/// would not know its program type.
pub fn classify(name: &str) -> Option<SecDef> {
    let (autoload, bare) = match name.strip_prefix('?') {
        Some(rest) => (false, rest),
        None => (true, name),
    };
    DEFS.iter()
        .find(|(def, _, _)| matches(def, bare))
        .map(|&(_, prog_type, flags)| SecDef {
            prog_type,
            sleepable: flags & SLEEP != 0,
            iter: flags & ITER != 0,
            autoload,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(name: &str) -> Option<(ProgType, bool, bool, bool)> {
        classify(name).map(|d| (d.prog_type, d.sleepable, d.iter, d.autoload))
    }

    #[test]
    fn libbpf_conventions() {
        assert_eq!(ty("tc"), Some((SchedCls, false, false, true)));
        assert_eq!(ty("tc/ingress"), Some((SchedCls, false, false, true)));
        assert_eq!(ty("tcx/egress"), Some((SchedCls, false, false, true)));
        assert_eq!(ty("classifier"), Some((SchedCls, false, false, true)));
        assert_eq!(ty("xdp"), Some((Xdp, false, false, true)));
        assert_eq!(ty("xdp.frags"), Some((Xdp, false, false, true)));
        assert_eq!(ty("syscall"), Some((Syscall, true, false, true)));
        assert_eq!(
            ty("tp_btf/task_newtask"),
            Some((Tracing, false, false, true))
        );
        assert_eq!(
            ty("fentry/do_unlinkat"),
            Some((Tracing, false, false, true))
        );
        assert_eq!(
            ty("fentry.s/do_unlinkat"),
            Some((Tracing, true, false, true))
        );
        assert_eq!(ty("iter/task"), Some((Tracing, false, true, true)));
        assert_eq!(ty("iter.s/task"), Some((Tracing, true, true, true)));
        assert_eq!(
            ty("raw_tp/sys_enter"),
            Some((RawTracepoint, false, false, true))
        );
        assert_eq!(
            ty("raw_tracepoint/sys_enter"),
            Some((RawTracepoint, false, false, true))
        );
        assert_eq!(
            ty("tp/syscalls/sys_enter_openat"),
            Some((Tracepoint, false, false, true))
        );
        assert_eq!(
            ty("tracepoint/sched/sched_switch"),
            Some((Tracepoint, false, false, true))
        );
        assert_eq!(ty("kprobe/do_unlinkat"), Some((Kprobe, false, false, true)));
        assert_eq!(
            ty("uprobe.s//bin/sh:main"),
            Some((Kprobe, true, false, true))
        );
        assert_eq!(ty("socket"), Some((SocketFilter, false, false, true)));
        assert_eq!(ty("lsm/file_open"), Some((Lsm, false, false, true)));
        assert_eq!(ty("lsm.s/file_open"), Some((Lsm, true, false, true)));
        assert_eq!(ty("struct_ops/init"), Some((StructOps, false, false, true)));
        assert_eq!(
            ty("cgroup_skb/ingress"),
            Some((CgroupSkb, false, false, true))
        );
        assert_eq!(ty("perf_event"), Some((PerfEvent, false, false, true)));
        assert_eq!(ty("?tc"), Some((SchedCls, false, false, false)));
        assert_eq!(ty("?fentry.s/x"), Some((Tracing, true, false, false)));
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
