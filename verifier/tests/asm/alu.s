; ALU and ALU64 instructions: every operation, both widths, immediates and
; registers, division by zero, shifts, sign-extending moves, byte swaps.

### alu64_all_ops_imm
; type: socket
; expect: ACCEPT
r0 = 100
r0 += 7
r0 -= 3
r0 *= 5
r0 /= 2
r0 %= 1000
r0 |= 0x10
r0 &= 0xff
r0 ^= 0x3
r0 <<= 4
r0 >>= 2
r0 s>>= 1
r0 = -r0
exit

### alu64_all_ops_reg
; type: socket
; expect: ACCEPT
r0 = 100
r1 = 3
r0 += r1
r0 -= r1
r0 *= r1
r0 /= r1
r0 %= r1
r0 |= r1
r0 &= r1
r0 ^= r1
r0 <<= r1
r0 >>= r1
r0 s>>= r1
exit

### alu32_all_ops_imm
; type: socket
; expect: ACCEPT
w0 = 100
w0 += 7
w0 -= 3
w0 *= 5
w0 /= 2
w0 %= 1000
w0 |= 0x10
w0 &= 0xff
w0 ^= 0x3
w0 <<= 4
w0 >>= 2
w0 s>>= 1
w0 = -w0
exit

### alu32_all_ops_reg
; type: socket
; expect: ACCEPT
w0 = 100
w1 = 3
w0 += w1
w0 -= w1
w0 *= w1
w0 /= w1
w0 %= w1
w0 |= w1
w0 &= w1
w0 ^= w1
w0 <<= w1
w0 >>= w1
w0 s>>= w1
exit

### alu64_sdiv_smod_imm_and_reg
; type: socket
; expect: ACCEPT
r0 = -100
r0 s/= 7
r1 = -3
r0 s/= r1
r0 s%= 5
r0 s%= r1
exit

### alu32_sdiv_smod_imm_and_reg
; type: socket
; expect: ACCEPT
w0 = -100
w0 s/= 7
w1 = -3
w0 s/= w1
w0 s%= 5
w0 s%= w1
exit

### alu64_div_by_zero_register_allowed
; type: socket
; expect: ACCEPT
r0 = 10
r1 = 0
r0 /= r1
r0 %= r1
exit

### alu64_sdiv_by_zero_register_allowed
; type: socket
; expect: ACCEPT
r0 = 10
r1 = 0
r0 s/= r1
r0 s%= r1
exit

### alu64_div_by_zero_imm
; type: socket
; expect: REJECT div by zero
r0 = 10
r0 /= 0
exit

### alu64_mod_by_zero_imm
; type: socket
; expect: REJECT div by zero
r0 = 10
r0 %= 0
exit

### alu32_div_by_zero_imm
; type: socket
; expect: REJECT div by zero
w0 = 10
w0 /= 0
exit

### alu64_sdiv_by_zero_imm
; type: socket
; expect: REJECT div by zero
r0 = 10
r0 s/= 0
exit

### alu32_smod_by_zero_imm
; type: socket
; expect: REJECT div by zero
w0 = 10
w0 s%= 0
exit

### alu64_lsh_by_63_allowed
; type: socket
; expect: ACCEPT
r0 = 1
r0 <<= 63
r0 >>= 63
r0 s>>= 63
exit

### alu64_lsh_by_64_invalid_shift
; type: socket
; expect: REJECT invalid shift 64
r0 = 1
r0 <<= 64
exit

### alu64_rsh_by_negative_invalid_shift
; type: socket
; expect: REJECT invalid shift -1
r0 = 1
r0 >>= -1
exit

### alu32_arsh_by_32_invalid_shift
; type: socket
; expect: REJECT invalid shift 32
w0 = 1
w0 s>>= 32
exit

### alu32_lsh_by_31_allowed
; type: socket
; expect: ACCEPT
w0 = 1
w0 <<= 31
w0 s>>= 31
exit

### alu64_shift_by_unknown_register_allowed
; type: socket
; expect: ACCEPT
r0 = *(u32 *)(r1 +0)
r2 = 5
r2 <<= r0
r2 >>= r0
r2 s>>= r0
r0 = 0
exit

### movsx_all_widths
; type: socket
; expect: ACCEPT
r1 = 0xff
r0 = (s8)r1
r0 = (s16)r1
r0 = (s32)r1
w0 = (s8)w1
w0 = (s16)w1
exit

### movsx_s8_range_is_signed
; type: socket
; map: array key=4 value=256 max=1
; expect: REJECT R0 min value is negative, either use unsigned index or do a if (index >=0) check.
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(u8 *)(r0 +0)
r1 = (s8)r1
r0 += r1
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### bswap_be_le_all_widths
; type: socket
; expect: ACCEPT
r0 = 0x1234
r0 = bswap16 r0
r0 = bswap32 r0
r0 = bswap64 r0
r0 = be16 r0
r0 = be32 r0
r0 = be64 r0
r0 = le16 r0
r0 = le32 r0
r0 = le64 r0
exit

### bswap_uninitialised_register
; type: socket
; expect: REJECT R2 !read_ok
r2 = bswap32 r2
r0 = 0
exit

### alu64_mov_uninitialised_source
; type: socket
; expect: REJECT R5 !read_ok
r0 = r5
exit

### alu64_add_uninitialised_source
; type: socket
; expect: REJECT R3 !read_ok
r0 = 0
r0 += r3
exit

### alu64_add_uninitialised_destination
; type: socket
; expect: REJECT R4 !read_ok
r4 += 1
r0 = 0
exit

### alu32_neg_uninitialised
; type: socket
; expect: REJECT R3 !read_ok
w3 = -w3
r0 = 0
exit

### alu64_known_constant_folding_prunes_branch
; type: socket
; expect: ACCEPT
r1 = 6
r1 *= 7
if r1 == 42 goto ok
r0 = *(u64 *)(r10 +8)
ok:
r0 = 0
exit

### alu32_result_is_zero_extended
; type: socket
; expect: ACCEPT
r1 = -1
w1 += 0
r2 = 0xffffffff ll
if r1 == r2 goto ok
r0 = *(u64 *)(r10 +8)
ok:
r0 = 0
exit

### alu32_imm_compare_sign_extends_imm
; type: socket
; expect: ACCEPT
r1 = -1
w1 += 0
if r1 == 0xffffffff goto bad
r0 = 0
exit
bad:
r0 = *(u64 *)(r10 +8)
exit

### alu32_division_leaves_all_64_bits_unknown
; The kernel gives up on a division before zero-extending the ALU32 result:
; the upper 32 bits are unknown too, so a negative 64-bit value may equal it.
; type: socket
; expect: REJECT R2 !read_ok
r0 = 34
r3 = 17
w3 /= w0
r4 = -5
if r3 != r4 goto ok
r0 = r2
ok:
r0 = 0
exit

### alu32_signed_modulo_leaves_all_64_bits_unknown
; type: socket
; expect: REJECT R2 !read_ok
r0 = 7
r3 = 100
w3 s%= w0
if r3 s> -1 goto ok
r0 = r2
ok:
r0 = 0
exit

### alu32_shift_by_unknown_leaves_all_64_bits_unknown
; type: socket
; expect: REJECT R2 !read_ok
call bpf_get_prandom_u32
r3 = 1
w3 <<= w0
r4 = -5
if r3 != r4 goto ok
r0 = r2
ok:
r0 = 0
exit

### alu32_shift_by_wide_amount_leaves_all_64_bits_unknown
; The shift amount's low 32 bits are a constant, but the kernel also wants
; its 64-bit maximum below 32.
; type: socket
; expect: REJECT R2 !read_ok
call bpf_get_prandom_u32
r0 <<= 32
r0 |= 3
r3 = 1
w3 <<= w0
r4 = -5
if r3 != r4 goto ok
r0 = r2
ok:
r0 = 0
exit

### alu32_shift_by_constant_is_zero_extended
; type: socket
; expect: ACCEPT
r0 = 3
r3 = 1
w3 <<= w0
r4 = -5
if r3 != r4 goto ok
r0 = r2
ok:
r0 = 0
exit

### alu32_movsx_bounds_the_signed_subregister
; w1 = (s8)w0 is within [-128, 127] as a signed 32-bit number: the
; kernel proves the fall-through dead.
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
w1 = (s8)w0
if w1 s<= 0x7f goto ok
r0 = r2
ok:
r0 = 0
exit

### alu32_movsx_from_a_range_over_the_byte_is_the_whole_byte_range
; The source's signed 32-bit range [0, 0x17f] crosses a byte: the kernel
; takes all of [-128, 127], even though bit 7 is known to be zero.
; type: socket
; expect: REJECT R2 !read_ok
call bpf_get_prandom_u32
r0 &= 0x17f
w1 = (s8)w0
if w1 s>= 0x0 goto ok
r0 = r2
ok:
r0 = 0
exit

### alu32_movsx_from_a_range_within_a_byte
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r0 &= 0x7f
w1 = (s16)w0
if w1 s>= 0x0 goto ok
r0 = r2
ok:
r0 = 0
exit

### alu64_movsx_from_a_range_over_the_byte_is_the_whole_byte_range
; As for ALU32: the kernel's coerce_reg_to_size_sx looks at the signed
; 64-bit range, not at the known bits.
; type: socket
; expect: REJECT R2 !read_ok
call bpf_get_prandom_u32
r0 &= 0x17f
r1 = (s8)r0
if r1 s>= 0x0 goto ok
r0 = r2
ok:
r0 = 0
exit

### alu64_movsx_bounds_the_result
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r1 = (s16)r0
if r1 s<= 0x7fff goto ok
r0 = r2
ok:
r0 = 0
exit

### lsh32_sign_extension_keeps_negative_bounds
; A value in [-4, 3] sign-extended by <<32 s>>32 stays in [-4, 3]: the
; kernel shifts the 32-bit signed bounds whatever their sign.
; type: socket
; map: array key=4 value=8 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0 goto out
r6 = r0
call bpf_get_prandom_u32
r0 &= 7
r0 += -4
r0 <<= 32
r0 s>>= 32
r0 += 4
r6 += r0
r0 = *(u8 *)(r6 +0)
out:
r0 = 0
exit

### byte_swap_of_a_pointer_is_unbounded
; A swapped pointer is a number of unknown width to Linux: adding a packet
; pointer to it is math with an unbounded minimum.
; type: xdp
; expect: REJECT math between pkt pointer and register with unbounded min value is not allowed
r7 = *(u32 *)(r1 +0)
r8 = r7
r8 = be16 r8
r8 += r7
r0 = 0
exit

### alu32_sub_bounds_the_signed_subregister
; ALU32 subtraction works on the 32-bit bounds: [0, 19] - (-2) is [2, 21]
; as a signed 32-bit range, though zero-extended as 64-bit numbers every
; difference wraps; both tests are decided and the uninitialised read is
; never reached (kfreg had [0, 31]; in a may_goto loop a test the kernel
; decides marks the counter precise, so its rounds never converged).
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
w8 = w0
if w8 > 19 goto out
w3 = -2
w8 -= w3
if r8 < 2 goto bad
if r8 > 21 goto bad
out:
r0 = 0
exit
bad:
r0 = r7
exit

### alu32_add_bounds_the_signed_subregister
; type: socket
; w8 += -2 on [0, 19] is [-2, 17] as a signed 32-bit range (unsigned, some
; sums wrap and some do not: no unsigned range).
; expect: ACCEPT
call bpf_get_prandom_u32
w8 = w0
if w8 > 19 goto out
w8 += -2
if w8 s< -2 goto bad
if w8 s> 17 goto bad
out:
r0 = 0
exit
bad:
r0 = r7
exit

### alu32_neg_bounds_the_signed_subregister
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
w8 = w0
if w8 > 19 goto out
w8 = -w8
if w8 s> 0 goto bad
if w8 s< -19 goto bad
out:
r0 = 0
exit
bad:
r0 = r7
exit

### alu32_sub_where_every_difference_wraps
; type: socket
; [0x7ffffff0, 0x7ffffff8] - 0x80000000: every difference wraps, so the
; unsigned range is [0xfffffff0, 0xfffffff8] (6.18's scalar32_min_max_sub),
; tighter than the known bits; the signed one overflows.
; expect: ACCEPT
call bpf_get_prandom_u32
w8 = w0
if w8 > 8 goto out
w8 += 0x7ffffff0
w3 = 0x80000000
w8 -= w3
if w8 > 0xfffffff8 goto bad
out:
r0 = 0
exit
bad:
r0 = r7
exit

### alu64_add_where_every_sum_wraps
; type: socket
; [0xa000000000000000, U64_MAX] doubled: every sum wraps, so the unsigned
; range is [0x4000000000000000, U64_MAX - 1] (6.18's scalar_min_max_add).
; expect: ACCEPT
call bpf_get_prandom_u32
r3 = r0
r4 = 0xa000000000000000 ll
r3 |= r4
r3 += r3
r5 = 0x4000000000000000 ll
if r3 < r5 goto bad
r0 = 0
exit
bad:
r0 = r7
exit

### alu64_sub_where_every_difference_wraps
; type: socket
; [0, 8] - 0x8000000000000000: every difference wraps, so the unsigned
; range is [0x8000000000000000, 0x8000000000000008], tighter than the known
; bits; the signed one overflows.
; expect: ACCEPT
call bpf_get_prandom_u32
w3 = w0
if r3 > 8 goto out
r4 = 0x8000000000000000 ll
r3 -= r4
r5 = 0x8000000000000008 ll
if r3 > r5 goto bad
out:
r0 = 0
exit
bad:
r0 = r7
exit

### alu64_mul_bounds_the_signed_range
; type: socket
; [-3, 2] * 5 is [-15, 10]: 6.18's scalar_min_max_mul takes the signed
; bounds from the four products of the operands' bounds when none
; overflows (kfreg only multiplied unsigned bounds).
; expect: ACCEPT
call bpf_get_prandom_u32
r1 = r0
if r1 s< -3 goto out
if r1 s> 2 goto out
r1 *= 5
if r1 s< -15 goto bad
if r1 s> 10 goto bad
out:
r0 = 0
exit
bad:
r0 = r7
exit

### alu32_mul_bounds_the_signed_subregister
; type: socket
; The same in 32 bits (scalar32_min_max_mul).
; expect: ACCEPT
call bpf_get_prandom_u32
w1 = w0
if w1 s< -3 goto out
if w1 s> 2 goto out
w1 *= 5
if w1 s< -15 goto bad
if w1 s> 10 goto bad
out:
r0 = 0
exit
bad:
r0 = r7
exit

### mul_tnum_known_bit_of_the_union_of_partial_products
; (21; 10) * 43: Linux 6.17's tnum_mul keeps the union of the partial
; products with and without each unknown bit of the multiplier, which
; knows bit 2 set (5; 0x7fa) where one adding unknown multiples only
; would not: the test of that bit decides.
; type: socket
; expect: ACCEPT
; insns: 7
call bpf_get_prandom_u32
r0 &= 10
r0 |= 21
r0 *= 43
if r0 & 4 goto out
r0 = *(u64 *)(r0 +0)
out:
r0 = 0
exit

### mul_tnum_union_of_partial_products_32
; (0x84222300; 0xff) * 435 in 32 bits: the union of partial products knows
; less here, (0x84000000; 0x3ffffff), than the sum of unknown multiples,
; (0x86000000; 0x3ffff): 0x84000000 stays possible (a false accept when
; the sum decided the test).
; type: socket
; expect: REJECT R0 invalid mem access 'scalar'
; insns: 8
call bpf_get_prandom_u32
w0 &= 0xff
w0 |= 0x84222300
w0 *= 435
if w0 == 0x84000000 goto bad
r0 = 0
exit
bad:
r0 = *(u64 *)(r0 +0)
exit

### mul_tnum_walks_the_destinations_bits
; The union of partial products walks the destination's bits, so the
; operands' order matters: (0x29c0e596b2109303; 12) * 0xdc52bdcab2d87d5f
; knows bit 4 set (the products overflow: only the tnum decides)...
; type: socket
; expect: ACCEPT
; insns: 9
call bpf_get_prandom_u32
r0 &= 12
r1 = 0x29c0e596b2109303 ll
r0 |= r1
r2 = 0xdc52bdcab2d87d5f ll
r0 *= r2
if r0 & 16 goto out
r0 = *(u64 *)(r0 +0)
out:
r0 = 0
exit

### mul_tnum_walks_the_destinations_bits_swapped
; ...and the same product with the constant as the destination does not.
; type: socket
; expect: REJECT R2 invalid mem access 'scalar'
; insns: 8
call bpf_get_prandom_u32
r0 &= 12
r1 = 0x29c0e596b2109303 ll
r0 |= r1
r2 = 0xdc52bdcab2d87d5f ll
r2 *= r0
if r2 & 16 goto out
r0 = *(u64 *)(r2 +0)
out:
r0 = 0
exit

### le32_of_a_16_bit_value_keeps_its_range
; `le32` on a little-endian machine truncates: a value known below 65536
; stays below it (the kernel's scalar_byte_swap then coerce_reg_to_size), so
; a packet pointer may move back by it. A difffuzz false reject (seed
; 0x9ea9cf6b24dff00f): kfreg made it any 32-bit number.
; type: xdp
; expect: ACCEPT
r6 = r1
call bpf_get_prandom_u32
r9 = r0
r9 &= 0xffff
r9 = le32 r9
r4 = *(u32 *)(r6 +0)
r4 -= r9
r0 = 0
exit

### be16_of_a_known_byte_moves_its_known_bits
; `be16` swaps the known bits with their bytes: a value below 256 becomes a
; multiple of 256 below 65536, whose low byte is known zero.
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r0 &= 0xff
r0 = be16 r0
r1 = r0
r1 &= 0xff
if r1 == 0 goto pc+1
r0 = r2
r0 = 0
exit

### alu32_arsh_shifts_the_signed_bounds
; An ALU32 arithmetic shift right shifts the 32-bit signed bounds (the
; kernel's scalar32_min_max_arsh): [-128, 127] becomes [-2, 1], so the
; branch is decided and the bad read never runs. kfreg shifted the
; zero-extended value and lost the range (difffuzz false reject, seed
; 0x218ce6cdf5087ecb).
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r7 = r0
r8 = (s8)r7
w8 s>>= 6
if w8 s< 0x100 goto l1
r0 = *(u32 *)(r10 -600)
l1:
r0 = 0
exit

### alu32_arsh_of_a_nonnegative_range
; The same shift of a range that stays non-negative keeps it: [0, 0x7fff]
; shifted by 4 is [0, 0x7ff].
; type: socket
; expect: REJECT invalid read from stack R10 off=-600 size=4
call bpf_get_prandom_u32
w0 &= 0x7fff
w0 s>>= 4
if w0 > 0x7ff goto l1
r0 = *(u32 *)(r10 -600)
l1:
r0 = 0
exit

### bounds_low_half_range_tightens_the_64_bit_minimum
; `w2 > 0x22` says the low 32 bits are at least 0x23, so the whole
; register is at least 0x23 too (the kernel's __reg_deduce_mixed_bounds
; puts the 32-bit minimum into the 64-bit minimum's low half): `r2 > 0`
; is decided. A difffuzz false reject (seed 0xca33982d401fe30a).
; type: socket
; expect: ACCEPT
r6 = r1
r2 = 1394358430
r2 /= 9
if w2 <= 0x22 goto l1
if r2 > 0x0 goto l1
r5 = *(u32 *)(r6 +80)
l1:
r0 = 0
exit

### bounds_sign_extended_range_with_a_non_negative_low_half
; A sign-extended 32-bit value whose low half is known non-negative has no
; upper bits set: [S32_MIN, S32_MAX] with s32 [0, 100] is [0, 100].
; type: socket
; expect: ACCEPT
r6 = r1
call bpf_get_prandom_u32
r2 = (s32)r0
if w2 s< 0 goto l1
if w2 s> 100 goto l1
if r2 <= 100 goto l1
r5 = *(u32 *)(r6 +80)
l1:
r0 = 0
exit

### bounds_alu64_add_keeps_the_low_half_range
; An ALU64 operation bounds the low 32 bits by the 32-bit rules too
; (adjust_scalar_min_max_vals calls scalar32_min_max_add for ALU64 as
; well): w7 in [0, 255] with unknown upper bits, plus 0x9786e540, is in
; [0x9786e540, 0x9786e63f], so `w7 < 0x9786e540` is decided. kfreg kept
; only what the known bits say (0x9786e400 up): in a may_goto loop adding
; the constant every round, its rounds converged where the kernel's never
; do (a difffuzz false accept, seed 0x4402ff3b7b2064c1).
; type: socket
; expect: ACCEPT
r6 = r1
call bpf_get_prandom_u32
r7 = r0
r7 <<= 32
call bpf_get_prandom_u32
r0 &= 255
r7 |= r0
r7 += -1752767168
if w7 < 0x9786e540 goto l1
goto l2
l1:
r5 = *(u32 *)(r6 +80)
l2:
r0 = 0
exit

### bounds_alu64_and_takes_the_smaller_low_half_maximum
; The low 32 bits of an ALU64 AND are at most the smaller of the operands'
; 32-bit maximums (scalar32_min_max_and), not only what the known bits
; allow: w7 <= 100 stays at most 100 after `r7 &= r0`.
; type: socket
; expect: ACCEPT
r6 = r1
call bpf_get_prandom_u32
r7 = r0
r7 <<= 32
call bpf_get_prandom_u32
r7 |= r0
if w7 > 100 goto l2
call bpf_get_prandom_u32
r7 &= r0
if w7 <= 100 goto l2
r5 = *(u32 *)(r6 +80)
l2:
r0 = 0
exit

### bounds_alu64_lsh_forgets_a_range_reaching_the_sign_bit
; A left shift keeps the unsigned bounds only when the maximum is at most
; 1 << (63 - shift) (__scalar64_min_max_lsh): [0, 5] << 61 is left to its
; known bits, at most 0xe000000000000000, so `r1 <= 0xa000000000000000` is
; open and the access behind it is checked (kfreg shifted the bounds and
; found it dead).
; type: socket
; expect: REJECT invalid bpf_context access off=80 size=4
r6 = r1
call bpf_get_prandom_u32
r1 = r0
r1 &= 7
if r1 > 5 goto l2
r1 <<= 61
r2 = 0xa000000000000000 ll
if r1 <= r2 goto l2
r5 = *(u32 *)(r6 +80)
l2:
r0 = 0
exit

### bounds_alu32_lsh_forgets_a_range_reaching_the_sign_bit
; The same for a 32-bit shift (__scalar32_min_max_lsh): [0, 5] << 29 is at
; most 0xe0000000 by its known bits, so `w1 <= 0xa0000000` is open.
; type: socket
; expect: REJECT invalid bpf_context access off=80 size=4
r6 = r1
call bpf_get_prandom_u32
r1 = r0
r1 &= 7
if r1 > 5 goto l2
w1 <<= 29
if w1 <= 0xa0000000 goto l2
r5 = *(u32 *)(r6 +80)
l2:
r0 = 0
exit

### bounds_alu64_lsh_keeps_the_low_half_range
; An ALU64 left shift by less than 32 keeps the low half's unsigned bounds
; when no set bit leaves it (__scalar32_min_max_lsh): w7 in [0, 5] with
; unknown upper bits, shifted by 2, is at most 20.
; type: socket
; expect: ACCEPT
r6 = r1
call bpf_get_prandom_u32
r7 = r0
r7 <<= 32
call bpf_get_prandom_u32
r7 |= r0
if w7 > 5 goto l2
r7 <<= 2
if w7 <= 20 goto l2
r5 = *(u32 *)(r6 +80)
l2:
r0 = 0
exit

### movsx32_of_a_pointer_is_a_zero_extended_unknown
; A 32-bit sign-extending move of a pointer is an unknown 32-bit number,
; zero-extended like every ALU32 result, so `r0 s>= -1` holds. A difffuzz
; false reject (seed 0xf6f1da60ae29a3e4): kfreg made all 64 bits unknown
; and reached the shift of an unset register.
; type: xdp
; expect: ACCEPT
r6 = r1
r8 = *(u32 *)(r6 +8)
w0 = (s8)w8
if r0 s>= 0xffffffff goto l1
r1 <<= r0
l1:
r0 = 0
exit

### alu32_neg_keeps_known_low_bits
; `w9 = -w9` knows the bits `0 - w9` knows (tnum_neg): a multiple of 8
; negated is one too, so after `w9 -= 1` the low three bits are set and
; `w7 & w9` with w7 = 2 is decided. A difffuzz false reject (seed
; 0x2085e0f391bb14c6) of session 24's own making: the shared 32-bit rules
; lost the negation's known bits.
; type: socket
; map: array key=4 value=48 max=4
; expect: ACCEPT
r9 = 56
*(u32 *)(r10 -192) = 2
r1 = map[id:0]
r2 = r10
r2 += -192
call bpf_map_lookup_elem
r8 = *(u16 *)(r0 +16)
r7 = 0
loop:
w9 = -w9
r9 *= r8
w9 -= w7
r7 += 1
if r7 s< 0x2 goto loop
if w7 & w9 goto out
*(u64 *)(r0 +43) = 18
out:
exit

### alu_division_of_the_frame_pointer_by_zero
; The immediate is judged before the destination: dividing the frame
; pointer by zero is a division by zero first.
; type: socket
; expect: REJECT div by zero
w10 /= 0
r0 = 0
exit

### alu_shift_of_the_frame_pointer_out_of_range
; type: socket
; expect: REJECT invalid shift 64
r10 <<= 64
r0 = 0
exit

### alu_frame_pointer_written
; type: socket
; expect: REJECT frame pointer is read only
r10 += 8
r0 = 0
exit
