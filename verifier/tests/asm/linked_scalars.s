; Linked scalars: a copy of an unknown number (by move or through a stack
; spill) shares its identity, so a test on one narrows the other.

### linked_mov_copy_learns_from_test
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r1 = r0
if r1 != 0x0 goto out
if r0 == 0x0 goto out
r0 = *(u64 *)(r9 +0)
out:
r0 = 0
exit

### linked_mov32_copy_of_narrow_value_learns_from_test
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r0 &= 0xffff
w1 = w0
if w1 != 0x0 goto out
if r0 == 0x0 goto out
r0 = *(u64 *)(r9 +0)
out:
r0 = 0
exit

### linked_mov32_copy_of_unknown_u64_is_not_linked
; type: socket
; expect: REJECT R9 !read_ok
call bpf_get_prandom_u32
w1 = w0
if w1 != 0x0 goto out
if r0 == 0x0 goto out
r0 = *(u64 *)(r9 +0)
out:
r0 = 0
exit

### linked_mov32_copy_of_wide_value_is_not_linked
; type: socket
; expect: REJECT R9 !read_ok
call bpf_get_prandom_u32
r6 = r0
r6 <<= 1
w1 = w6
if w1 != 0x0 goto out
if r6 == 0x0 goto out
r0 = *(u64 *)(r9 +0)
out:
r0 = 0
exit

### linked_spill_fill_learns_from_test
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
*(u64 *)(r10 -8) = r0
r1 = *(u64 *)(r10 -8)
if r1 != 0x0 goto out
if r0 == 0x0 goto out
r0 = *(u64 *)(r9 +0)
out:
r0 = 0
exit

### linked_copy_unlinked_by_arithmetic
; type: socket
; expect: REJECT R9 !read_ok
call bpf_get_prandom_u32
r1 = r0
r1 *= 3
if r1 != 0x0 goto out
if r0 == 0x0 goto out
r0 = *(u64 *)(r9 +0)
out:
r0 = 0
exit

### linked_add_const_learns_shifted
; type: socket
; r1 = r0 + 1 stays linked to r0: the test bounding r0 to [0, 8] bounds
; r1 to [1, 9], so fp-10 + r1 reads within the 16 bytes written.
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r1 = r0
r1 += 1
if r0 > 8 goto out
r2 = r10
r2 += -10
r2 += r1
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_add_const_second_add_unlinks
; type: socket
; A second constant added unlinks the copy: r1 stays unbounded.
; expect: REJECT math between fp pointer and register with unbounded min value is not allowed
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r1 = r0
r1 += 1
r1 += 1
if r0 > 7 goto out
r2 = r10
r2 += -10
r2 += r1
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_add_const_alu32_add
; type: socket
; A 32-bit addition to a scalar of at most 32 bits links too: r0 in
; [0, 8] bounds r1 = w(r0 + 1) to [1, 9].
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r0 &= 0xff
r1 = r0
w1 += 1
if r0 > 8 goto out
r2 = r10
r2 += -10
r2 += r1
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_add_const_negative
; type: socket
; r1 = r0 - 1 (a negative constant added) stays linked: r0 in [1, 8]
; bounds r1 to [0, 7].
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r1 = r0
r1 += -1
if r0 > 8 goto out
if r0 < 1 goto out
r2 = r10
r2 += -10
r2 += r1
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_sub_const_learns_shifted
; type: socket
; r1 = r0 - 2 stays linked: r0 in [2, 9] bounds r1 to [0, 7].
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r1 = r0
r1 -= 2
if r0 > 9 goto out
if r0 < 2 goto out
r2 = r10
r2 += -10
r2 += r1
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_compare_of_two_copies_overflows_the_set_with_a_spill
; type: socket
; r2 and r8 = r2 + 1 are compared: the set holds r1, r2, r8, fp-24 for r2,
; then r1, r2 for r8 and is full (six), so r8 and fp-24 lose the link and
; r1's bound never reaches r8.
; insns: 15
; expect: REJECT math between fp pointer and register with unbounded min value is not allowed
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r1 = r0
r0 = 0
*(u64 *)(r10 -24) = r1
r8 = r1
r8 += 1
r2 = r1
if r8 s< r2 goto out
if r1 > 9 goto out
r2 = r10
r2 += -16
r2 += r8
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_compare_of_two_copies_fits_the_set_without_a_spill
; type: socket
; As above without the spill: six places hold both operands' copies.
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r1 = r0
r0 = 0
r8 = r1
r8 += 1
r2 = r1
if r8 s< r2 goto out
if r1 > 9 goto out
r2 = r10
r2 += -16
r2 += r8
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_seventh_copy_loses_the_link
; type: socket
; Eight copies in r0..r7: a test gathers r0..r5 and unlinks r6 and r7.
; insns: 23
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r1 = r0
r2 = r0
r3 = r0
r4 = r0
r5 = r0
r6 = r0
r7 = r0
if r0 > 9 goto out
if r0 > 7 goto out
r2 = r10
r2 += -16
r2 += r6
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_sixth_copy_keeps_the_link
; type: socket
; As above: r5 is the sixth gathered and learns r0's bound.
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r1 = r0
r2 = r0
r3 = r0
r4 = r0
r5 = r0
r6 = r0
r7 = r0
if r0 > 9 goto out
if r0 > 7 goto out
r2 = r10
r2 += -16
r2 += r5
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_precision_follows_the_copies_a_comparison_linked
; type: socket
; map: array key=4 value=16 max=1
; The test of r9 also bounds r6 on the path where r9 is r6's copy. When the
; access makes r6 precise, backtracking over the test marks r9 precise too,
; so the path where r9 is r8's copy differs in r9's identity and is not
; pruned at the test: there r6 is unbounded.
; insns: 31
; expect: REJECT math between map_value pointer and register with unbounded min value is not allowed
call bpf_get_prandom_u32
r6 = r0
call bpf_get_prandom_u32
r8 = r0
call bpf_get_prandom_u32
if r0 == 0x0 goto other
r9 = r6
goto join
other:
r9 = r8
join:
if r9 > 8 goto out
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

### linked_copy_at_a_32_bit_delta_teaches_the_low_word
; type: socket
; w2 = w4 - 100 is linked to r4 at a 32-bit delta: syncing r4 from r2
; after the test wraps in the low word, so r4 stays below 2^32 and the
; branch past it is dead.
; insns: 13
; expect: ACCEPT
call bpf_get_prandom_u32
w4 = w0
w2 = w4
w2 -= 100
if w2 > w4 goto next
next:
r1 = 1
r1 <<= 32
if r4 >= r1 goto bad
r0 = 0
exit
bad:
r0 = *(u64 *)(r9 +0)
exit

### linked_limit_reached_on_a_queued_path_ends_the_jump_line
; type: xdp
; The 1,000,001st instruction is the first of the path the last test
; queued: the kernel checks the limit before printing that path, and its
; rewound log ends with the test's line.
; expect: REJECT 5: (15) if r7 == 0x0 goto pc+2 BPF program is too large. Processed 1000001 insn
call bpf_get_prandom_u32
r7 = r0
r6 = 0
loop:
r6 += 1
if r6 < 499997 goto loop
if r7 == 0x0 goto one
r0 = 2
exit
one:
r0 = 1
exit

### linked_constant_at_a_delta_is_unlinked_when_copied
; type: socket
; r7 = r6 + 0 is linked at a delta; the test makes it, and r6 through
; it, the constant 5 with that link. Copying it drops the link (one delta
; per link), so r2 joins the other path's r2 = 5 as a value of its own and
; the path stops at the join.
; insns: 24
; expect: ACCEPT
call bpf_get_prandom_u32
r6 = r0
r6 &= 0xf
call bpf_get_prandom_u32
if r0 == 0x0 goto second
r7 = r6
if r7 != 0x5 goto out
r2 = r7
goto join
second:
r7 = r6
r7 += 0
if r7 != 0x5 goto out
r2 = r7
join:
r1 = r10
r1 += -16
r1 += r2
r0 = 0
*(u8 *)(r1 +0) = r0
exit
out:
r0 = 0
exit

### linked_copies_added_to_in_32_and_64_bits_teach_each_other_nothing
; type: socket
; r8 = r0 + 1 added in 32 bits, r0 = r0 + 3 in 64: a test on r0 says
; nothing of r8 (sync_linked_regs skips links of both widths, as the
; stable fix of BPF_ADD_CONST32's zero extension has it), so r8 stays in
; [1, 256] and the stack read through it is out of bounds.
; expect: REJECT invalid variable-offset read from stack R1 var_off=(0x0; 0x1ff) off=-16 size=1
r1 = 0
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -8) = r1
call bpf_get_prandom_u32
r0 &= 0xff
w8 = w0
w8 += 1
r0 += 3
if r0 > 0xa goto out
r1 = r10
r1 += -16
r1 += r8
r0 = *(u8 *)(r1 +0)
exit
out:
r0 = 0
exit

### linked_at_the_same_delta_in_other_widths_are_not_alike
; type: socket
; At the join r7 = r6 + 1 is linked in 64 bits on one path and in 32 on
; the other: the kernel's regsafe wants the same kind of link, so the
; second path is not pruned there.
; insns: 45
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -8) = r1
call bpf_get_prandom_u32
r9 = r0
call bpf_get_prandom_u32
r0 &= 0xff
r6 = r0
r7 = r0
if r9 == 0x0 goto a
r7 += 1
r2 = 0
r2 = 0
r2 = 0
r2 = 0
r2 = 0
r2 = 0
r2 = 0
r2 = 0
goto join
a:
w7 += 1
r2 = 0
r2 = 0
r2 = 0
r2 = 0
r2 = 0
r2 = 0
r2 = 0
r2 = 0
join:
if r6 > 0x7 goto out
r1 = r10
r1 += -16
r1 += r7
r0 = *(u8 *)(r1 +0)
exit
out:
r0 = 0
exit

### linked_w_add_min_delta_keeps_the_low_word_unknown
; r9 is r6 plus S32_MIN in 32 bits. After `r6 s>= r9` fails, r6 is synced
; from r9 as the kernel's sync_linked_regs does it: the 64-bit sum,
; the 32-bit one and the bits each by their own rule, the low word
; zero-extended before bounds are synced. The 32-bit sum overflows, so
; w6 stays unknown and the fall-through of `w6 s> S32_MIN` is explored.
; type: tc
; expect: REJECT R1 !read_ok
call bpf_get_prandom_u32
r6 = r0
w6 = w6
r9 = r6
w9 += -2147483648
if r6 s>= r9 goto out
if w6 s> -2147483648 goto out
r0 = *(u8 *)(r1 +0)
out:
r0 = 0
exit

### linked_w_add_sync_learns_nothing_of_the_low_word_from_the_whole
; w7 is w6 - 8; r7 >= 0x7fffffff makes r6 = r7 + 8 in [0x80000007,
; 0x100000007] as 64 bits, whose low word would be [S32_MIN + 7, 7]; the
; kernel zero-extends the overflowing 32-bit sum instead, so w6 is any
; value and `w6 s<= 7` may fail.
; type: tc
; expect: REJECT R1 !read_ok
call bpf_get_prandom_u32
r6 = r0
w6 = w6
w7 = w6
w7 += -8
if r7 < 0x7fffffff goto out
if w6 s<= 7 goto out
r0 = *(u8 *)(r1 +0)
out:
r0 = 0
exit

### linked_copy_added_to_in_32_bits_is_zero_extended_when_synced
; r7 is r6 + 127 in the low word; when the test on w6 narrows r6, r7 is
; synced as that 32-bit sum zero-extended, so its 64-bit range stays
; within 32 bits and r7 <= 16 is possible.
; type: socket
; expect: REJECT R0 invalid mem access 'scalar'
call bpf_get_prandom_u32
w6 = w0
r7 = r6
w7 += 127
if w6 s> 255 goto out
if r7 > 16 goto out
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### linked_copies_passed_as_arguments_do_not_fill_the_set
; r6 is copied into r1-r5 for the call; the callee's test on its r1 bounds
; every copy, and the caller's r1-r5 are no copies any more (the call
; scratched them), so r6 is among the six and learns r6 <= 10.
; type: kprobe
; expect: ACCEPT
; insns: 23
r6 = *(u64 *)(r1 +96)
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call le10
if r0 != 0 goto out
r2 = r10
r2 += -16
r2 += r6
r1 = 0
*(u8 *)(r2 +0) = r1
out:
r0 = 0
exit
le10:
if r1 > 10 goto big
r0 = 0
exit
big:
r0 = 1
exit

### linked_copies_kept_down_nested_calls
; x is kept in r6 of every frame and passed on in r1: the innermost test
; reaches main's r6 through the callers' r6, not their scratched r1.
; type: kprobe
; expect: ACCEPT
; insns: 30
r6 = *(u64 *)(r1 +96)
r1 = r6
call n2
if r0 != 0 goto out
r2 = r10
r2 += -16
r2 += r6
r1 = 0
*(u8 *)(r2 +0) = r1
out:
r0 = 0
exit
n2:
r6 = r1
call n1
r2 = r6
exit
n1:
r6 = r1
call le10
r2 = r6
exit
le10:
if r1 > 10 goto big
r0 = 0
exit
big:
r0 = 1
exit
