//! The kfuncs of Linux 6.18, declared with the kfreg DSL exactly as any
//! downstream author would. Link it with `kfreg::link!(kfreg_catalog);`.
//!
//! Every kfunc in this kernel's BTF (203; `kfreg check-btf` compares) is
//! declared here, with the `KF_*` flags it is registered with
//! (`BTF_ID_FLAGS`) and the program types its set is registered for
//! (`register_btf_kfunc_id_set`). Availability is what the verifier
//! enforces: the kernel maps program types to hooks, so a set registered
//! for `BPF_PROG_TYPE_TRACING` is also callable from tracepoint, perf_event
//! and LSM programs, one registered for `CGROUP_SKB` from every cgroup
//! program type and sock_ops, and one registered for `UNSPEC` from all.
//! Set filters the DSL cannot express are listed in `VOCAB-GAPS.md`.
//!
//! Modules follow families: graph containers (`list`, `rbtree`) and their
//! allocator (`alloc`), regions (`rcu`, `preempt`, `irq`, `res_lock`), the
//! open-coded iterators (`iter_*`), kernel objects (`task`, `cgroup`,
//! `cpumask`, `keys`, `fs`), dynptrs and memory (`dynptr`, `user_mem`,
//! `string`), networking (`skb`, `xdp`, `xdp_metadata`, `sock`,
//! `conntrack`, `xfrm`, `crypto`, `tcp_cc`), asynchronous work (`wq`,
//! `task_work`) and the rest (`arena`, `cast`, `exceptions`, `session`,
//! `misc`, `testing`).
//!
//! The bodies are never run: a kfunc's code lives in the kernel. They exist
//! so each declaration is an ordinary Rust function with a checked signature.
#![allow(non_camel_case_types, unused_variables, clippy::missing_safety_doc)]

pub mod families;
pub mod structs;

pub mod helpers;
pub mod prog_types;
pub mod struct_ops;

pub mod alloc;
pub mod list;
pub mod rbtree;

pub mod irq;
pub mod preempt;
pub mod rcu;
pub mod res_lock;

pub mod iter_bits;
pub mod iter_css;
pub mod iter_dmabuf;
pub mod iter_kmem_cache;
pub mod iter_num;
pub mod iter_task;

pub mod cgroup;
pub mod cpumask;
pub mod fs;
pub mod keys;
pub mod task;

pub mod dynptr;
pub mod string;
pub mod user_mem;

pub mod conntrack;
pub mod crypto;
pub mod skb;
pub mod sock;
pub mod tcp_cc;
pub mod xdp;
pub mod xdp_metadata;
pub mod xfrm;

pub mod task_work;
pub mod wq;

pub mod arena;
pub mod cast;
pub mod exceptions;
pub mod misc;
pub mod session;
pub mod testing;
