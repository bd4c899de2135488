//! The meta lines of a test program (`; type:`, `; map:`, `; expect:` ...):
//! how the assembler cases (`tests/asm/*.s`) and the kernel's test_verifier
//! cases (`tests/test_verifier.rs`) say what a program is loaded as, and
//! what the kernel answered. `scripts/asm-kernel-verdicts.py` reads the same
//! lines to load the program into the kernel.

use super::Case;
use kfreg::{AttachType, MapKind, ProgType};
use kfreg_object::program::{Field, FieldKind, MapType, ObjType};
use kfreg_verifier::Report;

/// A `; map:` line.
pub struct MapSpec {
    pub ty: MapType,
    pub key: u32,
    pub value: u32,
    pub max: u32,
    /// Read-only for the program (`BPF_F_RDONLY_PROG`).
    pub rdonly: bool,
    /// Write-only for the program (`BPF_F_WRONLY_PROG`).
    pub wronly: bool,
    /// Made to be an inner map (`BPF_F_INNER_MAP`).
    pub inner_map_flag: bool,
    /// Element 0's bytes (a frozen map, like libbpf's `.rodata`).
    pub init: Option<Vec<u8>>,
    /// `inner=TYPE:K:V:MAX`: a map of maps' inner map.
    pub inner: Option<(MapType, u32, u32, u32)>,
    /// `btf=spin_lock` or `btf=timer`: the value type the map's BTF gives it.
    pub value_btf: Option<ValueBtf>,
}

/// The value types of the BTF the recorder loads for a map
/// (`value_btf()` of scripts/asm-kernel-verdicts.py), by their type ids there.
#[derive(Clone, Copy)]
pub enum ValueBtf {
    /// `struct val { int cnt; struct bpf_spin_lock l; }` (type 3).
    SpinLock,
    /// `struct timer { struct bpf_timer t; }` (type 5).
    Timer,
}

/// What a case's meta lines say.
pub struct Meta {
    pub prog_type: ProgType,
    /// The section a `type: iter/TARGET` (a BPF iterator) or
    /// `type: tp_btf/EVENT` case is loaded from.
    pub section: Option<String>,
    /// Loaded with `BPF_F_SLEEPABLE`.
    pub sleepable: bool,
    /// The expected attach type it is loaded with, if any.
    pub attach: Option<AttachType>,
    pub maps: Vec<MapSpec>,
    pub expect: Option<String>,
    /// The lines of the kernel's message before its error line.
    pub before: Vec<String>,
    /// The instructions the kernel processed, when recorded: pruning cases
    /// show that kfreg stores and compares states as the kernel does.
    pub insns: Option<u64>,
    /// Loaded with BTF for its functions (`; btf: funcs`), as compilers
    /// emit it; without, some subprogram uses are refused.
    pub func_btf: bool,
    /// Its license is GPL-compatible (`; license:`, `GPL` by default).
    pub gpl: bool,
}

impl Default for Meta {
    fn default() -> Meta {
        Meta {
            prog_type: ProgType::Xdp,
            section: None,
            sleepable: false,
            attach: None,
            maps: Vec::new(),
            expect: None,
            before: Vec::new(),
            insns: None,
            func_btf: false,
            gpl: true,
        }
    }
}

/// `BPF_F_SLEEPABLE`, the one program flag a `; flags:` line may carry.
const BPF_F_SLEEPABLE: u32 = 1 << 4;

impl Meta {
    /// Reads one meta line (without its `; `); `Err` names what it does not know.
    pub fn parse(&mut self, meta: &str) -> Result<(), String> {
        if let Some(t) = meta.strip_prefix("type: ") {
            (self.prog_type, self.attach, self.section, self.sleepable) = prog_type(t.trim());
        } else if let Some(l) = meta.strip_prefix("load: ") {
            let mut n = l.split_whitespace().map(|w| w.parse::<u32>());
            let (Some(Ok(ty)), Some(Ok(attach))) = (n.next(), n.next()) else {
                return Err(format!("`load: {l}`"));
            };
            self.prog_type = ProgType::from_u32(ty).ok_or(format!("program type {ty}"))?;
            self.attach = Some(
                *AttachType::ALL
                    .get(attach as usize)
                    .ok_or(format!("attach type {attach}"))?,
            );
        } else if let Some(f) = meta.strip_prefix("flags: ") {
            let flags: u32 = f.trim().parse().map_err(|_| format!("`flags: {f}`"))?;
            if flags & !BPF_F_SLEEPABLE != 0 {
                return Err(format!("program flags {flags:#x}"));
            }
            self.sleepable = flags & BPF_F_SLEEPABLE != 0;
        } else if let Some(m) = meta.strip_prefix("map: ") {
            self.maps.push(map_spec(m)?);
        } else if let Some(b) = meta.strip_prefix("before: ") {
            self.before.push(b.trim().into());
        } else if let Some(e) = meta.strip_prefix("expect: ") {
            self.expect = Some(e.trim().into());
        } else if let Some(l) = meta.strip_prefix("license: ") {
            self.gpl = kfreg_object::loader::license_is_gpl(l.trim());
        } else if meta.trim() == "btf: funcs" {
            self.func_btf = true;
        } else if let Some(n) = meta.strip_prefix("insns: ") {
            self.insns = Some(n.trim().parse().map_err(|_| "`; insns:` is a number")?);
        }
        Ok(())
    }

    /// The program `c` loaded as these lines say.
    pub fn apply(&self, mut c: Case) -> Case {
        c.prog.kernel_btf = Some(super::kernel_btf());
        c.prog.attach = c.prog.attach.or(self.attach);
        c.prog.sleepable = self.sleepable;
        c.prog.gpl = self.gpl;
        // As the recorder loads them: a program that takes a callback's
        // address gets BTF for its functions (the kernel wants it).
        let callback = c.prog.insns.iter().any(|i| {
            matches!(
                i,
                kfreg_isa::Insn::LdImm64 {
                    pseudo: kfreg_isa::Pseudo::Func,
                    ..
                }
            )
        });
        c.prog.func_info = self.func_btf || callback;
        c.prog.prog_btf = c.prog.func_info;
        let mut inner_maps = Vec::new();
        for (i, m) in self.maps.iter().enumerate() {
            c = c.map_n(&format!("map{i}"), m.ty, m.key, m.value, m.max, None);
            if let Some(bytes) = &m.init {
                let mut bytes = bytes.clone();
                bytes.resize(m.value as usize, 0);
                c = c.rodata(&bytes);
            } else if m.rdonly {
                c = c.rdonly();
            }
            if m.wronly {
                c = c.wronly();
            }
            c.prog.maps.last_mut().expect("a map").inner_map_flag = m.inner_map_flag;
            if let Some(v) = m.value_btf {
                let (id, name, size, kind, off) = match v {
                    ValueBtf::SpinLock => (3, "val", 8, FieldKind::SpinLock, 4),
                    ValueBtf::Timer => (5, "timer", 16, FieldKind::Timer, 0),
                };
                c.prog.types.insert(
                    id,
                    ObjType {
                        name: name.into(),
                        size,
                        fields: vec![Field {
                            kind,
                            off,
                            contains: None,
                            kptr: None,
                        }],
                        is_struct: true,
                        pointers: Vec::new(),
                        scalars: kfreg_object::btf::Scalars::Other,
                    },
                );
                c.prog.maps[i].value_type = Some(id);
            }
            if let Some(inner) = m.inner {
                inner_maps.push((i, inner));
            }
        }
        // Inner maps after the program's own, which keep their numbers.
        for (i, (ty, k, v, max)) in inner_maps {
            let at = c.prog.maps.len() as u32;
            c = c.map_n(&format!("map{i}.inner"), ty, k, v, max, None);
            c.prog.maps[i].inner = Some(at);
        }
        c
    }

    /// kfreg's answer in the recorded form: `ACCEPT`, or `REJECT <error
    /// line>` when the message's earlier lines are those recorded, else
    /// `REJECT <earlier> / ... / <error line>`. The recorder skips the state
    /// dumps after an infinite loop.
    pub fn answer(&self, report: &Report) -> String {
        let Some(e) = &report.error else {
            return "ACCEPT".to_string();
        };
        let lines: Vec<&str> = e
            .msg
            .lines()
            .filter(|l| !l.starts_with("cur state:") && !l.starts_with("old state:"))
            .collect();
        let (last, earlier) = lines.split_last().unwrap_or((&"", &[]));
        let earlier = &earlier[earlier.len().saturating_sub(9)..];
        if earlier == self.before.as_slice() {
            format!("REJECT {last}")
        } else {
            format!("REJECT {} / {last}", earlier.join(" / "))
        }
    }
}

/// A map type by name: the DSL's (`lpm_trie`) or a short one.
fn map_type(word: &str) -> Option<MapType> {
    Some(match word {
        "user_ringbuf" => MapType::from_u32(31),
        "sockmap" => MapType::Other(15),
        "prog_array" => MapType::from_u32(3),
        "hash" => MapType::Hash,
        "array" => MapType::Array,
        "percpu_array" => MapType::PercpuArray,
        "ringbuf" => MapType::Ringbuf,
        other => MapType::from_u32(MapKind::from_name(other)? as u32),
    })
}

/// A `; map:` line: `TYPE key=K value=V max=N [rdonly_prog] [flags=N]
/// [init=HEX] [inner=TYPE:K:V:MAX] [btf=spin_lock|timer]`.
fn map_spec(m: &str) -> Result<MapSpec, String> {
    let mut words = m.split_whitespace();
    let first = words.next().unwrap_or_default();
    let ty = map_type(first).ok_or(format!("map type {first:?}"))?;
    let word = |k: &str| m.split_whitespace().find_map(|w| w.strip_prefix(k));
    let kv = |k: &str| word(k).and_then(|v| v.parse::<u32>().ok()).unwrap_or(0);
    // BPF_F_RDONLY_PROG and BPF_F_WRONLY_PROG, by word or in `flags=N`.
    let flags = kv("flags=");
    let forced = MapKind::from_u32(ty.number()).is_some_and(MapKind::forces_rdonly_prog);
    let init = match word("init=") {
        Some(hex) => Some(
            (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
                .collect::<Option<Vec<u8>>>()
                .ok_or(format!("init={hex}"))?,
        ),
        None => None,
    };
    let inner = match word("inner=") {
        Some(spec) => {
            let parts: Vec<&str> = spec.split(':').collect();
            let n = |i: usize| parts.get(i).and_then(|p| p.parse::<u32>().ok());
            match (parts.first().and_then(|w| map_type(w)), n(1), n(2), n(3)) {
                (Some(t), Some(k), Some(v), Some(max)) => Some((t, k, v, max)),
                _ => return Err(format!("inner={spec}")),
            }
        }
        None => None,
    };
    let value_btf = match word("btf=") {
        Some("spin_lock") => Some(ValueBtf::SpinLock),
        Some("timer") => Some(ValueBtf::Timer),
        Some(other) => return Err(format!("btf={other}")),
        None => None,
    };
    Ok(MapSpec {
        ty,
        key: kv("key="),
        value: kv("value="),
        max: kv("max="),
        rdonly: m.split_whitespace().any(|w| w == "rdonly_prog") || flags & (1 << 7) != 0 || forced,
        wronly: flags & (1 << 8) != 0,
        inner_map_flag: flags & (1 << 12) != 0,
        init,
        inner,
        value_btf,
    })
}

/// The program type of a `; type:` word, the expected attach type it is
/// loaded with, the section of an iterator or tp_btf program, and whether it is loaded
/// sleepable (as scripts/asm-kernel-verdicts.py loads it).
fn prog_type(word: &str) -> (ProgType, Option<AttachType>, Option<String>, bool) {
    if word.starts_with("iter/") || word.starts_with("tp_btf/") {
        return (ProgType::Tracing, None, Some(word.to_string()), false);
    }
    if word == "sysctl" {
        return (
            ProgType::CgroupSysctl,
            Some(AttachType::CgroupSysctl),
            None,
            false,
        );
    }
    match word {
        "cgroup_skb" => {
            return (
                ProgType::CgroupSkb,
                Some(AttachType::CgroupInetIngress),
                None,
                false,
            );
        }
        "cgroup_skb_egress" => {
            return (
                ProgType::CgroupSkb,
                Some(AttachType::CgroupInetEgress),
                None,
                false,
            );
        }
        "lwt_in" => return (ProgType::LwtIn, None, None, false),
        "lwt_out" => return (ProgType::LwtOut, None, None, false),
        "lwt_xmit" => return (ProgType::LwtXmit, None, None, false),
        "sock_ops" => return (ProgType::SockOps, None, None, false),
        "sk_skb" => return (ProgType::SkSkb, None, None, false),
        "sk_msg" => return (ProgType::SkMsg, None, None, false),
        "sock_addr_connect4" => {
            return (
                ProgType::CgroupSockAddr,
                Some(AttachType::CgroupInet4Connect),
                None,
                false,
            );
        }
        "sock_addr_sendmsg6" => {
            return (
                ProgType::CgroupSockAddr,
                Some(AttachType::CgroupUdp6Sendmsg),
                None,
                false,
            );
        }
        "sock_addr_bind4" => {
            return (
                ProgType::CgroupSockAddr,
                Some(AttachType::CgroupInet4Bind),
                None,
                false,
            );
        }
        "sockopt_get" => {
            return (
                ProgType::CgroupSockopt,
                Some(AttachType::CgroupGetsockopt),
                None,
                false,
            );
        }
        "sockopt_set" => {
            return (
                ProgType::CgroupSockopt,
                Some(AttachType::CgroupSetsockopt),
                None,
                false,
            );
        }
        "sk_lookup" => return (ProgType::SkLookup, Some(AttachType::SkLookup), None, false),
        "netfilter" => {
            return (
                ProgType::Netfilter,
                Some(AttachType::Netfilter),
                None,
                false,
            );
        }
        "cgroup_sock_post_bind4" => {
            return (
                ProgType::CgroupSock,
                Some(AttachType::CgroupInet4PostBind),
                None,
                false,
            );
        }
        "kprobe_multi" => {
            return (
                ProgType::Kprobe,
                Some(AttachType::TraceKprobeMulti),
                None,
                false,
            );
        }
        "uprobe_multi" => {
            return (
                ProgType::Kprobe,
                Some(AttachType::TraceUprobeMulti),
                None,
                false,
            );
        }
        "kprobe_session" => {
            return (
                ProgType::Kprobe,
                Some(AttachType::TraceKprobeSession),
                None,
                false,
            );
        }
        "uprobe_session" => {
            return (
                ProgType::Kprobe,
                Some(AttachType::TraceUprobeSession),
                None,
                false,
            );
        }
        "syscall" => return (ProgType::Syscall, None, None, true),
        "syscall_ns" => return (ProgType::Syscall, None, None, false),
        "socket_s" => return (ProgType::SocketFilter, None, None, true),
        _ => {}
    }
    let ty = match word {
        "xdp" => ProgType::Xdp,
        "tc" => ProgType::SchedCls,
        "raw_tp" => ProgType::RawTracepoint,
        "raw_tp_w" => ProgType::RawTracepointWritable,
        "tp_btf" => ProgType::Tracing,
        "socket" => ProgType::SocketFilter,
        "kprobe" => ProgType::Kprobe,
        "tracepoint" => ProgType::Tracepoint,
        "perf_event" => ProgType::PerfEvent,
        "cgroup_sock" => ProgType::CgroupSock,
        "cgroup_dev" => ProgType::CgroupDevice,
        "sk_reuseport" => ProgType::SkReuseport,
        "flow_dissector" => ProgType::FlowDissector,
        other => panic!("unknown program type `{other}`"),
    };
    (ty, None, None, false)
}
