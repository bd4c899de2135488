#!/usr/bin/env python3
"""Every kfunc's struct-pointer arguments, given registers of every
kind, in kfreg and in the running kernel: a conformance sweep of the
argument checks (their order and their messages), run on demand like the
differential fuzzer, never as a unit test (it needs root and this kernel).

For each kfunc of the kernel BTF (`bpftool btf dump ... format raw`, the
FUNCs tagged `bpf_kfunc`) and each of its parameters that points to a
struct or union (and carries no suffix that makes it something else:
`__ign`, `__map`, `__str`, ...), one program per program type (syscall, tc,
xdp, a task iterator, a tp_btf program) and per register kind in that argument: a stack
pointer (8-byte aligned, or not), a scalar, NULL, a map value, the context
and (first argument only) an uninitialised register; in the iterator, its
task (trusted), the task's parent outside an RCU read section and inside
one, and its group leader inside one. The arguments before it are the
context (the first), zeroed stack memory (other pointers), 8 (lengths) or 0;
those after it are 0 (uninitialised after an uninitialised first one).

The cases are written to DIR/kfunc_args.s, the kernel's verdicts recorded
into them (scripts/asm-kernel-verdicts.py --write --dir DIR), and kfreg run
on them (the asm_cases test with KFREG_ASM_DIR=DIR), which lists every case
where the two differ. Programs the kernel refuses because the program type
may not call the kfunc are dropped before kfreg runs.

Usage: scripts/kfunc-arg-sweep.py [--btf FILE] [--dir DIR]   (as root)
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

from asm_sweep import ROOT, compare, record

# Parameter-name suffixes that make a pointer something other than a struct
# argument (reference/kernel-kfuncs.md, 3c).
SUFFIXES = ("__ign", "__map", "__str", "__alloc", "__refcounted_kptr", "__irq_flag",
            "__prog", "__nullable", "__opt")

ZERO_STACK = [f"*(u64 *)(r10 -{o}) = 0" for o in range(8, 136, 8)]
PROG_TYPES = ("syscall", "tc", "xdp", "iter/task", "tp_btf/sys_enter")


def member_offset(types, struct, member):
    """Byte offset of `member` in kernel struct `struct`."""
    sid = next(i for i, t in types.items() if t[0] == "STRUCT" and t[1] == struct)
    for m in types[sid][3]:
        found = re.match(rf"'{member}' type_id=\d+ bits_offset=(\d+)", m)
        if found:
            return int(found[1]) // 8
    raise KeyError(f"{struct}.{member}")


def kinds(types, ty, reg, first):
    """(name, setup, epilogue) of each kind of register put in `reg` in a
    program of type `ty`; the epilogue runs after the call."""
    lookup = ["*(u32 *)(r10 -4) = 0", "r1 = map[id:0]", "r2 = r10", "r2 += -4",
              "call bpf_map_lookup_elem", "if r0 == 0 goto out", f"{reg} = r0"]
    out = [("stack", [f"{reg} = r10", f"{reg} += -64"], []),
           ("stackoff", [f"{reg} = r10", f"{reg} += -60"], []),
           ("scalar", [f"{reg} = 9"], []),
           ("null", [f"{reg} = 0"], []),
           ("mapval", lookup, [])]
    if not ty.startswith("iter/"):
        out.append(("ctx", [f"{reg} = r6"], []))
        if first:
            out.append(("uninit", ["call bpf_get_prandom_u32"], []))
        return out
    # An iterator's task is trusted; what is walked from it is not, or is
    # an RCU pointer inside a read section.
    task = ["r7 = *(u64 *)(r6 +8)", "if r7 == 0 goto out"]
    def walk(member):
        off = member_offset(types, "task_struct", member)
        return [f"r7 = *(u64 *)(r7 +{off})", "if r7 == 0 goto out"]
    rcu = (["call bpf_rcu_read_lock"], ["call bpf_rcu_read_unlock"])
    return out + [
        ("task", task + [f"{reg} = r7"], []),
        ("task_parent", task + walk("real_parent") + [f"{reg} = r7"], []),
        ("task_parent_rcu", rcu[0] + task + walk("real_parent") + [f"{reg} = r7"], rcu[1]),
        ("task_leader_rcu", rcu[0] + task + walk("group_leader") + [f"{reg} = r7"], rcu[1]),
    ]


def btf_types(btf):
    raw = subprocess.run(["bpftool", "btf", "dump", "file", btf, "format", "raw"],
                         check=True, capture_output=True, text=True).stdout
    types = {0: ("VOID", "", "", [])}
    cur = None
    for line in raw.splitlines():
        m = re.match(r"^\[(\d+)\] (\w+) '([^']*)'(.*)", line)
        if m:
            cur = int(m[1])
            types[cur] = (m[2], m[3], m[4], [])
        elif cur is not None and line.startswith("\t"):
            types[cur][3].append(line.strip())
    return types


def target(types, tid):
    return int(re.search(r"type_id=(\d+)", types[tid][2])[1])


def skip_modifiers(types, tid):
    while types[tid][0] in ("CONST", "VOLATILE", "TYPEDEF", "RESTRICT", "TYPE_TAG"):
        tid = target(types, tid)
    return tid


def cases(types):
    kfuncs = sorted(target(types, i) for i, t in types.items()
                    if t[0] == "DECL_TAG" and t[1] == "bpf_kfunc")
    for fid in kfuncs:
        name = types[fid][1]
        params = [re.match(r"'([^']*)' type_id=(\d+)", p).groups()
                  for p in types[target(types, fid)][3]]
        for j, (pname, ptid) in enumerate(params):
            ptr = skip_modifiers(types, int(ptid))
            if types[ptr][0] != "PTR" or pname.endswith(SUFFIXES):
                continue
            pointee = skip_modifiers(types, target(types, ptr))
            if types[pointee][0] not in ("STRUCT", "UNION"):
                continue
            # The arguments before it: the context for the first, stack
            # memory for other pointers, 8 for lengths, 0 for other scalars.
            before = []
            for n, (qname, qtid) in enumerate(params[:j]):
                is_ptr = types[skip_modifiers(types, int(qtid))][0] == "PTR"
                if is_ptr and n == 0:
                    before.append("r1 = r6")
                elif is_ptr:
                    before += [f"r{n + 1} = r10", f"r{n + 1} += -128"]
                else:
                    before.append(f"r{n + 1} = {8 if qname.endswith(('__sz', '__szk')) else 0}")
            reg = f"r{j + 1}"
            for ty in PROG_TYPES:
                for kind, setup, epilogue in kinds(types, ty, reg, j == 0):
                    after = [] if kind == "uninit" else [f"r{n} = 0" for n in range(j + 2, 6)]
                    body = (["r6 = r1"] + ZERO_STACK + setup + before + after
                            + [f"call {name}", "out:"] + epilogue + ["r0 = 0", "exit"])
                    yield (f"### sweep_{name}_arg{j}_{ty.replace('/', '_')}_{kind}\n"
                           f"; type: {ty}\n"
                           "; map: array key=4 value=64 max=1\n; expect: ACCEPT\n"
                           + "\n".join(body) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--btf", default="/sys/kernel/btf/vmlinux")
    ap.add_argument("--dir", default=str(ROOT / "target" / "kfunc-arg-sweep"))
    a = ap.parse_args()
    path = Path(a.dir) / "kfunc_args.s"
    record(path, list(cases(btf_types(a.btf))))
    # What the program type may not call says nothing about arguments.
    chunks = path.read_text().split("\n### ")
    kept = [c for c in chunks if "is not allowed" not in c]
    path.write_text("\n### ".join(kept))
    print(f"{len(kept)} cases the kernel let reach the arguments "
          f"({len(chunks) - len(kept)} dropped); kfreg on them:", flush=True)
    return compare(path.parent)


if __name__ == "__main__":
    sys.exit(main())
