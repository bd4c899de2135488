; Map lookups, NULL checks, value bounds with constant and variable offsets.

### map_lookup_null_checked_read_write
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
r1 = *(u64 *)(r0 +0)
r1 += 1
*(u64 *)(r0 +0) = r1
out:
r0 = 0
exit

### map_lookup_not_null_checked_deref
; type: socket
; map: hash key=4 value=8 max=16
; expect: REJECT R0 invalid mem access 'map_value_or_null'
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = *(u64 *)(r0 +0)
exit

### map_lookup_null_check_inverted_branch
; type: socket
; map: hash key=4 value=8 max=16
; expect: REJECT R0 invalid mem access 'scalar'
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 != 0x0 goto out
r0 = *(u64 *)(r0 +0)
out:
r0 = 0
exit

### map_lookup_null_check_via_copy
; type: socket
; map: hash key=4 value=8 max=16
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r6 = r0
if r0 == 0x0 goto out
r0 = *(u64 *)(r6 +0)
out:
r0 = 0
exit

### map_lookup_null_check_on_spilled_copy_fill
; type: socket
; map: hash key=4 value=8 max=16
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
*(u64 *)(r10 -16) = r0
if r0 == 0x0 goto out
r1 = *(u64 *)(r10 -16)
r0 = *(u64 *)(r1 +0)
out:
r0 = 0
exit

### map_array_lookup_const_key_in_range_not_null
; type: socket
; map: array key=4 value=8 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = *(u64 *)(r0 +0)
exit

### map_array_lookup_narrow_spilled_key_one_not_null
; A key of 1 spilled in the slot's low 4 bytes is a constant key too.
; type: socket
; map: array key=4 value=8 max=2
; expect: REJECT R0 invalid mem access 'map_value_or_null'
; insns: 7
r1 = 1
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = *(u64 *)(r0 +0)
exit

### map_array_made_inner_lookup_may_fail
; An array made with BPF_F_INNER_MAP never elides the NULL check, even for
; a constant key in range (can_elide_value_nullness, a 6.18 stable fix).
; type: socket
; map: array key=4 value=8 max=1 flags=4096
; expect: REJECT R0 invalid mem access 'map_value_or_null'
; insns: 7
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = *(u64 *)(r0 +0)
exit

### map_percpu_lookup_may_fail_for_a_constant_key
; Only bpf_map_lookup_elem elides the check: bpf_map_lookup_percpu_elem
; fails for a CPU out of range whatever the key.
; type: socket
; map: percpu_array key=4 value=8 max=1
; expect: REJECT R0 invalid mem access 'map_value_or_null'
; insns: 8
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
r3 = 0
call bpf_map_lookup_percpu_elem
r0 = *(u64 *)(r0 +0)
exit

### map_percpu_array_lookup_ok
; type: socket
; map: percpu_array key=4 value=16 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(u64 *)(r0 +8)
out:
r0 = 0
exit

### map_value_read_past_end_const
; type: socket
; map: array key=4 value=8 max=1
; before: invalid access to map value, value_size=8 off=8 size=8
; expect: REJECT R0 min value is outside of the allowed memory range
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(u64 *)(r0 +8)
out:
r0 = 0
exit

### map_value_write_straddles_end
; type: socket
; map: array key=4 value=12 max=1
; before: invalid access to map value, value_size=12 off=8 size=8
; expect: REJECT R0 min value is outside of the allowed memory range
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = 0
*(u64 *)(r0 +8) = r1
out:
r0 = 0
exit

### map_value_read_negative_offset
; type: socket
; map: array key=4 value=8 max=1
; before: invalid access to map value, value_size=8 off=-4 size=4
; expect: REJECT R0 min value is outside of the allowed memory range
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(u32 *)(r0 -4)
out:
r0 = 0
exit

### map_value_misaligned_access_allowed
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
r1 = *(u64 *)(r0 +3)
out:
r0 = 0
exit

### map_value_var_index_unchecked
; type: socket
; map: array key=4 value=64 max=1
; expect: REJECT R0 unbounded memory access, make sure to bounds check any such access
r6 = *(u32 *)(r1 +0)
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

### map_value_var_index_checked_upper_bound
; type: socket
; map: array key=4 value=64 max=1
; expect: ACCEPT
r6 = *(u32 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
if r6 >= 64 goto out
r0 += r6
r1 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### map_value_var_index_off_by_one
; type: socket
; map: array key=4 value=64 max=1
; before: invalid access to map value, value_size=64 off=64 size=1
; expect: REJECT R0 max value is outside of the allowed memory range
r6 = *(u32 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
if r6 > 64 goto out
r0 += r6
r1 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### map_value_var_index_masked
; type: socket
; map: array key=4 value=64 max=1
; expect: ACCEPT
r6 = *(u32 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r6 &= 0x38
r0 += r6
r1 = *(u64 *)(r0 +0)
out:
r0 = 0
exit

### map_value_var_index_signed_negative
; type: socket
; map: array key=4 value=64 max=1
; expect: REJECT value -2147483648 makes map_value pointer be out of bounds
r6 = *(u32 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r6 = (s32)r6
if r6 s> 60 goto out
r0 += r6
r1 = *(u32 *)(r0 +0)
out:
r0 = 0
exit

### map_value_var_index_signed_both_bounds
; type: socket
; map: array key=4 value=64 max=1
; expect: ACCEPT
r6 = *(u32 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r6 = (s32)r6
if r6 s> 60 goto out
if r6 s< 0 goto out
r0 += r6
r1 = *(u32 *)(r0 +0)
out:
r0 = 0
exit

### map_value_var_index_unbounded_u64
; type: socket
; map: array key=4 value=64 max=1
; expect: REJECT R0 unbounded memory access, make sure to bounds check any such access
call bpf_get_prandom_u32
r6 = r0
r6 <<= 32
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
if r6 s< 0 goto out
r0 += r6
r1 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### map_value_store_pointer_allowed_for_root
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
*(u64 *)(r0 +0) = r0
out:
r0 = 0
exit

### map_update_and_delete
; type: socket
; map: hash key=4 value=8 max=16
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
*(u64 *)(r10 -16) = r1
r2 = r10
r2 += -4
r3 = r10
r3 += -16
r1 = map[id:0]
r4 = 0
call bpf_map_update_elem
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_delete_elem
r0 = 0
exit

### map_update_value_too_small_on_stack
; type: socket
; map: hash key=4 value=16 max=16
; expect: REJECT invalid read from stack R3 off=-8 size=16
r1 = 0
*(u32 *)(r10 -4) = r1
*(u64 *)(r10 -16) = r1
r2 = r10
r2 += -4
r3 = r10
r3 += -8
r1 = map[id:0]
r4 = 0
call bpf_map_update_elem
r0 = 0
exit

### map_lookup_key_straddles_frame_pointer
; type: socket
; map: hash key=8 value=8 max=16
; expect: REJECT invalid read from stack R2 off=-4 size=8
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = 0
exit

### map_lookup_key_uninitialised_stack_allowed_for_root
; type: socket
; map: hash key=4 value=8 max=16
; expect: ACCEPT
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = 0
exit

### map_lookup_key_is_scalar
; type: socket
; map: hash key=4 value=8 max=16
; expect: REJECT R2 type=scalar expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_
r2 = 0
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = 0
exit

### map_lookup_key_is_ctx
; type: socket
; map: hash key=4 value=8 max=16
; expect: REJECT R2 type=ctx expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_
r2 = r1
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = 0
exit

### map_lookup_key_from_map_value
; type: socket
; map: array key=4 value=8 max=1
; map: hash key=4 value=8 max=16
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r2 = r0
r1 = map[id:1]
call bpf_map_lookup_elem
out:
r0 = 0
exit

### map_lookup_key_map_value_too_small
; type: socket
; map: array key=4 value=4 max=1
; map: hash key=8 value=8 max=16
; before: invalid access to map value, value_size=4 off=0 size=8
; expect: REJECT R2 min value is outside of the allowed memory range
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r2 = r0
r1 = map[id:1]
call bpf_map_lookup_elem
out:
r0 = 0
exit

### map_lookup_arg1_not_map_ptr
; type: socket
; expect: REJECT R1 type=fp expected=map_ptr
r1 = r10
r2 = r10
r2 += -8
call bpf_map_lookup_elem
r0 = 0
exit

### map_lookup_arg1_scalar
; type: socket
; expect: REJECT R1 type=scalar expected=map_ptr
r1 = 0
r2 = r10
r2 += -8
call bpf_map_lookup_elem
r0 = 0
exit

### map_lookup_on_ringbuf_rejected
; type: socket
; map: ringbuf max=4096
; expect: REJECT invalid zero-sized read
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = 0
exit

### map_value_after_lookup_different_maps_merge
; type: socket
; map: array key=4 value=8 max=1
; map: array key=4 value=16 max=1
; expect: ACCEPT
r6 = *(u32 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
if r6 == 0 goto l1
r1 = map[id:1]
l1:
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(u64 *)(r0 +0)
out:
r0 = 0
exit

### map_ptr_read_through_pointer
; type: socket
; map: array key=4 value=8 max=1
; expect: ACCEPT
r1 = map[id:0]
r0 = *(u64 *)(r1 +0)
exit

### map_array_lookup_const_key_out_of_range_is_or_null
; type: socket
; map: array key=4 value=8 max=1
; expect: REJECT R0 invalid mem access 'map_value_or_null'
r1 = 1
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = *(u64 *)(r0 +0)
exit

### map_array_lookup_unknown_key_is_or_null
; type: socket
; map: array key=4 value=8 max=1
; expect: REJECT R0 invalid mem access 'map_value_or_null'
r1 = *(u32 *)(r1 +0)
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = *(u64 *)(r0 +0)
exit

### map_rdonly_prog_value_read_ok
; type: socket
; map: array key=4 value=8 max=1 rdonly_prog
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(u64 *)(r0 +0)
out:
r0 = 0
exit

### map_rdonly_prog_value_write_forbidden
; type: socket
; map: array key=4 value=8 max=1 rdonly_prog
; expect: REJECT write into map forbidden, value_size=8 off=0 size=8
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = 1
*(u64 *)(r0 +0) = r1
out:
r0 = 0
exit

### map_rdonly_prog_direct_value_atomic_forbidden
; type: socket
; map: array key=4 value=8 max=1 rdonly_prog
; expect: REJECT write into map forbidden, value_size=8 off=0 size=8
r1 = map[id:0][0]+0
r2 = 1
lock *(u64 *)(r1 +0) += r2
r0 = 0
exit

### map_rdonly_prog_update_from_program
; type: socket
; map: array key=4 value=8 max=1 rdonly_prog
; expect: REJECT write into map forbidden
r1 = 0
*(u32 *)(r10 -4) = r1
*(u64 *)(r10 -16) = r1
r2 = r10
r2 += -4
r3 = r10
r3 += -16
r4 = 0
r1 = map[id:0]
call bpf_map_update_elem
r0 = 0
exit

### map_wronly_prog_value_write_ok
; type: socket
; map: array key=4 value=8 max=1 flags=256
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = 1
*(u64 *)(r0 +0) = r1
out:
r0 = 0
exit

### map_wronly_prog_value_read_forbidden
; type: socket
; map: array key=4 value=8 max=1 flags=256
; expect: REJECT read from map forbidden, value_size=8 off=4 size=4
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r0 += 2
r1 = *(u32 *)(r0 +2)
out:
r0 = 0
exit

### map_wronly_prog_value_atomic_forbidden
; type: socket
; map: array key=4 value=8 max=1 flags=256
; expect: REJECT read from map forbidden, value_size=8 off=0 size=8
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = 1
lock *(u64 *)(r0 +0) += r1
out:
r0 = 0
exit

### map_ptr_read_negative_offset
; type: socket
; map: array key=4 value=48 max=1
; expect: REJECT R1 is bpf_array invalid negative access: off=-8
r1 = map[id:0]
r6 = *(u64 *)(r1 -8)
r0 = 1
exit

### map_ptr_write_negative_offset
; type: socket
; map: array key=4 value=48 max=1
; expect: REJECT R1 is bpf_array invalid negative access: off=-8
r1 = map[id:0]
r2 = 0
*(u64 *)(r1 -8) = r2
r0 = 1
exit

### map_value_equal_to_checked_value_is_not_null
; type: socket
; map: hash key=4 value=8 max=16
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r6 = r0
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
if r6 == 0x0 goto out
if r6 != r7 goto out
r0 = *(u64 *)(r7 +0)
out:
r0 = 0
exit

### map_value_different_from_checked_value_may_be_null
; type: socket
; map: hash key=4 value=8 max=16
; expect: REJECT R7 invalid mem access 'map_value_or_null'
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r6 = r0
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
if r6 == 0x0 goto out
if r6 == r7 goto out
r0 = *(u64 *)(r7 +0)
out:
r0 = 0
exit

; A bloom filter's peek tests for the value it is given: it reads the
; value (resolve_map_arg_type), so the stack keeps what was there, here
; an array key the lookup after it reads as a constant.
### bloom_peek_reads_its_value
; type: socket
; map: bloom_filter key=0 value=4 max=64
; map: array key=4 value=8 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r1 = 5
*(u32 *)(r10 -8) = r1
r2 = r10
r2 += -8
r1 = map[id:0]
call bpf_map_peek_elem
r2 = r10
r2 += -4
r1 = map[id:1]
call bpf_map_lookup_elem
r0 = *(u64 *)(r0 +0)
r0 = 0
exit

### bloom_peek_uninit_value
; type: socket
; map: bloom_filter key=0 value=4 max=64
; expect: ACCEPT
r2 = r10
r2 += -8
r1 = map[id:0]
call bpf_map_peek_elem
r0 = 0
exit
