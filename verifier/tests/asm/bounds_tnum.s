; Where the unsigned range and the known bits leave a single value, the
; scalar is that value (the oracle kernel's reg_bounds_sync; Linux 6.12 keeps
; the range and the tnum apart).

### tnum_single_value_at_the_range_end
; The range [6, 16] holds one value with only bit 4 unknown: 16.
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r0 &= 0x10
if r0 > 5 goto l1
r0 = 0
exit
l1:
if r0 == 16 goto ok
r0 = r2
ok:
r0 = 0
exit

### tnum_two_values_then_one
; [32, 257] holds 256 and 257 of the tnum; leaving 257 out leaves 256.
; type: socket
; expect: REJECT R2 !read_ok
call bpf_get_prandom_u32
r0 &= 0x111
if r0 < 0x20 goto out
if r0 > 0x101 goto out
if r0 == 0x100 goto out
if r0 == 0x101 goto out
r0 = r2
out:
r0 = 0
exit

### tnum_single_value_after_a_self_compare
; r0 in [0, 1] tested against itself: the impossible side's bounds cross
; (umin 1, umax 0) and the rule makes the register 1, so `r0 - 10` is
; negative there too and the call without arguments is never reached. A
; difffuzz false reject (sock_ops, seed 0x3af585575b2d65ac).
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r0 &= 1
if r0 <= r0 goto pc+0
r0 -= 10
if r0 s<= -1 goto pc+1
call bpf_probe_read_user_str
r0 = 0
exit

### tnum_low_word_with_one_value_in_range_is_not_taken_as_known
; After the tests the low word's range is [15, 16] and its known bits allow
; 0 or 16: only 16 fits both, but a 32-bit test reads the low word's tnum
; and ranges as they are, so "w0 == 16" is not decided and the other side
; (w0 = 15 by its range) is explored.
; type: socket
; expect: REJECT R0 invalid mem access 'scalar'
call bpf_get_prandom_u32
if w0 & 0xffffffef goto out
if w0 < 15 goto out
if w0 == 16 goto out
r0 = *(u64 *)(r0 +0)
out:
r0 = 0
exit

### tnum_full_value_with_one_value_in_range_is_known
; The 64-bit twin: the full value's range and known bits meet in 16 only,
; so "r0 == 16" is decided.
; type: socket
; insns: 10
; expect: ACCEPT
call bpf_get_prandom_u32
if r0 & 0xffffffef goto out
if r0 < 15 goto out
if r0 == 16 goto out
r0 = *(u64 *)(r0 +0)
out:
r0 = 0
exit

### signed_64_bit_range_in_one_upper_half_bounds_the_low_word_unsigned
; type: socket
; r8 s>= 31, w8 < 31, r8 s< 32 leaves [31, 31] signed in 64 bits, whose
; upper halves are equal: the low word is [31, 31] unsigned as well
; (deduce_bounds_32_from_64), which contradicts w8 < 31, and the sync ends
; with the constant 31, so r8 == 31 is taken and r9 is read.
; expect: REJECT R9 !read_ok
call bpf_get_prandom_u32
r8 = r0
r8 <<= 32
call bpf_get_prandom_u32
r8 |= r0
if r8 s< 0x1f goto out
if w8 >= 0x1f goto out
if r8 s>= 0x20 goto out
if r8 == 0x1f goto bad
out:
r0 = 0
exit
bad:
r0 = r9
exit

### signed_64_bit_range_in_one_upper_half_bounds_the_low_word_unsigned_below
; type: socket
; The same path, then r8 < 31: the constant 31 is not below it.
; expect: ACCEPT
call bpf_get_prandom_u32
r8 = r0
r8 <<= 32
call bpf_get_prandom_u32
r8 |= r0
if r8 s< 0x1f goto out
if w8 >= 0x1f goto out
if r8 s>= 0x20 goto out
if r8 < 0x1f goto bad
out:
r0 = 0
exit
bad:
r0 = r9
exit

### bounds_dead_side_keeps_the_narrowed_bits
; w6's low 16 bits are zero and it is at most 15 as a signed word, so
; `w6 s<= 0` cannot fail; the kernel explores that side anyway: its bounds
; contradict each other, are reported (REG INVARIANTS VIOLATION) and
; forgotten, but the bits narrowed there are kept: the low word is known
; zero, so `w6 == 0` is always taken.
; type: tc
; expect: ACCEPT
call bpf_get_prandom_u32
r6 = r0
r6 <<= 16
if w6 s> 15 goto out
if w6 s<= 0 goto out
if w6 == 0 goto out
r0 = *(u8 *)(r1 +0)
out:
r0 = 0
exit
