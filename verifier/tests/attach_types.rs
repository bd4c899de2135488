//! The expected attach type a program is loaded with: the types the kernel
//! refuses to load without one of theirs (`strict_attach`, before any
//! verification), and attach type 0, which the kernel's fixup treats as
//! none. Found by difffuzz over every program type (fuzz/README.md,
//! session 27); each verdict agrees with the running kernel's.

mod common;

use common::Case;
use kfreg::{AttachType, ProgType};

kfreg::link!(kfreg_catalog);

const EXIT_0: &str = "
    r0 = 0
    exit
";

fn loaded_as(ty: ProgType, attach: Option<AttachType>) -> Case {
    let mut c = Case::new(ty, EXIT_0);
    c.prog.attach = attach;
    c
}

#[test]
fn strict_types_refuse_other_attach_types() {
    for ty in [
        ProgType::CgroupSockAddr,
        ProgType::CgroupSockopt,
        ProgType::SkLookup,
        ProgType::Netfilter,
    ] {
        loaded_as(ty, None).reject("Invalid argument");
        loaded_as(ty, Some(AttachType::CgroupInetEgress)).reject("Invalid argument");
    }
    loaded_as(ProgType::CgroupSkb, Some(AttachType::CgroupInet4Connect)).reject("Invalid argument");
}

#[test]
fn strict_types_load_with_their_sections_attach_types() {
    loaded_as(
        ProgType::CgroupSockAddr,
        Some(AttachType::CgroupInet4Connect),
    )
    .accept();
    loaded_as(ProgType::Netfilter, Some(AttachType::Netfilter)).accept();
    loaded_as(ProgType::SkLookup, Some(AttachType::SkLookup)).accept();
    // Attach type 0 is ingress for cgroup_skb, none for cgroup_sock,
    // which the kernel then loads as sock_create.
    loaded_as(ProgType::CgroupSkb, None).accept();
    loaded_as(ProgType::CgroupSock, Some(AttachType::CgroupInetIngress)).accept();
    loaded_as(ProgType::CgroupSock, Some(AttachType::CgroupInetEgress)).reject("Invalid argument");
}

#[test]
fn other_types_take_any_attach_type() {
    loaded_as(ProgType::Xdp, Some(AttachType::CgroupInet4Connect)).accept();
    loaded_as(ProgType::SchedCls, None).accept();
}
