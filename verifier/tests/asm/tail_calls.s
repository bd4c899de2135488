; A tail call made from a subprogram returns from it when it succeeds: the
; program called in its place returns to the subprogram's caller, with any
; value, and packet pointers do not survive it.

### tail_call_from_subprog_returns_any_value
; Without the early return the subprogram's `r0 = 0` would make the test
; decided and the bad read unreachable.
; type: socket
; map: prog_array key=4 value=4 max=1
; btf: funcs
; expect: REJECT R2 !read_ok
call sub
if r0 == 0 goto ok
r0 = r2
ok:
r0 = 0
exit
sub:
r2 = map[id:0]
r3 = 0
call bpf_tail_call
r0 = 0
exit

### tail_call_from_subprog_skips_its_store
; The caller's slot keeps the large offset when the call returns early.
; type: socket
; map: prog_array key=4 value=4 max=1
; btf: funcs
; expect: REJECT invalid read from stack R2 off=-1024 size=8
r6 = r1
r1 = -1024
*(u64 *)(r10 -8) = r1
r1 = r6
r2 = r10
r2 += -8
call sub
r1 = *(u64 *)(r10 -8)
r2 = r10
r2 += r1
r0 = *(u64 *)(r2 +0)
r0 = 0
exit
sub:
r6 = r2
r2 = map[id:0]
r3 = 0
call bpf_tail_call
r1 = -16
*(u64 *)(r6 +0) = r1
r0 = 0
exit

### tail_call_from_main_does_not_return
; In the main program a successful tail call never comes back: the value
; after it is the failed call's path only.
; type: socket
; map: prog_array key=4 value=4 max=1
; expect: ACCEPT
r2 = map[id:0]
r3 = 0
call bpf_tail_call
r0 = 0
exit

### tail_call_from_subprog_drops_packet_pointers
; type: tc
; map: prog_array key=4 value=4 max=1
; btf: funcs
; expect: REJECT R7 invalid mem access 'scalar'
r6 = r1
r7 = *(u32 *)(r6 +76)
r8 = *(u32 *)(r6 +80)
r0 = r7
r0 += 8
if r0 > r8 goto out
r1 = r6
call sub
r0 = *(u8 *)(r7 +0)
out:
r0 = 0
exit
sub:
r2 = map[id:0]
r3 = 0
call bpf_tail_call
r0 = 0
exit

### tail_call_in_subprog_without_btf
; Without BTF for its functions a subprogram may not tail call at all
; (checked before control flow, so before the uninitialised R2 is read).
; type: socket
; map: prog_array key=4 value=4 max=1
; expect: REJECT tail_call is not allowed in subprogs without BTF
r0 = r2
call sub
r0 = 0
exit
sub:
r2 = map[id:0]
r3 = 0
call bpf_tail_call
r0 = 0
exit

### tail_call_that_fails_keeps_the_packet
; The frame making a tail call goes on with its packet pointers when the
; call fails: only a caller it may return to loses them.
; type: tc
; map: prog_array key=4 value=4 max=1
; insns: 15
; expect: ACCEPT
r6 = r1
r7 = *(u32 *)(r6 +76)
r8 = *(u32 *)(r6 +80)
r0 = r7
r0 += 4
if r0 > r8 goto out
r1 = r6
r2 = map[id:0]
r3 = 0
call bpf_tail_call
r0 = *(u32 *)(r7 +0)
out:
r0 = 0
exit

### tail_call_in_a_subprogram_keeps_its_own_packet
; type: tc
; map: prog_array key=4 value=4 max=1
; btf: funcs
; insns: 20
; expect: ACCEPT
call sub
r0 = 0
exit
sub:
r6 = r1
r7 = *(u32 *)(r6 +76)
r8 = *(u32 *)(r6 +80)
r0 = r7
r0 += 4
if r0 > r8 goto out
r1 = r6
r2 = map[id:0]
r3 = 0
call bpf_tail_call
r0 = *(u32 *)(r7 +0)
out:
r0 = 0
exit

### tail_call_in_a_loop_callback_meets_the_kernels_internal_error
; A tail call that succeeds leaves the callback, whose R0 the kernel then
; makes precise from before the call: the walk reaches the helper that
; runs the callback still looking for R0, an internal error that wins over
; the return-range check.
; type: tc
; map: prog_array key=4 value=4 max=1
; btf: funcs
; expect: REJECT verifier bug: callback unexpected regs 1
*(u64 *)(r10 -8) = r1
r1 = 2
r2 = subprog[cb]
r3 = r10
r3 += -8
r4 = 0
call bpf_loop
r0 = 0
exit
cb:
r1 = *(u64 *)(r2 +0)
r2 = map[id:0]
r3 = 0
call bpf_tail_call
r0 = 1
exit
