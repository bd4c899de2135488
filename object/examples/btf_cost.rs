//! Where loading a kernel BTF goes: reading the file, parsing and checking
//! it, building the name index (`find_by_name`), the CO-RE candidate index
//! (`find_by_essential_name`) and dropping it; the median of `--runs` rounds.
//!
//! ```sh
//! cargo run --release -p kfreg-object --example btf_cost -- tests/corpus/vmlinux.btf --runs 11
//! ```

use kfreg_object::btf::Btf;
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or("/sys/kernel/btf/vmlinux".into());
    let runs = match (args.next().as_deref(), args.next()) {
        (Some("--runs"), Some(n)) => n.parse().expect("--runs N"),
        _ => 11,
    };
    let phases = [
        "read",
        "parse",
        "find_by_name",
        "find_by_essential_name",
        "drop",
    ];
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); phases.len()];
    let mut types = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        times[0].push(t.elapsed());
        let t = Instant::now();
        let btf = Btf::parse(&data).unwrap_or_else(|e| panic!("{path}: {e}"));
        times[1].push(t.elapsed());
        types = btf.len();
        // The first lookup of each kind builds its index.
        let t = Instant::now();
        assert!(!btf.find_by_name("task_struct").is_empty());
        times[2].push(t.elapsed());
        let t = Instant::now();
        assert!(!btf.find_by_essential_name("task_struct").is_empty());
        times[3].push(t.elapsed());
        let t = Instant::now();
        drop(btf);
        times[4].push(t.elapsed());
    }
    println!("{path}: {types} types, median of {runs} runs");
    let mut total = Duration::ZERO;
    for (name, mut t) in phases.iter().zip(times) {
        t.sort();
        let median = t[t.len() / 2];
        total += median;
        println!("{name:<24} {:>8.2} ms", median.as_secs_f64() * 1e3);
    }
    println!("{:<24} {:>8.2} ms", "sum", total.as_secs_f64() * 1e3);
}
