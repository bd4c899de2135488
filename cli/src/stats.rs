//! veristat's statistics, as `veristat` (the kernel's
//! tools/testing/selftests/bpf/veristat.c) names, selects (`-e`), sorts
//! (`-s`), filters (`-f`), writes and reads (CSV), compares (`-C`) and
//! replays (`-R`) them.
//!
//! The real veristat of Linux 6.12 knows nine stats and refuses a CSV
//! column it does not know, so kfreg's default CSV has exactly those nine;
//! the stats later veristats added (`prog_size`, `prog_size_jited`,
//! `prog_type`, `attach_type`, `stack_depth`, `mem_peak`) and kfreg's own
//! `section` are there for `-e` and in JSON.

use std::cmp::Ordering;

/// One statistic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stat {
    /// The object's file name (base name).
    FileName,
    /// The program's name.
    ProgName,
    /// `success` (1) or `failure` (0).
    Verdict,
    /// Verification time in microseconds.
    Duration,
    /// Instructions processed.
    TotalInsns,
    /// States stored.
    TotalStates,
    /// Most states stored at once.
    PeakStates,
    /// Most states stored at one instruction.
    MaxStatesPerInsn,
    /// Longest register-read mark chain (the kernel's `mark_read`).
    MarkReadMaxLen,
    /// Program size in instructions (0 when rejected: nothing was loaded).
    ProgSize,
    /// JIT-compiled size in bytes (always 0: kfreg does not JIT).
    JitedSize,
    /// Program type, as libbpf spells it.
    ProgType,
    /// Expected attach type, as libbpf spells it.
    AttachType,
    /// Stack depth in bytes.
    Stack,
    /// Peak memory of the verification in MiB.
    MemPeak,
    /// The ELF section (kfreg's own stat).
    Section,
}

/// How veristat names and shows a stat.
struct Def {
    stat: Stat,
    /// The table header.
    header: &'static str,
    /// The names accepted in specs; the first is the CSV header.
    names: &'static [&'static str],
    /// Sorted ascending unless told otherwise.
    asc: bool,
}

/// In veristat's order: name lookup tries them in turn.
const DEFS: &[Def] = &[
    def(
        Stat::FileName,
        "File",
        &["file_name", "filename", "file"],
        true,
    ),
    def(
        Stat::ProgName,
        "Program",
        &["prog_name", "progname", "prog"],
        true,
    ),
    def(Stat::Verdict, "Verdict", &["verdict"], true),
    def(Stat::Duration, "Duration (us)", &["duration", "dur"], false),
    def(Stat::TotalInsns, "Insns", &["total_insns", "insns"], false),
    def(
        Stat::TotalStates,
        "States",
        &["total_states", "states"],
        false,
    ),
    def(Stat::PeakStates, "Peak states", &["peak_states"], false),
    def(
        Stat::MaxStatesPerInsn,
        "Max states per insn",
        &["max_states_per_insn"],
        false,
    ),
    def(
        Stat::MarkReadMaxLen,
        "Max mark read length",
        &["max_mark_read_len", "mark_read"],
        false,
    ),
    def(Stat::ProgSize, "Program size", &["prog_size"], false),
    def(Stat::JitedSize, "Jited size", &["prog_size_jited"], false),
    def(Stat::Stack, "Stack depth", &["stack_depth", "stack"], false),
    def(Stat::ProgType, "Program type", &["prog_type"], true),
    def(Stat::AttachType, "Attach type", &["attach_type"], true),
    def(Stat::MemPeak, "Peak memory (MiB)", &["mem_peak"], false),
    def(Stat::Section, "Section", &["section"], true),
];

const fn def(stat: Stat, header: &'static str, names: &'static [&'static str], asc: bool) -> Def {
    Def {
        stat,
        header,
        names,
        asc,
    }
}

fn def_of(stat: Stat) -> &'static Def {
    DEFS.iter()
        .find(|d| d.stat == stat)
        .expect("every stat has a definition")
}

impl Stat {
    /// The CSV column name.
    pub fn name(self) -> &'static str {
        def_of(self).names[0]
    }

    /// The table header.
    pub fn header(self) -> &'static str {
        def_of(self).header
    }

    /// A text stat (left-aligned, never numeric).
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Stat::FileName | Stat::ProgName | Stat::ProgType | Stat::AttachType | Stat::Section
        )
    }

    /// File and program name: the key rows are joined by.
    fn is_key(self) -> bool {
        matches!(self, Stat::FileName | Stat::ProgName)
    }

    fn index(self) -> usize {
        DEFS.iter()
            .position(|d| d.stat == self)
            .expect("every stat has a definition")
    }
}

/// Every name a spec may use, for error messages.
fn known_names() -> String {
    DEFS.iter()
        .map(|d| d.names.join("/"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which side of a comparison a stat refers to (`_a`, `_b`, `_diff`,
/// `_pct`); `_b` when none is named, as in veristat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Variant {
    /// The baseline (first CSV).
    A,
    /// The comparison (second CSV).
    B,
    /// The difference B - A (for the verdict: 1 on MATCH).
    Diff,
    /// The difference in percent of A.
    Pct,
}

/// A stat as named in a spec or filter: `|name_variant|`.
fn parse_stat_name(text: &str) -> Option<(Stat, Variant, bool)> {
    let (text, abs) = match text.strip_prefix('|').and_then(|t| t.strip_suffix('|')) {
        Some(inner) if text.len() > 2 => (inner, true),
        _ => (text, false),
    };
    const SUFFIXES: [(&str, Variant); 4] = [
        ("_a", Variant::A),
        ("_b", Variant::B),
        ("_diff", Variant::Diff),
        ("_pct", Variant::Pct),
    ];
    for d in DEFS {
        for alias in d.names {
            let Some(rest) = text.strip_prefix(alias) else {
                continue;
            };
            if rest.is_empty() {
                return Some((d.stat, Variant::B, abs));
            }
            if let Some(&(_, v)) = SUFFIXES.iter().find(|(s, _)| *s == rest) {
                return Some((d.stat, v, abs));
            }
        }
    }
    None
}

/// One entry of an `-e` or `-s` spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpecItem {
    /// The stat.
    pub stat: Stat,
    /// Its side, in comparison mode.
    pub variant: Variant,
    /// Ascending order (for `-s`).
    pub asc: bool,
    /// Compare absolute values (`|stat|`).
    pub abs: bool,
}

/// Parses a veristat spec: comma-separated stat names, each optionally
/// followed by `^` (ascending) or `v`, `V`, `.`, `!`, `_` (descending).
pub fn parse_spec(text: &str) -> Result<Vec<SpecItem>, String> {
    let mut items = Vec::new();
    for token in text.split(',').filter(|t| !t.is_empty()) {
        let mut name = token;
        let mut order = None;
        if token.len() > 1 {
            let last = token.as_bytes()[token.len() - 1];
            if last == b'^' {
                order = Some(true);
            } else if matches!(last, b'v' | b'V' | b'.' | b'!' | b'_') {
                order = Some(false);
            }
            if order.is_some() {
                name = &token[..token.len() - 1];
            }
        }
        let (stat, variant, abs) = parse_stat_name(name).ok_or_else(|| {
            format!(
                "unrecognized stat name `{token}` (known: {})",
                known_names()
            )
        })?;
        items.push(SpecItem {
            stat,
            variant,
            asc: order.unwrap_or(def_of(stat).asc),
            abs,
        });
    }
    if items.is_empty() {
        return Err(format!("empty stat spec `{text}`"));
    }
    Ok(items)
}

/// veristat's default table columns, with kfreg's section after the program.
pub fn default_table_spec() -> Vec<SpecItem> {
    spec_of(&[
        Stat::FileName,
        Stat::ProgName,
        Stat::Section,
        Stat::Verdict,
        Stat::Duration,
        Stat::TotalInsns,
        Stat::TotalStates,
        Stat::PeakStates,
    ])
}

/// The columns of the CSV Linux 6.12's veristat writes, in its order.
pub fn default_csv_spec() -> Vec<SpecItem> {
    spec_of(&[
        Stat::FileName,
        Stat::ProgName,
        Stat::Verdict,
        Stat::Duration,
        Stat::TotalInsns,
        Stat::TotalStates,
        Stat::PeakStates,
        Stat::MaxStatesPerInsn,
        Stat::MarkReadMaxLen,
    ])
}

/// veristat's default order: by file, then program.
pub fn default_sort_spec() -> Vec<SpecItem> {
    spec_of(&[Stat::FileName, Stat::ProgName])
}

fn spec_of(stats: &[Stat]) -> Vec<SpecItem> {
    stats
        .iter()
        .map(|&stat| SpecItem {
            stat,
            variant: Variant::B,
            asc: def_of(stat).asc,
            abs: false,
        })
        .collect()
}

/// A stat's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A number (the verdict: 1 success, 0 failure).
    Num(i64),
    /// A text.
    Text(String),
}

/// One program's stats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    values: Vec<Value>,
}

impl Default for Record {
    fn default() -> Record {
        Record {
            values: DEFS
                .iter()
                .map(|d| {
                    if d.stat.is_text() {
                        Value::Text(String::new())
                    } else {
                        Value::Num(0)
                    }
                })
                .collect(),
        }
    }
}

impl Record {
    /// Sets a number.
    pub fn set_num(&mut self, stat: Stat, v: i64) {
        self.values[stat.index()] = Value::Num(v);
    }

    /// Sets a text.
    pub fn set_text(&mut self, stat: Stat, v: &str) {
        self.values[stat.index()] = Value::Text(v.to_string());
    }

    /// A number (0 for a text stat).
    pub fn num(&self, stat: Stat) -> i64 {
        match &self.values[stat.index()] {
            Value::Num(n) => *n,
            Value::Text(_) => 0,
        }
    }

    /// A text ("" for a number stat).
    pub fn text(&self, stat: Stat) -> &str {
        match &self.values[stat.index()] {
            Value::Text(t) => t,
            Value::Num(_) => "",
        }
    }

    /// The value as veristat writes it.
    pub fn shown(&self, stat: Stat) -> String {
        match (stat, &self.values[stat.index()]) {
            (Stat::Verdict, Value::Num(n)) => {
                if *n != 0 { "success" } else { "failure" }.to_string()
            }
            (_, Value::Num(n)) => n.to_string(),
            (_, Value::Text(t)) => t.clone(),
        }
    }

    /// Parses one CSV field as veristat does.
    fn parse(&mut self, stat: Stat, field: &str) -> Result<(), String> {
        match stat {
            Stat::Verdict => match field {
                "success" => self.set_num(stat, 1),
                "failure" => self.set_num(stat, 0),
                _ => return Err(format!("unrecognized verification verdict `{field}`")),
            },
            s if s.is_text() => self.set_text(s, field),
            s => {
                let v = field
                    .trim_end()
                    .parse::<i64>()
                    .map_err(|_| format!("cannot parse `{field}` as an integer ({})", s.name()))?;
                self.set_num(s, v);
            }
        }
        Ok(())
    }
}

/// veristat's glob: `*` matches any run of characters, nothing else is special.
pub fn glob_matches(s: &str, pat: &str) -> bool {
    fn go(s: &[u8], p: &[u8]) -> bool {
        match p.iter().position(|&c| c == b'*') {
            None => s == p,
            Some(star) => {
                if s.len() < star || s[..star] != p[..star] {
                    return false;
                }
                let rest = &p[star..];
                let rest = &rest[rest.iter().take_while(|&&c| c == b'*').count()..];
                if rest.is_empty() {
                    return true;
                }
                (star..=s.len()).any(|i| go(&s[i..], rest))
            }
        }
    }
    go(s.as_bytes(), pat.as_bytes())
}

/// A comparison operator of a stat filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// One `-f` expression.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Filter {
    /// `glob` (file or program), `file-glob/prog-glob`, `file-glob/`, `/prog-glob`.
    Name {
        any: Option<String>,
        file: Option<String>,
        prog: Option<String>,
    },
    /// `stat<op>value`.
    Stat {
        stat: Stat,
        variant: Variant,
        abs: bool,
        op: Op,
        value: i64,
    },
}

/// The `-f` filters: allowing ones and (`!`) denying ones.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    allow: Vec<Filter>,
    deny: Vec<Filter>,
}

impl Filters {
    /// Adds one `-f` argument: an expression, `!expression`, or
    /// `@FILE` (one expression a line, `#` comments).
    pub fn add(&mut self, arg: &str) -> Result<(), String> {
        if let Some(path) = arg.strip_prefix('@') {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read filters from {path}: {e}"))?;
            for line in text.lines().map(str::trim) {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                self.add_one(line)?;
            }
            return Ok(());
        }
        self.add_one(arg)
    }

    fn add_one(&mut self, expr: &str) -> Result<(), String> {
        match expr.strip_prefix('!') {
            Some(rest) => self.deny.push(parse_filter(rest)?),
            None => self.allow.push(parse_filter(expr)?),
        }
        Ok(())
    }

    /// Whether a program (or, with `prog` `None`, a file that may hold
    /// one) passes the name filters, as veristat decides before loading.
    pub fn wants(&self, file: &str, prog: Option<&str>) -> bool {
        if self.deny.iter().any(|f| name_matches(f, file, prog)) {
            return false;
        }
        let mut allows = 0;
        for f in &self.allow {
            if !matches!(f, Filter::Name { .. }) {
                continue;
            }
            allows += 1;
            match prog {
                Some(_) if name_matches(f, file, prog) => return true,
                None if name_may_match(f, file) => return true,
                _ => {}
            }
        }
        allows == 0
    }

    /// Whether a row passes the stat filters.
    pub fn shows(&self, r: &Record) -> bool {
        self.stat_filters_pass(|stat, _| r.num(stat) as f64)
    }

    /// Whether a joined row passes the stat filters.
    fn shows_joined(&self, j: &Joined) -> bool {
        self.stat_filters_pass(|stat, variant| j.num(stat, variant))
    }

    fn stat_filters_pass(&self, value: impl Fn(Stat, Variant) -> f64) -> bool {
        let test = |f: &Filter| match f {
            Filter::Stat {
                stat,
                variant,
                abs,
                op,
                value: want,
            } => {
                let mut v = value(*stat, *variant);
                if *abs {
                    v = v.abs();
                }
                Some(op_holds(v, *op, *want as f64))
            }
            Filter::Name { .. } => None,
        };
        if self.deny.iter().any(|f| test(f) == Some(true)) {
            return false;
        }
        let allows: Vec<bool> = self.allow.iter().filter_map(test).collect();
        allows.is_empty() || allows.contains(&true)
    }
}

fn op_holds(v: f64, op: Op, want: f64) -> bool {
    // veristat compares with this tolerance: percentages are fractions.
    const EPS: f64 = 1e-9;
    match op {
        Op::Eq => v > want - EPS && v < want + EPS,
        Op::Ne => v < want - EPS || v > want + EPS,
        Op::Lt => v < want - EPS,
        Op::Le => v <= want + EPS,
        Op::Gt => v > want + EPS,
        Op::Ge => v >= want - EPS,
    }
}

fn name_matches(f: &Filter, file: &str, prog: Option<&str>) -> bool {
    let Filter::Name {
        any,
        file: fg,
        prog: pg,
    } = f
    else {
        return false;
    };
    if let Some(g) = any {
        return glob_matches(file, g) || prog.is_some_and(|p| glob_matches(p, g));
    }
    match (fg, pg) {
        (Some(fg), Some(pg)) => prog.is_some_and(|p| glob_matches(file, fg) && glob_matches(p, pg)),
        (Some(fg), None) => glob_matches(file, fg),
        (None, Some(pg)) => prog.is_some_and(|p| glob_matches(p, pg)),
        (None, None) => false,
    }
}

fn name_may_match(f: &Filter, file: &str) -> bool {
    match f {
        Filter::Name { file: Some(fg), .. } => glob_matches(file, fg),
        Filter::Name { any, prog, .. } => any.is_some() || prog.is_some(),
        Filter::Stat { .. } => false,
    }
}

fn parse_filter(expr: &str) -> Result<Filter, String> {
    // veristat's order: longer operators before their prefixes.
    const OPS: [(&str, Op); 8] = [
        ("==", Op::Eq),
        ("!=", Op::Ne),
        ("<>", Op::Ne),
        ("<=", Op::Le),
        ("<", Op::Lt),
        (">=", Op::Ge),
        (">", Op::Gt),
        ("=", Op::Eq),
    ];
    for (text, op) in OPS {
        let Some(at) = expr.find(text) else { continue };
        let (stat, variant, abs) = parse_stat_name(&expr[..at]).ok_or_else(|| {
            format!(
                "unrecognized stat name in filter `{expr}` (known: {})",
                known_names()
            )
        })?;
        if stat.is_text() {
            return Err(format!(
                "filter `{expr}`: `{}` is not a numeric stat",
                stat.name()
            ));
        }
        let raw = &expr[at + text.len()..];
        let value = match raw.to_ascii_lowercase().as_str() {
            "true" | "t" | "success" | "succ" | "s" | "match" | "m" => 1,
            "false" | "f" | "failure" | "fail" | "mismatch" | "mis" => 0,
            _ => raw
                .parse::<i64>()
                .map_err(|_| format!("filter `{expr}`: invalid integer value `{raw}`"))?,
        };
        return Ok(Filter::Stat {
            stat,
            variant,
            abs,
            op,
            value,
        });
    }
    let nonempty = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let f = match expr.split_once('/') {
        None => Filter::Name {
            any: nonempty(expr),
            file: None,
            prog: None,
        },
        Some((file, prog)) => Filter::Name {
            any: None,
            file: nonempty(file),
            prog: nonempty(prog),
        },
    };
    match &f {
        Filter::Name {
            any: None,
            file: None,
            prog: None,
        } => Err(format!("invalid filter `{expr}`")),
        _ => Ok(f),
    }
}

/// Orders two records by `spec`, then by file and program (always unique).
pub fn cmp_records(a: &Record, b: &Record, spec: &[SpecItem]) -> Ordering {
    for s in spec {
        let ord = if s.stat.is_text() {
            a.text(s.stat).cmp(b.text(s.stat))
        } else {
            let (mut x, mut y) = (a.num(s.stat), b.num(s.stat));
            if s.abs {
                x = x.abs();
                y = y.abs();
            }
            x.cmp(&y)
        };
        let ord = if s.asc { ord } else { ord.reverse() };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    key_order(a, b)
}

fn key_order(a: &Record, b: &Record) -> Ordering {
    a.text(Stat::FileName)
        .cmp(b.text(Stat::FileName))
        .then_with(|| a.text(Stat::ProgName).cmp(b.text(Stat::ProgName)))
}

/// A CSV field, quoted (RFC 4180) only when it has to be: veristat never
/// quotes, and its fields never need it, so its files are written byte for
/// byte as veristat writes them.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Splits one CSV line into fields, undoing [`csv_field`]'s quoting.
fn split_csv_line(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cur.push('"');
                } else {
                    quoted = false;
                }
            }
            ',' if !quoted => {
                fields.push(std::mem::take(&mut cur));
                at_start = true;
            }
            c => {
                cur.push(c);
                at_start = false;
            }
        }
    }
    if quoted {
        return Err("unterminated quoted field".into());
    }
    fields.push(cur);
    Ok(fields)
}

/// The records as CSV with the columns of `spec`.
pub fn write_csv(records: &[Record], spec: &[SpecItem]) -> String {
    let mut out = spec
        .iter()
        .map(|s| s.stat.name())
        .collect::<Vec<_>>()
        .join(",")
        + "\n";
    for r in records {
        out += &spec
            .iter()
            .map(|s| csv_field(&r.shown(s.stat)))
            .collect::<Vec<_>>()
            .join(",");
        out.push('\n');
    }
    out
}

/// A CSV as veristat or kfreg wrote it: its columns and rows (those
/// `filters` let through by name).
pub struct Csv {
    /// The columns, in the file's order.
    pub columns: Vec<SpecItem>,
    /// The rows.
    pub records: Vec<Record>,
}

/// Reads a veristat CSV. Like veristat, every column must be a known stat
/// and every row have each column; unlike veristat's, a field may be quoted.
pub fn read_csv(path: &str, filters: &Filters) -> Result<Csv, String> {
    let text = crate::verify::read_text_file(path)?;
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.is_empty());
    let (_, header) = lines
        .next()
        .ok_or_else(|| format!("{path}: empty file, no CSV header"))?;
    let columns = parse_spec(header).map_err(|e| format!("{path}: header: {e}"))?;
    for key in [Stat::FileName, Stat::ProgName] {
        if !columns.iter().any(|c| c.stat == key) {
            return Err(format!("{path}: no {} column", key.name()));
        }
    }
    let mut records = Vec::new();
    for (i, line) in lines {
        let at = |e: String| format!("{path}:{}: {e}", i + 1);
        let fields = split_csv_line(line).map_err(at)?;
        if fields.len() != columns.len() {
            return Err(at(format!(
                "{} fields where the header has {} columns",
                fields.len(),
                columns.len()
            )));
        }
        let mut r = Record::default();
        for (c, f) in columns.iter().zip(&fields) {
            r.parse(c.stat, f).map_err(at)?;
        }
        if r.text(Stat::FileName).is_empty() || r.text(Stat::ProgName).is_empty() {
            return Err(at("no file or program name".into()));
        }
        if filters.wants(r.text(Stat::FileName), Some(r.text(Stat::ProgName))) {
            records.push(r);
        }
    }
    Ok(Csv { columns, records })
}

/// Aligns `rows` of cells under `headers`: text left, numbers right.
pub fn align(headers: &[String], rows: &[Vec<String>], left: &[bool]) -> Vec<String> {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                s += "  ";
            }
            let pad = w.saturating_sub(cell.chars().count());
            if left[i] {
                s += cell;
                if i + 1 < cells.len() {
                    s += &" ".repeat(pad);
                }
            } else {
                s += &" ".repeat(pad);
                s += cell;
            }
        }
        s
    };
    let total = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
    let mut out = vec![line(headers), "-".repeat(total)];
    out.extend(rows.iter().map(|r| line(r)));
    out
}

/// A row of a comparison: the baseline's and the comparison's record for
/// one file and program (either may be missing).
struct Joined<'a> {
    a: Option<&'a Record>,
    b: Option<&'a Record>,
}

impl Joined<'_> {
    fn key(&self) -> &Record {
        self.a.or(self.b).expect("a joined row has a side")
    }

    /// veristat's `fetch_join_stat_value`: a missing side is the lowest value.
    fn num(&self, stat: Stat, variant: Variant) -> f64 {
        let (a, b) = (self.a.map(|r| r.num(stat)), self.b.map(|r| r.num(stat)));
        match (variant, a, b) {
            (Variant::A, Some(a), _) => a as f64,
            (Variant::B, _, Some(b)) => b as f64,
            (Variant::Diff, Some(a), Some(b)) if stat == Stat::Verdict => f64::from(a == b),
            (Variant::Diff, Some(a), Some(b)) => (b - a) as f64,
            (Variant::Pct, Some(a), Some(b)) => pct(a, b),
            _ => -f64::MAX,
        }
    }

    fn text(&self, stat: Stat, variant: Variant) -> &str {
        match variant {
            Variant::A => self.a.map_or("", |r| r.text(stat)),
            _ if stat.is_key() => self.key().text(stat),
            _ => self.b.map_or("", |r| r.text(stat)),
        }
    }
}

fn pct(a: i64, b: i64) -> f64 {
    if a == 0 {
        match b.cmp(&a) {
            Ordering::Equal => 0.0,
            Ordering::Less => -100.0,
            Ordering::Greater => 100.0,
        }
    } else {
        (b - a) as f64 * 100.0 / a as f64
    }
}

/// What a comparison found.
pub struct Comparison {
    /// The output (table or CSV).
    pub text: String,
    /// Programs in both files whose verdicts differ.
    pub verdict_mismatches: usize,
}

/// Options of `-C` and `-R`.
pub struct Shape<'a> {
    /// Columns (`-e`), `None` for the files' own columns.
    pub emit: Option<&'a [SpecItem]>,
    /// Order (`-s`).
    pub sort: &'a [SpecItem],
    /// Filters (`-f`).
    pub filters: &'a Filters,
    /// At most this many rows (`-n`), 0 for all.
    pub top_n: usize,
    /// CSV instead of a table.
    pub csv: bool,
}

impl Shape<'_> {
    /// The columns to show: `-e`'s, else veristat's defaults (its table's
    /// seven, its CSV's nine) among those the file has.
    fn columns(&self, csv: &Csv) -> Vec<SpecItem> {
        if let Some(e) = self.emit {
            return e.to_vec();
        }
        let defaults = if self.csv {
            default_csv_spec()
        } else {
            spec_of(&[
                Stat::FileName,
                Stat::ProgName,
                Stat::Verdict,
                Stat::Duration,
                Stat::TotalInsns,
                Stat::TotalStates,
                Stat::PeakStates,
            ])
        };
        defaults
            .into_iter()
            .filter(|d| csv.columns.iter().any(|c| c.stat == d.stat))
            .collect()
    }
}

/// `-C`: joins two CSVs by file and program and shows each stat of both
/// with their difference, as veristat does.
pub fn compare(
    base: &Csv,
    comp: &Csv,
    shape: &Shape,
    names: (&str, &str),
) -> Result<Comparison, String> {
    // veristat requires both files to have the same columns, in one order.
    let cols = |c: &Csv| c.columns.iter().map(|s| s.stat).collect::<Vec<_>>();
    if cols(base) != cols(comp) {
        return Err(format!(
            "the stats of {} ({}) and {} ({}) differ",
            names.0,
            cols(base)
                .iter()
                .map(|s| s.name())
                .collect::<Vec<_>>()
                .join(","),
            names.1,
            cols(comp)
                .iter()
                .map(|s| s.name())
                .collect::<Vec<_>>()
                .join(","),
        ));
    }
    let emit = shape.columns(base);
    for s in emit.iter().chain(shape.sort) {
        if !base.columns.iter().any(|c| c.stat == s.stat) {
            return Err(format!(
                "`{}` is not a column of {}",
                s.stat.name(),
                names.0
            ));
        }
    }
    let mut a: Vec<&Record> = base.records.iter().collect();
    let mut b: Vec<&Record> = comp.records.iter().collect();
    a.sort_by(|x, y| key_order(x, y));
    b.sort_by(|x, y| key_order(x, y));
    let mut joined = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let ord = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => key_order(x, y),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        joined.push(match ord {
            Ordering::Equal => {
                i += 1;
                j += 1;
                Joined {
                    a: Some(a[i - 1]),
                    b: Some(b[j - 1]),
                }
            }
            Ordering::Less => {
                i += 1;
                Joined {
                    a: Some(a[i - 1]),
                    b: None,
                }
            }
            Ordering::Greater => {
                j += 1;
                Joined {
                    a: None,
                    b: Some(b[j - 1]),
                }
            }
        });
    }
    joined.sort_by(|x, y| {
        for s in shape.sort {
            let ord = if s.stat.is_text() {
                x.text(s.stat, s.variant).cmp(y.text(s.stat, s.variant))
            } else {
                let (mut p, mut q) = (x.num(s.stat, s.variant), y.num(s.stat, s.variant));
                if s.abs {
                    p = p.abs();
                    q = q.abs();
                }
                p.partial_cmp(&q).unwrap_or(Ordering::Equal)
            };
            let ord = if s.asc { ord } else { ord.reverse() };
            if ord != Ordering::Equal {
                return ord;
            }
        }
        key_order(x.key(), y.key())
    });
    let verdict_mismatches = joined
        .iter()
        .filter(|j| matches!((j.a, j.b), (Some(a), Some(b)) if a.num(Stat::Verdict) != b.num(Stat::Verdict)))
        .count();
    let mut headers = Vec::new();
    let mut left = Vec::new();
    for s in &emit {
        if s.stat.is_key() {
            headers.push(if shape.csv {
                s.stat.name().to_string()
            } else {
                s.stat.header().to_string()
            });
            left.push(true);
        } else {
            for (csv_sfx, table_sfx) in [("_base", " (A)"), ("_comp", " (B)"), ("_diff", " (DIFF)")]
            {
                headers.push(if shape.csv {
                    format!("{}{csv_sfx}", s.stat.name())
                } else {
                    format!("{}{table_sfx}", s.stat.header())
                });
                left.push(s.stat.is_text() || s.stat == Stat::Verdict);
            }
        }
    }
    let mut rows = Vec::new();
    for j in joined.iter().filter(|j| shape.filters.shows_joined(j)) {
        if shape.top_n > 0 && rows.len() >= shape.top_n {
            break;
        }
        let mut row = Vec::new();
        for s in &emit {
            if s.stat.is_key() {
                row.push(j.key().text(s.stat).to_string());
                continue;
            }
            let na = || "N/A".to_string();
            let (a, b) = (j.a.map(|r| r.shown(s.stat)), j.b.map(|r| r.shown(s.stat)));
            row.push(a.clone().unwrap_or_else(na));
            row.push(b.clone().unwrap_or_else(na));
            row.push(match (j.a, j.b) {
                (Some(_), Some(_)) if s.stat.is_text() || s.stat == Stat::Verdict => {
                    if a == b { "MATCH" } else { "MISMATCH" }.to_string()
                }
                (Some(ra), Some(rb)) => {
                    let (x, y) = (ra.num(s.stat), rb.num(s.stat));
                    format!("{:+} ({:+.2}%)", y - x, pct(x, y))
                }
                _ => na(),
            });
        }
        rows.push(row);
    }
    let text = if shape.csv {
        let mut out = headers
            .iter()
            .map(|h| csv_field(h))
            .collect::<Vec<_>>()
            .join(",")
            + "\n";
        for r in &rows {
            out += &r.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(",");
            out.push('\n');
        }
        out
    } else {
        let mut lines = align(&headers, &rows, &left);
        lines.push(format!(
            "{} program(s): {} in both, {} with different verdicts",
            joined.len(),
            joined
                .iter()
                .filter(|j| j.a.is_some() && j.b.is_some())
                .count(),
            verdict_mismatches
        ));
        lines.join("\n") + "\n"
    };
    Ok(Comparison {
        text,
        verdict_mismatches,
    })
}

/// `-R`: a CSV shown again, with `shape`'s columns, order and filters.
pub fn replay(csv: &Csv, shape: &Shape, name: &str) -> Result<String, String> {
    let cols = shape.columns(csv);
    for s in cols.iter().chain(shape.sort) {
        if s.variant != Variant::B {
            return Err(format!(
                "`{}` with a comparison suffix (_a, _b, _diff, _pct) needs -C",
                s.stat.name()
            ));
        }
        if !csv.columns.iter().any(|c| c.stat == s.stat) {
            return Err(format!("`{}` is not a column of {name}", s.stat.name()));
        }
    }
    let mut records: Vec<&Record> = csv
        .records
        .iter()
        .filter(|r| shape.filters.shows(r))
        .collect();
    records.sort_by(|a, b| cmp_records(a, b, shape.sort));
    if shape.top_n > 0 {
        records.truncate(shape.top_n);
    }
    if shape.csv {
        let owned: Vec<Record> = records.into_iter().cloned().collect();
        return Ok(write_csv(&owned, &cols));
    }
    let headers: Vec<String> = cols.iter().map(|s| s.stat.header().to_string()).collect();
    let left: Vec<bool> = cols
        .iter()
        .map(|s| s.stat.is_text() || s.stat == Stat::Verdict)
        .collect();
    let rows: Vec<Vec<String>> = records
        .iter()
        .map(|r| cols.iter().map(|s| r.shown(s.stat)).collect())
        .collect();
    Ok(align(&headers, &rows, &left).join("\n") + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_as_veristat() {
        assert!(glob_matches("rbtree.bpf.o", "*.bpf.o"));
        assert!(glob_matches("rb_add_ok", "rb_*_ok"));
        assert!(glob_matches("abc", "a**c"));
        assert!(!glob_matches("rb_add_no_lock", "rb_*_ok"));
        assert!(glob_matches("", "*"));
        assert!(!glob_matches("x", ""));
    }

    #[test]
    fn spec_names_orders_and_variants() {
        let s = parse_spec("insns^,states_diff_,|peak_states_pct|,file").unwrap();
        assert_eq!(s[0].stat, Stat::TotalInsns);
        assert!(s[0].asc);
        assert_eq!(
            (s[1].stat, s[1].variant, s[1].asc),
            (Stat::TotalStates, Variant::Diff, false)
        );
        assert_eq!(
            (s[2].stat, s[2].variant, s[2].abs),
            (Stat::PeakStates, Variant::Pct, true)
        );
        assert!(s[3].asc);
        assert!(parse_spec("prog_size,prog_type,stack").is_ok());
        assert!(
            parse_spec("size")
                .unwrap_err()
                .contains("unrecognized stat name `size`")
        );
    }

    #[test]
    fn filters_as_veristat() {
        let mut f = Filters::default();
        f.add("rbtree*/").unwrap();
        f.add("!*/rb_add_*").unwrap();
        assert!(f.wants("rbtree.bpf.o", None));
        assert!(!f.wants("iter_num.bpf.o", None));
        assert!(f.wants("rbtree.bpf.o", Some("rb_first_remove_ok")));
        assert!(!f.wants("rbtree.bpf.o", Some("rb_add_ok")));
        let mut g = Filters::default();
        g.add("insns>=10").unwrap();
        g.add("!verdict=failure").unwrap();
        let mut r = Record::default();
        r.set_num(Stat::TotalInsns, 10);
        r.set_num(Stat::Verdict, 1);
        assert!(g.shows(&r));
        r.set_num(Stat::Verdict, 0);
        assert!(!g.shows(&r));
        assert!(Filters::default().add("nosuch>3").is_err());
        assert!(Filters::default().add("prog_type=3").is_err());
        assert!(Filters::default().add("/").is_err());
    }

    #[test]
    fn csv_quoting_round_trips() {
        let line = ["a,b", "plain", "say \"hi\""].map(csv_field).join(",");
        assert_eq!(line, "\"a,b\",plain,\"say \"\"hi\"\"\"");
        assert_eq!(
            split_csv_line(&line).unwrap(),
            ["a,b", "plain", "say \"hi\""]
        );
        assert!(split_csv_line("\"open").is_err());
    }
}
