; BPF-to-BPF calls: argument passing, R0, caller-saved registers, stack
; pointers across frames, recursion, depth and combined stack size.

### call_args_and_return_ok
; type: socket
; expect: ACCEPT
r1 = 1
r2 = 2
r3 = 3
r4 = 4
r5 = 5
call sum
exit
sum:
r0 = r1
r0 += r2
r0 += r3
r0 += r4
r0 += r5
exit

### call_return_value_known_to_caller
; type: socket
; expect: ACCEPT
call seven
if r0 == 7 goto ok
r0 = *(u64 *)(r10 +8)
ok:
exit
seven:
r0 = 7
exit

### call_callee_r0_uninitialised
; type: socket
; expect: REJECT R0 !read_ok
call f
exit
f:
exit

### call_callee_reads_r6_uninitialised
; type: socket
; expect: REJECT R6 !read_ok
r6 = 1
call f
exit
f:
r0 = r6
exit

### call_callee_reads_unpassed_r2
; type: socket
; expect: REJECT R2 !read_ok
r1 = 1
call f
exit
f:
r0 = r1
r0 += r2
exit

### call_caller_reads_r1_after_call
; type: socket
; expect: REJECT R1 !read_ok
r1 = 1
call f
r0 = r1
exit
f:
r0 = 0
exit

### call_caller_reads_r5_after_call
; type: socket
; expect: REJECT R5 !read_ok
r5 = 1
call f
r0 = r5
exit
f:
r0 = 0
exit

### call_callee_saved_registers_preserved
; type: socket
; expect: ACCEPT
r6 = 6
r7 = 7
r8 = 8
r9 = r1
call f
r0 = r6
r0 += r7
r0 += r8
r0 = *(u32 *)(r9 +0)
exit
f:
r6 = 0
r7 = 0
r8 = 0
r9 = 0
r0 = 0
exit

### call_pass_ctx_to_callee
; type: socket
; expect: ACCEPT
call f
exit
f:
r0 = *(u32 *)(r1 +0)
exit

### call_pass_stack_pointer_callee_writes_caller_stack
; type: socket
; expect: ACCEPT
r1 = r10
r1 += -8
call f
r0 = *(u64 *)(r10 -8)
exit
f:
r2 = 42
*(u64 *)(r1 +0) = r2
r0 = 0
exit

### call_callee_returns_own_stack_pointer
; type: socket
; expect: REJECT cannot return stack pointer to the caller
call f
r0 = 0
exit
f:
r0 = r10
r0 += -8
exit

### call_callee_returns_caller_stack_pointer
; type: socket
; expect: REJECT cannot return stack pointer to the caller
r1 = r10
call f
r0 = 0
exit
f:
r0 = r1
exit

### call_callee_returns_ctx_pointer
; type: socket
; expect: ACCEPT
call f
r0 = 0
exit
f:
r0 = r1
exit

### call_pass_map_value_or_null_deref_in_callee
; type: socket
; map: hash key=4 value=8 max=16
; expect: REJECT R1 invalid mem access 'map_value_or_null'
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r1 = r0
call f
exit
f:
r0 = *(u64 *)(r1 +0)
exit

### call_pass_map_value_checked_deref_in_callee
; type: socket
; map: hash key=4 value=8 max=16
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = r0
call f
out:
r0 = 0
exit
f:
r0 = *(u64 *)(r1 +0)
exit

### call_pass_packet_pointer_with_range
; type: tc
; expect: ACCEPT
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r4 = r2
r4 += 4
if r4 > r3 goto out
r1 = r2
call f
out:
r0 = 0
exit
f:
r0 = *(u32 *)(r1 +0)
exit

### call_recursive_self
; type: socket
; expect: REJECT the call stack of 9 frames is too deep
call f
exit
f:
r0 = 0
call f
exit

### call_recursive_mutual
; type: socket
; expect: REJECT the call stack of 9 frames is too deep
call f
exit
f:
call g
r0 = 0
exit
g:
call f
r0 = 0
exit

### call_recursion_bounded_by_counter
; type: socket
; expect: REJECT the call stack of 8 frames is too deep !
r1 = 0
call f
r0 = 0
exit
f:
if r1 > 2 goto done
r1 += 1
call f
done:
r0 = 0
exit

### call_recursion_never_taken
; type: socket
; expect: REJECT the call stack of 8 frames is too deep !
r1 = 1
if r1 == 1 goto out
call f
out:
r0 = 0
exit
f:
call f
r0 = 0
exit

### call_chain_8_frames_ok
; type: socket
; expect: ACCEPT
call f1
exit
f1:
call f2
exit
f2:
call f3
exit
f3:
call f4
exit
f4:
call f5
exit
f5:
call f6
exit
f6:
call f7
exit
f7:
r0 = 0
exit

### call_chain_9_frames_too_deep
; type: socket
; expect: REJECT the call stack of 9 frames is too deep
call f1
exit
f1:
call f2
exit
f2:
call f3
exit
f3:
call f4
exit
f4:
call f5
exit
f5:
call f6
exit
f6:
call f7
exit
f7:
call f8
exit
f8:
r0 = 0
exit

### call_combined_stack_512_ok
; type: socket
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -256) = r1
call f
exit
f:
r1 = 0
*(u64 *)(r10 -256) = r1
r0 = 0
exit

### call_combined_stack_too_large
; type: socket
; expect: REJECT combined stack size of 3 calls is 528. Too large
r1 = 0
*(u64 *)(r10 -256) = r1
call f
exit
f:
r1 = 0
*(u64 *)(r10 -256) = r1
call g
exit
g:
r1 = 0
*(u64 *)(r10 -8) = r1
r0 = 0
exit

### call_target_out_of_range
; type: socket
; expect: REJECT call to invalid destination
call pc+10
r0 = 0
exit

### call_target_negative_out_of_range
; type: socket
; expect: REJECT call to invalid destination
r0 = 0
call pc-5
exit

### call_subprog_jumps_into_main
; type: socket
; expect: REJECT jump out of range from insn 3 to 1
call f
exit
f:
r0 = 0
goto pc-3

### call_main_jumps_into_subprog
; type: socket
; expect: REJECT jump out of range from insn 1 to 4
r0 = 0
if r0 == 0x0 goto f
call f
exit
f:
r0 = 0
exit

### call_subprog_last_insn_not_exit
; type: socket
; expect: REJECT last insn is not an exit or jmp
call f
exit
f:
r0 = 0
r0 += 1

### call_subprog_unreachable
; type: socket
; expect: REJECT unreachable insn 2
r0 = 0
exit
f:
r0 = 1
exit

### call_same_subprog_twice_different_args
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
r6 = r0
r1 = r6
r2 = 0
call idx
r1 = r6
r2 = 8
call idx
out:
r0 = 0
exit
idx:
r1 += r2
r0 = *(u64 *)(r1 +0)
exit

### call_same_subprog_second_arg_out_of_bounds
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
r6 = r0
r1 = r6
r2 = 0
call idx
r1 = r6
r2 = 12
call idx
out:
r0 = 0
exit
idx:
r1 += r2
r0 = *(u64 *)(r1 +0)
exit

### call_helper_inside_subprog
; type: socket
; expect: ACCEPT
call f
exit
f:
call bpf_get_prandom_u32
r0 &= 1
exit

### call_ringbuf_reserved_in_subprog_leaks
; type: socket
; map: ringbuf max=4096
; before: Unreleased reference id=2 alloc_insn=7
; expect: REJECT BPF_EXIT instruction in main prog would lead to reference leak
call f
r0 = 0
exit
f:
r1 = map[id:0]
r2 = 8
r3 = 0
call bpf_ringbuf_reserve
r0 = 0
exit

### call_callee_spills_own_stack_pointer_into_caller_frame
; type: socket
; expect: REJECT cannot spill pointers to stack into stack frame of the caller
*(u64 *)(r10 -8) = 0
r1 = r10
r1 += -8
call leak
r0 = 0
exit
leak:
r2 = r10
r2 += -16
*(u64 *)(r1 +0) = r2
r0 = 0
exit

### call_callee_spills_caller_stack_pointer_into_caller_frame
; type: socket
; expect: REJECT cannot spill pointers to stack into stack frame of the caller
*(u64 *)(r10 -8) = 0
r1 = r10
r1 += -8
call store
r0 = 0
exit
store:
*(u64 *)(r1 +0) = r1
r0 = 0
exit

### call_callee_spills_caller_stack_pointer_into_own_frame
; type: socket
; expect: ACCEPT
*(u64 *)(r10 -8) = 0
r1 = r10
r1 += -8
call keep
r0 = 0
exit
keep:
*(u64 *)(r10 -8) = r1
r0 = 0
exit

### call_callee_stores_scalar_into_caller_frame
; type: socket
; expect: ACCEPT
*(u64 *)(r10 -8) = 0
r1 = r10
r1 += -8
call put
r0 = *(u64 *)(r10 -8)
exit
put:
r2 = 7
*(u64 *)(r1 +0) = r2
r0 = 0
exit

### call_callee_spills_ctx_into_caller_frame
; type: socket
; expect: ACCEPT
r6 = r1
*(u64 *)(r10 -8) = 0
r1 = r10
r1 += -8
r2 = r6
call putctx
r0 = 0
exit
putctx:
*(u64 *)(r1 +0) = r2
r0 = 0
exit
