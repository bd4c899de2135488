//! Compile-time checking of the DSL: every misuse is a compile error at the
//! offending token. Snapshots are for the pinned toolchain
//! (rust-toolchain.toml); `TRYBUILD=overwrite` rewrites them.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/*.rs");
    t.pass("ui-pass/*.rs");
}
