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
; before: invalid access to packet, off=0 size=1, R2(id=0,off=0,r=0)
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
; before: invalid access to packet, off=0 size=1, R2(id=0,off=0,r=0)
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

### packet_beyond_end_decides_the_next_test
; After `pkt_end >= pkt + 8` fails, r0 is known to lie beyond the packet's
; end (the kernel's mark_pkt_end, BEYOND_PKT_END), so `r0 > pkt_end` is
; decided and the load behind it is never reached (is_pkt_ptr_branch_taken;
; the selftests' test8_double_test_variant_1).
; type: tc
; expect: ACCEPT
; insns: 11
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r0 = r2
r0 += 8
if r3 >= r0 goto l1
if r0 > r3 goto l2
r0 = *(u8 *)(r2 +0)
l2:
r0 = 1
exit
l1:
r0 = *(u8 *)(r2 +0)
r0 = 0
exit

### packet_at_end_decides_a_test_of_at_least
; `pkt + 8 < pkt_end` failing puts r0 at or beyond the end (AT_PKT_END):
; `r0 >= pkt_end` is decided, `r0 > pkt_end` is not: its other side
; bounds the packet to r0's offset only, and the load a byte further is
; refused.
; type: tc
; before: invalid access to packet, off=8 size=1, R2(id=0,off=8,r=8)
; expect: REJECT R2 offset is outside of the packet
; insns: 8
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r0 = r2
r0 += 8
if r0 < r3 goto l1
if r0 >= r3 goto l2
r4 = *(u8 *)(r2 +1)
l2:
if r0 > r3 goto l3
r4 = *(u8 *)(r2 +8)
l3:
r0 = 1
exit
l1:
r0 = 0
exit

### packet_moved_past_the_end_is_tested_again
; Adding to a pointer found beyond the end forgets the finding (the
; running kernel prints `r=0` after the add), so the next test against
; the end has both outcomes, and the load a byte past r0's new offset is
; refused.
; type: tc
; before: invalid access to packet, off=9 size=1, R2(id=0,off=9,r=9)
; expect: REJECT R2 offset is outside of the packet
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r0 = r2
r0 += 8
if r3 >= r0 goto l1
r0 += 1
if r0 > r3 goto l2
r0 = *(u8 *)(r2 +9)
l2:
r0 = 1
exit
l1:
r0 = 0
exit

### packet_beyond_end_reaches_nothing_even_for_zero_bytes
; A difffuzz false accept (seed 0xa8ba797fcc7bbc20): on the side of
; `pkt_end < pkt` where it holds, r1 is beyond the end, and even a
; zero-sized helper read through it is refused (check_packet_access tests
; the range's sign before measuring).
; type: xdp
; expect: REJECT R1 offset is outside of the packet
r6 = r1
r3 = *(u32 *)(r6 +0)
r0 = *(u32 *)(r6 +4)
r1 = r3
if r0 < r1 goto l1
l1:
r2 = 0
r3 = r10
r3 += -256
r4 = 64
r5 = 255
call bpf_csum_diff
exit

### packet_zero_sized_helper_access_past_the_range
; A zero-sized access must still start within the verified range.
; type: xdp
; before: invalid access to packet, off=10 size=0, R1(id=0,off=10,r=0)
; expect: REJECT R1 offset is outside of the packet
r6 = r1
r1 = *(u32 *)(r6 +0)
r1 += 10
r2 = 0
r3 = r10
r3 += -64
r4 = 64
r5 = 0
call bpf_csum_diff
exit

### pkt_less_than_end_at_offset_zero_gives_no_range
; `data < data_end` leaves no readable byte: the kernel gives a pointer at
; offset 0 no range from a test open on the right.
; type: tc
; before: invalid access to packet, off=0 size=1, R9(id=0,off=0,r=0)
; expect: REJECT R9 offset is outside of the packet
r9 = *(u32 *)(r1 +76)
r8 = *(u32 *)(r1 +80)
if r9 < r8 goto l1
r0 = 0
exit
l1:
r0 = *(u8 *)(r9 +0)
r0 = 0
exit

### pkt_end_greater_than_data_at_offset_zero_gives_no_range
; The same test written the other way round.
; type: tc
; before: invalid access to packet, off=0 size=1, R9(id=0,off=0,r=0)
; expect: REJECT R9 offset is outside of the packet
r9 = *(u32 *)(r1 +76)
r8 = *(u32 *)(r1 +80)
if r8 > r9 goto l1
r0 = 0
exit
l1:
r0 = *(u8 *)(r9 +0)
r0 = 0
exit

### pkt_at_end_marker_dropped_by_arithmetic
; type: tc
; expect: REJECT R2 !read_ok
r9 = *(u32 *)(r1 +76)
r8 = *(u32 *)(r1 +80)
r9 += 8
if r9 >= r8 goto l0
r0 = 0
exit
l0:
r9 += 0
if r9 < r8 goto l1
r0 = 0
exit
l1:
r0 = r2
exit

### pkt_beyond_end_marker_dropped_by_arithmetic
; type: tc
; expect: REJECT R2 !read_ok
r9 = *(u32 *)(r1 +76)
r8 = *(u32 *)(r1 +80)
r9 += 8
if r9 > r8 goto l0
r0 = 0
exit
l0:
r9 -= 1
if r9 <= r8 goto l1
r0 = 0
exit
l1:
r0 = r2
exit

### pkt_at_end_marker_kept_by_a_copy
; type: tc
; expect: ACCEPT
r9 = *(u32 *)(r1 +76)
r8 = *(u32 *)(r1 +80)
r9 += 8
if r9 >= r8 goto l0
r0 = 0
exit
l0:
r7 = r9
if r7 < r8 goto l1
r0 = 0
exit
l1:
r0 = r2
exit

### pkt_range_kept_by_constant_add
; type: tc
; expect: ACCEPT
r9 = *(u32 *)(r1 +76)
r8 = *(u32 *)(r1 +80)
r7 = r9
r7 += 8
if r7 > r8 goto l0
r9 += 4
r0 = *(u32 *)(r9 +0)
l0:
r0 = 0
exit

; A packet pointer moved back by a number known not to be negative keeps
; its verified range (adjust_ptr_min_max_vals clears it only for a
; subtrahend that may be negative); one moved by a number that may be
; negative does not.
### pkt_sub_nonnegative_keeps_range
; type: xdp
; expect: ACCEPT
r6 = r1
call bpf_get_prandom_u32
r4 = r0
r4 &= 7
r4 += 8
r5 = r0
r5 >>= 8
r5 &= 7
r2 = *(u32 *)(r6 +0)
r3 = *(u32 *)(r6 +4)
r1 = r2
r1 += r4
r1 += 14
if r1 > r3 goto out
r1 -= r5
r0 = *(u8 *)(r1 -1)
out:
r0 = 2
exit

### pkt_sub_maybe_negative_loses_range
; type: xdp
; before: invalid access to packet, off=13 size=1, R1(id=3,off=13,r=0)
; expect: REJECT R1 offset is outside of the packet
r6 = r1
call bpf_get_prandom_u32
r4 = r0
r4 &= 7
r4 += 8
r5 = r0
r5 >>= 8
r5 &= 7
r5 += -1
r2 = *(u32 *)(r6 +0)
r3 = *(u32 *)(r6 +4)
r1 = r2
r1 += r4
r1 += 14
if r1 > r3 goto out
r1 -= r5
r0 = *(u8 *)(r1 -1)
out:
r0 = 2
exit
