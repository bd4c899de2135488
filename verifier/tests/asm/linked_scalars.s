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

### linked_add_const_learns_shifted
; type: socket
; r1 = r0 + 1 stays linked to r0: the test bounding r0 to [0, 8] bounds
; r1 to [1, 9], so fp-10 + r1 reads within the 16 bytes written.
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r1 = r0
r1 += 1
if r0 > 8 goto out
r2 = r10
r2 += -10
r2 += r1
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_add_const_second_add_unlinks
; type: socket
; A second constant added unlinks the copy: r1 stays unbounded.
; expect: REJECT math between fp pointer and register with unbounded min value is not allowed
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r1 = r0
r1 += 1
r1 += 1
if r0 > 7 goto out
r2 = r10
r2 += -10
r2 += r1
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_add_const_alu32_add
; type: socket
; A 32-bit addition to a scalar of at most 32 bits links too: r0 in
; [0, 8] bounds r1 = w(r0 + 1) to [1, 9].
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r0 &= 0xff
r1 = r0
w1 += 1
if r0 > 8 goto out
r2 = r10
r2 += -10
r2 += r1
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_add_const_negative
; type: socket
; r1 = r0 - 1 (a negative constant added) stays linked: r0 in [1, 8]
; bounds r1 to [0, 7].
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r1 = r0
r1 += -1
if r0 > 8 goto out
if r0 < 1 goto out
r2 = r10
r2 += -10
r2 += r1
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### linked_sub_const_learns_shifted
; type: socket
; r1 = r0 - 2 stays linked: r0 in [2, 9] bounds r1 to [0, 7].
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r1 = r0
r1 -= 2
if r0 > 9 goto out
if r0 < 2 goto out
r2 = r10
r2 += -10
r2 += r1
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit
