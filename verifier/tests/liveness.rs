//! Pruning compares states on live registers and stack slots only (issue
//! 14). Each case has two paths meeting at a join after enough jumps and
//! instructions for a state to be stored there; the path explored second
//! differs from the stored state in a value read after the join, so it must
//! not be pruned: were that value taken for dead, the program would be
//! accepted (a false accept). Another case shows a dead register not
//! standing in the way of pruning; the last, found by the differential
//! fuzzer, is a loop that converges only when an atomic update does not make
//! every value precise.

kfreg::link!(kfreg_catalog);

mod common;

use common::Case;
use kfreg::ProgType;
use kfreg_object::program::MapType;

/// `r0` random, eight instructions of padding, then the two paths: the
/// fall-through runs `first` (explored first), the jump target `second`.
fn paths(first: &str, second: &str, after: &str) -> String {
    format!(
        "call bpf_get_prandom_u32
         r8 = 0\nr8 = 0\nr8 = 0\nr8 = 0\nr8 = 0\nr8 = 0\nr8 = 0\nr8 = 0
         if r0 > 0xa goto second
         {first}
         goto join
         second:
         {second}
         join:
         {after}
         r0 = 0
         exit"
    )
}

// The first path leaves a pointer, the second a number; the code after the
// join dereferences it (reading uninitialised stack is allowed, as for the
// privileged loader the corpus is recorded with).

#[test]
fn a_slot_loaded_after_the_join_is_live() {
    Case::new(
        ProgType::SocketFilter,
        &paths(
            "*(u64 *)(r10 - 8) = r10",
            "r1 = 0\n*(u64 *)(r10 - 8) = r1",
            "r1 = *(u64 *)(r10 - 8)\nr2 = *(u64 *)(r1 - 16)",
        ),
    )
    .reject("R1 invalid mem access 'scalar'");
}

#[test]
fn a_slot_a_subprogram_reads_after_the_join_is_live() {
    let text = paths(
        "*(u64 *)(r10 - 8) = r10",
        "r1 = 0\n*(u64 *)(r10 - 8) = r1",
        "r1 = r10\nr1 += -8\ncall read_it",
    ) + "
         read_it:
         r1 = *(u64 *)(r1 + 0)
         r0 = *(u64 *)(r1 - 16)
         r0 = 0
         exit";
    Case::new(ProgType::SocketFilter, &text).reject("R1 invalid mem access 'scalar'");
}

#[test]
fn a_register_read_after_the_join_is_live() {
    Case::new(
        ProgType::SocketFilter,
        &paths("r6 = r10", "r6 = 0", "r2 = *(u64 *)(r6 - 16)"),
    )
    .reject("R6 invalid mem access 'scalar'");
}

#[test]
fn a_slot_a_helper_reads_after_the_join_is_live() {
    // A constant key within an array's bounds finds an element; the second
    // path's key is out of bounds, so its lookup may return NULL.
    Case::new(
        ProgType::SocketFilter,
        &paths(
            "r1 = 0\n*(u32 *)(r10 - 4) = r1",
            "r1 = 7\n*(u32 *)(r10 - 4) = r1",
            "r1 = map[id:0]\nr2 = r10\nr2 += -4\ncall bpf_map_lookup_elem\nr0 = *(u64 *)(r0 + 0)",
        ),
    )
    .map("m", MapType::Array, 4, 8, None)
    .reject("R0 invalid mem access 'map_value_or_null'");
}

#[test]
fn a_dead_register_does_not_stop_pruning() {
    // The paths differ only in r6, which nothing reads after the join:
    // the second path stops there.
    let r = Case::new(
        ProgType::SocketFilter,
        &paths("r6 = 0", "r6 = r10", "r6 = 0\nr6 += 1"),
    )
    .run();
    assert!(r.accepted(), "{:?}", r.error);
    let once = Case::new(
        ProgType::SocketFilter,
        &paths("r6 = 0", "r6 = 0", "r6 = 0\nr6 += 1"),
    )
    .run();
    assert_eq!(r.stats.insns_processed, once.stats.insns_processed);
    assert_eq!(r.stats.pruned, 1);
}

#[test]
fn a_may_goto_loop_converges_past_an_atomic_add() {
    // The counter after the loop is precise; tracing it back crosses the
    // atomic add, which changes no register. The loop's own r7 stays
    // imprecise, so its rounds widen and converge (Linux accepts).
    let text = "r7 = -1
        head:
        may_goto out
        w7 += 32767
        goto head
        out:
        w7 = 0
        *(u32 *)(r10 -192) = 0
        r1 = map[id:0]
        r2 = r10
        r2 += -192
        call bpf_map_lookup_elem
        lock *(u32 *)(r0 +44) += r7
        again:
        *(u16 *)(r0 +2) = r7
        r7 += 1
        if r7 s< 0x5 goto again
        r0 = 0
        exit";
    let mut case =
        Case::new(ProgType::SocketFilter, text).map_n("m", MapType::Array, 4, 48, 4, None);
    case.opts.insn_limit = 20_000;
    case.accept();
}
