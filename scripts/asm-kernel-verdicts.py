#!/usr/bin/env python3
"""Load every assembler case of verifier/tests/asm/*.s into the running
kernel and record (or check) the verifier's verdict.

Each case (see verifier/tests/asm_cases.rs) carries `; type:`, `; map:` and
`; expect:` lines.  This script runs the `asm2json` example to get the
encoded instructions, creates the case's maps with BPF_MAP_CREATE, patches
every LD_IMM64 that refers to a map (src_reg BPF_PSEUDO_MAP_FD or
BPF_PSEUDO_MAP_VALUE: imm = map number N of the case) with the real fd of
map N, loads the program with BPF_PROG_LOAD (license "GPL" unless a
`; license:` line names another, log level 1,
16 MiB log) and closes every fd again.  Nothing is attached, pinned or run.

A `; type: iter/TARGET` case is a BPF iterator: a tracing program loaded
with expected attach type BPF_TRACE_ITER and, as its attach BTF id, the
running kernel's FUNC `bpf_iter_TARGET` (read from /sys/kernel/btf/vmlinux);
a `; type: tp_btf/EVENT` case a tracing program loaded as BPF_TRACE_RAW_TP
against the TYPEDEF `btf_trace_EVENT`.

Programs that take a callback's address (LD_IMM64 BPF_PSEUDO_FUNC, for
bpf_loop), and cases with a `; btf: funcs` line, also get a minimal BTF (BPF_BTF_LOAD) with one static
`int fN(void)` FUNC per subprogram as their func_info: without it the kernel
refuses every callback with "missing btf func_info".

A `; map:` line may carry `rdonly_prog` (BPF_F_RDONLY_PROG), `flags=N`,
`init=HEX` (element 0's bytes, written with BPF_MAP_UPDATE_ELEM before the map
is frozen with BPF_MAP_FREEZE: what libbpf does to `.rodata`), `inner=TYPE:K:V:MAX`
(a map of maps' inner map, created first and passed as inner_map_fd) or
`btf=spin_lock` / `btf=timer` (the value is `struct val { int cnt; struct
bpf_spin_lock l; }` or `struct timer { struct bpf_timer t; }` of a BTF
loaded for the map, its key an `int`).

Instead of `; type:`, a case may say `; load: PROG_TYPE ATTACH_TYPE` (the
kernel's numbers), and `; flags: N` adds program flags (BPF_F_SLEEPABLE 16).

A case may also carry `; insns: N`, the instructions the kernel processed
(its log's `processed N insns`): a pruning case shows that kfreg stores and
compares states as the kernel does. --check compares it too, --write
rewrites it when the case has one.

The recorded answer is `ACCEPT` or `REJECT <line>`, where <line> is the
last non-empty log line before the `processed N insns ...` summary (or the
last non-empty line when there is no summary), not counting the
`cur state:` / `old state:` dumps the kernel prints after
`infinite loop detected at insn N`. A message of several lines (the run
of lines before it that are not the instruction trace, at most ten in
all, as scripts/kload.c records them) has its earlier lines recorded
above the `; expect:` line, one `; before: <line>` each.  When the log does not fit (ENOSPC) the
program is loaded again with log level 0 for the verdict; the kernel's log
rotates, so the error line is still taken from the log's tail.

Usage:
    scripts/asm-kernel-verdicts.py [--check | --write] [-v [--log N]] [NAME...]
      --check            (default) print every case whose `; expect:` differs,
                         exit 1 on any
      --write            rewrite the `; expect:` line of every case in place
      -v, --log N        print every verdict, and the last N log lines
      --level N          the kernel log's level (default 1; 2 for every path)
      --dir DIR          the case directory (default verifier/tests/asm)
      --json FILE        skip cargo; read the asm2json output from this file
      --asm2json BINARY  run this built asm2json example instead of `cargo run`
      NAME               only cases whose name contains one of these strings
Needs root (or CAP_BPF + CAP_PERFMON + CAP_NET_ADMIN/CAP_SYS_ADMIN): the
recorded verdicts are those of a privileged loader (uninitialised stack
reads and pointer leaks are allowed).
"""

import argparse
import re
import ctypes
import errno
import json
import os
import platform
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIR = os.path.join(ROOT, "verifier", "tests", "asm")

SYS_BPF = {"x86_64": 321, "aarch64": 280, "riscv64": 280}.get(platform.machine(), 321)
BPF_MAP_CREATE = 0
BPF_PROG_LOAD = 5
BPF_BTF_LOAD = 18
BPF_MAP_UPDATE_ELEM = 2
BPF_MAP_FREEZE = 22

MAP_TYPES = {"hash": 1, "array": 2, "prog_array": 3, "perf_event_array": 4, "percpu_hash": 5,
             "percpu_array": 6, "stack_trace": 7, "cgroup_array": 8, "lru_hash": 9,
             "lru_percpu_hash": 10, "lpm_trie": 11, "devmap": 14, "sockmap": 15, "cpumap": 16,
             "xskmap": 17, "sockhash": 18, "queue": 22, "stack": 23, "devmap_hash": 25,
             "ringbuf": 27, "bloom_filter": 30, "user_ringbuf": 31, "array_of_maps": 12,
             "hash_of_maps": 13, "cgroup_storage": 19, "reuseport_sockarray": 20,
             "percpu_cgroup_storage": 21, "sk_storage": 24}
# type word -> (prog_type, prog_flags, expected_attach_type)
PROG_TYPES = {
    "socket": (1, 0, 0),
    "kprobe": (2, 0, 0),
    "kprobe_multi": (2, 0, 42),  # BPF_TRACE_KPROBE_MULTI
    "uprobe_multi": (2, 0, 48),  # BPF_TRACE_UPROBE_MULTI
    "kprobe_session": (2, 0, 56),  # BPF_TRACE_KPROBE_SESSION
    "uprobe_session": (2, 0, 57),  # BPF_TRACE_UPROBE_SESSION
    "tracepoint": (5, 0, 0),
    "perf_event": (7, 0, 0),
    "tc": (3, 0, 0),
    "xdp": (6, 0, 0),
    "raw_tp": (17, 0, 0),
    "raw_tp_w": (24, 0, 0),
    "syscall": (31, 1 << 4, 0),  # BPF_F_SLEEPABLE
    "syscall_ns": (31, 0, 0),  # not sleepable, which the kernel refuses
    "socket_s": (1, 1 << 4, 0),  # a sleepable socket filter, refused too
    "sysctl": (23, 0, 18),  # BPF_CGROUP_SYSCTL
    "cgroup_sock": (9, 0, 0),  # the kernel makes it BPF_CGROUP_INET_SOCK_CREATE
    "cgroup_dev": (15, 0, 0),
    "sk_reuseport": (21, 0, 0),  # the kernel makes it BPF_SK_REUSEPORT_SELECT
    "flow_dissector": (22, 0, 0),
    "cgroup_skb": (8, 0, 0),
    "cgroup_skb_egress": (8, 0, 1),
    "lwt_in": (10, 0, 0),
    "lwt_out": (11, 0, 0),
    "lwt_xmit": (12, 0, 0),
    "sock_ops": (13, 0, 0),
    "sk_skb": (14, 0, 0),
    "sk_msg": (16, 0, 0),
    "sock_addr_connect4": (18, 0, 10),
    "sock_addr_sendmsg6": (18, 0, 15),
    "sock_addr_bind4": (18, 0, 8),
    "sockopt_get": (25, 0, 21),
    "sockopt_set": (25, 0, 22),
    "sk_lookup": (30, 0, 36),
    "netfilter": (32, 0, 45),
    "cgroup_sock_post_bind4": (9, 0, 12),
}
# `iter/TARGET`: a tracing program loaded as BPF_TRACE_ITER against the
# running kernel's BTF FUNC `bpf_iter_TARGET`; `tp_btf/EVENT` one loaded as
# BPF_TRACE_RAW_TP against its TYPEDEF `btf_trace_EVENT`.
BPF_PROG_TYPE_TRACING = 26
BPF_TRACE_RAW_TP = 23
BPF_TRACE_ITER = 28
BTF_KIND_TYPEDEF = 8
BTF_KIND_FUNC = 12
VMLINUX_BTF = "/sys/kernel/btf/vmlinux"
# Bytes after each BTF kind's 12-byte header: fixed, and per vlen item.
BTF_KIND_EXTRA = {1: (4, 0), 3: (12, 0), 4: (0, 12), 5: (0, 12), 6: (0, 8), 13: (0, 8),
                  14: (4, 0), 15: (0, 12), 17: (4, 0), 19: (0, 12)}
BPF_PSEUDO_MAP_FD = 1
BPF_PSEUDO_MAP_VALUE = 2
BPF_PSEUDO_CALL = 1
BPF_PSEUDO_FUNC = 4
LOG_SIZE = 16 << 20
ATTR_SIZE = 256

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def bpf(cmd, attr):
    buf = ctypes.create_string_buffer(bytes(attr), ATTR_SIZE)
    ret = libc.syscall(ctypes.c_long(SYS_BPF), ctypes.c_int(cmd), buf, ctypes.c_uint(ATTR_SIZE))
    if ret < 0:
        return -ctypes.get_errno()
    return ret


def u32(b, off, v):
    b[off:off + 4] = (v & 0xFFFFFFFF).to_bytes(4, "little")


def u64(b, off, v):
    b[off:off + 8] = (v & 0xFFFFFFFFFFFFFFFF).to_bytes(8, "little")


def map_create(spec, name):
    """`hash key=4 value=8 max=1 [rdonly_prog] [flags=N] [init=HEX]` -> fd (or -errno).

    The map is called `name`, as kfreg names a case's maps (`map0`, ...), so
    that messages naming a map read the same."""
    words = spec.split()
    kind = words[0]
    if kind not in MAP_TYPES:
        raise ValueError(f"unknown map type {kind!r}")
    kv = {}
    for w in words[1:]:
        if "=" in w:
            k, v = w.split("=", 1)
            kv[k] = v
    key = int(kv.get("key", "0"), 0)
    value = int(kv.get("value", "0"), 0)
    max_entries = int(kv.get("max", "1"), 0)
    flags = int(kv.get("flags", "0"), 0)
    if "rdonly_prog" in words[1:]:
        flags |= 1 << 7  # BPF_F_RDONLY_PROG
    if kind in ("ringbuf", "user_ringbuf"):
        key, value = 0, 0
        if max_entries < 4096:
            max_entries = 4096
    attr = bytearray(ATTR_SIZE)
    u32(attr, 0, MAP_TYPES[kind])
    u32(attr, 4, key)
    u32(attr, 8, value)
    u32(attr, 12, max_entries)
    u32(attr, 16, flags)
    attr[28:28 + len(name)] = name.encode()  # map_name
    held = []
    try:
        if "inner" in kv:
            ikind, ikey, ivalue, imax = kv["inner"].split(":")
            inner = map_create(f"{ikind} key={ikey} value={ivalue} max={imax}", name + ".inner")
            if inner < 0:
                return inner
            held.append(inner)
            u32(attr, 20, inner)  # inner_map_fd
        if "btf" in kv:
            btf_fd = btf_load(VALUE_BTF)
            if btf_fd < 0:
                return btf_fd
            held.append(btf_fd)
            u32(attr, 48, btf_fd)
            u32(attr, 52, 1)  # the key: int
            u32(attr, 56, VALUE_BTF_TYPES[kv["btf"]])
        fd = bpf(BPF_MAP_CREATE, attr)
    finally:
        for f in held:
            os.close(f)
    if fd >= 0 and "init" in kv:
        init = bytes.fromhex(kv["init"]).ljust(value, b"\0")
        key_buf = ctypes.create_string_buffer(bytes(key), max(key, 1))
        val_buf = ctypes.create_string_buffer(init, len(init))
        attr = bytearray(ATTR_SIZE)
        u32(attr, 0, fd)
        u64(attr, 8, ctypes.addressof(key_buf))
        u64(attr, 16, ctypes.addressof(val_buf))
        err = bpf(BPF_MAP_UPDATE_ELEM, attr)
        if err < 0:
            return err
        attr = bytearray(ATTR_SIZE)
        u32(attr, 0, fd)
        err = bpf(BPF_MAP_FREEZE, attr)
        if err < 0:
            return err
    return fd


def btf_blob(types, strings):
    hdr = (0xEB9F).to_bytes(2, "little") + bytes([1, 0]) + (24).to_bytes(4, "little")
    hdr += (0).to_bytes(4, "little") + len(types).to_bytes(4, "little")
    hdr += len(types).to_bytes(4, "little") + len(strings).to_bytes(4, "little")
    return hdr + types + strings


def btf_type(name_off, kind, vlen, size_or_type, extra=b""):
    info = (kind << 24) | vlen
    return (name_off.to_bytes(4, "little") + info.to_bytes(4, "little")
            + size_or_type.to_bytes(4, "little") + extra)


def btf_member(name_off, type_id, bit_off):
    return (name_off.to_bytes(4, "little") + type_id.to_bytes(4, "little")
            + bit_off.to_bytes(4, "little"))


def value_btf():
    """int [1]; struct bpf_spin_lock { int val; } [2]; struct val { int cnt;
    struct bpf_spin_lock l; } [3]; struct bpf_timer (16 bytes) [4]; struct
    timer { struct bpf_timer t; } [5]."""
    names = ["int", "bpf_spin_lock", "val", "cnt", "l", "bpf_timer", "timer", "t"]
    strings, off = b"\0", {}
    for n in names:
        off[n] = len(strings)
        strings += n.encode() + b"\0"
    types = btf_type(off["int"], 1, 0, 4, ((1 << 24) | 32).to_bytes(4, "little"))
    types += btf_type(off["bpf_spin_lock"], 4, 1, 4, btf_member(off["val"], 1, 0))
    types += btf_type(off["val"], 4, 2, 8, btf_member(off["cnt"], 1, 0) + btf_member(off["l"], 2, 32))
    types += btf_type(off["bpf_timer"], 4, 0, 16)
    types += btf_type(off["timer"], 4, 1, 16, btf_member(off["t"], 4, 0))
    return btf_blob(types, strings)


VALUE_BTF = value_btf()
VALUE_BTF_TYPES = {"spin_lock": 3, "timer": 5}


def patch_maps(code, fds):
    code = bytearray(code)
    i = 0
    n = len(code) // 8
    while i < n:
        op = code[i * 8]
        src = code[i * 8 + 1] >> 4
        if op == 0x18:
            if src in (BPF_PSEUDO_MAP_FD, BPF_PSEUDO_MAP_VALUE):
                idx = int.from_bytes(code[i * 8 + 4:i * 8 + 8], "little", signed=True)
                if 0 <= idx < len(fds):
                    u32(code, i * 8 + 4, fds[idx])
            i += 2
            continue
        i += 1
    return bytes(code)


def subprog_starts(code):
    """Instruction indexes where subprograms start (the kernel's list), and
    whether a callback is taken by address (LD_IMM64 BPF_PSEUDO_FUNC)."""
    n = len(code) // 8
    starts = {0}
    callback = False
    i = 0
    while i < n:
        op = code[i * 8]
        src = code[i * 8 + 1] >> 4
        imm = int.from_bytes(code[i * 8 + 4:i * 8 + 8], "little", signed=True)
        if op == 0x85 and src == BPF_PSEUDO_CALL:
            starts.add(i + imm + 1)
        if op == 0x18:
            if src == BPF_PSEUDO_FUNC:
                starts.add(i + imm + 1)
                callback = True
            i += 2
            continue
        i += 1
    # A call out of the program is refused before any func_info is read.
    return sorted(s for s in starts if 0 <= s < n), callback


def btf_for_subprogs(count):
    """A minimal BTF blob: `int`, `int (void)`, and one static FUNC per
    subprogram (f0, f1, ...), types 3.. in subprogram order."""
    strings = b"\0int\0"
    names = []
    for k in range(count):
        names.append(len(strings))
        strings += f"f{k}".encode() + b"\0"
    types = b""
    # [1] INT "int" size 4, signed, 32 bits
    types += (1).to_bytes(4, "little") + (1 << 24).to_bytes(4, "little") + (4).to_bytes(4, "little")
    types += ((1 << 24) | 32).to_bytes(4, "little")
    # [2] FUNC_PROTO returning int, no parameters
    types += (0).to_bytes(4, "little") + (13 << 24).to_bytes(4, "little") + (1).to_bytes(4, "little")
    # [3..] FUNC fK -> [2], linkage static (0)
    for off in names:
        types += off.to_bytes(4, "little") + (12 << 24).to_bytes(4, "little") + (2).to_bytes(4, "little")
    return btf_blob(types, strings)


def btf_load(blob):
    buf = ctypes.create_string_buffer(blob, len(blob))
    attr = bytearray(ATTR_SIZE)
    u64(attr, 0, ctypes.addressof(buf))
    u32(attr, 16, len(blob))
    return bpf(BPF_BTF_LOAD, attr)


def message(log):
    """The error message's lines: the run of lines that are not the
    instruction trace (at most 10, as scripts/kload.c records them) ending
    at the error line, the last non-empty line before the summary."""
    # Some messages lack their newline, so the summary is glued to them
    # ("expected prog array map for tail callprocessed 23 insns ..."):
    # split it off again.
    log = re.sub(r"(?<=[^\n])(processed \d+ insns )", r"\n\1", log)
    lines = [l for l in log.split("\n")]
    end = len(lines)
    for k in range(len(lines) - 1, -1, -1):
        if lines[k].startswith("processed ") and " insns" in lines[k]:
            end = k
            break
    lines = [l.rstrip() for l in lines[:end] if l.strip()]
    # "infinite loop detected at insn N" is followed by two state dumps
    # ("cur state: ...", "old state: ..."); the message is the error.
    while lines and lines[-1].strip().startswith(("cur state:", "old state:")):
        lines.pop()
    start = len(lines) - 1
    while start > 0 and len(lines) - start < 10 and not TRACE.match(lines[start - 1]):
        start -= 1
    return [l.strip() for l in lines[max(start, 0):]]


# Lines of the walk's trace rather than of a message (scripts/kload.c); an
# indented line is the rest of a state.
TRACE = re.compile(r"^( |\d+:|; |from \d+ to \d+:|mark_precise:|Live regs before insn:|Func#"
                   r"|Validating |caller:|callee:|returning from callee:|to caller at)")


def error_line(log):
    lines = message(log)
    return lines[-1] if lines else None


def processed(log):
    """The N of the log's `processed N insns` summary, or None."""
    for line in reversed(log.split("\n")):
        if line.startswith("processed ") and " insns" in line:
            return int(line.split()[1])
    return None


def btf_type_id(name, kind=BTF_KIND_FUNC, path=VMLINUX_BTF):
    """The type id of the BTF type `name` of `kind` in the kernel's BTF, or None."""
    with open(path, "rb") as f:
        data = f.read()
    hdr_len, type_off, type_len, str_off = (int.from_bytes(data[o:o + 4], "little")
                                            for o in (4, 8, 12, 16))
    strings = hdr_len + str_off
    want, want_kind = name.encode(), kind
    pos, end, tid = hdr_len + type_off, hdr_len + type_off + type_len, 1
    while pos < end:
        name_off = int.from_bytes(data[pos:pos + 4], "little")
        info = int.from_bytes(data[pos + 4:pos + 8], "little")
        kind, vlen = (info >> 24) & 0x1f, info & 0xffff
        if kind == want_kind:
            start = strings + name_off
            if data[start:data.index(b"\0", start)] == want:
                return tid
        fixed, per = BTF_KIND_EXTRA.get(kind, (0, 0))
        pos += 12 + fixed + per * vlen
        tid += 1
    return None


def load_kind(word):
    """(prog_type, prog_flags, expected_attach_type, attach_btf_id) for a `; type:` word."""
    if word.startswith("iter/"):
        func = btf_type_id("bpf_iter_" + word[5:])
        return None if func is None else (BPF_PROG_TYPE_TRACING, 0, BPF_TRACE_ITER, func)
    if word.startswith("tp_btf/"):
        event = btf_type_id("btf_trace_" + word[7:], BTF_KIND_TYPEDEF)
        return None if event is None else (BPF_PROG_TYPE_TRACING, 0, BPF_TRACE_RAW_TP, event)
    if word not in PROG_TYPES:
        return None
    ptype, flags, attach = PROG_TYPES[word]
    return (ptype, flags, attach, 0)


def prog_load(ptype, flags, code, log_level, btf=None, attach=(0, 0), license="GPL"):
    """btf: (btf_fd, [subprog start, ...]) to pass func_info, or None;
    attach: (expected_attach_type, attach_btf_id)."""
    insns = ctypes.create_string_buffer(code, len(code))
    lic = ctypes.create_string_buffer(license.encode())
    logbuf = ctypes.create_string_buffer(LOG_SIZE if log_level else 1)
    attr = bytearray(ATTR_SIZE)
    u32(attr, 0, ptype)
    u32(attr, 4, len(code) // 8)
    u64(attr, 8, ctypes.addressof(insns))
    u64(attr, 16, ctypes.addressof(lic))
    if log_level:
        u32(attr, 24, log_level)
        u32(attr, 28, LOG_SIZE)
        u64(attr, 32, ctypes.addressof(logbuf))
    u32(attr, 44, flags)
    attr[48:48 + 8] = b"asmcase\0"
    u32(attr, 68, attach[0])
    u32(attr, 108, attach[1])
    if btf is not None:
        btf_fd, starts = btf
        finfo = b"".join(st.to_bytes(4, "little") + (3 + k).to_bytes(4, "little")
                         for k, st in enumerate(starts))
        finfo_buf = ctypes.create_string_buffer(finfo, len(finfo))
        u32(attr, 72, btf_fd)
        u32(attr, 76, 8)
        u64(attr, 80, ctypes.addressof(finfo_buf))
        u32(attr, 88, len(starts))
    fd = bpf(BPF_PROG_LOAD, attr)
    log = logbuf.value.decode("utf-8", "replace") if log_level else ""
    return fd, log


LAST_LOG = [""]
# The lines of the last rejection's message before its error line.
LAST_BEFORE = [[]]
LOG_LEVEL = [1]


def kernel_verdict(case):
    LAST_LOG[0] = ""
    LAST_BEFORE[0] = []
    meta = case["meta"]
    ptype_word = None
    maps = []
    license = "GPL"
    numbered = None
    extra_flags = 0
    for m in meta:
        if m.startswith("type: "):
            ptype_word = m[6:].strip()
        elif m.startswith("load: "):
            numbered = tuple(int(w, 0) for w in m[6:].split())
        elif m.startswith("flags: "):
            extra_flags |= int(m[7:].strip(), 0)
        elif m.startswith("license: "):
            license = m[9:].strip()
        elif m.startswith("map: "):
            maps.append(m[5:].strip())
    kind = (numbered[0], 0, numbered[1], 0) if numbered else load_kind(ptype_word or "")
    if kind is None:
        return f"(unsupported program type {ptype_word!r})"
    ptype, flags, attach = kind[0], kind[1] | extra_flags, kind[2:]
    fds = []
    try:
        for n, spec in enumerate(maps):
            fd = map_create(spec, f"map{n}")
            if fd < 0:
                return f"(map create `{spec}` failed: {errno.errorcode.get(-fd, -fd)})"
            fds.append(fd)
        code = patch_maps(bytes.fromhex(case["insns"]), fds)
        btf = None
        starts, callback = subprog_starts(code)
        if callback or "btf: funcs" in meta:
            # Callbacks (bpf_loop) need BTF func_info: "missing btf func_info".
            btf_fd = btf_load(btf_for_subprogs(len(starts)))
            if btf_fd < 0:
                return f"(BTF load failed: {errno.errorcode.get(-btf_fd, -btf_fd)})"
            fds.append(btf_fd)
            btf = (btf_fd, starts)
        fd, log = prog_load(ptype, flags, code, LOG_LEVEL[0], btf, attach, license)
        LAST_LOG[0] = log
        LAST_BEFORE[0] = message(log)[:-1] if fd < 0 else []
        if fd == -errno.ENOSPC:
            # The log did not fit; the verdict is unknown until a silent load.
            fd2, _ = prog_load(ptype, flags, code, 0, btf, attach, license)
            if fd2 >= 0:
                os.close(fd2)
                return "ACCEPT"
            line = error_line(log)
            return "REJECT " + (line if line else f"(no log: {errno.errorcode.get(-fd2, -fd2)})")
        if fd >= 0:
            os.close(fd)
            return "ACCEPT"
        line = error_line(log)
        if not line:
            return f"REJECT (no log: {errno.errorcode.get(-fd, -fd)})"
        return "REJECT " + line
    finally:
        for f in fds:
            os.close(f)


def asm2json(asm_dir, binary=None):
    cmd = [binary, asm_dir] if binary else \
        ["cargo", "run", "-q", "-p", "kfreg-verifier", "--example", "asm2json", asm_dir]
    out = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, check=True)
    return json.loads(out.stdout)


def rewrite(path, answers, insns, before):
    """Set the `; expect:` line of each case named in `answers` (name ->
    text), preceded by its `; before:` lines from `before` (name -> the
    message's earlier lines), and its `; insns:` line, when it has one,
    from `insns`."""
    with open(path) as f:
        lines = f.read().split("\n")
    out = []
    name = None
    placed = False
    meta_end = None  # index in `out` after the case's last leading `; type/map` line

    def expect_lines(name):
        return ["; before: " + b for b in before.get(name, [])] + ["; expect: " + answers[name]]

    def finish():
        if name is not None and name in answers and not placed:
            pos = meta_end if meta_end is not None else header_pos + 1
            out[pos:pos] = expect_lines(name)

    header_pos = 0
    for line in lines:
        if line.startswith("### "):
            finish()
            name = line[4:].strip()
            if name.startswith(";") or not name:
                name = None
            placed = False
            meta_end = None
            out.append(line)
            header_pos = len(out) - 1
            continue
        s = line.strip()
        if name is not None and s.startswith("; insns:") and insns.get(name) is not None:
            out.append(f"; insns: {insns[name]}")
            continue
        if name is not None and s.startswith("; before:") and name in answers:
            continue  # rewritten with the expect line
        if name is not None and s.startswith("; expect:") and name in answers:
            if not placed:
                out.extend(expect_lines(name))
                placed = True
            continue  # drop duplicates
        out.append(line)
        if name is not None and (s.startswith("; type:") or s.startswith("; map:")):
            meta_end = len(out)
    finish()
    with open(path, "w") as f:
        f.write("\n".join(out))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--dir", default=DEFAULT_DIR)
    ap.add_argument("--json")
    ap.add_argument("--asm2json", metavar="BINARY",
                    help="a built asm2json example to run instead of `cargo run`")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--log", type=int, default=0, metavar="N",
                    help="with -v, also print the last N lines of each log")
    ap.add_argument("--level", type=int, default=1, metavar="N",
                    help="the kernel log's level (2: every path, with states and prunes)")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    LOG_LEVEL[0] = args.level

    if args.json:
        with open(args.json) as f:
            cases = json.load(f)
    else:
        cases = asm2json(args.dir, args.asm2json)
    if args.names:
        cases = [c for c in cases if any(n in c["name"] for n in args.names)]

    seen = set()
    diffs = 0
    per_file = {}
    insns_per_file = {}
    before_per_file = {}
    n_acc = n_rej = 0
    for case in cases:
        key = (case["file"], case["name"])
        if key in seen:
            print(f"{case['file']}/{case['name']}: duplicate case name", file=sys.stderr)
            diffs += 1
        seen.add(key)
        got = kernel_verdict(case)
        got_insns = processed(LAST_LOG[0])
        want_insns = next((int(m[7:]) for m in case["meta"] if m.startswith("insns: ")), None)
        if want_insns is not None and want_insns != got_insns and not args.write:
            diffs += 1
            print(f"{case['file']}/{case['name']}: insns {want_insns}, kernel processed {got_insns}")
        if got.startswith("ACCEPT"):
            n_acc += 1
        else:
            n_rej += 1
        expect = next((m[8:].strip() for m in case["meta"] if m.startswith("expect: ")), None)
        want_before = [m[8:].strip() for m in case["meta"] if m.startswith("before: ")]
        got_before = LAST_BEFORE[0]
        if args.verbose:
            mark = "" if expect == got else "   [differs from `; expect:`]"
            print(f"{case['file']}/{case['name']}: {got}{mark}")
            if args.log:
                tail = LAST_LOG[0].rstrip("\n").split("\n")[-args.log:]
                print("".join("    | " + l + "\n" for l in tail), end="")
        if args.write:
            per_file.setdefault(case["file"], {})[case["name"]] = got
            insns_per_file.setdefault(case["file"], {})[case["name"]] = got_insns
            before_per_file.setdefault(case["file"], {})[case["name"]] = got_before
            if want_before != got_before and not args.verbose:
                print(f"{case['file']}/{case['name']}: before {want_before} -> {got_before}")
            if expect != got and not args.verbose:
                print(f"{case['file']}/{case['name']}: {expect} -> {got}")
        elif expect != got or want_before != got_before:
            diffs += 1
            if not args.verbose:
                print(f"{case['file']}/{case['name']}:\n    expect: {want_before} {expect}"
                      f"\n    kernel: {got_before} {got}")
    if args.write:
        for fname, answers in per_file.items():
            rewrite(os.path.join(args.dir, fname), answers, insns_per_file.get(fname, {}),
                    before_per_file.get(fname, {}))
    sys.stdout.flush()
    print(f"{len(cases)} cases: {n_acc} accepted, {n_rej} rejected by the kernel"
          + ("" if args.write else f"; {diffs} differ"), file=sys.stderr)
    return 1 if diffs and not args.write else 0


if __name__ == "__main__":
    sys.exit(main())
