//! Loops whose rounds converge on states still being explored, where asm
//! cases cannot go (iterators are kfuncs): the verdicts are Linux 6.18's.

mod common;
kfreg::link!(kfreg_catalog);

use common::Case;
use kfreg::ProgType;

/// One inner iterator loop over fp-8 with the two-flag state machine of
/// the selftest `iters.c/loop_state_deps2`; `hit` runs when both flags
/// are set on a round where the random number is not 42.
fn inner(label: &str, hit: &str) -> String {
    format!(
        "
    r1 = r10
    r1 += -8
    r2 = 0
    r3 = 10
    call bpf_iter_num_new
    r6 = 0
    r7 = 0
{label}:
    r1 = r10
    r1 += -8
    call bpf_iter_num_next
    if r0 == 0 goto {label}_end
    if r6 != 1 goto {label}_zero
    r6 = 0
    r7 = 1
    goto {label}
{label}_zero:
    if r6 != 0 goto {label}
    r6 = 1
    call bpf_get_prandom_u32
    if r0 != 42 goto {label}_flag
    goto {label}
{label}_flag:
    if r7 != 1 goto {label}
{hit}
{label}_end:
    r1 = r10
    r1 += -8
    call bpf_iter_num_destroy
"
    )
}

/// The first inner loop writes to fp+r8 and learns r8 matters only in a
/// round explored after the second inner loop's rounds converged with
/// r8 = -24 (the outer loop's state still being explored); the second
/// inner loop can set r8 = -25. Pruning on a state whose precision marks
/// are not final hides the unsafe write; Linux compares such states by
/// range while the outer loop's backedges wait, then carries the marks over
/// them.
#[test]
fn marks_found_late_in_a_loop_reach_converged_paths() {
    let unsafe_write = "
    r0 = r10
    r0 += r8
    r1 = 7
    *(u64 *)(r0 +0) = r1
    r1 = r10
    r1 += -8
    call bpf_iter_num_destroy
    r1 = r10
    r1 += -16
    call bpf_iter_num_destroy
    r0 = 0
    exit";
    let set_c = "
    r6 = 0
    r8 = -25
    goto second";
    let text = format!(
        "
    r1 = r10
    r1 += -16
    r2 = 0
    r3 = 10
    call bpf_iter_num_new
    r6 = 0
    r7 = 0
    r8 = -24
outer:
    r1 = r10
    r1 += -16
    call bpf_iter_num_next
    if r0 == 0 goto outer_end
{}{}
    r6 = 0
    r7 = 0
    goto outer
outer_end:
    r1 = r10
    r1 += -16
    call bpf_iter_num_destroy
    r0 = 0
    exit
",
        inner("first", unsafe_write),
        inner("second", set_c)
    );
    Case::new(ProgType::RawTracepoint, &text)
        .reject("math between fp pointer and register with unbounded min value is not allowed");
}

/// A loop that acquires a task reference every round and never releases
/// it (the differential fuzzer's seed 0xbd72e949cf7b4378): each stored
/// state holds one reference more than the last, and the kernel copies
/// them all until its instruction limit, quadratic in the rounds. kfreg
/// stops once its stored states hold `MAX_STORED_REFS` references, with
/// the kernel's verdict, instead of running out of memory.
#[test]
fn references_acquired_every_round_stop_at_the_memory_limit() {
    let text = "
    r6 = r1
    r8 = 1
    r7 = 0
again:
    r9 = 0
    if w7 != 0xff goto skip
    r8 = be64 r8
skip:
    r1 = 2147483647
    call bpf_task_from_pid
    r9 += 1
    if r7 < 0x5 goto again
    r7 += 1
    if r7 s< 0x3 goto again
    r0 = 0
    exit
";
    let report = Case::new(ProgType::Tracing, text).run();
    let err = report.error.expect("rejected");
    assert!(
        err.msg.contains("stored for pruning hold more than")
            && err.msg.ends_with(&format!(
                "BPF program is too large. Processed {} insn",
                report.stats.insns_processed
            )),
        "{}",
        err.msg
    );
    assert!(report.stats.insns_processed < kfreg_verifier::limits::INSN_LIMIT);
}
