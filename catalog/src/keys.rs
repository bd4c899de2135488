//! Key handles for signature verification (`kernel/bpf/helpers.c`, generic
//! set since 6.18; see `alloc` for the program types it reaches).

use crate::families;
use crate::structs::BpfKey;
use kfreg::kfunc;

/// Looks up the key with serial `serial`; may sleep.
#[kfunc(family = families::keys, acquire, ret_null, sleepable)]
pub unsafe extern "C" fn bpf_lookup_user_key(serial: i32, flags: u64) -> *mut BpfKey {
    std::ptr::null_mut()
}

/// A handle on the system keyring `id`.
#[kfunc(family = families::keys, acquire, ret_null)]
pub unsafe extern "C" fn bpf_lookup_system_key(id: u64) -> *mut BpfKey {
    std::ptr::null_mut()
}

/// Releases a key handle.
#[kfunc(family = families::keys, release)]
pub unsafe extern "C" fn bpf_key_put(bkey: *mut BpfKey) {}
