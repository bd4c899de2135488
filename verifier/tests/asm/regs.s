; Register rules: reading uninitialised registers, the read-only frame
; pointer, R0 at exit, caller-saved registers after a helper call.

### reg_r0_uninitialised_at_exit
; type: socket
; expect: REJECT R0 !read_ok
exit

### reg_r2_uninitialised_store_source
; type: socket
; expect: REJECT R2 !read_ok
*(u64 *)(r10 -8) = r2
r0 = 0
exit

### reg_r3_uninitialised_load_base
; type: socket
; expect: REJECT R3 !read_ok
r0 = *(u64 *)(r3 +0)
exit

### reg_r4_uninitialised_in_compare
; type: socket
; expect: REJECT R4 !read_ok
r0 = 0
if r4 > 0x1 goto out
out:
exit

### reg_r1_is_ctx_at_entry
; type: socket
; expect: ACCEPT
r0 = r1
r0 = *(u32 *)(r0 +0)
exit

### reg_write_to_r10_mov
; type: socket
; expect: REJECT frame pointer is read only
r10 = 0
r0 = 0
exit

### reg_write_to_r10_add
; type: socket
; expect: REJECT frame pointer is read only
r10 += -8
r0 = 0
exit

### reg_write_to_r10_load
; type: socket
; expect: REJECT frame pointer is read only
r0 = 0
*(u64 *)(r10 -8) = r0
r10 = *(u64 *)(r10 -8)
exit

### reg_write_to_r10_32bit
; type: socket
; expect: REJECT frame pointer is read only
w10 = 0
r0 = 0
exit

### reg_write_to_r10_ld_imm64
; type: socket
; expect: REJECT frame pointer is read only
r10 = 0x100000000 ll
r0 = 0
exit

### reg_r1_clobbered_by_helper_call
; type: socket
; expect: REJECT R1 !read_ok
call bpf_ktime_get_ns
r0 = r1
exit

### reg_r5_clobbered_by_helper_call
; type: socket
; expect: REJECT R5 !read_ok
r5 = 1
call bpf_get_prandom_u32
r0 = r5
exit

### reg_callee_saved_survive_helper_call
; type: socket
; expect: ACCEPT
r6 = 1
r7 = 2
r8 = 3
r9 = r1
call bpf_get_prandom_u32
r0 = r6
r0 += r7
r0 += r8
r0 = *(u32 *)(r9 +0)
exit

### reg_r11_is_invalid
; type: socket
; expect: REJECT R11 is invalid
r11 = 0
r0 = 0
exit

### reg_r12_is_invalid_as_source
; type: socket
; expect: REJECT R12 is invalid
r0 = r12
exit

### reg_r0_stack_pointer_at_exit_allowed_for_root
; type: socket
; expect: ACCEPT
r0 = r10
exit

### reg_r0_any_scalar_at_xdp_exit
; type: xdp
; expect: ACCEPT
r0 = 1000
exit

### reg_r0_ctx_pointer_at_raw_tp_exit
; type: raw_tp
; expect: ACCEPT
r0 = r1
exit

### reg_r0_scalar_at_syscall_exit
; type: syscall
; expect: ACCEPT
r0 = -1
exit

### reg_r11_destination_after_an_unread_source
; The source register is checked before the destination's number
; (check_reg_arg on the source first): an uninitialised source is the
; message.
; type: socket
; expect: REJECT R2 !read_ok
r11 = r2
r0 = 0
exit

### reg_r11_loaded_through_an_unread_pointer
; type: socket
; expect: REJECT R3 !read_ok
r11 = *(u64 *)(r3 +128)
r0 = 0
exit

### reg_r11_stored_from_an_unread_register
; type: socket
; expect: REJECT R4 !read_ok
*(u64 *)(r11 -8) = r4
r0 = 0
exit

### reg_r11_compared_with_an_unread_register
; type: socket
; expect: REJECT R11 is invalid
if r11 > r5 goto out
out:
r0 = 0
exit

### reg_r11_source_and_r12_destination
; Both numbers bad: the source's is reported.
; type: socket
; expect: REJECT R12 is invalid
if r12 > r11 goto out
out:
r0 = 0
exit
