#!/usr/bin/env python3
"""The real-object corpus's two steps (driven by scripts/real-objects.sh).

    real-verdicts.py collect WORK PACKAGE...   objects into WORK/objs, WORK/objects.tsv
    real-verdicts.py record WORK OUT.json      kload's WORK/kload.jsonl -> OUT.json

collect finds the BPF objects of each installed package: plain objects
(an ELF header with e_machine EM_BPF) and objects embedded in other ELF files
(a libbpf skeleton embeds the object's bytes verbatim), which `kfreg extract`
(the $KFREG binary) finds and names as `kfreg verify` does
(BINARY@SKELETON, or BINARY@0xOFFSET).  Big-endian objects are listed, not
loaded.

record writes one record per program: the package, the installed path, the
object's name, the kernel's verdict (ACCEPT, REJECT, or SKIP for programs
the kernel refuses before verifying), the first error line and libbpf's
message when libbpf failed before the kernel ran; one record with an empty
program for an object libbpf cannot open.
"""

import json
import os
import re
import struct
import subprocess
import sys

EM_BPF = 247
KFREG = os.environ.get("KFREG", "kfreg")
KADDR = re.compile(r"0xffff[0-9a-f]{12}")
# Program types this VM refuses with EPERM before the verifier runs.
SET_ASIDE = ("fentry", "fexit", "fmod_ret", "lsm")


def classify(b):
    if len(b) < 20 or b[:4] != b"\x7fELF":
        return None
    if b[5] == 1 and struct.unpack_from("<H", b, 18)[0] == EM_BPF:
        return "bpf"
    if b[5] == 2 and struct.unpack_from(">H", b, 18)[0] == EM_BPF:
        return "bpfeb"
    return "elf"


def version(pkg):
    return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                          capture_output=True, text=True).stdout


def collect(work, pkgs):
    rows = []
    for pkg in pkgs:
        files = subprocess.run(["dpkg", "-L", pkg], capture_output=True, text=True).stdout.split("\n")
        for path in sorted(files):
            if not path or not os.path.isfile(path) or os.path.islink(path):
                continue
            with open(path, "rb") as f:
                head = f.read(20)
            kind = classify(head)
            if kind is None:
                continue
            base = os.path.basename(path)
            if kind == "bpf":
                with open(path, "rb") as f, open(os.path.join(work, "objs", base), "wb") as o:
                    o.write(f.read())
                rows.append((base, pkg, path, "", "object"))
            elif kind == "bpfeb":
                rows.append((base, pkg, path, "", "big-endian"))
            else:
                # The objects a binary embeds, found and named by kfreg itself.
                listing = subprocess.run([KFREG, "extract", path, "-o", os.path.join(work, "objs")],
                                         capture_output=True, text=True)
                if listing.returncode != 0:
                    continue  # an ELF file with no BPF object in it
                for line in listing.stdout.split("\n"):
                    if line.strip():
                        name, off, _ = line.split()
                        rows.append((name, pkg, path, str(int(off, 16)), "embedded"))
    with open(os.path.join(work, "objects.tsv"), "w") as f:
        for r in rows:
            if r[4] != "big-endian":
                f.write(r[0] + "\n")
    with open(os.path.join(work, "objects.json"), "w") as f:
        json.dump([dict(zip(("object", "package", "path", "offset", "kind"), r)) for r in rows], f)
    print(f"real-objects: {len(rows)} objects from {len(pkgs)} packages", file=sys.stderr)


def scrub(s):
    return KADDR.sub("<kaddr>", s) if isinstance(s, str) else s


def record(work, out):
    objects = json.load(open(os.path.join(work, "objects.json")))
    loaded = [json.loads(l) for l in open(os.path.join(work, "kload.jsonl")) if l.strip()]
    by_obj = {}
    for r in loaded:
        by_obj.setdefault(r["file"], []).append(r)
    errs = open(os.path.join(work, "kload.err")).read() if os.path.exists(os.path.join(work, "kload.err")) else ""
    versions = {}
    records = []
    for o in objects:
        pkg = o["package"]
        versions.setdefault(pkg, version(pkg))
        base = {
            "package": pkg,
            "path": o["path"],
            "offset": int(o["offset"]) if o["offset"] else None,
            "object": o["object"],
        }
        if o["kind"] == "big-endian":
            records.append({**base, "program": "", "section": "", "prog_type": "", "verdict": "OPEN_ERROR",
                            "error": "big-endian BPF object", "error_lines": [], "errno": 0,
                            "note": "not loaded: libbpf on a little-endian host cannot load it"})
            continue
        progs = by_obj.get(o["object"], [])
        if not progs:
            msg = next((l for l in errs.split("\n") if f"/{o['object']}:" in l), None)
            if msg is None:
                continue  # opened, but it has no programs
            records.append({**base, "program": "", "section": "", "prog_type": "", "verdict": "OPEN_ERROR",
                            "error": msg, "error_lines": [], "errno": 0, "note": "libbpf failed to open the object"})
            continue
        for r in progs:
            verdict, note = r["verdict"], r.get("note")
            sec = r["section"]
            kind = re.split(r"[./]", sec, maxsplit=1)[0]
            if verdict == "REJECT" and r.get("errno") == 1 and r.get("insns_processed") is None and kind in SET_ASIDE:
                verdict = "SKIP"
                note = "set aside: this VM refuses fentry/fexit/fmod_ret/lsm programs with EPERM before verifying"
            records.append({**base, "program": r["program"], "section": sec, "prog_type": r["prog_type"],
                            "verdict": verdict, "error": scrub(r.get("error")),
                            "error_lines": [scrub(l) for l in r.get("error_lines") or []],
                            "errno": r.get("errno"), "insns_processed": r.get("insns_processed"),
                            "note": note})
    records.sort(key=lambda r: (r["package"], r["object"], r["program"]))
    release = open("/proc/sys/kernel/osrelease").read().strip()
    doc = {"kernel": release, "packages": versions, "programs": records}
    with open(out, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    counts = {}
    for r in records:
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    print(f"real-objects: {len(records)} records: {counts}", file=sys.stderr)


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "collect":
        collect(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == "record":
        record(sys.argv[2], sys.argv[3])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
