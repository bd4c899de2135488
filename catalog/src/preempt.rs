//! Preemption-disabled regions (`kernel/bpf/helpers.c`, common set: every
//! program type).

use crate::families;
use kfreg::kfunc;

/// Disables preemption (nests).
#[kfunc(family = families::preempt, preempt_disable)]
pub unsafe extern "C" fn bpf_preempt_disable() {}

/// Re-enables preemption disabled by `bpf_preempt_disable`.
#[kfunc(family = families::preempt, preempt_enable)]
pub unsafe extern "C" fn bpf_preempt_enable() {}
