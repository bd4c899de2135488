//! Map creation against the kernel: every row of
//! `data/map-create.tsv` (scripts/map-create-sweep.py, recorded by creating
//! each map on Linux 6.18) is what `MapKind::creation_errno` says.

use kfreg::MapKind;

#[test]
fn creation_errno_agrees_with_the_recorded_kernel() {
    let data = include_str!("data/map-create.tsv");
    let mut rows = 0;
    let mut wrong = Vec::new();
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let kind = MapKind::from_name(f[0]).unwrap_or_else(|| panic!("unknown map type in {line}"));
        let n: Vec<u64> = f[1..]
            .iter()
            .map(|x| x.parse().expect("a number"))
            .collect();
        let [key, value, entries, flags] = [n[0], n[1], n[2], n[3]].map(|x| x as u32);
        let (extra, errno) = (n[4], n[5] as u32);
        let ours = kind
            .creation_errno(key, value, entries, flags, extra)
            .unwrap_or(0);
        if ours != errno {
            wrong.push(format!("{line}: kfreg says {ours}"));
        }
        rows += 1;
    }
    assert!(rows > 7000, "only {rows} rows recorded");
    assert!(
        wrong.is_empty(),
        "{} of {rows} differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Every row of `data/map-inner.tsv` (a map of each type made the inner map
/// of each map of maps on Linux 6.18) is what `MapKind::inner_errno` says.
#[test]
fn inner_errno_agrees_with_the_recorded_kernel() {
    let data = include_str!("data/map-inner.tsv");
    let mut rows = 0;
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let kind = MapKind::from_name(f[0]).unwrap_or_else(|| panic!("unknown map type in {line}"));
        let errno: u32 = f[2].parse().expect("a number");
        assert_eq!(kind.inner_errno().unwrap_or(0), errno, "{line}");
        rows += 1;
    }
    assert!(rows > 40, "only {rows} rows recorded");
}
