//! What a struct_ops program's attach point decides: its type's license
//! rule (declared `gpl_only` on the program type) and a member returning
//! `void`, after which R0 needs no value.

kfreg::link!(kfreg_catalog);

mod common;

use common::Case;
use kfreg::ProgType;

#[test]
fn a_non_gpl_struct_ops_program_is_refused_before_anything_else() {
    let mut case = Case::new(ProgType::StructOps, "r0 = 0\nexit");
    case.prog.gpl = false;
    case.reject("struct ops programs must have a GPL compatible license");
    Case::new(ProgType::StructOps, "r0 = 0\nexit").accept();
    // Other program types may carry any license.
    let mut case = Case::new(ProgType::Xdp, "r0 = 0\nexit");
    case.prog.gpl = false;
    case.accept();
}

#[test]
fn a_void_member_needs_no_r0() {
    let mut case = Case::new(ProgType::StructOps, "exit");
    case.prog.returns_void = true;
    case.accept();
    Case::new(ProgType::StructOps, "exit").reject("R0 !read_ok");
}
