//! Raw encodings the assembler cannot write (register numbers past R10),
//! judged in the kernel's order; the messages are Linux 6.18's, observed by
//! loading the same instructions.

mod common;
kfreg::link!(kfreg_catalog);

use common::Case;
use kfreg::ProgType;
use kfreg_isa::RawInsn;

fn insn(code: u8, dst: u8, src: u8, imm: i32) -> RawInsn {
    RawInsn {
        code,
        dst,
        src,
        off: 0,
        imm,
    }
}

/// An indirect packet load's source register number is checked only after
/// R6 is read and found to be the context (check_ld_abs).
#[test]
fn ld_ind_source_number_after_r6() {
    let r6_zero = insn(0xb7, 6, 0, 0);
    let r0_zero = insn(0xb7, 0, 0, 0);
    let ld_ind_r11 = insn(0x40, 0, 11, 0);
    let exit = insn(0x95, 0, 0, 0);
    for (r6, want) in [
        (Some(insn(0xbf, 6, 1, 0)), "R11 is invalid"),
        (
            Some(r6_zero),
            "at the time of BPF_LD_ABS|IND R6 != pointer to skb",
        ),
        (None, "R6 !read_ok"),
    ] {
        let code: Vec<RawInsn> = r6
            .into_iter()
            .chain([r0_zero, ld_ind_r11, r0_zero, exit])
            .collect();
        Case::raw(ProgType::SocketFilter, &code).reject(want);
    }
}
