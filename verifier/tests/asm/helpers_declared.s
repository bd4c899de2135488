; Helper rules that come from the helpers' declarations: argument kinds with
; their modifiers (NULL memory only when sized zero, fixed-size aligned
; memory, unmodified context pointers), and packet ranges around them.

### xdp_meta_bounded_by_data_end_refused
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
r0 = 0
exit

### xdp_meta_bounded_by_data_ok
; type: xdp
; expect: ACCEPT
r2 = *(u32 *)(r1 +8)
r3 = *(u32 *)(r1 +0)
r0 = r2
r0 += 8
if r0 > r3 goto out
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### null_memory_with_nonzero_size_refused
; type: tc
; expect: REJECT R1 type=scalar expected=fp
r2 = *(u32 *)(r1 +0)
r2 &= 64
r1 = 0
r3 = 0
r4 = 0
r5 = 0
call bpf_csum_diff
r0 = 0
exit

### null_memory_with_zero_size_ok
; type: tc
; expect: ACCEPT
r1 = 0
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call bpf_csum_diff
r0 = 0
exit

### modified_ctx_pointer_to_helper_refused
; type: tc
; expect: REJECT dereference of modified ctx ptr R1 off=8 disallowed
r1 += 8
r2 = 0
r3 = r10
r3 += -8
r4 = 4
call bpf_skb_load_bytes
r0 = 0
exit

### misaligned_fixed_size_result_refused
; type: socket
; expect: REJECT misaligned stack access off 0+-20+0 size 8
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -24) = r1
r1 = r10
r1 += -8
r2 = 1
r3 = 0
r4 = r10
r4 += -20
call bpf_strtol
r0 = 0
exit

### aligned_fixed_size_result_ok
; type: socket
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
r1 = r10
r1 += -8
r2 = 1
r3 = 0
r4 = r10
r4 += -16
call bpf_strtol
r0 = 0
exit

### division_result_is_unknown_refused
; The kernel tracks no range through a division, even of constants: both
; sides of the test are explored.
; type: socket
; expect: REJECT R2 !read_ok
r0 = 8
r0 /= 2
if r0 == 4 goto ok
r3 = r2
ok:
r0 = 0
exit

### modulo_result_is_unknown_refused
; type: socket
; expect: REJECT R2 !read_ok
r0 = 9
r0 %= 4
if r0 == 1 goto ok
r3 = r2
ok:
r0 = 0
exit

### ld_abs_result_is_wholly_unknown_refused
; A legacy packet load leaves R0 unknown, not bounded by the load's width.
; type: socket
; expect: REJECT R2 !read_ok
r6 = r1
r0 = *(u8 *)skb[23]
if r0 < 256 goto ok
r3 = r2
ok:
r0 = 0
exit

### byte_swap_of_a_constant_is_known_be16_ok
; type: socket
; expect: ACCEPT
r1 = 4660
r1 = be16 r1
if r1 == 13330 goto ok
r3 = r2
ok:
r0 = 0
exit

### byte_swap_of_a_constant_is_known_bswap32_ok
; type: socket
; expect: ACCEPT
r1 = 305419896
r1 = bswap32 r1
if r1 == 2018915346 goto ok
r3 = r2
ok:
r0 = 0
exit

### byte_swap_of_a_constant_is_known_le64_ok
; type: socket
; expect: ACCEPT
r1 = 7
r1 = le64 r1
if r1 == 7 goto ok
r3 = r2
ok:
r0 = 0
exit

### byte_swap_of_an_unknown_is_unknown_refused
; type: socket
; expect: REJECT R2 !read_ok
r1 = *(u32 *)(r1 +0)
r1 = be16 r1
if r1 == 13330 goto ok
r3 = r2
ok:
r0 = 0
exit

### helper_str_result_is_bounded_by_its_size
; The kernel bounds a *_str helper's result by its size argument
; (do_refine_retval_range), so the branch to the bad load is dead.
; type: socket
; expect: ACCEPT
r6 = r1
r1 = r10
r1 += -128
r2 = 18
r3 = 0
call bpf_probe_read_kernel_str
if r0 s< 19 goto pc+1
r4 = *(u64 *)(r6 + 12)
r0 = 0
exit

### helper_str_result_may_reach_its_size
; At most the size, not below it: 18 itself is possible.
; type: socket
; expect: REJECT invalid bpf_context access off=12 size=8
r6 = r1
r1 = r10
r1 += -128
r2 = 18
r3 = 0
call bpf_probe_read_kernel_str
if r0 s< 18 goto pc+1
r4 = *(u64 *)(r6 + 12)
r0 = 0
exit

### sysctl_get_name_writes_its_buffer
; 6.18 declares bpf_sysctl_get_name's buffer MEM_WRITE: the zeroed byte is
; unknown after the call, so the pointer test cannot be settled in advance.
; type: sysctl
; expect: REJECT R1 invalid mem access 'scalar'
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = r6
r2 = r10
r2 += -8
r3 = 8
r4 = 0
call bpf_sysctl_get_name
r1 = *(u8 *)(r10 -8)
if r1 == 0 goto out
r0 = *(u64 *)(r1 +0)
exit
out:
r0 = 1
exit

### null_cast_keeps_the_socket_reference
; A cast of a referenced socket that comes back NULL releases nothing: the
; socket's reference is still held and released through the socket.
; type: tc
; expect: ACCEPT
r2 = 0
*(u64 *)(r10 -8) = r2
*(u64 *)(r10 -16) = r2
*(u64 *)(r10 -24) = r2
*(u64 *)(r10 -32) = r2
*(u64 *)(r10 -40) = r2
r2 = r10
r2 += -40
r3 = 36
r4 = 0
r5 = 0
call bpf_sk_lookup_tcp
if r0 != 0 goto found
exit
found:
r6 = r0
r1 = r0
call bpf_skc_to_tcp_sock
if r0 != 0 goto cast
r1 = r6
call bpf_sk_release
r0 = 0
exit
cast:
r1 = r0
call bpf_sk_release
r0 = 0
exit

### checked_socket_compares_unequal_to_null
; A socket pointer known non-NULL decides a second NULL test: the kernel
; (reg_not_null) does not explore the side that would leak the reference.
; type: tc
; expect: ACCEPT
r2 = 0
*(u64 *)(r10 -8) = r2
*(u64 *)(r10 -16) = r2
*(u64 *)(r10 -24) = r2
*(u64 *)(r10 -32) = r2
*(u64 *)(r10 -40) = r2
r2 = r10
r2 += -40
r3 = 36
r4 = 0
r5 = 0
call bpf_sk_lookup_tcp
if r0 != 0 goto found
exit
found:
r6 = r0
if r6 == 0 goto leak
r1 = r6
call bpf_sk_release
leak:
r0 = 0
exit

### cgroup_classid_of_current_task_in_xdp
; XDP gets bpf_get_cgroup_classid through 6.18's base prototypes: the
; current task's classid, no context argument.
; type: xdp
; expect: ACCEPT
r1 = 7
call bpf_get_cgroup_classid
r0 = 2
exit

### get_func_ip_in_a_tracepoint
; `bpf_get_func_ip` exists for tracepoints, but the verifier wants a traced
; function (check_get_func_ip): kprobes, or tracing programs with a
; trampoline. A difffuzz false accept (tracepoint, seed 0x1403452e60ca3540
; of a --prog-types run).
; type: tracepoint
; expect: REJECT func bpf_get_func_ip#173 not supported for program type 5
call bpf_get_func_ip
r0 = 0
exit

### get_func_ip_in_a_kprobe
; type: kprobe
; expect: ACCEPT
call bpf_get_func_ip
r0 = 0
exit

### get_retval_in_a_device_program_loaded_without_attach_type
; A program loaded without an expected attach type has the number 0,
; BPF_CGROUP_INET_INGRESS, for which cgroup_common_func_proto gives no
; bpf_get_retval. A difffuzz false accept (cgroup_device, seed
; 0x70f23b8b2013fdb7).
; type: cgroup_dev
; expect: REJECT program of this type cannot use helper bpf_get_retval#186
call bpf_get_retval
r0 = 0
exit

### get_retval_in_a_sysctl_program
; type: sysctl
; expect: ACCEPT
call bpf_get_retval
r0 = 1
exit
