"""What the assembler-case sweeps share (scripts/*-sweep.py): the program
types and attach points they cover, and the record-then-compare run.

A sweep writes its cases to a file of DIR, has the running kernel's
verdicts recorded into them (scripts/asm-kernel-verdicts.py --write, as
root), then runs kfreg on them (the asm_cases test with KFREG_ASM_DIR=DIR),
which lists every case where the two differ.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Every `; type:` word of the assembler cases a plain call can load from.
PROG_TYPES = (
    "socket", "socket_s", "kprobe", "kprobe_multi", "uprobe_multi", "kprobe_session",
    "uprobe_session", "tracepoint",
    "raw_tp", "raw_tp_w", "perf_event", "xdp", "tc", "cgroup_skb", "cgroup_skb_egress",
    "cgroup_sock", "cgroup_sock_post_bind4", "cgroup_dev", "sysctl", "sockopt_get",
    "sock_addr_connect4", "sock_ops", "sk_skb", "sk_msg", "sk_lookup", "sk_reuseport",
    "flow_dissector", "lwt_in", "lwt_xmit", "netfilter", "syscall", "syscall_ns", "iter/task",
    "tp_btf/sys_enter",
)


def record(path, cases):
    """Writes `cases` to `path` and records the kernel's verdicts into them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(cases))
    subprocess.run([sys.executable, str(ROOT / "scripts" / "asm-kernel-verdicts.py"),
                    "--write", "--dir", str(path.parent)], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)


def compare(out_dir):
    """Runs kfreg on the recorded cases of `out_dir`; the test's exit status."""
    env = dict(os.environ, KFREG_ASM_DIR=str(Path(out_dir).resolve()))
    return subprocess.run(["cargo", "test", "-q", "--release", "-p", "kfreg-verifier",
                           "--test", "asm_cases"], cwd=ROOT, env=env).returncode
