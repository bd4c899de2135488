#!/usr/bin/env python3
"""Write the lines of /proc/kallsyms that BPF objects' externs name.

    scripts/kallsyms-excerpt.py [-o OUT] OBJ...

The running kernel's symbols are what libbpf resolves typeless `__ksym`s
from, and which `__ksym` variables the kernel finds an address for. The
excerpt keeps, for every undefined symbol of the objects, the kallsyms lines
of that name (none when the kernel does not list it), with each distinct
address replaced by a stand-in (distinct addresses stay distinct), so that
tests can give kfreg the recording machine's answers
(`kfreg verify --kallsyms`). Needs root to read addresses, and llvm-objdump.
"""

import argparse
import glob
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output")
    ap.add_argument("objects", nargs="+")
    a = ap.parse_args()
    objdump = next(iter(sorted(glob.glob("/usr/bin/llvm-objdump*"))), "llvm-objdump")
    wanted = set()
    for obj in a.objects:
        r = subprocess.run([objdump, "-t", obj], capture_output=True, text=True)
        for line in r.stdout.splitlines():
            parts = line.split()
            if len(parts) >= 4 and "*UND*" in parts:
                wanted.add(parts[-1])
    stand_in = {}
    out = []
    with open("/proc/kallsyms") as f:
        for line in f:
            addr, ty, name = line.split()[:3]
            base = name.split(".llvm.")[0] if ty == "d" else name
            if base in wanted:
                addr = stand_in.setdefault(addr, f"{0xffffffff81000000 + 16 * len(stand_in):016x}")
                out.append(f"{addr} {ty} {name}\n")
    text = "".join(sorted(out, key=lambda l: l.split()[2]))
    if a.output:
        with open(a.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    print(f"kallsyms-excerpt: {len(out)} lines for {len(wanted)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
