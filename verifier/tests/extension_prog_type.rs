//! A program type declared in an extension crate is verified like a kernel
//! one, with no verifier edit: its context fields, its packet pointers, its
//! helpers, its return range and its section name all come from its
//! declaration (extensions/probe_type).

kfreg::link!(kfreg_catalog, kfreg_hash_helper, kfreg_probe_type);

mod common;

use common::Case;
use kfreg::{ProgType, Registry};

const PROBE: ProgType = ProgType::new(40);

#[test]
fn its_context_fields_are_read_as_declared() {
    // Packet pointers from the context, a bounds check, a packet read.
    Case::new(
        PROBE,
        "
    r2 = *(u64 *)(r1 + 0)
    r3 = *(u64 *)(r1 + 8)
    r4 = r2
    r4 += 4
    if r4 > r3 goto pc+1
    r0 = *(u32 *)(r2 + 0)
    r0 = 0
    exit
",
    )
    .accept();
    // `len` may be read in part, `mark` only whole.
    Case::new(PROBE, "r0 = *(u16 *)(r1 + 18)\nr0 = 0\nexit").accept();
    Case::new(PROBE, "r0 = *(u16 *)(r1 + 20)\nr0 = 0\nexit")
        .reject("invalid bpf_context access off=20 size=2");
    // Past the end, and the hidden field.
    Case::new(PROBE, "r0 = *(u64 *)(r1 + 40)\nr0 = 0\nexit")
        .reject("invalid bpf_context access off=40 size=8");
    Case::new(PROBE, "r0 = *(u64 *)(r1 + 48)\nr0 = 0\nexit")
        .reject("invalid bpf_context access off=48 size=8");
}

#[test]
fn only_declared_fields_are_written() {
    Case::new(PROBE, "r2 = 1\n*(u32 *)(r1 + 20) = r2\nr0 = 0\nexit").accept();
    Case::new(PROBE, "r2 = 1\n*(u8 *)(r1 + 25) = r2\nr0 = 0\nexit").accept();
    Case::new(PROBE, "r2 = 1\n*(u32 *)(r1 + 16) = r2\nr0 = 0\nexit")
        .reject("invalid bpf_context access off=16 size=4");
    Case::new(PROBE, "r2 = 1\n*(u64 *)(r1 + 0) = r2\nr0 = 0\nexit")
        .reject("invalid bpf_context access off=0 size=8");
}

#[test]
fn its_helpers_and_return_range_are_its_own() {
    Case::new(PROBE, "call bpf_ktime_get_ns\nr0 = 1\nexit").accept();
    Case::new(PROBE, "call bpf_get_current_pid_tgid\nr0 = 0\nexit")
        .reject("program of this type cannot use helper bpf_get_current_pid_tgid#14");
    Case::new(PROBE, "r0 = 2\nexit")
        .reject("At program exit the register R0 has smin=2 smax=2 should have been in [0, 1]");
}

#[test]
fn libbpf_section_names_find_it() {
    let reg = Registry::global();
    let (d, s) = reg
        .prog_types()
        .classify("probe.s/anything")
        .expect("probe.s+");
    assert_eq!((d.id, d.name, s.sleepable), (PROBE, "probe", true));
    assert_eq!(reg.prog_types().by_name("probe").map(|d| d.id), Some(PROBE));
}

#[test]
fn its_kfuncs_are_those_it_lists() {
    let create_release = "
    call bpf_cpumask_create
    if r0 == 0 goto pc+2
    r1 = r0
    call bpf_cpumask_release
    r0 = 0
    exit
";
    Case::new(PROBE, create_release).accept();
    // A kfunc of the same family it does not list.
    Case::new(
        PROBE,
        "
    call bpf_cpumask_create
    if r0 == 0 goto pc+4
    r6 = r0
    r1 = r0
    call bpf_cpumask_first
    r1 = r6
    call bpf_cpumask_release
    r0 = 0
    exit
",
    )
    .reject("calling kernel function bpf_cpumask_first is not allowed");
}
