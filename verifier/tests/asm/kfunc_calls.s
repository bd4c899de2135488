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
