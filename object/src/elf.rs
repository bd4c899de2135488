//! Reading relocatable BPF ELF objects: sections, symbols and relocations.
//!
//! A thin, owned view over what the loader needs from an object that
//! `clang -target bpf -c` produced, read with the `object` crate. Every
//! offset, size and index is checked, so truncated or corrupt input yields
//! an [`ElfError`], never a panic.
//!
//! Only little-endian 64-bit `EM_BPF` relocatable objects are accepted: BPF
//! instructions are read as little-endian slots.

use object::elf;
use object::read::elf::{FileHeader, Rel, SectionHeader, Sym};
use object::{Endianness, SymbolIndex};
use std::fmt;

/// Why an ELF object could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElfError(pub String);

impl fmt::Display for ElfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid ELF object: {}", self.0)
    }
}

impl std::error::Error for ElfError {}

impl From<object::read::Error> for ElfError {
    fn from(e: object::read::Error) -> ElfError {
        ElfError(e.to_string())
    }
}

/// `SHT_PROGBITS`.
pub const SHT_PROGBITS: u32 = elf::SHT_PROGBITS;
/// `SHT_NOBITS` (`.bss`).
pub const SHT_NOBITS: u32 = elf::SHT_NOBITS;
/// `SHF_EXECINSTR`: the section holds instructions.
pub const SHF_EXECINSTR: u64 = elf::SHF_EXECINSTR as u64;
/// `STB_LOCAL`.
pub const STB_LOCAL: u8 = elf::STB_LOCAL;
/// `STB_GLOBAL`.
pub const STB_GLOBAL: u8 = elf::STB_GLOBAL;
/// `STB_WEAK`.
pub const STB_WEAK: u8 = elf::STB_WEAK;
/// `STT_NOTYPE`.
pub const STT_NOTYPE: u8 = elf::STT_NOTYPE;
/// `STT_OBJECT`.
pub const STT_OBJECT: u8 = elf::STT_OBJECT;
/// `STT_FUNC`.
pub const STT_FUNC: u8 = elf::STT_FUNC;
/// `STT_SECTION`.
pub const STT_SECTION: u8 = elf::STT_SECTION;
/// `R_BPF_64_64`: the 64-bit immediate of an `LD_IMM64`.
pub const R_BPF_64_64: u32 = elf::R_BPF_64_64;
/// `R_BPF_64_32`: the 32-bit immediate of a call.
pub const R_BPF_64_32: u32 = elf::R_BPF_64_32;

/// One section.
#[derive(Clone, Debug)]
pub struct Section<'a> {
    /// Index in the section header table.
    pub index: usize,
    /// Name.
    pub name: String,
    /// `sh_type`.
    pub sh_type: u32,
    /// `sh_flags`.
    pub flags: u64,
    /// Contents (empty for `SHT_NOBITS`).
    pub data: &'a [u8],
    /// `sh_size` (the size in memory, also for `SHT_NOBITS`).
    pub size: u64,
    /// Relocations that apply to this section, in file order.
    pub relocs: Vec<Reloc>,
}

impl Section<'_> {
    /// Whether the section holds BPF instructions.
    pub fn is_exec(&self) -> bool {
        self.sh_type == SHT_PROGBITS && self.flags & SHF_EXECINSTR != 0
    }
}

/// One symbol of the symbol table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// Index in the symbol table.
    pub index: usize,
    /// Name (empty for section symbols and unnamed ones).
    pub name: String,
    /// The section it is defined in; `None` for undefined, absolute and common symbols.
    pub section: Option<usize>,
    /// Undefined (`SHN_UNDEF`): an extern.
    pub undefined: bool,
    /// `st_value`: the offset in its section.
    pub value: u64,
    /// `st_size`.
    pub size: u64,
    /// Binding (`STB_*`).
    pub bind: u8,
    /// Type (`STT_*`).
    pub kind: u8,
    /// Visibility (`STV_*`).
    pub visibility: u8,
}

/// One relocation (`Elf64_Rel`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reloc {
    /// Byte offset in the section it applies to.
    pub offset: u64,
    /// Index of the symbol it refers to.
    pub sym: usize,
    /// Relocation type (`R_BPF_*`).
    pub r_type: u32,
}

/// A parsed object: its sections (indexed by section index) and symbols.
#[derive(Clone, Debug)]
pub struct ElfObject<'a> {
    /// Every section, `sections[i].index == i`.
    pub sections: Vec<Section<'a>>,
    /// Every symbol, `symbols[i].index == i` (index 0 is the null symbol).
    pub symbols: Vec<Symbol>,
}

fn err<T>(msg: impl Into<String>) -> Result<T, ElfError> {
    Err(ElfError(msg.into()))
}

fn utf8(bytes: &[u8], what: &str) -> Result<String, ElfError> {
    std::str::from_utf8(bytes)
        .map(str::to_string)
        .map_err(|_| ElfError(format!("{what} is not UTF-8")))
}

impl<'a> ElfObject<'a> {
    /// Parses a relocatable BPF object.
    pub fn parse(data: &'a [u8]) -> Result<ElfObject<'a>, ElfError> {
        let header = elf::FileHeader64::<Endianness>::parse(data)?;
        let endian = header.endian()?;
        if !header.is_little_endian() {
            return err("big-endian BPF objects are not supported");
        }
        let machine = header.e_machine(endian);
        if machine != elf::EM_BPF {
            return err(format!("not a BPF object (e_machine {machine})"));
        }
        let e_type = header.e_type(endian);
        if e_type != elf::ET_REL {
            return err(format!(
                "not a relocatable object (e_type {e_type}); pass the .o clang produced"
            ));
        }
        let table = header.sections(endian, data)?;
        let mut sections = Vec::with_capacity(table.len());
        for (i, sh) in table.iter().enumerate() {
            let name = utf8(table.section_name(endian, sh)?, "section name")?;
            let sh_type = sh.sh_type(endian);
            let data = if sh_type == SHT_NOBITS {
                &[][..]
            } else {
                sh.data(endian, data)
                    .map_err(|_| ElfError(format!("section '{name}' lies outside the file")))?
            };
            sections.push(Section {
                index: i,
                name,
                sh_type,
                flags: sh.sh_flags(endian),
                data,
                size: sh.sh_size(endian),
                relocs: Vec::new(),
            });
        }

        let symtab = table.symbols(endian, data, elf::SHT_SYMTAB)?;
        let mut symbols = Vec::with_capacity(symtab.len());
        for (i, sym) in symtab.iter().enumerate() {
            let name = utf8(symtab.symbol_name(endian, sym)?, "symbol name")?;
            let shndx = sym.st_shndx(endian);
            let section = symtab
                .symbol_section(endian, sym, SymbolIndex(i))?
                .map(|s| s.0);
            if let Some(s) = section
                && s >= sections.len()
            {
                return err(format!(
                    "symbol '{name}' is in section {s}, which does not exist"
                ));
            }
            symbols.push(Symbol {
                index: i,
                name,
                section,
                undefined: shndx == elf::SHN_UNDEF && i != 0,
                value: sym.st_value(endian),
                size: sym.st_size(endian),
                bind: sym.st_bind(),
                kind: sym.st_type(),
                visibility: sym.st_visibility(),
            });
        }

        for (i, sh) in table.iter().enumerate() {
            match sh.sh_type(endian) {
                elf::SHT_REL => {}
                elf::SHT_RELA => {
                    return err(format!(
                        "section '{}' holds RELA relocations; BPF objects use REL",
                        sections[i].name
                    ));
                }
                _ => continue,
            }
            let Some((rels, _link)) = sh.rel(endian, data)? else {
                continue;
            };
            let target = sh.sh_info(endian) as usize;
            if target == 0 || target >= sections.len() {
                return err(format!(
                    "relocation section '{}' applies to section {target}, which does not exist",
                    sections[i].name
                ));
            }
            let mut list = Vec::with_capacity(rels.len());
            for r in rels {
                let sym = r.r_sym(endian) as usize;
                if sym >= symbols.len() {
                    return err(format!(
                        "relocation in '{}' refers to symbol {sym}, which does not exist",
                        sections[i].name
                    ));
                }
                list.push(Reloc {
                    offset: r.r_offset(endian),
                    sym,
                    r_type: r.r_type(endian),
                });
            }
            sections[target].relocs.extend(list);
        }
        Ok(ElfObject { sections, symbols })
    }

    /// The section named `name`.
    pub fn section(&self, name: &str) -> Option<&Section<'a>> {
        self.sections.iter().find(|s| s.name == name)
    }

    /// The symbols defined in section `index`, in symbol-table order.
    pub fn symbols_in(&self, index: usize) -> impl Iterator<Item = &Symbol> + '_ {
        self.symbols
            .iter()
            .filter(move |s| s.section == Some(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_non_elf() {
        assert!(ElfObject::parse(b"").is_err());
        assert!(ElfObject::parse(b"\x7fELF").is_err());
        assert!(ElfObject::parse(&[0u8; 128]).is_err());
    }
}
