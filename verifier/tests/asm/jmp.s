; Conditional jumps: every JMP and JMP32 condition with immediates and
; registers, branch pruning on known values, pointer comparisons.

### jmp64_all_conditions_imm
; type: socket
; expect: ACCEPT
r1 = *(u32 *)(r1 +0)
r0 = 0
if r1 == 0x1 goto l1
l1:
if r1 != 0x2 goto l2
l2:
if r1 > 0x3 goto l3
l3:
if r1 >= 0x4 goto l4
l4:
if r1 < 0x5 goto l5
l5:
if r1 <= 0x6 goto l6
l6:
if r1 s> 0x7 goto l7
l7:
if r1 s>= 0x8 goto l8
l8:
if r1 s< 0x9 goto l9
l9:
if r1 s<= 0xa goto l10
l10:
if r1 & 0xb goto l11
l11:
exit

### jmp64_all_conditions_reg
; type: socket
; expect: ACCEPT
r1 = *(u32 *)(r1 +0)
r2 = 7
r0 = 0
if r1 == r2 goto l1
l1:
if r1 != r2 goto l2
l2:
if r1 > r2 goto l3
l3:
if r1 >= r2 goto l4
l4:
if r1 < r2 goto l5
l5:
if r1 <= r2 goto l6
l6:
if r1 s> r2 goto l7
l7:
if r1 s>= r2 goto l8
l8:
if r1 s< r2 goto l9
l9:
if r1 s<= r2 goto l10
l10:
if r1 & r2 goto l11
l11:
exit

### jmp32_all_conditions_imm
; type: socket
; expect: ACCEPT
w1 = *(u32 *)(r1 +0)
r0 = 0
if w1 == 0x1 goto l1
l1:
if w1 != 0x2 goto l2
l2:
if w1 > 0x3 goto l3
l3:
if w1 >= 0x4 goto l4
l4:
if w1 < 0x5 goto l5
l5:
if w1 <= 0x6 goto l6
l6:
if w1 s> 0x7 goto l7
l7:
if w1 s>= 0x8 goto l8
l8:
if w1 s< 0x9 goto l9
l9:
if w1 s<= 0xa goto l10
l10:
if w1 & 0xb goto l11
l11:
exit

### jmp32_all_conditions_reg
; type: socket
; expect: ACCEPT
r1 = *(u32 *)(r1 +0)
w2 = 7
r0 = 0
if w1 == w2 goto l1
l1:
if w1 != w2 goto l2
l2:
if w1 > w2 goto l3
l3:
if w1 >= w2 goto l4
l4:
if w1 < w2 goto l5
l5:
if w1 <= w2 goto l6
l6:
if w1 s> w2 goto l7
l7:
if w1 s>= w2 goto l8
l8:
if w1 s< w2 goto l9
l9:
if w1 s<= w2 goto l10
l10:
if w1 & w2 goto l11
l11:
exit

### jmp_known_false_branch_not_explored
; type: socket
; expect: ACCEPT
r1 = 5
if r1 > 0x9 goto bad
r0 = 0
exit
bad:
r0 = *(u64 *)(r10 -600)
exit

### jmp_unknown_branch_explored
; type: socket
; expect: REJECT invalid read from stack R10 off=8 size=4
r1 = *(u32 *)(r1 +0)
if r1 > 0x9 goto bad
r0 = 0
exit
bad:
r0 = *(u32 *)(r10 +8)
exit

### jmp_upper_bound_used_for_map_index_jmp32
; type: socket
; map: array key=4 value=16 max=1
; expect: ACCEPT
r6 = *(u32 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
if w6 > 15 goto out
r0 += r6
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### jmp_signed_upper_bound_only_is_not_enough
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT R0 unbounded memory access, make sure to bounds check any such access
r6 = *(u32 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
if w6 s> 15 goto out
r0 += r6
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### jmp_jset_proves_bit_clear
; type: socket
; expect: ACCEPT
r1 = *(u32 *)(r1 +0)
r1 &= 0x3
if r1 & 0x3 goto out
if r1 == 0x0 goto out
r0 = *(u64 *)(r10 -600)
out:
r0 = 0
exit

### jmp_compare_register_with_uninitialised_source
; type: socket
; expect: REJECT R7 !read_ok
r1 = 0
r0 = 0
if r1 == r7 goto out
out:
exit

### jmp_compare_ctx_with_zero_allowed
; type: socket
; expect: ACCEPT
r0 = 0
if r1 == 0x0 goto out
r0 = 1
out:
exit

### jmp32_compare_pointer_allowed_for_root
; type: socket
; expect: ACCEPT
r0 = 0
if w1 == 0x0 goto out
r0 = 1
out:
exit

### jmp_compare_pointer_with_pointer_allowed
; type: socket
; expect: ACCEPT
r2 = r10
r0 = 0
if r1 == r2 goto out
r0 = 1
out:
exit

### jmp_unconditional_forward_leaves_unreachable_insn
; type: socket
; expect: REJECT unreachable insn 2
r0 = 0
goto out
r0 = 1
out:
exit

### jmp_ja_backward_into_bounded_region
; type: socket
; expect: ACCEPT
r0 = 0
goto second
first:
r0 += 1
exit
second:
goto first

### jmp32_on_packet_pointers_no_range
; type: xdp
; before: invalid access to packet, off=0 size=4, R2(id=0,off=0,r=0)
; expect: REJECT R2 offset is outside of the packet
r2 = *(u32 *)(r1 +0)
r3 = *(u32 *)(r1 +4)
r4 = r2
r4 += 4
if w4 > w3 goto out
r0 = *(u32 *)(r2 +0)
out:
r0 = 2
exit

### jmp_jset_on_pointer
; type: socket
; expect: ACCEPT
r0 = 0
if r1 & 0x1 goto out
r0 = 1
out:
exit

### jmp_signed_range_refines_both_bounds
; type: socket
; map: array key=4 value=16 max=1
; expect: ACCEPT
r6 = *(u32 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
if r6 s> 15 goto out
if r6 s< 0 goto out
r0 += r6
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### jmp_reg_compare_refines_bounds
; type: socket
; map: array key=4 value=16 max=1
; expect: ACCEPT
r6 = *(u32 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r7 = 16
if r6 >= r7 goto out
r0 += r6
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### may_goto_jumps_to_itself
; type: socket
; expect: REJECT infinite loop detected at insn 1
r0 = 0
self:
may_goto self
exit

### may_goto_counted_loop_ok
; type: socket
; expect: ACCEPT
r1 = 0
loop:
may_goto out
r1 += 1
goto loop
out:
r0 = 0
exit

### may_goto_back_to_same_state
; type: socket
; expect: REJECT infinite loop detected at insn 1
r0 = 0
back:
may_goto out
out:
goto back

### jmp_jset_of_two_registers_is_not_decided
; Both operands have known bits in common, but the kernel decides a test of
; bits only against a constant: the fall-through is explored.
; type: socket
; expect: REJECT R2 !read_ok
call bpf_get_prandom_u32
r0 &= 0xff
r0 ^= -1
if r0 & r0 goto ok
r0 = r2
ok:
r0 = 0
exit

### jmp_jset_against_a_constant_register_is_decided
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r0 &= 0xff
r0 ^= -1
r1 = 0x100000000 ll
if r0 & r1 goto ok
r0 = r2
ok:
r0 = 0
exit

### jmp_same_register_compare_is_not_decided
; The kernel does not decide a register compared with itself: both sides
; are explored.
; type: socket
; expect: REJECT R2 !read_ok
call bpf_get_prandom_u32
if w0 >= w0 goto ok
r0 = r2
ok:
r0 = 0
exit

### jmp_infeasible_refinement_is_still_explored
; The fall-through of `w7 >= w7` leaves w7 in [1, U32_MAX - 1]; a test
; that its low 32 bits are zero then refines to impossible bounds, which
; the kernel reports as an invariant violation and explores anyway, with
; the register unbounded.
; type: socket
; expect: REJECT R5 !read_ok
call bpf_get_prandom_u32
r7 = r0
if w7 >= w7 goto ok
if r7 & 0xffffffff goto ok
r0 = r5
ok:
r0 = 0
exit

### jmp_64bit_equality_decided_by_32bit_ranges
; The low 32 bits' ranges are disjoint, so the registers differ, though
; their 64-bit ranges overlap: the kernel decides the test.
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r7 = r0
r7 <<= r7
w8 = 59
if w7 > 0x1000 goto check
w8 = 0x2000
check:
if r7 != r8 goto ok
r0 = r2
ok:
r0 = 0
exit

### same_register_signed_test_explores_both_sides
; A register compared with itself: Linux 6.18 decides nothing and explores
; both sides, so the reserved-field move behind the test is reached.
; type: xdp
; expect: REJECT BPF_MOV uses reserved fields
call bpf_get_prandom_u32
r2 = r0
if w2 s>= w2 goto pc+1
w0 = (s32)w9
r0 = 0
exit

### jset_false_with_the_constant_in_the_destination
; `if r4 & r0` with r4 the constant: not taken, r0 has none of r4's bits
; (the kernel's regs_refine_cond_op swaps to the constant side), so r0 is
; never 29 and the context read past the socket filter's fields never
; runs. A difffuzz false reject (seed 0x89b7c369711fc8e0).
; type: socket
; expect: ACCEPT
r6 = r1
r0 = *(u8 *)skb[47]
r4 = 30
if r4 & r0 goto l1
if w0 != 29 goto l1
r7 = *(u32 *)(r6 +80)
l1:
r0 = 0
exit

### jset_true_with_a_single_bit_sets_it
; Taken against a single bit, the bit is known set: r0 is at least 8.
; type: socket
; expect: ACCEPT
r6 = r1
r0 = *(u8 *)skb[47]
if r0 & 8 goto l1
r0 = 0
exit
l1:
if r0 >= 8 goto l2
r7 = *(u32 *)(r6 +80)
l2:
r0 = 0
exit

### jset_false_forgets_the_ranges_first
; Not taken, the kernel forgets r0's ranges before clearing the tested
; bits and rebuilds them from the bits alone: [5, 0x105] without bit 8
; becomes [0, 0xff], not [5, 0xff], so `r0 >= 5` is no longer decided and
; the bad read is reached.
; type: socket
; expect: REJECT invalid bpf_context access off=80 size=4
r6 = r1
r0 = *(u16 *)skb[46]
if r0 < 5 goto out
if r0 > 0x105 goto out
if r0 & 0x100 goto out
if r0 >= 5 goto out
r7 = *(u32 *)(r6 +80)
out:
r0 = 0
exit

### jmp_register_tested_against_itself_narrows_both_ways
; `if w0 s>= w0` not taken: the kernel narrows the register as the left
; operand (at most its maximum minus one) and as the right one (at least
; its minimum plus one), in place, so the same register gets both:
; s32 [S32_MIN + 1, S32_MAX - 1]. Its low half is then never 0x7fffffff,
; so `r0 != 0x7fffffff` is decided and the uninitialised R9 is never read.
; kfreg kept only the second narrowing (difffuzz false reject, seed
; 0xbc55e04fc884bfd8).
; type: socket
; expect: ACCEPT
r6 = r1
r0 = *(u16 *)skb[38]
if w0 s>= w0 goto l1
if r0 != 0x7fffffff goto l1
r9 s%= r0
l1:
exit

### jmp32_register_against_itself_impossible_side
; `if w0 s<= w0` always holds, yet the kernel explores its other side, and
; there with w0 = 1 (w0 in [0, 1] before): it narrows the one register by
; both operands' rules in place (s32 [1, 0]) and keeps what its sync makes
; of it, so `w7 s< w0` is decided and the misaligned load behind it never
; checked. A difffuzz false reject (seed 0x1917e0e9b0c6eae6).
; type: xdp
; expect: ACCEPT
call bpf_get_prandom_u32
r0 &= 1
r7 = 0
if w0 s<= w0 goto l1
if w7 s< w0 goto l1
r8 = *(u64 *)(r10 -9)
l1:
exit

### jmp_register_against_itself_then_again
; r9 in [-1, 0] (a sign-extended s16 shifted right by 38): `if r9 <= r9`
; is explored both ways; on its impossible side the in-place refinement
; leaves umin 1 above umax 0, which the kernel keeps, so the next
; `if r9 >= r9` is decided (8 instructions processed) and the bad context
; load never checked. A difffuzz false reject (cgroup_sockopt, seed
; 0x5dcb1ad09312826f).
; type: socket
; expect: ACCEPT
r6 = r1
r9 = *(s16 *)(r10 -22)
r9 s>>= 38
r0 = 0
if r9 <= r9 goto pc+2
if r9 >= r9 goto pc+1
r4 = *(u32 *)(r6 +200)
exit

### register_tested_against_itself_to_impossible_bounds_forgets_them
; type: socket
; map: array key=4 value=256 max=1
; r9 in [-2, -1] tested r9 s< r9: the taken side's bounds contradict each
; other, which the kernel reports as an invariant violation and forgets,
; the bits kept; r9 <= 7 then leaves -2, below the value.
; before: invalid access to map value, value_size=256 off=-2 size=1
; expect: REJECT R6 min value is outside of the allowed memory range
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r6 = r0
r9 = *(u8 *)(r6 +32)
r9 &= 1
r9 -= 2
if r9 s< r9 goto taken
goto out
taken:
if r9 > 0x7 goto out
r6 += r9
r0 = *(u8 *)(r6 +0)
out:
r0 = 0
exit
