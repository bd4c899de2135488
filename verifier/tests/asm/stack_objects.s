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
