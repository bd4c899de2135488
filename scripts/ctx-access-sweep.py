#!/usr/bin/env python3
"""Write assembler cases that read and write every byte offset of a program
type's context with every access size.

    scripts/ctx-access-sweep.py --out FILE [--types tc,xdp,...]
    scripts/asm-kernel-verdicts.py --write ctx_sweep_     # the kernel's answers
    cargo test --release -p kfreg-verifier --test asm_cases

Each case is one load (`rX = *(uN *)(r1 +OFF)`) or one store of the number 0
(`*(uN *)(r1 +OFF) = r2`) at each offset from 0 to a little past the end of
the context, for sizes 1, 2, 4 and 8: what the kernel's `is_valid_access`
of the type allows, narrowed and converted, against the type's context
declaration. The sweep is for finding disagreements; it is not kept whole.
Session 36 added kprobe_multi, uprobe_multi, kprobe_session, lwt_out,
cgroup_sock, raw_tp_w, tp_btf/sys_enter and iter/task (7,744 cases): the
writable raw tracepoint's buffer pointer read narrow past its start (a
number to the kernel) was the one disagreement (`loads = whole_at_start`).
"""

import argparse

# Case type -> bytes to cover (the context's size and a little more).
TYPES = {
    "tc": 200,
    "socket": 200,
    "xdp": 32,
    "kprobe": 176,
    "perf_event": 192,
    "sysctl": 16,
    "raw_tp": 104,
    "tracepoint": 64,
    "cgroup_skb": 200,
    "cgroup_skb_egress": 200,
    "lwt_in": 200,
    "lwt_xmit": 200,
    "sk_skb": 200,
    "sock_ops": 240,
    "sk_msg": 88,
    "sock_addr_connect4": 72,
    "sock_addr_sendmsg6": 72,
    "sock_addr_bind4": 72,
    "sockopt_get": 48,
    "sockopt_set": 48,
    "sk_lookup": 80,
    "netfilter": 24,
    "cgroup_sock_post_bind4": 88,
    "flow_dissector": 200,
    "cgroup_dev": 16,
    "sk_reuseport": 72,
    "kprobe_multi": 176,
    "uprobe_multi": 176,
    "kprobe_session": 176,
    "lwt_out": 200,
    "cgroup_sock": 88,
    "raw_tp_w": 104,
    "tp_btf/sys_enter": 24,
    "iter/task": 24,
}
SIZES = {1: "u8", 2: "u16", 4: "u32", 8: "u64"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--types", default=",".join(TYPES))
    args = ap.parse_args()
    out = ["; Context accesses swept: see scripts/ctx-access-sweep.py.", ""]
    n = 0
    for t in args.types.split(","):
        for off in range(TYPES[t]):
            for size, u in SIZES.items():
                for op in ("r", "w"):
                    access = (f"r0 = *({u} *)(r1 +{off})" if op == "r"
                              else f"*({u} *)(r1 +{off}) = r2")
                    name = t.replace("/", "_")
                    out += [f"### ctx_sweep_{name}_{op}_{off}_{size}", f"; type: {t}",
                            "; expect: ACCEPT", "r2 = 0", access, "r0 = 0", "exit", ""]
                    n += 1
    with open(args.out, "w") as f:
        f.write("\n".join(out))
    print(f"{n} cases -> {args.out}")


if __name__ == "__main__":
    main()
