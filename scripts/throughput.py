#!/usr/bin/env python3
"""Throughput of `kfreg verify`: the per-process cost and what -j N gains.

    scripts/throughput.py [--kfreg PATH] [--before PATH] [--runs N] [--jobs N]
                          [--files GLOB]

fixed cost  `kfreg verify -q` of one small object with the recorded 5 MB
            kernel BTF: tests/corpus/strings.bpf.o (8 programs, no CO-RE
            relocation) and kernel_types.bpf.o (20 programs, CO-RE
            relocations against the kernel BTF): nearly all of it is loading
            that BTF.  With --before (another kfreg build, such as main's),
            both builds run alternately and the ratio is taken from the same
            run.
-j N        the wall time of `kfreg verify -j N` against `-j 1` on --files
            (default: the selftests corpus's objects, target/selftests/obj,
            built by scripts/selftests-corpus.sh), run alternately; the outputs
            are checked to be the same but for the measured columns.

Every figure is the median of --runs runs (default 5).  Both commands read the
recorded BTF and kconfig (`--btf tests/corpus/vmlinux.btf --kconfig
tests/selftests/kconfig`), so /proc/config.gz's gzip does not add its ~30 ms.
"""

import argparse
import glob
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMON = [
    "--btf", str(ROOT / "tests/corpus/vmlinux.btf"),
    "--kconfig", str(ROOT / "tests/selftests/kconfig"),
]
# The columns that do not depend on timing or on the thread a program ran on.
COMPUTED = "file,prog,verdict,total_insns,total_states,peak_states,stack_depth"


def timed(cmd):
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 1, 2):
        sys.exit(f"throughput: {cmd[0]} failed ({out.returncode}): {out.stderr}")
    return time.perf_counter() - t, out.stdout


def alternate(runs, commands):
    """Median wall time of each command, the commands run in turn each round."""
    samples = [[] for _ in commands]
    outputs = [None] * len(commands)
    for _ in range(runs):
        for i, cmd in enumerate(commands):
            t, outputs[i] = timed(cmd)
            samples[i].append(t)
    return [statistics.median(s) for s in samples], outputs


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    ap.add_argument("--kfreg", default=str(target / "release" / "kfreg"))
    ap.add_argument("--before", help="another kfreg build to compare the fixed cost with")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--files", default=str(ROOT / "target/selftests/obj/*.bpf.o"))
    args = ap.parse_args()
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} before the runs")

    builds = [("this build", args.kfreg)] + ([("--before", args.before)] if args.before else [])
    for obj in ["strings.bpf.o", "kernel_types.bpf.o"]:
        small = [*COMMON, "-q", str(ROOT / "tests/corpus" / obj)]
        times, _ = alternate(args.runs, [[b, "verify", *small] for _, b in builds])
        print()
        print(f"| {obj}, 5 MB BTF | wall (median) |")
        print("|---|---:|")
        for (label, path), t in zip(builds, times):
            print(f"| {label} ({path}) | {t * 1e3:.1f} ms |")
        if args.before:
            print(f"| before / this build | {times[1] / times[0]:.2f}x |")

    files = sorted(glob.glob(args.files))
    if not files:
        sys.exit(f"throughput: no file matches {args.files} (scripts/selftests-corpus.sh builds them)")
    run = [args.kfreg, "verify", *COMMON, "-o", "csv", "-e", COMPUTED, *files]
    (one, many), (out_one, out_many) = alternate(
        args.runs, [run[:2] + ["-j", "1"] + run[2:], run[:2] + ["-j", str(args.jobs)] + run[2:]]
    )
    if out_one != out_many:
        sys.exit("throughput: -j 1 and -j N wrote different output")
    print()
    print(f"| {len(files)} files, {len(out_one.splitlines()) - 1} programs | wall (median) |")
    print("|---|---:|")
    print(f"| -j 1 | {one:.2f} s |")
    print(f"| -j {args.jobs} | {many:.2f} s |")
    print(f"| speedup | {one / many:.2f}x |")
    print()
    print(f"load average {os.getloadavg()[0]:.2f} after the runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
