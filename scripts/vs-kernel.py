#!/usr/bin/env python3
"""Compare kfreg with the running kernel on any BPF objects.

    scripts/vs-kernel.py [--kfreg PATH] [--kload PATH] [--keep DIR] FILE...

Each FILE is a BPF object or a binary that embeds some (libbpf skeletons,
found and written out by `kfreg extract`). Every program is loaded alone by
the kernel through libbpf (scripts/kload.c: load only, never attached,
pinned or run; 16 MiB log) and verified by `kfreg verify`; the script prints
every program where the two differ in verdict, in any line of the error
message (kernel addresses masked), or, where both accept, in processed
instructions, then a summary. Programs the kernel refused before verifying
them (no verifier log: EPERM for fentry/lsm on some machines, attach
targets it lacks, maps it would not create) are counted as set aside.

Exit 0: no verdict or message differs (counts may). 1: one does. 2: could
not run. Needs root, and kfreg (built with `cargo build --release -p
kfreg-cli` when missing) and kload (built from scripts/kload.c when
missing: against the libbpf 1.5 that scripts/selftests-corpus.sh unpacks
into target/selftests, as kfreg loads objects as it does, else against the
system libbpf).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KADDR = re.compile(r"0xffff[0-9a-f]{12}")


def mask(lines):
    return [KADDR.sub("<kaddr>", line.strip()) for line in lines or []]


def tool(path, build):
    if path and os.access(path, os.X_OK):
        return path
    build()
    return path


def main():
    ap = argparse.ArgumentParser(description="kfreg against the running kernel on BPF objects")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--kfreg", default=os.path.join(ROOT, "target/release/kfreg"))
    # kfreg loads objects as libbpf 1.5 does (a missing weak kfunc's call is
    # poisoned, newer section names are known): the kernel gets them through
    # that libbpf too when the selftests corpus has unpacked it, else through
    # the system's.
    libbpf15 = os.path.join(ROOT, "target/selftests/libbpf-install")
    have15 = os.path.exists(os.path.join(libbpf15, "lib64/libbpf.a"))
    ap.add_argument("--kload", default=os.path.join(
        ROOT, "target/corpus/kload-libbpf15" if have15 else "target/corpus/kload"))
    ap.add_argument("--keep", help="write the objects, kernel logs and kfreg logs here "
                    "(replacing those of an earlier run)")
    a = ap.parse_args()

    def build_kfreg():
        subprocess.run(["cargo", "build", "-q", "--release", "-p", "kfreg-cli"], cwd=ROOT, check=True)

    def build_kload():
        os.makedirs(os.path.dirname(a.kload), exist_ok=True)
        src = os.path.join(ROOT, "scripts/kload.c")
        if have15 and a.kload.endswith("-libbpf15"):
            cmd = ["gcc", "-O2", "-Wall", "-I", os.path.join(libbpf15, "include"), "-o", a.kload, src,
                   os.path.join(libbpf15, "lib64/libbpf.a"), "-lelf", "-lz"]
        else:
            cmd = ["gcc", "-O2", "-Wall", "-o", a.kload, src, "-lbpf"]
        subprocess.run(cmd, check=True)

    try:
        kfreg = tool(a.kfreg, build_kfreg)
        kload = tool(a.kload, build_kload)
    except (subprocess.CalledProcessError, OSError) as e:
        print(f"vs-kernel: cannot build the tools: {e}", file=sys.stderr)
        return 2
    work = a.keep or tempfile.mkdtemp(prefix="kfreg-vs-kernel-")
    objs = os.path.join(work, "objs")
    # A kept directory from an earlier run must not add its objects to this one.
    for sub in ("objs", "kernel-logs", "kfreg-logs"):
        shutil.rmtree(os.path.join(work, sub), ignore_errors=True)
    os.makedirs(objs, exist_ok=True)
    # kload writes its logs into a directory that must exist.
    os.makedirs(os.path.join(work, "kernel-logs"), exist_ok=True)
    for f in a.files:
        r = subprocess.run([kfreg, "extract", "-o", objs, f], capture_output=True, text=True)
        if r.returncode != 0:
            print(f"vs-kernel: {f}: {r.stderr.strip()}", file=sys.stderr)
    # libbpf resolves typeless ksyms from this kernel's symbols (root reads
    # their addresses): kfreg gets the same, or it would take every one to be
    # there and miss the loads libbpf refuses.
    kallsyms = ["--kallsyms", "/proc/kallsyms"] if os.geteuid() == 0 else []
    kernel, ours = {}, {}
    for name in sorted(os.listdir(objs)):
        r = subprocess.run([kload, "--name-only", "--log", os.path.join(work, "kernel-logs"), name],
                           cwd=objs, capture_output=True, text=True)
        for line in r.stdout.splitlines():
            row = json.loads(line)
            kernel[(row["file"], str(row["program"]))] = row
        r = subprocess.run([kfreg, "verify", "-o", "json", "--prog", "*", "--log-dir",
                            os.path.join(work, "kfreg-logs"), "-l", "1", *kallsyms,
                            os.path.join(objs, name)],
                           capture_output=True, text=True)
        try:
            rows = json.loads(r.stdout)
        except json.JSONDecodeError:
            print(f"vs-kernel: {name}: kfreg gave no report: {r.stderr.strip()}", file=sys.stderr)
            continue
        for row in rows:
            ours[(row["file"], str(row["program"]))] = row

    counts = {"agree": 0, "set aside": 0, "false accept": 0, "false reject": 0, "message": 0}
    insns = []
    for key in sorted(set(kernel) | set(ours)):
        k, f = kernel.get(key), ours.get(key)
        # No verifier log, or a load that failed after a log that says
        # nothing was verified (processed 0 insns, then EPERM).
        unverified = k is not None and (
            (k["verdict"] == "REJECT" and k["insns_processed"] is None)
            or (k["verdict"] == "ACCEPT" and k.get("errno"))
        )
        if k is None or f is None or unverified:
            counts["set aside"] += 1
            continue
        name = "/".join(key)
        if k["verdict"] != f["verdict"]:
            kind = "false accept" if f["verdict"] == "ACCEPT" else "false reject"
            counts[kind] += 1
            print(f"{kind.upper()} {name}: kernel {k['verdict']} {k.get('error') or ''} | kfreg {f['verdict']} {f.get('error') or ''}")
        elif k["verdict"] == "REJECT" and mask(k.get("error_lines")) != mask(f.get("error_lines")):
            counts["message"] += 1
            print(f"MESSAGE {name}:\n  kernel: {mask(k.get('error_lines'))}\n  kfreg:  {mask(f.get('error_lines'))}")
        else:
            counts["agree"] += 1
            if k["verdict"] == "ACCEPT" and k["insns_processed"] != f.get("insns_processed"):
                insns.append((name, k["insns_processed"], f.get("insns_processed")))
    for name, theirs, mine in insns:
        print(f"INSNS {name}: kernel {theirs}, kfreg {mine}")
    print("vs-kernel: " + ", ".join(f"{v} {k}" for k, v in counts.items())
          + f"; {len(insns)} accepted with another instruction count")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    if not kernel and not ours:
        return 2
    return 1 if counts["false accept"] + counts["false reject"] + counts["message"] else 0


if __name__ == "__main__":
    sys.exit(main())
