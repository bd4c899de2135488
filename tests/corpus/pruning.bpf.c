// SPDX-License-Identifier: GPL-2.0
/* pruning: what makes states equal at a join; each program's processed-instruction count is the kernel's only if kfreg prunes where it does. */
#include "corpus.h"

struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 64); __type(key, u64); __type(value, u64); } hist SEC(".maps");

struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 64); __type(key, u32); __type(value, u64); } slots SEC(".maps");

static __always_inline u64 slot_of(u64 v)
{
	u64 r, shift;

	r = (v > 0xFFFF) << 4; v >>= r;
	shift = (v > 0xFF) << 3; v >>= shift; r |= shift;
	shift = (v > 0xF) << 2; v >>= shift; r |= shift;
	shift = (v > 0x3) << 1; v >>= shift; r |= shift;
	r |= (v >> 1);
	return r;
}

static __always_inline u64 slot_of64(u64 v)
{
	u32 hi = v >> 32;

	return hi ? slot_of(hi) + 32 : slot_of((u32)v);
}

/* ACCEPT: a constant key of a hash map is not made precise, so the paths clamped to one constant slot and the later path with a range of slots meet one state. */
SEC("tp_btf/sched_switch")
int hash_key_imprecise(u64 *ctx)
{
	u64 one = 1, slot = slot_of64(bpf_ktime_get_ns() / 1000);
	u64 *v;

	if (slot >= 26)
		slot = 25;
	v = bpf_map_lookup_elem(&hist, &slot);
	if (v)
		__sync_fetch_and_add(v, 1);
	else
		bpf_map_update_elem(&hist, &slot, &one, 0);
	return 0;
}

/* ACCEPT: a constant key of an array map is precise (the lookup cannot fail with it), so each slot is its own state. */
SEC("tp_btf/sched_switch")
int array_key_precise(u64 *ctx)
{
	u32 slot = slot_of64(bpf_ktime_get_ns() / 1000);
	u64 *v;

	if (slot >= 26)
		slot = 25;
	v = bpf_map_lookup_elem(&slots, &slot);
	if (v)
		__sync_fetch_and_add(v, 1);
	return 0;
}
