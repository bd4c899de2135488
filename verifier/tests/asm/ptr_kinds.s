; Pointer kinds across paths: which pointers a test against 0 decides, and
; one load or store instruction reached through different kinds of pointer.

### ptr_ctx_compared_with_zero_both_sides_explored
; type: socket
; expect: REJECT R0 !read_ok
if r1 == 0x0 goto bad
r0 = 0
exit
bad:
exit

### ptr_stack_compared_with_zero_both_sides_explored
; type: socket
; expect: REJECT R0 !read_ok
r2 = r10
if r2 != 0x0 goto good
exit
good:
r0 = 0
exit

### ptr_map_value_compared_with_zero_decided
; type: socket
; map: array key=4 value=8 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
if r0 != 0x0 goto out
exit
out:
r0 = 0
exit

### same_insn_store_through_ctx_and_stack
; type: tc
; expect: REJECT same insn cannot be used with different pointers
r6 = r1
call bpf_get_prandom_u32
r1 = r6
if r0 == 0x0 goto store
r1 = r10
r1 += -16
store:
r2 = 42
*(u32 *)(r1 +8) = r2
r0 = 0
exit

### same_insn_immediate_store_through_ctx_and_stack
; type: tc
; expect: REJECT same insn cannot be used with different pointers
r6 = r1
call bpf_get_prandom_u32
r1 = r6
if r0 == 0x0 goto store
r1 = r10
r1 += -16
store:
*(u32 *)(r1 +8) = 42
r0 = 0
exit

### same_insn_load_through_ctx_and_stack
; type: tc
; expect: REJECT same insn cannot be used with different pointers
r6 = r1
call bpf_get_prandom_u32
r1 = r6
if r0 == 0x0 goto load
r2 = 0
*(u64 *)(r10 -8) = r2
r1 = r10
r1 += -16
load:
r0 = *(u32 *)(r1 +8)
r0 = 0
exit

### same_insn_load_through_stack_and_map_value_ok
; type: socket
; map: array key=4 value=8 max=1
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
r2 = r10
r2 += -8
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 != 0x0 goto load
r0 = r10
r0 += -8
load:
r0 = *(u32 *)(r0 +0)
r0 = 0
exit

### kernel_object_load_at_a_variable_offset_names_the_access_offset
; The refusal names the access's offset: the instruction's (3) and the
; pointer's fixed one (8) together.
; type: tracepoint
; expect: REJECT R0 is ptr_task_struct invalid variable offset: off=11, var_off=(0x0; 0x1)
call 158
r6 = *(u32 *)(r0 +0)
r6 &= 1
r0 += r6
r0 += 8
r0 = *(u8 *)(r0 +3)
r0 = 0
exit

### ptr_eq_stack_pointer_leaves_lookup_nullable
; A possibly-NULL pointer found equal to another pointer is not NULL only
; when the kernel holds the other one non-NULL (reg_not_null): the frame
; pointer is not among those, so the lookup's result stays nullable.
; type: socket
; map: hash key=4 value=8 max=1
; expect: REJECT R0 invalid mem access 'map_value_or_null'
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r1 = r10
if r0 == r1 goto eq
r0 = 0
exit
eq:
r0 = *(u64 *)(r0 +0)
r0 = 0
exit

### ptr_ne_ctx_pointer_leaves_lookup_nullable
; The same with the context pointer and the fall-through side of `!=`.
; type: socket
; map: hash key=4 value=8 max=1
; expect: REJECT R0 invalid mem access 'map_value_or_null'
r6 = r1
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r6 != r0 goto ne
r0 = *(u64 *)(r0 +0)
ne:
r0 = 0
exit

### ptr_eq_packet_pointer_leaves_lookup_nullable
; A packet pointer is not held non-NULL either.
; type: tc
; map: hash key=4 value=8 max=1
; expect: REJECT R0 invalid mem access 'map_value_or_null'
r6 = *(u32 *)(r1 +76)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == r6 goto eq
r0 = 0
exit
eq:
r0 = *(u64 *)(r0 +0)
r0 = 0
exit

### ptr_eq_map_pointer_makes_lookup_not_null
; A map pointer is held non-NULL: the result equal to it is not NULL.
; type: socket
; map: hash key=4 value=8 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r1 = map[id:0]
if r0 == r1 goto eq
r0 = 0
exit
eq:
r0 = *(u64 *)(r0 +0)
r0 = 0
exit
