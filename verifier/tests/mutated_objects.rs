//! No panics on damaged input: real objects (the corpus's, the loader
//! fixtures, and the Debian objects of the real-object corpus when they are
//! installed), each mutated many times (bytes flipped, overwritten with
//! boundary values, ranges zeroed or truncated) by a deterministic generator,
//! go through the embedded-object finder, the loader and the verifier. Any
//! outcome is fine except a panic.
//!
//! `KFREG_MUTATIONS=N` sets the number of mutants per object (default 20).

kfreg::link!(kfreg_catalog);

use kfreg::Registry;
use kfreg_object::embedded::{classify, find_embedded, object_len};
use kfreg_object::loader::{LoadOptions, load_object};
use kfreg_verifier::{Options, verify};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Byte ranges of the executable sections: most mutations land there, so
/// that the verifier, not only the loader, sees damaged programs.
fn code_ranges(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let Ok(elf) = kfreg_object::elf::ElfObject::parse(bytes) else {
        return Vec::new();
    };
    let base = bytes.as_ptr() as usize;
    elf.sections
        .iter()
        .filter(|s| s.is_exec() && !s.data.is_empty())
        .map(|s| {
            let start = s.data.as_ptr() as usize - base;
            start..start + s.data.len()
        })
        .collect()
}

fn mutate(bytes: &[u8], code: &[std::ops::Range<usize>], rng: &mut Rng) -> Vec<u8> {
    let mut b = bytes.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = match code.get(rng.below(code.len() * 2)) {
            Some(r) => r.start + rng.below(r.len()),
            None => rng.below(b.len()),
        }
        .min(b.len() - 1);
        match rng.below(6) {
            0 => b[at] ^= 1 << rng.below(8),
            1 => b[at] = [0, 1, 0x7f, 0x80, 0xff][rng.below(5)],
            2 => {
                let v = [0u32, 1, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff][rng.below(5)];
                let end = (at + 4).min(b.len());
                b[at..end].copy_from_slice(&v.to_le_bytes()[..end - at]);
            }
            3 => {
                let end = (at + 1 + rng.below(64)).min(b.len());
                b[at..end].fill(0);
            }
            4 => b.truncate(at.max(1)),
            _ => {
                // An instruction's opcode byte, where the program text is.
                let slot = at & !7;
                if slot < b.len() {
                    b[slot] = rng.next() as u8;
                }
            }
        }
    }
    b
}

fn objects() -> Vec<(String, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("../tests/corpus"), root.join("tests/fixtures")] {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("object directory")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "o"))
            .collect();
        files.sort();
        for f in files {
            out.push((f.display().to_string(), std::fs::read(&f).expect("read")));
        }
    }
    // A few real objects when installed (the real-object test requires them).
    for path in [
        "/usr/sbin/execsnoop",
        "/usr/sbin/xdp-filter",
        "/usr/sbin/tcpconnect",
    ] {
        if let Ok(bytes) = std::fs::read(path) {
            for e in find_embedded(&bytes).0 {
                out.push((
                    format!("{path}@{:#x}", e.offset),
                    bytes[e.offset..e.offset + e.len].to_vec(),
                ));
            }
        }
    }
    out
}

#[test]
fn mutated_objects_never_panic() {
    let reg = Registry::global();
    let btf = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus/vmlinux.btf"),
    )
    .expect("vmlinux.btf");
    let mut opts = LoadOptions::with_target_btf(&btf).expect("vmlinux.btf parses");
    opts.kconfig.insert("LINUX_KERNEL_VERSION".into(), 0x06122c);
    let per_object: usize = std::env::var("KFREG_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let verify_opts = Options::default();
    let mut panics = Vec::new();
    let mut runs = 0;
    for (name, bytes) in objects() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ bytes.len() as u64);
        let code = code_ranges(&bytes);
        for n in 0..per_object {
            let m = mutate(&bytes, &code, &mut rng);
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
