//! The program types of Linux 6.18, declared like any extension would
//! declare one: each with its context (see [`contexts`]), the fields only it
//! sees or writes (the kernel's per-type `*_is_valid_access`), its return
//! range (`check_return_code`), the `SEC()` names libbpf 1.5 loads it from
//! (`section_defs[]`), and the properties the kernel's verifier decides by
//! comparing program types.

pub mod contexts;
pub mod iter_targets;
pub mod lsm_hooks;
pub mod tracepoints;

use contexts::*;
use kfreg::prog_type;

/// Socket filters.
///
/// No packet pointers, no addresses, only `cb[]` written
/// (`sk_filter_is_valid_access`).
#[prog_type(
    id = 1,
    func_proto = sk_filter_func_proto,
    ctx = SkBuff,
    kern_ctx = sk_buff,
    hide = [family, remote_ip4, local_ip4, remote_ip6, local_ip6, remote_port, local_port,
            data, data_end, tstamp, hwtstamp],
    write = [cb],
    legacy_packet,
    no_map_locks,
    sockmap_update
)]
#[sec("socket")]
pub struct SocketFilter;

/// kprobes, uprobes, ksyscalls and USDTs: the probed registers. A session
/// probe's return decides whether its return probe runs (0 or 1).
#[prog_type(
    id = 2,
    func_proto = kprobe_prog_func_proto,
    ctx = PtRegs,
    kern_ctx = pt_regs,
    tracing,
    traced_func,
    may_sleep,
    unconverted_ctx,
    ctx_args = ["typedef bpf_user_pt_regs_t"],
    ret_for = [trace_kprobe_session = [0, 1], trace_uprobe_session = [0, 1]],
    flags_for = [
        trace_kprobe_multi = [private_stack],
        trace_kprobe_session = [private_stack]
    ]
)]
#[sec("kprobe+")]
#[sec("uprobe+")]
#[sec("uprobe.s+", sleepable)]
#[sec("kretprobe+")]
#[sec("uretprobe+")]
#[sec("uretprobe.s+", sleepable)]
#[sec("kprobe.multi+", attach = trace_kprobe_multi)]
#[sec("kretprobe.multi+", attach = trace_kprobe_multi)]
#[sec("kprobe.session+", attach = trace_kprobe_session)]
#[sec("uprobe.multi+", attach = trace_uprobe_multi)]
#[sec("uretprobe.multi+", attach = trace_uprobe_multi)]
#[sec("uprobe.session+", attach = trace_uprobe_session)]
#[sec("uprobe.multi.s+", sleepable, attach = trace_uprobe_multi)]
#[sec("uretprobe.multi.s+", sleepable, attach = trace_uprobe_multi)]
#[sec("uprobe.session.s+", sleepable, attach = trace_uprobe_session)]
#[sec("ksyscall+")]
#[sec("kretsyscall+")]
#[sec("usdt+")]
#[sec("usdt.s+", sleepable)]
pub struct Kprobe;

/// Declares a tc program type (`tc_cls_act_is_valid_access`: classifiers
/// and actions share their rules): packet and metadata pointers, the
/// classid, no addresses; a conntrack entry's mark may be written
/// (`tc_cls_act_btf_struct_access`, through the conntrack module's hook).
macro_rules! tc {
    ($(#[$attr:meta])* id = $id:tt, $ty:ident) => {
        #[prog_type(
            id = $id,
            func_proto = tc_cls_act_func_proto,
            ctx = SkBuff,
            kern_ctx = sk_buff,
            show = [tc_classid, data_meta, wire_len, tstamp_type],
            hide = [family, remote_ip4, local_ip4, remote_ip6, local_ip6, remote_port, local_port],
            write = [mark, tc_index, priority, tc_classid, cb, tstamp, queue_mapping],
            kernel_write = nf_conn(mark),
            packet_args = declared,
            legacy_packet,
            packet_write,
            sockmap_update
        )]
        $(#[$attr])*
        pub struct $ty;
    };
}

tc! {
    /// tc classifiers.
    #[sec("tc/ingress")]
    #[sec("tc/egress")]
    #[sec("tcx/ingress", attach = tcx_ingress)]
    #[sec("tcx/egress", attach = tcx_egress)]
    #[sec("tc")]
    #[sec("classifier")]
    #[sec("netkit/primary", attach = netkit_primary)]
    #[sec("netkit/peer", attach = netkit_peer)]
    id = 3, SchedCls
}

tc! {
    /// tc actions: the classifier's rules.
    #[sec("action")]
    id = 4, SchedAct
}

/// Tracepoints: the event's record.
#[prog_type(
    id = 5,
    func_proto = tp_prog_func_proto,
    ctx = TraceRecord,
    tracing,
    unconverted_ctx,
    ctx_args = ["*"]
)]
#[sec("tracepoint+")]
#[sec("tp+")]
pub struct Tracepoint;

/// XDP; a conntrack entry's mark may be written (`xdp_btf_struct_access`,
/// through the conntrack module's hook).
#[prog_type(
    id = 6,
    func_proto = xdp_func_proto,
    ctx = XdpMd,
    kern_ctx = xdp_buff,
    kernel_write = nf_conn(mark),
    packet_args = declared,
    packet_write,
    sockmap_update
)]
#[sec("xdp.frags/devmap", attach = xdp_devmap)]
#[sec("xdp/devmap", attach = xdp_devmap)]
#[sec("xdp.frags/cpumap", attach = xdp_cpumap)]
#[sec("xdp/cpumap", attach = xdp_cpumap)]
#[sec("xdp.frags", attach = xdp)]
#[sec("xdp", attach = xdp)]
pub struct Xdp;

/// Perf events: the sampled registers and the sample. A global function's
/// context parameter may also be the registers, as `bpf_user_pt_regs_t`
/// or the struct that is on x86-64.
#[prog_type(
    id = 7,
    func_proto = pe_prog_func_proto,
    ctx = BpfPerfEventData,
    kern_ctx = bpf_perf_event_data_kern,
    tracing,
    private_stack,
    ctx_args = ["typedef bpf_user_pt_regs_t", "struct pt_regs"]
)]
#[sec("perf_event")]
pub struct PerfEvent;

/// cgroup skb filters (`cg_skb_is_valid_access`).
#[prog_type(
    id = 8,
    func_proto = cg_skb_func_proto,
    strict_attach,
    ctx = SkBuff,
    kern_ctx = sk_buff,
    write = [mark, priority, cb, tstamp],
    packet_args = declared,
    ret = [0, 1],
    ret_for = [cgroup_inet_egress = [0, 3]]
)]
#[sec("cgroup_skb/ingress", attach = cgroup_inet_ingress)]
#[sec("cgroup_skb/egress", attach = cgroup_inet_egress)]
#[sec("cgroup/skb")]
pub struct CgroupSkb;

/// cgroup socket hooks (`sock_filter_is_valid_access`).
#[prog_type(
    id = 9,
    func_proto = sock_filter_func_proto,
    strict_attach,
    ctx = BpfSock,
    kern_ctx = sock,
    ret = [0, 1],
    default_attach = cgroup_inet_sock_create
)]
#[sec("cgroup/sock_create", attach = cgroup_inet_sock_create)]
#[sec("cgroup/sock_release", attach = cgroup_inet_sock_release)]
#[sec("cgroup/sock", attach = cgroup_inet_sock_create)]
#[sec("cgroup/post_bind4", attach = cgroup_inet4_post_bind)]
#[sec("cgroup/post_bind6", attach = cgroup_inet6_post_bind)]
pub struct CgroupSock;

/// Declares a lightweight tunnel program type (`lwt_is_valid_access`: the
/// four share their rules): packet pointers, no addresses or timestamps,
/// mark, priority and `cb[]` written.
macro_rules! lwt {
    ($(#[$attr:meta])* id = $id:tt, $ty:ident, $func_proto:ident $(, $word:ident)*) => {
        #[prog_type(
            id = $id,
            func_proto = $func_proto,
            ctx = SkBuff,
            kern_ctx = sk_buff,
            hide = [family, remote_ip4, local_ip4, remote_ip6, local_ip6, remote_port, local_port,
                    tstamp, hwtstamp],
            write = [mark, priority, cb],
            packet_args = declared
            $(, $word)*
        )]
        $(#[$attr])*
        pub struct $ty;
    };
}

lwt! {
    /// Lightweight tunnel input.
    #[sec("lwt_in")]
    id = 10, LwtIn, lwt_in_func_proto
}

lwt! {
    /// Lightweight tunnel output.
    #[sec("lwt_out")]
    id = 11, LwtOut, lwt_out_func_proto
}

lwt! {
    /// Lightweight tunnel transmit: may write the packet.
    #[sec("lwt_xmit")]
    id = 12, LwtXmit, lwt_xmit_func_proto, packet_write
}

/// TCP socket operations.
#[prog_type(
    id = 13,
    func_proto = sock_ops_func_proto,
    ctx = BpfSockOps,
    kern_ctx = bpf_sock_ops_kern,
    ret = [0, 1],
    sockmap_remove
)]
#[sec("sockops", attach = cgroup_sock_ops)]
pub struct SockOps;

/// sk_skb stream parsers and verdicts (`sk_skb_is_valid_access`).
#[prog_type(
    id = 14,
    func_proto = sk_skb_func_proto,
    ctx = SkBuff,
    kern_ctx = sk_buff,
    hide = [mark, tstamp, hwtstamp],
    write = [tc_index, priority],
    packet_args = declared,
    packet_write
)]
#[sec("sk_skb/stream_parser", attach = sk_skb_stream_parser)]
#[sec("sk_skb/stream_verdict", attach = sk_skb_stream_verdict)]
#[sec("sk_skb/verdict", attach = sk_skb_verdict)]
#[sec("sk_skb")]
pub struct SkSkb;

/// cgroup device filters.
#[prog_type(
    id = 15,
    func_proto = cgroup_dev_func_proto,
    ctx = BpfCgroupDevCtx,
    kern_ctx = bpf_cgroup_dev_ctx,
    ret = [0, 1],
    unconverted_ctx
)]
#[sec("cgroup/dev", attach = cgroup_device)]
pub struct CgroupDevice;

/// sk_msg verdicts (`sk_msg_is_valid_access`).
#[prog_type(id = 16, func_proto = sk_msg_func_proto, ctx = SkMsgMd, kern_ctx = sk_msg, packet_args = declared, packet_write)]
#[sec("sk_msg", attach = sk_msg_verdict)]
pub struct SkMsg;

/// Raw tracepoints: the event's arguments.
#[prog_type(
    id = 17,
    func_proto = raw_tp_prog_func_proto,
    ctx = RawTracepointArgs,
    tracing,
    unconverted_ctx,
    ctx_args = ["u64"]
)]
#[sec("raw_tracepoint+")]
#[sec("raw_tp+")]
pub struct RawTracepoint;

/// cgroup socket address hooks.
///
/// The address fields each hook sees, and what it may return
/// (`sock_addr_is_valid_access`).
#[prog_type(
    id = 18,
    func_proto = sock_addr_func_proto,
    strict_attach,
    ctx = BpfSockAddr,
    kern_ctx = bpf_sock_addr_kern,
    ret = [0, 1],
    ret_for = [
        cgroup_inet4_bind = [0, 3],
        cgroup_inet6_bind = [0, 3],
        cgroup_udp4_recvmsg = [1, 1],
        cgroup_udp6_recvmsg = [1, 1],
        cgroup_unix_recvmsg = [1, 1],
        cgroup_inet4_getpeername = [1, 1],
        cgroup_inet6_getpeername = [1, 1],
        cgroup_unix_getpeername = [1, 1],
        cgroup_inet4_getsockname = [1, 1],
        cgroup_inet6_getsockname = [1, 1],
        cgroup_unix_getsockname = [1, 1],
    ]
)]
#[sec("cgroup/bind4", attach = cgroup_inet4_bind)]
#[sec("cgroup/bind6", attach = cgroup_inet6_bind)]
#[sec("cgroup/connect4", attach = cgroup_inet4_connect)]
#[sec("cgroup/connect6", attach = cgroup_inet6_connect)]
#[sec("cgroup/connect_unix", attach = cgroup_unix_connect)]
#[sec("cgroup/sendmsg4", attach = cgroup_udp4_sendmsg)]
#[sec("cgroup/sendmsg6", attach = cgroup_udp6_sendmsg)]
#[sec("cgroup/sendmsg_unix", attach = cgroup_unix_sendmsg)]
#[sec("cgroup/recvmsg4", attach = cgroup_udp4_recvmsg)]
#[sec("cgroup/recvmsg6", attach = cgroup_udp6_recvmsg)]
#[sec("cgroup/recvmsg_unix", attach = cgroup_unix_recvmsg)]
#[sec("cgroup/getpeername4", attach = cgroup_inet4_getpeername)]
#[sec("cgroup/getpeername6", attach = cgroup_inet6_getpeername)]
#[sec("cgroup/getpeername_unix", attach = cgroup_unix_getpeername)]
#[sec("cgroup/getsockname4", attach = cgroup_inet4_getsockname)]
#[sec("cgroup/getsockname6", attach = cgroup_inet6_getsockname)]
#[sec("cgroup/getsockname_unix", attach = cgroup_unix_getsockname)]
pub struct CgroupSockAddr;

lwt! {
    /// seg6local lightweight tunnels.
    #[sec("lwt_seg6local")]
    id = 19, LwtSeg6local, lwt_seg6local_func_proto
}

/// LIRC mode2 decoders: one sample.
#[prog_type(id = 20, func_proto = lirc_mode2_func_proto, ctx = LircSample, unconverted_ctx)]
#[sec("lirc_mode2", attach = lirc_mode2)]
pub struct LircMode2;

/// SO_REUSEPORT socket selection.
#[prog_type(
    id = 21,
    func_proto = sk_reuseport_func_proto,
    strict_attach,
    ctx = SkReuseportMd,
    kern_ctx = sk_reuseport_kern,
    packet_args = declared,
    sockmap_update,
    default_attach = sk_reuseport_select
)]
#[sec("sk_reuseport/migrate", attach = sk_reuseport_select_or_migrate)]
#[sec("sk_reuseport", attach = sk_reuseport_select)]
pub struct SkReuseport;

/// Flow dissectors.
///
/// The packet and the flow keys, nothing else
/// (`flow_dissector_is_valid_access`).
#[prog_type(
    id = 22,
    func_proto = flow_dissector_func_proto,
    ctx = SkBuff,
    kern_ctx = bpf_flow_dissector,
    only = [data, data_end, flow_keys],
    packet_args = declared,
    sockmap_update
)]
#[sec("flow_dissector", attach = flow_dissector)]
pub struct FlowDissector;

/// cgroup sysctl hooks.
#[prog_type(id = 23, func_proto = sysctl_func_proto, ctx = BpfSysctl, kern_ctx = bpf_sysctl_kern, ret = [0, 1])]
#[sec("cgroup/sysctl", attach = cgroup_sysctl)]
pub struct CgroupSysctl;

/// Writable raw tracepoints.
#[prog_type(
    id = 24,
    func_proto = raw_tp_prog_func_proto,
    ctx = RawTracepointWritableArgs,
    tracing,
    unconverted_ctx,
    ctx_args = ["u64"]
)]
#[sec("raw_tracepoint.w+")]
#[sec("raw_tp.w+")]
pub struct RawTracepointWritable;

/// cgroup sockopt hooks.
///
/// The option buffer is packet-like memory every helper may take.
#[prog_type(
    id = 25,
    func_proto = cg_sockopt_func_proto,
    strict_attach,
    ctx = BpfSockopt,
    kern_ctx = bpf_sockopt_kern,
    packet_args = always,
    packet_write,
    ret = [0, 1]
)]
#[sec("cgroup/getsockopt", attach = cgroup_getsockopt)]
#[sec("cgroup/setsockopt", attach = cgroup_setsockopt)]
pub struct CgroupSockopt;

/// BTF-enabled tracing: fentry/fexit/fmod_ret, tp_btf and iterators.
/// fentry and fexit programs return 0; an fmod_ret program's return is
/// the traced function's, a tp_btf program's is ignored.
///
/// Iterators may add sockets to sockmaps and remove them
/// (`may_update_sockmap`: no socket lock can be held there).
#[prog_type(
    id = 26,
    func_proto = tracing_prog_func_proto,
    ctx = TracingArgs,
    unconverted_ctx,
    ret_for = [trace_iter = [0, 1], trace_fentry = [0, 0], trace_fexit = [0, 0]],
    flags_for = [
        trace_iter = [sockmap_update, may_sleep],
        trace_fentry = [traced_func, may_sleep],
        trace_fexit = [traced_func, may_sleep],
        modify_return = [traced_func, may_sleep]
    ],
    ctx_args_for = [
        trace_raw_tp = ["struct bpf_raw_tracepoint_args", "u64"],
        trace_iter = ["struct bpf_iter__*"],
        trace_fentry = ["u64"],
        trace_fexit = ["u64"],
        modify_return = ["u64"]
    ]
)]
#[sec("tp_btf+", attach = trace_raw_tp)]
#[sec("fentry+", attach = trace_fentry)]
#[sec("fmod_ret+", attach = modify_return)]
#[sec("fexit+", attach = trace_fexit)]
#[sec("fentry.s+", sleepable, attach = trace_fentry)]
#[sec("fmod_ret.s+", sleepable, attach = modify_return)]
#[sec("fexit.s+", sleepable, attach = trace_fexit)]
#[sec("iter+", iter, attach = trace_iter)]
#[sec("iter.s+", iter, sleepable, attach = trace_iter)]
pub struct Tracing;

/// struct_ops implementations: the member's arguments
/// (`check_struct_ops_btf_id` refuses non-GPL programs).
#[prog_type(
    id = 27,
    ctx = StructOpsArgs,
    gpl_only = "struct ops",
    may_sleep,
    unconverted_ctx,
    map_member,
    ctx_args = ["u64"]
)]
#[sec("struct_ops+")]
#[sec("struct_ops.s+", sleepable)]
pub struct StructOps;

/// freplace extensions.
///
/// The replaced program's context, which kfreg does not know, so the context is
/// unchecked.
#[prog_type(id = 28, ctx_args = ["*"])]
#[sec("freplace+")]
pub struct Ext;

/// BPF LSM hooks: the hook's arguments. A hook returning an `int` wants 0
/// or a negative errno from an `lsm` program (checked on the low 32 bits;
/// some hooks want another range, `lsm_hooks.rs`), 0 or 1 from an
/// `lsm_cgroup` one; on a hook returning nothing, an `lsm` program returns
/// anything and an `lsm_cgroup` one 1 (`check_return_code`).
#[prog_type(
    id = 29,
    func_proto = bpf_lsm_func_proto,
    ctx = TracingArgs,
    process_context,
    gpl_only = "LSM",
    may_sleep,
    unconverted_ctx,
    ctx_args = ["u64"],
    ret_for = [lsm_mac = [-4095, 0], lsm_cgroup = [0, 1]],
    void_ret_for = [lsm_cgroup = [1, 1]],
    flags_for = [lsm_mac = [ret_subreg]]
)]
#[sec("lsm+", attach = lsm_mac)]
#[sec("lsm.s+", sleepable, attach = lsm_mac)]
#[sec("lsm_cgroup+", attach = lsm_cgroup)]
pub struct Lsm;

/// Socket lookup (`sk_lookup_is_valid_access`).
#[prog_type(
    id = 30,
    func_proto = sk_lookup_func_proto,
    strict_attach,
    ctx = BpfSkLookup,
    kern_ctx = bpf_sk_lookup_kern,
    ret = [0, 1],
    sockmap_update
)]
#[sec("sk_lookup", attach = sk_lookup)]
pub struct SkLookup;

/// Syscall programs, run by `BPF_PROG_RUN` with a user buffer; always
/// sleepable (`check_attach_btf_id`).
#[prog_type(
    id = 31,
    func_proto = syscall_prog_func_proto,
    ctx = SyscallArgs,
    sleepable_only = "Syscall",
    may_sleep,
    unconverted_ctx,
    ctx_args = ["*"]
)]
#[sec("syscall", sleepable)]
pub struct Syscall;

/// Netfilter hooks.
#[prog_type(
    id = 32,
    func_proto = bpf_nf_func_proto,
    ctx = BpfNfCtx,
    kern_ctx = bpf_nf_ctx,
    ret = [0, 1],
    strict_attach,
    unconverted_ctx
)]
#[sec("netfilter", attach = netfilter)]
pub struct Netfilter;
