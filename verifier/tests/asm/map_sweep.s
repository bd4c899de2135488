; Map types against map helpers (a throwaway sweep of every tc and kprobe
; helper with the map in R1 or R2, for 22 map types: 9,680 cases, recorded
; with scripts/asm-kernel-verdicts.py). Kept: the map types whose cases once
; disagreed, device maps (read-only for programs whatever their flags) and
; socket maps (only an update's plain value argument can be a socket), with
; queues and bloom filters beside them, for the generic map helpers.

### map_sweep_tc_1_devmap_m1
; type: tc
; map: devmap key=4 value=4 max=4
; expect: ACCEPT
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 1
r0 = 0
exit

### map_sweep_tc_1_devmap_m2
; type: tc
; map: devmap key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 1
r0 = 0
exit

### map_sweep_tc_1_devmap_hash_m1
; type: tc
; map: devmap_hash key=4 value=4 max=4
; expect: ACCEPT
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 1
r0 = 0
exit

### map_sweep_tc_1_devmap_hash_m2
; type: tc
; map: devmap_hash key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 1
r0 = 0
exit

### map_sweep_tc_1_sockmap_m1
; type: tc
; map: sockmap key=4 value=4 max=4
; before: Unreleased reference id=2 alloc_insn=18
; expect: REJECT BPF_EXIT instruction in main prog would lead to reference leak
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 1
r0 = 0
exit

### map_sweep_tc_1_sockmap_m2
; type: tc
; map: sockmap key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 1
r0 = 0
exit

### map_sweep_tc_1_sockhash_m1
; type: tc
; map: sockhash key=4 value=4 max=4
; before: Unreleased reference id=2 alloc_insn=18
; expect: REJECT BPF_EXIT instruction in main prog would lead to reference leak
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 1
r0 = 0
exit

### map_sweep_tc_1_sockhash_m2
; type: tc
; map: sockhash key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 1
r0 = 0
exit

### map_sweep_tc_1_queue_m1
; type: tc
; map: queue key=0 value=64 max=4
; expect: REJECT invalid zero-sized read
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 1
r0 = 0
exit

### map_sweep_tc_1_queue_m2
; type: tc
; map: queue key=0 value=64 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 1
r0 = 0
exit

### map_sweep_tc_1_bloom_filter_m1
; type: tc
; map: bloom_filter key=0 value=64 max=4
; expect: REJECT invalid zero-sized read
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 1
r0 = 0
exit

### map_sweep_tc_1_bloom_filter_m2
; type: tc
; map: bloom_filter key=0 value=64 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 1
r0 = 0
exit

### map_sweep_tc_2_devmap_m1
; type: tc
; map: devmap key=4 value=4 max=4
; expect: REJECT write into map forbidden
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 2
r0 = 0
exit

### map_sweep_tc_2_devmap_m2
; type: tc
; map: devmap key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 2
r0 = 0
exit

### map_sweep_tc_2_devmap_hash_m1
; type: tc
; map: devmap_hash key=4 value=4 max=4
; expect: REJECT write into map forbidden
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 2
r0 = 0
exit

### map_sweep_tc_2_devmap_hash_m2
; type: tc
; map: devmap_hash key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 2
r0 = 0
exit

### map_sweep_tc_2_sockmap_m1
; type: tc
; map: sockmap key=4 value=4 max=4
; expect: REJECT R3 type=fp expected=sock_common, sock, tcp_sock, xdp_sock, ptr_, trusted_ptr_
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 2
r0 = 0
exit

### map_sweep_tc_2_sockmap_m2
; type: tc
; map: sockmap key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 2
r0 = 0
exit

### map_sweep_tc_2_sockhash_m1
; type: tc
; map: sockhash key=4 value=4 max=4
; expect: REJECT R3 type=fp expected=sock_common, sock, tcp_sock, xdp_sock, ptr_, trusted_ptr_
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 2
r0 = 0
exit

### map_sweep_tc_2_sockhash_m2
; type: tc
; map: sockhash key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 2
r0 = 0
exit

### map_sweep_tc_2_queue_m1
; type: tc
; map: queue key=0 value=64 max=4
; expect: REJECT invalid zero-sized read
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 2
r0 = 0
exit

### map_sweep_tc_2_queue_m2
; type: tc
; map: queue key=0 value=64 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 2
r0 = 0
exit

### map_sweep_tc_2_bloom_filter_m1
; type: tc
; map: bloom_filter key=0 value=64 max=4
; expect: REJECT invalid zero-sized read
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 2
r0 = 0
exit

### map_sweep_tc_2_bloom_filter_m2
; type: tc
; map: bloom_filter key=0 value=64 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 2
r0 = 0
exit

### map_sweep_tc_3_devmap_m1
; type: tc
; map: devmap key=4 value=4 max=4
; expect: REJECT write into map forbidden
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 3
r0 = 0
exit

### map_sweep_tc_3_devmap_m2
; type: tc
; map: devmap key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 3
r0 = 0
exit

### map_sweep_tc_3_devmap_hash_m1
; type: tc
; map: devmap_hash key=4 value=4 max=4
; expect: REJECT write into map forbidden
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 3
r0 = 0
exit

### map_sweep_tc_3_devmap_hash_m2
; type: tc
; map: devmap_hash key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 3
r0 = 0
exit

### map_sweep_tc_3_sockmap_m1
; type: tc
; map: sockmap key=4 value=4 max=4
; expect: ACCEPT
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 3
r0 = 0
exit

### map_sweep_tc_3_sockmap_m2
; type: tc
; map: sockmap key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 3
r0 = 0
exit

### map_sweep_tc_3_sockhash_m1
; type: tc
; map: sockhash key=4 value=4 max=4
; expect: ACCEPT
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 3
r0 = 0
exit

### map_sweep_tc_3_sockhash_m2
; type: tc
; map: sockhash key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 3
r0 = 0
exit

### map_sweep_tc_3_queue_m1
; type: tc
; map: queue key=0 value=64 max=4
; expect: REJECT invalid zero-sized read
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 3
r0 = 0
exit

### map_sweep_tc_3_queue_m2
; type: tc
; map: queue key=0 value=64 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 3
r0 = 0
exit

### map_sweep_tc_3_bloom_filter_m1
; type: tc
; map: bloom_filter key=0 value=64 max=4
; expect: REJECT invalid zero-sized read
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 3
r0 = 0
exit

### map_sweep_tc_3_bloom_filter_m2
; type: tc
; map: bloom_filter key=0 value=64 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 3
r0 = 0
exit

### map_sweep_tc_87_devmap_m1
; type: tc
; map: devmap key=4 value=4 max=4
; expect: REJECT write into map forbidden
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 87
r0 = 0
exit

### map_sweep_tc_87_devmap_m2
; type: tc
; map: devmap key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 87
r0 = 0
exit

### map_sweep_tc_87_devmap_hash_m1
; type: tc
; map: devmap_hash key=4 value=4 max=4
; expect: REJECT write into map forbidden
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 87
r0 = 0
exit

### map_sweep_tc_87_devmap_hash_m2
; type: tc
; map: devmap_hash key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 87
r0 = 0
exit

### map_sweep_tc_87_sockmap_m1
; type: tc
; map: sockmap key=4 value=4 max=4
; expect: REJECT R2 type=fp expected=sock_common, sock, tcp_sock, xdp_sock, ptr_, trusted_ptr_
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 87
r0 = 0
exit

### map_sweep_tc_87_sockmap_m2
; type: tc
; map: sockmap key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 87
r0 = 0
exit

### map_sweep_tc_87_sockhash_m1
; type: tc
; map: sockhash key=4 value=4 max=4
; expect: REJECT R2 type=fp expected=sock_common, sock, tcp_sock, xdp_sock, ptr_, trusted_ptr_
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 87
r0 = 0
exit

### map_sweep_tc_87_sockhash_m2
; type: tc
; map: sockhash key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 87
r0 = 0
exit

### map_sweep_tc_87_queue_m1
; type: tc
; map: queue key=0 value=64 max=4
; expect: ACCEPT
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 87
r0 = 0
exit

### map_sweep_tc_87_queue_m2
; type: tc
; map: queue key=0 value=64 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 87
r0 = 0
exit

### map_sweep_tc_87_bloom_filter_m1
; type: tc
; map: bloom_filter key=0 value=64 max=4
; expect: ACCEPT
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 87
r0 = 0
exit

### map_sweep_tc_87_bloom_filter_m2
; type: tc
; map: bloom_filter key=0 value=64 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 87
r0 = 0
exit

### map_sweep_tc_88_devmap_m1
; type: tc
; map: devmap key=4 value=4 max=4
; expect: REJECT write into map forbidden
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 88
r0 = 0
exit

### map_sweep_tc_88_devmap_m2
; type: tc
; map: devmap key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 88
r0 = 0
exit

### map_sweep_tc_88_devmap_hash_m1
; type: tc
; map: devmap_hash key=4 value=4 max=4
; expect: REJECT write into map forbidden
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 88
r0 = 0
exit

### map_sweep_tc_88_devmap_hash_m2
; type: tc
; map: devmap_hash key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 88
r0 = 0
exit

### map_sweep_tc_88_sockmap_m1
; type: tc
; map: sockmap key=4 value=4 max=4
; expect: REJECT invalid arg_type for sockmap/sockhash
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 88
r0 = 0
exit

### map_sweep_tc_88_sockmap_m2
; type: tc
; map: sockmap key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 88
r0 = 0
exit

### map_sweep_tc_88_sockhash_m1
; type: tc
; map: sockhash key=4 value=4 max=4
; expect: REJECT invalid arg_type for sockmap/sockhash
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 88
r0 = 0
exit

### map_sweep_tc_88_sockhash_m2
; type: tc
; map: sockhash key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 88
r0 = 0
exit

### map_sweep_tc_88_queue_m1
; type: tc
; map: queue key=0 value=64 max=4
; expect: ACCEPT
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 88
r0 = 0
exit

### map_sweep_tc_88_queue_m2
; type: tc
; map: queue key=0 value=64 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 88
r0 = 0
exit

### map_sweep_tc_88_bloom_filter_m1
; type: tc
; map: bloom_filter key=0 value=64 max=4
; expect: REJECT cannot pass map_type 30 into func bpf_map_pop_elem#88
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 88
r0 = 0
exit

### map_sweep_tc_88_bloom_filter_m2
; type: tc
; map: bloom_filter key=0 value=64 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 88
r0 = 0
exit

### map_sweep_tc_89_devmap_m1
; type: tc
; map: devmap key=4 value=4 max=4
; expect: REJECT cannot pass map_type 14 into func bpf_map_peek_elem#89
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 89
r0 = 0
exit

### map_sweep_tc_89_devmap_m2
; type: tc
; map: devmap key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 89
r0 = 0
exit

### map_sweep_tc_89_devmap_hash_m1
; type: tc
; map: devmap_hash key=4 value=4 max=4
; expect: REJECT cannot pass map_type 25 into func bpf_map_peek_elem#89
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 89
r0 = 0
exit

### map_sweep_tc_89_devmap_hash_m2
; type: tc
; map: devmap_hash key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 89
r0 = 0
exit

### map_sweep_tc_89_sockmap_m1
; type: tc
; map: sockmap key=4 value=4 max=4
; expect: REJECT invalid arg_type for sockmap/sockhash
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 89
r0 = 0
exit

### map_sweep_tc_89_sockmap_m2
; type: tc
; map: sockmap key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 89
r0 = 0
exit

### map_sweep_tc_89_sockhash_m1
; type: tc
; map: sockhash key=4 value=4 max=4
; expect: REJECT invalid arg_type for sockmap/sockhash
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 89
r0 = 0
exit

### map_sweep_tc_89_sockhash_m2
; type: tc
; map: sockhash key=4 value=4 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 89
r0 = 0
exit

### map_sweep_tc_89_queue_m1
; type: tc
; map: queue key=0 value=64 max=4
; expect: ACCEPT
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 89
r0 = 0
exit

### map_sweep_tc_89_queue_m2
; type: tc
; map: queue key=0 value=64 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 89
r0 = 0
exit

### map_sweep_tc_89_bloom_filter_m1
; type: tc
; map: bloom_filter key=0 value=64 max=4
; expect: ACCEPT
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
r1 = map[id:0]
r2 = r10
r2 += -64
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 89
r0 = 0
exit

### map_sweep_tc_89_bloom_filter_m2
; type: tc
; map: bloom_filter key=0 value=64 max=4
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
r1 = r6
r2 = map[id:0]
r3 = r10
r3 += -64
r4 = 0
r5 = 0
call 89
r0 = 0
exit

### map_sweep_devmap_value_write
; type: xdp
; map: devmap key=4 value=4 max=4
; expect: REJECT write into map forbidden, value_size=4 off=0 size=4
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = 1
*(u32 *)(r0 +0) = r1
out:
r0 = 2
exit
