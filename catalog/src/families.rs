//! The kfunc families of the catalog and their policies.
//!
//! Families live in a module of their own so that their names (`cpumask`,
//! `task`, `wq`, ...) do not shadow same-named kfunc parameters: a unit
//! struct in scope turns a parameter pattern `cpumask` into a struct pattern.
//! Each family's `prog_types` is the set of program types the verifier lets
//! call it: the program types its kfunc set is registered for, widened by
//! the kernel's hooks (tracing: tracing, tracepoint, perf_event, lsm;
//! cgroup: every cgroup program type and sock_ops; lwt: the four lwt types).

use kfreg::family;

// Used by `crate::alloc`.

/// Allocated local objects of the program's own BTF types.
#[family(prog_types = [
    tracing, tracepoint, perf_event, lsm, sched_cls, xdp, struct_ops, syscall,
    cgroup_skb, cgroup_sock, cgroup_device, cgroup_sock_addr, cgroup_sockopt, cgroup_sysctl, sock_ops
])]
pub struct alloc;

// Used by `crate::arena`.

/// Page management in an arena map.
#[family(prog_types = any)]
pub struct arena;

// Used by `crate::cast`.

/// Casts that cost no call.
#[family(prog_types = any)]
pub struct cast;

// Used by `crate::cgroup`.

/// Referenced `cgroup` pointers.
#[family(prog_types = [
    tracing, tracepoint, perf_event, lsm, sched_cls, xdp, struct_ops, syscall,
    cgroup_skb, cgroup_sock, cgroup_device, cgroup_sock_addr, cgroup_sockopt, cgroup_sysctl, sock_ops
])]
pub struct cgroup;

/// Cgroup resource statistics (registered for tracing: the tracing hook).
#[family(prog_types = [tracing, tracepoint, perf_event, lsm])]
pub struct cgroup_rstat;

// Used by `crate::conntrack`.

/// Conntrack entries, allocated, looked up, inserted and released.
#[family(prog_types = [xdp, sched_cls])]
pub struct conntrack;

// Used by `crate::cpumask`.

/// BPF-allocated CPU masks and queries on kernel CPU masks.
#[family(prog_types = [tracing, tracepoint, perf_event, lsm, struct_ops, syscall])]
pub struct cpumask;

// Used by `crate::crypto`.

/// Crypto context lifetime (syscall programs).
#[family(prog_types = [syscall])]
pub struct crypto_ctx;

/// Crypto operations on packets.
#[family(prog_types = [sched_cls, sched_act, xdp])]
pub struct crypto;

// Used by `crate::dynptr`.

/// Operations on initialised dynptrs of any type.
#[family(prog_types = any)]
pub struct dynptr;

// Used by `crate::exceptions`.

/// Program exceptions.
#[family(prog_types = [
    tracing, tracepoint, perf_event, lsm, sched_cls, xdp, struct_ops, syscall,
    cgroup_skb, cgroup_sock, cgroup_device, cgroup_sock_addr, cgroup_sockopt, cgroup_sysctl, sock_ops
])]
pub struct exceptions;

// Used by `crate::fs`.

/// File and xattr access for BPF LSM programs.
#[family(prog_types = [lsm])]
pub struct fs;

// Used by `crate::irq`.

/// Local IRQ save and restore.
#[family(irq_class = native, prog_types = any)]
pub struct irq;

// Used by `crate::iter_bits`.

/// Iteration over the set bits of a memory area.
#[family(prog_types = any)]
pub struct iter_bits;

// Used by `crate::iter_css`.

/// Iteration over the descendants or ancestors of a css, inside an RCU read section.
#[family(prog_types = any)]
pub struct iter_css;

/// Iteration over the tasks of a css.
#[family(prog_types = any)]
pub struct iter_css_task;

// Used by `crate::iter_dmabuf`.

/// Iteration over the DMA buffers; every step may sleep.
#[family(prog_types = any)]
pub struct iter_dmabuf;

// Used by `crate::iter_kmem_cache`.

/// Iteration over the slab caches; every step may sleep.
#[family(prog_types = any)]
pub struct iter_kmem_cache;

// Used by `crate::iter_num`.

/// Iteration over a range of integers.
#[family(lock_safe, prog_types = any)]
pub struct iter_num;

// Used by `crate::iter_task`.

/// Iteration over tasks (threads or processes), inside an RCU read section.
#[family(prog_types = any)]
pub struct iter_task;

/// Iteration over the memory areas of a task.
#[family(prog_types = any)]
pub struct iter_task_vma;

// Used by `crate::keys`.

/// Referenced `bpf_key` handles.
#[family(prog_types = [
    tracing, tracepoint, perf_event, lsm, sched_cls, xdp, struct_ops, syscall,
    cgroup_skb, cgroup_sock, cgroup_device, cgroup_sock_addr, cgroup_sockopt, cgroup_sysctl, sock_ops
])]
pub struct keys;

// Used by `crate::list`.

/// Lists of allocated objects, protected by a lock in the same allocation.
#[family(root = list_head, node = list_node, lock_required, lock_safe, prog_types = [
    tracing, tracepoint, perf_event, lsm, sched_cls, xdp, struct_ops, syscall,
    cgroup_skb, cgroup_sock, cgroup_device, cgroup_sock_addr, cgroup_sockopt, cgroup_sysctl, sock_ops
])]
pub struct list;

// Used by `crate::preempt`.

/// Preemption control.
#[family(prog_types = any)]
pub struct preempt;

// Used by `crate::rbtree`.

/// Red-black trees of allocated objects, protected by a lock in the same allocation.
#[family(root = rb_root, node = rb_node, lock_required, lock_safe, prog_types = [
    tracing, tracepoint, perf_event, lsm, sched_cls, xdp, struct_ops, syscall,
    cgroup_skb, cgroup_sock, cgroup_device, cgroup_sock_addr, cgroup_sockopt, cgroup_sysctl, sock_ops
])]
pub struct rbtree;

// Used by `crate::rcu`.

/// RCU read-side critical sections.
#[family(prog_types = any)]
pub struct rcu;

// Used by `crate::res_lock`.

/// Resilient spin locks in map values or allocated objects.
#[family(lock_safe, irq_class = lock, prog_types = any)]
pub struct res_lock;

// Used by `crate::session`.

/// Entry/return sessions of kprobe and uprobe programs.
#[family(prog_types = [kprobe])]
pub struct session;

// Used by `crate::skb`.

/// Dynptrs over a socket buffer's packet data.
#[family(prog_types = [
    sched_cls, sched_act, sk_skb, socket_filter,
    cgroup_skb, cgroup_sock, cgroup_device, cgroup_sock_addr, cgroup_sockopt, cgroup_sysctl, sock_ops,
    lwt_in, lwt_out, lwt_xmit, lwt_seg6local, netfilter,
    tracing, tracepoint, perf_event, lsm
])]
pub struct skb;

/// Dynptrs over a socket buffer's metadata area (tc programs).
#[family(prog_types = [sched_cls, sched_act])]
pub struct skb_meta;

// Used by `crate::string`.

/// NUL-terminated string functions.
#[family(prog_types = any)]
pub struct string;

// Used by `crate::task`.

/// Referenced `task_struct` pointers.
#[family(prog_types = [
    tracing, tracepoint, perf_event, lsm, sched_cls, xdp, struct_ops, syscall,
    cgroup_skb, cgroup_sock, cgroup_device, cgroup_sock_addr, cgroup_sockopt, cgroup_sysctl, sock_ops
])]
pub struct task;

// Used by `crate::task_work`.

/// Callbacks run later in the context of a task.
#[family(prog_types = any)]
pub struct task_work;

// Used by `crate::tcp_cc`.

/// Reno, CUBIC and BBR congestion control operations.
#[family(prog_types = [struct_ops])]
pub struct tcp_cc;

// Used by `crate::testing`.

/// Release kfuncs for the test runner's reference-counted objects.
#[family(prog_types = [sched_cls, tracing, tracepoint, perf_event, lsm, syscall])]
pub struct test_release;

/// Functions fmod_ret programs may attach to (the kernel's fmod_ret hook):
/// no program type may call them.
#[family(prog_types = [])]
pub struct fmodret_targets;

// Used by `crate::user_mem`.

/// Unsafe-memory readers.
#[family(prog_types = any)]
pub struct user_mem;

// Used by `crate::wq`.

/// Work items that run a program callback later, in sleepable context.
#[family(prog_types = any)]
pub struct wq;

// Used by `crate::xdp`.

/// XDP buffer dynptrs and linearisation.
#[family(prog_types = [xdp])]
pub struct xdp;

// Used by `crate::xdp_metadata`.

/// Hardware receive metadata of the current frame.
#[family(prog_types = [xdp])]
pub struct xdp_metadata;

// Used by `crate::xfrm`.

/// Referenced xfrm states.
#[family(prog_types = [xdp])]
pub struct xfrm;
