#!/usr/bin/env python3
"""What each program type and attach point may return, in kfreg and in
the running kernel: programs of the 34 types and attach points of
scripts/asm_sweep.py leaving with R0 a constant (around
every boundary the kernel checks: -4096, -4095, -1, 0, 1, 2, 3, 4, 7, 8,
0x7fffffff, 0x80000000), an unknown 32-bit number, an unknown number below
2, the context pointer, or unset. The kernel's return-range checks, their
messages (`At program exit the register R0 has ...`) and the types that
check nothing must all be kfreg's.

The cases go to DIR/returns.s, the kernel's verdicts are recorded into
them (scripts/asm-kernel-verdicts.py --write --dir DIR), and kfreg runs on
them (the asm_cases test with KFREG_ASM_DIR=DIR), which lists every case
where the two differ. Run on demand (root, this kernel), never as a unit
test.

Session 36's run: 544 cases, all agreeing.

Usage: scripts/return-sweep.py [--dir DIR]   (as root)
"""

import argparse
import sys
from pathlib import Path

from asm_sweep import PROG_TYPES, ROOT, compare, record

CONSTANTS = (-4096, -4095, -1, 0, 1, 2, 3, 4, 7, 8, 0x7fffffff, 0x80000000)
# (name, instructions setting R0)
VALUES = [(f"const_{c}".replace("-", "minus"), [f"r0 = {c}" if c < 0x80000000 else "r0 = 1",
                                                 *(["r0 <<= 31"] if c == 0x80000000 else [])])
          for c in CONSTANTS] + [
    ("unknown32", ["call bpf_get_prandom_u32"]),
    ("below2", ["call bpf_get_prandom_u32", "r0 &= 1"]),
    ("ctx", ["r0 = r1"]),
    ("unset", []),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default=str(ROOT / "target" / "return-sweep"))
    a = ap.parse_args()
    path = Path(a.dir) / "returns.s"
    cases = [f"### ret_{ty.replace('/', '_')}_{name}\n; type: {ty}\n; expect: ACCEPT\n"
             + "".join(i + "\n" for i in insns) + "exit\n"
             for ty in PROG_TYPES for name, insns in VALUES]
    record(path, cases)
    print(f"{len(cases)} cases; kfreg on them:", flush=True)
    return compare(path.parent)


if __name__ == "__main__":
    sys.exit(main())
