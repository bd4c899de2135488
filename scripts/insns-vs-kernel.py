#!/usr/bin/env python3
"""kfreg's processed instructions against the kernel's recorded ones (issue 14).

For every program both kfreg and the recorded kernel accept, sums the
processed instructions per corpus and lists the programs where kfreg
processes most over the kernel (the target: at most 1.0x summed, no
program above 1.2x). One `kfreg verify --format json` run per object file.

    scripts/insns-vs-kernel.py [--kfreg PATH] [--corpus corpus|real|selftests] [--worst N]

The selftest objects are read from target/selftests/obj
(scripts/selftests-corpus.sh builds them), the real objects from
target/real-objects/objs (scripts/real-objects.sh), the corpus from
tests/corpus.
"""

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def corpora():
    btf = os.path.join(ROOT, "tests/corpus/vmlinux.btf")
    return {
        "corpus": (
            os.path.join(ROOT, "tests/corpus/verdicts.json"),
            os.path.join(ROOT, "tests/corpus"),
            ["--btf", btf],
        ),
        "real": (
            os.path.join(ROOT, "tests/real/verdicts.json"),
            os.path.join(ROOT, "target/real-objects/objs"),
            ["--btf", btf],
        ),
        "selftests": (
            os.path.join(ROOT, "tests/selftests/verdicts.json"),
            os.path.join(ROOT, "target/selftests/obj"),
            ["--btf", btf, "--kconfig", os.path.join(ROOT, "tests/selftests/kconfig")],
        ),
    }


def run_file(kfreg, path, extra):
    out = subprocess.run(
        [kfreg, "verify", "--format", "json", *extra, path],
        capture_output=True,
        text=True,
    )
    try:
        return json.loads(out.stdout)
    except json.JSONDecodeError:
        return []


def measure(name, kfreg, worst):
    verdicts, objdir, extra = corpora()[name]
    with open(verdicts) as f:
        kernel = json.load(f)
    if isinstance(kernel, dict):
        kernel = kernel.get("programs", [])
    wanted = {}
    for k in kernel:
        # Programs the kernel refused before verifying count no instructions.
        if k.get("verdict") == "ACCEPT" and k.get("insns_processed"):
            wanted[(k.get("file") or k["object"], k["program"])] = k["insns_processed"]
    files = sorted({f for f, _ in wanted})
    paths = [os.path.join(objdir, f) for f in files if os.path.exists(os.path.join(objdir, f))]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda p: run_file(kfreg, p, extra), paths))
    ours = {}
    for path, progs in zip(paths, results):
        for p in progs:
            ours[(os.path.basename(path), p["program"])] = p
    both, sum_ours, sum_kernel, ratios, rejected = 0, 0, 0, [], []
    for key, theirs in sorted(wanted.items()):
        p = ours.get(key)
        if p is None:
            continue
        if p["verdict"] != "ACCEPT":
            rejected.append((key, p.get("error")))
            continue
        both += 1
        sum_ours += p["insns_processed"]
        sum_kernel += theirs
        ratios.append((p["insns_processed"] / max(theirs, 1), key, p["insns_processed"], theirs))
    ratios.sort(key=lambda r: (-r[0], r[1]))
    print(
        f"{name}: {both} programs both accept: kfreg {sum_ours} insns, Linux {sum_kernel} "
        f"({sum_ours / max(sum_kernel, 1):.2f}x); "
        f"{sum(1 for r in ratios if r[0] > 1.2)} above 1.2x; "
        f"{len(rejected)} Linux accepts and kfreg rejects"
    )
    for ratio, (f, prog), o, t in ratios[:worst]:
        print(f"  {ratio:8.2f}x {f}/{prog} (kfreg {o}, Linux {t})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kfreg", default=os.path.join(ROOT, "target/release/kfreg"))
    ap.add_argument("--corpus", action="append", choices=sorted(corpora()))
    ap.add_argument("--worst", type=int, default=10)
    args = ap.parse_args()
    if not os.access(args.kfreg, os.X_OK):
        sys.exit(f"{args.kfreg}: build it with cargo build --release -p kfreg-cli")
    for name in args.corpus or sorted(corpora()):
        measure(name, args.kfreg, args.worst)


if __name__ == "__main__":
    main()
