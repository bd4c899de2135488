//! The bit iterator (`kernel/bpf/helpers.c`, common set: every program
//! type).

use crate::families;
use crate::structs::IterBits;
use kfreg::{Ign, kfunc};

/// Copies `nr_words` 64-bit words from `unsafe_ptr` and starts iterating over their set bits.
#[kfunc(family = families::iter_bits, iter_new)]
pub unsafe extern "C" fn bpf_iter_bits_new(
    it: *mut IterBits,
    unsafe_ptr: Ign<*const u64>,
    nr_words: u32,
) -> i32 {
    0
}

/// The index of the next set bit, NULL at the end.
#[kfunc(family = families::iter_bits, iter_next, ret_null)]
pub unsafe extern "C" fn bpf_iter_bits_next(it: *mut IterBits) -> *mut i32 {
    std::ptr::null_mut()
}

/// Ends the iteration and frees the copied words.
#[kfunc(family = families::iter_bits, iter_destroy)]
pub unsafe extern "C" fn bpf_iter_bits_destroy(it: *mut IterBits) {}
