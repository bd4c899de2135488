; Pruning: where the kernel stores states and which stored state covers a
; path. Each case records the instructions the kernel processed (`; insns:`).

### prune_partial_spill_covers_full_spill
; A stored slot holding a 4-byte spill of an imprecise scalar and data
; bytes covers a slot holding an 8-byte spilled scalar: data bytes constrain
; nothing for a privileged loader, and the spilled scalars are imprecise.
; type: socket
; expect: ACCEPT
; insns: 14
call bpf_get_prandom_u32
r6 = r0
r7 = r0
r8 = r0
r9 = r0
if r6 > 5 goto pc+3
*(u32 *)(r10 -4) = r7
*(u32 *)(r10 -8) = r6
goto pc+2
*(u64 *)(r10 -8) = r6
goto pc+0
r0 = *(u32 *)(r10 -8)
exit
