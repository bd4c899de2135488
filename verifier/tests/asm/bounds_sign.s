; Bounds deduction when a signed range crosses the sign boundary and the
; unsigned range meets only one side of it.

### bounds_cross_sign_positive_overlap
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r0 = (s8)r0
r1 = -256
if r0 > r1 goto out
if r0 < 128 goto out
r10 = 0
out:
r0 = 0
exit

### bounds_cross_sign_two_overlaps
; type: socket
; expect: REJECT frame pointer is read only
call bpf_get_prandom_u32
r0 = (s8)r0
r1 = -128
if r0 > r1 goto out
if r0 < 128 goto out
r10 = 0
out:
r0 = 0
exit

### bounds_cross_sign_negative_overlap
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
r0 = (s8)r0
if r0 < 128 goto out
r1 = -100
if r0 s> r1 goto out
r1 = -128
if r0 s>= r1 goto out
r10 = 0
out:
r0 = 0
exit

### bounds_cross_sign_32bit
; type: socket
; expect: ACCEPT
call bpf_get_prandom_u32
w0 &= -1
if w0 > 0x80000003 goto out
if w0 s< -3 goto out
if w0 s> 5 goto out
if w0 <= 5 goto out
r10 = 0
out:
r0 = 0
exit
