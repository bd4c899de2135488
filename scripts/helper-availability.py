#!/usr/bin/env python3
"""Record which helpers the running kernel gives each program type.

    scripts/helper-availability.py [--out catalog/data/helpers-available.json]

Loads, for every program type this machine can load without an attach
target and every helper number, the program `r0 = 0; call N; r0 = 0;
exit` (never attached, pinned or run; accepted programs are closed at
once). The kernel refuses an unavailable helper with "program of this type
cannot use helper" before it looks at the arguments, so any other outcome
means the type gets the helper. Needs root. Tracing programs are probed
attached to a raw tracepoint (tp_btf) and as a task iterator (the `attach`
section of the output): their helpers depend on how they attach. LSM,
extension and trampoline-attached tracing programs (which this VM refuses
before verifying) are not probed. struct_ops programs are
probed as the `init` member of `tcp_congestion_ops` (its id in the running
kernel's BTF, read with bpftool), which gets every helper the type gives
(only `release` is refused some: catalog/src/struct_ops.rs).

The result is what `scripts/helpers-rust.py` uses for availability, over the
6.12 source facts (catalog/HELPERS.md lists where they differ).
"""

import argparse
import ctypes
import json
import os
import platform
import re
import struct
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NR_BPF = 321  # x86_64
BPF_PROG_LOAD = 5

# Program type -> (kernel number, the expected attach type libbpf gives its
# usual section[, prog flags]): availability can depend on the attach type.
PROG_TYPES = {
    "socket_filter": (1, 0),
    "kprobe": (2, 0),
    "sched_cls": (3, 0),
    "sched_act": (4, 0),
    "tracepoint": (5, 0),
    "xdp": (6, 37),  # BPF_XDP
    "perf_event": (7, 0),
    "cgroup_skb": (8, 0),  # BPF_CGROUP_INET_INGRESS
    "cgroup_sock": (9, 2),  # BPF_CGROUP_INET_SOCK_CREATE
    "lwt_in": (10, 0),
    "lwt_out": (11, 0),
    "lwt_xmit": (12, 0),
    "sock_ops": (13, 3),  # BPF_CGROUP_SOCK_OPS
    "sk_skb": (14, 5),  # BPF_SK_SKB_STREAM_VERDICT
    "cgroup_device": (15, 6),  # BPF_CGROUP_DEVICE
    "sk_msg": (16, 7),  # BPF_SK_MSG_VERDICT
    "raw_tracepoint": (17, 0),
    "cgroup_sock_addr": (18, 10),  # BPF_CGROUP_INET4_CONNECT
    "lwt_seg6local": (19, 0),
    "lirc_mode2": (20, 16),  # BPF_LIRC_MODE2
    "sk_reuseport": (21, 39),  # BPF_SK_REUSEPORT_SELECT
    "flow_dissector": (22, 17),  # BPF_FLOW_DISSECTOR
    "cgroup_sysctl": (23, 18),  # BPF_CGROUP_SYSCTL
    "raw_tracepoint_writable": (24, 0),
    "cgroup_sockopt": (25, 22),  # BPF_CGROUP_GETSOCKOPT
    "sk_lookup": (30, 36),  # BPF_SK_LOOKUP
    "syscall": (31, 0, 1 << 4),  # BPF_F_SLEEPABLE: syscall programs must be
    "netfilter": (32, 45),  # BPF_NETFILTER
}

# struct_ops: (kernel number, struct, member) loaded as that member.
STRUCT_OPS = ("struct_ops", 27, "tcp_congestion_ops", "init")

# Tracing programs by attach point, where this machine loads them: (the
# DSL's attach type, expected attach type, BTF kind and name of the attach
# target). A raw tracepoint (tp_btf) and an iterator; fentry, fexit,
# fmod_ret and LSM programs this VM refuses before verifying.
TRACING = (26, [
    ("trace_raw_tp", 23, "TYPEDEF", "btf_trace_sys_enter"),
    ("trace_iter", 28, "FUNC", "bpf_iter_task"),
])

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def insn(code, dst=0, src=0, off=0, imm=0):
    return struct.pack("<BBhi", code, (src << 4) | dst, off, imm)


def struct_member(name, member):
    """(BTF id of struct `name`, index of `member`) in the running kernel."""
    dump = subprocess.run(["bpftool", "btf", "dump", "file", "/sys/kernel/btf/vmlinux"],
                          capture_output=True, text=True, check=True).stdout
    m = re.search(rf"^\[(\d+)\] STRUCT '{name}' size=\d+ vlen=\d+\n((?:\t.*\n)*)", dump, re.M)
    names = re.findall(r"^\t'(\w+)'", m.group(2), re.M)
    return int(m.group(1)), names.index(member)


def btf_type_id(kind, name):
    """The id of the running kernel's BTF type `name` of `kind`."""
    dump = subprocess.run(["bpftool", "btf", "dump", "file", "/sys/kernel/btf/vmlinux"],
                          capture_output=True, text=True, check=True).stdout
    return int(re.search(rf"^\[(\d+)\] {kind} '{name}'", dump, re.M).group(1))


def probe(num, attach, flags, btf_id, max_id, log):
    """The helper numbers a program type attached so gets, or None when
    this machine refuses to load it at all."""
    avail = []
    for h in range(1, max_id + 1):
        err = load(num, attach, h, log, flags, btf_id)
        if err is not None and ("cannot use helper" in err or "invalid func" in err):
            continue
        if err is not None and "(85) call" not in err:
            # Refused before the call was looked at: this machine cannot load the type.
            print(f"not probed: {err.strip()[:80] or 'errno %d' % ctypes.get_errno()}", file=sys.stderr)
            return None
        avail.append(h)
    return avail


def load(prog_type, attach, helper, log, flags=0, attach_btf_id=0):
    prog = insn(0xB7) + insn(0x85, imm=helper) + insn(0xB7) + insn(0x95)
    buf = ctypes.create_string_buffer(prog)
    lic = ctypes.create_string_buffer(b"GPL")
    attr = ctypes.create_string_buffer(128)
    struct.pack_into("<IIQQIIQ", attr, 0, prog_type, 4, ctypes.addressof(buf),
                     ctypes.addressof(lic), 1, len(log), ctypes.addressof(log))
    struct.pack_into("<I", attr, 44, flags)
    struct.pack_into("<I", attr, 68, attach)
    struct.pack_into("<I", attr, 108, attach_btf_id)
    ctypes.memset(log, 0, len(log))
    fd = libc.syscall(NR_BPF, BPF_PROG_LOAD, attr, 128)
    if fd >= 0:
        os.close(fd)
        return None
    return log.value.decode(errors="replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(ROOT, "catalog", "data", "helpers-available.json"))
    ap.add_argument("--max-id", type=int, default=211)
    a = ap.parse_args()
    log = ctypes.create_string_buffer(1 << 16)
    out = {}
    # (name, number, expected attach type, prog flags, attach BTF id)
    targets = [(n, num, attach, rest[0] if rest else 0, 0)
               for n, (num, attach, *rest) in PROG_TYPES.items()]
    so_name, so_num, st, member = STRUCT_OPS
    st_id, idx = struct_member(st, member)
    targets.append((so_name, so_num, idx, 0, st_id))
    for name, num, attach, flags, btf_id in targets:
        avail = probe(num, attach, flags, btf_id, a.max_id, log)
        if avail is None:
            continue
        out[name] = avail
        print(f"{name}: {len(avail)} helpers", file=sys.stderr)
    num, points = TRACING
    tracing = {}
    for word, attach, kind, target in points:
        avail = probe(num, attach, 0, btf_type_id(kind, target), a.max_id, log)
        if avail is not None:
            tracing[word] = avail
            print(f"tracing/{word}: {len(avail)} helpers", file=sys.stderr)
    doc = {"kernel": platform.release(), "prog_types": out, "attach": {"tracing": tracing}}
    with open(a.out, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
