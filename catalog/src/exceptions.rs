//! Exceptions (`kernel/bpf/helpers.c`): `bpf_throw` is in the generic set
//! (see `alloc` for the program types it reaches), `__bpf_trap` in the
//! common set (every program type).

use crate::families;
use kfreg::kfunc;

/// Throws an exception with `cookie`, unwinding the program.
#[kfunc(family = families::exceptions, throws)]
pub unsafe extern "C" fn bpf_throw(cookie: u64) {}

/// A trap the compiler plants for undefined behaviour; any call is refused.
#[kfunc(trap, prog_types = any)]
pub unsafe extern "C" fn __bpf_trap() {}
