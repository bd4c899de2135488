//! The context structs of Linux 6.18's program types: the uapi structs of
//! `linux/bpf.h` (and `struct pt_regs`), field by field, with what the
//! kernel's `*_is_valid_access` functions allow on each. Fields hidden from
//! most program types are `hidden`; the program types that see them say so.

// Each field is the kernel struct member of the same name, documented in
// `linux/bpf.h`; only what the kernel allows on it is said here.
#![allow(missing_docs)]

use kfreg::context;

/// `struct __sk_buff`: the socket buffer as socket filters, tc, cgroup skb,
/// lwt, sk_skb and flow dissector programs see it (`bpf_skb_is_valid_access`).
#[context(btf = "__sk_buff", kern = "sk_buff")]
#[repr(C)]
pub struct SkBuff {
    pub len: u32,
    pub pkt_type: u32,
    pub mark: u32,
    pub queue_mapping: u32,
    pub protocol: u32,
    pub vlan_present: u32,
    pub vlan_tci: u32,
    pub vlan_proto: u32,
    pub priority: u32,
    pub ingress_ifindex: u32,
    pub ifindex: u32,
    pub tc_index: u32,
    /// Scratch space: any access inside it.
    #[ctx(loads = any)]
    pub cb: [u32; 5],
    pub hash: u32,
    #[ctx(hidden)]
    pub tc_classid: u32,
    #[ctx(yields = packet)]
    pub data: u32,
    #[ctx(yields = packet_end)]
    pub data_end: u32,
    pub napi_id: u32,
    pub family: u32,
    #[ctx(loads = whole)]
    pub remote_ip4: u32,
    #[ctx(loads = whole)]
    pub local_ip4: u32,
    #[ctx(loads = whole)]
    pub remote_ip6: [u32; 4],
    #[ctx(loads = whole)]
    pub local_ip6: [u32; 4],
    pub remote_port: u32,
    pub local_port: u32,
    #[ctx(yields = packet_meta, hidden)]
    pub data_meta: u32,
    #[ctx(yields = flow_keys(bpf_flow_keys), hidden)]
    pub flow_keys: u64,
    #[ctx(loads = whole)]
    pub tstamp: u64,
    #[ctx(hidden)]
    pub wire_len: u32,
    pub gso_segs: u32,
    #[ctx(yields = sock_common_or_null)]
    pub sk: u64,
    pub gso_size: u32,
    #[ctx(hidden)]
    pub tstamp_type: u8,
    #[ctx(loads = whole)]
    pub hwtstamp: u64,
}

/// `struct xdp_md` (`xdp_is_valid_access`): every field a whole u32.
#[context(btf = "xdp_md", kern = "xdp_buff")]
#[repr(C)]
pub struct XdpMd {
    #[ctx(yields = packet)]
    pub data: u32,
    #[ctx(yields = packet_end)]
    pub data_end: u32,
    #[ctx(yields = packet_meta)]
    pub data_meta: u32,
    #[ctx(loads = whole)]
    pub ingress_ifindex: u32,
    #[ctx(loads = whole)]
    pub rx_queue_index: u32,
    /// Only programs run from a device map see where the packet goes.
    #[ctx(loads = whole, attach = [xdp_devmap])]
    pub egress_ifindex: u32,
}

/// `struct bpf_sock` as cgroup socket programs see it
/// (`sock_filter_is_valid_access`): some fields only at some hooks. The
/// kernel names most fields by their start offset (`case offsetof(..)`), so
/// a narrow load must start there; the addresses are ranges, read anywhere.
#[context(btf = "bpf_sock")]
#[repr(C)]
pub struct BpfSock {
    #[ctx(loads = whole, write, attach = [cgroup_inet_sock_create, cgroup_inet_sock_release])]
    pub bound_dev_if: u32,
    #[ctx(loads = slot)]
    pub family: u32,
    #[ctx(loads = slot)]
    pub r#type: u32,
    #[ctx(loads = slot)]
    pub protocol: u32,
    #[ctx(loads = whole, write, attach = [cgroup_inet_sock_create, cgroup_inet_sock_release])]
    pub mark: u32,
    #[ctx(loads = whole, write, attach = [cgroup_inet_sock_create, cgroup_inet_sock_release])]
    pub priority: u32,
    #[ctx(attach = [cgroup_inet4_post_bind])]
    pub src_ip4: u32,
    #[ctx(attach = [cgroup_inet6_post_bind])]
    pub src_ip6: [u32; 4],
    #[ctx(loads = slot, attach = [cgroup_inet4_post_bind, cgroup_inet6_post_bind])]
    pub src_port: u32,
    #[ctx(loads = port)]
    pub dst_port: u16,
    pub dst_ip4: u32,
    pub dst_ip6: [u32; 4],
    #[ctx(loads = slot)]
    pub state: u32,
    #[ctx(loads = slot)]
    pub rx_queue_mapping: i32,
}

/// `struct bpf_sock_addr` (`sock_addr_is_valid_access`): the address a
/// socket call is about, which some hooks may rewrite.
#[context(btf = "bpf_sock_addr")]
#[repr(C)]
pub struct BpfSockAddr {
    #[ctx(loads = whole)]
    pub user_family: u32,
    #[ctx(write, attach = [
        cgroup_inet4_bind, cgroup_inet4_connect, cgroup_inet4_getpeername,
        cgroup_inet4_getsockname, cgroup_udp4_sendmsg, cgroup_udp4_recvmsg
    ])]
    pub user_ip4: u32,
    #[ctx(write, wide, attach = [
        cgroup_inet6_bind, cgroup_inet6_connect, cgroup_inet6_getpeername,
        cgroup_inet6_getsockname, cgroup_udp6_sendmsg, cgroup_udp6_recvmsg
    ])]
    pub user_ip6: [u32; 4],
    #[ctx(write)]
    pub user_port: u32,
    #[ctx(loads = whole)]
    pub family: u32,
    #[ctx(loads = whole)]
    pub r#type: u32,
    #[ctx(loads = whole)]
    pub protocol: u32,
    #[ctx(write, attach = [cgroup_udp4_sendmsg])]
    pub msg_src_ip4: u32,
    #[ctx(write, wide, attach = [cgroup_udp6_sendmsg])]
    pub msg_src_ip6: [u32; 4],
    #[ctx(yields = socket)]
    pub sk: u64,
}

/// `struct bpf_sock_ops` (`sock_ops_is_valid_access`): whole u32 loads but
/// for the TCP flags; only the reply and the txhash are written.
#[context(btf = "bpf_sock_ops")]
#[repr(C)]
pub struct BpfSockOps {
    #[ctx(loads = whole)]
    pub op: u32,
    #[ctx(loads = whole, write)]
    pub reply: u32,
    #[ctx(loads = whole, member = "replylong")]
    pub replylong_rest: [u32; 3],
    #[ctx(loads = whole)]
    pub family: u32,
    #[ctx(loads = whole)]
    pub remote_ip4: u32,
    #[ctx(loads = whole)]
    pub local_ip4: u32,
    #[ctx(loads = whole)]
    pub remote_ip6: [u32; 4],
    #[ctx(loads = whole)]
    pub local_ip6: [u32; 4],
    #[ctx(loads = whole)]
    pub remote_port: u32,
    #[ctx(loads = whole)]
    pub local_port: u32,
    #[ctx(loads = whole)]
    pub is_fullsock: u32,
    #[ctx(loads = whole)]
    pub snd_cwnd: u32,
    #[ctx(loads = whole)]
    pub srtt_us: u32,
    #[ctx(loads = whole)]
    pub bpf_sock_ops_cb_flags: u32,
    #[ctx(loads = whole)]
    pub state: u32,
    #[ctx(loads = whole)]
    pub rtt_min: u32,
    #[ctx(loads = whole)]
    pub snd_ssthresh: u32,
    #[ctx(loads = whole)]
    pub rcv_nxt: u32,
    #[ctx(loads = whole)]
    pub snd_nxt: u32,
    #[ctx(loads = whole)]
    pub snd_una: u32,
    #[ctx(loads = whole)]
    pub mss_cache: u32,
    #[ctx(loads = whole)]
    pub ecn_flags: u32,
    #[ctx(loads = whole)]
    pub rate_delivered: u32,
    #[ctx(loads = whole)]
    pub rate_interval_us: u32,
    #[ctx(loads = whole)]
    pub packets_out: u32,
    #[ctx(loads = whole)]
    pub retrans_out: u32,
    #[ctx(loads = whole)]
    pub total_retrans: u32,
    #[ctx(loads = whole)]
    pub segs_in: u32,
    #[ctx(loads = whole)]
    pub data_segs_in: u32,
    #[ctx(loads = whole)]
    pub segs_out: u32,
    #[ctx(loads = whole)]
    pub data_segs_out: u32,
    #[ctx(loads = whole)]
    pub lost_out: u32,
    #[ctx(loads = whole)]
    pub sacked_out: u32,
    #[ctx(loads = whole, write)]
    pub sk_txhash: u32,
    #[ctx(loads = whole)]
    pub bytes_received: u64,
    #[ctx(loads = whole)]
    pub bytes_acked: u64,
    #[ctx(yields = socket_or_null)]
    pub sk: u64,
    #[ctx(yields = packet)]
    pub skb_data: u64,
    #[ctx(yields = packet_end)]
    pub skb_data_end: u64,
    #[ctx(loads = whole)]
    pub skb_len: u32,
    /// Narrow loads only from its start (`case offsetof(..)`).
    #[ctx(loads = slot)]
    pub skb_tcp_flags: u32,
    #[ctx(loads = whole)]
    pub skb_hwtstamp: u64,
}

/// `struct sk_msg_md` (`sk_msg_is_valid_access`): read only, whole fields.
#[context(btf = "sk_msg_md")]
#[repr(C)]
pub struct SkMsgMd {
    #[ctx(yields = packet)]
    pub data: u64,
    #[ctx(yields = packet_end)]
    pub data_end: u64,
    #[ctx(loads = whole)]
    pub family: u32,
    #[ctx(loads = whole)]
    pub remote_ip4: u32,
    #[ctx(loads = whole)]
    pub local_ip4: u32,
    #[ctx(loads = whole)]
    pub remote_ip6: [u32; 4],
    #[ctx(loads = whole)]
    pub local_ip6: [u32; 4],
    #[ctx(loads = whole)]
    pub remote_port: u32,
    #[ctx(loads = whole)]
    pub local_port: u32,
    #[ctx(loads = whole)]
    pub size: u32,
    #[ctx(yields = socket)]
    pub sk: u64,
}

/// `struct pt_regs` of x86-64: a kprobe's context
/// (`kprobe_prog_is_valid_access`: any aligned read inside), which the
/// kernel's program-type table names by its typedef `bpf_user_pt_regs_t`.
#[context(btf = "pt_regs", typedef = "bpf_user_pt_regs_t")]
#[repr(C)]
pub struct PtRegs {
    pub r15: u64,
    pub r14: u64,
    pub r13: u64,
    pub r12: u64,
    pub bp: u64,
    pub bx: u64,
    pub r11: u64,
    pub r10: u64,
    pub r9: u64,
    pub r8: u64,
    pub ax: u64,
    pub cx: u64,
    pub dx: u64,
    pub si: u64,
    pub di: u64,
    pub orig_ax: u64,
    pub ip: u64,
    pub csx: u64,
    pub flags: u64,
    pub sp: u64,
    pub ssx: u64,
}

/// `struct bpf_perf_event_data` (`pe_prog_is_valid_access`): the registers
/// as whole longs, then two u64s that may be read narrower.
#[context(btf = "bpf_perf_event_data")]
#[repr(C)]
pub struct BpfPerfEventData {
    #[ctx(loads = whole)]
    pub regs: [u64; 21],
    pub sample_period: u64,
    pub addr: u64,
}

/// A tracepoint's record (`tp_prog_is_valid_access`): its common header is
/// refused, the rest read at any aligned size up to `PERF_MAX_TRACE_SIZE`,
/// and so is anything before it (the kernel's unsigned comparison).
#[context(reads_below_start)]
#[repr(C)]
pub struct TraceRecord {
    #[ctx(hidden)]
    pub common: u64,
    #[ctx(loads = any)]
    pub fields: [u64; 1023],
}

/// `struct bpf_raw_tracepoint_args` (`bpf_tracing_ctx_access`): up to
/// twelve u64 arguments, read at any aligned size.
#[context(btf = "bpf_raw_tracepoint_args")]
#[repr(C)]
pub struct RawTracepointArgs {
    pub args: [u64; 12],
}

/// `struct bpf_raw_tracepoint_args` of a writable raw tracepoint
/// (`raw_tp_writable_prog_is_valid_access`): the first argument is the
/// tracepoint's writable buffer, read whole from its start (its other
/// bytes read as numbers); the others as in [`RawTracepointArgs`].
#[context(btf = "bpf_raw_tracepoint_args")]
#[repr(C)]
pub struct RawTracepointWritableArgs {
    #[ctx(loads = whole_at_start, yields = tp_buffer, member = "args")]
    pub buffer: u64,
    #[ctx(member = "args")]
    pub rest: [u64; 11],
}

/// A BTF-typed program's arguments (`btf_ctx_access`): u64 slots read from
/// their start, each typed by the traced function's prototype (a number at
/// any size, a pointer whole).
#[context]
#[repr(C)]
pub struct TracingArgs {
    #[ctx(loads = slot, yields = argument)]
    pub args: [u64; 12],
}

/// A struct_ops member's arguments (`bpf_tracing_btf_ctx_access`, as
/// [`TracingArgs`]): u64 slots read from their start, pointers whole.
#[context]
#[repr(C)]
pub struct StructOpsArgs {
    #[ctx(loads = slot, yields = argument)]
    pub args: [u64; 12],
}

/// `struct bpf_cgroup_dev_ctx` (`cgroup_dev_is_valid_access`).
#[context(btf = "bpf_cgroup_dev_ctx")]
#[repr(C)]
pub struct BpfCgroupDevCtx {
    pub access_type: u32,
    #[ctx(loads = whole)]
    pub major: u32,
    #[ctx(loads = whole)]
    pub minor: u32,
}

/// `struct bpf_sysctl` (`sysctl_is_valid_access`).
#[context(btf = "bpf_sysctl")]
#[repr(C)]
pub struct BpfSysctl {
    pub write: u32,
    #[ctx(write)]
    pub file_pos: u32,
}

/// `struct bpf_sockopt` (`cg_sockopt_is_valid_access`): the option's buffer
/// is packet-like memory; which fields are written depends on the hook.
#[context(btf = "bpf_sockopt")]
#[repr(C)]
pub struct BpfSockopt {
    #[ctx(yields = socket)]
    pub sk: u64,
    #[ctx(yields = packet)]
    pub optval: u64,
    #[ctx(yields = packet_end)]
    pub optval_end: u64,
    #[ctx(loads = whole, write = [cgroup_setsockopt])]
    pub level: i32,
    #[ctx(loads = whole, write = [cgroup_setsockopt])]
    pub optname: i32,
    #[ctx(loads = whole, write)]
    pub optlen: i32,
    #[ctx(loads = whole, write, attach = [cgroup_getsockopt])]
    pub retval: i32,
}

/// `struct sk_reuseport_md` (`sk_reuseport_is_valid_access`).
#[context(btf = "sk_reuseport_md")]
#[repr(C)]
pub struct SkReuseportMd {
    #[ctx(yields = packet)]
    pub data: u64,
    #[ctx(yields = packet_end)]
    pub data_end: u64,
    pub len: u32,
    #[ctx(loads = halves)]
    pub eth_protocol: u32,
    pub ip_protocol: u32,
    pub bind_inany: u32,
    #[ctx(loads = whole)]
    pub hash: u32,
    #[ctx(yields = socket)]
    pub sk: u64,
    #[ctx(yields = sock_common_or_null)]
    pub migrating_sk: u64,
}

/// `struct bpf_sk_lookup` (`sk_lookup_is_valid_access`): `remote_port` is a
/// 16-bit field whose zero padding may be read too, so it is a u32 here.
#[context(btf = "bpf_sk_lookup")]
#[repr(C)]
pub struct BpfSkLookup {
    #[ctx(yields = socket_or_null)]
    pub sk: u64,
    pub family: u32,
    pub protocol: u32,
    pub remote_ip4: u32,
    pub remote_ip6: [u32; 4],
    pub remote_port: u32,
    pub local_ip4: u32,
    pub local_ip6: [u32; 4],
    pub local_port: u32,
    pub ingress_ifindex: u32,
}

/// `struct bpf_nf_ctx` (`nf_is_valid_access`): trusted kernel pointers.
#[context(btf = "bpf_nf_ctx")]
#[repr(C)]
pub struct BpfNfCtx {
    #[ctx(yields = kernel(nf_hook_state))]
    pub state: u64,
    #[ctx(yields = kernel(sk_buff))]
    pub skb: u64,
}

/// A LIRC decoder's one sample (`lirc_mode2_is_valid_access`).
#[context]
#[repr(C)]
pub struct LircSample {
    #[ctx(loads = whole)]
    pub sample: u32,
}

/// A syscall program's argument buffer (`syscall_prog_is_valid_access`):
/// read and written at any aligned size.
#[context]
#[repr(C)]
pub struct SyscallArgs {
    #[ctx(loads = any, write)]
    pub args: [u8; 65535],
}
