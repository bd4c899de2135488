//! A map the kernel would refuse to create fails the whole object as libbpf
//! fails it, with libbpf's message (`map 'NAME': failed to create: ...`):
//! here a stack trace map without the value size user space was meant to
//! set, or deeper than the kernel's 127 frames. The rule itself is held to
//! the kernel by object/tests/map_create.rs.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The `error` of every program `kfreg verify` reports for an object whose
/// one map is `map` (a BTF map definition's body).
fn errors_with_map(name: &str, map: &str) -> Vec<Option<String>> {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("kfreg-map-create");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let src = dir.join(format!("{name}.bpf.c"));
    std::fs::write(
        &src,
        format!(
            "#include <vmlinux.h>\n#include <bpf/bpf_helpers.h>\n\
             struct {{ {map} }} m SEC(\".maps\");\n\
             SEC(\"kprobe/do_nanosleep\") int prog(void *ctx) {{ return bpf_get_stackid(ctx, &m, 0) & 1; }}\n\
             char LICENSE[] SEC(\"license\") = \"GPL\";\n"
        ),
    )
    .expect("write source");
    let obj = dir.join(format!("{name}.bpf.o"));
    let clang = std::env::var("CLANG").unwrap_or_else(|_| "clang-19".into());
    let out = Command::new(&clang)
        .args(["-g", "-O2", "-target", "bpf", "-D__TARGET_ARCH_x86", "-I"])
        .arg(root().join("tests/corpus/include"))
        .arg("-c")
        .arg(&src)
        .arg("-o")
        .arg(&obj)
        .output()
        .unwrap_or_else(|e| panic!("{clang} not runnable ({e}): apt-get install clang-19"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let o = Command::new(env!("CARGO_BIN_EXE_kfreg"))
        .args(["verify", "--format", "json", "--btf"])
        .arg(root().join("tests/corpus/vmlinux.btf"))
        .arg(&obj)
        .output()
        .expect("run kfreg verify");
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    rows.as_array()
        .expect("rows")
        .iter()
        .map(|r| r["error"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn maps_the_kernel_would_not_create_fail_the_object() {
    let cases = [
        (
            "stack_no_value",
            "__uint(type, BPF_MAP_TYPE_STACK_TRACE); __uint(max_entries, 16); __type(key, __u32);",
            Some("map 'm': failed to create: Invalid argument(-22)"),
        ),
        (
            "stack_sized",
            "__uint(type, BPF_MAP_TYPE_STACK_TRACE); __uint(max_entries, 16); __type(key, __u32); \
             __uint(value_size, 127 * 8);",
            None,
        ),
        (
            "stack_too_deep",
            "__uint(type, BPF_MAP_TYPE_STACK_TRACE); __uint(max_entries, 16); __type(key, __u32); \
             __uint(value_size, 128 * 8);",
            Some("map 'm': failed to create: Invalid argument(-22)"),
        ),
    ];
    for (name, map, want) in cases {
        let errors = errors_with_map(name, map);
        assert_eq!(errors, vec![want.map(str::to_string)], "{name}");
    }
}
