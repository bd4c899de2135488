//! A helper declared in an extension crate is verified like a kernel one,
//! with no verifier edit: its arguments, its program types, its license
//! rule, its map types and its name in the log all come from its declaration.

kfreg::link!(kfreg_catalog, kfreg_hash_helper);

mod common;

use common::Case;
use kfreg::ProgType;
use kfreg_object::program::MapType;

const HASH_STACK: &str = "
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = r10
    r1 += -8
    r2 = 8
    r3 = 42
    call bpf_ext_hash
    exit
";

#[test]
fn a_correct_call_is_accepted() {
    Case::new(ProgType::Xdp, HASH_STACK).accept();
    Case::new(ProgType::SchedCls, HASH_STACK).accept();
}

#[test]
fn its_argument_kinds_are_checked() {
    Case::new(
        ProgType::Xdp,
        "
    r1 = 0
    *(u64 *)(r10 - 8) = r1
    r1 = r10
    r1 += -8
    r2 = 16
    r3 = 0
    call bpf_ext_hash
    exit
",
    )
    .reject("invalid read from stack R1 off=-8 size=16");
    Case::new(
        ProgType::Xdp,
        "
    r1 = r10
    r1 += -8
    r2 = 0
    r3 = 0
    call bpf_ext_hash
    exit
",
    )
    .reject("R2 invalid zero-sized read: u64=[0,0]");
}

#[test]
fn its_program_types_and_license_are_checked() {
    let kprobe = Case::new(ProgType::Kprobe, HASH_STACK);
    kprobe.reject("program of this type cannot use helper bpf_ext_hash#300");
    // The log names the call the way the kernel names its own helpers.
    let log = kprobe.run_logged().log;
    assert!(log.contains("(85) call bpf_ext_hash#300"), "{log}");
    let mut case = Case::new(ProgType::SchedCls, HASH_STACK);
    case.prog.gpl = false;
    case.reject("cannot call GPL-restricted function from non-GPL compatible program");
}

#[test]
fn its_map_types_are_checked() {
    let text = "
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = map[id:0]
    call bpf_ext_contains
    exit
";
    Case::new(ProgType::SocketFilter, text)
        .map("map0", MapType::Hash, 4, 8, None)
        .accept();
    Case::new(ProgType::SocketFilter, text)
        .map("map0", MapType::Array, 4, 8, None)
        .reject("cannot pass map_type 2 into func bpf_ext_contains#301");
}
