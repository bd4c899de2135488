; Pointer kinds across paths: which pointers a test against 0 decides.

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
