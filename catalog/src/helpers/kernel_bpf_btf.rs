//! Helper prototypes defined in the kernel's `kernel/bpf/btf.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Find BTF type with given name and kind in vmlinux BTF or in module's BTFs.
#[helper(id = 167, might_sleep, prog_types = [syscall])]
pub fn bpf_btf_find_by_name_kind(
    name: Rdonly<Mem>,
    name_sz: ConstSize,
    kind: Anything,
    flags: Anything,
) -> Integer;
