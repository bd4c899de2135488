; Precision: a stored state covers a later one only in the scalars whose
; values some check relied on. These paths join after a branch with
; different values, used only after the join, so the state stored at the
; join learns afterwards that it must compare them. The `r8 = 0` filler
; makes both verifiers store a state at the join (they store one only
; every few jumps and instructions).

### precision_offset_decided_after_join
; type: socket
; map: array key=4 value=16 max=1
; before: invalid access to map value, value_size=16 off=12 size=8
; expect: REJECT R1 min value is outside of the allowed memory range
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r7 = r0
call bpf_get_prandom_u32
r6 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
if r0 > 0xa goto big
goto join
big:
r6 = 12
join:
r1 = r7
r1 += r6
r0 = *(u64 *)(r1 +0)
out:
r0 = 0
exit

### precision_offset_through_stack_slot
; type: socket
; map: array key=4 value=16 max=1
; before: invalid access to map value, value_size=16 off=12 size=8
; expect: REJECT R1 min value is outside of the allowed memory range
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r7 = r0
call bpf_get_prandom_u32
r6 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
if r0 > 0xa goto big
*(u64 *)(r10 -16) = r6
goto join
big:
r6 = 12
*(u64 *)(r10 -16) = r6
join:
r6 = 0
r8 = *(u64 *)(r10 -16)
r1 = r7
r1 += r8
r0 = *(u64 *)(r1 +0)
out:
r0 = 0
exit

### precision_offsets_both_in_bounds
; type: socket
; map: array key=4 value=16 max=1
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
r6 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
if r0 > 0xa goto big
goto join
big:
r6 = 8
join:
r1 = r7
r1 += r6
r0 = *(u64 *)(r1 +0)
out:
r0 = 0
exit

### precision_size_argument_decided_after_join
; type: socket
; expect: REJECT invalid write to stack R1 off=-8 size=16
call bpf_get_prandom_u32
r6 = 8
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
if r0 > 0xa goto big
goto join
big:
r6 = 16
join:
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = r10
r1 += -8
r2 = r6
r3 = 0
call bpf_probe_read_kernel
r0 = 0
exit

### precision_branch_on_joined_value
; type: socket
; expect: REJECT R1 invalid mem access 'scalar'
call bpf_get_prandom_u32
r6 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
if r0 > 0xa goto big
goto join
big:
r6 = 1
join:
if r6 == 0x0 goto done
r1 = 0
r0 = *(u64 *)(r1 +0)
done:
r0 = 0
exit

### precision_size_argument_after_a_helper_call
; The size argument's precision is traced from the call asking for it,
; not through it (the kernel's skip_first): the state stored after the
; first call knows the size precisely, so the other path is not pruned.
; type: socket
; expect: REJECT R2 min value is negative, either use unsigned or 'var &= const'
call bpf_get_prandom_u32
r9 = r0
r0 = 1
if r9 >= 0x1 goto skip
r1 = 0
skip:
r1 = 0
r1 = 0
r1 = 0
r1 = 0
r1 = 0
r1 = 0
call bpf_get_prandom_u32
r1 = r10
r1 += -64
r2 = r9
r3 = 0
call bpf_probe_read_kernel
r0 = 0
exit

### precision_dead_precise_argument_propagated_through_a_call
; A legacy packet load gives up backtracking, so every scalar of the stored
; states becomes precise, R2 at the may_goto included though it is dead
; there. The loop's next round stops at that state, and the kernel
; propagates every precise scalar of it, dead or not (6.18's
; propagate_precision no longer asks for a read mark): tracing R2 back, it
; meets the helper call that clobbered R2 and fails with its internal
; error. A difffuzz false accept (seed 0x6fa2d05addda4c3b).
; type: socket
; map: array key=4 value=48 max=4
; expect: REJECT verifier bug: backtracking call unexpected regs 204
r6 = r1
r9 = 1
r2 = *(u32 *)(r6 +40)
r0 = *(u8 *)skb[r2 + 16]
if w9 != w0 goto l1
l1:
r1 = map[id:0]
r2 = r10
r2 += -192
call bpf_map_lookup_elem
if r0 == 0x0 goto l2
r2 = *(u16 *)(r0 +0)
l2:
loop:
may_goto done
r1 = r6
call bpf_get_socket_uid
goto loop
done:
if w9 <= 0xfffffffb goto l3
l3:
r1 = 0
r2 = 2147483647
r3 = r10
r3 += -256
r4 = 4
call bpf_get_ns_current_pid_tgid
exit

### precision_atomic_cmpxchg_follows_only_the_register_it_loads
; A compare-and-exchange loads R0 only: tracing the loop counter R9, its
; source operand, walks on past it (the kernel's backtrack_insn treats a
; fetching atomic as a load into the register it writes). kfreg gave up
; there and made every scalar precise, and the may_goto loop's stored state
; then sent R2 and R8 through a helper call: a false reject (difffuzz seed
; 0x886a1b90d99882d5).
; type: socket
; expect: ACCEPT
; insns: 49
r6 = r1
r0 = 256
r8 = 5
r0 = *(u8 *)skb[r0 + 64]
r2 = *(u32 *)(r6 +64)
l5:
may_goto l8
call bpf_ktime_get_boot_ns
goto l5
l8:
if r0 == r8 goto l15
r9 = 0
l10:
r8 = bswap32 r8
*(u64 *)(r10 -112) = 1
r0 = atomic64_cmpxchg((u64 *)(r10 -112), r0, r9)
r9 += 1
if r9 <= 0x4 goto l10
l15:
r1 = -526447844
r7 = 0
l17:
r0 -= r1
w0 s%= -1
r7 += 1
if r7 < 0x1 goto l17
r1 s/= r0
w1 += 53
r0 = 0
exit

### precision_stops_at_a_load_of_data_a_helper_wrote
; A helper's write turns the spill at fp-88 into data; the byte loaded
; from it afterwards is a new unknown, and precision wanted for it stops at
; the load (the kernel records no stack access in its jump history for a
; load that fills no register). kfreg followed the slot back past the
; call to the spill and made r8 precise at the join, so the path with the
; other value was explored again (test_cls_redirect: 1.08x the kernel's
; instructions).
; type: socket
; expect: ACCEPT
; insns: 23
r6 = r1
call bpf_get_prandom_u32
r7 = r0
r1 = 1
r2 = 2
r3 = 3
r4 = 4
r5 = 5
r8 = 43
if r7 == 0 goto l1
r8 = 44
l1:
*(u8 *)(r10 -88) = r8
r1 = r6
r2 = 0
r3 = r10
r3 += -88
r4 = 2
call bpf_skb_load_bytes
r8 = *(u8 *)(r10 -88)
if r8 > 0xff goto l2
l2:
r0 = 0
exit

### precision_through_store_release_spill
; A store-release of a scalar to an aligned stack slot is a spill, as a
; plain store is: the offset filled back from it is traced into the slot
; and on to r0, so the path with 1000 is not pruned at `join` by the one
; with 0. kfreg left the slot untraced and accepted.
; type: socket
; map: array key=4 value=32 max=1
; before: invalid access to map value, value_size=32 off=1000 size=1
; expect: REJECT R6 min value is outside of the allowed memory range
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r6 = r0
call bpf_get_prandom_u32
r1 = r0
r0 = 1000
r2 = 0
r2 = 0
if r2 == 0x1 goto out
r2 = 0
r2 = 0
if r1 != 0x7 goto join
r0 = 0
join:
r3 = 0
store_release((u64 *)(r10 -24), r0)
r4 = *(u64 *)(r10 -24)
r6 += r4
r0 = *(u8 *)(r6 +0)
out:
r0 = 0
exit

### precision_into_a_slot_the_stack_did_not_hold_yet
; A path reading the never-written fp-40 (allowed to a privileged program)
; is pruned where the other spilled it, and fp-40 is then traced back
; into the state stored after the first call, whose stack held one slot:
; the kernel's internal error (__mark_chain_precision's verifier_bug_if).
; type: xdp
; map: array key=4 value=64 max=1
; expect: REJECT verifier bug: stack slot 4, total slots 1 (i >= func->allocated_stack / BPF_REG_SIZE)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r7 = r0
call bpf_get_prandom_u32
r8 = r0
call bpf_get_prandom_u32
r9 = r0
r1 = r9
r5 = r9
r3 = *(u64 *)(r10 -40)
if r8 > 0x5 goto join
*(u64 *)(r10 -40) = r5
join:
r1 = *(u16 *)(r10 -40)
r0 = r7
r0 += r1
out:
r0 = 0
exit
