//! The buffers an iterator target hands its program (`PTR_TO_BUF`: a map
//! element's key, read-only, and its value) and the map updates every
//! iterator may make.
//!
//! The recording VM refuses every program of the targets with buffers
//! (`iter/bpf_map_elem`, `iter/sockmap`, `iter/bpf_sk_storage_map`) with
//! EPERM before verifying it (0 instructions processed), so these cases
//! cannot be recorded as assembler cases: their verdicts and messages are
//! the kernel sources' (`check_buffer_access`, `__check_buffer_access`,
//! `check_reg_type`, `may_update_sockmap` in `kernel/bpf/verifier.c`),
//! the other iterator rules' are recorded in `tests/asm/iter.s`.

mod common;
kfreg::link!(kfreg_catalog);

use common::Case;
use kfreg_object::program::MapType;

/// The verdict: `ACCEPT` or `REJECT` and the last error line.
fn verdict(c: &Case) -> String {
    match &c.run().error {
        None => "ACCEPT".into(),
        Some(e) => format!("REJECT {}", e.msg.lines().last().unwrap_or_default()),
    }
}

fn map_elem(text: &str) -> String {
    verdict(&Case::iterator("iter/bpf_map_elem", text))
}

#[test]
fn the_key_is_a_read_only_buffer_that_may_be_null() {
    let text = "r2 = *(u64 *)(r1 +16)\nr0 = *(u32 *)(r2 +0)\nr0 = 0\nexit";
    assert_eq!(
        map_elem(text),
        "REJECT R2 invalid mem access 'rdonly_buf_or_null'"
    );
    let write = "r2 = *(u64 *)(r1 +16)\nif r2 == 0x0 goto out\nr0 = 0\n*(u32 *)(r2 +0) = r0\nout:\nr0 = 0\nexit";
    assert_eq!(map_elem(write), "REJECT R2 cannot write into rdonly_buf");
}

#[test]
fn the_value_is_read_and_written_at_constant_offsets() {
    let ok = "r2 = *(u64 *)(r1 +24)\nif r2 == 0x0 goto out\nr0 = *(u64 *)(r2 +8)\n\
              *(u32 *)(r2 +100) = r0\nr2 += 4\nr0 = *(u32 *)(r2 +0)\nout:\nr0 = 0\nexit";
    assert_eq!(map_elem(ok), "ACCEPT");
    let negative =
        "r2 = *(u64 *)(r1 +24)\nif r2 == 0x0 goto out\nr0 = *(u32 *)(r2 -4)\nout:\nr0 = 0\nexit";
    assert_eq!(
        map_elem(negative),
        "REJECT R2 invalid rdwr buffer access: off=-4, size=4"
    );
    let variable = "r6 = *(u64 *)(r1 +24)\nif r6 == 0x0 goto out\ncall bpf_get_prandom_u32\n\
                    r0 &= 7\nr6 += r0\nr0 = *(u8 *)(r6 +0)\nout:\nr0 = 0\nexit";
    assert_eq!(
        map_elem(variable),
        "REJECT R6 invalid variable buffer offset: off=0, var_off=(0x0; 0x7)"
    );
}

#[test]
fn a_read_only_key_is_no_memory_to_arguments_that_may_be_written() {
    // ARG_PTR_TO_MAP_KEY carries no MEM_RDONLY: the key must be copied.
    let lookup = "r2 = *(u64 *)(r1 +16)\nif r2 == 0x0 goto out\nr1 = map[id:0]\n\
                  call bpf_map_lookup_elem\nout:\nr0 = 0\nexit";
    let c = Case::iterator("iter/bpf_map_elem", lookup).map("m", MapType::Hash, 4, 8, None);
    assert_eq!(
        verdict(&c),
        "REJECT R2 type=rdonly_buf expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_"
    );
    // The writable value is a map value argument like any memory.
    let value = "r2 = *(u64 *)(r1 +24)\nif r2 == 0x0 goto out\nr1 = map[id:0]\n\
                 call bpf_map_lookup_elem\nout:\nr0 = 0\nexit";
    let c = Case::iterator("iter/bpf_map_elem", value).map("m", MapType::Hash, 4, 8, None);
    assert_eq!(verdict(&c), "ACCEPT");
}

#[test]
fn iterators_update_sockmaps() {
    let update = "r6 = *(u64 *)(r1 +16)\nr3 = *(u64 *)(r1 +24)\nif r6 == 0x0 goto out\n\
                  if r3 == 0x0 goto out\nr0 = *(u32 *)(r6 +0)\n*(u32 *)(r10 -4) = r0\n\
                  r2 = r10\nr2 += -4\nr1 = map[id:0]\nr4 = 0\ncall bpf_map_update_elem\n\
                  out:\nr0 = 0\nexit";
    let sockmap = |c: Case| c.map("socks", MapType::Other(15), 4, 4, None);
    assert_eq!(
        verdict(&sockmap(Case::iterator("iter/sockmap", update))),
        "ACCEPT"
    );
    // A tracing program that is not an iterator may not.
    let delete = "r0 = 0\n*(u32 *)(r10 -4) = r0\nr2 = r10\nr2 += -4\nr1 = map[id:0]\n\
                  call bpf_map_delete_elem\nr0 = 0\nexit";
    let mut c = sockmap(Case::iterator("iter/sockmap", delete));
    assert_eq!(verdict(&c), "ACCEPT");
    c.prog.attach = Some(kfreg::AttachType::TraceFentry);
    assert_eq!(
        verdict(&c),
        "REJECT cannot pass map_type 15 into func bpf_map_delete_elem#3"
    );
}
