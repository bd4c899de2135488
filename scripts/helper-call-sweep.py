#!/usr/bin/env python3
"""Every helper called from every program type, in kfreg and in the
running kernel: `call N` for each helper number 1 to the last the kernel
knows, with the arguments as the program found them (R1 the context, the
others uninitialised), from each of the 34 program types and attach points
the assembler cases know. The kernel refuses a helper the type does not
get (`program of this type cannot use helper bpf_x#N`, or an unknown
number), and otherwise checks the arguments in order: both must be
kfreg's answer, message included. A differential check of what
scripts/helper-availability.py records, over more attach points, and of
each helper's first argument checks.

The cases go to DIR/helper_calls.s, the kernel's verdicts are recorded
into them (scripts/asm-kernel-verdicts.py --write --dir DIR), and kfreg runs
on them (the asm_cases test with KFREG_ASM_DIR=DIR), which lists every case
where the two differ. Run on demand (root, this kernel), never as a unit
test.

Session 36's first run differed on 6 cases, all iterators: the attach
cookie, the traced-function helpers and bpf_probe_write_user, which the
kernel refuses them, and bpf_get_cgroup_classid, which it gives them
(tp_btf programs, then not among the sweep's types, differed on the same
helpers). Now all 7,208 agree, tp_btf, kprobe_multi and uprobe_multi
included.

With --license NAME every case is loaded under that license instead of
GPL: a license that is not GPL-compatible makes the kernel refuse each
GPL-only helper (`cannot call GPL-restricted function from non-GPL
compatible program`) before its arguments, and which helpers are GPL-only
may depend on the attach point (bpf_get_func_ip is for a kprobe, not for a
kprobe.multi). Session 38's run with `--license MIT`: 7,208 cases, all agreeing once
bpf_get_func_ip's prototypes were chosen by attach type.

Usage: scripts/helper-call-sweep.py [--last N] [--dir DIR] [--license NAME]   (as root)
"""

import argparse
import sys
from pathlib import Path

from asm_sweep import PROG_TYPES, ROOT, compare, record


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--last", type=int, default=212,
                    help="the last helper number to call (6.18 knows 211; one more is unknown)")
    ap.add_argument("--dir", default=str(ROOT / "target" / "helper-call-sweep"))
    ap.add_argument("--license", help="the cases' license (GPL without it)")
    a = ap.parse_args()
    path = Path(a.dir) / "helper_calls.s"
    lic = f"; license: {a.license}\n" if a.license else ""
    record(path, [f"### helper_{n}_{ty.replace('/', '_')}\n; type: {ty}\n{lic}; expect: ACCEPT\n"
                  f"call {n}\nr0 = 0\nexit\n"
                  for n in range(1, a.last + 1) for ty in PROG_TYPES])
    print(f"{a.last} helper numbers x {len(PROG_TYPES)} program types; kfreg on them:", flush=True)
    return compare(path.parent)


if __name__ == "__main__":
    sys.exit(main())
