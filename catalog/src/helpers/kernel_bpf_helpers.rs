//! Helper prototypes defined in the kernel's `kernel/bpf/helpers.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Perform a lookup in `map` for an entry associated to `key`.
#[helper(id = 1, pkt_access, indexed_lookup, map_types = [hash, array, percpu_hash, percpu_array, lru_hash, lru_percpu_hash, lpm_trie, array_of_maps, hash_of_maps, devmap, sockmap, xskmap, sockhash, devmap_hash, struct_ops, arena], prog_types = any)]
pub fn bpf_map_lookup_elem(map: ConstMapPtr, key: MapKey) -> OrNull<MapValue>;

/// Add or update the value of the entry associated to `key` in `map` with `value`.
#[helper(id = 2, pkt_access, writes_map, map_types = [hash, array, percpu_hash, percpu_array, lru_hash, lru_percpu_hash, lpm_trie, sockmap, sockhash, struct_ops, arena], prog_types = any)]
pub fn bpf_map_update_elem(
    map: ConstMapPtr,
    key: MapKey,
    value: MapValue,
    flags: Anything,
) -> Integer;

/// Delete entry with `key` from `map`.
#[helper(id = 3, pkt_access, writes_map, map_types = [hash, array, percpu_hash, percpu_array, lru_hash, lru_percpu_hash, lpm_trie, sockmap, sockhash, struct_ops, arena], prog_types = any)]
pub fn bpf_map_delete_elem(map: ConstMapPtr, key: MapKey) -> Integer;

/// Return the time elapsed since system boot, in nanoseconds.
#[helper(id = 5, prog_types = any)]
pub fn bpf_ktime_get_ns() -> Integer;

/// Get a pseudo-random number.
#[helper(id = 7, prog_types = any)]
pub fn bpf_get_prandom_u32() -> Integer;

/// Get the SMP (symmetric multiprocessing) processor id.
///
/// The kernel's `bpf_get_raw_smp_processor_id_proto`.
#[helper(id = 8, name = bpf_get_smp_processor_id, ret_cpu_id, prog_types = [socket_filter, cgroup_skb, cgroup_sock, sock_ops, sk_skb, cgroup_device, sk_msg, cgroup_sock_addr, sk_reuseport, flow_dissector, cgroup_sysctl, cgroup_sockopt, struct_ops, ext, sk_lookup, netfilter])]
pub fn bpf_get_raw_smp_processor_id() -> Integer;

/// Get the SMP (symmetric multiprocessing) processor id.
///
/// The one helper the x86-64 verifier inlines as a bpf_fastcall (a per-CPU
/// load), in the program types of this prototype only.
#[helper(id = 8, ret_cpu_id, fastcall, prog_types = [kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, lwt_in, lwt_out, lwt_xmit, raw_tracepoint, lwt_seg6local, raw_tracepoint_writable, tracing, lsm, syscall])]
pub fn bpf_get_smp_processor_id() -> Integer;

/// Get the current pid and tgid.
#[helper(id = 14, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_get_current_pid_tgid() -> Integer;

/// Get the current uid and gid.
#[helper(id = 15, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_get_current_uid_gid() -> Integer;

/// Copy the `comm` attribute of the current task into `buf` of `size_of_buf`.
#[helper(id = 16, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_get_current_comm(buf: Uninit<Mem>, size_of_buf: ConstSize) -> Integer;

/// Write raw `data` blob into a special BPF perf event held by `map` of type `BPF_MAP_TYPE_PERF_EVENT_ARRAY`.
///
/// The kernel's `bpf_event_output_data_proto`.
#[helper(id = 25, name = bpf_perf_event_output, gpl_only, map_types = [perf_event_array], prog_types = [cgroup_sock, sock_ops, cgroup_device, sk_msg, cgroup_sock_addr, cgroup_sysctl, cgroup_sockopt, sk_lookup])]
pub fn bpf_event_output_data(
    ctx: Ctx,
    map: ConstMapPtr,
    flags: Anything,
    data: Rdonly<Mem>,
    size: ConstSizeOrZero,
) -> Integer;

/// Check whether the probe is being run is the context of a given subset of the cgroup2 hierarchy.
#[helper(id = 37, map_types = [cgroup_array], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_current_task_under_cgroup(map: ConstMapPtr, index: Anything) -> Integer;

/// Return the id of the current NUMA node.
#[helper(id = 42, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_get_numa_node_id() -> Integer;

/// Get the current cgroup id based on the cgroup within which the current task is running.
#[helper(id = 80, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_get_current_cgroup_id() -> Integer;

/// Push an element `value` in `map`.
#[helper(id = 87, pkt_access, writes_map, map_types = [queue, stack, bloom_filter], prog_types = any)]
pub fn bpf_map_push_elem(map: ConstMapPtr, value: MapValue, flags: Anything) -> Integer;

/// Pop an element from `map`.
#[helper(id = 88, writes_map, map_types = [queue, stack], prog_types = any)]
pub fn bpf_map_pop_elem(map: ConstMapPtr, value: Uninit<MapValue>) -> Integer;

/// Get an element from `map` without removing it.
#[helper(id = 89, map_types = [queue, stack, bloom_filter], prog_types = any)]
pub fn bpf_map_peek_elem(map: ConstMapPtr, value: Uninit<MapValue>) -> Integer;

/// Acquire a spinlock represented by the pointer `lock`, which is stored as part of a value of a map.
#[helper(id = 93, lock, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_spin_lock(lock: SpinLock);

/// Release the `lock` previously locked by a call to `bpf_spin_lock`\ (\ `lock`\ ).
#[helper(id = 94, unlock, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_spin_unlock(lock: SpinLock);

/// Convert the initial part of the string from buffer `buf` of size `buf_len` to a long integer according to the given base and save the result in `res`.
#[helper(id = 105, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_strtol(
    buf: Rdonly<Mem>,
    buf_len: ConstSize,
    flags: Anything,
    res: Fixed<Uninit<Aligned<Mem>>, 8>,
) -> Integer;

/// Convert the initial part of the string from buffer `buf` of size `buf_len` to an unsigned long integer according to the given base and save the result in `res`.
#[helper(id = 106, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_strtoul(
    buf: Rdonly<Mem>,
    buf_len: ConstSize,
    flags: Anything,
    res: Fixed<Uninit<Aligned<Mem>>, 8>,
) -> Integer;

/// Obtain the 64bit jiffies
#[helper(id = 118, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_jiffies64() -> Integer;

/// Returns 0 on success, values for `pid` and `tgid` as seen from the current `namespace` will be returned in `nsdata`.
#[helper(id = 120, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_get_ns_current_pid_tgid(
    dev: Anything,
    ino: Anything,
    nsdata: Uninit<Mem>,
    size: ConstSize,
) -> Integer;

/// Return id of cgroup v2 that is ancestor of the cgroup associated with the current task at the `ancestor_level`.
#[helper(id = 123, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_get_current_ancestor_cgroup_id(ancestor_level: Anything) -> Integer;

/// Return the time elapsed since system boot, in nanoseconds.
#[helper(id = 125, prog_types = any)]
pub fn bpf_ktime_get_boot_ns() -> Integer;

/// Read `size` bytes from user space address `user_ptr` and store the data in `dst`.
#[helper(id = 148, might_sleep, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_copy_from_user(dst: Uninit<Mem>, size: ConstSizeOrZero, user_ptr: Anything) -> Integer;

/// The `bpf_per_cpu_ptr` helper.
#[helper(id = 153, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_per_cpu_ptr(percpu_ptr: PercpuBtfId, cpu: Anything) -> OrNull<Rdonly<MemOrBtfId>>;

/// Take a pointer to a percpu ksym, `percpu_ptr`, and return a pointer to the percpu kernel variable on this cpu.
#[helper(id = 154, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_this_cpu_ptr(percpu_ptr: PercpuBtfId) -> Rdonly<MemOrBtfId>;

/// Return a coarse-grained version of the time elapsed since system boot, in nanoseconds.
#[helper(id = 160, prog_types = [socket_filter, sched_cls, sched_act, xdp, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, sk_msg, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, struct_ops, sk_lookup])]
pub fn bpf_ktime_get_coarse_ns() -> Integer;

/// Outputs a string into the `str` buffer of size `str_size` based on a format string stored in a read-only map pointed by `fmt`.
#[helper(id = 165, gpl_only, checks_format, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_snprintf(
    str: Write<OrNull<Mem>>,
    str_size: ConstSizeOrZero,
    fmt: ConstStr,
    data: Rdonly<OrNull<Mem>>,
    data_len: ConstSizeOrZero,
) -> Integer;

/// Initialize the timer.
#[helper(id = 169, gpl_only, map_types = [hash, array, percpu_hash, percpu_array, lru_hash, lru_percpu_hash, lpm_trie, struct_ops, arena], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_timer_init(timer: Timer, map: ConstMapPtr, flags: Anything) -> Integer;

/// Configure the timer to call `callback_fn` static function.
#[helper(id = 170, gpl_only, callback = timer, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_timer_set_callback(timer: Timer, callback_fn: Func) -> Integer;

/// Set timer expiration N nanoseconds from the current time.
#[helper(id = 171, gpl_only, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_timer_start(timer: Timer, nsecs: Anything, flags: Anything) -> Integer;

/// Cancel the timer and wait for callback_fn to finish if it was running.
#[helper(id = 172, gpl_only, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_timer_cancel(timer: Timer) -> Integer;

/// Do strncmp() between `s1` and `s2`.
#[helper(id = 182, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_strncmp(s1: Rdonly<Mem>, s1_sz: ConstSize, s2: ConstStr) -> Integer;

/// Read `size` bytes from user space address `user_ptr` in `tsk`'s address space, and stores the data in `dst`.
#[helper(id = 191, gpl_only, might_sleep, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_copy_from_user_task(
    dst: Uninit<Mem>,
    size: ConstSizeOrZero,
    user_ptr: Anything,
    tsk: BtfId<crate::structs::TaskStruct>,
    flags: Anything,
) -> Integer;

/// Exchange kptr at pointer `dst` with `ptr`, and return the old value.
#[helper(id = 194, acquire, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_kptr_xchg(dst: KptrXchgDest, ptr: Release<OrNull<BtfId<KptrType>>>)
-> OrNull<KptrField>;

/// Perform a lookup in `percpu map` for an entry associated to `key` on `cpu`.
#[helper(id = 195, pkt_access, map_types = [percpu_hash, percpu_array, lru_percpu_hash], prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_map_lookup_percpu_elem(map: ConstMapPtr, key: MapKey, cpu: Anything)
-> OrNull<MapValue>;

/// Get a dynptr to local memory `data`.
#[helper(id = 197, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_dynptr_from_mem(
    data: InMapValue<Uninit<Mem>>,
    size: ConstSizeOrZero,
    flags: Anything,
    ptr: Uninit<LocalDynptr>,
) -> Integer;

/// Read `len` bytes from `src` into `dst`, starting from `offset` into `src`.
#[helper(id = 201, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_dynptr_read(
    dst: Uninit<Mem>,
    len: ConstSizeOrZero,
    src: Rdonly<Dynptr>,
    offset: Anything,
    flags: Anything,
) -> Integer;

/// Write `len` bytes from `src` into `dst`, starting from `offset` into `dst`.
#[helper(id = 202, writes_dynptr, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_dynptr_write(
    dst: Rdonly<Dynptr>,
    offset: Anything,
    src: Rdonly<Mem>,
    len: ConstSizeOrZero,
    flags: Anything,
) -> Integer;

/// Get a pointer to the underlying dynptr data.
#[helper(id = 203, carries_ref, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_dynptr_data(
    ptr: Rdonly<Dynptr>,
    offset: Anything,
    len: ConstAllocSizeOrZero,
) -> OrNull<Mem>;

/// A nonsettable system-wide clock derived from wall-clock time but ignoring leap seconds.
#[helper(id = 208, prog_types = [socket_filter, kprobe, sched_cls, sched_act, tracepoint, xdp, perf_event, cgroup_skb, cgroup_sock, lwt_in, lwt_out, lwt_xmit, sock_ops, sk_skb, cgroup_device, sk_msg, raw_tracepoint, cgroup_sock_addr, lwt_seg6local, sk_reuseport, flow_dissector, cgroup_sysctl, raw_tracepoint_writable, cgroup_sockopt, tracing, struct_ops, ext, lsm, sk_lookup, syscall, netfilter])]
pub fn bpf_ktime_get_tai_ns() -> Integer;
