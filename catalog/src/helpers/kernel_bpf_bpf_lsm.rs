//! Helper prototypes defined in the kernel's `kernel/bpf/bpf_lsm.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Set or clear certain options on `bprm`:
#[helper(id = 159, prog_types = [lsm])]
pub fn bpf_bprm_opts_set(bprm: BtfId<super::types::LinuxBinprm>, flags: Anything) -> Integer;

/// Returns the stored IMA hash of the `inode` (if it's available).
#[helper(id = 161, might_sleep, sleepable_hook, prog_types = [lsm])]
pub fn bpf_ima_inode_hash(
    inode: BtfId<super::types::Inode>,
    dst: Uninit<Mem>,
    size: ConstSize,
) -> Integer;

/// Get bpf_cookie value provided (optionally) during the program attachment.
#[helper(id = 174, prog_types = [lsm])]
pub fn bpf_get_attach_cookie(ctx: Ctx) -> Integer;

/// Returns a calculated IMA hash of the `file`.
#[helper(id = 193, might_sleep, sleepable_hook, prog_types = [lsm])]
pub fn bpf_ima_file_hash(
    file: BtfId<crate::structs::File>,
    dst: Uninit<Mem>,
    size: ConstSize,
) -> Integer;
