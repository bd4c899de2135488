//! Registry query costs: what the verifier pays per kfunc call.
#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use kfreg::{ArgKind, Flags, ProgType, Registry};

kfreg::link!(kfreg_catalog);

fn queries(c: &mut Criterion) {
    let reg = Registry::global();
    let names: Vec<&str> = reg.iter().map(|(_, k)| k.name).collect();
    let ids: Vec<_> = reg.iter().map(|(id, _)| id).collect();
    let list = reg
        .family_id("list")
        .expect("the catalog declares the list family");

    c.bench_function("build registry (203 kfuncs)", |b| {
        b.iter(|| Registry::collect().expect("no conflicts"))
    });
    c.bench_function("name -> id (all kfuncs)", |b| {
        b.iter(|| names.iter().filter_map(|n| reg.id(black_box(n))).count())
    });
    c.bench_function("flag + kind + family + availability (all kfuncs)", |b| {
        b.iter(|| {
            ids.iter()
                .filter(|id| {
                    reg.has(**id, black_box(Flags::ACQUIRE))
                        && reg.takes(**id, black_box(ArgKind::ListNode))
                        || reg.in_family(**id, list)
                            && reg.allowed_in(**id, black_box(ProgType::Xdp))
                })
                .count()
        })
    });
}

criterion_group!(benches, queries);
criterion_main!(benches);
