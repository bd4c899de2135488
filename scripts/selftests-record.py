#!/usr/bin/env python3
"""Turn kload's JSON Lines for the selftests into tests/selftests/verdicts.json.

    selftests-record.py KLOAD.jsonl OBJ_DIR COMPILE_FAILURES.txt OUT.json

Run by `scripts/selftests-corpus.sh --record`.  Each record holds the running
kernel's verdict (the oracle) and, beside it, what the selftest itself
expects, read from the BTF decl tags bpf_misc.h attaches to the program's
function ("comment:test_expect_failure", "comment:test_expect_msg=N=...",
"comment:test_prog_flags=...", ...).  Those are for the selftests' runner,
which may load with other flags or privileges; they are kept to explain
differences, never compared with.

"set_aside" says why a program says nothing about the verifier: the load
failed before the kernel verified anything (libbpf could not resolve a kfunc
the kernel lacks, e.g. one of bpf_testmod; the VM refuses fentry/fexit/
fmod_ret/lsm programs with EPERM before verifying; libbpf refused the
object).  The conformance test compares every other program.

Kernel addresses are replaced by "<kaddr>" so that re-recording on the same
kernel gives the same file.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

KADDR = re.compile(r"0xffff[0-9a-f]{12}")

# The kfunc-focused selftest files (issue 12 counts them apart from the
# general verifier_*.c files).
KFUNC_FILES = re.compile(
    r"^(linked_list|rbtree|refcounted_kptr|local_kptr|res_spin_lock|iters?|iter_|"
    r"dynptr|cpumask|nested_trust|task_kfunc|cgrp_kfunc|exceptions|irq|preempt_lock|"
    r"wq|task_work|string_kfuncs|map_kptr|kptr|percpu_alloc|arena|verifier_arena|"
    r"rcu_read_lock|crypto|bpf_iter_task|test_bpf_ma|mem_rdonly_untrusted|"
    r"verifier_kfunc|kfunc|test_kfunc|free_timer|timer)"
)


def group(file):
    if KFUNC_FILES.match(file):
        return "kfunc"
    if file.startswith("verifier_"):
        return "verifier"
    return "other"


def annotations(obj: Path):
    """Map function name -> {tag: [values]} from the object's BTF decl tags."""
    try:
        out = subprocess.run(
            ["bpftool", "-j", "btf", "dump", "file", str(obj)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return {}
    types = json.loads(out).get("types", [])
    by_id = {t["id"]: t for t in types}
    tags = {}
    for t in types:
        if t["kind"] != "DECL_TAG" or not t["name"].startswith("comment:"):
            continue
        target = by_id.get(t["type_id"])
        if not target or target["kind"] != "FUNC" or t.get("component_idx", -1) != -1:
            continue
        body = t["name"][len("comment:") :]
        key, _, val = body.partition("=")
        # __msg(...) and friends carry a counter to keep their order.
        if key in ("test_expect_msg", "test_expect_msg_unpriv", "test_expect_xlated", "test_jited"):
            n, _, val = val.partition("=")
            val = (int(n) if n.isdigit() else 0, val)
        tags.setdefault(target["name"], {}).setdefault(key, []).append(val)
    return tags


def expectation(tags):
    if "test_expect_failure" in tags:
        exp = "REJECT"
    elif "test_expect_success" in tags:
        exp = "ACCEPT"
    else:
        exp = None
    msgs = [m for _, m in sorted(tags.get("test_expect_msg", []))]
    return {
        "expected": exp,
        "expected_msgs": msgs,
        "flags": tags.get("test_prog_flags", []),
        "auxiliary": "test_auxiliary" in tags,
        "btf_path": (tags.get("test_btf_path") or [None])[0],
        "description": (tags.get("test_description") or [None])[0],
    }


def set_aside(r):
    """Why the kernel never verified this program, or None."""
    err = r.get("error") or ""
    # EPERM with nothing processed: refused before the verifier ran (this VM
    # does so for iterators over map elements, sockmaps and socket storage),
    # even when libbpf's log reads like an acceptance.
    if r["errno"] == 1 and r.get("insns_processed") == 0:
        return "refused with EPERM before verification on this VM (0 instructions processed)"
    if r["verdict"] == "ACCEPT" or r.get("insns_processed") is not None:
        return None
    if "not found in kernel or module BTFs" in err:
        return "needs a kernel symbol this kernel lacks (bpf_testmod or newer kernel): " + err
    sec = r.get("section") or ""
    if r["errno"] == 1 and re.match(r"^(fentry|fexit|fmod_ret|lsm)", sec):
        return "fentry/fexit/fmod_ret/lsm: refused with EPERM before verification on this VM"
    if err.startswith("libbpf:") or r.get("note", "").startswith("no verifier log"):
        return "refused before verification: " + (err or f"errno {r['errno']}")
    return None


def scrub(s):
    return KADDR.sub("<kaddr>", s) if isinstance(s, str) else s


def main():
    jsonl, obj_dir, fails, out_path = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    records = [json.loads(l) for l in open(jsonl) if l.strip()]
    seen = {r["file"] for r in records}
    result = []
    ann_cache = {}
    for r in records:
        if r["file"] not in ann_cache:
            ann_cache[r["file"]] = annotations(obj_dir / r["file"])
        ann = expectation(ann_cache[r["file"]].get(r["program"], {}))
        result.append(
            {
                "file": r["file"],
                "program": r["program"],
                "section": r["section"],
                "prog_type": r["prog_type"],
                "group": group(r["file"]),
                "verdict": r["verdict"],
                "errno": r["errno"],
                "error": scrub(r["error"]),
                "error_lines": [scrub(x) for x in r["error_lines"]],
                "insns_processed": r["insns_processed"],
                "set_aside": set_aside(r),
                "note": r["note"],
                **ann,
            }
        )
    # Objects libbpf could not even open: one record for the whole object.
    for o in sorted(obj_dir.glob("*.bpf.o")):
        if o.name not in seen:
            result.append(
                {
                    "file": o.name,
                    "program": None,
                    "group": group(o.name),
                    "verdict": None,
                    "set_aside": "libbpf cannot open the object (unresolved externs of a "
                    "multi-object link, or an unsupported section)",
                }
            )
    result.sort(key=lambda r: (r["file"], r["program"] or ""))
    with open(out_path, "w") as f:
        f.write("[\n")
        for i, r in enumerate(result):
            f.write("  " + json.dumps(r, ensure_ascii=False))
            f.write(",\n" if i + 1 < len(result) else "\n")
        f.write("]\n")
    progs = [r for r in result if r["program"] is not None]
    aside = [r for r in progs if r["set_aside"]]
    cmp = [r for r in progs if not r["set_aside"]]
    acc = sum(r["verdict"] == "ACCEPT" for r in cmp)
    nfail = sum(1 for l in open(fails) if l.strip())
    print(
        f"selftests-record: {len(seen)} objects loaded, {len(result) - len(progs)} not openable, "
        f"{nfail} sources not compiled; {len(progs)} programs: {len(aside)} set aside, "
        f"{len(cmp)} verified by the kernel ({acc} ACCEPT, {len(cmp) - acc} REJECT) -> {out_path}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
