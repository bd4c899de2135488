//! What a struct_ops program's attach point decides: its type's license
//! rule (declared `gpl_only` on the program type), a member returning
//! `void`, after which R0 needs no value, and what the struct_ops type
//! declared in the catalog (`catalog/src/struct_ops.rs`) decides: members
//! it refuses, arguments it promotes or lets be NULL, fields it lets
//! programs write and helpers it refuses; and how the member's arguments
//! are loaded (the kernel's `btf_ctx_access`, from the member's
//! prototype). The fixture cases (`tests/fixtures/struct_ops.bpf.c`, one
//! object per case) carry the verdict, error message and processed
//! instructions Linux 6.18 gave each.

kfreg::link!(kfreg_catalog);

mod common;

use common::Case;
use kfreg::{ProgType, Registry};
use kfreg_object::loader::{LoadOptions, load_object};
use kfreg_object::program::StructOpsMember;
use kfreg_verifier::verify;

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

const EXIT: &str = "r0 = 0\nexit";

/// `text` as a program implementing `member` of `ops`.
fn implementing(ops: &str, member: &str, sleepable: bool, text: &str) -> Case {
    let mut case = Case::new(ProgType::StructOps, text);
    case.prog.sleepable = sleepable;
    case.prog.struct_ops = Some(StructOpsMember {
        ops: ops.into(),
        member: member.into(),
    });
    case
}

/// The kernel's messages from the selftests `tcp_ca_unsupp_cong_op` and
/// `dummy_st_ops_fail`: a member the struct refuses, and a sleepable
/// program where only one member may be sleepable.
#[test]
fn the_struct_refuses_some_members() {
    let unsupported = "attach to unsupported member get_info of struct tcp_congestion_ops";
    implementing("tcp_congestion_ops", "get_info", false, EXIT).reject(unsupported);
    implementing("tcp_congestion_ops", "ssthresh", false, EXIT).accept();
    let sleepable = "attach to unsupported member test_2 of struct bpf_dummy_ops";
    implementing("bpf_dummy_ops", "test_2", true, EXIT).reject(sleepable);
    implementing("bpf_dummy_ops", "test_2", false, EXIT).accept();
    implementing("bpf_dummy_ops", "test_sleepable", true, EXIT).accept();
    // The license is checked first.
    let mut case = implementing("tcp_congestion_ops", "get_info", false, EXIT);
    case.prog.gpl = false;
    case.reject("struct ops programs must have a GPL compatible license");
}

/// The kernel's message from the selftest `bpf_dctcp_release`:
/// `release` may not set socket options.
#[test]
fn a_member_may_be_refused_a_helper() {
    // The helper is refused before its arguments are looked at.
    let text = "call bpf_setsockopt\nr0 = 0\nexit";
    implementing("tcp_congestion_ops", "release", false, text)
        .reject("program of this type cannot use helper bpf_setsockopt#49");
    // Other members get it: the call goes on to its arguments.
    let other = implementing("tcp_congestion_ops", "init", false, text).run();
    assert!(
        other
            .error
            .is_some_and(|e| e.msg.starts_with("R1 type=ctx expected="))
    );
}

/// One fixture case: the program, and the kernel's verdict (its error line,
/// `None` when accepted) and processed instructions.
const CASES: &[(u32, &str, Option<&str>, u64)] = &[
    (1, "writes_allowed", None, 13),
    (
        2,
        "write_unlisted_member",
        Some("no write support to tcp_sock at off 1720"),
        3,
    ),
    (
        3,
        "write_past_member",
        Some("write access at off 1444 with size 8 beyond the member of tcp_sock ended at 1448"),
        3,
    ),
    (
        4,
        "write_past_array",
        Some("write access at off 1396 with size 8 beyond the member of tcp_sock ended at 1400"),
        5,
    ),
    (5, "write_other_struct", Some("only read is supported"), 3),
    (
        6,
        "release_getsockopt",
        Some("program of this type cannot use helper bpf_getsockopt#57"),
        9,
    ),
    (
        7,
        "dummy_write_past_state",
        Some("write access at off 0 with size 8"),
        4,
    ),
    (
        8,
        "dummy_helper",
        Some("program of this type cannot use helper bpf_get_prandom_u32#7"),
        1,
    ),
    (
        9,
        "dummy_nullable_state",
        Some("R1 invalid mem access 'trusted_ptr_or_null_'"),
        2,
    ),
    (10, "dummy_state", None, 3),
    (
        11,
        "narrow_pointer",
        Some("func 'ssthresh' size 4 must be 8\ninvalid bpf_context access off=0 size=4"),
        1,
    ),
    (12, "narrow_number", None, 3),
    (
        13,
        "past_arguments",
        Some(
            "func 'cong_avoid' doesn't have 5-th argument\ninvalid bpf_context access off=24 size=8",
        ),
        1,
    ),
    (
        14,
        "inside_argument",
        Some(
            "func 'cong_avoid' offset 12 is not multiple of 8\ninvalid bpf_context access off=12 size=4",
        ),
        1,
    ),
    (15, "base_helper", None, 2),
];

#[test]
fn fixture_cases_get_the_kernels_verdicts() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let btf = std::fs::read(format!("{dir}/../../tests/corpus/vmlinux.btf")).expect("vmlinux.btf");
    let opts = LoadOptions::with_target_btf(&btf).expect("vmlinux.btf parses");
    let reg = Registry::global();
    for &(n, name, error, insns) in CASES {
        let path = format!("{dir}/fixtures/struct_ops_{n}.bpf.o");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let obj = load_object(&bytes, reg, &opts).unwrap_or_else(|e| panic!("{path}: {e}"));
        let prog = obj
            .load_program(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let report = verify(&prog, reg, &Default::default());
        let got = report.error.as_ref().map(|e| e.msg.as_str());
        assert_eq!(got, error, "{name}");
        assert_eq!(report.stats.insns_processed, insns, "{name}");
    }
}

/// A struct_ops type the kernel lacks fails in libbpf, before any program
/// of the object loads (libbpf 1.5 through `scripts/kload.c` on Linux 6.18
/// says so of fixture case 16).
#[test]
fn an_unknown_struct_ops_type_fails_the_object_in_libbpf() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let btf = std::fs::read(format!("{dir}/../../tests/corpus/vmlinux.btf")).expect("vmlinux.btf");
    let opts = LoadOptions::with_target_btf(&btf).expect("vmlinux.btf parses");
    let bytes = std::fs::read(format!("{dir}/fixtures/struct_ops_16.bpf.o")).expect("case 16");
    let obj = load_object(&bytes, Registry::global(), &opts).expect("opens");
    let err = obj.load_program("unknown_ops_member").unwrap_err();
    assert_eq!(
        err.to_string(),
        "struct_ops init_kern: struct bpf_struct_ops_kfreg_no_such_ops is not found in kernel BTF"
    );
}
