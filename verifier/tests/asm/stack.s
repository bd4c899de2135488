; Stack access rules.

### stack_write_out_of_bounds
; type: socket
; expect: REJECT invalid write to stack R10 off=8 size=8
r0 = 0
*(u64 *)(r10 +8) = r0
exit

### stack_write_read_ok
; type: xdp
; expect: ACCEPT
r0 = 0
*(u64 *)(r10 -8) = r0
r0 = *(u64 *)(r10 -8)
exit

### stack_write_at_minus_512_ok
; type: socket
; expect: ACCEPT
r0 = 0
*(u64 *)(r10 -512) = r0
r0 = *(u64 *)(r10 -512)
exit

### stack_write_below_minus_512
; type: socket
; expect: REJECT invalid write to stack R10 off=-520 size=8
r0 = 0
*(u64 *)(r10 -520) = r0
exit

### stack_write_straddles_frame_pointer
; type: socket
; expect: REJECT misaligned stack access off 0+0+-4 size 8
r0 = 0
*(u64 *)(r10 -4) = r0
exit

### stack_write_misaligned
; type: socket
; expect: REJECT misaligned stack access off 0+0+-6 size 4
r0 = 0
*(u32 *)(r10 -6) = r0
exit

### stack_read_misaligned
; type: socket
; expect: REJECT misaligned stack access off 0+0+-12 size 8
r0 = 0
*(u64 *)(r10 -8) = r0
*(u64 *)(r10 -16) = r0
r0 = *(u64 *)(r10 -12)
exit

### stack_read_uninitialised_allowed_for_root
; type: socket
; expect: ACCEPT
r0 = *(u64 *)(r10 -8)
exit

### stack_read_partially_initialised_allowed_for_root
; type: socket
; expect: ACCEPT
r0 = 0
*(u32 *)(r10 -8) = r0
r0 = *(u64 *)(r10 -8)
exit

### stack_read_out_of_bounds_above_fp
; type: socket
; expect: REJECT invalid read from stack R10 off=0 size=4
r0 = *(u32 *)(r10 +0)
exit

### stack_byte_stores_then_u64_read
; type: socket
; expect: ACCEPT
*(u8 *)(r10 -1) = 1
*(u8 *)(r10 -2) = 2
*(u16 *)(r10 -4) = 3
*(u32 *)(r10 -8) = 4
r0 = *(u64 *)(r10 -8)
exit

### stack_st_imm_store_and_read
; type: socket
; expect: ACCEPT
*(u64 *)(r10 -16) = 7
r0 = *(u64 *)(r10 -16)
exit

### stack_spill_fill_ctx_pointer
; type: socket
; expect: ACCEPT
*(u64 *)(r10 -8) = r1
r2 = *(u64 *)(r10 -8)
r0 = *(u32 *)(r2 +0)
exit

### stack_partial_fill_of_spilled_pointer
; type: socket
; expect: REJECT invalid size of register fill
*(u64 *)(r10 -8) = r1
r0 = *(u32 *)(r10 -8)
exit

### stack_partial_overwrite_of_spilled_pointer_then_deref
; type: socket
; expect: REJECT R2 invalid mem access 'scalar'
*(u64 *)(r10 -8) = r1
r0 = 0
*(u32 *)(r10 -8) = r0
r2 = *(u64 *)(r10 -8)
r0 = *(u32 *)(r2 +0)
exit

### stack_partial_overwrite_of_spilled_pointer_read_as_scalar
; type: socket
; expect: ACCEPT
*(u64 *)(r10 -8) = r1
r0 = 0
*(u8 *)(r10 -1) = r0
r0 = *(u64 *)(r10 -8)
exit

### stack_32bit_spill_of_pointer_invalid
; type: socket
; expect: REJECT invalid size of register spill
*(u32 *)(r10 -8) = r1
r0 = 0
exit

### stack_spill_fill_scalar_keeps_bounds
; type: socket
; map: array key=4 value=16 max=1
; expect: ACCEPT
r6 = *(u32 *)(r1 +0)
r6 &= 15
*(u64 *)(r10 -16) = r6
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(u64 *)(r10 -16)
r0 += r1
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### stack_32bit_spill_at_upper_half_of_slot_loses_value
; type: socket
; expect: REJECT invalid read from stack R10 off=8 size=8
w0 = 5
*(u32 *)(r10 -4) = r0
r0 = *(u32 *)(r10 -4)
if r0 == 5 goto ok
r0 = *(u64 *)(r10 +8)
ok:
exit

### stack_var_offset_read_uninitialised_allowed_for_root
; type: socket
; expect: ACCEPT
r2 = *(u32 *)(r1 +0)
r2 &= 8
r2 += -16
r1 = r10
r1 += r2
r0 = *(u64 *)(r1 +0)
exit

### stack_var_offset_read_initialised
; type: socket
; expect: ACCEPT
r0 = 0
*(u64 *)(r10 -8) = r0
*(u64 *)(r10 -16) = r0
r2 = *(u32 *)(r1 +0)
r2 &= 8
r2 += -16
r1 = r10
r1 += r2
r0 = *(u64 *)(r1 +0)
exit

### stack_var_offset_write_out_of_bounds
; type: socket
; expect: REJECT invalid variable-offset write to stack R1 var_off=(0x0; 0xff) off=-8 size=1
r2 = *(u32 *)(r1 +0)
r2 &= 0xff
r1 = r10
r1 += r2
r0 = 0
*(u8 *)(r1 -8) = r0
exit

### stack_store_pointer_to_stack_in_stack
; type: socket
; expect: ACCEPT
r1 = r10
r1 += -16
*(u64 *)(r10 -8) = r1
r2 = *(u64 *)(r10 -8)
r0 = 0
*(u64 *)(r2 +0) = r0
exit

### stack_write_via_unchecked_offset_pointer
; type: socket
; expect: REJECT invalid write to stack R1 off=-520 size=8
r1 = r10
r1 += -520
r0 = 0
*(u64 *)(r1 +0) = r0
exit

### stack_32bit_spill_fill_scalar_slot_aligned_keeps_value
; type: socket
; expect: ACCEPT
w0 = 5
*(u32 *)(r10 -8) = r0
r0 = *(u32 *)(r10 -8)
if r0 == 5 goto ok
r0 = *(u64 *)(r10 +8)
ok:
exit

### stack_upper_half_of_spilled_constant_is_unknown
; type: socket
; expect: REJECT R0 !read_ok
r1 = 0x500000005 ll
*(u64 *)(r10 -8) = r1
r2 = *(u32 *)(r10 -4)
if r2 == 5 goto ok
exit
ok:
r0 = 0
exit

### stack_narrow_spill_keeps_constant_key
; type: socket
; map: array key=4 value=8 max=2
; expect: ACCEPT
r1 = 1
*(u32 *)(r10 -8) = r1
r2 = r10
r2 += -8
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = *(u64 *)(r0 +0)
r0 = 0
exit

### stack_wide_spill_is_no_narrow_key
; type: socket
; map: array key=4 value=8 max=2
; expect: REJECT R0 invalid mem access 'map_value_or_null'
r1 = 1
*(u64 *)(r10 -8) = r1
r2 = r10
r2 += -8
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = *(u64 *)(r0 +0)
r0 = 0
exit

### stack_zero_size_helper_var_off_out_of_bounds
; type: socket
; expect: REJECT invalid variable-offset write to stack R1 var_off=(0x0; 0xffffffffffffffff) off=0 size=0
r0 = 0
*(u64 *)(r10 -16) = r0
*(u64 *)(r10 -8) = r0
r1 = *(u32 *)(r1 +0)
r1 &= 63
r1 += -16
r1 += r10
r2 = 0
r3 = 0
call bpf_probe_read_kernel
exit

### stack_zero_size_helper_in_bounds_ok
; type: socket
; expect: ACCEPT
r1 = r10
r1 += -8
r2 = 0
r3 = 0
call bpf_probe_read_kernel
r0 = 0
exit

### stack_zero_size_helper_below_stack
; type: socket
; expect: REJECT invalid write to stack R1 off=-520 size=0
r1 = r10
r1 += -520
r2 = 0
r3 = 0
call bpf_probe_read_kernel
r0 = 0
exit

### stack_zero_size_helper_at_frame_pointer
; A zero-sized access still starts at a byte that must be on the stack.
; type: socket
; expect: REJECT invalid write to stack R1 off=0 size=0
r1 = r10
r2 = 0
r3 = 0
call bpf_probe_read_kernel_str
r0 = 0
exit

### stack_zero_size_helper_non_null_scalar
; type: socket
; expect: REJECT R1 type=scalar expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_
r1 = 8
r2 = 0
r3 = 0
call bpf_probe_read_kernel
r0 = 0
exit

### stack_helper_reads_dynptr_slots
; type: socket
; map: ringbuf max=4096
; map: hash key=4 value=16 max=1
; expect: REJECT invalid read from stack R3 off -16+0 size 16
r1 = map[id:0]
r2 = 8
r3 = 0
r4 = r10
r4 += -16
call bpf_ringbuf_reserve_dynptr
r1 = 0
*(u32 *)(r10 -20) = r1
r1 = map[id:1]
r2 = r10
r2 += -20
r3 = r10
r3 += -16
r4 = 0
call bpf_map_update_elem
r1 = r10
r1 += -16
r2 = 0
call bpf_ringbuf_discard_dynptr
r0 = 0
exit

### stack_helper_writes_over_dynptr_slots
; type: socket
; map: ringbuf max=4096
; expect: REJECT potential write to dynptr at off=-16 disallowed
r1 = map[id:0]
r2 = 8
r3 = 0
r4 = r10
r4 += -16
call bpf_ringbuf_reserve_dynptr
r1 = r10
r1 += -32
r2 = 32
r3 = 0
call bpf_probe_read_kernel
r1 = r10
r1 += -16
r2 = 0
call bpf_ringbuf_discard_dynptr
r0 = 0
exit

### narrow_fill_keeps_known_low_bits
; A one-byte fill of a spilled scalar whose low byte is known zero reads
; zero (coerce_reg_to_size truncates the known bits), so the branch to the
; bad load is dead.
; type: xdp
; expect: ACCEPT
call bpf_get_prandom_u32
r0 &= 0xff00
*(u64 *)(r10 -8) = r0
r1 = *(u8 *)(r10 -8)
if r1 != 0 goto bad
r0 = 0
exit
bad:
r0 = *(u64 *)(r9 +0)
exit

### stack_write_at_unbounded_variable_offset
; A variable stack offset beyond the kernel's bound is refused before any
; range check, whatever the access size.
; type: socket
; expect: REJECT invalid unbounded variable-offset write to stack R3
r2 = *(u32 *)(r1 +0)
r2 <<= 3
r3 = r10
r3 += r2
*(u64 *)(r3 -8) = 0
r0 = 0
exit

### stack_write_at_misaligned_variable_offset
; The stack is always strictly aligned: a variable offset must keep the
; access aligned too, checked before its bounds.
; type: socket
; expect: REJECT misaligned stack access off (0x0; 0xffffffff)+0+-8 size 8
r2 = *(u32 *)(r1 +0)
r3 = r10
r3 += r2
*(u64 *)(r3 -8) = 0
r0 = 0
exit

### stack_zero_stored_off_a_slot_start_makes_the_register_precise
; A zero register stored at an offset that is not a slot's start is no
; spill: the bytes become zeros, which holds only while the register is
; exactly zero, so the kernel makes it precise (check_stack_write_fixed_off,
; the STACK_ZERO case). Here that precision reaches the may_goto loop's
; counter: its rounds are compared exactly and run through all eight
; values of `w8 & 7`. kfreg widened the counter and stopped after two
; rounds; with a counter that never repeats the kernel runs into its
; instruction limit where kfreg accepted (difffuzz false accept, seed
; 0x9d53f08e0c1668b5).
; type: socket
; expect: ACCEPT
; insns: 75
r6 = r1
r8 = 0
loop:
may_goto done
w8 += 3
w8 &= 7
*(u32 *)(r10 -36) = 1
goto loop
done:
r8 s>>= 28
*(u32 *)(r10 -12) = r8
r0 = 0
exit

### dynptr_variable_offset_store_over_referenced
; A store at a variable offset destroys any dynptr in its reach, which a
; referenced one may not be (check_stack_write_var_off).
; type: syscall
; map: ringbuf key=0 value=0 max=4096
; expect: REJECT cannot overwrite referenced dynptr
r1 = map[id:0]
r2 = 8
r3 = 0
r4 = r10
r4 += -16
call bpf_ringbuf_reserve_dynptr
call bpf_get_prandom_u32
r0 &= 15
r1 = r10
r1 += -16
r1 += r0
r2 = 0
*(u8 *)(r1 +0) = r2
r1 = r10
r1 += -16
r2 = 0
call bpf_ringbuf_submit_dynptr
r0 = 0
exit

### dynptr_variable_offset_store_over_unreferenced
; An unreferenced one is simply gone.
; type: syscall
; map: array key=4 value=16 max=1
; expect: REJECT Expected an initialized dynptr as arg #0
*(u32 *)(r10 -20) = 0
r1 = map[id:0]
r2 = r10
r2 += -20
call bpf_map_lookup_elem
if r0 == 0 goto out
r1 = r0
r2 = 8
r3 = 0
r4 = r10
r4 += -16
call bpf_dynptr_from_mem
call bpf_get_prandom_u32
r0 &= 15
r1 = r10
r1 += -16
r1 += r0
r2 = 0
*(u8 *)(r1 +0) = r2
r1 = r10
r1 += -16
call bpf_dynptr_size
out:
r0 = 0
exit

### dynptr_store_destroys_both_slots
; A store into one slot of a dynptr destroys both (destroy_if_dynptr_stack_slot):
; the other slot is then uninitialised stack, which a privileged program may read.
; type: syscall
; map: array key=4 value=16 max=1
; expect: ACCEPT
; insns: 17
*(u32 *)(r10 -20) = 0
r1 = map[id:0]
r2 = r10
r2 += -20
call bpf_map_lookup_elem
if r0 == 0 goto out
r1 = r0
r2 = 8
r3 = 0
r4 = r10
r4 += -16
call bpf_dynptr_from_mem
r2 = 0
*(u8 *)(r10 -16) = r2
r0 = *(u64 *)(r10 -8)
out:
r0 = 0
exit

### dynptr_store_into_second_slot_destroys_both
; The same through the slot the dynptr's pointer does not name.
; type: syscall
; map: array key=4 value=16 max=1
; expect: ACCEPT
; insns: 17
*(u32 *)(r10 -20) = 0
r1 = map[id:0]
r2 = r10
r2 += -20
call bpf_map_lookup_elem
if r0 == 0 goto out
r1 = r0
r2 = 8
r3 = 0
r4 = r10
r4 += -16
call bpf_dynptr_from_mem
r2 = 0
*(u8 *)(r10 -8) = r2
r0 = *(u64 *)(r10 -16)
out:
r0 = 0
exit

; A read grows the frame's stack as a write does (grow_stack_state from
; check_stack_access_within_bounds): the stack a call chain needs counts it.
### stack_depth_read_counts
; type: socket
; map: array key=4 value=48 max=4
; expect: REJECT combined stack size of 2 calls is 704. Too large
r2 = *(s8 *)(r10 -497)
r7 = 1
call pc+4
r7 += 1
if r7 s< 0x2 goto pc-3
r0 = 0
exit
r1 = map[id:0]
r2 = r10
r2 += -192
call bpf_map_lookup_elem
exit

### stack_depth_read_with_a_call
; type: socket
; expect: REJECT combined stack size of 2 calls is 528. Too large
r2 = *(u8 *)(r10 -497)
call pc+2
r0 = 0
exit
r0 = *(u64 *)(r10 -8)
exit

### stack_depth_helper_read_counts
; type: socket
; map: array key=4 value=48 max=4
; expect: REJECT combined stack size of 2 calls is 528. Too large
r1 = map[id:0]
r2 = r10
r2 += -400
call bpf_map_lookup_elem
call pc+2
r0 = 0
exit
r0 = *(u64 *)(r10 -128)
exit

; So does a helper's zero-sized read of the stack: the stack reaches its
; lowest byte.
### stack_depth_zero_sized_helper_read_counts
; type: tc
; expect: REJECT combined stack size of 2 calls is 576. Too large
r1 = r10
r1 += -256
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call bpf_csum_diff
call pc+2
r0 = 0
exit
*(u64 *)(r10 -320) = 0
r0 = 0
exit

### stack_pointer_moved_far_below_the_stack_reads_nothing
; type: socket
; A constant moves the frame pointer 2 MiB down (the offset is checked
; at the access, not the addition): the one-byte read there is refused
; with the whole offset.
; expect: REJECT invalid read from stack R1 off=-2097164 size=1
r9 = 1
*(u8 *)(r10 -16) = r9
r1 = r10
r1 += -2097148
r8 = *(u8 *)(r1 -16)
r0 = 0
exit

### stack_pointer_moved_far_below_the_stack_writes_nothing
; type: socket
; The same for an 8-byte write 1 MiB down.
; expect: REJECT invalid write to stack R1 off=-1048592 size=8
r9 = 1
*(u64 *)(r10 -16) = r9
r1 = r10
r1 += -1048576
*(u64 *)(r1 -16) = r9
r0 = 0
exit

### helper_write_at_variable_offset_keeps_a_spill_it_misses
; A helper writes 4 bytes somewhere in fp-20..fp-13: the uninitialised
; half of the slot below the 32-bit spill at fp-24 becomes unknown bytes,
; the spill stays (check_stack_range_initialized clobbers a spill only
; when the range covers one of its bytes), so the bad load is dead.
; type: kprobe
; expect: ACCEPT
call bpf_get_prandom_u32
r8 = r0
r8 &= 7
w1 = 3
*(u32 *)(r10 -24) = w1
r1 = r10
r1 += -20
r1 += r8
r2 = 4
r3 = 0
call bpf_probe_read_kernel
r2 = *(u32 *)(r10 -24)
if r2 == 3 goto out
r1 = 5
r0 = *(u64 *)(r1 +0)
out:
r0 = 0
exit

### helper_write_at_variable_offset_over_a_spill_clobbers_it
; The same write reaching the spill's own bytes makes it unknown.
; type: kprobe
; expect: REJECT R1 invalid mem access 'scalar'
call bpf_get_prandom_u32
r8 = r0
r8 &= 7
w1 = 3
*(u32 *)(r10 -24) = w1
r1 = r10
r1 += -24
r1 += r8
r2 = 4
r3 = 0
call bpf_probe_read_kernel
r2 = *(u32 *)(r10 -24)
if r2 == 3 goto out
r1 = 5
r0 = *(u64 *)(r1 +0)
out:
r0 = 0
exit

### helper_write_at_constant_offset_keeps_a_spill_it_misses
; check_mtu writes its length argument after reading it (not raw mode):
; at a constant offset over the uninitialised half of a slot, the 32-bit
; zero spilled in the other half stays.
; type: tc
; expect: ACCEPT
r6 = r1
*(u32 *)(r10 -8) = 0
r1 = r6
r2 = 0
r3 = r10
r3 += -4
r4 = 0
r5 = 0
call bpf_check_mtu
r2 = *(u32 *)(r10 -8)
if r2 == 0 goto out
r1 = 5
r0 = *(u64 *)(r1 +0)
out:
r0 = 0
exit

### kfunc_memory_keeps_a_spill_it_misses
; A kfunc's memory argument is read, then written the same way: the
; zero spilled in the other half of the tuple's slot stays.
; type: tc
; expect: ACCEPT
r6 = r1
*(u32 *)(r10 -8) = 0
*(u64 *)(r10 -24) = 0
*(u64 *)(r10 -32) = 0
r1 = r6
r2 = r10
r2 += -4
r3 = 4
r4 = r10
r4 += -32
r5 = 16
call bpf_skb_ct_lookup
if r0 == 0 goto check
r1 = r0
call bpf_ct_release
check:
r2 = *(u32 *)(r10 -8)
if r2 == 0 goto out
r1 = 5
r0 = *(u64 *)(r1 +0)
out:
r0 = 0
exit

### helper_fill_of_unknown_size_keeps_a_narrow_spill
; A helper filling memory (MEM_UNINIT) with a size that is not a constant
; is checked as writing after reading (check_mem_size_reg drops the raw
; mode): the zero bytes it may cover become unknown one by one and the
; one-byte spill below them stays, so the bad load is dead.
; type: kprobe
; expect: ACCEPT
call bpf_get_prandom_u32
r0 &= 63
r6 = r0
r1 = 0
*(u8 *)(r10 -1) = r1
*(u8 *)(r10 -2) = r1
*(u8 *)(r10 -3) = r1
*(u8 *)(r10 -4) = r1
*(u8 *)(r10 -5) = r1
*(u8 *)(r10 -6) = r1
*(u8 *)(r10 -7) = r1
*(u8 *)(r10 -8) = r6
r1 = r10
r1 += -7
r2 = r6
r2 &= 7
r3 = 0
call bpf_probe_read_kernel
r0 = *(u8 *)(r10 -8)
if r0 < 64 goto out
r0 = *(u64 *)(r0 +0)
out:
r0 = 0
exit

### helper_fill_of_unknown_size_over_an_iterator
; The same write may not cover an iterator: it is read first.
; type: syscall
; expect: REJECT invalid read from stack R1 off -8+0 size 7
r1 = r10
r1 += -8
r2 = 0
r3 = 10
call bpf_iter_num_new
call bpf_get_prandom_u32
r2 = r0
r2 &= 7
r1 = r10
r1 += -8
r3 = 0
call bpf_probe_read_kernel
r1 = r10
r1 += -8
call bpf_iter_num_destroy
r0 = 0
exit
