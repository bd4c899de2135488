//! Shared harness: assemble a program, give it maps and BTF types, verify it
//! against the registry of everything linked into the test.

#![allow(dead_code)]

use kfreg::{ProgType, Registry};
use kfreg_verifier::asm::{Resolver, assemble};
use kfreg_verifier::program::{Field, FieldKind, MapDef, MapType, ObjType, Program};
use kfreg_verifier::{Options, Report, discover_subprogs, verify};

/// Kfunc calls in test programs use `registry id + 1` as their BTF id.
struct Names<'a>(&'a Registry);

impl Resolver for Names<'_> {
    fn kfunc_id(&self, name: &str) -> Option<i32> {
        self.0.id(name).map(|id| id.0 as i32 + 1)
    }
}

/// A special field: kind, offset, and for roots the contained (type, node offset).
pub type FieldSpec = (FieldKind, u32, Option<(u32, u32)>);

/// A test program.
pub struct Case {
    pub prog: Program,
}

impl Case {
    /// Assembles `text` as a program of type `ty`.
    pub fn new(ty: ProgType, text: &str) -> Case {
        let reg = Registry::global();
        let insns = assemble(text, &Names(reg)).unwrap_or_else(|e| panic!("asm: {e}\n{text}"));
        let mut prog = Program::new("test", ty, insns);
        for (id, _) in reg.iter() {
            prog.kfuncs.insert(id.0 as i32 + 1, id);
        }
        discover_subprogs(&mut prog);
        Case { prog }
    }

    /// Adds a map (its fd is its index).
    pub fn map(
        mut self,
        name: &str,
        ty: MapType,
        key: u32,
        value: u32,
        value_type: Option<u32>,
    ) -> Case {
        self.prog.maps.push(MapDef {
            name: name.into(),
            map_type: ty,
            key_size: key,
            value_size: value,
            max_entries: 1,
            value_type,
            rdonly: false,
            global_data: false,
            init: None,
        });
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

    /// Adds a program-BTF struct.
    pub fn ty(mut self, id: u32, name: &str, size: u32, fields: &[FieldSpec]) -> Case {
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
            },
        );
        self
    }

    /// Makes the program sleepable.
    pub fn sleepable(mut self) -> Case {
        self.prog.sleepable = true;
        self
    }

    /// Verifies.
    pub fn run(&self) -> Report {
        verify(
            &self.prog,
            Registry::global(),
            &Options {
                log: true,
                ..Options::default()
            },
        )
    }

    /// Asserts acceptance.
    #[track_caller]
    pub fn accept(&self) {
        let r = self.run();
        assert!(
            r.accepted(),
            "expected ACCEPT, got: {:?}\n{}",
            r.error,
            r.log
        );
    }

    /// Asserts rejection whose last error line is `msg`.
    #[track_caller]
    pub fn reject(&self, msg: &str) {
        let r = self.run();
        let e = r
            .error
            .unwrap_or_else(|| panic!("expected REJECT `{msg}`, got ACCEPT\n{}", r.log));
        let last = e.msg.lines().last().unwrap_or_default();
        assert!(
            last == msg || e.msg.contains(msg),
            "expected `{msg}`, got `{}`\n{}",
            e.msg,
            r.log
        );
    }
}
