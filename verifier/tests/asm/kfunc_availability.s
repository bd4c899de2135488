; Which program types may call a kfunc, and what bpf_cast_to_kern_ctx
; returns in each (scripts/kfunc-availability-sweep.py, session 36).

### avail_fmodret_target_not_callable
; An fmod_ret attach target (register_btf_fmodret_id_set) is callable from
; no program type, tracing included.
; type: iter/task
; expect: REJECT calling kernel function bpf_fentry_test1 is not allowed
r1 = 1
call bpf_fentry_test1
r0 = 0
exit

### avail_fmodret_target_not_callable_syscall
; type: syscall
; expect: REJECT calling kernel function bpf_modify_return_test is not allowed
r1 = 1
r2 = r10
r2 += -8
call bpf_modify_return_test
r0 = 0
exit

### kern_ctx_tracepoint_not_a_struct
; A tracepoint's kernel context is a u64 (bpf_types.h): no struct to cast to.
; type: tracepoint
; expect: REJECT kern ctx type id 38 is not a struct
call bpf_cast_to_kern_ctx
r0 = 0
exit

### kern_ctx_raw_tp_not_a_struct
; type: raw_tp
; expect: REJECT kern ctx type id 38 is not a struct
call bpf_cast_to_kern_ctx
r0 = 0
exit

### kern_ctx_iter_not_a_struct
; A tracing program's kernel context is a void pointer.
; type: iter/task
; expect: REJECT kern ctx type id 108 is not a struct
call bpf_cast_to_kern_ctx
r0 = 0
exit

### kern_ctx_syscall_not_a_struct
; type: syscall
; expect: REJECT kern ctx type id 108 is not a struct
call bpf_cast_to_kern_ctx
r0 = 0
exit

### kern_ctx_kprobe_pt_regs
; A kprobe's kernel context is struct pt_regs: its registers may be read.
; type: kprobe
; expect: ACCEPT
call bpf_cast_to_kern_ctx
r1 = *(u64 *)(r0 +80)
r1 = *(u64 *)(r0 +160)
r0 = 0
exit

### kern_ctx_kprobe_pt_regs_past_end
; type: kprobe
; expect: REJECT access beyond struct pt_regs at off 168 size 8
call bpf_cast_to_kern_ctx
r1 = *(u64 *)(r0 +168)
r0 = 0
exit

### kern_ctx_kprobe_pt_regs_write
; type: kprobe
; expect: REJECT only read is supported
call bpf_cast_to_kern_ctx
r1 = 0
*(u64 *)(r0 +80) = r1
r0 = 0
exit

### avail_metadata_kfunc_before_sleepable
; The kernel refuses a device-bound kfunc as it adds the program's kfuncs,
; before it looks at whether the program may be sleepable.
; type: syscall_ns
; expect: REJECT metadata kfuncs require device-bound program
call bpf_xdp_metadata_rx_hash
r0 = 0
exit
