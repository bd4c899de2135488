//! Helpers a program traced through a trampoline may call only from some
//! kernel functions (the kernel's `bpf_func_proto.allowed`): `bpf_d_path`
//! from the functions of `btf_allowlist_d_path`, socket storage not from
//! its own `bpf_sk_storage*` functions (`bpf_sk_storage_tracing_allowed`).
//! The machine the corpora were recorded on refuses fentry and fexit
//! programs before verifying them (EPERM), so these follow the sources.

mod common;

use common::Case;

kfreg::link!(kfreg_catalog);

const NOT_ALLOWED: &str = "helper call is not allowed in probe";

/// A call of `helper` with arguments the gate does not look at.
fn calling(section: &str, helper: &str) -> Case {
    Case::traced(
        section,
        &format!("r1 = 0\nr2 = 0\nr3 = 0\nr4 = 0\ncall {helper}\nr0 = 0\nexit"),
    )
}

/// Refused, but not by the gate.
fn passes_the_gate(c: &Case) {
    let r = c.run();
    let msg = r.error.map(|e| e.msg).unwrap_or_default();
    assert!(!msg.contains(NOT_ALLOWED), "refused by the gate: {msg}");
}

#[test]
fn socket_storage_not_from_its_own_functions() {
    for section in ["fentry/bpf_sk_storage_free", "fexit/bpf_sk_storage_clone"] {
        calling(section, "bpf_sk_storage_get").reject(NOT_ALLOWED);
        calling(section, "bpf_sk_storage_delete").reject(NOT_ALLOWED);
    }
    passes_the_gate(&calling("fentry/tcp_close", "bpf_sk_storage_get"));
    passes_the_gate(&calling("fexit/tcp_close", "bpf_sk_storage_delete"));
}

#[test]
fn d_path_only_from_the_listed_functions() {
    calling("fentry/vfs_read", "bpf_d_path").reject(NOT_ALLOWED);
    passes_the_gate(&calling("fentry/dentry_open", "bpf_d_path"));
}
