#!/usr/bin/env python3
"""Turn kload's JSON Lines into tests/corpus/verdicts.json.

    record-verdicts.py KLOAD_OUTPUT.jsonl CORPUS_DIR OUT.json

Each record gets, besides kload's fields, what the source says about the
program: "source" (the .bpf.c file), "expected" (ACCEPT/REJECT from the
one-line comment above the program) and "description" (the rest of that
comment).  Kernel addresses in log lines are replaced by "<kaddr>" so that
re-recording on the same kernel gives the same file.  Records are sorted by
(file, program).  A program whose kernel verdict differs from its comment is
reported on stderr and makes the exit status 1 (fix the comment or the
program: the corpus documents what the kernel does).
"""

import json
import re
import sys
from pathlib import Path

KADDR = re.compile(r"0xffff[0-9a-f]{12}")
# The comment line, then (after optional attributes) the SEC line, then the
# function header:  /* ACCEPT: ... */  SEC("tc")  int name(   /  int BPF_PROG(name, ...
COMMENT = re.compile(r"^\s*/\*\s*(ACCEPT|REJECT):\s*(.*?)\s*\*/\s*$")
FUNC = re.compile(
    r"^\s*(?:__attribute__\(\(\w+\)\)\s*)?(?:int|long|__u32|u32)\s+"
    r"(?:BPF_PROG\(\s*)?(\w+)\s*[(,]"
)


def expectations(src: Path):
    """Map program name -> (expected verdict, description)."""
    out = {}
    lines = src.read_text().splitlines()
    for i, line in enumerate(lines):
        m = COMMENT.match(line)
        if not m:
            continue
        # the program header is within the next 3 lines, after SEC(...)
        for j in range(i + 1, min(i + 4, len(lines))):
            f = FUNC.match(lines[j])
            if f:
                out[f.group(1)] = (m.group(1), m.group(2))
                break
    return out


def scrub(s):
    return KADDR.sub("<kaddr>", s) if isinstance(s, str) else s


def main():
    jsonl, corpus, out_path = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    records = [json.loads(l) for l in open(jsonl) if l.strip()]
    exp_cache = {}
    mismatches = []
    result = []
    for r in records:
        src_name = r["file"][: -len(".o")] + ".c" if r["file"].endswith(".o") else r["file"]
        src = corpus / src_name
        if src_name not in exp_cache:
            exp_cache[src_name] = expectations(src) if src.exists() else {}
        expected, desc = exp_cache[src_name].get(r["program"], (None, None))
        if (r.get("error") or "").startswith("libbpf:"):
            mismatches.append(
                f"{r['file']}:{r['program']}: failed in libbpf, before the verifier ran: {r['error']}"
            )
        if expected is None:
            mismatches.append(f"{r['file']}:{r['program']}: no ACCEPT/REJECT comment above the program")
        elif expected != r["verdict"]:
            mismatches.append(
                f"{r['file']}:{r['program']}: comment says {expected}, kernel says {r['verdict']}"
                f" ({r.get('error')})"
            )
        result.append(
            {
                "file": r["file"],
                "program": r["program"],
                "section": r["section"],
                "prog_type": r["prog_type"],
                "source": src_name,
                "description": desc,
                "expected": expected,
                "verdict": r["verdict"],
                "error": scrub(r["error"]),
                "error_lines": [scrub(x) for x in r["error_lines"]],
                "insns_processed": r["insns_processed"],
                "errno": r["errno"],
                "log_tail": [scrub(x) for x in r["log_tail"]],
                "note": r["note"],
            }
        )
    result.sort(key=lambda r: (r["file"], r["program"]))
    with open(out_path, "w") as f:
        f.write("[\n")
        for i, r in enumerate(result):
            f.write("  " + json.dumps(r, ensure_ascii=False))
            f.write(",\n" if i + 1 < len(result) else "\n")
        f.write("]\n")
    acc = sum(r["verdict"] == "ACCEPT" for r in result)
    print(
        f"record-verdicts: {len(result)} programs, {acc} ACCEPT, {len(result) - acc} REJECT -> {out_path}",
        file=sys.stderr,
    )
    for m in mismatches:
        print("record-verdicts: MISMATCH " + m, file=sys.stderr)
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
