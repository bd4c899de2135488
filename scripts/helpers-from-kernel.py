#!/usr/bin/env python3
"""Extract the facts about every BPF helper from a Linux source tree.

    scripts/helpers-from-kernel.py --src LINUX_TREE --json OUT.json
    scripts/helpers-from-kernel.py --src LINUX_TREE --rust catalog/src/helpers

The facts: every `struct bpf_func_proto` (argument and return types with their
modifiers, `arg_btf_id`/`ret_btf_id` structs, fixed sizes, gpl_only,
might_sleep, pkt_access); which prototype each program type gets for each
helper number, by following its verifier ops' `get_func_proto` through the
`*_func_proto()` switches they fall back to; and the properties the verifier
decides by comparing helper numbers (reference-acquiring helpers, spin
locks, callbacks, helpers that move packet data, the map/helper
compatibility of `check_map_func_compatibility` in both directions).

`--rust` writes the catalog's `#[helper]` declarations from those facts;
`--json` writes the facts, which `catalog/tests/helpers.rs` checks the
declarations against. Debian's `linux-source-6.12` package is the usual
source tree (the kernel the project targets is 6.18; differences are listed
in catalog/HELPERS-6.18.md).
"""

import argparse
import json
import os
import re
import sys
from collections import OrderedDict, defaultdict

SOURCES = ["kernel", "net", "security", "drivers/media/rc", "fs"]

# Prototype changes from the 6.12 tree to the recorded Linux 6.18.44: the
# access tags of arguments ("bpf: Specify access type of
# bpf_sysctl_get_name args", "bpf: Fix memory access tags in helper
# prototypes", backported to 6.18's stable series), without which a
# verifier would take a buffer the helper fills as unchanged.
# (prototype, argument number) -> the argument's 6.18 type.
CHANGES_6_18 = {
    ("bpf_sysctl_get_name_proto", 2): ["ARG_PTR_TO_MEM", "MEM_WRITE"],
    ("bpf_snprintf_btf_proto", 1): ["ARG_PTR_TO_MEM", "MEM_WRITE"],
    ("bpf_snprintf_proto", 1): ["ARG_PTR_TO_MEM_OR_NULL", "MEM_WRITE"],
    ("bpf_read_branch_records_proto", 2): ["ARG_PTR_TO_MEM_OR_NULL", "MEM_WRITE"],
    ("bpf_get_stack_proto_raw_tp", 2): ["ARG_PTR_TO_UNINIT_MEM"],
    ("bpf_xdp_fib_lookup_proto", 2): ["ARG_PTR_TO_MEM", "MEM_WRITE"],
    ("bpf_skb_fib_lookup_proto", 2): ["ARG_PTR_TO_MEM", "MEM_WRITE"],
    ("bpf_tcp_raw_gen_syncookie_ipv4_proto", 2): ["ARG_PTR_TO_MEM", "MEM_RDONLY"],
    ("bpf_tcp_raw_gen_syncookie_ipv6_proto", 2): ["ARG_PTR_TO_MEM", "MEM_RDONLY"],
}

# Prototypes Linux 6.18's bpf_base_func_proto returns for helpers the 6.12
# base did not serve: a program type that gets such a helper only on 6.18
# (the recorded availability) gets this prototype, not its 6.12 callers'.
BASE_6_18 = {
    "get_cgroup_classid": "bpf_get_cgroup_classid_curr_proto",
}


def read_sources(src):
    files = {}
    for top in SOURCES:
        for root, _, names in os.walk(os.path.join(src, top)):
            for n in names:
                if n.endswith(".c"):
                    p = os.path.join(root, n)
                    with open(p, errors="replace") as f:
                        files[os.path.relpath(p, src)] = f.read()
    return files


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def helper_docs(src):
    """The first sentence of each helper's description in uapi's bpf.h."""
    with open(os.path.join(src, "include/uapi/linux/bpf.h")) as f:
        text = f.read()
    docs = {}
    for m in re.finditer(r"^ \* [^\n]*?\bbpf_(\w+)\([^\n]*\)\n \*\s+Description\n((?: \* ?\t\t[^\n]*\n| \*\n)+)", text, flags=re.M):
        lines = [l[2:].strip() for l in m.group(2).splitlines()]
        lines = lines[:lines.index("")] if "" in lines else lines
        para = " ".join(lines)
        para = re.sub(r"\*\*?([^*]+)\*\*?", r"`\1`", para)
        first = re.split(r"(?<=[.:])\s", para, maxsplit=1)[0]
        docs.setdefault(m.group(1), first)
    return docs


def helper_params(src):
    """Each helper's parameter names, from its C prototype in uapi's bpf.h."""
    with open(os.path.join(src, "include/uapi/linux/bpf.h")) as f:
        text = f.read()
    out = {}
    for name, params in re.findall(r"^ \* [^\n]*?\bbpf_(\w+)\(([^\n]*)\)\n \*\s+Description", text, flags=re.M):
        names = []
        for p in params.split(","):
            m = re.search(r"(\w+)\s*(?:\[\w*\])?\s*$", p.strip())
            if m and p.strip() != "void":
                names.append(m.group(1))
        out.setdefault(name, names)
    return out


def helper_ids(src):
    """BPF_FUNC_ numbers from uapi's ___BPF_FUNC_MAPPER."""
    with open(os.path.join(src, "include/uapi/linux/bpf.h")) as f:
        text = f.read()
    ids = {}
    for name, num in re.findall(r"^\s*FN\((\w+),\s*(\d+),", text, flags=re.M):
        ids[name] = int(num)
    return ids


def btf_id_lists(files, src):
    """BTF_ID_LIST_SINGLE(name, struct, T) and the sock/tracing id tables."""
    lists = {}
    for text in files.values():
        for name, kind, ty in re.findall(r"BTF_ID_LIST(?:_GLOBAL)?_SINGLE\((\w+),\s*(struct|func|typedef),\s*(\w+)\)", text):
            lists[name] = ty
        # BTF_ID_LIST(name) followed by BTF_ID(struct, T) lines: first entry.
        for m in re.finditer(r"BTF_ID_LIST(?:_GLOBAL)?\((\w+)(?:,\s*\d+)?\)\s*\n((?:BTF_ID\(\w+,\s*\w+\)\s*\n)+)", text):
            entries = re.findall(r"BTF_ID\((\w+),\s*(\w+)\)", m.group(2))
            lists[m.group(1)] = [t for _, t in entries]
    with open(os.path.join(src, "include/linux/btf_ids.h")) as f:
        h = f.read()
    for name, ty in re.findall(r"BTF_SOCK_TYPE\((BTF_SOCK_TYPE_\w+),\s*(\w+)\)", h):
        lists[name] = ty
    for name, ty in re.findall(r"BTF_TRACING_TYPE\((BTF_TRACING_TYPE_\w+),\s*(\w+)\)", h):
        lists[name] = ty
    # Ids the kernel fills in at init time from a type it looks up by name.
    lists["tcp_sock_id"] = "tcp_sock"
    lists["sock_id"] = "sock"
    return lists


def resolve_btf(expr, lists):
    expr = expr.strip().lstrip("&").strip()
    m = re.match(r"(\w+)\s*\[\s*(\w+)\s*\]", expr)
    if m:
        table, idx = m.groups()
        if idx in lists and isinstance(lists[idx], str):
            return lists[idx]
        entry = lists.get(table)
        if isinstance(entry, list) and idx.isdigit() and int(idx) < len(entry):
            return entry[int(idx)]
        if isinstance(entry, str):
            return entry
        return None
    entry = lists.get(expr)
    if isinstance(entry, list):
        return entry[0]
    if expr == "BPF_PTR_POISON":
        return "POISON"
    return entry


def parse_type(expr):
    parts = [p.strip() for p in expr.split("|")]
    return parts


def protos(files, lists):
    out = {}
    for path, raw in files.items():
        text = strip_comments(raw)
        for m in re.finditer(r"(?:static\s+)?const\s+struct\s+bpf_func_proto\s+(\w+)\s*=\s*\{(.*?)\};", text, flags=re.S):
            name, body = m.groups()
            fields = {}
            for fm in re.finditer(r"\.(\w+)\s*=\s*([^,]+(?:\([^)]*\))?[^,]*),", body + ","):
                fields[fm.group(1)] = " ".join(fm.group(2).split())
            # arg_btf_id and arg_size may be given as arrays.
            arr = re.search(r"\.arg_btf_id\s*=\s*\{([^}]*)\}", body)
            arg_btf = {}
            if arr:
                for i, e in enumerate(x for x in arr.group(1).split(",") if x.strip()):
                    arg_btf[i + 1] = resolve_btf(e, lists)
            size_arr = re.search(r"\.arg_size\s*=\s*\{([^}]*)\}", body)
            arg_size = {}
            if size_arr:
                for i, e in enumerate(size_arr.group(1).split(",")):
                    e = e.strip()
                    if e:
                        arg_size[i + 1] = e
            args = []
            for i in range(1, 6):
                t = fields.get(f"arg{i}_type")
                if t is None:
                    break
                btf = fields.get(f"arg{i}_btf_id")
                size = fields.get(f"arg{i}_size")
                args.append({
                    "type": parse_type(t),
                    "btf": resolve_btf(btf, lists) if btf else arg_btf.get(i),
                    "size": size if size else arg_size.get(i),
                })
            ret_btf = fields.get("ret_btf_id")
            out[name] = {
                "file": path,
                "func": fields.get("func"),
                "gpl_only": fields.get("gpl_only") == "true",
                "might_sleep": fields.get("might_sleep") == "true",
                "pkt_access": fields.get("pkt_access") == "true",
                "ret": parse_type(fields.get("ret_type", "RET_INTEGER")),
                "ret_btf": resolve_btf(ret_btf, lists) if ret_btf else None,
                "args": args,
            }
    return out


def functions(files):
    """Every C function body, by name."""
    out = {}
    for path, raw in files.items():
        text = strip_comments(raw)
        for m in re.finditer(r"^[\w \t\*]*?\b(\w+)\s*\(([^;{)]*(?:\([^)]*\)[^;{)]*)*)\)\s*\{", text, flags=re.M):
            name = m.group(1)
            if name in ("if", "for", "while", "switch", "return", "sizeof"):
                continue
            start = m.end()
            depth = 1
            i = start
            while i < len(text) and depth:
                if text[i] == "{":
                    depth += 1
                elif text[i] == "}":
                    depth -= 1
                i += 1
            # Of several definitions (a __weak stub, #ifdef'd variants) keep the longest.
            body = text[start:i - 1]
            if name not in out or len(body) > len(out[name][1]):
                out[name] = (path, body)
    return out


def proto_refs(body):
    return re.findall(r"&\s*(\w+_proto\w*)\b", body)


def func_proto_table(fname, funcs, known_protos, ids, memo, stack=()):
    """helper name -> proto name for the get_func_proto function `fname`."""
    if fname in memo:
        return memo[fname]
    if fname not in funcs or fname in stack:
        return {}
    _, body = funcs[fname]
    table = OrderedDict()
    fallbacks = []
    # Split on `case` labels; a run of labels shares the next statements.
    tokens = re.split(r"\b(case\s+BPF_FUNC_\w+\s*:|default\s*:)", body)
    pending = []
    depth = 0
    pre = tokens[0]
    i = 1
    while i < len(tokens):
        label, stmt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else ""
        i += 2
        nested = depth > 0
        depth += stmt.count("{") - stmt.count("}")
        if label.startswith("case"):
            pending.append(re.search(r"BPF_FUNC_(\w+)", label).group(1))
        elif not nested:
            pending = []
            fallbacks += re.findall(r"(\w+)\s*\(\s*func_id\s*,\s*prog\s*\)", stmt)
            continue
        refs = [r for r in proto_refs(stmt) if r in known_protos]
        calls = [c for c in re.findall(r"(\w+)\s*\(", stmt) if c in funcs and c != fname]
        if not stmt.strip():
            continue
        target = None
        if refs:
            # `cond ? NULL : &proto` and `prog->sleepable ? &sleepable : &proto`:
            # the proto a non-sleepable program on an unlocked-down kernel gets.
            conditional = "?" in stmt and ("NULL :" in stmt or "sleepable ?" in stmt)
            target = refs[-1] if conditional else refs[0]
        else:
            for c in calls:
                inner = [r for r in proto_refs(funcs[c][1]) if r in known_protos]
                want = [r for r in inner if pending and pending[0] in r]
                if want or inner:
                    target = (want or inner)[0]
                    break
                sub = func_proto_table(c, funcs, known_protos, ids, memo, stack + (fname,))
                for p in pending:
                    if p in sub:
                        target = sub[p]
                if target:
                    break
        if target:
            for p in pending:
                table.setdefault(p, target)
        if depth <= 0 and re.search(r"\breturn\b|\bbreak\b", stmt):
            pending = []
            depth = 0
    # Fallback calls anywhere in the body: `return cgroup_common_func_proto(func_id, prog)`.
    fallbacks += re.findall(r"(\w+_func_proto)\s*\(\s*func_id\s*,\s*prog\s*\)", body)
    seen = set()
    for fb in fallbacks:
        if fb in seen or fb == fname:
            continue
        seen.add(fb)
        for k, v in func_proto_table(fb, funcs, known_protos, ids, memo, stack + (fname,)).items():
            table.setdefault(k, v)
    memo[fname] = table
    return table


PROG_TYPES = {
    "SOCKET_FILTER": "socket_filter", "KPROBE": "kprobe", "SCHED_CLS": "sched_cls",
    "SCHED_ACT": "sched_act", "TRACEPOINT": "tracepoint", "XDP": "xdp",
    "PERF_EVENT": "perf_event", "CGROUP_SKB": "cgroup_skb", "CGROUP_SOCK": "cgroup_sock",
    "LWT_IN": "lwt_in", "LWT_OUT": "lwt_out", "LWT_XMIT": "lwt_xmit", "SOCK_OPS": "sock_ops",
    "SK_SKB": "sk_skb", "CGROUP_DEVICE": "cgroup_device", "SK_MSG": "sk_msg",
    "RAW_TRACEPOINT": "raw_tracepoint", "CGROUP_SOCK_ADDR": "cgroup_sock_addr",
    "LWT_SEG6LOCAL": "lwt_seg6local", "LIRC_MODE2": "lirc_mode2",
    "SK_REUSEPORT": "sk_reuseport", "FLOW_DISSECTOR": "flow_dissector",
    "CGROUP_SYSCTL": "cgroup_sysctl", "RAW_TRACEPOINT_WRITABLE": "raw_tracepoint_writable",
    "CGROUP_SOCKOPT": "cgroup_sockopt", "TRACING": "tracing", "STRUCT_OPS": "struct_ops",
    "EXT": "ext", "LSM": "lsm", "SK_LOOKUP": "sk_lookup", "SYSCALL": "syscall",
    "NETFILTER": "netfilter",
}

# Program types whose helpers depend on what they attach to; the kernel
# asks the attach target. Their closest fixed set is named here.
BORROWED = {"STRUCT_OPS": "bpf_tcp_ca_get_func_proto", "EXT": "bpf_base_func_proto"}


def prog_type_tables(src, files, funcs, known_protos, ids):
    with open(os.path.join(src, "include/linux/bpf_types.h")) as f:
        types = re.findall(r"BPF_PROG_TYPE\(BPF_PROG_TYPE_(\w+),\s*(\w+),", f.read())
    ops = {}
    for text in files.values():
        for m in re.finditer(r"const\s+struct\s+bpf_verifier_ops\s+(\w+)\s*=\s*\{(.*?)\};", strip_comments(text), flags=re.S):
            g = re.search(r"\.get_func_proto\s*=\s*(\w+)", m.group(2))
            if g:
                ops[m.group(1)] = g.group(1)
    memo = {}
    out = {}
    for kt, short in types:
        fn = BORROWED.get(kt) or ops.get(f"{short}_verifier_ops")
        if not fn:
            print(f"no get_func_proto for BPF_PROG_TYPE_{kt}", file=sys.stderr)
            continue
        out[PROG_TYPES[kt]] = {"get_func_proto": fn, "helpers": func_proto_table(fn, funcs, known_protos, ids, memo)}
    return out


def func_ids_in(funcs, name):
    return re.findall(r"BPF_FUNC_(\w+)", funcs[name][1]) if name in funcs else []


def verifier_properties(funcs, all_protos):
    props = {}
    props["acquire"] = [f for f in func_ids_in(funcs, "is_acquire_function") if f != "map_lookup_elem"]
    props["sync_callback"] = func_ids_in(funcs, "is_sync_callback_calling_function")
    props["async_callback"] = func_ids_in(funcs, "is_async_callback_calling_function")
    # Results that carry the argument's reference (check_helper_call's
    # `is_ptr_cast_function || is_dynptr_ref_function` branch).
    props["carries_ref"] = func_ids_in(funcs, "is_ptr_cast_function") + func_ids_in(funcs, "is_dynptr_ref_function")
    # Helpers a program type gets only for some attach types:
    # `case BPF_FUNC_x: switch (prog->expected_attach_type) { ... }` inside
    # the *_func_proto() switches.
    attach = []
    for name, (_, body) in funcs.items():
        if not name.endswith("func_proto"):
            continue
        for m in re.finditer(r"case BPF_FUNC_(\w+):\s*switch \(prog->expected_attach_type\) \{", body):
            depth, i = 1, m.end()
            while depth and i < len(body):
                depth += {"{": 1, "}": -1}.get(body[i], 0)
                i += 1
            inner = body[m.end():i - 1]
            returns, labels, default_returns = {}, [], None
            for tok in re.finditer(r"case (BPF_\w+):|default:|return ([^;]+);", inner):
                if tok.group(1):
                    labels.append(tok.group(1))
                elif tok.group(0) == "default:":
                    labels.append("default")
                else:
                    value = tok.group(2).strip()
                    for l in labels:
                        returns[l] = value
                    labels = []
            default = returns.pop("default", "NULL")
            if default != "NULL":
                attach.append({"helper": m.group(1), "in": name,
                               "excluded": sorted(l for l, v in returns.items() if v == "NULL")})
            else:
                attach.append({"helper": m.group(1), "in": name,
                               "included": sorted(l for l, v in returns.items() if v != "NULL")})
    props["attach_rules"] = attach
    # Arguments check_helper_call refuses unless they are zero, by helper.
    zero = {}
    for m in re.finditer(r"case BPF_FUNC_(\w+):\s*(?:/\*.*?\*/\s*)?if \(!register_is_null\(&regs\[BPF_REG_(\d)\]\)\)", funcs["check_helper_call"][1], flags=re.S):
        zero.setdefault(m.group(1), []).append(int(m.group(2)))
    props["zero_args"] = zero
    # Memory arguments check_helper_call accepts only as map values, by helper.
    map_value = {}
    for m in re.finditer(r"case BPF_FUNC_(\w+):\s*if \(regs\[BPF_REG_(\d)\]\.type != PTR_TO_MAP_VALUE\)", funcs["check_helper_call"][1]):
        map_value.setdefault(m.group(1), []).append(int(m.group(2)))
    props["map_value_args"] = map_value
    # record_func_key: the helper whose map is a program array indexed by R3.
    props["tail_call"] = func_ids_in(funcs, "record_func_key")[:1]
    # bpf_helper_changes_pkt_data compares the helpers' C functions.
    body = funcs.get("bpf_helper_changes_pkt_data", ("", ""))[1]
    props["changes_pkt_data"] = re.findall(r"BPF_FUNC_(\w+)", body)
    # check_helper_call's cases that set changes_data by the dynptr's type.
    props["writes_dynptr"] = [m.group(1) for m in re.finditer(
        r"case BPF_FUNC_(\w+):\s*\{((?:(?!\n\tcase ).)*?)changes_data = true;",
        funcs["check_helper_call"][1], flags=re.S) if "dynptr_type" in m.group(2)]
    # do_refine_retval_range: results bounded by the size argument.
    body = funcs.get("do_refine_retval_range", ("", ""))[1]
    props["ret_size_bounded"] = re.findall(r"case BPF_FUNC_(\w+):", body.split("msize_max_value")[0])
    # ... and results below the number of possible CPUs.
    cpu_part = body.split("msize_max_value", 1)[-1].split("nr_cpu_ids")[0]
    props["ret_cpu_id"] = re.findall(r"case BPF_FUNC_(\w+):", cpu_part) if "nr_cpu_ids" in body else []
    # check_map_func_compatibility: map type -> allowed helpers, helper -> allowed map types.
    body = funcs["check_map_func_compatibility"][1]
    first, _, second = body.partition("switch (func_id)")
    by_map = {}
    for block in re.split(r"\n\s*break;", first):
        maps = re.findall(r"case\s+BPF_MAP_TYPE_(\w+)\s*:", block)
        if not maps:
            continue
        allowed = re.findall(r"BPF_FUNC_(\w+)", block)
        for m in maps:
            by_map[m.lower()] = allowed
    by_func = {}
    for block in re.split(r"\n\s*break;", second):
        fs = re.findall(r"case\s+BPF_FUNC_(\w+)\s*:", block)
        if not fs:
            continue
        maps = [m.lower() for m in re.findall(r"BPF_MAP_TYPE_(\w+)", block)]
        for f in fs:
            by_func[f] = maps
    # may_update_sockmap() lets some program types update and delete socket
    # maps; which ones is the verifier's `ProgType::may_update_sockmap`.
    if "may_update_sockmap" in body:
        for m in ("sockmap", "sockhash"):
            by_map.setdefault(m, []).extend(["map_update_elem", "map_delete_elem"])
    props["map_allows"] = by_map
    # The program types may_update_sockmap() lets update (and only delete).
    body = funcs.get("may_update_sockmap", ("", ""))[1]
    sw = body[body.index("switch (type)"):] if "switch (type)" in body else ""
    updates, deletes, pending = [], [], []
    for tok in re.finditer(r"case BPF_PROG_TYPE_(\w+):|if \(func_id == BPF_FUNC_map_delete_elem\)\s*return true;|if \(eatype[^)]*\)\s*return true;|return true;|break;", sw):
        t = tok.group(0)
        if tok.group(1):
            pending.append(PROG_TYPES[tok.group(1)])
        elif "map_delete_elem" in t:
            deletes += pending
            pending = []
        elif "eatype" in t or t == "break;":
            pending = []
        else:
            updates += pending
            pending = []
    props["may_update_sockmap"] = {"update_and_delete": updates, "delete_only": deletes}
    props["func_needs_map"] = by_func
    # The helpers refused on maps the program may only read (record_func_map).
    m = re.search(r"BPF_F_RDONLY_PROG\)\s*&&\s*\((.*?)\)\)", funcs["record_func_map"][1], flags=re.S)
    props["writes_map"] = re.findall(r"BPF_FUNC_(\w+)", m.group(1)) if m else []
    return props


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True)
    ap.add_argument("--json")
    ap.add_argument("--rust")
    ap.add_argument("--available", help="helpers-available.json recorded from the running kernel")
    a = ap.parse_args()
    files = read_sources(a.src)
    ids = helper_ids(a.src)
    lists = btf_id_lists(files, a.src)
    all_protos = protos(files, lists)
    for (name, arg), ty in CHANGES_6_18.items():
        all_protos[name]["args"][arg - 1]["type"] = list(ty)
    funcs = functions(files)
    tables = prog_type_tables(a.src, files, funcs, all_protos, ids)
    props = verifier_properties(funcs, all_protos)
    changes = [{"proto": p, "arg": a, "type": t} for (p, a), t in sorted(CHANGES_6_18.items())]
    facts = {"changes_6_18": changes, "base_6_18": BASE_6_18, "ids": ids, "docs": helper_docs(a.src), "params": helper_params(a.src), "protos": all_protos, "prog_types": tables, "verifier": props}
    if a.json:
        with open(a.json, "w") as f:
            json.dump(facts, f, indent=1, sort_keys=True)
            f.write("\n")
    if a.available:
        with open(a.available) as f:
            facts["available"] = json.load(f)["prog_types"]
    if a.rust:
        import importlib.util
        spec = importlib.util.spec_from_file_location("gen", os.path.join(os.path.dirname(__file__), "helpers-rust.py"))
        gen = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(gen)
        gen.write(facts, a.rust)


if __name__ == "__main__":
    main()
