//! Verification time on the differential corpus (`tests/corpus/*.bpf.o`):
//! every program is loaded once (ELF, BTF, CO-RE against the recorded
//! `vmlinux.btf`, decoding) outside the timed loop; only `verify()` is timed.
//! One benchmark per object file (all its programs, one after the other) and
//! one for the whole corpus. `scripts/kernel-timing.py` compares the same
//! programs with the Linux verifier's own `verification time`.
#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use kfreg::Registry;
use kfreg_verifier::loader::{LoadOptions, load_object};
use kfreg_verifier::program::Program;
use kfreg_verifier::{Options, verify};
use std::path::PathBuf;
use std::time::Duration;

kfreg::link!(kfreg_catalog);

/// Every decodable program of every corpus object, grouped by file.
fn corpus(reg: &Registry) -> Vec<(String, Vec<Program>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let btf = std::fs::read(dir.join("vmlinux.btf")).expect("tests/corpus/vmlinux.btf");
    let target = LoadOptions::with_target_btf(&btf).expect("vmlinux.btf parses");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".bpf.o"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let name = f.file_name().unwrap_or_default().to_string_lossy();
            let bytes = std::fs::read(f).expect("read object");
            let obj = load_object(&bytes, reg, &target).unwrap_or_else(|e| panic!("{name}: {e}"));
            // A program the decoder rejects never reaches verify(): nothing to time.
            let progs = obj
                .programs
                .iter()
                .filter_map(|p| obj.to_program(p).ok())
                .collect();
            (name.into_owned(), progs)
        })
        .collect()
}

fn verify_all(progs: &[Program], reg: &Registry, opts: &Options) -> usize {
    progs
        .iter()
        .filter(|p| verify(black_box(p), reg, opts).accepted())
        .count()
}

fn bench(c: &mut Criterion) {
    let reg = Registry::global();
    let opts = Options::default();
    let files = corpus(reg);
    let total: usize = files.iter().map(|(_, p)| p.len()).sum();
    let mut group = c.benchmark_group("corpus");
    for (name, progs) in &files {
        group.bench_function(format!("{name} ({} programs)", progs.len()), |b| {
            b.iter(|| verify_all(progs, reg, &opts))
        });
    }
    let all: Vec<Program> = files.into_iter().flat_map(|(_, p)| p).collect();
    group.bench_function(format!("all ({total} programs)"), |b| {
        b.iter(|| verify_all(&all, reg, &opts))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    // Short runs: 23 benchmarks in about half a minute.
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(20);
    targets = bench
}
criterion_main!(benches);
