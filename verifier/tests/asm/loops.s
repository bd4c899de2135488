; Loops whose rounds converge on states still being explored (may_goto,
; callbacks): what such a stop owes its path's precision (Linux 6.18's
; strongly connected components and backedges), how states are compared.

### loops_scc_backedge_precision_late_mark
; type: socket
; loop_state_deps2 of the selftests with may_goto for its iterators: at a
; may_goto whose earlier round is still being explored, imprecise scalars
; that changed become unknown (r8 after r8 = -25), so the unsafe write
; through fp+r8 is found as an unbounded offset.
; expect: REJECT math between fp pointer and register with unbounded min value is not allowed
r6 = 0
r7 = 0
r8 = -24
jloop:
may_goto jend
r6 = 0
r7 = 0
iloop:
may_goto iend
if r6 != 1 goto i1
r6 = 0
r7 = 1
goto iloop
i1:
if r6 != 0 goto iloop
r6 = 1
call bpf_get_prandom_u32
if r0 != 42 goto i2
goto iloop
i2:
if r7 != 1 goto iloop
r0 = r10
r0 += r8
r1 = 7
*(u64 *)(r0 +0) = r1
r0 = 0
exit
iend:
r6 = 0
r7 = 0
kloop:
may_goto kend
if r6 != 1 goto k1
r6 = 0
r7 = 1
goto kloop
k1:
if r6 != 0 goto kloop
r6 = 1
call bpf_get_prandom_u32
if r0 != 42 goto k2
goto kloop
k2:
if r7 != 1 goto kloop
r6 = 0
r8 = -25
goto kloop
kend:
goto jloop
jend:
r0 = 0
exit

### loops_may_goto_exhausted_path_keeps_exact_values
; type: socket
; Only the round queued at a may_goto is widened against the round before;
; the path leaving the loop keeps the exact counter of its round: r6 = 1
; after one round, not yet precise when the next round is queued (only the
; path leaving after no round, which does not read r6, has run). The
; widened round brings r6 into [0, 1], so no path leaves the loop with r6
; unknown and the stack read through it is in bounds.
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -16) = r1
r6 = 0
r7 = 0
loop:
may_goto out
r7 = 1
r6 += 1
r6 &= 1
goto loop
out:
if r7 == 0 goto done
r1 = r10
r1 += -16
r1 += r6
r0 = *(u8 *)(r1 +0)
done:
r0 = 0
exit

### loops_may_goto_round_covers_slot_it_wrote
; type: socket
; A round of a may_goto loop is compared by range with the round before,
; still being explored; stack bytes that round had unwritten (fp-8's low
; half) or holding data (its high half) constrain nothing, even though the
; new round spilled a number there and the slot is read after the loop:
; only the exact comparison (infinite loops) needs the same kinds of bytes.
; The second round stops at once.
; expect: ACCEPT
; insns: 12
call bpf_get_prandom_u32
r6 = 0
*(u64 *)(r10 -16) = r6
*(u32 *)(r10 -4) = r0
loop:
may_goto out
r6 = 7
*(u64 *)(r10 -8) = r6
goto loop
out:
r1 = *(u64 *)(r10 -8)
r0 = 0
exit

### loops_may_goto_nested_rounds_cover_spilled_counter
; type: socket
; A difffuzz false reject (seed 0xc5d74e24ab944607): an inner may_goto loop
; spills the outer loop's counter to fp-128, which the stored inner rounds
; never wrote. Each inner round covers the next by range (fp-128 unwritten
; in the stored round constrains nothing), so the outer loop's four rounds
; take 51 instructions, not more than 20,000.
; expect: ACCEPT
; insns: 51
r2 = *(u16 *)(r10 -74)
r3 = r10
r3 += -256
r4 = 3
call bpf_get_ns_current_pid_tgid
w7 = 0
outer:
r2 = 0
r2 s%= -1915443952
inner:
may_goto next
if r0 <= r2 goto skip
*(u64 *)(r10 -128) = r7
skip:
goto inner
next:
w7 += 1
if w7 != 0x4 goto outer
exit

### loops_may_goto_precise_counter_never_converges
; type: socket
; A difffuzz false accept (seed 0x1b3d906dc031d8d0): `w8 -= w3` (w3 = -2)
; gives r8 in [2, 21], so `if r8 < 0x1` is decided in every round and marks
; r8 precise; a precise scalar is not widened when the next round is
; queued, r8 grows by 28 a round and no round covers the next: the kernel
; runs into its instruction limit. (kfreg had [0, 31]: the test was open,
; r8 was widened to unknown and the loop converged after three rounds.)
; expect: REJECT BPF program is too large. Processed 1000001 insn
r6 = r1
r0 = -1
r2 = 0
r3 = -2
r8 = 0
r9 = 1
r0 %= 4
w9 &= w9
*(u8 *)(r10 -56) = r0
w2 -= 1
r8 = *(u8 *)(r10 -56)
*(u64 *)(r10 -16) = r0
r8 = *(u64 *)(r10 -16)
w8 %= w0
*(u64 *)(r10 -64) = r2
r9 = *(u64 *)(r10 -64)
if r8 >= 0x14 goto loop
w8 -= w3
r0 = *(u16 *)skb[r2 + 45]
call bpf_ktime_get_boot_ns
*(u16 *)(r10 -50) = r0
r1 = r6
loop:
may_goto done
if r8 < 0x1 goto next
r2 = -1
r0 = *(u16 *)skb[64]
r1 = *(u8 *)(r10 -15)
w9 &= w0
next:
r8 += 28
goto loop
done:
r0 = 0
exit

### loops_may_goto_legacy_packet_load_makes_every_scalar_precise
; type: socket
; Tracing a legacy packet load's result back, the kernel gives up and makes
; every scalar of the path precise (backtrack_insn has no rule for
; BPF_LD_ABS/IND): `if r9 > r0` is decided (r9 = 0) and r0 comes from the
; load, so the counter r8 becomes precise too and is not widened when the
; next round is queued; its rounds run through 1, 2, 3, 0 before one
; covers another (kfreg stopped tracing at the load, widened r8 and
; converged after two rounds). A difffuzz false accept (seed
; 0xecabf3174652b973): with a counter that never repeats the kernel runs
; into its instruction limit.
; expect: ACCEPT
; insns: 44
r6 = r1
r8 = 0
r9 = 0
loop:
may_goto done
r8 += 1
r8 &= 3
r0 = *(u8 *)skb[0]
if r9 > r0 goto loop
goto loop
done:
r0 = 0
exit

### loops_finished_round_keeps_dead_slot_while_loop_is_open
; type: xdp
; A finished state inside a loop whose marks are not final yet (a path
; converged on one of its rounds) is not cleaned, as the kernel's
; clean_live_states skips it: fp-120, dead at the may_goto (written before
; it is read), still holds the spilled counter and is compared by range,
; so a round with another value there is explored (kfreg forgot the slot
; and pruned it: 57 instructions). A difffuzz false accept (seed
; 0xc5a4fab45ef5da26) with five outer rounds: the kernel runs into its
; instruction limit.
; expect: ACCEPT
; insns: 114
r9 = 17
r8 = 0
outer:
may_goto next
*(u64 *)(r10 -120) = r8
r9 = be32 r9
r3 = *(u64 *)(r10 -120)
goto outer
next:
r8 += 1
if r8 < 0x3 goto outer
r9 *= r8
if r9 <= 0x7c6f0236 goto done
r0 = 1
exit
done:
r0 = 0
exit

; An infinite loop is told by states equal but for their ids, which match
; one to one (regs_exact): a scalar spilled every round gets a fresh id.
### infinite_loop_spilling_fresh_ids
; type: socket
; expect: REJECT infinite loop detected at insn 4
r8 = 0
call bpf_get_prandom_u32
*(u64 *)(r10 -8) = r0
call bpf_get_prandom_u32
goto pc+0
if r8 s< 6 goto pc-4
r0 = 0
exit

; The kernel looks for an infinite loop only where every register of the
; current frame is alike, dead ones too (states_maybe_looping): here not
; at the loop's head, where dead registers still differ, but further on.
### infinite_loop_registers_alike_first
; type: netfilter
; map: array key=4 value=48 max=4
; expect: REJECT infinite loop detected at insn 26
r6 = r1
r0 = -6
r3 = -62
r8 = 56
r9 = 1
if w3 s< w0 goto pc+7
r4 = *(u32 *)(r6 +0)
r0 = *(u32 *)(r6 +4)
r9 = r4
r9 += 23
if r9 > r0 goto pc+2
r5 = *(u64 *)(r4 +12)
r5 = *(u32 *)(r4 +13)
if r8 >= 0x4cae7940 goto pc+14
r0 = -1851105821
r0 = (s16)r8
w0 ^= -1
w7 = 0
*(u32 *)(r10 -192) = 3
r1 = map[id:0]
r2 = r10
r2 += -192
call bpf_map_lookup_elem
if r0 == 0x0 goto pc+1
*(u64 *)(r0 +32) = 83
w7 += 1
if w7 != 0x4 goto pc-11
*(u32 *)(r10 -192) = 0
r1 = map[id:0]
r2 = r10
r2 += -192
call bpf_map_lookup_elem
if r0 == 0x0 goto pc+3
*(u64 *)(r0 -2) = 18
r9 = *(u16 *)(r0 -3)
*(u16 *)(r0 +30) = r8
r0 = 0
exit

### loop_widening_compares_a_link_delta
; The next round's r7 is a copy of fp-40's value plus a constant: as
; regs_exact compares the delta before mapping ids, the kernel widens r7
; and keeps fp-40 linked, and the third round is covered.
; type: socket
; expect: ACCEPT
; insns: 20
call bpf_get_prandom_u32
r7 = r0
*(u64 *)(r10 -40) = r7
loop:
may_goto end
r7 = *(u64 *)(r10 -40)
w0 *= 1
r7 += -31819
goto loop
end:
*(u64 *)(r10 -40) = r7
r0 = 0
exit

### loops_limit_reached_on_a_path_a_may_goto_queued
; type: xdp
; The 1,000,001st instruction is the first of the path a may_goto
; queued: the kernel's rewound log stands after the may_goto's whole line,
; so the message is a line of its own (after a conditional jump it ends
; the jump's line: linked_limit_reached_on_a_queued_path_ends_the_jump_line).
; expect: REJECT BPF program is too large. Processed 1000001 insn
call bpf_get_prandom_u32
r7 = r0
r6 = 0
loop:
r6 += 1
if r6 < 499997 goto loop
may_goto one
r0 = 2
exit
one:
r0 = 1
exit
