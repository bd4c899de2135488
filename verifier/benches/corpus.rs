//! Verification time on the differential corpus (`tests/corpus/*.bpf.o`):
//! every program is loaded once (ELF, BTF, CO-RE against the recorded
//! `vmlinux.btf`, decoding) outside the timed loop; only `verify()` is timed.
//! One benchmark per object file (all its programs, one after the other), one
//! for the whole corpus, and one apiece for the programs that take more than
//! 100,000 instructions (they are left out of the others so that the run stays
//! short). `scripts/kernel-timing.py` compares the same programs with the
//! Linux verifier's own `verification time`.
#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{Criterion, SamplingMode, black_box, criterion_group, criterion_main};
use kfreg::Registry;
use kfreg_object::loader::{LoadOptions, load_object};
use kfreg_object::program::Program;
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

/// Programs above this many processed instructions get a benchmark of their own.
const HEAVY: u64 = 100_000;

fn bench(c: &mut Criterion) {
    let reg = Registry::global();
    let opts = Options::default();
    let mut heavy = Vec::new();
    let files: Vec<(String, Vec<Program>)> = corpus(reg)
        .into_iter()
        .map(|(file, progs)| {
            let (big, small): (Vec<_>, Vec<_>) = progs
                .into_iter()
                .partition(|p| verify(p, reg, &opts).stats.insns_processed > HEAVY);
            heavy.extend(big.into_iter().map(|p| (format!("{file}/{}", p.name), p)));
            (file, small)
        })
        .collect();
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
    let mut group = c.benchmark_group("corpus-heavy");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (name, prog) in &heavy {
        group.bench_function(name.as_str(), |b| {
            b.iter(|| verify(black_box(prog), reg, &opts).accepted())
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Short runs: the 24 benchmarks take about a minute.
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(20);
    targets = bench
}
criterion_main!(benches);
