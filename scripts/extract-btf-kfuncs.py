#!/usr/bin/env python3
"""Extract every kfunc prototype from a kernel BTF file.

A kfunc is a BTF FUNC that is the target of a DECL_TAG named "bpf_kfunc"
(component_idx -1). For each one this script records the name, the
parameters and the return type, with every type described twice:

* ``type``: the spelling kfreg's ``CType`` Display uses (``__u32``,
  ``__s64``, ``bool``, ``char``, ``void``, ``struct X``, ``T *``,
  ``const T *``, ``void __arena *``, ``R (*)(A, B)``), after resolving
  typedefs, enums and modifiers to what they are underneath;
* ``c``: the C spelling as BTF names it (typedef and enum names kept).

Structured fields (``kind``, ``bits``, ``signed``, ``struct``, ``pointee``,
``const``, ``arena``, ``fn``) let tests compare without parsing strings.

Usage:
    scripts/extract-btf-kfuncs.py [--btf /sys/kernel/btf/vmlinux]
                                  [--out catalog/data/vmlinux-kfuncs.json]

Needs ``bpftool`` (``bpftool -j btf dump file ...``).
"""

import argparse
import json
import os
import platform
import subprocess
import sys

ARENA_TAG = "address_space(1)"


class Btf:
    """The types of one BTF file, as bpftool dumps them."""

    def __init__(self, types):
        self.types = {t["id"]: t for t in types}

    def get(self, type_id):
        if type_id == 0:
            return {"id": 0, "kind": "VOID", "name": "void"}
        return self.types[type_id]

    def describe(self, type_id, depth=0):
        """A description of `type_id` in kfreg's terms."""
        if depth > 32:
            raise ValueError(f"type {type_id}: reference chain too deep")
        t = self.get(type_id)
        kind = t["kind"]
        if kind == "VOID":
            return {"type": "void", "c": "void", "kind": "void"}
        if kind in ("TYPEDEF", "VOLATILE", "RESTRICT", "TYPE_TAG"):
            inner = self.describe(t["type_id"], depth + 1)
            if kind == "TYPEDEF":
                inner["c"] = t["name"]
            return inner
        if kind == "CONST":
            inner = self.describe(t["type_id"], depth + 1)
            inner["c"] = "const " + inner["c"]
            inner["const"] = True
            return inner
        if kind == "INT":
            return self.int_desc(t)
        if kind in ("ENUM", "ENUM64"):
            signed = t.get("encoding") == "SIGNED"
            bits = t["size"] * 8
            return {
                "type": spell_int(bits, signed),
                "c": f"enum {t['name']}",
                "kind": "enum",
                "enum": t["name"],
                "bits": bits,
                "signed": signed,
            }
        if kind in ("STRUCT", "UNION", "FWD"):
            word = "union" if kind == "UNION" or t.get("fwd_kind") == "union" else "struct"
            return {
                "type": f"{word} {t['name']}",
                "c": f"{word} {t['name']}",
                "kind": word,
                "struct": t["name"],
                "size": t.get("size"),
            }
        if kind == "PTR":
            return self.ptr_desc(t, depth)
        if kind == "FUNC_PROTO":
            return self.proto_desc(t, depth)
        raise ValueError(f"type {type_id}: unexpected kind {kind} in a prototype")

    def int_desc(self, t):
        name = t["name"]
        encoding = t.get("encoding", "(none)")
        if encoding == "BOOL" or name == "_Bool":
            return {"type": "bool", "c": "bool", "kind": "bool", "bits": 8, "signed": False}
        if name == "char":
            return {"type": "char", "c": "char", "kind": "char", "bits": 8, "signed": False}
        bits = t["size"] * 8
        signed = encoding == "SIGNED"
        return {"type": spell_int(bits, signed), "c": name, "kind": "int", "bits": bits, "signed": signed}

    def ptr_desc(self, t, depth):
        # Walk the modifiers between the pointer and its pointee: const
        # qualifies the pointee, the address_space(1) type tag marks an arena
        # pointer.
        is_const = False
        arena = False
        target = t["type_id"]
        while target != 0:
            inner = self.get(target)
            if inner["kind"] == "CONST":
                is_const = True
            elif inner["kind"] == "TYPE_TAG":
                arena = arena or inner["name"] == ARENA_TAG
            elif inner["kind"] not in ("VOLATILE", "RESTRICT"):
                break
            target = inner["type_id"]
        pointee = self.describe(t["type_id"], depth + 1)
        if pointee["kind"] == "fn":
            # A pointer to a function prototype is the function pointer itself.
            return pointee
        pointee.pop("const", None)
        konst = "const " if is_const else ""
        space = " __arena" if arena else ""
        if pointee["kind"] == "ptr":
            spelled = f"{pointee['type']}{space} *"
        else:
            spelled = f"{konst}{pointee['type']}{space} *"
        return {
            "type": spelled,
            "c": f"{pointee['c']}{space} *",
            "kind": "ptr",
            "const": is_const,
            "arena": arena,
            "pointee": pointee,
        }

    def proto_desc(self, t, depth):
        ret = self.describe(t["ret_type_id"], depth + 1)
        params = [self.describe(p["type_id"], depth + 1) for p in t["params"]]
        spelled_params = ", ".join(p["type"] for p in params) or "void"
        c_params = ", ".join(p["c"] for p in params) or "void"
        return {
            "type": f"{ret['type']} (*)({spelled_params})",
            "c": f"{ret['c']} (*)({c_params})",
            "kind": "fn",
            "fn": {"ret": ret, "params": params},
        }


def spell_int(bits, signed):
    return f"{'__s' if signed else '__u'}{bits}"


def dump_btf(path):
    out = subprocess.run(
        ["bpftool", "-j", "btf", "dump", "file", path],
        check=True,
        capture_output=True,
    ).stdout
    return json.loads(out)["types"]


def extract(types):
    btf = Btf(types)
    funcs = [
        btf.get(t["type_id"])
        for t in types
        if t["kind"] == "DECL_TAG" and t["name"] == "bpf_kfunc" and t.get("component_idx", -1) == -1
    ]
    kfuncs = []
    seen = set()
    for func in sorted(funcs, key=lambda f: f["name"]):
        if func["kind"] != "FUNC" or func["name"] in seen:
            continue
        seen.add(func["name"])
        proto = btf.get(func["type_id"])
        if proto["kind"] != "FUNC_PROTO":
            raise ValueError(f"{func['name']}: FUNC does not point to a FUNC_PROTO")
        params = []
        for p in proto["params"]:
            desc = btf.describe(p["type_id"])
            params.append({"name": p["name"], **desc})
        kfuncs.append(
            {
                "name": func["name"],
                "btf_id": func["id"],
                "ret": btf.describe(proto["ret_type_id"]),
                "params": params,
            }
        )
    return kfuncs


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--btf", default="/sys/kernel/btf/vmlinux")
    parser.add_argument("--out", default=os.path.join(root, "catalog", "data", "vmlinux-kfuncs.json"))
    args = parser.parse_args()

    kfuncs = extract(dump_btf(args.btf))
    doc = {
        "source": args.btf,
        "kernel": platform.release() if args.btf == "/sys/kernel/btf/vmlinux" else None,
        "generator": "scripts/extract-btf-kfuncs.py",
        "count": len(kfuncs),
        "kfuncs": kfuncs,
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=False)
        f.write("\n")
    print(f"{len(kfuncs)} kfuncs written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
