; Atomic instructions: add/or/and/xor (with and without fetch), xchg and
; cmpxchg, 32 and 64 bits, on the stack and on map values.

### atomic_stack_add_or_and_xor_64
; type: socket
; expect: ACCEPT
r1 = 1
*(u64 *)(r10 -8) = r1
lock *(u64 *)(r10 -8) += r1
lock *(u64 *)(r10 -8) |= r1
lock *(u64 *)(r10 -8) &= r1
lock *(u64 *)(r10 -8) ^= r1
r0 = *(u64 *)(r10 -8)
exit

### atomic_stack_add_or_and_xor_32
; type: socket
; expect: ACCEPT
r1 = 1
*(u32 *)(r10 -4) = r1
lock *(u32 *)(r10 -4) += r1
lock *(u32 *)(r10 -4) |= r1
lock *(u32 *)(r10 -4) &= r1
lock *(u32 *)(r10 -4) ^= r1
r0 = *(u32 *)(r10 -4)
exit

### atomic_stack_fetch_ops_64
; type: socket
; expect: ACCEPT
r1 = 1
*(u64 *)(r10 -8) = r1
r1 = atomic64_fetch_add((u64 *)(r10 -8), r1)
r1 = atomic64_fetch_or((u64 *)(r10 -8), r1)
r1 = atomic64_fetch_and((u64 *)(r10 -8), r1)
r1 = atomic64_fetch_xor((u64 *)(r10 -8), r1)
r0 = r1
exit

### atomic_stack_fetch_ops_32
; type: socket
; expect: ACCEPT
r1 = 1
*(u32 *)(r10 -4) = r1
r1 = atomic_fetch_add((u32 *)(r10 -4), r1)
r1 = atomic_fetch_or((u32 *)(r10 -4), r1)
r1 = atomic_fetch_and((u32 *)(r10 -4), r1)
r1 = atomic_fetch_xor((u32 *)(r10 -4), r1)
r0 = r1
exit

### atomic_stack_xchg_and_cmpxchg_64
; type: socket
; expect: ACCEPT
r1 = 5
*(u64 *)(r10 -8) = r1
r1 = atomic64_xchg((u64 *)(r10 -8), r1)
r0 = 5
r2 = 6
r0 = atomic64_cmpxchg((u64 *)(r10 -8), r0, r2)
exit

### atomic_stack_xchg_and_cmpxchg_32
; type: socket
; expect: ACCEPT
r1 = 5
*(u32 *)(r10 -4) = r1
r1 = atomic_xchg((u32 *)(r10 -4), r1)
r0 = 5
r2 = 6
r0 = atomic_cmpxchg((u32 *)(r10 -4), r0, r2)
exit

### atomic_stack_uninitialised_slot_allowed_for_root
; type: socket
; expect: ACCEPT
r1 = 1
lock *(u64 *)(r10 -8) += r1
r0 = 0
exit

### atomic_cmpxchg_r0_uninitialised
; type: socket
; expect: REJECT R0 !read_ok
r1 = 5
*(u64 *)(r10 -8) = r1
r2 = 6
r0 = atomic64_cmpxchg((u64 *)(r10 -8), r0, r2)
exit

### atomic_source_uninitialised
; type: socket
; expect: REJECT R2 !read_ok
r1 = 5
*(u64 *)(r10 -8) = r1
lock *(u64 *)(r10 -8) += r2
r0 = 0
exit

### atomic_misaligned_stack
; type: socket
; expect: REJECT misaligned stack access off 0+0+-12 size 8
r1 = 0
*(u64 *)(r10 -16) = r1
*(u64 *)(r10 -8) = r1
lock *(u64 *)(r10 -12) += r1
r0 = 0
exit

### atomic_u8_invalid_size
; type: socket
; expect: REJECT invalid atomic operand size
r1 = 0
*(u64 *)(r10 -8) = r1
lock *(u8 *)(r10 -8) += r1
r0 = 0
exit

### atomic_u16_fetch_invalid_size
; type: socket
; expect: REJECT invalid atomic operand size
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = atomic_fetch_add((u16 *)(r10 -8), r1)
r0 = 0
exit

### atomic_into_ctx_not_allowed
; type: socket
; expect: REJECT BPF_ATOMIC stores into R1 ctx is not allowed
r2 = 1
lock *(u32 *)(r1 +48) += r2
r0 = 0
exit

### atomic_into_packet_not_allowed
; type: tc
; expect: REJECT BPF_ATOMIC stores into R2 pkt is not allowed
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r4 = r2
r4 += 8
if r4 > r3 goto out
r1 = 1
lock *(u64 *)(r2 +0) += r1
out:
r0 = 0
exit

### atomic_on_stack_slot_holding_pointer
; type: socket
; expect: ACCEPT
*(u64 *)(r10 -8) = r1
r2 = 1
lock *(u64 *)(r10 -8) += r2
r0 = 0
exit

### atomic_source_is_pointer_allowed_for_root
; type: socket
; expect: ACCEPT
r2 = 0
*(u64 *)(r10 -8) = r2
lock *(u64 *)(r10 -8) += r10
r0 = 0
exit

### atomic_xchg_pointer_into_stack_slot
; type: socket
; expect: ACCEPT
r2 = 0
*(u64 *)(r10 -8) = r2
r1 = atomic64_xchg((u64 *)(r10 -8), r1)
r0 = 0
exit

### atomic_map_value_add_and_fetch
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
r1 = 1
lock *(u64 *)(r0 +0) += r1
lock *(u32 *)(r0 +8) |= r1
r1 = atomic64_fetch_and((u64 *)(r0 +0), r1)
r1 = atomic_fetch_xor((u32 *)(r0 +12), r1)
out:
r0 = 0
exit

### atomic_map_value_xchg_cmpxchg
; type: socket
; map: hash key=4 value=16 max=1
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r6 = r0
r1 = 1
r1 = atomic64_xchg((u64 *)(r6 +8), r1)
r0 = 0
r2 = 7
r0 = atomic64_cmpxchg((u64 *)(r6 +0), r0, r2)
r0 = atomic_cmpxchg((u32 *)(r6 +12), r0, r2)
out:
r0 = 0
exit

### atomic_map_value_out_of_bounds
; type: socket
; map: array key=4 value=16 max=1
; before: invalid access to map value, value_size=16 off=16 size=8
; expect: REJECT R0 min value is outside of the allowed memory range
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = 1
lock *(u64 *)(r0 +16) += r1
out:
r0 = 0
exit

### atomic_map_value_misaligned
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT misaligned value access off 0+0+4 size 8
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = 1
lock *(u64 *)(r0 +4) += r1
out:
r0 = 0
exit

### atomic_map_value_or_null_not_checked
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT R0 invalid mem access 'map_value_or_null'
r1 = 1
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
r1 = 1
lock *(u64 *)(r0 +0) += r1
r0 = 0
exit

### atomic_fetch_from_known_stack_slot_keeps_value
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
r1 = 0
*(u64 *)(r10 -16) = r1
r1 = atomic64_fetch_add((u64 *)(r10 -16), r1)
r0 += r1
r1 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### atomic_load_acquire_store_release
; type: socket
; expect: ACCEPT
r1 = 3
*(u64 *)(r10 -8) = r1
r0 = load_acquire((u64 *)(r10 -8))
r0 = load_acquire((u8 *)(r10 -8))
store_release((u32 *)(r10 -8), r1)
exit

### atomic_fetch_from_map_value_is_unknown_scalar
; type: socket
; map: array key=4 value=16 max=1
; expect: REJECT math between map_value pointer and register with unbounded min value is not allowed
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r1 = map[id:0]
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r1 = 0
r1 = atomic64_fetch_add((u64 *)(r0 +8), r1)
r0 += r1
r1 = *(u8 *)(r0 +0)
out:
r0 = 0
exit

### atomic_fetch_into_address_register
; The kernel marks the register fetched into unknown before checking the
; access: when it is the address register, the access is through a number.
; type: socket
; map: array key=4 value=48 max=4
; expect: REJECT misaligned access off (0x0; 0xffffffffffffffff)+0+0 size 8
r1 = map[id:0]
r2 = r10
r2 += -8
r3 = 0
*(u32 *)(r10 -8) = r3
call bpf_map_lookup_elem
if r0 == 0x0 goto out
r0 = atomic64_fetch_add((u64 *)(r0 +0), r0)
out:
r0 = 0
exit

### atomic_xchg_into_address_register_32
; type: socket
; expect: REJECT misaligned access off (0x0; 0xffffffffffffffff)+0+0 size 4
r1 = r10
r1 += -8
r2 = 0
*(u64 *)(r10 -8) = r2
r1 = atomic_xchg((u32 *)(r1 +0), r1)
r0 = 0
exit

### atomic_cmpxchg_with_r0_as_address
; type: socket
; expect: REJECT misaligned access off (0x0; 0xffffffffffffffff)+0+0 size 8
r0 = r10
r0 += -8
r2 = 0
*(u64 *)(r10 -8) = r2
r0 = atomic64_cmpxchg((u64 *)(r0 +0), r0, r2)
r0 = 0
exit

### atomic_fetch_into_frame_pointer
; type: socket
; expect: REJECT frame pointer is read only
r1 = 0
*(u64 *)(r10 -8) = r1
r10 = atomic64_fetch_add((u64 *)(r10 -8), r10)
r0 = 0
exit

### atomic_fetch_of_a_spilled_pointer_returns_the_pointer
; A fetching atomic on a stack slot holding a spilled pointer loads the
; pointer, as a fill would (the kernel reads the slot a second time into
; the fetch register): the next round's `r8 |= r5` is arithmetic on the
; context pointer, and an unknown r5's offset is checked before the
; operator. kfreg fetched an unknown number and accepted: a difffuzz false
; accept (seed 0x312ab97ea502841b).
; type: socket
; expect: REJECT math between ctx pointer and register with unbounded min value is not allowed
r6 = r1
*(u64 *)(r10 -48) = r6
r8 = 0
r9 = 0
loop:
r5 = 25
r5 /= -1995853495
r8 |= r5
r8 = atomic64_fetch_xor((u64 *)(r10 -48), r8)
r9 += 1
if r9 <= 0x2 goto loop
r0 = 0
exit

### atomic_write_leaves_unknown_bytes_not_a_spill
; An atomic's write to the stack leaves unknown bytes (the kernel checks it
; with no value register), not a spilled number: kfreg spilled one, so the
; may_goto loop's next round (the helper call having made the bytes
; unknown) missed the round before, where the kernel converges on it and
; propagates its precise scalars, a dead R1 the legacy packet load's
; fallback marked included, into the helper call: its internal error.
; A difffuzz false accept (seed 0x460169dc9fd885cc).
; type: socket
; map: array key=4 value=48 max=4
; expect: REJECT verifier bug: backtracking call unexpected regs 382
r6 = r1
r7 = 1
r8 = -1
r9 = -1
r0 = *(u8 *)skb[33]
r7 |= r0
r1 = *(u16 *)(r6 +60)
r8 = atomic_fetch_or((u32 *)(r10 -128), r8)
r9 <<= 56
may_goto pc+6
r1 = r10
r1 += -128
r2 = 65
r3 = -93174887
call bpf_probe_read_kernel_str#115
goto pc-7
if r8 < r0 goto pc+4
r0 s>>= 6
r7 &= 12
r3 = 0
r3 = be32 r3
r0 = *(u32 *)(r6 +4)
call bpf_get_cgroup_classid#17
if w9 & 0x574eaee1 goto pc+7
call bpf_get_current_pid_tgid#14
*(u32 *)(r10 -124) = r0
*(u64 *)(r10 -56) = 1
r0 = atomic64_cmpxchg((u64 *)(r10 -56), r0, r8)
if w7 s< 0x87d63f70 goto pc+1
w0 -= 562677348
r9 <<= 21
*(u64 *)(r10 -208) = 0
r1 = r10
r3 = r10
r3 += -256
r0 = 0
exit

### atomic_misaligned_on_a_nullable_map_value_names_no_pointer_type
; The kernel names the pointer in an alignment error by its whole type, flags
; included: a `map_value_or_null` (the constant key is past the array's
; end, so the lookup may fail) is not a `value`, so the message says
; `misaligned access`, and comes before the NULL check's. A difffuzz case
; (sched_cls, seed 0xc562660fad7ca2cb).
; type: socket
; map: array key=4 value=48 max=4
; expect: REJECT misaligned access off 0+0+22 size 8
*(u32 *)(r10 -4) = 255
r1 = map[id:0]
r2 = r10
r2 += -4
call bpf_map_lookup_elem
r1 = 1
lock *(u64 *)(r0 +22) += r1
r0 = 0
exit

### atomic_misaligned_on_a_map_value
; With a key inside the array the lookup cannot fail: a map value, named so.
; type: socket
; map: array key=4 value=48 max=4
; expect: REJECT misaligned value access off 0+0+22 size 8
*(u32 *)(r10 -4) = 0
r1 = map[id:0]
r2 = r10
r2 += -4
call bpf_map_lookup_elem
r1 = 1
lock *(u64 *)(r0 +22) += r1
r0 = 0
exit

### atomic_on_a_number_prints_its_value_in_hex
; An atomic through a number fails its alignment first; the kernel prints a
; known variable offset in C's %#llx (tnum_strn). A difffuzz case
; (cgroup_sysctl, seed 0xd27543f4ecacf7c0): kfreg printed -1.
; type: socket
; expect: REJECT misaligned access off 0xffffffffffffffff+0+40 size 8
r8 = -1
r5 = 8
lock *(u64 *)(r8 +40) += r5
r0 = 0
exit

### atomic_on_a_small_number_prints_it_in_decimal
; tnum_strn prints a known offset as the log prints numbers: up to 512 in
; decimal (difffuzz, seed 0xdaaad7545cc8cebd: kfreg printed 0x23).
; type: socket
; expect: REJECT misaligned access off 35+0+8 size 8
r7 = 35
r8 = 1
lock *(u64 *)(r7 +8) += r8
r0 = 0
exit

; Load-acquire and store-release refuse the pointers the other atomics
; refuse (atomic_ptr_type_ok): the load before it reads, the store after
; its (aligned) store is checked; flow keys and sockets too. Found on
; newer selftests (verifier_load_acquire.c, verifier_store_release.c).

### atomic_into_flow_keys_not_allowed
; type: flow_dissector
; expect: REJECT BPF_ATOMIC stores into R2 flow_keys is not allowed
r2 = *(u64 *)(r1 +144)
r3 = 1
lock *(u32 *)(r2 +0) += r3
r0 = 0
exit

### load_acquire_from_flow_keys_not_allowed
; type: flow_dissector
; expect: REJECT BPF_ATOMIC loads from R2 flow_keys is not allowed
r2 = *(u64 *)(r1 +144)
r0 = load_acquire((u8 *)(r2 +0))
r0 = 0
exit

### load_acquire_from_ctx_not_allowed
; type: socket
; expect: REJECT BPF_ATOMIC loads from R1 ctx is not allowed
r0 = load_acquire((u32 *)(r1 +0))
r0 = 0
exit

### store_release_into_ctx_not_allowed
; type: socket
; expect: REJECT BPF_ATOMIC stores into R1 ctx is not allowed
r0 = 0
store_release((u32 *)(r1 +48), r0)
exit

### load_acquire_from_packet_not_allowed
; type: tc
; expect: REJECT BPF_ATOMIC loads from R2 pkt is not allowed
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r4 = r2
r4 += 8
if r4 > r3 goto out
r0 = load_acquire((u64 *)(r2 +0))
out:
r0 = 0
exit

### store_release_into_packet_not_allowed
; type: tc
; expect: REJECT misaligned packet access off 2+0+0+0 size 8
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r4 = r2
r4 += 8
if r4 > r3 goto out
r0 = 0
store_release((u64 *)(r2 +0), r0)
out:
r0 = 0
exit

### atomic_into_sock_common_not_allowed
; type: tc
; expect: REJECT BPF_ATOMIC stores into R2 sock_common is not allowed
r2 = *(u64 *)(r1 +168)
if r2 == 0 goto out
r3 = 1
lock *(u32 *)(r2 +0) += r3
out:
r0 = 0
exit

### load_acquire_from_sock_common_not_allowed
; type: tc
; expect: REJECT BPF_ATOMIC loads from R2 sock_common is not allowed
r2 = *(u64 *)(r1 +168)
if r2 == 0 goto out
r0 = load_acquire((u32 *)(r2 +0))
out:
r0 = 0
exit

### load_acquire_from_map_value_ok
; type: socket
; map: array key=4 value=8 max=1
; expect: ACCEPT
r1 = map[id:0]
r2 = r10
r2 += -4
*(u32 *)(r10 -4) = 0
call bpf_map_lookup_elem
if r0 == 0 goto out
r1 = load_acquire((u64 *)(r0 +0))
r1 = 0
store_release((u64 *)(r0 +0), r1)
out:
r0 = 0
exit

### atomic_load_acquire_from_untrusted_memory
; Untrusted read-only memory may be read, but not acquired from: the
; kernel refuses the load-acquire once the read is checked.
; type: socket
; expect: REJECT BPF_ATOMIC loads from R1 rdonly_untrusted_mem is not allowed
r1 = 0
*(u64 *)(r10 -8) = r1
r1 = r10
r1 += -8
r2 = 0
call bpf_rdonly_cast
r1 = r0
r0 = load_acquire((u64 *)(r1 +0))
r0 = 0
exit

### atomic_add_at_a_variable_stack_offset
; An atomic first checks it may read the memory into no register, which a
; variable stack offset may not be (check_stack_read).
; type: socket
; expect: REJECT variable offset stack pointer cannot be passed into helper function; var_off=(0x0; 0x8) off=-16 size=8
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r0 &= 8
r1 = r10
r1 += -16
r1 += r0
r2 = 1
lock *(u64 *)(r1 +0) += r2
r0 = 0
exit

### atomic_xchg_at_a_variable_stack_offset
; type: socket
; expect: REJECT variable offset stack pointer cannot be passed into helper function; var_off=(0x0; 0x8) off=-16 size=8
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
call bpf_get_prandom_u32
r0 &= 8
r1 = r10
r1 += -16
r1 += r0
r2 = 1
r2 = atomic64_xchg((u64 *)(r1 +0), r2)
r0 = 0
exit

### atomic_misaligned_rodata_value
; The misaligned pointer is named by its type: a read-only map's value is a
; value.
; type: socket
; map: array key=4 value=16 max=1 rdonly_prog init=00000000000000000000000000000000
; expect: REJECT misaligned value access off 0+0+4 size 8
r1 = map[id:0][0]+0
r2 = 1
r0 = load_acquire((u64 *)(r1 +4))
r0 = 0
exit
