//! `kfreg::link!` keeps a crate the binary otherwise never references.

kfreg::link!(kf_unlinked);

#[test]
fn linked_crate_is_collected() {
    let reg = kfreg::Registry::global();
    let id = reg.id("unlinked_probe").expect("kf_unlinked was linked");
    assert_eq!(reg.get(id).location.krate, "kf_unlinked");
}
