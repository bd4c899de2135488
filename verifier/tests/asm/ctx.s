; Context access for socket filters (__sk_buff), tc (__sk_buff), xdp
; (xdp_md), syscall (user memory) and raw tracepoints (u64 args[]).

### ctx_socket_read_len_ok
; type: socket
; expect: ACCEPT
r0 = *(u32 *)(r1 +0)
exit

### ctx_socket_narrow_read_len_ok
; type: socket
; expect: ACCEPT
r0 = *(u8 *)(r1 +0)
r0 = *(u16 *)(r1 +2)
exit

### ctx_socket_read_past_end
; type: socket
; expect: REJECT invalid bpf_context access off=1000 size=4
r0 = *(u32 *)(r1 +1000)
exit

### ctx_socket_read_negative_offset
; type: socket
; expect: REJECT invalid bpf_context access off=-4 size=4
r0 = *(u32 *)(r1 -4)
exit

### ctx_socket_misaligned_read
; type: socket
; expect: REJECT invalid bpf_context access off=2 size=4
r0 = *(u32 *)(r1 +2)
exit

### ctx_socket_write_len_readonly
; type: socket
; expect: REJECT invalid bpf_context access off=0 size=4
r0 = 0
*(u32 *)(r1 +0) = r0
exit

### ctx_socket_write_cb_ok
; type: socket
; expect: ACCEPT
r0 = 7
*(u32 *)(r1 +48) = r0
r0 = *(u32 *)(r1 +48)
exit

### ctx_socket_write_mark_not_allowed
; type: socket
; expect: REJECT invalid bpf_context access off=8 size=4
r0 = 0
*(u32 *)(r1 +8) = r0
exit

### ctx_socket_read_data_not_allowed
; type: socket
; expect: REJECT invalid bpf_context access off=76 size=4
r0 = *(u32 *)(r1 +76)
r0 = 0
exit

### ctx_socket_st_imm_into_cb_ok
; type: socket
; expect: ACCEPT
*(u32 *)(r1 +48) = 0
r0 = 0
exit

### ctx_socket_u64_read_of_u32_field
; type: socket
; expect: REJECT invalid bpf_context access off=0 size=8
r0 = *(u64 *)(r1 +0)
exit

### ctx_tc_write_mark_ok
; type: tc
; expect: ACCEPT
r0 = 1
*(u32 *)(r1 +8) = r0
r0 = 0
exit

### ctx_tc_write_priority_and_tc_index_ok
; type: tc
; expect: ACCEPT
r0 = 1
*(u32 *)(r1 +32) = r0
*(u32 *)(r1 +44) = r0
r0 = 0
exit

### ctx_tc_write_protocol_readonly
; type: tc
; expect: REJECT invalid bpf_context access off=16 size=4
r0 = 1
*(u32 *)(r1 +16) = r0
r0 = 0
exit

### ctx_tc_read_tstamp_u64_ok
; type: tc
; expect: ACCEPT
r0 = *(u64 *)(r1 +152)
r0 = 0
exit

### ctx_tc_read_sk_ok_then_null_check
; type: tc
; expect: ACCEPT
r2 = *(u64 *)(r1 +168)
if r2 == 0x0 goto out
r0 = *(u32 *)(r2 +4)
out:
r0 = 0
exit

### ctx_tc_read_sk_deref_without_null_check
; type: tc
; expect: REJECT R2 invalid mem access 'sock_common_or_null'
r2 = *(u64 *)(r1 +168)
r0 = *(u32 *)(r2 +4)
exit

### ctx_tc_packet_read_with_range_check
; type: tc
; expect: ACCEPT
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r4 = r2
r4 += 14
if r4 > r3 goto out
r0 = *(u8 *)(r2 +12)
r0 = *(u16 *)(r2 +12)
out:
r0 = 0
exit

### ctx_tc_packet_read_without_range_check
; type: tc
; before: invalid access to packet, off=0 size=1, R2(id=0,off=0,r=0)
; expect: REJECT R2 offset is outside of the packet
r2 = *(u32 *)(r1 +76)
r0 = *(u8 *)(r2 +0)
exit

### ctx_tc_packet_read_past_checked_range
; type: tc
; before: invalid access to packet, off=12 size=4, R2(id=0,off=12,r=14)
; expect: REJECT R2 offset is outside of the packet
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r4 = r2
r4 += 14
if r4 > r3 goto out
r0 = *(u32 *)(r2 +12)
out:
r0 = 0
exit

### ctx_tc_packet_write_with_range_check
; type: tc
; expect: ACCEPT
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r4 = r2
r4 += 8
if r4 > r3 goto out
r0 = 0
*(u64 *)(r2 +0) = r0
out:
r0 = 0
exit

### ctx_tc_packet_range_check_wrong_direction
; type: tc
; before: invalid access to packet, off=0 size=1, R2(id=0,off=0,r=0)
; expect: REJECT R2 offset is outside of the packet
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r4 = r2
r4 += 8
if r4 < r3 goto out
r0 = *(u8 *)(r2 +0)
out:
r0 = 0
exit

### ctx_tc_packet_range_check_reversed_operands
; type: tc
; expect: ACCEPT
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r4 = r2
r4 += 8
if r3 < r4 goto out
r0 = *(u64 *)(r2 +0)
out:
r0 = 0
exit

### ctx_tc_packet_var_offset_after_check
; type: tc
; expect: ACCEPT
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r5 = *(u32 *)(r1 +0)
r5 &= 0xf
r2 += r5
r4 = r2
r4 += 4
if r4 > r3 goto out
r0 = *(u32 *)(r2 +0)
out:
r0 = 0
exit

### ctx_tc_packet_unbounded_var_offset
; type: tc
; before: invalid access to packet, off=0 size=4, R2(id=1,off=0,r=0)
; expect: REJECT R2 offset is outside of the packet
r2 = *(u32 *)(r1 +76)
r3 = *(u32 *)(r1 +80)
r5 = *(u32 *)(r1 +0)
r2 += r5
r4 = r2
r4 += 4
if r4 > r3 goto out
r0 = *(u32 *)(r2 +0)
out:
r0 = 0
exit

### ctx_tc_pkt_end_deref
; type: tc
; expect: REJECT R3 invalid mem access 'pkt_end'
r3 = *(u32 *)(r1 +80)
r0 = *(u8 *)(r3 +0)
exit

### ctx_tc_data_narrow_load
; type: tc
; expect: REJECT invalid bpf_context access off=76 size=2
r2 = *(u16 *)(r1 +76)
r0 = 0
exit

### ctx_xdp_read_fields_ok
; type: xdp
; expect: ACCEPT
r2 = *(u32 *)(r1 +0)
r3 = *(u32 *)(r1 +4)
r4 = *(u32 *)(r1 +8)
r5 = *(u32 *)(r1 +12)
r0 = *(u32 *)(r1 +16)
r0 = 2
exit

### ctx_xdp_egress_ifindex_needs_devmap_attach
; type: xdp
; expect: REJECT invalid bpf_context access off=20 size=4
r0 = *(u32 *)(r1 +20)
r0 = 2
exit

### ctx_xdp_read_past_end
; type: xdp
; expect: REJECT invalid bpf_context access off=24 size=4
r0 = *(u32 *)(r1 +24)
exit

### ctx_xdp_write_data_not_allowed
; type: xdp
; expect: REJECT invalid bpf_context access off=0 size=4
r0 = 0
*(u32 *)(r1 +0) = r0
exit

### ctx_xdp_packet_write_with_range_check
; type: xdp
; expect: ACCEPT
r2 = *(u32 *)(r1 +0)
r3 = *(u32 *)(r1 +4)
r4 = r2
r4 += 6
if r4 > r3 goto out
r0 = 0xff
*(u8 *)(r2 +5) = r0
out:
r0 = 2
exit

### ctx_xdp_packet_read_without_range_check
; type: xdp
; before: invalid access to packet, off=0 size=4, R2(id=0,off=0,r=0)
; expect: REJECT R2 offset is outside of the packet
r2 = *(u32 *)(r1 +0)
r0 = *(u32 *)(r2 +0)
exit

### ctx_xdp_data_meta_check_against_data
; type: xdp
; expect: ACCEPT
r2 = *(u32 *)(r1 +8)
r3 = *(u32 *)(r1 +0)
r4 = r2
r4 += 4
if r4 > r3 goto out
r0 = *(u32 *)(r2 +0)
out:
r0 = 2
exit

### ctx_xdp_data_meta_unchecked
; type: xdp
; before: invalid access to packet, off=0 size=4, R2(id=0,off=0,r=0)
; expect: REJECT R2 offset is outside of the packet
r2 = *(u32 *)(r1 +8)
r0 = *(u32 *)(r2 +0)
exit

### ctx_xdp_packet_pointer_compare_eq_no_range
; type: xdp
; before: invalid access to packet, off=0 size=4, R2(id=0,off=0,r=0)
; expect: REJECT R2 offset is outside of the packet
r2 = *(u32 *)(r1 +0)
r3 = *(u32 *)(r1 +4)
r4 = r2
r4 += 4
if r4 != r3 goto out
r0 = *(u32 *)(r2 +0)
out:
r0 = 2
exit

### ctx_xdp_u64_load_of_data
; type: xdp
; expect: REJECT invalid bpf_context access off=0 size=8
r2 = *(u64 *)(r1 +0)
r0 = 2
exit

### ctx_syscall_read_write_ok
; type: syscall
; expect: ACCEPT
r2 = *(u64 *)(r1 +0)
*(u64 *)(r1 +8) = r2
r0 = *(u32 *)(r1 +100)
r0 = 0
exit

### ctx_syscall_negative_offset
; type: syscall
; expect: REJECT invalid bpf_context access off=-8 size=8
r0 = *(u64 *)(r1 -8)
exit

### ctx_syscall_misaligned
; type: syscall
; expect: REJECT invalid bpf_context access off=4 size=8
r0 = *(u64 *)(r1 +4)
exit

### ctx_syscall_var_offset
; type: syscall
; expect: REJECT variable ctx access var_off=(0x0; 0x8) disallowed
r2 = *(u32 *)(r1 +0)
r2 &= 8
r1 += r2
r0 = *(u64 *)(r1 +0)
exit

### ctx_raw_tp_read_args_ok
; type: raw_tp
; expect: ACCEPT
r2 = *(u64 *)(r1 +0)
r3 = *(u64 *)(r1 +88)
r0 = 0
exit

### ctx_raw_tp_read_past_args
; type: raw_tp
; expect: REJECT invalid bpf_context access off=96 size=8
r0 = *(u64 *)(r1 +96)
exit

### ctx_raw_tp_write_not_allowed
; type: raw_tp
; expect: REJECT invalid bpf_context access off=0 size=8
r0 = 0
*(u64 *)(r1 +0) = r0
exit

### ctx_raw_tp_narrow_read
; type: raw_tp
; expect: ACCEPT
r0 = *(u32 *)(r1 +0)
exit

### ctx_raw_tp_misaligned_read
; type: raw_tp
; expect: REJECT invalid bpf_context access off=4 size=8
r0 = *(u64 *)(r1 +4)
exit

### ctx_spill_fill_ctx_then_read
; type: xdp
; expect: ACCEPT
*(u64 *)(r10 -8) = r1
r6 = *(u64 *)(r10 -8)
r0 = *(u32 *)(r6 +12)
r0 = 2
exit

### ctx_load_through_negative_offset
; A moved context pointer is refused at its use, a negative offset first.
; type: socket
; expect: REJECT negative offset ctx ptr R1 off=-1 disallowed
r1 += -1
r0 = *(u8 *)(r1 +1)
r0 = 0
exit

### exit_with_a_pointer_where_a_code_is_expected
; A program type with a return range must return a number.
; type: sysctl
; expect: REJECT At program exit the register R0 is not a known value (ctx)
r0 = r1
exit

### cgroup_sock_loaded_without_attach_type_is_sock_create
; The kernel loads a cgroup_sock program given no expected attach type as
; BPF_CGROUP_INET_SOCK_CREATE (bpf_prog_load_fixup_attach_type), for which
; bound_dev_if may be read. A difffuzz false reject (cgroup_sock, seed
; 0x183bcad2e5778f53).
; type: cgroup_sock
; expect: ACCEPT
r2 = *(u32 *)(r1 +0)
r0 = 1
exit

### cgroup_sock_narrow_load_must_start_at_the_field
; `rx_queue_mapping` is named by its start (case offsetof), so a byte load
; inside it is refused; the addresses are ranges, read anywhere. A difffuzz
; false accept (cgroup_sock, seed 0xee8e5da5bd4d7910).
; type: cgroup_sock
; expect: REJECT invalid bpf_context access off=79 size=1
r2 = *(u8 *)(r1 +76)
r2 = *(u8 *)(r1 +55)
r2 = *(u8 *)(r1 +79)
r0 = 1
exit

### cgroup_sock_dst_port_is_read_as_a_u32_too
; dst_port is 16 bits, read whole, by byte, or as four bytes from its start
; (backward compatibility). A difffuzz false reject (cgroup_sock, seed
; 0x3cf63359c9ef4de4).
; type: cgroup_sock
; expect: ACCEPT
r2 = *(u32 *)(r1 +48)
r2 = *(u16 *)(r1 +48)
r2 = *(u8 *)(r1 +49)
r0 = 1
exit

### cgroup_sock_dst_port_padding_is_nobodys
; type: cgroup_sock
; expect: REJECT invalid bpf_context access off=50 size=2
r2 = *(u16 *)(r1 +50)
r0 = 1
exit

### tracepoint_record_read_below_its_start
; tp_prog_is_valid_access compares the offset with the record's start as an
; unsigned number: a load at a negative offset passes when its size divides
; it. A difffuzz false reject (tracepoint, seed 0x70908216965da52a).
; type: tracepoint
; expect: ACCEPT
r2 = *(u8 *)(r1 -15)
r2 = *(u64 *)(r1 -8)
r2 = *(u32 *)(r1 -2048)
r0 = 0
exit

### tracepoint_record_read_below_its_start_misaligned
; type: tracepoint
; expect: REJECT invalid bpf_context access off=-6 size=4
r2 = *(u32 *)(r1 -6)
r0 = 0
exit

### tracepoint_record_written_below_its_start
; type: tracepoint
; expect: REJECT invalid bpf_context access off=-8 size=8
r2 = 0
*(u64 *)(r1 -8) = r2
r0 = 0
exit

### sk_reuseport_eth_protocol_read_by_halves
; eth_protocol is read whole or by 16-bit halves, never by byte: at least
; the kernel's 16-bit protocol (difffuzz false reject, sk_reuseport, seed
; 0xfd122fce3c641bd9).
; type: sk_reuseport
; expect: ACCEPT
r2 = *(u16 *)(r1 +20)
r2 = *(u16 *)(r1 +22)
r2 = *(u32 *)(r1 +20)
r0 = 1
exit

### sk_reuseport_eth_protocol_byte
; type: sk_reuseport
; expect: REJECT invalid bpf_context access off=21 size=1
r2 = *(u8 *)(r1 +21)
r0 = 1
exit

### flow_keys_access_past_the_struct
; A flow dissector's keys are checked as such (check_flow_keys_access), not
; as memory (difffuzz, flow_dissector, seed 0xf0aa016b934f661e).
; type: flow_dissector
; expect: REJECT invalid access to flow keys off=56 size=8
r2 = *(u64 *)(r1 +144)
r3 = *(u64 *)(r2 +56)
r0 = 0
exit

### flow_keys_pointer_moved_by_a_constant_reads_within
; A constant added to the keys pointer counts toward the access's offset,
; as the load's own offset does: no "modified pointer" rule for flow keys.
; type: flow_dissector
; insns: 7
; expect: ACCEPT
r2 = *(u64 *)(r1 +144)
r2 += 8
r3 = *(u64 *)(r2 +0)
r2 += 40
r3 = *(u64 *)(r2 +0)
r0 = 0
exit

### flow_keys_pointer_moved_by_a_constant_past_the_struct
; type: flow_dissector
; expect: REJECT invalid access to flow keys off=54 size=4
r2 = *(u64 *)(r1 +144)
r2 += 52
r3 = 0
*(u32 *)(r2 +2) = r3
r0 = 0
exit

### flow_keys_pointer_math_names_flow_keys
; type: flow_dissector
; expect: REJECT math between flow_keys pointer and 1073741824 is not allowed
r2 = *(u64 *)(r1 +144)
r3 = 0x40000000
r2 += r3
r0 = 0
exit

### exit_value_out_of_range_with_both_bounds
; "unknown scalar value" only when neither bound is printed
; (verbose_invalid_scalar; difffuzz, seed 0xce007c3784c03dd2).
; type: cgroup_dev
; expect: REJECT At program exit the register R0 has smin=-4095 smax=59 should have been in [0, 1]
call bpf_get_prandom_u32
r0 <<= 32
r0 s>>= 32
if r0 s> 59 goto out
if r0 s< -4095 goto out
exit
out:
r0 = 0
exit

### prog_syscall_not_sleepable
; A syscall program is always loaded sleepable (check_attach_btf_id).
; type: syscall_ns
; expect: REJECT Syscall programs can only be sleepable
r0 = 0
exit

### prog_socket_filter_sleepable
; Only uprobes, LSM hooks, struct_ops and trampoline or iterator tracing
; programs may sleep (can_be_sleepable).
; type: socket_s
; expect: REJECT Only fentry/fexit/fmod_ret, lsm, iter, uprobe, and struct_ops programs can be sleepable
r0 = 0
exit
