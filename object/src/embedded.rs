//! What a file handed to `kfreg verify` is: a BPF object, or a host binary
//! with BPF objects embedded in it (libbpf skeletons carry the object's ELF
//! bytes verbatim in the tool's read-only data), found by their ELF headers.
//!
//! Everything here reads headers only and checks every offset, so any input
//! gives an answer or an [`InputError`], never a panic.

use std::fmt;
use std::io::Read;

/// `EM_BPF`.
const EM_BPF: u16 = 247;
/// An ELF64 header's size.
const EHDR64: usize = 64;
/// An ELF64 section header's size.
const SHDR64: usize = 64;

/// Why a file cannot be verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// One BPF object inside a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Embedded {
    /// Where its ELF header starts in the file (0 for a plain object).
    pub offset: usize,
    /// Its length: up to the end of its last section or header table.
    pub len: usize,
}

/// What the first bytes say a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A little-endian 64-bit `EM_BPF` object.
    BpfObject,
    /// A big-endian BPF object (what clang's `bpfeb` target builds): BPF
    /// instructions are read as little-endian, so it cannot be verified here.
    BigEndianBpf,
    /// Some other ELF file (an executable or library) that may embed objects.
    OtherElf,
}

/// The largest file read whole: host binaries are a few MiB.
pub const MAX_FILE: u64 = 1 << 30;

/// Classifies an ELF header; `None` when `head` is not one.
pub fn classify(head: &[u8]) -> Option<Kind> {
    if head.len() < 20 || &head[..4] != b"\x7fELF" {
        return None;
    }
    let machine_le = u16::from_le_bytes([head[18], head[19]]);
    let machine_be = u16::from_be_bytes([head[18], head[19]]);
    Some(match head[5] {
        1 if machine_le == EM_BPF => Kind::BpfObject,
        2 if machine_be == EM_BPF => Kind::BigEndianBpf,
        _ => Kind::OtherElf,
    })
}

/// Reads `path` after checking by its first bytes that it is an ELF file,
/// so that a device or a huge unrelated file is refused without reading it.
pub fn read_elf_file(path: &std::path::Path) -> Result<(Kind, Vec<u8>), InputError> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| InputError(format!("{shown}: {e}")))?;
    if !meta.is_file() {
        return Err(InputError(format!("{shown}: not a regular file")));
    }
    if meta.len() > MAX_FILE {
        return Err(InputError(format!(
            "{shown}: {} bytes is larger than the {MAX_FILE}-byte limit",
            meta.len()
        )));
    }
    let mut f = std::fs::File::open(path).map_err(|e| InputError(format!("{shown}: {e}")))?;
    let mut head = [0u8; 20];
    let mut got = 0;
    while got < head.len() {
        match f.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) => return Err(InputError(format!("{shown}: {e}"))),
        }
    }
    let kind = classify(&head[..got]).ok_or_else(|| {
        InputError(format!(
            "{shown}: not an ELF file (neither a BPF object nor a binary embedding one)"
        ))
    })?;
    if kind == Kind::BigEndianBpf {
        return Err(big_endian(&shown.to_string()));
    }
    let mut bytes = head[..got].to_vec();
    f.take(MAX_FILE)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError(format!("{shown}: {e}")))?;
    Ok((kind, bytes))
}

/// The error for a big-endian object.
pub fn big_endian(what: &str) -> InputError {
    InputError(format!(
        "{what}: big-endian BPF object (clang -target bpfeb): only little-endian objects can be verified"
    ))
}

fn u16_at(b: &[u8], off: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(off..off + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], off: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(off..off + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], off: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(off..off + 8)?.try_into().ok()?))
}

/// The length of the little-endian ELF64 BPF object starting at `b[0]`: the
/// end of its section header table or of its furthest section, whichever is
/// later. `None` when the headers do not describe an object inside `b`.
pub fn object_len(b: &[u8]) -> Option<usize> {
    if classify(b)? != Kind::BpfObject || b.get(4) != Some(&2) || b.len() < EHDR64 {
        return None;
    }
    let shoff = usize::try_from(u64_at(b, 0x28)?).ok()?;
    let shentsize = usize::from(u16_at(b, 0x3a)?);
    let shnum = usize::from(u16_at(b, 0x3c)?);
    if shentsize != SHDR64 || shnum == 0 {
        return None;
    }
    let table_end = shoff.checked_add(shnum.checked_mul(SHDR64)?)?;
    if table_end > b.len() {
        return None;
    }
    let mut end = table_end.max(EHDR64);
    for i in 0..shnum {
        let sh = shoff + i * SHDR64;
        let sh_type = u32_at(b, sh + 4)?;
        if sh_type == crate::elf::SHT_NOBITS || sh_type == 0 {
            continue;
        }
        let off = usize::try_from(u64_at(b, sh + 0x18)?).ok()?;
        let size = usize::try_from(u64_at(b, sh + 0x20)?).ok()?;
        let sec_end = off.checked_add(size)?;
        if sec_end > b.len() {
            return None;
        }
        end = end.max(sec_end);
    }
    Some(end)
}

/// The BPF objects embedded in `bytes` (a host binary), in file order.
/// Big-endian embedded objects are reported as errors by offset.
pub fn find_embedded(bytes: &[u8]) -> (Vec<Embedded>, Vec<usize>) {
    let mut found = Vec::new();
    let mut big_endian = Vec::new();
    // The host's own header is at 0; objects start after it.
    let mut at = 1;
    while let Some(pos) = find(&bytes[at.min(bytes.len())..], b"\x7fELF") {
        let start = at + pos;
        let rest = &bytes[start..];
        match classify(rest) {
            Some(Kind::BpfObject) => {
                if let Some(len) = object_len(rest) {
                    found.push(Embedded { offset: start, len });
                    at = start + len;
                    continue;
                }
            }
            Some(Kind::BigEndianBpf) => big_endian.push(start),
            _ => {}
        }
        at = start + 4;
    }
    (found, big_endian)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The name of an object embedded at `offset` in the file named `file`
/// (its base name): `execsnoop@0x1a2b0`.
pub fn embedded_name(file: &str, offset: usize) -> String {
    format!("{file}@{offset:#x}")
}

/// The libbpf skeleton name of an object, recovered from the source file
/// most of its line info names (`execsnoop.bpf.c`): bpftool names a
/// skeleton after the object file (`execsnoop.bpf.o`), without `.o`, every
/// character that cannot be in a C identifier made `_` (`execsnoop_bpf`).
/// `None` without line info.
pub fn skeleton_name(object: &[u8]) -> Option<String> {
    let elf = crate::elf::ElfObject::parse(object).ok()?;
    let btf = crate::btf::Btf::parse(elf.section(".BTF")?.data).ok()?;
    let ext = crate::btf_ext::BtfExt::parse(elf.section(".BTF.ext")?.data).ok()?;
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for sec in &ext.line_info {
        for rec in &sec.records {
            if let Ok(file) = btf.string(rec.file_name_off)
                && file.ends_with(".c")
            {
                *counts.entry(file).or_default() += 1;
            }
        }
    }
    let (file, _) = counts
        .into_iter()
        .max_by_key(|&(f, n)| (n, std::cmp::Reverse(f)))?;
    let base = file.rsplit('/').next().unwrap_or(file).strip_suffix(".c")?;
    let name: String = base
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Names for the objects embedded in the file named `file` (its base
/// name): `file@SKELETON` when the skeleton name is recoverable and unique in
/// the file, else `file@0xOFFSET`.
pub fn embedded_names(file: &str, bytes: &[u8], found: &[Embedded]) -> Vec<String> {
    let skels: Vec<Option<String>> = found
        .iter()
        .map(|e| skeleton_name(&bytes[e.offset..e.offset + e.len]))
        .collect();
    found
        .iter()
        .zip(&skels)
        .map(|(e, skel)| match skel {
            Some(s) if skels.iter().filter(|o| o.as_ref() == Some(s)).count() == 1 => {
                format!("{file}@{s}")
            }
            _ => embedded_name(file, e.offset),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        let mut h = [0u8; 64];
        h[..4].copy_from_slice(b"\x7fELF");
        h[4] = 2;
        h[5] = 1;
        h[18..20].copy_from_slice(&EM_BPF.to_le_bytes());
        assert_eq!(classify(&h), Some(Kind::BpfObject));
        h[5] = 2;
        h[18..20].copy_from_slice(&EM_BPF.to_be_bytes());
        assert_eq!(classify(&h), Some(Kind::BigEndianBpf));
        h[18..20].copy_from_slice(&62u16.to_be_bytes());
        assert_eq!(classify(&h), Some(Kind::OtherElf));
        assert_eq!(classify(b"\0\0\0\0"), None);
        // No section headers: not an object whose end is known.
        h[5] = 1;
        h[18..20].copy_from_slice(&EM_BPF.to_le_bytes());
        assert_eq!(object_len(&h), None);
        assert_eq!(find_embedded(&h), (Vec::new(), Vec::new()));
    }
}
