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

Usage: scripts/helper-call-sweep.py [--last N] [--dir DIR]   (as root)
"""

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def prog_types():
    """The program types of the kfunc availability sweep."""
    spec = importlib.util.spec_from_file_location(
        "kfunc_availability_sweep", ROOT / "scripts" / "kfunc-availability-sweep.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.PROG_TYPES


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--last", type=int, default=212,
                    help="the last helper number to call (6.18 knows 211; one more is unknown)")
    ap.add_argument("--dir", default=str(ROOT / "target" / "helper-call-sweep"))
    a = ap.parse_args()
    out = Path(a.dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "helper_calls.s"
    types = prog_types()
    cases = [f"### helper_{n}_{ty.replace('/', '_')}\n; type: {ty}\n; expect: ACCEPT\n"
             f"call {n}\nr0 = 0\nexit\n"
             for n in range(1, a.last + 1) for ty in types]
    path.write_text("\n".join(cases))
    subprocess.run([sys.executable, str(ROOT / "scripts" / "asm-kernel-verdicts.py"),
                    "--write", "--dir", str(out)], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    print(f"{a.last} helper numbers x {len(types)} program types; kfreg on them:", flush=True)
    env = dict(os.environ, KFREG_ASM_DIR=str(out))
    r = subprocess.run(["cargo", "test", "-q", "--release", "-p", "kfreg-verifier",
                        "--test", "asm_cases"], cwd=ROOT, env=env)
    return r.returncode


if __name__ == "__main__":
    sys.exit(main())
