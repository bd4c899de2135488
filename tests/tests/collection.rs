//! Collection across crates: three crates' kfuncs in one registry, a family
//! declared in one crate and extended in another, deterministic ids, and a
//! dependency this binary never names staying out.

kfreg::link!(kf_alpha, kf_beta, kf_gamma);

use kfreg::{ArgKind, Flags, ProgType, Registry};

#[test]
fn three_crates_in_one_registry() {
    let reg = Registry::global();
    let crates: Vec<&str> = reg.iter().map(|(_, k)| k.location.krate).collect();
    for krate in ["kf_alpha", "kf_beta", "kf_gamma"] {
        assert!(crates.contains(&krate), "no kfunc from {krate}: {crates:?}");
    }
    let names: Vec<&str> = reg.iter().map(|(_, k)| k.name).collect();
    assert_eq!(
        names,
        [
            "alpha_add",
            "alpha_dequeue",
            "alpha_enqueue",
            "beta_peek",
            "gamma_lock",
            "gamma_unlock"
        ]
    );
}

#[test]
fn unreferenced_dependency_is_not_linked() {
    // kf_unlinked is a dependency of this test crate, but nothing names it.
    assert!(Registry::global().id("unlinked_probe").is_none());
}

#[test]
fn ids_are_dense_and_follow_names() {
    let reg = Registry::global();
    for (i, (id, k)) in reg.iter().enumerate() {
        assert_eq!(id.0 as usize, i);
        assert_eq!(reg.id(k.name), Some(id));
        assert!(std::ptr::eq(reg.get(id), k));
    }
}

#[test]
fn ids_do_not_depend_on_collection_order() {
    let reg = Registry::global();
    let kfuncs: Vec<_> = reg.iter().map(|(_, k)| k).collect();
    let families: Vec<_> = reg.families().map(|(_, f)| f).collect();
    let mut reversed = kfuncs.clone();
    reversed.reverse();
    let mut rotated = kfuncs.clone();
    rotated.rotate_left(2);
    for order in [reversed, rotated] {
        let other = Registry::build(order, families.iter().rev().copied()).unwrap();
        for (id, k) in reg.iter() {
            assert_eq!(other.id(k.name), Some(id), "{}", k.name);
        }
        for (fid, f) in reg.families() {
            assert_eq!(other.family_id(f.name), Some(fid));
        }
    }
}

#[test]
fn family_spans_crates() {
    let reg = Registry::global();
    let queue = reg.family_id("queue").unwrap();
    let members: Vec<&str> = reg
        .members(queue)
        .iter()
        .map(|id| reg.get(*id).name)
        .collect();
    assert_eq!(members, ["alpha_dequeue", "alpha_enqueue", "beta_peek"]);
    let peek = reg.id("beta_peek").unwrap();
    assert!(reg.in_family(peek, queue));
    assert_eq!(reg.get(peek).location.krate, "kf_beta");
    assert_eq!(reg.family(queue).location.krate, "kf_alpha");
    assert!(reg.family_of(reg.id("alpha_add").unwrap()).is_none());
}

#[test]
fn queries_answer_from_declarations() {
    let reg = Registry::global();
    let enqueue = reg.id("alpha_enqueue").unwrap();
    let dequeue = reg.id("alpha_dequeue").unwrap();
    assert!(reg.takes(enqueue, ArgKind::ListNode));
    assert!(reg.takes(enqueue, ArgKind::ListHead));
    assert!(!reg.takes(dequeue, ArgKind::ListNode));
    assert!(reg.has(dequeue, Flags::ACQUIRE.union(Flags::RET_NULL)));
    assert!(!reg.has(enqueue, Flags::ACQUIRE));
    // lock_safe comes from the family, not the kfunc's own flags.
    assert!(reg.has(enqueue, Flags::LOCK_SAFE));
    assert!(!reg.get(enqueue).flags.contains(Flags::LOCK_SAFE));
    // Availability: the family's program types, or any when undeclared.
    assert!(reg.allowed_in(enqueue, ProgType::Xdp));
    assert!(!reg.allowed_in(enqueue, ProgType::Tracing));
    assert!(reg.allowed_in(reg.id("alpha_add").unwrap(), ProgType::Tracing));
    let lock = reg.id("gamma_lock").unwrap();
    assert!(reg.has(
        lock,
        Flags::LOCK.union(Flags::FALLIBLE).union(Flags::LOCK_SAFE)
    ));
    assert_eq!(
        reg.family(reg.family_of(lock).unwrap()).irq_class,
        Some("counter")
    );
}

#[test]
fn hidden_arguments_and_kernel_names() {
    let k = Registry::global().by_name("alpha_enqueue").unwrap();
    let names: Vec<String> = k.params.iter().map(|p| p.kernel_name()).collect();
    assert_eq!(names, ["head", "node", "meta__ign", "off"]);
    assert!(k.params[2].roles.is_hidden());
    assert!(k.params[3].roles.is_hidden());
    assert!(!k.params[1].roles.is_hidden());
    assert_eq!(
        k.c_prototype(),
        "extern __s32 alpha_enqueue(struct bpf_list_head *head, struct bpf_list_node *node, \
         void *meta__ign, __u64 off) __ksym;"
    );
}
