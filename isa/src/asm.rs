//! A text assembler for the syntax [`crate::disasm`] prints, so tests can be
//! written as readable programs:
//!
//! ```text
//! ; comments start with `;`, `//`, or `#` (at the start of a line or after a space)
//!     r1 = 0                       // plain kernel syntax
//! 3: (b7) r2 = 5                   // a verifier-log prefix `IDX: (xx)` is ignored
//!     if r1 > r2 goto out          // labels instead of pc+N
//!     r1 = map[id:3]               // map by fd (LD_IMM64, two slots)
//!     r2 = map[id:3][0]+8          // pointer into the map's value
//!     r3 = 0x123456789 ll          // 64-bit constant
//!     call NAME                    // helper or kfunc by name, `NAME#ID`, or a number
//!     call func                    // BPF-to-BPF call to a label
//! out:
//!     exit
//! func:
//!     r0 = 0
//!     exit
//! ```
//!
//! Labels are `name:` on a line of their own and stand for the next
//! instruction. Wherever the kernel prints `pc+N` a label may be used.

use crate::disasm;
use crate::{AluOp, AtomicOp, ByteOrder, Call, Insn, JmpOp, Pseudo, Size, Src};
use std::collections::HashMap;

/// Numbers for the names in a program. Every method defaults to `None`;
/// kernel helper names are known without a resolver.
pub trait Resolver {
    /// The number of the helper called `name`.
    fn helper_id(&self, name: &str) -> Option<i32> {
        let _ = name;
        None
    }
    /// The BTF id of the kfunc called `name`.
    fn kfunc_id(&self, name: &str) -> Option<i32> {
        let _ = name;
        None
    }
    /// The file descriptor of the map called `name` (for `map[NAME]`).
    fn map_fd(&self, name: &str) -> Option<i32> {
        let _ = name;
        None
    }
}

/// Resolves only the kernel's helper names.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoResolver;

impl Resolver for NoResolver {}

/// A line the assembler could not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AsmError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub msg: String,
}

impl std::fmt::Display for AsmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.msg)
    }
}

impl std::error::Error for AsmError {}

/// Assembles `text` into instructions, one per slot (an `LD_IMM64` yields
/// the instruction and an [`Insn::LdImm64Tail`]).
pub fn assemble(text: &str, resolver: &dyn Resolver) -> Result<Vec<Insn>, AsmError> {
    let (labels, items, slots) = parse_lines(text)?;
    let mut out = Vec::with_capacity(slots);
    for it in items {
        it.resolve(&labels, resolver, &mut out)?;
    }
    Ok(out)
}

/// Labels with their slots, the parsed instructions, the number of slots.
type Parsed = (HashMap<String, usize>, Vec<Item>, usize);

/// The first pass: every line parsed, labels placed at their slots.
fn parse_lines(text: &str) -> Result<Parsed, AsmError> {
    let mut labels: HashMap<String, usize> = HashMap::new();
    let mut items: Vec<Item> = Vec::new();
    let mut slot = 0usize;
    for (n, line) in text.lines().enumerate() {
        let lineno = n + 1;
        let err = |msg: String| AsmError { line: lineno, msg };
        let body = strip_prefix(strip_comment(line));
        if body.is_empty() {
            continue;
        }
        if let Some(name) = label_def(body) {
            if labels.insert(name.to_string(), slot).is_some() {
                return Err(err(format!("label `{name}` defined twice")));
            }
            continue;
        }
        let toks = lex(body).map_err(err)?;
        let mut p = Parser { toks, pos: 0 };
        let pending = p.statement().map_err(err)?;
        if !p.at_end() {
            return Err(err(format!(
                "unexpected `{}` after the instruction",
                p.rest_text()
            )));
        }
        slot += pending.slots();
        items.push(Item {
            line: lineno,
            slot: slot - pending.slots(),
            pending,
        });
    }
    Ok((labels, items, slot))
}

impl Item {
    /// The second pass: jump and call targets resolved against `labels`,
    /// names against `resolver`, the slots appended to `out`.
    fn resolve(
        self,
        labels: &HashMap<String, usize>,
        resolver: &dyn Resolver,
        out: &mut Vec<Insn>,
    ) -> Result<(), AsmError> {
        let it = self;
        let err = |msg: String| AsmError { line: it.line, msg };
        let rel = |target: &Target| -> Result<i64, AsmError> {
            match target {
                Target::Rel(off) => Ok(*off),
                Target::Label(name) => match labels.get(name) {
                    Some(&t) => Ok(t as i64 - it.slot as i64 - 1),
                    None => Err(err(format!("undefined label `{name}`"))),
                },
            }
        };
        match it.pending {
            Pending::Done(insn) => out.push(insn),
            Pending::LdImm64(insn) => {
                out.push(insn);
                out.push(Insn::LdImm64Tail);
            }
            Pending::Ja(t) => {
                let off = rel(&t)?;
                let off = i32::try_from(off)
                    .map_err(|_| err(format!("jump offset {off} out of range")))?;
                out.push(Insn::Ja { off });
            }
            Pending::MayGoto(t) => {
                let off = fit16(rel(&t)?).map_err(err)?;
                out.push(Insn::MayGoto { off });
            }
            Pending::Jmp {
                wide,
                op,
                dst,
                src,
                target,
            } => {
                let off = fit16(rel(&target)?).map_err(err)?;
                out.push(Insn::Jmp {
                    wide,
                    op,
                    dst,
                    src,
                    off,
                });
            }
            Pending::CallName(name) => {
                let call = if let Some(&t) = labels.get(&name) {
                    let off = t as i64 - it.slot as i64 - 1;
                    Call::Local(
                        i32::try_from(off)
                            .map_err(|_| err(format!("call offset {off} out of range")))?,
                    )
                } else if let Some(id) = resolver
                    .helper_id(&name)
                    .or_else(|| disasm::helper_id(&name))
                {
                    Call::Helper(id)
                } else if let Some(id) = resolver.kfunc_id(&name) {
                    Call::Kfunc { btf_id: id, fd: 0 }
                } else {
                    return Err(err(format!(
                        "unknown function `{name}` (not a label, helper or kfunc)"
                    )));
                };
                out.push(Insn::Call(call));
            }
            Pending::CallNamed { name, id, fd } => {
                let helper = name == "unknown"
                    || resolver.helper_id(&name).is_some()
                    || disasm::helper_id(&name).is_some();
                let call = match (helper, fd) {
                    (true, Some(_)) => {
                        return Err(err(format!("helper `{name}` takes no [fd:N]")));
                    }
                    (true, None) => Call::Helper(id),
                    (false, fd) => Call::Kfunc {
                        btf_id: id,
                        fd: fd.unwrap_or(0),
                    },
                };
                out.push(Insn::Call(call));
            }
            Pending::CallRel(t) => {
                let off = rel(&t)?;
                let off = i32::try_from(off)
                    .map_err(|_| err(format!("call offset {off} out of range")))?;
                out.push(Insn::Call(Call::Local(off)));
            }
            Pending::LdFunc { dst, target, hi } => {
                let off = rel(&target)?;
                let imm = i32::try_from(off)
                    .map_err(|_| err(format!("subprog offset {off} out of range")))?;
                out.push(Insn::LdImm64 {
                    dst,
                    pseudo: Pseudo::Func,
                    imm,
                    imm_hi: hi,
                });
                out.push(Insn::LdImm64Tail);
            }
            Pending::LdMapName {
                dst,
                name,
                value_off,
            } => {
                let Some(fd) = resolver.map_fd(&name) else {
                    return Err(err(format!("unknown map `{name}`")));
                };
                let (pseudo, hi) = match value_off {
                    Some(o) => (Pseudo::MapValue, o),
                    None => (Pseudo::MapFd, 0),
                };
                out.push(Insn::LdImm64 {
                    dst,
                    pseudo,
                    imm: fd,
                    imm_hi: hi,
                });
                out.push(Insn::LdImm64Tail);
            }
        }
        Ok(())
    }
}

fn fit16(off: i64) -> Result<i16, String> {
    i16::try_from(off).map_err(|_| format!("jump offset {off} does not fit in 16 bits"))
}

struct Item {
    line: usize,
    slot: usize,
    pending: Pending,
}

enum Target {
    Rel(i64),
    Label(String),
}

enum Pending {
    Done(Insn),
    LdImm64(Insn),
    Ja(Target),
    MayGoto(Target),
    Jmp {
        wide: bool,
        op: JmpOp,
        dst: u8,
        src: Src,
        target: Target,
    },
    CallName(String),
    CallNamed {
        name: String,
        id: i32,
        fd: Option<i16>,
    },
    CallRel(Target),
    LdFunc {
        dst: u8,
        target: Target,
        hi: i32,
    },
    LdMapName {
        dst: u8,
        name: String,
        value_off: Option<i32>,
    },
}

impl Pending {
    fn slots(&self) -> usize {
        match self {
            Pending::LdImm64(_) | Pending::LdFunc { .. } | Pending::LdMapName { .. } => 2,
            _ => 1,
        }
    }
}

/// Drops a comment: `;` or `//` anywhere, `#` at the start or after a space
/// (`call name#1` keeps its `#`).
fn strip_comment(line: &str) -> &str {
    let mut prev_space = true;
    for (i, c) in line.char_indices() {
        match c {
            ';' => return &line[..i],
            '/' if line[i..].starts_with("//") => return &line[..i],
            // `call #0`: the kernel's text for kfunc id 0, which has no name.
            '#' if prev_space && !line[..i].trim_end().ends_with("call") => return &line[..i],
            _ => {}
        }
        prev_space = c.is_whitespace();
    }
    line
}

/// Drops a verifier-log prefix: `12:` and/or `(b7)`.
fn strip_prefix(line: &str) -> &str {
    let mut s = line.trim();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && s[digits..].starts_with(':') {
        s = s[digits + 1..].trim_start();
    }
    let b = s.as_bytes();
    if b.len() >= 4
        && b[0] == b'('
        && b[3] == b')'
        && b[1].is_ascii_hexdigit()
        && b[2].is_ascii_hexdigit()
    {
        s = s[4..].trim_start();
    }
    s.trim_end()
}

fn is_ident_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || c == '.'
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '.'
}

fn label_def(s: &str) -> Option<&str> {
    let name = s.strip_suffix(':')?.trim_end();
    let mut chars = name.chars();
    let first = chars.next()?;
    (is_ident_start(first) && chars.all(is_ident_char) && reg_of(name).is_none()).then_some(name)
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A register: 64-bit (`r`) or 32-bit (`w`) view, and its number.
    Reg(bool, u8),
    Num(i128),
    Ident(String),
    P(&'static str),
}

impl std::fmt::Display for Tok {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tok::Reg(w, n) => write!(f, "{}{n}", if *w { 'r' } else { 'w' }),
            Tok::Num(v) => write!(f, "{v}"),
            Tok::Ident(s) => write!(f, "{s}"),
            Tok::P(p) => write!(f, "{p}"),
        }
    }
}

const PUNCT: &[&str] = &[
    "s>>=", "<<=", ">>=", "s/=", "s%=", "s>=", "s<=", "+=", "-=", "*=", "/=", "%=", "|=", "&=",
    "^=", "==", "!=", ">=", "<=", "s>", "s<", "=", ">", "<", "&", "(", ")", "*", "[", "]", ",",
    "+", "-", "#", ":",
];

/// `r3` / `w3`, up to register 15 (the encoding's four bits).
fn reg_of(s: &str) -> Option<(bool, u8)> {
    let wide = match s.as_bytes().first()? {
        b'r' => true,
        b'w' => false,
        _ => return None,
    };
    let num = &s[1..];
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) || num.len() > 2 {
        return None;
    }
    num.parse().ok().filter(|n| *n <= 15).map(|n| (wide, n))
}

fn lex(s: &str) -> Result<Vec<Tok>, String> {
    let mut toks = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let rest = &s[i..];
        // `s>`, `s/=`, ... before identifiers starting with `s`.
        if (c != 's' || rest[1..].starts_with(['>', '<', '/', '%']))
            && let Some(p) = PUNCT.iter().find(|p| rest.starts_with(**p))
        {
            toks.push(Tok::P(p));
            i += p.len();
            continue;
        }
        if c.is_ascii_digit() {
            let len = rest
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count();
            let lit = &rest[..len];
            let v = parse_num(lit).ok_or_else(|| format!("bad number `{lit}`"))?;
            toks.push(Tok::Num(v));
            i += len;
            continue;
        }
        if is_ident_start(c) {
            let len = rest
                .char_indices()
                .find(|&(_, ch)| !is_ident_char(ch))
                .map_or(rest.len(), |(j, _)| j);
            let word = &rest[..len];
            if let Some((w, n)) = reg_of(word) {
                toks.push(Tok::Reg(w, n));
            } else if (word.starts_with('r') || word.starts_with('w'))
                && word.len() > 1
                && word[1..].bytes().all(|b| b.is_ascii_digit())
            {
                return Err(format!("invalid register `{word}` (r0..r15)"));
            } else {
                toks.push(Tok::Ident(word.to_string()));
            }
            i += len;
            continue;
        }
        return Err(format!("unexpected character `{c}`"));
    }
    Ok(toks)
}

fn parse_num(lit: &str) -> Option<i128> {
    let lit = lit.replace('_', "");
    if let Some(h) = lit.strip_prefix("0x").or_else(|| lit.strip_prefix("0X")) {
        if h.is_empty() || h.len() > 32 {
            return None;
        }
        i128::from_str_radix(h, 16).ok()
    } else {
        if lit.len() > 38 {
            return None;
        }
        lit.parse().ok()
    }
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

type PResult<T> = Result<T, String>;

impl Parser {
    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    fn rest_text(&self) -> String {
        self.toks
            .get(self.pos..)
            .unwrap_or(&[])
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn peek_at(&self, k: usize) -> Option<&Tok> {
        self.toks.get(self.pos + k)
    }

    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).cloned();
        if t.is_some() {
            self.pos += 1;
        }
        t
    }

    fn found(&self) -> String {
        match self.peek() {
            Some(t) => format!("`{t}`"),
            None => "end of line".to_string(),
        }
    }

    fn is_p(&self, p: &str) -> bool {
        matches!(self.peek(), Some(Tok::P(q)) if *q == p)
    }

    fn is_ident(&self, s: &str) -> bool {
        matches!(self.peek(), Some(Tok::Ident(q)) if q == s)
    }

    fn eat_p(&mut self, p: &str) -> bool {
        if self.is_p(p) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect_p(&mut self, p: &str) -> PResult<()> {
        if self.eat_p(p) {
            Ok(())
        } else {
            Err(format!("expected `{p}`, found {}", self.found()))
        }
    }

    fn expect_ident(&mut self, s: &str) -> PResult<()> {
        if self.is_ident(s) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("expected `{s}`, found {}", self.found()))
        }
    }

    fn ident(&mut self) -> PResult<String> {
        match self.peek() {
            Some(Tok::Ident(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            _ => Err(format!("expected a name, found {}", self.found())),
        }
    }

    fn reg(&mut self) -> PResult<(bool, u8)> {
        match self.peek() {
            Some(&Tok::Reg(w, n)) => {
                self.pos += 1;
                Ok((w, n))
            }
            _ => Err(format!("expected a register, found {}", self.found())),
        }
    }

    fn reg64(&mut self) -> PResult<u8> {
        let (w, n) = self.reg()?;
        if !w {
            return Err(format!("expected a 64-bit register r{n}, found w{n}"));
        }
        Ok(n)
    }

    /// An integer with an optional sign.
    fn signed(&mut self) -> PResult<i128> {
        let neg = if self.eat_p("-") {
            true
        } else {
            self.eat_p("+");
            false
        };
        match self.next() {
            Some(Tok::Num(v)) => Ok(if neg { -v } else { v }),
            Some(t) => Err(format!("expected a number, found `{t}`")),
            None => Err("expected a number, found end of line".into()),
        }
    }

    /// A 32-bit immediate; `0x80000000..=0xffffffff` wrap to negative.
    fn imm32(&mut self) -> PResult<i32> {
        let v = self.signed()?;
        to_i32(v)
    }

    /// `pc+N`, `pc-N`, or a label.
    fn target(&mut self) -> PResult<Target> {
        match self.next() {
            Some(Tok::Ident(s)) if s == "pc" => {
                if !self.is_p("+") && !self.is_p("-") {
                    return Err(format!("expected `pc+N` or `pc-N`, found {}", self.found()));
                }
                let v = self.signed()?;
                let v = i64::try_from(v).map_err(|_| format!("offset {v} out of range"))?;
                Ok(Target::Rel(v))
            }
            Some(Tok::Ident(s)) => Ok(Target::Label(s)),
            Some(t) => Err(format!("expected `pc+N` or a label, found `{t}`")),
            None => Err("expected `pc+N` or a label, found end of line".into()),
        }
    }

    /// `(u32 *)` -> size, sign-extension.
    fn size_cast(&mut self) -> PResult<(Size, bool)> {
        self.expect_p("(")?;
        let name = self.ident()?;
        let sz = match name.as_str() {
            "u8" => (Size::B, false),
            "u16" => (Size::H, false),
            "u32" => (Size::W, false),
            "u64" => (Size::DW, false),
            "s8" => (Size::B, true),
            "s16" => (Size::H, true),
            "s32" => (Size::W, true),
            "s64" => (Size::DW, true),
            _ => return Err(format!("expected a size like u32, found `{name}`")),
        };
        self.expect_p("*")?;
        self.expect_p(")")?;
        Ok(sz)
    }

    /// `(r10 -8)` -> register, offset.
    fn mem_operand(&mut self) -> PResult<(u8, i16)> {
        self.expect_p("(")?;
        let base = self.reg64()?;
        let off = if self.is_p("+") || self.is_p("-") {
            let v = self.signed()?;
            i16::try_from(v).map_err(|_| format!("offset {v} does not fit in 16 bits"))?
        } else {
            0
        };
        self.expect_p(")")?;
        Ok((base, off))
    }

    /// `*(u32 *)(r10 -8)` after the `*`.
    fn deref(&mut self) -> PResult<(Size, bool, u8, i16)> {
        let (size, sx) = self.size_cast()?;
        let (base, off) = self.mem_operand()?;
        Ok((size, sx, base, off))
    }

    fn statement(&mut self) -> PResult<Pending> {
        match self.peek().cloned() {
            Some(Tok::Ident(word)) => self.keyword_statement(&word),
            Some(Tok::Reg(w, d)) => {
                self.pos += 1;
                self.reg_statement(w, d)
            }
            Some(Tok::P("*")) => {
                self.pos += 1;
                let (size, sx, dst, off) = self.deref()?;
                if sx {
                    return Err("stores take an unsigned size (u8..u64)".into());
                }
                self.expect_p("=")?;
                if let Some(Tok::Reg(_, src)) = self.peek().cloned() {
                    self.pos += 1;
                    Ok(Pending::Done(Insn::Stx {
                        size,
                        dst,
                        src,
                        off,
                    }))
                } else {
                    let imm = self.imm32()?;
                    Ok(Pending::Done(Insn::St {
                        size,
                        dst,
                        off,
                        imm,
                    }))
                }
            }
            Some(t) => Err(format!("unexpected `{t}` at the start of an instruction")),
            None => Err("empty instruction".into()),
        }
    }

    fn keyword_statement(&mut self, word: &str) -> PResult<Pending> {
        self.pos += 1;
        match word {
            "exit" => Ok(Pending::Done(Insn::Exit)),
            "goto" | "gotol" | "ja" => Ok(Pending::Ja(self.target()?)),
            "may_goto" => Ok(Pending::MayGoto(self.target()?)),
            "call" => self.call(),
            "if" => {
                let (wide, dst) = self.reg()?;
                let op = match self.next() {
                    Some(Tok::P(p)) => match p {
                        "==" => JmpOp::Eq,
                        ">" => JmpOp::Gt,
                        ">=" => JmpOp::Ge,
                        "&" => JmpOp::Set,
                        "!=" => JmpOp::Ne,
                        "s>" => JmpOp::Sgt,
                        "s>=" => JmpOp::Sge,
                        "<" => JmpOp::Lt,
                        "<=" => JmpOp::Le,
                        "s<" => JmpOp::Slt,
                        "s<=" => JmpOp::Sle,
                        _ => return Err(format!("expected a comparison, found `{p}`")),
                    },
                    Some(t) => return Err(format!("expected a comparison, found `{t}`")),
                    None => return Err("expected a comparison, found end of line".into()),
                };
                let src = if let Some(Tok::Reg(w2, s)) = self.peek().cloned() {
                    self.pos += 1;
                    if w2 != wide {
                        return Err("both operands must be rN or both wN".into());
                    }
                    Src::Reg(s)
                } else {
                    Src::Imm(self.imm32()?)
                };
                self.expect_ident("goto")?;
                let target = self.target()?;
                Ok(Pending::Jmp {
                    wide,
                    op,
                    dst,
                    src,
                    target,
                })
            }
            "lock" => {
                self.expect_p("*")?;
                let (size, sx, dst, off) = self.deref()?;
                if sx {
                    return Err("atomics take an unsigned size".into());
                }
                let op = match self.next() {
                    Some(Tok::P("+=")) => AtomicOp::Add { fetch: false },
                    Some(Tok::P("|=")) => AtomicOp::Or { fetch: false },
                    Some(Tok::P("&=")) => AtomicOp::And { fetch: false },
                    Some(Tok::P("^=")) => AtomicOp::Xor { fetch: false },
                    _ => return Err("expected `+=`, `|=`, `&=` or `^=` after `lock`".into()),
                };
                let src = self.reg64()?;
                Ok(Pending::Done(Insn::Atomic {
                    size,
                    op,
                    dst,
                    src,
                    off,
                }))
            }
            "store_release" => {
                self.expect_p("(")?;
                let (size, _) = self.size_cast()?;
                let (dst, off) = self.mem_operand()?;
                self.expect_p(",")?;
                let src = self.reg64()?;
                self.expect_p(")")?;
                Ok(Pending::Done(Insn::Atomic {
                    size,
                    op: AtomicOp::StoreRelease,
                    dst,
                    src,
                    off,
                }))
            }
            _ => Err(format!("unknown instruction `{word}`")),
        }
    }

    fn call(&mut self) -> PResult<Pending> {
        match self.peek().cloned() {
            Some(Tok::Ident(s))
                if s == "pc" && matches!(self.peek_at(1), Some(Tok::P("+" | "-"))) =>
            {
                Ok(Pending::CallRel(self.target()?))
            }
            Some(Tok::Num(_)) | Some(Tok::P("-")) => {
                let id = self.imm32()?;
                Ok(Pending::Done(Insn::Call(Call::Helper(id))))
            }
            Some(Tok::P("#")) => {
                self.pos += 1;
                let id = self.imm32()?;
                let fd = self.call_fd()?;
                Ok(Pending::CallNamed {
                    name: String::new(),
                    id,
                    fd,
                })
            }
            Some(Tok::Ident(name)) => {
                self.pos += 1;
                // `kernel-function` is the kernel's name for an unnamed kfunc.
                let name = if name == "kernel" && self.is_p("-") {
                    self.pos += 1;
                    self.expect_ident("function")?;
                    "kernel-function".to_string()
                } else {
                    name
                };
                if !self.eat_p("#") {
                    return Ok(Pending::CallName(name));
                }
                let id = self.imm32()?;
                let fd = self.call_fd()?;
                Ok(Pending::CallNamed { name, id, fd })
            }
            _ => Err(format!(
                "expected a function after `call`, found {}",
                self.found()
            )),
        }
    }

    /// `[fd:N]` after a kfunc call, if present.
    fn call_fd(&mut self) -> PResult<Option<i16>> {
        if !self.eat_p("[") {
            return Ok(None);
        }
        self.expect_ident("fd")?;
        self.expect_p(":")?;
        let v = self.signed()?;
        let fd = i16::try_from(v).map_err(|_| format!("fd index {v} out of range"))?;
        self.expect_p("]")?;
        Ok(Some(fd))
    }

    fn reg_statement(&mut self, wide: bool, dst: u8) -> PResult<Pending> {
        let op = match self.next() {
            Some(Tok::P(p)) => p,
            Some(t) => {
                return Err(format!(
                    "expected an operator after the register, found `{t}`"
                ));
            }
            None => return Err("expected an operator after the register".into()),
        };
        let alu = match op {
            "=" => return self.assign(wide, dst),
            "+=" => AluOp::Add,
            "-=" => AluOp::Sub,
            "*=" => AluOp::Mul,
            "/=" => AluOp::Div,
            "s/=" => AluOp::SDiv,
            "|=" => AluOp::Or,
            "&=" => AluOp::And,
            "<<=" => AluOp::Lsh,
            ">>=" => AluOp::Rsh,
            "%=" => AluOp::Mod,
            "s%=" => AluOp::SMod,
            "^=" => AluOp::Xor,
            "s>>=" => AluOp::Arsh,
            _ => return Err(format!("unknown operator `{op}`")),
        };
        let src = self.alu_src(wide)?;
        Ok(Pending::Done(Insn::Alu {
            wide,
            op: alu,
            dst,
            src,
        }))
    }

    fn alu_src(&mut self, wide: bool) -> PResult<Src> {
        if let Some(Tok::Reg(w, s)) = self.peek().cloned() {
            self.pos += 1;
            if w != wide {
                return Err("both operands must be rN or both wN".into());
            }
            Ok(Src::Reg(s))
        } else {
            Ok(Src::Imm(self.imm32()?))
        }
    }

    /// Everything of the form `REG = ...`.
    fn assign(&mut self, wide: bool, dst: u8) -> PResult<Pending> {
        match self.peek().cloned() {
            // r1 = -r1
            Some(Tok::P("-")) if matches!(self.peek_at(1), Some(Tok::Reg(..))) => {
                self.pos += 1;
                let (w, s) = self.reg()?;
                if w != wide || s != dst {
                    return Err(format!(
                        "negation is `{0}{1} = -{0}{1}`",
                        if wide { 'r' } else { 'w' },
                        dst
                    ));
                }
                Ok(Pending::Done(Insn::Alu {
                    wide,
                    op: AluOp::Neg,
                    dst,
                    src: Src::Imm(0),
                }))
            }
            // r1 = *(u32 *)(r2 +4)   r0 = *(u8 *)skb[...]
            Some(Tok::P("*")) => {
                self.pos += 1;
                let (size, sx) = self.size_cast()?;
                if self.is_ident("skb") {
                    self.pos += 1;
                    if sx || size == Size::DW {
                        return Err("packet loads are u8, u16 or u32".into());
                    }
                    if dst != 0 {
                        return Err("packet loads write r0".into());
                    }
                    self.expect_p("[")?;
                    let src = if let Some(Tok::Reg(_, s)) = self.peek().cloned() {
                        self.pos += 1;
                        if !self.is_p("]") {
                            self.expect_p("+")?;
                        }
                        Some(s)
                    } else {
                        None
                    };
                    let imm = if self.is_p("]") { 0 } else { self.imm32()? };
                    self.expect_p("]")?;
                    return Ok(Pending::Done(Insn::LdPkt { size, src, imm }));
                }
                let (src, off) = self.mem_operand()?;
                if sx && size == Size::DW {
                    return Err("there is no sign-extending 64-bit load".into());
                }
                Ok(Pending::Done(Insn::Ldx {
                    size,
                    dst,
                    src,
                    off,
                    sign_ext: sx,
                }))
            }
            // r1 = (s8)r2
            Some(Tok::P("(")) => {
                self.pos += 1;
                let name = self.ident()?;
                let bits = match name.as_str() {
                    "s8" => 8,
                    "s16" => 16,
                    "s32" => 32,
                    _ => return Err(format!("expected (s8), (s16) or (s32), found `{name}`")),
                };
                self.expect_p(")")?;
                let (w, s) = self.reg()?;
                if w != wide {
                    return Err("both operands must be rN or both wN".into());
                }
                Ok(Pending::Done(Insn::Alu {
                    wide,
                    op: AluOp::MovSx(bits),
                    dst,
                    src: Src::Reg(s),
                }))
            }
            Some(Tok::Reg(w, s)) => {
                self.pos += 1;
                if w != wide {
                    return Err("both operands must be rN or both wN".into());
                }
                Ok(Pending::Done(Insn::Alu {
                    wide,
                    op: AluOp::Mov,
                    dst,
                    src: Src::Reg(s),
                }))
            }
            Some(Tok::Ident(word)) => {
                self.pos += 1;
                self.assign_word(wide, dst, &word)
            }
            Some(Tok::Num(_)) | Some(Tok::P("-")) | Some(Tok::P("+")) => {
                let v = self.signed()?;
                if self.is_ident("ll") {
                    self.pos += 1;
                    Self::need_r(wide, "a 64-bit constant")?;
                    let bits: u64 = if v < 0 {
                        i64::try_from(v).map_err(|_| format!("{v} does not fit in 64 bits"))? as u64
                    } else {
                        u64::try_from(v).map_err(|_| format!("{v} does not fit in 64 bits"))?
                    };
                    return Ok(Pending::LdImm64(Insn::LdImm64 {
                        dst,
                        pseudo: Pseudo::Imm,
                        imm: bits as u32 as i32,
                        imm_hi: (bits >> 32) as u32 as i32,
                    }));
                }
                let imm =
                    to_i32(v).map_err(|e| format!("{e} (use `{v} ll` for a 64-bit constant)"))?;
                Ok(Pending::Done(Insn::Alu {
                    wide,
                    op: AluOp::Mov,
                    dst,
                    src: Src::Imm(imm),
                }))
            }
            _ => Err(format!("unexpected {} after `=`", self.found())),
        }
    }

    fn need_r(wide: bool, what: &str) -> PResult<()> {
        if wide {
            Ok(())
        } else {
            Err(format!("{what} writes a 64-bit register (rN)"))
        }
    }

    fn assign_word(&mut self, wide: bool, dst: u8, word: &str) -> PResult<Pending> {
        // Byte swaps: le16, be32, bswap64.
        for (prefix, order) in [
            ("bswap", ByteOrder::Swap),
            ("le", ByteOrder::ToLe),
            ("be", ByteOrder::ToBe),
        ] {
            if let Some(bits) = word.strip_prefix(prefix)
                && let Ok(bits) = bits.parse::<u8>()
            {
                if !matches!(bits, 16 | 32 | 64) {
                    return Err(format!("`{word}`: width must be 16, 32 or 64"));
                }
                let s = self.reg64()?;
                if s != dst {
                    return Err(format!("`{word}` works in place: r{dst} = {word} r{dst}"));
                }
                Self::need_r(wide, word)?;
                return Ok(Pending::Done(Insn::End { order, dst, bits }));
            }
        }
        match word {
            "map" => {
                Self::need_r(wide, "map load")?;
                self.map_load(dst)
            }
            "btf_id" => {
                Self::need_r(wide, "btf_id load")?;
                self.expect_p("[")?;
                let imm = self.imm32()?;
                self.expect_p("]")?;
                let hi = self.bracket_field("fd")?.unwrap_or(0);
                Ok(Pending::LdImm64(Insn::LdImm64 {
                    dst,
                    pseudo: Pseudo::BtfId,
                    imm,
                    imm_hi: hi,
                }))
            }
            "subprog" => {
                Self::need_r(wide, "subprog load")?;
                self.expect_p("[")?;
                let target = match self.peek() {
                    Some(Tok::Ident(_)) => Target::Label(self.ident()?),
                    _ => {
                        let v = self.signed()?;
                        Target::Rel(
                            i64::try_from(v).map_err(|_| format!("offset {v} out of range"))?,
                        )
                    }
                };
                self.expect_p("]")?;
                let hi = self.bracket_field("hi")?.unwrap_or(0);
                Ok(Pending::LdFunc { dst, target, hi })
            }
            "load_acquire" => {
                Self::need_r(wide, "load_acquire")?;
                self.expect_p("(")?;
                let (size, sx) = self.size_cast()?;
                if sx {
                    return Err("load_acquire takes an unsigned size".into());
                }
                let (base, off) = self.mem_operand()?;
                self.expect_p(")")?;
                Ok(Pending::Done(Insn::Atomic {
                    size,
                    op: AtomicOp::LoadAcquire,
                    dst,
                    src: base,
                    off,
                }))
            }
            _ => self.atomic_call(wide, dst, word),
        }
    }

    /// `[name:N]` if present.
    fn bracket_field(&mut self, name: &str) -> PResult<Option<i32>> {
        if !self.eat_p("[") {
            return Ok(None);
        }
        self.expect_ident(name)?;
        self.expect_p(":")?;
        let v = self.imm32()?;
        self.expect_p("]")?;
        Ok(Some(v))
    }

    /// `map[id:FD]`, `map[NAME#FD]`, `map[NAME]`, `map[idx:N]`, each
    /// optionally followed by `[0]+OFF` for a pointer into the value.
    fn map_load(&mut self, dst: u8) -> PResult<Pending> {
        self.expect_p("[")?;
        let key = self.ident()?;
        enum M {
            Fd(i32),
            Idx(i32),
            Name(String),
        }
        let m = if (key == "id" || key == "idx") && self.eat_p(":") {
            let v = self.imm32()?;
            if key == "id" { M::Fd(v) } else { M::Idx(v) }
        } else if self.eat_p("#") {
            M::Fd(self.imm32()?)
        } else {
            M::Name(key)
        };
        self.expect_p("]")?;
        let value_off = if self.eat_p("[") {
            let z = self.signed()?;
            if z != 0 {
                return Err("only `[0]` is supported as a map value index".into());
            }
            self.expect_p("]")?;
            Some(if self.eat_p("+") { self.imm32()? } else { 0 })
        } else {
            None
        };
        let ld = |pseudo, imm, imm_hi| {
            Pending::LdImm64(Insn::LdImm64 {
                dst,
                pseudo,
                imm,
                imm_hi,
            })
        };
        Ok(match (m, value_off) {
            (M::Fd(fd), None) => ld(Pseudo::MapFd, fd, 0),
            (M::Fd(fd), Some(o)) => ld(Pseudo::MapValue, fd, o),
            (M::Idx(i), None) => ld(Pseudo::MapIdx, i, 0),
            (M::Idx(i), Some(o)) => ld(Pseudo::MapIdxValue, i, o),
            (M::Name(name), value_off) => Pending::LdMapName {
                dst,
                name,
                value_off,
            },
        })
    }

    /// `rS = atomic64_fetch_add((u64 *)(rD +0), rS)`, `..._xchg(...)`,
    /// `r0 = atomic64_cmpxchg((u64 *)(rD +0), r0, rS)`.
    fn atomic_call(&mut self, wide: bool, dst: u8, word: &str) -> PResult<Pending> {
        let unknown = || format!("unknown operand `{word}`");
        let rest = word.strip_prefix("atomic").ok_or_else(unknown)?;
        let (is64, rest) = match rest.strip_prefix("64") {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let op = match rest {
            "_fetch_add" => AtomicOp::Add { fetch: true },
            "_fetch_or" => AtomicOp::Or { fetch: true },
            "_fetch_and" => AtomicOp::And { fetch: true },
            "_fetch_xor" => AtomicOp::Xor { fetch: true },
            "_xchg" => AtomicOp::Xchg,
            "_cmpxchg" => AtomicOp::CmpXchg,
            _ => return Err(unknown()),
        };
        Self::need_r(wide, word)?;
        self.expect_p("(")?;
        let (size, sx) = self.size_cast()?;
        if sx {
            return Err("atomics take an unsigned size".into());
        }
        if is64 != (size == Size::DW) {
            return Err(format!(
                "`{word}` needs {}",
                if is64 {
                    "u64"
                } else {
                    "a size below u64 (atomic64_ is for u64)"
                }
            ));
        }
        let (base, off) = self.mem_operand()?;
        self.expect_p(",")?;
        if op == AtomicOp::CmpXchg {
            if dst != 0 {
                return Err("cmpxchg loads into r0".into());
            }
            let r0 = self.reg64()?;
            if r0 != 0 {
                return Err("cmpxchg compares with r0".into());
            }
            self.expect_p(",")?;
        }
        let src = self.reg64()?;
        self.expect_p(")")?;
        if op != AtomicOp::CmpXchg && src != dst {
            return Err(format!(
                "the fetched value goes to the source register: r{src} = {word}(..., r{src})"
            ));
        }
        Ok(Pending::Done(Insn::Atomic {
            size,
            op,
            dst: base,
            src,
            off,
        }))
    }
}

fn to_i32(v: i128) -> PResult<i32> {
    if (i32::MIN as i128..=u32::MAX as i128).contains(&v) {
        Ok(v as u32 as i32)
    } else {
        Err(format!("{v} does not fit in 32 bits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments() {
        assert_eq!(strip_comment("r0 = 0 ; R0=0"), "r0 = 0 ");
        assert_eq!(strip_comment("r0 = 0 // x"), "r0 = 0 ");
        assert_eq!(strip_comment("# all"), "");
        assert_eq!(strip_comment("exit # done"), "exit ");
        assert_eq!(strip_comment("call f#181"), "call f#181");
        assert_eq!(strip_comment("call #0"), "call #0");
    }

    #[test]
    fn prefixes_and_labels() {
        assert_eq!(strip_prefix("12: (b7) r0 = 0"), "r0 = 0");
        assert_eq!(strip_prefix("(95) exit"), "exit");
        assert_eq!(strip_prefix("7: exit"), "exit");
        assert_eq!(label_def("loop:"), Some("loop"));
        assert_eq!(label_def(".L1_x:"), Some(".L1_x"));
        assert_eq!(label_def("r1:"), None);
        assert_eq!(label_def("exit"), None);
    }

    #[test]
    fn lexer() {
        assert_eq!(
            lex("if w1 s>= 0x10 goto pc-3").unwrap(),
            vec![
                Tok::Ident("if".into()),
                Tok::Reg(false, 1),
                Tok::P("s>="),
                Tok::Num(16),
                Tok::Ident("goto".into()),
                Tok::Ident("pc".into()),
                Tok::P("-"),
                Tok::Num(3),
            ]
        );
        assert_eq!(lex("skb").unwrap(), vec![Tok::Ident("skb".into())]);
        assert_eq!(lex("r1 s>>= 3").unwrap()[1], Tok::P("s>>="),);
        assert!(lex("r99").is_err());
        assert!(lex("0x").is_err());
    }
}
