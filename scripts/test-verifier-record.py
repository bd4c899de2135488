#!/usr/bin/env python3
"""Record the running kernel's verdict on the kernel's own test_verifier cases.

    scripts/test-verifier.sh TREE cases.json          # extract the cases
    sudo scripts/test-verifier-record.py cases.json -o tests/test-verifier/6.1.json

Each case of cases.json (scripts/test-verifier/dump.c: a name, meta lines of
the asm cases' vocabulary and the raw instructions, or why it is skipped) is
loaded as scripts/asm-kernel-verdicts.py loads an assembler case: its maps
created, their fds patched into the instructions, log level 1 into a 16 MiB
buffer, nothing attached, pinned or run. The output has one row per case
that is not skipped: its name, the kernel's verdict (`ACCEPT` or `REJECT
<error line>`), the message's earlier lines and the instructions processed.
Only the verdicts are data of ours; the cases themselves are re-extracted from
the tree at test time (verifier/tests/test_verifier.rs).

With --check FILE, compares with an earlier recording instead and prints
every case whose verdict, message or count moved (drift of the running
kernel); exit 1 on any.
"""

import argparse
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("akv", os.path.join(HERE, "asm-kernel-verdicts.py"))
akv = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(akv)


def record(cases):
    rows = []
    for case in cases:
        if case.get("skip"):
            continue
        verdict = akv.kernel_verdict(case)
        rows.append({
            "name": case["name"],
            "verdict": verdict,
            "before": akv.LAST_BEFORE[0],
            "insns": akv.processed(akv.LAST_LOG[0]),
        })
    return rows


def write(rows, out):
    with open(out, "w") as f:
        f.write("[\n")
        f.write(",\n".join("  " + json.dumps(r, sort_keys=True) for r in rows))
        f.write("\n]\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cases")
    ap.add_argument("-o", "--out")
    ap.add_argument("--check", metavar="FILE")
    args = ap.parse_args()
    with open(args.cases) as f:
        cases = json.load(f)
    rows = record(cases)
    if args.out:
        write(rows, args.out)
    accepted = sum(r["verdict"] == "ACCEPT" for r in rows)
    print(f"{len(rows)} cases ({len(cases) - len(rows)} skipped): {accepted} accepted, "
          f"{len(rows) - accepted} rejected", file=sys.stderr)
    if args.check:
        with open(args.check) as f:
            old = {r["name"]: r for r in json.load(f)}
        moved = 0
        for r in rows:
            o = old.get(r["name"])
            if o != r:
                moved += 1
                print(f"{r['name']}:\n    recorded: {o}\n    now:      {r}")
        for name in old.keys() - {r["name"] for r in rows}:
            moved += 1
            print(f"{name}: recorded, no longer a case")
        return 1 if moved else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
