//! The explicit RCU read section (`kernel/bpf/helpers.c`, common set:
//! every program type).

use crate::families;
use kfreg::kfunc;

/// Enters an RCU read-side critical section.
#[kfunc(family = families::rcu, rcu_lock)]
pub unsafe extern "C" fn bpf_rcu_read_lock() {}

/// Leaves the RCU read-side critical section.
#[kfunc(family = families::rcu, rcu_unlock)]
pub unsafe extern "C" fn bpf_rcu_read_unlock() {}
