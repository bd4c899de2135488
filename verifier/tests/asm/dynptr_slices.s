; Dynptr slices and what they depend on: the stack buffer a slice's data
; may have been copied into (a store over it changes what the slice reads,
; and the slice dies), and the packet an skb dynptr's writing kfuncs may
; move.

### slice_dies_when_its_buffer_is_written
; type: tc
; expect: REJECT R0 invalid mem access 'scalar'
r6 = 0
*(u64 *)(r10 -24) = r6
*(u64 *)(r10 -32) = r6
r7 = r10
r7 += -16
r2 = 0
r3 = r7
call bpf_dynptr_from_skb
r3 = r10
r3 += -28
r1 = r7
r2 = 0
r4 = 4
call bpf_dynptr_slice
if r0 == 0x0 goto out
r1 = 0
*(u8 *)(r10 -25) = r1
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### slice_survives_a_write_next_to_its_buffer
; type: tc
; expect: ACCEPT
r6 = 0
*(u64 *)(r10 -24) = r6
*(u64 *)(r10 -32) = r6
r7 = r10
r7 += -16
r2 = 0
r3 = r7
call bpf_dynptr_from_skb
r3 = r10
r3 += -28
r1 = r7
r2 = 0
r4 = 4
call bpf_dynptr_slice
if r0 == 0x0 goto out
r1 = 0
*(u8 *)(r10 -29) = r1
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### slice_copy_spilled_dies_with_its_buffer
; A copy of the slice spilled to the stack dies too.
; type: tc
; expect: REJECT R0 invalid mem access 'scalar'
r6 = 0
*(u64 *)(r10 -24) = r6
*(u64 *)(r10 -32) = r6
r7 = r10
r7 += -16
r2 = 0
r3 = r7
call bpf_dynptr_from_skb
r3 = r10
r3 += -32
r1 = r7
r2 = 0
r4 = 8
call bpf_dynptr_slice
if r0 == 0x0 goto out
*(u64 *)(r10 -40) = r0
r1 = 0
*(u32 *)(r10 -28) = r1
r0 = *(u64 *)(r10 -40)
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### slice_dies_when_a_helper_writes_its_buffer
; A helper's write-only buffer at a constant offset is written byte by
; byte after the call, as stores would.
; type: tc
; expect: REJECT R6 invalid mem access 'scalar'
r6 = 0
*(u64 *)(r10 -24) = r6
*(u64 *)(r10 -32) = r6
r7 = r10
r7 += -16
r2 = 0
r3 = r7
call bpf_dynptr_from_skb
r3 = r10
r3 += -32
r1 = r7
r2 = 0
r4 = 8
call bpf_dynptr_slice
if r0 == 0x0 goto out
r6 = r0
r1 = r10
r1 += -32
r2 = 8
r3 = 0
call bpf_probe_read_kernel
r0 = *(u8 *)(r6 +0)
out:
r0 = 0
exit

### slice_dies_when_a_variable_offset_store_may_reach_its_buffer
; type: tc
; expect: REJECT R6 invalid mem access 'scalar'
r6 = 0
*(u64 *)(r10 -24) = r6
*(u64 *)(r10 -32) = r6
*(u64 *)(r10 -40) = r6
*(u64 *)(r10 -48) = r6
r7 = r10
r7 += -16
r2 = 0
r3 = r7
call bpf_dynptr_from_skb
r3 = r10
r3 += -40
r1 = r7
r2 = 0
r4 = 8
call bpf_dynptr_slice
if r0 == 0x0 goto out
r6 = r0
call bpf_get_prandom_u32
r0 &= 15
r1 = r10
r1 += -48
r1 += r0
r2 = 0
*(u8 *)(r1 +0) = r2
r0 = *(u8 *)(r6 +0)
out:
r0 = 0
exit

### slices_into_different_buffers_do_not_prune
; Two slices alike but for their buffers are different pointers: the
; path after the second is explored again.
; type: tc
; expect: ACCEPT
r7 = r10
r7 += -16
r2 = 0
r3 = r7
call bpf_dynptr_from_skb
call bpf_get_prandom_u32
r3 = r10
r3 += -24
if r0 == 0x0 goto slice
r3 = r10
r3 += -32
slice:
r1 = r7
r2 = 0
r4 = 8
call bpf_dynptr_slice
if r0 == 0x0 goto out
r1 = *(u8 *)(r0 +0)
r1 = *(u8 *)(r0 +1)
r1 = *(u8 *)(r0 +2)
out:
r0 = 0
exit

### memset_through_an_skb_dynptr_kills_packet_pointers
; type: tc
; expect: REJECT R8 invalid mem access 'scalar'
r6 = r1
r8 = *(u32 *)(r6 +76)
r2 = *(u32 *)(r6 +80)
r1 = r8
r1 += 8
if r1 > r2 goto out
r1 = r6
r2 = 0
r3 = r10
r3 += -16
call bpf_dynptr_from_skb
r1 = r10
r1 += -16
r2 = 0
r3 = 8
r4 = 0
call bpf_dynptr_memset
r0 = *(u8 *)(r8 +0)
out:
r0 = 0
exit

### copy_from_an_skb_dynptr_keeps_packet_pointers
; Only the destination of bpf_dynptr_copy is written.
; type: tc
; map: array key=4 value=16 max=1
; expect: ACCEPT
r6 = r1
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = r0
r2 = 16
r3 = 0
r4 = r10
r4 += -40
call bpf_dynptr_from_mem
r8 = *(u32 *)(r6 +76)
r2 = *(u32 *)(r6 +80)
r1 = r8
r1 += 8
if r1 > r2 goto out
r1 = r6
r2 = 0
r3 = r10
r3 += -24
call bpf_dynptr_from_skb
r1 = r10
r1 += -40
r2 = 0
r3 = r10
r3 += -24
r4 = 0
r5 = 8
call bpf_dynptr_copy
r0 = *(u8 *)(r8 +0)
out:
r0 = 0
exit

### copy_into_an_skb_dynptr_kills_packet_pointers
; type: tc
; map: array key=4 value=16 max=1
; expect: REJECT R8 invalid mem access 'scalar'
r6 = r1
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = r0
r2 = 16
r3 = 0
r4 = r10
r4 += -40
call bpf_dynptr_from_mem
r8 = *(u32 *)(r6 +76)
r2 = *(u32 *)(r6 +80)
r1 = r8
r1 += 8
if r1 > r2 goto out
r1 = r6
r2 = 0
r3 = r10
r3 += -24
call bpf_dynptr_from_skb
r1 = r10
r1 += -24
r2 = 0
r3 = r10
r3 += -40
r4 = 0
r5 = 8
call bpf_dynptr_copy
r0 = *(u8 *)(r8 +0)
out:
r0 = 0
exit

### probe_read_into_an_skb_dynptr_kills_packet_pointers
; type: tc
; expect: REJECT R8 invalid mem access 'scalar'
r6 = r1
r8 = *(u32 *)(r6 +76)
r2 = *(u32 *)(r6 +80)
r1 = r8
r1 += 8
if r1 > r2 goto out
r1 = r6
r2 = 0
r3 = r10
r3 += -16
call bpf_dynptr_from_skb
r1 = r10
r1 += -16
r2 = 0
r3 = 8
r4 = 0
call bpf_probe_read_kernel_dynptr
r0 = *(u8 *)(r8 +0)
out:
r0 = 0
exit

### slice_into_a_callee_buffer_dies_with_the_callee
; A slice whose data may sit in the returning frame's stack is a number
; once that frame is gone.
; type: tc
; expect: REJECT R0 invalid mem access 'scalar'
r2 = 0
r3 = r10
r3 += -16
call bpf_dynptr_from_skb
r1 = r10
r1 += -16
call slice
if r0 == 0x0 goto out
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit
slice:
r2 = 0
*(u64 *)(r10 -8) = r2
r3 = r10
r3 += -8
r2 = 0
r4 = 8
call bpf_dynptr_slice
exit
