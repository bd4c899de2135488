; BPF iterators (`; type: iter/TARGET`): each target gives its context
; arguments their own register types (its bpf_iter_reg.ctx_arg_info, which
; btf_ctx_access hands out), may add helpers (get_func_proto), and every
; iterator may update sockmaps (may_update_sockmap). Layouts are the
; kernel's struct bpf_iter__TARGET: meta at 0, then one u64 per argument.

### iter_task_vma_task_is_plain
; type: iter/task_vma
; expect: REJECT R2 invalid mem access 'ptr_or_null_'
r2 = *(u64 *)(r1 +8)
r0 = *(u32 *)(r2 +0)
r0 = 0
exit

### iter_task_task_is_trusted
; type: iter/task
; expect: REJECT R2 invalid mem access 'trusted_ptr_or_null_'
r2 = *(u64 *)(r1 +8)
r0 = *(u32 *)(r2 +0)
r0 = 0
exit

### iter_task_meta_is_trusted_not_null
; type: iter/task
; expect: ACCEPT
r2 = *(u64 *)(r1 +0)
r0 = *(u64 *)(r2 +8)
r0 = 0
exit

### iter_task_file_fd_narrow_read
; type: iter/task_file
; expect: ACCEPT
r0 = *(u32 *)(r1 +16)
r0 = *(u8 *)(r1 +16)
r0 = 0
exit

### iter_task_file_read_inside_slot
; type: iter/task_file
; before: func 'bpf_iter_task_file' offset 20 is not multiple of 8
; expect: REJECT invalid bpf_context access off=20 size=4
r0 = *(u32 *)(r1 +20)
r0 = 0
exit

### iter_task_file_pointer_narrow_read
; type: iter/task_file
; before: func 'bpf_iter_task_file' size 4 must be 8
; expect: REJECT invalid bpf_context access off=8 size=4
r0 = *(u32 *)(r1 +8)
r0 = 0
exit

### iter_tcp_getsockopt
; type: iter/tcp
; expect: ACCEPT
r1 = *(u64 *)(r1 +8)
if r1 == 0x0 goto out
r2 = 1
r3 = 7
r4 = r10
r4 += -8
r5 = 4
call bpf_getsockopt
out:
r0 = 0
exit

### iter_task_getsockopt
; type: iter/task
; expect: REJECT program of this type cannot use helper bpf_getsockopt#57
r1 = *(u64 *)(r1 +8)
if r1 == 0x0 goto out
r2 = 1
r3 = 7
r4 = r10
r4 += -8
r5 = 4
call bpf_getsockopt
out:
r0 = 0
exit
