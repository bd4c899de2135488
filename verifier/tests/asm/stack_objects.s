; Where a kfunc finds an iterator or an IRQ flag it is passed: the slot the
; kernel's stack_slot_obj_get_spi computes from the register's constant
; offset, and what it logs when there is none (a flag or an iterator at
; fp+0 is above the frame like one at fp+8).

### irq_save_misaligned_flag
; type: syscall
; before: cannot pass in irq_flag at an offset=-12
; expect: REJECT expected uninitialized irq flag as arg#0
r1 = r10
r1 += -12
call bpf_local_irq_save
r0 = 0
exit

### irq_save_flag_at_a_variable_offset
; type: syscall
; before: irq_flag has to be at a constant offset
; expect: REJECT expected uninitialized irq flag as arg#0
call bpf_get_prandom_u32
r0 &= 8
r1 = r10
r1 += -16
r1 += r0
call bpf_local_irq_save
r0 = 0
exit

### irq_save_flag_above_the_frame
; type: syscall
; before: cannot pass in irq_flag at an offset=8
; expect: REJECT expected uninitialized irq flag as arg#0
r1 = r10
r1 += 8
call bpf_local_irq_save
r0 = 0
exit

### irq_save_flag_at_the_frame_pointer
; type: syscall
; before: cannot pass in irq_flag at an offset=0
; expect: REJECT expected uninitialized irq flag as arg#0
r1 = r10
call bpf_local_irq_save
r0 = 0
exit

### irq_restore_misaligned_flag
; type: syscall
; before: cannot pass in irq_flag at an offset=-4
; expect: REJECT expected an initialized irq flag as arg#0
r1 = r10
r1 += -8
call bpf_local_irq_save
r1 = r10
r1 += -4
call bpf_local_irq_restore
r0 = 0
exit

### irq_restore_through_the_frame_pointer
; type: syscall
; before: cannot pass in irq_flag at an offset=0
; expect: REJECT expected an initialized irq flag as arg#0
r1 = r10
r1 += -8
call bpf_local_irq_save
r1 = r10
call bpf_local_irq_restore
r0 = 0
exit

### iter_num_new_at_the_frame_pointer
; type: socket
; before: cannot pass in iter at an offset=0
; expect: REJECT expected uninitialized iter_num as arg #0
r1 = r10
r2 = 0
r3 = 4
call bpf_iter_num_new
r0 = 0
exit

### iter_num_next_through_the_frame_pointer
; type: socket
; before: cannot pass in iter at an offset=0
; expect: REJECT expected an initialized iter_num as arg #0
; insns: 7
r1 = r10
r1 += -8
r2 = 0
r3 = 4
call bpf_iter_num_new
loop:
r1 = r10
call bpf_iter_num_next
if r0 != 0 goto loop
r1 = r10
call bpf_iter_num_destroy
r0 = 0
exit

### irq_save_flag_below_the_stack
; type: syscall
; expect: REJECT invalid write to stack R1 off=-520 size=8
r1 = r10
r1 += -520
call bpf_local_irq_save
r0 = 0
exit

### iterator_read_at_a_variable_offset
; A load at a variable offset may read none of an iterator's bytes
; (check_stack_range_initialized); one at a fixed offset is refused too.
; type: syscall
; expect: REJECT invalid read from stack R1 var_off (0x0; 0x8)+8 size 8
r1 = r10
r1 += -16
r2 = 0
r3 = 10
call bpf_iter_num_new
call bpf_get_prandom_u32
r0 &= 8
r1 = r10
r1 += -24
r1 += r0
r2 = *(u64 *)(r1 +0)
r1 = r10
r1 += -16
call bpf_iter_num_destroy
r0 = 0
exit

### irq_flag_read_by_helper_at_a_variable_offset
; A helper's buffer it only writes, at a variable offset, is checked as
; read: no byte of saved IRQ flags in reach.
; type: syscall
; expect: REJECT invalid read from stack R1 var_off (0x0; 0x8)+16 size 16
r1 = r10
r1 += -8
call bpf_local_irq_save
call bpf_get_prandom_u32
r0 &= 8
r1 = r10
r1 += -24
r1 += r0
r2 = 16
r3 = 0
call bpf_probe_read_kernel
r1 = r10
r1 += -8
call bpf_local_irq_restore
r0 = 0
exit

### zero_store_at_a_variable_offset_scrubs_a_spill_slot
; A zero stored at a variable offset keeps a spilled zero, but on the
; first other byte of a spill slot the whole slot is scrubbed to data
; before the byte's kind is chosen: the zero byte at fp-4 is data then,
; and the byte read back is unknown (scrub_special_slot).
; type: socket
; expect: REJECT R3 invalid mem access 'scalar'
*(u32 *)(r10 -4) = 0
r1 = 0
*(u32 *)(r10 -8) = r1
call bpf_get_prandom_u32
r0 &= 4
r1 = r10
r1 += -8
r1 += r0
r2 = 0
*(u8 *)(r1 +0) = r2
r3 = *(u8 *)(r10 -4)
if r3 == 0x0 goto out
r0 = *(u64 *)(r3 +0)
out:
r0 = 0
exit

### dynptr_passed_by_its_second_slot
; A dynptr is found at its first slot only: fp-16 is the second slot of
; the dynptr at fp-24 (is_dynptr_reg_valid_init's first_slot).
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT Expected an initialized dynptr as arg #2
r1 = 0
*(u32 *)(r10 -28) = r1
r2 = r10
r2 += -28
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = r0
r2 = 16
r3 = 0
r4 = r10
r4 += -24
call bpf_dynptr_from_mem
r1 = r10
r1 += -40
r2 = 8
r3 = r10
r3 += -16
r4 = 0
r5 = 0
call bpf_dynptr_read
out:
r0 = 0
exit

### dynptr_overlapped_by_another_is_destroyed
; A dynptr made over the upper slot of another destroys the other whole:
; its lower slot names no dynptr afterwards.
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT Expected an initialized dynptr as arg #2
r1 = 0
*(u32 *)(r10 -36) = r1
r2 = r10
r2 += -36
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r6 = r0
r1 = r6
r2 = 16
r3 = 0
r4 = r10
r4 += -24
call bpf_dynptr_from_mem
r1 = r6
r2 = 16
r3 = 0
r4 = r10
r4 += -16
call bpf_dynptr_from_mem
r1 = r10
r1 += -32
r2 = 8
r3 = r10
r3 += -24
r4 = 0
r5 = 0
call bpf_dynptr_read
out:
r0 = 0
exit

### iter_bits_broken_at_its_upper_slot
; A two-slot iterator is checked in every slot: a byte stored into its
; upper slot breaks it (is_iter_reg_valid_init walks nr_slots).
; type: socket
; expect: REJECT expected an initialized iter_bits as arg #0
r1 = r10
r1 += -16
r2 = r10
r2 += -32
r3 = 2
call bpf_iter_bits_new
r1 = 0
*(u8 *)(r10 -8) = r1
r1 = r10
r1 += -16
call bpf_iter_bits_destroy
r0 = 0
exit

### iter_bits_passed_by_its_upper_slot
; Only an iterator's first slot names it: a pointer to its upper slot is
; no iterator.
; type: socket
; expect: REJECT expected an initialized iter_bits as arg #0
r1 = r10
r1 += -24
r2 = r10
r2 += -48
r3 = 2
call bpf_iter_bits_new
r1 = r10
r1 += -16
call bpf_iter_bits_next
r1 = r10
r1 += -24
call bpf_iter_bits_destroy
r0 = 0
exit

### iterator_made_over_a_dynptr_destroys_it
; An iterator's slots are written before they are marked: a dynptr whose
; upper slot they overlap is destroyed whole.
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT Expected an initialized dynptr as arg #0
r1 = 0
*(u32 *)(r10 -36) = r1
r2 = r10
r2 += -36
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = r0
r2 = 16
r3 = 0
r4 = r10
r4 += -24
call bpf_dynptr_from_mem
r1 = r10
r1 += -16
r2 = 0
r3 = 4
call bpf_iter_num_new
r1 = r10
r1 += -16
call bpf_iter_num_destroy
r1 = r10
r1 += -24
call bpf_dynptr_size
out:
r0 = 0
exit

### iterator_made_over_a_ringbuf_dynptr
; The write before an iterator is marked refuses to overwrite a
; referenced dynptr, as a store would.
; type: socket
; map: ringbuf max=4096
; expect: REJECT cannot overwrite referenced dynptr
r1 = map[id:0]
r2 = 8
r3 = 0
r4 = r10
r4 += -24
call bpf_ringbuf_reserve_dynptr
r1 = r10
r1 += -16
r2 = 0
r3 = 4
call bpf_iter_num_new
r1 = r10
r1 += -24
r2 = 0
call bpf_ringbuf_discard_dynptr
r0 = 0
exit
