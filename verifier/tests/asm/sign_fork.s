; `dst &= K` and `dst |= K` on a scalar that is -1 or 0 split the path: one
; goes on with all ones, the other runs the instruction again with 0 (the
; kernel's maybe_fork_scalars), so each result is a constant.

### sign_fork_and32_decides_the_test
; w2 is 0 or -134; below 0 it is exactly -134.
; type: socket
; expect: ACCEPT
; insns: 12
call bpf_get_prandom_u32
w2 = w0
w2 s>>= 31
w2 &= -134
if w2 s> -1 goto out
if w2 != -136 goto out
r0 = r3
out:
r0 = 0
exit

### sign_fork_or32_decides_the_test
; type: socket
; expect: ACCEPT
; insns: 12
call bpf_get_prandom_u32
w2 = w0
w2 s>>= 31
w2 |= 133
if w2 == 133 goto out
if w2 == -1 goto out
r0 = r3
out:
r0 = 0
exit

### sign_fork_and64
; type: socket
; expect: ACCEPT
; insns: 12
call bpf_get_prandom_u32
r2 = r0
r2 <<= 32
r2 s>>= 63
r2 &= -134
if r2 == 0 goto out
if r2 == -134 goto out
r0 = r3
out:
r0 = 0
exit

### sign_fork_and_with_constant_register
; A register holding a constant splits the path as an immediate does.
; type: socket
; expect: ACCEPT
; insns: 12
call bpf_get_prandom_u32
w2 = w0
w2 s>>= 31
w4 = 12
w2 &= w4
if w2 == 0 goto out
if w2 == 12 goto out
r0 = r3
out:
r0 = 0
exit

### sign_fork_not_for_a_wider_range
; [-8, 7] is no sign mask: no split, the test stays open.
; type: socket
; expect: REJECT R3 !read_ok
call bpf_get_prandom_u32
w2 = w0
w2 s>>= 28
w2 &= -134
if w2 == 0 goto out
r0 = r3
out:
r0 = 0
exit

### sign_fork_not_for_xor
; type: socket
; expect: REJECT R3 !read_ok
call bpf_get_prandom_u32
w2 = w0
w2 s>>= 31
w2 ^= 5
if w2 == 5 goto out
if w2 == -6 goto out
r0 = r3
out:
r0 = 0
exit
