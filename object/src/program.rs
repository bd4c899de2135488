//! The verifier's input: one BPF program with everything it refers to.
//!
//! The loader builds this from an ELF object; tests build it from assembler
//! text. Nothing here knows about ELF.

use crate::btf::{Btf, Kind};
pub use crate::field_kind::FieldKind;
use kfreg::{KfuncId, ProgType};
use kfreg_isa::{DecodeError, Insn, RawInsn, decode_each, stand_in};
use std::collections::HashMap;
use std::sync::Arc;

/// Kernel map types the verifier distinguishes (the kernel's numbering).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MapType {
    /// `BPF_MAP_TYPE_HASH`.
    Hash,
    /// `BPF_MAP_TYPE_ARRAY` (also global data sections).
    Array,
    /// `BPF_MAP_TYPE_PERCPU_HASH`.
    PercpuHash,
    /// `BPF_MAP_TYPE_PERCPU_ARRAY`.
    PercpuArray,
    /// `BPF_MAP_TYPE_LRU_HASH`.
    LruHash,
    /// `BPF_MAP_TYPE_RINGBUF`.
    Ringbuf,
    /// `BPF_MAP_TYPE_ARENA`.
    Arena,
    /// Any other type, by kernel number.
    Other(u32),
}

impl MapType {
    /// The map type with kernel number `n`.
    pub fn from_u32(n: u32) -> MapType {
        match n {
            1 => MapType::Hash,
            2 => MapType::Array,
            5 => MapType::PercpuHash,
            6 => MapType::PercpuArray,
            9 => MapType::LruHash,
            27 => MapType::Ringbuf,
            33 => MapType::Arena,
            n => MapType::Other(n),
        }
    }

    /// The kernel struct a map of this type is (what a map pointer reads
    /// as); `bpf_map` for a type the kernel does not have.
    pub fn kernel_struct(self) -> &'static str {
        kfreg::MapKind::from_u32(self.number())
            .map_or(kfreg::MapKind::BASE_STRUCT, kfreg::MapKind::kernel_struct)
    }

    /// The kernel's number for the map type.
    pub fn number(self) -> u32 {
        match self {
            MapType::Hash => 1,
            MapType::Array => 2,
            MapType::PercpuHash => 5,
            MapType::PercpuArray => 6,
            MapType::LruHash => 9,
            MapType::Ringbuf => 27,
            MapType::Arena => 33,
            MapType::Other(n) => n,
        }
    }
}

/// A special field inside a map value or allocated object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// What it is.
    pub kind: FieldKind,
    /// Byte offset.
    pub off: u32,
    /// For roots: the contained type (program BTF id) and the node's offset in it.
    pub contains: Option<(u32, u32)>,
    /// For kptrs and uptrs: the pointee's type id (kernel or program BTF)
    /// and whether it is program BTF.
    pub kptr: Option<(u32, bool)>,
}

/// A struct of the program's BTF the verifier may need (map values,
/// allocated objects, graph elements).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjType {
    /// The struct name.
    pub name: String,
    /// Size in bytes.
    pub size: u32,
    /// Its special fields, by offset.
    pub fields: Vec<Field>,
    /// A struct of the program's BTF (not a map's value of another type,
    /// nor a global data section): what `bpf_obj_new` can allocate.
    pub is_struct: bool,
    /// Offsets of its pointer members that point to anything but a struct,
    /// nested structs and arrays included (not the special fields): loaded,
    /// they are read-only untrusted memory.
    pub pointers: Vec<u32>,
    /// Whether it is a struct of integers and enums only, nested structs
    /// and arrays included: what `bpf_percpu_obj_new` can allocate.
    pub scalars: crate::btf::Scalars,
}

impl ObjType {
    /// The special field at `off`, if any.
    pub fn field_at(&self, off: u32) -> Option<&Field> {
        self.fields.iter().find(|f| f.off == off)
    }

    /// The special field whose bytes cover `[off, off + size)`, if any overlaps.
    pub fn field_overlapping(&self, off: i64, size: i64) -> Option<&Field> {
        self.fields
            .iter()
            .find(|f| off < f.off as i64 + f.kind.size() as i64 && (f.off as i64) < off + size)
    }

    /// The field of kind `kind` the kernel's record names (its cached
    /// `spin_lock_off`, `timer_off`, ...): the last, where nested structs
    /// hold several.
    pub fn field(&self, kind: FieldKind) -> Option<&Field> {
        self.fields.iter().rev().find(|f| f.kind == kind)
    }
}

/// A map the program uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapDef {
    /// Its name (for messages).
    pub name: String,
    /// Kernel map type.
    pub map_type: MapType,
    /// Key size in bytes.
    pub key_size: u32,
    /// Value size in bytes.
    pub value_size: u32,
    /// Maximum entries.
    pub max_entries: u32,
    /// The value's program-BTF type, when known.
    pub value_type: Option<u32>,
    /// Read-only for the program (`.rodata`, frozen maps).
    pub rdonly: bool,
    /// Write-only for the program (`BPF_F_WRONLY_PROG`).
    pub wronly: bool,
    /// Made to be an inner map (`BPF_F_INNER_MAP`): a lookup in it is never
    /// known to succeed, whatever its key (`can_elide_value_nullness`).
    pub inner_map_flag: bool,
    /// Global data backing a section (`.bss`, `.data`, `.rodata`, `.data.NAME`).
    pub global_data: bool,
    /// The value's initial bytes, for read-only data (constant strings).
    pub init: Option<Vec<u8>>,
    /// For a map of maps: the map its inner maps are made like (an index
    /// into the program's maps; libbpf's `<name>.inner`).
    pub inner: Option<u32>,
}

/// A bad instruction: the kernel's message, and the register the kernel
/// reads before it finds the fault (`R<n> !read_ok` comes first when that
/// register is not initialised).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// The instruction's index.
    pub insn: u32,
    /// The kernel's message.
    pub msg: String,
    /// A register read before the fault is found.
    pub reads_first: Option<u8>,
    /// A legacy packet load's fault, found only where the program type
    /// may use them.
    pub legacy_packet_load: bool,
    /// An indirect packet load's bad source register, found after R6.
    pub after_ctx: bool,
}

impl From<kfreg_isa::DecodeError> for Fault {
    fn from(e: kfreg_isa::DecodeError) -> Fault {
        Fault {
            insn: e.insn as u32,
            msg: e.msg,
            reads_first: e.reads_first,
            legacy_packet_load: e.legacy_packet_load,
            after_ctx: e.after_ctx,
        }
    }
}

/// A subprogram: a BPF function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subprog {
    /// First instruction.
    pub start: u32,
    /// Name, when known from BTF.
    pub name: String,
    /// A global (non-static) function, verified on its own.
    pub global: bool,
    /// Its BTF prototype returns an integer or an enum (true when unknown).
    pub ret_scalar: bool,
    /// The parameters of a global function, from its BTF prototype (`None`
    /// when there is none: the function is then verified with a context
    /// in R1).
    pub args: Option<Vec<SubprogArg>>,
}

/// A parameter of a global function, as its BTF prototype declares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubprogArg {
    /// Its `arg:` declaration tags, without the prefix (`ctx`, `nonnull`),
    /// in BTF order.
    pub tags: Vec<String>,
    /// Its type, modifiers and typedefs skipped.
    pub ty: ParamType,
}

impl SubprogArg {
    /// An untagged number.
    pub const SCALAR: SubprogArg = SubprogArg {
        tags: Vec::new(),
        ty: ParamType::Scalar,
    };
}

/// The type of a global function's parameter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParamType {
    /// An integer or an enum.
    Scalar,
    /// A pointer.
    Ptr(PtrParam),
    /// Any other type, by the kernel's name for its kind (`STRUCT`).
    Other(&'static str),
}

/// What a pointer parameter points to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PtrParam {
    /// The pointee's kind, modifiers and typedefs skipped.
    pub kind: PointeeKind,
    /// Its name (empty for `void` and anonymous types).
    pub name: String,
    /// The first typedef met on the way to it (`bpf_user_pt_regs_t`).
    pub typedef: Option<String>,
    /// Its size, or, when it has none, the kernel's name for it (its kind
    /// and name, as in `FWD S`).
    pub size: Result<u32, String>,
}

/// The kind of a pointer parameter's target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointeeKind {
    /// `void`.
    Void,
    /// An integer of this many bytes.
    Int(u32),
    /// An enum or a float, of this kind.
    Primitive(Kind),
    /// A struct.
    Struct,
    /// A union.
    Union,
    /// Anything else (a pointer, an array, a function), of this kind.
    Other(Kind),
}

/// Source position of an instruction (from BTF line info).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineInfo {
    /// First instruction it covers.
    pub insn: u32,
    /// Source file.
    pub file: String,
    /// Line number.
    pub line: u32,
    /// The source line's text.
    pub text: String,
}

/// A tracing program's context argument that is a pointer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CtxArg {
    /// The parameter's name (what an iterator target's declaration types).
    pub name: String,
    /// The kernel struct it points to; `None` for a pointer to anything else.
    pub target: Option<String>,
}

/// The member of a kernel struct_ops struct a program implements (libbpf
/// takes it from the `.struct_ops` map whose member points to the program).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StructOpsMember {
    /// The kernel struct (`tcp_congestion_ops`).
    pub ops: String,
    /// Its function pointer member (`cong_avoid`).
    pub member: String,
}

/// A parameter of the BTF prototype a program's context arguments come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CtxParam {
    /// A number, an enum or a struct passed by value.
    Scalar,
    /// A pointer.
    Ptr(CtxArg),
}

/// A context made of a BTF prototype's arguments (tracing, LSM and
/// struct_ops programs), with what the kernel's `btf_ctx_access` counts and
/// names in its messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CtxProto {
    /// The attach target as the kernel names it (`attach_func_name`: the
    /// traced or hook function, a tracepoint without its `btf_trace_`
    /// prefix, a struct_ops member).
    pub func: String,
    /// Each argument slot the program may read, the return value last when
    /// the program reads it and the function returns one.
    pub args: Vec<CtxParam>,
    /// The prototype's arguments, without hidden ones.
    pub nr_args: u32,
    /// Parameters of the prototype before the first argument (a raw
    /// tracepoint's `void *__data`), which the kernel counts as slots when
    /// it numbers a slot past the arguments.
    pub hidden: u32,
    /// The function returns nothing: no slot holds its return value.
    pub void_ret: bool,
}

impl CtxProto {
    /// The kernel's index of the argument in slot `slot` (get_ctx_arg_idx,
    /// every argument one slot): past the arguments, the hidden ones count,
    /// then the return value, then one more.
    pub fn arg_index(&self, slot: u32) -> u32 {
        let total = self.nr_args + self.hidden;
        if slot < total {
            slot
        } else if slot == total && !self.void_ret {
            total
        } else {
            total + 1
        }
    }
}

/// One program to verify.
#[derive(Clone, Debug)]
pub struct Program {
    /// Program name.
    pub name: String,
    /// ELF section (libbpf's SEC name).
    pub section: String,
    /// Program type.
    pub prog_type: ProgType,
    /// A tracing program attached as a BPF iterator (`iter/...`).
    pub iter: bool,
    /// The iterator target its section names (`iter/NAME`), when it has one.
    pub iter_target: Option<String>,
    /// Sleepable (`.s` section suffix).
    pub sleepable: bool,
    /// The expected attach type it is loaded with, when its section names one.
    pub attach: Option<kfreg::AttachType>,
    /// Loaded for one network device (libbpf's `bpf_program__set_ifindex`
    /// with `BPF_F_XDP_DEV_BOUND_ONLY`).
    pub dev_bound: bool,
    /// Instructions, one per slot.
    pub insns: Vec<Insn>,
    /// Subprograms, the main program first.
    pub subprogs: Vec<Subprog>,
    /// Maps, indexed by the fd/index an `LD_IMM64` names.
    pub maps: Vec<MapDef>,
    /// Kfunc calls: the call's `imm` to the registry id.
    pub kfuncs: HashMap<i32, KfuncId>,
    /// Program-BTF structs by type id.
    pub types: HashMap<u32, ObjType>,
    /// Source lines, sorted by instruction.
    pub lines: Vec<LineInfo>,
    /// Whether the program's license is GPL-compatible.
    pub gpl: bool,
    /// For programs whose context is the arguments of a BTF prototype
    /// (tracing, struct_ops): the attach target's prototype (`None`: it is
    /// not known).
    pub ctx_proto: Option<CtxProto>,
    /// The function it implements or attaches to returns `void` (a
    /// struct_ops member, an LSM hook): what it returns is ignored, unless
    /// its program type says otherwise.
    pub returns_void: bool,
    /// For a struct_ops program: the member it implements.
    pub struct_ops: Option<StructOpsMember>,
    /// The BTF of the kernel the program is verified for: the layout of the
    /// kernel structs its pointers walk (`None`: kernel struct loads read
    /// as scalars).
    pub kernel_btf: Option<Arc<Btf>>,
    /// Instructions whose encoding is bad, reported only if a path reaches
    /// them (as the kernel does).
    pub faults: Vec<Fault>,
    /// The first LD_IMM64 the kernel refuses before verifying anything (a
    /// ksym with no address): its index and the kernel's message.
    pub refused_ldimm64: Option<(u32, String)>,
    /// The subprogram the main program names as its exception callback
    /// (its `exception_callback:` declaration tag).
    pub exception_cb: Option<u32>,
    /// How many `exception_callback:` tags the main program carries.
    pub exception_cb_tags: u32,
    /// The loader gives the kernel BTF function info for the subprograms
    /// (what lets LD_ABS appear outside the main program).
    pub func_info: bool,
    /// The kernel has the program's BTF (the object's, which it accepted):
    /// what types a program allocates come from it.
    pub prog_btf: bool,
}

impl Program {
    /// The instructions of subprogram `s`: from its start to the next one's
    /// (empty for a subprogram that does not exist).
    pub fn subprog_range(&self, s: usize) -> std::ops::Range<usize> {
        let Some(sub) = self.subprogs.get(s) else {
            return 0..0;
        };
        let end = self
            .subprogs
            .get(s + 1)
            .map_or(self.insns.len(), |n| n.start as usize);
        (sub.start as usize).min(end)..end
    }

    /// The program-BTF type of map `map`'s values, with its special fields.
    pub fn value_obj(&self, map: u32) -> Option<&ObjType> {
        let t = self.maps.get(map as usize)?.value_type?;
        self.types.get(&t)
    }

    /// A program of `prog_type` made of `insns`, with nothing else.
    pub fn new(name: &str, prog_type: ProgType, insns: Vec<Insn>) -> Program {
        Program {
            name: name.to_string(),
            section: String::new(),
            prog_type,
            iter: false,
            iter_target: None,
            sleepable: false,
            attach: None,
            dev_bound: false,
            insns,
            subprogs: vec![Subprog {
                start: 0,
                name: name.to_string(),
                // Without function info (as here) no function is global.
                global: false,
                ret_scalar: true,
                args: None,
            }],
            maps: Vec::new(),
            kfuncs: HashMap::new(),
            types: HashMap::new(),
            lines: Vec::new(),
            gpl: true,
            ctx_proto: None,
            returns_void: false,
            struct_ops: None,
            kernel_btf: None,
            faults: Vec::new(),
            refused_ldimm64: None,
            exception_cb: None,
            exception_cb_tags: 0,
            func_info: false,
            prog_btf: false,
        }
    }

    /// A program from raw instruction slots, decoded as the kernel decodes
    /// them: program-wide faults fail here, single bad instructions are
    /// kept as faults reported when reached.
    pub fn from_raw(
        name: &str,
        prog_type: ProgType,
        raw: &[RawInsn],
    ) -> Result<Program, DecodeError> {
        let mut faults = Vec::new();
        let insns = decode_each(raw)?
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                r.unwrap_or_else(|e| {
                    faults.push(Fault::from(e));
                    stand_in(raw, i)
                })
            })
            .collect();
        let mut prog = Program::new(name, prog_type, insns);
        prog.faults = faults;
        Ok(prog)
    }

    /// The source line covering instruction `insn`.
    pub fn line_of(&self, insn: u32) -> Option<&LineInfo> {
        match self.lines.binary_search_by_key(&insn, |l| l.insn) {
            Ok(i) => Some(&self.lines[i]),
            Err(0) => None,
            Err(i) => Some(&self.lines[i - 1]),
        }
    }
}
