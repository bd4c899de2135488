//! The harness itself: the smallest accepted and rejected programs.

mod common;
kfreg::link!(kfreg_catalog);
use common::Case;
use kfreg::ProgType;

#[test]
fn smoke() {
    Case::new(ProgType::Xdp, "r0 = 0\nexit").accept();
    Case::new(ProgType::Xdp, "exit").reject("R0 !read_ok");
}
