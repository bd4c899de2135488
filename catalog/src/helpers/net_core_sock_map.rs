//! Helper prototypes defined in the kernel's `net/core/sock_map.c`.

use kfreg::helper;
use kfreg::helper::*;

/// Redirect the packet to the socket referenced by `map` (of type `BPF_MAP_TYPE_SOCKMAP`) at index `key`.
#[helper(id = 52, map_types = [sockmap], prog_types = [sk_skb])]
pub fn bpf_sk_redirect_map(skb: Ctx, map: ConstMapPtr, key: Anything, flags: Anything) -> Integer;

/// Add an entry to, or update a `map` referencing sockets.
#[helper(id = 53, pkt_access, map_types = [sockmap], prog_types = [sock_ops])]
pub fn bpf_sock_map_update(skops: Ctx, map: ConstMapPtr, key: MapKey, flags: Anything) -> Integer;

/// This helper is used in programs implementing policies at the socket level.
#[helper(id = 60, map_types = [sockmap], prog_types = [sk_msg])]
pub fn bpf_msg_redirect_map(msg: Ctx, map: ConstMapPtr, key: Anything, flags: Anything) -> Integer;

/// Add an entry to, or update a sockhash `map` referencing sockets.
#[helper(id = 70, pkt_access, map_types = [sockhash], prog_types = [sock_ops])]
pub fn bpf_sock_hash_update(skops: Ctx, map: ConstMapPtr, key: MapKey, flags: Anything) -> Integer;

/// This helper is used in programs implementing policies at the socket level.
#[helper(id = 71, map_types = [sockhash], prog_types = [sk_msg])]
pub fn bpf_msg_redirect_hash(msg: Ctx, map: ConstMapPtr, key: MapKey, flags: Anything) -> Integer;

/// This helper is used in programs implementing policies at the skb socket level.
#[helper(id = 72, map_types = [sockhash], prog_types = [sk_skb])]
pub fn bpf_sk_redirect_hash(skb: Ctx, map: ConstMapPtr, key: MapKey, flags: Anything) -> Integer;
