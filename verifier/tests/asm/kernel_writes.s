; Stores through pointers to kernel structs: tc and xdp programs may write
; a conntrack entry's mark (the conntrack module's btf_struct_access hook
; behind tc_cls_act_btf_struct_access / xdp_btf_struct_access), nothing else.

### ct_mark_written_in_xdp
; type: xdp
; expect: ACCEPT
r6 = r1
*(u64 *)(r10 -8) = 0
*(u64 *)(r10 -16) = 0
*(u64 *)(r10 -24) = 0
*(u64 *)(r10 -32) = 0
*(u64 *)(r10 -40) = 0
*(u64 *)(r10 -48) = 0
*(u64 *)(r10 -56) = 0
*(u64 *)(r10 -64) = 0
r1 = r6
r2 = r10
r2 += -48
r3 = 12
r4 = r10
r4 += -64
r5 = 16
call bpf_xdp_ct_alloc
if r0 == 0 goto out
r7 = r0
r1 = 77
*(u32 *)(r7 +168) = r1
r1 = r7
call bpf_ct_insert_entry
if r0 == 0 goto out
r1 = 78
*(u32 *)(r0 +168) = r1
r1 = r0
call bpf_ct_release
out:
r0 = 0
exit

### ct_secmark_not_written_in_tc
; type: tc
; expect: REJECT no write support to nf_conn at off 172
r6 = r1
*(u64 *)(r10 -8) = 0
*(u64 *)(r10 -16) = 0
*(u64 *)(r10 -24) = 0
*(u64 *)(r10 -32) = 0
*(u64 *)(r10 -40) = 0
*(u64 *)(r10 -48) = 0
*(u64 *)(r10 -56) = 0
*(u64 *)(r10 -64) = 0
r1 = r6
r2 = r10
r2 += -48
r3 = 12
r4 = r10
r4 += -64
r5 = 16
call bpf_skb_ct_alloc
if r0 == 0 goto out
r7 = r0
r1 = 77
*(u32 *)(r7 +172) = r1
r1 = r7
call bpf_ct_insert_entry
if r0 == 0 goto out
r1 = r0
call bpf_ct_release
out:
r0 = 0
exit

### ct_mark_written_past_its_end
; type: xdp
; expect: REJECT write access at off 168 with size 8 beyond the member of nf_conn ended at 172
r6 = r1
*(u64 *)(r10 -8) = 0
*(u64 *)(r10 -16) = 0
*(u64 *)(r10 -24) = 0
*(u64 *)(r10 -32) = 0
*(u64 *)(r10 -40) = 0
*(u64 *)(r10 -48) = 0
*(u64 *)(r10 -56) = 0
*(u64 *)(r10 -64) = 0
r1 = r6
r2 = r10
r2 += -48
r3 = 12
r4 = r10
r4 += -64
r5 = 16
call bpf_xdp_ct_lookup
if r0 == 0 goto out
r7 = r0
r1 = 77
*(u64 *)(r7 +168) = r1
r1 = r7
call bpf_ct_release
out:
r0 = 0
exit

### task_not_written
; Other kernel structs stay read-only.
; type: syscall
; expect: REJECT only read is supported
r1 = 1
call bpf_task_from_pid
if r0 == 0 goto out
r7 = r0
r1 = 0
*(u32 *)(r7 +8) = r1
r1 = r7
call bpf_task_release
out:
r0 = 0
exit
