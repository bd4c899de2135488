; bpf_fastcall: spills and fills of the registers a call keeps, around
; the call at the bottom of the function's stack, are removed once the
; program is verified and their slots no longer count, when the callee is
; inlined (bpf_get_smp_processor_id's tracing prototype, bpf_cast_to_kern_ctx,
; bpf_rdonly_cast) and every other access keeps out of them. A main program
; using 512 bytes calls a subprogram whose only slot is such a spill; the
; 16 bytes the subprogram needs otherwise are too many.

### fastcall_inlined_helper_spill_removed
; type: raw_tp
; expect: ACCEPT
r6 = 42
*(u64 *)(r10 -512) = r6
r2 = 0
call sub
r0 = 0
exit
sub:
*(u64 *)(r10 -8) = r1
call bpf_get_smp_processor_id
r1 = *(u64 *)(r10 -8)
r0 = 0
exit

### fastcall_networking_prototype_not_inlined
; type: socket
; expect: REJECT combined stack size of 2 calls is 528. Too large
r6 = 42
*(u64 *)(r10 -512) = r6
r2 = 0
call sub
r0 = 0
exit
sub:
*(u64 *)(r10 -8) = r1
call bpf_get_smp_processor_id
r1 = *(u64 *)(r10 -8)
r0 = 0
exit

### fastcall_helper_not_inlined
; type: raw_tp
; expect: REJECT combined stack size of 2 calls is 528. Too large
r6 = 42
*(u64 *)(r10 -512) = r6
r2 = 0
call sub
r0 = 0
exit
sub:
*(u64 *)(r10 -8) = r1
call bpf_get_current_task
r1 = *(u64 *)(r10 -8)
r0 = 0
exit

### fastcall_kfunc_spill_removed
; type: tc
; expect: ACCEPT
r6 = 42
*(u64 *)(r10 -512) = r6
r2 = 0
call sub
r0 = 0
exit
sub:
*(u64 *)(r10 -8) = r2
call bpf_cast_to_kern_ctx
r2 = *(u64 *)(r10 -8)
r0 = 0
exit

### fastcall_kfunc_clobbered_register
; type: tc
; expect: REJECT combined stack size of 2 calls is 528. Too large
r6 = 42
*(u64 *)(r10 -512) = r6
r2 = 0
call sub
r0 = 0
exit
sub:
*(u64 *)(r10 -8) = r1
call bpf_cast_to_kern_ctx
r1 = *(u64 *)(r10 -8)
r0 = 0
exit

### fastcall_slot_read_elsewhere
; type: raw_tp
; expect: REJECT combined stack size of 2 calls is 528. Too large
r6 = 42
*(u64 *)(r10 -512) = r6
r2 = 0
call sub
r0 = 0
exit
sub:
*(u64 *)(r10 -8) = r1
call bpf_get_smp_processor_id
r1 = *(u64 *)(r10 -8)
r3 = *(u64 *)(r10 -8)
r0 = 0
exit

### fastcall_two_pairs
; type: raw_tp
; expect: ACCEPT
r6 = 42
*(u64 *)(r10 -512) = r6
r2 = 0
call sub
r0 = 0
exit
sub:
*(u64 *)(r10 -8) = r2
*(u64 *)(r10 -16) = r1
call bpf_get_smp_processor_id
r1 = *(u64 *)(r10 -16)
r2 = *(u64 *)(r10 -8)
r0 = 0
exit

### fastcall_pattern_above_another_slot
; type: raw_tp
; expect: REJECT combined stack size of 2 calls is 528. Too large
r6 = 42
*(u64 *)(r10 -512) = r6
r2 = 0
call sub
r0 = 0
exit
sub:
r3 = 1
*(u64 *)(r10 -16) = r3
*(u64 *)(r10 -8) = r1
call bpf_get_smp_processor_id
r1 = *(u64 *)(r10 -8)
r0 = 0
exit

### fastcall_fill_is_a_jump_target
; type: raw_tp
; expect: REJECT combined stack size of 2 calls is 528. Too large
r6 = 42
*(u64 *)(r10 -512) = r6
r2 = 0
call sub
r0 = 0
exit
sub:
*(u64 *)(r10 -8) = r1
if r1 == 0 goto fill
call bpf_get_smp_processor_id
fill:
r1 = *(u64 *)(r10 -8)
r0 = 0
exit
