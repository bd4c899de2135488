; Ring buffer: reserve/submit/discard, acquired references and leaks.

### ringbuf_reserve_submit_ok
; type: socket
; map: ringbuf max=4096
; expect: ACCEPT
r1 = map[id:0]
r2 = 16
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
r1 = 7
*(u64 *)(r0 +8) = r1
r1 = r0
r2 = 0
call bpf_ringbuf_submit
out:
r0 = 0
exit

### ringbuf_reserve_discard_ok
; type: socket
; map: ringbuf max=4096
; expect: ACCEPT
r1 = map[id:0]
r2 = 8
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
r1 = r0
r2 = 0
call bpf_ringbuf_discard
out:
r0 = 0
exit

### ringbuf_reserve_non_constant_size
; type: socket
; map: ringbuf max=4096
; expect: REJECT R2 is not a known constant'
r2 = *(u32 *)(r1 +0)
r2 &= 0xff
r1 = map[id:0]
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
r1 = r0
r2 = 0
call bpf_ringbuf_discard
out:
r0 = 0
exit

### ringbuf_reserve_size_zero
; type: socket
; map: ringbuf max=4096
; expect: ACCEPT
r1 = map[id:0]
r2 = 0
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
r1 = r0
r2 = 0
call bpf_ringbuf_discard
out:
r0 = 0
exit

### ringbuf_reserve_without_null_check
; type: socket
; map: ringbuf max=4096
; expect: REJECT R0 invalid mem access 'ringbuf_mem_or_null'
r1 = map[id:0]
r2 = 8
r3 = 0
call bpf_ringbuf_reserve
r1 = 0
*(u64 *)(r0 +0) = r1
r1 = r0
r2 = 0
call bpf_ringbuf_submit
r0 = 0
exit

### ringbuf_reserve_leak
; type: socket
; map: ringbuf max=4096
; before: Unreleased reference id=2 alloc_insn=4
; expect: REJECT BPF_EXIT instruction in main prog would lead to reference leak
r1 = map[id:0]
r2 = 8
r3 = 0
call bpf_ringbuf_reserve
r0 = 0
exit

### ringbuf_reserve_leak_on_one_path
; type: socket
; map: ringbuf max=4096
; before: Unreleased reference id=2 alloc_insn=5
; expect: REJECT BPF_EXIT instruction in main prog would lead to reference leak
r6 = *(u32 *)(r1 +0)
r1 = map[id:0]
r2 = 8
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
if r6 == 0x0 goto out
r1 = r0
r2 = 0
call bpf_ringbuf_submit
out:
r0 = 0
exit

### ringbuf_submit_twice
; type: socket
; map: ringbuf max=4096
; expect: REJECT R1 type=scalar expected=ringbuf_mem
r1 = map[id:0]
r2 = 8
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
r6 = r0
r1 = r6
r2 = 0
call bpf_ringbuf_submit
r1 = r6
r2 = 0
call bpf_ringbuf_submit
out:
r0 = 0
exit

### ringbuf_use_after_submit
; type: socket
; map: ringbuf max=4096
; expect: REJECT R6 invalid mem access 'scalar'
r1 = map[id:0]
r2 = 8
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
r6 = r0
r1 = r6
r2 = 0
call bpf_ringbuf_submit
r1 = 0
*(u64 *)(r6 +0) = r1
out:
r0 = 0
exit

### ringbuf_submit_with_offset
; type: socket
; map: ringbuf max=4096
; expect: REJECT R1 must have zero offset when passed to release func or trusted arg to kfunc
r1 = map[id:0]
r2 = 16
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
r1 = r0
r1 += 8
r2 = 0
call bpf_ringbuf_submit
out:
r0 = 0
exit

### ringbuf_submit_or_null_pointer
; type: socket
; map: ringbuf max=4096
; expect: REJECT R1 type=ringbuf_mem_or_null expected=ringbuf_mem
r1 = map[id:0]
r2 = 8
r3 = 0
call bpf_ringbuf_reserve
r1 = r0
r2 = 0
call bpf_ringbuf_submit
r0 = 0
exit

### ringbuf_submit_stack_pointer
; type: socket
; expect: REJECT R1 type=fp expected=ringbuf_mem
r1 = r10
r1 += -8
r2 = 0
call bpf_ringbuf_submit
r0 = 0
exit

### ringbuf_write_past_reserved_size
; type: socket
; map: ringbuf max=4096
; before: invalid access to memory, mem_size=8 off=8 size=8
; expect: REJECT R0 min value is outside of the allowed memory range
r1 = map[id:0]
r2 = 8
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
r1 = 0
*(u64 *)(r0 +8) = r1
r1 = r0
r2 = 0
call bpf_ringbuf_submit
out:
r0 = 0
exit

### ringbuf_reserve_on_array_map
; type: socket
; map: array key=4 value=8 max=1
; expect: REJECT cannot pass map_type 2 into func bpf_ringbuf_reserve#131
r1 = map[id:0]
r2 = 8
r3 = 0
call bpf_ringbuf_reserve
r0 = 0
exit

### ringbuf_output_from_stack_ok
; type: socket
; map: ringbuf max=4096
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = map[id:0]
r2 = r10
r2 += -8
r3 = 8
r4 = 0
call bpf_ringbuf_output
r0 = 0
exit

### ringbuf_reference_survives_spill_fill
; type: socket
; map: ringbuf max=4096
; expect: ACCEPT
r1 = map[id:0]
r2 = 8
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
*(u64 *)(r10 -8) = r0
r1 = *(u64 *)(r10 -8)
r2 = 0
call bpf_ringbuf_discard
out:
r0 = 0
exit

### ringbuf_reserved_mem_passed_to_helper
; type: socket
; map: ringbuf max=4096
; expect: ACCEPT
r1 = map[id:0]
r2 = 16
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
r6 = r0
r1 = r0
r2 = 16
call bpf_trace_printk
r1 = r6
r2 = 0
call bpf_ringbuf_submit
out:
r0 = 0
exit

; A slice bpf_dynptr_slice takes of a ring-buffer dynptr holds the record's
; reference (check_kfunc_call: the slice's ref_obj_id is the dynptr's), so
; submitting the record kills it, as it kills bpf_dynptr_data's slices.
### ringbuf_dynptr_kfunc_slice_dies_with_the_record
; type: raw_tp
; map: ringbuf max=4096
; expect: REJECT R6 invalid mem access 'scalar'
; insns: 20
r1 = map[id:0]
r2 = 8
r3 = 0
r4 = r10
r4 += -16
call bpf_ringbuf_reserve_dynptr
r1 = r10
r1 += -16
r2 = 0
r3 = r10
r3 += -24
r4 = 8
call bpf_dynptr_slice
r6 = r0
r1 = r10
r1 += -16
r2 = 0
call bpf_ringbuf_submit_dynptr
if r6 == 0x0 goto out
r0 = *(u8 *)(r6 +0)
out:
r0 = 0
exit

; Its NULL check numbers the slice on its own: a NULL slice leaves the
; record held, to be discarded.
### ringbuf_dynptr_kfunc_slice_null_keeps_the_record
; type: raw_tp
; map: ringbuf max=4096
; expect: ACCEPT
; insns: 28
r1 = map[id:0]
r2 = 8
r3 = 0
r4 = r10
r4 += -16
call bpf_ringbuf_reserve_dynptr
r1 = r10
r1 += -16
r2 = 0
r3 = r10
r3 += -24
r4 = 8
call bpf_dynptr_slice
r6 = 0
if r0 == 0x0 goto discard
r6 = *(u8 *)(r0 +0)
discard:
r1 = r10
r1 += -16
r2 = 0
call bpf_ringbuf_discard_dynptr
r0 = r6
exit

; A store over a local dynptr kills the writable slices it gave
; (destroy_if_dynptr_stack_slot asks for plain PTR_TO_MEM)...
### local_dynptr_store_kills_its_writable_slice
; type: syscall
; map: array key=4 value=16 max=1
; expect: REJECT R0 invalid mem access 'scalar'
; insns: 21
*(u32 *)(r10 -20) = 0
r1 = map[id:0]
r2 = r10
r2 += -20
call bpf_map_lookup_elem
if r0 == 0 goto out
r1 = r0
r2 = 16
r3 = 0
r4 = r10
r4 += -16
call bpf_dynptr_from_mem
r1 = r10
r1 += -16
r2 = 0
r3 = 8
call bpf_dynptr_data
if r0 == 0 goto out
r1 = 0
*(u64 *)(r10 -16) = r1
*(u8 *)(r0 +0) = r1
out:
r0 = 0
exit

; ...but not the read-only ones.
### local_dynptr_store_keeps_its_read_only_slice
; type: syscall
; map: array key=4 value=16 max=1
; expect: ACCEPT
; insns: 26
*(u32 *)(r10 -20) = 0
r1 = map[id:0]
r2 = r10
r2 += -20
call bpf_map_lookup_elem
if r0 == 0 goto out
r1 = r0
r2 = 16
r3 = 0
r4 = r10
r4 += -16
call bpf_dynptr_from_mem
r1 = r10
r1 += -16
r2 = 0
r3 = r10
r3 += -32
r4 = 8
call bpf_dynptr_slice
if r0 == 0 goto out
r1 = 0
*(u64 *)(r10 -16) = r1
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit
