; Control flow: unreachable code, jumps out of range, the last instruction,
; loops (infinite, bounded, too complex), may_goto.

### cfg_unreachable_after_exit
; type: socket
; expect: REJECT unreachable insn 2
r0 = 0
exit
r0 = 1
exit

### cfg_unreachable_dead_block_between_paths
; type: socket
; expect: REJECT unreachable insn 2
r0 = 0
goto l1
r0 = 1
r0 = 2
l1:
exit

### cfg_jump_out_of_range_forward
; type: socket
; expect: REJECT jump out of range from insn 1 to 7
r0 = 0
if r0 == 0x0 goto pc+5
exit

### cfg_jump_out_of_range_backward
; type: socket
; expect: REJECT jump out of range from insn 1 to -1
r0 = 0
goto pc-3
exit

### cfg_goto_minus_one_infinite_self_loop
; type: socket
; expect: REJECT infinite loop detected at insn 1
r0 = 0
goto pc-1

### cfg_jump_into_middle_of_ld_imm64
; type: socket
; expect: REJECT jump into the middle of ldimm64 insn 2
r0 = 0
if r0 == 0x0 goto pc+1
r1 = 0x100000000 ll
r0 = 0
exit

### cfg_last_insn_not_exit
; type: socket
; expect: REJECT last insn is not an exit or jmp
r0 = 0

### cfg_last_insn_is_conditional_jump
; type: socket
; expect: REJECT last insn is not an exit or jmp
r0 = 0
if r0 == 0x0 goto pc-2

### cfg_last_insn_is_backward_goto_ok_shape
; type: socket
; expect: ACCEPT
r0 = 0
goto l2
l1:
exit
l2:
goto l1

### cfg_fall_through_past_end
; type: socket
; expect: REJECT last insn is not an exit or jmp
r0 = *(u32 *)(r1 +0)
if r0 == 0x0 goto out
exit
out:
r0 = 1

### cfg_infinite_loop_constant_reset_each_iteration
; type: socket
; expect: REJECT infinite loop detected at insn 3
r6 = *(u32 *)(r1 +0)
r0 = 0
if r6 == 0x0 goto out
loop:
r0 = 1
goto loop
out:
exit

### cfg_infinite_loop_same_state
; type: socket
; expect: REJECT infinite loop detected at insn 2
r1 = *(u32 *)(r1 +0)
r0 = 0
loop:
if r1 == 0x5 goto out
goto loop
out:
exit

### cfg_bounded_loop_count_to_10
; type: socket
; expect: ACCEPT
r0 = 0
loop:
r0 += 1
if r0 < 10 goto loop
exit

### cfg_bounded_loop_jmp32_count_down
; type: socket
; expect: ACCEPT
w0 = 100
loop:
w0 -= 1
if w0 != 0x0 goto loop
exit

### cfg_bounded_loop_sums_stack_array
; type: socket
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
r0 = 0
r2 = 0
loop:
r3 = r10
r3 += -32
r4 = r2
r4 <<= 3
r3 += r4
r5 = *(u64 *)(r3 +0)
r0 += r5
r2 += 1
if r2 < 4 goto loop
exit

### cfg_bounded_loop_off_by_one_overruns_stack
; type: socket
; expect: REJECT invalid read from stack R3 off=0 size=8
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
r0 = 0
r2 = 0
loop:
r3 = r10
r3 += -16
r4 = r2
r4 <<= 3
r3 += r4
r5 = *(u64 *)(r3 +0)
r0 += r5
r2 += 1
if r2 <= 2 goto loop
exit

### cfg_may_goto_loop_ok
; type: socket
; expect: ACCEPT
r0 = 0
loop:
may_goto out
r0 += 1
goto loop
out:
exit

### cfg_may_goto_unbounded_counter_loop_ok
; type: socket
; expect: ACCEPT
r1 = *(u32 *)(r1 +0)
r0 = 0
loop:
may_goto out
r0 += 1
if r0 != r1 goto loop
out:
exit

### cfg_may_goto_jump_out_of_range
; type: socket
; expect: REJECT jump out of range from insn 1 to 7
r0 = 0
may_goto pc+5
exit

### cfg_may_goto_forward_skip
; type: socket
; expect: ACCEPT
r0 = 0
may_goto l1
r0 = 1
l1:
exit

### cfg_nested_bounded_loops
; type: socket
; expect: ACCEPT
r0 = 0
r1 = 0
outer:
r2 = 0
inner:
r0 += 1
r2 += 1
if r2 < 3 goto inner
r1 += 1
if r1 < 3 goto outer
exit

### cfg_functions_calling_each_other_never_called
; Two functions that call each other but that no path of the main
; program calls: the kernel walks the graph from the main program along
; its calls, so their instructions are unreachable.
; type: socket
; expect: REJECT unreachable insn 2
r0 = 0
exit
f:
call g
r0 = 0
exit
g:
call f
r0 = 0
exit

### cfg_function_called_from_dead_code_only
; type: socket
; expect: REJECT unreachable insn 2
r0 = 0
exit
call f
exit
f:
r0 = 0
exit

### cfg_jump_into_a_64bit_load_never_entered
; A jump into an LD_IMM64's second slot whose first slot no path reaches:
; the kernel's last pass of check_cfg, in index order, finds the first
; slot unreachable before it looks at the second.
; type: socket
; expect: REJECT unreachable insn 2
r0 = 0
goto pc+2
r1 = 0x100000002 ll
exit
