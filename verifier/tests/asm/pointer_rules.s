; Rules the kernel keeps per pointer type: which pointers a load may mix,
; which a store spills, which count as never NULL or as helper memory,
; and how a helper's argument must sit (aligned, unmoved, one reference).

### same_load_through_stack_and_tcp_sock
; The kernel rewrites a socket's loads once for all paths: another path
; may not take the same load through the stack.
; type: tc
; expect: REJECT same insn cannot be used with different pointers
r1 = *(u64 *)(r1 +168)
if r1 == 0x0 goto out
call bpf_tcp_sock
if r0 == 0x0 goto out
r6 = r0
call bpf_get_prandom_u32
r3 = r6
if r0 > 100 goto load
r2 = 0
*(u64 *)(r10 -8) = r2
r3 = r10
r3 += -8
load:
r0 = *(u32 *)(r3 +4)
out:
r0 = 0
exit

### tcp_sock_upper_half_of_a_counter
; A 4-byte load at a u64 counter's upper half passes the field check but
; has no rewrite: the kernel fails after verifying, with EFAULT.
; type: tc
; expect: REJECT verifier bug: error during ctx access conversion (0)
r1 = *(u64 *)(r1 +168)
if r1 == 0x0 goto out
call bpf_tcp_sock
if r0 == 0x0 goto out
r0 = *(u32 *)(r0 +84)
out:
r0 = 0
exit

### flow_keys_are_no_helper_memory
; type: flow_dissector
; expect: REJECT R1 type=flow_keys expected=fp, pkt, pkt_meta, map_key, map_value, mem, ringbuf_mem, buf, trusted_ptr_
r1 = *(u64 *)(r1 +144)
r2 = 8
call bpf_trace_printk
r0 = 0
exit

### flow_keys_may_be_null_for_a_test
; The kernel does not hold flow keys to be non-NULL: both sides of the
; test are explored.
; type: flow_dissector
; expect: REJECT R1 invalid mem access 'scalar'
r2 = *(u64 *)(r1 +144)
if r2 != 0x0 goto out
r1 = 5
r0 = *(u32 *)(r1 +0)
out:
r0 = 0
exit

### tracepoint_buffer_pointer_is_stored_as_data
; A writable tracepoint's buffer pointer is not spilled: read back from
; the stack it is a number.
; type: raw_tp_w
; expect: REJECT R1 invalid mem access 'scalar'
r1 = *(u64 *)(r1 +0)
*(u64 *)(r10 -8) = r1
r1 = *(u64 *)(r10 -8)
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### tracepoint_buffer_pointer_stored_in_four_bytes
; Stored as data, it may be stored in part.
; type: raw_tp_w
; expect: ACCEPT
r1 = *(u64 *)(r1 +0)
*(u32 *)(r10 -8) = r1
r0 = 0
exit

### for_each_callback_writes_a_read_only_map
; A read-only map's value is read-only however the program came by it.
; type: tc
; map: array key=4 value=8 max=1 rdonly_prog
; expect: REJECT write into map forbidden, value_size=8 off=0 size=8
r1 = map[id:0]
r2 = subprog[cb]
r3 = 0
r4 = 0
call bpf_for_each_map_elem
r0 = 0
exit
cb:
r1 = 1
*(u64 *)(r3 +0) = r1
r0 = 0
exit

### aligned_helper_argument_in_a_map_value
; A helper's aligned argument is checked strictly whatever the pointer.
; type: tc
; map: array key=4 value=16 max=1
; expect: REJECT misaligned value access off 0+2+0 size 4
r6 = r1
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r3 = r0
r3 += 2
r1 = r6
r2 = 0
r4 = 0
r5 = 0
call bpf_check_mtu
out:
r0 = 0
exit

### aligned_helper_argument_at_an_aligned_variable_offset
; A variable offset whose unknown bits keep the alignment is aligned.
; type: tc
; expect: ACCEPT
r6 = r1
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r0 &= 8
r3 = r10
r3 += -16
r3 += r0
r1 = r6
r2 = 0
r4 = 0
r5 = 0
call bpf_check_mtu
r0 = 0
exit

### two_arguments_carry_one_reference
; type: tc
; map: ringbuf max=4096
; expect: REJECT more than one arg with ref_obj_id R3 2 2
r1 = map[id:0]
r2 = 16
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
r6 = r0
r1 = r6
r2 = 4
r3 = r6
r3 += 4
r4 = 4
r5 = 0
call bpf_csum_diff
r1 = r6
r2 = 0
call bpf_ringbuf_discard
out:
r0 = 0
exit

### released_record_at_a_variable_offset
; A released pointer is unmoved: with no fixed offset, its variable one
; is named.
; type: socket
; map: ringbuf max=4096
; expect: REJECT variable ringbuf_mem access var_off=(0x0; 0x8) disallowed
r1 = map[id:0]
r2 = 64
r3 = 0
call bpf_ringbuf_reserve
if r0 == 0x0 goto out
r6 = r0
call bpf_get_prandom_u32
r0 &= 8
r6 += r0
r1 = r6
r2 = 0
call bpf_ringbuf_discard
out:
r0 = 0
exit

### submitting_a_local_dynptr
; Only a dynptr holding a reference can be released.
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT arg 1 is an unacquired reference
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = r0
r2 = 16
r3 = 0
r4 = r10
r4 += -24
call bpf_dynptr_from_mem
r1 = r10
r1 += -24
r2 = 0
call bpf_ringbuf_submit_dynptr
out:
r0 = 0
exit

### load_acquire_through_a_plain_kernel_object
; A kernel object pointer with no lifetime the kernel vouches for is read
; by probing: no place to acquire from.
; type: tc
; expect: REJECT BPF_ATOMIC loads from R0 ptr_ is not allowed
r1 = *(u64 *)(r1 +168)
if r1 == 0x0 goto out
call bpf_skc_to_tcp_sock
if r0 == 0x0 goto out
r0 = load_acquire((u32 *)(r0 +0))
out:
r0 = 0
exit

### tracepoint_context_sign_extending_load_below_its_start
; The tracepoint context's check lets negative offsets through (an
; unsigned comparison): sign-extending loads as well as plain ones.
; type: tracepoint
; expect: ACCEPT
r0 = *(s8 *)(r1 -1)
r0 = 0
exit

### atomic_on_a_socket_that_may_be_null
; A socket is known by its exact type: one that may be NULL is refused
; by the access, not by the atomic's pointer check.
; type: tc
; expect: REJECT R2 invalid mem access 'sock_common_or_null'
r2 = *(u64 *)(r1 +168)
r1 = 1
lock *(u32 *)(r2 +0) += r1
r0 = 0
exit

; A pointer compared with 0 decides the branch only while its variable
; offset stays below BPF_MAX_VAR_OFF (recorded on the running 6.18
; kernel): plus a u32 both sides are explored, plus an s8 one.
### ptr_plus_u32_null_test_explores_both
; type: socket
; map: array key=4 value=64 max=1
; expect: REJECT R1 invalid mem access 'scalar'
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(u32 *)(r0 +0)
r0 += r1
if r0 != 0x0 goto out
r1 = 5
r0 = *(u64 *)(r1 +0)
out:
r0 = 0
exit

### ptr_plus_s8_null_test_decided
; type: socket
; map: array key=4 value=64 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = *(s8 *)(r0 +0)
r0 += r1
if r0 != 0x0 goto out
r1 = 5
r0 = *(u64 *)(r1 +0)
out:
r0 = 0
exit

; A kernel object access is refused a negative offset before a variable one.
### btf_negative_before_variable_offset
; type: tp_btf/task_newtask
; expect: REJECT R6 is ptr_task_struct invalid negative access: off=-8
r6 = *(u64 *)(r1 +0)
r7 = *(u64 *)(r1 +8)
r7 &= 255
r6 += r7
r0 = *(u64 *)(r6 -8)
r0 = 0
exit
