#!/usr/bin/env python3
"""Side-by-side verification time: the Linux verifier vs kfreg, on the corpus.

    scripts/kernel-timing.py [record|compare|all] [--runs N] [--min-us U]
                             [--out JSON] [--kload PATH] [--kfreg PATH]
    scripts/kernel-timing.py scale [--kfreg PATH]

record   (root) Loads every program of tests/corpus/verdicts.json into the
         running kernel N times (default 5) with log level 4 (BPF_LOG_STATS,
         veristat's default) through scripts/kload.c, one program per
         BPF_PROG_LOAD, never attached, pinned or run, and keeps the median of
         the kernel's own "verification time N usec" line (veristat's
         "duration").  Writes tests/corpus/kernel-timing.json (or --out).
         The verdict and "processed N insns" of every load are checked
         against verdicts.json.
compare  Runs `kfreg verify --format json --btf tests/corpus/vmlinux.btf` on
         the whole corpus N times, takes the median of each program's
         duration_us and prints the comparison with kernel-timing.json:
         totals, per-file sums, per-program ratios, the programs where kfreg
         is slower.  Needs neither root nor a kernel.
all      record, then compare (the default).
scale    (root) The kernel's scale tests of the selftests corpus (pyperf*,
         strobemeta*, loop1-6, test_verif_scale1-3, test_sysctl_loop1-2,
         test_seg6_loop, profiler1-3; scripts/selftests-corpus.sh builds them
         and the kload it needs, libbpf 1.5's): N rounds (--runs) per
         object, each one load into the running kernel as record loads it
         and one `kfreg verify --format json` right after (a fresh process
         per object, against the recorded BTF and kconfig the selftests test
         uses); prints a markdown table of both verdicts, processed
         instructions, states, the median time of each side and kfreg's
         peak heap.

Both sides print whole microseconds, truncated: kfreg's `duration` is
`Duration::as_micros()` of the time spent in `verify()`, the kernel's is the
nanosecond time of bpf_check() divided by 1000.  Most kfreg durations are a
few microseconds, so the comparison is given twice: with the printed numbers
(a 0 counted as 1 us in ratios) and with every kfreg duration raised by the
1 us it may have lost to truncation (an upper bound on kfreg's time).

What each side times is not the same work.  The kernel's time covers all of
bpf_check(): BTF func/line info checks, kfunc BTF lookups, the CFG check,
do_check(), the rewrite passes (ctx access conversion, misc fixups, zext) and,
for programs with BPF-to-BPF calls or callbacks, fixup_call_args() -> JIT of
every subprogram (the timer stops after it).  kfreg's covers its CFG check and
abstract interpretation only (ELF/BTF/CO-RE loading is done beforehand, as
libbpf does it before BPF_PROG_LOAD).  The summary therefore splits the totals
by the number of subprograms the kernel reports ("stack depth A+B").
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
TIMING = CORPUS / "kernel-timing.json"
LIMIT = 1_000_000  # BPF_COMPLEXITY_LIMIT_INSNS


def corpus_programs():
    """(file, program, section, verdict, insns) of verdicts.json, in its order."""
    return json.loads((CORPUS / "verdicts.json").read_text())


def build_kload(path: Path) -> Path:
    src = ROOT / "scripts" / "kload.c"
    if not path.exists() or src.stat().st_mtime > path.stat().st_mtime:
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["gcc", "-O2", "-Wall", "-Wextra", "-o", str(path), str(src), "-lbpf"], check=True
        )
    return path


def loadavg():
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def warn_if_busy(what):
    """Before a measurement (not between runs: the runs are the load)."""
    la = loadavg()
    if la is not None and la > 0.5:
        print(
            f"kernel-timing: warning: load average {la:.2f} before {what}; timings will be noisy",
            file=sys.stderr,
        )
    return la


def record(args):
    if os.geteuid() != 0:
        print("kernel-timing: warning: not root; BPF_PROG_LOAD will probably fail", file=sys.stderr)
    kload = build_kload(Path(args.kload))
    expected = {(r["file"], r["program"]): r for r in corpus_programs()}
    files = sorted({f for f, _ in expected})
    samples = defaultdict(list)
    seen = {}
    problems = []
    load_before = warn_if_busy("loading")
    for run in range(args.runs):
        out = subprocess.run(
            [str(kload), "--name-only", "--log-level", "4", *files],
            cwd=CORPUS,
            capture_output=True,
            text=True,
        )
        if out.returncode not in (0, 1):
            sys.exit(f"kernel-timing: kload failed ({out.returncode}): {out.stderr}")
        for line in out.stdout.splitlines():
            r = json.loads(line)
            key = (r["file"], r["program"])
            if key not in expected:
                problems.append(f"{key[0]}/{key[1]}: not in verdicts.json")
                continue
            if r["verification_us"] is None:
                problems.append(f"{key[0]}/{key[1]}: no 'verification time' line ({r['error']})")
                continue
            want = expected[key]
            if r["verdict"] != want["verdict"] or r["insns_processed"] != want["insns_processed"]:
                problems.append(
                    f"{key[0]}/{key[1]}: run {run + 1}: {r['verdict']} after {r['insns_processed']} insns,"
                    f" verdicts.json says {want['verdict']} after {want['insns_processed']}"
                )
            samples[key].append(r["verification_us"])
            seen[key] = r
        print(f"kernel-timing: run {run + 1}/{args.runs}: {len(out.stdout.splitlines())} loads", file=sys.stderr)
    missing = sorted(set(expected) - set(samples))
    problems += [f"{f}/{p}: never loaded" for f, p in missing]
    programs = []
    for key in sorted(samples):
        r = seen[key]
        programs.append(
            {
                "file": key[0],
                "program": key[1],
                "section": r["section"],
                "verdict": r["verdict"],
                "kernel_us": statistics.median(samples[key]),
                "kernel_us_runs": samples[key],
                "insns": r["insns_processed"],
                "subprogs": r["subprogs"],
            }
        )
    doc = {
        "kernel": platform.release(),
        "machine": f"{os.cpu_count()} CPUs",
        "log_level": 4,
        "runs": args.runs,
        "load_average_before": None if load_before is None else round(load_before, 2),
        "source": "verifier log line 'verification time N usec' (BPF_LOG_STATS), median of the runs",
    }
    out_path = Path(args.out)
    with open(out_path, "w") as f:
        f.write("{\n")
        for k, v in doc.items():
            f.write(f"  {json.dumps(k)}: {json.dumps(v)},\n")
        f.write('  "programs": [\n')
        for i, p in enumerate(programs):
            f.write("    " + json.dumps(p) + (",\n" if i + 1 < len(programs) else "\n"))
        f.write("  ]\n}\n")
    print(f"kernel-timing: {len(programs)} programs -> {out_path}", file=sys.stderr)
    for p in problems:
        print("kernel-timing: PROBLEM " + p, file=sys.stderr)
    return 1 if problems else 0


def kfreg_times(kfreg: str, runs: int):
    """Median kfreg duration_us per (file, program), and kfreg's verdicts."""
    files = sorted(str(p) for p in CORPUS.glob("*.bpf.o"))
    samples = defaultdict(list)
    verdicts = {}
    warn_if_busy("running kfreg")
    for run in range(runs):
        out = subprocess.run(
            [kfreg, "verify", "--format", "json", "--btf", str(CORPUS / "vmlinux.btf"), *files],
            capture_output=True,
            text=True,
        )
        if out.returncode not in (0, 1):
            sys.exit(f"kernel-timing: kfreg failed ({out.returncode}): {out.stderr}")
        for r in json.loads(out.stdout):
            key = (r["file"], r["program"])
            samples[key].append(r["duration_us"])
            verdicts[key] = r["verdict"]
    return {k: statistics.median(v) for k, v in samples.items()}, verdicts


def fmt_us(x):
    return f"{x:,.0f}" if x == int(x) else f"{x:,.1f}"


def ratio(k, f):
    return k / f if f else float("inf")


def compare(args):
    kfreg = args.kfreg
    if not Path(kfreg).exists() and not shutil.which(kfreg):
        sys.exit(f"kernel-timing: no {kfreg}: cargo build --release -p kfreg-cli")
    doc = json.loads(Path(args.out).read_text())
    kernel = {(p["file"], p["program"]): p for p in doc["programs"]}
    ours, our_verdicts = kfreg_times(kfreg, args.runs)
    rows = []
    for key, k in sorted(kernel.items()):
        if key not in ours:
            print(f"kernel-timing: {key[0]}/{key[1]}: not verified by kfreg", file=sys.stderr)
            continue
        rows.append(
            {
                "file": key[0],
                "program": key[1],
                "kernel": k["kernel_us"],
                "kfreg": ours[key],
                "insns": k["insns"],
                "subprogs": k["subprogs"] or 1,
                "same_verdict": our_verdicts[key] == k["verdict"],
            }
        )
    n = len(rows)
    agree = [r for r in rows if r["same_verdict"]]
    differ = [r for r in rows if not r["same_verdict"]]
    print(
        f"Kernel: Linux {doc['kernel']} ({doc['machine']}), BPF_LOG_STATS 'verification time',"
        f" median of {doc['runs']} loads per program"
    )
    print(f"kfreg:  {kfreg} verify --format json, duration_us, median of {args.runs} runs")
    print(f"{n} programs, {sum(r['insns'] for r in rows):,} insns processed by the kernel")
    if differ:
        print(
            f"{len(agree)} with the same verdict from both; the other {len(differ)} (kfreg's known"
            " differences) are timed on different work and kept out of every line but the first"
        )
    else:
        print("the same verdict from both on every program")
    print()
    print("| programs | kernel (us) | kfreg (us) | kernel / kfreg |")
    print("|---|---:|---:|---:|")

    def total(label, part, plus=0):
        pk = sum(r["kernel"] for r in part)
        pf = sum(r["kfreg"] for r in part) + plus * len(part)
        print(f"| {label} ({len(part)}) | {fmt_us(pk)} | {fmt_us(pf)} | {ratio(pk, pf):.1f}x |")

    total("all", rows)
    same = "same verdict, " if differ else ""
    if differ:
        total("same verdict", agree)
    total(f"{same}every kfreg duration + 1 us (truncation bound)", agree, plus=1)
    total(f"{same}at the 1M-insn limit", [r for r in agree if r["insns"] > LIMIT])
    total(f"{same}under the limit", [r for r in agree if r["insns"] <= LIMIT])
    total(f"{same}single-function", [r for r in agree if r["subprogs"] == 1])
    total(
        f"{same}with subprograms (kernel time includes their JIT)",
        [r for r in agree if r["subprogs"] > 1],
    )
    print()

    print(f"Per file{', same-verdict programs' if differ else ''} (sums of the per-program medians):")
    print()
    print("| file | programs | insns | kernel (us) | kfreg (us) | kernel / kfreg |")
    print("|---|---:|---:|---:|---:|---:|")
    by_file = defaultdict(list)
    for r in agree:
        by_file[r["file"]].append(r)
    for f, rs in sorted(by_file.items()):
        k, o = sum(r["kernel"] for r in rs), sum(r["kfreg"] for r in rs)
        print(
            f"| {f} | {len(rs)} | {sum(r['insns'] for r in rs):,} | {fmt_us(k)} | {fmt_us(o)} |"
            f" {ratio(k, o):.1f}x |"
        )
    print()

    raw = [r["kernel"] / max(r["kfreg"], 1) for r in agree]
    hi = [r["kernel"] / (r["kfreg"] + 1) for r in agree]
    big = [r for r in agree if r["kfreg"] >= args.min_us]
    n = len(agree)
    print(f"Per-program ratio kernel / kfreg{', same-verdict programs' if differ else ''}:")
    print()
    print("| programs | median | min | max |")
    print("|---|---:|---:|---:|")
    print(
        f"| all {n}, printed durations (0 us counted as 1) | {statistics.median(raw):.1f}x |"
        f" {min(raw):.1f}x | {max(raw):.1f}x |"
    )
    print(
        f"| all {n}, kfreg + 1 us | {statistics.median(hi):.1f}x | {min(hi):.1f}x | {max(hi):.1f}x |"
    )
    if big:
        bq = [r["kernel"] / r["kfreg"] for r in big]
        print(
            f"| the {len(big)} where kfreg takes >= {args.min_us} us (truncation < 10%) |"
            f" {statistics.median(bq):.1f}x | {min(bq):.1f}x | {max(bq):.1f}x |"
        )
    print()

    slower = [r for r in rows if r["kfreg"] >= r["kernel"]]
    print(f"Programs (of all {len(rows)}) where kfreg is not faster than the kernel: {len(slower)}")
    for r in sorted(slower, key=lambda r: r["kernel"] - r["kfreg"]):
        print(f"  {r['file']}/{r['program']}: kernel {fmt_us(r['kernel'])} us, kfreg {fmt_us(r['kfreg'])} us")
    print()
    if differ:
        print("Programs with different verdicts (not comparable):")
        print()
        print("| program | kernel insns | kernel (us) | kfreg (us) |")
        print("|---|---:|---:|---:|")
        for r in sorted(differ, key=lambda r: -r["kernel"]):
            print(f"| {r['file']}/{r['program']} | {r['insns']:,} | {fmt_us(r['kernel'])} | {fmt_us(r['kfreg'])} |")
        print()
    print(f"Closest {args.top} (smallest kernel / kfreg ratio{', same verdict' if differ else ''}):")
    print()
    print("| program | insns | subprogs | kernel (us) | kfreg (us) | kernel / kfreg |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in sorted(agree, key=lambda r: r["kernel"] / max(r["kfreg"], 1))[: args.top]:
        print(
            f"| {r['file']}/{r['program']} | {r['insns']} | {r['subprogs']} | {fmt_us(r['kernel'])} |"
            f" {fmt_us(r['kfreg'])} | {r['kernel'] / max(r['kfreg'], 1):.1f}x |"
        )
    print()
    print(f"Slowest {args.top} for kfreg{' (same verdict)' if differ else ''}:")
    print()
    print("| program | insns | subprogs | kernel (us) | kfreg (us) | kernel / kfreg |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in sorted(agree, key=lambda r: -r["kfreg"])[: args.top]:
        print(
            f"| {r['file']}/{r['program']} | {r['insns']} | {r['subprogs']} | {fmt_us(r['kernel'])} |"
            f" {fmt_us(r['kfreg'])} | {r['kernel'] / max(r['kfreg'], 1):.1f}x |"
        )
    return 0


SCALE = [
    "pyperf*",
    "strobemeta*",
    "loop[1-6]",
    "test_verif_scale[1-3]",
    "test_sysctl_loop[12]",
    "test_seg6_loop",
    "profiler[1-3]",
]


def scale(args):
    """The scale table: one kernel load and one kfreg run per program."""
    if os.geteuid() != 0:
        print("kernel-timing: warning: not root; BPF_PROG_LOAD will probably fail", file=sys.stderr)
    kfreg = args.kfreg
    if not Path(kfreg).exists() and not shutil.which(kfreg):
        sys.exit(f"kernel-timing: no {kfreg}: cargo build --release -p kfreg-cli")
    subprocess.run([str(ROOT / "scripts" / "selftests-corpus.sh")], check=True, stdout=subprocess.DEVNULL)
    out = ROOT / "target" / "selftests"
    kload = out / "kload"
    sources = out / "src" / "tools" / "testing" / "selftests" / "bpf" / "progs"
    names = sorted({p.stem for g in SCALE for p in sources.glob(g + ".c")})
    warn_if_busy("the scale tests")
    rows = []
    for name in names:
        obj = out / "obj" / f"{name}.bpf.o"
        if not obj.exists():
            rows.append({"program": name, "missing": True})
            continue
        # Rounds alternate the two sides, so that a slow moment of the
        # machine falls on both; each side's median is kept.
        kernel_runs, kfreg_runs = defaultdict(list), defaultdict(list)
        for _ in range(args.runs):
            loads = subprocess.run(
                [str(kload), "--name-only", "--log-level", "4", obj.name],
                cwd=obj.parent, capture_output=True, text=True,
            )
            ours = subprocess.run(
                [kfreg, "verify", "--format", "json", "--btf", str(CORPUS / "vmlinux.btf"),
                 "--kconfig", str(ROOT / "tests" / "selftests" / "kconfig"), str(obj)],
                capture_output=True, text=True,
            )
            if ours.returncode not in (0, 1):
                sys.exit(f"kernel-timing: kfreg failed on {obj} ({ours.returncode}): {ours.stderr}")
            for r in json.loads(ours.stdout):
                kfreg_runs[r["program"]].append(r)
            for line in loads.stdout.splitlines():
                k = json.loads(line)
                kernel_runs[k["program"]].append(k)
        for prog, ks in kernel_runs.items():
            fs = kfreg_runs.get(prog)
            if not fs:
                # A `?` program kfreg verifies only when named, or one it skipped.
                continue
            k, f = dict(ks[0]), dict(fs[0])
            times = [x["verification_us"] for x in ks if x["verification_us"] is not None]
            k["verification_us"] = int(statistics.median(times)) if times else None
            f["duration_us"] = int(statistics.median(x["duration_us"] for x in fs))
            rows.append({"program": f"{name}/{prog}", "kernel": k, "kfreg": f})
    print(
        f"Linux {platform.release()} ({os.cpu_count()} CPUs), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())},"
        f" load average {loadavg():.2f} after the run; each time the median of {args.runs} rounds"
    )
    print()
    print(
        "| program | kernel verdict | kfreg verdict | kernel insns | kfreg insns | kernel states"
        " | kfreg states | kernel µs | kfreg µs | kernel / kfreg | kfreg peak memory |"
    )
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    num = lambda v: "-" if v is None else f"{v:,}"  # noqa: E731
    for r in rows:
        if r.get("missing"):
            print(f"| {r['program']} | not compiled | - | - | - | - | - | - | - | - | - |")
            continue
        k, f = r["kernel"], r["kfreg"]
        verdict = "**" + f["verdict"] + "**" if f["verdict"] != k["verdict"] else f["verdict"]
        us = k["verification_us"]
        ratio_text = "-" if us is None else f"{ratio(us, max(f['duration_us'], 1)):.2f}x"
        if us is not None and f["duration_us"] >= us:
            ratio_text = f"**{ratio_text}**"
        print(
            f"| {r['program']} | {k['verdict']} | {verdict} | {num(k['insns_processed'])} |"
            f" {num(f['insns_processed'])} | {num(k.get('total_states'))} | {num(f['states'])} |"
            f" {num(us)} | {num(f['duration_us'])} | {ratio_text} |"
            f" {f['mem_peak_bytes'] / 2**20:.1f} MiB |"
        )
    return 0


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("mode", nargs="?", choices=["record", "compare", "all", "scale"], default="all")
    ap.add_argument("--runs", type=int, default=5, help="loads / kfreg runs per program (median kept)")
    ap.add_argument("--min-us", type=float, default=10, help="kfreg duration above which ratios are reliable")
    ap.add_argument("--top", type=int, default=10, help="rows in the closest/slowest tables")
    ap.add_argument("--out", default=str(TIMING), help="the kernel timing JSON (written by record)")
    ap.add_argument("--kload", default=str(ROOT / "target" / "corpus" / "kload"))
    default_kfreg = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "kfreg"
    ap.add_argument("--kfreg", default=str(default_kfreg))
    args = ap.parse_args()
    if args.mode == "scale":
        return scale(args)
    rc = 0
    if args.mode in ("record", "all"):
        rc = record(args)
    if args.mode in ("compare", "all"):
        rc = compare(args) or rc
    return rc


if __name__ == "__main__":
    sys.exit(main())
