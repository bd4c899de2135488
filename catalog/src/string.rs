//! String kfuncs over unchecked kernel or program memory
//! (`kernel/bpf/helpers.c`, common set: every program type).
//!
//! The strings are read with fault-tolerant accesses, so the pointers are
//! `__ign`. C `char` has no Rust spelling in the DSL; the kernel builds with
//! `-funsigned-char`, so `char` is declared as `u8` (see `VOCAB-GAPS.md`).

use crate::families;
use kfreg::{Ign, kfunc};

/// Compares `s1` and `s2`.
#[kfunc(family = families::string)]
pub unsafe extern "C" fn bpf_strcmp(s1: Ign<*const u8>, s2: Ign<*const u8>) -> i32 {
    0
}

/// Compares `s1` and `s2` ignoring case.
#[kfunc(family = families::string)]
pub unsafe extern "C" fn bpf_strcasecmp(s1: Ign<*const u8>, s2: Ign<*const u8>) -> i32 {
    0
}

/// The index of the first `c` in `s`, or a negative errno.
#[kfunc(family = families::string)]
pub unsafe extern "C" fn bpf_strchr(s: Ign<*const u8>, c: u8) -> i32 {
    0
}

/// The index of the first `c` in `s`, or of its terminating NUL.
#[kfunc(family = families::string)]
pub unsafe extern "C" fn bpf_strchrnul(s: Ign<*const u8>, c: u8) -> i32 {
    0
}

/// The index of the first `c` in the first `count` bytes of `s`.
#[kfunc(family = families::string)]
pub unsafe extern "C" fn bpf_strnchr(s: Ign<*const u8>, count: u64, c: u8) -> i32 {
    0
}

/// The index of the last `c` in `s`.
#[kfunc(family = families::string)]
pub unsafe extern "C" fn bpf_strrchr(s: Ign<*const u8>, c: i32) -> i32 {
    0
}

/// The length of `s`.
#[kfunc(family = families::string)]
pub unsafe extern "C" fn bpf_strlen(s: Ign<*const u8>) -> i32 {
    0
}

/// The length of `s`, at most `count`.
#[kfunc(family = families::string)]
pub unsafe extern "C" fn bpf_strnlen(s: Ign<*const u8>, count: u64) -> i32 {
    0
}

/// The length of the prefix of `s` made of bytes in `accept`.
#[kfunc(family = families::string)]
pub unsafe extern "C" fn bpf_strspn(s: Ign<*const u8>, accept: Ign<*const u8>) -> i32 {
    0
}

/// The length of the prefix of `s` made of bytes not in `reject`.
#[kfunc(family = families::string)]
pub unsafe extern "C" fn bpf_strcspn(s: Ign<*const u8>, reject: Ign<*const u8>) -> i32 {
    0
}

/// The index of the first occurrence of `s2` in `s1`.
#[kfunc(family = families::string)]
pub unsafe extern "C" fn bpf_strstr(s1: Ign<*const u8>, s2: Ign<*const u8>) -> i32 {
    0
}

/// The index of the first occurrence of `s2` in the first `len` bytes of `s1`.
#[kfunc(family = families::string)]
pub unsafe extern "C" fn bpf_strnstr(s1: Ign<*const u8>, s2: Ign<*const u8>, len: u64) -> i32 {
    0
}
