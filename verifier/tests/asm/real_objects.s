; Shapes from real objects (Debian's libbpf-tools and xdp-tools) that once
; made kfreg panic: helpers reading constants wider than a register from a
; frozen read-only map (bpf_printk's format string, a default value passed to
; bpf_map_update_elem), and constant map keys that do not start a stack slot.

### rodata_format_string_read_by_helper_ok
; type: socket
; map: array key=4 value=16 max=1 rdonly_prog init=68656c6c6f2025640a00
; expect: ACCEPT
r1 = map[id:0][0]+0
r2 = 10
r3 = 7
call bpf_trace_printk
r0 = 0
exit

### rodata_default_value_passed_to_update_ok
; type: socket
; map: hash key=4 value=24 max=4
; map: array key=4 value=24 max=1 rdonly_prog init=0102030405060708090a0b0c0d0e0f101112131415161718
; expect: ACCEPT
r1 = 0
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -4
r3 = map[id:1][0]+0
r1 = map[id:0]
r4 = 0
call bpf_map_update_elem
r0 = 0
exit

### rodata_register_load_reads_the_constant_ok
; type: socket
; map: array key=4 value=16 max=1 rdonly_prog init=0100000000000000ffffffffffffffff
; expect: ACCEPT
r1 = map[id:0][0]+0
r2 = *(u64 *)(r1 +0)
r0 = 0
if r2 == 1 goto out
r0 = *(u64 *)(r0 +0)
out:
r0 = 0
exit

### map_key_spanning_two_slots_ok
; type: socket
; map: hash key=6 value=8 max=1
; expect: ACCEPT
r1 = 0
*(u64 *)(r10 -8) = r1
*(u32 *)(r10 -12) = r1
r2 = r10
r2 += -12
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = 0
exit

### map_key_spanning_two_slots_is_not_constant
; type: socket
; map: array key=4 value=8 max=1
; expect: REJECT R0 invalid mem access 'map_value_or_null'
r1 = 0
*(u64 *)(r10 -8) = r1
*(u64 *)(r10 -16) = r1
r2 = r10
r2 += -10
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = *(u64 *)(r0 +0)
r0 = 0
exit

### map_key_spilled_register_is_not_zero_bytes
; type: socket
; map: array key=4 value=8 max=1
; expect: REJECT R0 invalid mem access 'map_value_or_null'
r1 = 0
*(u64 *)(r10 -8) = r1
r2 = r10
r2 += -7
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = *(u64 *)(r0 +0)
r0 = 0
exit

### map_key_zero_bytes_inside_a_slot_are_constant_ok
; type: socket
; map: array key=4 value=8 max=1
; expect: ACCEPT
r1 = 0
*(u16 *)(r10 -6) = r1
*(u32 *)(r10 -4) = r1
r2 = r10
r2 += -6
r1 = map[id:0]
call bpf_map_lookup_elem
r0 = *(u64 *)(r0 +0)
r0 = 0
exit

### kprobe_ctx_last_register_ok
; type: kprobe
; expect: ACCEPT
r0 = *(u64 *)(r1 +160)
r0 = 0
exit

### kprobe_ctx_past_pt_regs
; type: kprobe
; expect: REJECT invalid bpf_context access off=168 size=8
r0 = *(u64 *)(r1 +168)
r0 = 0
exit

### tracepoint_ctx_common_header
; type: tracepoint
; expect: REJECT invalid bpf_context access off=0 size=8
r0 = *(u64 *)(r1 +0)
r0 = 0
exit

### tracepoint_ctx_far_field_ok
; type: tracepoint
; expect: ACCEPT
r0 = *(u64 *)(r1 +4000)
r0 = 0
exit

### perf_event_sample_period_narrow_ok
; type: perf_event
; expect: ACCEPT
r0 = *(u32 *)(r1 +168)
r0 = 0
exit

### perf_event_registers_narrow
; type: perf_event
; expect: REJECT invalid bpf_context access off=0 size=4
r0 = *(u32 *)(r1 +0)
r0 = 0
exit

### perf_event_past_addr
; type: perf_event
; expect: REJECT invalid bpf_context access off=184 size=8
r0 = *(u64 *)(r1 +184)
r0 = 0
exit
