; LD_IMM64 forms: 64-bit constants, map fds, direct map value pointers.

### ld_imm64_constant_full_width
; type: socket
; expect: ACCEPT
r0 = 0x123456789abcdef0 ll
r0 >>= 60
if r0 == 0x1 goto ok
r0 = *(u64 *)(r10 +8)
ok:
exit

### ld_imm64_negative_constant
; type: socket
; expect: ACCEPT
r0 = -2 ll
if r0 s< 0x0 goto ok
r0 = *(u64 *)(r10 +8)
ok:
r0 = 0
exit

### ld_imm64_map_fd_used_as_scalar_return
; type: socket
; map: array key=4 value=8 max=1
; expect: ACCEPT
r0 = map[id:0]
exit

### ld_imm64_map_fd_store_to_stack_and_reload
; type: socket
; map: hash key=4 value=8 max=1
; expect: ACCEPT
r1 = map[id:0]
*(u64 *)(r10 -16) = r1
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = *(u64 *)(r10 -16)
call bpf_map_lookup_elem
r0 = 0
exit

### ld_imm64_map_value_direct_read
; type: socket
; map: array key=4 value=16 max=1
; expect: ACCEPT
r1 = map[id:0][0]+8
r0 = *(u64 *)(r1 +0)
exit

### ld_imm64_map_value_direct_write
; type: socket
; map: array key=4 value=16 max=1
; expect: ACCEPT
r1 = map[id:0][0]+0
r0 = 1
*(u64 *)(r1 +8) = r0
r0 = 0
exit

### ld_imm64_map_value_direct_read_past_end
; type: socket
; map: array key=4 value=16 max=1
; before: invalid access to map value, value_size=16 off=16 size=8
; expect: REJECT R1 min value is outside of the allowed memory range
r1 = map[id:0][0]+8
r0 = *(u64 *)(r1 +8)
exit

### ld_imm64_map_value_direct_offset_past_value
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT invalid access to map value pointer, value_size=16 off=16
r1 = map[id:0][0]+16
r0 = 0
exit

### ld_imm64_map_value_direct_on_hash_map
; type: socket
; map: hash key=4 value=16 max=1
; expect: REJECT no direct value access support for this map type
r1 = map[id:0][0]+0
r0 = 0
exit

### ld_imm64_map_fd_not_a_map
; type: socket
; expect: REJECT fd 999 is not pointing to valid bpf_map
r1 = map[id:999]
r0 = 0
exit

### ld_imm64_map_value_pointer_not_null
; type: socket
; map: array key=4 value=16 max=1
; expect: ACCEPT
r1 = map[id:0][0]+0
if r1 == 0x0 goto out
r0 = *(u64 *)(r1 +0)
out:
r0 = 0
exit

### ld_imm64_map_value_direct_percpu_array
; type: socket
; map: percpu_array key=4 value=16 max=1
; expect: REJECT no direct value access support for this map type
r1 = map[id:0][0]+0
r0 = 0
exit

### ld_imm64_map_value_direct_array_of_two
; type: socket
; map: array key=4 value=16 max=2
; expect: REJECT invalid access to map value pointer, value_size=16 off=0
r1 = map[id:0][0]+0
r0 = 0
exit

### ld_imm64_map_value_direct_offset_in_dead_code
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT invalid access to map value pointer, value_size=16 off=16
r0 = 0
exit
r1 = map[id:0][0]+16
exit

### ld_imm64_map_value_direct_offset_after_error
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT invalid access to map value pointer, value_size=16 off=16
r0 = r2
r1 = map[id:0][0]+16
r0 = 0
exit

### ld_imm64_map_value_direct_offset_not_allowed
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT direct value offset of 536870912 is not allowed
r1 = map[id:0][0]+536870912
r0 = 0
exit

### ld_imm64_map_value_direct_offset_in_sleepable_socket
; type: socket_s
; map: array key=4 value=16 max=1
; expect: REJECT invalid access to map value pointer, value_size=16 off=16
r1 = map[id:0][0]+16
r0 = 0
exit

### ld_imm64_unreachable_in_sleepable_socket
; type: socket_s
; expect: REJECT unreachable insn 2
r0 = 0
exit
r0 = 1
exit

### ld_imm64_map_value_direct_on_hash_in_sleepable_socket
; type: socket_s
; map: hash key=4 value=16 max=1
; expect: REJECT no direct value access support for this map type
r1 = map[id:0][0]+0
r0 = 0
exit
