//! Every BPF helper of the kernel, declared with `#[helper]`: one
//! declaration per `struct bpf_func_proto`, with the program types whose
//! `get_func_proto` hands it out. Written by `scripts/helpers-from-kernel.py
//! --rust` from the kernel's sources; `tests/helpers.rs` checks them against the
//! recorded facts and the kernel BTF's `enum bpf_func_id`.

/// Prototypes from `drivers/media/rc/bpf-lirc.c`.
pub mod drivers_media_rc_bpf_lirc;
/// Prototypes from `include/uapi/linux/bpf.h`.
pub mod include_uapi_linux_bpf;
/// Prototypes from `kernel/bpf/bpf_cgrp_storage.c`.
pub mod kernel_bpf_bpf_cgrp_storage;
/// Prototypes from `kernel/bpf/bpf_inode_storage.c`.
pub mod kernel_bpf_bpf_inode_storage;
/// Prototypes from `kernel/bpf/bpf_iter.c`.
pub mod kernel_bpf_bpf_iter;
/// Prototypes from `kernel/bpf/bpf_lsm.c`.
pub mod kernel_bpf_bpf_lsm;
/// Prototypes from `kernel/bpf/bpf_task_storage.c`.
pub mod kernel_bpf_bpf_task_storage;
/// Prototypes from `kernel/bpf/btf.c`.
pub mod kernel_bpf_btf;
/// Prototypes from `kernel/bpf/cgroup.c`.
pub mod kernel_bpf_cgroup;
/// Prototypes from `kernel/bpf/core.c`.
pub mod kernel_bpf_core;
/// Prototypes from `kernel/bpf/helpers.c`.
pub mod kernel_bpf_helpers;
/// Prototypes from `kernel/bpf/ringbuf.c`.
pub mod kernel_bpf_ringbuf;
/// Prototypes from `kernel/bpf/stackmap.c`.
pub mod kernel_bpf_stackmap;
/// Prototypes from `kernel/bpf/syscall.c`.
pub mod kernel_bpf_syscall;
/// Prototypes from `kernel/bpf/task_iter.c`.
pub mod kernel_bpf_task_iter;
/// Prototypes from `kernel/trace/bpf_trace.c`.
pub mod kernel_trace_bpf_trace;
/// Prototypes from `net/core/bpf_sk_storage.c`.
pub mod net_core_bpf_sk_storage;
/// Prototypes from `net/core/filter.c`.
pub mod net_core_filter;
/// Prototypes from `net/core/sock_map.c`.
pub mod net_core_sock_map;
/// Prototypes from `net/ipv4/bpf_tcp_ca.c`.
pub mod net_ipv4_bpf_tcp_ca;
pub mod types;
