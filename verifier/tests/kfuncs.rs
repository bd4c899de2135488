//! Kfunc rules, driven by declarations only: the catalog's kfuncs, the 2026
//! list API (declared in an extension crate the verifier has never seen) and
//! a family of a test crate with a policy of its own.

mod common;
kfreg::link!(kfreg_catalog, kfreg_list2026, kf_stack);

use common::Case;
use kfreg::ProgType;
use kfreg_object::program::{FieldKind, MapType};

/// `struct elem { long key; struct bpf_list_node node; struct bpf_rb_node rb; struct bpf_refcount ref; }`
const ELEM: u32 = 10;
/// `struct plain { long a; long b; }`
const PLAIN: u32 = 11;
/// Map value: `{ struct bpf_spin_lock lock; struct bpf_list_head head __contains(elem, node); struct bpf_rb_root root __contains(elem, rb); }`
const VALUE: u32 = 20;

/// A tc program with the graph types and one array map (fd 0) of VALUE.
fn graph(text: &str) -> Case {
    Case::new(ProgType::SchedCls, text)
        .ty(
            ELEM,
            "elem",
            72,
            &[
                (FieldKind::ListNode, 8, None),
                (FieldKind::RbNode, 32, None),
                (FieldKind::Refcount, 64, None),
            ],
        )
        .ty(PLAIN, "plain", 16, &[])
        .ty(
            VALUE,
            "value",
            40,
            &[
                (FieldKind::SpinLock, 0, None),
                (FieldKind::ListHead, 8, Some((ELEM, 8))),
                (FieldKind::RbRoot, 24, Some((ELEM, 32))),
            ],
        )
        .map("m", MapType::Array, 4, 40, Some(VALUE))
}

/// Allocates an `elem` into r6 (exits when NULL) and looks up the map value into r7.
const PROLOGUE: &str = "
    r1 = 10
    r2 = 0
    call bpf_obj_new_impl
    if r0 != 0 goto have
    r0 = 0
    exit
have:
    r6 = r0
    r1 = 0
    *(u32 *)(r10 -4) = r1
    r2 = r10
    r2 += -4
    r1 = map[id:0]
    call bpf_map_lookup_elem
    if r0 != 0 goto found
    r1 = r6
    r2 = 0
    call bpf_obj_drop_impl
    r0 = 0
    exit
found:
    r7 = r0
";

fn prog(body: &str) -> String {
    format!("{PROLOGUE}{body}")
}

const PUSH: &str = "
    r1 = r7
    call bpf_spin_lock
    r1 = r7
    r1 += 8
    r2 = r6
    r2 += 8
    r3 = 0
    r4 = 0
    call bpf_list_push_front_impl
    r1 = r7
    call bpf_spin_unlock
";

#[test]
fn push_under_lock_is_accepted() {
    graph(&prog(&format!("{PUSH}    r0 = 0\n    exit\n"))).accept();
}

#[test]
fn push_without_lock() {
    let text = prog(
        "
    r1 = r7
    r1 += 8
    r2 = r6
    r2 += 8
    r3 = 0
    r4 = 0
    call bpf_list_push_front_impl
    r0 = 0
    exit
",
    );
    graph(&text).reject("bpf_spin_lock at off=0 must be held for bpf_list_head");
}

#[test]
fn leaked_object() {
    graph(&prog("    r0 = 0\n    exit\n"))
        .reject("BPF_EXIT instruction in main prog would lead to reference leak");
}

#[test]
fn node_used_after_unlock_is_not_owned() {
    // After the push the node is a non-owning reference; after unlock it is gone.
    let text = prog(&format!(
        "{PUSH}    r0 = *(u64 *)(r6 +0)\n    r0 = 0\n    exit\n"
    ));
    graph(&text).reject("R6 invalid mem access 'scalar'");
}

#[test]
fn drop_twice() {
    let text = prog(
        "
    r1 = r6
    r2 = 0
    call bpf_obj_drop_impl
    r1 = r6
    r2 = 0
    call bpf_obj_drop_impl
    r0 = 0
    exit
",
    );
    // The kernel's answer for the same program in C (corpus alloc_double_drop).
    graph(&text).reject("R1 must be referenced or trusted");
}

#[test]
fn wrong_node_offset() {
    let text = prog(
        "
    r1 = r7
    call bpf_spin_lock
    r1 = r7
    r1 += 8
    r2 = r6
    r2 += 32
    r3 = 0
    r4 = 0
    call bpf_list_push_front_impl
    r1 = r7
    call bpf_spin_unlock
    r0 = 0
    exit
",
    );
    graph(&text).reject("bpf_list_node not found at offset=32");
}

#[test]
fn pop_returns_owning_reference_that_must_be_dropped() {
    let text = prog(&format!(
        "{PUSH}
    r1 = r7
    call bpf_spin_lock
    r1 = r7
    r1 += 8
    call bpf_list_pop_front
    r8 = r0
    r1 = r7
    call bpf_spin_unlock
    if r8 == 0 goto done
    r1 = r8
    r1 += -8
    r2 = 0
    call bpf_obj_drop_impl
done:
    r0 = 0
    exit
"
    ));
    graph(&text).accept();
}

#[test]
fn calls_under_lock_need_lock_safe_kfuncs() {
    let text = prog(
        "
    r1 = r7
    call bpf_spin_lock
    call bpf_rcu_read_lock
    r0 = 0
    exit
",
    );
    graph(&text).reject("function calls are not allowed while holding a lock");
}

#[test]
fn rcu_nesting_and_balance() {
    Case::new(
        ProgType::SchedCls,
        "call bpf_rcu_read_lock\ncall bpf_rcu_read_lock\nr0 = 0\nexit",
    )
    .reject("nested rcu read lock (kernel function bpf_rcu_read_lock)");
    Case::new(ProgType::SchedCls, "call bpf_rcu_read_unlock\nr0 = 0\nexit")
        .reject("unmatched rcu read unlock (kernel function bpf_rcu_read_unlock)");
    Case::new(ProgType::SchedCls, "call bpf_rcu_read_lock\nr0 = 0\nexit").reject(
        "BPF_EXIT instruction in main prog cannot be used inside bpf_rcu_read_lock-ed region",
    );
    Case::new(
        ProgType::SchedCls,
        "call bpf_rcu_read_lock\ncall bpf_rcu_read_unlock\nr0 = 0\nexit",
    )
    .accept();
}

#[test]
fn preempt_balance() {
    Case::new(ProgType::SchedCls, "call bpf_preempt_enable\nr0 = 0\nexit")
        .reject("unmatched attempt to enable preemption (kernel function bpf_preempt_enable)");
    Case::new(ProgType::SchedCls, "call bpf_preempt_disable\nr0 = 0\nexit").reject(
        "BPF_EXIT instruction in main prog cannot be used inside bpf_preempt_disable-ed region",
    );
}

#[test]
fn iterator_lifecycle() {
    let ok = "
    r1 = r10
    r1 += -8
    r2 = 0
    r3 = 10
    call bpf_iter_num_new
loop:
    r1 = r10
    r1 += -8
    call bpf_iter_num_next
    if r0 == 0 goto end
    goto loop
end:
    r1 = r10
    r1 += -8
    call bpf_iter_num_destroy
    r0 = 0
    exit
";
    Case::new(ProgType::SchedCls, ok).accept();
    let leak = "
    r1 = r10
    r1 += -8
    r2 = 0
    r3 = 10
    call bpf_iter_num_new
    r0 = 0
    exit
";
    Case::new(ProgType::SchedCls, leak)
        .reject("BPF_EXIT instruction in main prog would lead to reference leak");
    let uninit = "
    r1 = r10
    r1 += -8
    call bpf_iter_num_next
    r0 = 0
    exit
";
    Case::new(ProgType::SchedCls, uninit).reject("expected an initialized iter_num as arg #0");
}

#[test]
fn sleepable_kfunc_needs_sleepable_program() {
    let text = "
    r1 = r10
    r1 += -16
    r2 = 16
    r3 = 0
    call bpf_copy_from_user_str
    r0 = 0
    exit
";
    Case::new(ProgType::SchedCls, text)
        .reject("program must be sleepable to call sleepable kfunc bpf_copy_from_user_str");
}

#[test]
fn availability_by_program_type() {
    // The stk family is declared for tc and xdp only.
    let text = "
    r1 = 0
    call stk_peek
    r0 = 0
    exit
";
    Case::new(ProgType::Syscall, text)
        .sleepable()
        .reject("calling kernel function stk_peek is not allowed");
}

#[test]
fn new_family_follows_its_declared_policy() {
    // stk_push_impl on the map's list head: the stk family requires the lock.
    let unlocked = prog(
        "
    r1 = r7
    r1 += 8
    r2 = r6
    r2 += 8
    r3 = 0
    r4 = 0
    call stk_push_impl
    r0 = 0
    exit
",
    );
    graph(&unlocked).reject("bpf_spin_lock at off=0 must be held for bpf_list_head");
    let locked = prog(
        "
    r1 = r7
    call bpf_spin_lock
    r1 = r7
    r1 += 8
    r2 = r6
    r2 += 8
    r3 = 0
    r4 = 0
    call stk_push_impl
    r1 = r7
    r1 += 8
    call stk_peek
    r1 = r7
    call bpf_spin_unlock
    r0 = 0
    exit
",
    );
    graph(&locked).accept();
}

#[test]
fn list_2026_api_is_enforced_from_its_declarations() {
    // bpf_list_del takes a non-owning node (from bpf_list_front) under the lock
    // and returns an owning element that must be dropped.
    let del = prog(&format!(
        "{PUSH}
    r1 = r7
    call bpf_spin_lock
    r1 = r7
    r1 += 8
    call bpf_list_front
    if r0 == 0 goto unlock
    r2 = r0
    r1 = r7
    r1 += 8
    call bpf_list_del
    r8 = r0
    r1 = r7
    call bpf_spin_unlock
    if r8 == 0 goto done
    r1 = r8
    r1 += -8
    r2 = 0
    call bpf_obj_drop_impl
    goto done
unlock:
    r1 = r7
    call bpf_spin_unlock
done:
    r0 = 0
    exit
"
    ));
    graph(&del).accept();
    // Without the lock: refused by the list family's policy.
    let unlocked = prog(
        "
    r1 = r7
    r1 += 8
    call bpf_list_empty
    r1 = r6
    r2 = 0
    call bpf_obj_drop_impl
    r0 = 0
    exit
",
    );
    graph(&unlocked).reject("bpf_spin_lock at off=0 must be held for bpf_list_head");
    // Leaking the element bpf_list_del returns.
    let leak = prog(&format!(
        "{PUSH}
    r1 = r7
    call bpf_spin_lock
    r1 = r7
    r1 += 8
    call bpf_list_front
    if r0 == 0 goto unlock
    r2 = r0
    r1 = r7
    r1 += 8
    call bpf_list_del
unlock:
    r1 = r7
    call bpf_spin_unlock
    r0 = 0
    exit
"
    ));
    graph(&leak).reject("BPF_EXIT instruction in main prog would lead to reference leak");
}

#[test]
fn res_spin_lock_result_must_be_checked() {
    let value = 30;
    let case = |text: &str| {
        Case::new(ProgType::SchedCls, text)
            .ty(value, "rvalue", 8, &[(FieldKind::ResSpinLock, 0, None)])
            .map("m", MapType::Array, 4, 8, Some(value))
    };
    let lookup = "
    r1 = 0
    *(u32 *)(r10 -4) = r1
    r2 = r10
    r2 += -4
    r1 = map[id:0]
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r6 = r0
";
    let checked = format!(
        "{lookup}
    r1 = r6
    call bpf_res_spin_lock
    if r0 != 0 goto out
    r1 = r6
    call bpf_res_spin_unlock
out:
    r0 = 0
    exit
"
    );
    case(&checked).accept();
    let unchecked = format!(
        "{lookup}
    r1 = r6
    call bpf_res_spin_lock
    r1 = r6
    call bpf_res_spin_unlock
out:
    r0 = 0
    exit
"
    );
    case(&unchecked).reject("bpf_res_spin_unlock without taking a lock");
    let aa = format!(
        "{lookup}
    r1 = r6
    call bpf_res_spin_lock
    if r0 != 0 goto out
    r1 = r6
    call bpf_res_spin_lock
out:
    r0 = 0
    exit
"
    );
    case(&aa).reject("Acquiring the same lock again, AA deadlock detected");
}

#[test]
fn destructive_kfuncs_need_cap_sys_boot() {
    let text = "
    call stk_reset_machine
    r0 = 0
    exit
";
    // A root loader may; one without CAP_SYS_BOOT may not.
    Case::new(ProgType::Syscall, text).sleepable().accept();
    let mut unprivileged = Case::new(ProgType::Syscall, text).sleepable();
    unprivileged.opts.cap_sys_boot = false;
    unprivileged.reject("destructive kfunc calls require CAP_SYS_BOOT capability");
}

#[test]
fn possibly_null_pointer_to_a_kfunc_without_trusted_args() {
    // Linux 6.18 refuses a possibly-NULL pointer for every kfunc argument
    // not declared nullable, whatever the kfunc's flags (the list push has
    // none).
    let text = "
    r1 = 12
    r2 = 0
    call bpf_obj_new_impl
    r6 = r0
    r1 = 0
    *(u32 *)(r10 -4) = r1
    r2 = r10
    r2 += -4
    r1 = map[id:0]
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r7 = r0
    r1 = r7
    call bpf_spin_lock
    r1 = r7
    r1 += 8
    r2 = r6
    r3 = 0
    r4 = 0
    call bpf_list_push_front_impl
    r1 = r7
    call bpf_spin_unlock
out:
    r0 = 0
    exit
";
    Case::new(ProgType::SchedCls, text)
        .ty(12, "node_first", 16, &[(FieldKind::ListNode, 0, None)])
        .ty(
            21,
            "value_one_list",
            24,
            &[
                (FieldKind::SpinLock, 0, None),
                (FieldKind::ListHead, 8, Some((12, 0))),
            ],
        )
        .map("m", MapType::Array, 4, 24, Some(21))
        .reject("Possibly NULL pointer passed to trusted arg1");
}

#[test]
fn releasing_a_dynptr_invalidates_its_clones() {
    // A clone shares its source's ring-buffer reference: submitting the
    // source leaves no usable clone (dynptr_fail.c's clone_invalidate1).
    let text = "
    r1 = map[id:0]
    r2 = 8
    r3 = 0
    r4 = r10
    r4 += -16
    call bpf_ringbuf_reserve_dynptr
    r1 = r10
    r1 += -16
    r2 = r10
    r2 += -32
    call bpf_dynptr_clone
    r1 = r10
    r1 += -16
    r2 = 0
    call bpf_ringbuf_submit_dynptr
    r1 = r10
    r1 += -48
    r2 = 8
    r3 = r10
    r3 += -32
    r4 = 0
    r5 = 0
    call bpf_dynptr_read
    r0 = 0
    exit
";
    Case::new(ProgType::RawTracepoint, text)
        .map_n("rb", MapType::Ringbuf, 0, 0, 4096, None)
        .reject("Expected an initialized dynptr as arg #2");
}

#[test]
fn node_at_a_variable_offset() {
    // The kernel checks an allocated object's offset before the graph
    // rules: it may not vary.
    let text = prog(
        "
    call bpf_get_prandom_u32
    r8 = r0
    r8 &= 8
    r1 = r7
    call bpf_spin_lock
    r1 = r7
    r1 += 8
    r2 = r6
    r2 += r8
    r3 = 0
    r4 = 0
    call bpf_list_push_front_impl
    r1 = r7
    call bpf_spin_unlock
    r0 = 0
    exit
",
    );
    graph(&text).reject("variable ptr_ access var_off=(0x0; 0x8) disallowed");
}

/// A program whose map value holds a referenced kptr to a refcounted `elem`,
/// loaded and given to `bpf_refcount_acquire_impl`.
fn stashed(ty: ProgType) -> Case {
    let text = "
    r1 = 0
    *(u32 *)(r10 -4) = r1
    r2 = r10
    r2 += -4
    r1 = map[id:0]
    call bpf_map_lookup_elem
    if r0 == 0x0 goto out
    r1 = *(u64 *)(r0 +0)
    if r1 == 0x0 goto out
    r2 = 0
    call bpf_refcount_acquire_impl
    if r0 == 0x0 goto out
    r1 = r0
    r2 = 0
    call bpf_obj_drop_impl
out:
    r0 = 0
    exit
";
    Case::new(ty, text)
        .ty(
            ELEM,
            "elem",
            72,
            &[
                (FieldKind::ListNode, 8, None),
                (FieldKind::RbNode, 32, None),
                (FieldKind::Refcount, 64, None),
            ],
        )
        .ty(30, "stash", 8, &[])
        .local_kptr(30, 0, ELEM)
        .map("m", MapType::Array, 4, 8, Some(30))
}

#[test]
fn stashed_refcounted_kptr_is_a_non_owning_reference() {
    // Loaded in an RCU read section (a non-sleepable program is in one).
    stashed(ProgType::SchedCls).accept();
}

#[test]
fn stashed_refcounted_kptr_outside_rcu_is_untrusted() {
    stashed(ProgType::Syscall)
        .sleepable()
        .reject("arg#0 is neither owning or non-owning ref");
}

/// A program-BTF `struct holder { long a; struct plain __kptr *p; }`.
const HOLDER: u32 = 12;

#[test]
fn kptr_xchg_into_an_allocated_objects_kptr_field() {
    let text = "
    r1 = 12
    r2 = 0
    call bpf_obj_new_impl
    if r0 == 0 goto out
    r6 = r0
    r1 = 11
    r2 = 0
    call bpf_obj_new_impl
    if r0 == 0 goto drop
    r1 = r6
    r1 += 8
    r2 = r0
    call bpf_kptr_xchg
    if r0 == 0 goto drop
    r1 = r0
    r2 = 0
    call bpf_obj_drop_impl
drop:
    r1 = r6
    r2 = 0
    call bpf_obj_drop_impl
out:
    r0 = 0
    exit
";
    let case = graph(text)
        .ty(HOLDER, "holder", 16, &[])
        .local_kptr(HOLDER, 8, PLAIN);
    case.accept();
}

#[test]
fn one_struct_meta_call_for_two_types_is_refused() {
    // The static function's drop would pass `elem`'s struct meta once and
    // `plain`'s (none) the other time.
    let text = "
    r1 = 10
    r2 = 0
    call bpf_obj_new_impl
    if r0 == 0 goto out
    r1 = r0
    call drop
    r1 = 11
    r2 = 0
    call bpf_obj_new_impl
    if r0 == 0 goto out
    r1 = r0
    call drop
out:
    r0 = 0
    exit
drop:
    r2 = 0
    call bpf_obj_drop_impl
    r0 = 0
    exit
";
    graph(text).reject("or mark the callee with __attribute__((nomerge))");
}
