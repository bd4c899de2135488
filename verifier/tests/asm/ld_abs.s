; Legacy packet loads (LD_ABS/LD_IND) read the packet through R6, which must
; be the context pointer as it came in.

### ld_abs_through_moved_context_refused
; type: socket
; expect: REJECT dereference of modified ctx ptr R6 off=38 disallowed
r6 = r1
r6 += 38
r0 = *(u32 *)skb[28]
exit

### ld_abs_through_context_ok
; type: socket
; expect: ACCEPT
r6 = r1
r0 = *(u32 *)skb[28]
exit

; In a subprogram, a failed load returns 0 to the caller at once (the hidden
; exit of bpf_gen_ld_abs): the kernel follows that return first and queues
; the load's success.
### ld_abs_in_subprog_returns_first
; type: socket
; btf: funcs
; expect: REJECT R7 !read_ok
r6 = r1
r1 = r6
call pc+2
r0 = r7
exit
r6 = r1
r0 = *(u8 *)skb[0]
r0 = r8
exit

; A failed load in a subprogram returns to the caller, which still holds its
; references: only a load in the main program must hold none.
### ld_abs_in_subprog_with_caller_reference
; type: tc
; btf: funcs
; expect: ACCEPT
r6 = r1
*(u64 *)(r10 -16) = 0
*(u64 *)(r10 -8) = 0
r1 = r6
r2 = r10
r2 += -16
r3 = 12
r4 = -1
r5 = 0
call bpf_sk_lookup_tcp
r7 = r0
r1 = r6
call pc+5
if r7 == 0x0 goto pc+2
r1 = r7
call bpf_sk_release
r0 = 0
exit
r6 = r1
r0 = *(u8 *)skb[0]
r0 = 0
exit

; A subprogram left through a failed legacy packet load returns to its
; caller as an exit does, and precision walks back across that return into
; the subprogram (kfreg gave up instead, made every scalar of the path
; precise, and later met a call with an argument still traced: "verifier
; bug: backtracking call unexpected regs"). Found by the differential fuzzer
; (seed 0x33fce8a799f50321).
### ld_abs_subprog_return_is_walked_back_as_an_exit
; type: socket
; btf: funcs
; expect: ACCEPT
; insns: 48
r6 = r1
r2 = 0
r7 = 1
top:
may_goto out
r1 = r6
r2 = 32767
call f
if r7 < r7 goto back
*(u64 *)(r10 -24) = 0
*(u64 *)(r10 -16) = 0
r1 = 3
r2 = subprog[cb]
r3 = r10
r3 += -24
r4 = 0
call bpf_loop
back:
goto top
out:
r0 = 0
exit
f:
r6 = r1
r0 = *(u8 *)skb[44]
*(u64 *)(r10 -112) = 0
*(u64 *)(r10 -104) = 0
r1 = 4
r2 = subprog[cb]
r3 = r10
r3 += -112
r4 = 0
call bpf_loop
*(u8 *)(r10 -121) = r0
r0 = *(u16 *)skb[63]
w0 s%= w0
w0 s/= w0
r8 = 1
w0 %= -2147483648
r3 = 49
r0 |= r0
r0 = 0
exit
cb:
r0 = 0
exit
