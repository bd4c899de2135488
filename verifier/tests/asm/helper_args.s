; Helper arguments swept by scripts/helper-arg-sweep.py (recorded with
; scripts/asm-kernel-verdicts.py --write): each helper called from tc, kprobe
; and syscall programs with every argument register holding one kind of
; value, or R1 the context and the others that kind. Kept here: the helpers
; whose cases once disagreed with the kernel (the tail call's map,
; bpf_spin_lock/unlock's argument types, the tracing socket-storage and
; d_path prototypes' allowed programs, bpf_loop's count taking any value,
; bpf_kptr_xchg on a map without BTF): --helpers 12,93,94,107,108,147,181,194.

### helper_args_tc_12_all_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 12
out:
r0 = 0
exit

### helper_args_tc_12_all_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 12
out:
r0 = 0
exit

### helper_args_tc_12_all_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 12
out:
r0 = 0
exit

### helper_args_tc_12_all_ctx
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 12
out:
r0 = 0
exit

### helper_args_tc_12_all_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_ptr expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 12
out:
r0 = 0
exit

### helper_args_tc_12_all_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_value expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 12
out:
r0 = 0
exit

### helper_args_tc_12_all_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT helper access to the packet is not allowed
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r9
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 12
out:
r0 = 0
exit

### helper_args_tc_12_ctx1_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 12
out:
r0 = 0
exit

### helper_args_tc_12_ctx1_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 12
out:
r0 = 0
exit

### helper_args_tc_12_ctx1_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=fp expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 12
out:
r0 = 0
exit

### helper_args_tc_12_ctx1_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT expected prog array map for tail call
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 12
out:
r0 = 0
exit

### helper_args_tc_12_ctx1_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_value expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 12
out:
r0 = 0
exit

### helper_args_tc_12_ctx1_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT helper access to the packet is not allowed
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r6
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 12
out:
r0 = 0
exit

### helper_args_tc_93_all_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 93
out:
r0 = 0
exit

### helper_args_tc_93_all_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 93
out:
r0 = 0
exit

### helper_args_tc_93_all_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 93
out:
r0 = 0
exit

### helper_args_tc_93_all_ctx
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 93
out:
r0 = 0
exit

### helper_args_tc_93_all_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_ptr expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 93
out:
r0 = 0
exit

### helper_args_tc_93_all_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT map 'map0' has to have BTF in order to use bpf_spin_lock
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 93
out:
r0 = 0
exit

### helper_args_tc_93_all_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT helper access to the packet is not allowed
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r9
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 93
out:
r0 = 0
exit

### helper_args_tc_93_ctx1_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 93
out:
r0 = 0
exit

### helper_args_tc_93_ctx1_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 93
out:
r0 = 0
exit

### helper_args_tc_93_ctx1_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 93
out:
r0 = 0
exit

### helper_args_tc_93_ctx1_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 93
out:
r0 = 0
exit

### helper_args_tc_93_ctx1_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 93
out:
r0 = 0
exit

### helper_args_tc_93_ctx1_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r6
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 93
out:
r0 = 0
exit

### helper_args_tc_94_all_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 94
out:
r0 = 0
exit

### helper_args_tc_94_all_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 94
out:
r0 = 0
exit

### helper_args_tc_94_all_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 94
out:
r0 = 0
exit

### helper_args_tc_94_all_ctx
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 94
out:
r0 = 0
exit

### helper_args_tc_94_all_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_ptr expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 94
out:
r0 = 0
exit

### helper_args_tc_94_all_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT map 'map0' has to have BTF in order to use bpf_spin_lock
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 94
out:
r0 = 0
exit

### helper_args_tc_94_all_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT helper access to the packet is not allowed
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r9
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 94
out:
r0 = 0
exit

### helper_args_tc_94_ctx1_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 94
out:
r0 = 0
exit

### helper_args_tc_94_ctx1_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 94
out:
r0 = 0
exit

### helper_args_tc_94_ctx1_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 94
out:
r0 = 0
exit

### helper_args_tc_94_ctx1_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 94
out:
r0 = 0
exit

### helper_args_tc_94_ctx1_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 94
out:
r0 = 0
exit

### helper_args_tc_94_ctx1_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r6
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 94
out:
r0 = 0
exit

### helper_args_tc_107_all_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 107
out:
r0 = 0
exit

### helper_args_tc_107_all_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 107
out:
r0 = 0
exit

### helper_args_tc_107_all_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 107
out:
r0 = 0
exit

### helper_args_tc_107_all_ctx
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 107
out:
r0 = 0
exit

### helper_args_tc_107_all_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_ptr expected=sock_common, sock, tcp_sock, xdp_sock, ptr_, trusted_ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 107
out:
r0 = 0
exit

### helper_args_tc_107_all_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_value expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 107
out:
r0 = 0
exit

### helper_args_tc_107_all_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT helper access to the packet is not allowed
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r9
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 107
out:
r0 = 0
exit

### helper_args_tc_107_ctx1_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 107
out:
r0 = 0
exit

### helper_args_tc_107_ctx1_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 107
out:
r0 = 0
exit

### helper_args_tc_107_ctx1_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 107
out:
r0 = 0
exit

### helper_args_tc_107_ctx1_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 107
out:
r0 = 0
exit

### helper_args_tc_107_ctx1_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 107
out:
r0 = 0
exit

### helper_args_tc_107_ctx1_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r6
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 107
out:
r0 = 0
exit

### helper_args_tc_108_all_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 108
out:
r0 = 0
exit

### helper_args_tc_108_all_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 108
out:
r0 = 0
exit

### helper_args_tc_108_all_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 108
out:
r0 = 0
exit

### helper_args_tc_108_all_ctx
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 108
out:
r0 = 0
exit

### helper_args_tc_108_all_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_ptr expected=sock_common, sock, tcp_sock, xdp_sock, ptr_, trusted_ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 108
out:
r0 = 0
exit

### helper_args_tc_108_all_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_value expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 108
out:
r0 = 0
exit

### helper_args_tc_108_all_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT helper access to the packet is not allowed
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r9
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 108
out:
r0 = 0
exit

### helper_args_tc_108_ctx1_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 108
out:
r0 = 0
exit

### helper_args_tc_108_ctx1_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 108
out:
r0 = 0
exit

### helper_args_tc_108_ctx1_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 108
out:
r0 = 0
exit

### helper_args_tc_108_ctx1_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 108
out:
r0 = 0
exit

### helper_args_tc_108_ctx1_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 108
out:
r0 = 0
exit

### helper_args_tc_108_ctx1_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r6
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 108
out:
r0 = 0
exit

### helper_args_tc_181_all_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 181
out:
r0 = 0
exit

### helper_args_tc_181_all_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 181
out:
r0 = 0
exit

### helper_args_tc_181_all_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=fp expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 181
out:
r0 = 0
exit

### helper_args_tc_181_all_ctx
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=ctx expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 181
out:
r0 = 0
exit

### helper_args_tc_181_all_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_ptr expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 181
out:
r0 = 0
exit

### helper_args_tc_181_all_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_value expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 181
out:
r0 = 0
exit

### helper_args_tc_181_all_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT helper access to the packet is not allowed
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r9
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 181
out:
r0 = 0
exit

### helper_args_tc_181_ctx1_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 181
out:
r0 = 0
exit

### helper_args_tc_181_ctx1_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 181
out:
r0 = 0
exit

### helper_args_tc_181_ctx1_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=fp expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 181
out:
r0 = 0
exit

### helper_args_tc_181_ctx1_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_ptr expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 181
out:
r0 = 0
exit

### helper_args_tc_181_ctx1_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_value expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 181
out:
r0 = 0
exit

### helper_args_tc_181_ctx1_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT helper access to the packet is not allowed
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r6
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 181
out:
r0 = 0
exit

### helper_args_tc_194_all_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 194
out:
r0 = 0
exit

### helper_args_tc_194_all_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 194
out:
r0 = 0
exit

### helper_args_tc_194_all_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 194
out:
r0 = 0
exit

### helper_args_tc_194_all_ctx
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 194
out:
r0 = 0
exit

### helper_args_tc_194_all_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_ptr expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 194
out:
r0 = 0
exit

### helper_args_tc_194_all_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT map 'map0' has to have BTF in order to use bpf_kptr_xchg
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 194
out:
r0 = 0
exit

### helper_args_tc_194_all_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT helper access to the packet is not allowed
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r9
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 194
out:
r0 = 0
exit

### helper_args_tc_194_ctx1_null
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 194
out:
r0 = 0
exit

### helper_args_tc_194_ctx1_scalar
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 194
out:
r0 = 0
exit

### helper_args_tc_194_ctx1_stack
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 194
out:
r0 = 0
exit

### helper_args_tc_194_ctx1_map
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 194
out:
r0 = 0
exit

### helper_args_tc_194_ctx1_mapval
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 194
out:
r0 = 0
exit

### helper_args_tc_194_ctx1_pkt
; type: tc
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r2 = *(u32 *)(r6 +76)
r3 = *(u32 *)(r6 +80)
r4 = r2
r4 += 64
if r4 > r3 goto out
r9 = r2
r1 = r6
r2 = r9
r3 = r9
r4 = r9
r5 = r9
call 194
out:
r0 = 0
exit

### helper_args_kprobe_12_all_null
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 12
out:
r0 = 0
exit

### helper_args_kprobe_12_all_scalar
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 12
out:
r0 = 0
exit

### helper_args_kprobe_12_all_stack
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 12
out:
r0 = 0
exit

### helper_args_kprobe_12_all_ctx
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 12
out:
r0 = 0
exit

### helper_args_kprobe_12_all_map
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_ptr expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 12
out:
r0 = 0
exit

### helper_args_kprobe_12_all_mapval
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_value expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 12
out:
r0 = 0
exit

### helper_args_kprobe_12_ctx1_null
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 12
out:
r0 = 0
exit

### helper_args_kprobe_12_ctx1_scalar
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 12
out:
r0 = 0
exit

### helper_args_kprobe_12_ctx1_stack
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=fp expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 12
out:
r0 = 0
exit

### helper_args_kprobe_12_ctx1_map
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT expected prog array map for tail call
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 12
out:
r0 = 0
exit

### helper_args_kprobe_12_ctx1_mapval
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_value expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 12
out:
r0 = 0
exit

### helper_args_kprobe_93_all_null
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 93
out:
r0 = 0
exit

### helper_args_kprobe_93_all_scalar
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 93
out:
r0 = 0
exit

### helper_args_kprobe_93_all_stack
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 93
out:
r0 = 0
exit

### helper_args_kprobe_93_all_ctx
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 93
out:
r0 = 0
exit

### helper_args_kprobe_93_all_map
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_ptr expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 93
out:
r0 = 0
exit

### helper_args_kprobe_93_all_mapval
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT map 'map0' has to have BTF in order to use bpf_spin_lock
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 93
out:
r0 = 0
exit

### helper_args_kprobe_93_ctx1_null
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 93
out:
r0 = 0
exit

### helper_args_kprobe_93_ctx1_scalar
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 93
out:
r0 = 0
exit

### helper_args_kprobe_93_ctx1_stack
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 93
out:
r0 = 0
exit

### helper_args_kprobe_93_ctx1_map
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 93
out:
r0 = 0
exit

### helper_args_kprobe_93_ctx1_mapval
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 93
out:
r0 = 0
exit

### helper_args_kprobe_94_all_null
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 94
out:
r0 = 0
exit

### helper_args_kprobe_94_all_scalar
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 94
out:
r0 = 0
exit

### helper_args_kprobe_94_all_stack
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 94
out:
r0 = 0
exit

### helper_args_kprobe_94_all_ctx
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 94
out:
r0 = 0
exit

### helper_args_kprobe_94_all_map
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_ptr expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 94
out:
r0 = 0
exit

### helper_args_kprobe_94_all_mapval
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT map 'map0' has to have BTF in order to use bpf_spin_lock
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 94
out:
r0 = 0
exit

### helper_args_kprobe_94_ctx1_null
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 94
out:
r0 = 0
exit

### helper_args_kprobe_94_ctx1_scalar
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 94
out:
r0 = 0
exit

### helper_args_kprobe_94_ctx1_stack
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 94
out:
r0 = 0
exit

### helper_args_kprobe_94_ctx1_map
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 94
out:
r0 = 0
exit

### helper_args_kprobe_94_ctx1_mapval
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 94
out:
r0 = 0
exit

### helper_args_kprobe_181_all_null
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 181
out:
r0 = 0
exit

### helper_args_kprobe_181_all_scalar
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 181
out:
r0 = 0
exit

### helper_args_kprobe_181_all_stack
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=fp expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 181
out:
r0 = 0
exit

### helper_args_kprobe_181_all_ctx
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=ctx expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 181
out:
r0 = 0
exit

### helper_args_kprobe_181_all_map
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_ptr expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 181
out:
r0 = 0
exit

### helper_args_kprobe_181_all_mapval
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_value expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 181
out:
r0 = 0
exit

### helper_args_kprobe_181_ctx1_null
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 181
out:
r0 = 0
exit

### helper_args_kprobe_181_ctx1_scalar
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 181
out:
r0 = 0
exit

### helper_args_kprobe_181_ctx1_stack
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=fp expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 181
out:
r0 = 0
exit

### helper_args_kprobe_181_ctx1_map
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_ptr expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 181
out:
r0 = 0
exit

### helper_args_kprobe_181_ctx1_mapval
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_value expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 181
out:
r0 = 0
exit

### helper_args_kprobe_194_all_null
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 194
out:
r0 = 0
exit

### helper_args_kprobe_194_all_scalar
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 194
out:
r0 = 0
exit

### helper_args_kprobe_194_all_stack
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 194
out:
r0 = 0
exit

### helper_args_kprobe_194_all_ctx
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 194
out:
r0 = 0
exit

### helper_args_kprobe_194_all_map
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_ptr expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 194
out:
r0 = 0
exit

### helper_args_kprobe_194_all_mapval
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT map 'map0' has to have BTF in order to use bpf_kptr_xchg
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 194
out:
r0 = 0
exit

### helper_args_kprobe_194_ctx1_null
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 194
out:
r0 = 0
exit

### helper_args_kprobe_194_ctx1_scalar
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 194
out:
r0 = 0
exit

### helper_args_kprobe_194_ctx1_stack
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 194
out:
r0 = 0
exit

### helper_args_kprobe_194_ctx1_map
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 194
out:
r0 = 0
exit

### helper_args_kprobe_194_ctx1_mapval
; type: kprobe
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 194
out:
r0 = 0
exit

### helper_args_syscall_12_all_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 12
out:
r0 = 0
exit

### helper_args_syscall_12_all_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 12
out:
r0 = 0
exit

### helper_args_syscall_12_all_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 12
out:
r0 = 0
exit

### helper_args_syscall_12_all_ctx
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=ctx expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 12
out:
r0 = 0
exit

### helper_args_syscall_12_all_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_ptr expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 12
out:
r0 = 0
exit

### helper_args_syscall_12_all_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_value expected=ctx
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 12
out:
r0 = 0
exit

### helper_args_syscall_12_ctx1_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 12
out:
r0 = 0
exit

### helper_args_syscall_12_ctx1_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 12
out:
r0 = 0
exit

### helper_args_syscall_12_ctx1_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=fp expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 12
out:
r0 = 0
exit

### helper_args_syscall_12_ctx1_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT expected prog array map for tail call
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 12
out:
r0 = 0
exit

### helper_args_syscall_12_ctx1_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_value expected=map_ptr
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 12
out:
r0 = 0
exit

### helper_args_syscall_93_all_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 93
out:
r0 = 0
exit

### helper_args_syscall_93_all_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 93
out:
r0 = 0
exit

### helper_args_syscall_93_all_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 93
out:
r0 = 0
exit

### helper_args_syscall_93_all_ctx
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 93
out:
r0 = 0
exit

### helper_args_syscall_93_all_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_ptr expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 93
out:
r0 = 0
exit

### helper_args_syscall_93_all_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT map 'map0' has to have BTF in order to use bpf_spin_lock
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 93
out:
r0 = 0
exit

### helper_args_syscall_93_ctx1_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 93
out:
r0 = 0
exit

### helper_args_syscall_93_ctx1_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 93
out:
r0 = 0
exit

### helper_args_syscall_93_ctx1_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 93
out:
r0 = 0
exit

### helper_args_syscall_93_ctx1_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 93
out:
r0 = 0
exit

### helper_args_syscall_93_ctx1_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 93
out:
r0 = 0
exit

### helper_args_syscall_94_all_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 94
out:
r0 = 0
exit

### helper_args_syscall_94_all_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 94
out:
r0 = 0
exit

### helper_args_syscall_94_all_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 94
out:
r0 = 0
exit

### helper_args_syscall_94_all_ctx
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 94
out:
r0 = 0
exit

### helper_args_syscall_94_all_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_ptr expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 94
out:
r0 = 0
exit

### helper_args_syscall_94_all_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT map 'map0' has to have BTF in order to use bpf_spin_lock
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 94
out:
r0 = 0
exit

### helper_args_syscall_94_ctx1_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 94
out:
r0 = 0
exit

### helper_args_syscall_94_ctx1_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 94
out:
r0 = 0
exit

### helper_args_syscall_94_ctx1_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 94
out:
r0 = 0
exit

### helper_args_syscall_94_ctx1_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 94
out:
r0 = 0
exit

### helper_args_syscall_94_ctx1_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 94
out:
r0 = 0
exit

### helper_args_syscall_107_all_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 107
out:
r0 = 0
exit

### helper_args_syscall_107_all_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 107
out:
r0 = 0
exit

### helper_args_syscall_107_all_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 107
out:
r0 = 0
exit

### helper_args_syscall_107_all_ctx
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 107
out:
r0 = 0
exit

### helper_args_syscall_107_all_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 107
out:
r0 = 0
exit

### helper_args_syscall_107_all_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 107
out:
r0 = 0
exit

### helper_args_syscall_107_ctx1_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 107
out:
r0 = 0
exit

### helper_args_syscall_107_ctx1_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 107
out:
r0 = 0
exit

### helper_args_syscall_107_ctx1_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 107
out:
r0 = 0
exit

### helper_args_syscall_107_ctx1_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 107
out:
r0 = 0
exit

### helper_args_syscall_107_ctx1_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 107
out:
r0 = 0
exit

### helper_args_syscall_108_all_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 108
out:
r0 = 0
exit

### helper_args_syscall_108_all_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 108
out:
r0 = 0
exit

### helper_args_syscall_108_all_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 108
out:
r0 = 0
exit

### helper_args_syscall_108_all_ctx
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 108
out:
r0 = 0
exit

### helper_args_syscall_108_all_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 108
out:
r0 = 0
exit

### helper_args_syscall_108_all_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 108
out:
r0 = 0
exit

### helper_args_syscall_108_ctx1_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 108
out:
r0 = 0
exit

### helper_args_syscall_108_ctx1_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 108
out:
r0 = 0
exit

### helper_args_syscall_108_ctx1_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 108
out:
r0 = 0
exit

### helper_args_syscall_108_ctx1_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 108
out:
r0 = 0
exit

### helper_args_syscall_108_ctx1_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 108
out:
r0 = 0
exit

### helper_args_syscall_147_all_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 147
out:
r0 = 0
exit

### helper_args_syscall_147_all_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 147
out:
r0 = 0
exit

### helper_args_syscall_147_all_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 147
out:
r0 = 0
exit

### helper_args_syscall_147_all_ctx
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 147
out:
r0 = 0
exit

### helper_args_syscall_147_all_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 147
out:
r0 = 0
exit

### helper_args_syscall_147_all_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 147
out:
r0 = 0
exit

### helper_args_syscall_147_ctx1_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 147
out:
r0 = 0
exit

### helper_args_syscall_147_ctx1_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 147
out:
r0 = 0
exit

### helper_args_syscall_147_ctx1_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 147
out:
r0 = 0
exit

### helper_args_syscall_147_ctx1_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 147
out:
r0 = 0
exit

### helper_args_syscall_147_ctx1_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT helper call is not allowed in probe
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 147
out:
r0 = 0
exit

### helper_args_syscall_181_all_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 181
out:
r0 = 0
exit

### helper_args_syscall_181_all_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 181
out:
r0 = 0
exit

### helper_args_syscall_181_all_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=fp expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 181
out:
r0 = 0
exit

### helper_args_syscall_181_all_ctx
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=ctx expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 181
out:
r0 = 0
exit

### helper_args_syscall_181_all_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_ptr expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 181
out:
r0 = 0
exit

### helper_args_syscall_181_all_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_value expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 181
out:
r0 = 0
exit

### helper_args_syscall_181_ctx1_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 181
out:
r0 = 0
exit

### helper_args_syscall_181_ctx1_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=scalar expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 181
out:
r0 = 0
exit

### helper_args_syscall_181_ctx1_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=fp expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 181
out:
r0 = 0
exit

### helper_args_syscall_181_ctx1_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_ptr expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 181
out:
r0 = 0
exit

### helper_args_syscall_181_ctx1_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R2 type=map_value expected=func
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 181
out:
r0 = 0
exit

### helper_args_syscall_194_all_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 194
out:
r0 = 0
exit

### helper_args_syscall_194_all_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=scalar expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r8
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 194
out:
r0 = 0
exit

### helper_args_syscall_194_all_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=fp expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r10
r1 += -64
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 194
out:
r0 = 0
exit

### helper_args_syscall_194_all_ctx
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r6
r3 = r6
r4 = r6
r5 = r6
call 194
out:
r0 = 0
exit

### helper_args_syscall_194_all_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=map_ptr expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = map[id:0]
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 194
out:
r0 = 0
exit

### helper_args_syscall_194_all_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT map 'map0' has to have BTF in order to use bpf_kptr_xchg
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r7
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 194
out:
r0 = 0
exit

### helper_args_syscall_194_ctx1_null
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 194
out:
r0 = 0
exit

### helper_args_syscall_194_ctx1_scalar
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r8
r3 = r8
r4 = r8
r5 = r8
call 194
out:
r0 = 0
exit

### helper_args_syscall_194_ctx1_stack
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = r10
r4 += -64
r5 = r10
r5 += -64
call 194
out:
r0 = 0
exit

### helper_args_syscall_194_ctx1_map
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = map[id:0]
r3 = map[id:0]
r4 = map[id:0]
r5 = map[id:0]
call 194
out:
r0 = 0
exit

### helper_args_syscall_194_ctx1_mapval
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT R1 type=ctx expected=map_value, ptr_
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -64) = r1
*(u32 *)(r10 -72) = r1
r2 = r10
r2 += -72
r1 = map[id:0]
call bpf_map_lookup_elem
r7 = r0
call bpf_get_prandom_u32
r8 = r0
r1 = r6
r2 = r7
r3 = r7
r4 = r7
r5 = r7
call 194
out:
r0 = 0
exit

### zero_sized_helper_memory_at_an_unbounded_map_value_offset
; A zero-sized access still asks where the pointer may point: an unbounded
; offset into a map value is refused (check_mem_region_access).
; type: tracepoint
; map: hash key=8 value=48 max=1
; expect: REJECT R1 unbounded memory access, make sure to bounds check any such access
r2 = r10
r2 += -8
r1 = 0
*(u64 *)(r2 +0) = r1
r1 = map[id:0]
call 1
if r0 == 0 goto out
r1 = r0
r3 = *(u32 *)(r0 +0)
r1 += r3
r2 = 0
r3 = 0
call 113
out:
r0 = 0
exit

### zero_sized_helper_memory_at_the_end_of_a_map_value
; type: tracepoint
; map: hash key=8 value=48 max=1
; expect: ACCEPT
r2 = r10
r2 += -8
r1 = 0
*(u64 *)(r2 +0) = r1
r1 = map[id:0]
call 1
if r0 == 0 goto out
r1 = r0
r1 += 48
r2 = 0
r3 = 0
call 113
out:
r0 = 0
exit

### zero_sized_helper_memory_past_the_end_of_a_map_value
; type: tracepoint
; map: hash key=8 value=48 max=1
; before: invalid access to map value, value_size=48 off=56 size=0
; expect: REJECT R1 min value is outside of the allowed memory range
r2 = r10
r2 += -8
r1 = 0
*(u64 *)(r2 +0) = r1
r1 = map[id:0]
call 1
if r0 == 0 goto out
r1 = r0
r1 += 56
r2 = 0
r3 = 0
call 113
out:
r0 = 0
exit

### zero_sized_helper_memory_at_a_bounded_map_value_offset_past_the_end
; type: tracepoint
; map: hash key=8 value=48 max=1
; before: invalid access to map value, value_size=48 off=63 size=0
; expect: REJECT R1 max value is outside of the allowed memory range
r2 = r10
r2 += -8
r1 = 0
*(u64 *)(r2 +0) = r1
r1 = map[id:0]
call 1
if r0 == 0 goto out
r1 = r0
r3 = *(u32 *)(r0 +0)
r3 &= 63
r1 += r3
r2 = 0
r3 = 0
call 113
out:
r0 = 0
exit

### zero_sized_helper_memory_at_a_negative_map_value_offset
; type: tracepoint
; map: hash key=8 value=48 max=1
; before: invalid access to map value, value_size=48 off=-8 size=0
; expect: REJECT R1 min value is outside of the allowed memory range
r2 = r10
r2 += -8
r1 = 0
*(u64 *)(r2 +0) = r1
r1 = map[id:0]
call 1
if r0 == 0 goto out
r1 = r0
r1 += -8
r2 = 0
r3 = 0
call 113
out:
r0 = 0
exit

### nullable_memory_argument_takes_a_map_value_that_may_be_null
; An argument that may be NULL (bpf_csum_diff's from) takes a pointer that
; may be NULL as it is: the kernel folds the nullness off the pointer's
; type before comparing it, then checks the memory it points to.
; type: tc
; map: hash key=8 value=8 max=1
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
r2 = r10
r2 += -8
r1 = map[id:0]
call 1
r1 = r0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call 28
exit

### nullable_memory_argument_reads_a_map_value_that_may_be_null
; type: tc
; map: hash key=8 value=8 max=1
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
r2 = r10
r2 += -8
r1 = map[id:0]
call 1
r1 = r0
r2 = 8
r3 = 0
r4 = 0
r5 = 0
call 28
exit

### nullable_memory_argument_bounds_a_map_value_that_may_be_null
; type: tc
; map: hash key=8 value=8 max=1
; before: invalid access to memory, mem_size=8 off=0 size=16
; expect: REJECT R1 min value is outside of the allowed memory range
r1 = 0
*(u64 *)(r10 -8) = r1
r2 = r10
r2 += -8
r1 = map[id:0]
call 1
r1 = r0
r2 = 16
r3 = 0
r4 = 0
r5 = 0
call 28
exit

### dynptr_from_mem_data_kind_asked_after_every_argument
; bpf_dynptr_from_mem takes only a map value as its data, but the kernel
; asks that once every argument passed: a bad dynptr argument is reported
; first.
; type: tc
; expect: REJECT R4 type=scalar expected=fp, dynptr_ptr
r1 = r10
r1 += -16
r2 = 8
r3 = 0
r4 = 0
call 197
r0 = 0
exit

### dynptr_from_mem_data_on_the_stack
; type: tc
; expect: REJECT Unsupported reg type fp for bpf_dynptr_from_mem data
r1 = r10
r1 += -16
r2 = 8
r3 = 0
r4 = r10
r4 += -32
call 197
r0 = 0
exit

### kernel_object_memory_at_a_variable_offset
; A kernel object passed as memory may have a fixed offset, never a
; variable one (check_func_arg_reg_off).
; type: tracepoint
; expect: REJECT variable trusted_ptr_ access var_off=(0x0; 0x7) disallowed
call 158
r1 = r0
r3 = *(u32 *)(r0 +0)
if r3 > 4 goto out
r1 += r3
r2 = 8
call 6
out:
r0 = 0
exit

### helper_args_sk_assign_takes_possibly_null_socket
; bpf_sk_assign in sk_lookup takes a socket or NULL
; (ARG_PTR_TO_SOCKET_OR_NULL): the context's possibly-NULL socket passes
; unchecked (check_reg_type drops PTR_MAYBE_NULL for such an argument).
; type: sk_lookup
; expect: ACCEPT
r2 = *(u64 *)(r1 +0)
r3 = 0
call bpf_sk_assign
r0 = 1
exit
