//! The seed's question (issue 14): "const arrays searched linearly at
//! runtime, which is slower: what is the benefit?"
//!
//! For sets of 1 to 64 kfuncs among 256, the registry's queries
//! (`in_family`, `has`, `takes`, `allowed_in`) against the three ways the
//! kernel and the rejected table-driven patch answer "is this kfunc one of
//! these":
//!
//! - `spread` and `chain`: the kernel's `func_id == special_kfunc_list[A] ||
//!   ...`, a real compiled chain (one function per size, written out by
//!   `chain!`) over an id list the compiler cannot see into, as
//!   `BTF_ID_LIST` is filled in by `resolve_btfids` after compilation;
//!   `spread` compares every third slot and compiles to the kernel's
//!   compare-and-branch chain, `chain` compares adjacent slots and gets its
//!   first four comparisons done by one SSE2 instruction;
//! - `linear`: the rejected patch's table scanned element by element;
//! - `bsearch`: a sorted `(id, flags)` set searched by halving, the kernel's
//!   `btf_id_set8_contains`.
//!
//! Every benchmark runs the same fixed pseudo-random stream of 4,096 ids,
//! half members and half not. `scripts/bench-table.py membership` prints the
//! per-query times and the ratios to the chains.
#![allow(missing_docs)] // criterion_group! generates undocumented items

mod synth;

use criterion::{BenchmarkId, Criterion, Throughput, black_box, criterion_group, criterion_main};
use kfreg::{ArgKind, FamilyId, Flags, KfuncId, ProgType, ProgTypes, Registry};
use std::time::Duration;
use synth::Rng;

/// Kfuncs in each generated registry (Linux 6.18 has 203).
const TOTAL: usize = 256;
/// Queries per benchmark iteration.
const QUERIES: usize = 4096;

/// Writes `fn $name(list, id) -> bool` as the kernel writes its
/// `is_*_kfunc()` predicates: one comparison per listed position.
macro_rules! chain {
    ($name:ident: $($i:literal)*) => {
        fn $name(list: &[u32; SLOTS], id: u32) -> bool {
            false $(|| id == list[$i])*
        }
    };
}

/// Positions in the chains' id list.
const SLOTS: usize = 192;

// `chain_K` compares adjacent positions: this compiler turns the first four
// comparisons into one SSE2 compare, which the kernel, built without SIMD,
// never gets. `spread_K` compares every third position, as an enum mixing
// several families spreads them: a plain compare-and-branch chain, the code
// the kernel's predicates compile to.
chain!(chain_1: 0);
chain!(chain_2: 0 1);
chain!(chain_4: 0 1 2 3);
chain!(chain_6: 0 1 2 3 4 5);
chain!(chain_8: 0 1 2 3 4 5 6 7);
chain!(chain_16: 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15);
chain!(chain_32: 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29
    30 31);
chain!(chain_64: 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29
    30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60
    61 62 63);
chain!(spread_1: 0);
chain!(spread_2: 0 3);
chain!(spread_4: 0 3 6 9);
chain!(spread_6: 0 3 6 9 12 15);
chain!(spread_8: 0 3 6 9 12 15 18 21);
chain!(spread_16: 0 3 6 9 12 15 18 21 24 27 30 33 36 39 42 45);
chain!(spread_32: 0 3 6 9 12 15 18 21 24 27 30 33 36 39 42 45 48 51 54 57 60 63 66 69 72 75 78
    81 84 87 90 93);
chain!(spread_64: 0 3 6 9 12 15 18 21 24 27 30 33 36 39 42 45 48 51 54 57 60 63 66 69 72 75 78
    81 84 87 90 93 96 99 102 105 108 111 114 117 120 123 126 129 132 135 138 141 144 147 150 153
    156 159 162 165 168 171 174 177 180 183 186 189);

/// The rejected patch: a table of ids scanned in order.
fn linear(table: &[u32], id: u32) -> bool {
    for &x in table {
        if x == id {
            return true;
        }
    }
    false
}

/// `btf_id_set8_contains`: halving over `(id, flags)` pairs sorted by id.
fn bsearch(set8: &[(u32, u32)], id: u32) -> bool {
    set8.binary_search_by_key(&id, |&(x, _)| x).is_ok()
}

/// One set size: a registry in which `k` of the 256 kfuncs are the members,
/// the same members in the kernel's three representations, and the query
/// stream.
struct Case {
    reg: Registry,
    family: FamilyId,
    list: [u32; SLOTS],
    spread: [u32; SLOTS],
    table: Vec<u32>,
    set8: Vec<(u32, u32)>,
    stream: Vec<u32>,
}

fn case(k: usize) -> Case {
    let mut rng = Rng::new(0x5eed ^ k as u64);
    let mut order: Vec<usize> = (0..TOTAL).collect();
    rng.shuffle(&mut order);
    let (members, others) = order.split_at(k);
    let fam = synth::family("fam", ProgTypes::ANY);
    let rest = synth::family("rest", ProgTypes::ANY);
    // Names sort as their numbers, so kfunc i gets id i.
    let kfuncs: Vec<_> = (0..TOTAL)
        .map(|i| {
            let member = members.contains(&i);
            let family = if member { fam } else { rest };
            synth::kfunc(format!("bpf_kf_{i:03}"), family, member, i as u32)
        })
        .collect();
    let reg = Registry::build(kfuncs, [fam, rest]).expect("no conflicts");
    for i in 0..TOTAL {
        assert_eq!(reg.id(&format!("bpf_kf_{i:03}")), Some(KfuncId(i as u32)));
    }
    let family = reg.family_id("fam").expect("registered");

    let mut list = [u32::MAX; SLOTS];
    let mut spread = [u32::MAX; SLOTS];
    for (j, &m) in members.iter().enumerate() {
        list[j] = m as u32;
        spread[3 * j] = m as u32;
    }
    let table: Vec<u32> = members.iter().map(|&m| m as u32).collect();
    let mut set8: Vec<(u32, u32)> = table.iter().map(|&id| (id, 1)).collect();
    set8.sort_unstable();
    let stream = (0..QUERIES)
        .map(|_| {
            let pool = if rng.next() & 1 == 0 { members } else { others };
            pool[rng.below(pool.len())] as u32
        })
        .collect();
    Case {
        reg,
        family,
        list,
        spread,
        table,
        set8,
        stream,
    }
}

/// Every representation answers the same question the same way.
fn check(c: &Case, chain: impl Chain, spread: impl Chain) {
    for &id in &c.stream {
        let kid = KfuncId(id);
        let want = chain(&c.list, id);
        assert_eq!(spread(&c.spread, id), want);
        assert_eq!(linear(&c.table, id), want);
        assert_eq!(bsearch(&c.set8, id), want);
        assert_eq!(c.reg.in_family(kid, c.family), want);
        assert_eq!(c.reg.has(kid, Flags::ACQUIRE), want);
        assert_eq!(c.reg.takes(kid, ArgKind::ListNode), want);
        assert_eq!(c.reg.allowed_in(kid, ProgType::Xdp), want);
    }
}

/// Counts the hits of `query` over the stream; each id passes through
/// `black_box` so no query is hoisted or vectorised across the stream.
fn hits(stream: &[u32], query: impl Fn(u32) -> bool) -> usize {
    stream.iter().filter(|&&id| query(black_box(id))).count()
}

/// A chain function; passed as its own type (`impl`), so every call is direct.
trait Chain: Fn(&[u32; SLOTS], u32) -> bool + Copy {}
impl<F: Fn(&[u32; SLOTS], u32) -> bool + Copy> Chain for F {}

fn size(c: &mut Criterion, k: usize, chain: impl Chain, spread: impl Chain) {
    let case = case(k);
    check(&case, chain, spread);
    let Case {
        reg,
        family,
        list,
        spread: spread_list,
        table,
        set8,
        stream,
    } = &case;
    let mut g = c.benchmark_group(format!("membership_{k:02}"));
    g.throughput(Throughput::Elements(QUERIES as u64));
    let id = |name| BenchmarkId::new(name, k);
    // Each iteration hides the set and the query's other operand from the
    // optimiser once (`black_box`); each id of the stream is hidden again.
    // `floor` is the stream loop with the cheapest query there is: the
    // cost every benchmark of the group pays besides its query.
    g.bench_function(id("floor"), |b| b.iter(|| hits(stream, |q| q & 1 == 0)));
    g.bench_function(id("chain"), |b| {
        b.iter(|| {
            let list = black_box(list);
            hits(stream, |q| chain(list, q))
        })
    });
    g.bench_function(id("spread"), |b| {
        b.iter(|| {
            let list = black_box(spread_list);
            hits(stream, |q| spread(list, q))
        })
    });
    g.bench_function(id("linear"), |b| {
        b.iter(|| {
            let table = black_box(table);
            hits(stream, |q| linear(table, q))
        })
    });
    g.bench_function(id("bsearch"), |b| {
        b.iter(|| {
            let set8 = black_box(set8);
            hits(stream, |q| bsearch(set8, q))
        })
    });
    g.bench_function(id("in_family"), |b| {
        b.iter(|| {
            let (reg, family) = black_box((reg, *family));
            hits(stream, |q| reg.in_family(KfuncId(q), family))
        })
    });
    g.bench_function(id("has"), |b| {
        b.iter(|| {
            let (reg, flag) = black_box((reg, Flags::ACQUIRE));
            hits(stream, |q| reg.has(KfuncId(q), flag))
        })
    });
    g.bench_function(id("takes"), |b| {
        b.iter(|| {
            let (reg, kind) = black_box((reg, ArgKind::ListNode));
            hits(stream, |q| reg.takes(KfuncId(q), kind))
        })
    });
    g.bench_function(id("allowed_in"), |b| {
        b.iter(|| {
            let (reg, prog) = black_box((reg, ProgType::Xdp));
            hits(stream, |q| reg.allowed_in(KfuncId(q), prog))
        })
    });
    g.finish();
}

fn membership(c: &mut Criterion) {
    size(c, 1, chain_1, spread_1);
    size(c, 2, chain_2, spread_2);
    size(c, 4, chain_4, spread_4);
    size(c, 6, chain_6, spread_6);
    size(c, 8, chain_8, spread_8);
    size(c, 16, chain_16, spread_16);
    size(c, 32, chain_32, spread_32);
    size(c, 64, chain_64, spread_64);
}

criterion_group! {
    name = benches;
    // A shared 2-core machine: short runs, many of them, compared within one run.
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(30);
    targets = membership
}
criterion_main!(benches);
