//! Conflicts that only show when crates meet: duplicate names across crates,
//! and a kfunc whose family was never registered.

kfreg::link!(kf_alpha, kf_dup);

use kfreg::{
    Conflict, FamilyDesc, Flags, IterArg, IterTarget, IterTargetArg, Kfunc, Location, ProgTypes,
    Registry, Ret, Tracepoint,
};

#[test]
fn duplicate_kfunc_across_crates_names_both_definitions() {
    let err = Registry::collect().unwrap_err();
    let [
        Conflict::DuplicateKfunc {
            name,
            first,
            second,
        },
    ] = err.conflicts.as_slice()
    else {
        panic!("expected one duplicate, got {err}");
    };
    assert_eq!(*name, "alpha_add");
    let mut crates = [first.krate, second.krate];
    crates.sort();
    assert_eq!(crates, ["kf_alpha", "kf_dup"]);
    let text = err.to_string();
    assert!(
        text.contains("kfunc `alpha_add` is defined twice"),
        "{text}"
    );
    for loc in [first, second] {
        assert!(
            text.contains(&format!("{}:{}", loc.file, loc.line)),
            "{text}"
        );
        assert!(loc.file.ends_with("src/lib.rs") && loc.line > 0, "{loc}");
    }
}

const HERE: Location = Location {
    krate: "kfreg-tests",
    module: "conflicts",
    file: "tests/tests/conflicts.rs",
    line: 1,
};

static GHOST: FamilyDesc = FamilyDesc {
    name: "ghost",
    doc: "",
    root: None,
    node: None,
    lock_required: false,
    lock_safe: false,
    irq_class: None,
    prog_types: ProgTypes::ANY,
    location: HERE,
};

static HAUNTED: Kfunc = Kfunc {
    name: "haunted",
    doc: "",
    family: Some(&GHOST),
    flags: Flags::EMPTY,
    params: &[],
    ret_ty: kfreg::CType::Void,
    ret: Ret::Void,
    callbacks: &[],
    dynptr: None,
    prog_types: None,
    attach: kfreg::AttachTypes::NONE,
    location: Location { line: 2, ..HERE },
};

static GHOST_TWIN: FamilyDesc = FamilyDesc {
    location: Location { line: 3, ..HERE },
    ..GHOST
};

#[test]
fn kfunc_naming_an_unregistered_family_is_reported() {
    let err = Registry::build([&HAUNTED], []).unwrap_err();
    assert_eq!(
        err.conflicts,
        [Conflict::UnknownFamily {
            kfunc: "haunted",
            kfunc_at: HAUNTED.location,
            family: "ghost",
            family_at: GHOST.location,
        }]
    );
    assert!(err.to_string().contains("names family `ghost`"));
}

#[test]
fn every_conflict_is_reported_together() {
    let err = Registry::build([&HAUNTED, &HAUNTED], [&GHOST_TWIN, &GHOST]).unwrap_err();
    // The same static twice is one declaration, not a duplicate; the two
    // families named `ghost` are a duplicate, and the kfunc's family is
    // ambiguous, so it is reported as well.
    assert!(matches!(
        err.conflicts[0],
        Conflict::DuplicateFamily { name: "ghost", .. }
    ));
    assert_eq!(err.conflicts.len(), 2, "{err}");
}

#[test]
fn explicit_build_succeeds_without_conflicts() {
    let reg = Registry::build([&HAUNTED], [&GHOST]).unwrap();
    let id = reg.id("haunted").unwrap();
    assert_eq!(reg.family(reg.family_of(id).unwrap()).name, "ghost");
}

static TASK: IterTarget = IterTarget {
    name: "task",
    doc: "",
    args: &[IterTargetArg {
        name: "task",
        value: IterArg::TrustedOrNull,
    }],
    helpers: &[],
    location: HERE,
};

static TASK_AGAIN: IterTarget = IterTarget {
    name: "task",
    doc: "",
    args: &[],
    helpers: &[],
    location: Location { line: 2, ..HERE },
};

#[test]
fn two_iterator_targets_of_one_name_conflict() {
    let reg = Registry::build([&HAUNTED], [&GHOST]).unwrap();
    let err = reg.with_iter_targets([&TASK, &TASK_AGAIN]).unwrap_err();
    assert_eq!(err.conflicts.len(), 1, "{err}");
    assert!(
        err.to_string()
            .contains("iterator target `task` is declared at"),
        "{err}"
    );
    let reg = Registry::build([&HAUNTED], [&GHOST])
        .unwrap()
        .with_iter_targets([&TASK, &TASK])
        .unwrap();
    let t = reg.iter_targets().get("task").unwrap();
    assert_eq!(t.arg("task"), Some(IterArg::TrustedOrNull));
    assert_eq!(t.arg("meta"), None);
}

static KFREE_SKB: Tracepoint = Tracepoint {
    name: "kfree_skb",
    doc: "",
    or_null: &[3],
    err_ptr: &[],
    location: HERE,
};

static KFREE_SKB_AGAIN: Tracepoint = Tracepoint {
    name: "kfree_skb",
    doc: "",
    or_null: &[],
    err_ptr: &[1],
    location: Location { line: 3, ..HERE },
};

#[test]
fn two_tracepoints_of_one_name_conflict() {
    let reg = Registry::build([&HAUNTED], [&GHOST]).unwrap();
    let err = reg
        .with_tracepoints([&KFREE_SKB, &KFREE_SKB_AGAIN])
        .unwrap_err();
    assert_eq!(err.conflicts.len(), 1, "{err}");
    assert!(
        err.to_string()
            .contains("tracepoint `kfree_skb` is declared at"),
        "{err}"
    );
    let reg = Registry::build([&HAUNTED], [&GHOST])
        .unwrap()
        .with_tracepoints([&KFREE_SKB, &KFREE_SKB])
        .unwrap();
    let t = reg.tracepoints().get("kfree_skb").unwrap();
    assert!(t.may_be_null(3) && !t.may_be_null(0) && !t.may_be_error(3));
    assert!(reg.tracepoints().get("kfree_skb_reason").is_none());
}
