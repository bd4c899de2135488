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
