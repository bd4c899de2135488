//! Helper prototypes defined in the kernel's `kernel/bpf/bpf_inode_storage.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Get a bpf_local_storage from an `inode`.
#[helper(id = 145, map_types = [inode_storage], prog_types = [lsm])]
pub fn bpf_inode_storage_get(
    map: ConstMapPtr,
    inode: OrNull<BtfId<super::types::Inode>>,
    value: OrNull<MapValue>,
    flags: Anything,
) -> OrNull<MapValue>;

/// Delete a bpf_local_storage from an `inode`.
#[helper(id = 146, map_types = [inode_storage], prog_types = [lsm])]
pub fn bpf_inode_storage_delete(
    map: ConstMapPtr,
    inode: OrNull<BtfId<super::types::Inode>>,
) -> Integer;
