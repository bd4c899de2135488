; Deep subprograms of tracing programs get no stack of their own from the
; oracle kernel's JIT: every frame counts towards the 512-byte limit
; (Options::private_stack is off).

### pstack_kprobe_main512_sub32
; type: kprobe
; expect: REJECT combined stack size of 2 calls is 544. Too large
r1 = 42
*(u64 *)(r10 -512) = r1
call sub
r0 = 0
exit
sub:
r1 = 0
*(u64 *)(r10 -32) = r1
r0 = 0
exit

### pstack_kprobe_main64_sub480
; type: kprobe
; expect: REJECT combined stack size of 2 calls is 544. Too large
r1 = 42
*(u64 *)(r10 -64) = r1
call sub
r0 = 0
exit
sub:
r1 = 0
*(u64 *)(r10 -480) = r1
r0 = 0
exit

### pstack_tracepoint_main512_sub32
; type: tracepoint
; expect: REJECT combined stack size of 2 calls is 544. Too large
r1 = 42
*(u64 *)(r10 -512) = r1
call sub
r0 = 0
exit
sub:
r1 = 0
*(u64 *)(r10 -32) = r1
r0 = 0
exit

