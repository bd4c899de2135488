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

Usage: scripts/kfunc-availability-sweep.py [--btf FILE] [--dir DIR]   (as root)
"""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROG_TYPES = (
    "socket", "socket_s", "kprobe", "kprobe_multi", "uprobe_multi", "kprobe_session",
    "uprobe_session", "tracepoint",
    "raw_tp", "raw_tp_w", "perf_event", "xdp", "tc", "cgroup_skb", "cgroup_skb_egress",
    "cgroup_sock", "cgroup_sock_post_bind4", "cgroup_dev", "sysctl", "sockopt_get",
    "sock_addr_connect4", "sock_ops", "sk_skb", "sk_msg", "sk_lookup", "sk_reuseport",
    "flow_dissector", "lwt_in", "lwt_xmit", "netfilter", "syscall", "syscall_ns", "iter/task",
    "tp_btf/sys_enter",
)


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
    a = ap.parse_args()
    out = Path(a.dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "kfunc_availability.s"
    names = kfuncs(a.btf)
    path.write_text("\n".join(cases(names)))
    subprocess.run([sys.executable, str(ROOT / "scripts" / "asm-kernel-verdicts.py"),
                    "--write", "--dir", str(out)], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    print(f"{len(names)} kfuncs x {len(PROG_TYPES)} program types; kfreg on them:", flush=True)
    env = dict(os.environ, KFREG_ASM_DIR=str(out))
    r = subprocess.run(["cargo", "test", "-q", "--release", "-p", "kfreg-verifier",
                        "--test", "asm_cases"], cwd=ROOT, env=env)
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
