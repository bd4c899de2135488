//! A map the kernel would refuse to create fails the whole object as libbpf
//! fails it, with libbpf's message (`map 'NAME': failed to create: ...`):
//! here a stack trace map without the value size user space was meant to
//! set, or deeper than the kernel's 127 frames. The rule itself is held to
//! the kernel by object/tests/map_create.rs.

mod bpf_source;

/// The `error` of every program `kfreg verify` reports for an object whose
/// one map is `map` (a BTF map definition's body).
fn errors_with_map(name: &str, map: &str) -> Vec<Option<String>> {
    let source = format!(
        "#include <vmlinux.h>\n#include <bpf/bpf_helpers.h>\n\
         struct {{ {map} }} m SEC(\".maps\");\n\
         SEC(\"kprobe/do_nanosleep\") int prog(void *ctx) {{ return bpf_get_stackid(ctx, &m, 0) & 1; }}\n\
         char LICENSE[] SEC(\"license\") = \"GPL\";\n"
    );
    let (rows, _) = bpf_source::verify("kfreg-map-create", name, &source);
    rows.iter()
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
