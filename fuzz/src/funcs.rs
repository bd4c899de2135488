//! The functions of a generated program as BTF describes them: each
//! subprogram static (`int fK(void)`) or global with typed parameters, the
//! way a compiler's BTF and `func_info` tell both verifiers.
//!
//! The kernel gets the BTF itself ([`btf`]); kfreg gets the same facts as
//! its loader reads them from an object ([`subprog_args`]). Case files
//! carry them as one `# functions:` line ([`format`], [`parse`]).

use kfreg_object::btf::Kind;
use kfreg_object::program::{ParamType, PointeeKind, PtrParam, SubprogArg};

/// A global function's parameter, as its BTF prototype declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Param {
    /// `int`.
    Scalar,
    /// A pointer to the struct named as the program type's context.
    Ctx,
    /// `void *` tagged `arg:ctx`.
    TaggedCtx,
    /// A pointer to `char[size]`.
    Mem {
        /// The array's length.
        size: u32,
        /// Tagged `arg:nonnull`.
        nonnull: bool,
    },
}

/// One function after the main program: `None` static, else global with
/// these parameters.
pub type Func = Option<Vec<Param>>;

/// The `# functions:` text of `funcs`: `static` or `global(p, ..)` each.
pub fn format(funcs: &[Func]) -> String {
    let one = |f: &Func| match f {
        None => "static".to_string(),
        Some(params) => {
            let ps: Vec<String> = params
                .iter()
                .map(|p| match p {
                    Param::Scalar => "scalar".into(),
                    Param::Ctx => "ctx".into(),
                    Param::TaggedCtx => "ctx_tag".into(),
                    Param::Mem { size, nonnull } => {
                        format!("mem{size}{}", if *nonnull { "!" } else { "" })
                    }
                })
                .collect();
            format!("global({})", ps.join(","))
        }
    };
    funcs.iter().map(one).collect::<Vec<_>>().join(" ")
}

/// Reads [`format`]'s text back.
pub fn parse(text: &str) -> Result<Vec<Func>, String> {
    let param = |p: &str| -> Result<Param, String> {
        Ok(match p {
            "scalar" => Param::Scalar,
            "ctx" => Param::Ctx,
            "ctx_tag" => Param::TaggedCtx,
            _ => {
                let rest = p
                    .strip_prefix("mem")
                    .ok_or(format!("unknown parameter {p:?}"))?;
                let (n, nonnull) = match rest.strip_suffix('!') {
                    Some(n) => (n, true),
                    None => (rest, false),
                };
                let size = n.parse().map_err(|_| format!("bad size in {p:?}"))?;
                Param::Mem { size, nonnull }
            }
        })
    };
    text.split_whitespace()
        .map(|f| {
            if f == "static" {
                return Ok(None);
            }
            let inner = f
                .strip_prefix("global(")
                .and_then(|r| r.strip_suffix(')'))
                .ok_or(format!("unknown function {f:?}"))?;
            inner
                .split(',')
                .filter(|p| !p.is_empty())
                .map(param)
                .collect::<Result<Vec<_>, _>>()
                .map(Some)
        })
        .collect()
}

/// What kfreg's loader would read from the BTF [`btf`] writes for a
/// global function's parameters (`ctx_name`: the context's struct name).
pub fn subprog_args(params: &[Param], ctx_name: Option<&str>) -> Vec<SubprogArg> {
    let ptr =
        |kind: PointeeKind, name: &str, size: Result<u32, String>, tag: Option<&str>| SubprogArg {
            tags: tag.into_iter().map(str::to_string).collect(),
            ty: ParamType::Ptr(PtrParam {
                kind,
                name: name.to_string(),
                typedef: None,
                size,
            }),
        };
    let void = || ptr(PointeeKind::Void, "", Err(VOID.into()), Some("ctx"));
    params
        .iter()
        .map(|p| match *p {
            Param::Scalar => SubprogArg::SCALAR,
            Param::Ctx => match ctx_name {
                Some(name) => ptr(PointeeKind::Struct, name, Ok(0), None),
                None => void(),
            },
            Param::TaggedCtx => void(),
            Param::Mem { size, nonnull } => ptr(
                PointeeKind::Other(Kind::Array),
                "",
                Ok(size),
                nonnull.then_some("nonnull"),
            ),
        })
        .collect()
}

/// BTF kinds the blob uses.
/// How the kernel names `void` when it cannot size a pointer's target.
const VOID: &str = "UNKNOWN ";
const INT: u32 = 1;
const PTR: u32 = 2;
const ARRAY: u32 = 3;
const STRUCT: u32 = 4;
const FUNC: u32 = 12;
const FUNC_PROTO: u32 = 13;
const DECL_TAG: u32 = 17;

/// A BTF blob being written: its type section and string section.
struct Writer {
    types: Vec<u8>,
    strings: Vec<u8>,
    next_id: u32,
}

impl Writer {
    fn string(&mut self, s: &str) -> u32 {
        let off = self.strings.len() as u32;
        self.strings.extend(s.as_bytes());
        self.strings.push(0);
        off
    }

    /// A type: its header words and the words after it; its id.
    fn add(&mut self, name: &str, kind: u32, vlen: u32, size_or_type: u32, rest: &[u32]) -> u32 {
        let name = if name.is_empty() {
            0
        } else {
            self.string(name)
        };
        for w in [name, (kind << 24) | vlen, size_or_type].iter().chain(rest) {
            self.types.extend(w.to_le_bytes());
        }
        self.next_id += 1;
        self.next_id - 1
    }
}

/// A BTF for a program whose main function is followed by `funcs`, and the
/// type id of each function's FUNC, the main program's first (`f0`, then
/// `f1`, ...: what `func_info` names). `ctx_name` is the struct a `Ctx`
/// parameter points to (a `TaggedCtx` when the program type has none).
pub fn btf(funcs: &[Func], ctx_name: Option<&str>) -> (Vec<u8>, Vec<u32>) {
    let mut w = Writer {
        types: Vec::new(),
        strings: vec![0],
        next_id: 1,
    };
    let int = w.add("int", INT, 0, 4, &[(1 << 24) | 32]);
    let char_ = w.add("char", INT, 0, 1, &[8]);
    let no_args = w.add("", FUNC_PROTO, 0, int, &[]);
    let ctx_ptr = ctx_name.map(|n| {
        let s = w.add(n, STRUCT, 0, 0, &[]);
        w.add("", PTR, 0, s, &[])
    });
    let void_ptr = w.add("", PTR, 0, 0, &[]);
    let mut ids = vec![w.add("f0", FUNC, 0, no_args, &[])];
    for (k, f) in funcs.iter().enumerate() {
        let name = format!("f{}", k + 1);
        let Some(params) = f else {
            ids.push(w.add(&name, FUNC, 0, no_args, &[]));
            continue;
        };
        let types: Vec<u32> = params
            .iter()
            .map(|p| match *p {
                Param::Scalar => int,
                Param::Ctx => ctx_ptr.unwrap_or(void_ptr),
                Param::TaggedCtx => void_ptr,
                Param::Mem { size, .. } => {
                    let arr = w.add("", ARRAY, 0, 0, &[char_, int, size]);
                    w.add("", PTR, 0, arr, &[])
                }
            })
            .collect();
        let mut rest = Vec::new();
        for (i, t) in types.iter().enumerate() {
            rest.push(w.string(&format!("a{i}")));
            rest.push(*t);
        }
        let proto = w.add("", FUNC_PROTO, params.len() as u32, int, &rest);
        let func = w.add(&name, FUNC, 1, proto, &[]);
        ids.push(func);
        for (i, p) in params.iter().enumerate() {
            let tag = match *p {
                Param::Mem { nonnull: true, .. } => "arg:nonnull",
                Param::TaggedCtx => "arg:ctx",
                Param::Ctx if ctx_name.is_none() => "arg:ctx",
                _ => continue,
            };
            w.add(tag, DECL_TAG, 0, func, &[i as u32]);
        }
    }
    let mut blob = Vec::new();
    blob.extend(0xeb9f_u16.to_le_bytes());
    blob.extend([1, 0]);
    for v in [
        24,
        0,
        w.types.len() as u32,
        w.types.len() as u32,
        w.strings.len() as u32,
    ] {
        blob.extend(v.to_le_bytes());
    }
    blob.extend(w.types);
    blob.extend(w.strings);
    (blob, ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kfreg_object::btf::{Btf, Kind, TypeData};

    fn sample() -> Vec<Func> {
        vec![
            None,
            Some(vec![
                Param::Ctx,
                Param::Scalar,
                Param::Mem {
                    size: 16,
                    nonnull: true,
                },
                Param::TaggedCtx,
            ]),
        ]
    }

    #[test]
    fn text_round_trips() {
        let text = format(&sample());
        assert_eq!(text, "static global(ctx,scalar,mem16!,ctx_tag)");
        assert_eq!(parse(&text).unwrap(), sample());
        assert!(parse("global(ptr)").is_err());
        assert_eq!(parse("global()").unwrap(), vec![Some(vec![])]);
    }

    #[test]
    fn the_blob_is_btf_kfreg_reads_as_declared() {
        let (blob, ids) = btf(&sample(), Some("__sk_buff"));
        let btf = Btf::parse(&blob).expect("valid BTF");
        assert_eq!(ids.len(), 3);
        let names: Vec<&str> = ids.iter().map(|&id| btf.name(id).unwrap()).collect();
        assert_eq!(names, ["f0", "f1", "f2"]);
        let TypeData::Func { linkage, proto } = btf.type_by_id(ids[2]).unwrap().data else {
            panic!("not a FUNC")
        };
        assert_eq!(linkage, 1);
        let (_, params) = btf.func_proto(proto).unwrap();
        assert_eq!(params.len(), 4);
        let tags: Vec<(&str, i32)> = btf.decl_tags(ids[2]).collect();
        assert_eq!(tags, [("arg:nonnull", 2), ("arg:ctx", 3)]);
        assert!(btf.find("__sk_buff", Kind::Struct).is_some());
    }
}
