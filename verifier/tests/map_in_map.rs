//! Maps of maps: a lookup in the outer map gives a possibly-NULL value
//! which, once checked, is the inner map itself (the kernel's
//! `mark_ptr_or_null_reg`), usable wherever a map is.

kfreg::link!(kfreg_catalog);

mod common;

use common::Case;
use kfreg::ProgType;
use kfreg_object::program::MapType;

const ARRAY_OF_MAPS: MapType = MapType::Other(12);

/// An array of maps (map 0) whose inner maps are like map 1.
fn case(text: &str) -> Case {
    let mut case = Case::new(ProgType::Xdp, text)
        .map("outer", ARRAY_OF_MAPS, 4, 4, None)
        .map("outer.inner", MapType::Array, 4, 8, None);
    case.prog.maps[0].inner = Some(1);
    case
}

const LOOKUP_OUTER: &str = "
    r1 = 0
    *(u32 *)(r10 - 4) = r1
    r2 = r10
    r2 += -4
    r1 = map[id:0]
    call bpf_map_lookup_elem
";

#[test]
fn a_checked_lookup_is_the_inner_map() {
    case(&format!(
        "{LOOKUP_OUTER}
    if r0 == 0 goto out
    r1 = r0
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    if r0 == 0 goto out
    r0 = *(u64 *)(r0 + 0)
out:
    r0 = 0
    exit"
    ))
    .accept();
}

#[test]
fn an_unchecked_lookup_is_not_a_map() {
    case(&format!(
        "{LOOKUP_OUTER}
    r1 = r0
    r2 = r10
    r2 += -4
    call bpf_map_lookup_elem
    r0 = 0
    exit"
    ))
    // 6.18's words (the selftest verifier_map_in_map's recorded verdict);
    // 6.12 still said map_value_or_null.
    .reject("R1 type=map_ptr_or_null expected=map_ptr");
}

#[test]
fn the_inner_map_is_not_memory() {
    case(&format!(
        "{LOOKUP_OUTER}
    if r0 == 0 goto out
    *(u64 *)(r0 + 0) = 1
out:
    r0 = 0
    exit"
    ))
    .reject("only read from bpf_array is supported");
}
