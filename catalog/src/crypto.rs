//! Symmetric crypto (`kernel/bpf/crypto.c`).
//!
//! Contexts are created, acquired and released by syscall programs (the init
//! set); encryption and decryption are registered for sched_cls, sched_act
//! and XDP.

use crate::families;
use crate::structs::{BpfCryptoCtx, BpfCryptoParams};
use kfreg::{Dynptr, Nullable, Size, kfunc};

/// Creates a crypto context from `params`, referenced; may sleep.
#[kfunc(family = families::crypto_ctx, acquire, ret_null, sleepable)]
#[allow(non_snake_case)] // `params` and its size `params__sz` are both kernel names
pub unsafe extern "C" fn bpf_crypto_ctx_create(
    params: *const BpfCryptoParams,
    params__sz: Size<u32>,
    err: *mut i32,
) -> *mut BpfCryptoCtx {
    std::ptr::null_mut()
}

/// Drops a crypto context reference.
#[kfunc(family = families::crypto_ctx, release)]
pub unsafe extern "C" fn bpf_crypto_ctx_release(ctx: *mut BpfCryptoCtx) {}

/// Takes a reference on the trusted or RCU-protected context `ctx`.
#[kfunc(family = families::crypto_ctx, acquire, rcu, ret_null)]
pub unsafe extern "C" fn bpf_crypto_ctx_acquire(ctx: *mut BpfCryptoCtx) -> *mut BpfCryptoCtx {
    std::ptr::null_mut()
}

/// Decrypts `src` into `dst` with `ctx`, using the IV and state in `siv`.
#[kfunc(family = families::crypto, rcu)]
pub unsafe extern "C" fn bpf_crypto_decrypt(
    ctx: *mut BpfCryptoCtx,
    src: *const Dynptr,
    dst: *const Dynptr,
    siv: Nullable<*const Dynptr>,
) -> i32 {
    0
}

/// Encrypts `src` into `dst` with `ctx`, using the IV and state in `siv`.
#[kfunc(family = families::crypto, rcu)]
pub unsafe extern "C" fn bpf_crypto_encrypt(
    ctx: *mut BpfCryptoCtx,
    src: *const Dynptr,
    dst: *const Dynptr,
    siv: Nullable<*const Dynptr>,
) -> i32 {
    0
}
