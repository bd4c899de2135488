//! `kfreg show` on a struct_ops type, run as a user would.

use std::process::Command;

fn kfreg(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kfreg"))
        .args(args)
        .output()
        .expect("run kfreg");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

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
