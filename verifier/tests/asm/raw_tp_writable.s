; Writable raw tracepoints: the first argument is the tracepoint's buffer
; (PTR_TO_TP_BUFFER, read whole from the context), read and written at
; constant non-negative offsets; its size is checked only at attach time.

### raw_tp_w_buffer_read_write
; type: raw_tp_w
; expect: ACCEPT
r6 = *(u64 *)(r1 +0)
r0 = *(u32 *)(r6 +4)
*(u64 *)(r6 +8) = r0
r6 += 16
*(u8 *)(r6 +0) = r0
r0 = 0
exit

### raw_tp_w_buffer_negative_offset
; type: raw_tp_w
; expect: REJECT R6 invalid tracepoint buffer access: off=-4, size=4
r6 = *(u64 *)(r1 +0)
r0 = *(u32 *)(r6 -4)
r0 = 0
exit

### raw_tp_w_buffer_variable_offset
; type: raw_tp_w
; expect: REJECT R6 invalid variable buffer offset: off=0, var_off=(0x0; 0xf)
r6 = *(u64 *)(r1 +0)
call bpf_get_prandom_u32
r0 &= 15
r6 += r0
r0 = *(u8 *)(r6 +0)
r0 = 0
exit

### raw_tp_w_buffer_narrow_read
; type: raw_tp_w
; expect: REJECT invalid bpf_context access off=0 size=4
r6 = *(u32 *)(r1 +0)
r0 = 0
exit

### raw_tp_w_other_args_narrow_read
; type: raw_tp_w
; expect: ACCEPT
r0 = *(u32 *)(r1 +8)
r0 = *(u16 *)(r1 +22)
r0 = 0
exit

### raw_tp_w_buffer_slot_write
; type: raw_tp_w
; expect: REJECT invalid bpf_context access off=0 size=8
r0 = 0
*(u64 *)(r1 +0) = r0
exit

### raw_tp_w_buffer_upper_half_is_a_number
; The kernel checks the buffer pointer only at its offset: the bytes after
; it read as a number (raw_tp_writable_prog_is_valid_access, then
; bpf_tracing_ctx_access), here its upper half.
; type: raw_tp_w
; expect: ACCEPT
r0 = *(u32 *)(r1 +4)
r0 = 0
exit

### raw_tp_w_buffer_byte_is_no_pointer
; type: raw_tp_w
; expect: REJECT R2 invalid mem access 'scalar'
r2 = *(u8 *)(r1 +1)
r0 = *(u8 *)(r2 +0)
r0 = 0
exit

### raw_tp_w_buffer_narrow_at_start
; type: raw_tp_w
; expect: REJECT invalid bpf_context access off=0 size=4
r0 = *(u32 *)(r1 +0)
r0 = 0
exit
