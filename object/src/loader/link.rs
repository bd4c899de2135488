//! Program assembly: each program's instructions, followed by the `.text`
//! functions it calls (transitively), with BPF-to-BPF call offsets,
//! function pointers, map and global-data references and kfunc calls
//! fixed up. This is libbpf's `bpf_object__relocate()`: a subprogram is
//! appended once per program that uses it, after the program's own code,
//! depth first (a function is appended and its own calls resolved before
//! its caller's next call is: `bpf_object__reloc_code`), which decides
//! every instruction's and function's number the kernel reports.

use super::LoadError;
use super::externs::{Extern, Resolved};
use super::maps::Maps;
use crate::elf::{ElfObject, Reloc, STB_LOCAL, STT_FUNC, STT_SECTION};
use kfreg_isa::RawInsn;
use std::collections::HashMap;

/// Base of the helper ids libbpf gives calls to missing weak kfuncs
/// (`POISON_CALL_KFUNC_BASE`); the extern's index is added.
pub const POISON_CALL_KFUNC_BASE: i32 = 2_002_000_000;

pub(crate) const CALL: u8 = 0x85;
pub(crate) const LD_IMM64: u8 = 0x18;
pub(crate) const PSEUDO_CALL: u8 = 1;
pub(crate) const PSEUDO_KFUNC_CALL: u8 = 2;
const PSEUDO_MAP_FD: u8 = 1;
const PSEUDO_MAP_VALUE: u8 = 2;
pub(crate) const PSEUDO_BTF_ID: u8 = 3;
pub(crate) const PSEUDO_FUNC: u8 = 4;

/// ELF relocations of the code sections by (section, byte offset).
pub(crate) type Relocs = HashMap<(usize, u64), Reloc>;

/// A function: a program or a subprogram.
#[derive(Clone, Debug)]
pub(crate) struct Func {
    /// Its section.
    pub sec: usize,
    /// First instruction in the section.
    pub start: usize,
    /// Number of instructions.
    pub len: usize,
    /// Its symbol name.
    pub name: String,
    /// A global (non-static) symbol.
    pub global: bool,
    /// Hidden or internal visibility (`__hidden`): libbpf verifies such a
    /// global function as a static one (`mark_btf_static`).
    pub hidden: bool,
}

/// The code of an object, relocated for CO-RE, ready to link.
pub(crate) struct Code {
    /// Instructions of each executable section.
    pub insns: HashMap<usize, Vec<RawInsn>>,
    /// Every function.
    pub funcs: Vec<Func>,
    /// Instructions CO-RE relocation poisoned: (section, index) → why.
    pub poisoned: HashMap<(usize, usize), String>,
    /// CO-RE relocations libbpf fails on, in its order: (section, index,
    /// the error). Each fails the programs it relocates, not the object.
    pub core_failures: Vec<(usize, usize, LoadError)>,
}

/// A linked program.
pub(crate) struct Linked {
    /// Instructions.
    pub insns: Vec<RawInsn>,
    /// Where each instruction comes from: (section, index in the section).
    pub origin: Vec<(usize, usize)>,
    /// The functions placed, with their first instruction; the program first.
    pub placed: Vec<(usize, usize)>,
    /// Instructions poisoned, with why.
    pub poisoned: Vec<(u32, String)>,
    /// `LD_IMM64`s the kernel refuses before verifying: (instruction, its
    /// message).
    pub refused_ldimm64: Vec<(u32, String)>,
}

struct Linker<'a, 'e> {
    elf: &'a ElfObject<'e>,
    code: &'a Code,
    maps: &'a Maps,
    externs: &'a [Option<Extern>],
    relocs: &'a Relocs,
    out: Linked,
}

fn rel_err(sec: &str, idx: usize, msg: impl Into<String>) -> LoadError {
    LoadError::Reloc {
        section: sec.to_string(),
        insn: idx as u32,
        msg: msg.into(),
    }
}

impl Linker<'_, '_> {
    fn sec_name(&self, sec: usize) -> &str {
        self.elf.sections.get(sec).map_or("?", |s| s.name.as_str())
    }

    /// The position of function `f` in the program, appending it, and then
    /// what it calls, if it is not there yet.
    fn enter(&mut self, f: usize) -> Result<usize, LoadError> {
        if let Some(&(_, pos)) = self.out.placed.iter().find(|(g, _)| *g == f) {
            return Ok(pos);
        }
        let pos = self.place(f);
        self.run(pos, self.out.insns.len())?;
        Ok(pos)
    }

    /// Appends function `f`, which is not in the program yet.
    fn place(&mut self, f: usize) -> usize {
        let func = &self.code.funcs[f];
        let pos = self.out.insns.len();
        let body = self
            .code
            .insns
            .get(&func.sec)
            .and_then(|s| s.get(func.start..func.start + func.len))
            .unwrap_or(&[]);
        self.out.insns.extend_from_slice(body);
        self.out
            .origin
            .extend((func.start..func.start + body.len()).map(|i| (func.sec, i)));
        self.out.placed.push((f, pos));
        pos
    }

    /// The `.text` function holding instruction `idx` of `.text`: libbpf
    /// looks every subprogram up there (wherever the call is) and sends a
    /// call into a function's middle to its start (`find_prog_by_sec_insn`).
    fn text_func(&self, idx: i64, from: (usize, usize)) -> Result<usize, LoadError> {
        let text = self.elf.section(".text").map(|s| s.index);
        let idx = usize::try_from(idx).ok();
        let holding = |f: &Func| {
            Some(f.sec) == text && idx.is_some_and(|i| f.start <= i && i < f.start + f.len)
        };
        self.code
            .funcs
            .iter()
            .enumerate()
            .filter(|(_, f)| holding(f))
            .max_by_key(|(_, f)| f.start)
            .map(|(i, _)| i)
            .ok_or_else(|| {
                rel_err(
                    self.sec_name(from.0),
                    from.1,
                    "no .text section found yet sub-program call exists",
                )
            })
    }

    fn rel_offset(&self, at: usize, target: usize) -> Result<i32, LoadError> {
        let (sec, idx) = self.out.origin[at];
        i32::try_from(target as i64 - at as i64 - 1)
            .map_err(|_| rel_err(self.sec_name(sec), idx, "call offset overflows"))
    }

    /// Resolves the relocations of every instruction from `i` on, placing
    /// the functions they call after the code already placed.
    /// Resolves the relocations of instructions `i..end`, one function's.
    fn run(&mut self, mut i: usize, end: usize) -> Result<(), LoadError> {
        while i < end {
            let (sec, sidx) = self.out.origin[i];
            if let Some(why) = self.code.poisoned.get(&(sec, sidx)) {
                self.out.poisoned.push((i as u32, why.clone()));
            }
            let insn = self.out.insns[i];
            let rel = self.relocs.get(&(sec, sidx as u64 * 8)).copied();
            match insn.code {
                CALL => self.call(i, insn, rel)?,
                LD_IMM64 => {
                    if self.out.origin.get(i + 1) != Some(&(sec, sidx + 1)) {
                        if rel.is_some() {
                            return Err(rel_err(
                                self.sec_name(sec),
                                sidx,
                                "relocation against a truncated LD_IMM64",
                            ));
                        }
                    } else {
                        self.ld_imm64(i, insn, rel)?;
                        i += 1;
                    }
                }
                _ if rel.is_some() => {
                    return Err(rel_err(
                        self.sec_name(sec),
                        sidx,
                        format!(
                            "relocation against an instruction (code {:#04x}) that is neither a call nor an LD_IMM64",
                            insn.code
                        ),
                    ));
                }
                _ => {}
            }
            i += 1;
        }
        Ok(())
    }

    fn call(&mut self, i: usize, insn: RawInsn, rel: Option<Reloc>) -> Result<(), LoadError> {
        let (sec, sidx) = self.out.origin[i];
        // libbpf's insn_is_subprog_call: a call with other fields set is
        // left as it is, for the kernel to judge.
        let subprog_call = insn.src == PSEUDO_CALL && insn.dst == 0 && insn.off == 0;
        let Some(rel) = rel else {
            if subprog_call {
                let f = self.text_func(sidx as i64 + i64::from(insn.imm) + 1, (sec, sidx))?;
                let pos = self.enter(f)?;
                self.out.insns[i].imm = self.rel_offset(i, pos)?;
            }
            return Ok(());
        };
        let sym = &self.elf.symbols[rel.sym];
        if sym.undefined {
            let ext = self
                .externs
                .get(rel.sym)
                .and_then(Option::as_ref)
                .ok_or_else(|| {
                    rel_err(
                        self.sec_name(sec),
                        sidx,
                        format!("call to unresolved extern '{}'", sym.name),
                    )
                })?;
            let slot = &mut self.out.insns[i];
            match &ext.resolved {
                Resolved::Kfunc { imm, .. } => {
                    *slot = RawInsn::new(CALL, 0, PSEUDO_KFUNC_CALL, 0, *imm);
                }
                Resolved::Missing if ext.func => {
                    *slot = RawInsn::new(
                        CALL,
                        0,
                        0,
                        0,
                        POISON_CALL_KFUNC_BASE.wrapping_add(ext.index as i32),
                    );
                    self.out.poisoned.push((
                        i as u32,
                        // libbpf's words, which its log fixup puts in the kernel's log.
                        format!("kfunc '{}' is referenced but wasn't resolved", ext.name),
                    ));
                }
                _ => {
                    return Err(rel_err(
                        self.sec_name(sec),
                        sidx,
                        format!("call to extern '{}', which is not a function", ext.name),
                    ));
                }
            }
            return Ok(());
        }
        if insn.src != PSEUDO_CALL {
            return Err(rel_err(
                self.sec_name(sec),
                sidx,
                "incorrect bpf_call opcode",
            ));
        }
        if !subprog_call {
            return Ok(());
        }
        // Subprograms live in `.text` alone (libbpf's record_reloc).
        let target_sec = sym.section.filter(|&s| self.sec_name(s) == ".text");
        if target_sec.is_none() {
            return Err(rel_err(
                self.sec_name(sec),
                sidx,
                format!(
                    "bad call relo against '{}' in section '{}'",
                    sym.name,
                    sym.section.map_or("?", |s| self.sec_name(s))
                ),
            ));
        }
        if !(sym.kind == STT_FUNC || sym.kind == STT_SECTION) || !sym.value.is_multiple_of(8) {
            return Err(rel_err(
                self.sec_name(sec),
                sidx,
                format!("bad call relocation against '{}'", sym.name),
            ));
        }
        let target = (sym.value / 8) as i64 + i64::from(insn.imm) + 1;
        let f = self.text_func(target, (sec, sidx))?;
        let pos = self.enter(f)?;
        self.out.insns[i].imm = self.rel_offset(i, pos)?;
        Ok(())
    }

    fn ld_imm64(&mut self, i: usize, insn: RawInsn, rel: Option<Reloc>) -> Result<(), LoadError> {
        let (sec, sidx) = self.out.origin[i];
        let Some(rel) = rel else {
            // A function's address is always relocated (libbpf's
            // bpf_object__reloc_code).
            if insn.src == PSEUDO_FUNC {
                return Err(rel_err(
                    self.sec_name(sec),
                    sidx,
                    "missing subprog addr relo",
                ));
            }
            // libbpf passes such a file descriptor on as it is.
            if insn.src == PSEUDO_MAP_FD || insn.src == PSEUDO_MAP_VALUE {
                // The loader's file descriptors are not the object's maps.
                self.out.refused_ldimm64.push((
                    i as u32,
                    format!("fd {} is not pointing to valid bpf_map", insn.imm),
                ));
            }
            return Ok(());
        };
        let sym = &self.elf.symbols[rel.sym];
        let err = |msg: String| rel_err(self.sec_name(sec), sidx, msg);
        if sym.undefined {
            let ext = self
                .externs
                .get(rel.sym)
                .and_then(Option::as_ref)
                .ok_or_else(|| err(format!("reference to unresolved extern '{}'", sym.name)))?;
            let (src, imm, hi) = match ext.resolved {
                Resolved::Kfunc { imm, .. } => (PSEUDO_BTF_ID, imm, 0),
                Resolved::Var { id, addressed } => {
                    if !addressed {
                        self.out.refused_ldimm64.push((
                            i as u32,
                            format!(
                                "ldimm64 failed to find the address for kernel symbol '{}'.",
                                ext.name
                            ),
                        ));
                    }
                    (PSEUDO_BTF_ID, id, 0)
                }
                Resolved::Address(a) => (0, a as u32 as i32, (a >> 32) as u32 as i32),
                Resolved::Missing => (0, 0, 0),
                Resolved::Kconfig { map, off } => (PSEUDO_MAP_VALUE, map as i32, off as i32),
            };
            self.set_ldimm64(i, src, imm, hi);
            return Ok(());
        }
        let Some(target_sec) = sym.section else {
            return Err(err(format!(
                "LD_IMM64 relocation against '{}', which has no section",
                sym.name
            )));
        };
        if self
            .elf
            .sections
            .get(target_sec)
            .is_some_and(|s| s.is_exec())
        {
            if !(sym.kind == STT_FUNC || sym.kind == STT_SECTION) {
                return Err(err(format!(
                    "bad function pointer relocation against '{}'",
                    sym.name
                )));
            }
            let byte = sym.value as i64 + i64::from(insn.imm);
            if byte % 8 != 0 {
                return Err(err(format!(
                    "function pointer to '{}' is not instruction-aligned",
                    sym.name
                )));
            }
            // Only a `.text` function is a subprogram (sym_is_subprog).
            if self.sec_name(target_sec) != ".text" {
                return Err(err(format!(
                    "bad subprog addr relo against '{}' in section '{}'",
                    sym.name,
                    self.sec_name(target_sec)
                )));
            }
            let f = self.text_func(byte / 8, (sec, sidx))?;
            let pos = self.enter(f)?;
            let off = self.rel_offset(i, pos)?;
            self.set_ldimm64(i, PSEUDO_FUNC, off, 0);
            return Ok(());
        }
        if Some(target_sec) == self.maps.maps_sec {
            let map = self.maps.by_offset.get(&sym.value).ok_or_else(|| {
                err(format!(
                    "relocation against '{}' in .maps, which is no map",
                    sym.name
                ))
            })?;
            self.set_ldimm64(i, PSEUDO_MAP_FD, *map as i32, 0);
            return Ok(());
        }
        if let Some(&map) = self.maps.by_section.get(&target_sec) {
            let off = i64::from(insn.imm) + sym.value as i64;
            let off = i32::try_from(off).map_err(|_| {
                err(format!(
                    "offset {off} into '{}' overflows",
                    self.sec_name(target_sec)
                ))
            })?;
            self.set_ldimm64(i, PSEUDO_MAP_VALUE, map as i32, off);
            return Ok(());
        }
        Err(err(format!(
            "relocation against '{}' in section '{}', which is neither a map nor global data",
            if sym.name.is_empty() {
                self.sec_name(target_sec)
            } else {
                &sym.name
            },
            self.sec_name(target_sec)
        )))
    }

    fn set_ldimm64(&mut self, i: usize, src: u8, imm: i32, hi: i32) {
        let first = &mut self.out.insns[i];
        first.src = src;
        first.imm = imm;
        self.out.insns[i + 1].imm = hi;
    }
}

/// Links program `main` (a function index).
pub(crate) fn link(
    elf: &ElfObject<'_>,
    code: &Code,
    maps: &Maps,
    externs: &[Option<Extern>],
    relocs: &Relocs,
    main: usize,
    extra: &[usize],
) -> Result<Linked, LoadError> {
    let mut l = Linker {
        elf,
        code,
        maps,
        externs,
        relocs,
        out: Linked {
            insns: Vec::new(),
            origin: Vec::new(),
            placed: Vec::new(),
            poisoned: Vec::new(),
            refused_ldimm64: Vec::new(),
        },
    };
    l.enter(main)?;
    // Like libbpf, functions such as the exception callback come after
    // everything the program calls, unless it calls them itself.
    for &f in extra {
        l.enter(f)?;
    }
    l.out.poisoned.sort();
    Ok(l.out)
}

/// The functions of the executable sections: every `STT_FUNC` symbol.
pub(crate) fn functions(elf: &ElfObject<'_>) -> Result<Vec<Func>, LoadError> {
    let mut out = Vec::new();
    for sym in &elf.symbols {
        let Some(sec) = sym.section else { continue };
        let Some(s) = elf.sections.get(sec) else {
            continue;
        };
        if sym.kind != STT_FUNC || !s.is_exec() {
            continue;
        }
        let bad = |msg: &str| LoadError::Program {
            program: sym.name.clone(),
            msg: format!("{msg} (section '{}')", s.name),
        };
        if sym.value % 8 != 0 || sym.size % 8 != 0 {
            return Err(bad("function is not instruction-aligned"));
        }
        // libbpf opens no object with a static function outside `.text`.
        if sym.bind == STB_LOCAL && s.name != ".text" {
            return Err(bad("static program is not supported"));
        }
        if sym
            .value
            .checked_add(sym.size)
            .is_none_or(|end| end > s.data.len() as u64)
        {
            return Err(bad("function extends past the end of its section"));
        }
        out.push(Func {
            sec,
            start: (sym.value / 8) as usize,
            len: (sym.size / 8) as usize,
            name: sym.name.clone(),
            global: sym.bind != STB_LOCAL,
            // STV_INTERNAL, STV_HIDDEN.
            hidden: matches!(sym.visibility, 1 | 2),
        });
    }
    Ok(out)
}
