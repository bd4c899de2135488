#!/usr/bin/env python3
"""Markdown tables from the last criterion run of the registry benchmarks
(target/criterion/*/new/estimates.json; criterion's median of each
benchmark's samples).

  scripts/bench-table.py membership   after cargo bench -p kfreg --bench membership
  scripts/bench-table.py build        after cargo bench -p kfreg --bench build

Run it right after the bench: it reads whatever run wrote the files last.
"""

import json
import sys
from pathlib import Path

CRITERION = Path(__file__).resolve().parent.parent / "target" / "criterion"
SIZES = [1, 2, 4, 6, 8, 16, 32, 64]
QUERIES = 4096  # queries per iteration in benches/membership.rs
KERNEL = ["chain", "spread", "linear", "bsearch"]
FLOOR = "floor"
REGISTRY = ["in_family", "has", "takes", "allowed_in"]


def median_ns(*path):
    est = json.loads((CRITERION.joinpath(*path) / "new" / "estimates.json").read_text())
    return est["median"]["point_estimate"]


def membership():
    print("Time per query (ns), the median of criterion's samples over a stream of "
          f"{QUERIES:,} ids, half members:\n")
    cols = [FLOOR] + KERNEL + REGISTRY
    print("| set size | " + " | ".join(f"`{c}`" for c in cols) + " |")
    print("|---:|" + "---:|" * len(cols))
    t = {}
    for k in SIZES:
        t[k] = {c: median_ns(f"membership_{k:02}", c, str(k)) / QUERIES for c in cols}
        print(f"| {k} | " + " | ".join(f"{t[k][c]:.2f}" for c in cols) + " |")
    print("\nRatio to the kernel's compare-and-branch chain (`spread`; below 1: faster):\n")
    others = ["chain", "linear", "bsearch"] + REGISTRY
    print("| set size | " + " | ".join(f"`{c}`" for c in others)
          + " | slowest registry query | the same against `chain` (SSE2) "
          + "| the same against `spread`, `floor` taken off both |")
    print("|---:|" + "---:|" * (len(others) + 3))
    for k in SIZES:
        r = {c: t[k][c] / t[k]["spread"] for c in others}
        worst = max(r[c] for c in REGISTRY)
        simd = max(t[k][c] / t[k]["chain"] for c in REGISTRY)
        f = t[k][FLOOR]
        net = max((t[k][c] - f) / (t[k]["spread"] - f) for c in REGISTRY)
        print(f"| {k} | " + " | ".join(f"{r[c]:.2f}x" for c in others)
              + f" | **{worst:.2f}x** | {simd:.2f}x | {net:.2f}x |")


def build():
    print("| kfuncs | build time | per kfunc |")
    print("|---:|---:|---:|")
    for n in [100, 1_000, 10_000, 100_000]:
        ns = median_ns("build", "registry", str(n))
        shown = f"{ns / 1e6:.2f} ms" if ns >= 1e6 else f"{ns / 1e3:.1f} µs"
        print(f"| {n:,} | {shown} | {ns / n:.0f} ns |")
    print("\nName -> id for every kfunc, in a shuffled order:\n")
    print("| kfuncs | `Registry::id` | std `HashMap` | ratio |")
    print("|---:|---:|---:|---:|")
    for n in [100, 1_000, 10_000, 100_000]:
        r = median_ns("lookup", "registry", str(n)) / n
        h = median_ns("lookup", "hashmap", str(n)) / n
        print(f"| {n:,} | {r:.1f} ns | {h:.1f} ns | {r / h:.2f}x |")


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else ""
    if which == "membership":
        membership()
    elif which == "build":
        build()
    else:
        sys.exit(__doc__)
