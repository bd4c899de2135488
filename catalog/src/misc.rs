//! Kfuncs that belong to no family, each registered for every program type
//! (`kernel/bpf/map_iter.c`, `kernel/bpf/stream.c` and the common set of
//! `kernel/bpf/helpers.c`).

use crate::structs::BpfMap;
use kfreg::{ProgAux, Size, Str, kfunc};
use std::ffi::c_void;

/// The number of elements of `map`, summed over CPUs.
#[kfunc(trusted_args, prog_types = any)]
pub unsafe extern "C" fn bpf_map_sum_elem_count(map: *const BpfMap) -> i64 {
    0
}

/// Prints `fmt` with the `len__sz` bytes of arguments at `args` to the program's stream `stream_id`.
#[kfunc(trusted_args, prog_types = any)]
pub unsafe extern "C" fn bpf_stream_vprintk_impl(
    stream_id: i32,
    fmt: Str,
    args: *const c_void,
    len: Size<u32>,
    aux: ProgAux,
) -> i32 {
    0
}

/// A test kfunc that fires the `bpf_trigger_tp` tracepoint with `nonce`.
#[kfunc(prog_types = any)]
pub unsafe extern "C" fn bpf_modify_return_test_tp(nonce: i32) -> i32 {
    0
}
