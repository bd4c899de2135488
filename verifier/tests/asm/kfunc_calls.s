; Kfunc calls the differential fuzzer generates from the declarations
; (fuzz/README.md, session 27): results, memory arguments, sleepability.

### kfunc_bool_result_is_unbounded
; A scalar result is an unknown 64-bit scalar whatever its C width
; (check_kfunc_call: mark_reg_unknown; the width only sets subreg_def), so
; the path where a bool result exceeds 255 is explored.
; type: syscall
; expect: REJECT invalid size of register spill
r6 = r1
*(u64 *)(r10 -8) = 0
*(u64 *)(r10 -16) = 0
*(u64 *)(r10 -24) = 0
*(u64 *)(r10 -32) = 0
r1 = r10
r1 += -32
call bpf_cpumask_full
r9 = 255
if r9 >= r0 goto out
*(u8 *)(r10 -105) = r6
out:
r0 = 0
exit

### kfunc_u32_result_in_pointer_math
; type: syscall
; expect: REJECT math between ctx pointer and register with unbounded min value is not allowed
r6 = r1
*(u64 *)(r10 -8) = 0
*(u64 *)(r10 -16) = 0
*(u64 *)(r10 -24) = 0
*(u64 *)(r10 -32) = 0
r1 = r10
r1 += -32
call bpf_cpumask_weight
r6 += r0
r0 = 0
exit

### kfunc_syscall_ctx_as_struct_memory
; A struct made of scalars takes any memory the program may pass to a
; helper, and a syscall program's context is such memory
; (check_helper_mem_access: is_var_ctx_off_allowed).
; type: syscall
; expect: ACCEPT
call bpf_cpumask_full
r0 = 0
exit

### kfunc_struct_memory_from_a_scalar
; type: syscall
; expect: REJECT R1 type=scalar expected=fp
r1 = 5
call bpf_cpumask_full
r0 = 0
exit

### kfunc_struct_memory_null
; type: syscall
; expect: REJECT Possibly NULL pointer passed to trusted arg0
r1 = 0
call bpf_cpumask_full
r0 = 0
exit

### kfunc_struct_memory_moved_syscall_ctx
; type: syscall
; expect: REJECT dereference of modified ctx ptr R1 off=65000 disallowed
r1 += 65000
call bpf_cpumask_full
r0 = 0
exit

### kfunc_struct_memory_in_read_only_map
; The kernel checks a kfunc's memory for writing too (check_mem_reg).
; type: syscall
; map: array key=4 value=48 max=1 rdonly_prog
; expect: REJECT write into map forbidden, value_size=48 off=0 size=32
r1 = map[id:0]
r2 = r10
r2 += -4
*(u32 *)(r10 -4) = 0
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = r0
call bpf_cpumask_full
out:
r0 = 0
exit

### kfunc_struct_arg_stack_to_trusted_kfunc
; A struct of scalars passed unsized to a kfunc that is not KF_RCU is taken
; as a kernel object, trusted only from a trusted pointer (found by
; scripts/kfunc-arg-sweep.py: kfreg read it as stack memory and went on).
; type: syscall
; expect: REJECT R1 must be referenced or trusted
*(u64 *)(r10 -8) = 0
*(u64 *)(r10 -16) = 0
*(u64 *)(r10 -24) = 0
*(u64 *)(r10 -32) = 0
*(u64 *)(r10 -40) = 0
r1 = r10
r1 += -40
call bpf_cpumask_acquire
if r0 == 0 goto out
r1 = r0
call bpf_cpumask_release
out:
r0 = 0
exit

### kfunc_struct_arg_stack_to_rcu_kfunc
; type: syscall
; expect: ACCEPT
*(u64 *)(r10 -8) = 0
*(u64 *)(r10 -16) = 0
*(u64 *)(r10 -24) = 0
*(u64 *)(r10 -32) = 0
*(u64 *)(r10 -40) = 0
r1 = r10
r1 += -40
call bpf_cpumask_clear
r0 = 0
exit

### kfunc_struct_arg_other_programs_context
; The context of another program type is such a struct too.
; type: tc
; expect: REJECT R1 must be referenced or trusted
r2 = 0
r3 = 0
r4 = 0
r5 = 0
call bpf_xdp_ct_alloc
r0 = 0
exit

### kfunc_union_arg_from_stack
; A union is memory, from the stack as well.
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
*(u64 *)(r10 -72) = 0
*(u64 *)(r10 -80) = 0
*(u64 *)(r10 -88) = 0
*(u64 *)(r10 -96) = 0
r1 = r6
r2 = r10
r2 += -64
r3 = 12
r4 = r10
r4 += -96
r5 = 16
call bpf_xdp_ct_alloc
if r0 == 0 goto out
r7 = r0
r1 = r7
r2 = r10
r2 += -32
r3 = 0
r4 = 0
call bpf_ct_set_nat_info
r1 = r7
call bpf_ct_insert_entry
if r0 == 0 goto out
r1 = r0
call bpf_ct_release
out:
r0 = 0
exit

### kfunc_uninit_scalar_arg
; Kfunc arguments are not read-checked: an uninitialised one is the wrong
; type.
; type: syscall
; expect: REJECT R1 is not a scalar
call bpf_get_prandom_u32
call bpf_cpumask_set_cpu
r0 = 0
exit

### kfunc_uninit_struct_arg
; type: syscall
; expect: REJECT arg#0 pointer type STRUCT task_struct must point to scalar, or struct with scalar
call bpf_get_prandom_u32
call bpf_task_release
r0 = 0
exit

### kfunc_uninit_pointer_arg_offset
; Once classified, an uninitialised pointer fails the offset check.
; type: syscall
; expect: REJECT variable ? access var_off=(0x0; 0xffffffffffffffff) disallowed
call bpf_get_prandom_u32
call bpf_cpumask_clear
r0 = 0
exit

### kfunc_mem_len_pair_bad_buffer
; Whatever fails in a memory, length pair ends in one line.
; type: syscall
; before: R1 type=scalar expected=fp
; expect: REJECT arg#0 arg#1 memory, len pair leads to invalid memory access
*(u64 *)(r10 -8) = 0
r1 = 9
r2 = 8
r3 = r10
r3 += -8
call bpf_crypto_ctx_create
r0 = 0
exit

### kfunc_mem_len_pair_without_scalar_len
; Without a scalar length the buffer is its pointee: here a struct of
; scalars, so a kernel object.
; type: syscall
; expect: REJECT R1 must be referenced or trusted
*(u64 *)(r10 -8) = 0
*(u64 *)(r10 -16) = 0
r1 = r10
r1 += -16
r2 = r10
r3 = r10
r3 += -8
call bpf_crypto_ctx_create
r0 = 0
exit

### kfunc_mem_len_pair_zero_bytes_of_context
; Zero bytes of a context without convert_ctx_access are no access.
; type: syscall
; expect: ACCEPT
*(u64 *)(r10 -8) = 0
r2 = 0
r3 = r10
r3 += -8
call bpf_crypto_ctx_create
if r0 == 0 goto out
r1 = r0
call bpf_crypto_ctx_release
out:
r0 = 0
exit

### kfunc_iter_new_misaligned
; type: syscall
; before: cannot pass in iter at an offset=-60
; expect: REJECT expected uninitialized iter_num as arg #0
r1 = r10
r1 += -60
r2 = 0
r3 = 10
call bpf_iter_num_new
r0 = 0
exit

### kfunc_iter_next_misaligned
; type: syscall
; before: cannot pass in iter at an offset=-60
; expect: REJECT expected an initialized iter_num as arg #0
r1 = r10
r1 += -60
call bpf_iter_num_next
r0 = 0
exit

### kfunc_iter_process_context_checked_at_the_iterator
; type: tc
; expect: REJECT Possibly NULL pointer passed to trusted arg0
r1 = 0
r2 = 0
r3 = 0
call bpf_iter_css_task_new
r0 = 0
exit

### kfunc_workqueue_map_without_btf
; type: syscall
; map: array key=4 value=64 max=1
; expect: REJECT map 'map0' has to have BTF in order to use bpf_wq
*(u32 *)(r10 -4) = 0
r1 = map[id:0]
r2 = r10
r2 += -4
call bpf_map_lookup_elem
if r0 == 0 goto out
r1 = r0
r2 = map[id:0]
r3 = 0
call bpf_wq_init
out:
r0 = 0
exit

### kfunc_without_flags_wants_trusted_arguments
; Every kfunc but a KF_RCU one takes trusted pointers only (trusted
; arguments are the default): a pointer walked from the iterator's task is
; refused before its type is compared (found by scripts/kfunc-arg-sweep.py).
; type: iter/task
; expect: REJECT R1 must be referenced or trusted
r6 = r1
r7 = *(u64 *)(r6 +8)
if r7 == 0 goto out
r7 = *(u64 *)(r7 +1280)
if r7 == 0 goto out
r1 = r7
r2 = 0
call css_rstat_updated
out:
r0 = 0
exit

### kfunc_struct_arg_given_a_socket
; A socket is a trusted pointer to its kernel struct: given where another
; struct is expected it is that struct's mismatch, not memory (difffuzz
; seed 0x62c4149b5157d4cc).
; type: tc
; expect: REJECT kernel function bpf_map_sum_elem_count args#0 expected pointer to STRUCT bpf_map but R1 has a pointer to STRUCT sock_common
r1 = *(u64 *)(r1 +168)
if r1 == 0 goto out
call bpf_map_sum_elem_count
out:
r0 = 0
exit

### unresolved_kfunc_call_reached
; A kfunc call libbpf left unresolved (BTF id 0, a missing weak kfunc) is
; passed over by the walk and refused once verified, if still reachable.
; type: tracepoint
; expect: REJECT invalid kernel function call not eliminated in verifier pass
call missing_weak_kfunc#0
r0 = 1
exit

### unresolved_kfunc_call_sets_no_result
; The walk passes over it without a result: R0 stays unset.
; type: tracepoint
; expect: REJECT R0 !read_ok
call missing_weak_kfunc#0
r0 += 1
exit

### unresolved_kfunc_call_in_dead_code
; type: tracepoint
; expect: ACCEPT
r0 = 1
if r0 > 0 goto out
call missing_weak_kfunc#0
out:
exit

### kfunc_map_pointer_as_sized_memory
; A map pointer goes by its kernel type (struct bpf_map) before a sized
; buffer is considered, and a void * parameter is no struct:
; get_kfunc_ptr_arg_type refuses it by the parameter's BTF.
; type: syscall
; flags: 16
; map: array key=4 value=8 max=1
; expect: REJECT kernel function bpf_copy_from_user_str args#0 pointer type UNKNOWN  is not supported
r1 = map[id:0]
r2 = 8
r3 = 0
r4 = 0
call bpf_copy_from_user_str
r0 = 0
exit

### kfunc_socket_as_sized_memory
; type: tc
; expect: REJECT kernel function bpf_dynptr_slice args#2 pointer type UNKNOWN  is not supported
r6 = r1
*(u64 *)(r10 -8) = 0
*(u64 *)(r10 -16) = 0
*(u64 *)(r10 -24) = 0
*(u64 *)(r10 -32) = 0
*(u64 *)(r10 -40) = 0
r1 = r6
r2 = r10
r2 += -40
r3 = 12
r4 = -1
r5 = 0
call bpf_sk_lookup_tcp
if r0 == 0x0 goto out
r7 = r0
r1 = r6
r2 = 0
r3 = r10
r3 += -16
call bpf_dynptr_from_skb
r1 = r10
r1 += -16
r2 = 0
r3 = r7
r4 = 4
call bpf_dynptr_slice
r1 = r7
call bpf_sk_release
out:
r0 = 0
exit

### kfunc_const_str_in_a_writable_map
; A string argument is checked as the helpers' is (check_reg_const_str):
; a map value, read-only, at a constant address, within the value, and
; NUL-terminated.
; type: syscall
; map: array key=4 value=8 max=1
; expect: REJECT R2 does not point to a readonly map'
r1 = 1
r2 = map[id:0][0]+0
r3 = 0
r4 = 0
r5 = 0
call bpf_stream_vprintk_impl
r0 = 0
exit

### kfunc_const_str_past_the_value
; type: syscall
; map: array key=4 value=8 max=1 rdonly_prog init=2564000000000000
; before: invalid access to map value, value_size=8 off=8 size=0
; expect: REJECT R2 min value is outside of the allowed memory range
r1 = 1
r2 = map[id:0][0]+0
r2 += 8
r3 = 0
r4 = 0
r5 = 0
call bpf_stream_vprintk_impl
r0 = 0
exit

### kfunc_const_str_before_the_value
; type: syscall
; map: array key=4 value=8 max=1 rdonly_prog init=2564000000000000
; before: invalid access to map value, value_size=8 off=-4 size=12
; expect: REJECT R2 min value is outside of the allowed memory range
r1 = 1
r2 = map[id:0][0]+0
r2 += -4
r3 = 0
r4 = 0
r5 = 0
call bpf_stream_vprintk_impl
r0 = 0
exit

### kfunc_const_str_unterminated
; type: syscall
; map: array key=4 value=8 max=1 rdonly_prog init=2564256425642564
; expect: REJECT string is not zero-terminated
r1 = 1
r2 = map[id:0][0]+2
r3 = 0
r4 = 0
r5 = 0
call bpf_stream_vprintk_impl
r0 = 0
exit

### kfunc_const_void_param_given_a_kernel_object
; A `const void *` parameter names its pointee as the kernel's btf_void:
; kind UNKNOWN, no name.
; type: syscall
; map: array key=4 value=8 max=1 rdonly_prog init=2564000000000000
; expect: REJECT kernel function bpf_stream_vprintk_impl args#2 pointer type UNKNOWN  is not supported
call bpf_get_current_task_btf
r3 = r0
r1 = 1
r2 = map[id:0][0]+0
r4 = 0
r5 = 0
call bpf_stream_vprintk_impl
r0 = 0
exit

### kfunc_sized_memory_from_untrusted_memory
; A kfunc reads a memory argument within its size before it writes it
; (check_mem_reg): untrusted read-only memory has none.
; type: syscall
; map: array key=4 value=8 max=1 rdonly_prog init=2564000000000000
; before: invalid access to memory, mem_size=0 off=0 size=8
; before: R3 min value is outside of the allowed memory range
; expect: REJECT arg#2 arg#3 memory, len pair leads to invalid memory access
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = r10
r1 += -8
r2 = 0
call bpf_rdonly_cast
r3 = r0
r1 = 1
r2 = map[id:0][0]+0
r4 = 8
r5 = 0
call bpf_stream_vprintk_impl
r0 = 0
exit
