; Programs whose license is not GPL-compatible (`; license: MIT`): the
; GPL-only helpers refused before their arguments are checked, and
; bpf_get_func_ip, GPL-only for a kprobe or uprobe but not for a
; kprobe.multi, kprobe.session, uprobe.multi or uprobe.session (the kernel
; picks its prototype by the expected attach type). Taken from
; `scripts/helper-call-sweep.py --license MIT` (7,208 cases, all agreeing),
; and no kfunc call at all.

### license_kfunc_call
; type: syscall
; license: MIT
; expect: REJECT cannot call kernel function from non-GPL compatible program
call bpf_rcu_read_lock
r0 = 0
exit

### license_helper_6_socket
; type: socket
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 6
r0 = 0
exit

### license_helper_6_kprobe
; type: kprobe
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 6
r0 = 0
exit

### license_helper_6_kprobe_multi
; type: kprobe_multi
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 6
r0 = 0
exit

### license_helper_6_uprobe_multi
; type: uprobe_multi
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 6
r0 = 0
exit

### license_helper_6_kprobe_session
; type: kprobe_session
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 6
r0 = 0
exit

### license_helper_6_uprobe_session
; type: uprobe_session
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 6
r0 = 0
exit

### license_helper_6_tracepoint
; type: tracepoint
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 6
r0 = 0
exit

### license_helper_6_raw_tp
; type: raw_tp
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 6
r0 = 0
exit

### license_helper_6_tc
; type: tc
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 6
r0 = 0
exit

### license_helper_35_socket
; type: socket
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 35
r0 = 0
exit

### license_helper_35_kprobe
; type: kprobe
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 35
r0 = 0
exit

### license_helper_35_kprobe_multi
; type: kprobe_multi
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 35
r0 = 0
exit

### license_helper_35_uprobe_multi
; type: uprobe_multi
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 35
r0 = 0
exit

### license_helper_35_kprobe_session
; type: kprobe_session
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 35
r0 = 0
exit

### license_helper_35_uprobe_session
; type: uprobe_session
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 35
r0 = 0
exit

### license_helper_35_tracepoint
; type: tracepoint
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 35
r0 = 0
exit

### license_helper_35_raw_tp
; type: raw_tp
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 35
r0 = 0
exit

### license_helper_35_tc
; type: tc
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 35
r0 = 0
exit

### license_helper_113_socket
; type: socket
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 113
r0 = 0
exit

### license_helper_113_kprobe
; type: kprobe
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 113
r0 = 0
exit

### license_helper_113_kprobe_multi
; type: kprobe_multi
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 113
r0 = 0
exit

### license_helper_113_uprobe_multi
; type: uprobe_multi
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 113
r0 = 0
exit

### license_helper_113_kprobe_session
; type: kprobe_session
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 113
r0 = 0
exit

### license_helper_113_uprobe_session
; type: uprobe_session
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 113
r0 = 0
exit

### license_helper_113_tracepoint
; type: tracepoint
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 113
r0 = 0
exit

### license_helper_113_raw_tp
; type: raw_tp
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 113
r0 = 0
exit

### license_helper_113_tc
; type: tc
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 113
r0 = 0
exit

### license_helper_173_socket
; type: socket
; license: MIT
; expect: REJECT program of this type cannot use helper bpf_get_func_ip#173
call 173
r0 = 0
exit

### license_helper_173_kprobe
; type: kprobe
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 173
r0 = 0
exit

### license_helper_173_kprobe_multi
; type: kprobe_multi
; license: MIT
; expect: ACCEPT
call 173
r0 = 0
exit

### license_helper_173_uprobe_multi
; type: uprobe_multi
; license: MIT
; expect: ACCEPT
call 173
r0 = 0
exit

### license_helper_173_kprobe_session
; type: kprobe_session
; license: MIT
; expect: ACCEPT
call 173
r0 = 0
exit

### license_helper_173_uprobe_session
; type: uprobe_session
; license: MIT
; expect: ACCEPT
call 173
r0 = 0
exit

### license_helper_173_tracepoint
; type: tracepoint
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 173
r0 = 0
exit

### license_helper_173_raw_tp
; type: raw_tp
; license: MIT
; expect: REJECT cannot call GPL-restricted function from non-GPL compatible program
call 173
r0 = 0
exit

### license_helper_173_tc
; type: tc
; license: MIT
; expect: REJECT program of this type cannot use helper bpf_get_func_ip#173
call 173
r0 = 0
exit

### license_helper_174_socket
; type: socket
; license: MIT
; expect: REJECT program of this type cannot use helper bpf_get_attach_cookie#174
call 174
r0 = 0
exit

### license_helper_174_kprobe
; type: kprobe
; license: MIT
; expect: ACCEPT
call 174
r0 = 0
exit

### license_helper_174_kprobe_multi
; type: kprobe_multi
; license: MIT
; expect: ACCEPT
call 174
r0 = 0
exit

### license_helper_174_uprobe_multi
; type: uprobe_multi
; license: MIT
; expect: ACCEPT
call 174
r0 = 0
exit

### license_helper_174_kprobe_session
; type: kprobe_session
; license: MIT
; expect: ACCEPT
call 174
r0 = 0
exit

### license_helper_174_uprobe_session
; type: uprobe_session
; license: MIT
; expect: ACCEPT
call 174
r0 = 0
exit

### license_helper_174_tracepoint
; type: tracepoint
; license: MIT
; expect: ACCEPT
call 174
r0 = 0
exit

### license_helper_174_raw_tp
; type: raw_tp
; license: MIT
; expect: ACCEPT
call 174
r0 = 0
exit

### license_helper_174_tc
; type: tc
; license: MIT
; expect: REJECT program of this type cannot use helper bpf_get_attach_cookie#174
call 174
r0 = 0
exit
