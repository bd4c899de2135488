//! A global function is verified on its own and returns any scalar: the
//! program type's return range applies to the program's exit only (the
//! kernel's `check_return_code` for a subprogram).

kfreg::link!(kfreg_catalog);

mod common;

use common::Case;
use kfreg::ProgType;

/// The main program returns 0 or 1 from what global function 1 returns;
/// `body` is the global function.
fn case(body: &str) -> Case {
    let mut case = Case::new(
        ProgType::CgroupSkb,
        &format!(
            "call pc+5
    w1 = w0
    w0 = 1
    if w1 != 0 goto pc+1
    w0 = 0
    exit
{body}"
        ),
    );
    case.prog.subprogs[1].global = true;
    case
}

#[test]
fn a_global_function_returns_any_scalar() {
    case("call bpf_get_prandom_u32\nexit").accept();
}

#[test]
fn a_global_function_returns_a_scalar() {
    case("r0 = r10\nexit").reject("At subprogram exit the register R0 is not a scalar value (fp)");
}

/// Only a global function some verified path calls is verified: one whose
/// only call is on a branch never taken is not (Linux's do_check_subprogs
/// verifies the functions marked called), so its faults do not count, nor
/// do its instructions.
#[test]
fn a_global_function_never_called_is_not_verified() {
    let mut case = Case::new(
        ProgType::CgroupSkb,
        "w1 = 0
    if w1 != 0 goto pc+2
    w0 = 0
    exit
    call pc+1
    exit
    r0 = r10
    exit",
    );
    case.prog.subprogs[1].global = true;
    let report = case.run();
    assert!(report.accepted(), "{:?}", report.error);
    assert_eq!(report.stats.insns_processed, 4);
}
