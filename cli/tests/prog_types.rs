//! `kfreg list --prog-types` and `kfreg show` on a program type or a
//! struct_ops type, run as a user would.

mod common;

use common::kfreg;
use std::process::Command;

#[test]
fn show_kprobe_describes_its_context_and_sections() {
    let (code, out) = kfreg(&["show", "kprobe"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("kprobe (BPF_PROG_TYPE_KPROBE, #2)"),
        "{out}"
    );
    assert!(out.contains("context: struct pt_regs (168 bytes)"), "{out}");
    assert!(out.contains("uprobe.s+ (sleepable)"), "{out}");
    // The fifth argument register is readable: the whole struct is.
    let r8 = out.lines().find(|l| l.contains(" r8 ")).expect("r8");
    assert!(
        r8.trim_start().starts_with("72") && r8.ends_with("read"),
        "{r8}"
    );
}

#[test]
fn show_a_program_type_gives_what_it_alone_sees() {
    let (_, tc) = kfreg(&["show", "sched_cls"]);
    let (_, socket) = kfreg(&["show", "socket_filter"]);
    let line = |out: &str, field: &str| {
        out.lines()
            .find(|l| l.split_whitespace().nth(1) == Some(field))
            .unwrap_or_else(|| panic!("{field} in {out}"))
            .to_string()
    };
    assert!(line(&tc, "data_meta").ends_with("read"));
    assert!(line(&tc, "mark").ends_with("read, write"));
    assert!(line(&socket, "data").ends_with("refused"));
    assert!(line(&socket, "mark").ends_with("read"));
}

#[test]
fn list_prog_types_as_json_has_every_kernel_type() {
    let (code, out) = kfreg(&["list", "--prog-types", "--format", "json"]);
    assert_eq!(code, 0);
    let all: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let all = all.as_array().expect("array");
    assert_eq!(all.len(), 32);
    let xdp = all.iter().find(|d| d["name"] == "xdp").expect("xdp");
    assert_eq!(xdp["id"], 6);
    assert_eq!(xdp["ctx"]["struct"], "xdp_md");
    let egress = &xdp["ctx"]["fields"][5];
    assert_eq!(egress["name"], "egress_ifindex");
    assert_eq!(egress["attach"][0], "xdp_devmap");
    let sections = xdp["sections"].as_array().expect("sections");
    assert!(sections.iter().any(|s| s["pattern"] == "xdp.frags"));
}

#[test]
fn an_unknown_name_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_kfreg"))
        .args(["show", "kprobez"])
        .output()
        .expect("run kfreg");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown"));
}

/// `kfreg show` on a struct_ops type.
#[test]
fn show_a_struct_ops_type_gives_what_it_decides() {
    let (code, out) = kfreg(&["show", "tcp_congestion_ops"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("struct_ops tcp_congestion_ops\n"), "{out}");
    assert!(out.contains("unsupported members: get_info"), "{out}");
    assert!(
        out.contains("struct sock point to struct tcp_sock"),
        "{out}"
    );
    assert!(out.contains("inet_conn.icsk_ca_priv[..]"), "{out}");
    assert!(
        out.contains("release may not call: bpf_setsockopt"),
        "{out}"
    );
    let (code, json) = kfreg(&["show", "bpf_dummy_ops", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["no_helpers"], true);
    assert_eq!(v["write"]["struct"], "bpf_dummy_ops_state");
}
