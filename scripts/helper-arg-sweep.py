#!/usr/bin/env python3
"""Write assembler cases that call every helper a program type gets with
each argument register holding one kind of value.

    scripts/helper-arg-sweep.py [--out FILE] [--helpers ID,...]
    scripts/asm-kernel-verdicts.py --write helper_args_    # record the kernel's answers
    cargo test --release -p kfreg-verifier --test asm_cases

For tc, kprobe and syscall programs (--types: also xdp, socket, raw_tp,
tracepoint, perf_event, sysctl, kprobe_multi; the helpers each gets, from
catalog/data/helpers-available.json; and tp_btf/sys_enter and iter/task,
every helper number) and each kind of value -- NULL, an
unknown number, 64 bytes of stack, the context, the map, a 64-byte map value
and (tc) a checked packet pointer -- one case with R1-R5 all of that kind
and one with R1 the context and R2-R5 of that kind. The kernel refuses most
of them; the first argument it refuses, and why, is what kfreg must say too.
The whole sweep (about 3,800 cases) is for finding disagreements; the cases
kept in verifier/tests/asm/helper_args.s are those of the helpers whose
cases once disagreed (--helpers).
"""

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The case type, its program type's name in the availability data, and
# where its context holds the packet's start and end (for the packet kind).
TYPES = {
    "tc": ("sched_cls", (76, 80)),
    "kprobe": ("kprobe", None),
    "syscall": ("syscall", None),
    "xdp": ("xdp", (0, 4)),
    "socket": ("socket_filter", None),
    "raw_tp": ("raw_tracepoint", None),
    "tracepoint": ("tracepoint", None),
    "perf_event": ("perf_event", None),
    "sysctl": ("cgroup_sysctl", None),
    "kprobe_multi": ("kprobe", None),
    # Tracing programs: the availability data has no tracing row (they need
    # an attach target), so every helper number is tried.
    "tp_btf/sys_enter": (None, None),
    "iter/task": (None, None),
}
DEFAULT_TYPES = ["tc", "kprobe", "syscall"]
KINDS = ["null", "scalar", "stack", "ctx", "map", "mapval", "pkt"]
SET = {
    "null": ["r{r} = 0"],
    "scalar": ["r{r} = r8"],
    "stack": ["r{r} = r10", "r{r} += -64"],
    "ctx": ["r{r} = r6"],
    "map": ["r{r} = map[id:0]"],
    "mapval": ["r{r} = r7"],
    "pkt": ["r{r} = r9"],
}


def case(t, helper, variant, kind):
    lines = [f"### helper_args_{t.replace('/', '_')}_{helper}_{variant}_{kind}", f"; type: {t}",
             "; map: array key=4 value=64 max=1", "; expect: ACCEPT", "r6 = r1", "r1 = 0"]
    lines += [f"*(u64 *)(r10 -{o}) = r1" for o in range(8, 72, 8)]
    # R7: the map's one value (a constant in-range key: never NULL); R8: a number.
    lines += ["*(u32 *)(r10 -72) = r1", "r2 = r10", "r2 += -72", "r1 = map[id:0]",
              "call bpf_map_lookup_elem", "r7 = r0", "call bpf_get_prandom_u32", "r8 = r0"]
    if kind == "pkt":
        start, end = TYPES[t][1]
        lines += [f"r2 = *(u32 *)(r6 +{start})", f"r3 = *(u32 *)(r6 +{end})", "r4 = r2",
                  "r4 += 64", "if r4 > r3 goto out", "r9 = r2"]
    for r in range(1, 6):
        k = "ctx" if variant == "ctx1" and r == 1 else kind
        lines += [x.format(r=r) for x in SET[k]]
    return lines + [f"call {helper}", "out:", "r0 = 0", "exit", ""]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "verifier/tests/asm/helper_args.s"))
    ap.add_argument("--helpers", help="only these helper numbers (comma-separated)")
    ap.add_argument("--types", default=",".join(DEFAULT_TYPES),
                    help=f"case types (comma-separated, of {', '.join(TYPES)})")
    args = ap.parse_args()
    only = set(int(h) for h in args.helpers.split(",")) if args.helpers else None
    avail = json.loads((ROOT / "catalog/data/helpers-available.json").read_text())["prog_types"]
    out = ["; Helper arguments swept: see scripts/helper-arg-sweep.py.", ""]
    n = 0
    for t in args.types.split(","):
        pt, pkt = TYPES[t]
        for h in avail[pt] if pt else range(1, 212):
            if only is not None and h not in only:
                continue
            for variant in ("all", "ctx1"):
                for kind in KINDS:
                    if (kind == "pkt" and not pkt) or (variant == "ctx1" and kind == "ctx"):
                        continue
                    out += case(t, h, variant, kind)
                    n += 1
    Path(args.out).write_text("\n".join(out))
    print(f"{n} cases -> {args.out}")


if __name__ == "__main__":
    main()
