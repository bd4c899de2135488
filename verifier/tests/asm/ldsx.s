; Sign-extending loads (LDX MEMSX) and plain narrow loads: ranges they
; produce and where they are allowed.

### ldsx_stack_all_widths
; type: socket
; expect: ACCEPT
r1 = -1
*(u64 *)(r10 -8) = r1
r0 = *(s8 *)(r10 -8)
r0 = *(s16 *)(r10 -8)
r0 = *(s32 *)(r10 -8)
exit

### ldsx_s8_from_map_value_then_index_negative
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
r1 = *(s8 *)(r0 +0)
r0 += r1
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### ldsx_u8_from_map_value_then_index_ok
; type: socket
; map: array key=4 value=256 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(u8 *)(r0 +0)
r0 += r1
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### ldsx_s16_masked_then_index_ok
; type: socket
; map: array key=4 value=256 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(s16 *)(r0 +0)
r1 &= 0xff
r0 += r1
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### ldsx_from_ctx_socket
; type: socket
; expect: ACCEPT
r0 = *(s32 *)(r1 +0)
exit

### ldsx_from_ctx_narrow_socket
; type: socket
; expect: ACCEPT
r0 = *(s8 *)(r1 +0)
exit

### ldsx_from_packet_with_range_check
; type: tc
; expect: ACCEPT
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r4 = r2
r4 += 4
if r4 > r3 goto out
r0 = *(s16 *)(r2 +2)
out:
r0 = 0
exit

### ldsx_uninitialised_base
; type: socket
; expect: REJECT R4 !read_ok
r0 = *(s8 *)(r4 +0)
exit

### ldsx_spilled_pointer_partial_fill
; type: socket
; expect: REJECT invalid size of register fill
*(u64 *)(r10 -8) = r1
r0 = *(s32 *)(r10 -8)
exit

### ldx_u8_result_range_fits_index
; type: socket
; map: array key=4 value=256 max=1
; expect: ACCEPT
r6 = *(u8 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r0 += r6
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### ldx_u16_result_too_big_for_index
; type: socket
; map: array key=4 value=256 max=1
; before: invalid access to map value, value_size=256 off=65535 size=1
; expect: REJECT R0 max value is outside of the allowed memory range
r6 = *(u16 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r0 += r6
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### ldsx_from_xdp_data_field
; type: xdp
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = *(s32 *)(r1 +0)
r0 = 2
exit

### ldsx_from_raw_tp_args
; type: raw_tp
; expect: ACCEPT
r0 = *(s32 *)(r1 +0)
exit

### movsx_of_a_known_zero_low_half
; Only the low 32 bits matter to a sign extension, and the kernel takes
; their bounds: a value shifted left by 37 extends to 0, so the store
; below is never reached (difffuzz seed 0x01a10111f9f8a8a7).
; type: tc
; expect: ACCEPT
r6 = r1
r7 = *(u32 *)(r10 -104)
r7 <<= 37
r7 = (s8)r7
if r7 != 0xffffffdb goto out
*(u32 *)(r6 +71) = r7
out:
r0 = 0
exit

### movsx_of_known_zero_low_bits_in_a_range
; Low bits known zero in a range whose upper bits vary are no help: the
; kernel looks at the bounds, not the bits.
; type: tc
; expect: REJECT invalid bpf_context access off=71 size=4
r6 = r1
r7 = *(u32 *)(r10 -104)
r7 &= 0xff00
r7 = (s8)r7
if r7 != 0xffffffdb goto out
*(u32 *)(r6 +71) = r7
out:
r0 = 0
exit

### movsx_of_a_small_low_half_under_unknown_high_bits
; type: tc
; expect: ACCEPT
r6 = r1
r8 = *(u32 *)(r10 -104)
r8 <<= 32
r9 = *(u32 *)(r10 -112)
r9 &= 3
r7 = r8
r7 |= r9
r7 = (s32)r7
if r7 s<= 3 goto out
*(u32 *)(r6 +71) = r7
out:
r0 = 0
exit

### movsx_of_a_range_the_type_holds
; type: tc
; expect: REJECT invalid bpf_context access off=71 size=4
r6 = r1
r7 = *(u32 *)(r10 -104)
r7 &= 0x7f
r7 -= 5
r7 = (s8)r7
if r7 s> -5 goto out
*(u32 *)(r6 +71) = r7
out:
r0 = 0
exit

### movsx32_of_a_low_word_with_a_known_bit_keeps_its_range
; type: socket
; w0 |= 16 leaves the low word in [S32_MIN + 16, S32_MAX] with bit 4 set:
; (s32) of it is that range, its bits sign-extended (at least 16 as an
; unsigned number), so the test below it is never taken and the
; uninitialised r9 is never read.
; expect: ACCEPT
call bpf_get_prandom_u32
w0 |= 16
r1 = (s32)r0
if r1 s< -2147483632 goto bad
r0 = 0
exit
bad:
r0 = r9
exit

### movsx8_of_a_low_word_the_type_holds_keeps_its_range
; type: socket
; The upper half is any number, the low word's signed range [-100, 100]:
; (s8) of it is [-100, 100], as the type holds it.
; expect: ACCEPT
call bpf_get_prandom_u32
r0 <<= 32
r6 = r0
call bpf_get_prandom_u32
r0 |= r6
if w0 s> 100 goto out
if w0 s< -100 goto out
r1 = (s8)r0
if r1 s< -100 goto bad
out:
r0 = 0
exit
bad:
r0 = r9
exit

### sign_extending_fill_of_a_spilled_scalar_keeps_its_range
; type: socket
; A 16-bit sign-extending load from the start of a spilled scalar whose
; low word is in [-100, 100] extends the spilled value itself (not its
; low half zero-extended first): [-100, 100].
; expect: ACCEPT
call bpf_get_prandom_u32
r0 <<= 32
r6 = r0
call bpf_get_prandom_u32
r0 |= r6
if w0 s> 100 goto out
if w0 s< -100 goto out
*(u64 *)(r10 -8) = r0
r1 = *(s16 *)(r10 -8)
if r1 s< -100 goto bad
out:
r0 = 0
exit
bad:
r0 = r9
exit

### movsx16_of_a_64_bit_range_around_zero_forgets_the_bits
; type: socket
; r7 = [-128, 127] * 4 has its two low bits known clear; (s16) of it keeps
; the range the type holds but not the bits, so r7 & 2 is open and the
; stack read through the unbounded offset on its taken side is refused.
; expect: REJECT invalid variable-offset read from stack R1 var_off=(0x2; 0xfffffffffffffffd) off=-16 size=1
call bpf_get_prandom_u32
r7 = (s8)r0
r7 *= 4
r7 = (s16)r7
if r7 & 0x2 goto taken
r0 = 0
exit
taken:
r1 = r10
r1 += r7
r0 = *(u8 *)(r1 -16)
r0 = 0
exit

### ldsx_movsx32_crossing_zero_forgets_the_bits
; `(s32)` of a value whose low word may be negative or positive keeps the
; low word's signed range but not its bits (the running 6.18 kernel's
; coerce_reg_to_size_sx): bit 4, set by `w7 |= 16`, is unknown after it,
; so the fall-through of `if r6 & 16` is explored.
; type: tc
; expect: REJECT R1 !read_ok
call bpf_get_prandom_u32
w7 = w0
w7 |= 16
r6 = (s32)r7
if r6 & 16 goto out
r0 = *(u8 *)(r1 +0)
out:
r0 = 0
exit

### movsx8_of_a_known_low_byte_under_unknown_high_bits
; The low byte is known (0xff) but the 64-bit range's upper bits vary and
; the low word (255) does not fit the type: the type's whole range, so
; the taken test below is not certain and the scalar is dereferenced.
; type: socket
; expect: REJECT R0 invalid mem access 'scalar'
call bpf_get_prandom_u32
r0 <<= 32
r0 |= 0xff
r0 = (s8)r0
if r0 == -1 goto out
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### movsx16_of_a_known_low_half_word_under_unknown_high_bits
; type: socket
; expect: REJECT R0 invalid mem access 'scalar'
call bpf_get_prandom_u32
r0 <<= 32
r0 |= 0x8001
r0 = (s16)r0
if r0 == -32767 goto out
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### movsx8_of_a_low_word_above_the_type_with_a_positive_low_byte
; The low word is 0x17f, whose low byte 0x7f is positive: still the
; type's whole range, as the low word does not fit the type.
; type: socket
; expect: REJECT R0 invalid mem access 'scalar'
call bpf_get_prandom_u32
r0 <<= 32
r0 |= 0x17f
r0 = (s8)r0
if r0 == 127 goto out
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### movsx8_of_a_small_known_low_word_under_unknown_high_bits
; The low word is 1, which the type holds: 1.
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r0 <<= 32
r0 |= 1
r0 = (s8)r0
if r0 == 1 goto out
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### ldsx_fill_keeps_the_link_of_a_value_it_keeps
; A sign-extending fill of a spilled 16-bit value into 32 bits keeps the
; value, and its link: bounding the fill bounds the spilled register.
; type: socket
; map: array key=4 value=48 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r6 = r0
call bpf_get_prandom_u32
r0 &= 0xffff
*(u64 *)(r10 -16) = r0
r1 = *(s32 *)(r10 -16)
if r1 > 0x20 goto out
r6 += r0
r0 = *(u8 *)(r6 +0)
out:
r0 = 0
exit

### ldsx_fill_drops_the_link_of_a_value_it_changes
; An 8-bit value filled with sign extension from 8 bits may change: the
; fill is no copy, and bounding it bounds nothing else.
; type: socket
; map: array key=4 value=48 max=1
; before: invalid access to map value, value_size=48 off=255 size=1
; expect: REJECT R6 max value is outside of the allowed memory range
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r6 = r0
call bpf_get_prandom_u32
r0 &= 0xff
*(u64 *)(r10 -16) = r0
r1 = *(s8 *)(r10 -16)
if r1 > 0x20 goto out
r6 += r0
r0 = *(u8 *)(r6 +0)
out:
r0 = 0
exit

; A sign extension that leaves the low word as it is keeps the low word's
; ranges, unsigned ones included, and makes the signed 32-bit range the
; 64-bit one (recorded on the running 6.18 kernel).
### movsx32_keeps_u32_min
; type: socket
; map: array key=4 value=64 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r7 = r0
call bpf_get_prandom_u32
if w0 < 1 goto out
r1 = (s32)r0
if w1 > 32 goto out
w1 += -1
r7 += r1
r0 = *(u8 *)(r7 +0)
out:
r0 = 0
exit

### ldsx32_fill_keeps_u32_min
; type: socket
; map: array key=4 value=64 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r7 = r0
call bpf_get_prandom_u32
if w0 < 1 goto out
*(u64 *)(r10 -16) = r0
r1 = *(s32 *)(r10 -16)
if w1 > 32 goto out
w1 += -1
r7 += r1
r0 = *(u8 *)(r7 +0)
out:
r0 = 0
exit

### ldsx16_fill_keeps_u32_min
; type: socket
; map: array key=4 value=64 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r7 = r0
call bpf_get_prandom_u32
w0 = (s16)w0
if w0 < 32 goto out
*(u32 *)(r10 -8) = r0
r1 = *(s16 *)(r10 -8)
if w1 > 40 goto out
w1 += -32
r7 += r1
r0 = *(u8 *)(r7 +0)
out:
r0 = 0
exit

### movsx32_keeps_smax32
; type: socket
; map: array key=4 value=64 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r7 = r0
call bpf_get_prandom_u32
r0 = (s32)r0
if w0 s> 40 goto out
r1 = (s32)r0
if r1 s< 0 goto out
r7 += r1
r0 = *(u8 *)(r7 +0)
out:
r0 = 0
exit

### movsx8_takes_low_word_range
; type: socket
; map: array key=4 value=64 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r7 = r0
call bpf_get_prandom_u32
r9 = (s8)r0
if w9 s> 126 goto out
if w9 s< -127 goto out
r1 = (s8)r9
r1 += 127
if r1 s> 63 goto out
r7 += r1
r0 = *(u8 *)(r7 +0)
out:
r0 = 0
exit
