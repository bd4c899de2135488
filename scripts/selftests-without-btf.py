#!/usr/bin/env python3
"""Record the kernel's verdicts on the selftests loaded without their BTF.

    scripts/selftests-without-btf.py [--kload PATH] [--variant refused-btf|no-btf-ext]

Copies every object of target/selftests/obj (scripts/selftests-corpus.sh
builds them) into target/selftests/VARIANT/, changed so that the kernel gets
less of their BTF:

- refused-btf (default): the first BTF integer given two encoding bits,
  which the kernel refuses (`BPF_BTF_LOAD` fails with -524, as for GCC 12's
  `signed char`). libbpf then loads the programs without BTF ("BTF is
  optional, ignoring") or, for objects with struct_ops, not at all.
- no-btf-ext: the .BTF.ext section renamed, so that libbpf has no function
  or line info (nor CO-RE relocations, which this kernel's vmlinux.h makes
  unneeded): the kernel then keeps none of the program's BTF.

Each program is loaded alone (scripts/kload.c: load only, never attached,
pinned or run), and every program whose verdict or error lines differ from
its recorded verdict as built (tests/selftests/verdicts.json) is written to
tests/selftests/VARIANT.json, which verifier/tests/without_btf.rs holds
kfreg to. Programs the kernel did not verify either way are left out.
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


def rename_btf_ext(data):
    """`data` (an ELF object) with its .BTF.ext section renamed, or None."""
    d = bytearray(data)
    shoff = struct.unpack_from("<Q", d, 0x28)[0]
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", d, 0x3A)
    strtab = struct.unpack_from("<Q", d, shoff + shstrndx * shentsize + 0x18)[0]
    for i in range(shnum):
        at = strtab + struct.unpack_from("<I", d, shoff + i * shentsize)[0]
        if d[at:at + 9] == b".BTF.ext\0":
            d[at:at + 8] = b".BTF_ext"
            return bytes(d)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kload", default=os.path.join(ROOT, "target/selftests/kload"))
    ap.add_argument("--variant", choices=["refused-btf", "no-btf-ext"], default="refused-btf")
    a = ap.parse_args()
    change = refuse_btf if a.variant == "refused-btf" else rename_btf_ext
    src = os.path.join(ROOT, "target/selftests/obj")
    out = os.path.join(ROOT, "target/selftests", a.variant)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(ROOT, "tests/selftests/verdicts.json")) as f:
        before = {(r["file"], r["program"]): r for r in json.load(f)}
    rows = []
    for name in sorted(os.listdir(src)):
        if not name.endswith(".bpf.o"):
            continue
        with open(os.path.join(src, name), "rb") as f:
            patched = change(f.read())
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
    path = os.path.join(ROOT, "tests/selftests", a.variant + ".json")
    with open(path, "w") as f:
        f.write("[\n" + ",\n".join("  " + json.dumps(r) for r in rows) + "\n]\n")
    print(f"selftests-without-btf: {a.variant}: {len(rows)} programs change verdict or message", file=sys.stderr)


if __name__ == "__main__":
    main()
