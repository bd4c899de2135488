//! `kfreg list --helpers` and `kfreg show` on a helper, run as a user would.

mod common;

use common::kfreg;

#[test]
fn list_helpers_as_json_has_one_object_per_prototype() {
    let (code, out) = kfreg(&["list", "--helpers", "--format", "json"]);
    assert_eq!(code, 0);
    let all: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let all = all.as_array().expect("array");
    assert!(all.len() > 250, "{} prototypes", all.len());
    let output = all
        .iter()
        .find(|h| h["proto"] == "bpf_skb_event_output")
        .expect("the skb prototype of bpf_perf_event_output");
    assert_eq!(output["name"], "bpf_perf_event_output");
    assert_eq!(output["id"], 25);
    assert_eq!(output["args"][3]["type"], "ARG_PTR_TO_MEM | MEM_RDONLY");
    assert_eq!(output["ret"], "RET_INTEGER");
    let progs = output["prog_types"].as_array().expect("prog_types");
    assert!(progs.iter().any(|p| p == "sched_cls"), "{progs:?}");
    assert!(!progs.iter().any(|p| p == "kprobe"), "{progs:?}");
}

#[test]
fn show_a_helper_lists_every_prototype() {
    let (code, out) = kfreg(&["show", "bpf_perf_event_output"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("bpf_perf_event_output#25 (bpf_perf_event_output)"),
        "{out}"
    );
    assert!(
        out.contains("bpf_perf_event_output#25 (bpf_skb_event_output)"),
        "{out}"
    );
    assert!(
        out.contains("R4 data: ARG_PTR_TO_MEM | MEM_RDONLY"),
        "{out}"
    );
    let (code, _) = kfreg(&["show", "bpf_no_such_helper"]);
    assert_eq!(code, 2);
}
