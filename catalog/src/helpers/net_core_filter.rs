//! Helper prototypes defined in the kernel's `net/core/filter.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Store `len` bytes from address `from` into the packet associated to `skb`, at `offset`.
#[helper(id = 9, changes_pkt_data, prog_types = [sched_cls, sched_act, lwt_xmit, sk_skb])]
pub fn bpf_skb_store_bytes(
    skb: Ctx,
    offset: Anything,
    from: Rdonly<Mem>,
    len: ConstSize,
    flags: Anything,
) -> Integer;

/// Recompute the layer 3 (e.g.
#[helper(id = 10, changes_pkt_data, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_l3_csum_replace(
    skb: Ctx,
    offset: Anything,
    from: Anything,
    to: Anything,
    size: Anything,
) -> Integer;

/// Recompute the layer 4 (e.g.
#[helper(id = 11, changes_pkt_data, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_l4_csum_replace(
    skb: Ctx,
    offset: Anything,
    from: Anything,
    to: Anything,
    flags: Anything,
) -> Integer;

/// Clone and redirect the packet associated to `skb` to another net device of index `ifindex`.
#[helper(id = 13, changes_pkt_data, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_clone_redirect(skb: Ctx, ifindex: Anything, flags: Anything) -> Integer;

/// Retrieve the classid for the current task, i.e.
///
/// The kernel's `bpf_get_cgroup_classid_curr_proto`, which 6.18's
/// `bpf_base_func_proto` serves: tracing and LSM programs get it too (the
/// recorded kernel gives it to tp_btf programs and iterators).
#[helper(id = 17, name = bpf_get_cgroup_classid, prog_types = [socket_filter, kprobe, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_get_cgroup_classid_curr() -> Integer;

/// Retrieve the classid for the current task, i.e.
#[helper(id = 17, prog_types = [sched_cls, sched_act, lwt_in, lwt_out, lwt_xmit, lwt_seg6local])]
pub fn bpf_get_cgroup_classid(skb: Ctx) -> Integer;

/// Push a `vlan_tci` (VLAN tag control information) of protocol `vlan_proto` to the packet associated to `skb`, then update the checksum.
#[helper(id = 18, changes_pkt_data, prog_types = [sched_cls, sched_act])]
pub fn bpf_skb_vlan_push(skb: Ctx, vlan_proto: Anything, vlan_tci: Anything) -> Integer;

/// Pop a VLAN header from the packet associated to `skb`.
#[helper(id = 19, changes_pkt_data, prog_types = [sched_cls, sched_act])]
pub fn bpf_skb_vlan_pop(skb: Ctx) -> Integer;

/// Get tunnel metadata.
#[helper(id = 20, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_skb_get_tunnel_key(
    skb: Ctx,
    key: Uninit<Mem>,
    size: ConstSize,
    flags: Anything,
) -> Integer;

/// Populate tunnel metadata for packet associated to `skb.` The tunnel metadata is set to the contents of `key`, of `size`.
#[helper(id = 21, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_skb_set_tunnel_key(
    skb: Ctx,
    key: Rdonly<Mem>,
    size: ConstSize,
    flags: Anything,
) -> Integer;

/// Redirect the packet to another net device of index `ifindex`.
#[helper(id = 23, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_redirect(ifindex: Anything, flags: Anything) -> Integer;

/// Redirect the packet to another net device of index `ifindex`.
///
/// The kernel's `bpf_xdp_redirect_proto`.
#[helper(id = 23, name = bpf_redirect, prog_types = [xdp])]
pub fn bpf_xdp_redirect(ifindex: Anything, flags: Anything) -> Integer;

/// Retrieve the realm or the route, that is to say the `tclassid` field of the destination for the `skb`.
#[helper(id = 24, prog_types = [sched_cls, sched_act, lwt_in, lwt_out, lwt_xmit, lwt_seg6local])]
pub fn bpf_get_route_realm(skb: Ctx) -> Integer;

/// Write raw `data` blob into a special BPF perf event held by `map` of type `BPF_MAP_TYPE_PERF_EVENT_ARRAY`.
///
/// The kernel's `bpf_skb_event_output_proto`.
#[helper(id = 25, name = bpf_perf_event_output, gpl_only, map_types = [perf_event_array], prog_types = [socket_filter, sched_cls, sched_act, cgroup_skb, lwt_in, lwt_out, lwt_xmit, sk_skb, lwt_seg6local])]
pub fn bpf_skb_event_output(
    ctx: Ctx,
    map: ConstMapPtr,
    flags: Anything,
    data: Rdonly<Mem>,
    size: ConstSizeOrZero,
) -> Integer;

/// Write raw `data` blob into a special BPF perf event held by `map` of type `BPF_MAP_TYPE_PERF_EVENT_ARRAY`.
///
/// The kernel's `bpf_xdp_event_output_proto`.
#[helper(id = 25, name = bpf_perf_event_output, gpl_only, map_types = [perf_event_array], prog_types = [xdp])]
pub fn bpf_xdp_event_output(
    ctx: Ctx,
    map: ConstMapPtr,
    flags: Anything,
    data: Rdonly<Mem>,
    size: ConstSizeOrZero,
) -> Integer;

/// This helper was provided as an easy way to load data from a packet.
///
/// The kernel's `bpf_flow_dissector_load_bytes_proto`.
#[helper(id = 26, name = bpf_skb_load_bytes, prog_types = [flow_dissector])]
pub fn bpf_flow_dissector_load_bytes(
    skb: Ctx,
    offset: Anything,
    to: Uninit<Mem>,
    len: ConstSize,
) -> Integer;

/// This helper was provided as an easy way to load data from a packet.
#[helper(id = 26, prog_types = [socket_filter, sched_cls, sched_act, cgroup_skb, lwt_in, lwt_out, lwt_xmit, sk_skb, lwt_seg6local])]
pub fn bpf_skb_load_bytes(skb: Ctx, offset: Anything, to: Uninit<Mem>, len: ConstSize) -> Integer;

/// This helper was provided as an easy way to load data from a packet.
///
/// The kernel's `sk_reuseport_load_bytes_proto`.
#[helper(id = 26, name = bpf_skb_load_bytes, prog_types = [sk_reuseport])]
pub fn bpf_sk_reuseport_load_bytes(
    skb: Ctx,
    offset: Anything,
    to: Uninit<Mem>,
    len: ConstSize,
) -> Integer;

/// Compute a checksum difference, from the raw buffer pointed by `from`, of length `from_size` (that must be a multiple of 4), towards the raw buffer pointed by `to`, of size `to_size` (same remark).
#[helper(id = 28, pkt_access, prog_types = [sched_cls, sched_act, xdp, lwt_in, lwt_out, lwt_xmit, lwt_seg6local])]
pub fn bpf_csum_diff(
    from: Rdonly<OrNull<Mem>>,
    from_size: ConstSizeOrZero,
    to: Rdonly<OrNull<Mem>>,
    to_size: ConstSizeOrZero,
    seed: Anything,
) -> Integer;

/// Retrieve tunnel options metadata for the packet associated to `skb`, and store the raw tunnel option data to the buffer `opt` of `size`.
#[helper(id = 29, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_skb_get_tunnel_opt(skb: Ctx, opt: Uninit<Mem>, size: ConstSize) -> Integer;

/// Set tunnel options metadata for the packet associated to `skb` to the option data contained in the raw buffer `opt` of `size`.
#[helper(id = 30, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_skb_set_tunnel_opt(skb: Ctx, opt: Rdonly<Mem>, size: ConstSize) -> Integer;

/// Change the protocol of the `skb` to `proto`.
///
/// The kernel's `bpf_skb_change_proto_proto`.
#[helper(id = 31, name = bpf_skb_change_proto, changes_pkt_data, prog_types = [sched_cls, sched_act])]
pub fn bpf_skb_change(skb: Ctx, proto: Anything, flags: Anything) -> Integer;

/// Change the packet type for the packet associated to `skb`.
#[helper(id = 32, prog_types = [sched_cls, sched_act])]
pub fn bpf_skb_change_type(skb: Ctx, r#type: Anything) -> Integer;

/// Check whether `skb` is a descendant of the cgroup2 held by `map` of type `BPF_MAP_TYPE_CGROUP_ARRAY`, at `index`.
#[helper(id = 33, map_types = [cgroup_array], prog_types = [sched_cls, sched_act, lwt_in, lwt_out, lwt_xmit, lwt_seg6local])]
pub fn bpf_skb_under_cgroup(skb: Ctx, map: ConstMapPtr, index: Anything) -> Integer;

/// Retrieve the hash of the packet, `skb`\ `->hash`.
#[helper(id = 34, prog_types = [sched_cls, sched_act, lwt_in, lwt_out, lwt_xmit, lwt_seg6local])]
pub fn bpf_get_hash_recalc(skb: Ctx) -> Integer;

/// Resize (trim or grow) the packet associated to `skb` to the new `len`.
#[helper(id = 38, changes_pkt_data, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_skb_change_tail(skb: Ctx, len: Anything, flags: Anything) -> Integer;

/// Resize (trim or grow) the packet associated to `skb` to the new `len`.
///
/// The kernel's `sk_skb_change_tail_proto`.
#[helper(id = 38, name = bpf_skb_change_tail, changes_pkt_data, prog_types = [sk_skb])]
pub fn bpf_sk_skb_change_tail(skb: Ctx, len: Anything, flags: Anything) -> Integer;

/// Pull in non-linear data in case the `skb` is non-linear and not all of `len` are part of the linear section.
#[helper(id = 39, changes_pkt_data, prog_types = [sched_cls, sched_act, lwt_in, lwt_out, lwt_xmit, lwt_seg6local])]
pub fn bpf_skb_pull_data(skb: Ctx, len: Anything) -> Integer;

/// Pull in non-linear data in case the `skb` is non-linear and not all of `len` are part of the linear section.
///
/// The kernel's `sk_skb_pull_data_proto`.
#[helper(id = 39, name = bpf_skb_pull_data, changes_pkt_data, prog_types = [sk_skb])]
pub fn bpf_sk_skb_pull_data(skb: Ctx, len: Anything) -> Integer;

/// Add the checksum `csum` into `skb`\ `->csum` in case the driver has supplied a checksum for the entire packet into that field.
#[helper(id = 40, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_csum_update(skb: Ctx, csum: Anything) -> Integer;

/// Invalidate the current `skb`\ `->hash`.
#[helper(id = 41, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_set_hash_invalid(skb: Ctx) -> Integer;

/// Grows headroom of packet associated to `skb` and adjusts the offset of the MAC header accordingly, adding `len` bytes of space.
#[helper(id = 43, changes_pkt_data, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_skb_change_head(skb: Ctx, len: Anything, flags: Anything) -> Integer;

/// Grows headroom of packet associated to `skb` and adjusts the offset of the MAC header accordingly, adding `len` bytes of space.
///
/// The kernel's `sk_skb_change_head_proto`.
#[helper(id = 43, name = bpf_skb_change_head, changes_pkt_data, prog_types = [sk_skb])]
pub fn bpf_sk_skb_change_head(skb: Ctx, len: Anything, flags: Anything) -> Integer;

/// Adjust (move) `xdp_md`\ `->data` by `delta` bytes.
#[helper(id = 44, changes_pkt_data, prog_types = [xdp])]
pub fn bpf_xdp_adjust_head(xdp_md: Ctx, delta: Anything) -> Integer;

/// If the `struct sk_buff` pointed by `skb` has a known socket, retrieve the cookie (generated by the kernel) of this socket.
#[helper(id = 46, prog_types = [socket_filter, sched_cls, sched_act, cgroup_skb, sk_skb])]
pub fn bpf_get_socket_cookie(skb: Ctx) -> Integer;

/// If the `struct sk_buff` pointed by `skb` has a known socket, retrieve the cookie (generated by the kernel) of this socket.
///
/// The kernel's `bpf_get_socket_cookie_sock_addr_proto`.
#[helper(id = 46, name = bpf_get_socket_cookie, prog_types = [cgroup_sock_addr])]
pub fn bpf_get_socket_cookie_sock_addr(skb: Ctx) -> Integer;

/// If the `struct sk_buff` pointed by `skb` has a known socket, retrieve the cookie (generated by the kernel) of this socket.
///
/// The kernel's `bpf_get_socket_cookie_sock_ops_proto`.
#[helper(id = 46, name = bpf_get_socket_cookie, prog_types = [sock_ops])]
pub fn bpf_get_socket_cookie_sock_ops(skb: Ctx) -> Integer;

/// If the `struct sk_buff` pointed by `skb` has a known socket, retrieve the cookie (generated by the kernel) of this socket.
///
/// The kernel's `bpf_get_socket_cookie_sock_proto`.
#[helper(id = 46, name = bpf_get_socket_cookie, prog_types = [cgroup_sock])]
pub fn bpf_get_socket_cookie_sock(skb: Ctx) -> Integer;

/// If the `struct sk_buff` pointed by `skb` has a known socket, retrieve the cookie (generated by the kernel) of this socket.
///
/// The kernel's `bpf_get_socket_ptr_cookie_proto`.
#[helper(id = 46, name = bpf_get_socket_cookie, prog_types = [sk_reuseport, tracing, lsm, syscall])]
pub fn bpf_get_socket_ptr_cookie(skb: OrNull<BtfIdSockCommon>) -> Integer;

/// Get the owner UID of the socked associated to `skb`.
#[helper(id = 47, prog_types = [socket_filter, sched_cls, sched_act, cgroup_skb, sk_skb])]
pub fn bpf_get_socket_uid(skb: Ctx) -> Integer;

/// Set the full hash for `skb` (set the field `skb`\ `->hash`) to value `hash`.
#[helper(id = 48, prog_types = [sched_cls, sched_act])]
pub fn bpf_set_hash(skb: Ctx, hash: Anything) -> Integer;

/// Emulate a call to `setsockopt()` on the socket associated to `bpf_socket`, which must be a full socket.
///
/// The kernel's `bpf_sk_setsockopt_proto` (a `cgroup/getsockopt` program
/// has no `bpf_setsockopt`).
#[helper(id = 49, name = bpf_setsockopt, prog_types = [cgroup_sockopt, struct_ops], not_for_attach = [cgroup_getsockopt])]
pub fn bpf_sk_setsockopt(
    bpf_socket: BtfIdSockCommon,
    level: Anything,
    optname: Anything,
    optval: Rdonly<Mem>,
    optlen: ConstSize,
) -> Integer;

/// Emulate a call to `setsockopt()` on the socket associated to `bpf_socket`, which must be a full socket.
///
/// The kernel's `bpf_unlocked_sk_setsockopt_proto`, an LSM program's: only
/// attached to a cgroup, on the hooks where the socket is still being made
/// or (with `bpf_sk_setsockopt_proto`, which checks alike) locked.
#[helper(id = 49, name = bpf_setsockopt, sockopt_hook, prog_types = [lsm], not_for_attach = [lsm_mac])]
pub fn bpf_unlocked_sk_setsockopt(
    bpf_socket: BtfIdSockCommon,
    level: Anything,
    optname: Anything,
    optval: Rdonly<Mem>,
    optlen: ConstSize,
) -> Integer;

/// Emulate a call to `setsockopt()` on the socket associated to `bpf_socket`, which must be a full socket.
///
/// The kernel's `bpf_sock_addr_setsockopt_proto`.
#[helper(id = 49, name = bpf_setsockopt, prog_types = [cgroup_sock_addr], not_for_attach = [cgroup_unix_getpeername, cgroup_unix_getsockname])]
pub fn bpf_sock_addr_setsockopt(
    bpf_socket: Ctx,
    level: Anything,
    optname: Anything,
    optval: Rdonly<Mem>,
    optlen: ConstSize,
) -> Integer;

/// Emulate a call to `setsockopt()` on the socket associated to `bpf_socket`, which must be a full socket.
///
/// The kernel's `bpf_sock_ops_setsockopt_proto`.
#[helper(id = 49, name = bpf_setsockopt, prog_types = [sock_ops])]
pub fn bpf_sock_ops_setsockopt(
    bpf_socket: Ctx,
    level: Anything,
    optname: Anything,
    optval: Rdonly<Mem>,
    optlen: ConstSize,
) -> Integer;

/// Grow or shrink the room for data in the packet associated to `skb` by `len_diff`, and according to the selected `mode`.
#[helper(id = 50, changes_pkt_data, prog_types = [sched_cls, sched_act])]
pub fn bpf_skb_adjust_room(
    skb: Ctx,
    len_diff: Anything,
    mode: Anything,
    flags: Anything,
) -> Integer;

/// Grow or shrink the room for data in the packet associated to `skb` by `len_diff`, and according to the selected `mode`.
///
/// The kernel's `sk_skb_adjust_room_proto`.
#[helper(id = 50, name = bpf_skb_adjust_room, changes_pkt_data, prog_types = [sk_skb])]
pub fn bpf_sk_skb_adjust_room(
    skb: Ctx,
    len_diff: Anything,
    mode: Anything,
    flags: Anything,
) -> Integer;

/// Redirect the packet to the endpoint referenced by `map` at index `key`.
///
/// The kernel's `bpf_xdp_redirect_map_proto`.
#[helper(id = 51, name = bpf_redirect_map, map_types = [devmap, cpumap, xskmap, devmap_hash], prog_types = [xdp])]
pub fn bpf_xdp_redirect_map(map: ConstMapPtr, key: Anything, flags: Anything) -> Integer;

/// Adjust the address pointed by `xdp_md`\ `->data_meta` by `delta` (which can be positive or negative).
#[helper(id = 54, changes_pkt_data, prog_types = [xdp])]
pub fn bpf_xdp_adjust_meta(xdp_md: Ctx, delta: Anything) -> Integer;

/// Emulate a call to `getsockopt()` on the socket associated to `bpf_socket`, which must be a full socket.
///
/// The kernel's `bpf_sk_getsockopt_proto` (a `cgroup/getsockopt` program
/// has no `bpf_getsockopt`).
#[helper(id = 57, name = bpf_getsockopt, prog_types = [cgroup_sockopt, struct_ops], not_for_attach = [cgroup_getsockopt])]
pub fn bpf_sk_getsockopt(
    bpf_socket: BtfIdSockCommon,
    level: Anything,
    optname: Anything,
    optval: Uninit<Mem>,
    optlen: ConstSize,
) -> Integer;

/// Emulate a call to `getsockopt()` on the socket associated to `bpf_socket`, which must be a full socket.
///
/// The kernel's `bpf_unlocked_sk_getsockopt_proto`, an LSM program's: only
/// attached to a cgroup, on the hooks where the socket is still being made
/// or (with `bpf_sk_getsockopt_proto`, which checks alike) locked.
#[helper(id = 57, name = bpf_getsockopt, sockopt_hook, prog_types = [lsm], not_for_attach = [lsm_mac])]
pub fn bpf_unlocked_sk_getsockopt(
    bpf_socket: BtfIdSockCommon,
    level: Anything,
    optname: Anything,
    optval: Uninit<Mem>,
    optlen: ConstSize,
) -> Integer;

/// Emulate a call to `getsockopt()` on the socket associated to `bpf_socket`, which must be a full socket.
///
/// The kernel's `bpf_sock_addr_getsockopt_proto`.
#[helper(id = 57, name = bpf_getsockopt, prog_types = [cgroup_sock_addr], not_for_attach = [cgroup_unix_getpeername, cgroup_unix_getsockname])]
pub fn bpf_sock_addr_getsockopt(
    bpf_socket: Ctx,
    level: Anything,
    optname: Anything,
    optval: Uninit<Mem>,
    optlen: ConstSize,
) -> Integer;

/// Emulate a call to `getsockopt()` on the socket associated to `bpf_socket`, which must be a full socket.
///
/// The kernel's `bpf_sock_ops_getsockopt_proto`.
#[helper(id = 57, name = bpf_getsockopt, prog_types = [sock_ops])]
pub fn bpf_sock_ops_getsockopt(
    bpf_socket: Ctx,
    level: Anything,
    optname: Anything,
    optval: Uninit<Mem>,
    optlen: ConstSize,
) -> Integer;

/// Attempt to set the value of the `bpf_sock_ops_cb_flags` field for the full TCP socket associated to `bpf_sock_ops` to `argval`.
#[helper(id = 59, prog_types = [sock_ops])]
pub fn bpf_sock_ops_cb_flags_set(bpf_sock: Ctx, argval: Anything) -> Integer;

/// For socket policies, apply the verdict of the eBPF program to the next `bytes` (number of bytes) of message `msg`.
#[helper(id = 61, prog_types = [sk_msg])]
pub fn bpf_msg_apply_bytes(msg: Ctx, bytes: Anything) -> Integer;

/// For socket policies, prevent the execution of the verdict eBPF program for message `msg` until `bytes` (byte number) have been accumulated.
#[helper(id = 62, prog_types = [sk_msg])]
pub fn bpf_msg_cork_bytes(msg: Ctx, bytes: Anything) -> Integer;

/// For socket policies, pull in non-linear data from user space for `msg` and set pointers `msg`\ `->data` and `msg`\ `->data_end` to `start` and `end` bytes offsets into `msg`, respectively.
#[helper(id = 63, changes_pkt_data, prog_types = [sk_msg])]
pub fn bpf_msg_pull_data(msg: Ctx, start: Anything, end: Anything, flags: Anything) -> Integer;

/// Bind the socket associated to `ctx` to the address pointed by `addr`, of length `addr_len`.
#[helper(id = 64, prog_types = [cgroup_sock_addr], not_for_attach = [cgroup_inet4_bind, cgroup_inet4_getpeername, cgroup_inet4_getsockname, cgroup_inet6_bind, cgroup_inet6_getpeername, cgroup_inet6_getsockname, cgroup_udp4_recvmsg, cgroup_udp4_sendmsg, cgroup_udp6_recvmsg, cgroup_udp6_sendmsg, cgroup_unix_connect, cgroup_unix_getpeername, cgroup_unix_getsockname, cgroup_unix_recvmsg, cgroup_unix_sendmsg])]
pub fn bpf_bind(ctx: Ctx, addr: Rdonly<Mem>, addr_len: ConstSize) -> Integer;

/// Adjust (move) `xdp_md`\ `->data_end` by `delta` bytes.
#[helper(id = 65, changes_pkt_data, prog_types = [xdp])]
pub fn bpf_xdp_adjust_tail(xdp_md: Ctx, delta: Anything) -> Integer;

/// Retrieve the XFRM state (IP transform framework, see also `ip-xfrm(8)`) at `index` in XFRM "security path" for `skb`.
#[helper(id = 66, prog_types = [sched_cls, sched_act])]
pub fn bpf_skb_get_xfrm_state(
    skb: Ctx,
    index: Anything,
    xfrm_state: Uninit<Mem>,
    size: ConstSize,
    flags: Anything,
) -> Integer;

/// This helper is similar to `bpf_skb_load_bytes`\ () in that it provides an easy way to load `len` bytes from `offset` from the packet associated to `skb`, into the buffer pointed by `to`.
#[helper(id = 68, prog_types = [socket_filter, sched_cls, sched_act, cgroup_skb])]
pub fn bpf_skb_load_bytes_relative(
    skb: Ctx,
    offset: Anything,
    to: Uninit<Mem>,
    len: ConstSize,
    start_header: Anything,
) -> Integer;

/// This helper is similar to `bpf_skb_load_bytes`\ () in that it provides an easy way to load `len` bytes from `offset` from the packet associated to `skb`, into the buffer pointed by `to`.
///
/// The kernel's `sk_reuseport_load_bytes_relative_proto`.
#[helper(id = 68, name = bpf_skb_load_bytes_relative, prog_types = [sk_reuseport])]
pub fn bpf_sk_reuseport_load_bytes_relative(
    skb: Ctx,
    offset: Anything,
    to: Uninit<Mem>,
    len: ConstSize,
    start_header: Anything,
) -> Integer;

/// Do FIB lookup in kernel tables using parameters in `params`.
///
/// The kernel's `bpf_skb_fib_lookup_proto`.
#[helper(id = 69, name = bpf_fib_lookup, gpl_only, prog_types = [sched_cls, sched_act])]
pub fn bpf_skb_fib_lookup(
    ctx: Ctx,
    params: Write<Mem>,
    plen: ConstSize,
    flags: Anything,
) -> Integer;

/// Do FIB lookup in kernel tables using parameters in `params`.
///
/// The kernel's `bpf_xdp_fib_lookup_proto`.
#[helper(id = 69, name = bpf_fib_lookup, gpl_only, prog_types = [xdp])]
pub fn bpf_xdp_fib_lookup(
    ctx: Ctx,
    params: Write<Mem>,
    plen: ConstSize,
    flags: Anything,
) -> Integer;

/// Encapsulate the packet associated to `skb` within a Layer 3 protocol header.
///
/// The kernel's `bpf_lwt_in_push_encap_proto`.
#[helper(id = 73, name = bpf_lwt_push_encap, changes_pkt_data, prog_types = [lwt_in])]
pub fn bpf_lwt_in_push_encap(
    skb: Ctx,
    r#type: Anything,
    hdr: Rdonly<Mem>,
    len: ConstSize,
) -> Integer;

/// Encapsulate the packet associated to `skb` within a Layer 3 protocol header.
///
/// The kernel's `bpf_lwt_xmit_push_encap_proto`.
#[helper(id = 73, name = bpf_lwt_push_encap, changes_pkt_data, prog_types = [lwt_xmit])]
pub fn bpf_lwt_xmit_push_encap(
    skb: Ctx,
    r#type: Anything,
    hdr: Rdonly<Mem>,
    len: ConstSize,
) -> Integer;

/// Return the cgroup v2 id of the socket associated with the `skb`.
#[helper(id = 79, prog_types = [sched_cls, sched_act, cgroup_skb])]
pub fn bpf_skb_cgroup_id(skb: Ctx) -> Integer;

/// Select a `SO_REUSEPORT` socket from a `BPF_MAP_TYPE_REUSEPORT_SOCKARRAY` `map`.
#[helper(id = 82, map_types = [sockmap, sockhash, reuseport_sockarray], prog_types = [sk_reuseport])]
pub fn bpf_sk_select_reuseport(
    reuse: Ctx,
    map: ConstMapPtr,
    key: MapKey,
    flags: Anything,
) -> Integer;

/// Return id of cgroup v2 that is ancestor of cgroup associated with the `skb` at the `ancestor_level`.
#[helper(id = 83, prog_types = [sched_cls, sched_act, cgroup_skb])]
pub fn bpf_skb_ancestor_cgroup_id(skb: Ctx, ancestor_level: Anything) -> Integer;

/// Look for TCP socket matching `tuple`, optionally in a child network namespace `netns`.
#[helper(id = 84, pkt_access, acquire, prog_types = [cgroup_skb, sk_skb])]
pub fn bpf_sk_lookup_tcp(
    ctx: Ctx,
    tuple: Rdonly<Mem>,
    tuple_size: ConstSizeOrZero,
    netns: Anything,
    flags: Anything,
) -> OrNull<Socket>;

/// Look for TCP socket matching `tuple`, optionally in a child network namespace `netns`.
///
/// The kernel's `bpf_sock_addr_sk_lookup_tcp_proto`.
#[helper(id = 84, name = bpf_sk_lookup_tcp, acquire, prog_types = [cgroup_sock_addr])]
pub fn bpf_sock_addr_sk_lookup_tcp(
    ctx: Ctx,
    tuple: Rdonly<Mem>,
    tuple_size: ConstSizeOrZero,
    netns: Anything,
    flags: Anything,
) -> OrNull<Socket>;

/// Look for TCP socket matching `tuple`, optionally in a child network namespace `netns`.
///
/// The kernel's `bpf_tc_sk_lookup_tcp_proto`.
#[helper(id = 84, name = bpf_sk_lookup_tcp, pkt_access, acquire, prog_types = [sched_cls, sched_act])]
pub fn bpf_tc_sk_lookup_tcp(
    ctx: Ctx,
    tuple: Rdonly<Mem>,
    tuple_size: ConstSizeOrZero,
    netns: Anything,
    flags: Anything,
) -> OrNull<Socket>;

/// Look for TCP socket matching `tuple`, optionally in a child network namespace `netns`.
///
/// The kernel's `bpf_xdp_sk_lookup_tcp_proto`.
#[helper(id = 84, name = bpf_sk_lookup_tcp, pkt_access, acquire, prog_types = [xdp])]
pub fn bpf_xdp_sk_lookup_tcp(
    ctx: Ctx,
    tuple: Rdonly<Mem>,
    tuple_size: ConstSizeOrZero,
    netns: Anything,
    flags: Anything,
) -> OrNull<Socket>;

/// Look for UDP socket matching `tuple`, optionally in a child network namespace `netns`.
#[helper(id = 85, pkt_access, acquire, prog_types = [cgroup_skb, sk_skb])]
pub fn bpf_sk_lookup_udp(
    ctx: Ctx,
    tuple: Rdonly<Mem>,
    tuple_size: ConstSizeOrZero,
    netns: Anything,
    flags: Anything,
) -> OrNull<Socket>;

/// Look for UDP socket matching `tuple`, optionally in a child network namespace `netns`.
///
/// The kernel's `bpf_sock_addr_sk_lookup_udp_proto`.
#[helper(id = 85, name = bpf_sk_lookup_udp, acquire, prog_types = [cgroup_sock_addr])]
pub fn bpf_sock_addr_sk_lookup_udp(
    ctx: Ctx,
    tuple: Rdonly<Mem>,
    tuple_size: ConstSizeOrZero,
    netns: Anything,
    flags: Anything,
) -> OrNull<Socket>;

/// Look for UDP socket matching `tuple`, optionally in a child network namespace `netns`.
///
/// The kernel's `bpf_tc_sk_lookup_udp_proto`.
#[helper(id = 85, name = bpf_sk_lookup_udp, pkt_access, acquire, prog_types = [sched_cls, sched_act])]
pub fn bpf_tc_sk_lookup_udp(
    ctx: Ctx,
    tuple: Rdonly<Mem>,
    tuple_size: ConstSizeOrZero,
    netns: Anything,
    flags: Anything,
) -> OrNull<Socket>;

/// Look for UDP socket matching `tuple`, optionally in a child network namespace `netns`.
///
/// The kernel's `bpf_xdp_sk_lookup_udp_proto`.
#[helper(id = 85, name = bpf_sk_lookup_udp, pkt_access, acquire, prog_types = [xdp])]
pub fn bpf_xdp_sk_lookup_udp(
    ctx: Ctx,
    tuple: Rdonly<Mem>,
    tuple_size: ConstSizeOrZero,
    netns: Anything,
    flags: Anything,
) -> OrNull<Socket>;

/// Release the reference held by `sock`.
#[helper(id = 86, prog_types = [sched_cls, sched_act, xdp, cgroup_skb, sk_skb, cgroup_sock_addr, sk_lookup])]
pub fn bpf_sk_release(sock: Release<BtfIdSockCommon>) -> Integer;

/// For socket policies, insert `len` bytes into `msg` at offset `start`.
#[helper(id = 90, changes_pkt_data, prog_types = [sk_msg])]
pub fn bpf_msg_push_data(msg: Ctx, start: Anything, len: Anything, flags: Anything) -> Integer;

/// Will remove `len` bytes from a `msg` starting at byte `start`.
#[helper(id = 91, changes_pkt_data, prog_types = [sk_msg])]
pub fn bpf_msg_pop_data(msg: Ctx, start: Anything, len: Anything, flags: Anything) -> Integer;

/// This helper gets a `struct bpf_sock` pointer such that all the fields in this `bpf_sock` can be accessed.
#[helper(id = 95, carries_ref, prog_types = [sched_cls, sched_act, cgroup_skb])]
pub fn bpf_sk_fullsock(sk: SockCommon) -> OrNull<Socket>;

/// This helper gets a `struct bpf_tcp_sock` pointer from a `struct bpf_sock` pointer.
#[helper(id = 96, carries_ref, prog_types = [sched_cls, sched_act, cgroup_skb, sock_ops, cgroup_sockopt])]
pub fn bpf_tcp_sock(sk: SockCommon) -> OrNull<TcpSock>;

/// Set ECN (Explicit Congestion Notification) field of IP header to `CE` (Congestion Encountered) if current value is `ECT` (ECN Capable Transport).
#[helper(id = 97, prog_types = [sched_cls, sched_act, cgroup_skb])]
pub fn bpf_skb_ecn_set_ce(skb: Ctx) -> Integer;

/// Return a `struct bpf_sock` pointer in `TCP_LISTEN` state.
#[helper(id = 98, prog_types = [sched_cls, sched_act, cgroup_skb])]
pub fn bpf_get_listener_sock(sk: SockCommon) -> OrNull<Socket>;

/// Look for TCP socket matching `tuple`, optionally in a child network namespace `netns`.
#[helper(id = 99, pkt_access, acquire, prog_types = [cgroup_skb, sk_skb])]
pub fn bpf_skc_lookup_tcp(
    ctx: Ctx,
    tuple: Rdonly<Mem>,
    tuple_size: ConstSizeOrZero,
    netns: Anything,
    flags: Anything,
) -> OrNull<SockCommon>;

/// Look for TCP socket matching `tuple`, optionally in a child network namespace `netns`.
///
/// The kernel's `bpf_sock_addr_skc_lookup_tcp_proto`.
#[helper(id = 99, name = bpf_skc_lookup_tcp, acquire, prog_types = [cgroup_sock_addr])]
pub fn bpf_sock_addr_skc_lookup_tcp(
    ctx: Ctx,
    tuple: Rdonly<Mem>,
    tuple_size: ConstSizeOrZero,
    netns: Anything,
    flags: Anything,
) -> OrNull<SockCommon>;

/// Look for TCP socket matching `tuple`, optionally in a child network namespace `netns`.
///
/// The kernel's `bpf_tc_skc_lookup_tcp_proto`.
#[helper(id = 99, name = bpf_skc_lookup_tcp, pkt_access, acquire, prog_types = [sched_cls, sched_act])]
pub fn bpf_tc_skc_lookup_tcp(
    ctx: Ctx,
    tuple: Rdonly<Mem>,
    tuple_size: ConstSizeOrZero,
    netns: Anything,
    flags: Anything,
) -> OrNull<SockCommon>;

/// Look for TCP socket matching `tuple`, optionally in a child network namespace `netns`.
///
/// The kernel's `bpf_xdp_skc_lookup_tcp_proto`.
#[helper(id = 99, name = bpf_skc_lookup_tcp, pkt_access, acquire, prog_types = [xdp])]
pub fn bpf_xdp_skc_lookup_tcp(
    ctx: Ctx,
    tuple: Rdonly<Mem>,
    tuple_size: ConstSizeOrZero,
    netns: Anything,
    flags: Anything,
) -> OrNull<SockCommon>;

/// Check whether `iph` and `th` contain a valid SYN cookie ACK for the listening socket in `sk`.
#[helper(id = 100, gpl_only, pkt_access, prog_types = [sched_cls, sched_act, xdp])]
pub fn bpf_tcp_check_syncookie(
    sk: BtfIdSockCommon,
    iph: Rdonly<Mem>,
    iph_len: ConstSize,
    th: Rdonly<Mem>,
    th_len: ConstSize,
) -> Integer;

/// Try to issue a SYN cookie for the packet with corresponding IP/TCP headers, `iph` and `th`, on the listening socket in `sk`.
#[helper(id = 110, gpl_only, pkt_access, prog_types = [sched_cls, sched_act, xdp])]
pub fn bpf_tcp_gen_syncookie(
    sk: BtfIdSockCommon,
    iph: Rdonly<Mem>,
    iph_len: ConstSize,
    th: Rdonly<Mem>,
    th_len: ConstSize,
) -> Integer;

/// Write raw `data` blob into a special BPF perf event held by `map` of type `BPF_MAP_TYPE_PERF_EVENT_ARRAY`.
#[helper(id = 111, gpl_only, map_types = [perf_event_array], prog_types = [tracing, lsm, syscall])]
pub fn bpf_skb_output(
    ctx: BtfId<super::types::SkBuff>,
    map: ConstMapPtr,
    flags: Anything,
    data: Rdonly<Mem>,
    size: ConstSizeOrZero,
) -> Integer;

/// Write raw `data` blob into a special BPF perf event held by `map` of type `BPF_MAP_TYPE_PERF_EVENT_ARRAY`.
#[helper(id = 121, gpl_only, map_types = [perf_event_array], prog_types = [tracing, lsm, syscall])]
pub fn bpf_xdp_output(
    ctx: BtfId<super::types::XdpBuff>,
    map: ConstMapPtr,
    flags: Anything,
    data: Rdonly<Mem>,
    size: ConstSizeOrZero,
) -> Integer;

/// Retrieve the cookie (generated by the kernel) of the network namespace the input `ctx` is associated with.
///
/// The kernel's `bpf_get_netns_cookie_sk_msg_proto`.
#[helper(id = 122, name = bpf_get_netns_cookie, prog_types = [sk_msg])]
pub fn bpf_get_netns_cookie_sk_msg(ctx: OrNull<Ctx>) -> Integer;

/// Retrieve the cookie (generated by the kernel) of the network namespace the input `ctx` is associated with.
///
/// The kernel's `bpf_get_netns_cookie_sock_addr_proto`.
#[helper(id = 122, name = bpf_get_netns_cookie, prog_types = [cgroup_sock_addr])]
pub fn bpf_get_netns_cookie_sock_addr(ctx: OrNull<Ctx>) -> Integer;

/// Retrieve the cookie (generated by the kernel) of the network namespace the input `ctx` is associated with.
///
/// The kernel's `bpf_get_netns_cookie_sock_ops_proto`.
#[helper(id = 122, name = bpf_get_netns_cookie, prog_types = [sock_ops])]
pub fn bpf_get_netns_cookie_sock_ops(ctx: OrNull<Ctx>) -> Integer;

/// Retrieve the cookie (generated by the kernel) of the network namespace the input `ctx` is associated with.
///
/// The kernel's `bpf_get_netns_cookie_sock_proto`.
#[helper(id = 122, name = bpf_get_netns_cookie, prog_types = [cgroup_sock])]
pub fn bpf_get_netns_cookie_sock(ctx: OrNull<Ctx>) -> Integer;

/// Helper is overloaded depending on BPF program type.
#[helper(id = 124, prog_types = [sched_cls, sched_act])]
pub fn bpf_sk_assign(skb: Ctx, sk: BtfIdSockCommon, flags: Anything) -> Integer;

/// Helper is overloaded depending on BPF program type.
///
/// The kernel's `bpf_sk_lookup_assign_proto`.
#[helper(id = 124, name = bpf_sk_assign, prog_types = [sk_lookup])]
pub fn bpf_sk_lookup_assign(skb: Ctx, sk: OrNull<Socket>, flags: Anything) -> Integer;

/// Return the cgroup v2 id of the socket `sk`.
#[helper(id = 128, prog_types = [cgroup_skb])]
pub fn bpf_sk_cgroup_id(sk: BtfIdSockCommon) -> Integer;

/// Return id of cgroup v2 that is ancestor of cgroup associated with the `sk` at the `ancestor_level`.
#[helper(id = 129, prog_types = [cgroup_skb])]
pub fn bpf_sk_ancestor_cgroup_id(sk: BtfIdSockCommon, ancestor_level: Anything) -> Integer;

/// Change the skbs checksum level by one layer up or down, or reset it entirely to none in order to have the stack perform checksum validation.
#[helper(id = 135, prog_types = [sched_cls, sched_act, lwt_xmit])]
pub fn bpf_csum_level(skb: Ctx, level: Anything) -> Integer;

/// Dynamically cast a `sk` pointer to a `tcp6_sock` pointer.
#[helper(id = 136, carries_ref, prog_types = [socket_filter, sched_cls, sched_act, xdp, cgroup_skb, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, sk_msg, cgroup_sock_addr, lwt_seg6local, flow_dissector, tracing, lsm, sk_lookup, syscall])]
pub fn bpf_skc_to_tcp6_sock(sk: BtfIdSockCommon) -> OrNull<BtfId<super::types::Tcp6Sock>>;

/// Dynamically cast a `sk` pointer to a `tcp_sock` pointer.
#[helper(id = 137, carries_ref, prog_types = [socket_filter, sched_cls, sched_act, xdp, cgroup_skb, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, sk_msg, cgroup_sock_addr, lwt_seg6local, flow_dissector, tracing, lsm, sk_lookup, syscall])]
pub fn bpf_skc_to_tcp_sock(sk: BtfIdSockCommon) -> OrNull<BtfId<crate::structs::TcpSock>>;

/// Dynamically cast a `sk` pointer to a `tcp_timewait_sock` pointer.
#[helper(id = 138, carries_ref, prog_types = [socket_filter, sched_cls, sched_act, xdp, cgroup_skb, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, sk_msg, cgroup_sock_addr, lwt_seg6local, flow_dissector, tracing, lsm, sk_lookup, syscall])]
pub fn bpf_skc_to_tcp_timewait_sock(
    sk: BtfIdSockCommon,
) -> OrNull<BtfId<super::types::TcpTimewaitSock>>;

/// Dynamically cast a `sk` pointer to a `tcp_request_sock` pointer.
#[helper(id = 139, carries_ref, prog_types = [socket_filter, sched_cls, sched_act, xdp, cgroup_skb, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, sk_msg, cgroup_sock_addr, lwt_seg6local, flow_dissector, tracing, lsm, sk_lookup, syscall])]
pub fn bpf_skc_to_tcp_request_sock(
    sk: BtfIdSockCommon,
) -> OrNull<BtfId<super::types::TcpRequestSock>>;

/// Dynamically cast a `sk` pointer to a `udp6_sock` pointer.
#[helper(id = 140, carries_ref, prog_types = [socket_filter, sched_cls, sched_act, xdp, cgroup_skb, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, sk_msg, cgroup_sock_addr, lwt_seg6local, flow_dissector, tracing, lsm, sk_lookup, syscall])]
pub fn bpf_skc_to_udp6_sock(sk: BtfIdSockCommon) -> OrNull<BtfId<super::types::Udp6Sock>>;

/// Load header option.
///
/// The kernel's `bpf_sock_ops_load_hdr_opt_proto`.
#[helper(id = 142, name = bpf_load_hdr_opt, prog_types = [sock_ops])]
pub fn bpf_sock_ops_load_hdr_opt(
    skops: Ctx,
    searchby_res: Write<Mem>,
    len: ConstSize,
    flags: Anything,
) -> Integer;

/// Store header option.
///
/// The kernel's `bpf_sock_ops_store_hdr_opt_proto`.
#[helper(id = 143, name = bpf_store_hdr_opt, changes_pkt_data, prog_types = [sock_ops])]
pub fn bpf_sock_ops_store_hdr_opt(
    skops: Ctx,
    from: Rdonly<Mem>,
    len: ConstSize,
    flags: Anything,
) -> Integer;

/// Reserve `len` bytes for the bpf header option.
///
/// The kernel's `bpf_sock_ops_reserve_hdr_opt_proto`.
#[helper(id = 144, name = bpf_reserve_hdr_opt, prog_types = [sock_ops])]
pub fn bpf_sock_ops_reserve_hdr_opt(skops: Ctx, len: Anything, flags: Anything) -> Integer;

/// See `bpf_get_cgroup_classid`\ () for the main description.
#[helper(id = 151, prog_types = [sched_cls, sched_act])]
pub fn bpf_skb_cgroup_classid(skb: Ctx) -> Integer;

/// Redirect the packet to another net device of index `ifindex` and fill in L2 addresses from neighboring subsystem.
#[helper(id = 152, prog_types = [sched_cls, sched_act])]
pub fn bpf_redirect_neigh(
    ifindex: Anything,
    params: Rdonly<OrNull<Mem>>,
    plen: ConstSizeOrZero,
    flags: Anything,
) -> Integer;

/// Redirect the packet to another net device of index `ifindex`.
#[helper(id = 155, prog_types = [sched_cls, sched_act])]
pub fn bpf_redirect_peer(ifindex: Anything, flags: Anything) -> Integer;

/// If the given file represents a socket, returns the associated socket.
#[helper(id = 162, prog_types = [tracing, lsm, syscall])]
pub fn bpf_sock_from_file(file: BtfId<crate::structs::File>)
-> OrNull<BtfId<super::types::Socket>>;

/// Check packet size against exceeding MTU of net device (based on `ifindex`).
///
/// The kernel's `bpf_skb_check_mtu_proto`.
#[helper(id = 163, name = bpf_check_mtu, gpl_only, prog_types = [sched_cls, sched_act])]
pub fn bpf_skb_check_mtu(
    ctx: Ctx,
    ifindex: Anything,
    mtu_len: Fixed<Write<Aligned<Mem>>, 4>,
    len_diff: Anything,
    flags: Anything,
) -> Integer;

/// Check packet size against exceeding MTU of net device (based on `ifindex`).
///
/// The kernel's `bpf_xdp_check_mtu_proto`.
#[helper(id = 163, name = bpf_check_mtu, gpl_only, prog_types = [xdp])]
pub fn bpf_xdp_check_mtu(
    ctx: Ctx,
    ifindex: Anything,
    mtu_len: Fixed<Write<Aligned<Mem>>, 4>,
    len_diff: Anything,
    flags: Anything,
) -> Integer;

/// Dynamically cast a `sk` pointer to a `unix_sock` pointer.
#[helper(id = 178, prog_types = [socket_filter, sched_cls, sched_act, xdp, cgroup_skb, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, sk_msg, cgroup_sock_addr, lwt_seg6local, flow_dissector, tracing, lsm, sk_lookup, syscall])]
pub fn bpf_skc_to_unix_sock(sk: BtfIdSockCommon) -> OrNull<BtfId<super::types::UnixSock>>;

/// Get the total size of a given xdp buff (linear and paged area)
#[helper(id = 188, prog_types = [xdp])]
pub fn bpf_xdp_get_buff_len(xdp_md: Ctx) -> Integer;

/// Get the total size of a given xdp buff (linear and paged area)
///
/// The kernel's `bpf_xdp_get_buff_len_trace_proto`.
#[helper(id = 188, name = bpf_xdp_get_buff_len, prog_types = [tracing, lsm, syscall])]
pub fn bpf_xdp_get_buff_len_trace(xdp_md: BtfId<super::types::XdpBuff>) -> Integer;

/// This helper is provided as an easy way to load data from a xdp buffer.
#[helper(id = 189, prog_types = [xdp])]
pub fn bpf_xdp_load_bytes(
    xdp_md: Ctx,
    offset: Anything,
    buf: Uninit<Mem>,
    len: ConstSize,
) -> Integer;

/// Store `len` bytes from buffer `buf` into the frame associated to `xdp_md`, at `offset`.
#[helper(id = 190, prog_types = [xdp])]
pub fn bpf_xdp_store_bytes(
    xdp_md: Ctx,
    offset: Anything,
    buf: Rdonly<Mem>,
    len: ConstSize,
) -> Integer;

/// Change the __sk_buff->tstamp_type to `tstamp_type` and set `tstamp` to the __sk_buff->tstamp together.
#[helper(id = 192, prog_types = [sched_cls, sched_act])]
pub fn bpf_skb_set_tstamp(skb: Ctx, tstamp: Anything, tstamp_type: Anything) -> Integer;

/// Dynamically cast a `sk` pointer to a `mptcp_sock` pointer.
#[helper(id = 196, carries_ref, prog_types = [socket_filter, sched_cls, sched_act, xdp, cgroup_skb, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, sk_msg, cgroup_sock_addr, lwt_seg6local, flow_dissector, tracing, lsm, sk_lookup, syscall])]
pub fn bpf_skc_to_mptcp_sock(sk: SockCommon) -> OrNull<BtfId<super::types::MptcpSock>>;

/// Try to issue a SYN cookie for the packet with corresponding IPv4/TCP headers, `iph` and `th`, without depending on a listening socket.
#[helper(id = 204, gpl_only, pkt_access, prog_types = [sched_cls, sched_act, xdp])]
pub fn bpf_tcp_raw_gen_syncookie_ipv4(
    iph: Fixed<Mem, 20>,
    th: Rdonly<Mem>,
    th_len: ConstSizeOrZero,
) -> Integer;

/// Try to issue a SYN cookie for the packet with corresponding IPv6/TCP headers, `iph` and `th`, without depending on a listening socket.
#[helper(id = 205, gpl_only, pkt_access, prog_types = [sched_cls, sched_act, xdp])]
pub fn bpf_tcp_raw_gen_syncookie_ipv6(
    iph: Fixed<Mem, 40>,
    th: Rdonly<Mem>,
    th_len: ConstSizeOrZero,
) -> Integer;

/// Check whether `iph` and `th` contain a valid SYN cookie ACK without depending on a listening socket.
#[helper(id = 206, gpl_only, pkt_access, prog_types = [sched_cls, sched_act, xdp])]
pub fn bpf_tcp_raw_check_syncookie_ipv4(iph: Fixed<Mem, 20>, th: Fixed<Mem, 20>) -> Integer;

/// Check whether `iph` and `th` contain a valid SYN cookie ACK without depending on a listening socket.
#[helper(id = 207, gpl_only, pkt_access, prog_types = [sched_cls, sched_act, xdp])]
pub fn bpf_tcp_raw_check_syncookie_ipv6(iph: Fixed<Mem, 40>, th: Fixed<Mem, 20>) -> Integer;
