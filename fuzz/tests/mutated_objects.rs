//! No panics on damaged input: real objects (the corpus's, the loader
//! fixtures, and a few Debian objects of the real-object corpus when they
//! are installed), each mutated many times by the no-panic fuzzer's object
//! mutations ([`kfreg_difffuzz::nopanic::bytes`]: instruction fields, BTF
//! records, section headers, the ELF header, truncation, embedding), go
//! through the embedded-object finder, the loader and the verifier with its
//! full instruction limit. Any outcome is fine except a panic.
//!
//! `KFREG_MUTATIONS=N` sets the number of mutants per object (default 20).
//! Longer runs of each stage alone: `kfreg-nopanic` (fuzz/NOPANIC.md).

use kfreg::Registry;
use kfreg_difffuzz::nopanic::bytes::{Layout, apply_all, object_ops};
use kfreg_difffuzz::nopanic::corpus;
use kfreg_difffuzz::rng::Rng;
use kfreg_object::embedded::{classify, find_embedded, object_len};
use kfreg_object::loader::{LoadOptions, load_object};
use kfreg_verifier::{Options, verify};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The Debian binaries whose objects are mutated too (the no-panic fuzzer
/// takes them all; here a few keep `cargo test` short).
const REAL: [&str; 3] = [
    "/usr/sbin/execsnoop",
    "/usr/sbin/xdp-filter",
    "/usr/sbin/tcpconnect",
];

#[test]
fn mutated_objects_never_panic() {
    let reg = Registry::global();
    let btf = std::fs::read(corpus::root().join("tests/corpus/vmlinux.btf")).expect("vmlinux.btf");
    let mut opts = LoadOptions::with_target_btf(&btf).expect("vmlinux.btf parses");
    opts.kconfig.insert(
        "LINUX_KERNEL_VERSION".into(),
        kfreg_object::loader::kconfig::Value::Number(0x06122c),
    );
    let per_object: usize = std::env::var("KFREG_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let objects = corpus::objects(&[]);
    let objects = objects.iter().filter(|(name, _)| {
        ["/tests/corpus/", "/verifier/tests/fixtures/"]
            .iter()
            .any(|d| name.contains(d))
            || REAL.iter().any(|r| name.starts_with(r))
    });
    let verify_opts = Options::default();
    let mut panics = Vec::new();
    let mut runs = 0;
    for (name, bytes) in objects {
        let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15 ^ bytes.len() as u64);
        let layout = Layout::of(bytes);
        for n in 0..per_object {
            let m = apply_all(bytes, &object_ops(bytes, &layout, &mut rng));
            runs += 1;
            let r = catch_unwind(AssertUnwindSafe(|| {
                let _ = classify(&m);
                let _ = object_len(&m);
                let _ = find_embedded(&m);
                let Ok(obj) = load_object(&m, reg, &opts) else {
                    return;
                };
                for p in &obj.programs {
                    if let Ok(prog) = obj.to_program(p) {
                        let _ = verify(&prog, reg, &verify_opts);
                    }
                }
            }));
            if let Err(p) = r {
                let msg = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                panics.push(format!("{name} mutant #{n}: {msg}"));
            }
        }
    }
    eprintln!("mutated objects: {runs} mutants, {} panics", panics.len());
    assert!(panics.is_empty(), "panics:\n{}", panics.join("\n"));
}
