#!/usr/bin/env python3
"""What a BTF-enabled raw tracepoint program may do with each argument, in
kfreg and in the running kernel: for every `btf_trace_EVENT` of the recorded
kernel BTF (tests/corpus/vmlinux.btf) and every argument its prototype
types as a pointer to a struct, a `tp_btf/EVENT` program that loads the
argument from the context and reads a byte through it. The kernel lets the
read through (a trusted pointer), refuses it as `trusted_ptr_or_null_` (an
argument its `raw_tp_null_args` table says may be NULL) or as `scalar` (one
the table says may encode an error); kfreg's tracepoint declarations
(catalog/src/prog_types/tracepoints.rs) must say the same of every one.

The cases go to DIR/tracepoint_args.s, the kernel's verdicts are recorded
into them (scripts/asm-kernel-verdicts.py --write --dir DIR), and kfreg runs
on them (the asm_cases test with KFREG_ASM_DIR=DIR), which lists every case
where the two differ. With --keep FILE, the cases of every tracepoint the
kernel marks (all of its arguments) are also written to FILE, for the
committed asm cases. Run on demand (root, this kernel), never as a unit
test.

Session 38's run: 3,048 cases over 1,433 tracepoints; the kernel marked 62
arguments of 61 tracepoints, three of which (sched_process_wait,
signal_generate, signal_deliver) kfreg's declarations lacked.

Usage: scripts/tracepoint-arg-sweep.py [--dir DIR] [--keep FILE]   (as root)
"""

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

from asm_sweep import ROOT, compare, record

MODIFIERS = ("CONST", "VOLATILE", "RESTRICT", "TYPEDEF", "TYPE_TAG")


def struct_pointer_args(btf):
    """(event, [argument index...]) for every raw tracepoint of `btf`."""
    dump = subprocess.run(["bpftool", "-j", "btf", "dump", "file", str(btf)],
                          check=True, capture_output=True, text=True).stdout
    types = {t["id"]: t for t in json.loads(dump)["types"]}

    def strip(tid):
        t = types.get(tid)
        while t and t["kind"] in MODIFIERS:
            t = types.get(t["type_id"])
        return t

    for t in types.values():
        name = t.get("name", "")
        if t["kind"] != "TYPEDEF" or not name.startswith("btf_trace_"):
            continue
        proto = strip(strip(t["type_id"])["type_id"])
        args = []
        # The first parameter is the hidden `void *__data`.
        for i, p in enumerate(proto["params"][1:]):
            ptr = strip(p["type_id"])
            if ptr and ptr["kind"] == "PTR":
                pointee = strip(ptr["type_id"])
                if pointee and pointee["kind"] in ("STRUCT", "UNION"):
                    args.append(i)
        if args:
            yield name[len("btf_trace_"):], args


def case(event, arg):
    return (f"### tp_arg_{event}_{arg}\n; type: tp_btf/{event}\n; expect: TBD\n"
            f"r1 = *(u64 *)(r1 +{8 * arg})\nr0 = *(u8 *)(r1 +0)\nr0 = 0\nexit\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default=str(ROOT / "target" / "tracepoint-arg-sweep"))
    ap.add_argument("--keep", help="write the marked tracepoints' cases here")
    a = ap.parse_args()
    events = sorted(struct_pointer_args(ROOT / "tests" / "corpus" / "vmlinux.btf"))
    path = Path(a.dir) / "tracepoint_args.s"
    record(path, [case(e, i) for e, args in events for i in args])
    recorded = re.split(r"\n(?=### )", path.read_text())
    # Refused as possibly NULL, or as a number (a possible error), where a
    # plain argument would be a trusted pointer.
    marked = {m.group(1) for c in recorded
              if re.search(r"; expect: REJECT R1 invalid mem access '(trusted_ptr_or_null_|scalar)'", c)
              and (m := re.search(r"; type: tp_btf/(\S+)", c))}
    print(f"{len(recorded)} cases over {len(events)} tracepoints; "
          f"{len(marked)} tracepoints with an argument the kernel marks")
    if a.keep:
        kept = [c.rstrip("\n") + "\n" for c in recorded
                if (m := re.search(r"; type: tp_btf/(\S+)", c)) and m.group(1) in marked]
        Path(a.keep).write_text("\n".join(kept))
    print("kfreg on them:", flush=True)
    return compare(path.parent)


if __name__ == "__main__":
    sys.exit(main())
