//! The properties that replace the kernel's special-casing, as the registry
//! reports them for the catalog's kfuncs.

kfreg::link!(kfreg_catalog);

use kfreg::{ArgKind, CallbackArgs, DynptrInit, Flags, Kfunc, ProgType, Registry, Ret};

fn k(name: &str) -> &'static Kfunc {
    Registry::global()
        .by_name(name)
        .unwrap_or_else(|| panic!("{name} is not declared"))
}

fn flags(name: &str) -> Flags {
    let reg = Registry::global();
    reg.flags(reg.id(name).unwrap())
}

fn has(name: &str, words: &[&str]) {
    let f = flags(name);
    for w in words {
        let flag = Flags::from_name(w).unwrap_or_else(|| panic!("unknown flag {w}"));
        assert!(f.contains(flag), "{name} lacks `{w}` (has {:?})", f.names());
    }
}

fn lacks(name: &str, words: &[&str]) {
    let f = flags(name);
    for w in words {
        let flag = Flags::from_name(w).unwrap();
        assert!(!f.contains(flag), "{name} should not have `{w}`");
    }
}

fn family(name: &str) -> &'static str {
    k(name).family.map_or("", |f| f.name)
}

#[test]
fn regions() {
    has("bpf_rcu_read_lock", &["rcu_lock"]);
    has("bpf_rcu_read_unlock", &["rcu_unlock"]);
    has("bpf_preempt_disable", &["preempt_disable"]);
    has("bpf_preempt_enable", &["preempt_enable"]);
    has("bpf_local_irq_save", &["irq_save"]);
    has("bpf_local_irq_restore", &["irq_restore"]);
    assert_eq!(
        k("bpf_local_irq_save").family.unwrap().irq_class,
        Some("native")
    );
    has("bpf_res_spin_lock", &["lock", "fallible", "lock_safe"]);
    has("bpf_res_spin_unlock", &["unlock", "lock_safe"]);
    has(
        "bpf_res_spin_lock_irqsave",
        &["lock", "irq_save", "fallible", "lock_safe"],
    );
    has(
        "bpf_res_spin_unlock_irqrestore",
        &["unlock", "irq_restore", "lock_safe"],
    );
    assert_eq!(
        k("bpf_res_spin_lock").family.unwrap().irq_class,
        Some("lock")
    );
}

#[test]
fn lock_safety() {
    let reg = Registry::global();
    let safe: Vec<&str> = reg
        .iter()
        .filter(|(id, _)| reg.has(*id, Flags::LOCK_SAFE))
        .map(|(_, k)| k.name)
        .collect();
    // The kernel's kfunc_spin_allowed(): graph API + refcount_acquire,
    // iter_num, resilient locks.
    let mut want = vec![
        "bpf_list_push_front_impl",
        "bpf_list_push_back_impl",
        "bpf_list_pop_front",
        "bpf_list_pop_back",
        "bpf_list_front",
        "bpf_list_back",
        "bpf_rbtree_add_impl",
        "bpf_rbtree_remove",
        "bpf_rbtree_first",
        "bpf_rbtree_root",
        "bpf_rbtree_left",
        "bpf_rbtree_right",
        "bpf_refcount_acquire_impl",
        "bpf_iter_num_new",
        "bpf_iter_num_next",
        "bpf_iter_num_destroy",
        "bpf_res_spin_lock",
        "bpf_res_spin_unlock",
        "bpf_res_spin_lock_irqsave",
        "bpf_res_spin_unlock_irqrestore",
    ];
    want.sort_unstable();
    assert_eq!(safe, want);
    assert!(!k("bpf_refcount_acquire_impl").family.unwrap().lock_safe);
}

#[test]
fn graph_families() {
    for name in [
        "bpf_list_push_front_impl",
        "bpf_list_pop_back",
        "bpf_list_front",
    ] {
        assert_eq!(family(name), "list");
    }
    let list = k("bpf_list_front").family.unwrap();
    assert!(list.lock_required && list.lock_safe);
    assert_eq!(
        (list.root, list.node),
        (Some(ArgKind::ListHead), Some(ArgKind::ListNode))
    );
    for name in ["bpf_rbtree_remove", "bpf_rbtree_left", "bpf_rbtree_right"] {
        has(name, &["not_in_locked_cb"]);
    }
    lacks("bpf_rbtree_first", &["not_in_locked_cb"]);
    assert_eq!(k("bpf_list_front").ret, Ret::GraphNode { root: 0 });
    has("bpf_list_pop_front", &["acquire", "ret_null"]);
    let add = k("bpf_rbtree_add_impl");
    let cb = add.callback(2).expect("less is a callback");
    assert!(cb.sync && cb.args == CallbackArgs::Nodes && (cb.ret_min, cb.ret_max) == (0, 1));
}

#[test]
fn allocation() {
    assert_eq!(
        k("bpf_obj_new_impl").ret,
        Ret::NewObject {
            type_arg: 0,
            percpu: false
        }
    );
    assert_eq!(
        k("bpf_percpu_obj_new_impl").ret,
        Ret::NewObject {
            type_arg: 0,
            percpu: true
        }
    );
    assert_eq!(k("bpf_refcount_acquire_impl").ret, Ret::Like { arg: 0 });
    has(
        "bpf_refcount_acquire_impl",
        &["acquire", "ret_null", "null_unless_owning", "rcu"],
    );
    has("bpf_obj_drop_impl", &["release"]);
    has("bpf_percpu_obj_drop_impl", &["release"]);
}

#[test]
fn casts_and_returns() {
    assert_eq!(k("bpf_rdonly_cast").ret, Ret::Cast { type_arg: 1 });
    assert_eq!(k("bpf_cast_to_kern_ctx").ret, Ret::KernCtx);
    has("bpf_rdonly_cast", &["fastcall"]);
    has("bpf_cast_to_kern_ctx", &["fastcall"]);
    assert_eq!(k("bpf_get_kmem_cache").ret, Ret::UntrustedObject);
    // The session cookie is the one pointer-to-scalar the program writes;
    // an iterator's element is read-only.
    assert_eq!(k("bpf_session_cookie").ret, Ret::WritableMem);
    assert_eq!(k("bpf_iter_num_next").ret, Ret::Mem);
    assert_eq!(
        k("bpf_dynptr_slice").ret,
        Ret::DynptrSlice {
            dynptr: 0,
            size: 3,
            writable: false
        }
    );
    assert_eq!(
        k("bpf_dynptr_slice_rdwr").ret,
        Ret::DynptrSlice {
            dynptr: 0,
            size: 3,
            writable: true
        }
    );
    assert_eq!(k("bpf_arena_alloc_pages").ret, Ret::Arena);
}

#[test]
fn dynptrs() {
    assert_eq!(k("bpf_dynptr_from_skb").dynptr, Some(DynptrInit::Skb));
    assert_eq!(
        k("bpf_dynptr_from_skb_meta").dynptr,
        Some(DynptrInit::SkbMeta)
    );
    assert_eq!(k("bpf_dynptr_from_xdp").dynptr, Some(DynptrInit::Xdp));
    assert_eq!(k("bpf_dynptr_clone").dynptr, Some(DynptrInit::Clone));
}

#[test]
fn control_flow() {
    has("bpf_xdp_pull_data", &["pkt_changing"]);
    has("bpf_throw", &["throws"]);
    has("__bpf_trap", &["trap"]);
}

#[test]
fn async_callbacks() {
    let wq = k("bpf_wq_set_callback_impl")
        .callback(1)
        .expect("wq callback");
    assert!(!wq.sync && wq.sleepable);
    assert_eq!(wq.args, CallbackArgs::MapValue { of: 0 });
    assert_eq!((wq.ret_min, wq.ret_max), (0, 0));
    for name in [
        "bpf_task_work_schedule_signal_impl",
        "bpf_task_work_schedule_resume_impl",
    ] {
        let cb = k(name).callback(3).expect("task_work callback");
        assert!(!cb.sync && cb.sleepable, "{name}");
        assert_eq!(
            cb.args,
            CallbackArgs::MapValue { of: 2 },
            "{name}: the map parameter"
        );
    }
}

#[test]
fn iterators() {
    for t in [
        "num",
        "bits",
        "task",
        "task_vma",
        "css",
        "css_task",
        "kmem_cache",
        "dmabuf",
    ] {
        has(&format!("bpf_iter_{t}_new"), &["iter_new"]);
        has(&format!("bpf_iter_{t}_next"), &["iter_next", "ret_null"]);
        has(&format!("bpf_iter_{t}_destroy"), &["iter_destroy"]);
        assert_eq!(family(&format!("bpf_iter_{t}_new")), format!("iter_{t}"));
    }
    has("bpf_iter_task_new", &["trusted_args", "rcu_protected"]);
    has("bpf_iter_css_new", &["trusted_args", "rcu_protected"]);
    has("bpf_iter_kmem_cache_next", &["sleepable"]);
    assert_eq!(k("bpf_iter_num_new").params[0].pointee_size, 8);
    assert_eq!(k("bpf_iter_task_new").params[0].pointee_size, 24);
}

#[test]
fn kernel_flags() {
    let kf = |name: &str| flags(name).kernel_names();
    assert_eq!(
        kf("bpf_task_acquire"),
        ["KF_ACQUIRE", "KF_RET_NULL", "KF_RCU"]
    );
    assert_eq!(kf("bpf_ct_set_timeout"), ["KF_TRUSTED_ARGS"]);
    assert_eq!(kf("bpf_cpumask_acquire"), ["KF_ACQUIRE", "KF_TRUSTED_ARGS"]);
    assert_eq!(
        kf("bpf_arena_alloc_pages"),
        [
            "KF_TRUSTED_ARGS",
            "KF_SLEEPABLE",
            "KF_ARENA_RET",
            "KF_ARENA_ARG2"
        ]
    );
    assert_eq!(
        kf("bpf_lookup_user_key"),
        ["KF_ACQUIRE", "KF_RET_NULL", "KF_SLEEPABLE"]
    );
    assert!(kf("bpf_dynptr_adjust").is_empty());
}

#[test]
fn availability() {
    let reg = Registry::global();
    let allowed = |name: &str, p: ProgType| reg.allowed_in(reg.id(name).unwrap(), p);
    // Generic set: tracing hook, tc, xdp, struct_ops, syscall, cgroup hook.
    for p in [
        ProgType::Tracing,
        ProgType::Lsm,
        ProgType::SchedCls,
        ProgType::Xdp,
        ProgType::SockOps,
    ] {
        assert!(allowed("bpf_task_acquire", p), "{p:?}");
    }
    for p in [ProgType::Kprobe, ProgType::SchedAct, ProgType::SocketFilter] {
        assert!(!allowed("bpf_obj_new_impl", p), "{p:?}");
    }
    // Common set and UNSPEC registrations: everything.
    assert!(
        reg.iter()
            .filter(|(_, k)| k.name.starts_with("bpf_res_spin"))
            .all(|(_, k)| k.availability().is_any())
    );
    assert!(k("bpf_rcu_read_lock").availability().is_any());
    // Narrow sets.
    assert_eq!(k("bpf_get_file_xattr").availability().names(), ["lsm"]);
    assert_eq!(k("bpf_xdp_pull_data").availability().names(), ["xdp"]);
    assert_eq!(k("bpf_session_cookie").availability().names(), ["kprobe"]);
    assert_eq!(k("tcp_slow_start").availability().names(), ["struct_ops"]);
    assert_eq!(
        k("bpf_crypto_ctx_create").availability().names(),
        ["syscall"]
    );
    assert_eq!(
        k("bpf_dynptr_from_skb_meta").availability().names(),
        ["sched_cls", "sched_act"]
    );
    assert!(allowed("bpf_cpumask_create", ProgType::StructOps));
    assert!(!allowed("bpf_cpumask_create", ProgType::Xdp));
}

#[test]
fn c_prototypes_use_kernel_names() {
    assert_eq!(
        k("bpf_obj_new_impl").c_prototype(),
        "extern void *bpf_obj_new_impl(__u64 local_type_id__k, void *meta__ign) __ksym;"
    );
    assert_eq!(
        k("bpf_wq_init").c_prototype(),
        "extern __s32 bpf_wq_init(struct bpf_wq *wq, void *p__map, __u32 flags) __ksym;"
    );
    assert_eq!(
        k("bpf_local_irq_save").c_prototype(),
        "extern void bpf_local_irq_save(__u64 *flags__irq_flag) __ksym;"
    );
}

#[test]
fn context_requirements() {
    // The kernel's allowlist for the css_task iterator and its device-bound
    // check for XDP metadata, as declared properties of exactly those kfuncs.
    has("bpf_iter_css_task_new", &["process_context"]);
    lacks("bpf_iter_css_new", &["process_context"]);
    lacks("bpf_iter_task_new", &["process_context"]);
    for name in [
        "bpf_xdp_metadata_rx_timestamp",
        "bpf_xdp_metadata_rx_hash",
        "bpf_xdp_metadata_rx_vlan_tag",
    ] {
        has(name, &["device_bound"]);
    }
    lacks("bpf_xdp_ct_lookup", &["device_bound"]);
}
