; Helper argument checks: memory + size pairs (zero, negative, unbounded,
; too large), wrong argument types, helpers a program type may not call.

### helper_trace_printk_stack_buffer_ok
; type: socket
; expect: ACCEPT
r1 = 0x0a6968
*(u64 *)(r10 -8) = r1
r1 = r10
r1 += -8
r2 = 4
call bpf_trace_printk
r0 = 0
exit

### helper_mem_size_zero
; type: socket
; expect: REJECT R2 invalid zero-sized read: u64=[0,0]
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = r10
r1 += -8
r2 = 0
call bpf_trace_printk
r0 = 0
exit

### helper_mem_size_negative
; type: socket
; expect: REJECT R2 min value is negative, either use unsigned or 'var &= const'
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = r10
r1 += -8
r2 = -1
call bpf_trace_printk
r0 = 0
exit

### helper_mem_size_unbounded_may_be_zero
; type: socket
; expect: REJECT R2 invalid zero-sized read: u64=[0,4294967295]
r2 = *(u32 *)(r1 +0)
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = r10
r1 += -8
call bpf_trace_printk
r0 = 0
exit

### helper_mem_size_bounded_variable_ok
; type: socket
; expect: ACCEPT
r2 = *(u32 *)(r1 +0)
r2 &= 7
r2 += 1
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = r10
r1 += -8
call bpf_trace_printk
r0 = 0
exit

### helper_mem_size_variable_may_be_zero
; type: socket
; expect: REJECT R2 invalid zero-sized read: u64=[0,7]
r2 = *(u32 *)(r1 +0)
r2 &= 7
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = r10
r1 += -8
call bpf_trace_printk
r0 = 0
exit

### helper_mem_size_larger_than_buffer
; type: socket
; expect: REJECT invalid read from stack R1 off=-8 size=16
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = r10
r1 += -8
r2 = 16
call bpf_trace_printk
r0 = 0
exit

### helper_mem_size_not_a_scalar
; type: socket
; expect: REJECT R2 type=fp expected=scalar
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = r10
r1 += -8
r2 = r10
call bpf_trace_printk
r0 = 0
exit

### helper_mem_arg_is_scalar
; type: socket
; expect: REJECT R1 type=scalar expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_
r1 = 0
r2 = 8
call bpf_trace_printk
r0 = 0
exit

### helper_mem_arg_map_value_ok
; type: socket
; map: array key=4 value=16 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = r0
r2 = 16
call bpf_trace_printk
out:
r0 = 0
exit

### helper_mem_arg_map_value_too_small
; type: socket
; map: array key=4 value=16 max=1
; before: invalid access to map value, value_size=16 off=8 size=16
; expect: REJECT R1 min value is outside of the allowed memory range
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = r0
r1 += 8
r2 = 16
call bpf_trace_printk
out:
r0 = 0
exit

### helper_uninit_mem_get_current_comm_ok
; type: raw_tp
; expect: ACCEPT
r1 = r10
r1 += -16
r2 = 16
call bpf_get_current_comm
r0 = 0
exit

### helper_uninit_mem_size_zero_not_allowed
; type: raw_tp
; expect: REJECT R2 invalid zero-sized read: u64=[0,0]
r1 = r10
r1 += -16
r2 = 0
call bpf_get_current_comm
r0 = 0
exit

### helper_uninit_mem_is_ctx
; type: raw_tp
; expect: REJECT R1 type=ctx expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_
r2 = 16
call bpf_get_current_comm
r0 = 0
exit

### helper_probe_read_kernel_size_zero_ok
; type: raw_tp
; expect: ACCEPT
r3 = *(u64 *)(r1 +0)
r1 = r10
r1 += -8
r2 = 0
call bpf_probe_read_kernel
r0 = 0
exit

### helper_probe_read_kernel_into_stack_ok
; type: raw_tp
; expect: ACCEPT
r3 = *(u64 *)(r1 +0)
r1 = r10
r1 += -32
r2 = 32
call bpf_probe_read_kernel
r0 = *(u64 *)(r10 -32)
r0 = 0
exit

### helper_probe_read_kernel_str_variable_size
; type: raw_tp
; expect: ACCEPT
r3 = *(u64 *)(r1 +0)
r2 = *(u64 *)(r1 +8)
r2 &= 31
r1 = r10
r1 += -32
call bpf_probe_read_kernel_str
r0 = 0
exit

### helper_probe_read_kernel_past_stack
; type: raw_tp
; expect: REJECT invalid write to stack R1 off=-8 size=16
r3 = *(u64 *)(r1 +0)
r1 = r10
r1 += -8
r2 = 16
call bpf_probe_read_kernel
r0 = 0
exit

### helper_probe_read_kernel_dst_read_only_ctx
; type: raw_tp
; expect: REJECT R1 type=ctx expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_
r3 = *(u64 *)(r1 +0)
r2 = 8
call bpf_probe_read_kernel
r0 = 0
exit

### helper_get_current_comm_in_socket_filter_allowed
; type: socket
; expect: ACCEPT
r1 = r10
r1 += -16
r2 = 16
call bpf_get_current_comm
r0 = 0
exit

### helper_get_current_pid_tgid_in_xdp_allowed
; type: xdp
; expect: ACCEPT
call bpf_get_current_pid_tgid
r0 = 2
exit

### helper_get_current_pid_tgid_in_raw_tp
; type: raw_tp
; expect: ACCEPT
call bpf_get_current_pid_tgid
call bpf_get_current_uid_gid
call bpf_get_smp_processor_id
call bpf_ktime_get_boot_ns
r0 = 0
exit

### helper_unknown_id
; type: socket
; expect: REJECT invalid func unknown#9999
call 9999
r0 = 0
exit

### helper_probe_read_in_raw_tp
; type: raw_tp
; expect: ACCEPT
r3 = *(u64 *)(r1 +0)
r1 = r10
r1 += -8
r2 = 8
call bpf_probe_read
r0 = 0
exit

### helper_get_current_task_btf_in_raw_tp
; type: raw_tp
; expect: ACCEPT
call bpf_get_current_task_btf
r0 = 0
exit

### helper_result_r0_is_scalar
; type: socket
; expect: REJECT R0 invalid mem access 'scalar'
call bpf_get_prandom_u32
r0 = *(u64 *)(r0 +0)
exit

### helper_update_elem_flags_pointer_allowed
; type: socket
; map: hash key=4 value=8 max=16
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
*(u64 *)(r10 -16) = r1
r2 = r10
r2 += -4
r3 = r10
r3 += -16
r4 = r10
r1 = map[id:0]
call bpf_map_update_elem
r0 = 0
exit

### helper_update_elem_flags_uninitialised
; type: socket
; map: hash key=4 value=8 max=16
; expect: REJECT R4 !read_ok
r1 = 0
*(u32 *)(r10 -4) = r1
*(u64 *)(r10 -16) = r1
r2 = r10
r2 += -4
r3 = r10
r3 += -16
r1 = map[id:0]
call bpf_map_update_elem
r0 = 0
exit

### helper_key_from_packet_ok
; type: tc
; map: hash key=4 value=8 max=16
; expect: ACCEPT
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r4 = r2
r4 += 4
if r4 > r3 goto out
r1 = map[id:0]
call bpf_map_lookup_elem
out:
r0 = 0
exit

### helper_key_from_packet_unchecked
; type: tc
; map: hash key=4 value=8 max=16
; before: invalid access to packet, off=0 size=4, R2(id=0,off=0,r=0)
; expect: REJECT R2 offset is outside of the packet
r2 = *(u32 *)(r1 +76)
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = 0
exit

### helper_mem_size_unbounded_nonzero
; type: socket
; expect: REJECT R2 unbounded memory access, use 'var &= const' or 'if (var < const)'
r2 = *(u32 *)(r1 +0)
r2 += 1
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = r10
r1 += -8
call bpf_trace_printk
r0 = 0
exit

### helper_probe_read_in_socket_filter
; type: socket
; expect: REJECT program of this type cannot use helper bpf_probe_read#4
r3 = 0
r1 = r10
r1 += -8
r2 = 8
call bpf_probe_read
r0 = 0
exit

### helper_get_current_task_btf_in_xdp
; type: xdp
; expect: ACCEPT
call bpf_get_current_task_btf
r0 = 2
exit

### snprintf_btf_writes_its_string_buffer
; Linux 6.18's bpf_snprintf_btf writes its output string (MEM_WRITE): the
; zero stored there before the call is unknown after it, so the test that
; read it decides nothing.
; type: xdp
; expect: REJECT BPF_MOV uses reserved fields
r1 = 0
*(u64 *)(r10 -80) = r1
*(u64 *)(r10 -256) = r1
*(u64 *)(r10 -248) = r1
*(u64 *)(r10 -240) = r1
r1 = r10
r1 += -128
r2 = 50
r3 = r10
r3 += -256
r4 = 24
r5 = 0
call bpf_snprintf_btf
r2 = *(u32 *)(r10 -80)
if w2 == 0 goto pc+1
w0 = (s32)w9
r0 = 0
exit

### smp_processor_id_is_below_the_number_of_cpus
; `bpf_get_smp_processor_id` returns a CPU number, below the target's
; number of possible CPUs (2 on the recording VM, the harness's
; RECORDED_NR_CPUS): the kernel decides the test and never reads R2.
; type: xdp
; expect: ACCEPT
call bpf_get_smp_processor_id
if r0 < 2 goto pc+1
r0 = r2
r0 = 0
exit

### fib_lookup_writes_its_parameters
; bpf_fib_lookup fills its parameter struct (6.18's stable series tags the
; argument MEM_WRITE): a zero stored there before the call is unknown after
; it, so the branch on it is open and the bad read is reached. Taken as
; read-only, the zero would decide the branch: a false accept.
; type: tc
; expect: REJECT invalid read from stack R10 off=-600 size=4
r6 = r1
r1 = 0
*(u64 *)(r10 -64) = r1
*(u64 *)(r10 -56) = r1
*(u64 *)(r10 -48) = r1
*(u64 *)(r10 -40) = r1
*(u64 *)(r10 -32) = r1
*(u64 *)(r10 -24) = r1
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -8) = r1
r1 = r6
r2 = r10
r2 += -64
r3 = 64
r4 = 0
call bpf_fib_lookup
r1 = *(u64 *)(r10 -24)
if r1 == 0 goto out
r0 = *(u32 *)(r10 -600)
out:
r0 = 0
exit

### helper_packet_pointer_as_a_size_is_packet_access
; A packet pointer is refused to a helper that may not take packet memory
; before any argument's type is looked at, the size argument's too: the
; kernel's check_func_arg says so before check_reg_type. A difffuzz case
; (sched_cls, seed 0x44e7abcad66a696f): kfreg said `R2 type=pkt
; expected=scalar`.
; type: tc
; expect: REJECT helper access to the packet is not allowed
r6 = r1
*(u64 *)(r10 -8) = 0
r1 = r10
r1 += -8
r2 = *(u32 *)(r6 +76)
r3 = 0
call bpf_probe_read_user
r0 = 0
exit

### helper_memory_type_before_its_size_is_read
; Memory is type-checked as its own argument, before the size argument is
; read: a number where the memory goes is the error, not the unset size
; (difffuzz, sched_cls, seed 0xeb54514d779d25a7: kfreg said `R2 !read_ok`
; here).
; type: tc
; expect: REJECT R1 type=scalar expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_
r1 = 0
call bpf_probe_read_user
r0 = 0
exit

### helper_null_memory_with_a_size_is_checked_at_the_size
; NULL where a helper takes nullable memory skips the type check; the size
; argument then finds it NULL with a size that may be non-zero.
; type: tc
; expect: REJECT R1 type=scalar expected=fp
r1 = 0
r2 = 8
r3 = 0
r4 = 0
r5 = 0
call bpf_csum_diff
r0 = 0
exit

### sock_pointer_narrow_load_inside_a_field_named_by_its_start
; A socket pointer's fields follow bpf_sock_is_valid_access too: a byte of
; `family` only at its start.
; type: tc
; expect: REJECT R0 invalid sock access off=5 size=1
r6 = r1
*(u64 *)(r10 -8) = 0
*(u64 *)(r10 -16) = 0
*(u64 *)(r10 -24) = 0
*(u64 *)(r10 -32) = 0
*(u64 *)(r10 -40) = 0
*(u64 *)(r10 -48) = 0
r1 = r6
r2 = r10
r2 += -48
r3 = 12
r4 = -1
r5 = 0
call bpf_sk_lookup_tcp
if r0 == 0 goto out
r6 = r0
r7 = *(u8 *)(r0 +4)
r7 = *(u8 *)(r0 +5)
r1 = r6
call bpf_sk_release
out:
r0 = 0
exit

### helper_memory_that_is_the_context
; The context is no memory: refused as the memory argument, before its
; size is looked at (difffuzz, cgroup_sysctl, seed 0x58e7b01512fb03cf:
; kfreg said `R2 invalid zero-sized read`).
; type: tc
; expect: REJECT R1 type=ctx expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_
r2 = 0
r3 = 0
r4 = r10
r4 += -8
call bpf_strtoul
r0 = 0
exit

; The socket-option helpers of cgroup_sockopt programs exist only in
; cgroup/setsockopt ones (cg_sockopt_func_proto); a difference found
; while declaring the LSM ones.

### cgroup_sockopt_get_helper49
; type: sockopt_get
; expect: REJECT program of this type cannot use helper bpf_setsockopt#49
r6 = r1
r1 = *(u64 *)(r6 +0)
if r1 == 0 goto pc+7
r2 = 0
r3 = 0
r4 = r10
r4 += -8
*(u64 *)(r10 -8) = 0
r5 = 4
call 49
r0 = 1
exit

### cgroup_sockopt_get_helper57
; type: sockopt_get
; expect: REJECT program of this type cannot use helper bpf_getsockopt#57
r6 = r1
r1 = *(u64 *)(r6 +0)
if r1 == 0 goto pc+7
r2 = 0
r3 = 0
r4 = r10
r4 += -8
*(u64 *)(r10 -8) = 0
r5 = 4
call 57
r0 = 1
exit

### cgroup_sockopt_set_helper49
; type: sockopt_set
; expect: ACCEPT
r6 = r1
r1 = *(u64 *)(r6 +0)
if r1 == 0 goto pc+7
r2 = 0
r3 = 0
r4 = r10
r4 += -8
*(u64 *)(r10 -8) = 0
r5 = 4
call 49
r0 = 1
exit

### cgroup_sockopt_set_helper57
; type: sockopt_set
; expect: ACCEPT
r6 = r1
r1 = *(u64 *)(r6 +0)
if r1 == 0 goto pc+7
r2 = 0
r3 = 0
r4 = r10
r4 += -8
*(u64 *)(r10 -8) = 0
r5 = 4
call 57
r0 = 1
exit

