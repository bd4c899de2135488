#!/usr/bin/env python3
"""Which program types may call each kfunc, in kfreg and in the running
kernel: every kfunc of the kernel BTF (the FUNCs tagged `bpf_kfunc`) called
from a program of each program type and attach point the assembler cases
know (34 of them), with its arguments left as the program found them. The
kernel answers `calling kernel function X is not allowed` where the type
may not call it (its kfunc ID sets per program type), and otherwise
checks the arguments (mostly `R1 !read_ok` then, or the context where R1
wants a pointer): both must be kfreg's answer, message included.

The cases are written to DIR/kfunc_availability.s, the kernel's verdicts
recorded into them (scripts/asm-kernel-verdicts.py --write --dir DIR), and
kfreg run on them (the asm_cases test with KFREG_ASM_DIR=DIR), which lists
every case where the two differ. Run on demand (root, this kernel), like
scripts/kfunc-arg-sweep.py, never as a unit test.

Session 36's run: 203 kfuncs, 6,902 cases, all agreeing but 96 of the 102 calls
of bpf_arena_alloc_pages, _free_pages and _reserve_pages: the recording
VM's kernel allows them in no program type (it refuses arena maps too),
where kfreg follows 6.18's registration for every type. It found the
fmod_ret allowlist callable from tracing programs, bpf_cast_to_kern_ctx
accepted where the kernel context is no struct (tracepoints, raw
tracepoints, tracing) and giving kprobes the wrong struct, and the
device-bound kfunc check placed after the sleepable checks.

With --json FILE it also writes which kfuncs each program type and attach
point may call, as the kernel answered (catalog/data/kfuncs-available.json,
which catalog/tests/kfunc_availability.rs holds the catalog to).

Usage: scripts/kfunc-availability-sweep.py [--btf FILE] [--dir DIR] [--json FILE]   (as root)
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

from asm_sweep import PROG_TYPES, ROOT, compare, record as record_cases


# Each case type's program type and attach point as the vocabulary names
# them (`catalog/data/kfuncs-available.json` is keyed by these); the types
# the kernel refuses before verifying (sleepable socket filters, syscall
# programs that are not sleepable) record nothing.
VOCAB = {
    "socket": "socket_filter", "kprobe": "kprobe", "kprobe_multi": "kprobe/trace_kprobe_multi",
    "uprobe_multi": "kprobe/trace_uprobe_multi", "kprobe_session": "kprobe/trace_kprobe_session",
    "uprobe_session": "kprobe/trace_uprobe_session", "tracepoint": "tracepoint",
    "raw_tp": "raw_tracepoint", "raw_tp_w": "raw_tracepoint_writable", "perf_event": "perf_event",
    "xdp": "xdp", "tc": "sched_cls", "cgroup_skb": "cgroup_skb/cgroup_inet_ingress",
    "cgroup_skb_egress": "cgroup_skb/cgroup_inet_egress",
    "cgroup_sock": "cgroup_sock", "cgroup_sock_post_bind4": "cgroup_sock/cgroup_inet4_post_bind",
    "cgroup_dev": "cgroup_device", "sysctl": "cgroup_sysctl/cgroup_sysctl",
    "sockopt_get": "cgroup_sockopt/cgroup_getsockopt",
    "sock_addr_connect4": "cgroup_sock_addr/cgroup_inet4_connect", "sock_ops": "sock_ops",
    "sk_skb": "sk_skb", "sk_msg": "sk_msg", "sk_lookup": "sk_lookup/sk_lookup",
    "sk_reuseport": "sk_reuseport", "flow_dissector": "flow_dissector", "lwt_in": "lwt_in",
    "lwt_xmit": "lwt_xmit", "netfilter": "netfilter/netfilter", "syscall": "syscall",
    "iter/task": "tracing/trace_iter", "tp_btf/sys_enter": "tracing/trace_raw_tp",
}


# Messages of checks the kernel makes before it asks whether the type may
# call the kfunc: such a case says nothing about availability.
BEFORE_AVAILABILITY = ("metadata kfuncs require device-bound program",)


def record(path, out_json):
    """Which kfuncs each case type may call, from the recorded cases: all
    but those the kernel answered `calling kernel function X is not
    allowed`, and those it refused before asking (undetermined); types the
    kernel refused before looking at the call are left out."""
    import json
    table = {}
    undetermined = {}
    refused_early = {}
    for chunk in path.read_text().split("### avail_")[1:]:
        head, _, rest = chunk.partition("\n")
        ty = re.search(r"^; type: (\S+)", rest, re.M).group(1)
        expect = re.search(r"^; expect: (.*)$", rest, re.M).group(1)
        name = head[: -len("_" + ty.replace("/", "_"))]
        key = VOCAB.get(ty)
        if key is None:
            continue
        allowed = table.setdefault(key, [])
        if "calling kernel function" in expect and "is not allowed" in expect:
            continue
        if any(m in expect for m in BEFORE_AVAILABILITY):
            undetermined.setdefault(key, []).append(name)
            continue
        if "can only be sleepable" in expect or "can be sleepable" in expect:
            refused_early[key] = True
            continue
        allowed.append(name)
    keep = sorted(k for k in table if not refused_early.get(k))
    doc = {"allowed": {k: sorted(table[k]) for k in keep},
           "undetermined": {k: sorted(undetermined[k]) for k in keep if k in undetermined}}
    Path(out_json).write_text(json.dumps(doc, indent=1) + "\n")
    print(f"{sum(map(len, doc['allowed'].values()))} (type, kfunc) pairs allowed -> {out_json}",
          flush=True)


def kfuncs(btf):
    raw = subprocess.run(["bpftool", "btf", "dump", "file", btf, "format", "raw"],
                         check=True, capture_output=True, text=True).stdout
    names = {}
    tagged = []
    for line in raw.splitlines():
        m = re.match(r"^\[(\d+)\] (\w+) '([^']*)'(.*)", line)
        if not m:
            continue
        names[int(m[1])] = (m[2], m[3])
        if m[2] == "DECL_TAG" and m[3] == "bpf_kfunc":
            tagged.append(int(re.search(r"type_id=(\d+)", m[4])[1]))
    return sorted({names[t][1] for t in tagged if names[t][0] == "FUNC"})


def cases(names):
    for name in names:
        for ty in PROG_TYPES:
            yield (f"### avail_{name}_{ty.replace('/', '_')}\n; type: {ty}\n; expect: ACCEPT\n"
                   f"call {name}\nr0 = 0\nexit\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--btf", default="/sys/kernel/btf/vmlinux")
    ap.add_argument("--dir", default=str(ROOT / "target" / "kfunc-availability-sweep"))
    ap.add_argument("--json", help="also write which kfuncs each type may call (catalog/data/kfuncs-available.json)")
    a = ap.parse_args()
    path = Path(a.dir) / "kfunc_availability.s"
    names = kfuncs(a.btf)
    record_cases(path, list(cases(names)))
    if a.json:
        record(path, a.json)
    print(f"{len(names)} kfuncs x {len(PROG_TYPES)} program types; kfreg on them:", flush=True)
    return compare(path.parent)


if __name__ == "__main__":
    sys.exit(main())
