"""Writes the catalog's `#[helper]` declarations from the facts
scripts/helpers-from-kernel.py extracts. Used through that script's --rust."""

import os
import re
from collections import defaultdict

ORDER = [
    "socket_filter", "kprobe", "sched_cls", "sched_act", "tracepoint", "xdp", "perf_event",
    "cgroup_skb", "cgroup_sock", "lwt_in", "lwt_out", "lwt_xmit", "sock_ops", "sk_skb",
    "cgroup_device", "sk_msg", "raw_tracepoint", "cgroup_sock_addr", "lwt_seg6local",
    "lirc_mode2", "sk_reuseport", "flow_dissector", "cgroup_sysctl", "raw_tracepoint_writable",
    "cgroup_sockopt", "tracing", "struct_ops", "ext", "lsm", "sk_lookup", "syscall", "netfilter",
]

MAP_KINDS = [
    "hash", "array", "prog_array", "perf_event_array", "percpu_hash", "percpu_array",
    "stack_trace", "cgroup_array", "lru_hash", "lru_percpu_hash", "lpm_trie", "array_of_maps",
    "hash_of_maps", "devmap", "sockmap", "cpumap", "xskmap", "sockhash", "cgroup_storage",
    "reuseport_sockarray", "percpu_cgroup_storage", "queue", "stack", "sk_storage",
    "devmap_hash", "struct_ops", "ringbuf", "inode_storage", "task_storage", "bloom_filter",
    "user_ringbuf", "cgrp_storage", "arena",
]

SIZES = {"sizeof(u64)": 8, "sizeof(s64)": 8, "sizeof(u32)": 4, "sizeof(struct iphdr)": 20,
         "sizeof(struct tcphdr)": 20, "sizeof(struct ipv6hdr)": 40}

BASE = {
    "ARG_ANYTHING": "Anything", "ARG_SCALAR": "Scalar", "ARG_CONST_MAP_PTR": "ConstMapPtr",
    "ARG_PTR_TO_MAP_KEY": "MapKey", "ARG_PTR_TO_MAP_VALUE": "MapValue",
    "ARG_PTR_TO_MAP_VALUE_OR_NULL": "OrNull<MapValue>", "ARG_PTR_TO_MEM": "Mem",
    "ARG_PTR_TO_MEM_OR_NULL": "OrNull<Mem>", "ARG_PTR_TO_UNINIT_MEM": "Uninit<Mem>",
    "ARG_PTR_TO_FIXED_SIZE_MEM": "Mem", "ARG_CONST_SIZE": "ConstSize",
    "ARG_CONST_SIZE_OR_ZERO": "ConstSizeOrZero", "ARG_PTR_TO_CTX": "Ctx",
    "ARG_PTR_TO_CTX_OR_NULL": "OrNull<Ctx>", "ARG_PTR_TO_SPIN_LOCK": "SpinLock",
    "ARG_PTR_TO_SOCK_COMMON": "SockCommon", "ARG_PTR_TO_SOCKET": "Socket",
    "ARG_PTR_TO_SOCKET_OR_NULL": "OrNull<Socket>", "ARG_PTR_TO_RINGBUF_MEM": "RingbufMem",
    "ARG_CONST_ALLOC_SIZE_OR_ZERO": "ConstAllocSizeOrZero",
    "ARG_PTR_TO_BTF_ID_SOCK_COMMON": "BtfIdSockCommon", "ARG_PTR_TO_PERCPU_BTF_ID": "PercpuBtfId",
    "ARG_PTR_TO_FUNC": "Func", "ARG_PTR_TO_STACK": "Stack", "ARG_PTR_TO_STACK_OR_NULL": "OrNull<Stack>",
    "ARG_PTR_TO_CONST_STR": "ConstStr", "ARG_PTR_TO_TIMER": "Timer",
    "ARG_KPTR_XCHG_DEST": "KptrXchgDest", "ARG_PTR_TO_DYNPTR": "Dynptr",
    "ARG_PTR_TO_ARENA": "ArenaPtr",
}


def attach_prog(kernel):
    """The program type an attach type belongs to (for the cgroup hooks)."""
    n = kernel[len("BPF_CGROUP_"):] if kernel.startswith("BPF_CGROUP_") else None
    if n is None:
        return None
    if n in ("INET_INGRESS", "INET_EGRESS"):
        return "cgroup_skb"
    if n in ("INET_SOCK_CREATE", "INET_SOCK_RELEASE", "INET4_POST_BIND", "INET6_POST_BIND"):
        return "cgroup_sock"
    if n == "SOCK_OPS":
        return "sock_ops"
    if n in ("GETSOCKOPT", "SETSOCKOPT"):
        return "cgroup_sockopt"
    if n == "SYSCTL":
        return "cgroup_sysctl"
    if n == "DEVICE":
        return "cgroup_device"
    return "cgroup_sock_addr"


ATTACH_NAMES = """BPF_CGROUP_INET_INGRESS BPF_CGROUP_INET_EGRESS BPF_CGROUP_INET_SOCK_CREATE BPF_CGROUP_SOCK_OPS
BPF_CGROUP_DEVICE BPF_CGROUP_INET4_BIND BPF_CGROUP_INET6_BIND BPF_CGROUP_INET4_CONNECT BPF_CGROUP_INET6_CONNECT
BPF_CGROUP_INET4_POST_BIND BPF_CGROUP_INET6_POST_BIND BPF_CGROUP_UDP4_SENDMSG BPF_CGROUP_UDP6_SENDMSG
BPF_CGROUP_SYSCTL BPF_CGROUP_UDP4_RECVMSG BPF_CGROUP_UDP6_RECVMSG BPF_CGROUP_GETSOCKOPT BPF_CGROUP_SETSOCKOPT
BPF_CGROUP_INET4_GETPEERNAME BPF_CGROUP_INET6_GETPEERNAME BPF_CGROUP_INET4_GETSOCKNAME BPF_CGROUP_INET6_GETSOCKNAME
BPF_CGROUP_INET_SOCK_RELEASE BPF_CGROUP_UNIX_CONNECT BPF_CGROUP_UNIX_SENDMSG BPF_CGROUP_UNIX_RECVMSG
BPF_CGROUP_UNIX_GETPEERNAME BPF_CGROUP_UNIX_GETSOCKNAME""".split()


def not_for_attach(helper, prog_types, rules):
    """The attach types of `prog_types` the kernel keeps `helper` from."""
    out = set()
    for r in rules:
        if r["helper"] != helper:
            continue
        if "excluded" in r:
            out |= {a for a in r["excluded"] if attach_prog(a) in prog_types}
        else:
            owners = {attach_prog(a) for a in r["included"]}
            out |= {a for a in ATTACH_NAMES
                    if attach_prog(a) in owners & set(prog_types) and a not in r["included"]}
    return sorted(out)


def camel(name):
    return "".join(p[:1].upper() + p[1:] for p in name.split("_") if p)


def struct_type(name, known, needed):
    if name in known:
        return f"crate::structs::{known[name]}"
    if name == "POISON":
        return "KptrType"
    rust = camel(name)
    needed[name] = rust
    return f"super::types::{rust}"


def arg_type(arg, known, needed):
    parts = arg["type"]
    base, mods = parts[0], set(parts[1:])
    if base in ("ARG_PTR_TO_BTF_ID", "ARG_PTR_TO_BTF_ID_OR_NULL"):
        t = f"BtfId<{struct_type(arg['btf'], known, needed)}>"
        if base.endswith("_OR_NULL"):
            t = f"OrNull<{t}>"
    elif base == "ARG_PTR_TO_DYNPTR" and "DYNPTR_TYPE_LOCAL" in mods:
        t = "LocalDynptr"
    elif base == "ARG_PTR_TO_DYNPTR" and "DYNPTR_TYPE_RINGBUF" in mods:
        t = "RingbufDynptr"
    else:
        t = BASE[base]
    mods -= {"DYNPTR_TYPE_LOCAL", "DYNPTR_TYPE_RINGBUF"}
    if "PTR_MAYBE_NULL" in mods:
        t = f"OrNull<{t}>"
    if "MEM_ALIGNED" in mods:
        t = f"Aligned<{t}>"
    if {"MEM_UNINIT", "MEM_WRITE"} <= mods:
        t = f"Uninit<{t}>"
    elif "MEM_WRITE" in mods:
        t = f"Write<{t}>"
    if "MEM_RDONLY" in mods:
        t = f"Rdonly<{t}>"
    if base == "ARG_PTR_TO_FIXED_SIZE_MEM":
        t = f"Fixed<{t}, {SIZES[arg['size']]}>"
    if "OBJ_RELEASE" in mods:
        t = f"Release<{t}>"
    unknown = mods - {"PTR_MAYBE_NULL", "MEM_ALIGNED", "MEM_UNINIT", "MEM_WRITE", "MEM_RDONLY", "OBJ_RELEASE"}
    if unknown:
        raise SystemExit(f"unknown argument modifiers {unknown}")
    return t


def ret_type(proto, known, needed):
    parts = proto["ret"]
    base, mods = parts[0], set(parts[1:])
    null = base.endswith("_OR_NULL") or "PTR_MAYBE_NULL" in mods
    base = base.replace("_OR_NULL", "")
    if base in ("RET_PTR_TO_BTF_ID", "RET_PTR_TO_BTF_ID_TRUSTED"):
        t = "KptrField" if proto["ret_btf"] == "POISON" else f"BtfId<{struct_type(proto['ret_btf'], known, needed)}>"
        if base.endswith("TRUSTED"):
            t = f"Trusted<{t}>"
    else:
        t = {
            "RET_INTEGER": "Integer", "RET_VOID": "()", "RET_PTR_TO_MAP_VALUE": "MapValue",
            "RET_PTR_TO_SOCKET": "Socket", "RET_PTR_TO_TCP_SOCK": "TcpSock",
            "RET_PTR_TO_SOCK_COMMON": "SockCommon", "RET_PTR_TO_RINGBUF_MEM": "Ringbuf<Mem>",
            "RET_PTR_TO_DYNPTR_MEM": "Mem", "RET_PTR_TO_MEM_OR_BTF_ID": "MemOrBtfId",
        }[base]
    if "MEM_RDONLY" in mods:
        t = f"Rdonly<{t}>"
    if null:
        t = f"OrNull<{t}>"
    return t


def rust_ident(proto):
    ident = re.sub(r"_proto(?=_|$)", "", proto)
    if not ident.startswith("bpf_"):
        ident = "bpf_" + ident
    return ident


KEYWORDS = {"type", "fn", "in", "ref", "mod", "match", "loop", "move", "self", "super", "impl",
            "as", "box", "const", "crate", "dyn", "else", "enum", "extern", "for", "if", "let",
            "mut", "pub", "return", "static", "struct", "trait", "true", "false", "unsafe", "use",
            "where", "while", "async", "await", "yield", "priv", "final", "override", "macro"}


def param_name(i, names):
    name = names[i] if i < len(names) else f"arg{i + 1}"
    return f"r#{name}" if name in KEYWORDS else name


def write(facts, outdir):
    ids = facts["ids"]
    docs = facts["docs"]
    protos = facts["protos"]
    v = facts["verifier"]
    # Which program types get which proto of each helper: the running
    # kernel's availability where it was probed, the sources' elsewhere.
    served = defaultdict(set)
    common = defaultdict(lambda: defaultdict(int))
    for pt, table in facts["prog_types"].items():
        for helper, proto in table["helpers"].items():
            common[helper][proto] += 1
    by_num = {n: h for h, n in ids.items()}
    probed = facts.get("available", {})
    for pt, table in facts["prog_types"].items():
        if pt in probed:
            names = [by_num[n] for n in probed[pt]]
            for helper in names:
                proto = (table["helpers"].get(helper)
                         or facts.get("base_6_18", {}).get(helper)
                         or max(common[helper].items(), key=lambda kv: (kv[1], kv[0]))[0])
                served[(helper, proto)].add(pt)
        else:
            for helper, proto in table["helpers"].items():
                served[(helper, proto)].add(pt)
    known = {}
    structs_rs = os.path.join(os.path.dirname(os.path.abspath(outdir)), "structs.rs")
    with open(structs_rs) as f:
        for rust, c in re.findall(r"pub struct (\w+) = \"(\w+)\"", f.read()):
            known[c] = rust
    needed = {}
    by_file = defaultdict(list)
    callbacks = {"loop": "iteration", "for_each_map_elem": "map_elem", "find_vma": "find_vma",
                 "user_ringbuf_drain": "user_ringbuf", "timer_set_callback": "timer"}
    for (helper, proto), pts in sorted(served.items(), key=lambda x: (ids[x[0][0]], x[0][1])):
        p = protos[proto]
        args = [arg_type(a, known, needed) for a in p["args"]]
        for regno in v["map_value_args"].get(helper, []):
            args[regno - 1] = f"InMapValue<{args[regno - 1]}>"
        for regno in v["zero_args"].get(helper, []):
            if args[regno - 1] == "Anything":
                args[regno - 1] = "Zero"
        ret = ret_type(p, known, needed)
        words = [f"id = {ids[helper]}"]
        ident = rust_ident(proto)
        if ident != f"bpf_{helper}":
            words.append(f"name = bpf_{helper}")
        for flag, cond in [("gpl_only", p["gpl_only"]), ("might_sleep", p["might_sleep"]),
                           ("pkt_access", p["pkt_access"]),
                           ("changes_pkt_data", helper in v["changes_pkt_data"]),
                           ("acquire", helper in v["acquire"]),
                           ("carries_ref", helper in v["carries_ref"]),
                           ("tail_call", helper in v["tail_call"]),
                           ("lock", any(a["type"][0] == "ARG_PTR_TO_SPIN_LOCK" for a in p["args"]) and "unlock" not in helper),
                           ("unlock", any(a["type"][0] == "ARG_PTR_TO_SPIN_LOCK" for a in p["args"]) and "unlock" in helper),
                           ("writes_map", helper in v["writes_map"]),
                           ("writes_dynptr", helper in v.get("writes_dynptr", [])),
                           ("ret_size_bounded", helper in v.get("ret_size_bounded", [])),
                           ("ret_cpu_id", helper in v.get("ret_cpu_id", []))]:
            if cond:
                words.append(flag)
        if helper in callbacks:
            words.append(f"callback = {callbacks[helper]}")
        if any(a["type"][0] == "ARG_CONST_MAP_PTR" for a in p["args"]):
            allowed = [m for m in MAP_KINDS
                       if (m not in v["map_allows"] or helper in v["map_allows"][m])
                       and (helper not in v["func_needs_map"] or m in v["func_needs_map"][helper])]
            if allowed != MAP_KINDS:
                words.append(f"map_types = [{', '.join(allowed)}]")
        pts = [t for t in ORDER if t in pts]
        words.append("prog_types = any" if pts == ORDER else f"prog_types = [{', '.join(pts)}]")
        excluded = not_for_attach(helper, pts, v["attach_rules"])
        if excluded:
            words.append("not_for_attach = [" + ", ".join(a[4:].lower() for a in excluded) + "]")
        doc = docs.get(helper, f"The `bpf_{helper}` helper.")
        names = facts["params"].get(helper, [])
        if len(names) != len(args):
            names = []
        params = ", ".join(f"{param_name(i, names)}: {t}" for i, t in enumerate(args))
        ret_s = "" if ret == "()" else f" -> {ret}"
        src = p["file"]
        item = []
        item.append(f"/// {doc}")
        if ident != f"bpf_{helper}":
            item.append("///")
            item.append(f"/// The kernel's `{proto}`.")
        item.append(f"#[helper({', '.join(words)})]")
        item.append(f"pub fn {ident}({params}){ret_s};")
        by_file[src].append("\n".join(item))
    # Numbers no program type gets still have names the log prints.
    declared = {h for h, _ in served}
    for helper in sorted(set(ids) - declared, key=lambda h: ids[h]):
        by_file["include/uapi/linux/bpf.h"].append(
            f"/// `BPF_FUNC_{helper}`: no program type of the recorded kernel gets it.\n"
            f"#[helper(id = {ids[helper]}, prog_types = [])]\npub fn bpf_{helper}();")
    os.makedirs(outdir, exist_ok=True)
    mods = []
    for src in sorted(by_file):
        stem = re.sub(r"\W", "_", os.path.splitext(src)[0].replace("/", "_"))
        mods.append((stem, src))
        with open(os.path.join(outdir, stem + ".rs"), "w") as f:
            f.write(f"//! Helper prototypes defined in the kernel's `{src}`.\n\n")
            uses_types = any("fn " in d and "(" in d and not d.rstrip().endswith("();") for d in by_file[src])
            f.write("use kfreg::helper;\n" + ("use kfreg::helper::*;\n\n" if uses_types else "\n"))
            f.write("\n\n".join(by_file[src]))
            f.write("\n")
    with open(os.path.join(outdir, "types.rs"), "w") as f:
        f.write("//! Kernel structs helper prototypes name that no kfunc does.\n\n")
        f.write("kfreg::kernel_struct! {\n")
        for c, rust in sorted(needed.items()):
            f.write(f"    /// `struct {c}`.\n    pub struct {rust} = \"{c}\";\n")
        f.write("}\n")
    written = [os.path.join(outdir, stem + ".rs") for stem, _ in mods] + [os.path.join(outdir, "types.rs")]
    with open(os.path.join(outdir, "mod.rs"), "w") as f:
        f.write("//! Every BPF helper of the kernel, declared with `#[helper]`: one\n")
        f.write("//! declaration per `struct bpf_func_proto`, with the program types whose\n")
        f.write("//! `get_func_proto` hands it out. Written by `scripts/helpers-from-kernel.py\n")
        f.write("//! --rust` from the kernel's sources; `tests/helpers.rs` checks them against the\n")
        f.write("//! recorded facts and the kernel BTF's `enum bpf_func_id`.\n\n")
        f.write("pub mod types;\n")
        for stem, src in mods:
            f.write(f"/// Prototypes from `{src}`.\npub mod {stem};\n")
    write_differences(facts, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(outdir))), "HELPERS-6.18.md"))
    import subprocess
    subprocess.run(["rustfmt", "--edition", "2024", os.path.join(outdir, "mod.rs"), *written], check=True)


def write_differences(facts, path):
    """Where the running kernel's availability differs from the 6.12 sources."""
    probed = facts.get("available", {})
    by_num = {n: h for h, n in facts["ids"].items()}
    lines = [
        "# Helper availability: Linux 6.12 sources and the recorded 6.18.44 kernel",
        "",
        "Written by `scripts/helpers-from-kernel.py --rust`. Prototypes come from the",
        "6.12 sources, with the 6.18 changes the generator applies (`CHANGES_6_18`:",
        ", ".join(f"`{c['proto']}` argument {c['arg']} becomes `{' | '.join(c['type'])}`" for c in facts.get("changes_6_18", [])) + "; and",
        "types that get a helper only through 6.18's `bpf_base_func_proto` get its prototype there: "
        + ", ".join(f"`bpf_{h}`: `{p}`" for h, p in sorted(facts.get("base_6_18", {}).items())) + ");",
        "which program type gets which helper comes from the running",
        "kernel (`scripts/helper-availability.py`, `catalog/data/helpers-available.json`)",
        "where it could be probed (struct_ops as `tcp_congestion_ops`' `init`; what",
        "each struct_ops type refuses on top is declared in catalog/src/struct_ops.rs),",
        "and from the sources elsewhere (tracing, LSM, extension and lirc_mode2",
        "programs, which need an attach target or a config this kernel lacks).",
        "Helpers 6.18 adds to a type's set (mostly",
        "`bpf_base_func_proto` growing) and helpers this kernel's configuration or",
        "default attach type leaves out:",
        "",
    ]
    for pt in ORDER:
        if pt not in probed:
            continue
        old = set(facts["prog_types"][pt]["helpers"])
        new = {by_num[n] for n in probed[pt]}
        added, removed = sorted(new - old), sorted(old - new)
        if added or removed:
            lines.append(f"- `{pt}`:")
            if added:
                lines.append("  added " + ", ".join(f"`bpf_{h}`" for h in added))
            if removed:
                lines.append("  not available " + ", ".join(f"`bpf_{h}`" for h in removed))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
