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
# Created with only a size (max_entries, a page multiple) for the flag sweep.
RINGBUFS = {27: "ringbuf", 31: "user_ringbuf"}
# The maps of maps, and the other types tried only as their inner map.
MAPS_OF_MAPS = {12: "array_of_maps", 13: "hash_of_maps"}
INNER_ONLY = {19: "cgroup_storage", 21: "percpu_cgroup_storage", **MAPS_OF_MAPS}
# Types created from one list of sizes rather than the sweep's.
SIZED_ONLY = {27: [(0, 0, 4096)], 31: [(0, 0, 4096)], 19: [(8, 8, 0)], 21: [(8, 8, 0)]}
# Every map flag bit of the uapi and one above it, then both read-only and
# write-only for user space (BPF_F_RDONLY|BPF_F_WRONLY) and for programs
# (BPF_F_RDONLY_PROG|BPF_F_WRONLY_PROG).
FLAG_BITS = [1 << b for b in range(20)] + [(1 << 3) | (1 << 4), (1 << 7) | (1 << 8)]
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


def create_fd(map_type, key, value, entries, flags, extra=0, inner=0):
    """A new map's fd, or minus the errno BPF_MAP_CREATE failed with."""
    # inner_map_fd follows map_flags; map_extra is the u64 at offset 64 of
    # union bpf_attr.
    fields = struct.pack("<6I", map_type, key, value, entries, flags, inner)
    attr = ctypes.create_string_buffer(fields + bytes(64 - len(fields)) + struct.pack("<Q", extra), 128)
    fd = libc.syscall(NR_BPF, BPF_MAP_CREATE, attr, 128)
    return fd if fd >= 0 else -ctypes.get_errno()


def create(map_type, key, value, entries, flags, extra=0):
    fd = create_fd(map_type, key, value, entries, flags, extra)
    if fd < 0:
        return -fd
    os.close(fd)
    return 0


def first_created(t, name):
    """The first sizes (and the flags) a map of type t is created with."""
    base = FLAGS.get(name, [0])[0]
    sizes = SIZED_ONLY.get(t) or [(k, v, e) for k in KEYS for v in VALUES for e in ENTRIES]
    k, v, e = next(s for s in sizes if create(t, *s, base) == 0)
    return k, v, e, base


def inner_rows():
    """Each type as the inner map of an array and of a hash of maps."""
    rows = []
    array = create_fd(2, 4, 4, 1, 0)
    for t, name in list(TYPES.items()) + list(RINGBUFS.items()) + list(INNER_ONLY.items()):
        if t in MAPS_OF_MAPS:
            inner = create_fd(t, 4, 4, 1, 0, inner=array)
        else:
            inner = create_fd(t, *first_created(t, name))
        for outer, outer_name in MAPS_OF_MAPS.items():
            fd = create_fd(outer, 4, 4, 1, 0, inner=inner)
            rows.append("%s\t%s\t%d" % (name, outer_name, max(-fd, 0)))
            if fd >= 0:
                os.close(fd)
        os.close(inner)
    os.close(array)
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "object/tests/data/map-create.tsv"))
    ap.add_argument("--inner-out", default=os.path.join(os.path.dirname(__file__), "..", "object/tests/data/map-inner.tsv"))
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
    for t, name in list(TYPES.items()) + list(RINGBUFS.items()):
        k, v, e, base = first_created(t, name)
        for bit in FLAG_BITS:
            rows.append("%s\t%d\t%d\t%d\t%d\t0\t%d" % (name, k, v, e, base | bit, create(t, k, v, e, base | bit)))
    with open(a.out, "w") as f:
        f.write("\n".join(rows) + "\n")
    print("map-create-sweep: %d combinations -> %s" % (len(rows) - 1, a.out))
    inner = ["# inner map type\tmap of maps\terrno (recorded by scripts/map-create-sweep.py on %s)" % os.uname().release] + inner_rows()
    with open(a.inner_out, "w") as f:
        f.write("\n".join(inner) + "\n")
    print("map-create-sweep: %d inner maps -> %s" % (len(inner) - 1, a.inner_out))


if __name__ == "__main__":
    main()
