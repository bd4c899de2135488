; Sign-extending loads (LDX MEMSX) and plain narrow loads: ranges they
; produce and where they are allowed.

### ldsx_stack_all_widths
; type: socket
; expect: ACCEPT
r1 = -1
*(u64 *)(r10 -8) = r1
r0 = *(s8 *)(r10 -8)
r0 = *(s16 *)(r10 -8)
r0 = *(s32 *)(r10 -8)
exit

### ldsx_s8_from_map_value_then_index_negative
; type: socket
; map: array key=4 value=256 max=1
; expect: REJECT R0 min value is negative, either use unsigned index or do a if (index >=0) check.
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(s8 *)(r0 +0)
r0 += r1
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### ldsx_u8_from_map_value_then_index_ok
; type: socket
; map: array key=4 value=256 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(u8 *)(r0 +0)
r0 += r1
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### ldsx_s16_masked_then_index_ok
; type: socket
; map: array key=4 value=256 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(s16 *)(r0 +0)
r1 &= 0xff
r0 += r1
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### ldsx_from_ctx_socket
; type: socket
; expect: ACCEPT
r0 = *(s32 *)(r1 +0)
exit

### ldsx_from_ctx_narrow_socket
; type: socket
; expect: ACCEPT
r0 = *(s8 *)(r1 +0)
exit

### ldsx_from_packet_with_range_check
; type: tc
; expect: ACCEPT
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r4 = r2
r4 += 4
if r4 > r3 goto out
r0 = *(s16 *)(r2 +2)
out:
r0 = 0
exit

### ldsx_uninitialised_base
; type: socket
; expect: REJECT R4 !read_ok
r0 = *(s8 *)(r4 +0)
exit

### ldsx_spilled_pointer_partial_fill
; type: socket
; expect: REJECT invalid size of register fill
*(u64 *)(r10 -8) = r1
r0 = *(s32 *)(r10 -8)
exit

### ldx_u8_result_range_fits_index
; type: socket
; map: array key=4 value=256 max=1
; expect: ACCEPT
r6 = *(u8 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r0 += r6
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### ldx_u16_result_too_big_for_index
; type: socket
; map: array key=4 value=256 max=1
; expect: REJECT R0 max value is outside of the allowed memory range
r6 = *(u16 *)(r1 +0)
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r0 += r6
r0 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### ldsx_from_xdp_data_field
; type: xdp
; expect: REJECT invalid bpf_context access off=0 size=4
r2 = *(s32 *)(r1 +0)
r0 = 2
exit

### ldsx_from_raw_tp_args
; type: raw_tp
; expect: ACCEPT
r0 = *(s32 *)(r1 +0)
exit
