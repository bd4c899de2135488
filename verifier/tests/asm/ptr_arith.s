; Pointer arithmetic: which operations on which pointer types are allowed.

### ptr_stack_plus_const_then_access
; type: socket
; expect: ACCEPT
r1 = r10
r1 += -16
r0 = 0
*(u64 *)(r1 +8) = r0
r0 = *(u64 *)(r1 +8)
exit

### ptr_scalar_plus_stack_pointer_commutes
; type: socket
; expect: ACCEPT
r1 = -8
r1 += r10
r0 = 0
*(u64 *)(r1 +0) = r0
exit

### ptr_stack_minus_stack_gives_scalar
; type: socket
; expect: ACCEPT
r1 = r10
r1 += -8
r2 = r10
r1 -= r2
r0 = r1
exit

### ptr_plus_ptr_prohibited
; type: socket
; expect: REJECT R1 pointer += pointer prohibited
r1 = r10
r1 += r10
r0 = 0
exit

### ptr_32bit_add_prohibited
; type: socket
; expect: REJECT R1 32-bit pointer arithmetic prohibited
r1 = r10
w1 += 8
r0 = 0
exit

### ptr_32bit_mov_makes_scalar
; type: socket
; expect: ACCEPT
w1 = w10
r1 += 8
r0 = 0
exit

### ptr_bitwise_and_prohibited
; type: socket
; expect: REJECT R1 bitwise operator &= on pointer prohibited
r1 = r10
r1 &= -8
r0 = 0
exit

### ptr_bitwise_or_prohibited
; type: socket
; expect: REJECT R1 bitwise operator |= on pointer prohibited
r1 = r10
r1 |= 1
r0 = 0
exit

### ptr_mul_prohibited
; type: socket
; expect: REJECT R1 pointer arithmetic with *= operator prohibited
r1 = r10
r1 *= 2
r0 = 0
exit

### ptr_lsh_prohibited
; type: socket
; expect: REJECT R1 pointer arithmetic with <<= operator prohibited
r1 = r10
r1 <<= 1
r0 = 0
exit

### ptr_neg_makes_scalar
; type: socket
; expect: ACCEPT
r1 = r10
r1 = -r1
r0 = 0
exit

### scalar_minus_ptr_prohibited
; type: socket
; expect: REJECT R1 tried to subtract pointer from scalar
r1 = 8
r1 -= r10
r0 = 0
exit

### ptr_arith_on_map_ptr_prohibited
; type: socket
; map: array key=4 value=8 max=1
; expect: REJECT R1 pointer arithmetic on map_ptr prohibited
r1 = map[id:0]
r1 += 8
r0 = 0
exit

### ptr_arith_on_map_value_or_null_prohibited
; type: socket
; map: hash key=4 value=8 max=1
; expect: REJECT R0 pointer arithmetic on map_value_or_null prohibited, null-check it first
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r0 += 4
r0 = 0
exit

### ptr_arith_on_pkt_end_prohibited
; type: xdp
; expect: REJECT R3 pointer arithmetic on pkt_end prohibited
r2 = *(u32 *)(r1 +0)
r3 = *(u32 *)(r1 +4)
r3 += -1
r0 = 0
exit

### ptr_arith_on_ctx_then_deref_disallowed
; type: socket
; expect: REJECT dereference of modified ctx ptr R1 off=4 disallowed
r1 += 4
r0 = *(u32 *)(r1 +0)
exit

### ptr_ctx_var_offset_access_disallowed
; type: socket
; expect: REJECT variable ctx access var_off=(0x0; 0x4) disallowed
r2 = *(u32 *)(r1 +0)
r2 &= 4
r1 += r2
r0 = *(u32 *)(r1 +0)
exit

### ptr_fp_plus_s32_scalar_out_of_bounds
; type: socket
; expect: REJECT value -2147483648 makes fp pointer be out of bounds
r2 = *(u32 *)(r1 +0)
r2 = (s32)r2
r1 = r10
r1 += r2
r0 = 0
exit

### ptr_fp_plus_huge_constant_out_of_bounds
; type: socket
; expect: REJECT math between fp pointer and 536870912 is not allowed
r1 = r10
r2 = 0x20000000
r1 += r2
r0 = 0
exit

### ptr_stack_var_offset_bounded_write_read
; type: socket
; expect: ACCEPT
r2 = *(u32 *)(r1 +0)
r2 &= 8
r2 += -16
r1 = r10
r1 += r2
r0 = 0
*(u64 *)(r1 +0) = r0
r0 = *(u64 *)(r1 +0)
exit

### ptr_map_value_minus_scalar_then_access_below
; type: socket
; map: array key=4 value=16 max=1
; before: invalid access to map value, value_size=16 off=-4 size=4
; expect: REJECT R0 min value is outside of the allowed memory range
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r0 += -4
r1 = *(u32 *)(r0 +0)
out:
r0 = 0
exit

### ptr_map_value_plus_const_access_inside
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
r0 += 8
r1 = *(u64 *)(r0 +0)
out:
r0 = 0
exit

### ptr_compare_stack_pointers_allowed
; type: socket
; expect: ACCEPT
r1 = r10
r2 = r10
r2 += -8
if r1 > r2 goto l1
l1:
r0 = 0
exit

### ptr_fp_plus_unbounded_u64_scalar
; type: socket
; expect: REJECT math between fp pointer and register with unbounded min value is not allowed
call bpf_ktime_get_ns
r2 = r0
r1 = r10
r1 += r2
r0 = 0
exit

### ptr_map_value_plus_unbounded_u64_scalar
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT math between map_value pointer and register with unbounded min value is not allowed
call bpf_ktime_get_ns
r6 = r0
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r0 += r6
out:
r0 = 0
exit

### ptr_movsx_of_pointer
; type: socket
; expect: ACCEPT
r1 = (s32)r10
r0 = 0
exit

### ptr_bswap_of_pointer
; type: socket
; expect: ACCEPT
r1 = r10
r1 = be16 r1
r0 = 0
exit

### ptr_sub_const_from_stack_pointer_prohibited
; type: socket
; expect: REJECT R1 subtraction from stack pointer prohibited
r1 = r10
r1 -= 16
r0 = 0
*(u64 *)(r1 +0) = r0
exit

### ptr_pkt_plus_const_then_check
; type: xdp
; expect: ACCEPT
r2 = *(u32 *)(r1 +0)
r3 = *(u32 *)(r1 +4)
r2 += 20
r4 = r2
r4 += 4
if r4 > r3 goto out
r0 = *(u32 *)(r2 +0)
out:
r0 = 2
exit

### ptr_pkt_minus_pkt_is_scalar
; type: xdp
; expect: ACCEPT
r2 = *(u32 *)(r1 +0)
r3 = *(u32 *)(r1 +4)
r3 -= r2
r0 = r3
r0 &= 3
exit

### ptr_deref_scalar
; type: socket
; expect: REJECT R1 invalid mem access 'scalar'
r1 = 0x1000
r0 = *(u64 *)(r1 +0)
exit

### ptr_store_through_map_ptr
; type: socket
; map: array key=4 value=8 max=1
; expect: REJECT only read from bpf_array is supported
r1 = map[id:0]
r2 = 0
*(u64 *)(r1 +0) = r2
r0 = 0
exit

### ptr_32bit_pkt_end_minus_pkt_is_scalar
; type: xdp
; expect: ACCEPT
r2 = *(u32 *)(r1 +0)
r3 = *(u32 *)(r1 +4)
w3 -= w2
r0 = r3
r0 &= 1
exit

### ptr_32bit_pkt_minus_scalar_is_scalar
; type: xdp
; expect: ACCEPT
r2 = *(u32 *)(r1 +0)
w2 -= 14
r0 = r2
r0 &= 1
exit

### ptr_32bit_scalar_minus_pkt_is_scalar
; type: xdp
; expect: ACCEPT
r2 = *(u32 *)(r1 +0)
w3 = 100
w3 -= w2
r0 = r3
r0 &= 1
exit

### ptr_32bit_sub_result_is_not_a_pointer
; type: xdp
; expect: REJECT R2 invalid mem access 'scalar'
r2 = *(u32 *)(r1 +0)
w2 -= 0
r0 = *(u8 *)(r2 +0)
exit

### stack_pointer_fixed_offset_out_of_range
; Each constant is in range, but the sum of fixed offsets is not: the
; kernel checks the result's fixed offset before its variable part.
; type: socket
; expect: REJECT fp pointer offset 1073741822 is not allowed
r1 = r10
r1 += 0x1fffffff
r1 += 0x1fffffff
r0 = 0
exit

### ptr_arith_result_out_of_range_names_the_pointer_offset
; The result of pointer arithmetic is checked as a pointer
; (check_reg_sane_offset_ptr): its minimum out of range is the pointer's
; offset, not the number's value. A difffuzz case (lwt_in, seed
; 0xdd018301ad6466b4).
; type: tc
; expect: REJECT ctx pointer offset -4294967295 is not allowed
r2 = *(u32 *)(r1 +48)
r1 -= r2
r0 = 0
exit

; A function's address may be moved; a helper refuses it moved (found by
; the fuzzer's callbacks).
### func_ptr_negative_offset
; type: socket
; expect: REJECT negative offset func ptr R2 off=-16 disallowed
r1 = 2
r2 = subprog[+7]
r2 += -16
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
r0 = 0
exit

### func_ptr_positive_offset
; type: socket
; expect: REJECT dereference of modified func ptr R2 off=16 disallowed
r1 = 2
r2 = subprog[+7]
r2 += 16
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
r0 = 0
exit

### func_ptr_offset_back_to_zero
; type: socket
; expect: ACCEPT
r1 = 2
r2 = subprog[+8]
r2 += 16
r2 += -16
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
r0 = 0
exit

### func_ptr_variable_offset
; type: socket
; expect: REJECT variable func access var_off=(0x0; 0x8) disallowed
r5 = *(u32 *)(r1 +0)
r5 &= 8
r1 = 2
r2 = subprog[+7]
r2 += r5
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
r0 = 0
exit

### func_ptr_sub_scalar
; type: socket
; expect: REJECT negative offset func ptr R2 off=-8 disallowed
r1 = 2
r2 = subprog[+7]
r2 -= 8
r3 = 0
r4 = 0
call bpf_loop
r0 = 0
exit
r0 = 0
exit

### func_ptr_arith_then_unused
; type: socket
; expect: ACCEPT
r2 = subprog[+4]
r2 += 8
r0 = 0
exit
r0 = 0
exit

### pointer_plus_scalar_keeps_no_32_bit_bounds
; type: socket
; map: array key=4 value=8 max=1
; The two paths add numbers of the same 64-bit range ([0, 0xffffffff])
; but other 32-bit ranges to the map value pointer: pointers carry no
; 32-bit bounds (adjust_ptr_min_max_vals), so the pointers are equal and
; the second path stops at the join.
; insns: 37
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r6 = r0
call bpf_get_prandom_u32
r7 = r0
r7 &= 15
if r0 > 0x64 goto b
w7 -= 8
goto join0
b:
w7 -= 9
join0:
r6 += r7
r7 = 0
r0 = 0
goto join
join:
r1 = r6
r1 = 1
r1 += 1
r1 += 1
r1 += 1
r1 += 1
r1 += 1
r1 += 1
r1 += 1
r1 += 1
r1 += 1
out:
r0 = 0
exit
