; Return ranges the kernel checks at exit (`check_return_code`): session
; probes return 0 or 1 (the return probe runs or not); plain kprobes anything.

### ret_kprobe_session_2
; type: kprobe_session
; expect: REJECT At program exit the register R0 has smin=2 smax=2 should have been in [0, 1]
r0 = 2
exit

### ret_kprobe_session_1
; type: kprobe_session
; expect: ACCEPT
r0 = 1
exit

### ret_uprobe_session_2
; type: uprobe_session
; expect: REJECT At program exit the register R0 has smin=2 smax=2 should have been in [0, 1]
r0 = 2
exit

### ret_kprobe_plain_2
; type: kprobe
; expect: ACCEPT
r0 = 2
exit
