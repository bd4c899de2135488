//! IRQ-disabled regions through a flag slot on the stack
//! (`kernel/bpf/helpers.c`, common set: every program type).
//!
//! Flags saved here are of class `native`: only `bpf_local_irq_restore` may
//! restore them, not the resilient lock's irqrestore.

use crate::families;
use kfreg::{IrqFlag, kfunc};

/// Saves the IRQ state into `flags` and disables IRQs.
#[kfunc(family = families::irq, irq_save)]
pub unsafe extern "C" fn bpf_local_irq_save(flags: IrqFlag) {}

/// Restores the IRQ state saved in `flags`.
#[kfunc(family = families::irq, irq_restore)]
pub unsafe extern "C" fn bpf_local_irq_restore(flags: IrqFlag) {}
