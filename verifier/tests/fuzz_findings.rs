//! Panics the no-panic fuzzer found (`kfreg-nopanic`, fuzz/NOPANIC.md),
//! each rebuilt from one of the corpus's own objects: the damaged program
//! must be rejected with the kernel's message, not crash the verifier.

kfreg::link!(kfreg_catalog);

use kfreg::Registry;
use kfreg_isa::{AluOp, Insn, Src};
use kfreg_object::loader::{LoadOptions, load_object};
use kfreg_object::program::Program;
use kfreg_verifier::{Options, verify};

fn corpus_program(object: &str, name: &str) -> Program {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus");
    let btf = std::fs::read(format!("{dir}/vmlinux.btf")).expect("vmlinux.btf");
    let opts = LoadOptions::with_target_btf(&btf).expect("vmlinux.btf parses");
    let bytes = std::fs::read(format!("{dir}/{object}")).expect(object);
    let obj = load_object(&bytes, Registry::global(), &opts).expect(object);
    obj.load_program(name).expect(name)
}

/// `bpf_local_irq_save` with its flag pointer far below the stack (the
/// verifier grew the frame's slots to reach it: gigabytes, then an abort),
/// above the frame pointer (a negative slot index: capacity overflow), or
/// at fp+0.
#[test]
fn irq_flag_outside_the_stack() {
    let base = corpus_program("irq.bpf.o", "irq_ok");
    // `r6 = r10; r6 += -8; r1 = r6; call bpf_local_irq_save`.
    let at = base
        .insns
        .iter()
        .position(|i| {
            matches!(
                i,
                Insn::Alu {
                    wide: true,
                    op: AluOp::Add,
                    dst: 6,
                    src: Src::Imm(-8)
                }
            )
        })
        .expect("irq_ok takes the flag's address");
    for (off, want) in [
        (
            -201_326_600,
            "invalid write to stack R1 off=-201326600 size=8",
        ),
        (-520, "invalid write to stack R1 off=-520 size=8"),
        // Above the frame like fp+8 (the kernel-recorded assembler case
        // irq_save_flag_at_the_frame_pointer).
        (0, "expected uninitialized irq flag as arg#0"),
        (8, "expected uninitialized irq flag as arg#0"),
        (33_554_416, "expected uninitialized irq flag as arg#0"),
    ] {
        let mut p = base.clone();
        p.insns[at] = Insn::Alu {
            wide: true,
            op: AluOp::Add,
            dst: 6,
            src: Src::Imm(off),
        };
        let r = verify(&p, Registry::global(), &Options::default());
        let msg = r.error.map(|e| e.msg).unwrap_or_default();
        assert_eq!(msg.lines().last(), Some(want), "flag at fp{off:+}");
    }
}
