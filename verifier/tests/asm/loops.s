; Loops whose rounds converge on states still being explored (may_goto,
; callbacks): what such a stop owes its path's precision (Linux 6.18's
; strongly connected components and backedges), how states are compared.

### loops_scc_backedge_precision_late_mark
; type: socket
; loop_state_deps2 of the selftests with may_goto for its iterators: at a
; may_goto whose earlier round is still being explored, imprecise scalars
; that changed become unknown (r8 after r8 = -25), so the unsafe write
; through fp+r8 is found as an unbounded offset.
; expect: REJECT math between fp pointer and register with unbounded min value is not allowed
r6 = 0
r7 = 0
r8 = -24
jloop:
may_goto jend
r6 = 0
r7 = 0
iloop:
may_goto iend
if r6 != 1 goto i1
r6 = 0
r7 = 1
goto iloop
i1:
if r6 != 0 goto iloop
r6 = 1
call bpf_get_prandom_u32
if r0 != 42 goto i2
goto iloop
i2:
if r7 != 1 goto iloop
r0 = r10
r0 += r8
r1 = 7
*(u64 *)(r0 +0) = r1
r0 = 0
exit
iend:
r6 = 0
r7 = 0
kloop:
may_goto kend
if r6 != 1 goto k1
r6 = 0
r7 = 1
goto kloop
k1:
if r6 != 0 goto kloop
r6 = 1
call bpf_get_prandom_u32
if r0 != 42 goto k2
goto kloop
k2:
if r7 != 1 goto kloop
r6 = 0
r8 = -25
goto kloop
kend:
goto jloop
jend:
r0 = 0
exit
