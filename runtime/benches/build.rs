//! Registry build time and memory for generated registries of 100, 1k, 10k
//! and 100k kfuncs (issue 14).
//!
//! The descriptors are made at run time and leaked, as `#[kfunc]` would have
//! placed them in the binary, and handed to `Registry::build` in a shuffled
//! order (link order is arbitrary; names must be sorted). Kfuncs come in
//! families of 8, like the catalog's 203 in 40-odd families.
//!
//! Before timing, the bench prints the heap bytes the built registry keeps
//! and the peak the build reaches, per kfunc, from a counting global
//! allocator. `scripts/bench-table.py build` prints the times, and the
//! time to find every kfunc by name against a std `HashMap` of the names.
#![allow(missing_docs)] // criterion_group! generates undocumented items

mod synth;

use criterion::{BenchmarkId, Criterion, Throughput, black_box};
use kfreg::{FamilyDesc, Kfunc, ProgTypes, Registry};
use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;
use synth::Rng;

/// The system allocator, counting the bytes live now and the most live at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; the counters are
// only statistics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(live, Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let live =
                    LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(live, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const SIZES: [usize; 4] = [100, 1_000, 10_000, 100_000];
/// Members per family.
const FAMILY: usize = 8;

/// Generated declarations: `n` kfuncs in families of [`FAMILY`], shuffled.
struct Decls {
    kfuncs: Vec<&'static Kfunc>,
    families: Vec<&'static FamilyDesc>,
}

fn decls(n: usize) -> Decls {
    let mut rng = Rng::new(n as u64);
    let families: Vec<_> = (0..n.div_ceil(FAMILY))
        .map(|f| synth::family(&format!("fam_{f:05}"), ProgTypes::ANY))
        .collect();
    // Names like the kernel's: a family prefix, a verb, a number.
    const VERBS: [&str; 8] = [
        "acquire",
        "release",
        "push_front",
        "pop_back",
        "from_id",
        "new",
        "next",
        "destroy",
    ];
    let mut kfuncs: Vec<_> = (0..n)
        .map(|i| {
            let f = i / FAMILY;
            let name = format!("bpf_fam_{f:05}_{}_{i}", VERBS[i % FAMILY]);
            synth::kfunc(name, families[f], i % 3 == 0, i as u32)
        })
        .collect();
    rng.shuffle(&mut kfuncs);
    let mut families = families;
    rng.shuffle(&mut families);
    Decls { kfuncs, families }
}

fn build(d: &Decls) -> Registry {
    Registry::build(d.kfuncs.iter().copied(), d.families.iter().copied()).expect("no conflicts")
}

/// Heap bytes per kfunc: what the registry keeps, and the build's peak.
fn report_bytes(all: &[(usize, Decls)]) {
    println!("registry heap bytes per kfunc (descriptors not counted: they are static data)");
    println!(
        "{:>8} {:>14} {:>10} {:>14} {:>10}",
        "kfuncs", "kept bytes", "per kfunc", "peak bytes", "per kfunc"
    );
    for (n, d) in all {
        let before = LIVE.load(Relaxed);
        PEAK.store(before, Relaxed);
        let reg = build(d);
        let kept = LIVE.load(Relaxed) - before;
        let peak = PEAK.load(Relaxed) - before;
        assert_eq!(reg.len(), *n);
        println!(
            "{n:>8} {kept:>14} {:>10.1} {peak:>14} {:>10.1}",
            kept as f64 / *n as f64,
            peak as f64 / *n as f64
        );
        drop(reg);
    }
    println!(
        "static descriptor: {} bytes per Kfunc, {} per Param",
        size_of::<Kfunc>(),
        size_of::<kfreg::Param>()
    );
}

fn main() {
    let all: Vec<(usize, Decls)> = SIZES.iter().map(|&n| (n, decls(n))).collect();
    report_bytes(&all);

    // A shared 2-core machine: short runs, compared within one run.
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(10)
        .configure_from_args();
    let mut g = c.benchmark_group("build");
    for (n, d) in &all {
        g.throughput(Throughput::Elements(*n as u64));
        g.bench_with_input(BenchmarkId::new("registry", n), d, |b, d| {
            b.iter(|| build(black_box(d)))
        });
    }
    g.finish();

    // Name -> id, side by side with the std `HashMap` (SipHash) that held
    // the names before they were found by halving over name prefixes.
    let mut g = c.benchmark_group("lookup");
    for (n, d) in &all {
        let reg = build(d);
        let mut names: Vec<&str> = d.kfuncs.iter().map(|k| k.name).collect();
        Rng::new(7).shuffle(&mut names);
        let map: HashMap<&str, u32> = reg.iter().map(|(id, k)| (k.name, id.0)).collect();
        g.throughput(Throughput::Elements(*n as u64));
        g.bench_with_input(BenchmarkId::new("registry", n), &names, |b, names| {
            b.iter(|| names.iter().filter_map(|&s| reg.id(black_box(s))).count())
        });
        g.bench_with_input(BenchmarkId::new("hashmap", n), &names, |b, names| {
            b.iter(|| names.iter().filter_map(|&s| map.get(black_box(s))).count())
        });
    }
    g.finish();
    c.final_summary();
}
