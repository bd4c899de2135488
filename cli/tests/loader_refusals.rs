//! Objects libbpf 1.5 refuses to open or load are not verified: each gives
//! every program (or the file) libbpf's reason, while the same object with
//! the one thing libbpf objects to changed loads and verifies. Each refusal
//! was seen with libbpf 1.5 on Linux 6.18 (helpers' notes s52b and s52d:
//! `kload` failed the object with these messages, and session 53: map flags).

mod bpf_source;

/// What `kfreg verify` reports for the object compiled from `body` (after
/// the usual includes): how many programs it accepted, and every error
/// (one per rejected program, or the file's own when the object cannot be
/// loaded at all).
fn verify(name: &str, body: &str) -> (usize, Vec<String>) {
    let source = format!(
        "#include <vmlinux.h>\n#include <bpf/bpf_helpers.h>\n{body}\n\
         char LICENSE[] SEC(\"license\") = \"GPL\";\n"
    );
    let (rows, stderr) = bpf_source::verify("kfreg-loader-refusals", name, &source);
    let accepted = rows.iter().filter(|r| r["verdict"] == "ACCEPT").count();
    let mut errors: Vec<String> = rows
        .iter()
        .filter_map(|r| r["error"].as_str().map(str::to_string))
        .collect();
    errors.extend(
        stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string),
    );
    (accepted, errors)
}

/// `refused` verifies no program and says `why`; `fixed` verifies every
/// program.
fn check(name: &str, refused: &str, fixed: &str, why: &str) {
    let (accepted, errs) = verify(&format!("{name}_refused"), refused);
    assert!(
        accepted == 0 && errs.iter().any(|e| e.contains(why)),
        "{name}: want no program verified and {why:?}, got {accepted} accepted, {errs:?}"
    );
    let (accepted, errs) = verify(&format!("{name}_fixed"), fixed);
    assert!(
        accepted > 0 && errs.is_empty(),
        "{name}: the fixed object fails: {errs:?}"
    );
}

const LOOKUP: &str =
    "SEC(\"socket\") int p(void *ctx) { int k = 0; return bpf_map_lookup_elem(&m, &k) != 0; }";

fn array(prefix: &str, extra: &str) -> String {
    format!(
        "{prefix} struct {{ __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 2); __type(key, int); __type(value, int); {extra} }} m SEC(\".maps\");\n{LOOKUP}"
    )
}

#[test]
fn a_static_map_is_no_map() {
    check(
        "static_map",
        &array("static", ""),
        &array("", ""),
        "unsupported map linkage static",
    );
}

#[test]
fn pinning_is_none_or_by_name() {
    check(
        "pinning",
        &array("", "__uint(pinning, 5);"),
        &array("", "__uint(pinning, 1);"),
        "invalid pinning value 5",
    );
}

#[test]
fn initial_values_only_for_maps_of_maps_and_prog_arrays() {
    let map = |ty: &str, elem: &str| {
        format!(
            "struct {{ __uint(type, {ty}); __uint(max_entries, 2); __type(key, int); __array(values, {elem}); }} m SEC(\".maps\");\n\
             SEC(\"socket\") int p(void *ctx) {{ bpf_tail_call(ctx, &m, 0); return 0; }}"
        )
    };
    let program = "int (void *)";
    check(
        "values",
        &map("BPF_MAP_TYPE_ARRAY", program),
        &map("BPF_MAP_TYPE_PROG_ARRAY", program),
        "should be map-in-map or prog-array",
    );
    check(
        "prog_array_values",
        &map("BPF_MAP_TYPE_PROG_ARRAY", "int"),
        &map("BPF_MAP_TYPE_PROG_ARRAY", program),
        "prog-array value def is of unexpected kind",
    );
}

#[test]
fn a_ring_buffer_needs_a_size() {
    let ringbuf = |extra: &str| {
        format!(
            "struct {{ __uint(type, BPF_MAP_TYPE_RINGBUF); {extra} }} rb SEC(\".maps\");\n\
             SEC(\"socket\") int p(void *ctx) {{ return bpf_ringbuf_query(&rb, 0) & 1; }}"
        )
    };
    check(
        "ringbuf_size",
        &ringbuf(""),
        &ringbuf("__uint(max_entries, 4096);"),
        "failed to create: Invalid argument(-22)",
    );
}

#[test]
fn an_inner_map_template_is_created_first() {
    let aom = |extra: &str| {
        format!(
            "struct {{ __uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS); __uint(max_entries, 1); __type(key, int); __type(value, int);\n\
             __array(values, struct {{ __uint(type, BPF_MAP_TYPE_ARRAY); __type(key, int); __type(value, int); {extra} }}); }} aom SEC(\".maps\");\n\
             SEC(\"socket\") int p(void *ctx) {{ int k = 0; return bpf_map_lookup_elem(&aom, &k) != 0; }}"
        )
    };
    check(
        "inner_template",
        &aom(""),
        &aom("__uint(max_entries, 1);"),
        "failed to create inner map",
    );
}

#[test]
fn kconfig_values_are_config_or_known_linux_ones() {
    let ext = |name: &str| {
        format!(
            "extern int {name} __kconfig __weak;\nSEC(\"socket\") int p(void *ctx) {{ return {name}; }}"
        )
    };
    check(
        "kconfig_name",
        &ext("MY_SETTING"),
        &ext("LINUX_SOMETHING_NEW"),
        "unrecognized virtual extern",
    );
}

#[test]
fn programs_outside_text_are_global() {
    check(
        "static_program",
        "SEC(\"socket\") static int lonely(void *ctx) { return 0; }\nSEC(\"socket\") int p(void *ctx) { return 0; }",
        "SEC(\"socket\") int lonely(void *ctx) { return 0; }\nSEC(\"socket\") int p(void *ctx) { return 0; }",
        "static program is not supported",
    );
}

#[test]
fn subprograms_live_in_text() {
    let call = |attr: &str| {
        format!(
            "{attr} __noinline int helper(int x) {{ return x + 1; }}\n\
             SEC(\"socket\") int p(struct __sk_buff *skb) {{ return helper(skb->len); }}"
        )
    };
    check(
        "subprogram_section",
        &call("__attribute__((section(\"mytext\")))"),
        &call(""),
        "bad call relo against 'helper' in section 'mytext'",
    );
}

#[test]
fn special_fields_keep_global_data_out_of_mmap() {
    let data = |linkage: &str| {
        format!(
            "{linkage} struct bpf_spin_lock glock SEC(\".data.A\") __attribute__((aligned(8)));\n\
             {linkage} int gcount SEC(\".data.A\");\n\
             SEC(\"tc\") int p(struct __sk_buff *skb) {{ bpf_spin_lock(&glock); gcount++; bpf_spin_unlock(&glock); return 0; }}"
        )
    };
    check(
        "mmapable_data",
        &data(""),
        &data("static"),
        "failed to create: unknown error (-524)(-524)",
    );
}

const NOTHING: &str = "SEC(\"socket\") int p(void *ctx) { return 0; }";

#[test]
fn a_ring_buffer_has_no_key() {
    let ringbuf = |extra: &str| {
        format!(
            "struct {{ __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); {extra} }} rb SEC(\".maps\");\n{NOTHING}"
        )
    };
    check(
        "ringbuf_key",
        &ringbuf("__type(key, int);"),
        &ringbuf(""),
        "failed to create: Invalid argument(-22)",
    );
}

#[test]
fn local_storage_is_never_preallocated_nor_sized() {
    let storage = |extra: &str| {
        format!(
            "struct {{ __uint(type, BPF_MAP_TYPE_TASK_STORAGE); __type(key, int); __type(value, long); {extra} }} ts SEC(\".maps\");\n{NOTHING}"
        )
    };
    check(
        "storage_prealloc",
        &storage(""),
        &storage("__uint(map_flags, BPF_F_NO_PREALLOC);"),
        "failed to create: Invalid argument(-22)",
    );
    check(
        "storage_sized",
        &storage("__uint(map_flags, BPF_F_NO_PREALLOC); __uint(max_entries, 5);"),
        &storage("__uint(map_flags, BPF_F_NO_PREALLOC);"),
        "failed to create: Invalid argument(-22)",
    );
}

#[test]
fn a_map_of_maps_needs_its_inner_map() {
    let aom = |values: &str| {
        format!(
            "struct {{ __uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS); __uint(max_entries, 1); __type(key, int); {values} }} aom SEC(\".maps\");\n{NOTHING}"
        )
    };
    check(
        "map_of_maps_inner",
        &aom("__type(value, int);"),
        &aom(
            "__array(values, struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, int); __type(value, int); });",
        ),
        "failed to create: Invalid argument(-22)",
    );
}

#[test]
fn map_flags_are_the_types_own() {
    let map = |ty: &str| {
        format!(
            "struct {{ __uint(type, BPF_MAP_TYPE_{ty}); __uint(max_entries, 2); __type(key, int); __type(value, int);\n\
             __uint(map_flags, BPF_F_MMAPABLE | BPF_F_RDONLY_PROG); }} m SEC(\".maps\");\n{LOOKUP}"
        )
    };
    check(
        "map_flags",
        &map("HASH"),
        &map("ARRAY"),
        "failed to create: Invalid argument(-22)",
    );
}

#[test]
fn an_inner_map_is_one_a_map_may_hold() {
    let aom = |inner: &str| {
        format!(
            "struct {{ __uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS); __uint(max_entries, 1); __type(key, int); __type(value, int);\n\
             __array(values, struct {{ __uint(type, BPF_MAP_TYPE_{inner}); __uint(max_entries, 4); __uint(key_size, 4); __uint(value_size, 4); }}); }} aom SEC(\".maps\");\n\
             SEC(\"socket\") int p(void *ctx) {{ int k = 0; return bpf_map_lookup_elem(&aom, &k) != 0; }}"
        )
    };
    check(
        "inner_prog_array",
        &aom("PROG_ARRAY"),
        &aom("ARRAY"),
        "failed to create: unknown error (-524)(-524)",
    );
    check(
        "inner_map_of_maps",
        &aom("ARRAY_OF_MAPS"),
        &aom("HASH"),
        "failed to create inner map: -22",
    );
}

/// A congestion control whose members `members` name its three programs.
fn congestion_control(members: &str) -> String {
    format!(
        "SEC(\"struct_ops/ssthresh\") __u32 ss(unsigned long long *ctx) {{ return 2; }}\n\
         SEC(\"struct_ops/undo_cwnd\") __u32 ud(unsigned long long *ctx) {{ return 2; }}\n\
         SEC(\"struct_ops/cong_avoid\") void ca(unsigned long long *ctx) {{ }}\n\
         SEC(\".struct_ops\") struct tcp_congestion_ops cc = {{ {members} .name = \"kfreg_cc\" }};"
    )
}

#[test]
fn a_struct_ops_program_implements_one_member() {
    check(
        "struct_ops_reuse",
        &congestion_control(
            ".ssthresh = (void *)ss, .undo_cwnd = (void *)ss, .cong_avoid = (void *)ca,",
        ),
        &congestion_control(
            ".ssthresh = (void *)ss, .undo_cwnd = (void *)ud, .cong_avoid = (void *)ca,",
        ),
        "struct_ops init_kern cc func ptr undo_cwnd: invalid reuse of prog ss in sec struct_ops/ssthresh with type 27: expected_attach_type 0 != kern_member_idx 8",
    );
}

#[test]
fn a_struct_ops_program_no_map_names_is_not_loaded() {
    let (accepted, errs) = verify(
        "struct_ops_unreferenced",
        &congestion_control(".ssthresh = (void *)ss, .cong_avoid = (void *)ca,"),
    );
    assert_eq!(accepted, 2, "{errs:?}");
    assert_eq!(
        errs,
        [
            "prog 'ud': SEC(\"struct_ops\") program isn't referenced anywhere, did you forget to use it?"
        ]
    );
}
