//! Resilient queued spin locks (`kernel/bpf/rqspinlock.c`, registered for
//! `BPF_PROG_TYPE_UNSPEC`: every program type).
//!
//! Taking the lock can fail (deadlock or timeout): the kfunc then returns a
//! negative errno and holds nothing. All four may be called while a lock is
//! held (locks nest); IRQ flags saved by the irqsave variant are of class
//! `lock` and only its irqrestore may restore them.

use crate::families;
use kfreg::{IrqFlag, ResSpinLock, kfunc};

/// Takes `lock`; returns 0, or a negative errno without the lock.
#[kfunc(family = families::res_lock, lock, fallible)]
pub unsafe extern "C" fn bpf_res_spin_lock(lock: *mut ResSpinLock) -> i32 {
    0
}

/// Releases `lock`, the most recently taken one.
#[kfunc(family = families::res_lock, unlock)]
pub unsafe extern "C" fn bpf_res_spin_unlock(lock: *mut ResSpinLock) {}

/// Disables IRQs saving their state into `flags`, then takes `lock`; fails like `bpf_res_spin_lock`.
#[kfunc(family = families::res_lock, lock, irq_save, fallible)]
pub unsafe extern "C" fn bpf_res_spin_lock_irqsave(lock: *mut ResSpinLock, flags: IrqFlag) -> i32 {
    0
}

/// Releases `lock` and restores the IRQ state saved in `flags`.
#[kfunc(family = families::res_lock, unlock, irq_restore)]
pub unsafe extern "C" fn bpf_res_spin_unlock_irqrestore(lock: *mut ResSpinLock, flags: IrqFlag) {}
