; bpf_loop and other helpers with callbacks: their argument registers and
; return range, the rounds they run.

### loop_callback_returns_zero_ok
; type: socket
; expect: ACCEPT
r1 = 10
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r0 = 0
exit

### loop_callback_returns_one_ok
; type: socket
; expect: ACCEPT
r1 = 10
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r0 = 1
exit

### loop_callback_returns_out_of_range
; type: socket
; expect: REJECT At callback return the register R0 has smin=5 smax=5 should have been in [0, 1]
r1 = 10
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r0 = 5
exit

### loop_callback_returns_unknown_scalar
; type: socket
; expect: REJECT At callback return the register R0 has unknown scalar value should have been in [0, 1]
r1 = 10
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
call bpf_get_prandom_u32
exit

### loop_callback_r0_uninitialised
; type: socket
; expect: REJECT R0 not a scalar value
r1 = 10
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
exit

### loop_callback_returns_pointer
; type: socket
; expect: REJECT cannot return stack pointer to the caller
r1 = 10
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r0 = r10
exit

### loop_callback_arg_not_a_function
; type: socket
; expect: REJECT R2 type=scalar expected=func
r1 = 10
r2 = 0
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit

### loop_callback_ctx_is_stack_and_written
; type: socket
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = 10
r2 = subprog[cb]
r3 = r10
r3 += -8
r4 = 0
call bpf_loop
r0 = *(u64 *)(r10 -8)
exit
cb:
r3 = *(u64 *)(r2 +0)
r3 += r1
*(u64 *)(r2 +0) = r3
r0 = 0
exit

### loop_callback_ctx_is_program_ctx
; type: socket
; expect: REJECT R3 type=ctx expected=fp
r3 = r1
r1 = 10
r2 = subprog[cb]
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r0 = 0
exit

### loop_callback_reads_r3_uninitialised
; type: socket
; expect: REJECT R3 !read_ok
r1 = 10
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r0 = r3
r0 = 0
exit

### loop_callback_ctx_null_deref
; type: socket
; expect: REJECT R2 invalid mem access 'scalar'
r1 = 10
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r0 = *(u64 *)(r2 +0)
r0 = 0
exit

### loop_callback_index_unbounded_as_map_offset
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT math between map_value pointer and register with unbounded min value is not allowed
r1 = 10
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r6 = r1
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r0 += r6
r1 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### loop_nr_loops_unknown_ok
; type: socket
; expect: ACCEPT
r1 = *(u32 *)(r1 +0)
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r0 = 0
exit

### loop_flags_uninitialised
; type: socket
; expect: REJECT R4 !read_ok
r1 = 10
r2 = subprog[cb]
r3 = 0
call bpf_loop
r0 = 0
exit
cb:
r0 = 0
exit

### loop_callback_stack_too_deep_combined
; type: socket
; expect: REJECT combined stack size of 2 calls is 576. Too large
r1 = 0
*(u64 *)(r10 -504) = r1
r1 = 10
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r1 = 0
*(u64 *)(r10 -64) = r1
r0 = 0
exit

### loop_nested_bpf_loop_ok
; type: socket
; expect: ACCEPT
r1 = 3
r2 = subprog[outer]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
outer:
r1 = 3
r2 = subprog[inner]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
inner:
r0 = 1
exit

### loop_callback_infinite_loop_at_entry
; type: socket
; expect: REJECT infinite loop detected at insn 8
r1 = 10
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
goto cb

### loop_callback_bounded_loop_at_entry_ok
; type: socket
; expect: ACCEPT
r1 = 10
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r1 += 1
if r1 < 100 goto cb
r0 = 0
exit

### loop_count_bounds_rounds_ok
; type: socket
; bpf_loop(2, ...) runs its callback at most twice: the counter at fp-8
; ends at 0, 1 or 2, so fp-24 + 8 * counter stays in the 24 bytes written.
; The count is precise, and no third round is simulated.
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
r1 = 2
r2 = subprog[cb]
r3 = r10
r3 += -8
r4 = 0
call bpf_loop
r1 = *(u64 *)(r10 -8)
r1 <<= 3
r2 = r10
r2 += -24
r2 += r1
r0 = *(u64 *)(r2 +0)
r0 = 0
exit
cb:
r1 = *(u64 *)(r2 +0)
r1 += 1
*(u64 *)(r2 +0) = r1
r0 = 0
exit

### loop_count_bounds_rounds_one_too_many
; type: socket
; The same with bpf_loop(3, ...): the third round reads fp-24 + 24 = fp+0.
; expect: REJECT invalid read from stack R2 off=0 size=8
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
r1 = 3
r2 = subprog[cb]
r3 = r10
r3 += -8
r4 = 0
call bpf_loop
r1 = *(u64 *)(r10 -8)
r1 <<= 3
r2 = r10
r2 += -24
r2 += r1
r0 = *(u64 *)(r2 +0)
r0 = 0
exit
cb:
r1 = *(u64 *)(r2 +0)
r1 += 1
*(u64 *)(r2 +0) = r1
r0 = 0
exit

### find_vma_callback_context_is_r4
; type: raw_tp
; bpf_find_vma(task, addr, callback, ctx, flags): its callback gets the
; task in R1 and the context (the caller's R4) in R3.
; expect: ACCEPT
r5 = 0
*(u64 *)(r10 -8) = r5
call bpf_get_current_task_btf
r1 = r0
r2 = 0
r3 = subprog[cb]
r4 = r10
r4 += -8
r5 = 0
call bpf_find_vma
r0 = 0
exit
cb:
r1 = 1
*(u64 *)(r3 +0) = r1
r0 = 0
exit

### loop_count_precision_keeps_rounds_widened
; type: raw_tp
; The count is made precise at each round by tracing it back through the
; callback's frame; only the count becomes precise, so fp-16, -32 in one
; round and -31 in the next, is widened between rounds and its use found
; unbounded (the callback variant of the selftest absent_mark_in_the_middle_state).
; expect: REJECT math between fp pointer and register with unbounded min value is not allowed
call bpf_get_prandom_u32
r8 = r0
*(u64 *)(r10 -8) = r0
*(u64 *)(r10 -16) = -32
r1 = 7
r2 = subprog[cb]
r3 = r10
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r9 = r2
r8 = *(u64 *)(r9 -8)
r6 = *(u64 *)(r9 -16)
call bpf_get_prandom_u32
if r0 > r8 goto use
l1:
call bpf_get_prandom_u32
if r0 > r8 goto upd
l2:
r0 = 0
exit
use:
r1 = r10
r1 += r6
*(u64 *)(r1 +0) = 42
goto l1
upd:
*(u64 *)(r9 -16) = -31
goto l2

### find_vma_callback_gets_task_vma_and_context
; bpf_find_vma calls back with the task and the VMA (plain kernel pointers
; the callee may read) and the caller's fourth argument as its context.
; type: kprobe
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
call bpf_get_current_task_btf
r1 = r0
r2 = 0
r3 = subprog[cb]
r4 = r10
r4 += -8
r5 = 0
call bpf_find_vma
r0 = 0
exit
cb:
r0 = *(u64 *)(r1 +0)
r0 = *(u64 *)(r2 +0)
r0 = *(u64 *)(r3 +0)
r0 = 0
exit

### user_ringbuf_callback_gets_a_const_dynptr
; bpf_user_ringbuf_drain calls back with a const pointer to a local dynptr
; over the record: helpers may read through it but not release it.
; type: kprobe
; map: user_ringbuf max=4096
; expect: REJECT cannot release unowned const bpf_dynptr
r1 = map[id:0]
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_user_ringbuf_drain
r0 = 0
exit
cb:
r6 = r1
r1 = r10
r1 += -8
r2 = 8
r3 = r6
r4 = 0
r5 = 0
call bpf_dynptr_read
r1 = r6
r2 = 0
call bpf_ringbuf_discard_dynptr
r0 = 0
exit

### user_ringbuf_const_dynptr_moved
; A const dynptr pointer may be moved, but not passed on moved.
; type: kprobe
; map: user_ringbuf max=4096
; expect: REJECT dereference of modified dynptr_ptr ptr R3 off=8 disallowed
r1 = map[id:0]
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_user_ringbuf_drain
r0 = 0
exit
cb:
r3 = r1
r3 += 8
r1 = r10
r1 += -8
r2 = 8
r4 = 0
r5 = 0
call bpf_dynptr_read
r0 = 0
exit

### loop_callback_rounds_converge_at_the_call
; A callback returns to its call, which runs again: the call's stored state
; covers the caller after the second round (the caller's scalar the callback
; changes is widened), and the caller goes on after each round.
; type: socket
; expect: ACCEPT
; insns: 26
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = 100
r2 = subprog[cb]
r3 = r10
r3 += -8
r4 = 0
call bpf_loop
r0 = *(u64 *)(r10 -8)
r0 &= 1
exit
cb:
r1 = *(u64 *)(r2 +0)
r1 += 1
*(u64 *)(r2 +0) = r1
r0 = 0
exit

; A callback bpf_loop is asked to run no round is never entered: the kernel
; drops its instructions after verifying, and when other functions remain it
; fails to compile the reference to it (its internal error).
### loop_callback_never_called
; type: socket
; expect: ACCEPT
r1 = 0
r2 = subprog[+6]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
r0 = 0
exit

### loop_callback_called_once
; type: socket
; expect: ACCEPT
r1 = 1
r2 = subprog[+6]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
r0 = 0
exit

### loop_callback_maybe_never_called
; type: socket
; expect: ACCEPT
r1 = *(u32 *)(r1 +0)
r1 &= 1
r2 = subprog[+6]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
r0 = 0
exit

### loop_callback_never_called_beside_a_subprog
; type: socket
; expect: REJECT verifier bug: No program to jit at insn 29 (subprog < 0)
call pc+8
r1 = 0
r2 = subprog[+8]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
r0 = 1
exit
r0 = 0
exit

; The count of bpf_loop decides when its rounds end, so the kernel makes it
; precise: a pointer passed as the count fails that (its internal error).
; A callback never entered followed by another function: the reference
; names that one once the first is dropped, and the program loads.
### loop_count_is_a_pointer
; type: socket
; expect: REJECT verifier bug: backtracking misuse
r1 = r10
r2 = subprog[+6]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
r0 = 0
exit

### loop_callback_never_called_before_another
; type: socket
; expect: ACCEPT
r1 = 0
r2 = subprog[+12]
r3 = 0
r4 = 0
call bpf_loop
r1 = 2
r2 = subprog[+8]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
r0 = 1
exit
r0 = 0
exit

; A function called only from dead code is dropped too: a callback reference
; into a dropped run keeps its number, which then names no function.
### loop_callback_never_called_after_a_dead_call
; type: socket
; expect: REJECT verifier bug: No program to jit at insn 30 (subprog < 0)
r1 = 0
if r1 == 0x0 goto pc+1
call pc+9
r1 = 0
r2 = subprog[+9]
r3 = 0
r4 = 0
call bpf_loop
call pc+6
r0 = 0
exit
r0 = 0
exit
r0 = 0
exit
r0 = 0
exit

### loop_context_the_callback_never_reads_is_dead_at_a_join
; type: socket
; The first path leaves a pointer at fp-8, the second a number; both then
; pass fp-8 as bpf_loop's context, which the callback never reads. The
; helper reads none of its context itself, so fp-8 is dead at the join and
; the second path stops there.
; insns: 26
; expect: ACCEPT
call bpf_get_prandom_u32
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
if r0 > 0xa goto second
*(u64 *)(r10 -8) = r10
goto join
second:
r1 = 0
*(u64 *)(r10 -8) = r1
join:
r1 = 2
r2 = subprog[cb]
r3 = r10
r3 += -8
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r0 = 0
exit

### loop_context_the_callback_reads_is_live_at_a_join
; type: socket
; As above, but the callback loads fp-8 through its context and reads
; memory through it: fp-8 is live at the join, the second path goes on and
; the number is refused.
; expect: REJECT R1 invalid mem access 'scalar'
call bpf_get_prandom_u32
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
r8 = 0
if r0 > 0xa goto second
*(u64 *)(r10 -8) = r10
goto join
second:
r1 = 0
*(u64 *)(r10 -8) = r1
join:
r1 = 2
r2 = subprog[cb]
r3 = r10
r3 += -8
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r1 = *(u64 *)(r2 +0)
r0 = *(u64 *)(r1 -16)
r0 = 0
exit

### loop_count_stays_precise_in_the_callbacks_stored_states
; bpf_loop's count is precise at the call. When a round returns to the call
; and is covered there, the kernel traces the count back through the
; callback's body and marks it in the caller frame of the callback's stored
; states: a second path with another count (any of 0..1023 after 1023) is
; not covered inside the callback, and runs it again. (Found in Grafana
; Beyla's HTTP header scan, bpf_loop(buf_len, ...) with buf_len clamped.)
; type: socket
; expect: ACCEPT
; insns: 50
call bpf_get_prandom_u32
r1 = r0
if r1 <= 1023 goto pc+1
r1 = 1023
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
w0 = 1
w2 = 1
if w1 == 3 goto pc+1
w2 = 0
if w1 > 10 goto pc+1
w0 = 0
w0 |= w2
exit
