//! The kernel's selftests loaded without their BTF, two ways
//! (`scripts/selftests-without-btf.py` records both):
//!
//! - refused: every object's first BTF integer given two encoding bits (as
//!   GCC 12 writes `signed char`), which `BPF_BTF_LOAD` refuses with -524.
//!   libbpf then loads the programs without BTF: no function or line info,
//!   maps without value types, or, for objects with struct_ops, nothing.
//! - without .BTF.ext: libbpf has no function or line info to give, and the
//!   kernel then keeps none of the program's BTF.
//!
//! For every program whose verdict or message the kernel changed so
//! (`tests/selftests/refused-btf.json`, `tests/selftests/no-btf-ext.json`),
//! kfreg must give the kernel's verdict and last error line.

kfreg::link!(kfreg_catalog);

mod common;

use common::selftests::{Outcome, data_dir, objects, recorded_load_options, verify_file};
use kfreg::Registry;
use std::collections::BTreeMap;

/// Bytes after a BTF type's 12-byte header, by kind, for `vlen` members.
fn trailer(kind: u32, vlen: usize) -> usize {
    match kind {
        1 | 14 | 17 => 4,
        3 => 12,
        4 | 5 | 15 | 19 => 12 * vlen,
        6 | 13 => 8 * vlen,
        _ => 0,
    }
}

/// `elf` with its first BTF integer made both signed and a character (the
/// recorder's patch), or `None` without one.
fn refuse_btf(elf: &[u8]) -> Option<Vec<u8>> {
    let u16_at = |d: &[u8], o: usize| u16::from_le_bytes([d[o], d[o + 1]]) as usize;
    let u32_at = |d: &[u8], o: usize| u32::from_le_bytes(d[o..o + 4].try_into().unwrap());
    let u64_at = |d: &[u8], o: usize| u64::from_le_bytes(d[o..o + 8].try_into().unwrap()) as usize;
    let (shoff, shentsize, shnum, shstrndx) = (
        u64_at(elf, 0x28),
        u16_at(elf, 0x3a),
        u16_at(elf, 0x3c),
        u16_at(elf, 0x3e),
    );
    let sec = |i: usize| shoff + i * shentsize;
    let strtab = u64_at(elf, sec(shstrndx) + 0x18);
    let btf = (0..shnum).map(sec).find(|&h| {
        let name = strtab + u32_at(elf, h) as usize;
        elf[name..].starts_with(b".BTF\0")
    })?;
    let off = u64_at(elf, btf + 0x18);
    let types = off + u32_at(elf, off + 4) as usize + u32_at(elf, off + 8) as usize;
    let end = types + u32_at(elf, off + 12) as usize;
    let mut out = elf.to_vec();
    let mut p = types;
    while p < end {
        let info = u32_at(elf, p + 4);
        let (kind, vlen) = ((info >> 24) & 0x1f, (info & 0xffff) as usize);
        if kind == 1 {
            let word = (u32_at(elf, p + 12) & 0x00ff_ffff) | (3 << 24);
            out[p + 12..p + 16].copy_from_slice(&word.to_le_bytes());
            return Some(out);
        }
        p += 12 + trailer(kind, vlen);
    }
    None
}

/// `elf` with its `.BTF.ext` section renamed (the recorder's change), or
/// `None` without one.
fn rename_btf_ext(elf: &[u8]) -> Option<Vec<u8>> {
    let u16_at = |o: usize| u16::from_le_bytes([elf[o], elf[o + 1]]) as usize;
    let u32_at = |o: usize| u32::from_le_bytes(elf[o..o + 4].try_into().unwrap()) as usize;
    let u64_at = |o: usize| u64::from_le_bytes(elf[o..o + 8].try_into().unwrap()) as usize;
    let (shoff, shentsize, shnum) = (u64_at(0x28), u16_at(0x3a), u16_at(0x3c));
    let strtab = u64_at(shoff + u16_at(0x3e) * shentsize + 0x18);
    let name = (0..shnum)
        .map(|i| strtab + u32_at(shoff + i * shentsize))
        .find(|&at| elf[at..].starts_with(b".BTF.ext\0"))?;
    let mut out = elf.to_vec();
    out[name + 4] = b'_';
    Some(out)
}

#[test]
fn kfreg_agrees_with_linux_on_the_selftests_with_their_btf_refused() {
    agrees_without_btf("refused-btf", refuse_btf);
}

#[test]
fn kfreg_agrees_with_linux_on_the_selftests_without_their_btf_ext() {
    agrees_without_btf("no-btf-ext", rename_btf_ext);
}

/// Checks kfreg against the recording `VARIANT.json` of the selftests
/// changed by `change`.
fn agrees_without_btf(variant: &str, change: fn(&[u8]) -> Option<Vec<u8>>) {
    let text =
        std::fs::read_to_string(data_dir().join(format!("{variant}.json"))).expect("the recording");
    let rows: Vec<serde_json::Value> = serde_json::from_str(&text).expect("JSON");
    assert!(
        rows.len() > 300,
        "the recording has {} programs",
        rows.len()
    );
    let dir = objects().parent().expect("target/selftests").join(variant);
    std::fs::create_dir_all(&dir).expect("target/selftests/VARIANT");
    let reg = Registry::global();
    let target = recorded_load_options();
    let mut ours: BTreeMap<String, BTreeMap<String, Outcome>> = BTreeMap::new();
    let mut differ = Vec::new();
    for row in &rows {
        let file = row["file"].as_str().expect("file");
        let program = row["program"].as_str().expect("program");
        let outcomes = ours.entry(file.to_string()).or_insert_with(|| {
            // Written out under the recorded name: libbpf names the object
            // by its file.
            let bytes = std::fs::read(objects().join(file)).expect("a selftest object");
            let path = dir.join(file);
            std::fs::write(&path, change(&bytes).expect("the object changes"))
                .expect("write the object");
            verify_file(&path, reg, &target)
        });
        let want_accept = row["verdict"] == "ACCEPT";
        let want_last = row["error_lines"]
            .as_array()
            .and_then(|l| l.last())
            .and_then(|l| l.as_str())
            .unwrap_or_default()
            .trim_start_matches("libbpf: ");
        let got = outcomes
            .get(program)
            .or_else(|| outcomes.get(""))
            .map(|o| match o {
                Outcome::Verdict {
                    accepted, error, ..
                } => (*accepted, error.last().cloned().unwrap_or_default()),
                Outcome::Loader(e) => (false, e.clone()),
                Outcome::Panic(p) => (false, format!("panic: {p}")),
            });
        if got.as_ref().is_none_or(|(a, last)| {
            *a != want_accept || (!want_accept && last.trim() != want_last.trim())
        }) {
            differ.push(format!(
                "{file}/{program}: kernel {} {want_last} | kfreg {got:?}",
                row["verdict"]
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} of {} programs differ:\n{}",
        differ.len(),
        rows.len(),
        differ.join("\n")
    );
}
