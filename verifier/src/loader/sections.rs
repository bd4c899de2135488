//! libbpf's `SEC()` conventions: which program type an ELF section name means.
//!
//! A definition ending in `+` matches the name itself or the name followed by
//! `/anything` (`kprobe` and `kprobe/do_unlinkat`); one ending in `/` matches
//! any name with that prefix; any other matches exactly. A leading `?` marks
//! a program that is not loaded automatically; it is still a program.

use kfreg::{AttachType, ProgType};

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

const SLEEP: u8 = 1;
const ITER: u8 = 2;

use ProgType::*;

/// libbpf's table (`section_defs[]`), in its matching order.
const DEFS: &[(&str, ProgType, u8, Option<AttachType>)] = &[
    ("socket", SocketFilter, 0, None),
    (
        "sk_reuseport/migrate",
        SkReuseport,
        0,
        Some(AttachType::SkReuseportSelectOrMigrate),
    ),
    (
        "sk_reuseport",
        SkReuseport,
        0,
        Some(AttachType::SkReuseportSelect),
    ),
    ("kprobe+", Kprobe, 0, None),
    ("uprobe+", Kprobe, 0, None),
    ("uprobe.s+", Kprobe, SLEEP, None),
    ("kretprobe+", Kprobe, 0, None),
    ("uretprobe+", Kprobe, 0, None),
    ("uretprobe.s+", Kprobe, SLEEP, None),
    ("kprobe.multi+", Kprobe, 0, None),
    ("kretprobe.multi+", Kprobe, 0, None),
    ("kprobe.session+", Kprobe, 0, None),
    ("uprobe.multi+", Kprobe, 0, None),
    ("uretprobe.multi+", Kprobe, 0, None),
    ("uprobe.session+", Kprobe, 0, None),
    ("uprobe.multi.s+", Kprobe, SLEEP, None),
    ("uretprobe.multi.s+", Kprobe, SLEEP, None),
    ("uprobe.session.s+", Kprobe, SLEEP, None),
    ("ksyscall+", Kprobe, 0, None),
    ("kretsyscall+", Kprobe, 0, None),
    ("usdt+", Kprobe, 0, None),
    ("usdt.s+", Kprobe, SLEEP, None),
    ("tc/ingress", SchedCls, 0, None),
    ("tc/egress", SchedCls, 0, None),
    ("tcx/ingress", SchedCls, 0, Some(AttachType::TcxIngress)),
    ("tcx/egress", SchedCls, 0, Some(AttachType::TcxEgress)),
    ("tc", SchedCls, 0, None),
    ("classifier", SchedCls, 0, None),
    ("action", SchedAct, 0, None),
    (
        "netkit/primary",
        SchedCls,
        0,
        Some(AttachType::NetkitPrimary),
    ),
    ("netkit/peer", SchedCls, 0, Some(AttachType::NetkitPeer)),
    ("tracepoint+", Tracepoint, 0, None),
    ("tp+", Tracepoint, 0, None),
    ("raw_tracepoint+", RawTracepoint, 0, None),
    ("raw_tp+", RawTracepoint, 0, None),
    ("raw_tracepoint.w+", RawTracepointWritable, 0, None),
    ("raw_tp.w+", RawTracepointWritable, 0, None),
    ("tp_btf+", Tracing, 0, None),
    ("fentry+", Tracing, 0, None),
    ("fmod_ret+", Tracing, 0, None),
    ("fexit+", Tracing, 0, None),
    ("fentry.s+", Tracing, SLEEP, None),
    ("fmod_ret.s+", Tracing, SLEEP, None),
    ("fexit.s+", Tracing, SLEEP, None),
    ("freplace+", Ext, 0, None),
    ("lsm+", Lsm, 0, None),
    ("lsm.s+", Lsm, SLEEP, None),
    ("lsm_cgroup+", Lsm, 0, None),
    ("iter+", Tracing, ITER, None),
    ("iter.s+", Tracing, ITER | SLEEP, None),
    ("syscall", Syscall, SLEEP, None),
    ("xdp.frags/devmap", Xdp, 0, Some(AttachType::XdpDevmap)),
    ("xdp/devmap", Xdp, 0, Some(AttachType::XdpDevmap)),
    ("xdp.frags/cpumap", Xdp, 0, Some(AttachType::XdpCpumap)),
    ("xdp/cpumap", Xdp, 0, Some(AttachType::XdpCpumap)),
    ("xdp.frags", Xdp, 0, Some(AttachType::Xdp)),
    ("xdp", Xdp, 0, Some(AttachType::Xdp)),
    ("perf_event", PerfEvent, 0, None),
    ("lwt_in", LwtIn, 0, None),
    ("lwt_out", LwtOut, 0, None),
    ("lwt_xmit", LwtXmit, 0, None),
    ("lwt_seg6local", LwtSeg6local, 0, None),
    ("sockops", SockOps, 0, Some(AttachType::CgroupSockOps)),
    (
        "sk_skb/stream_parser",
        SkSkb,
        0,
        Some(AttachType::SkSkbStreamParser),
    ),
    (
        "sk_skb/stream_verdict",
        SkSkb,
        0,
        Some(AttachType::SkSkbStreamVerdict),
    ),
    ("sk_skb/verdict", SkSkb, 0, Some(AttachType::SkSkbVerdict)),
    ("sk_skb", SkSkb, 0, None),
    ("sk_msg", SkMsg, 0, Some(AttachType::SkMsgVerdict)),
    ("lirc_mode2", LircMode2, 0, Some(AttachType::LircMode2)),
    (
        "flow_dissector",
        FlowDissector,
        0,
        Some(AttachType::FlowDissector),
    ),
    (
        "cgroup_skb/ingress",
        CgroupSkb,
        0,
        Some(AttachType::CgroupInetIngress),
    ),
    (
        "cgroup_skb/egress",
        CgroupSkb,
        0,
        Some(AttachType::CgroupInetEgress),
    ),
    ("cgroup/skb", CgroupSkb, 0, None),
    (
        "cgroup/sock_create",
        CgroupSock,
        0,
        Some(AttachType::CgroupInetSockCreate),
    ),
    (
        "cgroup/sock_release",
        CgroupSock,
        0,
        Some(AttachType::CgroupInetSockRelease),
    ),
    (
        "cgroup/sock",
        CgroupSock,
        0,
        Some(AttachType::CgroupInetSockCreate),
    ),
    (
        "cgroup/post_bind4",
        CgroupSock,
        0,
        Some(AttachType::CgroupInet4PostBind),
    ),
    (
        "cgroup/post_bind6",
        CgroupSock,
        0,
        Some(AttachType::CgroupInet6PostBind),
    ),
    (
        "cgroup/bind4",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupInet4Bind),
    ),
    (
        "cgroup/bind6",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupInet6Bind),
    ),
    (
        "cgroup/connect4",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupInet4Connect),
    ),
    (
        "cgroup/connect6",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupInet6Connect),
    ),
    (
        "cgroup/connect_unix",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupUnixConnect),
    ),
    (
        "cgroup/sendmsg4",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupUdp4Sendmsg),
    ),
    (
        "cgroup/sendmsg6",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupUdp6Sendmsg),
    ),
    (
        "cgroup/sendmsg_unix",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupUnixSendmsg),
    ),
    (
        "cgroup/recvmsg4",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupUdp4Recvmsg),
    ),
    (
        "cgroup/recvmsg6",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupUdp6Recvmsg),
    ),
    (
        "cgroup/recvmsg_unix",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupUnixRecvmsg),
    ),
    (
        "cgroup/getpeername4",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupInet4Getpeername),
    ),
    (
        "cgroup/getpeername6",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupInet6Getpeername),
    ),
    (
        "cgroup/getpeername_unix",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupUnixGetpeername),
    ),
    (
        "cgroup/getsockname4",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupInet4Getsockname),
    ),
    (
        "cgroup/getsockname6",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupInet6Getsockname),
    ),
    (
        "cgroup/getsockname_unix",
        CgroupSockAddr,
        0,
        Some(AttachType::CgroupUnixGetsockname),
    ),
    (
        "cgroup/sysctl",
        CgroupSysctl,
        0,
        Some(AttachType::CgroupSysctl),
    ),
    (
        "cgroup/getsockopt",
        CgroupSockopt,
        0,
        Some(AttachType::CgroupGetsockopt),
    ),
    (
        "cgroup/setsockopt",
        CgroupSockopt,
        0,
        Some(AttachType::CgroupSetsockopt),
    ),
    (
        "cgroup/dev",
        CgroupDevice,
        0,
        Some(AttachType::CgroupDevice),
    ),
    ("struct_ops+", StructOps, 0, None),
    ("struct_ops.s+", StructOps, SLEEP, None),
    ("sk_lookup", SkLookup, 0, Some(AttachType::SkLookup)),
    ("netfilter", Netfilter, 0, Some(AttachType::Netfilter)),
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
        .find(|(def, _, _, _)| matches(def, bare))
        .map(|&(_, prog_type, flags, attach)| SecDef {
            prog_type,
            sleepable: flags & SLEEP != 0,
            iter: flags & ITER != 0,
            autoload,
            attach,
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
