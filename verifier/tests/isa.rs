//! The instruction set: encoding, decoding, the kernel's messages for bad
//! encodings, the verifier-log text, and the assembler.
//!
//! Every text in `FORMS`, every message in `BAD` and the opcode list in
//! `KNOWN_OPCODES` were read from the verifier log of a Linux 6.18 kernel
//! (`BPF_PROG_LOAD` of a socket filter as root, log level 2 for the texts).

// Helper names come from the catalog's declarations.
kfreg::link!(kfreg_catalog);

use kfreg_isa::asm::{AsmError, NoResolver, Resolver, assemble};
use kfreg_isa::disasm::{
    NoSymbols, Symbols, format_insn, format_program, helper_id, helper_name, insn_text,
};
use kfreg_isa::{
    AluOp, AtomicOp, ByteOrder, Call, DecodeError, Insn, JmpOp, Pseudo, RawInsn, Size, Src, decode,
    decode_each, encode,
};

/// `(code, dst, src, off, imm, imm of the second slot, kernel text)`.
type Form = (u8, u8, u8, i16, i32, Option<i32>, &'static str);

/// Every instruction form Linux 6.18 accepts, with the text its verifier log
/// prints for it.
const FORMS: &[Form] = &[
    (0x04, 1, 0, 0, 7, None, "w1 += 7"),
    (0x0c, 1, 2, 0, 0, None, "w1 += w2"),
    (0x14, 1, 0, 0, 7, None, "w1 -= 7"),
    (0x1c, 1, 2, 0, 0, None, "w1 -= w2"),
    (0x24, 1, 0, 0, 7, None, "w1 *= 7"),
    (0x2c, 1, 2, 0, 0, None, "w1 *= w2"),
    (0x34, 1, 0, 0, 7, None, "w1 /= 7"),
    (0x3c, 1, 2, 0, 0, None, "w1 /= w2"),
    (0x44, 1, 0, 0, 7, None, "w1 |= 7"),
    (0x4c, 1, 2, 0, 0, None, "w1 |= w2"),
    (0x54, 1, 0, 0, 7, None, "w1 &= 7"),
    (0x5c, 1, 2, 0, 0, None, "w1 &= w2"),
    (0x64, 1, 0, 0, 3, None, "w1 <<= 3"),
    (0x6c, 1, 2, 0, 0, None, "w1 <<= w2"),
    (0x74, 1, 0, 0, 3, None, "w1 >>= 3"),
    (0x7c, 1, 2, 0, 0, None, "w1 >>= w2"),
    (0x94, 1, 0, 0, 7, None, "w1 %= 7"),
    (0x9c, 1, 2, 0, 0, None, "w1 %= w2"),
    (0xa4, 1, 0, 0, 7, None, "w1 ^= 7"),
    (0xac, 1, 2, 0, 0, None, "w1 ^= w2"),
    (0xb4, 1, 0, 0, 7, None, "w1 = 7"),
    (0xbc, 1, 2, 0, 0, None, "w1 = w2"),
    (0xc4, 1, 0, 0, 3, None, "w1 s>>= 3"),
    (0xcc, 1, 2, 0, 0, None, "w1 s>>= w2"),
    (0x34, 3, 0, 1, -7, None, "w3 s/= -7"),
    (0x94, 3, 0, 1, 5, None, "w3 s%= 5"),
    (0x3c, 3, 4, 1, 0, None, "w3 s/= w4"),
    (0x9c, 3, 4, 1, 0, None, "w3 s%= w4"),
    (0x84, 5, 0, 0, 0, None, "w5 = -w5"),
    (0xb4, 9, 0, 0, -1, None, "w9 = -1"),
    (0xb4, 9, 0, 0, 2147483647, None, "w9 = 2147483647"),
    (0xb4, 9, 0, 0, -2147483648, None, "w9 = -2147483648"),
    (0xbc, 4, 5, 8, 0, None, "w4 = (s8)w5"),
    (0xbc, 4, 5, 16, 0, None, "w4 = (s16)w5"),
    (0x04, 0, 0, 0, -5, None, "w0 += -5"),
    (0x07, 1, 0, 0, 7, None, "r1 += 7"),
    (0x0f, 1, 2, 0, 0, None, "r1 += r2"),
    (0x17, 1, 0, 0, 7, None, "r1 -= 7"),
    (0x1f, 1, 2, 0, 0, None, "r1 -= r2"),
    (0x27, 1, 0, 0, 7, None, "r1 *= 7"),
    (0x2f, 1, 2, 0, 0, None, "r1 *= r2"),
    (0x37, 1, 0, 0, 7, None, "r1 /= 7"),
    (0x3f, 1, 2, 0, 0, None, "r1 /= r2"),
    (0x47, 1, 0, 0, 7, None, "r1 |= 7"),
    (0x4f, 1, 2, 0, 0, None, "r1 |= r2"),
    (0x57, 1, 0, 0, 7, None, "r1 &= 7"),
    (0x5f, 1, 2, 0, 0, None, "r1 &= r2"),
    (0x67, 1, 0, 0, 3, None, "r1 <<= 3"),
    (0x6f, 1, 2, 0, 0, None, "r1 <<= r2"),
    (0x77, 1, 0, 0, 3, None, "r1 >>= 3"),
    (0x7f, 1, 2, 0, 0, None, "r1 >>= r2"),
    (0x97, 1, 0, 0, 7, None, "r1 %= 7"),
    (0x9f, 1, 2, 0, 0, None, "r1 %= r2"),
    (0xa7, 1, 0, 0, 7, None, "r1 ^= 7"),
    (0xaf, 1, 2, 0, 0, None, "r1 ^= r2"),
    (0xb7, 1, 0, 0, 7, None, "r1 = 7"),
    (0xbf, 1, 2, 0, 0, None, "r1 = r2"),
    (0xc7, 1, 0, 0, 3, None, "r1 s>>= 3"),
    (0xcf, 1, 2, 0, 0, None, "r1 s>>= r2"),
    (0x37, 3, 0, 1, -7, None, "r3 s/= -7"),
    (0x97, 3, 0, 1, 5, None, "r3 s%= 5"),
    (0x3f, 3, 4, 1, 0, None, "r3 s/= r4"),
    (0x9f, 3, 4, 1, 0, None, "r3 s%= r4"),
    (0x87, 5, 0, 0, 0, None, "r5 = -r5"),
    (0xb7, 9, 0, 0, -1, None, "r9 = -1"),
    (0xb7, 9, 0, 0, 2147483647, None, "r9 = 2147483647"),
    (0xb7, 9, 0, 0, -2147483648, None, "r9 = -2147483648"),
    (0xbf, 4, 5, 8, 0, None, "r4 = (s8)r5"),
    (0xbf, 4, 5, 16, 0, None, "r4 = (s16)r5"),
    (0x07, 0, 0, 0, -5, None, "r0 += -5"),
    (0xbf, 4, 5, 32, 0, None, "r4 = (s32)r5"),
    (0xd4, 1, 0, 0, 16, None, "r1 = le16 r1"),
    (0xdc, 2, 0, 0, 16, None, "r2 = be16 r2"),
    (0xd7, 3, 0, 0, 16, None, "r3 = bswap16 r3"),
    (0xd4, 1, 0, 0, 32, None, "r1 = le32 r1"),
    (0xdc, 2, 0, 0, 32, None, "r2 = be32 r2"),
    (0xd7, 3, 0, 0, 32, None, "r3 = bswap32 r3"),
    (0xd4, 1, 0, 0, 64, None, "r1 = le64 r1"),
    (0xdc, 2, 0, 0, 64, None, "r2 = be64 r2"),
    (0xd7, 3, 0, 0, 64, None, "r3 = bswap64 r3"),
    (0x15, 1, 0, 0, 16, None, "if r1 == 0x10 goto pc+0"),
    (0x1d, 1, 2, 0, 0, None, "if r1 == r2 goto pc+0"),
    (0x25, 1, 0, 0, 16, None, "if r1 > 0x10 goto pc+0"),
    (0x2d, 1, 2, 0, 0, None, "if r1 > r2 goto pc+0"),
    (0x35, 1, 0, 0, 16, None, "if r1 >= 0x10 goto pc+0"),
    (0x3d, 1, 2, 0, 0, None, "if r1 >= r2 goto pc+0"),
    (0x45, 1, 0, 0, 16, None, "if r1 & 0x10 goto pc+0"),
    (0x4d, 1, 2, 0, 0, None, "if r1 & r2 goto pc+0"),
    (0x55, 1, 0, 0, 16, None, "if r1 != 0x10 goto pc+0"),
    (0x5d, 1, 2, 0, 0, None, "if r1 != r2 goto pc+0"),
    (0x65, 1, 0, 0, 16, None, "if r1 s> 0x10 goto pc+0"),
    (0x6d, 1, 2, 0, 0, None, "if r1 s> r2 goto pc+0"),
    (0x75, 1, 0, 0, 16, None, "if r1 s>= 0x10 goto pc+0"),
    (0x7d, 1, 2, 0, 0, None, "if r1 s>= r2 goto pc+0"),
    (0xa5, 1, 0, 0, 16, None, "if r1 < 0x10 goto pc+0"),
    (0xad, 1, 2, 0, 0, None, "if r1 < r2 goto pc+0"),
    (0xb5, 1, 0, 0, 16, None, "if r1 <= 0x10 goto pc+0"),
    (0xbd, 1, 2, 0, 0, None, "if r1 <= r2 goto pc+0"),
    (0xc5, 1, 0, 0, 16, None, "if r1 s< 0x10 goto pc+0"),
    (0xcd, 1, 2, 0, 0, None, "if r1 s< r2 goto pc+0"),
    (0xd5, 1, 0, 0, 16, None, "if r1 s<= 0x10 goto pc+0"),
    (0xdd, 1, 2, 0, 0, None, "if r1 s<= r2 goto pc+0"),
    (0x15, 3, 0, 0, -1, None, "if r3 == 0xffffffff goto pc+0"),
    (
        0x55,
        3,
        0,
        0,
        2147483647,
        None,
        "if r3 != 0x7fffffff goto pc+0",
    ),
    (0x16, 1, 0, 0, 16, None, "if w1 == 0x10 goto pc+0"),
    (0x1e, 1, 2, 0, 0, None, "if w1 == w2 goto pc+0"),
    (0x26, 1, 0, 0, 16, None, "if w1 > 0x10 goto pc+0"),
    (0x2e, 1, 2, 0, 0, None, "if w1 > w2 goto pc+0"),
    (0x36, 1, 0, 0, 16, None, "if w1 >= 0x10 goto pc+0"),
    (0x3e, 1, 2, 0, 0, None, "if w1 >= w2 goto pc+0"),
    (0x46, 1, 0, 0, 16, None, "if w1 & 0x10 goto pc+0"),
    (0x4e, 1, 2, 0, 0, None, "if w1 & w2 goto pc+0"),
    (0x56, 1, 0, 0, 16, None, "if w1 != 0x10 goto pc+0"),
    (0x5e, 1, 2, 0, 0, None, "if w1 != w2 goto pc+0"),
    (0x66, 1, 0, 0, 16, None, "if w1 s> 0x10 goto pc+0"),
    (0x6e, 1, 2, 0, 0, None, "if w1 s> w2 goto pc+0"),
    (0x76, 1, 0, 0, 16, None, "if w1 s>= 0x10 goto pc+0"),
    (0x7e, 1, 2, 0, 0, None, "if w1 s>= w2 goto pc+0"),
    (0xa6, 1, 0, 0, 16, None, "if w1 < 0x10 goto pc+0"),
    (0xae, 1, 2, 0, 0, None, "if w1 < w2 goto pc+0"),
    (0xb6, 1, 0, 0, 16, None, "if w1 <= 0x10 goto pc+0"),
    (0xbe, 1, 2, 0, 0, None, "if w1 <= w2 goto pc+0"),
    (0xc6, 1, 0, 0, 16, None, "if w1 s< 0x10 goto pc+0"),
    (0xce, 1, 2, 0, 0, None, "if w1 s< w2 goto pc+0"),
    (0xd6, 1, 0, 0, 16, None, "if w1 s<= 0x10 goto pc+0"),
    (0xde, 1, 2, 0, 0, None, "if w1 s<= w2 goto pc+0"),
    (0x16, 3, 0, 0, -1, None, "if w3 == 0xffffffff goto pc+0"),
    (
        0x56,
        3,
        0,
        0,
        2147483647,
        None,
        "if w3 != 0x7fffffff goto pc+0",
    ),
    (0x05, 0, 0, 0, 0, None, "goto pc+0"),
    (0x06, 0, 0, 0, 0, None, "gotol pc+0"),
    (0xe5, 0, 0, 0, 0, None, "may_goto pc+0"),
    (0x1d, 1, 2, 1, 0, None, "if r1 == r2 goto pc+1"),
    (0x05, 0, 0, -2, 0, None, "goto pc-2"),
    (0x61, 2, 10, -8, 0, None, "r2 = *(u32 *)(r10 -8)"),
    (0x62, 10, 0, -16, -3, None, "*(u32 *)(r10 -16) = -3"),
    (0x63, 10, 1, -24, 0, None, "*(u32 *)(r10 -24) = r1"),
    (0x69, 2, 10, -8, 0, None, "r2 = *(u16 *)(r10 -8)"),
    (0x6a, 10, 0, -16, -3, None, "*(u16 *)(r10 -16) = -3"),
    (0x6b, 10, 1, -24, 0, None, "*(u16 *)(r10 -24) = r1"),
    (0x71, 2, 10, -8, 0, None, "r2 = *(u8 *)(r10 -8)"),
    (0x72, 10, 0, -16, -3, None, "*(u8 *)(r10 -16) = -3"),
    (0x73, 10, 1, -24, 0, None, "*(u8 *)(r10 -24) = r1"),
    (0x79, 2, 10, -8, 0, None, "r2 = *(u64 *)(r10 -8)"),
    (0x7a, 10, 0, -16, -3, None, "*(u64 *)(r10 -16) = -3"),
    (0x7b, 10, 1, -24, 0, None, "*(u64 *)(r10 -24) = r1"),
    (0x81, 2, 10, -8, 0, None, "r2 = *(s32 *)(r10 -8)"),
    (0x89, 2, 10, -8, 0, None, "r2 = *(s16 *)(r10 -8)"),
    (0x91, 2, 10, -8, 0, None, "r2 = *(s8 *)(r10 -8)"),
    (0x79, 3, 1, 32767, 0, None, "r3 = *(u64 *)(r1 +32767)"),
    (0x79, 3, 1, -32768, 0, None, "r3 = *(u64 *)(r1 -32768)"),
    (0x7a, 10, 0, 0, 0, None, "*(u64 *)(r10 +0) = 0"),
    (0xc3, 10, 1, -8, 0, None, "lock *(u32 *)(r10 -8) += r1"),
    (
        0xc3,
        10,
        1,
        -8,
        1,
        None,
        "r1 = atomic_fetch_add((u32 *)(r10 -8), r1)",
    ),
    (0xc3, 10, 1, -8, 64, None, "lock *(u32 *)(r10 -8) |= r1"),
    (
        0xc3,
        10,
        1,
        -8,
        65,
        None,
        "r1 = atomic_fetch_or((u32 *)(r10 -8), r1)",
    ),
    (0xc3, 10, 1, -8, 80, None, "lock *(u32 *)(r10 -8) &= r1"),
    (
        0xc3,
        10,
        1,
        -8,
        81,
        None,
        "r1 = atomic_fetch_and((u32 *)(r10 -8), r1)",
    ),
    (0xc3, 10, 1, -8, 160, None, "lock *(u32 *)(r10 -8) ^= r1"),
    (
        0xc3,
        10,
        1,
        -8,
        161,
        None,
        "r1 = atomic_fetch_xor((u32 *)(r10 -8), r1)",
    ),
    (
        0xc3,
        10,
        1,
        -8,
        225,
        None,
        "r1 = atomic_xchg((u32 *)(r10 -8), r1)",
    ),
    (
        0xc3,
        10,
        1,
        -8,
        241,
        None,
        "r0 = atomic_cmpxchg((u32 *)(r10 -8), r0, r1)",
    ),
    (0xdb, 10, 1, -8, 0, None, "lock *(u64 *)(r10 -8) += r1"),
    (
        0xdb,
        10,
        1,
        -8,
        1,
        None,
        "r1 = atomic64_fetch_add((u64 *)(r10 -8), r1)",
    ),
    (0xdb, 10, 1, -8, 64, None, "lock *(u64 *)(r10 -8) |= r1"),
    (
        0xdb,
        10,
        1,
        -8,
        65,
        None,
        "r1 = atomic64_fetch_or((u64 *)(r10 -8), r1)",
    ),
    (0xdb, 10, 1, -8, 80, None, "lock *(u64 *)(r10 -8) &= r1"),
    (
        0xdb,
        10,
        1,
        -8,
        81,
        None,
        "r1 = atomic64_fetch_and((u64 *)(r10 -8), r1)",
    ),
    (0xdb, 10, 1, -8, 160, None, "lock *(u64 *)(r10 -8) ^= r1"),
    (
        0xdb,
        10,
        1,
        -8,
        161,
        None,
        "r1 = atomic64_fetch_xor((u64 *)(r10 -8), r1)",
    ),
    (
        0xdb,
        10,
        1,
        -8,
        225,
        None,
        "r1 = atomic64_xchg((u64 *)(r10 -8), r1)",
    ),
    (
        0xdb,
        10,
        1,
        -8,
        241,
        None,
        "r0 = atomic64_cmpxchg((u64 *)(r10 -8), r0, r1)",
    ),
    (
        0xc3,
        1,
        10,
        -8,
        256,
        None,
        "r1 = load_acquire((u32 *)(r10 -8))",
    ),
    (
        0xc3,
        10,
        1,
        -8,
        272,
        None,
        "store_release((u32 *)(r10 -8), r1)",
    ),
    (
        0xcb,
        1,
        10,
        -8,
        256,
        None,
        "r1 = load_acquire((u16 *)(r10 -8))",
    ),
    (
        0xcb,
        10,
        1,
        -8,
        272,
        None,
        "store_release((u16 *)(r10 -8), r1)",
    ),
    (
        0xd3,
        1,
        10,
        -8,
        256,
        None,
        "r1 = load_acquire((u8 *)(r10 -8))",
    ),
    (
        0xd3,
        10,
        1,
        -8,
        272,
        None,
        "store_release((u8 *)(r10 -8), r1)",
    ),
    (
        0xdb,
        1,
        10,
        -8,
        256,
        None,
        "r1 = load_acquire((u64 *)(r10 -8))",
    ),
    (
        0xdb,
        10,
        1,
        -8,
        272,
        None,
        "store_release((u64 *)(r10 -8), r1)",
    ),
    (0x20, 0, 0, 0, 12, None, "r0 = *(u32 *)skb[12]"),
    (0x40, 0, 3, 0, -4, None, "r0 = *(u32 *)skb[r3 + -4]"),
    (0x28, 0, 0, 0, 12, None, "r0 = *(u16 *)skb[12]"),
    (0x48, 0, 3, 0, -4, None, "r0 = *(u16 *)skb[r3 + -4]"),
    (0x30, 0, 0, 0, 12, None, "r0 = *(u8 *)skb[12]"),
    (0x50, 0, 3, 0, -4, None, "r0 = *(u8 *)skb[r3 + -4]"),
    (0x18, 1, 0, 0, 591751049, Some(1), "r1 = 0x123456789"),
    (0x18, 1, 0, 0, -1, Some(-1), "r1 = 0xffffffffffffffff"),
    (0x18, 9, 0, 0, 0, Some(0), "r9 = 0x0"),
    (0x18, 2, 0, 0, 42, Some(0), "r2 = 0x2a"),
    (0x85, 0, 0, 0, 1, None, "call bpf_map_lookup_elem#1"),
    (0x85, 0, 0, 0, 0, None, "call bpf_unspec#0"),
    (0x85, 0, 0, 0, 211, None, "call bpf_cgrp_storage_delete#211"),
    (0x85, 0, 0, 0, 212, None, "call unknown#212"),
    (0x85, 0, 0, 0, -1, None, "call unknown#-1"),
    (0x85, 0, 2, 0, 65203, None, "call bpf_obj_new_impl#65203"),
    (0x85, 0, 2, 0, 0, None, "call #0"),
    (0x95, 0, 0, 0, 0, None, "exit"),
    (0x85, 0, 1, 0, 1, None, "call pc+1"),
    (0x85, 0, 1, 0, -4, None, "call pc-4"),
];

/// `(name, slots, faulty slot, the kernel's message)`.
type Bad = (
    &'static str,
    &'static [(u8, u8, u8, i16, i32)],
    i64,
    &'static str,
);

/// Bad encodings and what Linux 6.18 says about them (`-1`/`"None"`: accepted).
const BAD: &[Bad] = &[
    (
        "unknown ff",
        &[(0xb7, 0, 0, 0, 0), (0xff, 0, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode ff",
    ),
    (
        "neg x",
        &[(0xb7, 0, 0, 0, 0), (0x8f, 1, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode 8f",
    ),
    (
        "alu64 end x",
        &[(0xb7, 0, 0, 0, 0), (0xdf, 1, 0, 0, 16), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode df",
    ),
    (
        "jmp32 call",
        &[(0xb7, 0, 0, 0, 0), (0x86, 0, 0, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode 86",
    ),
    (
        "jmp32 exit",
        &[(0xb7, 0, 0, 0, 0), (0x96, 0, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode 96",
    ),
    (
        "jmp32 jcond",
        &[(0xb7, 0, 0, 0, 0), (0xe6, 0, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode e6",
    ),
    (
        "jcond x",
        &[(0xb7, 0, 0, 0, 0), (0xed, 0, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode ed",
    ),
    (
        "gotox",
        &[(0xb7, 0, 0, 0, 0), (0x8d, 1, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode 8d",
    ),
    (
        "tail call",
        &[(0xb7, 0, 0, 0, 0), (0xf5, 0, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode f5",
    ),
    (
        "ja32 x",
        &[(0xb7, 0, 0, 0, 0), (0x0e, 0, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode 0e",
    ),
    (
        "ldx memsx dw",
        &[(0xb7, 0, 0, 0, 0), (0x99, 1, 10, -8, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode 99",
    ),
    (
        "ld abs dw",
        &[(0xb7, 0, 0, 0, 0), (0x38, 0, 0, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode 38",
    ),
    (
        "ld imm w",
        &[(0xb7, 0, 0, 0, 0), (0x00, 1, 0, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode 00",
    ),
    (
        "st atomic",
        &[(0xb7, 0, 0, 0, 0), (0xc2, 10, 0, -8, 1), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode c2",
    ),
    (
        "stx mode a0",
        &[(0xb7, 0, 0, 0, 0), (0xa3, 10, 1, -8, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode a3",
    ),
    (
        "alu op e0",
        &[(0xb7, 0, 0, 0, 0), (0xe4, 1, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode e4",
    ),
    (
        "alu64 op f0",
        &[(0xb7, 0, 0, 0, 0), (0xf7, 1, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode f7",
    ),
    (
        "jmp op f0 x",
        &[(0xb7, 0, 0, 0, 0), (0xfd, 1, 2, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "unknown opcode fd",
    ),
    (
        "ldx imm",
        &[(0xb7, 0, 0, 0, 0), (0x61, 1, 10, -4, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_LDX uses reserved fields",
    ),
    (
        "ldx mode imm",
        &[(0xb7, 0, 0, 0, 0), (0x01, 1, 10, -4, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_LDX uses reserved fields",
    ),
    (
        "ldx mode atomic",
        &[(0xb7, 0, 0, 0, 0), (0xc1, 1, 10, -4, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_LDX uses reserved fields",
    ),
    (
        "ldx memsx dw imm",
        &[(0xb7, 0, 0, 0, 0), (0x99, 1, 10, -8, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_LDX uses reserved fields",
    ),
    (
        "ldimm tail code",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 0, 0, 1),
            (0x18, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "invalid bpf_ld_imm64 insn",
    ),
    (
        "ldimm tail dst",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 0, 0, 1),
            (0x00, 1, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "invalid bpf_ld_imm64 insn",
    ),
    (
        "ldimm tail src",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 0, 0, 1),
            (0x00, 0, 1, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "invalid bpf_ld_imm64 insn",
    ),
    (
        "ldimm tail off",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 0, 0, 1),
            (0x00, 0, 0, 1, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "invalid bpf_ld_imm64 insn",
    ),
    (
        "ldimm at end",
        &[(0xb7, 0, 0, 0, 0), (0x18, 1, 0, 0, 1)],
        1,
        "last insn is not an exit or jmp",
    ),
    (
        "ldimm src7",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 7, 0, 1),
            (0x00, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "unrecognized bpf_ld_imm64 insn",
    ),
    (
        "ldimm src15",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 15, 0, 1),
            (0x00, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "unrecognized bpf_ld_imm64 insn",
    ),
    (
        "ldimm mapfd hi",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 1, 0, 1),
            (0x00, 0, 0, 0, 1),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "unrecognized bpf_ld_imm64 insn",
    ),
    (
        "ldimm mapidx hi",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 5, 0, 0),
            (0x00, 0, 0, 0, 1),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "unrecognized bpf_ld_imm64 insn",
    ),
    (
        "ldimm off",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 0, 1, 1),
            (0x00, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "BPF_LD_IMM64 uses reserved fields",
    ),
    (
        "ldimm dst11",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 11, 0, 0, 1),
            (0x00, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "R11 is invalid",
    ),
    (
        "mov k dst11",
        &[(0xb7, 0, 0, 0, 0), (0xb7, 11, 0, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "R11 is invalid",
    ),
    (
        "mov x src12",
        &[(0xb7, 0, 0, 0, 0), (0xbf, 1, 12, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "R12 is invalid",
    ),
    (
        "mov x both",
        &[(0xb7, 0, 0, 0, 0), (0xbf, 13, 14, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "R14 is invalid",
    ),
    (
        "add x dst15",
        &[(0xb7, 0, 0, 0, 0), (0x0f, 15, 1, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "R15 is invalid",
    ),
    (
        "ldx src11",
        &[(0xb7, 0, 0, 0, 0), (0x79, 1, 11, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "R11 is invalid",
    ),
    (
        "ldx dst11",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x79, 11, 10, -8, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "R11 is invalid",
    ),
    (
        "stx src11",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x7b, 10, 11, -8, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "R11 is invalid",
    ),
    (
        "stx dst11",
        &[(0xb7, 0, 0, 0, 0), (0x7b, 11, 1, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "R11 is invalid",
    ),
    (
        "st dst11",
        &[(0xb7, 0, 0, 0, 0), (0x7a, 11, 0, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "R11 is invalid",
    ),
    (
        "jmp dst11",
        &[(0xb7, 0, 0, 0, 0), (0x15, 11, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "R11 is invalid",
    ),
    (
        "jmp src11",
        &[(0xb7, 0, 0, 0, 0), (0x1d, 0, 11, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "R11 is invalid",
    ),
    (
        "jmp both",
        &[(0xb7, 0, 0, 0, 0), (0x1d, 12, 11, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "R12 is invalid",
    ),
    (
        "atomic src11",
        &[
            (0xb7, 0, 0, 0, 0),
            (0xdb, 10, 11, -8, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "R11 is invalid",
    ),
    (
        "atomic dst11",
        &[(0xb7, 0, 0, 0, 0), (0xdb, 11, 1, -8, 0), (0x95, 0, 0, 0, 0)],
        1,
        "R11 is invalid",
    ),
    (
        "ldacq src11",
        &[
            (0xb7, 0, 0, 0, 0),
            (0xdb, 1, 11, 0, 256),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "R11 is invalid",
    ),
    (
        "ld ind src11",
        &[
            (0xb7, 0, 0, 0, 0),
            (0xbf, 6, 1, 0, 0),
            (0x40, 0, 11, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        2,
        "R11 is invalid",
    ),
    (
        "neg dst11",
        &[(0xb7, 0, 0, 0, 0), (0x87, 11, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "R11 is invalid",
    ),
    (
        "end dst11",
        &[(0xb7, 0, 0, 0, 0), (0xd4, 11, 0, 0, 16), (0x95, 0, 0, 0, 0)],
        1,
        "R11 is invalid",
    ),
    (
        "jmp32 dst11 imm",
        &[(0xb7, 0, 0, 0, 0), (0x16, 11, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "R11 is invalid",
    ),
    (
        "alu k src",
        &[(0xb7, 0, 0, 0, 0), (0x07, 1, 1, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_ALU uses reserved fields",
    ),
    (
        "alu x imm",
        &[(0xb7, 0, 0, 0, 0), (0x0f, 1, 2, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_ALU uses reserved fields",
    ),
    (
        "alu off2",
        &[(0xb7, 0, 0, 0, 0), (0x07, 1, 0, 2, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_ALU uses reserved fields",
    ),
    (
        "add off1",
        &[(0xb7, 0, 0, 0, 0), (0x07, 1, 0, 1, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_ALU uses reserved fields",
    ),
    (
        "mul off1",
        &[(0xb7, 0, 0, 0, 0), (0x2f, 1, 2, 1, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_ALU uses reserved fields",
    ),
    (
        "lsh x off1",
        &[(0xb7, 0, 0, 0, 0), (0x6c, 1, 2, 1, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_ALU uses reserved fields",
    ),
    (
        "alu reserved before R11",
        &[(0xb7, 0, 0, 0, 0), (0x0f, 11, 12, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_ALU uses reserved fields",
    ),
    (
        "mov k off",
        &[(0xb7, 0, 0, 0, 0), (0xb7, 1, 0, 8, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_MOV uses reserved fields",
    ),
    (
        "mov k src",
        &[(0xb7, 0, 0, 0, 0), (0xb7, 1, 2, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_MOV uses reserved fields",
    ),
    (
        "mov x imm",
        &[(0xb7, 0, 0, 0, 0), (0xbf, 1, 2, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_MOV uses reserved fields",
    ),
    (
        "mov32 sx32",
        &[(0xb7, 0, 0, 0, 0), (0xbc, 1, 2, 32, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_MOV uses reserved fields",
    ),
    (
        "mov64 off7",
        &[(0xb7, 0, 0, 0, 0), (0xbf, 1, 2, 7, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_MOV uses reserved fields",
    ),
    (
        "mov32 off1",
        &[(0xb7, 0, 0, 0, 0), (0xbc, 1, 2, 1, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_MOV uses reserved fields",
    ),
    (
        "asc ok imm",
        &[(0xb7, 0, 0, 0, 0), (0xbf, 1, 2, 1, 1), (0x95, 0, 0, 0, 0)],
        1,
        "addr_space_cast insn can only be used in a program that has an associated arena",
    ),
    (
        "asc ok imm2",
        &[
            (0xb7, 0, 0, 0, 0),
            (0xbf, 1, 2, 1, 65536),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "addr_space_cast insn can only be used in a program that has an associated arena",
    ),
    (
        "asc bad imm",
        &[(0xb7, 0, 0, 0, 0), (0xbf, 1, 2, 1, 2), (0x95, 0, 0, 0, 0)],
        1,
        "addr_space_cast insn can only convert between address space 1 and 0",
    ),
    (
        "neg src",
        &[(0xb7, 0, 0, 0, 0), (0x87, 1, 1, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_NEG uses reserved fields",
    ),
    (
        "neg off",
        &[(0xb7, 0, 0, 0, 0), (0x87, 1, 0, 1, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_NEG uses reserved fields",
    ),
    (
        "neg imm",
        &[(0xb7, 0, 0, 0, 0), (0x84, 1, 0, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_NEG uses reserved fields",
    ),
    (
        "end imm8",
        &[(0xb7, 0, 0, 0, 0), (0xd4, 1, 0, 0, 8), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_END uses reserved fields",
    ),
    (
        "end src",
        &[(0xb7, 0, 0, 0, 0), (0xdc, 1, 1, 0, 16), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_END uses reserved fields",
    ),
    (
        "end off",
        &[(0xb7, 0, 0, 0, 0), (0xdc, 1, 0, 1, 16), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_END uses reserved fields",
    ),
    (
        "bswap imm0",
        &[(0xb7, 0, 0, 0, 0), (0xd7, 1, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_END uses reserved fields",
    ),
    (
        "stx imm",
        &[(0xb7, 0, 0, 0, 0), (0x7b, 10, 1, -8, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_STX uses reserved fields",
    ),
    (
        "st src",
        &[(0xb7, 0, 0, 0, 0), (0x7a, 10, 1, -8, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_ST uses reserved fields",
    ),
    (
        "atomic imm2",
        &[(0xb7, 0, 0, 0, 0), (0xdb, 10, 1, -8, 2), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_ATOMIC uses invalid atomic opcode 02",
    ),
    (
        "atomic imm10",
        &[
            (0xb7, 0, 0, 0, 0),
            (0xdb, 10, 1, -8, 16),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "BPF_ATOMIC uses invalid atomic opcode 10",
    ),
    (
        "atomic imm -1",
        &[
            (0xb7, 0, 0, 0, 0),
            (0xdb, 10, 1, -8, -1),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "BPF_ATOMIC uses invalid atomic opcode ffffffff",
    ),
    (
        "atomic imm 0x101",
        &[
            (0xb7, 0, 0, 0, 0),
            (0xdb, 10, 1, -8, 257),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "BPF_ATOMIC uses invalid atomic opcode 101",
    ),
    (
        "atomic add h",
        &[(0xb7, 0, 0, 0, 0), (0xcb, 10, 1, -8, 0), (0x95, 0, 0, 0, 0)],
        1,
        "invalid atomic operand size",
    ),
    (
        "atomic xchg b",
        &[
            (0xb7, 0, 0, 0, 0),
            (0xd3, 10, 1, -8, 225),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "invalid atomic operand size",
    ),
    (
        "atomic size before R11",
        &[(0xb7, 0, 0, 0, 0), (0xcb, 11, 1, -8, 0), (0x95, 0, 0, 0, 0)],
        1,
        "invalid atomic operand size",
    ),
    (
        "call dst",
        &[(0xb7, 0, 0, 0, 0), (0x85, 1, 0, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_CALL uses reserved fields",
    ),
    (
        "call off",
        &[(0xb7, 0, 0, 0, 0), (0x85, 0, 0, 1, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_CALL uses reserved fields",
    ),
    (
        "call src3",
        &[(0xb7, 0, 0, 0, 0), (0x85, 0, 3, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_CALL uses reserved fields",
    ),
    (
        "call src15",
        &[(0xb7, 0, 0, 0, 0), (0x85, 0, 15, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_CALL uses reserved fields",
    ),
    (
        "pseudo call off",
        &[
            (0x85, 0, 1, 1, 1),
            (0x95, 0, 0, 0, 0),
            (0xb7, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        0,
        "BPF_CALL uses reserved fields",
    ),
    (
        "ja imm",
        &[(0xb7, 0, 0, 0, 0), (0x05, 0, 0, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_JA uses reserved fields",
    ),
    (
        "ja src",
        &[(0xb7, 0, 0, 0, 0), (0x05, 0, 1, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_JA uses reserved fields",
    ),
    (
        "ja dst",
        &[(0xb7, 0, 0, 0, 0), (0x05, 1, 0, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_JA uses reserved fields",
    ),
    (
        "ja32 off",
        &[(0xb7, 0, 0, 0, 0), (0x06, 0, 0, 1, 0), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_JA uses reserved fields",
    ),
    (
        "exit imm",
        &[(0xb7, 0, 0, 0, 0), (0x95, 0, 0, 0, 1)],
        1,
        "BPF_EXIT uses reserved fields",
    ),
    (
        "exit src",
        &[(0xb7, 0, 0, 0, 0), (0x95, 0, 1, 0, 0)],
        1,
        "BPF_EXIT uses reserved fields",
    ),
    (
        "exit dst",
        &[(0xb7, 0, 0, 0, 0), (0x95, 1, 0, 0, 0)],
        1,
        "BPF_EXIT uses reserved fields",
    ),
    (
        "may_goto imm",
        &[(0xb7, 0, 0, 0, 0), (0xe5, 0, 0, 0, 5), (0x95, 0, 0, 0, 0)],
        1,
        "invalid may_goto imm 5",
    ),
    (
        "may_goto src",
        &[(0xb7, 0, 0, 0, 0), (0xe5, 0, 1, 0, 0), (0x95, 0, 0, 0, 0)],
        1,
        "invalid may_goto imm 0",
    ),
    (
        "may_goto dst",
        &[(0xb7, 0, 0, 0, 0), (0xe5, 1, 0, 0, -3), (0x95, 0, 0, 0, 0)],
        1,
        "invalid may_goto imm -3",
    ),
    (
        "jmp x imm",
        &[(0xb7, 0, 0, 0, 0), (0x1d, 0, 0, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_JMP/JMP32 uses reserved fields",
    ),
    (
        "jmp k src",
        &[(0xb7, 0, 0, 0, 0), (0x15, 0, 1, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_JMP/JMP32 uses reserved fields",
    ),
    (
        "jmp32 x imm",
        &[(0xb7, 0, 0, 0, 0), (0x1e, 0, 0, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_JMP/JMP32 uses reserved fields",
    ),
    (
        "jmp R11 before reserved",
        &[(0xb7, 0, 0, 0, 0), (0x15, 11, 1, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "R11 is invalid",
    ),
    (
        "ld abs dst",
        &[(0xb7, 0, 0, 0, 0), (0x20, 1, 0, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_LD_[ABS|IND] uses reserved fields",
    ),
    (
        "ld abs off",
        &[(0xb7, 0, 0, 0, 0), (0x20, 0, 0, 1, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_LD_[ABS|IND] uses reserved fields",
    ),
    (
        "ld abs src",
        &[(0xb7, 0, 0, 0, 0), (0x20, 0, 1, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_LD_[ABS|IND] uses reserved fields",
    ),
    (
        "ld ind dst",
        &[(0xb7, 0, 0, 0, 0), (0x40, 1, 1, 0, 1), (0x95, 0, 0, 0, 0)],
        1,
        "BPF_LD_[ABS|IND] uses reserved fields",
    ),
    (
        "goto past end",
        &[(0xb7, 0, 0, 0, 0), (0x05, 0, 0, 5, 0), (0x95, 0, 0, 0, 0)],
        1,
        "jump out of range from insn 1 to 7",
    ),
    (
        "goto before start",
        &[(0xb7, 0, 0, 0, 0), (0x05, 0, 0, -3, 0), (0x95, 0, 0, 0, 0)],
        1,
        "jump out of range from insn 1 to -1",
    ),
    (
        "gotol past end",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x06, 0, 0, 0, 100000),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "jump out of range from insn 1 to 100002",
    ),
    (
        "gotol wraps",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x06, 0, 0, 0, 2147483647),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "jump out of range from insn 1 to -2147483647",
    ),
    (
        "jmp past end",
        &[(0xb7, 0, 0, 0, 0), (0x15, 0, 0, 2, 0), (0x95, 0, 0, 0, 0)],
        1,
        "jump out of range from insn 1 to 4",
    ),
    (
        "may_goto past end",
        &[(0xb7, 0, 0, 0, 0), (0xe5, 0, 0, 3, 0), (0x95, 0, 0, 0, 0)],
        1,
        "jump out of range from insn 1 to 5",
    ),
    (
        "jump into subprog",
        &[
            (0x85, 0, 1, 0, 2),
            (0x05, 0, 0, 1, 0),
            (0x95, 0, 0, 0, 0),
            (0xb7, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "jump out of range from insn 1 to 3",
    ),
    (
        "jump out of subprog",
        &[
            (0x85, 0, 1, 0, 1),
            (0x95, 0, 0, 0, 0),
            (0xb7, 0, 0, 0, 0),
            (0x05, 0, 0, -4, 0),
            (0x95, 0, 0, 0, 0),
        ],
        3,
        "jump out of range from insn 3 to 0",
    ),
    (
        "no exit",
        &[(0xb7, 0, 0, 0, 0)],
        0,
        "last insn is not an exit or jmp",
    ),
    (
        "no exit 2",
        &[(0xb7, 0, 0, 0, 0), (0xb7, 0, 0, 0, 0)],
        1,
        "last insn is not an exit or jmp",
    ),
    (
        "subprog falls through",
        &[
            (0x85, 0, 1, 0, 1),
            (0xb7, 0, 0, 0, 0),
            (0xb7, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "last insn is not an exit or jmp",
    ),
    (
        "call past end",
        &[(0xb7, 0, 0, 0, 0), (0x85, 0, 1, 0, 5), (0x95, 0, 0, 0, 0)],
        1,
        "call to invalid destination",
    ),
    (
        "call before start",
        &[(0xb7, 0, 0, 0, 0), (0x85, 0, 1, 0, -3), (0x95, 0, 0, 0, 0)],
        1,
        "call to invalid destination",
    ),
    (
        "ld func past end",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 4, 0, 9),
            (0x00, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "call to invalid destination",
    ),
    (
        "ld func neg",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 4, 0, -5),
            (0x00, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "call to invalid destination",
    ),
    (
        "call into ldimm tail",
        &[
            (0x85, 0, 1, 0, 2),
            (0x95, 0, 0, 0, 0),
            (0x18, 0, 0, 0, 0),
            (0x00, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        2,
        "last insn is not an exit or jmp",
    ),
    (
        "unknown before ldx",
        &[
            (0xb7, 0, 0, 0, 0),
            (0xff, 0, 0, 0, 0),
            (0x61, 1, 10, -4, 1),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "unknown opcode ff",
    ),
    (
        "ldx before unknown",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x61, 1, 10, -4, 1),
            (0xff, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "BPF_LDX uses reserved fields",
    ),
    (
        "last insn before unknown",
        &[(0xff, 0, 0, 0, 0), (0xb7, 0, 0, 0, 0)],
        1,
        "last insn is not an exit or jmp",
    ),
    (
        "range before unknown",
        &[
            (0xb7, 0, 0, 0, 0),
            (0xff, 0, 0, 0, 0),
            (0x05, 0, 0, 7, 0),
            (0x95, 0, 0, 0, 0),
        ],
        2,
        "jump out of range from insn 2 to 10",
    ),
    (
        "unknown before reserved",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x07, 1, 1, 0, 1),
            (0xff, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        2,
        "unknown opcode ff",
    ),
    (
        "call dest before range",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x05, 0, 0, 9, 0),
            (0x85, 0, 1, 0, 9),
            (0x95, 0, 0, 0, 0),
        ],
        2,
        "call to invalid destination",
    ),
    (
        "ldimm before unknown",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 9, 0, 1),
            (0x00, 0, 0, 0, 0),
            (0xff, 0, 0, 0, 0),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "unrecognized bpf_ld_imm64 insn",
    ),
    (
        "range before ldimm",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 9, 0, 1),
            (0x00, 0, 0, 0, 0),
            (0x05, 0, 0, 9, 0),
            (0x95, 0, 0, 0, 0),
        ],
        3,
        "jump out of range from insn 3 to 13",
    ),
    (
        "tail as call dest",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x18, 1, 0, 0, 0),
            (0x85, 0, 1, 0, 99),
            (0x95, 0, 0, 0, 0),
        ],
        2,
        "call to invalid destination",
    ),
    (
        "reserved index order",
        &[
            (0xb7, 0, 0, 0, 0),
            (0x07, 1, 1, 0, 1),
            (0x7b, 10, 1, -8, 1),
            (0x95, 0, 0, 0, 0),
        ],
        1,
        "BPF_ALU uses reserved fields",
    ),
];

/// Opcodes for which the kernel does not answer `unknown opcode` when the
/// other fields are zero (`LDX` opcodes outside the table fail earlier with
/// `BPF_LDX uses reserved fields`).
const KNOWN_OPCODES: &[u8] = &[
    0x01, 0x04, 0x05, 0x06, 0x07, 0x09, 0x0c, 0x0f, 0x11, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1c,
    0x1d, 0x1e, 0x1f, 0x20, 0x21, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2c, 0x2d, 0x2e, 0x2f, 0x30,
    0x31, 0x34, 0x35, 0x36, 0x37, 0x39, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x41, 0x44, 0x45, 0x46, 0x47,
    0x48, 0x49, 0x4c, 0x4d, 0x4e, 0x4f, 0x50, 0x51, 0x54, 0x55, 0x56, 0x57, 0x59, 0x5c, 0x5d, 0x5e,
    0x5f, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x71,
    0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f, 0x81, 0x84, 0x85,
    0x87, 0x89, 0x91, 0x94, 0x95, 0x97, 0x9c, 0x9f, 0xa1, 0xa4, 0xa5, 0xa6, 0xa7, 0xa9, 0xac, 0xad,
    0xae, 0xaf, 0xb1, 0xb4, 0xb5, 0xb6, 0xb7, 0xb9, 0xbc, 0xbd, 0xbe, 0xbf, 0xc1, 0xc3, 0xc4, 0xc5,
    0xc6, 0xc7, 0xc9, 0xcb, 0xcc, 0xcd, 0xce, 0xcf, 0xd1, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd9, 0xdb,
    0xdc, 0xdd, 0xde, 0xe1, 0xe5, 0xe9, 0xf1, 0xf9,
];

fn raw(code: u8, dst: u8, src: u8, off: i16, imm: i32) -> RawInsn {
    RawInsn::new(code, dst, src, off, imm)
}

const EXIT: RawInsn = RawInsn::new(0x95, 0, 0, 0, 0);
const PAD: usize = 4;

/// `PAD` exits, the form (two slots for `LD_IMM64`), `PAD` exits: every
/// short jump of the table stays inside the program.
fn program(f: &Form) -> Vec<RawInsn> {
    let (code, dst, src, off, imm, hi, _) = *f;
    let mut p = vec![EXIT; PAD];
    p.push(raw(code, dst, src, off, imm));
    if let Some(hi) = hi {
        p.push(raw(0, 0, 0, 0, hi));
    }
    p.extend([EXIT; PAD]);
    p
}

/// Our text: the kernel's, except that a 64-bit constant carries ` ll`.
fn our_text(f: &Form) -> String {
    if f.0 == 0x18 {
        format!("{} ll", f.6)
    } else {
        f.6.to_string()
    }
}

struct Names;

impl Symbols for Names {
    fn kfunc_name(&self, btf_id: i32) -> Option<&str> {
        (btf_id == 65203).then_some("bpf_obj_new_impl")
    }
    fn map_name(&self, fd: i32) -> Option<&str> {
        (fd == 7).then_some("counters")
    }
}

impl Resolver for Names {
    fn kfunc_id(&self, name: &str) -> Option<i32> {
        (name == "bpf_obj_new_impl").then_some(65203)
    }
    fn map_fd(&self, name: &str) -> Option<i32> {
        (name == "counters").then_some(7)
    }
}

#[test]
fn every_form_decodes_encodes_prints_and_assembles() {
    for f in FORMS {
        let raw = program(f);
        let insns = decode(&raw).unwrap_or_else(|e| panic!("{f:?}: {e}"));
        assert_eq!(insns.len(), raw.len());
        let insn = insns[PAD];
        let text = our_text(f);
        // The log line, with the opcode from the slot.
        assert_eq!(
            format_insn(&insns, PAD, &raw[PAD], &Names),
            format!("{PAD}: ({:02x}) {text}", f.0),
            "{f:?}"
        );
        // Encoding is the exact inverse, except for `gotol` with a short offset.
        let enc = encode(&insns);
        if f.0 == 0x06 {
            assert_eq!(enc[PAD], RawInsn::new(0x05, 0, 0, 0, 0));
        } else {
            assert_eq!(enc, raw, "{f:?}");
        }
        // Text without the prefix, and back through the assembler.
        let canon = insn_text(&insns, PAD, &Names);
        if f.0 == 0x06 {
            assert_eq!(canon, "goto pc+0");
        } else {
            assert_eq!(canon, text, "{f:?}");
        }
        let back = assemble(&text, &Names).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(back[0], insn, "{text}");
        if f.5.is_some() {
            assert_eq!(back, vec![insn, Insn::LdImm64Tail]);
        } else {
            assert_eq!(back.len(), 1);
        }
    }
}

#[test]
fn forms_cover_every_opcode_the_kernel_knows() {
    let mut seen: Vec<u8> = FORMS.iter().map(|f| f.0).collect();
    seen.sort();
    seen.dedup();
    let expect: Vec<u8> = KNOWN_OPCODES
        .iter()
        .copied()
        // LDX opcodes outside the table only reach the reserved-field check.
        .filter(|c| c & 7 != 1 || matches!(c & 0xe0, 0x60 | 0x80))
        .collect();
    assert_eq!(seen, expect);
}

#[test]
fn unknown_opcodes_are_the_kernels() {
    for code in 0..=255u8 {
        let p = [raw(code, 0, 0, 0, 0), EXIT];
        let res = decode(&p);
        let unknown = matches!(&res, Err(e) if e.msg.starts_with("unknown opcode"));
        assert_eq!(
            unknown,
            !KNOWN_OPCODES.contains(&code),
            "{code:#04x}: {res:?}"
        );
        if unknown {
            assert_eq!(
                res,
                Err(DecodeError {
                    insn: 0,
                    msg: format!("unknown opcode {code:02x}"),
                    reads_first: None,
                    legacy_packet_load: false,
                    after_ctx: false,
                })
            );
        }
    }
}

#[test]
fn bad_encodings_give_the_kernels_messages() {
    for (name, slots, idx, msg) in BAD {
        let p: Vec<RawInsn> = slots
            .iter()
            .map(|&(c, d, s, o, i)| raw(c, d, s, o, i))
            .collect();
        let res = decode(&p);
        if *idx < 0 {
            assert!(res.is_ok(), "{name}: {res:?}");
        } else {
            // Which register is read first is checked by the assembler
            // cases against the kernel (asm/regs.s, reg_r11_*).
            assert_eq!(
                res.map_err(|e| (e.insn, e.msg)),
                Err((*idx as usize, msg.to_string())),
                "{name}"
            );
        }
    }
}

#[test]
fn pseudo_loads_and_module_kfuncs_round_trip() {
    let cases: &[(&str, Insn)] = &[
        ("r1 = map[id:5]", ld(1, Pseudo::MapFd, 5, 0)),
        ("r1 = map[id:5][0]+8", ld(1, Pseudo::MapValue, 5, 8)),
        ("r2 = map[counters#7]", ld(2, Pseudo::MapFd, 7, 0)),
        (
            "r2 = map[counters#7][0]+4096",
            ld(2, Pseudo::MapValue, 7, 4096),
        ),
        ("r3 = map[idx:2]", ld(3, Pseudo::MapIdx, 2, 0)),
        ("r3 = map[idx:2][0]+4", ld(3, Pseudo::MapIdxValue, 2, 4)),
        ("r4 = btf_id[1234]", ld(4, Pseudo::BtfId, 1234, 0)),
        ("r4 = btf_id[1234][fd:9]", ld(4, Pseudo::BtfId, 1234, 9)),
        ("r5 = subprog[+3]", ld(5, Pseudo::Func, 3, 0)),
        ("r5 = subprog[-3]", ld(5, Pseudo::Func, -3, 0)),
        ("r5 = subprog[+3][hi:1]", ld(5, Pseudo::Func, 3, 1)),
        (
            "r6 = 0xffffffff80000000 ll",
            ld(6, Pseudo::Imm, i32::MIN, -1),
        ),
        (
            "call bpf_obj_new_impl#65203",
            Insn::Call(Call::Kfunc {
                btf_id: 65203,
                fd: 0,
            }),
        ),
        (
            "call bpf_obj_new_impl#65203[fd:2]",
            Insn::Call(Call::Kfunc {
                btf_id: 65203,
                fd: 2,
            }),
        ),
        (
            "call kernel-function#77",
            Insn::Call(Call::Kfunc { btf_id: 77, fd: 0 }),
        ),
        ("call #0", Insn::Call(Call::Kfunc { btf_id: 0, fd: 0 })),
        ("gotol pc+70000", Insn::Ja { off: 70000 }),
        ("gotol pc-40000", Insn::Ja { off: -40000 }),
    ];
    for (text, insn) in cases {
        let insns = assemble(text, &Names).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(insns[0], *insn, "{text}");
        assert_eq!(insn_text(&insns, 0, &Names), *text);
        let enc = encode(&insns);
        let mut p = enc.clone();
        p.push(EXIT);
        if !matches!(
            insn,
            Insn::LdImm64 {
                pseudo: Pseudo::Func,
                ..
            } | Insn::Ja { .. }
        ) {
            let dec = decode(&p).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(&dec[..insns.len()], &insns[..], "{text}");
        }
    }
    // By name through the resolver.
    assert_eq!(
        assemble("r1 = map[counters]", &Names).unwrap()[0],
        ld(1, Pseudo::MapFd, 7, 0)
    );
    assert_eq!(
        assemble("r1 = map[counters][0]+8", &Names).unwrap()[0],
        ld(1, Pseudo::MapValue, 7, 8)
    );
    assert_eq!(
        assemble("call bpf_obj_new_impl", &Names).unwrap()[0],
        Insn::Call(Call::Kfunc {
            btf_id: 65203,
            fd: 0
        })
    );
    // gotol's long encoding.
    assert_eq!(
        encode(&[Insn::Ja { off: 70000 }]),
        vec![raw(0x06, 0, 0, 0, 70000)]
    );
    assert_eq!(
        encode(&[Insn::Ja { off: -5 }]),
        vec![raw(0x05, 0, 0, -5, 0)]
    );
}

fn ld(dst: u8, pseudo: Pseudo, imm: i32, imm_hi: i32) -> Insn {
    Insn::LdImm64 {
        dst,
        pseudo,
        imm,
        imm_hi,
    }
}

const SAMPLE: &str = r#"
; comments start with `;`, `//`, or `#`
# a whole-line hash comment
    r1 = 0                       // plain kernel syntax
3: (b7) r2 = 5                   ; a verifier-log prefix is ignored
    if r1 > r2 goto out          # labels instead of pc+N
    r1 = map[id:3]
    r2 = map[id:3][0]+8
    r3 = 0x123456789 ll
    call bpf_map_lookup_elem
    call bpf_map_lookup_elem#1
    call 1
    call func
    may_goto out
    gotol out
out:
    exit
func:
    r0 = 0
    exit
"#;

#[test]
fn sample_program() {
    let insns = assemble(SAMPLE, &NoResolver).unwrap();
    let helper = Insn::Call(Call::Helper(1));
    let expect = vec![
        Insn::Alu {
            wide: true,
            op: AluOp::Mov,
            dst: 1,
            src: Src::Imm(0),
        },
        Insn::Alu {
            wide: true,
            op: AluOp::Mov,
            dst: 2,
            src: Src::Imm(5),
        },
        Insn::Jmp {
            wide: true,
            op: JmpOp::Gt,
            dst: 1,
            src: Src::Reg(2),
            off: 12,
        },
        ld(1, Pseudo::MapFd, 3, 0),
        Insn::LdImm64Tail,
        ld(2, Pseudo::MapValue, 3, 8),
        Insn::LdImm64Tail,
        ld(3, Pseudo::Imm, 0x23456789, 1),
        Insn::LdImm64Tail,
        helper,
        helper,
        helper,
        Insn::Call(Call::Local(3)),
        Insn::MayGoto { off: 1 },
        Insn::Ja { off: 0 },
        Insn::Exit,
        Insn::Alu {
            wide: true,
            op: AluOp::Mov,
            dst: 0,
            src: Src::Imm(0),
        },
        Insn::Exit,
    ];
    assert_eq!(insns, expect);
    let raw = encode(&insns);
    assert_eq!(decode(&raw).unwrap(), insns);
    // The whole listing reads back.
    let listing = format_program(&insns, &raw, &NoSymbols);
    assert!(listing.starts_with("0: (b7) r1 = 0\n1: (b7) r2 = 5\n2: (2d) if r1 > r2 goto pc+12\n3: (18) r1 = map[id:3]\n5: (18) r2 = map[id:3][0]+8\n"), "{listing}");
    assert!(listing.contains("\n9: (85) call bpf_map_lookup_elem#1\n"));
    assert!(listing.contains("\n12: (85) call pc+3\n"));
    assert_eq!(assemble(&listing, &NoResolver).unwrap(), insns);
}

#[test]
fn every_form_in_one_listing() {
    // All forms of the table in one program (jumps land on the next slot).
    let mut insns = Vec::new();
    for f in FORMS {
        if f.0 & 7 >= 5
            && f.0 & 7 <= 6
            && f.0 != 0x85
            && f.0 != 0x95
            && (f.3 != 0 || f.4 != 0 && f.0 & 0xf0 == 0)
        {
            continue; // jumps with offsets: covered above
        }
        if f.0 == 0x85 && f.2 == 1 {
            continue; // local calls: covered above
        }
        insns.extend(assemble(&our_text(f), &Names).unwrap());
    }
    insns.push(Insn::Exit);
    let raw = encode(&insns);
    let dec = decode(&raw).unwrap();
    assert_eq!(dec, insns);
    let listing = format_program(&dec, &raw, &Names);
    assert_eq!(assemble(&listing, &Names).unwrap(), insns);
}

#[test]
fn dead_code_faults_can_be_deferred() {
    // if r0 == 0 goto +1; <reserved fields>; r0 = 0; exit: the kernel accepts
    // this when the bad instruction is never reached.
    let p = [
        raw(0xb7, 0, 0, 0, 0),
        raw(0x15, 0, 0, 1, 0),
        raw(0x07, 1, 1, 0, 1),
        EXIT,
    ];
    let bad = DecodeError {
        insn: 2,
        msg: "BPF_ALU uses reserved fields".into(),
        reads_first: None,
        legacy_packet_load: false,
        after_ctx: false,
    };
    assert_eq!(decode(&p), Err(bad.clone()));
    let each = decode_each(&p).unwrap();
    assert_eq!(each.len(), 4);
    assert!(each[0].is_ok() && each[1].is_ok() && each[3].is_ok());
    assert_eq!(each[2], Err(bad));
    // Program-wide faults still fail the whole program.
    assert_eq!(
        decode_each(&[raw(0xb7, 0, 0, 0, 0)]),
        Err(DecodeError {
            insn: 0,
            msg: "last insn is not an exit or jmp".into(),
            reads_first: None,
            legacy_packet_load: false,
            after_ctx: false,
        })
    );
    assert_eq!(decode(&[]).unwrap_err().msg, "empty program");
}

#[test]
fn exit_offset_is_ignored_like_the_kernel() {
    // The kernel does not check the offset of `exit`; it is dropped.
    let insns = decode(&[raw(0x95, 0, 0, 7, 0)]).unwrap();
    assert_eq!(insns, vec![Insn::Exit]);
    assert_eq!(encode(&insns), vec![EXIT]);
}

#[test]
fn slot_bytes() {
    let r = raw(0xbf, 1, 10, -8, 0x12345678);
    let b = r.to_slot();
    assert_eq!(b, [0xbf, 0xa1, 0xf8, 0xff, 0x78, 0x56, 0x34, 0x12]);
    assert_eq!(RawInsn::from_slot(b), r);
    let prog = [r, EXIT, raw(0x18, 15, 6, 0, -1)];
    let bytes = RawInsn::to_bytes(&prog);
    assert_eq!(bytes.len(), 24);
    assert_eq!(RawInsn::from_bytes(&bytes).unwrap(), prog);
    let e = RawInsn::from_bytes(&bytes[..13]).unwrap_err();
    assert_eq!(e.insn, 1);
    assert!(e.msg.contains("not a multiple of 8"), "{e}");
    assert_eq!(RawInsn::from_bytes(&[]).unwrap(), vec![]);
}

#[test]
fn helper_table() {
    assert_eq!(helper_name(0), Some("bpf_unspec"));
    assert_eq!(helper_name(1), Some("bpf_map_lookup_elem"));
    assert_eq!(helper_name(12), Some("bpf_tail_call"));
    assert_eq!(helper_name(181), Some("bpf_loop"));
    assert_eq!(helper_name(211), Some("bpf_cgrp_storage_delete"));
    assert_eq!(helper_name(212), None);
    assert_eq!(helper_name(-1), None);
    assert_eq!(helper_id("bpf_ktime_get_ns"), Some(5));
    assert_eq!(helper_id("bpf_nope"), None);
}

#[test]
fn atomic_register_roles() {
    // load_acquire: dst is loaded, src is the base, as in the encoding.
    let i = assemble("r1 = load_acquire((u64 *)(r2 +8))", &NoResolver).unwrap()[0];
    assert_eq!(
        i,
        Insn::Atomic {
            size: Size::DW,
            op: AtomicOp::LoadAcquire,
            dst: 1,
            src: 2,
            off: 8
        }
    );
    assert_eq!(encode(&[i]), vec![raw(0xdb, 1, 2, 8, 0x100)]);
    let i = assemble("r3 = atomic64_fetch_add((u64 *)(r1 -8), r3)", &NoResolver).unwrap()[0];
    assert_eq!(
        i,
        Insn::Atomic {
            size: Size::DW,
            op: AtomicOp::Add { fetch: true },
            dst: 1,
            src: 3,
            off: -8
        }
    );
    let i = assemble("r1 = be16 r1", &NoResolver).unwrap()[0];
    assert_eq!(
        i,
        Insn::End {
            order: ByteOrder::ToBe,
            dst: 1,
            bits: 16
        }
    );
}

#[test]
fn assembler_errors_name_the_line() {
    let cases: &[(&str, usize, &str)] = &[
        (
            "r0 = 0\n goto nowhere\nexit",
            2,
            "undefined label `nowhere`",
        ),
        ("a:\nr0 = 0\na:\nexit", 3, "label `a` defined twice"),
        ("r16 = 0", 1, "invalid register `r16`"),
        ("r1 = 0x100000000", 1, "does not fit in 32 bits"),
        ("w1 = 5 ll", 1, "64-bit register"),
        ("r1 += w2", 1, "both operands"),
        ("frobnicate r1", 1, "unknown instruction `frobnicate`"),
        ("call bpf_nope", 1, "unknown function `bpf_nope`"),
        ("r1 = *(u64 *)(r10 -8", 1, "expected `)`"),
        ("if r1 > 0 goto pc+40000", 1, "does not fit in 16 bits"),
        ("r1 = map[nope]", 1, "unknown map `nope`"),
        ("r1 = r2 r3", 1, "after the instruction"),
        ("\n\n  r1 = $", 3, "unexpected character"),
        ("r1 = *(s64 *)(r2 +0)", 1, "no sign-extending 64-bit load"),
        ("r1 = atomic64_xchg((u32 *)(r2 +0), r1)", 1, "needs u64"),
    ];
    for (text, line, frag) in cases {
        let e: AsmError = assemble(text, &Names).unwrap_err();
        assert_eq!(e.line, *line, "{text}: {e}");
        assert!(e.msg.contains(frag), "{text}: {e}");
    }
}

/// xorshift64*: deterministic, no dependencies.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }
}

/// Appends a form of the table with other registers, sometimes with one
/// field changed, or a random slot.
fn push_random(rng: &mut Rng, p: &mut Vec<RawInsn>) {
    if rng.below(5) < 3 {
        let f = FORMS[rng.below(FORMS.len() as u64) as usize];
        let (code, mut dst, mut src, mut off, mut imm, hi, _) = f;
        let class = code & 7;
        let regs = matches!(class, 1 | 3 | 4 | 7)
            || (matches!(class, 5 | 6)
                && code & 0xf0 != 0x80
                && code & 0xf0 != 0x90
                && code & 0xf0 != 0
                && code != 0xe5);
        if regs {
            dst = rng.below(11) as u8;
            if src != 0 {
                src = rng.below(11) as u8;
            }
        }
        if matches!(class, 5 | 6) && code != 0x85 && code != 0x95 {
            off = rng.below(3) as i16;
            if code == 0x06 {
                off = 0;
                imm = rng.below(3) as i32;
            }
        }
        let mut r = raw(code, dst, src, off, imm);
        if rng.below(10) == 0 {
            match rng.below(4) {
                0 => r.dst = rng.below(16) as u8,
                1 => r.src = rng.below(16) as u8,
                2 => r.off = rng.next() as i16,
                _ => r.imm = rng.next() as i32,
            }
        }
        p.push(r);
        if let Some(hi) = hi {
            p.push(raw(0, 0, 0, 0, hi));
        }
    } else {
        p.push(random_slot(rng));
    }
}

fn random_slot(rng: &mut Rng) -> RawInsn {
    if rng.below(4) == 0 {
        let b = rng.next().to_le_bytes();
        return RawInsn::from_slot(b);
    }
    let code = if rng.below(8) == 0 {
        rng.below(256) as u8
    } else {
        rng.pick(KNOWN_OPCODES)
    };
    let small = |rng: &mut Rng| {
        if rng.below(3) == 0 {
            rng.below(16) as u8
        } else {
            0
        }
    };
    let dst = rng.below(12) as u8;
    let src = small(rng);
    let off = rng.pick(&[0i16, 0, 0, 1, -1, 2, 8, 16, 32, -8, i16::MIN, i16::MAX]);
    let imm = rng.pick(&[
        0i32,
        0,
        0,
        1,
        -1,
        16,
        32,
        64,
        0x100,
        0x110,
        0xe1,
        0xf1,
        1 << 16,
        i32::MIN,
        i32::MAX,
    ]);
    raw(code, dst, src, off, imm)
}

#[test]
fn random_slots_never_panic_and_round_trip() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut accepted = 0;
    for _ in 0..200_000 {
        let n = 1 + rng.below(6) as usize;
        let mut p = Vec::new();
        for _ in 0..n {
            push_random(&mut rng, &mut p);
        }
        if rng.below(8) != 0 {
            p.push(EXIT);
        }
        let bytes = RawInsn::to_bytes(&p);
        assert_eq!(RawInsn::from_bytes(&bytes).unwrap(), p);
        let each = decode_each(&p);
        let res = decode(&p);
        match &res {
            Err(e) => {
                assert!(e.insn < p.len());
                assert!(!e.msg.is_empty());
            }
            Ok(insns) => {
                accepted += 1;
                assert_eq!(insns.len(), p.len());
                assert_eq!(
                    each.as_ref().ok().map(|v| v.iter().all(|r| r.is_ok())),
                    Some(true)
                );
                let enc = encode(insns);
                for (i, (a, b)) in enc.iter().zip(&p).enumerate() {
                    if a != b {
                        // gotol with a short offset, exit with an offset.
                        assert!(
                            matches!(b.code, 0x06 | 0x95),
                            "slot {i}: {b:?} encoded as {a:?}"
                        );
                    }
                }
                assert_eq!(decode(&enc).as_ref(), Ok(insns));
                let listing = format_program(insns, &p, &NoSymbols);
                let back =
                    assemble(&listing, &NoResolver).unwrap_or_else(|e| panic!("{e}\n{listing}"));
                assert_eq!(&back, insns, "{listing}");
                for (i, r) in p.iter().enumerate() {
                    let _ = format_insn(insns, i, r, &NoSymbols);
                    let _ = insn_text(insns, i, &NoSymbols);
                }
            }
        }
    }
    assert!(accepted > 20_000, "only {accepted} programs accepted");
}

#[test]
fn random_text_never_panics() {
    let pieces = [
        "r1",
        "w2",
        "r10",
        "r15",
        "r16",
        "=",
        " = ",
        "+=",
        "s/=",
        "s>>=",
        "-",
        "+",
        "0x",
        "0x7f",
        "99999999999999999999999999999999999999999",
        "-8",
        "ll",
        "*(",
        "u64",
        "s8",
        " *)",
        "(",
        ")",
        "[",
        "]",
        "map",
        "id:",
        "idx:",
        "#",
        "call",
        "goto",
        "pc",
        "pc+",
        "if",
        "==",
        "s<=",
        "exit",
        "lock",
        "atomic64_cmpxchg",
        "load_acquire",
        "store_release",
        "skb",
        ",",
        ":",
        "label",
        "\n",
        ";",
        "//",
        "é",
        "\u{0}",
        " ",
        "be16",
        "bswap64",
        "subprog",
        "btf_id",
        "fd:",
        "kernel-function",
        "12:",
        "(b7)",
        "may_goto",
        "gotol",
    ];
    let mut rng = Rng(42);
    for _ in 0..100_000 {
        let n = rng.below(12) as usize;
        let s: String = (0..n).map(|_| rng.pick(&pieces)).collect();
        let _ = assemble(&s, &NoResolver);
    }
    // Mutations of valid lines.
    let lines: Vec<String> = FORMS.iter().map(our_text).collect();
    for _ in 0..50_000 {
        let l = &lines[rng.below(lines.len() as u64) as usize];
        let mut chars: Vec<char> = l.chars().collect();
        for _ in 0..1 + rng.below(3) {
            let at = rng.below(chars.len() as u64 + 1) as usize;
            match rng.below(3) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 => chars.insert(
                    at,
                    rng.pick(&['-', '+', '(', ')', '[', ']', '#', 'x', '9', ' ', ',']),
                ),
                _ => {}
            }
        }
        let s: String = chars.into_iter().collect();
        if let Ok(insns) = assemble(&s, &NoResolver) {
            let _ = encode(&insns);
            for i in 0..insns.len() {
                let _ = insn_text(&insns, i, &NoSymbols);
            }
        }
    }
}
