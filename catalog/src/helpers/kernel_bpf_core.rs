//! Helper prototypes defined in the kernel's `kernel/bpf/core.c`.

use kfreg::helper;
use kfreg::helper::*;

/// This special helper is used to trigger a "tail call", or in other words, to jump into another eBPF program.
#[helper(id = 12, changes_pkt_data, tail_call, map_types = [prog_array], prog_types = any)]
pub fn bpf_tail_call(ctx: Ctx, prog_array_map: ConstMapPtr, index: Anything);
