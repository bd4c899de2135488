//! Prints every `tests/asm/*.s` case as JSON with its encoded bytes, for
//! `scripts/asm-kernel-verdicts.py` to load into the kernel.

// Helper names resolve through the catalog's declarations.
kfreg::link!(kfreg_catalog);

use kfreg_object::btf::{Btf, Kind};

/// Kfunc names resolve to their ids in the BTF of the kernel the cases are
/// loaded into.
struct KernelKfuncs(Option<Btf>);

impl kfreg_isa::asm::Resolver for KernelKfuncs {
    fn kfunc_id(&self, name: &str) -> Option<i32> {
        Some(self.0.as_ref()?.find(name, Kind::Func)? as i32)
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "verifier/tests/asm".into());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("asm dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "s"))
        .collect();
    files.sort();
    let kernel = KernelKfuncs(Btf::from_file("/sys/kernel/btf/vmlinux").ok());
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read");
        for chunk in text.split("\n### ").map(|c| c.trim_start_matches("### ")) {
            let Some((name, body)) = chunk.split_once('\n') else {
                continue;
            };
            if name.trim().is_empty() || name.starts_with(';') {
                continue;
            }
            let meta: Vec<&str> = body
                .lines()
                .filter_map(|l| l.trim().strip_prefix("; "))
                .collect();
            let insns = match kfreg_isa::asm::assemble(body, &kernel) {
                Ok(i) => i,
                Err(e) => {
                    eprintln!("{}: {name}: {e}", f.display());
                    std::process::exit(2);
                }
            };
            let raw = kfreg_isa::encode(&insns);
            let hex: String = kfreg_isa::RawInsn::to_bytes(&raw)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            out.push(format!(
                "{{\"file\":{:?},\"name\":{:?},\"meta\":[{}],\"insns\":\"{hex}\"}}",
                f.file_name().unwrap_or_default().to_string_lossy(),
                name.trim(),
                meta.iter()
                    .map(|m| format!("{m:?}"))
                    .collect::<Vec<_>>()
                    .join(",")
            ));
        }
    }
    println!("[{}]", out.join(",\n"));
}
