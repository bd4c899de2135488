#!/usr/bin/env python3
"""Variants of the kernel's test_verifier cases, to hold kfreg to the kernel
beyond the cases themselves.

    scripts/test-verifier-variants.py KIND [--sample N] -o variants.json
    sudo scripts/test-verifier-record.py variants.json -o verdicts.json
    KFREG_TV_CASES=variants.json KFREG_TV_VERDICTS=verdicts.json \\
        cargo test --release -p kfreg-verifier --test test_verifier

Reads the extracted cases (target/test-verifier/{6.1,6.12}.json, made by
scripts/test-verifier-corpus.sh) and writes, for every case not skipped,
its variants of one KIND:

  types       loaded as each of 24 other program types (and attach types)
  attach      loaded with each other attach type of its program type
  sleepable   loaded with BPF_F_SLEEPABLE
  maps        each hash map as an LRU or per-CPU hash, each array per-CPU
  btf         with BTF for its functions (where it calls one), and with a
              proprietary license
  immediates  each ALU or conditional-jump immediate one higher and one
              lower; each memory offset 8 higher, 8 lower and 1 lower
  jumps       each conditional jump as every other condition, and in the
              other width (JMP <-> JMP32)
  alu         each ALU operation as every other one, and in the other
              width (ALU <-> ALU64)
  sizes       each load and store of every other size (B, H, W, DW)
  consts      each ALU or conditional-jump immediate as each of 0, 1, -1,
              31, 32, 63, 64, 255, 0x7fffffff and -0x80000000
  regs        each instruction's destination, then source register, as
              each other register r0-r10
  helpers     each helper call as a call of each other helper (1-211)
  targets     each jump's offset 2 or 1 lower or higher, each BPF-to-BPF
              call's one lower or higher

--sample N keeps N variants chosen at random (seeded: the same N each run).
Nothing is committed of the variants or their verdicts: they are made from
the tree's cases at will.
"""

import argparse
import json
import os
import random
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# word -> (program type, expected attach type)
TYPES = {"socket": (1, 0), "tc": (3, 0), "act": (4, 0), "xdp": (6, 0), "cgskb": (8, 0),
         "cgskb_eg": (8, 1), "lwt_in": (10, 0), "lwt_out": (11, 0), "lwt_xmit": (12, 0),
         "sk_skb": (14, 0), "flow": (22, 17), "tracepoint": (5, 0), "kprobe": (2, 0),
         "perf": (7, 0), "raw_tp": (17, 0), "sk_msg": (16, 0), "sock_ops": (13, 0),
         "cgsock": (9, 0), "sk_lookup": (30, 36), "cgdev": (15, 6), "sysctl": (23, 18),
         "reuseport": (21, 0), "sockopt": (25, 21), "sockaddr": (18, 10)}
# program type -> its other attach types
ATTACH = {18: [8, 9, 10, 11, 14, 15, 19, 20, 29, 30, 31, 32, 49, 50, 51, 52, 53],
          9: [2, 12, 13, 34], 8: [0, 1], 25: [21, 22], 14: [4, 5, 38], 21: [39, 40],
          6: [37, 33, 35], 2: [42, 48, 56, 57], 3: [46, 47, 54, 55], 16: [7]}
MAPS = {"hash": ["lru_hash", "percpu_hash", "lru_percpu_hash"], "array": ["percpu_array"]}
CONDS = [0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0xa0, 0xb0, 0xc0, 0xd0]
ALU = [0x00, 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x90, 0xa0, 0xb0, 0xc0]


def slots(code):
    """Indexes of the instructions, the second half of LD_IMM64 left out."""
    i, n = 0, len(code) // 8
    while i < n:
        yield i
        i += 2 if code[i * 8] == 0x18 else 1


# An instruction's 16-bit offset and 32-bit immediate: struct format and
# byte position in its slot.
FIELDS = {"off": ("<h", 2), "imm": ("<i", 4)}


def field(code, i, name):
    fmt, at = FIELDS[name]
    return struct.unpack_from(fmt, code, i * 8 + at)[0]


def with_field(code, i, name, value):
    """The program's hex with instruction i's field set to value; None when
    the value does not fit the field."""
    fmt, at = FIELDS[name]
    bits = struct.calcsize(fmt) * 8
    if not -2**(bits - 1) <= value < 2**(bits - 1):
        return None
    b = bytearray(code)
    struct.pack_into(fmt, b, i * 8 + at, value)
    return b.hex()


def takes_imm(op):
    """An ALU operation or conditional jump with an immediate operand."""
    cls, k = op & 7, not op & 0x08
    return k and ((cls in (4, 7) and op & 0xf0 not in (0x80, 0xd0))
                  or (cls in (5, 6) and op & 0xf0 in CONDS))


def load_line(meta):
    return next(m for m in meta if m.startswith("load: "))


def variants(kind, c):
    meta, code = c["meta"], bytes.fromhex(c["insns"])
    rest = [m for m in meta if not m.startswith("load: ")]
    ptype, attach = map(int, load_line(meta)[6:].split())

    def patched(i, byte_at, value):
        b = bytearray(code)
        b[i * 8 + byte_at] = value
        return b.hex()

    if kind == "types":
        for word, (p, a) in TYPES.items():
            if (p, a) != (ptype, attach):
                yield f"@{word}", [f"load: {p} {a}"] + rest, c["insns"]
    elif kind == "attach":
        for a in ATTACH.get(ptype, []):
            if a != attach:
                yield f"@attach{a}", [f"load: {ptype} {a}"] + rest, c["insns"]
    elif kind == "sleepable":
        if not any(m.startswith("flags: ") for m in rest):
            yield "@sleepable", [load_line(meta), "flags: 16"] + rest, c["insns"]
    elif kind == "maps":
        for i, m in enumerate(meta):
            words = m[5:].split() if m.startswith("map: ") else []
            if not words or words[0] not in MAPS or any(w.startswith("btf=") for w in words):
                continue
            for alt in MAPS[words[0]]:
                # LRU and per-CPU hashes take no BPF_F_NO_PREALLOC.
                kept = [w for w in words[1:] if not (words[0] == "hash" and w.startswith("flags="))]
                new = list(meta)
                new[i] = "map: " + " ".join([alt] + kept)
                yield f"map{i}@{alt}", new, c["insns"]
    elif kind == "btf":
        calls = any(code[i * 8] == 0x85 and code[i * 8 + 1] >> 4 == 1 for i in slots(code))
        if calls:
            yield "@btf", meta + ["btf: funcs"], c["insns"]
        yield "@proprietary", meta + ["license: Proprietary"], c["insns"]
    elif kind == "immediates":
        for i in slots(code):
            op = code[i * 8]
            if takes_imm(op):
                moves = [("imm", d) for d in (-1, 1)]
            elif op & 7 in (1, 2, 3) and op & 0xe0 == 0x60:
                moves = [("off", d) for d in (-8, 8, -1)]
            else:
                moves = []
            for name, d in moves:
                new = with_field(code, i, name, field(code, i, name) + d)
                if new:
                    yield f"@{i}{name}{d:+d}", meta, new
    elif kind in ("jumps", "alu"):
        ops, classes = (CONDS, (5, 6)) if kind == "jumps" else (ALU, (4, 7))
        for i in slots(code):
            op = code[i * 8]
            if op & 7 in classes and op & 0xf0 in ops:
                for new in ops:
                    if new != op & 0xf0:
                        yield f"@{i}op{new:#x}", meta, patched(i, 0, op & 0x0f | new)
                # JMP <-> JMP32, ALU <-> ALU64 (classes 5/6 and 4/7 differ in their low bits by 3)
                yield f"@{i}width", meta, patched(i, 0, op ^ 0x03)
    elif kind == "sizes":
        for i in slots(code):
            op = code[i * 8]
            if op & 7 in (1, 2, 3) and op & 0xe0 == 0x60:
                for size in (0x00, 0x08, 0x10, 0x18):
                    if size != op & 0x18:
                        yield f"@{i}size{size:#x}", meta, patched(i, 0, op & ~0x18 & 0xff | size)
    elif kind == "consts":
        for i in slots(code):
            if takes_imm(code[i * 8]):
                for v in (0, 1, -1, 31, 32, 63, 64, 255, 0x7fffffff, -0x80000000):
                    if v != field(code, i, "imm"):
                        yield f"@{i}imm={v}", meta, with_field(code, i, "imm", v)
    elif kind == "regs":
        for i in slots(code):
            regs = code[i * 8 + 1]
            for r in range(11):
                if r != regs & 0x0f:
                    yield f"@{i}dst=r{r}", meta, patched(i, 1, regs & 0xf0 | r)
                if code[i * 8] & 0x08 and code[i * 8] & 7 in (3, 4, 5, 6, 7) and r != regs >> 4:
                    yield f"@{i}src=r{r}", meta, patched(i, 1, regs & 0x0f | r << 4)
    elif kind == "helpers":
        for i in slots(code):
            if code[i * 8] == 0x85 and code[i * 8 + 1] >> 4 == 0:
                for h in range(1, 212):
                    if h != field(code, i, "imm"):
                        yield f"@{i}helper{h}", meta, with_field(code, i, "imm", h)
    elif kind == "targets":
        for i in slots(code):
            op = code[i * 8]
            if op & 7 in (5, 6) and op & 0xf0 not in (0x80, 0x90):
                moves = [("off", "joff", d) for d in (-2, -1, 1, 2)]
            elif op == 0x85 and code[i * 8 + 1] >> 4 == 1:
                moves = [("imm", "call", d) for d in (-1, 1)]
            else:
                moves = []
            for name, what, d in moves:
                new = with_field(code, i, name, field(code, i, name) + d)
                if new:
                    yield f"@{i}{what}{d:+d}", meta, new
    else:
        raise SystemExit(f"unknown kind {kind!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--sample", type=int, metavar="N")
    args = ap.parse_args()
    out = []
    for tree in ["6.1", "6.12"]:
        with open(os.path.join(ROOT, "target", "test-verifier", f"{tree}.json")) as f:
            for c in json.load(f):
                if c.get("skip"):
                    continue
                for suffix, meta, insns in variants(args.kind, c):
                    out.append({"name": f"{tree}/{c['name']} {suffix}", "meta": meta, "insns": insns})
    if args.sample and args.sample < len(out):
        random.Random(args.kind).shuffle(out)
        out = out[:args.sample]
    with open(args.out, "w") as f:
        json.dump(out, f)
    print(f"{len(out)} variants", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
