; Linked scalars: a copy of an unknown number (by move or through a stack
; spill) shares its identity, so a test on one narrows the other.

### linked_mov_copy_learns_from_test
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r1 = r0
if r1 != 0x0 goto out
if r0 == 0x0 goto out
r0 = *(u64 *)(r9 +0)
out:
r0 = 0
exit

### linked_mov32_copy_of_narrow_value_learns_from_test
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r0 &= 0xffff
w1 = w0
if w1 != 0x0 goto out
if r0 == 0x0 goto out
r0 = *(u64 *)(r9 +0)
out:
r0 = 0
exit

### linked_mov32_copy_of_unknown_u64_is_not_linked
; type: socket
; expect: REJECT R9 !read_ok
call bpf_get_prandom_u32
w1 = w0
if w1 != 0x0 goto out
if r0 == 0x0 goto out
r0 = *(u64 *)(r9 +0)
out:
r0 = 0
exit

### linked_mov32_copy_of_wide_value_is_not_linked
; type: socket
; expect: REJECT R9 !read_ok
call bpf_get_prandom_u32
r6 = r0
r6 <<= 1
w1 = w6
if w1 != 0x0 goto out
if r6 == 0x0 goto out
r0 = *(u64 *)(r9 +0)
out:
r0 = 0
exit

### linked_spill_fill_learns_from_test
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
*(u64 *)(r10 -8) = r0
r1 = *(u64 *)(r10 -8)
if r1 != 0x0 goto out
if r0 == 0x0 goto out
r0 = *(u64 *)(r9 +0)
out:
r0 = 0
exit

### linked_copy_unlinked_by_arithmetic
; type: socket
; expect: REJECT R9 !read_ok
call bpf_get_prandom_u32
r1 = r0
r1 *= 3
if r1 != 0x0 goto out
if r0 == 0x0 goto out
r0 = *(u64 *)(r9 +0)
out:
r0 = 0
exit
