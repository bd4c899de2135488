//! The BPF iterator targets of Linux 6.18 (`SEC("iter/NAME")`), each with
//! what its `struct bpf_iter_reg` says: the register type of each context
//! argument (`ctx_arg_info`; `btf_ctx_access` hands these out, and the
//! arguments not listed get their BTF type, trusted as every iterator's
//! `meta`), and the helper prototypes it adds to a tracing program's
//! (`get_func_proto`, asked by `bpf_iter_get_func_proto` when the tracing
//! prototypes have none).

use crate::helpers::net_core_filter::{bpf_sk_getsockopt, bpf_sk_setsockopt};
use kfreg::iter_target;

/// Every task (`kernel/bpf/task_iter.c`).
#[iter_target(args = [task = trusted_or_null])]
pub struct task;

/// Every open file of every task (`kernel/bpf/task_iter.c`).
#[iter_target(args = [task = btf_id_or_null, file = btf_id_or_null])]
pub struct task_file;

/// Every memory area of every task (`kernel/bpf/task_iter.c`).
#[iter_target(args = [task = btf_id_or_null, vma = btf_id_or_null])]
pub struct task_vma;

/// Every BPF map (`kernel/bpf/map_iter.c`).
#[iter_target(args = [map = trusted_or_null])]
pub struct bpf_map;

/// Every element of one map (`kernel/bpf/map_iter.c`): the key read-only,
/// the value writable, both sized by the map at attach time.
#[iter_target(args = [key = rdonly_buf_or_null, value = buf_or_null])]
pub struct bpf_map_elem;

/// Every BPF program (`kernel/bpf/prog_iter.c`).
#[iter_target(args = [prog = btf_id_or_null])]
pub struct bpf_prog;

/// Every BPF link (`kernel/bpf/link_iter.c`).
#[iter_target(args = [link = btf_id_or_null])]
pub struct bpf_link;

/// The cgroups below one (`kernel/bpf/cgroup_iter.c`).
#[iter_target(args = [cgroup = trusted_or_null])]
pub struct cgroup;

/// Every kernel symbol (`kernel/kallsyms.c`).
#[iter_target(args = [ksym = btf_id_or_null])]
pub struct ksym;

/// Every slab cache (`kernel/bpf/kmem_cache_iter.c`).
#[iter_target(args = [s = trusted_or_null])]
pub struct kmem_cache;

/// Every DMA buffer (`kernel/bpf/dmabuf_iter.c`).
#[iter_target(args = [dmabuf = btf_id_or_null])]
pub struct dmabuf;

/// Every socket of one socket-storage map with its value
/// (`net/core/bpf_sk_storage.c`).
#[iter_target(args = [sk = btf_id_or_null, value = buf_or_null])]
pub struct bpf_sk_storage_map;

/// Every socket of one sockmap or sockhash with its key (`net/core/sock_map.c`).
#[iter_target(args = [key = rdonly_buf_or_null, sk = btf_id_or_null])]
pub struct sockmap;

/// Every TCP socket (`net/ipv4/tcp_ipv4.c`); its programs may set and get
/// socket options.
#[iter_target(args = [sk_common = trusted_or_null], helpers = [bpf_sk_setsockopt, bpf_sk_getsockopt])]
pub struct tcp;

/// Every UDP socket (`net/ipv4/udp.c`).
#[iter_target(args = [udp_sk = trusted_or_null])]
pub struct udp;

/// Every Unix socket (`net/unix/af_unix.c`); its programs may set and get
/// socket options.
#[iter_target(args = [unix_sk = btf_id_or_null], helpers = [bpf_sk_setsockopt, bpf_sk_getsockopt])]
pub struct unix;

/// Every IPv6 route (`net/ipv6/route.c`).
#[iter_target(args = [rt = btf_id_or_null])]
pub struct ipv6_route;

/// Every netlink socket (`net/netlink/af_netlink.c`).
#[iter_target(args = [sk = btf_id_or_null])]
pub struct netlink;
