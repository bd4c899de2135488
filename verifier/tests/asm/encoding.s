; Legacy packet loads (LD_ABS/LD_IND), kfunc and pseudo encodings, and other
; instruction forms the assembler can write but the kernel refuses.

### ld_abs_socket_filter_ok
; type: socket
; expect: ACCEPT
r6 = r1
r0 = *(u8 *)skb[12]
r0 = *(u16 *)skb[12]
r0 = *(u32 *)skb[12]
exit

### ld_ind_socket_filter_ok
; type: socket
; expect: ACCEPT
r6 = r1
r2 = 14
r0 = *(u8 *)skb[r2 + 2]
exit

### ld_abs_tc_ok
; type: tc
; expect: ACCEPT
r6 = r1
r0 = *(u16 *)skb[12]
r0 = 0
exit

### ld_abs_not_allowed_in_xdp
; type: xdp
; expect: REJECT BPF_LD_[ABS|IND] instructions not allowed for this program type
r6 = r1
r0 = *(u8 *)skb[0]
r0 = 2
exit

### ld_abs_r6_not_ctx
; type: socket
; expect: REJECT at the time of BPF_LD_ABS|IND R6 != pointer to skb
r6 = 0
r0 = *(u8 *)skb[0]
exit

### ld_abs_r6_uninitialised
; type: socket
; expect: REJECT R6 !read_ok
r0 = *(u8 *)skb[0]
exit

### ld_ind_index_uninitialised
; type: socket
; expect: REJECT R3 !read_ok
r6 = r1
r0 = *(u8 *)skb[r3 + 0]
exit

### ld_ind_index_is_pointer
; type: socket
; expect: ACCEPT
r6 = r1
r0 = *(u8 *)skb[r10 + 0]
exit

### ld_abs_clobbers_r1_to_r5
; type: socket
; expect: REJECT R2 !read_ok
r6 = r1
r2 = 1
r0 = *(u8 *)skb[0]
r0 = r2
exit

### ld_abs_in_subprog
; type: socket
; expect: REJECT LD_ABS is not allowed in subprogs without BTF
r6 = r1
call f
exit
f:
r0 = *(u8 *)skb[0]
exit

### kfunc_call_id_zero
; type: socket
; expect: REJECT invalid kernel function call not eliminated in verifier pass
call #0
r0 = 0
exit

### ld_imm64_map_idx_without_fd_array
; type: socket
; map: array key=4 value=8 max=1
; expect: REJECT fd_idx without fd_array is invalid
r1 = map[idx:0]
r0 = 0
exit

### ld_imm64_subprog_address_not_a_callback_use
; type: socket
; expect: ACCEPT
r1 = subprog[f]
r0 = 0
exit
f:
r0 = 0
exit

### call_helper_negative_id
; type: socket
; expect: REJECT invalid func unknown#-1
call -1
r0 = 0
exit

### ld_abs_with_reference_held
; type: socket
; map: ringbuf max=4096
; before: Unreleased reference id=2 alloc_insn=5
; expect: REJECT BPF_LD_[ABS|IND] would lead to reference leak
r6 = r1
r1 = map[id:0]
r2 = 8
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
r7 = r0
r0 = *(u8 *)skb[0]
r1 = r7
r2 = 0
call bpf_ringbuf_discard
out:
r0 = 0
exit
