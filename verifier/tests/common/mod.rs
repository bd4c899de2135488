//! Shared harness: assemble a program, give it maps and BTF types, verify it
//! against the registry of everything linked into the test.

#![allow(dead_code)]

use kfreg::{ProgType, Registry};
use kfreg_isa::asm::{Resolver, assemble};
use kfreg_isa::encode;
use kfreg_object::program::{Field, FieldKind, MapDef, MapType, ObjType, Program};
use kfreg_verifier::{Options, Report, VerifyError, discover_subprogs, verify};

pub mod meta;
pub mod selftests;

/// Kfunc calls in test programs use `registry id + 1` as their BTF id.
struct Names<'a>(&'a Registry);

impl Resolver for Names<'_> {
    fn kfunc_id(&self, name: &str) -> Option<i32> {
        self.0.id(name).map(|id| id.0 as i32 + 1)
    }
}

/// A special field: kind, offset, and for roots the contained (type, node offset).
pub type FieldSpec = (FieldKind, u32, Option<(u32, u32)>);

/// The possible CPUs of the VM the kernel's verdicts were recorded on
/// (/sys/devices/system/cpu/possible: 0-1).
pub const RECORDED_NR_CPUS: u32 = 2;

/// Verifier options for the target the kernel's verdicts were recorded on.
pub fn recorded_target() -> Options {
    Options {
        nr_cpu_ids: Some(RECORDED_NR_CPUS),
        ..Options::default()
    }
}

/// A test program.
pub struct Case {
    pub prog: Program,
    /// Verifier options (the log flag is set per run).
    pub opts: Options,
    /// A whole-program encoding error: the verdict without verifying.
    pub decode_error: Option<String>,
}

impl Case {
    /// Assembles `text` as a program of type `ty`.
    pub fn new(ty: ProgType, text: &str) -> Case {
        let insns = assemble(text, &Names(Registry::global()))
            .unwrap_or_else(|e| panic!("asm: {e}\n{text}"));
        // Through the raw encoding, so bad encodings are judged as the kernel judges them.
        Case::raw(ty, &encode(&insns))
    }

    /// A program of type `ty` from its raw instructions; kfunc calls name
    /// their kfunc by `registry id + 1`.
    pub fn raw(ty: ProgType, code: &[kfreg_isa::RawInsn]) -> Case {
        let reg = Registry::global();
        let (mut prog, decode_error) = match Program::from_raw("test", ty, code) {
            Ok(p) => (p, None),
            Err(e) => (Program::new("test", ty, Vec::new()), Some(e.msg)),
        };
        for (id, _) in reg.iter() {
            prog.kfuncs.insert(id.0 as i32 + 1, id);
        }
        discover_subprogs(&mut prog);
        Case {
            prog,
            decode_error,
            opts: recorded_target(),
        }
    }

    /// Assembles `text` as a BPF iterator loaded from `section`
    /// (`iter/TARGET`), its context arguments typed by the recorded kernel BTF.
    pub fn iterator(section: &str, text: &str) -> Case {
        let mut c = Case::attached(
            ProgType::Tracing,
            section,
            kfreg::AttachType::TraceIter,
            text,
        );
        c.prog.iter = true;
        c.prog.iter_target = kfreg_object::loader::iter_target(section).map(str::to_string);
        c
    }

    /// Assembles `text` as a tp_btf program loaded from `section`
    /// (`tp_btf/EVENT`), its context arguments typed by the recorded kernel
    /// BTF.
    pub fn tp_btf(section: &str, text: &str) -> Case {
        Case::attached(
            ProgType::Tracing,
            section,
            kfreg::AttachType::TraceRawTp,
            text,
        )
    }

    /// Assembles `text` as a program of type `ty` loaded from `section`
    /// as attach type `attach`, its context arguments typed by the
    /// recorded kernel BTF, as the loader types them.
    fn attached(ty: ProgType, section: &str, attach: kfreg::AttachType, text: &str) -> Case {
        let mut c = Case::new(ty, text);
        let btf = kernel_btf();
        c.prog.section = section.into();
        c.prog.attach = Some(attach);
        c.prog.ctx_proto = kfreg_object::loader::section_ctx_proto(&btf, section);
        c.prog.kernel_btf = Some(btf);
        c
    }

    /// Assembles `text` as an LSM program loaded from `section`
    /// (`lsm/HOOK`, `lsm.s/HOOK`, `lsm_cgroup/HOOK`), its context arguments
    /// and return typed by the recorded kernel BTF, as the loader does.
    pub fn lsm(section: &str, text: &str) -> Case {
        let attach = if section.starts_with("lsm_cgroup/") {
            kfreg::AttachType::LsmCgroup
        } else {
            kfreg::AttachType::LsmMac
        };
        let mut c = Case::attached(ProgType::Lsm, section, attach, text);
        let btf = kernel_btf();
        let hook = kfreg_object::loader::lsm_hook_target(section).expect("an LSM section");
        let func = btf
            .find(
                &kfreg_object::loader::lsm_hook_func(hook),
                kfreg_object::btf::Kind::Func,
            )
            .expect("the hook is in the recorded BTF");
        c.prog.sleepable = section.starts_with("lsm.s/");
        c.prog.returns_void = btf.func_proto(func).is_ok_and(|(ret, _)| ret == 0);
        c
    }

    /// Assembles `text` as a tracing program that a trampoline runs for
    /// the kernel function its `section` names (`fentry/FUNC`,
    /// `fexit/FUNC`), its context arguments typed by the recorded BTF.
    pub fn traced(section: &str, text: &str) -> Case {
        let attach = if section.starts_with("fexit") {
            kfreg::AttachType::TraceFexit
        } else {
            kfreg::AttachType::TraceFentry
        };
        Case::attached(ProgType::Tracing, section, attach, text)
    }

    /// Adds a one-entry map (its fd is its index).
    pub fn map(
        self,
        name: &str,
        ty: MapType,
        key: u32,
        value: u32,
        value_type: Option<u32>,
    ) -> Case {
        self.map_n(name, ty, key, value, 1, value_type)
    }

    /// Adds a map with `max` entries.
    pub fn map_n(
        mut self,
        name: &str,
        ty: MapType,
        key: u32,
        value: u32,
        max: u32,
        value_type: Option<u32>,
    ) -> Case {
        self.prog.maps.push(MapDef {
            name: name.into(),
            map_type: ty,
            key_size: key,
            value_size: value,
            max_entries: max,
            value_type,
            rdonly: false,
            wronly: false,
            inner_map_flag: false,
            global_data: false,
            init: None,
            inner: None,
        });
        self
    }

    /// Marks the last map read-only for the program (`BPF_F_RDONLY_PROG`).
    pub fn rdonly(mut self) -> Case {
        self.prog.maps.last_mut().expect("a map").rdonly = true;
        self
    }

    /// Marks the last map write-only for the program (`BPF_F_WRONLY_PROG`).
    pub fn wronly(mut self) -> Case {
        self.prog.maps.last_mut().expect("a map").wronly = true;
        self
    }

    /// Marks the last map read-only with these bytes.
    pub fn rodata(mut self, bytes: &[u8]) -> Case {
        let m = self.prog.maps.last_mut().expect("a map");
        m.rdonly = true;
        m.global_data = true;
        m.init = Some(bytes.to_vec());
        self
    }

    /// Adds a program-BTF struct (the program is loaded with BTF).
    pub fn ty(mut self, id: u32, name: &str, size: u32, fields: &[FieldSpec]) -> Case {
        self.prog.prog_btf = true;
        let fields = fields
            .iter()
            .map(|(kind, off, contains)| Field {
                kind: *kind,
                off: *off,
                contains: *contains,
                kptr: None,
            })
            .collect();
        self.prog.types.insert(
            id,
            ObjType {
                name: name.into(),
                size,
                fields,
                is_struct: true,
                pointers: Vec::new(),
                scalars: kfreg_object::btf::Scalars::Other,
            },
        );
        self
    }

    /// Adds to program-BTF struct `id` a referenced kptr field at `off`
    /// pointing to program-BTF struct `target`.
    pub fn local_kptr(mut self, id: u32, off: u32, target: u32) -> Case {
        let ty = self.prog.types.get_mut(&id).expect("a type");
        ty.fields.push(Field {
            kind: FieldKind::Kptr,
            off,
            contains: None,
            kptr: Some((target, true)),
        });
        self
    }

    /// Makes the program sleepable.
    pub fn sleepable(mut self) -> Case {
        self.prog.sleepable = true;
        self
    }

    /// Verifies, without a log.
    pub fn run(&self) -> Report {
        self.verify(false)
    }

    /// Verifies with a kernel-style log (for failure messages).
    pub fn run_logged(&self) -> Report {
        self.verify(true)
    }

    fn verify(&self, log: bool) -> Report {
        if let Some(msg) = &self.decode_error {
            return Report {
                error: Some(VerifyError {
                    insn: None,
                    msg: msg.clone(),
                }),
                log: String::new(),
                stats: Default::default(),
            };
        }
        verify(
            &self.prog,
            Registry::global(),
            &Options {
                log,
                ..self.opts.clone()
            },
        )
    }

    /// Asserts acceptance.
    #[track_caller]
    pub fn accept(&self) {
        if !self.run().accepted() {
            let r = self.run_logged();
            panic!("expected ACCEPT, got: {:?}\n{}", r.error, r.log);
        }
    }

    /// Asserts rejection whose last error line is (or contains) `msg`.
    #[track_caller]
    pub fn reject(&self, msg: &str) {
        let e = self.run().error;
        let ok = e
            .as_ref()
            .is_some_and(|e| e.msg.lines().last() == Some(msg) || e.msg.contains(msg));
        if !ok {
            let r = self.run_logged();
            panic!("expected REJECT `{msg}`, got {:?}\n{}", r.error, r.log);
        }
    }
}

/// The recorded kernel BTF, parsed once: a case sees the kernel's types as
/// `kfreg verify` does on the machine that recorded it.
pub fn kernel_btf() -> std::sync::Arc<kfreg_object::btf::Btf> {
    static BTF: std::sync::OnceLock<std::sync::Arc<kfreg_object::btf::Btf>> =
        std::sync::OnceLock::new();
    BTF.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus/vmlinux.btf");
        let bytes = std::fs::read(path).expect("tests/corpus/vmlinux.btf");
        std::sync::Arc::new(kfreg_object::btf::Btf::parse(&bytes).expect("vmlinux.btf parses"))
    })
    .clone()
}
