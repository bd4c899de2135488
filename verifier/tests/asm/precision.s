; Precision: a stored state covers a later one only in the scalars whose
; values some check relied on. These paths join after a branch with
; different values, used only after the join, so the state stored at the
; join learns afterwards that it must compare them. The `r8 = 0` filler
; makes both verifiers store a state at the join (they store one only
; every few jumps and instructions).

### precision_offset_decided_after_join
; type: socket
; map: array key=4 value=16 max=1
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
