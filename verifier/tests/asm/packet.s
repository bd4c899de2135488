; XDP packet bounds: which comparisons give a packet pointer a range.
; xdp_md: data at 0, data_end at 4, data_meta at 8.

### pkt_data_bounded_by_end_ok
; type: xdp
; expect: ACCEPT
r2 = *(u32 *)(r1 +0)
r3 = *(u32 *)(r1 +4)
r0 = r2
r0 += 8
if r0 > r3 goto out
r0 = *(u8 *)(r2 +0)
out:
r0 = 2
exit

### pkt_meta_bounded_by_data_ok
; type: xdp
; expect: ACCEPT
r2 = *(u32 *)(r1 +8)
r3 = *(u32 *)(r1 +0)
r0 = r2
r0 += 8
if r0 > r3 goto out
r0 = *(u8 *)(r2 +0)
out:
r0 = 2
exit

### pkt_data_above_meta_ok
; type: xdp
; expect: ACCEPT
r2 = *(u32 *)(r1 +8)
r3 = *(u32 *)(r1 +0)
r0 = r2
r0 += 8
if r3 < r0 goto out
r0 = *(u8 *)(r2 +0)
out:
r0 = 2
exit

### pkt_meta_bounded_by_end_only
; type: xdp
; expect: REJECT R2 offset is outside of the packet
r2 = *(u32 *)(r1 +8)
r3 = *(u32 *)(r1 +4)
r0 = r2
r0 += 8
if r0 > r3 goto out
r0 = *(u8 *)(r2 +0)
out:
r0 = 2
exit

### pkt_meta_bounded_by_moved_data
; type: xdp
; expect: REJECT R2 offset is outside of the packet
r2 = *(u32 *)(r1 +8)
r3 = *(u32 *)(r1 +0)
r3 += 8
r0 = r2
r0 += 8
if r0 > r3 goto out
r0 = *(u8 *)(r2 +0)
out:
r0 = 2
exit
