#!/usr/bin/env python3
"""Record the kernel's verdicts on the selftests with a BTF it refuses.

    scripts/selftests-refused-btf.py [--kload PATH]

Copies every object of target/selftests/obj (scripts/selftests-corpus.sh
builds them) into target/selftests/refused-btf/ with its first BTF integer
given two encoding bits, which the kernel refuses (`BPF_BTF_LOAD` fails with
-524, as for GCC 12's `signed char`). libbpf then loads the programs without
BTF ("BTF is optional, ignoring") or, for objects with struct_ops, not at all.
Each program is loaded alone (scripts/kload.c: load only, never attached,
pinned or run), and every program whose verdict or error lines differ from
its recorded verdict with the BTF (tests/selftests/verdicts.json) is written
to tests/selftests/refused-btf.json, which verifier/tests/refused_btf.rs
holds kfreg to. Programs the kernel did not verify either way are left out.
Needs root and a kernel that loads BPF.
"""

import argparse
import json
import os
import struct
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Bytes after a BTF type's 12-byte header, by kind, for `vlen` members.
TRAILER = {1: lambda v: 4, 3: lambda v: 12, 4: lambda v: 12 * v, 5: lambda v: 12 * v,
           6: lambda v: 8 * v, 13: lambda v: 8 * v, 14: lambda v: 4, 15: lambda v: 12 * v,
           17: lambda v: 4, 19: lambda v: 12 * v}


def refuse_btf(data):
    """`data` (an ELF object) with its first BTF INT made signed and a char, or None."""
    d = bytearray(data)
    shoff = struct.unpack_from("<Q", d, 0x28)[0]
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", d, 0x3A)
    secs = [struct.unpack_from("<IIQQQQIIQQ", d, shoff + i * shentsize) for i in range(shnum)]
    strtab = secs[shstrndx][4]
    for s in secs:
        end = d.index(0, strtab + s[0])
        if d[strtab + s[0]:end] != b".BTF":
            continue
        hdr_len = struct.unpack_from("<I", d, s[4] + 4)[0]
        type_off, type_len = struct.unpack_from("<II", d, s[4] + 8)
        p = s[4] + hdr_len + type_off
        stop = p + type_len
        while p < stop:
            info = struct.unpack_from("<I", d, p + 4)[0]
            kind, vlen = (info >> 24) & 0x1F, info & 0xFFFF
            if kind == 1:
                word = struct.unpack_from("<I", d, p + 12)[0]
                struct.pack_into("<I", d, p + 12, (word & 0x00FFFFFF) | (3 << 24))
                return bytes(d)
            p += 12 + TRAILER.get(kind, lambda v: 0)(vlen)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kload", default=os.path.join(ROOT, "target/selftests/kload"))
    a = ap.parse_args()
    src = os.path.join(ROOT, "target/selftests/obj")
    out = os.path.join(ROOT, "target/selftests/refused-btf")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(ROOT, "tests/selftests/verdicts.json")) as f:
        before = {(r["file"], r["program"]): r for r in json.load(f)}
    rows = []
    for name in sorted(os.listdir(src)):
        if not name.endswith(".bpf.o"):
            continue
        with open(os.path.join(src, name), "rb") as f:
            patched = refuse_btf(f.read())
        if patched is None:
            continue
        with open(os.path.join(out, name), "wb") as f:
            f.write(patched)
        r = subprocess.run([a.kload, "--name-only", name], cwd=out, capture_output=True, text=True)
        for line in r.stdout.splitlines():
            k = json.loads(line)
            verified = k["insns_processed"] is not None and not (k["verdict"] == "ACCEPT" and k.get("errno"))
            b = before.get((k["file"], k["program"]))
            if not verified or b is None or b.get("set_aside"):
                continue
            if (k["verdict"], k["error_lines"]) == (b["verdict"], b["error_lines"]):
                continue
            rows.append({"file": k["file"], "program": k["program"], "verdict": k["verdict"],
                         "error_lines": k["error_lines"], "with_btf": b["error_lines"][-1:] or ["ACCEPT"]})
    path = os.path.join(ROOT, "tests/selftests/refused-btf.json")
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join("  " + json.dumps(r) for r in rows) + "\n]\n")
    print(f"selftests-refused-btf: {len(rows)} programs change verdict or message without BTF", file=sys.stderr)


if __name__ == "__main__":
    main()
