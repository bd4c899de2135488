//! Helper prototypes defined in the kernel's `kernel/bpf/syscall.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Execute bpf syscall with given arguments.
#[helper(id = 166, might_sleep, prog_types = [syscall])]
pub fn bpf_sys_bpf(cmd: Anything, attr: Rdonly<Mem>, attr_size: ConstSize) -> Integer;

/// Execute close syscall for given FD.
#[helper(id = 168, might_sleep, prog_types = [syscall])]
pub fn bpf_sys_close(fd: Anything) -> Integer;

/// Get the address of a kernel symbol, returned in `res`.
#[helper(id = 179, prog_types = [syscall])]
pub fn bpf_kallsyms_lookup_name(
    name: Mem,
    name_sz: ConstSizeOrZero,
    flags: Anything,
    res: Fixed<Uninit<Aligned<Mem>>, 8>,
) -> Integer;
