//! Helper prototypes defined in the kernel's `kernel/trace/bpf_trace.c`.

use kfreg::helper;
use kfreg::helper::*;

/// For tracing programs, safely attempt to read `size` bytes from kernel space address `unsafe_ptr` and store the data in `dst`.
///
/// The kernel's `bpf_probe_read_compat_proto`.
#[helper(id = 4, name = bpf_probe_read, gpl_only, prog_types = [kprobe, tracepoint, perf_event, raw_tracepoint, raw_tracepoint_writable, tracing, lsm, syscall])]
pub fn bpf_probe_read_compat(
    dst: Uninit<Mem>,
    size: ConstSizeOrZero,
    unsafe_ptr: Anything,
) -> Integer;

/// This helper is a "printk()-like" facility for debugging.
#[helper(id = 6, gpl_only, prog_types = any)]
pub fn bpf_trace_printk(fmt: Rdonly<Mem>, fmt_size: ConstSize) -> Integer;

/// Read the value of a perf event counter.
#[helper(id = 22, gpl_only, map_types = [perf_event_array], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_perf_event_read(map: ConstMapPtr, flags: Anything) -> Integer;

/// Write raw `data` blob into a special BPF perf event held by `map` of type `BPF_MAP_TYPE_PERF_EVENT_ARRAY`.
#[helper(id = 25, gpl_only, map_types = [perf_event_array], prog_types = [kprobe])]
pub fn bpf_perf_event_output(
    ctx: Ctx,
    map: ConstMapPtr,
    flags: Anything,
    data: Rdonly<Mem>,
    size: ConstSizeOrZero,
) -> Integer;

/// Write raw `data` blob into a special BPF perf event held by `map` of type `BPF_MAP_TYPE_PERF_EVENT_ARRAY`.
///
/// The kernel's `bpf_perf_event_output_proto_raw_tp`.
#[helper(id = 25, name = bpf_perf_event_output, gpl_only, map_types = [perf_event_array], prog_types = [raw_tracepoint, raw_tracepoint_writable, tracing, lsm, syscall])]
pub fn bpf_perf_event_output_raw_tp(
    ctx: Ctx,
    map: ConstMapPtr,
    flags: Anything,
    data: Rdonly<Mem>,
    size: ConstSizeOrZero,
) -> Integer;

/// Write raw `data` blob into a special BPF perf event held by `map` of type `BPF_MAP_TYPE_PERF_EVENT_ARRAY`.
///
/// The kernel's `bpf_perf_event_output_proto_tp`.
#[helper(id = 25, name = bpf_perf_event_output, gpl_only, map_types = [perf_event_array], prog_types = [tracepoint, perf_event])]
pub fn bpf_perf_event_output_tp(
    ctx: Ctx,
    map: ConstMapPtr,
    flags: Anything,
    data: Rdonly<Mem>,
    size: ConstSizeOrZero,
) -> Integer;

/// Walk a user or a kernel stack and return its id.
///
/// The kernel's `bpf_get_stackid_proto_raw_tp`.
#[helper(id = 27, name = bpf_get_stackid, gpl_only, map_types = [stack_trace], prog_types = [raw_tracepoint, raw_tracepoint_writable, tracing, lsm, syscall])]
pub fn bpf_get_stackid_raw_tp(ctx: Ctx, map: ConstMapPtr, flags: Anything) -> Integer;

/// Walk a user or a kernel stack and return its id.
///
/// The kernel's `bpf_get_stackid_proto_tp`.
#[helper(id = 27, name = bpf_get_stackid, gpl_only, map_types = [stack_trace], prog_types = [tracepoint])]
pub fn bpf_get_stackid_tp(ctx: Ctx, map: ConstMapPtr, flags: Anything) -> Integer;

/// Get the current task.
#[helper(id = 35, gpl_only, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_get_current_task() -> Integer;

/// Attempt in a safe way to write `len` bytes from the buffer `src` to `dst` in memory.
///
/// The recorded kernel gives it to no program type: `bpf_tracing_func_proto`
/// serves it only where the kernel is not locked down for
/// `LOCKDOWN_BPF_WRITE_USER`, and this one refuses it to every type
/// `scripts/helper-availability.py` probes, to tp_btf programs and to
/// iterators.
#[helper(id = 36, gpl_only, prog_types = [])]
pub fn bpf_probe_write_user(dst: Anything, src: Rdonly<Mem>, len: ConstSize) -> Integer;

/// Copy a NUL terminated string from an unsafe kernel address `unsafe_ptr` to `dst`.
///
/// The kernel's `bpf_probe_read_compat_str_proto`.
#[helper(id = 45, name = bpf_probe_read_str, gpl_only, ret_size_bounded, prog_types = [kprobe, tracepoint, perf_event, raw_tracepoint, raw_tracepoint_writable, tracing, lsm, syscall])]
pub fn bpf_probe_read_compat_str(
    dst: Uninit<Mem>,
    size: ConstSizeOrZero,
    unsafe_ptr: Anything,
) -> Integer;

/// Read the value of a perf event counter, and store it into `buf` of size `buf_size`.
#[helper(id = 55, gpl_only, map_types = [perf_event_array], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_perf_event_read_value(
    map: ConstMapPtr,
    flags: Anything,
    buf: Uninit<Mem>,
    buf_size: ConstSize,
) -> Integer;

/// For an eBPF program attached to a perf event, retrieve the value of the event counter associated to `ctx` and store it in the structure pointed by `buf` and of size `buf_size`.
#[helper(id = 56, gpl_only, prog_types = [perf_event])]
pub fn bpf_perf_prog_read_value(ctx: Ctx, buf: Uninit<Mem>, buf_size: ConstSize) -> Integer;

/// Return a user or a kernel stack in bpf program provided buffer.
///
/// The kernel's `bpf_get_stack_proto_raw_tp`.
#[helper(id = 67, name = bpf_get_stack, gpl_only, ret_size_bounded, prog_types = [raw_tracepoint, raw_tracepoint_writable, tracing, lsm, syscall])]
pub fn bpf_get_stack_raw_tp(
    ctx: Ctx,
    buf: Uninit<Mem>,
    size: ConstSizeOrZero,
    flags: Anything,
) -> Integer;

/// Return a user or a kernel stack in bpf program provided buffer.
///
/// The kernel's `bpf_get_stack_proto_tp`.
#[helper(id = 67, name = bpf_get_stack, gpl_only, ret_size_bounded, prog_types = [tracepoint])]
pub fn bpf_get_stack_tp(
    ctx: Ctx,
    buf: Uninit<Mem>,
    size: ConstSizeOrZero,
    flags: Anything,
) -> Integer;

/// Send signal `sig` to the process of the current task.
#[helper(id = 109, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_send_signal(sig: Anything) -> Integer;

/// Safely attempt to read `size` bytes from user space address `unsafe_ptr` and store the data in `dst`.
#[helper(id = 112, gpl_only, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_probe_read_user(
    dst: Uninit<Mem>,
    size: ConstSizeOrZero,
    unsafe_ptr: Anything,
) -> Integer;

/// Safely attempt to read `size` bytes from kernel space address `unsafe_ptr` and store the data in `dst`.
#[helper(id = 113, gpl_only, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_probe_read_kernel(
    dst: Uninit<Mem>,
    size: ConstSizeOrZero,
    unsafe_ptr: Anything,
) -> Integer;

/// Copy a NUL terminated string from an unsafe user address `unsafe_ptr` to `dst`.
#[helper(id = 114, gpl_only, ret_size_bounded, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_probe_read_user_str(
    dst: Uninit<Mem>,
    size: ConstSizeOrZero,
    unsafe_ptr: Anything,
) -> Integer;

/// Copy a NUL terminated string from an unsafe kernel address `unsafe_ptr` to `dst`.
#[helper(id = 115, gpl_only, ret_size_bounded, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_probe_read_kernel_str(
    dst: Uninit<Mem>,
    size: ConstSizeOrZero,
    unsafe_ptr: Anything,
) -> Integer;

/// Send signal `sig` to the thread corresponding to the current task.
#[helper(id = 117, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_send_signal_thread(sig: Anything) -> Integer;

/// For an eBPF program attached to a perf event, retrieve the branch records (`struct perf_branch_entry`) associated to `ctx` and store it in the buffer pointed by `buf` up to size `size` bytes.
#[helper(id = 119, gpl_only, prog_types = [perf_event])]
pub fn bpf_read_branch_records(
    ctx: Ctx,
    buf: Write<OrNull<Mem>>,
    size: ConstSizeOrZero,
    flags: Anything,
) -> Integer;

/// `bpf_seq_printf`\ () uses seq_file `seq_printf`\ () to print out the format string.
///
/// Iterators only (`tracing_prog_func_proto`: `BPF_TRACE_ITER`), as the
/// other seq_file helpers.
#[helper(id = 126, gpl_only, prog_types = [tracing], not_for_attach = [trace_raw_tp, trace_fentry, trace_fexit, modify_return])]
pub fn bpf_seq_printf(
    m: BtfId<super::types::SeqFile>,
    fmt: Rdonly<Mem>,
    fmt_size: ConstSize,
    data: Rdonly<OrNull<Mem>>,
    data_len: ConstSizeOrZero,
) -> Integer;

/// `bpf_seq_write`\ () uses seq_file `seq_write`\ () to write the data.
#[helper(id = 127, gpl_only, prog_types = [tracing], not_for_attach = [trace_raw_tp, trace_fentry, trace_fexit, modify_return])]
pub fn bpf_seq_write(
    m: BtfId<super::types::SeqFile>,
    data: Rdonly<Mem>,
    len: ConstSizeOrZero,
) -> Integer;

/// Return full path for given `struct path` object, which needs to be the kernel BTF `path` object.
///
/// Only iterators, LSM programs and programs tracing the functions of
/// `btf_allowlist_d_path` may call it (`bpf_d_path_allowed`; the kernel
/// allows LSM programs only on hooks that may sleep, which is not declared).
#[helper(id = 147, prog_types = [tracing, lsm, syscall], only_attach = [trace_iter, trace_fentry, trace_fexit, modify_return, lsm_mac], only_funcs = [security_file_permission, security_inode_getattr, security_file_open, security_path_truncate, vfs_truncate, vfs_fallocate, dentry_open, vfs_getattr, filp_close])]
pub fn bpf_d_path(path: BtfId<crate::structs::Path>, buf: Mem, sz: ConstSizeOrZero) -> Integer;

/// Use BTF to store a string representation of `ptr`->ptr in `str`, using `ptr`->type_id.
#[helper(id = 149, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_snprintf_btf(
    str: Write<Mem>,
    str_size: ConstSize,
    ptr: Rdonly<Mem>,
    btf_ptr_size: ConstSize,
    flags: Anything,
) -> Integer;

/// Use BTF to write to seq_write a string representation of `ptr`->ptr, using `ptr`->type_id as per bpf_snprintf_btf().
#[helper(id = 150, gpl_only, prog_types = [tracing], not_for_attach = [trace_raw_tp, trace_fentry, trace_fexit, modify_return])]
pub fn bpf_seq_printf_btf(
    m: BtfId<super::types::SeqFile>,
    ptr: Rdonly<Mem>,
    ptr_size: ConstSizeOrZero,
    flags: Anything,
) -> Integer;

/// Return a BTF pointer to the "current" task.
#[helper(id = 158, gpl_only, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_get_current_task_btf() -> Trusted<BtfId<crate::structs::TaskStruct>>;

/// Get address of the traced function (for tracing and kprobe programs).
///
/// The kernel's `bpf_get_func_ip_proto_kprobe_multi` (`is_kprobe_multi`).
#[helper(id = 173, name = bpf_get_func_ip, traced_func, prog_types = [kprobe], for_attach = [trace_kprobe_multi, trace_kprobe_session])]
pub fn bpf_get_func_ip_kprobe_multi(ctx: Ctx) -> Integer;

/// Get address of the traced function (for tracing and kprobe programs).
///
/// The kernel's `bpf_get_func_ip_proto_uprobe_multi` (`is_uprobe_multi`).
#[helper(id = 173, name = bpf_get_func_ip, traced_func, prog_types = [kprobe], for_attach = [trace_uprobe_multi, trace_uprobe_session])]
pub fn bpf_get_func_ip_uprobe_multi(ctx: Ctx) -> Integer;

/// Get address of the traced function (for tracing and kprobe programs).
///
/// The kernel's `bpf_get_func_ip_proto_kprobe`: a single kprobe's or
/// uprobe's, unlike the multi-probes' only for GPL-compatible programs.
#[helper(id = 173, name = bpf_get_func_ip, gpl_only, traced_func, prog_types = [kprobe], not_for_attach = [trace_kprobe_multi, trace_kprobe_session, trace_uprobe_multi, trace_uprobe_session])]
pub fn bpf_get_func_ip_kprobe(ctx: Ctx) -> Integer;

/// Get address of the traced function (for tracing and kprobe programs).
///
/// The kernel's `bpf_get_func_ip_proto_tracing`.
#[helper(id = 173, name = bpf_get_func_ip, gpl_only, traced_func, prog_types = [tracepoint, perf_event, raw_tracepoint, raw_tracepoint_writable, tracing, lsm, syscall])]
pub fn bpf_get_func_ip_tracing(ctx: Ctx) -> Integer;

/// Get bpf_cookie value provided (optionally) during the program attachment.
///
/// The kernel's `bpf_get_attach_cookie_proto_kmulti`.
#[helper(id = 174, name = bpf_get_attach_cookie, prog_types = [kprobe])]
pub fn bpf_get_attach_cookie_kmulti(ctx: Ctx) -> Integer;

/// Get bpf_cookie value provided (optionally) during the program attachment.
///
/// The kernel's `bpf_get_attach_cookie_proto_pe`.
#[helper(id = 174, name = bpf_get_attach_cookie, prog_types = [perf_event])]
pub fn bpf_get_attach_cookie_pe(ctx: Ctx) -> Integer;

/// Get bpf_cookie value provided (optionally) during the program attachment.
///
/// The kernel's `bpf_get_attach_cookie_proto_trace`.
#[helper(id = 174, name = bpf_get_attach_cookie, prog_types = [tracepoint])]
pub fn bpf_get_attach_cookie_trace(ctx: Ctx) -> Integer;

/// Get bpf_cookie value provided (optionally) during the program attachment.
///
/// The kernel's `bpf_get_attach_cookie_proto_tracing`. Tracing programs get
/// it attached to a raw tracepoint or through a trampoline
/// (`bpf_prog_has_trampoline`), not as iterators.
#[helper(id = 174, name = bpf_get_attach_cookie, prog_types = [raw_tracepoint, raw_tracepoint_writable, tracing], not_for_attach = [trace_iter])]
pub fn bpf_get_attach_cookie_tracing(ctx: Ctx) -> Integer;

/// Get the struct pt_regs associated with `task`.
#[helper(id = 175, gpl_only, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_task_pt_regs(task: BtfId<crate::structs::TaskStruct>) -> BtfId<super::types::PtRegs>;

/// Get branch trace from hardware engines like Intel LBR.
#[helper(id = 176, gpl_only, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_get_branch_snapshot(arg1: Uninit<Mem>, arg2: ConstSizeOrZero) -> Integer;

/// Behaves like `bpf_trace_printk`\ () helper, but takes an array of u64 to format and can handle more format args as a result.
#[helper(id = 177, gpl_only, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_trace_vprintk(
    fmt: Rdonly<Mem>,
    fmt_size: ConstSize,
    data: Rdonly<OrNull<Mem>>,
    data_len: ConstSizeOrZero,
) -> Integer;

/// Get `n`-th argument register (zero based) of the traced function (for tracing programs) returned in `value`.
///
/// Only programs called through a trampoline (`bpf_prog_has_trampoline`:
/// fentry, fexit, fmod_ret, LSM hooks), as the two below.
#[helper(id = 183, prog_types = [tracing, lsm], not_for_attach = [trace_raw_tp, trace_iter, lsm_cgroup])]
pub fn bpf_get_func_arg(ctx: Ctx, n: Anything, value: Fixed<Uninit<Aligned<Mem>>, 8>) -> Integer;

/// Get return value of the traced function (for tracing programs) in `value`.
#[helper(id = 184, prog_types = [tracing, lsm], not_for_attach = [trace_raw_tp, trace_iter, lsm_cgroup])]
pub fn bpf_get_func_ret(ctx: Ctx, value: Fixed<Uninit<Aligned<Mem>>, 8>) -> Integer;

/// Get number of registers of the traced function (for tracing programs) where function arguments are stored in these registers.
#[helper(id = 185, prog_types = [tracing, lsm], not_for_attach = [trace_raw_tp, trace_iter, lsm_cgroup])]
pub fn bpf_get_func_arg_cnt(ctx: Ctx) -> Integer;
