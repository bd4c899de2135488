#!/usr/bin/env python3
"""Record which map sizes the running kernel refuses to create.

    scripts/map-create-sweep.py [--out object/tests/data/map-create.tsv]

For every map type whose sizes alone decide creation (no BTF, no inner map,
no attach point), creates maps with each combination of key size, value
size and max_entries below through BPF_MAP_CREATE (flags 0, and the flags
that change what sizes a type takes: FLAGS; map_extra 0, and for a few sizes
the values of EXTRA), closes them at once, and writes the errno (0 when
created) as TSV. kfreg's `MapKind::creation_errno` must give
the same for every row (object/tests/map_create.rs). Needs root.
"""

import argparse
import ctypes
import os
import struct

NR_BPF = 321
BPF_MAP_CREATE = 0
BPF_F_NO_PREALLOC = 1
BPF_F_STACK_BUILD_ID = 1 << 5

# The types this sweep can create from sizes alone, by kernel number.
TYPES = {
    1: "hash", 2: "array", 3: "prog_array", 4: "perf_event_array",
    5: "percpu_hash", 6: "percpu_array", 7: "stack_trace", 8: "cgroup_array",
    9: "lru_hash", 10: "lru_percpu_hash", 11: "lpm_trie", 14: "devmap",
    15: "sockmap", 16: "cpumap", 17: "xskmap", 18: "sockhash",
    20: "reuseport_sockarray", 22: "queue", 23: "stack", 25: "devmap_hash",
    30: "bloom_filter",
}
# Flags that change what sizes a type takes (the LPM trie needs
# BPF_F_NO_PREALLOC; an LRU hash refuses it); flags 0 for the others.
FLAGS = {
    "lpm_trie": [BPF_F_NO_PREALLOC],
    "lru_hash": [0, BPF_F_NO_PREALLOC],
    "stack_trace": [0, BPF_F_STACK_BUILD_ID],
}
KEYS = [0, 1, 4, 5, 8, 16, 64, 513]
VALUES = [0, 1, 4, 8, 12, 16, 20, 24, 32, 40, 64, 1016, 1024, 4064, 4096, 32768, 32776]
ENTRIES = [0, 1, 64]
# map_extra: taken by a bloom filter (its low four bits are the number of
# hash functions) and refused by the other types; tried with these sizes.
EXTRA = [1, 15, 16, 1 << 32]
EXTRA_KEYS = [0, 4]
EXTRA_VALUES = [4, 8]

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def create(map_type, key, value, entries, flags, extra=0):
    # map_extra is the u64 at offset 64 of union bpf_attr.
    fields = struct.pack("<5I", map_type, key, value, entries, flags)
    attr = ctypes.create_string_buffer(fields + bytes(64 - len(fields)) + struct.pack("<Q", extra), 128)
    fd = libc.syscall(NR_BPF, BPF_MAP_CREATE, attr, 128)
    if fd < 0:
        return ctypes.get_errno()
    os.close(fd)
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "object/tests/data/map-create.tsv"))
    a = ap.parse_args()
    rows = ["# type\tkey_size\tvalue_size\tmax_entries\tflags\tmap_extra\terrno (recorded by scripts/map-create-sweep.py on %s)" % os.uname().release]
    for t, name in TYPES.items():
        for flags in FLAGS.get(name, [0]):
            for k in KEYS:
                for v in VALUES:
                    for e in ENTRIES:
                        rows.append("%s\t%d\t%d\t%d\t%d\t0\t%d" % (name, k, v, e, flags, create(t, k, v, e, flags)))
            for x in EXTRA:
                for k in EXTRA_KEYS:
                    for v in EXTRA_VALUES:
                        for e in ENTRIES:
                            rows.append("%s\t%d\t%d\t%d\t%d\t%d\t%d" % (name, k, v, e, flags, x, create(t, k, v, e, flags, x)))
    with open(a.out, "w") as f:
        f.write("\n".join(rows) + "\n")
    print("map-create-sweep: %d combinations -> %s" % (len(rows) - 1, a.out))


if __name__ == "__main__":
    main()
