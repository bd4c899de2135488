; A subprogram using at least 64 bytes of stack gets a stack of its own
; from the oracle kernel's JIT only in programs that run with preemption
; disabled: perf events, kprobe_multi and kprobe_session programs. Elsewhere
; (kprobes that may be uprobes, tracepoints, raw and BTF tracepoints,
; iterators) every frame counts towards the 512-byte limit. A tail call
; anywhere gives no frame a stack of its own.

### pstack_kprobe_main512_sub32
; type: kprobe
; expect: REJECT combined stack size of 2 calls is 544. Too large
r1 = 42
*(u64 *)(r10 -512) = r1
call sub
r0 = 0
exit
sub:
r1 = 0
*(u64 *)(r10 -32) = r1
r0 = 0
exit

### pstack_kprobe_main64_sub480
; type: kprobe
; expect: REJECT combined stack size of 2 calls is 544. Too large
r1 = 42
*(u64 *)(r10 -64) = r1
call sub
r0 = 0
exit
sub:
r1 = 0
*(u64 *)(r10 -480) = r1
r0 = 0
exit

### pstack_tracepoint_main512_sub32
; type: tracepoint
; expect: REJECT combined stack size of 2 calls is 544. Too large
r1 = 42
*(u64 *)(r10 -512) = r1
call sub
r0 = 0
exit
sub:
r1 = 0
*(u64 *)(r10 -32) = r1
r0 = 0
exit


### pstack_perf_event_two_frames_of_300
; type: perf_event
; expect: ACCEPT
*(u8 *)(r10 -300) = 0
call f
exit
f:
*(u8 *)(r10 -300) = 0
r0 = 0
exit

### pstack_perf_event_three_frames_of_300
; type: perf_event
; expect: ACCEPT
*(u8 *)(r10 -300) = 0
call f
exit
f:
*(u8 *)(r10 -300) = 0
call g
r0 = 0
exit
g:
*(u8 *)(r10 -300) = 0
r0 = 0
exit

### pstack_perf_event_small_callee_shares
; type: perf_event
; expect: ACCEPT
*(u8 *)(r10 -500) = 0
call f
exit
f:
*(u8 *)(r10 -32) = 0
r0 = 0
exit

### pstack_perf_event_tail_call
; type: perf_event
; map: prog_array key=4 value=4 max=4
; btf: funcs
; expect: REJECT tail_calls are not allowed when call stack of previous frames is 304 bytes. Too large
*(u8 *)(r10 -300) = 0
call f
r0 = 0
exit
f:
*(u8 *)(r10 -300) = 0
r2 = map[id:0]
r3 = 0
call 12
r0 = 0
exit

### pstack_kprobe_multi_two_frames_of_300
; type: kprobe_multi
; expect: ACCEPT
*(u8 *)(r10 -300) = 0
call f
exit
f:
*(u8 *)(r10 -300) = 0
r0 = 0
exit

### pstack_kprobe_session_two_frames_of_300
; type: kprobe_session
; expect: ACCEPT
*(u8 *)(r10 -300) = 0
call f
exit
f:
*(u8 *)(r10 -300) = 0
r0 = 0
exit

### pstack_uprobe_multi_two_frames_of_300
; type: uprobe_multi
; expect: REJECT combined stack size of 2 calls is 608. Too large
*(u8 *)(r10 -300) = 0
call f
exit
f:
*(u8 *)(r10 -300) = 0
r0 = 0
exit

### pstack_uprobe_session_two_frames_of_300
; type: uprobe_session
; expect: REJECT combined stack size of 2 calls is 608. Too large
*(u8 *)(r10 -300) = 0
call f
exit
f:
*(u8 *)(r10 -300) = 0
r0 = 0
exit

### pstack_raw_tp_two_frames_of_300
; type: raw_tp
; expect: REJECT combined stack size of 2 calls is 608. Too large
*(u8 *)(r10 -300) = 0
call f
exit
f:
*(u8 *)(r10 -300) = 0
r0 = 0
exit

### pstack_raw_tp_w_two_frames_of_300
; type: raw_tp_w
; expect: REJECT combined stack size of 2 calls is 608. Too large
*(u8 *)(r10 -300) = 0
call f
exit
f:
*(u8 *)(r10 -300) = 0
r0 = 0
exit

### pstack_tp_btf_two_frames_of_300
; type: tp_btf/sched_switch
; expect: REJECT combined stack size of 2 calls is 608. Too large
*(u8 *)(r10 -300) = 0
call f
exit
f:
*(u8 *)(r10 -300) = 0
r0 = 0
exit

### pstack_iter_two_frames_of_300
; type: iter/task
; expect: REJECT combined stack size of 2 calls is 608. Too large
*(u8 *)(r10 -300) = 0
call f
exit
f:
*(u8 *)(r10 -300) = 0
r0 = 0
exit

### pstack_tail_call_under_255_bytes_of_callers
; type: socket
; map: prog_array key=4 value=4 max=4
; btf: funcs
; expect: ACCEPT
*(u8 *)(r10 -240) = 0
call f
r0 = 0
exit
f:
*(u8 *)(r10 -8) = 0
r2 = map[id:0]
r3 = 0
call 12
r0 = 0
exit

### pstack_tail_call_under_256_bytes_of_callers
; type: socket
; map: prog_array key=4 value=4 max=4
; btf: funcs
; expect: REJECT tail_calls are not allowed when call stack of previous frames is 256 bytes. Too large
*(u8 *)(r10 -256) = 0
call f
r0 = 0
exit
f:
*(u8 *)(r10 -8) = 0
r2 = map[id:0]
r3 = 0
call 12
r0 = 0
exit
